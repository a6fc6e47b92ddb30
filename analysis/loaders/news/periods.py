"""Attachment of periods to figures and claims.

Resolve a sentence's period mentions and choose each figure's and claim's.
"""

import bisect
import re
from dataclasses import dataclass

from analysis.loaders._amounts import Amount
from analysis.loaders._periods import Period, PeriodMention
from analysis.loaders.news.mentions import Mentions
from analysis.loaders.news.sentences import Sentence
from analysis.loaders.news.vocabulary import (
    BASE_BEFORE_AMOUNT,
    BASE_MARKER,
    MASK,
    ROLLING_YEAR,
)


@dataclass
class SentencePeriod:
    """A period mention resolved within its sentence."""

    start: int
    end: int
    period: Period | None
    is_base: bool
    marker_start: int  # where the words making it a base start (its own start when not a base)
    is_since: bool = False  # "since 2004": the figure is a running total without a period


def resolve_periods(
    doc: Mentions, sentence: Sentence, current: Period | None
) -> list[SentencePeriod]:
    """Resolve the sentence's periods: absolute ones first, then those relative to its own period.

    A named part without its year ("in July", "the first half") takes the year of a period written
    in its sentence, else the latest such part up to the document's date, else the running period,
    else the article's main period, else the year after a compared one ("in January, up 22% from
    January 2005"). A compared part ("compared to May") is the latest one before the period it is
    compared with.
    """
    raw = doc.periods.between(sentence.start, sentence.end)
    resolved: dict[int, SentencePeriod] = {}
    kinds = [_kind(doc, sentence, mention) for mention in raw]  # once, not once a round
    for kind in ("written", "needs_year", "needs_year_base", "relative"):
        own = [m for m in sorted(resolved.values(), key=lambda m: m.start) if m.period]
        written = next((m.period for m in reversed(own) if not m.is_base), None)
        for mention, mention_kind in zip(raw, kinds, strict=True):
            if mention_kind != kind:
                continue
            if kind in ("needs_year", "needs_year_base"):
                written = _written_outside_asides(doc, sentence, own, mention.start)
            if kind == "needs_year":
                anchor = written or _dated_anchor(doc, mention) or current or doc.main
                anchor = anchor or year_after_base(own)
            elif kind == "needs_year_base":
                anchor = written or current or _dated_anchor(doc, mention) or doc.main
            elif mention.is_this_year and _in_doc_year(doc, current):
                anchor = current  # "$1.5bn in 2012, and $1.8bn so far this year": not of 2012
            elif mention.years_after:  # "from $8.5bn in 2005 to $16.8bn five years later"
                before = [m.period for m in own if m.start < mention.start]
                anchor = before[-1] if before else current
            else:
                # "in the first five months of 2019, official statistics showed. ... hit $84.76bn
                # in the period": before any running period, relative to the latest named so far
                named = doc.last_of_length.values()
                anchor = written or current or max(named, key=lambda p: p.end, default=None)
            resolved[mention.start] = _resolve(doc, sentence, mention, anchor)
            if mention.months_back:
                resolved[mention.start].period = _months_back(doc, mention.months_back, current)
            if mention.length:
                period = resolved[mention.start].period
                if period is None or months(period) != mention.length:
                    resolved[mention.start].period = _named_of_length(doc, own, mention.length)
            if kind == "needs_year_base" and anchor is not None:
                compared = resolved[mention.start]
                if compared.period is not None and compared.period.end >= anchor.end:
                    compared.period = compared.period.with_year(compared.period.year - 1)
    rolling = ROLLING_YEAR.search(doc.masked, sentence.start, sentence.end)
    for m in resolved.values():
        if rolling and m.start > rolling.start() and m.period and months(m.period) == 1:
            m.period = _twelve_months_to(m.period)
        elif m.period and months(m.period) == 1 and _AS_AT.search(doc.masked, 0, m.start):
            # "a surplus of 1.429 billion dollars as at June this year": January to June
            m.period = Period(m.period.year, 1, m.period.last_month)
    return sorted(resolved.values(), key=lambda m: m.start)


def _written_outside_asides(
    doc: Mentions, sentence: Sentence, own: list[SentencePeriod], position: int
) -> Period | None:
    """The last period written in the sentence, not in an aside of other figures' periods.

    "a USD 1.1 billion surplus in December (November 2020: USD 1.0 billion surplus; December
    2019: USD 1.2 billion surplus)": the bracket's years date its own figures, not "December".
    """
    for m in reversed(own):
        aside = None if m.is_base else in_aside(doc, sentence, m)
        if not m.is_base and (aside is None or aside[0] < position < aside[1]):
            return m.period
    return None


