"""Composition by HS section and chapter: exact values, contributions, residuals, top movers."""

from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.composition import (
    compute_composition,
    compute_flow_totals,
    load_hs_sections,
    map_commodity_codes,
    top_movers,
)
from analysis.loaders.comtrade import load_comtrade

FIXTURES = Path(__file__).parent / "fixtures"
KAZ = load_comtrade(FIXTURES / "comtrade_plus" / "kaz_gbr_2022_2023.csv")


def test_reference_has_97_chapters_in_21_sections():
    sections = load_hs_sections()
    assert sections["hs_chapter"].tolist() == [f"{c:02d}" for c in range(1, 98)]
    assert sections["hs_section"].nunique() == 21
    assert sections.set_index("hs_chapter").loc[
        ["01", "27", "71", "84", "85", "97"], "hs_section"
    ].tolist() == ["I", "V", "XIV", "XVI", "XVI", "XXI"]


def test_map_commodity_codes_any_level():
    mapped = map_commodity_codes(pd.Series(["08", "0802", "270900", "99", "TOTAL"]))
    assert mapped["hs_chapter"].tolist() == ["08", "08", "27", "99", ""]
    assert mapped["hs_section"].tolist() == ["II", "II", "V", "other", ""]


def test_section_composition_exact_values():
    composition = compute_composition(KAZ, "2022", "2023")
    exports_base, imports_base, turnover_base = 1460e6, 384.3e6, 1844.3e6
    rows = [  # flow, section, base, value
        ("exports", "II", 60e6, 20e6),
        ("exports", "V", 900e6, 300e6),
        ("exports", "XIV", 500e6, 380e6),
        ("imports", "VI", 100e6, 130e6),
        ("imports", "XVI", 200e6, 260e6),
        ("imports", "XVII", 84.3e6, 88.6e6),
        ("turnover", "II", 60e6, 20e6),
        ("turnover", "V", 900e6, 300e6),
        ("turnover", "VI", 100e6, 130e6),
        ("turnover", "XIV", 500e6, 380e6),
        ("turnover", "XVI", 200e6, 260e6),
        ("turnover", "XVII", 84.3e6, 88.6e6),
    ]
    flow_base = {"exports": exports_base, "imports": imports_base, "turnover": turnover_base}
    flow_now = {"exports": 700e6, "imports": 478.6e6, "turnover": 1178.6e6}
    expected = pd.DataFrame(
        [
            {
                "flow": f,
                "hs_section": s,
                "base_value_usd": b,
                "value_usd": v,
                "change_usd": v - b,
                "change_pct": (v / b - 1) * 100,
                "contribution_pp": (v - b) / flow_base[f] * 100,
                "turnover_contribution_pp": (v - b) / turnover_base * 100,
                "share_pct": v / flow_now[f] * 100,
            }
            for f, s, b, v in rows
        ]
    )
    got = composition.drop(columns=["reporter_iso3", "partner_iso3", "hs_section_title"])
    assert_frame_equal(got, expected, check_dtype=False)
    assert composition["reporter_iso3"].unique().tolist() == ["KAZ"]
    assert composition.loc[1, "hs_section_title"] == "Mineral products"


def test_contributions_add_up_to_each_flows_change():
    composition = compute_composition(KAZ, "2022", "2023")
    sums = composition.groupby("flow")[
        ["contribution_pp", "turnover_contribution_pp", "share_pct"]
    ].sum()
    assert sums.loc["exports", "contribution_pp"] == pytest.approx((700 / 1460 - 1) * 100, abs=1e-9)
    assert sums.loc["imports", "contribution_pp"] == pytest.approx(
        (478.6 / 384.3 - 1) * 100, abs=1e-9
    )
    assert sums.loc["turnover", "contribution_pp"] == pytest.approx(
        (1178.6 / 1844.3 - 1) * 100, abs=1e-9
    )
    assert sums.loc["exports", "turnover_contribution_pp"] == pytest.approx(
        -760 / 1844.3 * 100, abs=1e-9
    )
    assert sums.loc["imports", "turnover_contribution_pp"] == pytest.approx(
        94.3 / 1844.3 * 100, abs=1e-9
    )
    assert sums["share_pct"].tolist() == pytest.approx([100.0, 100.0, 100.0])


def test_unallocated_residual_keeps_the_total():
    table = KAZ[
        ~(KAZ["commodity_code"].eq("87") & KAZ["period"].eq("2023"))
    ]  # e.g. confidential in 2023
    composition = compute_composition(table, "2022", "2023")
    imports = composition[composition["flow"].eq("imports")].set_index("hs_section")
    assert imports.index.tolist() == ["VI", "XVI", "XVII", "unallocated"]
    assert imports.loc["unallocated", ["base_value_usd", "value_usd"]].tolist() == [0.0, 88.6e6]
    assert imports.loc["XVII", ["base_value_usd", "value_usd"]].tolist() == [84.3e6, 0.0]
    assert imports["contribution_pp"].sum() == pytest.approx((478.6 / 384.3 - 1) * 100, abs=1e-9)


def test_chapter_level_and_no_detail():
    chapters = compute_composition(KAZ, "2022", "2023", level="chapter")
    assert chapters.loc[chapters["flow"].eq("exports"), "hs_chapter"].tolist() == ["08", "27", "71"]
    totals_only = KAZ[KAZ["commodity_code"].eq("TOTAL")]
    assert compute_composition(totals_only, "2022", "2023").empty
    with pytest.raises(ValueError, match="level must be"):
        compute_composition(KAZ, "2022", "2023", level="heading")


def test_flow_totals_prefer_total_rows_else_sum_detail():
    no_total = KAZ[
        ~(
            KAZ["commodity_code"].eq("TOTAL")
            & KAZ["flow"].eq("exports")
            & KAZ["partner_iso3"].eq("GBR")
        )
    ]
    totals = compute_flow_totals(no_total).set_index(["partner_iso3", "period", "flow"])[
        "value_usd"
    ]
    assert totals[("GBR", "2022", "exports")] == 1460e6  # 60 + 900 + 500 million
    assert totals[("GBR", "2023", "imports")] == 478.6e6  # the TOTAL row, not the chapters
    assert totals[("WLD", "2023", "exports")] == 60e9


def test_top_movers():
    movers = top_movers(compute_composition(KAZ, "2022", "2023"), flow="turnover", n=3)
    assert movers["hs_section"].tolist() == ["V", "XIV", "XVI"]
    assert movers["change_usd"].tolist() == [-600e6, -120e6, 60e6]
