"""Batch reports: index rows, links, escaping, failures listed, reruns skipped by the manifest.

The real notebooks run for two partners only (one module-scoped batch: DEU succeeds, BES fails
because its 2023 rows are taken out of a copy of the ONS file); the rest uses an in-process fake of
the per-partner report.
"""

import html
import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from analysis import batch, paths
from analysis.cli import main
from analysis.report import NotebookFailedError

ONS_LINES = paths.ONS_TRADE_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
# Which notebook and cell, and why (the cell's number may move as the notebooks change).
BES_ERROR = (
    r"notebook \d\d-[\w-]+\.ipynb failed at cell \d+ \(execution count \d+\): "
    r"ValueError: period\(s\) \['2023'\] not in the table; it has \['2022'\]"
)


def _write_ons(path: Path, drop_prefix: str | None = None, rename: dict | None = None) -> Path:
    lines = [line for line in ONS_LINES if drop_prefix is None or not line.startswith(drop_prefix)]
    text = "".join(lines)
    for old, new in (rename or {}).items():
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return path


def _rows(index: Path) -> list[list[str]]:
    body = index.read_text(encoding="utf-8").split("<tbody>")[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def _reports_subfolder() -> Path:
    return Path(tempfile.mkdtemp(prefix=".test-batch-", dir=paths.REPORTS_DIR))


@pytest.fixture(scope="module")
def real_batch(tmp_path_factory):
    """DEU and BES through the real notebooks, two workers; BES lacks its 2023 rows."""
    paths.REPORTS_DIR.mkdir(exist_ok=True)
    output = _reports_subfolder()
    ons = _write_ons(
        tmp_path_factory.mktemp("ons") / "ons.csv",
        drop_prefix='"Bonaire, Sint Eustatius and Saba",BQ,BES,2023,',
    )
    try:
        yield batch.run_batch(
            "2022", "2023", partners=["DEU", "BES"], ons=ons, output=output, workers=2
        )
    finally:
        shutil.rmtree(output)


@pytest.fixture
def output():
    """A batch folder inside reports/ (the report command refuses any other place)."""
    paths.REPORTS_DIR.mkdir(exist_ok=True)
    folder = _reports_subfolder()
    yield folder
    shutil.rmtree(folder)


@pytest.fixture
def fake_reports(monkeypatch):
    """Replace the per-partner report with a quick fake; partners named in ``failing`` fail.

    The package digest is fixed too: other work may edit the package while these tests run.
    """
    calls, failing = [], set()
    monkeypatch.setattr(batch, "compute_package_digest", lambda: "package v1")

    def fake(partner_iso3, base_period, period, seed, ons, fx, output):
        calls.append(partner_iso3)
        if partner_iso3 in failing:
            raise NotebookFailedError(
                f"notebook 02-uk-mirror.ipynb failed at cell 3: boom {partner_iso3}"
            )
        output.mkdir(parents=True, exist_ok=True)
        (output / "report.html").write_text(f"report {partner_iso3}", encoding="utf-8")

    monkeypatch.setattr(batch, "_write_partner_report", fake)
    return calls, failing


def test_real_batch_lists_the_failure_and_links_the_success(real_batch):
    bes, deu = real_batch.results
    assert (deu.partner_iso3, deu.report, deu.error) == (
        "DEU",
        "GBR-DEU-2022-2023/report.html",
        None,
    )
    assert bes.partner_iso3 == "BES"
    assert re.fullmatch(BES_ERROR, bes.error)
    assert real_batch.failed == [bes]
    folder = real_batch.index.parent
    assert (folder / deu.report).is_file()
    assert not (folder / bes.report).exists()
    bes_row, deu_row = _rows(real_batch.index)
    assert deu_row == [
        '<a href="GBR-DEU-2022-2023/report.html">Germany</a>',
        "DEU",
        "42,084.4",
        "91,666.3",
        "133,750.7",
        "125,920.5",
        "+6.2%",
        "ok",
    ]
    assert bes_row[:2] == ["Bonaire, Sint Eustatius and Saba", "BES"]
    assert bes_row[2:7] == ["n/a", "n/a", "n/a", "0.0", "n/a"]
    assert bes_row[7] == "failed: " + html.escape(bes.error)
    assert "&#x27;2023&#x27;" in bes_row[7]
    manifest = json.loads((folder / batch.MANIFEST_FILE).read_text(encoding="utf-8"))
    assert sorted(manifest["partners"]) == ["BES", "DEU"]
    assert manifest["partners"]["DEU"]["error"] is None
    assert manifest["partners"]["BES"]["error"] == bes.error


def test_index_is_sorted_by_name_escaped_and_self_contained(fake_reports, output, tmp_path):
    ons = _write_ons(
        tmp_path / "ons.csv", rename={"Germany,DE": '"Germany <script>x</script> & Co",DE'}
    )
    result = batch.run_batch(partners=["DEU", "CIV", "BES"], ons=ons, output=output, workers=1)
    rows = _rows(result.index)
    assert [row[:2] for row in rows] == [
        ['<a href="GBR-BES-2022-2023/report.html">Bonaire, Sint Eustatius and Saba</a>', "BES"],
        ['<a href="GBR-CIV-2022-2023/report.html">Cote d&#x27;Ivoire</a>', "CIV"],
        [
            '<a href="GBR-DEU-2022-2023/report.html">'
            "Germany &lt;script&gt;x&lt;/script&gt; &amp; Co</a>",
            "DEU",
        ],
    ]
    text = result.index.read_text(encoding="utf-8")
    assert "<script" not in text and "src=" not in text and "http" not in text
    assert [p.name for p in output.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_failure_is_listed_and_the_others_still_run(fake_reports, output, capsys):
    calls, failing = fake_reports
    failing.add("FRA")
    status = main(
        [
            "report",
            "--partners",
            "FRA,DEU,ITA",
            "--output",
            str(output),
            "--no-progress",
            "--workers",
            "1",
        ]
    )
    assert status == 1
    assert sorted(calls) == ["DEU", "FRA", "ITA"]
    captured = capsys.readouterr()
    assert captured.out == f"{output / batch.INDEX_FILE}\n"
    assert captured.err == "report: 2 partners ok (0 unchanged), 1 failed: FRA\n"
    rows = {row[1]: row for row in _rows(output / batch.INDEX_FILE)}
    assert rows["FRA"][0] == "France"
    assert rows["FRA"][7] == "failed: notebook 02-uk-mirror.ipynb failed at cell 3: boom FRA"
    assert rows["DEU"][7] == rows["ITA"][7] == "ok"


def test_all_ok_exits_0_and_bad_parameters_exit_2(fake_reports, output, capsys):
    assert main(["report", "--partners", "DEU", "--output", str(output), "--workers", "1"]) == 0
    assert main(["report", "--partners", "DEU,XXX", "--output", str(output)]) == 2
    assert main(["report", "--partners", "DEU", "--output", str(output), "--period", "2031"]) == 2
    assert main(["report", "--partners", "DEU", "--output", "/tmp/elsewhere"]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert errors[1:] == [
        "report: --partners XXX: not partners in the ONS file "
        "ons_uk_total_trade_all_countries_sa_annual.csv",
        "report: --period '2031': not a year of the ONS file "
        "ons_uk_total_trade_all_countries_sa_annual.csv (it has 1997-2023)",
        f"report: --output /tmp/elsewhere: must be a folder inside {paths.REPORTS_DIR.resolve()}",
    ]
    assert fake_reports[0] == ["DEU"]


def test_report_command_hands_over_to_the_batch(fake_reports, output, capsys):

    options = ["--partners", "DEU,FRA", "--output", str(output), "--workers", "1"]
    assert main(["report", "--all-partners", *options]) == 0
    assert capsys.readouterr().out == f"{output / batch.INDEX_FILE}\n"
    assert fake_reports[0] == ["DEU", "FRA"]
    assert main(["report", "--all-partners", "--reporter", "KAZ", *options]) == 2
    assert main(["report", "--all-partners", "--partner", "DEU", *options]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "report: --all-partners runs the UK side; drop --reporter KAZ",
        "report: --all-partners: drop --partner DEU; choose partners with --partners DEU,...",
    ]


def test_rerun_skips_unchanged_partners_and_reruns_changed_inputs(
    fake_reports, output, tmp_path, monkeypatch
):
    calls, failing = fake_reports
    seed = tmp_path / "seed.txt"
    shutil.copyfile(paths.DEFAULT_SEED, seed)
    failing.add("ITA")
    first = batch.run_batch(partners=["DEU", "FRA", "ITA"], seed=seed, output=output, workers=1)
    index_bytes = first.index.read_bytes()
    assert calls == ["DEU", "FRA", "ITA"]

    calls.clear()
    failing.clear()
    second = batch.run_batch(partners=["DEU", "FRA", "ITA"], seed=seed, output=output, workers=1)
    assert calls == ["ITA"]  # the failed partner is retried; the others are unchanged
    assert [(r.partner_iso3, r.is_skipped, r.error) for r in second.results] == [
        ("DEU", True, None),
        ("FRA", True, None),
        ("ITA", False, None),
    ]

    calls.clear()
    assert (
        batch.run_batch(
            partners=["DEU", "FRA", "ITA"], seed=seed, output=output, workers=1
        ).index.read_bytes()
        != index_bytes
    )  # ITA now ok
    assert calls == []
    (output / "GBR-FRA-2022-2023" / "report.html").unlink()
    batch.run_batch(partners=["DEU", "FRA", "ITA"], seed=seed, output=output, workers=1)
    assert calls == ["FRA"]  # a missing report is written again

    calls.clear()
    with seed.open("a", encoding="utf-8") as file:
        file.write("\nOne more sentence.\n")
    batch.run_batch(partners=["DEU", "FRA", "ITA"], seed=seed, output=output, workers=1)
    assert calls == ["DEU", "FRA", "ITA"]  # an input changed: every partner again

    calls.clear()
    batch.run_batch(partners=["DEU"], seed=seed, output=output, workers=1, force=True)
    assert calls == ["DEU"]

    calls.clear()
    monkeypatch.setattr(batch, "compute_package_digest", lambda: "package v2")
    batch.run_batch(partners=["DEU", "FRA"], seed=seed, output=output, workers=1)
    assert calls == ["DEU", "FRA"]  # the package changed


def test_package_digest_follows_the_source_bytes(monkeypatch, tmp_path):
    package = tmp_path / "analysis"
    (package / "reference").mkdir(parents=True)
    (package / "maths.py").write_text("x = 1\n", encoding="utf-8")
    (package / "reference" / "hs.csv").write_text("a,b\n", encoding="utf-8")
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    monkeypatch.setattr(paths, "REFERENCE_DIR", package / "reference")
    first = batch.compute_package_digest()
    (package / "notes.txt").write_text("not source", encoding="utf-8")
    assert batch.compute_package_digest() == first
    (package / "reference" / "hs.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert batch.compute_package_digest() != first


def test_subset_run_keeps_earlier_current_reports_in_the_index(fake_reports, output):
    calls, _ = fake_reports
    batch.run_batch(partners=["DEU", "FRA"], output=output, workers=1)
    index_bytes = (output / batch.INDEX_FILE).read_bytes()
    result = batch.run_batch(partners=["FRA"], output=output, workers=1)
    assert calls == ["DEU", "FRA"]
    assert [r.partner_iso3 for r in result.results] == ["DEU", "FRA"]
    assert result.index.read_bytes() == index_bytes  # deterministic: same inputs, same bytes


def test_headlines_match_the_ons_table():
    from analysis.loaders.ons import load_ons_trade

    table = load_ons_trade()
    headlines = batch.compute_partner_headlines(table, "2022", "2023").set_index("partner_iso3")
    assert len(headlines) == table["partner_iso3"].nunique() - 1 == 235  # World left out
    assert "WLD" not in headlines.index
    kaz = headlines.loc["KAZ"]
    assert kaz["partner_name"] == "Kazakhstan"
    assert kaz["turnover_usd"] == pytest.approx(kaz["exports_usd"] + kaz["imports_usd"], rel=1e-15)
    assert kaz["change_pct"] == pytest.approx(
        (kaz["turnover_usd"] / kaz["base_turnover_usd"] - 1) * 100, rel=1e-12
    )
