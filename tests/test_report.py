"""The report command end to end: inputs checked first, one folder published, reproducible, faults.

The content of the report is tested in test_report_data.py / test_report_render.py; here the
runner: what lands in the folder, the marker and its digests, determinism, escaping, and the
command-level faults of issue 10 (each one line, exit 2, earlier report and user files intact).
"""

import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from analysis import paths
from analysis.report import provenance, publish

TRADE_FILES = (
    "tests/fixtures/comtrade_plus/kaz_gbr_2022_2023.csv",
    "tests/fixtures/comtrade_plus/gbr_kaz_2022_2023.json",
)


def _report(*args, env=None, timeout=600):
    return subprocess.run(
        [sys.executable, "-m", "analysis", "report", *map(str, args)],
        cwd=paths.PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=None if env is None else {**os.environ, **env},
    )


@pytest.fixture(scope="module")
def base():
    folder = paths.REPORTS_DIR / f"_test-{uuid.uuid4().hex[:8]}"
    folder.mkdir(parents=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def runs(base, tmp_path_factory):
    """The default report twice (the second with MPLBACKEND=Agg), and a hostile text."""
    hostile = tmp_path_factory.mktemp("text") / "hostile.txt"
    text = paths.DEFAULT_SEED.read_text(encoding="utf-8")
    text = text.replace(
        "amounted to $702 million,", "amounted to $702 million <script>alert(1)</script>,"
    )
    hostile.write_text(text, encoding="utf-8")
    jobs = {
        "first": (("--output", base / "first"), None),
        "second": (("--output", base / "second"), {"MPLBACKEND": "Agg"}),
        "hostile": (("--text", hostile, "--output", base / "hostile"), None),
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(_report, *args, env=env) for name, (args, env) in jobs.items()}
        results = {name: future.result() for name, future in futures.items()}
    for name, result in results.items():
        assert result.returncode == 0, (name, result.stderr)
    return results


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if ".new-" in p.name or ".old-" in p.name)


def test_prints_the_report_path_and_writes_one_complete_folder(runs, base):
    assert runs["first"].stdout == f"{base / 'first' / 'report.html'}\n"
    assert runs["first"].stderr == ""
    names = sorted(p.name for p in (base / "first").iterdir())
    assert {"01-trade-report.ipynb", "report.html", "report.json", "tables"} <= set(names)
    assert provenance.MARKER_FILE in names and "report-data.pickle" not in names
    assert _leftovers(base) == []


def test_the_marker_records_every_input_and_parameter(runs, base):
    marker = json.loads((base / "first" / provenance.MARKER_FILE).read_text())
    assert marker["kind"] == "report"
    assert marker["parameters"] == {
        "reporter_iso3": "KAZ",
        "partner_iso3": "GBR",
        "base_period": "2022",
        "period": "2023",
        "notebook": True,
    }
    assert marker["inputs"]["text"]["sha256"] == provenance.compute_file_digest(paths.DEFAULT_SEED)
    assert marker["inputs"]["ons"]["sha256"] == provenance.compute_file_digest(paths.ONS_TRADE_FILE)
    assert marker["inputs"]["fx"]["file"] == str(paths.FX_USD_PER_GBP_FILE)
    hostile = json.loads((base / "hostile" / provenance.MARKER_FILE).read_text())
    assert hostile["digest"] != marker["digest"]


def test_two_runs_give_byte_identical_files(runs, base):
    for name in ("report.html", "report.json", "01-trade-report.ipynb", provenance.MARKER_FILE):
        assert (base / "first" / name).read_bytes() == (base / "second" / name).read_bytes(), name


def test_executed_notebook_carries_no_timing(runs, base):
    notebook = json.loads((base / "first" / "01-trade-report.ipynb").read_text())
    assert "papermill" not in notebook["metadata"]
    assert all("execution" not in cell["metadata"] for cell in notebook["cells"])


