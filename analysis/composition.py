"""Composition of trade by HS section or chapter: levels, changes, contributions (pp), shares."""

from functools import cache

import numpy as np
import pandas as pd

from analysis.loaders.schema import ALL_GOODS
from analysis.maths import compute_growth_pct
from analysis.paths import REFERENCE_DIR

HS_SECTIONS_FILE = REFERENCE_DIR / "hs_sections.csv"
OTHER = "other"  # chapters 98/99: national codes outside the HS
UNALLOCATED = "unallocated"  # the part of a flow's total that no commodity row accounts for
PAIR = ["reporter_iso3", "partner_iso3"]
_FLOW_ORDER = {"exports": 0, "imports": 1, "turnover": 2}
_TOLERANCE_USD = 0.5  # a total and the sum of its commodities "agree" within half a dollar
COVERAGE_ALL = "all"  # a total from a TOTAL row: all goods
_LEVEL_WORDS = {
    2: "chapters",
    4: "headings",
    6: "subheadings",
    8: "tariff lines",
    10: "tariff lines",
}


@cache
def load_hs_sections() -> pd.DataFrame:
    """Read the HS chapter → section table shipped with the package (read once, then cached).

    Returns:
        Columns ``hs_chapter``, ``hs_chapter_title``, ``hs_section``, ``hs_section_title`` (text).
    """
    return pd.read_csv(HS_SECTIONS_FILE, dtype=str, keep_default_na=False)


def map_commodity_codes(codes: pd.Series) -> pd.DataFrame:
    """Map HS codes of any level ("08", "0802", "080211") to their chapter and section.

    Args:
        codes: Commodity codes as text; ``TOTAL`` maps to nothing (empty strings).

    Returns:
        ``hs_chapter``, ``hs_chapter_title``, ``hs_section``, ``hs_section_title`` aligned with
        ``codes``; chapters 98 and 99 (national use) get section ``other``.
    """
    sections = load_hs_sections().set_index("hs_chapter")
    chapter = codes.str[:2].where(codes.ne(ALL_GOODS), "")
    mapped = sections.reindex(chapter).set_axis(codes.index)
    unknown = mapped["hs_section"].isna() & chapter.ne("")
    mapped.loc[unknown, ["hs_section", "hs_section_title"]] = [
        OTHER,
        "Not in an HS section (chapters 98-99, national use)",
    ]
    mapped.loc[unknown, "hs_chapter_title"] = "Not an HS chapter (national use)"
    return mapped.fillna("").assign(hs_chapter=chapter)[
        ["hs_chapter", "hs_chapter_title", "hs_section", "hs_section_title"]
    ]


def compute_flow_totals(table: pd.DataFrame) -> pd.DataFrame:
    """Each flow's total per reporter, partner and period: the ``TOTAL`` row, else its commodities.

    The loaders keep one commodity level per flow, so summing the commodity rows counts nothing
    twice. What a total covers is said in ``coverage``: ``"all"`` for a ``TOTAL`` row, else the
    commodity codes summed, space-separated ("8542", "01 02 … 97"); see
    :func:`describe_coverage`.

    Args:
        table: Canonical trade table.

    Returns:
        ``reporter_iso3, partner_iso3, period, flow, value_usd`` (US$), ``coverage``, sorted.
    """
    keys = [*PAIR, "period", "flow"]
    is_total = table["commodity_code"].eq(ALL_GOODS)
    totals = table[is_total].groupby(keys, as_index=False)["value_usd"].sum()
    totals["coverage"] = COVERAGE_ALL
    rows = table[~is_total]
    detail = rows.groupby(keys, as_index=False)["value_usd"].sum()
    codes = rows.groupby(keys)["commodity_code"].agg(lambda c: " ".join(sorted(set(c))))
    detail["coverage"] = codes.reindex(pd.MultiIndex.from_frame(detail[keys])).to_numpy()
    covered = pd.MultiIndex.from_frame(detail[keys]).isin(pd.MultiIndex.from_frame(totals[keys]))
    return pd.concat([totals, detail[~covered]]).sort_values(keys, ignore_index=True)