# Words before a month that make it the end of the year so far: "as at June 2017", "as at end-June".
_AS_AT = re.compile(r"\b(?i:as\s+at\s+(?:the\s+)?(?:end[-\s]+(?:of\s+)?)?)$")


def _twelve_months_to(month: Period) -> Period:
    """The twelve months ending with ``month``: what a rolling total "in December" counts."""
    year = month.year if month.last_month == 12 else month.year - 1
    end_year = None if month.last_month == 12 else month.year
    return Period(year, month.last_month % 12 + 1, month.last_month, end_year)


def months(period: Period) -> int:
    """Number of months of a period."""
    return (period.end[0] - period.year) * 12 + period.last_month - period.first_month + 1


def _named_of_length(doc: Mentions, own: list[SentencePeriod], count: int) -> Period | None:
    """The last period of ``count`` months named so far: what "the four-month period" refers to."""
    in_sentence = [m.period for m in own if not m.is_base and months(m.period) == count]
    return in_sentence[-1] if in_sentence else doc.last_of_length.get(count)


def _in_doc_year(doc: Mentions, period: Period | None) -> bool:
    """Whether ``period`` ends in the document's year (a running period "this year" can name)."""
    return period is not None and doc.doc_year is not None and period.end[0] == doc.doc_year


def _kind(doc: Mentions, sentence: Sentence, mention: PeriodMention) -> str:
    """Order of resolution: written in full, part without a year (own, then compared), relative."""
    if not mention.is_relative:
        return "written"
    if not mention.needs_year:
        return "relative"
    return "needs_year_base" if _base_marker(doc, sentence, mention) else "needs_year"


def _base_marker(doc: Mentions, sentence: Sentence, mention: PeriodMention) -> re.Match | None:
    """Words before a mention that make it the compared period ("compared to", "from $4bn in")."""
    window_start = max(sentence.start, mention.start - 80)
    return BASE_MARKER.search(doc.masked, window_start, mention.start)


def _months_back(doc: Mentions, count: int, current: Period | None) -> Period | None:
    """The last ``count`` months.

    Up to the month before the document's date, else the running period's. "During the last 11
    months" of a page dated 17/12/2013 is 2013-01/2013-11.
    """
    if doc.doc_date is not None:
        year, month = doc.doc_date
        last_year, last = divmod(year * 12 + month - 2, 12)
        last += 1
    elif current is not None:
        last_year, last = current.end
    else:
        return None
    first_year, first = divmod(last_year * 12 + last - count, 12)
    return Period(first_year, first + 1, last, last_year if last_year != first_year else None)


_LAST_MONTH = re.compile(r"(?i:last\s+month)")


def _last_month(doc: Mentions, current: Period | None) -> Period | None:
    """The month "last month" names.

    The month before the document's date, else the latest month of the running period: "the
    partners that boosted the surplus last month", after figures of January to September 2023, is
    September 2023.
    """
    if doc.doc_date is not None:
        year, month = divmod(doc.doc_date[0] * 12 + doc.doc_date[1] - 2, 12)
        return Period(year, month + 1, month + 1)
    if current is None:
        return None
    return Period(current.end[0], current.last_month, current.last_month)


def _dated_anchor(doc: Mentions, mention: PeriodMention) -> Period | None:
    """Year of a part named without one: the latest such part that ends by the document's date."""
    if doc.doc_date is None:
        return None
    year, month = doc.doc_date
    period = mention.resolve(Period(year, 1, 12), year, False)
    if period is not None and period.end > (year, month):
        year -= 1
    return Period(year, 1, 12)


def _resolve(
    doc: Mentions, sentence: Sentence, mention: PeriodMention, current: Period | None
) -> SentencePeriod:
    marker = _base_marker(doc, sentence, mention)
    compared = marker is not None
    # without a document date, "this year" is the year the article is about
    year = doc.doc_year if doc.doc_year is not None else (doc.main.year if doc.main else None)
    period = mention.resolve(current, year, compared)
    if _LAST_MONTH.fullmatch(doc.masked, mention.start, mention.end):
        period = _last_month(doc, current) if doc.doc_date or period is None else period
    marker_start = marker.start() if marker else mention.start
    return SentencePeriod(
        mention.start,
        mention.end,
        period,
        compared or mention.is_base,
        marker_start,
        mention.is_since,
    )


