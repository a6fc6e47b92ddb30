"""The report's sentences: headline, summary, what this means, conclusion, computed from tables.

Every number in a sentence comes from a table passed in; nothing is typed in. Official figures are
written in whole millions (their source's precision), the text's as the text writes them. The text's
figures are the text's ("the article states"), never a country's.
"""

import math

import pandas as pd

from analysis.report.formatting import (
    ARROW,
    capitalised,
    format_gbp_m,
    format_pct,
    format_pp,
    format_usd,
    format_usd_m,
)

LDQ, RDQ = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
# How much of a change one flow holds → the words for it (the first threshold met wins).
DRIVER_WORDS = ((1.0001, "more than all"), (0.9, "almost all"), (0.6, "most"))


def flow_words(flow: str, reporter: str, partner: str) -> str:
    """A flow in words from the reporter's side: "Kazakhstan's exports to the United Kingdom".

    Args:
        flow: exports or imports.
        reporter: Reporter's name.
        partner: Partner's name.

    Returns:
        The words.
    """
    direction = "exports to" if flow == "exports" else "imports from"
    if reporter == "the UK":  # the UK's flows read as statistics name them
        return f"UK {direction} {partner}"
    return f"{reporter}'s {direction} {partner}"


def trade_words(reporter: str, partner: str) -> str:
    """A pair's goods trade from the reporter's side: "UK goods trade with Kazakhstan".

    Args:
        reporter: Reporter's name.
        partner: Partner's name.

    Returns:
        The words.
    """
    if reporter == "the UK":
        return f"UK goods trade with {partner}"
    return f"{reporter}'s goods trade with {partner}"


def pair_label(reporter: str, partner: str) -> str:
    """The pair as a compound: "Kazakhstan–United Kingdom".

    Args:
        reporter: Reporter's name (any leading "the " is dropped).
        partner: Partner's name.

    Returns:
        The label.
    """
    return f"{reporter.removeprefix('the ')}\N{EN DASH}{partner.removeprefix('the ')}"


def find_driver(changes: pd.DataFrame) -> tuple[str, str]:
    """The flow that moved turnover most, and how much of the change it holds, in words.

    Args:
        changes: :func:`analysis.maths.compute_changes` of one pair (exports, imports, turnover).

    Returns:
        ``(flow, words)``: e.g. ``("imports", "almost all")``; words "" when the flows
        share the change (neither holds 60%) or turnover did not change.
    """
    by = changes.set_index("flow")["change_usd"]
    flow = "exports" if abs(by["exports"]) >= abs(by["imports"]) else "imports"
    total = by["turnover"]
    if not total or math.isnan(total):
        return flow, ""
    share = by[flow] / total
    return flow, next((words for limit, words in DRIVER_WORDS if share >= limit), "")


def write_headline(
    changes: pd.DataFrame,
    reporter: str,
    partner: str,
    official: str,
    spike: str = "",
    label: str = "",
) -> str:
    """The finding in one sentence, from the official statistics.

    Args:
        changes: The official changes, from the official reporter's side.
        reporter: The official reporter's name ("the United Kingdom").
        partner: Its partner's name.
        official: Whose statistics, for the sentence ("the UK's statistics").
        spike: An optional clause on timing ("the end of a spike in Feb–Mar 2022").
        label: The pair as the report names it ("Kazakhstan–UK"); the partner first if "".

    Returns:
        E.g. "Kazakhstan–United Kingdom goods trade fell 47% from 2022 to 2023 in the UK's
        statistics, almost all of it in the United Kingdom's imports from Kazakhstan".
    """
    by = changes.set_index("flow")
    turnover = by.loc["turnover"]
    base_period, period = str(changes.attrs.get("base", "")), str(changes.attrs.get("period", ""))
    label = label or pair_label(partner, reporter)
    if math.isnan(turnover["change_pct"]):
        return f"{label} goods trade from {base_period} to {period}: no change can be computed"
    verb = "fell" if turnover["change_pct"] < 0 else "rose"
    sentence = (
        f"{label} goods trade {verb} {abs(turnover['change_pct']):.0f}% from {base_period} to "
        f"{period} in {official}"
    )
    flow, words = find_driver(changes)
    if words:
        sentence += f", {words} of it in {flow_words(flow, reporter, partner)}"
    return sentence + (f": {spike}" if spike else "") + "."


