"""The figures and claims tables: one pass over sentences, rows, ties between claims and figures."""

import bisect
import math
import operator
import re
from collections.abc import Callable

import pandas as pd

from analysis.loaders._amounts import Amount
from analysis.loaders._periods import Period
from analysis.loaders.news.article_year import headline_publication_year, main_period
from analysis.loaders.news.attach_flows import (
    MIRROR_FLOW,
    balance_sign,
    flow_word,
    is_change,
    partner_is_subject,
    respectively,
    scope_of,
    subject_country,
)
from analysis.loaders.news.claims import Claim
from analysis.loaders.news.countries import countries_of, lead_pair
from analysis.loaders.news.flows import FlowWord
from analysis.loaders.news.mentions import Mentions
from analysis.loaders.news.periods import (
    SentencePeriod,
    claim_periods,
    figure_period,
    in_aside,
    months,
    opening_period,
    resolve_periods,
)
from analysis.loaders.news.schema import CLAIM_COLUMNS, FIGURE_COLUMNS, WORLD
from analysis.loaders.news.sentences import Sentence
from analysis.loaders.news.vocabulary import (
    PART_OF_PREVIOUS,
    QUALIFIER,
    QUALIFIERS,
    QUANTITY_AFTER,
)
from analysis.reference.news_vocabulary import PLAN_WORDS


