"""``python -m analysis summarize``: JSON contract with hand-computed numbers, text, bad input."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
KAZ_FILE = FIXTURES / "comtrade_plus" / "kaz_gbr_2022_2023.csv"
GBR_FILE = FIXTURES / "comtrade_plus" / "gbr_kaz_2022_2023.json"
PAIR = ["--reporter", "KAZ", "--partner", "GBR", "--base", "2022", "--period", "2023"]


def _summarize(capsys, *files, options=PAIR):
    status = main(["summarize", *map(str, files), *options, "--json"])
    out = capsys.readouterr().out
    assert status == 0
    return json.loads(out)


def test_json_contract_with_hand_computed_values(capsys):
    summary = _summarize(capsys, KAZ_FILE, GBR_FILE)
    assert list(summary)[:1] == ["files"]
    assert {"totals", "contributions", "by_section", "mirror"} <= set(summary)
    totals = {(t["period"], t["flow"]): t["value_usd"] for t in summary["totals"]}
    assert totals == {
        ("2022", "exports"): 1460e6,
        ("2022", "imports"): 384.3e6,
        ("2022", "turnover"): 1844.3e6,
        ("2022", "balance"): 1460e6 - 384.3e6,
        ("2023", "exports"): 700e6,
        ("2023", "imports"): 478.6e6,
        ("2023", "turnover"): 1178.6e6,
        ("2023", "balance"): 700e6 - 478.6e6,
        ("2023", "re_exports"): 5e6,
    }
    assert all(
        t["reporter_iso3"] == "KAZ" and t["partner_iso3"] == "GBR" for t in summary["totals"]
    )
    contributions = {c["flow"]: c["contribution_pp"] for c in summary["contributions"]}
    assert contributions["exports"] == pytest.approx(-760 / 1844.3 * 100, abs=1e-9)  # -41.208 pp
    assert contributions["imports"] == pytest.approx(94.3 / 1844.3 * 100, abs=1e-9)  # +5.113 pp
    assert contributions["turnover"] == pytest.approx(
        (1178.6 / 1844.3 - 1) * 100, abs=1e-9
    )  # -36.09 %
    assert contributions["balance"] is None
    sections = {(s["flow"], s["hs_section"]): s for s in summary["by_section"]}
    assert sections[("exports", "V")]["contribution_pp"] == pytest.approx(
        -600 / 1460 * 100, abs=1e-9
    )
    assert sections[("turnover", "XVI")]["base_value_usd"] == 200e6
    assert sections[("turnover", "XVI")]["value_usd"] == 260e6
    mirror = {(m["flow"], m["period"]): m for m in summary["mirror"]}
    assert mirror[("exports", "2023")]["reported_usd"] == 700e6
    assert mirror[("exports", "2023")]["mirror_usd"] == 730e6
    assert mirror[("exports", "2023")]["gap_pct"] == pytest.approx(30 / 700 * 100, abs=1e-9)
    assert mirror[("imports", "2022")]["gap_pct"] == pytest.approx(-14.3 / 384.3 * 100, abs=1e-9)
    assert "CIF" in summary["mirror_caveat"]
    assert [e["line"] for e in summary["exclusions"]] == [6, 14, 15, 18, 19, 5]


def test_by_section_and_mirror_empty_when_data_cannot_give_them(capsys):
    summary = _summarize(capsys, FIXTURES / "imf" / "imts_kaz_gbr_millions.csv")
    assert (
        summary["by_section"] == [] and summary["mirror"] == [] and summary["mirror_caveat"] == ""
    )
    assert [c["contribution_pp"] for c in summary["contributions"][:2]] == pytest.approx(
        [-760 / 1844.3 * 100, 94.3 / 1844.3 * 100], abs=1e-9
    )


def test_legacy_file_sections_from_headings(capsys):
    summary = _summarize(capsys, FIXTURES / "comtrade_legacy" / "kaz_gbr_2022_2023_legacy.csv")
    exports = {
        s["hs_section"]: s["value_usd"] for s in summary["by_section"] if s["flow"] == "exports"
    }
    assert exports == {"II": 20e6, "V": 680e6}
    assert summary["by_section"][0]["base_value_usd"] == 60e6


def test_plain_text_tables(capsys):
    assert main(["summarize", str(KAZ_FILE), str(GBR_FILE), *PAIR]) == 0
    out = capsys.readouterr().out
    assert re.search(r"turnover +1,844,300,000 +1,178,600,000 +all goods\n", out)
    assert "-41.21" in out and "Why mirror figures differ" in out
    assert "HS sections:\n     II  Vegetable products\n      V  Mineral products\n" in out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([str(FIXTURES / "absent.csv"), *PAIR], "absent.csv: no such file"),
        ([str(FIXTURES / "README.md"), *PAIR], "README.md: unknown layout"),
        (
            [str(KAZ_FILE), "--reporter", "KZZ", *PAIR[2:]],
            "--reporter 'KZZ': unknown ISO3 country code",
        ),
        (
            [str(KAZ_FILE), *PAIR[:6], "--period", "2021"],
            "period(s) ['2021'] not in the data for KAZ→GBR",
        ),
        ([str(KAZ_FILE), *PAIR[:6], "--period", "23"], "--period '23': not a period"),
        (
            [str(KAZ_FILE), "--reporter", "KAZ", "--partner", "DEU", *PAIR[4:]],
            "no data reported by KAZ for partner DEU",
        ),
        ([str(GBR_FILE), *PAIR], "no data reported by KAZ for partner GBR"),
        ([str(KAZ_FILE), str(FIXTURES / "tidy" / "kaz_gbr_tidy.csv"), *PAIR], "the same key"),
    ],
)
def test_bad_input_one_line_exit_2(capsys, arguments, message):
    assert main(["summarize", *arguments]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err
    assert captured.err.startswith("analysis summarize: ")


def test_bad_codes_in_a_file_exit_2_without_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        KAZ_FILE.read_text(encoding="utf-8").replace(",H6,08,", ",H6,8X,", 1), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "summarize", str(bad), *PAIR],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "analysis summarize: bad.csv: line 3, column 'cmdCode': not an HS commodity code: "
        "'8X'; use TOTAL or an HS code of 2, 4 or 6 digits\n"
    )