def write_change_sentences(
    changes: pd.DataFrame, gbp_changes: pd.DataFrame, reporter: str, partner: str, official: str
) -> list[str]:
    """Official turnover change and the flows that made it, in US$ and pounds.

    Args:
        changes: Official changes in US$ (reporter's side), ``attrs`` base and period.
        gbp_changes: The same in pounds (columns ``*_usd`` hold pounds).
        reporter: Official reporter's name.
        partner: Partner's name.
        official: Whose statistics ("the UK's statistics (ONS, annual, balance-of-payments basis)").

    Returns:
        Two sentences.
    """
    base_period, period = changes.attrs["base"], changes.attrs["period"]
    by, gbp = changes.set_index("flow"), gbp_changes.set_index("flow")
    t, gbp_t = by.loc["turnover"], gbp.loc["turnover"]
    first = (
        f"In {official}, {trade_words(reporter, partner)} changed "
        f"{format_pct(t['change_pct'])}, from {format_usd_m(t['base_value_usd'])} in {base_period} "
        f"to {format_usd_m(t['value_usd'])} in {period} ("
        f"{format_gbp_m(gbp_t['base_value_usd'])} {ARROW} {format_gbp_m(gbp_t['value_usd'])}, "
        f"{format_pct(gbp_t['change_pct'])} in pounds)."
    )
    parts = [
        f"{flow_words(flow, reporter, partner)} {format_usd_m(by.at[flow, 'base_value_usd'])} "
        f"{ARROW} {format_usd_m(by.at[flow, 'value_usd'])} "
        f"({format_pp(by.at[flow, 'contribution_pp'])})"
        for flow in ("exports", "imports")
    ]
    second = f"By flow, with each flow's contribution to that change: {parts[0]}; {parts[1]}."
    return [first, capitalised(second)]


def write_text_sentence(
    text_changes: pd.DataFrame,
    official_changes: pd.DataFrame,
    stated_claim: float | None,
    official: str,
) -> str:
    """The text's turnover change beside the official one for the same trade.

    Args:
        text_changes: Changes from the text's figures (after corrections), ``attrs`` base/period.
        official_changes: The official changes of the same pair.
        stated_claim: The text's own stated turnover change in percent, if it states one.
        official: Whose statistics.

    Returns:
        One sentence.
    """
    t = text_changes.set_index("flow").loc["turnover"]
    o = official_changes.set_index("flow").loc["turnover"]
    base_period, period = text_changes.attrs["base"], text_changes.attrs["period"]
    claim = "" if stated_claim is None else f" (it states {format_pct(stated_claim, decimals=0)})"
    return (
        f"The article's figures put turnover at {format_usd(t['base_value_usd'])} in "
        f"{base_period} and {format_usd(t['value_usd'])} in {period}, a change of "
        f"{format_pct(t['change_pct'])}{claim}; {official} for the same trade show "
        f"{format_pct(o['change_pct'])} ({format_usd_m(o['base_value_usd'])} {ARROW} "
        f"{format_usd_m(o['value_usd'])})."
    )


def write_correction_sentences(
    corrections: pd.DataFrame, claims_as_written: pd.DataFrame, claims: pd.DataFrame
) -> list[str]:
    """One sentence per corrected slip: the words, the value its own figures imply, the effect.

    Args:
        corrections: The checker's corrections.
        claims_as_written: Claims checked without corrections.
        claims: Claims checked after corrections (same order).

    Returns:
        Sentences quoting the text, with the claims whose verdict the correction changes.
    """
    changed = claims_as_written["verdict"].ne(claims["verdict"])
    flipped = [
        f"{LDQ}{row.quote}{RDQ} ({row.verdict} as written)"
        for row in claims_as_written[changed].itertuples()
        if row.kind != "total"
    ]
    after = (
        "; after the correction it is consistent"
        if len(flipped) == 1
        else ("; after the correction they are consistent" if flipped else "")
    )
    effect = f" As written, it contradicts {', '.join(flipped)}{after}." if flipped else ""
    return [
        f"The article writes {LDQ}{row.quote}{RDQ}; its own figures imply "
        f"{format_usd(row.suggested_value_usd)}, the value this report uses.{effect}"
        for row in corrections.itertuples()
    ]


