"""Slices of big Comtrade+ files read in DuckDB: exact canonical tables, traps, errors, Parquet."""

from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.bulk import read_comtrade_slice, write_comtrade_parquet
from analysis.loaders.comtrade import SOURCE_PLUS, load_comtrade_csv
from analysis.loaders.schema import TRADE_COLUMNS, TradeDataError, exclusions_of, read_notes_of

FIXTURES = Path(__file__).parent / "fixtures" / "comtrade_plus"

# Values invented for the tests. A Comtrade+ portal CSV: PascalCase headers, a trailing delimiter
# on data lines, quoted names with commas, a leading-zero code, and every subtotal trap. Line
# numbers in comments are file lines (1 = header).
HEADER = (
    "TypeCode,FreqCode,RefYear,Period,ReporterCode,ReporterISO,ReporterDesc,FlowCode,PartnerCode,"
    "PartnerISO,PartnerDesc,Partner2Code,CmdCode,AggrLevel,CustomsCode,MotCode,PrimaryValue"
)
KG = "C,A,2023,2023,398,KAZ,Kazakhstan"  # annual 2023, reporter Kazakhstan
UK = '826,GBR,"United Kingdom, the"'  # partner, its name quoted with a comma
ROWS = [
    f"{KG},X,{UK},0,TOTAL,0,C00,0,1000,",  # 2
    f"{KG},X,{UK},0,08,2,C00,0,600,",  # 3 leading zero
    f"{KG},X,{UK},0,27,2,C00,0,400,",  # 4
    f"{KG},X,{UK},0,0801,4,C00,0,250,",  # 5 incomplete level
    f"{KG},X,{UK},0,TOTAL,0,C00,1,700,",  # 6 by transport
    f"{KG},X,{UK},276,TOTAL,0,C00,0,400,",  # 7 by partner 2
    f"{KG},X,{UK},0,TOTAL,0,C01,0,50,",  # 8 by customs
    f"{KG},X,0,W00,World,0,TOTAL,0,C00,0,9000,",  # 9 World
    f"{KG},RX,{UK},0,TOTAL,0,C00,0,30,",  # 10 re-exports
    f"{KG},DX,{UK},0,TOTAL,0,C00,0,900,",  # 11 sub-flow
    f'{KG},M,{UK},0,TOTAL,0,C00,0,"1,250.5",',  # 12
    f"C,A,2022,2022,398,KAZ,Kazakhstan,M,{UK},0,TOTAL,0,C00,0,800,",  # 13
    f"C,A,2022,2022,398,KAZ,Kazakhstan,X,{UK},0,TOTAL,0,C00,0,2000,",  # 14
    f'{KG},X,276,DEU,"Germany",0,TOTAL,0,C00,0,5,',  # 15 other partner
    f"C,A,2022,2022,398,KAZ,Kazakhstan,M,{UK},0,08,2,C00,0,,",  # 16 empty value
    f"C,M,2023,202301,398,KAZ,Kazakhstan,M,{UK},0,TOTAL,0,C00,0,100,",  # 17 month
    f"C,A,2023,2023,643,RUS,Russia,X,{UK},0,TOTAL,0,C00,0,70,",  # 18 other reporter
]
EXPECTED = [  # period, flow, commodity_code, value_usd
    ("2022", "exports", "TOTAL", 2000.0),
    ("2022", "imports", "TOTAL", 800.0),
    ("2023", "exports", "08", 600.0),
    ("2023", "exports", "27", 400.0),
    ("2023", "exports", "TOTAL", 1000.0),
    ("2023", "imports", "TOTAL", 1250.5),
    ("2023", "re_exports", "TOTAL", 30.0),
    ("2023-01", "imports", "TOTAL", 100.0),
]


def write_csv(folder: Path, name: str, rows: list[str] = ROWS, header: str = HEADER) -> Path:
    path = folder / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def canonical(rows: list[tuple], file: str, partner: str = "GBR") -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["period", "flow", "commodity_code", "value_usd"])
    frame = frame.assign(reporter_iso3="KAZ", partner_iso3=partner, source=SOURCE_PLUS, file=file)
    return frame[list(TRADE_COLUMNS)]


def test_slice_keeps_totals_levels_and_flows_apart(tmp_path):
    table = read_comtrade_slice(write_csv(tmp_path, "kaz.csv"), "KAZ", "GBR")
    assert_frame_equal(table, canonical(EXPECTED, "kaz.csv"))
    breakdowns = "3 breakdown row(s) by second partner, customs procedure or mode of transport "
    assert_frame_equal(
        exclusions_of(table),
        pd.DataFrame(
            {
                "line": [pd.NA] * 3,
                "reporter_iso3": "KAZ",
                "partner_iso3": "GBR",
                "period": ["2022", "2023", "2023"],
                "flow": ["imports", "exports", "exports"],
                "commodity_code": ["08", "0801", "TOTAL"],
                "reason": [
                    "empty value (PrimaryValue)",
                    "incomplete finer level 4: its rows do not add up to the level 2 rows kept",
                    breakdowns + "(their total row is kept)",
                ],
                "is_error": False,
            },
            index=pd.RangeIndex(3),
        ),
        check_dtype=False,
    )


