"""The report's sections, built from loaded sources: each a list of texts, tables and charts.

Section keys and titles are :data:`analysis.report.model.SECTION_TITLES`; a section that cannot be
built says why in one ``not_covered`` line. The official statistics are the UK's (ONS); the pair's
other country is the counterpart, and flows are named from the side of whoever reports them.
"""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.mirror import GAP_CONVENTION
from analysis.report import (
    about,
    charts,
    files_sections,
    monthly_section,
    prose,
    sources_text,
    tables,
    text_tables,
)
from analysis.report.formatting import capitalised, country_name, format_pct
from analysis.report.model import OFFICIAL_ISO3, SECTION_TITLES, Section, Table, Text

OFFICIAL = "the UK's statistics"
NO_TEXT = "No news text was given for this pair: this report is official statistics only."


@dataclass(frozen=True)
class Context:
    """What several sections share: names, periods, the official rows and their changes."""

    sources: object  # analysis.report.data.Sources
    reporter: str
    partner: str
    uk: str
    counterpart_iso3: str
    counterpart: str
    periods: list[str]
    official_rows: pd.DataFrame
    partner_rows: pd.DataFrame
    changes: pd.DataFrame
    gbp_changes: pd.DataFrame
    wide: pd.DataFrame
    ons_caption: str


def _with_periods(frame: pd.DataFrame, base: str, period: str) -> pd.DataFrame:
    frame.attrs = {"base": base, "period": period}
    return frame


def _context(sources) -> Context:
    i = sources.inputs
    names = {**sources.names, OFFICIAL_ISO3: "the UK"}
    counterpart = i.partner_iso3 if i.reporter_iso3 == OFFICIAL_ISO3 else i.reporter_iso3
    periods = [i.base_period, i.period]
    partner_rows = sources.ons_rows(counterpart)
    rows = partner_rows[partner_rows["period"].isin(periods)].reset_index(drop=True)
    wide, changes = tables.compute_pair_changes(rows, i.base_period, i.period)
    _, gbp = tables.compute_pair_changes(rows.assign(value_usd=rows["value_gbp"]), *periods)
    return Context(
        sources,
        country_name(i.reporter_iso3, names),
        country_name(i.partner_iso3, names),
        country_name(OFFICIAL_ISO3, names),
        counterpart,
        country_name(counterpart, names),
        periods,
        rows,
        partner_rows,
        _with_periods(changes, *periods),
        _with_periods(gbp, *periods),
        wide,
        sources_text.caption(sources_text.ONS_ANNUAL_SERIES, Path(i.ons_path).name)
        + "; US$ at the year's average H.10 rate",
    )


@dataclass(frozen=True)
class TextFindings:
    """The text's checked figures and, when it covers the pair, its comparison with the ONS."""

    name: str
    corrected: object
    as_written: object
    stated: pd.DataFrame
    missing: list[str]
    changes: pd.DataFrame | None = None
    wide: pd.DataFrame | None = None
    comparison: pd.DataFrame | None = None
    growth: pd.DataFrame | None = None
    stated_claim: float | None = None


def _text_findings(ctx: Context, checked: tuple | None) -> TextFindings | None:
    document = ctx.sources.document
    if document is None:
        return None
    i = ctx.sources.inputs
    corrected, as_written = checked
    stated = tables.build_stated_trade_table(corrected.figures, i.reporter_iso3, i.partner_iso3)
    missing = tables.find_missing_flows(stated, ctx.periods)
    if missing:
        return TextFindings(document.name, corrected, as_written, stated, missing)
    wide, changes = tables.compute_pair_changes(stated, *ctx.periods)
    comparison = tables.compare_text_with_official(stated, ctx.official_rows, ctx.periods)
    claims = corrected.claims
    turnover = claims[
        claims["kind"].eq("pct_change")
        & claims["flow"].eq("turnover")
        & claims["period"].eq(i.period)
    ]
    return TextFindings(
        document.name,
        corrected,
        as_written,
        stated,
        missing,
        _with_periods(changes, *ctx.periods),
        wide,
        comparison,
        tables.compare_growth(comparison, *ctx.periods),
        float(turnover["stated"].iat[0]) if len(turnover) else None,
    )


