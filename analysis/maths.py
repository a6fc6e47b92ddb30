"""Trade maths on canonical tables: turnover, balance, coverage, growth, contributions and shares.

Everything is vectorised: tables may hold any number of reporters, partners, periods and products.
Values are in US dollars; percentages are in percent (``change_pct``), contributions in percentage
points (``contribution_pp``).
"""

from collections.abc import Sequence

import numpy as np
import pandas as pd

WIDE_FLOWS = ("exports_usd", "imports_usd", "turnover_usd", "balance_usd")
KEYS = ("reporter_iso3", "partner_iso3", "period")
# The columns of compute_changes after the pair's keys, in order
CHANGE_COLUMNS = (
    "flow",
    "base_value_usd",
    "value_usd",
    "change_usd",
    "change_pct",
    "contribution_pp",
)

Values = float | np.ndarray | pd.Series  # a scalar, an array or a Series: the functions take all


def compute_turnover(exports_usd: Values, imports_usd: Values) -> Values:
    """Turnover: exports + imports, for scalars, arrays or Series alike.

    Args:
        exports_usd: Exports (US$).
        imports_usd: Imports (US$).

    Returns:
        Turnover (US$), of the inputs' type.
    """
    return exports_usd + imports_usd


def compute_balance(exports_usd: Values, imports_usd: Values) -> Values:
    """Trade balance: exports − imports; positive is a surplus.

    Args:
        exports_usd: Exports (US$).
        imports_usd: Imports (US$).

    Returns:
        The balance (US$), of the inputs' type.
    """
    return exports_usd - imports_usd


def compute_coverage_ratio(exports_usd: Values, imports_usd: Values) -> Values:
    """Coverage ratio: exports / imports (1.0 = balanced).

    Args:
        exports_usd: Exports (US$).
        imports_usd: Imports (US$).

    Returns:
        The ratio (no unit); NaN where imports are zero.
    """
    return np.divide(exports_usd, np.where(imports_usd == 0, np.nan, imports_usd))


def compute_growth_pct(base: Values, value: Values) -> Values:
    """Growth from ``base`` to ``value`` in percent: (value / base − 1) × 100.

    Args:
        base: The earlier value (any unit, e.g. US$).
        value: The later value, same unit.

    Returns:
        Growth in percent: a float for scalars, else an array or Series; NaN where base is 0.
    """
    base = np.where(np.asarray(base) == 0, np.nan, base)
    growth = (np.divide(value, base) - 1.0) * 100.0
    return growth if np.ndim(growth) else float(growth)


def pivot_flows(table: pd.DataFrame, keys: Sequence[str] = KEYS) -> pd.DataFrame:
    """Turn a long canonical table into one row per key with exports, imports and derived flows.

    Args:
        table: Canonical long table (``flow`` exports|imports, ``value_usd``); rows with the same
            keys and flow are summed (pass one commodity level only, e.g. ``TOTAL``).
        keys: Columns identifying a row of the result.

    Returns:
        ``keys`` then ``exports_usd``, ``imports_usd``, ``turnover_usd``, ``balance_usd`` (US$) and
        ``coverage_ratio`` (exports / imports). A flow missing for a key is NaN, never 0.

    Raises:
        KeyError: A key column is missing.
    """
    keys = list(keys)
    flows = table[table["flow"].isin(["exports", "imports"])]
    grouped = flows.groupby([*keys, "flow"], observed=True, sort=False)["value_usd"]
    wide = grouped.sum(min_count=1).unstack("flow")
    wide = wide.reindex(columns=["exports", "imports"]).reset_index()
    wide.columns.name = None
    wide = wide.rename(columns={"exports": "exports_usd", "imports": "imports_usd"})
    wide["turnover_usd"] = compute_turnover(wide["exports_usd"], wide["imports_usd"])
    wide["balance_usd"] = compute_balance(wide["exports_usd"], wide["imports_usd"])
    wide["coverage_ratio"] = compute_coverage_ratio(wide["exports_usd"], wide["imports_usd"])
    return wide.sort_values(keys, ignore_index=True)


def compute_changes(
    wide: pd.DataFrame,
    base_period: str,
    period: str,
    keys: Sequence[str] = ("reporter_iso3", "partner_iso3"),
) -> pd.DataFrame:
    """Compare two periods, flow by flow, with each flow's contribution to turnover growth.

    The contribution of exports (imports) is its change divided by base-period turnover, in
    percentage points; the two add up to turnover's ``change_pct``. Turnover's own contribution is
    its growth; balance has no contribution, and a growth only from a
    positive base (NaN otherwise).

    Args:
        wide: Output of :func:`pivot_flows` (needs a ``period`` column).
        base_period: The earlier period, e.g. "2022".
        period: The compared period, e.g. "2023".
        keys: Columns identifying a pair being compared (without ``period``).

    Returns:
        ``keys``, ``flow`` (exports|imports|turnover|balance), ``base_value_usd``, ``value_usd``,
        ``change_usd`` (US$), ``change_pct`` (%), ``contribution_pp`` (percentage points).

    Raises:
        ValueError: A period is not in the table.
    """
    keys = list(keys)
    present = set(wide["period"])
    absent = [p for p in (base_period, period) if p not in present]
    if absent:
        raise ValueError(f"period(s) {absent} not in the table; it has {sorted(present)}")
    value_columns = list(WIDE_FLOWS)
    base = wide[wide["period"].eq(base_period)].set_index(keys)[value_columns]
    later = wide[wide["period"].eq(period)].set_index(keys)[value_columns]
    base, later = base.align(later, join="outer")
    base_turnover = base["turnover_usd"].where(base["turnover_usd"] != 0)
    frames = []
    for column in value_columns:
        change = later[column] - base[column]
        growth = compute_growth_pct(base[column], later[column])
        # growth of a deficit, or across a change of sign, means nothing
        if column == "balance_usd":
            growth = growth.where(base[column] > 0)
        contribution = (
            change / base_turnover * 100.0 if column != "balance_usd" else np.nan * change
        )
        frames.append(
            pd.DataFrame(
                {
                    "flow": column.removesuffix("_usd"),
                    "base_value_usd": base[column],
                    "value_usd": later[column],
                    "change_usd": change,
                    "change_pct": growth,
                    "contribution_pp": contribution,
                }
            )
        )
    changes = pd.concat(frames).reset_index()
    order = {flow.removesuffix("_usd"): i for i, flow in enumerate(value_columns)}
    changes["_order"] = changes["flow"].map(order)
    changes = changes.sort_values([*keys, "_order"], ignore_index=True).drop(columns="_order")
    return changes


def compute_shares(
    table: pd.DataFrame, value_column: str = "value_usd", by: Sequence[str] = ()
) -> pd.Series:
    """Each row's share of its group's total, in percent.

    Args:
        table: Any table with a value column.
        value_column: The column to share out (US$ or any additive unit).
        by: Columns defining the groups (the whole table when empty).

    Returns:
        ``share_pct`` aligned with ``table``'s index; NaN where a group's total is zero.
    """
    values = table[value_column]
    totals = values.groupby([table[c] for c in by]).transform("sum") if by else values.sum()
    totals = totals.where(totals != 0) if by else (totals if totals != 0 else np.nan)
    return (values / totals * 100.0).rename("share_pct")