def test_world_is_its_own_partner(tmp_path):
    table = read_comtrade_slice(write_csv(tmp_path, "kaz.csv"), "KAZ", "WLD")
    assert_frame_equal(table, canonical([("2023", "exports", "TOTAL", 9000.0)], "kaz.csv", "WLD"))


def test_camel_case_headers_without_trailing_column_read_the_same(tmp_path):
    camel = ",".join(name[0].lower() + name[1:] for name in HEADER.split(","))
    rows = [row.removesuffix(",") for row in ROWS]
    table = read_comtrade_slice(write_csv(tmp_path, "camel.csv", rows, camel), "KAZ", "GBR")
    assert_frame_equal(table, canonical(EXPECTED, "camel.csv"))


def test_periods_flows_and_commodity_level_are_filtered_in_the_query(tmp_path):
    path = write_csv(tmp_path, "kaz.csv")
    table = read_comtrade_slice(path, "KAZ", "GBR", periods=["2023"], flows=["exports"])
    assert_frame_equal(table, canonical(EXPECTED[2:5], "kaz.csv"))
    table = read_comtrade_slice(path, "KAZ", "GBR", periods="2023-01", commodity_level=0)
    assert_frame_equal(table, canonical(EXPECTED[-1:], "kaz.csv"))
    table = read_comtrade_slice(path, "KAZ", "GBR", commodity_level=4)
    assert_frame_equal(table, canonical([("2023", "exports", "0801", 250.0)], "kaz.csv"))


def test_same_table_as_the_comtrade_loader(tmp_path):
    rows = [row for row in ROWS if "643,RUS" not in row]  # the loader reads every reporter
    path = write_csv(tmp_path, "kaz.csv", rows)
    keys = ["period", "flow", "commodity_code"]
    for partner in ("GBR", "WLD", "DEU"):
        loaded = load_comtrade_csv(path)
        loaded = loaded[loaded["partner_iso3"].eq(partner)].sort_values(keys).reset_index(drop=True)
        assert_frame_equal(read_comtrade_slice(path, "KAZ", partner), loaded, check_dtype=False)


@pytest.mark.parametrize("name", ["kaz_gbr_2022_2023.csv", "kaz_gbr_pascal.csv"])
def test_same_table_as_the_comtrade_loader_on_its_fixtures(name):
    loaded = load_comtrade_csv(FIXTURES / name)
    for (reporter, partner), expected in loaded.groupby(["reporter_iso3", "partner_iso3"]):
        expected = expected.sort_values(["period", "flow", "commodity_code"]).reset_index(drop=True)
        table = read_comtrade_slice(FIXTURES / name, reporter, partner)
        assert_frame_equal(table, expected, check_dtype=False)


@pytest.mark.parametrize(
    ("line", "new", "message"),
    [
        (3, "12x", r"kaz.csv: line 3, column 'PrimaryValue': not a number: '12x'"),
        (13, "-5", r"kaz.csv: line 13, column 'PrimaryValue': negative value '-5'"),
        (5, "inf", r"kaz.csv: line 5, column 'PrimaryValue': not a number: 'inf'"),
        (
            6,
            "1e400",
            r"kaz.csv: line 6, column 'PrimaryValue': not a number: '1e400'",
        ),  # a breakdown row
    ],
)
def test_bad_value_names_file_line_and_column(tmp_path, line, new, message):
    rows = list(ROWS)
    rows[line - 2] = rows[line - 2].rsplit(",", 2)[0] + f",{new},"
    with pytest.raises(TradeDataError, match=message):
        read_comtrade_slice(write_csv(tmp_path, "kaz.csv", rows), "KAZ", "GBR")


def test_bad_value_outside_the_slice_is_not_read(tmp_path):
    rows = [*ROWS[:-1], ROWS[-1].replace(",70,", ",abc,")]
    table = read_comtrade_slice(write_csv(tmp_path, "kaz.csv", rows), "KAZ", "GBR")
    assert_frame_equal(table, canonical(EXPECTED, "kaz.csv"))


def test_duplicated_total_and_orphan_breakdown_are_errors(tmp_path):
    twice = write_csv(tmp_path, "twice.csv", [*ROWS, ROWS[0].replace(",1000,", ",999,")])
    with pytest.raises(
        TradeDataError,
        match=r"twice.csv: lines 2, 19: 2 total rows repeat the same key "
        r"\(2023 exports TOTAL\)",
    ):
        read_comtrade_slice(twice, "KAZ", "GBR")
    orphan = write_csv(
        tmp_path, "orphan.csv", [ROWS[0].replace(",TOTAL,0,C00,0,", ",TOTAL,0,C00,3,")]
    )
    with pytest.raises(
        TradeDataError, match=r"orphan.csv: line 2: a breakdown .* without its total row"
    ):
        read_comtrade_slice(orphan, "KAZ", "GBR")


