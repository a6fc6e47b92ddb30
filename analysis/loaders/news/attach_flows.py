"""Attachment of flows: the flow word of a figure or claim, changes, scopes, balance signs."""

import re

from analysis.loaders._amounts import Amount
from analysis.loaders._periods import Period
from analysis.loaders.news.flows import FlowWord
from analysis.loaders.news.mentions import Mentions
from analysis.loaders.news.periods import SentencePeriod, clause_index
from analysis.loaders.news.schema import WORLD
from analysis.loaders.news.sentences import Sentence
from analysis.loaders.news.vocabulary import (
    BALANCE_SIGN,
    CHANGE_AFTER_AMOUNT,
    CHANGE_BEFORE_AMOUNT,
    CHANGE_PERCENT_BEFORE_AMOUNT,
    CHANGE_VERB_BEFORE_AMOUNT,
    COMMODITY_OF,
    FLOW_AFTER,
    FLOW_PREDICATE_AFTER,
    GAP_TO_PLAN_AFTER,
    TARGET_BEFORE_AMOUNT,
)

# An aside set off by dashes: its flow words do not name a figure outside it.
_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–¤()\d%]*?\s[—–]\s")


def flow_word(doc: Mentions, sentence: Sentence, start: int, end: int) -> FlowWord | None:
    """The flow word giving the flow of the words at start..end (None: the sentence names none).

    A gap to a plan ("USD 2.44 billion less than the target") and the level an intention aims at
    ("would help to increase trade … to US$30 billion") are not trade flows: their word is "other".
    """
    gap = GAP_TO_PLAN_AFTER.match(doc.masked, end)
    if gap:
        return FlowWord(gap.start("plan"), gap.end("plan"), "other")
    aim = TARGET_BEFORE_AMOUNT.search(doc.masked, max(sentence.start, start - 200), start)
    if aim:  # of the product the flow named before it is of: "Non-oil trade … aim to take it to"
        named = doc.flow_words.between(sentence.start, aim.start())
        is_commodity = bool(named) and named[-1].is_commodity
        return FlowWord(aim.start("verb"), aim.end("verb"), "other", is_commodity=is_commodity)
    after = FLOW_AFTER.match(doc.masked, end)
    words = doc.flow_words.between(sentence.start, sentence.end)
    predicate = FLOW_PREDICATE_AFTER.match(doc.masked, end)
    named = predicate and next((w for w in words if w.start == predicate.end()), None)
    if named:
        return named  # "of which over $4.5 billion were exports"
    asides = [m.span() for m in _DASH_ASIDE.finditer(doc.masked, sentence.start, start)]
    # "The trade imbalance … — one of reasons that prompted … the trade war … — totaled $42.1bn"
    preceding = [
        w for w in words if w.end <= start and not any(a <= w.start < b for a, b in asides)
    ]
    if (
        preceding
        and preceding[-1].flow == "balance"
        and re.fullmatch(r"\s+(?:of\s+)?", doc.masked[preceding[-1].end : start])
    ):
        return preceding[-1]  # "a surplus of $41.41 billion in its trade with China": a balance
    if after:
        following = next(
            (
                w
                for w in words
                if w.start >= after.end()
                and re.fullmatch(r"(?:[a-z-]+\s+){0,2}", doc.masked[after.end() : w.start])
            ),
            None,
        )
        if following:
            return following
    if preceding and preceding[-1].is_weak:
        clause = clause_index(doc, sentence, start)
        strong = [w for w in preceding if not w.is_weak and w.flow != "other"]
        in_clause = [w for w in strong if clause_index(doc, sentence, w.start) == clause]
        # "Trade deficit with X is largest among Y's trading partners; it rose to $5bn": the named
        # flow
        return (in_clause or strong or preceding)[-1]
    if preceding:
        return preceding[-1]
    following = [w for w in words if w.start >= end]
    return following[0] if following else None


MIRROR_FLOW = {"exports": "imports", "imports": "exports"}


def subject_country(doc: Mentions, word: FlowWord | None) -> str | None:
    """The country written as the subject of an export or import word, else None.

    "Italy imported $217 million worth of Serbian goods", "Italy’s exports reached $563 million".
    """
    if word is None or word.flow not in MIRROR_FLOW:
        return None
    country = doc.countries.last_at(word.start - 1)
    if country is None or country.is_demonym:
        return None
    between = doc.masked[country.end : word.start]
    return country.iso3 if re.fullmatch(r"(?:[’']s)?\s+", between) else None


# A verb of selling or buying, not the noun: "supplied", not "the total export of China".
_TRADE_VERB = re.compile(r"(?i:exported|supplied|shipped|sold|imported|bought|purchased)")


