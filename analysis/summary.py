"""Headline numbers, report tables and plain-words sentences, computed from the loaded tables.

Every function here takes tables the loaders, the reconciliation and the maths produce and returns a
table or text; the notebooks only call them. Money is in US dollars (floats) in tables, and written
as "$1.18 billion" / "$702.0 million" in text. HTML built here escapes every piece of document text.
"""

import html
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pycountry

from analysis import maths
from analysis.loaders.schema import ALL_GOODS, TRADE_COLUMNS

UK_ISO3 = "GBR"
MINUS = "\N{MINUS SIGN}"
H10_CREDIT = (
    "Exchange rates: Board of Governors of the Federal Reserve System, H.10 release, series "
    "DEXUSUK (US dollars per pound, daily noon buying rates in New York, as distributed by "
    "FRED); annual averages of the daily rates, days without a rate skipped. Public domain."
)
_LABELS = {
    "uk_change_pct": "UK change in US$ (%)",
    "uk_change_gbp_pct": "UK change in £ (%)",
    "stated_change_pct": "stated change (%)",
    "hs_section": "HS section",
    "hs_section_title": "title",
    "reporter_iso3": "reporter",
    "partner_iso3": "partner",
    "commodity_code": "commodity",
}


def country_name(iso3: str, names: dict[str, str] | None = None) -> str:
    """A country's short English name for running text ("Kazakhstan", "the United Kingdom").

    Args:
        iso3: ISO 3166 alpha-3 code (or XKX for Kosovo, WLD for the world).
        names: Names that win over pycountry's (e.g. the ONS file's partner names).

    Returns:
        The name, with "the" where English needs it; the code itself when unknown.
    """
    if names and iso3 in names:
        name = names[iso3]
    else:
        country = pycountry.countries.get(alpha_3=iso3)
        name = getattr(country, "common_name", None) or (country.name if country else iso3)
    needs_article = name.startswith(
        ("United ", "Republic", "Czech Republic", "Dominican")
    ) or name.endswith(
        ("Islands", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Emirates")
    )
    return f"the {name}" if needs_article else name


def write_mirror_note(country: str) -> str:
    """Why the UK's figures and a partner's mirror figures differ, in plain words.

    Args:
        country: The partner's name for running text ("Kazakhstan", "the United States").

    Returns:
        One paragraph naming the known reasons (basis, valuation, seasonal adjustment, timing,
        partner attribution, currency conversion).
    """
    their = f"{country}'s" if not country.endswith("s") else f"{country}'"
    return (
        "Mirror figures rarely match, for known reasons. (1) Basis: the ONS figures are on a "
        "balance-of-payments basis (change of ownership, adjusted for goods that cross no border or"
        f" are processed abroad), while {their} are usually customs statistics (goods crossing its "
        "border). (2) Valuation: imports are valued CIF (including freight and insurance to the "
        "border), exports FOB, so one country's imports normally exceed its partner's exports. (3) "
        "The ONS series is seasonally adjusted; annual totals of adjusted and unadjusted series can"
        " differ. (4) Timing: goods shipped in December may be recorded in January by the importer."
        f" (5) Partner attribution: the UK records imports by country of origin, {country} its "
        "exports by country of destination; goods routed through third countries (transit, re-"
        "exports, precious metals traded via London) end up under different partners. (6) Currency:"
        " the ONS reports pounds, converted here at the annual average of the Federal Reserve's "
        f"daily H.10 rates, while {country} converts each transaction at the rate of its date. A "
        "gap between mirror figures is therefore not an error in either source."
    )


def capitalised(text: str) -> str:
    """Put the first letter of a text in upper case ("the UK" → "The UK").

    Args:
        text: Any text.

    Returns:
        The text, its first character upper-cased, the rest unchanged.
    """
    return text[:1].upper() + text[1:]


def format_usd(value: float) -> str:
    """Write US dollars in words: ``1.18e9`` → "$1.18 billion", ``7.02e8`` → "$702.0 million".

    Args:
        value: Amount in US dollars (None or NaN allowed).

    Returns:
        Billions with two decimals from $1 billion, else millions with one; a true minus sign;
        "n/a" for None or NaN.
    """
    if value is None or math.isnan(value):
        return "n/a"
    sign = MINUS if value < 0 else ""
    size = abs(value)
    if size >= 1e9:
        return f"{sign}${size / 1e9:.2f} billion"
    return f"{sign}${size / 1e6:.1f} million"


def format_gbp(value: float) -> str:
    """Write pounds as the ONS does: ``1.256e9`` → "£1,256m".

    Args:
        value: Amount in pounds (None or NaN allowed).

    Returns:
        Whole millions of pounds with thousands separators; "n/a" for None or NaN.
    """
    if value is None or math.isnan(value):
        return "n/a"
    return f"{MINUS if value < 0 else ''}£{abs(value) / 1e6:,.0f}m"


def format_pct(value: float, unit: str = "%", signed: bool = True) -> str:
    """Write a number with one decimal, a unit and a true minus sign: ``-35.99`` → "−36.0%".

    Args:
        value: The number, e.g. a change in percent or percentage points (None or NaN allowed).
        unit: Text after the number, e.g. "%" or " percentage points".
        signed: Write "+" before positive numbers (and a minus sign before negative ones);
            False writes the absolute value without a sign.

    Returns:
        The text; "n/a" for None or NaN.
    """
    if value is None or math.isnan(value):
        return "n/a"
    sign = (MINUS if value < 0 else "+") if signed else ""
    return f"{sign}{abs(value):.1f}{unit}"


def counterpart_iso3(reporter_iso3: str, partner_iso3: str) -> str:
    """The country of the pair that is not the United Kingdom (whose official statistics we hold).

    Args:
        reporter_iso3: Reporting country (ISO3).
        partner_iso3: Partner country (ISO3).

    Returns:
        The ISO3 code that is not GBR.

    Raises:
        ValueError: Neither country is GBR, or both are.
    """
    if (reporter_iso3 == UK_ISO3) == (partner_iso3 == UK_ISO3):
        raise ValueError(
            f"the official statistics are the UK's (ONS): one of reporter and partner must be "
            f"{UK_ISO3}, not both; got {reporter_iso3}-{partner_iso3}"
        )
    return partner_iso3 if reporter_iso3 == UK_ISO3 else reporter_iso3


def build_stated_trade_table(
    figures: pd.DataFrame, reporter_iso3: str, partner_iso3: str
) -> pd.DataFrame:
    """The document's export and import figures for one pair as a canonical trade table.

    Uses ``corrected_value_usd`` (the reconciliation's value after slip corrections) when present.
    Figures of one product (``scope`` "commodity", e.g. "wheat exports") are left out. When a flow
    and period are stated twice, the first mention in the text is kept.

    Args:
        figures: The news figures table (optionally with ``corrected_value_usd``).
        reporter_iso3: The reporting country, as the text attributes the flows.
        partner_iso3: Its partner.

    Returns:
        The canonical columns (``commodity_code`` "TOTAL", ``source`` "news text", ``file`` the
        document name) followed by ``figure_id``, ``quote`` and ``stated_value_usd`` (as written).
        Empty when the text states no export or import figure for the pair.
    """
    value = "corrected_value_usd" if "corrected_value_usd" in figures.columns else "value_usd"
    all_goods = figures["scope"].eq("all") if "scope" in figures.columns else True
    rows = figures[
        all_goods
        & figures["flow"].isin(["exports", "imports"])
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


def describe_missing_coverage(
    stated: pd.DataFrame,
    reporter_iso3: str,
    partner_iso3: str,
    periods: Sequence[str],
    names: dict[str, str] | None = None,
) -> str:
    """Say which export/import figures for the pair and periods the document does not state.

    Args:
        stated: Output of :func:`build_stated_trade_table`.
        reporter_iso3: Reporting country.
        partner_iso3: Partner country.
        periods: The periods the report compares.
        names: Country names for the text (see :func:`country_name`).

    Returns:
        "" when exports and imports are stated for every period, else one sentence naming the gaps.
    """
    have = set(zip(stated["period"], stated["flow"], strict=True))
    gaps = [
        f"{flow} {period}"
        for period in periods
        for flow in ("exports", "imports")
        if (period, flow) not in have
    ]
    if not gaps:
        return ""
    return (
        f"The document does not state {country_name(reporter_iso3, names)}'s goods trade with "
        f"{country_name(partner_iso3, names)} as {country_name(reporter_iso3, names)} reports it "
        f"({reporter_iso3}-{partner_iso3}: {', '.join(gaps)}): the parts of this report built "
        f"on the document's figures (the "
        f"change as stated, the mirror comparison) need both flows in both years and are left out."
    )


def compute_stated_changes(
    stated: pd.DataFrame, base_period: str, period: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Levels and changes of the pair's stated trade (turnover = exports + imports).

    Args:
        stated: Output of :func:`build_stated_trade_table`, covering both periods.
        base_period: Earlier period, e.g. "2022".
        period: Compared period, e.g. "2023".

    Returns:
        ``(wide, changes)``: :func:`analysis.maths.pivot_flows` of the two periods and
        :func:`analysis.maths.compute_changes` between them.
    """
    wide = maths.pivot_flows(stated[stated["period"].isin([base_period, period])])
    return wide, maths.compute_changes(wide, base_period, period)


def build_uk_trade_table(
    ons: pd.DataFrame, counterpart: str, periods: Sequence[str]
) -> pd.DataFrame:
    """The UK's own figures for its goods trade with one partner, in pounds and US dollars.

    Args:
        ons: Output of :func:`analysis.loaders.ons.load_ons_trade`.
        counterpart: The UK's partner (ISO3).
        periods: Years to keep.

    Returns:
        Columns ``period``, ``flow`` (UK exports|imports), ``value_gbp`` (£), ``usd_per_gbp``,
        ``value_usd`` (US$), sorted by period then flow; a flow the file lacks is absent.
    """
    rows = ons[ons["partner_iso3"].eq(counterpart) & ons["period"].isin(list(periods))]
    return rows[["period", "flow", "value_gbp", "usd_per_gbp", "value_usd"]].sort_values(
        ["period", "flow"], ignore_index=True
    )


def compute_uk_changes(
    ons: pd.DataFrame, counterpart: str, base_period: str, period: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Levels and changes of the UK's goods trade with one partner, in US dollars.

    Args:
        ons: Output of :func:`analysis.loaders.ons.load_ons_trade` (or its partner's rows).
        counterpart: The UK's partner (ISO3).
        base_period: Earlier year.
        period: Compared year.

    Returns:
        ``(wide, changes)`` as :func:`compute_stated_changes`, from the UK's side (reporter GBR).

    Raises:
        ValueError: The file lacks a period for the partner.
    """
    rows = ons[ons["partner_iso3"].eq(counterpart) & ons["period"].isin([base_period, period])]
    wide = maths.pivot_flows(rows)
    return wide, maths.compute_changes(wide, base_period, period)


def build_mirror_table(
    stated: pd.DataFrame,
    ons: pd.DataFrame,
    reporter_iso3: str,
    partner_iso3: str,
    periods: Sequence[str],
) -> pd.DataFrame:
    """Side by side: the reporter's stated flows and the UK's figures for the same flows.

    When the partner is the UK, the reporter's exports are mirrored by UK imports and its imports
    by UK exports; when the reporter is the UK, the same flows are compared.

    Args:
        stated: Output of :func:`build_stated_trade_table` (may be empty).
        ons: Output of :func:`analysis.loaders.ons.load_ons_trade`.
        reporter_iso3: Reporting country of the stated figures.
        partner_iso3: Its partner; one of the two is GBR.
        periods: Periods to compare.

    Returns:
        One row per reporter-side flow and period: ``flow``, ``period``, ``stated_value_usd``
        (from the
        document after corrections, NaN when not stated), ``uk_flow``, ``uk_value_gbp``,
        ``usd_per_gbp``, ``uk_value_usd``, ``gap_usd`` (UK − stated) and ``gap_pct`` (of stated).

    Raises:
        ValueError: Neither country is GBR.
    """
    counterpart = counterpart_iso3(reporter_iso3, partner_iso3)
    swap = {"exports": "imports", "imports": "exports"} if partner_iso3 == UK_ISO3 else {}
    uk = build_uk_trade_table(ons, counterpart, periods).rename(
        columns={"flow": "uk_flow", "value_gbp": "uk_value_gbp", "value_usd": "uk_value_usd"}
    )
    frame = pd.DataFrame(
        [(flow, p) for flow in ("exports", "imports") for p in periods], columns=["flow", "period"]
    )
    frame["uk_flow"] = frame["flow"].map(lambda f: swap.get(f, f))
    frame = frame.merge(
        stated[["flow", "period", "value_usd"]].rename(columns={"value_usd": "stated_value_usd"}),
        on=["flow", "period"],
        how="left",
    ).merge(uk, on=["uk_flow", "period"], how="left")
    frame["gap_usd"] = frame["uk_value_usd"] - frame["stated_value_usd"]
    frame["gap_pct"] = frame["gap_usd"] / frame["stated_value_usd"] * 100.0
    columns = [
        "flow",
        "period",
        "stated_value_usd",
        "uk_flow",
        "uk_value_gbp",
        "usd_per_gbp",
        "uk_value_usd",
        "gap_usd",
        "gap_pct",
    ]
    return frame[columns].astype(
        {c: float for c in columns if c not in ("flow", "period", "uk_flow")}
    )


def compute_mirror_growth(mirror: pd.DataFrame, base_period: str, period: str) -> pd.DataFrame:
    """Growth of each flow as the document states it and as the UK's mirror figures show it.

    Args:
        mirror: Output of :func:`build_mirror_table`.
        base_period: Earlier period.
        period: Compared period.

    Returns:
        One row per reporter-side flow: ``flow``, ``uk_flow``, ``stated_change_pct``,
        ``uk_change_pct`` (in US$), ``uk_change_gbp_pct`` (in £, free of exchange-rate moves) and
        ``difference_pp`` (UK − stated growth, percentage points).
    """
    by = mirror.set_index(["flow", "period"])
    rows = []
    for flow in ("exports", "imports"):
        base, later = by.loc[(flow, base_period)], by.loc[(flow, period)]
        stated = maths.compute_growth_pct(base["stated_value_usd"], later["stated_value_usd"])
        uk = maths.compute_growth_pct(base["uk_value_usd"], later["uk_value_usd"])
        uk_gbp = maths.compute_growth_pct(base["uk_value_gbp"], later["uk_value_gbp"])
        rows.append((flow, base["uk_flow"], stated, uk, uk_gbp, uk - stated))
    return pd.DataFrame(
        rows,
        columns=[
            "flow",
            "uk_flow",
            "stated_change_pct",
            "uk_change_pct",
            "uk_change_gbp_pct",
            "difference_pp",
        ],
    )


def write_headline(
    reporter_iso3: str, partner_iso3: str, base_period: str, period: str, names: dict[str, str]
) -> str:
    """Write the heading: "Goods trade between Kazakhstan and the United Kingdom, 2022 → 2023".

    Args:
        reporter_iso3: Reporting country (ISO3).
        partner_iso3: Partner country (ISO3).
        base_period: Earlier period.
        period: Compared period.
        names: Country names (see :func:`country_name`).

    Returns:
        The heading text.
    """
    return (
        f"Goods trade between {country_name(reporter_iso3, names)} and "
        f"{country_name(partner_iso3, names)}, {base_period} \N{RIGHTWARDS ARROW} {period}"
    )


def write_decline_sentences(
    changes: pd.DataFrame, wide: pd.DataFrame, reporter: str, partner: str
) -> list[str]:
    """Plain-words sentences on the stated change: size, the flow that drove it, balance, coverage.

    Args:
        changes: Changes from :func:`compute_stated_changes` (or :func:`compute_uk_changes`).
        wide: The matching wide levels (two periods).
        reporter: Reporter's name for the text.
        partner: Partner's name.

    Returns:
        Three sentences.
    """
    by = changes.set_index("flow")
    turnover, exports, imports = by.loc["turnover"], by.loc["exports"], by.loc["imports"]
    base_period, period = sorted(wide["period"])[0], sorted(wide["period"])[-1]
    if pd.isna(turnover["base_value_usd"]) or pd.isna(turnover["value_usd"]):
        return [
            f"{capitalised(reporter)}'s goods trade with {partner}: exports or imports are "
            f"missing for {base_period} or {period}, so the change cannot be computed."
        ]
    if pd.isna(turnover["change_pct"]):
        return [
            f"{capitalised(reporter)}'s goods trade turnover with {partner} was "
            f"{format_usd(turnover['base_value_usd'])} in {base_period} and "
            f"{format_usd(turnover['value_usd'])} in {period} (no growth rate from a zero base)."
        ]
    verb = "fell" if turnover["change_usd"] < 0 else "rose"
    driver, other = (
        (exports, imports)
        if abs(exports["contribution_pp"]) >= abs(imports["contribution_pp"])
        else (imports, exports)
    )
    driver_name = "Exports" if driver is exports else "Imports"
    other_name = "imports" if driver is exports else "exports"
    sentences = [
        f"{capitalised(reporter)}'s goods trade turnover with {partner} {verb} "
        f"{format_pct(turnover['change_pct'], signed=False)}, from "
        f"{format_usd(turnover['base_value_usd'])} in {base_period} to "
        f"{format_usd(turnover['value_usd'])} in {period}.",
        f"{driver_name} drove the change: they contributed "
        f"{format_pct(driver['contribution_pp'], ' percentage points')} "
        f"({format_usd(driver['base_value_usd'])} \N{RIGHTWARDS ARROW} "
        f"{format_usd(driver['value_usd'])}), while {other_name} contributed "
        f"{format_pct(other['contribution_pp'], ' percentage points')} "
        f"({format_usd(other['base_value_usd'])} \N{RIGHTWARDS ARROW} "
        f"{format_usd(other['value_usd'])}).",
    ]
    levels = wide.set_index("period")
    balance = [levels.at[p, "balance_usd"] for p in (base_period, period)]
    coverage = [levels.at[p, "coverage_ratio"] for p in (base_period, period)]
    words = ["a surplus" if b >= 0 else "a deficit" for b in balance]
    covered = (
        (
            "; exports covered imports "
            + " and ".join(
                f"{c:.2f} times in {p}"
                for c, p in zip(coverage, (base_period, period), strict=True)
            )
        )
        if not any(pd.isna(coverage))
        else "; the coverage ratio is undefined (no imports in a year)"
    )
    sentences.append(
        f"{capitalised(reporter)}'s balance went from {words[0]} of {format_usd(abs(balance[0]))} "
        f"to {words[1]} of {format_usd(abs(balance[1]))}{covered}."
    )
    return sentences


def write_correction_sentences(corrections: pd.DataFrame, with_reason: bool = False) -> list[str]:
    """One sentence per corrected slip, quoting the document's words.

    Args:
        corrections: The reconciliation's corrections table.
        with_reason: Add the reconciliation's evidence for the correction.

    Returns:
        Sentences such as 'The text writes “$384.3 billion”; its own figures imply $384.3 million,
        the value this report uses.'
    """
    return [
        f"The text writes \N{LEFT DOUBLE QUOTATION MARK}{row.quote}"
        f"\N{RIGHT DOUBLE QUOTATION MARK}; "
        f"its own figures imply {format_usd(row.suggested_value_usd)}, the value this report uses"
        + (f" ({row.reason})." if with_reason else ".")
        for row in corrections.itertuples()
    ]


def write_mirror_sentences(
    growth: pd.DataFrame,
    mirror: pd.DataFrame,
    reporter: str,
    partner: str,
    base_period: str,
    period: str,
) -> list[str]:
    """Plain-words comparison of the reporter's stated changes with the UK's mirror figures.

    Args:
        growth: Output of :func:`compute_mirror_growth`.
        mirror: Output of :func:`build_mirror_table`.
        reporter: Reporter's name.
        partner: Partner's name.
        base_period: Earlier period.
        period: Compared period.

    Returns:
        One sentence per flow the document states in both periods.
    """
    sentences = []
    levels = mirror.set_index(["flow", "period"])
    for row in growth.itertuples():
        if math.isnan(row.stated_change_pct) or math.isnan(row.uk_change_pct):
            continue
        same = (row.stated_change_pct < 0) == (row.uk_change_pct < 0)
        uk_gbp = [levels.at[(row.flow, p), "uk_value_gbp"] for p in (base_period, period)]
        if same:
            move = "fall" if row.uk_change_pct < 0 else "rise"
            size = "larger" if abs(row.uk_change_pct) > abs(row.stated_change_pct) else "smaller"
            meaning = (
                f"both sources show a {move}, the UK's {abs(row.difference_pp):.1f} percentage "
                f"points {size}, so the direction does not depend on whose statistics are read."
            )
        else:
            meaning = (
                "the two sources disagree on the direction; treat the stated change with caution."
            )
        sentences.append(
            f"{capitalised(reporter)} reports its {row.flow} "
            f"{'to' if row.flow == 'exports' else 'from'} {partner} changed "
            f"{format_pct(row.stated_change_pct)}; the UK's own statistics for the "
            f"same trade (UK {row.uk_flow}, {format_gbp(uk_gbp[0])} \N{RIGHTWARDS ARROW} "
            f"{format_gbp(uk_gbp[1])}) show {format_pct(row.uk_change_gbp_pct)} in pounds and "
            f"{format_pct(row.uk_change_pct)} in US dollars: {meaning}"
        )
    return sentences


def render_paragraphs_html(sentences: Iterable[str], css_class: str = "summary") -> str:
    """Render sentences as an HTML bullet list, each HTML-escaped (document text is untrusted).

    Args:
        sentences: Plain-text sentences.
        css_class: Class of the ``<ul>`` element.

    Returns:
        The ``<ul>`` element as HTML.
    """
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
    return f'<ul class="{html.escape(css_class)}">{items}</ul>'


def render_table_html(table: pd.DataFrame, source: str = "") -> str:
    """A display table as escaped HTML, with an optional source line under it.

    Args:
        table: Any table, already formatted for display (see :func:`format_for_display`).
        source: Where the numbers come from (shown as "Source: …", escaped).

    Returns:
        HTML: ``<table>`` without index, every cell escaped, then a ``<p>`` with the source.
    """
    body = table.to_html(index=False, escape=True, border=0, na_rep="n/a", classes="report-table")
    note = f'<p class="source"><small>Source: {html.escape(source)}</small></p>' if source else ""
    return body + note


def format_for_display(table: pd.DataFrame) -> pd.DataFrame:
    """Format a table for reading: US$ in millions, percentages and points with one decimal.

    Column units decide: ``*_usd`` → "US$ m" (one decimal), ``*_gbp`` → "£ m" (no decimals),
    ``*_pct`` → "%", ``*_pp`` → "pp", ``coverage_ratio`` and ``usd_per_gbp`` keep four decimals
    at most; the column names say the unit ("exports (US$ m)").

    Args:
        table: Columns named with their unit suffix (``value_usd``, ``change_pct``…).

    Returns:
        A new table of strings ("n/a" for missing values).
    """
    shown = {}
    for column in table.columns:
        values = table[column]
        label, fmt = column.replace("_", " "), None
        if column == "usd_per_gbp":
            label, fmt = "US$ per £", "{:.4f}"
        elif column.endswith("_usd"):
            label, fmt = f"{column.removesuffix('_usd').replace('_', ' ')} (US$ m)", "{:,.1f}"
            values = values / 1e6
        elif column.endswith("_gbp"):
            label, fmt = f"{column.removesuffix('_gbp').replace('_', ' ')} (£ m)", "{:,.0f}"
            values = values / 1e6
        elif column == "share_pct":
            label, fmt = "share (%)", "{:.1f}"
        elif column.endswith("_pct"):
            label, fmt = f"{column.removesuffix('_pct').replace('_', ' ')} (%)", "{:+.1f}"
        elif column.endswith("_pp"):
            label, fmt = f"{column.removesuffix('_pp').replace('_', ' ')} (pp)", "{:+.1f}"
        elif column == "coverage_ratio":
            fmt = "{:.2f}"
        elif column == "sha256":  # groups of 16 so that the digest wraps on narrow screens
            values = values.map(lambda v: " ".join(v[i : i + 16] for i in range(0, len(v), 16)))
        if fmt:
            values = values.map(lambda v, f=fmt: "n/a" if pd.isna(v) else f.format(v))
        label = _LABELS.get(column, label.replace("uk ", "UK "))
        shown[label] = values.map(lambda v: "n/a" if v is None else v) if not fmt else values
    return pd.DataFrame(shown)


def select_partner_trade(ons: pd.DataFrame, counterpart: str) -> pd.DataFrame:
    """The UK's rows with one partner, as a plain table (``attrs`` such as exclusions dropped).

    pandas deep-copies ``attrs`` on every operation; the report works on this small table so that
    the loader's list of excluded rows is not copied hundreds of times.

    Args:
        ons: From :func:`analysis.loaders.ons.load_ons_trade`.
        counterpart: The UK's partner (ISO3).

    Returns:
        The partner's rows, every column kept, empty ``attrs``.
    """
    rows = ons[ons["partner_iso3"].eq(counterpart)].reset_index(drop=True)
    rows.attrs = {}
    return rows


def partner_names(ons: pd.DataFrame) -> dict[str, str]:
    """Map ISO3 codes to the ONS file's partner names ("Kazakhstan", "St Helena"), for text.

    Args:
        ons: From :func:`analysis.loaders.ons.load_ons_trade` (or a partner's rows of it).

    Returns:
        ISO3 → partner name, the first name the file gives for each code.
    """
    pairs = ons[["partner_iso3", "partner_name"]].drop_duplicates("partner_iso3")
    return dict(zip(pairs["partner_iso3"], pairs["partner_name"], strict=True))


def describe_sources(files: dict[str, str]) -> pd.DataFrame:
    """The input files of a report with their SHA-256, so every number can be traced to its file.

    Args:
        files: What each file is → its path.

    Returns:
        Columns ``input``, ``file`` (name only) and ``sha256``.

    Raises:
        OSError: A file cannot be read.
    """
    import hashlib

    rows = [
        (label, Path(path).name, hashlib.sha256(Path(path).read_bytes()).hexdigest())
        for label, path in files.items()
    ]
    return pd.DataFrame(rows, columns=["input", "file", "sha256"])


def build_figures_display(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures table as the report shows it: exact quote, what it is, value as stated and used.

    Args:
        figures: The news figures table (optionally with ``corrected_value_usd``).

    Returns:
        Columns ``figure``, ``quote``, ``flow``, ``period``, ``reporter``, ``partner``,
        ``stated (US$ m)``, ``used (US$ m)`` and ``sentence`` (the exact context), as strings.
    """
    table = figures.assign(
        used_value_usd=figures.get("corrected_value_usd", figures["value_usd"]),
        stated_value_usd=figures["value_usd"],
    )[
        [
            "figure_id",
            "quote",
            "flow",
            "period",
            "reporter_iso3",
            "partner_iso3",
            "stated_value_usd",
            "used_value_usd",
            "context",
        ]
    ]
    shown = format_for_display(table)
    return shown.rename(
        columns={
            "figure id": "figure",
            "reporter iso3": "reporter",
            "partner iso3": "partner",
            "context": "sentence",
        }
    )


def _format_claim_value(kind: str, value: float) -> str:
    if value is None or pd.isna(value):
        return "n/a"
    if kind == "total":
        return format_usd(value)
    if kind == "ratio":
        return f"{value:.2f}\N{MULTIPLICATION SIGN}"
    return format_pct(value, " pp" if kind == "pp_change" else "%", signed=kind != "share")


def build_claims_display(claims: pd.DataFrame) -> pd.DataFrame:
    """The checked claims as the report shows them: quote, stated and recomputed values, verdict.

    Args:
        claims: The reconciliation's claims table.

    Returns:
        Columns ``quote``, ``kind``, ``stated``, ``recomputed`` (point and interval), ``verdict``,
        ``explanation``, as strings.
    """
    rows = []
    for row in claims.itertuples():
        recomputed = _format_claim_value(row.kind, row.recomputed)
        if not pd.isna(row.recomputed_low):
            recomputed += (
                f" [{_format_claim_value(row.kind, row.recomputed_low)}, "
                f"{_format_claim_value(row.kind, row.recomputed_high)}]"
            )
        rows.append(
            (
                row.quote,
                row.kind,
                _format_claim_value(row.kind, row.stated),
                recomputed,
                row.verdict,
                row.explanation,
            )
        )
    return pd.DataFrame(
        rows, columns=["quote", "kind", "stated", "recomputed", "verdict", "explanation"]
    )


def compute_flow_shares(wide: pd.DataFrame) -> pd.DataFrame:
    """Exports' and imports' shares of turnover in each period.

    Args:
        wide: Levels from :func:`analysis.maths.pivot_flows` (``period``, ``exports_usd``,
            ``imports_usd``).

    Returns:
        Columns ``period``, ``flow``, ``value_usd`` and ``share_pct`` (percent of the period's
        turnover).
    """
    long = wide.melt(
        id_vars=["period"],
        value_vars=["exports_usd", "imports_usd"],
        var_name="flow",
        value_name="value_usd",
    )
    long["flow"] = long["flow"].str.removesuffix("_usd")
    long = long.sort_values(["period", "flow"], ignore_index=True)
    long["share_pct"] = maths.compute_shares(long, by=["period"])
    return long


def write_summary(
    stated: pd.DataFrame,
    corrections: pd.DataFrame,
    ons: pd.DataFrame,
    reporter_iso3: str,
    partner_iso3: str,
    base_period: str,
    period: str,
) -> list[str]:
    """The report's opening summary in plain words, every number computed from the tables.

    With the document covering the pair and both periods: the change, the flow that drove it,
    balance and coverage, the corrected slips, and what the UK's mirror figures say. Otherwise:
    a sentence saying the document does not cover the pair, then the change in the UK's figures.

    Args:
        stated: From :func:`build_stated_trade_table`.
        corrections: The reconciliation's corrections.
        ons: From :func:`analysis.loaders.ons.load_ons_trade`, or the partner's rows of it
            (:func:`select_partner_trade`, faster).
        reporter_iso3: Reporting country.
        partner_iso3: Partner country (one of the pair is GBR).
        base_period: Earlier year.
        period: Compared year.

    Returns:
        Sentences, in reading order.
    """
    names = partner_names(ons)
    reporter, partner = country_name(reporter_iso3, names), country_name(partner_iso3, names)
    periods = [base_period, period]
    gap = describe_missing_coverage(stated, reporter_iso3, partner_iso3, periods, names)
    counterpart = counterpart_iso3(reporter_iso3, partner_iso3)
    uk_wide, uk_changes = compute_uk_changes(ons, counterpart, base_period, period)
    sentences = []
    if not gap:
        wide, changes = compute_stated_changes(stated, base_period, period)
        decline = write_decline_sentences(changes, wide, reporter, partner)
        sentences += [f"As stated in the document, {decline[0]}", *decline[1:]]
        sentences += write_correction_sentences(corrections)
        mirror = build_mirror_table(stated, ons, reporter_iso3, partner_iso3, periods)
        growth = compute_mirror_growth(mirror, base_period, period)
        sentences += write_mirror_sentences(growth, mirror, reporter, partner, base_period, period)
    else:
        sentences.append(gap)
        sentences += write_correction_sentences(corrections)
    if gap or reporter_iso3 == UK_ISO3:
        uk_sentences = write_decline_sentences(
            uk_changes, uk_wide, "the United Kingdom", country_name(counterpart, names)
        )
        first = uk_sentences[0]
        first = first[0].lower() + first[1:] if first.startswith("The ") else first
        sentences += [
            f"According to the UK's official statistics (ONS, converted to US$), {first}",
            *uk_sentences[1:],
        ]
    return sentences


def render_text_html(text: str, tag: str = "p") -> str:
    """Render one piece of text in an HTML element (``p``, ``h2``…), escaped.

    Args:
        text: Plain text.
        tag: The element's name.

    Returns:
        The element as HTML.
    """
    return f"<{tag}>{html.escape(text)}</{tag}>"


# --- Official trade files (UN Comtrade+, IMF, tidy…): composition by HS section and mirror -------

COMPOSITION_INTRO = (
    "From the reporter's own statistics in the official trade files: each HS section's "
    "contribution to the change of exports, imports and turnover, in percentage points of the "
    "flow's value in the base year (a flow's sections add up to its change in percent; "
    "'unallocated' is the part of a total that no commodity row accounts for). Turnover "
    "contributions include both flows."
)
EXCLUSIONS_INTRO = (
    "Rows of the files left out for this pair, and why (subtotals and breakdowns of a total are "
    "counted once; rows without a value are skipped):"
)
OFFICIAL_FILES_HINT = (
    "add the reporter's and the partner's files from UN Comtrade+, the IMF or a tidy CSV with "
    "--trade-file PATH (repeatable), or the notebook's trade_files parameter"
)


@dataclass(frozen=True)
class OfficialTrade:
    """What official trade files say about one pair: the pieces ``summarize`` computes, as tables.

    ``note`` is one line when the files cannot give the composition and mirror sections (no file
    given, or none covers the pair and periods), and "" otherwise (the tables are then filled).
    ``composition_note`` and ``mirror_note`` say in one line why a part is missing when the files
    cover the pair but lack commodity detail or the partner's own figures. The tables are
    ``summarize``'s ``contributions``, ``by_section`` (empty without commodity detail), ``mirror``
    (empty without the partner's own figures) and ``exclusions`` (rows of the files left out for
    the pair, with the reason), in US$ and percent as their column names say.
    """

    note: str
    files: tuple[str, ...] = ()
    contributions: pd.DataFrame = field(default_factory=pd.DataFrame)
    by_section: pd.DataFrame = field(default_factory=pd.DataFrame)
    mirror: pd.DataFrame = field(default_factory=pd.DataFrame)
    mirror_caveat: str = ""
    exclusions: pd.DataFrame = field(default_factory=pd.DataFrame)
    composition_note: str = ""
    mirror_note: str = ""

    @property
    def composition_flow(self) -> str:
        """The flow top movers rank: turnover when both flows have detail, else the one that has."""
        flows = set(self.by_section["flow"]) if not self.by_section.empty else set()
        return next((f for f in ("turnover", "exports", "imports") if f in flows), "turnover")

    @property
    def source(self) -> str:
        """The source line of the official tables and charts."""
        return f"{', '.join(self.files)} (official trade files; checksums under Sources)"


def load_official_trade(
    files: Sequence[str | Path],
    reporter_iso3: str,
    partner_iso3: str,
    base_period: str,
    period: str,
    names: dict[str, str] | None = None,
) -> OfficialTrade:
    """Load official trade files and summarise them for the report's pair and periods.

    The pieces are those of ``python -m analysis summarize``
    (:func:`analysis.summarize_cli.summarize`): the reporter's own statistics give contributions
    and the composition by HS section; the partner's, when present, the mirror.

    Args:
        files: Trade files of any layout :func:`analysis.loaders.tidy.load_trade_files` reads;
            may be empty.
        reporter_iso3: The report's reporter.
        partner_iso3: Its partner.
        base_period: Earlier period.
        period: Compared period.
        names: Country names for the notes (see :func:`country_name`).

    Returns:
        The summary as tables, or only a one-line ``note`` when there is nothing to show.

    Raises:
        ValueError: A file cannot be read or holds bad data (the loaders' errors).
    """
    shown = tuple(Path(f).name for f in files)
    topic = "Composition by HS section and mirror from official trade files"
    if not files:
        return OfficialTrade(f"{topic}: no file was given; {OFFICIAL_FILES_HINT}.")
    from analysis.loaders.tidy import load_trade_files
    from analysis.summarize_cli import SummarizeInputError, summarize

    reporter, partner = country_name(reporter_iso3, names), country_name(partner_iso3, names)
    table = load_trade_files(files)
    try:
        result = summarize(table, reporter_iso3, partner_iso3, base_period, period)
    except SummarizeInputError as error:
        return OfficialTrade(
            f"{topic}: the files given ({', '.join(shown)}) do not cover {reporter}'s trade with "
            f"{partner} in {base_period} and {period} ({error}).",
            shown,
        )
    by_section, mirror = pd.DataFrame(result["by_section"]), pd.DataFrame(result["mirror"])
    return OfficialTrade(
        "",
        shown,
        pd.DataFrame(result["contributions"]),
        by_section,
        mirror,
        result["mirror_caveat"],
        pd.DataFrame(result["exclusions"]),
        composition_note=(
            ""
            if not by_section.empty
            else f"Not covered: the files give {reporter}'s totals with {partner} but no detail "
            f"by commodity (HS chapters) for {base_period} and {period}."
        ),
        mirror_note=(
            ""
            if not mirror.empty
            else f"Not covered: the files hold no figures reported by {partner} for its trade "
            f"with {reporter} in {base_period} or {period}; add {partner}'s own file."
        ),
    )


def build_section_contributions(by_section: pd.DataFrame) -> pd.DataFrame:
    """Each HS section's contribution to the change of exports, imports and turnover.

    Args:
        by_section: :attr:`OfficialTrade.by_section` (``hs_section``, ``hs_section_title``,
            ``flow``, ``change_usd``, ``contribution_pp`` …), non-empty.

    Returns:
        One row per section in HS order, then an "all goods" row of sums: ``hs_section``,
        ``hs_section_title``, ``exports_contribution_pp``, ``imports_contribution_pp`` (points of
        the flow's own change), ``turnover_change_usd`` (US$) and ``turnover_contribution_pp``
        (points of turnover's change). The sums equal each flow's change in percent. 0 where a
        flow did not trade in a section; NaN for a flow without any commodity detail.
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


def build_top_movers(by_section: pd.DataFrame, flow: str = "turnover", n: int = 5) -> pd.DataFrame:
    """The ``n`` HS sections of a flow whose value changed most in US$ (largest first).

    Args:
        by_section: :attr:`OfficialTrade.by_section`.
        flow: exports, imports or turnover.
        n: How many sections.

    Returns:
        ``hs_section, hs_section_title, base_value_usd, value_usd, change_usd, change_pct,
        contribution_pp, share_pct`` of the chosen rows; empty when the flow has no detail.
    """
    from analysis.composition import top_movers

    rows = top_movers(by_section.assign(reporter_iso3="", partner_iso3=""), flow, n)
    columns = ["hs_section", "hs_section_title", "base_value_usd", "value_usd", "change_usd"]
    return rows[[*columns, "change_pct", "contribution_pp", "share_pct"]]


def write_official_sentences(
    official: OfficialTrade, reporter: str, partner: str, base_period: str, period: str
) -> list[str]:
    """Summary sentences: the HS section that moved turnover most, and the mirror gap.

    Args:
        official: From :func:`load_official_trade`.
        reporter: Reporter's name.
        partner: Partner's name.
        base_period: Earlier period.
        period: Compared period.

    Returns:
        Nothing without files covering the pair; else up to two sentences.
    """
    if official.note:
        return []
    sentences = []
    flow = official.composition_flow
    movers = build_top_movers(official.by_section, flow, 1) if not official.composition_note else []
    if len(movers):
        top = movers.iloc[0]
        total = official.contributions.set_index("flow").at[flow, "change_pct"]
        sentences.append(
            f"In {reporter}'s official statistics ({', '.join(official.files)}), the HS section "
            f"that moved {flow} most was {top['hs_section']} ({top['hs_section_title']}): "
            f"{format_usd(top['change_usd'])} from {base_period} to {period}, "
            f"{format_pct(top['contribution_pp'], ' percentage points')} of the "
            f"{format_pct(total)} change in {flow}."
        )
    if not official.mirror.empty:
        later = official.mirror[official.mirror["period"].eq(period)].set_index("flow")
        if "exports" in later.index:
            row = later.loc["exports"]
            sentences.append(
                f"{capitalised(partner)}'s own statistics put its {period} imports from "
                f"{reporter} at {format_usd(row['mirror_usd'])}, against "
                f"{format_usd(row['reported_usd'])} of exports {reporter} reports "
                f"({partner}'s figure is {format_pct(row['gap_pct'], signed=False)} "
                f"{'lower' if row['gap_usd'] < 0 else 'higher'}; see why mirror figures differ)."
            )
    return sentences


def build_official_mirror_display(
    mirror: pd.DataFrame, reporter_iso3: str, partner_iso3: str
) -> pd.DataFrame:
    """The official mirror table as the report shows it, columns named after the two reporters.

    Args:
        mirror: :attr:`OfficialTrade.mirror`, non-empty.
        reporter_iso3: The reporter (whose figures are ``reported_usd``).
        partner_iso3: The partner (whose figures are ``mirror_usd``).

    Returns:
        Display strings: flow and mirror flow, period, both values, gap (US$ m) and gap (%).
    """
    shown = format_for_display(
        mirror[
            ["flow", "mirror_flow", "period", "reported_usd", "mirror_usd", "gap_usd", "gap_pct"]
        ]
    )
    return shown.rename(
        columns={
            "flow": f"flow ({reporter_iso3} reports)",
            "mirror flow": f"mirror flow ({partner_iso3} reports)",
            "reported (US$ m)": f"{reporter_iso3} figure (US$ m)",
            "mirror (US$ m)": f"{partner_iso3} figure (US$ m)",
            "gap (US$ m)": f"gap, {partner_iso3} − {reporter_iso3} (US$ m)",
            "gap (%)": f"gap (% of the {reporter_iso3} figure)",
        }
    )
