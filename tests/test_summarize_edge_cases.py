"""``summarize`` on edge cases real files lack. **Every file here is invented** (in the test).

Multi-reporter files with a bad row of another reporter, header-only and ragged CSVs, values that
overflow, chapters in one file and headings in another, a file holding one HS heading only.
"""

import json
from pathlib import Path

import pytest

from analysis.cli import main

HEADER = "reporter_iso3,partner_iso3,period,flow,commodity_code,value_usd\n"
PAIR = ["--reporter", "KAZ", "--partner", "GBR", "--base", "2022", "--period", "2023"]


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def _run(capsys, *arguments: str) -> tuple[int, str, str]:
    status = main(["summarize", *arguments])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _pair_rows(kaz_exports: tuple[str, str] = ("100", "80")) -> str:
    return (
        f"KAZ,GBR,2022,exports,TOTAL,{kaz_exports[0]}\n"
        f"KAZ,GBR,2023,exports,TOTAL,{kaz_exports[1]}\n"
        "KAZ,GBR,2022,imports,TOTAL,40\nKAZ,GBR,2023,imports,TOTAL,50\n"
    )


def test_a_bad_row_of_another_reporter_is_listed_not_fatal(capsys, tmp_path):
    path = _write(tmp_path, "multi.csv", HEADER + _pair_rows() + "UZB,RUS,2023,exports,TOTAL,x\n")
    status, out, err = _run(capsys, str(path), *PAIR, "--json")
    assert status == 0, err
    summary = json.loads(out)
    [problem] = summary["problems"]
    assert (problem["line"], problem["reporter_iso3"]) == (6, "UZB")
    assert problem["reason"].startswith("column 'value_usd': not a number: 'x'")
    status, out, _ = _run(capsys, str(path), *PAIR)
    assert "Bad rows not needed for this question" in out


def test_a_bad_row_the_question_needs_is_fatal(capsys, tmp_path):
    path = _write(tmp_path, "pair.csv", HEADER + _pair_rows(("100", "8O")))
    status, out, err = _run(capsys, str(path), *PAIR)
    assert status == 2 and out == ""
    assert err == (
        "analysis summarize: pair.csv: line 3, column 'value_usd': not a number: '8O'; "
        "write plain numbers such as 1234.5\n"
    )


def test_a_bad_row_in_another_year_is_not_needed(capsys, tmp_path):
    rows = HEADER + _pair_rows() + "KAZ,GBR,2019,exports,TOTAL,-5\n"
    status, out, err = _run(capsys, str(_write(tmp_path, "years.csv", rows)), *PAIR, "--json")
    assert status == 0, err
    assert [p["period"] for p in json.loads(out)["problems"]] == ["2019"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER, "h.csv: no data rows (the file has only its header line)"),
        ("", "h.csv: empty file, no header line"),
        (
            HEADER + _pair_rows() + "KAZ,GBR,2023\n",
            "h.csv: line 6: 3 fields where the header has 6",
        ),
        (HEADER + _pair_rows() + "KAZ,GBR,2023,re_exports,TOTAL,1,2\n", "h.csv: line 6: a value"),
        (HEADER + _pair_rows(("1e400", "80")), "h.csv: line 2, column 'value_usd': not a finite"),
        (HEADER + _pair_rows(("1.7e308", "80")), "h.csv: line 2: value_usd 1.7e+308 US$ is more"),
    ],
)
def test_bad_files_give_one_line(capsys, tmp_path, text, message):
    status, out, err = _run(capsys, str(_write(tmp_path, "h.csv", text)), *PAIR)
    assert status == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("analysis summarize: " + message), err