def parse_document(doc: Mentions) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(figures, claims) of a document.

    Sentences are read in order, carrying period, flow and countries forward.
    """
    doc.default_pair = lead_pair(doc)
    doc.main = main_period(doc)
    figure_rows, claim_rows = [], []
    current: Period | None = None
    carried_flow, carried_pair, last_paragraph = None, None, -1
    headline, body_period = _headline(doc), None
    doc.doc_year = headline_publication_year(doc, headline) or doc.doc_year
    for sentence in doc.sentences:
        if sentence.paragraph != last_paragraph:
            carried_pair, last_paragraph = None, sentence.paragraph
            paragraph_flow = paragraph_reporter = None  # of the paragraph's first figure
        mentions = resolve_periods(doc, sentence, current)
        # the sentence's own period: the latest it names that is not a compared one
        own = [
            m.period
            for m in mentions
            if not m.is_base and m.period and not in_aside(doc, sentence, m)
        ]
        doc.last_of_length.update((months(p), p) for p in own)
        sentence_current = max(own, key=lambda p: p.end) if own else current
        amounts = doc.amounts.between(sentence.start, sentence.end)
        claims = doc.claims.between(sentence.start, sentence.end)
        assigned = respectively(doc, sentence, amounts, mentions)
        whole_sentence, all_mentions = sentence, mentions
        starts = [m.start for m in mentions]
        for amount in amounts:
            sentence, mentions = _local(whole_sentence, amount, all_mentions, starts)
            word = flow_word(doc, sentence, amount.start, amount.end)
            flow = assigned.get(amount.start, {}).get("flow") or (
                word.flow if word else carried_flow or "other"
            )
            period = assigned.get(amount.start, {}).get("period") or figure_period(
                doc, sentence, amount, mentions, sentence_current, current
            )
            reporter, partner = countries_of(doc, sentence, amount.start, flow, carried_pair)
            previous = figure_rows[-1]["reporter_iso3"] if figure_rows else None
            if partner_is_subject(doc, word, reporter, partner, previous):
                flow, (reporter, partner) = MIRROR_FLOW[flow], doc.default_pair
            subject = subject_country(doc, word)
            if paragraph_flow is None:
                paragraph_flow, paragraph_reporter = flow, subject
            elif (
                flow == MIRROR_FLOW.get(paragraph_flow)
                and "flow" not in assigned.get(amount.start, {})
                and subject not in (None, paragraph_reporter)
            ):
                # a paragraph on one country's exports: "Italy imported $217 million worth of
                # Serbian goods" is one of them, with Italy the partner
                flow, reporter, partner = paragraph_flow, partner, reporter
            row = _figure_row(
                doc, len(figure_rows), sentence, amount, flow, period, reporter, partner
            )
            named = "flow" not in assigned.get(amount.start, {})  # not set by "respectively"
            row["scope"] = (
                "change"
                if is_change(doc, sentence, amount)
                else scope_of(doc, word if named else None, amount.end)
            )
            row["balance_sign"] = (
                balance_sign(doc, sentence, amount) if flow == "balance" else float("nan")
            )
            if (
                flow == "balance"
                and math.isnan(row["balance_sign"])
                and figure_rows
                and figure_rows[-1]["flow"] == "balance"
                and PART_OF_PREVIOUS.match(doc.masked, whole_sentence.start)
            ):  # "… deficit … stands at $105.31m. Of this, Tanzania accounts for … $138.2m"
                row["balance_sign"] = figure_rows[-1]["balance_sign"]
            figure_rows.append(row)
            carried_flow, carried_pair = (
                _flow_carried(doc, sentence, word, flow),
                (reporter, partner),
            )
        for claim in claims:
            sentence, mentions = _local(whole_sentence, claim, all_mentions, starts)
            claim_rows.append(
                _claim_row(
                    doc,
                    len(claim_rows),
                    sentence,
                    claim,
                    mentions,
                    sentence_current,
                    carried_flow,
                    carried_pair,
                )
            )
            carried_flow = claim_rows[-1]["flow"]
            carried_pair = (claim_rows[-1]["reporter_iso3"], claim_rows[-1]["partner_iso3"])
        sentence = whole_sentence
        words = doc.flow_words.between(sentence.start, sentence.end)
        if words and not amounts and not claims:
            carried_flow = words[-1].flow
        if (amounts or claims) and sentence_current is not None:
            current = sentence_current
            if body_period is None and (headline is None or sentence.start >= headline[1]):
                body_period = sentence_current
        elif not amounts and not claims:
            current = opening_period(doc, sentence, mentions) or current
    for row in figure_rows:
        if headline and row["start"] < headline[1] and not row["period"] and body_period:
            row["period"] = str(
                body_period
            )  # a headline's figure is of the period the body reports
    figures = _frame(figure_rows, FIGURE_COLUMNS)
    by_kind: dict[tuple, list[dict]] = {}  # (flow, scope, period) → figures, in text order
    for row in figure_rows:
        by_kind.setdefault((row["flow"], row["scope"], row["period"]), []).append(row)
    for row in claim_rows:
        if row.pop("is_whole_unnamed") and _follows_pair_turnover(row, by_kind):
            row["whole_flow"] = "turnover"  # "Exports made up $702 million, or 59.5% of the total"
    paragraphs: dict[int, tuple[int, int]] = {}  # paragraph → (first sentence start, last end)
    for sentence in doc.sentences:
        low, _ = paragraphs.get(sentence.paragraph, (sentence.start, 0))
        paragraphs[sentence.paragraph] = (low, sentence.end)
    for row in claim_rows:
        sentence = doc.sentences.last_at(row["start"])
        span = paragraphs[sentence.paragraph]
        row["value_figure_id"], row["base_figure_id"] = _tie_figures(row, by_kind, span)
    return figures, _frame(claim_rows, CLAIM_COLUMNS)


def _flow_carried(doc: Mentions, sentence: Sentence, word: FlowWord | None, flow: str) -> str:
    """The flow the next sentences carry: a plan's trade flow, not "other".

    "its target of securing $5 billion revenue from the export trade this year" is a target (flow
    "other"), but "the total revenue obtained in the four-month period" after it is of exports.
    """
    if (
        flow != "other"
        or word is None
        or doc.masked[word.start : word.end].lower() not in PLAN_WORDS
    ):
        return flow
    named = [
        w.flow for w in doc.flow_words.between(sentence.start, sentence.end) if w.flow != "other"
    ]
    return named[-1] if named else flow


# periods


def _headline(doc: Mentions) -> tuple[int, int] | None:
    """(start, end) of a headline: a first paragraph of one sentence not closed by a full stop."""
    sentences = list(doc.sentences)
    if len(sentences) < 2 or sentences[1].paragraph == sentences[0].paragraph:
        return None
    first = sentences[0]
    if re.search(r"[.!?]\W*$", doc.text[first.start : first.end]):
        return None
    return first.start, first.end


def _figure_row(
    doc: Mentions,
    figure_id: int,
    sentence: Sentence,
    amount: Amount,
    flow: str,
    period: Period | None,
    reporter: str | None,
    partner: str | None,
) -> dict:
    return {
        "document": doc.name,
        "figure_id": figure_id,
        "quote": doc.text[amount.start : amount.end],
        "start": amount.start,
        "end": amount.end,
        "context": _context(doc, sentence, amount.start, amount.end),
        "flow": flow,
        "period": str(period) if period else "",
        "reporter_iso3": reporter,
        "partner_iso3": partner,
        "value_usd": amount.value_usd,
        "half_width_usd": amount.half_width_usd,
        "qualifier": qualifier_before(doc, sentence, amount.start),
    }


def qualifier_before(doc: Mentions, sentence: Sentence, start: int) -> str:
    """The qualifier written just before a figure ("about", "almost", "over", "under"), or ""."""
    before = doc.masked[max(sentence.start, start - 60) : start]
    match = re.search(rf"(?:^|[^\w])(?P<q>{QUALIFIER})\s+$", before, re.IGNORECASE)
    if not match:
        return ""
    if re.search(
        r"(?:%|percent|per\s+cent|times|fold|points?)\s+$", before[: match.start("q")], re.I
    ):
        return ""  # "52 percent less than $1.46 billion" is a change, not "under"
    return QUALIFIERS[" ".join(match.group("q").lower().split())]


def _claim_row(
    doc: Mentions,
    claim_id: int,
    sentence: Sentence,
    claim: Claim,
    mentions: list[SentencePeriod],
    current: Period | None,
    carried_flow: str | None,
    carried_pair,
) -> dict:
    inside = [
        w
        for w in doc.flow_words.between(claim.start, claim.end)
        if w.end <= claim.end and w.flow != "other"
    ]
    compares_flows = claim.kind != "share" and claim.whole_flow is not None  # "exceeded imports"
    word = inside[-1] if claim.kind != "share" and inside and not compares_flows else None
    if word is not None:
        claim.flow_hint = word.flow
    if claim.kind != "share" and QUANTITY_AFTER.match(doc.masked, claim.end):
        claim.flow_hint = "other"  # "oil exports increased 2.3 times to 2.5 million barrels"
    word = word or flow_word(doc, sentence, claim.start, claim.start)
    flow = claim.flow_hint or (word.flow if word else carried_flow or "other")
    if claim.kind == "share" and claim.flow_hint is None and claim.whole_flow:
        preceding = [
            w for w in doc.flow_words.between(sentence.start, claim.start) if w.end <= claim.start
        ]
        strong = [w for w in preceding if not w.is_weak]  # "In terms of imports, … shipments"
        word = (strong or preceding)[-1] if preceding else None
        flow = word.flow if word else claim.whole_flow
    whole_flow = claim.whole_flow
    is_whole_unnamed = claim.kind == "share" and whole_flow is None and claim.flow_hint is None
    if claim.kind == "share" and whole_flow is None:
        whole_flow = flow if flow != "other" else None
    if claim.kind != "share" and doc.masked[claim.start : claim.end].lower().endswith(
        ("than", " as")
    ):
        whole_flow = _flow_compared(doc, claim.end, flow)
    if claim.kind != "share" and whole_flow == flow:
        whole_flow = None  # "exports exceeded last year's exports by 5%": a change over time
    period, base = claim_periods(mentions, current, claim.kind, claim.start)
    # a share, or a ratio of two flows named with it (a coverage ratio), is of one period, found in
    # its scopes as a figure's is
    if claim.kind == "share" or (claim.kind == "ratio" and claim.flow_hint and claim.whole_flow):
        period = figure_period(doc, sentence, claim, mentions, current) or period
    if claim.kind != "share" and whole_flow:
        base = period  # one flow against another in the same period
    reporter, partner = countries_of(
        doc, sentence, claim.start, flow, carried_pair, is_share=claim.kind == "share"
    )
    if claim.same_whole_as is not None and claim.same_whole_as in doc.claim_sides:
        reporter, partner = doc.claim_sides[claim.same_whole_as]  # "... fell to 13.9% from 16.5%"
    doc.claim_sides[claim.start] = (reporter, partner)
    return {
        "document": doc.name,
        "claim_id": claim_id,
        "quote": doc.text[claim.start : claim.end],
        "start": claim.start,
        "end": claim.end,
        "context": _context(doc, sentence, claim.start, claim.end),
        "kind": claim.kind,
        "stated": claim.stated,
        "stated_half_width": claim.stated_half_width,
        "qualifier": claim.qualifier,
        "flow": flow,
        "whole_flow": whole_flow,
        "period": str(period) if period else "",
        "base_period": (str(base) if base else "") if claim.kind != "share" else None,
        "reporter_iso3": reporter,
        "partner_iso3": partner,
        "value_figure_id": None,
        "base_figure_id": None,
        "scope": "commodity" if word is not None and word.is_commodity else "all",
        "is_whole_unnamed": is_whole_unnamed,
    }


def _follows_pair_turnover(claim: dict, by_kind: dict[tuple, list[dict]]) -> bool:
    """Whether an export or import share follows a figure of the pair's turnover in its period."""
    if claim["flow"] not in ("exports", "imports") or claim["partner_iso3"] in (None, WORLD):
        return False
    figures = by_kind.get(("turnover", "all", claim["period"]), [])
    return any(
        f["start"] < claim["start"]
        and f["partner_iso3"] == claim["partner_iso3"]
        and same_countries(f, claim)
        for f in figures
    )


