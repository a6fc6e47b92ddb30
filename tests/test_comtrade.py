"""UN Comtrade loaders: Comtrade+ CSV and JSON, legacy CSV; exclusions and every bad-input error."""

import json
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.loaders.checks import select_commodity_level
from analysis.loaders.comtrade import SOURCE_LEGACY, SOURCE_PLUS, load_comtrade
from analysis.loaders.schema import TRADE_COLUMNS, TradeDataError, exclusions_of, read_notes_of

FIXTURES = Path(__file__).parent / "fixtures"
PLUS_CSV = FIXTURES / "comtrade_plus" / "kaz_gbr_2022_2023.csv"
PLUS_JSON = FIXTURES / "comtrade_plus" / "gbr_kaz_2022_2023.json"
PASCAL = FIXTURES / "comtrade_plus" / "kaz_gbr_pascal.csv"
LEGACY = FIXTURES / "comtrade_legacy" / "kaz_gbr_2022_2023_legacy.csv"


def _table(rows, source, file):
    """Expected canonical table from (reporter, partner, period, flow, code, value) tuples."""
    frame = pd.DataFrame(rows, columns=TRADE_COLUMNS[:6]).assign(source=source, file=file)
    return frame.astype(
        {c: "str" for c in TRADE_COLUMNS if c != "value_usd"} | {"value_usd": float}
    )


def test_comtrade_plus_csv_keeps_totals_and_chapters_and_drops_traps():
    table = load_comtrade(PLUS_CSV)
    k, g = "KAZ", "GBR"
    expected = _table(
        [
            (k, g, "2022", "exports", "TOTAL", 1460e6),
            (k, g, "2022", "exports", "08", 60e6),
            (k, g, "2022", "exports", "27", 900e6),
            (k, g, "2022", "exports", "71", 500e6),
            (k, g, "2022", "imports", "TOTAL", 384.3e6),
            (k, g, "2022", "imports", "30", 100e6),
            (k, g, "2022", "imports", "84", 200e6),
            (k, g, "2022", "imports", "87", 84.3e6),
            (k, g, "2023", "exports", "TOTAL", 700e6),
            (k, g, "2023", "exports", "08", 20e6),
            (k, g, "2023", "exports", "27", 300e6),
            (k, g, "2023", "exports", "71", 380e6),
            (k, g, "2023", "imports", "TOTAL", 478.6e6),
            (k, g, "2023", "imports", "30", 130e6),
            (k, g, "2023", "imports", "84", 260e6),
            (k, g, "2023", "imports", "87", 88.6e6),
            (k, g, "2023", "re_exports", "TOTAL", 5e6),
            (k, "WLD", "2023", "exports", "TOTAL", 60e9),
        ],
        SOURCE_PLUS,
        PLUS_CSV.name,
    )
    assert_frame_equal(table, expected, check_exact=True)
    excluded = exclusions_of(table)
    assert excluded["line"].tolist() == [6, 14, 15, 18, 19, 25]
    assert excluded["commodity_code"].tolist() == [
        "7108",
        "2709",
        "2710",
        "TOTAL",
        "TOTAL",
        "TOTAL",
    ]
    assert excluded["reason"].str.split().str[0].tolist() == [
        "empty",
        "incomplete",
        "incomplete",
        "breakdown",
        "breakdown",
        "partner",
    ]


def test_comtrade_plus_json_takes_codes_from_m49_numbers():
    table = load_comtrade(PLUS_JSON)
    b, k = "GBR", "KAZ"
    expected = _table(
        [
            (b, k, "2022", "imports", "TOTAL", 1520e6),
            (b, k, "2022", "exports", "TOTAL", 370e6),
            (b, k, "2023", "imports", "TOTAL", 730e6),
            (b, k, "2023", "exports", "TOTAL", 455e6),
            (b, "WLD", "2023", "imports", "TOTAL", 650000000000.5),
        ],
        SOURCE_PLUS,
        PLUS_JSON.name,
    )
    assert_frame_equal(table, expected, check_exact=True)
    excluded = exclusions_of(table)
    assert excluded[["line", "reason"]].values.tolist() == [
        [5, "breakdown by customs procedure (its total row is kept)"]
    ]