def test_chapters_in_one_file_and_headings_in_another_are_not_added(capsys, tmp_path):
    chapters = HEADER + "KAZ,GBR,2023,exports,27,90\nKAZ,GBR,2023,exports,71,10\n"
    chapters += "KAZ,GBR,2022,exports,27,60\nKAZ,GBR,2022,exports,71,40\n"
    headings = HEADER + "KAZ,GBR,2023,exports,2709,90\nKAZ,GBR,2023,exports,7108,10\n"
    headings += "KAZ,GBR,2022,exports,2709,60\nKAZ,GBR,2022,exports,7108,40\n"
    files = [str(_write(tmp_path, "ch.csv", chapters)), str(_write(tmp_path, "hd.csv", headings))]
    status, out, err = _run(capsys, *files, *PAIR, "--json")
    assert status == 0, err
    summary = json.loads(out)
    totals = {(t["period"], t["flow"]): t for t in summary["totals"]}
    assert totals[("2023", "exports")]["value_usd"] == 100  # each file alone says 100
    assert totals[("2023", "exports")]["coverage"] == ["2709", "7108"]
    assert totals[("2023", "exports")]["coverage_text"] == "2 HS headings (2709, 7108)"
    excluded = [e for e in summary["exclusions"] if e["file"] == "ch.csv"]
    assert len(excluded) == 4 and all("(across files)" in e["reason"] for e in excluded)


def test_one_heading_only_is_said_in_text_and_json(capsys, tmp_path):
    rows = HEADER + "KAZ,GBR,2022,exports,8542,10\nKAZ,GBR,2023,exports,8542,12\n"
    status, out, _ = _run(capsys, str(_write(tmp_path, "one.csv", rows)), *PAIR)
    assert status == 0 and "HS 8542 only" in out
    status, out, _ = _run(capsys, str(_write(tmp_path, "one.csv", rows)), *PAIR, "--json")
    totals = {(t["period"], t["flow"]): t for t in json.loads(out)["totals"]}
    assert totals[("2023", "exports")]["coverage"] == ["8542"]


def test_windows_1252_and_bom_are_detected_and_said(capsys, tmp_path):
    with_source = "reporter_iso3,partner_iso3,period,flow,commodity_code,value_usd,source\n"
    text = "".join(line + ",Côte\n" for line in _pair_rows().splitlines())
    cp1252 = _write(tmp_path, "cp.csv", with_source + text, encoding="cp1252")
    bom = _write(tmp_path, "bom.csv", HEADER + _pair_rows(), encoding="utf-8-sig")
    for path, encoding in ((cp1252, "Windows-1252"), (bom, "UTF-8 with BOM")):
        status, out, err = _run(capsys, str(path), *PAIR, "--json")
        assert status == 0, err
        assert json.loads(out)["inputs"][0]["encoding"] == encoding


def test_an_orphan_breakdown_of_another_reporter_is_listed_not_fatal(capsys, tmp_path):
    kaz = Path(__file__).parent / "fixtures" / "comtrade_plus" / "kaz_gbr_2022_2023.csv"
    lines = kaz.read_text(encoding="utf-8").splitlines(keepends=True)
    orphan = (  # an invented Uzbek row broken down by mode of transport, without its total row
        lines[1].replace("398,KAZ,Kazakhstan", "860,UZB,Uzbekistan").replace(",C00,0,,", ",C00,1,,")
    )
    assert orphan != lines[1]
    path = _write(tmp_path, "two.csv", "".join([*lines, orphan]))
    status, out, err = _run(capsys, str(path), *PAIR, "--json")
    assert status == 0, err
    [problem] = json.loads(out)["problems"]
    assert problem["reporter_iso3"] == "UZB" and problem["line"] == len(lines) + 1
    assert problem["reason"].startswith("a breakdown (second partner, customs procedure or mode")


def test_a_bad_value_with_a_non_country_partner_is_not_needed(capsys, tmp_path):
    kaz = Path(__file__).parent / "fixtures" / "comtrade_plus" / "kaz_gbr_2022_2023.csv"
    lines = kaz.read_text(encoding="utf-8").splitlines(keepends=True)
    areas = [line for line in lines if ",_X," in line or ",899," in line]
    assert areas, "the fixture has an 'Areas, nes' row"
    fields = areas[0].rstrip("\n").split(",")
    fields[-4] = "n/a"  # primaryValue of that row (invented damage)
    path = _write(tmp_path, "areas.csv", "".join([*lines, ",".join(fields) + "\n"]))
    status, out, err = _run(capsys, str(path), *PAIR, "--json")
    assert status == 0, err
    assert [p["reason"][:40] for p in json.loads(out)["problems"]] == [
        "column 'primaryValue': not a number: 'n/"
    ]