def build_sections(sources, checked: tuple | None) -> list[Section]:
    """Every section of the report, in reading order.

    Args:
        sources: Loaded sources (:class:`analysis.report.data.Sources`).
        checked: The text's claims checked with and without corrections (``(corrected,
            as_written)`` reconciliations), or None without a text.

    Returns:
        The sections (keys of ``SECTION_TITLES``).
    """
    ctx = _context(sources)
    text = _text_findings(ctx, checked)
    timing = monthly_section.build_timing(ctx)
    spike = timing.headline_clause if timing else ""
    label = prose.pair_label(ctx.reporter, ctx.partner)
    headline = prose.write_headline(ctx.changes, ctx.uk, ctx.counterpart, OFFICIAL, spike, label)
    return [
        _section("headline", Text((headline,), "headline")),
        _section("summary", Text(tuple(_summary(ctx, text, timing)), "list")),
        _section("meaning", Text(tuple(_meaning(ctx, text, timing)))),
        _official_section(ctx),
        monthly_section.build_section(ctx, timing),
        _text_section(text),
        _comparison_section(ctx, text),
        *_files_sections(ctx),
        _reasons_section(ctx, text),
        _section("conclusion", Text(tuple(_conclusion(ctx, text, timing)))),
        about.build_about(ctx.sources),
    ]


def _section(key: str, *blocks) -> Section:
    return Section(key, SECTION_TITLES[key], tuple(blocks))


def _not_covered(key: str, why: str) -> Section:
    return Section(key, SECTION_TITLES[key], not_covered=why)


def _summary(ctx: Context, text: TextFindings | None, timing) -> list[str]:
    sentences = prose.write_change_sentences(
        ctx.changes, ctx.gbp_changes, ctx.uk, ctx.counterpart, OFFICIAL + " (ONS, annual)"
    )
    sentences += timing.summary if timing else []
    if text is None:
        sentences.append(NO_TEXT)
    elif text.missing:
        sentences.append(_text_missing(ctx, text))
    else:
        sentences.append(
            prose.write_text_sentence(text.changes, ctx.changes, text.stated_claim, OFFICIAL)
        )
    if text is not None:
        sentences += prose.write_correction_sentences(
            text.corrected.corrections, text.as_written.claims, text.corrected.claims
        )
    return sentences


def _text_missing(ctx: Context, text: TextFindings) -> str:
    return (
        f"The text given ({text.name}) does not state {ctx.reporter}'s goods trade with "
        f"{ctx.partner} for both flows and years ({', '.join(text.missing)} missing), so it is "
        "checked on its own figures only and not compared with the official statistics."
    )


def _meaning(ctx: Context, text: TextFindings | None, timing) -> list[str]:
    paragraphs = [prose.write_driver_sentence(ctx.changes, ctx.uk, ctx.counterpart)]
    paragraphs += timing.meaning if timing else []
    if text is not None and not text.missing:
        reporter, partner = ctx.reporter, ctx.partner
        paragraphs.append(prose.write_agreement_sentence(text.growth, reporter, partner))
        paragraphs.append(prose.write_slip_effect(text.stated, *ctx.periods))
    return [p for p in paragraphs if p]


def _conclusion(ctx: Context, text: TextFindings | None, timing) -> list[str]:
    turnover = ctx.changes.set_index("flow").loc["turnover"]
    flow, words = prose.find_driver(ctx.changes)
    first = (
        f"{capitalised(OFFICIAL)} show {prose.trade_words(ctx.uk, ctx.counterpart)} changing "
        f"{format_pct(turnover['change_pct'])} from {ctx.periods[0]} to {ctx.periods[1]}"
        + (
            f", {words} of it in {prose.flow_words(flow, ctx.uk, ctx.counterpart)}."
            if words
            else "."
        )
    )
    lines = [first, *(timing.conclusion if timing else [])]
    if text is not None and not text.missing:
        t = text.changes.set_index("flow").at["turnover", "change_pct"]
        fixes = len(text.corrected.corrections)
        lines.append(
            f"The article's figures give {format_pct(t)}"
            + (
                f" once {_count_words(fixes, 'slip')} {'are' if fixes > 1 else 'is'} corrected"
                if fixes
                else ""
            )
            + f"; the direction matches the official statistics, the size differs by "
            f"{abs(t - turnover['change_pct']):.1f} percentage points."
            if (t < 0) == (turnover["change_pct"] < 0)
            else f"The article's figures give {format_pct(t)}, against the official direction."
        )
    return lines


def _count_words(n: int, noun: str) -> str:
    number = {1: "one", 2: "two", 3: "three"}.get(n, str(n))
    return f"{number} {noun}{'s' if n > 1 else ''}"


