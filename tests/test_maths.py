"""Trade maths: exact values on inline tables, and identities as property tests."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.maths import (
    compute_changes,
    compute_coverage_ratio,
    compute_growth_pct,
    compute_shares,
    pivot_flows,
)

money = st.floats(min_value=1.0, max_value=1e12, allow_nan=False, allow_infinity=False)


def _long(rows):
    return pd.DataFrame(
        rows, columns=["reporter_iso3", "partner_iso3", "period", "flow", "value_usd"]
    )


SEED_LIKE = _long(
    [
        ("KAZ", "GBR", "2022", "exports", 1460e6),
        ("KAZ", "GBR", "2022", "imports", 384.3e6),
        ("KAZ", "GBR", "2023", "exports", 702e6),
        ("KAZ", "GBR", "2023", "imports", 478.6e6),
        ("KAZ", "CHN", "2023", "exports", 10e9),
    ]
)


def test_pivot_flows_derives_turnover_balance_and_coverage():
    wide = pivot_flows(SEED_LIKE)
    expected = pd.DataFrame(
        {
            "reporter_iso3": ["KAZ", "KAZ", "KAZ"],
            "partner_iso3": ["CHN", "GBR", "GBR"],
            "period": ["2023", "2022", "2023"],
            "exports_usd": [10e9, 1460e6, 702e6],
            "imports_usd": [np.nan, 384.3e6, 478.6e6],
            "turnover_usd": [np.nan, 1844.3e6, 1180.6e6],
            "balance_usd": [np.nan, 1075.7e6, 223.4e6],
            "coverage_ratio": [np.nan, 1460 / 384.3, 702 / 478.6],
        }
    )
    pd.testing.assert_frame_equal(wide, expected, check_dtype=False)


def test_compute_changes_gives_contributions_in_percentage_points():
    changes = compute_changes(pivot_flows(SEED_LIKE), "2022", "2023")
    gbr = changes[changes["partner_iso3"].eq("GBR")].set_index("flow")
    assert list(gbr.index) == ["exports", "imports", "turnover", "balance"]
    assert gbr.at["exports", "contribution_pp"] == pytest.approx(-758 / 1844.3 * 100)
    assert gbr.at["imports", "contribution_pp"] == pytest.approx(94.3 / 1844.3 * 100)
    assert gbr.at["turnover", "change_pct"] == pytest.approx((1180.6 / 1844.3 - 1) * 100)
    assert gbr.at["exports", "change_pct"] == pytest.approx((702 / 1460 - 1) * 100)
    assert gbr.at["balance", "change_usd"] == pytest.approx(223.4e6 - 1075.7e6)
    assert math.isnan(gbr.at["balance", "contribution_pp"])
    chn = changes[changes["partner_iso3"].eq("CHN")]
    assert chn["change_usd"].isna().all()  # no 2022 figures: no change, not a fall from zero


def test_compute_changes_names_a_missing_period():
    with pytest.raises(ValueError, match=r"\['2019'\] not in the table"):
        compute_changes(pivot_flows(SEED_LIKE), "2019", "2023")


def test_growth_of_a_deficit_is_not_reported():
    table = _long(
        [
            ("GBR", "KAZ", "2022", "exports", 1.0),
            ("GBR", "KAZ", "2022", "imports", 3.0),
            ("GBR", "KAZ", "2023", "exports", 2.0),
            ("GBR", "KAZ", "2023", "imports", 1.0),
        ]
    )
    balance = compute_changes(pivot_flows(table), "2022", "2023").set_index("flow").loc["balance"]
    assert balance["change_usd"] == 3.0
    assert math.isnan(balance["change_pct"])


def test_scalars_and_zero_denominators():
    assert compute_growth_pct(200.0, 150.0) == -25.0
    assert math.isnan(compute_growth_pct(0.0, 5.0))
    assert math.isnan(compute_coverage_ratio(np.float64(1.0), np.float64(0.0)))


def test_compute_shares_by_group_and_whole():
    table = pd.DataFrame({"g": ["a", "a", "b"], "value_usd": [1.0, 3.0, 0.0]})
    assert compute_shares(table, by=["g"]).tolist()[:2] == [25.0, 75.0]
    assert math.isnan(compute_shares(table, by=["g"]).iloc[2])
    assert compute_shares(table).tolist() == [25.0, 75.0, 0.0]


@given(x0=money, m0=money, x1=money, m1=money)
def test_turnover_is_exports_plus_imports_and_contributions_sum_to_growth(x0, m0, x1, m1):
    table = _long(
        [
            ("AAA", "BBB", "1", "exports", x0),
            ("AAA", "BBB", "1", "imports", m0),
            ("AAA", "BBB", "2", "exports", x1),
            ("AAA", "BBB", "2", "imports", m1),
        ]
    )
    wide = pivot_flows(table)
    assert wide["turnover_usd"].tolist() == [x0 + m0, x1 + m1]
    changes = compute_changes(wide, "1", "2").set_index("flow")
    total = changes.loc[["exports", "imports"], "contribution_pp"].sum()
    assert total == pytest.approx(changes.at["turnover", "change_pct"], rel=1e-9, abs=1e-9)


@given(base=money, factor=st.floats(min_value=1e-3, max_value=1e3))
def test_growth_and_its_inverse_agree(base, factor):
    value = base * factor  # within a factor of 1000: beyond, 1 + growth/100 cancels digits
    forward = compute_growth_pct(base, value)
    backward = compute_growth_pct(value, base)
    assert (1 + forward / 100) * (1 + backward / 100) == pytest.approx(1.0, rel=1e-9)


@given(st.lists(money, min_size=1, max_size=20))
def test_shares_add_up_to_100(values):
    shares = compute_shares(pd.DataFrame({"value_usd": values}))
    assert shares.sum() == pytest.approx(100.0, rel=1e-9)
