"""Fault catalogue of the ONS and FX readers: each fault is one line naming the file and line.

Every case starts from the REAL committed file (data/raw) and changes one line, as a user's edit
or a broken download would; the changed values are invented. A valid file with a byte-order
mark or quoted fields must read exactly as the original.
"""

import csv
import io

import pandas as pd
import pytest

from analysis import paths
from analysis.loaders.fx import ExchangeRateError, load_usd_per_gbp_daily
from analysis.loaders.ons import (
    OnsFileError,
    check_partner_rows,
    load_ons_trade,
    read_ons_trade_gbp,
)
from analysis.loaders.schema import exclusions_of

ONS_LINES = paths.ONS_TRADE_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
FX_LINES = paths.FX_USD_PER_GBP_FILE.read_text(encoding="utf-8").splitlines(keepends=True)


def _edited(tmp_path, lines, line_number, new_line, name="edited.csv"):
    """The file with 1-based line ``line_number`` replaced (None: the line is repeated)."""
    lines = list(lines)
    if new_line is None:
        lines.insert(line_number, lines[line_number - 1])
    else:
        lines[line_number - 1] = new_line
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _line_of(lines, needle):
    return next(n for n, line in enumerate(lines, 1) if needle in line)


KZ = _line_of(ONS_LINES, "Kazakhstan,KZ,KAZ,2023,goods_export")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            "Kazakhstan,KZ,KAZ,2023,goods_export\n",
            rf"line {KZ}: 5 fields for 6 columns \(truncated\)",
        ),
        ("Kazakhstan,KZ,KAZ,2023,goods_export,1,2\n", rf"line {KZ}: 7 fields .*\(too long\)"),
        ("Kazakhstan,KZ,KAZ,2023,goods_export,abc\n", rf"line {KZ}: Million 'abc' is not a finite"),
        ("Kazakhstan,KZ,KAZ,2023,goods_export,inf\n", rf"line {KZ}: Million 'inf' is not a finite"),
        ("Kazakhstan,KZ,KAZ,2023,goods_export,nan\n", rf"line {KZ}: Million 'nan' is not a finite"),
        ("Kazakhstan,KZ,KAZ,2023,goods_export,-3\n", rf"line {KZ}: Million '-3' is not a finite"),
        ("Kazakhstan,KZ,KAZ,20x3,goods_export,3\n", rf"line {KZ}: Year '20x3' is not a four-digit"),
        ("Kazakhstan,KZ,KAZ,2023,goods_exp,3\n", rf"line {KZ}: flow 'goods_exp' is not one of"),
        (None, rf"lines {KZ} and {KZ + 1}: the same row twice \(KZ 2023 goods_export\)"),
    ],
)
def test_ons_fault_is_one_line_naming_file_and_line(tmp_path, edit, message):
    path = _edited(tmp_path, ONS_LINES, KZ, edit)
    before = path.read_bytes()
    with pytest.raises(OnsFileError, match=rf"^edited.csv: {message}") as caught:
        read_ons_trade_gbp(path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before  # never alters its input


def test_ons_with_a_bom_and_quoted_fields_reads_as_the_original(tmp_path):
    quoted = io.StringIO()
    csv.writer(quoted, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(
        csv.reader(io.StringIO("".join(ONS_LINES)))
    )
    path = tmp_path / "bom.csv"
    path.write_text("\ufeff" + quoted.getvalue(), encoding="utf-8")
    pd.testing.assert_frame_equal(read_ons_trade_gbp(path), read_ons_trade_gbp())
    crlf = tmp_path / "crlf.csv"
    crlf.write_bytes(paths.ONS_TRADE_FILE.read_bytes().replace(b"\n", b"\r\n"))
    pd.testing.assert_frame_equal(read_ons_trade_gbp(crlf), read_ons_trade_gbp())


def test_not_utf8_is_one_line(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(paths.ONS_TRADE_FILE.read_bytes().replace(b"Austria", b"\xd6sterreich", 1))
    with pytest.raises(OnsFileError, match=r"^latin1.csv: not UTF-8 text"):
        read_ons_trade_gbp(path)


FX_2023 = _line_of(FX_LINES, "2023-03-01,")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ("2023-03-01\n", rf"line {FX_2023}: 1 fields for 2 columns \(truncated\)"),
        (
            "2023-03-01,inf\n",
            rf"line {FX_2023}: not a date .* a finite rate above 0: '2023-03-01', 'inf'",
        ),
        ("2023-03-01,0\n", rf"line {FX_2023}: not a date .*'2023-03-01', '0'"),
        ("2023-03-01,-1.2\n", rf"line {FX_2023}: not a date .*'2023-03-01', '-1.2'"),
        ("2023-03-01,one\n", rf"line {FX_2023}: not a date .*'one'"),
        ("2023-02-30,1.2\n", rf"line {FX_2023}: not a date .*'2023-02-30'"),
        (None, rf"lines {FX_2023} and {FX_2023 + 1}: the same date twice \(2023-03-01\)"),
    ],
)
def test_fx_fault_is_one_line_naming_file_and_line(tmp_path, edit, message):
    path = _edited(tmp_path, FX_LINES, FX_2023, edit, name="fx.csv")
    with pytest.raises(ExchangeRateError, match=rf"^fx.csv: {message}") as caught:
        load_usd_per_gbp_daily(path)
    assert "\n" not in str(caught.value)


def test_an_infinite_rate_is_blamed_on_the_fx_file_not_the_ons_file(tmp_path):
    fx = _edited(tmp_path, FX_LINES, FX_2023, "2023-03-01,inf\n", name="fx.csv")
    with pytest.raises(ExchangeRateError, match="^fx.csv: line"):
        load_ons_trade(paths.ONS_TRADE_FILE, fx)


def test_fx_with_a_bom_reads_as_the_original(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + paths.FX_USD_PER_GBP_FILE.read_bytes())
    pd.testing.assert_frame_equal(load_usd_per_gbp_daily(path), load_usd_per_gbp_daily())


def test_a_bad_row_of_a_partner_not_needed_is_listed_not_fatal(tmp_path):
    path = _edited(tmp_path, ONS_LINES, KZ, "Kazakhstan,KZ,KAZ,2023,goods_export,inf\n")
    with pytest.raises(OnsFileError, match=rf"^edited.csv: line {KZ}: Million 'inf'"):
        read_ons_trade_gbp(path, needed={"KAZ", "WLD"})
    table = read_ons_trade_gbp(path, needed={"DEU", "WLD"})
    listed = exclusions_of(table)
    bad = listed[listed["reason"].str.startswith("malformed: ")]
    assert bad[["line", "partner_iso3"]].values.tolist() == [[KZ, "KAZ"]]
    row = table["partner_iso3"].eq("KAZ") & table["period"].eq("2023")
    assert not (row & table["product"].eq("goods") & table["flow"].eq("exports")).any()
    assert len(table) == len(read_ons_trade_gbp()) - 1  # only that row is left out
    check_partner_rows(exclusions_of(table), {"DEU"}, "edited.csv")
    with pytest.raises(OnsFileError, match=rf"^edited.csv: line {KZ}: Million 'inf' is not"):
        check_partner_rows(exclusions_of(table), {"KAZ"}, "edited.csv")


def test_a_repeated_row_is_listed_with_both_lines_when_not_needed(tmp_path):
    path = _edited(tmp_path, ONS_LINES, KZ, None)
    table = read_ons_trade_gbp(path, needed=set())
    with pytest.raises(OnsFileError, match=rf"lines {KZ} and {KZ + 1}: the same row twice"):
        check_partner_rows(exclusions_of(table), {"KAZ"}, "edited.csv")