# Words between a period and the figure it dates: "March's $790 million", "the 2011 figures of
# $3.47bn".
_DATES_NEXT_FIGURE = re.compile(
    r"""(?:['’]s?)?\s*(?:(?i:figures?|peak|level|total|value|high|low|record)\s+(?i:of|at)\s+)?
    (?:(?i:the|a)\s+)?(?:(?i:about|around|almost|nearly|over)\s+)?""",
    re.VERBOSE,
)
# A relative clause about a period before a figure: "in 2016, during which a surplus of", "when ...
# was", "last year's, which reached 9.2 billion".
# "when compared to" is a comparison, not a relative clause.
_RELATIVE_CLAUSE = re.compile(
    r"(?:['’]s)?,?\s+(?i:during\s+which|in\s+which|which|when(?!\s+compared\b))\b[^¤.;()]{0,80}"
)
# Words opening a sentence with a contrast before its period: "While in 2021, ...".
_CONTRAST_OPENER = re.compile(r"(?i:while|whereas)\s+(?i:in|for|during)\s+")
# A period written right after a figure, by "in", "for" or "during", with at most the kind of
# balance and a verb of recording between: "US$159 million in 1974", "a USD 7.9 billion surplus in
# November", "the USD 0.7 billion surplus registered in the previous month".
_WRITTEN_AFTER = re.compile(
    r"""\s*(?:(?i:(?:trade\s+)?(?:surplus|deficit))\s+)?(?:(?i:observed|registered|recorded|seen|reported)\s+)?
    (?:(?i:in|for|during)\s+)?""",
    re.VERBOSE,
)
_AFTER_BY = re.compile(r"\b(?i:in|for|during)\s")
# ... or a period written as a noun phrase: "a deficit of 313 million dollars the previous year".
_NAMED_AFTER = re.compile(r"(?i:the|a|last)\s")
# A money amount in another currency or unit right before a bracket: "Ksh 1,617.6 billion
# ($13.72bn)", "340.6 billion dirhams ($92.7 billion)".
_AMOUNT_BEFORE_BRACKET = re.compile(r"\d(?:[\d.,\s]*\d)?(?:\s*[A-Za-z]+){0,2}\s*\(\s*$")


