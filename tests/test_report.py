"""The report command end to end: parameters, HTML content, reproducibility, escaping, failures."""

import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from analysis import paths
from analysis.loaders.ons import ATTRIBUTION

NOTEBOOK_NAMES = ("01-trade-report.ipynb",)
TRADE_FILE_OPTIONS = (
    "--trade-file",
    "tests/fixtures/comtrade_plus/kaz_gbr_2022_2023.csv",
    "--trade-file",
    "tests/fixtures/comtrade_plus/gbr_kaz_2022_2023.json",
)
OFFICIAL_NOTE = (
    "<p>Composition by HS section and mirror from official trade files: no file was given; "
)


def _report(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "analysis", "report", *map(str, args)],
        cwd=paths.PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=600,
        env=None if env is None else {**os.environ, **env},
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Five full runs, two at a time.

    The default report twice, a hostile seed, a small UK partner, and the default pair with
    official trade files (Comtrade+ fixtures of both sides).

    The second default run has MPLBACKEND=Agg, which must not change the charts.
    """
    base = paths.REPORTS_DIR / f"_test-{uuid.uuid4().hex[:8]}"
    hostile = tmp_path_factory.mktemp("seed") / "hostile.txt"
    text = paths.DEFAULT_SEED.read_text(encoding="utf-8")
    text = text.replace(
        "amounted to $702 million,", "amounted to $702 million <script>alert(1)</script>,"
    )
    text = text.replace(
        "imports amounted to $384.3 billion.",
        "imports amounted to $384.3 billion <img src=x onerror=alert(1)>.",
    )
    hostile.write_text(text, encoding="utf-8")
    jobs = {
        "first": (("--output", base / "first"), None),
        "second": (("--output", base / "second"), {"MPLBACKEND": "Agg"}),
        "hostile": (("--seed", hostile, "--output", base / "hostile"), None),
        "island": (("--partner", "FLK", "--output", base / "island"), None),
        "official": ((*TRADE_FILE_OPTIONS, "--output", base / "official"), None),
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(_report, *args, env=env) for name, (args, env) in jobs.items()}
        results = {name: future.result() for name, future in futures.items()}
    yield base, results
    shutil.rmtree(base, ignore_errors=True)


def _html(runs, name):
    base, results = runs
    assert results[name].returncode == 0, results[name].stderr
    return (base / name / "report.html").read_text(encoding="utf-8")


def test_prints_the_report_path_and_writes_notebooks(runs):
    base, results = runs
    assert results["first"].stdout == f"{base / 'first' / 'report.html'}\n"
    assert sorted(p.name for p in (base / "first").iterdir()) == [*NOTEBOOK_NAMES, "report.html"]


def test_two_runs_give_byte_identical_html(runs):
    base, _ = runs
    assert _html(runs, "first") == _html(runs, "second")
    assert (base / "first" / "report.html").read_bytes() == (
        base / "second" / "report.html"
    ).read_bytes()


def test_two_runs_give_identical_executed_notebooks(runs):
    base, _ = runs
    for name in NOTEBOOK_NAMES:
        assert (base / "first" / name).read_bytes() == (base / "second" / name).read_bytes()


def test_html_is_self_contained_with_code_and_parameters_hidden(runs):
    page = _html(runs, "first")
    assert "<title>Trade report: KAZ-GBR, 2022 to 2023</title>" in page
    assert "<script" not in page and "<link" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "injected-parameters" not in page and "# Parameters" not in page
    assert "import analysis" not in page and "seed_file" not in page


def test_images_are_embedded_with_alt_text(runs):
    page = _html(runs, "first")
    tags = re.findall(r"<img [^>]*>", page)
    assert len(tags) == page.count("<img") == 4
    assert all(re.search(r'src="data:image/png;base64,[A-Za-z0-9+/=]{1000,}"', tag) for tag in tags)
    alts = [re.search(r'alt="([^"]*)"', tag).group(1) for tag in tags]
    assert all(len(alt) > 40 for alt in alts)
    assert alts[0].startswith("Bridge chart, Turnover 2022 to 2023")


def test_headline_numbers_are_computed_and_sourced(runs):
    page = _html(runs, "first")
    for text in (
        "fell 36.0%, from $1.84 billion in 2022 to $1.18 billion in 2023",
        "they contributed −41.1 percentage points",
        "imports contributed +5.1 percentage points",
        "The text writes “$384.3 billion”; its own figures imply $384.3 million",
        "UK imports, £1,256m → £464m",
        "UK exports, £326m → £369m",
        "<td>1.2371</td>",
        "<td>1.2440</td>",
        "2024-03-14-trend-kazakhstan-uk-trade.txt",
        ATTRIBUTION,
        "H.10 release, series DEXUSUK",
        "CIF",
    ):
        assert text in page, text


def test_executed_notebooks_carry_no_timing(runs):
    base, _ = runs
    for name in NOTEBOOK_NAMES:
        notebook = json.loads((base / "first" / name).read_text(encoding="utf-8"))
        assert "papermill" not in notebook["metadata"]
        assert all(
            "execution" not in c["metadata"] and "papermill" not in c["metadata"]
            for c in notebook["cells"]
        )
        assert notebook["metadata"]["kernelspec"]["name"] == "python3"


def test_document_text_is_escaped(runs):
    page = _html(runs, "hostile")
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_uk_side_runs_for_a_partner_the_document_does_not_cover(runs):
    page = _html(runs, "island")
    assert "<title>Trade report: GBR-FLK, 2022 to 2023</title>" in page
    assert (
        "The document does not state the United Kingdom&#x27;s goods trade with the Falkland"
        in page
    )
    assert (
        "According to the UK&#x27;s official statistics (ONS, converted to US$), the United" in page
    )
    assert "Falkland Islands" in page
    assert page.count("<img") == 3  # the UK's bridge, flows, balance and coverage
    assert "Not covered:" in page


def test_a_failed_run_keeps_the_earlier_report_and_names_the_cell(runs, tmp_path):
    base, _ = runs
    before = (base / "first" / "report.html").read_bytes()
    lines = paths.ONS_TRADE_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = ",".join(lines[1].split(",")[:-1]) + ",abc\n"
    bad_ons = tmp_path / "ons.csv"
    bad_ons.write_text("".join(lines), encoding="utf-8")
    result = _report("--ons", bad_ons, "--output", base / "first")
    assert result.returncode == 1
    assert result.stdout == ""
    assert re.fullmatch(
        r"report: notebook 01-trade-report\.ipynb failed at cell \d+ "
        r"\(execution count \d+\): OnsFileError: .*abc.*\n",
        result.stderr,
    ), result.stderr
    assert (base / "first" / "report.html").read_bytes() == before
    assert sorted(p.name for p in base.iterdir() if p.name.startswith(".")) == []


def test_help_lists_every_option():
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "report", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for option in (
        "--reporter",
        "--partner",
        "--base",
        "--period",
        "--seed",
        "--output",
        "--ons",
        "--fx",
        "--trade-file",
    ):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reporter", "XYZ"], "--reporter 'XYZ' is not an ISO 3166 alpha-3 country code"),
        (["--partner", "GERMANY"], "--partner 'GERMANY' is not an ISO 3166 alpha-3 country code"),
        (["--reporter", "KAZ", "--partner", "DEU"], "exactly one of the two must be GBR"),
        (["--reporter", "GBR", "--partner", "ESH"], "--partner ESH: not a partner in the ONS file"),
        (["--period", "2030"], "--period '2030': not a year of the ONS file"),
        (["--base", "1990"], "--base '1990': not a year of the ONS file"),
        (["--base", "2023", "--period", "2022"], "--base 2023 must be earlier than --period 2022"),
        (["--seed", "no/such/seed.txt"], "--seed no/such/seed.txt: no such file"),
        (["--fx", "no/such/fx.csv"], "--fx no/such/fx.csv: no such file"),
        (["--output", "/tmp/elsewhere"], "--output /tmp/elsewhere: must be a folder inside"),
        (["--output", "reports/../escape"], "must be a folder inside"),
        (["--trade-file", "no/such/file.csv"], "--trade-file no/such/file.csv: no such file"),
        (
            ["--trade-file", "seeds/2024-03-14-trend-kazakhstan-uk-trade.txt"],
            "2024-03-14-trend-kazakhstan-uk-trade.txt: unknown layout",
        ),
    ],
)
def test_bad_parameters_fail_before_any_notebook(args, message):
    result = _report(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("report: ") and result.stderr.count("\n") == 1
    assert message in result.stderr


def test_trade_file_with_bad_values_is_a_parameter_error(tmp_path):
    bad = tmp_path / "tidy.csv"
    bad.write_text(
        "reporter_iso3,partner_iso3,period,flow,commodity_code,value_usd\n"
        "KAZ,GBR,2022,exports,TOTAL,-5\n",
        encoding="utf-8",
    )
    output = paths.REPORTS_DIR / f"_test-{uuid.uuid4().hex[:8]}"
    result = _report("--trade-file", bad, "--output", output)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "report: --trade-file: tidy.csv: line 2, column 'value_usd': negative value '-5'; "
        "trade values cannot be negative\n"
    )
    assert not output.exists()


def test_default_report_says_in_one_line_that_no_trade_file_was_given(runs):
    page = _html(runs, "first")
    assert page.count(OFFICIAL_NOTE) == 1
    assert "Composition by HS section (official" not in page and "9. Mirror" not in page


def test_official_trade_files_add_composition_and_mirror(runs):
    page = re.sub(r">\s+<", "><", _html(runs, "official"))
    # values hand-checked against `python -m analysis summarize` on the same two files
    for text in (
        "<h2>8. Composition by HS section (official statistics)</h2>",
        "<tr><td>V</td><td>Mineral products</td><td>-41.1</td><td>+0.0</td><td>-600.0</td>"
        "<td>-32.5</td></tr>",
        "<tr><td>XVI</td><td>Machinery and mechanical appliances; electrical equipment; parts "
        "thereof; sound and television recorders and reproducers</td><td>+0.0</td><td>+15.6</td>"
        "<td>60.0</td><td>+3.3</td></tr>",
        "<tr><td>all goods</td><td></td><td>-52.1</td><td>+24.5</td><td>-665.7</td><td>-36.1</td>",
        "<tr><td>V</td><td>Mineral products</td><td>900.0</td><td>300.0</td><td>-600.0</td>"
        "<td>-66.7</td><td>-32.5</td><td>25.5</td></tr>",
        "<h2>9. Mirror comparison from both countries&#x27; official statistics</h2>",
        "<tr><td>exports</td><td>imports</td><td>2022</td><td>1,460.0</td><td>1,520.0</td>"
        "<td>-60.0</td><td>-3.9</td></tr>",
        "<tr><td>imports</td><td>exports</td><td>2023</td><td>478.6</td><td>455.0</td>"
        "<td>23.6</td><td>+5.2</td></tr>",
        "<tr><td>turnover</td><td>turnover</td><td>2023</td><td>1,178.6</td><td>1,185.0</td>"
        "<td>-6.4</td><td>-0.5</td></tr>",
        "Imports are usually valued CIF",
        "the HS section that moved turnover most was V (Mineral products): −$600.0 million",
        "<td>official trade file 2</td><td>gbr_kaz_2022_2023.json</td>",
        "breakdown by mode of transport (its total row is kept)",
    ):
        assert text in page, text
    assert OFFICIAL_NOTE not in page
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', page)
    assert len(alts) == page.count("<img") == 5
    assert alts[-1].startswith(
        "Horizontal bar chart, What each HS section added to the change in Kazakhstan&#x27;s "
        "turnover with the United Kingdom, 2022 to 2023. section V (Mineral products) exports "
        "−32.5 percentage points (−$600.0 million)"
    )


def test_empty_or_binary_seed_is_a_parameter_error(tmp_path):
    empty, binary = tmp_path / "empty.txt", tmp_path / "binary.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    for path, message in ((empty, "the file is empty"), (binary, "not UTF-8 text")):
        result = _report("--seed", path)
        assert result.returncode == 2
        assert message in result.stderr