def test_document_text_is_escaped(runs, base):
    page = (base / "hostile" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_trade_files_write_to_a_folder_of_their_own(tmp_path):
    result = _report(*(x for f in TRADE_FILES for x in ("--trade-file", f)), "--partner", "GBR")
    try:
        assert result.returncode == 0, result.stderr
        folder = re.fullmatch(r"(.*)/report.html\n", result.stdout).group(1)
        assert re.search(r"/KAZ-GBR-2022-2023-with-files-[0-9a-f]{8}$", folder)
    finally:
        shutil.rmtree(re.sub(r"/report.html\n$", "", result.stdout), ignore_errors=True)


def test_help_lists_every_option():
    result = _report("--help")
    for option in ("--text", "--seed", "--output", "--force", "--trade-file", "--all-partners"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reporter", "XYZ"], "reporter 'XYZ': not an ISO 3166 alpha-3 country code"),
        (["--reporter", "KAZ", "--partner", "DEU"], "one of the pair must be GBR"),
        (["--reporter", "GBR", "--partner", "ESH"], "ESH: not a partner in the ONS file"),
        (["--period", "2030"], "period '2030': not a year of the ONS file"),
        (["--base", "2023", "--period", "2022"], "must be earlier than period 2022"),
        (["--text", "no/such/text.txt"], "no such file"),
        (["--fx", "no/such/fx.csv"], "no such file"),
        (["--output", "/tmp/elsewhere"], "--output /tmp/elsewhere: must be a folder inside"),
        (["--output", "reports/../escape"], "must be a folder inside"),
        (["--trade-file", "no/such/file.csv"], "no such file"),
        (["--all-partners", "--trade-file", TRADE_FILES[0]], "--trade-file is about one pair"),
    ],
)
def test_bad_parameters_fail_in_one_line_before_anything_runs(args, message):
    result = _report(*args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("report: ") and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr


def _kaz_line(lines: list[str]) -> int:
    """Where the report's own ONS row is (UK imports from Kazakhstan, 2022)."""
    return next(
        i for i, line in enumerate(lines) if line.startswith("Kazakhstan,KZ,KAZ,2022,goods_i")
    )


def _with_kaz_value(lines: list[str], value: str) -> list[str]:
    i = _kaz_line(lines)
    return lines[:i] + [lines[i].rsplit(",", 1)[0] + f",{value}\n"] + lines[i + 1 :]


def _with_kaz_row_twice(lines: list[str]) -> list[str]:
    i = _kaz_line(lines)
    return lines[: i + 1] + lines[i:]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda ls: ls[:5] + [ls[5].rsplit(",", 1)[0] + "\n"] + ls[6:], "line 6: 5 fields"),
        (lambda ls: _with_kaz_value(ls, "inf"), "'inf' is not a fin"),
        (_with_kaz_row_twice, "the same row twice"),
    ],
)
def test_bad_ons_contents_fail_before_any_kernel_and_keep_the_report(
    runs, base, tmp_path, edit, message
):
    lines = paths.ONS_TRADE_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = tmp_path / "ons.csv"
    bad.write_text("".join(edit(lines)), encoding="utf-8")
    before = (base / "first" / "report.html").read_bytes()
    result = _report("--ons", bad, "--output", base / "first")
    assert result.returncode == 2
    assert result.stderr.startswith("report: ons.csv: ") and result.stderr.count("\n") == 1
    assert message in result.stderr, result.stderr
    assert (base / "first" / "report.html").read_bytes() == before
    assert _leftovers(base) == []


def test_foreign_and_batch_folders_are_refused_and_left_alone(runs, base):
    notes = base / "notes"
    notes.mkdir()
    (notes / "mine.txt").write_text("keep")
    result = _report("--output", notes)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "not written by `analysis report`" in result.stderr and "--force" in result.stderr
    assert (notes / "mine.txt").read_text() == "keep"
    batch = base / "batch"
    batch.mkdir()
    provenance.write_marker(batch, "batch")
    result = _report("--output", batch)
    assert result.returncode == 2 and "holds a batch, not a report" in result.stderr


