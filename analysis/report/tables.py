"""The report's comparison tables, computed from loaded sources (US$ floats, unit-named columns).

The text's figures become a canonical trade table; the official statistics are compared with them
through the project's one mirror implementation (:func:`analysis.mirror.compute_mirror`, gap =
other source's figure − the text's, % of the text's); official trade files are summarised with the
library functions ``summarize`` uses (composition, mirror), not through the CLI.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analysis import maths
from analysis.composition import compute_composition, compute_flow_totals, top_movers
from analysis.loaders.schema import ALL_GOODS, TRADE_COLUMNS
from analysis.mirror import compute_mirror

FLOWS = ("exports", "imports")
OTHER_FLOW = {"exports": "imports", "imports": "exports"}
CHANGE_COLUMNS = list(maths.CHANGE_COLUMNS)


def build_stated_trade_table(
    figures: pd.DataFrame, reporter_iso3: str, partner_iso3: str
) -> pd.DataFrame:
    """The text's export and import figures for one pair, as a canonical trade table.

    Uses ``corrected_value_usd`` (after slip corrections) when present; figures of one product
    (``scope`` "commodity") and amounts of change are left out; a flow and period stated twice keep
    the first mention.

    Args:
        figures: The news figures table (optionally with ``corrected_value_usd``).
        reporter_iso3: The reporting country, as the text attributes the flows.
        partner_iso3: Its partner.

    Returns:
        ``TRADE_COLUMNS`` then ``figure_id``, ``quote``, ``stated_value_usd`` (as written); empty
        when the text states no export or import figure for the pair.
    """
    value = "corrected_value_usd" if "corrected_value_usd" in figures.columns else "value_usd"
    all_goods = figures["scope"].eq("all") if "scope" in figures.columns else True
    rows = figures[
        all_goods
        & figures["flow"].isin(FLOWS)
        & figures["reporter_iso3"].eq(reporter_iso3)
        & figures["partner_iso3"].eq(partner_iso3)
        & figures["period"].fillna("").ne("")
    ].drop_duplicates(["period", "flow"])
    table = pd.DataFrame(
        {
            "reporter_iso3": reporter_iso3,
            "partner_iso3": partner_iso3,
            "period": rows["period"].astype(str),
            "flow": rows["flow"].astype(str),
            "commodity_code": ALL_GOODS,
            "value_usd": rows[value].astype(float),
            "source": "news text",
            "file": rows["document"].astype(str),
            "figure_id": rows["figure_id"].astype(int),
            "quote": rows["quote"].astype(str),
            "stated_value_usd": rows["value_usd"].astype(float),
        },
        columns=[*TRADE_COLUMNS, "figure_id", "quote", "stated_value_usd"],
    )
    return table.sort_values(["period", "flow"], ignore_index=True)


def find_missing_flows(stated: pd.DataFrame, periods: Sequence[str]) -> list[str]:
    """The flows and periods the text does not state ("exports 2022").

    Args:
        stated: From :func:`build_stated_trade_table`.
        periods: The compared periods.

    Returns:
        "flow period" for each absent pair, in order; empty when all are stated.
    """
    have = set(zip(stated["period"], stated["flow"], strict=True))
    return [f"{flow} {p}" for p in periods for flow in FLOWS if (p, flow) not in have]


def compute_pair_changes(
    rows: pd.DataFrame, base_period: str, period: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Levels and changes of one reporter's trade with one partner (turnover = exports + imports).

    Args:
        rows: Canonical rows of one reporter and partner (``flow``, ``period``, ``value_usd``).
        base_period: Earlier period.
        period: Compared period.

    Returns:
        ``(wide, changes)``: :func:`analysis.maths.pivot_flows` of the two periods and
        :func:`analysis.maths.compute_changes` between them (US$, %, pp).
    """
    wide = maths.pivot_flows(rows[rows["period"].isin([base_period, period])])
    return wide, maths.compute_changes(wide, base_period, period)


