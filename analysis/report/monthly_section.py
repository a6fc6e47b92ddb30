"""The section "When the change happened": the UK's monthly trade in goods with the partner.

Built on :func:`analysis.monthly.compute_monthly_story` in pounds (the monthly file's unit, whole £
millions): the base year's concentration, the shift month and the split at it, and the annual sums
of the months beside the annual balance-of-payments figures (two bases, said plainly).
"""

from dataclasses import dataclass

import pandas as pd

from analysis.report import charts, prose, sources_text
from analysis.report.formatting import capitalised, format_gbp_m, format_pct, format_table
from analysis.report.model import SECTION_TITLES, Section, Table, Text

RULE_REF = f"by the shift rule in {prose.LDQ}{SECTION_TITLES['monthly']}{prose.RDQ}"
MAX_SPIKE_MONTHS = 3  # a year whose half sits in this many months or fewer is "concentrated"


@dataclass(frozen=True)
class Timing:
    """Monthly findings the other sections quote: sentences and the headline's clause."""

    headline_clause: str
    summary: list[str]
    meaning: list[str]
    conclusion: list[str]
    section: Section


def month_words(months: tuple[str, ...] | list[str]) -> str:
    """Months in words: ("2022-02", "2022-03") → "Feb–Mar 2022"; others joined by commas.

    Args:
        months: "YYYY-MM" in calendar order.

    Returns:
        The words.
    """
    periods = [pd.Period(m, freq="M") for m in months]
    if not periods:
        return ""
    consecutive = all(
        b.ordinal - a.ordinal == 1 for a, b in zip(periods, periods[1:], strict=False)
    )
    if len(periods) > 1 and consecutive and periods[0].year == periods[-1].year:
        return f"{periods[0]:%b}\N{EN DASH}{periods[-1]:%b %Y}"
    return ", ".join(f"{p:%b %Y}" for p in periods)


def range_words(first: str, last: str) -> str:
    """A span of months in words: ("2022-01", "2022-07") → "Jan–Jul 2022".

    Args:
        first: First month, "YYYY-MM".
        last: Last month.

    Returns:
        The words.
    """
    if first == last:
        return month_words([first])
    start, end = pd.Period(first, freq="M"), pd.Period(last, freq="M")
    if start.year == end.year:
        return f"{start:%b}\N{EN DASH}{end:%b %Y}"
    return f"{start:%b %Y}\N{EN DASH}{end:%b %Y}"


def build_timing(ctx) -> Timing | None:
    """The monthly findings for the pair, or None without the monthly file.

    Args:
        ctx: :class:`analysis.report.sections.Context`.

    Returns:
        The timing; None when no monthly file was given.

    Raises:
        Nothing for a partner the file lacks: the section then says why it is not covered.
    """
    from analysis.monthly import MonthlyDataError, compute_monthly_story

    monthly = ctx.sources.monthly
    if monthly is None:
        return None
    base, period = ctx.periods
    try:
        story = compute_monthly_story(
            monthly, ctx.partner_rows, ctx.counterpart_iso3, base, period, value_column="value_gbp"
        )
    except MonthlyDataError as error:
        return Timing("", [], [], [], _not_covered(f"the monthly file cannot show this: {error}."))
    return _timing(ctx, story)


def _not_covered(why: str) -> Section:
    return Section("monthly", SECTION_TITLES["monthly"], not_covered=f"Not covered: {why}")


def build_section(ctx, timing: Timing | None) -> Section:
    """The section, or a not-covered note.

    Args:
        ctx: The sections' context.
        timing: From :func:`build_timing`.

    Returns:
        The section.
    """
    if timing is None:
        return _not_covered("no monthly file was given.")
    return timing.section


def _timing(ctx, story) -> Timing:
    uk, other = ctx.uk, ctx.counterpart
    base, period = story.base_year, story.period_year
    sums = story.months.groupby(["flow", story.months["period"].str[:4]])["value_gbp"].sum()
    moved = {
        f: abs(sums.get((f, period), 0.0) - sums.get((f, base), 0.0))
        for f in ("exports", "imports")
    }
    flow = max(moved, key=moved.get)
    words = prose.flow_words(flow, uk, other)
    conc = story.concentration.set_index("flow").loc[flow]
    shift = story.shift.set_index("flow").loc[flow]
    split = story.split[story.split["flow"].eq(flow)]
    summary, clause, meaning = [], "", []
    spike = 0 < conc["month_count"] <= MAX_SPIKE_MONTHS
    if spike:
        share = format_pct(conc["share_pct"], plus=False, decimals=0)
        summary.append(
            f"In the ONS monthly series, {_count(conc['month_count'])}, "
            f"{month_words(conc['months'])}, hold {share} of {words} in {base} "
            f"({format_gbp_m(conc['months_value_gbp'])} of {format_gbp_m(conc['year_value_gbp'])})."
        )
    elif conc["month_count"] > 0:
        summary.append(
            f"In the ONS monthly series, {words} in {base} were spread across the year: it takes "
            f"{_count(conc['month_count'])} to reach half of the year's "
            f"{format_gbp_m(conc['year_value_gbp'])}."
        )
    month = shift["shift_month"]
    if month:
        parts = split[split["year"].eq(month[:4])].set_index("part")
        pieces = []
        if "before_shift" in parts.index:
            before = parts.loc["before_shift"]
            pieces.append(
                f"{_mean_words(before)} a month in "
                f"{range_words(before['first_month'], before['last_month'])}"
            )
        if "from_shift" in parts.index:
            after = parts.loc["from_shift"]
            pieces.append(
                f"{_mean_words(after)} from {month_words([month])} to "
                f"{month_words([after['last_month']])}"
            )
        whole = _year(split, period)
        summary.append(
            f"{capitalised(words)} averaged {' and '.join(pieces)} ({period}: "
            f"{_mean_words(whole)} a month); {RULE_REF}, the level shifted in "
            f"{month_words([month])}."
        )
        if month[:4] == base:
            meaning.append(
                f"When it happened: the level of {words} had already dropped in "
                f"{month_words([month])}, before {period} began; the annual change compares "
                f"{period} with a base year "
                + (
                    f"whose value sat in {month_words(conc['months'])}."
                    if spike
                    else "that was high until then."
                )
            )
        if spike and shift["direction"] == "fall":
            clause = f"the end of a spike in {month_words(conc['months'])}"
    else:
        summary.append(
            f"No month marks a lasting shift in {words} between {base} and {period} ({RULE_REF})."
        )
    conclusion = (
        [f"In time, it is the end of a spike: {summary[0][0].lower()}{summary[0][1:]}"]
        if clause
        else summary[-1:]
    )
    return Timing(clause, summary, meaning, conclusion, _section(ctx, story, flow, summary))