def _official_section(ctx: Context) -> Section:
    i = ctx.sources.inputs
    uk_levels = ctx.official_rows[["period", "flow", "value_gbp", "usd_per_gbp", "value_usd"]]
    caption_side = f"flows from the UK's side: UK exports to and imports from {ctx.counterpart}"
    bridge = charts.plot_bridge(
        ctx.changes,
        i.base_period,
        i.period,
        f"UK goods trade with {ctx.counterpart}, {i.base_period} to {i.period}: what each flow "
        "added (US$ m)",
        ctx.ons_caption,
    )
    return _section(
        "official",
        Text(
            (
                f"The UK's own figures for its goods trade with {ctx.counterpart}: "
                + sources_text.VALUATION["ons_annual"],
            )
        ),
        Table(
            "uk-annual-trade",
            0,
            f"UK goods trade with {ctx.counterpart} ({caption_side})",
            ctx.ons_caption,
            uk_levels.reset_index(drop=True),
            {"value_usd": 0},
        ),
        Table(
            "uk-annual-changes",
            0,
            f"Change {i.base_period} to {i.period} and each flow's contribution to turnover's "
            "change (percentage points of base-year turnover; the two flows add up to turnover's "
            "change)",
            ctx.ons_caption,
            ctx.changes[tables.CHANGE_COLUMNS],
            {c: 0 for c in ("base_value_usd", "value_usd", "change_usd")},
        ),
        Table(
            "uk-annual-balance",
            0,
            "Levels, balance (exports − imports) and coverage ratio (exports / imports), UK side",
            ctx.ons_caption,
            ctx.wide[
                [
                    "period",
                    "exports_usd",
                    "imports_usd",
                    "turnover_usd",
                    "balance_usd",
                    "coverage_ratio",
                ]
            ],
            {c: 0 for c in ("exports_usd", "imports_usd", "turnover_usd", "balance_usd")},
        ),
        bridge,
    )


def _text_section(text: TextFindings | None) -> Section:
    if text is None:
        return _not_covered("text", "Not covered: this report has no news text (see In brief).")
    return _section("text", *text_tables.build_text_blocks(text))


def _comparison_section(ctx: Context, text: TextFindings | None) -> Section:
    if text is None:
        return _not_covered("text_vs_official", "Not covered: this report has no news text.")
    if text.missing:
        return _not_covered("text_vs_official", "Not covered: " + _text_missing(ctx, text))
    source = f"{text.name} (after corrections) and {ctx.ons_caption}"
    mirror = ctx.sources.inputs.reporter_iso3 != OFFICIAL_ISO3
    matched = (
        f"the article's figures for {ctx.reporter}'s exports meet UK imports from {ctx.reporter}, "
        "and the reverse"
        if mirror
        else "the same flows meet"
    )
    return _section(
        "text_vs_official",
        Text(
            (
                "Each flow as the article states it beside the UK's annual figure for the same "
                f"trade (ONS, balance-of-payments basis): {matched}. The gap follows the one "
                "convention of this report, with the article in the reporter's place and the UK "
                f"in the partner's: {GAP_CONVENTION}",
            )
        ),
        Table(
            "text-vs-official",
            0,
            "The article's figures and the UK's figures for the same trade",
            source,
            text.comparison,
            {"official_value_usd": 0, "gap_usd": 0},
        ),
        Table(
            "text-vs-official-growth",
            0,
            "Each flow's change in the article and in the UK's figures "
            "(US$; in £ too, free of exchange-rate moves)",
            source,
            text.growth,
        ),
        Text((prose.write_agreement_sentence(text.growth, ctx.reporter, ctx.partner),)),
        charts.plot_mirror(
            text.comparison,
            "As the article states",
            "UK figures (ONS)",
            "The article's figures and the UK's figures for the same trade (US$ m)",
            source,
        ),
    )


def _files_sections(ctx: Context) -> list[Section]:
    return files_sections.build_files_sections(ctx)


def _reasons_section(ctx: Context, text: TextFindings | None) -> Section:
    kinds = ["ons_annual"]
    kinds += ["ons_monthly"] if ctx.sources.monthly is not None else []
    kinds += ["text"] if text is not None else []
    kinds += ["files"] if ctx.sources.trade is not None else []
    return _section(
        "mirror_reasons",
        Text(("How each source in this report values trade:",)),
        Text(tuple(sources_text.VALUATION[k] for k in kinds), "list"),
        Text(
            (
                "Two sources' figures for the same trade rarely match. The usual reasons are "
                "listed below as possibilities; this report does not establish which of them "
                "explain a given gap.",
            )
        ),
        Text(sources_text.MIRROR_REASONS, "list"),
    )