def test_pascal_case_headers_monthly_period_and_leading_zero():
    table = load_comtrade(PASCAL)
    expected = _table(
        [
            ("KAZ", "GBR", "2023-04", "exports", "TOTAL", 61000000.5),
            ("KAZ", "GBR", "2023-04", "imports", "TOTAL", 39500000.0),
            ("KAZ", "GBR", "2023-04", "exports", "0902", 1250.75),
        ],
        SOURCE_PLUS,
        PASCAL.name,
    )
    assert_frame_equal(table, expected, check_exact=True)


def test_legacy_csv_keeps_complete_headings_and_flows_apart():
    table = load_comtrade(LEGACY)
    k, g = "KAZ", "GBR"
    expected = _table(
        [
            (k, g, "2022", "exports", "TOTAL", 1460e6),
            (k, g, "2022", "exports", "0802", 60e6),
            (k, g, "2022", "exports", "2709", 1300e6),
            (k, g, "2022", "exports", "2710", 100e6),
            (k, g, "2022", "imports", "TOTAL", 384.3e6),
            (k, g, "2022", "re_exports", "TOTAL", 2e6),
            (k, g, "2022", "re_imports", "TOTAL", 0.3e6),
            (k, "WLD", "2022", "exports", "TOTAL", 84e9),
            (k, g, "2023", "exports", "TOTAL", 700e6),
            (k, g, "2023", "exports", "0802", 20e6),
            (k, g, "2023", "exports", "2709", 650e6),
            (k, g, "2023", "exports", "2710", 30e6),
            (k, g, "2023", "imports", "TOTAL", 478.6e6),
        ],
        SOURCE_LEGACY,
        LEGACY.name,
    )
    assert_frame_equal(table, expected, check_exact=True)
    excluded = exclusions_of(table)
    assert excluded["line"].tolist() == [3, 4, 13, 14]
    assert set(excluded["reason"].str.split(":").str[0]) == {"subtotal"}


def test_select_commodity_level_keeps_finest_complete_level():
    table = pd.DataFrame(
        {
            "reporter_iso3": "KAZ",
            "partner_iso3": "GBR",
            "period": "2023",
            "flow": "exports",
            "commodity_code": ["TOTAL", "08", "27", "0802", "2709", "2710", "080211"],
            "value_usd": [100.0, 10.0, 90.0, 10.0, 80.0, 10.0, 4.0],
        }
    )
    reason = select_commodity_level(table)
    # chapters (100) and headings (100) are complete; the one subheading (4) is not.
    assert reason.isna().tolist() == [True, False, False, True, True, True, False]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _plus_variant(tmp_path, old, new, count=1):
    text = PLUS_CSV.read_text(encoding="utf-8")
    assert old in text
    return _write(tmp_path, "bad.csv", text.replace(old, new, count))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            ",X,Export,826",
            ",XX,Export,826",
            "bad.csv: line 2, column 'flowCode': unknown flow 'XX'; expected a flow code (M, X, "
            "RM, RX; sub-flows DX, FM, MIP, XIP, MOP, XOP), a legacy number",
        ),
        (
            ",1460000000,True",
            ",14600O0000,True",
            "bad.csv: line 2, column 'primaryValue': not a number: '14600O0000'",
        ),
        (
            ",1460000000,True",
            ",-1460000000,True",
            "bad.csv: line 2, column 'primaryValue': negative value '-1460000000'",
        ),
        (",H6,08,", ",H6,8X,", "bad.csv: line 3, column 'cmdCode': not an HS commodity code: '8X'"),
        (
            ",1460000000,True",
            ",1e400,True",
            "bad.csv: line 2, column 'primaryValue': not a finite number: '1e400'",
        ),
        (
            ",1460000000,True",
            ",1460000000000000000,True",
            "bad.csv: line 2: value_usd 1.46e+18 US$ is more than world trade in the period",
        ),
        (
            ",H6,TOTAL,",
            ",S4,TOTAL,",
            "bad.csv: line 2, column 'classificationCode': not an HS classification: 'S4'",
        ),
        (
            "True,True,\n",
            "True,True,surprise\n",
            "bad.csv: line 2: a value outside the header's columns ('surprise')",
        ),
        (
            ",0,,1460000000,1460000000,",
            ",2100,,1460000000,1460000000,",
            "bad.csv: line 2: a breakdown (second partner, customs procedure or mode of "
            "transport) without its total row",
        ),
    ],
)
def test_comtrade_plus_bad_input_names_file_line_and_column(tmp_path, old, new, message):
    path = _plus_variant(tmp_path, old, new)
    with pytest.raises(TradeDataError) as caught:
        load_comtrade(path)
    assert str(caught.value).startswith(message)