def combine_coverage(coverages: list[str]) -> str:
    """The coverage of a sum of totals (turnover, balance): ``"all"`` only if every part is.

    Args:
        coverages: ``coverage`` values of the parts (see :func:`compute_flow_totals`).

    Returns:
        ``"all"``, or the codes of every part, space-separated and sorted.
    """
    if all(c == COVERAGE_ALL for c in coverages):
        return COVERAGE_ALL
    codes = {code for c in coverages for code in c.split() if c != COVERAGE_ALL}
    extra = [ALL_GOODS] if COVERAGE_ALL in coverages else []
    return " ".join([*extra, *sorted(codes)])


def describe_coverage(coverage: str) -> str:
    """Say in words what a total covers: "all goods", "HS 8542 only", "97 chapters".

    Args:
        coverage: A ``coverage`` value (see :func:`compute_flow_totals`).

    Returns:
        A short phrase.
    """
    if coverage == COVERAGE_ALL:
        return "all goods"
    codes = coverage.split()
    if ALL_GOODS in codes:
        return "all goods in one flow, " + describe_coverage(" ".join(codes[1:]))
    if len(codes) == 1:
        return f"HS {codes[0]} only"
    lengths = {len(c) for c in codes}
    if len(lengths) == 1:
        word = _LEVEL_WORDS.get(lengths.pop(), "codes")
        shown = ", ".join(codes) if len(codes) <= 4 else f"{codes[0]}–{codes[-1]}"
        return f"{len(codes)} HS {word} ({shown})"
    return f"{len(codes)} HS codes of mixed levels ({codes[0]}–{codes[-1]})"


def compute_composition(
    table: pd.DataFrame, base_period: str, period: str, level: str = "section"
) -> pd.DataFrame:
    """Break each flow's change between two periods down by HS section or chapter.

    A flow's total is its ``TOTAL`` row when present (else the sum of its commodities); the part
    no commodity row accounts for (e.g. confidential trade) is shown as ``unallocated``, so the rows
    of a flow always add up to its total. Flows without any commodity rows in either period are
    left out.

    Args:
        table: Canonical trade table (any number of reporter/partner pairs).
        base_period: The earlier period, e.g. "2022".
        period: The compared period, e.g. "2023".
        level: "section" (I–XXI) or "chapter" (2-digit).

    Returns:
        One row per pair, flow (exports|imports|turnover) and section/chapter: ``reporter_iso3,
        partner_iso3, flow, hs_section, hs_section_title`` (or ``hs_chapter, hs_chapter_title``),
        ``base_value_usd, value_usd, change_usd`` (US$), ``change_pct`` (% change of the part),
        ``contribution_pp`` (its change over the flow's base total, percentage points; they add up
        to the flow's ``change_pct``), ``turnover_contribution_pp`` (its change over base turnover;
        exports and imports parts add up to turnover's ``change_pct``), ``share_pct`` (share of the
        flow's total in ``period``). Empty (same columns) when there is no commodity detail.
        When ``base_period`` equals ``period``: levels and shares only, changes NaN.

    Raises:
        ValueError: An unknown ``level``.
    """
    if level not in ("section", "chapter"):
        raise ValueError(f"level must be 'section' or 'chapter', not {level!r}")
    code, title = f"hs_{level}", f"hs_{level}_title"
    keys = [*PAIR, "flow"]
    rows = table[
        table["period"].isin([base_period, period]) & table["flow"].isin(["exports", "imports"])
    ]
    totals = compute_flow_totals(rows)
    detail = rows[rows["commodity_code"].ne(ALL_GOODS)]
    detail = pd.concat([detail, map_commodity_codes(detail["commodity_code"])], axis=1)
    parts = detail.groupby([*keys, "period", code, title], as_index=False)["value_usd"].sum()
    with_detail = parts[keys].drop_duplicates()
    totals = totals.merge(with_detail, on=keys)
    allocated = parts.groupby([*keys, "period"], as_index=False)["value_usd"].sum()
    residual = totals.merge(allocated, on=[*keys, "period"], how="left", suffixes=("", "_parts"))
    residual["value_usd"] = residual["value_usd"] - residual["value_usd_parts"].fillna(0.0)
    residual = residual[residual["value_usd"].abs() > _TOLERANCE_USD].assign(
        **{
            code: UNALLOCATED,
            title: "Not allocated to a commodity (total minus the commodity rows)",
        }
    )
    parts = pd.concat([parts, residual[parts.columns]], ignore_index=True)
    wide = parts.pivot_table(
        index=[*keys, code, title],
        columns="period",
        values="value_usd",
        aggfunc="sum",
        fill_value=0.0,
    ).reindex(columns=list(dict.fromkeys([base_period, period])), fill_value=0.0)
    wide = wide.assign(base_value_usd=wide[base_period], value_usd=wide[period])
    wide = wide.drop(columns=list({base_period, period})).reset_index()
    wide.columns.name = None
    both = wide.groupby(PAIR)["flow"].transform("nunique").eq(2)
    turnover = (
        wide[both]
        .groupby([*PAIR, code, title], as_index=False)[["base_value_usd", "value_usd"]]
        .sum()
    )
    wide = pd.concat([wide, turnover.assign(flow="turnover")], ignore_index=True)
    result = _add_changes(wide, keys, code)
    if base_period == period:  # levels and shares only: there is no change to break down
        result[["change_usd", "change_pct", "contribution_pp", "turnover_contribution_pp"]] = np.nan
    return result