def partner_is_subject(
    doc: Mentions,
    word: FlowWord | None,
    reporter: str | None,
    partner: str | None,
    previous_reporter: str | None,
) -> bool:
    """Whether the document's partner is the subject of the figure's trade verb.

    "In return, Georgia mainly supplied cars … ($76.1 million) … to Armenia", after figures of
    Armenia's trade with Georgia, is Armenia's imports: the figure is read from the reporter of the
    figures before it (the document's first country), with the flow mirrored. A text that has not
    yet reported from that side ("Uganda imported goods worth $125.12m from Tanzania" as its first
    figure) keeps the verb's subject as the reporter.
    """
    if word is None or word.flow not in MIRROR_FLOW or previous_reporter != doc.default_pair[0]:
        return False
    if not _TRADE_VERB.fullmatch(doc.masked[word.start : word.end]):
        return False
    home, away = doc.default_pair
    if (
        home is None
        or away in (None, WORLD)
        or (reporter, partner) not in ((away, home), (away, None))
    ):
        return False
    country = doc.countries.last_at(word.start - 1)
    if country is None or country.is_demonym or country.iso3 != away:
        return False
    return (
        re.fullmatch(r"\s+(?:(?:[a-z]+ly|also)\s+)?", doc.masked[country.end : word.start])
        is not None
    )


def is_change(doc: Mentions, sentence: Sentence, amount: Amount) -> bool:
    """Whether the amount is a change of value ("decreased by $200 million", "$1bn more than")."""
    before = doc.masked[max(sentence.start, amount.start - 150) : amount.start]
    after = doc.masked[amount.end : min(sentence.end, amount.end + 150)]
    return bool(
        CHANGE_BEFORE_AMOUNT.search(before)
        or CHANGE_PERCENT_BEFORE_AMOUNT.search(before)
        or CHANGE_AFTER_AMOUNT.match(after)
        or (CHANGE_VERB_BEFORE_AMOUNT.search(before) and re.match(r"\s+(?:to|from)\s+¤", after))
    )


def scope_of(doc: Mentions, word: FlowWord | None, end: int) -> str:
    """Scope "commodity" for one product ("wheat exports", "$2.8bn worth of oil"), else "all"."""
    is_commodity = word is not None and word.is_commodity
    is_commodity = is_commodity or COMMODITY_OF.match(doc.masked, end) is not None
    return "commodity" if is_commodity else "all"


def balance_sign(doc: Mentions, sentence: Sentence, amount: Amount) -> float:
    """+1.0 for a surplus ("surplus", "positive"), -1.0 for a deficit, NaN when not said."""
    signs = [
        (max(m.start() - amount.end, amount.start - m.end()), 1.0 if m.group("plus") else -1.0)
        for m in BALANCE_SIGN.finditer(
            doc.masked, max(sentence.start, amount.start - 300), min(sentence.end, amount.end + 300)
        )
    ]
    return min(signs)[1] if signs else float("nan")


def respectively(
    doc: Mentions, sentence: Sentence, amounts: list[Amount], mentions: list[SentencePeriod]
) -> dict[int, dict]:
    """Pair flows and periods in order: "Exports and imports were $5bn and $3bn, respectively".

    Each "respectively" pairs the amounts and periods written since the one before it.
    """
    words = list(re.finditer(r"\brespectively\b", doc.text[sentence.start : sentence.end]))
    assigned: dict[int, dict] = {}
    low = sentence.start
    for number, word in enumerate(words):
        at = sentence.start + word.start()
        high = sentence.end if number == len(words) - 1 else at
        listed = [a for a in amounts if low <= a.start < at]
        periods = [m.period for m in mentions if m.period and low <= m.start < high]
        if len(listed) >= 2:
            flows = [w.flow for w in doc.flow_words.between(low, listed[0].start)]
            assigned.update(_pair_in_order(listed, flows, periods))
        low = at
    return assigned


def _pair_in_order(
    listed: list[Amount], flows: list[str], periods: list[Period]
) -> dict[int, dict]:
    """Flows and periods of amounts listed before "respectively", in order."""
    if len(periods) == 1 and periods[0].end_year is None:
        # "During the three months from April to June, ... $83.25m, $71.78m and $66.85m,
        # respectively": one month each
        months = range(periods[0].first_month, periods[0].last_month + 1)
        if len(months) == len(listed):
            periods = [Period(periods[0].year, month, month) for month in months]
    assigned: dict[int, dict] = {a.start: {} for a in listed}
    if len(flows) == len(listed):
        for amount, flow in zip(listed, flows, strict=True):
            assigned[amount.start]["flow"] = flow
    if 2 <= len(periods) <= len(listed):
        # the listed amounts are the last ones before the word: "imported $0.71m, a reduction from
        # $0.96m and $0.79m in May and April, respectively"
        for amount, period in zip(listed[len(listed) - len(periods) :], periods, strict=True):
            assigned[amount.start]["period"] = period
    return assigned


# countries