def test_duplicated_key_names_both_lines(tmp_path):
    lines = PLUS_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    path = _write(tmp_path, "dup.csv", "".join([*lines, lines[1]]))
    with pytest.raises(
        TradeDataError, match=r"dup.csv: lines \[2, 26\] repeat the same key .*commodity_code=TOTAL"
    ):
        load_comtrade(path)


def test_missing_column_is_named(tmp_path):
    text = PLUS_CSV.read_text(encoding="utf-8").replace("primaryValue", "primaryVal", 1)
    with pytest.raises(TradeDataError, match=r"bad.csv: missing column\(s\) \['primaryvalue'\]"):
        load_comtrade(_write(tmp_path, "bad.csv", text))


def test_sub_flows_are_excluded_not_added(tmp_path):
    lines = PLUS_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    domestic = (
        lines[1].replace(",X,Export,", ",DX,Domestic Export,").replace("1460000000", "1400000000")
    )
    table = load_comtrade(_write(tmp_path, "dx.csv", "".join([*lines, domestic])))
    assert table.loc[
        table["period"].eq("2022")
        & table["flow"].eq("exports")
        & table["commodity_code"].eq("TOTAL"),
        "value_usd",
    ].tolist() == [1460e6]
    assert (
        exclusions_of(table)["reason"].iloc[-1]
        == "sub-flow DX (domestic exports) is part of imports or exports"
    )


def test_json_errors(tmp_path):
    with pytest.raises(TradeDataError, match="not a Comtrade\\+ API response"):
        load_comtrade(_write(tmp_path, "a.json", json.dumps({"results": []})))
    with pytest.raises(TradeDataError, match="has no data records"):
        load_comtrade(_write(tmp_path, "b.json", json.dumps({"data": [], "error": ""})))
    with pytest.raises(TradeDataError, match="cannot read as JSON"):
        load_comtrade(_write(tmp_path, "c.json", "{not json"))
    records = json.loads(PLUS_JSON.read_text())
    records["data"][0]["cmdCode"] = "8X"
    with pytest.raises(
        TradeDataError, match=r"d.json: record 1, column 'cmdCode': not an HS commodity code: '8X'"
    ):
        load_comtrade(_write(tmp_path, "d.json", json.dumps(records)))
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(TradeDataError, match=r"e.json: cannot read as JSON \(nested too deeply\)"):
        load_comtrade(_write(tmp_path, "e.json", deep))


def test_missing_file():
    with pytest.raises(TradeDataError, match="no such file"):
        load_comtrade(FIXTURES / "absent.csv")


def test_legacy_unknown_flow_code(tmp_path):
    text = LEGACY.read_text(encoding="utf-8").replace(",0,0,2,Export,", ",0,0,7,Export,", 1)
    with pytest.raises(
        TradeDataError,
        match=r"bad.csv: line 2, column 'Trade Flow Code': unknown flow '7'",
    ):
        load_comtrade(_write(tmp_path, "bad.csv", text))


def test_a_reporter_outside_the_reference_table_is_left_out_not_fatal(tmp_path):
    path = _plus_variant(tmp_path, "398,KAZ,Kazakhstan", "490,S19,Other Asia nes")
    table = load_comtrade(path)
    assert ~table["reporter_iso3"].eq("S19").any()
    excluded = exclusions_of(table)
    assert excluded.loc[excluded["line"].eq(2), "reason"].tolist() == [
        "reporter is not a country or group of the reference table (S19 490)"
    ]


def test_codes_that_lost_their_leading_zero_are_padded(tmp_path):
    path = _plus_variant(tmp_path, ",H6,08,", ",H6,8,")
    table = load_comtrade(path)
    assert table.loc[table["commodity_code"].eq("08"), "value_usd"].tolist() == [60e6, 20e6]
    [read] = read_notes_of(table)
    assert read["notes"] == [
        "1 commodity code(s) had lost their leading zero and were padded ('8'→'08'): HS codes "
        "have an even number of digits"
    ]
    assert read["encoding"] == "UTF-8"
