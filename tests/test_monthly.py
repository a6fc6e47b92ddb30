"""Monthly maths: concentration, shift month, split and bases on small series with known answers.

The inline series are INVENTED (round numbers whose answers can be worked by hand); the last tests
run the same functions on the real ONS monthly file.
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.loaders.ons import load_ons_trade
from analysis.loaders.ons_monthly import load_ons_monthly
from analysis.monthly import (
    MIN_CHANGE_PCT,
    MonthlyDataError,
    compare_annual_bases,
    compute_concentration,
    compute_monthly_story,
    compute_shift_month,
    compute_split_at_shift,
)

FLAT = [10.0] * 12
SPIKE = [20, 200, 200, 20, 20, 20, 20, 20, 20, 20, 20, 20]  # Feb–Mar hold 400 of 600
STEP = [100] * 6 + [20] * 6  # falls in July to the next year's level


def _table(series: dict[tuple[str, str], list[float]], first_year: int = 2022) -> pd.DataFrame:
    """A monthly table (value_usd and value_gbp equal) from {(partner, flow): values from Jan}."""
    frames = []
    for (partner, flow), values in series.items():
        months = pd.period_range(f"{first_year}-01", periods=len(values), freq="M")
        frames.append(
            pd.DataFrame(
                {
                    "reporter_iso3": "GBR",
                    "partner_iso3": partner,
                    "flow": flow,
                    "period": months.strftime("%Y-%m"),
                    "value_usd": np.asarray(values, dtype=float),
                    "value_gbp": np.asarray(values, dtype=float),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _one(frame: pd.DataFrame, partner: str = "KAZ", flow: str = "imports") -> pd.Series:
    row = frame[frame["partner_iso3"].eq(partner) & frame["flow"].eq(flow)]
    assert len(row) == 1
    return row.iloc[0]


# --- Concentration


def test_concentration_of_a_spike_is_its_two_months():
    row = _one(compute_concentration(_table({("KAZ", "imports"): SPIKE}), "2022"))
    assert row["months"] == ("2022-02", "2022-03")
    assert row["month_count"] == 2
    assert row["months_value_usd"] == 400.0 and row["year_value_usd"] == 600.0
    assert row["share_pct"] == pytest.approx(400 / 6)
    assert row["target_share_pct"] == 50.0


def test_concentration_of_a_flat_year_is_half_its_months_earliest_first():
    row = _one(compute_concentration(_table({("KAZ", "imports"): FLAT}), "2022"))
    assert row["months"] == tuple(f"2022-{m:02d}" for m in range(1, 7))
    assert row["share_pct"] == 50.0
    row = _one(compute_concentration(_table({("KAZ", "imports"): FLAT}), "2022", share_pct=75))
    assert row["month_count"] == 9


def test_concentration_of_a_year_without_trade_is_empty():
    row = _one(compute_concentration(_table({("KAZ", "imports"): [0.0] * 12}), "2022"))
    assert row["months"] == () and row["month_count"] == 0 and np.isnan(row["share_pct"])


def test_concentration_keeps_the_unit_of_the_value_column():
    frame = compute_concentration(_table({("KAZ", "imports"): SPIKE}), "2022", 50, "value_gbp")
    assert {"months_value_gbp", "year_value_gbp"} <= set(frame.columns)
    assert "months_value_usd" not in frame.columns


# monthly values are money: zero or at least a thousandth of a unit (subnormal floats such as
# 5e-324 make the test's own sums underflow, not the code's)
_MONTH_VALUE = st.one_of(st.just(0.0), st.floats(1e-3, 1e9, allow_nan=False))


@settings(max_examples=100, deadline=None)
@given(st.lists(_MONTH_VALUE, min_size=12, max_size=12), st.floats(1, 100))
def test_concentration_is_the_fewest_months_reaching_the_share(values, share_pct):
    row = _one(compute_concentration(_table({("KAZ", "imports"): values}), "2022", share_pct))
    total = sum(values)
    if total == 0:
        assert row["month_count"] == 0
        return
    largest = sorted(values, reverse=True)
    k = row["month_count"]
    assert sum(largest[:k]) >= total * share_pct / 100 * (1 - 1e-9)  # reaches the share
    assert sum(largest[: k - 1]) < total * share_pct / 100  # one month fewer does not
    assert row["months_value_usd"] == pytest.approx(sum(largest[:k]))


# --- Shift month


def test_a_step_down_shifts_in_the_month_it_happens():
    table = _table({("KAZ", "imports"): STEP + [20] * 12})
    row = _one(compute_shift_month(table, "2022", "2023"))
    assert row["base_monthly_mean_usd"] == 60.0 and row["period_monthly_mean_usd"] == 20.0
    assert row["threshold_usd"] == 40.0
    assert row["change_pct"] == pytest.approx(-200 / 3)
    assert row["direction"] == "fall" and row["shift_month"] == "2022-07"


def test_a_step_up_in_the_period_year_is_a_rise():
    table = _table({("KAZ", "exports"): [10] * 12 + [10, 10, 10] + [50] * 9})
    row = _one(compute_shift_month(table, "2022", "2023"), flow="exports")
    assert row["direction"] == "rise" and row["shift_month"] == "2023-04"


def test_the_end_of_a_spike_is_the_shift():
    row = _one(compute_shift_month(_table({("KAZ", "imports"): SPIKE + [20] * 12}), "2022", "2023"))
    # Base mean 50, period mean 20: threshold 35. January is below it, but the window Jan–Mar is
    # not; from April every month and window is.
    assert row["threshold_usd"] == 35.0
    assert row["shift_month"] == "2022-04"


def test_a_flat_series_has_no_shift():
    row = _one(compute_shift_month(_table({("KAZ", "imports"): FLAT * 2}), "2022", "2023"))
    assert row["direction"] is None and row["shift_month"] is None
    assert row["change_pct"] == 0.0


def test_a_change_smaller_than_the_minimum_is_flat():
    below = 1 - (MIN_CHANGE_PCT - 1) / 100  # a fall of 9%
    table = _table({("KAZ", "imports"): [100] * 12 + [100 * below] * 12})
    row = _one(compute_shift_month(table, "2022", "2023"))
    assert row["direction"] is None and row["shift_month"] is None
    assert row["change_pct"] == pytest.approx(-(MIN_CHANGE_PCT - 1))


def test_a_level_that_never_stays_across_has_no_shift():
    # Period mean 20 vs 10 (a rise), threshold 15: the windows alternate 13.3 and 26.7 to the end.
    row = _one(
        compute_shift_month(_table({("KAZ", "exports"): [10] * 12 + [0, 40] * 6}), "2022", "2023"),
        flow="exports",
    )
    assert row["direction"] == "rise" and row["shift_month"] is None


def test_a_level_reached_only_in_the_last_months_is_not_yet_a_shift():
    six_months = _table({("KAZ", "exports"): [10] * 18 + [50] * 6})
    row = _one(compute_shift_month(six_months, "2022", "2023"), flow="exports")
    assert row["shift_month"] == "2023-07"  # MIN_MONTHS_AFTER = 6 months to December
    five_months = _table({("KAZ", "exports"): [10] * 19 + [50] * 5})
    row = _one(compute_shift_month(five_months, "2022", "2023"), flow="exports")
    assert row["direction"] == "rise" and row["shift_month"] is None


def test_a_partner_without_trade_in_the_base_year_rises():
    row = _one(
        compute_shift_month(_table({("KAZ", "imports"): [0] * 15 + [9] * 9}), "2022", "2023")
    )
    assert row["direction"] == "rise" and row["shift_month"] == "2023-04"
    assert np.isnan(row["change_pct"])


def test_many_partners_at_once_give_each_partners_own_answer():
    series = {
        ("KAZ", "imports"): SPIKE + [20] * 12,
        ("KAZ", "exports"): FLAT * 2,
        ("DEU", "imports"): STEP + [20] * 12,
    }
    together = compute_shift_month(_table(series), "2022", "2023")
    assert list(together["partner_iso3"]) == ["DEU", "KAZ", "KAZ"]  # sorted, deterministic
    for (partner, flow), values in series.items():
        alone = compute_shift_month(_table({(partner, flow): values}), "2022", "2023")
        pd.testing.assert_series_equal(
            _one(together, partner, flow), _one(alone, partner, flow), check_names=False
        )
    table = _table(series)
    split = compute_split_at_shift(table, together)
    for (partner, flow), values in series.items():
        one = _table({(partner, flow): values})
        alone = compute_split_at_shift(one, compute_shift_month(one, "2022", "2023"))
        mine = split[split["partner_iso3"].eq(partner) & split["flow"].eq(flow)]
        pd.testing.assert_frame_equal(mine.reset_index(drop=True), alone)


# --- Split and bases


def test_the_base_year_is_split_at_the_shift_and_compared_with_the_period():
    table = _table({("KAZ", "imports"): STEP + [20] * 12})
    split = compute_split_at_shift(table, compute_shift_month(table, "2022", "2023"))
    assert split[["year", "part", "first_month", "last_month", "month_count"]].values.tolist() == [
        ["2022", "before_shift", "2022-01", "2022-06", 6],
        ["2022", "from_shift", "2022-07", "2022-12", 6],
        ["2023", "whole_year", "2023-01", "2023-12", 12],
    ]
    assert split["value_usd"].tolist() == [600.0, 120.0, 240.0]
    assert split["monthly_mean_usd"].tolist() == [100.0, 20.0, 20.0]
    assert split["share_of_year_pct"].tolist() == pytest.approx([600 / 7.2, 120 / 7.2, 100.0])
    assert split["period_change_pct"].tolist() == pytest.approx([-80.0, 0.0, 0.0])


def test_without_a_shift_both_years_are_whole():
    table = _table({("KAZ", "imports"): FLAT * 2})
    split = compute_split_at_shift(table, compute_shift_month(table, "2022", "2023"))
    assert split["part"].tolist() == ["whole_year", "whole_year"]
    assert split["value_usd"].tolist() == [120.0, 120.0]
    assert split["period_change_pct"].tolist() == [0.0, 0.0]


def test_annual_bases_side_by_side_with_the_gap_in_pounds_and_percent():
    table = _table({("KAZ", "imports"): [10e6] * 12 + [5e6] * 12})
    annual = pd.DataFrame(
        {
            "reporter_iso3": "GBR",
            "partner_iso3": "KAZ",
            "period": ["2022", "2023", "2022"],
            "flow": "imports",
            "commodity_code": ["TOTAL", "TOTAL", "SERVICES"],
            "value_gbp": [100e6, 80e6, 999e6],
        }
    )
    bases = compare_annual_bases(table, annual, ["2022", "2023"])
    assert bases["monthly_sum_gbp"].tolist() == [120e6, 60e6]
    assert bases["annual_bop_gbp"].tolist() == [100e6, 80e6]  # goods only
    assert bases["gap_gbp"].tolist() == [20e6, -20e6]
    assert bases["gap_pct"].tolist() == pytest.approx([20.0, -25.0])
    assert set(bases["basis"]) == {"trade_in_goods_nsa"}
    missing = compare_annual_bases(table, annual[annual["period"].eq("2022")], ["2023"])
    assert np.isnan(missing["annual_bop_gbp"].iloc[0]) and np.isnan(missing["gap_pct"].iloc[0])


# --- Bad input


def test_a_missing_month_is_one_clear_error():
    table = _table({("KAZ", "imports"): SPIKE + [20] * 12})
    gappy = table[table["period"].ne("2023-05")]
    with pytest.raises(MonthlyDataError, match=r"^KAZ imports: month 2023-05 missing \(1 of"):
        compute_shift_month(gappy, "2022", "2023")
    with pytest.raises(MonthlyDataError, match="no months 2030-01 to 2030-12"):
        compute_concentration(table, "2030")
    with pytest.raises(MonthlyDataError, match="appears twice"):
        compute_concentration(pd.concat([table, table.iloc[:1]]), "2022")
    with pytest.raises(MonthlyDataError, match="must be after base year"):
        compute_shift_month(table, "2023", "2022")
    with pytest.raises(MonthlyDataError, match="share_pct 0"):
        compute_concentration(table, "2022", share_pct=0)
    with pytest.raises(MonthlyDataError, match="value_column 'value'"):
        compute_concentration(table, "2022", value_column="value")


# --- The real file


@pytest.fixture(scope="module")
def kazakhstan() -> pd.DataFrame:
    return load_ons_monthly(partner_iso3="KAZ")


def test_real_kazakhstan_imports_2022_are_two_months_then_a_shift_in_august(kazakhstan):
    story = compute_monthly_story(kazakhstan, load_ons_trade(), "KAZ", "2022", "2023")
    concentration = _one(story.concentration)
    assert concentration["months"] == ("2022-02", "2022-03")
    gbp = compute_concentration(kazakhstan, "2022", value_column="value_gbp")
    assert _one(gbp)["share_pct"] == pytest.approx(1049 / 1784 * 100)  # £603m + £446m of £1,784m
    assert _one(story.shift)["shift_month"] == "2022-08"
    split = story.split[story.split["flow"].eq("imports")].set_index(["year", "part"])
    assert split.at[("2022", "from_shift"), "first_month"] == "2022-08"
    assert split.at[("2022", "from_shift"), "month_count"] == 5
    bases = story.bases[story.bases["flow"].eq("imports")].set_index("year")
    assert bases.loc["2022", ["monthly_sum_gbp", "annual_bop_gbp"]].tolist() == [1784e6, 1256e6]
    assert bases.loc["2023", ["monthly_sum_gbp", "annual_bop_gbp"]].tolist() == [359e6, 464e6]
    assert story.months["period"].min() == "2021-01"  # the year before the base, for context
    assert story.months["period"].max() == "2023-12"


def test_real_russia_imports_shift_in_march_2022():
    russia = load_ons_monthly(partner_iso3="RUS")
    row = _one(compute_shift_month(russia, "2021", "2022"), partner="RUS")
    assert row["direction"] == "fall" and row["shift_month"] == "2022-03"


def test_a_story_for_the_first_year_of_the_file_has_no_earlier_context(kazakhstan):
    story = compute_monthly_story(kazakhstan, load_ons_trade(), "KAZ", "2018", "2019")
    assert story.months["period"].min() == "2018-01"
    with pytest.raises(MonthlyDataError, match="no partner 'XYZ'"):
        compute_monthly_story(kazakhstan, load_ons_trade(), "XYZ", "2022", "2023")


def test_every_partner_of_the_real_file_at_once_keeps_the_identities():
    table = load_ons_monthly()
    concentration = compute_concentration(table, "2022")
    traded = concentration["year_value_usd"] > 0
    assert (concentration.loc[traded, "share_pct"] >= 50 - 1e-9).all()
    assert (concentration.loc[~traded, "month_count"] == 0).all()
    shifts = compute_shift_month(table, "2022", "2023")
    assert len(shifts) == len(concentration) == table.groupby(["partner_iso3", "flow"]).ngroups
    found = shifts["shift_month"].dropna()
    assert found.between("2022-01", "2023-07").all() and len(found) > 0
    assert shifts.loc[shifts["direction"].isna(), "shift_month"].isna().all()
    split = compute_split_at_shift(table, shifts)
    by_year = split.groupby(["partner_iso3", "flow", "year"])["value_usd"].sum()
    in_years = table[table["period"].str[:4].isin(["2022", "2023"])]
    expected = in_years.groupby(["partner_iso3", "flow", in_years["period"].str[:4]])["value_usd"]
    np.testing.assert_allclose(by_year.to_numpy(), expected.sum().to_numpy(), rtol=1e-12)
