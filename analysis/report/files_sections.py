"""Sections from official trade files (Comtrade+, IMF, tidy CSV): composition, two-sided mirror."""

from pathlib import Path

from analysis.mirror import GAP_CONVENTION
from analysis.report import charts, prose, tables
from analysis.report.formatting import capitalised
from analysis.report.model import SECTION_TITLES, Section, Table, Text

FILES_HINT = "add the reporter's and the partner's files with --trade-file PATH (repeatable)"


def build_files_sections(ctx) -> list[Section]:
    """The composition and files-mirror sections, or why they are not covered.

    Args:
        ctx: :class:`analysis.report.sections.Context`.

    Returns:
        Two sections (``composition``, ``files_mirror``).
    """
    i, trade = ctx.sources.inputs, ctx.sources.trade

    def missing(why: str) -> list[Section]:
        return [
            Section(key, SECTION_TITLES[key], not_covered=f"Not covered: {why}.")
            for key in ("composition", "files_mirror")
        ]

    if trade is None:
        return missing(f"no official trade file was given; {FILES_HINT}")
    summary = tables.summarize_trade_files(trade, i.reporter_iso3, i.partner_iso3, *ctx.periods)
    names = ", ".join(Path(p).name for p in i.trade_files)
    if summary.missing:
        return missing(f"the files given ({names}) do not cover the pair: {summary.missing}")
    pairs = trade[["file", "source"]].drop_duplicates()
    source = "; ".join(
        f"{src}, file {file}" for file, src in zip(pairs["file"], pairs["source"], strict=True)
    )
    return [_composition(ctx, summary, source), _mirror(ctx, summary, source)]


def _composition(ctx, summary: tables.FilesSummary, source: str) -> Section:
    key = "composition"
    if summary.by_section.empty:
        return Section(
            key,
            SECTION_TITLES[key],
            not_covered=f"Not covered: the files give {ctx.reporter}'s totals with {ctx.partner} "
            "but no detail by commodity (HS chapters).",
        )
    flows = set(summary.by_section["flow"])
    flow = next(f for f in ("turnover", "exports", "imports") if f in flows)
    return Section(
        key,
        SECTION_TITLES[key],
        (
            Text(
                (
                    f"From {ctx.reporter}'s own statistics in the files: each HS section's "
                    "contribution to the change of exports, imports and turnover, in percentage "
                    "points of the flow's base-year value ('unallocated' is the part of a total no "
                    "commodity row accounts for).",
                )
            ),
            Table(
                "hs-sections",
                0,
                "Contributions by HS section",
                source,
                tables.build_section_contributions(summary.by_section),
            ),
            Table(
                "hs-top-movers",
                0,
                f"The HS sections whose {flow} changed most (US$)",
                source,
                tables.build_top_movers(summary.by_section, flow),
            ),
            charts.plot_section_contributions(
                summary.by_section,
                f"What each HS section added to the change in {ctx.reporter}'s {flow} with "
                f"{ctx.partner}, {ctx.periods[0]} to {ctx.periods[1]}",
                source,
            ),
        ),
    )


def _mirror(ctx, summary: tables.FilesSummary, source: str) -> Section:
    key = "files_mirror"
    if summary.mirror.empty:
        return Section(
            key,
            SECTION_TITLES[key],
            not_covered=f"Not covered: the files hold no figures reported by {ctx.partner} for "
            f"its trade with {ctx.reporter}; add {ctx.partner}'s own file.",
        )
    stated_before = ctx.sources.document is not None
    lead = (
        f"{capitalised(prose.flow_words('exports', ctx.reporter, ctx.partner))} beside "
        f"{ctx.partner}'s imports from {ctx.reporter}, and the reverse, each from its own "
        "statistics. "
    )
    return Section(
        key,
        SECTION_TITLES[key],
        (
            Text(
                (
                    lead
                    + (
                        "The gap follows the convention stated above."
                        if stated_before
                        else GAP_CONVENTION
                    ),
                )
            ),
            Table(
                "files-mirror",
                0,
                f"{ctx.reporter}'s figures and {ctx.partner}'s mirror figures",
                source,
                summary.mirror,
            ),
        ),
    )
