"""``summarize`` on real official files (excerpts in ``fixtures/real``, sources in its README).

Every expected total is computed here independently, from the raw rows with the ``csv`` or
``json`` module, never with the loaders.
"""

import csv
import json
from pathlib import Path

import pytest

from analysis.cli import main

REAL = Path(__file__).parent / "fixtures" / "real"


def _summarize(capsys, *arguments: str) -> dict:
    assert main(["summarize", *arguments, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _refused(capsys, *arguments: str) -> str:
    assert main(["summarize", *arguments]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    return captured.err


def _totals(summary: dict) -> dict:
    return {(t["period"], t["flow"]): t for t in summary["totals"]}


def _rows(name: str, encoding: str = "utf-8") -> list[dict]:
    with open(REAL / name, encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_single_year_api_json_gives_levels_and_empty_changes(capsys):
    path = REAL / "comtradr_chn_arg_deu_2010.json"
    records = json.loads(path.read_text(encoding="utf-8"))["data"]
    raw = {r["flowCode"]: float(r["primaryValue"]) for r in records if r["partnerISO"] == "DEU"}
    pair = ["--reporter", "CHN", "--partner", "DEU", "--base", "2010", "--period", "2010"]
    summary = _summarize(capsys, str(path), *pair)
    totals = _totals(summary)
    assert totals[("2010", "exports")]["value_usd"] == raw["X"]
    assert totals[("2010", "imports")]["value_usd"] == raw["M"]
    assert totals[("2010", "balance")]["value_usd"] == raw["X"] - raw["M"]
    assert totals[("2010", "exports")]["coverage"] == "all"
    for row in summary["contributions"]:
        assert row["change_usd"] is None and row["contribution_pp"] is None
        assert row["base_value_usd"] == row["value_usd"]
    assert main(["summarize", str(path), *pair]) == 0
    text = capsys.readouterr().out
    assert "levels only" in text and "None" not in text


def test_empty_api_response_is_refused_in_one_line(capsys):
    path = REAL / "comtradr_services_empty.json"
    error = _refused(
        capsys,
        str(path),
        "--reporter",
        "CHN",
        "--partner",
        "DEU",
        "--base",
        "2010",
        "--period",
        "2010",
    )
    assert "comtradr_services_empty.json: the response has no data records" in error


def test_latin1_portal_csv_is_read_and_mirrors_both_partners(capsys):
    name = "nik_TradeData_chn_excerpt.csv"
    raw = _rows(name, encoding="cp1252")
    value = {
        (r["reporterISO"], r["partnerISO"], r["flowCode"]): float(r["primaryValue"]) for r in raw
    }
    for partner in ("USA", "DEU"):
        pair = ["--reporter", "CHN", "--partner", partner, "--base", "2022", "--period", "2022"]
        summary = _summarize(capsys, str(REAL / name), *pair)
        assert summary["inputs"][0]["encoding"] == "Windows-1252"
        totals = _totals(summary)
        assert totals[("2022", "exports")]["value_usd"] == value[("CHN", partner, "X")]
        mirror = {m["flow"]: m for m in summary["mirror"]}
        assert mirror["exports"]["mirror_usd"] == value[(partner, "CHN", "M")]
        expected_gap = value[(partner, "CHN", "M")] - value[("CHN", partner, "X")]
        assert mirror["exports"]["gap_usd"] == pytest.approx(expected_gap, rel=1e-12)
        basis = {v["flow"]: v for v in summary["mirror_valuation"]}
        assert (basis["exports"]["reported_basis"], basis["exports"]["mirror_basis"]) == (
            "FOB",
            "CIF",
        )


def test_legacy_csv_with_flow_letters_and_a_group_reporter(capsys):
    name = "cement_legacy_eu28_excerpt.csv"
    raw = _rows(name)
    expected = {
        year: sum(
            float(r["Trade Value (US$)"])
            for r in raw
            if r["Partner ISO"] == "LBN"
            and r["Year"] == year
            and r["Trade Flow"] == "M"
            and r["Customs Proc. Code"] == "C00"
        )
        for year in ("2000", "2001")
    }
    pair = ["--reporter", "EUR", "--partner", "LBN", "--base", "2000", "--period", "2001"]
    summary = _summarize(capsys, str(REAL / name), *pair)
    totals = _totals(summary)
    for year, value in expected.items():
        assert totals[(year, "imports")]["value_usd"] == value
        assert totals[(year, "imports")]["coverage"] == ["252310"]
        assert totals[(year, "imports")]["coverage_text"] == "HS 252310 only"
    assert totals[("2001", "exports")]["value_usd"] is None
    assert totals[("2001", "exports")]["coverage_text"] == "no data"
    assert {e["period"] for e in summary["exclusions"]} <= {"2000", "2001"}
    assert main(["summarize", str(REAL / name), *pair]) == 0
    assert "HS 252310 only" in capsys.readouterr().out


def test_customs_breakdowns_are_left_out_and_listed(capsys):
    name = "cement_legacy_eu28_excerpt.csv"
    raw = _rows(name)
    c00 = sum(
        float(r["Trade Value (US$)"])
        for r in raw
        if r["Partner ISO"] == "TUR" and r["Year"] == "2017" and r["Customs Proc. Code"] == "C00"
    )
    pair = ["--reporter", "EUR", "--partner", "TUR", "--base", "2016", "--period", "2017"]
    summary = _summarize(capsys, str(REAL / name), *pair)
    assert _totals(summary)[("2017", "imports")]["value_usd"] == c00
    reasons = {e["reason"] for e in summary["exclusions"]}
    assert reasons <= {"breakdown by customs procedure (its total row is kept)"}


def test_sitc_file_is_refused_naming_the_classification(capsys):
    name = "shjain_chn_sitc_excerpt.csv"
    pair = ["--reporter", "CHN", "--partner", "DEU", "--base", "2010", "--period", "2010"]
    error = _refused(capsys, str(REAL / name), *pair)
    assert "not an HS classification: 'S4'" in error and "download the data in HS" in error


def test_2012_era_bulk_file_is_read(capsys):
    name = "gianni77_ind_chn_bulk_excerpt.csv"
    raw = _rows(name)
    total = {r["Trade Flow Code"]: float(r["Value"]) for r in raw if r["Commodity Code"] == "TOTAL"}
    pair = ["--reporter", "IND", "--partner", "CHN", "--base", "2010", "--period", "2010"]
    summary = _summarize(capsys, str(REAL / name), *pair)
    totals = _totals(summary)
    assert totals[("2010", "exports")]["value_usd"] == total["2"]
    assert totals[("2010", "imports")]["value_usd"] == total["1"]
    shares = [s["share_pct"] for s in summary["by_section"] if s["flow"] == "exports"]
    assert sum(shares) == pytest.approx(100.0)
    assert summary["inputs"][0]["layout"].startswith("UN Comtrade bulk CSV (2012-era")


def test_imf_dots_wide_export_with_imf_country_codes(capsys):
    name = "imf_dots_panel_2024M2.csv"
    raw = [r for r in _rows(name) if r["Attribute"] == "Value"]
    value = {
        (r["Country Code"], r["Indicator Code"], r["Counterpart Country Code"]): float(r["2024M2"])
        for r in raw
    }
    pair = ["--reporter", "GBR", "--partner", "FRA", "--base", "2024-02", "--period", "2024-02"]
    summary = _summarize(capsys, str(REAL / name), *pair)
    totals = _totals(summary)
    assert totals[("2024-02", "exports")]["value_usd"] == value[("112", "TXG_FOB_USD", "132")]
    assert totals[("2024-02", "imports")]["value_usd"] == value[("112", "TMG_CIF_USD", "132")]
    mirror = {m["flow"]: m for m in summary["mirror"]}
    assert mirror["exports"]["mirror_usd"] == value[("132", "TMG_CIF_USD", "112")]
    reasons = {e["reason"] for e in summary["exclusions"]}
    assert "trade balance: derived, recomputed from exports and imports" in reasons
