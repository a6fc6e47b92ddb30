"""Batch reports: in-process workers, content-addressed reruns, the index, and real signals.

Runs the real report code (no kernel per partner) on copies of the real input files, so that a
test can change one byte of an input; the package digest is fixed because other work may edit the
package while the tests run.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from analysis import paths
from analysis.report import batch, batch_index, provenance, publish
from analysis.report.data import InputError, ReportInputs

PARTNERS = ["DEU", "FRA", "IRL"]


@pytest.fixture
def output():
    paths.REPORTS_DIR.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="_test-batch-", dir=paths.REPORTS_DIR))
    folder.rmdir()  # the batch creates it
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "code_digest", lambda: "code v1")
    files = {}
    for label, source in (("ons", paths.ONS_TRADE_FILE), ("fx", paths.FX_USD_PER_GBP_FILE)):
        files[label] = tmp_path / source.name
        shutil.copyfile(source, files[label])
    return ReportInputs(
        "GBR", "GBR", "2022", "2023", None, files["ons"], files["fx"], paths.ONS_MONTHLY_TRADE_FILE
    )


def _rows(index: Path) -> list[list[str]]:
    body = index.read_text(encoding="utf-8").split("<tbody>")[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def _state(result):
    return [(r.partner_iso3, r.is_skipped, r.error is None) for r in result.results]


def test_batch_writes_each_partner_with_its_digest_and_lists_a_failure(inputs, output):
    foreign = output / batch.partner_folder("IRL", "2022", "2023")
    foreign.mkdir(parents=True)
    provenance.write_marker(output, "batch")
    (foreign / "notes.txt").write_text("mine")
    result = batch.run_batch(inputs, partners=PARTNERS, output=output, workers=2)
    assert _state(result) == [("DEU", False, True), ("FRA", False, True), ("IRL", False, False)]
    assert "not written by `analysis report`" in result.failed[0].error
    assert (foreign / "notes.txt").read_text() == "mine"  # a foreign folder is left alone
    deu = output / "GBR-DEU-2022-2023"
    marker = provenance.read_marker(deu)
    assert marker["parameters"]["partner_iso3"] == "DEU" and marker["inputs"]["text"] is None
    assert {"report.html", "report.json", "tables"} <= {p.name for p in deu.iterdir()}
    assert provenance.read_marker(output)["kind"] == "batch"
    rows = _rows(result.index)
    assert [row[1] for row in rows] == ["FRA", "DEU", "IRL"]  # by name: France, Germany, Ireland
    assert rows[1][0] == '<a href="GBR-DEU-2022-2023/report.html">Germany</a>'
    assert rows[1][2:8] == ["42,084.4", "91,666.3", "133,750.7", "125,920.5", "+6.2%", "ok"]
    assert rows[2][7].startswith("failed: partner folder")
    assert not [p for p in output.iterdir() if ".new-" in p.name or ".old-" in p.name]


def test_reruns_are_content_addressed_per_report(inputs, output):
    first = batch.run_batch(inputs, partners=PARTNERS, output=output, workers=1)
    index_bytes = first.index.read_bytes()
    again = batch.run_batch(inputs, partners=PARTNERS, output=output, workers=1)
    assert [r.is_skipped for r in again.results] == [True, True, True]
    assert again.index.read_bytes() == index_bytes  # same inputs, same bytes

    (output / "GBR-FRA-2022-2023" / "report.html").unlink()  # an incomplete report is rebuilt
    assert [
        r.is_skipped for r in batch.run_batch(inputs, partners=PARTNERS, output=output).results
    ] == [
        True,
        False,
        True,
    ]
    # DEU alone with a changed rate file: only DEU records the new digest
    with open(inputs.fx_path, "a", encoding="utf-8") as file:
        file.write("2030-01-02,1.5\n")
    batch.run_batch(inputs, partners=["DEU"], output=output, workers=1)
    with open(inputs.fx_path, "rb+") as file:  # back to the original bytes
        file.truncate(os.path.getsize(paths.FX_USD_PER_GBP_FILE))
    back = batch.run_batch(inputs, partners=PARTNERS, output=output, workers=1)
    assert _state(back) == [("DEU", False, True), ("FRA", True, True), ("IRL", True, True)]
    forced = batch.run_batch(inputs, partners=["FRA"], output=output, force=True)
    assert [(r.partner_iso3, r.is_skipped) for r in forced.results] == [
        ("DEU", True),
        ("FRA", False),
        ("IRL", True),
    ]  # earlier current reports stay listed


def test_unknown_partner_or_bad_years_fail_before_anything_is_written(inputs, output):
    with pytest.raises(InputError, match="--partners XXX: not partners in the ONS file"):
        batch.run_batch(inputs, partners=["DEU", "XXX"], output=output)
    with pytest.raises(InputError, match="not a year of the ONS file"):
        batch.run_batch(
            ReportInputs("GBR", "GBR", "2022", "2031", None, inputs.ons_path, inputs.fx_path),
            partners=["DEU"],
            output=output,
        )
    assert not output.exists()


def test_a_single_report_folder_is_not_taken_for_a_batch(inputs, output):
    output.mkdir()
    provenance.write_marker(output, "report")
    with pytest.raises(publish.PublishError, match="holds a report, not a batch"):
        batch.run_batch(inputs, partners=["DEU"], output=output)


def test_headlines_match_the_ons_table():
    from analysis.loaders.ons import load_ons_trade

    table = load_ons_trade()
    headlines = batch_index.compute_partner_headlines(table, "2022", "2023").set_index(
        "partner_iso3"
    )
    assert len(headlines) == table["partner_iso3"].nunique() - 1 == 235  # World left out
    kaz = headlines.loc["KAZ"]
    assert kaz["turnover_usd"] == pytest.approx(kaz["exports_usd"] + kaz["imports_usd"], rel=1e-15)
    assert kaz["change_pct"] == pytest.approx(
        (kaz["turnover_usd"] / kaz["base_turnover_usd"] - 1) * 100, rel=1e-12
    )


SIGNAL_PARTNERS = [
    "AUS",
    "AUT",
    "BEL",
    "BRA",
    "CAN",
    "CHE",
    "CHN",
    "DNK",
    "ESP",
    "FIN",
    "IND",
    "ITA",
]


def _start(output: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "analysis", "report", "--partners"]
    command += [",".join(SIGNAL_PARTNERS), "--output", str(output), "--workers", "2"]
    return subprocess.Popen(
        command,
        cwd=paths.PROJECT_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a shell job
    )


def _done(output: Path) -> list[str]:
    return sorted(p.name for p in output.glob("GBR-*") if (p / "report.html").is_file())


@pytest.mark.parametrize(
    ("signum", "to_group", "status"),
    [
        (signal.SIGTERM, False, 143),  # to the main process alone
        (signal.SIGINT, True, 130),  # Ctrl-C in a terminal: the whole group
        (signal.SIGTERM, True, 143),  # kill -TERM -<pgid>
    ],
)
def test_a_signal_stops_the_batch_cleanly_and_a_rerun_finishes_the_rest(
    output, signum, to_group, status
):
    child = _start(output)
    started = time.monotonic()
    while not _done(output) and time.monotonic() - started < 120:
        time.sleep(0.05)
    assert _done(output), "no report was written in 120 s"
    if to_group:
        os.killpg(child.pid, signum)
    else:
        child.send_signal(signum)
    try:  # a hang guard only (no timed assertions: machines are shared and noisy)
        out, err = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        pytest.fail("the batch did not stop within 120 s of the signal")
    assert child.returncode == status, err
    lines = err.splitlines()
    assert len(lines) == 1 and re.fullmatch(
        rf"report: interrupted: (\d+) of {len(SIGNAL_PARTNERS)} done; rerun to finish", lines[0]
    ), err
    done = _done(output)
    assert int(re.search(r"(\d+) of", lines[0]).group(1)) == len(done)
    assert 0 < len(done) < len(SIGNAL_PARTNERS)
    assert not [p.name for p in output.iterdir() if ".new-" in p.name or ".old-" in p.name]
    for folder in output.glob("GBR-*"):  # nothing half-written
        assert (
            provenance.read_marker(folder)["kind"] == "report"
            and (folder / "report.html").is_file()
        )
    assert subprocess.run(["pgrep", "-g", str(child.pid)], capture_output=True).stdout == b""
    rerun = _start(output)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode in (0, 1), err
    assert re.match(rf"report: \d+ partners ok \({len(done)} unchanged\)", err), err


def test_a_second_batch_on_the_same_folder_is_refused_in_one_line(inputs, output):
    with publish.lock_target(output):  # another run holds the folder (flock is per open file)
        with pytest.raises(publish.PublishError, match="another run is writing") as caught:
            batch.run_batch(inputs, partners=["DEU"], output=output)
    assert "\n" not in str(caught.value)
    assert not (output / "GBR-DEU-2022-2023").exists()
