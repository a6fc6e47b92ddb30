"""IMF IMTS loader: scale, valuation, periods, ISO2/ISO3 codes, exclusions and bad input."""

from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.loaders.imf import SOURCE, load_imf_trade
from analysis.loaders.schema import TRADE_COLUMNS, TradeDataError, exclusions_of, read_notes_of

FIXTURES = Path(__file__).parent / "fixtures" / "imf"
MILLIONS = FIXTURES / "imts_kaz_gbr_millions.csv"
MONTHLY = FIXTURES / "imts_iso2_monthly.csv"


def _expected(rows, file):
    frame = pd.DataFrame(rows, columns=[*TRADE_COLUMNS[:6], "valuation"])
    frame = frame.assign(commodity_code="TOTAL", source=SOURCE, file=file)
    frame = frame[[*TRADE_COLUMNS, "valuation"]]
    return frame.astype(
        {c: "str" for c in TRADE_COLUMNS if c != "value_usd"} | {"value_usd": float}
    )


def test_scale_is_a_label_and_cif_kept_over_fob():
    table = load_imf_trade(MILLIONS)
    k, g = "KAZ", "GBR"
    expected = _expected(
        [
            (k, g, "2022", "exports", "", 1460e6, "FOB"),
            (k, g, "2023", "exports", "", 700e6, "FOB"),
            (k, g, "2022", "imports", "", 384.3e6, "CIF"),
            (k, g, "2023", "imports", "", 478.6e6, "CIF"),
            (k, "WLD", "2023", "exports", "", 78651.2e6, "FOB"),
            (k, g, "2023-Q1", "exports", "", 210.5e6, "FOB"),
        ],
        MILLIONS.name,
    )
    assert_frame_equal(table, expected, check_exact=True)
    excluded = exclusions_of(table)
    assert excluded[["line", "reason"]].values.tolist() == [
        [6, "imports FOB: the same imports valued CIF are kept"],
        [7, "trade balance: derived, recomputed from exports and imports"],
        [9, "counterpart is a group of countries, not one country (G998)"],
        [11, "empty value (OBS_VALUE)"],
    ]


def test_iso2_codes_and_monthly_periods():
    table = load_imf_trade(MONTHLY)
    expected = _expected(
        [
            ("KAZ", "GBR", "2023-01", "exports", "", 55e6, "FOB"),
            ("KAZ", "GBR", "2023-02", "exports", "", 48500000.25, "FOB"),
            ("KAZ", "GBR", "2023-01", "imports", "", 31e6, "FOB"),
            ("GBR", "KAZ", "2023-01", "imports", "", 57.25e6, "CIF"),
        ],
        MONTHLY.name,
    )
    assert_frame_equal(table, expected, check_exact=True)
    assert exclusions_of(table).empty


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "KAZ,XG_FOB_USD,GBR,A,2022",
            "KAZ,XG_FOB_XDC,GBR,A,2022",
            "bad.csv: line 2, column 'INDICATOR': unknown or non-US-dollar indicator 'XG_FOB_XDC'",
        ),
        (
            "2022,1460000000,Millions,US dollar",
            "2022,1460000000,Millions,Euro",
            "bad.csv: line 2, column 'UNIT': not US dollars: 'Euro'",
        ),
        (
            "2022,1460000000,",
            "2022,1460000000000000,",
            "bad.csv: line 2: value_usd 1.46e+15 US$ is more than world trade in the period",
        ),
        (
            "2022,1460000000,",
            "2022,inf,",
            "bad.csv: line 2, column 'OBS_VALUE': not a finite number: 'inf'",
        ),
        (
            "A,2022,1460000000",
            "A,FY2022,1460000000",
            "bad.csv: line 2, column 'TIME_PERIOD': not a period: 'FY2022'",
        ),
        (
            "A,2022,1460000000",
            "M,2022,1460000000",
            "bad.csv: line 2, column 'FREQUENCY': does not match TIME_PERIOD's frequency: 'M'",
        ),
        (
            "2022,1460000000,",
            "2022,-1460000000,",
            "bad.csv: line 2, column 'OBS_VALUE': negative value '-1460000000'",
        ),
        (
            "2022,1460000000,",
            "2022,n/a,",
            "bad.csv: line 2, column 'OBS_VALUE': not a number: 'n/a'",
        ),
        ("DATASET,COUNTRY,", "DATASET,NATION,", "bad.csv: missing column(s) ['COUNTRY']"),
    ],
)
def test_bad_input_names_file_line_and_column(tmp_path, old, new, message):
    text = MILLIONS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TradeDataError) as caught:
        load_imf_trade(path)
    assert str(caught.value).startswith(message)


def test_duplicated_key(tmp_path):
    lines = MONTHLY.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "dup.csv"
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    with pytest.raises(TradeDataError, match=r"dup.csv: lines \[2, 6\] repeat the same key"):
        load_imf_trade(path)


def test_sdmx_column_names_and_the_scale_note(tmp_path):
    text = MILLIONS.read_text(encoding="utf-8").replace(
        "DATASET,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,",
        "DATASET,REF_AREA,INDICATOR,COUNTERPART_AREA,",
    )
    path = tmp_path / "sdmx.csv"
    path.write_text(text, encoding="utf-8")
    table = load_imf_trade(path)
    assert table.loc[
        table["period"].eq("2022") & table["flow"].eq("exports"), "value_usd"
    ].tolist() == [1460e6]
    [read] = read_notes_of(table)
    assert read["notes"] == [
        "SCALE 'Millions' read as a display label: IMF IMTS OBS_VALUE is already in US dollars, "
        "so it is not multiplied"
    ]


def test_sdmx_2_1_unit_mult_is_a_power_of_ten(tmp_path):
    path = tmp_path / "mult.csv"
    path.write_text(  # invented
        "COUNTRY,INDICATOR,COUNTERPART_COUNTRY,TIME_PERIOD,OBS_VALUE,UNIT_MULT\n"
        "KAZ,XG_FOB_USD,GBR,2022,1460,6\n",
        encoding="utf-8",
    )
    assert load_imf_trade(path)["value_usd"].tolist() == [1460e6]


def test_sdmx_csv_download_with_numeric_scale_is_us_dollars(tmp_path):
    # Header of the IMF data service's SDMX CSV for IMTS (as a public client's tests use it); the
    # row is invented in that layout, its value of the size of US exports to Canada in a year.
    header = (
        "DATAFLOW,COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE,"
        "PRECISION,DECIMALS_DISPLAYED,TRADE_FLOW,VALUATION,UNIT,DERIVATION_TYPE,OVERLAP,STATUS\n"
    )
    row = "IMF.STA:IMTS(1.0.0),USA,XG_FOB_USD,CAN,A,2024,349397894619,6,,,XG,FOB,USD,M,OL,\n"
    path = tmp_path / "imts.csv"
    path.write_text(header + row, encoding="utf-8")
    table = load_imf_trade(path)
    assert table["value_usd"].tolist() == [349397894619.0]
    assert read_notes_of(table)[0]["notes"][0].startswith("SCALE '6' read as a display label")
