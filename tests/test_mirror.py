"""Mirror statistics: each flow beside the partner's mirror figure, with hand-computed gaps."""

from pathlib import Path

import pandas as pd
from pandas.testing import assert_frame_equal

from analysis.loaders.tidy import load_trade_files
from analysis.mirror import CIF_FOB_CAVEAT, MIRROR_COLUMNS, compute_mirror

FIXTURES = Path(__file__).parent / "fixtures" / "comtrade_plus"
KAZ_FILE, GBR_FILE = FIXTURES / "kaz_gbr_2022_2023.csv", FIXTURES / "gbr_kaz_2022_2023.json"


def test_mirror_gaps_exact():
    kaz, gbr = load_trade_files([KAZ_FILE]), load_trade_files([GBR_FILE])
    mirror = compute_mirror(kaz, gbr, "KAZ", "GBR", ["2022", "2023"])
    rows = [  # flow, mirror flow, period, reported (KAZ), mirror (GBR)
        ("exports", "imports", "2022", 1460e6, 1520e6),
        ("exports", "imports", "2023", 700e6, 730e6),
        ("imports", "exports", "2022", 384.3e6, 370e6),
        ("imports", "exports", "2023", 478.6e6, 455e6),
        ("turnover", "turnover", "2022", 1844.3e6, 1890e6),
        ("turnover", "turnover", "2023", 1178.6e6, 1185e6),
    ]
    basis = {"exports": "FOB", "imports": "CIF", "turnover": "FOB + CIF"}  # Comtrade on both sides
    expected = pd.DataFrame(
        [
            ("KAZ", "GBR", f, m, p, r, x, x - r, (x - r) / r * 100, basis[f], basis[m])
            for f, m, p, r, x in rows
        ],
        columns=MIRROR_COLUMNS,
    )
    assert_frame_equal(mirror, expected)
    assert mirror["gap_pct"].round(4).tolist() == [
        4.1096,
        4.2857,
        -3.7211,
        -4.931,
        2.4779,
        0.543,
    ]


def test_mirror_from_one_combined_table_and_without_partner_data():
    both = load_trade_files([KAZ_FILE, GBR_FILE])
    assert len(compute_mirror(both, both, "KAZ", "GBR", ["2023"])) == 3
    kaz = load_trade_files([KAZ_FILE])
    empty = compute_mirror(kaz, kaz, "KAZ", "GBR", ["2022", "2023"])
    assert empty.empty and list(empty.columns) == MIRROR_COLUMNS


def test_caveat_names_the_reasons():
    for word in ("CIF", "FOB", "timing", "origin", "confidential", "currency"):
        assert word in CIF_FOB_CAVEAT


def test_valuation_basis_follows_each_side_s_source(tmp_path):
    ons_like = tmp_path / "gbr_kaz_ons_basis.csv"
    ons_like.write_text(  # invented: a tidy file claiming the ONS source string
        "reporter_iso3,partner_iso3,period,flow,commodity_code,value_usd,source\n"
        "GBR,KAZ,2023,imports,TOTAL,730000000,"
        '"ONS, UK total trade: all countries, seasonally adjusted"\n'
        "GBR,KAZ,2023,exports,TOTAL,455000000,"
        '"ONS, UK total trade: all countries, seasonally adjusted"\n',
        encoding="utf-8",
    )
    kaz, gbr = load_trade_files([KAZ_FILE]), load_trade_files([ons_like])
    mirror = compute_mirror(kaz, gbr, "KAZ", "GBR", ["2023"]).set_index("flow")
    assert mirror.loc["exports", ["reported_basis", "mirror_basis"]].tolist() == [
        "FOB",
        "FOB (balance-of-payments basis)",
    ]
    assert mirror.loc["imports", "reported_basis"] == "CIF"
