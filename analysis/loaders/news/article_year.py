"""The year an article is about, and the year an undated page was published in.

They give the year to periods written without one ("in the first half", "this year").
"""

import re

from analysis.loaders._periods import Period
from analysis.loaders.news.mentions import Mentions
from analysis.loaders.news.vocabulary import BASE_MARKER, FUTURE, YEAR_END_POINT
from analysis.reference.period_vocabulary import DOC_YEAR_SHIFTS


def main_period(doc: Mentions) -> Period | None:
    """The year the article is about.

    The latest year it names, counting a passed year-end as the year after. Only when it names no
    year of its own, a compared year counts as the one after: "exports rose 22% in January from
    January 2005" is of 2006, but "$2.72 billion between April and June this year, against $3
    billion in Q1 2023 ... for 2023 as a whole" is of 2023; and only when it names neither, a year
    after a target's words ("trying to achieve US $2.5 billion in 2012"). It gives the year to parts
    written without one ("in the first half", "in September") when the document has no date. A
    related headline at the foot of the page does not count.
    """
    latest: list[int | None] = [None, None, None]  # own, compared, target → the latest year
    footer = _footer_start(doc)
    for mention in doc.periods:
        if mention.is_since or (mention.is_relative and not mention.is_base):
            continue
        if mention.start >= footer:
            continue
        period = mention.resolve(None, doc.doc_year, False)
        if period is None:
            continue
        sentence = doc.sentences.last_at(mention.start)  # a compared word of its own sentence
        window = doc.masked[
            max(sentence.start if sentence else 0, mention.start - 80) : mention.start
        ]
        is_base = mention.is_base or BASE_MARKER.search(window) is not None
        year_end = _passed_year_end(doc, mention.start, window)
        year = period.end[0] + (1 if is_base or year_end else 0)
        tier = 2 if _in_future_clause(doc, mention.start) else int(is_base and not year_end)
        latest[tier] = year if latest[tier] is None else max(latest[tier], year)
    year = next((y for y in latest if y is not None), None)
    return None if year is None else Period(year, 1, 12)


def _footer_start(doc: Mentions) -> int:
    """Where a related headline at the foot of the page starts, else the text's end.

    A last paragraph of one sentence with no money amount, not closed by a full stop: "Togolese
    banks provided 16.2% of WAEMU cross-border credit by September 2025 R" under an article on 2023.
    """
    last = doc.sentences.last_at(len(doc.masked))
    if last is None or len(doc.sentences) < 2:
        return len(doc.masked)
    before = doc.sentences.last_at(last.start - 1)
    if (
        before is None
        or before.paragraph == last.paragraph
        or doc.amounts.between(last.start, last.end)
        or re.search(r"[.!?]\W*$", doc.text[last.start : last.end])
    ):
        return len(doc.masked)
    return last.start


def _in_future_clause(doc: Mentions, start: int) -> bool:
    """Whether a year is written after a word of a target or forecast in its sentence.

    "trying to boost the trade ties to achieve US $2.5 billion in 2012"; "Next year is the 2020
    Malaysia-China Tourism Year": not the year the article reports.
    """
    sentence = doc.sentences.last_at(start)
    return sentence is not None and FUTURE.search(doc.masked, sentence.start, start) is not None


def headline_publication_year(doc: Mentions, headline: tuple[int, int] | None) -> int | None:
    """Year an undated page was published in, when its headline's year is the year it reports.

    "Exports to China help swell Brazilian trade surplus in 2020", then "rose to US$50.99 billion
    last year": the body's first period is "last year", so the page is of 2021.
    """
    if doc.doc_year is not None or headline is None:
        return None
    titled = [m for m in doc.periods.between(*headline) if not m.is_relative and not m.is_since]
    body = doc.periods.between(headline[1], len(doc.masked))
    if len(titled) != 1 or not body:
        return None
    period = titled[0].resolve(None, None, False)
    first = " ".join(doc.masked[body[0].start : body[0].end].lower().split())
    if period is None or DOC_YEAR_SHIFTS.get(first) != -1:
        return None
    return period.end[0] + 1


def _passed_year_end(doc: Mentions, start: int, window: str) -> bool:
    """Whether a year is named as its end, already passed: "hit $50 billion at the end of 2016"."""
    if YEAR_END_POINT.search(window) is None:
        return False
    sentence_start = max(doc.masked.rfind(".", 0, start), doc.masked.rfind("\n", 0, start)) + 1
    sentence_end = doc.masked.find(".", start)
    sentence = doc.masked[sentence_start : sentence_end if sentence_end >= 0 else len(doc.masked)]
    return FUTURE.search(sentence) is None
