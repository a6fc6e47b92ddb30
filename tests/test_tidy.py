"""Tidy CSV loader and layout sniffing across every supported layout."""

from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.loaders.schema import TRADE_COLUMNS, TradeDataError, exclusions_of
from analysis.loaders.tidy import load_tidy_trade, load_trade_files, sniff_layout
from analysis.paths import ONS_TRADE_FILE

FIXTURES = Path(__file__).parent / "fixtures"
TIDY = FIXTURES / "tidy" / "kaz_gbr_tidy.csv"


def test_tidy_csv_keeps_codes_as_text_and_reports_empty_values():
    table = load_tidy_trade(TIDY)
    k, g = "KAZ", "GBR"
    rows = [
        (k, g, "2022", "exports", "TOTAL", 1460e6),
        (k, g, "2022", "exports", "08", 60e6),
        (k, g, "2022", "exports", "27", 1400e6),
        (k, g, "2022", "imports", "TOTAL", 384.3e6),
        (k, g, "2023", "exports", "TOTAL", 700e6),
        (k, g, "2023", "exports", "08", 20e6),
        (k, g, "2023", "exports", "27", 680e6),
        (k, g, "2023", "imports", "TOTAL", 478.6e6),
        (k, "WLD", "2023", "exports", "TOTAL", 60e9),
    ]
    expected = pd.DataFrame(rows, columns=TRADE_COLUMNS[:6]).assign(
        source="Invented, for tests", file=TIDY.name
    )
    expected = expected.astype({c: "str" for c in TRADE_COLUMNS if c != "value_usd"})
    assert_frame_equal(table, expected, check_exact=True)
    assert exclusions_of(table)[["line", "commodity_code", "reason"]].values.tolist() == [
        [6, "84", "empty value (value_usd)"]
    ]


@pytest.mark.parametrize(
    ("path", "layout"),
    [
        (FIXTURES / "comtrade_plus" / "kaz_gbr_2022_2023.csv", "UN Comtrade+ CSV"),
        (FIXTURES / "comtrade_plus" / "kaz_gbr_pascal.csv", "UN Comtrade+ CSV"),
        (FIXTURES / "comtrade_plus" / "gbr_kaz_2022_2023.json", "UN Comtrade+ API JSON"),
        (FIXTURES / "comtrade_legacy" / "kaz_gbr_2022_2023_legacy.csv", "legacy UN Comtrade CSV"),
        (FIXTURES / "imf" / "imts_kaz_gbr_millions.csv", "IMF IMTS CSV"),
        (TIDY, "tidy CSV"),
        (ONS_TRADE_FILE, "ONS UK total trade"),
    ],
)
def test_sniff_layout(path, layout):
    assert sniff_layout(path) == layout


def test_load_trade_files_concatenates_layouts_with_exclusions():
    files = [
        FIXTURES / "comtrade_plus" / "kaz_gbr_2022_2023.csv",
        FIXTURES / "comtrade_plus" / "gbr_kaz_2022_2023.json",
        FIXTURES / "imf" / "imts_iso2_monthly.csv",
    ]
    table = load_trade_files(files)
    assert list(table.columns) == list(TRADE_COLUMNS)
    assert table.groupby("file").size().to_dict() == {
        "gbr_kaz_2022_2023.json": 5,
        "imts_iso2_monthly.csv": 4,
        "kaz_gbr_2022_2023.csv": 18,
    }
    assert exclusions_of(table).groupby("file").size().to_dict() == {
        "gbr_kaz_2022_2023.json": 1,
        "kaz_gbr_2022_2023.csv": 6,
    }


def test_ons_file_loads_through_the_sniffer():
    table = load_trade_files([ONS_TRADE_FILE])
    assert set(table["reporter_iso3"]) == {"GBR"}
    kaz_2023 = table[table["partner_iso3"].eq("KAZ") & table["period"].eq("2023")]
    assert sorted(kaz_2023["flow"]) == ["exports", "imports"]


def test_same_key_in_two_files_is_an_error():
    with pytest.raises(
        TradeDataError, match=r"kaz_gbr_2022_2023.csv.*kaz_gbr_tidy.csv.*the same key .*period=2022"
    ):
        load_trade_files([FIXTURES / "comtrade_plus" / "kaz_gbr_2022_2023.csv", TIDY])


def test_unknown_layout_and_missing_file(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(
        TradeDataError, match=r"other.csv: unknown layout .*expected one of: ONS UK total trade"
    ):
        load_trade_files([path])
    with pytest.raises(TradeDataError, match="absent.csv: no such file"):
        load_trade_files([tmp_path / "absent.csv"])
    with pytest.raises(TradeDataError, match="no trade files given"):
        load_trade_files([])


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "KAZ,GBR,2022,exports,TOTAL",
            "KAZ,GBR,2022,export,TOTAL",
            "bad.csv: line 2, column 'flow': unknown flow 'export'",
        ),
        (
            "KAZ,GBR,2022,exports,TOTAL",
            "KAZ,UK,2022,exports,TOTAL",
            "bad.csv: line 2, column 'partner_iso3': unknown ISO3",
        ),
        (
            "KAZ,GBR,2022,exports,TOTAL",
            "KAZ,GBR,22,exports,TOTAL",
            "bad.csv: line 2, column 'period': not a period: '22'",
        ),
        (
            "exports,08,60000000",
            "exports,8A,60000000",
            "bad.csv: line 3, column 'commodity_code': not an HS commodity code: '8A'",
        ),
        (
            "TOTAL,1460000000",
            "TOTAL,-1",
            "bad.csv: line 2, column 'value_usd': negative value '-1'",
        ),
        ("value_usd,source", "value,source", "bad.csv: missing column(s) ['value_usd']"),
    ],
)
def test_tidy_bad_input(tmp_path, old, new, message):
    text = TIDY.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TradeDataError) as caught:
        load_tidy_trade(path)
    assert str(caught.value).startswith(message)


def test_mixed_currencies(tmp_path):
    path = tmp_path / "cur.csv"
    path.write_text(
        "reporter_iso3,partner_iso3,period,flow,commodity_code,value_usd,currency\n"
        "KAZ,GBR,2023,exports,TOTAL,1,USD\nKAZ,GBR,2023,imports,TOTAL,1,EUR\n",
        encoding="utf-8",
    )
    with pytest.raises(
        TradeDataError, match=r"cur.csv: line 3, column 'currency': not US dollars: 'EUR'"
    ):
        load_tidy_trade(path)