def write_agreement_sentence(growth: pd.DataFrame, reporter: str, partner: str) -> str:
    """Whether the text and the official statistics agree on each flow's direction and size.

    Args:
        growth: From :func:`analysis.report.tables.compare_growth`.
        reporter: The text's reporter's name.
        partner: Its partner's name.

    Returns:
        One sentence; "" when no flow can be compared.
    """
    rows = growth.dropna(subset=["text_change_pct", "official_change_pct"])
    if rows.empty:
        return ""
    same = (rows["text_change_pct"] < 0) == (rows["official_change_pct"] < 0)
    parts = [
        f"{flow_words(r.flow, reporter, partner)} {format_pct(r.text_change_pct)} in the article, "
        f"{format_pct(r.official_change_pct)} in the official figures"
        for r in rows.itertuples()
    ]
    widest = rows["difference_pp"].abs().max()
    if same.all():
        return (
            f"The article and the official statistics agree on the direction of every flow "
            f"({'; '.join(parts)}); they differ in size by up to {widest:.1f} percentage points, "
            "so the direction does not depend on whose statistics are read, the size does."
        )
    return (
        f"The article and the official statistics disagree on the direction of at least one flow "
        f"({'; '.join(parts)}): read the text's change with caution."
    )


def write_slip_effect(stated: pd.DataFrame, base_period: str, period: str) -> str:
    """What a corrected slip would have done to the story: the turnover change as written.

    Args:
        stated: The text's pair table (``value_usd`` corrected, ``stated_value_usd`` as written).
        base_period: Earlier period.
        period: Compared period.

    Returns:
        One sentence; "" when nothing in the pair's flows was corrected.
    """
    if stated["value_usd"].equals(stated["stated_value_usd"]):
        return ""
    totals = stated.groupby("period")[["value_usd", "stated_value_usd"]].sum()
    if not {base_period, period} <= set(totals.index):
        return ""
    written = (
        totals.at[period, "stated_value_usd"] / totals.at[base_period, "stated_value_usd"] - 1
    ) * 100
    fixed = (totals.at[period, "value_usd"] / totals.at[base_period, "value_usd"] - 1) * 100
    return (
        f"Taken as written, the slip would put {base_period} turnover at "
        f"{format_usd(totals.at[base_period, 'stated_value_usd'])} and the change at "
        f"{format_pct(written)}: a collapse instead of the {format_pct(fixed)} the corrected "
        "figures give."
    )


def write_driver_sentence(changes: pd.DataFrame, reporter: str, partner: str) -> str:
    """Which flow drove the official change, with its share of it.

    Args:
        changes: Official changes (US$), ``attrs`` base/period.
        reporter: Official reporter's name.
        partner: Partner's name.

    Returns:
        One sentence.
    """
    by = changes.set_index("flow")
    flow, words = find_driver(changes)
    other = "imports" if flow == "exports" else "exports"
    total = by.at["turnover", "change_pct"]
    lead = (
        f"{capitalised(flow_words(flow, reporter, partner))} account for {words} of the change"
        if words
        else "Both flows share the change"
    )
    moved = "rose" if by.at[other, "change_usd"] > 0 else "fell"
    return (
        f"{lead} ({format_pp(by.at[flow, 'contribution_pp'])} of turnover's {format_pct(total)}), "
        f"while {flow_words(other, reporter, partner)} {moved} "
        f"({format_pp(by.at[other, 'contribution_pp'])})."
    )