def compare_text_with_official(
    stated: pd.DataFrame, official_rows: pd.DataFrame, periods: Sequence[str]
) -> pd.DataFrame:
    """The text's flows beside the official statistics of the same trade, with the mirror gap.

    When the official statistics are the partner's, the text's exports meet the partner's imports
    (a mirror); when they are the reporter's own, the same flows meet (the official rows are put
    in the partner's place with flows swapped, so the one gap convention applies unchanged).

    Args:
        stated: From :func:`build_stated_trade_table` (one reporter and partner).
        official_rows: The official rows of the pair (e.g. ``Sources.ons_rows``), with
            ``value_gbp`` when in pounds.
        periods: The compared periods.

    Returns:
        ``flow``, ``official_flow``, ``period``, ``text_value_usd``, ``official_value_gbp``,
        ``official_value_usd``, ``gap_usd`` (official − text) and ``gap_pct`` (% of the text's).
    """
    reporter, partner = stated["reporter_iso3"].iat[0], stated["partner_iso3"].iat[0]
    official = official_rows.copy()
    same_side = official["reporter_iso3"].eq(reporter).all()
    if same_side:  # put the reporter's own figures where compute_mirror looks for the partner's
        official["flow"] = official["flow"].map(OTHER_FLOW)
        official["reporter_iso3"], official["partner_iso3"] = partner, reporter
    mirror = compute_mirror(stated, official, reporter, partner, list(periods))
    mirror = mirror[mirror["flow"].isin(FLOWS)]
    mirror_flow = mirror["flow"] if same_side else mirror["mirror_flow"]
    gbp = (
        official_rows.set_index(["period", "flow"])["value_gbp"]
        if "value_gbp" in official_rows
        else None
    )
    table = pd.DataFrame(
        {
            "flow": mirror["flow"],
            "official_flow": mirror_flow,
            "period": mirror["period"],
            "text_value_usd": mirror["reported_usd"],
            "official_value_gbp": [
                gbp.get((p, f), float("nan")) if gbp is not None else float("nan")
                for p, f in zip(mirror["period"], mirror_flow, strict=True)
            ],
            "official_value_usd": mirror["mirror_usd"],
            "gap_usd": mirror["gap_usd"],
            "gap_pct": mirror["gap_pct"],
        }
    )
    return table.sort_values(["flow", "period"], ignore_index=True)


def compare_growth(comparison: pd.DataFrame, base_period: str, period: str) -> pd.DataFrame:
    """Each flow's change as the text states it and as the official statistics show it.

    Args:
        comparison: From :func:`compare_text_with_official`.
        base_period: Earlier period.
        period: Compared period.

    Returns:
        ``flow``, ``official_flow``, ``text_change_pct``, ``official_change_pct`` (US$),
        ``official_change_gbp_pct`` (£, free of exchange-rate moves), ``difference_pp``.
    """
    by = comparison.set_index(["flow", "period"])
    rows = []
    for flow in FLOWS:
        if (flow, base_period) not in by.index or (flow, period) not in by.index:
            continue
        base, later = by.loc[(flow, base_period)], by.loc[(flow, period)]
        text = maths.compute_growth_pct(base["text_value_usd"], later["text_value_usd"])
        usd = maths.compute_growth_pct(base["official_value_usd"], later["official_value_usd"])
        gbp = maths.compute_growth_pct(base["official_value_gbp"], later["official_value_gbp"])
        rows.append((flow, base["official_flow"], text, usd, gbp, usd - text))
    columns = [
        "flow",
        "official_flow",
        "text_change_pct",
        "official_change_pct",
        "official_change_gbp_pct",
        "difference_pp",
    ]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class FilesSummary:
    """What official trade files say about one pair (the pieces of ``summarize``), as tables.

    ``missing`` is one line when the files do not cover the pair and periods ("" otherwise).
    """

    missing: str
    changes: pd.DataFrame
    by_section: pd.DataFrame
    mirror: pd.DataFrame