def _add_changes(wide: pd.DataFrame, keys: list[str], code: str) -> pd.DataFrame:
    """Add changes, contributions and shares to composition levels; sort in reading order."""
    flow_base = wide.groupby(keys)["base_value_usd"].transform("sum")
    flow_now = wide.groupby(keys)["value_usd"].transform("sum")
    turnover = wide[wide["flow"].eq("turnover")].groupby(PAIR)["base_value_usd"].sum()
    turnover_base = wide.join(turnover.rename("_base"), on=PAIR)["_base"]
    wide["change_usd"] = wide["value_usd"] - wide["base_value_usd"]
    wide["change_pct"] = compute_growth_pct(wide["base_value_usd"], wide["value_usd"])
    wide["contribution_pp"] = wide["change_usd"] / flow_base.where(flow_base != 0) * 100.0
    wide["turnover_contribution_pp"] = (
        wide["change_usd"] / turnover_base.where(turnover_base != 0) * 100.0
    )
    wide["share_pct"] = wide["value_usd"] / flow_now.where(flow_now != 0) * 100.0
    order = {c: i for i, c in enumerate(dict.fromkeys(load_hs_sections()[code]))}
    order |= {OTHER: len(order), UNALLOCATED: len(order) + 1}
    if code == "hs_chapter":
        order |= {"98": 98, "99": 99, UNALLOCATED: 100}
    wide = wide.assign(_flow=wide["flow"].map(_FLOW_ORDER), _code=wide[code].map(order))
    wide = wide.sort_values([*PAIR, "_flow", "_code"], ignore_index=True)
    columns = [
        *PAIR,
        "flow",
        code,
        f"{code}_title",
        "base_value_usd",
        "value_usd",
        "change_usd",
        "change_pct",
        "contribution_pp",
        "turnover_contribution_pp",
        "share_pct",
    ]
    return wide[columns]


def top_movers(composition: pd.DataFrame, flow: str = "turnover", n: int = 5) -> pd.DataFrame:
    """The ``n`` parts of a flow whose value changed most (by absolute change in US$), per pair.

    Args:
        composition: Output of :func:`compute_composition`.
        flow: exports, imports or turnover.
        n: How many rows per pair.

    Returns:
        The chosen rows of ``composition``, largest absolute ``change_usd`` first.
    """
    rows = composition[composition["flow"].eq(flow)]
    rows = rows.assign(_size=rows["change_usd"].abs()).sort_values(
        [*PAIR, "_size"], ascending=[True, True, False], kind="stable"
    )
    return rows.groupby(PAIR).head(n).drop(columns="_size").reset_index(drop=True)