def figure_period(
    doc: Mentions,
    sentence: Sentence,
    amount: Amount,
    mentions: list[SentencePeriod],
    current: Period | None,
    running: Period | None = None,
) -> Period | None:
    """The period a figure belongs to, from the narrowest scope that names one.

    A period written right before it ("March's $790m", "the 2011 figures of $3.47bn"); its bracket's
    own period ("(... in January-May 2022)"); for a bracket right after a period, that period; then
    the nearest period of its clause, else the period opening the sentence, else the nearest in the
    sentence; else the running period. A figure right after "from", "compared with" takes the
    compared period. ``current`` is the sentence's period, ``running`` the one before the sentence
    (for a figure whose sentence names only the periods of other figures).
    """
    # "March's $790m"; "compared to US$159 million in 1974", "the USD 7.9 billion surplus in
    # November"; "the same period in 2016, during which a surplus of $5.13bn was recorded"
    for words_between in (_DATES_NEXT_FIGURE, _WRITTEN_AFTER, _RELATIVE_CLAUSE):
        if words_between is _WRITTEN_AFTER:
            near = (
                m
                for m in mentions
                if m.start >= amount.end
                and words_between.fullmatch(doc.masked, amount.end, m.start)
                and (
                    _AFTER_BY.search(doc.masked[amount.end : m.start + 7])
                    or _NAMED_AFTER.match(doc.masked, m.start) is not None
                )
            )
        else:
            near = (
                m
                for m in reversed(mentions)
                if m.end <= amount.start
                and words_between.fullmatch(doc.masked, m.end, amount.start)
            )
        written = next((m for m in near if m.period), None)
        if written is not None:
            return written.period
    bracket = _bracket_around(doc.masked, sentence, amount.start)
    if bracket is not None:
        inside = [m for m in mentions if m.period and bracket[0] < m.start < bracket[1]]
        if inside:
            return min(inside, key=lambda m: _distance(m, amount)).period
        before = doc.masked[max(sentence.start, bracket[0] - 200) : bracket[0] + 1]
        preceding = [m for m in mentions if m.period and m.end <= bracket[0]]
        touching = preceding and not doc.masked[preceding[-1].end : bracket[0]].strip()
        # "In comparison with 2015, exports fell by 5.9% ($2bn)": a compared period further back
        # names the base of the change, not the period of the amount in the bracket
        apart_base = preceding and not touching and preceding[-1].is_base
        if preceding and not apart_base and (touching or not _AMOUNT_BEFORE_BRACKET.search(before)):
            return preceding[-1].period
    clause = clause_index(doc, sentence, amount.start)
    candidates = [
        m
        for m in mentions
        if (m.period or m.is_since)
        and (
            not m.is_base
            or m.marker_start < amount.start < m.end
            or _opens_sentence(doc, sentence, m)
            or _opens_clause_of(doc, sentence, m, amount)
        )
        and not _dates_other_figure(doc, sentence, m, amount, clause)
        and not _aside_of_other(doc, sentence, m, amount)
    ]
    if not candidates:
        chosen = None
        # "grown from $67.31m in May last year to $116.56m" while three months run: a compared
        # period a year or more before the running one is compared with its own months a year on
        period = running if running is not None else current
        after_base = year_after_base(mentions)
        if period is None or (after_base and _months_between(after_base, period) >= 0):
            period = after_base
    else:

        def opens(m: SentencePeriod) -> bool:
            # "While in 2021, Armenia imported $1.8 billion ..., in 2024 this figure ...": a
            # fronted contrast dates the figures up to the next period named
            return _opens_sentence(doc, sentence, m) or (
                _CONTRAST_OPENER.fullmatch(doc.masked, sentence.start, m.start) is not None
                and not any(m.end <= c.start < amount.start for c in candidates)
            )

        def rank(m: SentencePeriod) -> tuple[bool, bool, int]:
            other_clause = clause_index(doc, sentence, m.start) != clause
            return other_clause, not opens(m), _distance(m, amount)

        chosen = min(candidates, key=rank)
        period = chosen.period
    if (
        period is not None
        and not (chosen and chosen.is_base)
        and BASE_BEFORE_AMOUNT.search(
            doc.masked, max(sentence.start, amount.start - 80), amount.start
        )
    ):
        # "grew to $5bn in 2023 from $4bn": the compared figure is of the earlier period
        bases = [m.period for m in mentions if m.is_base and m.period]
        return bases[0] if bases else period.with_year(period.year - 1)
    return period


# A period written right after a figure dates that figure: "$1.8 billion in November 2011".
_AFTER_FIGURE = re.compile(r"¤\s*(?:(?i:in|for|during|at\s+the\s+end\s+of)\s+)?$")


def _dates_other_figure(
    doc: Mentions, sentence: Sentence, mention: SentencePeriod, amount: Amount, clause: int
) -> bool:
    """Whether a period of another clause is written right after another figure, which it dates.

    "we have $1.72 billion in surplus, ..., as the surplus had reached $1.8 billion in November
    2011": November 2011 is the period of $1.8 billion only.
    """
    return (
        mention.start > amount.end
        and clause_index(doc, sentence, mention.start) != clause
        and _AFTER_FIGURE.search(doc.masked, max(sentence.start, mention.start - 30), mention.start)
        is not None
    )


def in_aside(doc: Mentions, sentence: Sentence, mention: SentencePeriod) -> tuple[int, int] | None:
    """The bracket holding a period and a number of its own, if any: an aside about that period.

    "The coverage ratio was 0.93 (in January — November 2015 — 1,01)": 2015 dates 1,01 only.
    """
    bracket = _bracket_around(doc.masked, sentence, mention.start)
    if bracket is None or bracket[1] < mention.end:
        return None
    rest = doc.masked[bracket[0] : mention.start] + doc.masked[mention.end : bracket[1]]
    return bracket if re.search(rf"\d|{MASK}", rest) else None


def _aside_of_other(
    doc: Mentions, sentence: Sentence, mention: SentencePeriod, amount: Amount
) -> bool:
    """Whether a period is in an aside (see ``in_aside``) that does not hold ``amount``."""
    aside = in_aside(doc, sentence, mention)
    return aside is not None and not aside[0] < amount.start < aside[1]


def _months_between(earlier: Period, later: Period) -> int:
    """Months from the end of ``earlier`` to the end of ``later`` (negative when it ends later)."""
    return (later.end[0] - earlier.end[0]) * 12 + later.end[1] - earlier.end[1]


def _distance(mention: SentencePeriod, amount: Amount) -> int:
    """Characters between a period mention and an amount."""
    if mention.end <= amount.start:
        return amount.start - mention.end
    return max(mention.start - amount.end, 0)