def summarize_trade_files(
    trade: pd.DataFrame, reporter_iso3: str, partner_iso3: str, base_period: str, period: str
) -> FilesSummary:
    """Changes, composition by HS section and the two-sided mirror from official trade files.

    Args:
        trade: Canonical table of the files (any layout ``load_trade_files`` reads).
        reporter_iso3: The report's reporter, whose own statistics give changes and composition.
        partner_iso3: Its partner, whose statistics (when present) give the mirror.
        base_period: Earlier period.
        period: Compared period.

    Returns:
        The summary; ``missing`` says why when the reporter's figures for the pair or a period
        are absent (the tables are then empty).
    """
    totals = compute_flow_totals(trade)
    pair = totals[
        totals["reporter_iso3"].eq(reporter_iso3) & totals["partner_iso3"].eq(partner_iso3)
    ]
    absent = [p for p in (base_period, period) if p not in set(pair["period"])]
    if pair.empty or absent:
        have = sorted(set(pair["period"]))
        why = (
            f"the files hold no figures reported by {reporter_iso3} for {partner_iso3}"
            if pair.empty
            else f"they lack {', '.join(absent)} for {reporter_iso3}→{partner_iso3} (they have "
            f"{', '.join(have)})"
        )
        empty = pd.DataFrame()
        return FilesSummary(why, empty, empty, empty)
    _, changes = compute_pair_changes(pair, base_period, period)
    rows = trade[trade["reporter_iso3"].eq(reporter_iso3) & trade["partner_iso3"].eq(partner_iso3)]
    rows.attrs = {}
    by_section = compute_composition(rows, base_period, period)
    mirror = compute_mirror(trade, trade, reporter_iso3, partner_iso3, [base_period, period])
    return FilesSummary("", changes, by_section, mirror)


def build_section_contributions(by_section: pd.DataFrame) -> pd.DataFrame:
    """Each HS section's contribution to the change of exports, imports and turnover.

    Args:
        by_section: :attr:`FilesSummary.by_section`, non-empty.

    Returns:
        One row per section in HS order, then an "all goods" row of sums: ``hs_section``,
        ``hs_section_title``, ``exports_contribution_pp``, ``imports_contribution_pp`` (points of
        the flow's own change), ``turnover_change_usd`` and ``turnover_contribution_pp``.
    """
    keys = ["hs_section", "hs_section_title"]
    order = list(dict.fromkeys(by_section["hs_section"]))
    wide = by_section.pivot_table(
        index=keys, columns="flow", values=["contribution_pp", "change_usd"], aggfunc="sum"
    )
    table = pd.DataFrame(index=wide.index)
    for name, (column, flow) in {
        "exports_contribution_pp": ("contribution_pp", "exports"),
        "imports_contribution_pp": ("contribution_pp", "imports"),
        "turnover_change_usd": ("change_usd", "turnover"),
        "turnover_contribution_pp": ("contribution_pp", "turnover"),
    }.items():  # a flow with detail has no row for a section it did not trade in: 0
        table[name] = wide[(column, flow)].fillna(0.0) if (column, flow) in wide else float("nan")
    table = table.reset_index()
    table = table.sort_values("hs_section", key=lambda s: s.map(order.index), ignore_index=True)
    total = table.drop(columns=keys).sum(min_count=1)
    table.loc[len(table)] = {"hs_section": "all goods", "hs_section_title": "", **total}
    return table


def build_top_movers(by_section: pd.DataFrame, flow: str, n: int = 5) -> pd.DataFrame:
    """The ``n`` HS sections of a flow whose value changed most in US$ (largest first).

    Args:
        by_section: :attr:`FilesSummary.by_section`.
        flow: exports, imports or turnover.
        n: How many sections.

    Returns:
        ``hs_section, hs_section_title, base_value_usd, value_usd, change_usd, change_pct,
        contribution_pp, share_pct``; empty when the flow has no detail.
    """
    rows = top_movers(by_section, flow, n)
    return rows[
        [
            "hs_section",
            "hs_section_title",
            "base_value_usd",
            "value_usd",
            "change_usd",
            "change_pct",
            "contribution_pp",
            "share_pct",
        ]
    ]