def test_a_file_a_symlink_or_a_long_name_is_refused(runs, base):
    afile = base / "afile"
    afile.write_text("keep")
    link = base / "link"
    link.symlink_to(base / "first")
    for target, words in (
        (afile, "is a file"),
        (link, "symbolic link"),
        (base / ("x" * 300), "longer than the file system allows"),
    ):
        result = _report("--output", target, "--force")
        assert result.returncode == 2, result.stderr
        assert words in result.stderr and result.stderr.count("\n") == 1
    assert afile.read_text() == "keep" and link.resolve() == (base / "first").resolve()


@pytest.mark.parametrize(
    ("signum", "to_group", "status"),
    [(signal.SIGTERM, False, 143), (signal.SIGINT, True, 130), (signal.SIGTERM, True, 143)],
)
def test_a_signal_during_the_notebook_is_one_line_and_leaves_nothing(
    runs, base, signum, to_group, status
):
    before = (base / "first" / "report.html").read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-m", "analysis", "report", "--output", str(base / "first")],
        cwd=paths.PROJECT_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    kernels = []
    while child.poll() is None and not kernels:  # wait for the notebook's kernel
        pgrep = subprocess.run(["pgrep", "-P", str(child.pid)], capture_output=True, text=True)
        kernels = pgrep.stdout.split()
        time.sleep(0.02)
    assert kernels, "the run ended before its kernel was seen"
    (os.killpg if to_group else os.kill)(child.pid, signum)
    try:  # a hang guard only
        out, err = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        pytest.fail("the report did not stop within 120 s of the signal")
    assert child.returncode == status, err
    assert err == "report: interrupted: 0 of 1 done; rerun to finish\n"
    time.sleep(0.5)
    assert not [k for k in kernels if os.path.exists(f"/proc/{k}")]  # the kernel is shut down
    assert (base / "first" / "report.html").read_bytes() == before
    assert _leftovers(base) == []


def test_two_runs_on_one_target_queue_and_leave_one_complete_report(runs, base):
    target = base / "overlap"
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: _report("--output", target), range(2)))
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    waited = [r.stderr for r in results if r.stderr]
    assert all(e == f"report: waiting for another run writing {target}\n" for e in waited)
    assert provenance.is_current(
        target, json.loads((target / provenance.MARKER_FILE).read_text())["digest"]
    )
    assert _leftovers(base) == []


@pytest.fixture
def quick_notebook(monkeypatch):
    """The notebook step replaced by a stub file (these tests are about what happens around it)."""
    from analysis.report import run

    def stub(target, parameters, **kwargs):
        target.write_text("{}", encoding="utf-8")
        return target

    monkeypatch.setattr(run, "execute_notebook", stub)
    monkeypatch.setattr(run, "start_kernel", lambda cwd, **kwargs: None)
    monkeypatch.setattr(run, "stop_kernel", lambda manager: None)


@pytest.mark.parametrize(
    ("where", "code", "words"),
    [
        ("switch", errno.ENOSPC, "no space left on the device"),
        ("switch", errno.EROFS, "the file system is read-only"),
        ("files", errno.ENOSPC, "no space left on the device"),
        ("files", errno.EDQUOT, "disk quota exceeded"),
        ("lock", errno.EROFS, "the file system is read-only"),
        ("lock", errno.EACCES, "permission denied"),
    ],
)
def test_a_fault_of_the_machine_is_one_line_exit_2_and_keeps_the_report(
    runs, base, monkeypatch, capsys, quick_notebook, where, code, words
):
    from analysis.cli import main
    from analysis.report import render

    before = {p.name: p.read_bytes() for p in (base / "first").iterdir() if p.is_file()}

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(base / "first"))

    if where == "switch":
        monkeypatch.setattr(publish, "_exchange", fail)
    elif where == "files":
        monkeypatch.setattr(render, "write_report_files", fail)
    else:
        real_open = os.open
        monkeypatch.setattr(
            os,
            "open",
            lambda path, *a: fail() if str(path).endswith(".lock") else real_open(path, *a),
        )
    assert main(["report", "--output", str(base / "first")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and words in err, err
    assert {p.name: p.read_bytes() for p in (base / "first").iterdir() if p.is_file()} == before
    assert _leftovers(base) == []