def _bracket_around(masked: str, sentence: Sentence, position: int) -> tuple[int, int] | None:
    """(start, end) of the innermost bracket of the sentence holding ``position``, if any."""
    low = max(sentence.start, position - 300)
    opening = masked.rfind("(", low, position)
    if opening < 0 or masked.rfind(")", opening, position) >= 0:
        return None
    closing = masked.find(")", position, min(sentence.end, position + 300))
    return (opening, closing if closing >= 0 else sentence.end)


def opening_period(
    doc: Mentions, sentence: Sentence, mentions: list[SentencePeriod]
) -> Period | None:
    """The period a sentence opens with ("In January-April 2019, Uzbekistan led trade ..."), if any.

    It is the running period of the sentences after it, even when the sentence states no figure.
    So is "last month" anywhere in it: "the partners that boosted the surplus last month were the
    United States, India and the Philippines." dates the figures of the next sentence.
    """
    return next(
        (
            m.period
            for m in mentions
            if m.period
            and (
                (not m.is_base and _opens_sentence(doc, sentence, m))
                or _LAST_MONTH.fullmatch(doc.masked, m.start, m.end)
            )
        ),
        None,
    )


def _opens_sentence(doc: Mentions, sentence: Sentence, mention: SentencePeriod) -> bool:
    """Whether an earlier period opens the sentence.

    As in "In the same period of 2023, trade stood at", "However, in the analogical period of the
    previous year, 39 198 mln dollars".
    """
    return (
        mention.marker_start == mention.start
        and re.fullmatch(
            r"(?i:(?:(?:however|meanwhile),?\s+)?(?:and\s+|but\s+)?(?:in|for|during|over|at)?\s*)",
            doc.masked[sentence.start : mention.start],
        )
        is not None
    )


# Words opening a clause before its period: ", and in the previous month it was also negative".
_CLAUSE_OPENER = re.compile(r"[\s,;:]*(?i:(?:and|but|while|whereas)\s+)?(?i:in|for|during|over)\s+")


def _opens_clause_of(
    doc: Mentions, sentence: Sentence, mention: SentencePeriod, amount: Amount
) -> bool:
    """Whether a period opens the clause of ``amount`` after "in", "for", "during" or "over".

    "in May 2023 ... $2.267 billion, and in the previous month it was also negative - $2.093
    billion": a compared period so written dates the figures of its own clause.
    """
    clause = clause_index(doc, sentence, mention.start)
    if mention.start > amount.start or clause != clause_index(doc, sentence, amount.start):
        return False
    breaks = doc.clause_breaks
    at = bisect.bisect_left(breaks, mention.start) - 1
    start = breaks[at] if at >= 0 and breaks[at] >= sentence.start else sentence.start
    return _CLAUSE_OPENER.fullmatch(doc.masked, start, mention.start) is not None


def clause_index(doc: Mentions, sentence: Sentence, position: int) -> int:
    """Number of clause breaks between the sentence start and ``position``."""
    breaks = doc.clause_breaks
    return bisect.bisect_left(breaks, position) - bisect.bisect_left(breaks, sentence.start)


# flows
def claim_periods(
    mentions: list[SentencePeriod], current: Period | None, kind: str, position: int = 0
) -> tuple[Period | None, Period | None]:
    """(period, base period) of a claim in a sentence.

    The latest period named against the compared one, else an earlier one named, else a year before.
    The compared one is the first named from the claim's ``position`` on, else the first named: in
    "2.1-fold more than in August 2021 …, and 27% more than in the previous month" each has its own.
    """
    own = [m.period for m in mentions if m.period and not m.is_base]
    bases = [m.period for m in mentions if m.period and m.is_base]
    period = max(own, key=lambda p: p.end) if own else current or year_after_base(mentions)
    if kind == "share":
        return period, None
    earlier = [p for p in own if period and p.end < period.end]
    if bases:
        after = [m.period for m in mentions if m.period and m.is_base and m.start >= position]
        base = after[0] if after else bases[0]
    elif earlier:
        base = earlier[-1]
    else:
        base = period.with_year(period.year - 1) if period else None
    return period, base


def year_after_base(mentions: list[SentencePeriod]) -> Period | None:
    """The period a year after the compared one.

    For "rose 5% compared to 2022" with no current period.
    """
    base = next((m.period for m in mentions if m.is_base and m.period), None)
    return base.with_year(base.year + 1) if base else None
