"""Commodity levels: which of a file's TOTAL, chapter, heading and subheading rows to keep.

A file may hold the same trade at several levels (``TOTAL``, chapters "27", headings "2709",
subheadings "270900"); adding them would count it several times. One rule, used by every loader,
the bulk reader and the combination of several files, keeps one level per flow.
"""

import pandas as pd

from analysis.loaders.schema import ALL_GOODS

_SUM_TOLERANCE = 1e-6  # relative: a finer level "adds up" to a coarser one within this


def commodity_level(codes: pd.Series) -> pd.Series:
    """Count the digits of each HS code.

    Args:
        codes: Commodity codes as text.

    Returns:
        The number of digits; 0 for ``TOTAL``.
    """
    return codes.str.len().where(codes.ne(ALL_GOODS), 0)


def select_commodity_level(table: pd.DataFrame) -> pd.Series:
    """Which rows to keep so that no commodity is counted twice.

    Within each reporter, partner, period and flow, ``TOTAL`` rows are kept for totals, and of the
    detailed levels (chapters, headings, subheadings) only the finest level whose values add up to
    the coarsest detailed level present (within a relative 1e-6): a file that has every chapter
    but only a few headings keeps the chapters.

    Args:
        table: Needs ``reporter_iso3, partner_iso3, period, flow, commodity_code, value_usd``.

    Returns:
        A reason (str) for every row to drop, None for rows kept; aligned with ``table``.
    """
    groups = ["reporter_iso3", "partner_iso3", "period", "flow"]
    level = commodity_level(table["commodity_code"])
    detail = table[level.gt(0)].assign(_level=level)
    sums = detail.groupby([*groups, "_level"])["value_usd"].sum(min_count=1).reset_index()
    coarsest = sums.groupby(groups)["_level"].transform("min")
    reference = sums.loc[sums["_level"].eq(coarsest)].set_index(groups)["value_usd"]
    sums["_reference"] = reference.reindex(pd.MultiIndex.from_frame(sums[groups])).to_numpy()
    gap = (sums["value_usd"] - sums["_reference"]).abs()
    sums["_complete"] = gap.le(_SUM_TOLERANCE * sums["_reference"].abs()) | sums["_level"].eq(
        coarsest
    )
    chosen = sums[sums["_complete"]].groupby(groups)["_level"].max().rename("_chosen")
    detail = detail.join(chosen, on=groups)
    reason = pd.Series(None, index=table.index, dtype=object)
    coarser = detail["_level"].lt(detail["_chosen"])
    finer = detail["_level"].gt(detail["_chosen"])
    reason[coarser[coarser].index] = (
        "subtotal: commodity level "
        + detail["_level"].astype(str)
        + " is a sum of the level "
        + detail["_chosen"].astype(str)
        + " rows kept"
    )[coarser]
    reason[finer[finer].index] = (
        "incomplete finer level "
        + detail["_level"].astype(str)
        + ": its rows do not add up to "
        + "the level "
        + detail["_chosen"].astype(str)
        + " rows kept"
    )[finer]
    return reason
