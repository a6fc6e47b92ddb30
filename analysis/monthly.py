"""When a change happened: maths on the monthly trade table (concentration, shift month, bases).

Usage (one pair, the report's section)::

    from analysis.loaders.ons import load_ons_trade
    from analysis.loaders.ons_monthly import load_ons_monthly
    from analysis.monthly import compute_monthly_story

    story = compute_monthly_story(load_ons_monthly(), load_ons_trade(), "KAZ", "2022", "2023")
    story.months         # the pair's monthly rows, 2021-01 to 2023-12 (the year before for context)
    story.concentration  # per flow: the fewest base-year months holding ≥ 50% of its value
                         #   (imports: ("2022-02", "2022-03"), 60.4% in US$, 58.8% in £)
    story.shift          # per flow: the month from which the level shifted (imports: "2022-08")
    story.split          # base and period years split at the shift month
    story.bases          # annual sums of the months beside the annual BoP figures, gap £ and %

Each function also takes the whole table (every partner at once) and returns one row per
partner and flow. Input: the canonical monthly table of :mod:`analysis.loaders.ons_monthly`
(``period`` "2022-02", ``flow``, ``value_usd``/``value_gbp``), complete for the years asked for.
Amounts keep the unit of the value column used (``value_column``, US$ by default: columns end in
``_usd``, or ``_gbp`` with ``value_column="value_gbp"``); shares in percent. No formatting.

The shift rule (``SHIFT_RULE``): the level is the monthly mean of a calendar year; the threshold
is halfway between the base year's and the period year's monthly means. When the two means differ
by at least ``MIN_CHANGE_PCT`` percent of the base year's, the shift month is the first month from
the base year's January that is itself on the period's side of the threshold and from which every
3-month mean (months m..m+2, m+1..m+3, … up to the period year's December) stays on that side,
with at least ``MIN_MONTHS_AFTER`` months from it to that December (a level reached only in the
last months is not yet a shift). Otherwise (a flat series, or no month after which the level
stays across) it is None. Why halfway: a threshold from the base year alone sits above its
ordinary months when the base year holds a spike, and inside the noise when it does not.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.loaders.ons_monthly import BASIS
from analysis.loaders.schema import ALL_GOODS

GROUP = ["reporter_iso3", "partner_iso3", "flow"]
WINDOW_MONTHS = 3
MIN_MONTHS_AFTER = 6
MIN_CHANGE_PCT = 10.0
SHIFT_RULE = (
    "Shift month: the first month from the base year's January that is on the period's side of "
    "the threshold (halfway between the base year's and the period year's monthly means) and "
    f"from which every {WINDOW_MONTHS}-month mean up to the period year's December stays on that "
    f"side, with at least {MIN_MONTHS_AFTER} months from it to that December; none when the two "
    f"monthly means differ by less than {MIN_CHANGE_PCT:g}% of the base year's, or when the "
    "level never stays across."
)
ANNUAL_BASIS = "balance_of_payments_sa"  # the annual ONS file (analysis.loaders.ons)
BASIS_LABELS = {
    BASIS: "trade in goods, not seasonally adjusted (ONS monthly; annual = sum of the months)",
    ANNUAL_BASIS: "balance of payments, seasonally adjusted (ONS annual)",
}
# Possible reasons the two bases differ (possibilities to state, not findings about a partner).
BASIS_GAP_REASONS = (
    "balance-of-payments adjustments for coverage",
    "valuation",
    "non-monetary gold and other precious metals",
    "seasonal adjustment and revisions",
)
_VALUE_COLUMNS = {"value_usd": "usd", "value_gbp": "gbp"}
_RELATIVE_TOLERANCE = 1e-9  # float sums compared with a share of a total


class MonthlyDataError(ValueError):
    """The monthly table lacks months (or a value column) a computation needs."""


def _unit(value_column: str) -> str:
    if value_column not in _VALUE_COLUMNS:
        raise MonthlyDataError(
            f"value_column {value_column!r}: choose one of {sorted(_VALUE_COLUMNS)}"
        )
    return _VALUE_COLUMNS[value_column]


def _matrix(
    monthly: pd.DataFrame, first_year: str, last_year: str, value_column: str
) -> tuple[pd.DataFrame, list[str], np.ndarray]:
    """The values from January of ``first_year`` to December of ``last_year`` as a matrix.

    Returns:
        The keys (``GROUP`` columns, one row per partner and flow, sorted), the months
        ("YYYY-MM") and a float array of shape (keys, months).

    Raises:
        MonthlyDataError: No such months, or a partner and flow lacks or repeats one of them.
    """
    months = list(
        pd.period_range(f"{first_year}-01", f"{last_year}-12", freq="M").strftime("%Y-%m")
    )
    if value_column not in monthly.columns:
        raise MonthlyDataError(f"the monthly table has no column {value_column!r}")
    rows = monthly[monthly["period"].between(months[0], months[-1])]
    if rows.empty:
        raise MonthlyDataError(f"no months {months[0]} to {months[-1]} in the monthly table")
    duplicated = rows.duplicated([*GROUP, "period"])
    if duplicated.any():
        first = rows[duplicated].iloc[0]
        raise MonthlyDataError(
            f"{first['partner_iso3']} {first['flow']}: month {first['period']} appears twice"
        )
    wide = rows.pivot(index=GROUP, columns="period", values=value_column)
    wide = wide.reindex(columns=months).sort_index()
    missing = wide.isna()
    if missing.any(axis=None):
        key = missing.any(axis=1).idxmax()
        absent = [m for m in months if missing.at[key, m]]
        raise MonthlyDataError(
            f"{key[1]} {key[2]}: month {absent[0]} missing ({len(absent)} of {months[0]} to "
            f"{months[-1]} missing); use the full monthly table (months without trade are 0, "
            "not absent)"
        )
    return wide.index.to_frame(index=False), months, wide.to_numpy(dtype=float)


def compute_concentration(
    monthly: pd.DataFrame,
    year: str,
    share_pct: float = 50.0,
    value_column: str = "value_usd",
) -> pd.DataFrame:
    """The fewest months of ``year`` that hold at least ``share_pct`` of the year's value.

    Months are taken largest first (ties: the earlier month first).

    Args:
        monthly: The canonical monthly table (any partners), complete for ``year``.
        year: Calendar year, "2022".
        share_pct: The share of the year's value to reach, in percent (0 < share ≤ 100).
        value_column: ``value_usd`` or ``value_gbp``.

    Returns:
        One row per reporter, partner and flow: ``year``, ``months`` (tuple of "YYYY-MM" in
        calendar order; empty when the year's value is 0), ``month_count``, ``months_value_usd``,
        ``year_value_usd``, ``share_pct`` (the months' share of the year, percent; NaN when the
        year's value is 0) and ``target_share_pct``. ``_gbp`` instead of ``_usd`` for pounds.

    Raises:
        MonthlyDataError: A month of the year is missing, or a bad ``share_pct``.
    """
    unit = _unit(value_column)
    if not 0 < share_pct <= 100:
        raise MonthlyDataError(f"share_pct {share_pct!r}: give a percentage above 0, at most 100")
    keys, months, values = _matrix(monthly, year, year, value_column)
    order = np.argsort(-values, axis=1, kind="stable")  # largest first, ties in calendar order
    ranked = np.take_along_axis(values, order, axis=1)
    total = values.sum(axis=1)
    before = np.cumsum(ranked, axis=1) - ranked
    target = (total * share_pct / 100 * (1 - _RELATIVE_TOLERANCE))[:, None]
    is_chosen_ranked = (before < target) & (total > 0)[:, None]
    is_chosen = np.zeros_like(is_chosen_ranked)
    np.put_along_axis(is_chosen, order, is_chosen_ranked, axis=1)
    chosen_value = np.where(is_chosen, values, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, chosen_value / total * 100, np.nan)
    return keys.assign(
        year=year,
        months=[tuple(np.asarray(months)[row]) for row in is_chosen],
        month_count=is_chosen.sum(axis=1),
        **{f"months_value_{unit}": chosen_value, f"year_value_{unit}": total},
        share_pct=share,
        target_share_pct=float(share_pct),
    )


def compute_shift_month(
    monthly: pd.DataFrame,
    base_year: str,
    period_year: str,
    value_column: str = "value_usd",
) -> pd.DataFrame:
    """The month from which the level shifted between two years, by the rule ``SHIFT_RULE``.

    Args:
        monthly: The canonical monthly table (any partners), complete from January of
            ``base_year`` to December of ``period_year``.
        base_year: "2022".
        period_year: A later year, "2023".
        value_column: ``value_usd`` or ``value_gbp``.

    Returns:
        One row per reporter, partner and flow: ``base_year``, ``period_year``,
        ``base_monthly_mean_usd``, ``period_monthly_mean_usd``, ``threshold_usd`` (halfway
        between them), ``change_pct`` (period mean vs base mean, percent; NaN when the base is 0),
        ``direction`` ("fall", "rise" or None when flat) and ``shift_month`` ("YYYY-MM" or None).
        ``_gbp`` instead of ``_usd`` for pounds.

    Raises:
        MonthlyDataError: A month is missing, or ``period_year`` is not after ``base_year``.
    """
    unit = _unit(value_column)
    if not int(period_year) > int(base_year):
        raise MonthlyDataError(f"period year {period_year} must be after base year {base_year}")
    keys, months, values = _matrix(monthly, base_year, period_year, value_column)
    base_mean = values[:, :12].mean(axis=1)
    period_mean = values[:, -12:].mean(axis=1)
    threshold = (base_mean + period_mean) / 2
    change = period_mean - base_mean
    is_flat = (np.abs(change) < base_mean * MIN_CHANGE_PCT / 100) | (change == 0)
    # One side for both directions: a rise is a fall of the negated series.
    sign = np.where(change < 0, 1.0, -1.0)[:, None]
    signed, limit = sign * values, sign * threshold[:, None]
    windows = sum(
        signed[:, k : signed.shape[1] - WINDOW_MONTHS + 1 + k] for k in range(WINDOW_MONTHS)
    )
    is_window_below = windows / WINDOW_MONTHS < limit  # window j covers months j … j+2
    # stays[j]: every window from j on is below (a running minimum from the end).
    stays = np.minimum.accumulate(is_window_below[:, ::-1], axis=1)[:, ::-1]
    is_shift = (signed[:, : stays.shape[1]] < limit) & stays & ~is_flat[:, None]
    is_shift[:, len(months) - MIN_MONTHS_AFTER + 1 :] = False  # too close to the end
    has_shift = is_shift.any(axis=1)
    first = is_shift.argmax(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        change_pct = np.where(base_mean > 0, change / base_mean * 100, np.nan)
    return keys.assign(
        base_year=base_year,
        period_year=period_year,
        **{
            f"base_monthly_mean_{unit}": base_mean,
            f"period_monthly_mean_{unit}": period_mean,
            f"threshold_{unit}": threshold,
        },
        change_pct=change_pct,
        direction=pd.Series(
            np.where(is_flat, None, np.where(change < 0, "fall", "rise")), dtype=object
        ),
        shift_month=pd.Series(
            [months[i] if has else None for i, has in zip(first, has_shift, strict=True)],
            dtype=object,
        ),
    )


def compute_split_at_shift(
    monthly: pd.DataFrame, shifts: pd.DataFrame, value_column: str = "value_usd"
) -> pd.DataFrame:
    """The base and period years, each split at the shift month when it falls inside it.

    Args:
        monthly: The canonical monthly table, complete for both years.
        shifts: The frame of :func:`compute_shift_month` (its keys, years and ``shift_month``).
        value_column: ``value_usd`` or ``value_gbp``.

    Returns:
        Rows per reporter, partner, flow, ``year`` and ``part`` ("whole_year", or "before_shift"
        and "from_shift" in the year of the shift month), in order: ``first_month``,
        ``last_month``, ``month_count``, ``value_usd``, ``monthly_mean_usd`` and
        ``share_of_year_pct`` (percent of that year's value; NaN when it is 0) and
        ``period_change_pct`` (the period year's monthly mean against this part's, percent; NaN
        when this part's is 0). ``_gbp`` for pounds.

    Raises:
        MonthlyDataError: A month is missing.
    """
    unit = _unit(value_column)
    parts = []
    for year in sorted({*shifts["base_year"], *shifts["period_year"]}):
        keys, months, values = _matrix(monthly, year, year, value_column)
        long = keys.loc[keys.index.repeat(12)].reset_index(drop=True)
        long["period"] = months * len(keys)
        long["value"] = values.reshape(-1)
        parts.append(long.assign(year=year))
    rows = pd.concat(parts, ignore_index=True).merge(
        shifts[[*GROUP, "base_year", "period_year", "shift_month"]], on=GROUP
    )
    rows = rows[rows["year"].eq(rows["base_year"]) | rows["year"].eq(rows["period_year"])]
    shift = rows["shift_month"].fillna("")
    in_year = shift.str[:4].eq(rows["year"])
    rows["part"] = np.where(
        ~in_year, "whole_year", np.where(rows["period"] < shift, "before_shift", "from_shift")
    )
    rows["part_order"] = rows["part"].map({"whole_year": 0, "before_shift": 0, "from_shift": 1})
    keys = [*GROUP, "year", "part_order", "part"]
    split = rows.groupby(keys, sort=True).agg(
        first_month=("period", "min"),
        last_month=("period", "max"),
        month_count=("period", "size"),
        value=("value", "sum"),
    )
    year_value = split.groupby(level=[*GROUP, "year"])["value"].transform("sum")
    split["monthly_mean"] = split["value"] / split["month_count"]
    split["share_of_year_pct"] = split["value"] / year_value.where(year_value > 0) * 100
    split = split.reset_index().drop(columns="part_order")
    period_year = split[GROUP].merge(shifts[[*GROUP, "period_year"]], on=GROUP, how="left")
    in_period = split["year"].eq(period_year["period_year"].to_numpy())
    period_value = split["value"].where(in_period, 0.0).groupby([split[c] for c in GROUP])
    period_mean = period_value.transform("sum") / 12
    part_mean = split["monthly_mean"]
    split["period_change_pct"] = (period_mean / part_mean.where(part_mean > 0) - 1) * 100
    return split.rename(columns={"value": f"value_{unit}", "monthly_mean": f"monthly_mean_{unit}"})


def compare_annual_bases(
    monthly: pd.DataFrame, annual: pd.DataFrame, years: list[str]
) -> pd.DataFrame:
    """Annual sums of the monthly file beside the annual balance-of-payments figures, in pounds.

    The two are on different bases (trade in goods, not seasonally adjusted; balance of payments,
    seasonally adjusted), so they need not agree; pounds avoid adding exchange-rate effects to
    the gap.

    Args:
        monthly: The canonical monthly table (``value_gbp``), complete for ``years``.
        annual: The annual ONS table (:func:`analysis.loaders.ons.load_ons_trade`: ``period``,
            ``flow``, ``partner_iso3``, ``commodity_code``, ``value_gbp``); goods rows are used.
        years: Calendar years, ["2022", "2023"].

    Returns:
        One row per reporter, partner, flow and ``year``: ``monthly_sum_gbp``, ``annual_bop_gbp``
        (NaN when the annual file lacks the year or partner), ``gap_gbp`` (monthly sum − annual
        BoP figure) and ``gap_pct`` (the gap in percent of the BoP figure; NaN when it is 0 or
        missing), with ``basis`` and ``annual_basis`` naming the two.

    Raises:
        MonthlyDataError: A month of a year is missing.
    """
    sums = []
    for year in sorted(years):
        keys, _, values = _matrix(monthly, year, year, "value_gbp")
        sums.append(keys.assign(year=year, monthly_sum_gbp=values.sum(axis=1)))
    table = pd.concat(sums, ignore_index=True)
    goods = annual[annual["commodity_code"].eq(ALL_GOODS)] if "commodity_code" in annual else annual
    bop = goods.rename(columns={"period": "year", "value_gbp": "annual_bop_gbp"})
    table = table.merge(
        bop[[*GROUP, "year", "annual_bop_gbp"]], on=[*GROUP, "year"], how="left", validate="1:1"
    )
    table["gap_gbp"] = table["monthly_sum_gbp"] - table["annual_bop_gbp"]
    bop_value = table["annual_bop_gbp"]
    table["gap_pct"] = table["gap_gbp"] / bop_value.where(bop_value > 0) * 100
    return table.assign(basis=BASIS, annual_basis=ANNUAL_BASIS).sort_values(
        [*GROUP, "year"], ignore_index=True
    )


@dataclass(frozen=True)
class MonthlyStory:
    """The monthly view of one partner's trade with the UK, ready for a report section.

    Attributes:
        partner_iso3: The UK's partner.
        base_year: The base year, "2022".
        period_year: The period year, "2023".
        value_column: The value the amounts are in (``value_usd`` or ``value_gbp``).
        months: The partner's monthly rows (both flows) from January of the year before the base
            (when the table has it) to December of the period year.
        concentration: :func:`compute_concentration` of the base year, one row per flow.
        shift: :func:`compute_shift_month`, one row per flow.
        split: :func:`compute_split_at_shift`.
        bases: :func:`compare_annual_bases` for the years of ``months``.
    """

    partner_iso3: str
    base_year: str
    period_year: str
    value_column: str
    months: pd.DataFrame
    concentration: pd.DataFrame
    shift: pd.DataFrame
    split: pd.DataFrame
    bases: pd.DataFrame


def compute_monthly_story(
    monthly: pd.DataFrame,
    annual: pd.DataFrame,
    partner_iso3: str,
    base_year: str,
    period_year: str,
    share_pct: float = 50.0,
    value_column: str = "value_usd",
) -> MonthlyStory:
    """Everything the section "When the change happened" shows for one partner, computed once.

    Args:
        monthly: The canonical monthly table (one or all partners).
        annual: The annual ONS table, for the comparison of bases.
        partner_iso3: The UK's partner, "KAZ".
        base_year: "2022".
        period_year: A later year, "2023".
        share_pct: The share of the base year's value the concentration reaches (percent).
        value_column: ``value_usd`` or ``value_gbp``.

    Returns:
        A :class:`MonthlyStory`.

    Raises:
        MonthlyDataError: The partner is not in the table, or a needed month is missing.
    """
    rows = monthly[monthly["partner_iso3"].eq(partner_iso3)]
    if rows.empty:
        raise MonthlyDataError(f"no partner {partner_iso3!r} in the monthly table")
    shift = compute_shift_month(rows, base_year, period_year, value_column)
    first_year = str(int(base_year) - 1)  # the year before the base, for context, if complete
    try:
        _matrix(rows, first_year, first_year, value_column)
    except MonthlyDataError:
        first_year = base_year
    in_view = rows["period"].between(f"{first_year}-01", f"{period_year}-12")
    return MonthlyStory(
        partner_iso3=partner_iso3,
        base_year=base_year,
        period_year=period_year,
        value_column=value_column,
        months=rows[in_view].reset_index(drop=True),
        concentration=compute_concentration(rows, base_year, share_pct, value_column),
        shift=shift,
        split=compute_split_at_shift(rows, shift, value_column),
        bases=compare_annual_bases(rows, annual, sorted({first_year, base_year, period_year})),
    )
