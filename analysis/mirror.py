"""Mirror statistics: a reporter's flows beside what its partner reports for the same trade."""

from collections.abc import Sequence

import pandas as pd

from analysis.composition import compute_flow_totals
from analysis.loaders.comtrade import SOURCE_LEGACY, SOURCE_PLUS
from analysis.loaders.imf import SOURCE as SOURCE_IMF
from analysis.loaders.ons import SOURCE as SOURCE_ONS
from analysis.maths import compute_turnover

MIRROR_FLOWS = {"exports": "imports", "imports": "exports", "turnover": "turnover"}
MIRROR_COLUMNS = [
    "reporter_iso3",
    "partner_iso3",
    "flow",
    "mirror_flow",
    "period",
    "reported_usd",
    "mirror_usd",
    "gap_usd",
    "gap_pct",
    "reported_basis",
    "mirror_basis",
]
# How each source values its flows (vocabulary as data): UN Comtrade and the IMF follow the UN
# recommendations for merchandise trade statistics (imports CIF, exports FOB); the ONS
# balance-of-payments basis values both flows FOB.
VALUATION_BASIS = {
    SOURCE_PLUS: {"exports": "FOB", "imports": "CIF"},
    SOURCE_LEGACY: {"exports": "FOB", "imports": "CIF"},
    SOURCE_IMF: {"exports": "FOB", "imports": "CIF (FOB where only FOB is reported)"},
    SOURCE_ONS: {"exports": "FOB", "imports": "FOB (balance-of-payments basis)"},
}
UNKNOWN_BASIS = "as the file states (not known)"
GAP_CONVENTION = (
    "Mirror gap = the partner's figure − the reporter's figure, in US$ and as a percentage of the "
    "reporter's figure: positive when the partner records more of the same trade."
)
CIF_FOB_CAVEAT = (
    "Mirror figures never match exactly. Valuation: UN Comtrade and IMF figures value imports CIF "
    "(cost, insurance and freight to the importer's border) and exports FOB (free on board at the "
    "exporter's border), so under that basis a country's imports normally exceed its partner's "
    "mirror exports by a few percent (often 3-10%) even when both are right; the ONS "
    "balance-of-payments basis values both flows FOB, so its imports carry no freight margin "
    "(each mirror row names both sides' basis). Other reasons: timing (goods shipped in December "
    "and recorded on arrival in January fall in different years); partner attribution (importers "
    "record the country of origin, exporters the country of last known destination, so goods "
    "routed via third countries or traded through hubs are assigned differently); confidential "
    "items suppressed by one side only; different coverage (general vs special trade, customs vs "
    "balance-of-payments basis, goods for processing, re-exports); and currency conversion (each "
    "side converts its own currency to US dollars at its own, e.g. monthly or annual, rates)."
)


def valuation_basis(table: pd.DataFrame, reporter: str, partner: str, flow: str) -> str:
    """The valuation basis of a reporter's flow with a partner, from the sources of its rows.

    Args:
        table: Canonical trade table.
        reporter: ISO3 of the reporter.
        partner: ISO3 of the partner.
        flow: exports, imports or turnover (exports basis + imports basis).

    Returns:
        e.g. "FOB", "CIF", "FOB + CIF"; ``UNKNOWN_BASIS`` for sources without a known basis.
    """
    if flow == "turnover":
        parts = [valuation_basis(table, reporter, partner, f) for f in ("exports", "imports")]
        return " + ".join(dict.fromkeys(parts))
    rows = table[
        table["reporter_iso3"].eq(reporter)
        & table["partner_iso3"].eq(partner)
        & table["flow"].eq(flow)
    ]
    bases = {VALUATION_BASIS.get(source, {}).get(flow, UNKNOWN_BASIS) for source in rows["source"]}
    return " / ".join(sorted(bases)) or UNKNOWN_BASIS


def _pair_flows(
    table: pd.DataFrame, reporter: str, partner: str, periods: Sequence[str]
) -> pd.DataFrame:
    """Exports, imports and turnover (US$) of one reporter with one partner, wide, by period."""
    totals = compute_flow_totals(table)
    rows = totals[
        totals["reporter_iso3"].eq(reporter)
        & totals["partner_iso3"].eq(partner)
        & totals["period"].isin(list(periods))
        & totals["flow"].isin(["exports", "imports"])
    ]
    wide = rows.pivot_table(index="period", columns="flow", values="value_usd", aggfunc="sum")
    wide = wide.reindex(index=list(periods), columns=["exports", "imports"])
    wide["turnover"] = compute_turnover(wide["exports"], wide["imports"])
    return wide


def compute_mirror(
    reporter_table: pd.DataFrame,
    partner_table: pd.DataFrame,
    reporter: str,
    partner: str,
    periods: Sequence[str],
) -> pd.DataFrame:
    """Compare the reporter's exports, imports and turnover with the partner's mirror figures.

    The reporter's exports are compared with the partner's imports from the reporter, its imports
    with the partner's exports to it, and turnover with turnover. See ``CIF_FOB_CAVEAT`` for why
    they differ.

    Args:
        reporter_table: Canonical table holding the reporter's own statistics.
        partner_table: Canonical table holding the partner's statistics (may be the same table).
        reporter: ISO3 of the reporter, e.g. "KAZ".
        partner: ISO3 of the partner, e.g. "GBR".
        periods: Periods to compare, e.g. ("2022", "2023").

    Returns:
        ``MIRROR_COLUMNS``: ``reported_usd`` and ``mirror_usd`` (US$), and the gap in the one
        convention of the project (``GAP_CONVENTION``): ``gap_usd`` = mirror − reported (US$),
        ``gap_pct`` = gap over the reporter's figure (%; positive when the partner's figure is
        larger), and each side's valuation basis (``reported_basis``, ``mirror_basis``: FOB, CIF,
        from the sources of the rows, ``VALUATION_BASIS``). Only rows where both sides have a
        value; empty when none do.
    """
    reported = _pair_flows(reporter_table, reporter, partner, periods)
    mirrored = _pair_flows(partner_table, partner, reporter, periods)
    frames = []
    for flow, mirror_flow in MIRROR_FLOWS.items():
        frames.append(
            pd.DataFrame(
                {
                    "reporter_iso3": reporter,
                    "partner_iso3": partner,
                    "flow": flow,
                    "mirror_flow": mirror_flow,
                    "period": list(periods),
                    "reported_usd": reported[flow].to_numpy(),
                    "mirror_usd": mirrored[mirror_flow].to_numpy(),
                }
            )
        )
    mirror = pd.concat(frames, ignore_index=True).dropna(subset=["reported_usd", "mirror_usd"])
    mirror["reported_basis"] = [
        valuation_basis(reporter_table, reporter, partner, f) for f in mirror["flow"]
    ]
    mirror["mirror_basis"] = [
        valuation_basis(partner_table, partner, reporter, f) for f in mirror["mirror_flow"]
    ]
    mirror["gap_usd"] = mirror["mirror_usd"] - mirror["reported_usd"]
    mirror["gap_pct"] = (
        mirror["gap_usd"] / mirror["reported_usd"].where(mirror["reported_usd"] != 0) * 100.0
    )
    return mirror[MIRROR_COLUMNS].reset_index(drop=True)