def _part_words(row) -> str:
    months = range_words(row.first_month, row.last_month)
    return {
        "before_shift": f"{months}, before the shift",
        "from_shift": f"{months}, from the shift",
    }.get(row.part, f"{months}, whole year")


def _count(n: int) -> str:
    return {1: "one month", 2: "two months", 3: "three months"}.get(int(n), f"{int(n)} months")


def _mean_words(rows: pd.DataFrame | pd.Series) -> str:
    return format_gbp_m(rows["value_gbp"].sum() / rows["month_count"].sum())


def _year(split: pd.DataFrame, year: str) -> pd.DataFrame:
    return split[split["year"].eq(year)]


def _section(ctx, story, flow: str, summary: list[str]) -> Section:
    from analysis.monthly import ANNUAL_BASIS, BASIS_GAP_REASONS, BASIS_LABELS, SHIFT_RULE

    monthly_basis, annual_basis = (
        BASIS_LABELS[story.months["basis"].iat[0]],
        BASIS_LABELS[ANNUAL_BASIS],
    )
    bases_note = (
        f"The two ONS series are on different bases: {monthly_basis}, and {annual_basis}, so "
        f"their annual figures need not agree. Possible reasons for a gap include "
        f"{', '.join(BASIS_GAP_REASONS[:-1])} and {BASIS_GAP_REASONS[-1]}; this report does not "
        "establish which apply."
        + (
            " Every comparison with the text uses the annual series."
            if ctx.sources.document
            else ""
        )
    )

    months = story.months
    wide = months.pivot_table(index="period", columns="flow", values=["value_gbp", "value_usd"])
    table = pd.DataFrame(
        {
            "month": wide.index,
            "exports_gbp": wide[("value_gbp", "exports")].to_numpy(),
            "imports_gbp": wide[("value_gbp", "imports")].to_numpy(),
            "exports_usd": wide[("value_usd", "exports")].to_numpy(),
            "imports_usd": wide[("value_usd", "imports")].to_numpy(),
        }
    )
    source = sources_text.caption(sources_text.ONS_MONTHLY_SERIES, months["file"].iat[0])
    first, last = months["period"].min(), months["period"].max()
    split = story.split.drop(columns=["reporter_iso3", "partner_iso3"])
    shown_split = format_table(split, {"value_gbp": 0, "monthly_mean_gbp": 0})
    shown_split["part"] = [_part_words(r) for r in split.itertuples()]
    shown_split = shown_split.drop(columns=["first month", "last month"])
    bases = story.bases[["flow", "year", "monthly_sum_gbp", "annual_bop_gbp", "gap_gbp", "gap_pct"]]
    chart = charts.plot_monthly(
        table,
        story.shift.set_index("flow")["shift_month"].to_dict(),
        f"UK goods trade with {ctx.counterpart}, by month, {month_words([first])} to "
        f"{month_words([last])} (£ m)",
        source,
    )
    flows = f"UK exports to and imports from {ctx.counterpart}"
    return Section(
        "monthly",
        SECTION_TITLES["monthly"],
        (
            Text(
                (
                    f"The annual figures above do not say when in the year trade moved. The ONS "
                    f"monthly series of {flows} does (in whole £ millions, as published; US$ at "
                    "each month's average H.10 rate in the tables).",
                    *summary,
                )
            ),
            chart,
            Table(
                "monthly",
                0,
                f"{capitalised(flows)}, by month",
                source,
                table,
                {"exports_usd": 0, "imports_usd": 0},
            ),
            Text((f"How the shift month is found: {SHIFT_RULE}",), "note"),
            Table(
                "monthly-split",
                0,
                "Each year, split at the shift month where it falls inside it",
                source,
                split,
                {"value_gbp": 0, "monthly_mean_gbp": 0},
                display=shown_split,
            ),
            Text((bases_note,)),
            Table(
                "monthly-vs-annual",
                0,
                f"Two bases: {monthly_basis}, beside {annual_basis}, £",
                f"{source}; {ctx.ons_caption}",
                bases,
            ),
        ),
    )