def _flow_compared(doc: Mentions, position: int, flow: str) -> str | None:
    """The other flow compared with, if named next: "4.8 times higher than imports"."""
    word = doc.flow_words.first_from(position)
    if (
        word
        and re.fullmatch(r"\s+(?:the\s+)?(?:[a-z]+\s+)?", doc.masked[position : word.start])
        and word.flow not in (flow, "other")
    ):
        return word.flow
    return None


def _tie_share_of_world(
    claim: dict, by_kind: dict[tuple, list[dict]]
) -> tuple[int | None, int | None]:
    """Ids for "X accounted for 13% of Y's total trade".

    The ids of the figures of Y's trade with X and of Y's trade with the world.
    """
    if claim["partner_iso3"] in (None, WORLD) or not claim["period"]:
        return None, None
    ids = []
    for partner, scope in ((claim["partner_iso3"], claim["scope"]), (WORLD, "all")):
        best = _nearest_figure(
            by_kind.get((claim["flow"], scope, claim["period"]), []),
            claim,
            lambda f, partner=partner: (
                f["reporter_iso3"] == claim["reporter_iso3"] and f["partner_iso3"] == partner
            ),
        )
        ids.append(None if best is None else best["figure_id"])
    return (ids[0], ids[1]) if None not in ids else (None, None)