def test_unusable_sources_and_arguments(tmp_path):
    with pytest.raises(TradeDataError, match=r"absent.csv: no such file"):
        read_comtrade_slice(tmp_path / "absent.csv", "KAZ", "GBR")
    no_value = write_csv(
        tmp_path, "no_value.csv", header=HEADER.replace("PrimaryValue", "TradeValue")
    )
    with pytest.raises(
        TradeDataError, match=r"no_value.csv: missing Comtrade\+ column\(s\) \['primaryvalue'\]"
    ):
        read_comtrade_slice(no_value, "KAZ", "GBR")
    lost_zero = write_csv(tmp_path, "lost.csv", [ROWS[0], ROWS[1].replace(",08,", ",8,")])
    with pytest.raises(
        TradeDataError, match=r"lost.csv: line 3, column 'CmdCode': not an HS commodity code: '8'"
    ):
        read_comtrade_slice(lost_zero, "KAZ", "GBR")
    path = write_csv(tmp_path, "kaz.csv")
    for bad in (
        {"reporter_iso3": "kz"},
        {"periods": ["2023Q1"]},
        {"flows": ["turnover"]},
        {"commodity_level": 3},
    ):
        arguments = {"reporter_iso3": "KAZ", "partner_iso3": "GBR"} | bad
        with pytest.raises(ValueError):
            read_comtrade_slice(path, **arguments)


def test_partitioned_parquet_gives_the_same_slice(tmp_path):
    dataset = write_comtrade_parquet(write_csv(tmp_path, "kaz.csv"), tmp_path / "comtrade")
    assert sorted(p.name for p in dataset.iterdir()) == ["reporter_iso3=KAZ", "reporter_iso3=RUS"]
    table = read_comtrade_slice(dataset, "KAZ", "GBR")
    assert_frame_equal(table, canonical(EXPECTED, "reporter_iso3=KAZ/data_0.parquet"))
    files = read_comtrade_slice(tmp_path / "comtrade" / "*" / "*.parquet", "RUS", "GBR")
    assert_frame_equal(
        files,
        canonical([("2023", "exports", "TOTAL", 70.0)], "reporter_iso3=RUS/data_0.parquet").assign(
            reporter_iso3="RUS"
        ),
    )
    with pytest.raises(FileExistsError):
        write_comtrade_parquet(tmp_path / "kaz.csv", dataset)


def test_partitioned_parquet_written_by_another_engine(tmp_path):
    import pyarrow as pa
    import pyarrow.dataset as ds

    rows = [row.removesuffix(",") for row in ROWS]
    frame = pd.read_csv(write_csv(tmp_path, "kaz.csv", rows), dtype=str, keep_default_na=False)
    ds.write_dataset(
        pa.Table.from_pandas(
            frame.assign(reporter_iso3=frame["ReporterISO"]), preserve_index=False
        ),
        tmp_path / "by_reporter",
        format="parquet",
        partitioning=["reporter_iso3"],
        partitioning_flavor="hive",
        basename_template="part-{i}.parquet",
    )
    table = read_comtrade_slice(tmp_path / "by_reporter", "KAZ", "GBR")
    assert_frame_equal(table, canonical(EXPECTED, "reporter_iso3=KAZ/part-0.parquet"))


@pytest.mark.parametrize(
    ("name", "reporter", "partner", "encoding"),
    [  # real files (tests/fixtures/real/README.md): Windows-1252, M49 codes only, flow letters
        ("nik_TradeData_chn_excerpt.csv", "CHN", "USA", "Windows-1252"),
        ("gianni77_ind_chn_bulk_excerpt.csv", "IND", "CHN", "UTF-8"),
        ("cement_legacy_eu28_excerpt.csv", "EUR", "TUR", "UTF-8"),
    ],
)
def test_real_files_give_the_loader_s_slice(name, reporter, partner, encoding):
    path = FIXTURES.parent / "real" / name
    sliced = read_comtrade_slice(path, reporter, partner)
    loaded = load_comtrade_csv(path)
    loaded = loaded[loaded["reporter_iso3"].eq(reporter) & loaded["partner_iso3"].eq(partner)]
    columns = ["period", "flow", "commodity_code", "value_usd"]
    assert len(sliced) > 0
    assert_frame_equal(
        sliced[columns].sort_values(columns[:3], ignore_index=True),
        loaded[columns].sort_values(columns[:3], ignore_index=True),
    )
    assert read_notes_of(sliced)[0]["encoding"] == encoding