def _tie_figures(
    claim: dict, by_kind: dict[tuple, list[dict]], paragraph: tuple[int, int]
) -> tuple[int | None, int | None]:
    """Ids of the figures stating the claim's new and base values, from the same paragraph."""
    if claim["kind"] == "pp_change":
        return None, None
    low, high = paragraph
    if claim["kind"] == "share" and claim["whole_flow"] == claim["flow"]:
        return _tie_share_of_world(claim, by_kind)
    if claim["kind"] == "share":
        if not claim["whole_flow"]:
            return None, None
        wanted = [(claim["flow"], claim["period"]), (claim["whole_flow"], claim["period"])]
    elif claim["whole_flow"]:
        wanted = [(claim["flow"], claim["period"]), (claim["whole_flow"], claim["period"])]
    else:
        wanted = [(claim["flow"], claim["period"]), (claim["flow"], claim["base_period"])]
    scopes = (claim["scope"], "all" if claim["kind"] == "share" else claim["scope"])
    ids = []
    for (flow, period), scope in zip(wanted, scopes, strict=True):
        best = _nearest_figure(
            by_kind.get((flow, scope, period), []) if period else [],
            claim,
            lambda f: low <= f["start"] < high and same_countries(f, claim),
            within=paragraph,
        )
        ids.append(None if best is None else best["figure_id"])
    return ids[0], ids[1]


_NEAREST_LOOK = 50  # figures looked at on either side of a claim when tying it to a figure
_start = operator.itemgetter("start")


def _nearest_figure(
    figures: list[dict],
    claim: dict,
    fits: Callable[[dict], bool],
    within: tuple[int, int] | None = None,
) -> dict | None:
    """The figure nearest to a claim that ``fits``, looking outward from it.

    ``figures`` is a list in text order. ``within``: (low, high) when only figures starting there
    can fit, so that no other is looked at.
    """
    at = bisect.bisect_left(figures, claim["start"], key=_start)
    first, last = max(0, at - _NEAREST_LOOK), at + _NEAREST_LOOK
    if within is not None:
        first = max(first, bisect.bisect_left(figures, within[0], key=_start))
        last = min(last, bisect.bisect_left(figures, within[1], key=_start))
    near = figures[first:last]
    return min((f for f in near if fits(f)), key=lambda f: _distance(f, claim), default=None)


_LONG_SENTENCE = 2000  # characters: beyond this, a figure's sentence is the words around it
_LOCAL_REACH = (
    600  # characters either side of a figure or claim kept as its sentence when it is long
)


def _local(
    sentence: Sentence, item: Amount | Claim, mentions: list[SentencePeriod], starts: list[int]
) -> tuple[Sentence, list[SentencePeriod]]:
    """The sentence (and its period mentions) an item is read in.

    All of it, or of a very long one (a 44 KB run-on list), the words within ``_LOCAL_REACH``
    characters, so that reading stays linear in the text's length. ``starts``: the mentions' starts.
    """
    if sentence.end - sentence.start <= _LONG_SENTENCE:
        return sentence, mentions
    low = max(sentence.start, item.start - _LOCAL_REACH)
    high = min(sentence.end, item.end + _LOCAL_REACH)
    window = mentions[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)]
    return Sentence(low, high, sentence.paragraph), window


_CONTEXT_REACH = (
    400  # characters of a very long sentence kept either side of a quote as its context
)


def _context(doc: Mentions, sentence: Sentence, start: int, end: int) -> str:
    """The sentence of a quote; of a very long one, the words within ``_CONTEXT_REACH`` of it."""
    low = max(sentence.start, start - _CONTEXT_REACH)
    return doc.text[low : min(sentence.end, end + _CONTEXT_REACH)]


def same_countries(figure: dict, claim: dict) -> bool:
    """Whether a figure and a claim name no different reporter or partner."""
    return all(
        not (figure[k] and claim[k]) or figure[k] == claim[k]
        for k in ("reporter_iso3", "partner_iso3")
    )


def _distance(figure: dict, claim: dict) -> int:
    return max(claim["start"] - figure["end"], figure["start"] - claim["end"], 0)


def _frame(rows: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    """A table with fixed column order and dtypes.

    Ints, floats, and object for text that may be None.
    """
    frame = pd.DataFrame(rows, columns=list(columns))
    dtypes = {
        "figure_id": "int64",
        "claim_id": "int64",
        "start": "int64",
        "end": "int64",
        "value_usd": "float64",
        "half_width_usd": "float64",
        "balance_sign": "float64",
        "stated": "float64",
        "stated_half_width": "float64",
    }
    frame = frame.astype({k: v for k, v in dtypes.items() if k in frame.columns})
    for column in frame.columns:
        if column not in dtypes:
            frame[column] = pd.Series(
                [row[column] for row in rows], dtype=object, index=frame.index
            )
    return frame
