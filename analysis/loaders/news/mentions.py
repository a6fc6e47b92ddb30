"""Mentions of a text, found once with spans: amounts, periods, countries, flow words, claims."""

import dataclasses
import re

from analysis.loaders._amounts import scan_amounts
from analysis.loaders._countries import find_countries
from analysis.loaders._document_dates import find_document_date
from analysis.loaders._period_resolvers import MONTH_NUMBERS
from analysis.loaders._period_types import Period, PeriodMention
from analysis.loaders._periods import find_period_mentions
from analysis.loaders.news.claims import (
    claim_spans,
    drop_overlaps,
    find_change_claims,
    find_coverage_claims,
    find_level_percent_claims,
    find_other_percents,
    find_plan_claims,
)
from analysis.loaders.news.flows import find_flow_words
from analysis.loaders.news.sentences import split_sentences
from analysis.loaders.news.share_claims import find_share_claims
from analysis.loaders.news.spans import SpanIndex
from analysis.loaders.news.vocabulary import (
    CLAUSE_BREAK,
    FISCAL_START,
    FISCAL_WORDS,
    MASK,
)
from analysis.reference.period_vocabulary import (
    DEFAULT_FISCAL_YEAR_START_MONTH,
    FISCAL_YEAR_START_DAY,
    FISCAL_YEAR_START_MONTH,
)


class Mentions:
    """Everything found in one text, each with its span.

    ``default_pair`` and ``main`` are set by attachment.
    """

    def __init__(self, name: str, text: str):
        """Find every mention of ``text`` (named ``name``) once."""
        self.name, self.text = name, text
        self.amounts, self.unreadable = scan_amounts(text)
        pieces, done = [], 0
        for amount in self.amounts:
            pieces += [text[done : amount.start], MASK * (amount.end - amount.start)]
            done = amount.end
        self.masked = "".join([*pieces, text[done:]])
        self.sentences = split_sentences(text)
        self.doc_date = find_document_date(text, name)  # (year, month) written, or None
        self.doc_year = self.doc_date[0] if self.doc_date else None
        self.countries = find_countries(self.masked)
        self.fiscal_start = fiscal_year_start(self.masked, self.countries)
        is_fiscal = FISCAL_WORDS.search(self.masked) is not None
        self.fiscal_year = (
            current_fiscal_year(self.masked, self.countries, self.fiscal_start, self.doc_date)
            if is_fiscal
            else None
        )
        spans = claim_spans(self.masked, [(s.start, s.end) for s in self.sentences])
        # "88.2 percent of the January-April 2016 level": a change whose base the period names
        levels = SpanIndex(find_level_percent_claims(self.masked, spans))
        self.periods = [
            dataclasses.replace(m, is_base=True) if _inside(levels, m) else m
            for m in find_period_mentions(
                self.masked, self.fiscal_start, is_fiscal, self.fiscal_year
            )
        ]
        self.flow_words = SpanIndex(find_flow_words(self.masked))
        claims = drop_overlaps(
            find_change_claims(self.masked, spans)
            + find_share_claims(self.masked, self.flow_words, spans)
            + find_coverage_claims(self.masked, spans)
            + find_plan_claims(self.masked, spans)
            + levels.items
        )
        others = find_other_percents(self.masked, claims, [s.start for s in self.sentences], spans)
        self.claims = SpanIndex(claims + others)
        self.amounts = SpanIndex(self.amounts)
        self.periods = SpanIndex(self.periods)
        self.countries = SpanIndex(self.countries)
        self.sentences = SpanIndex(self.sentences)
        self.default_pair: tuple[str | None, str | None] = (None, None)
        self.main = None
        self.claim_sides: dict[int, tuple] = {}  # claim start → (reporter, partner), as attached
        self.roles_cache: dict[int, dict] = {}  # sentence start → its countries by role
        # the last period of each length (months) named by the sentences read so far
        self.last_of_length: dict[int, Period] = {}
        # where clauses break, once for the whole text: a clause's number is a binary search
        self.clause_breaks = [m.start() for m in CLAUSE_BREAK.finditer(self.masked)]


def _inside(claims: SpanIndex, mention: PeriodMention) -> bool:
    """Whether a period mention lies inside one of ``claims``."""
    claim = claims.last_at(mention.start)
    return claim is not None and mention.end <= claim.end


def fiscal_year_start(masked: str, countries: list) -> int:
    """First month of the text's fiscal years: as the text states it, else its first country's."""
    stated = FISCAL_START.search(masked)
    if stated:
        month = stated.group("month") or stated.group("month2")
        return MONTH_NUMBERS[month.rstrip(".")] if month else 3
    for country in countries:
        if country.iso3 in FISCAL_YEAR_START_MONTH:
            return FISCAL_YEAR_START_MONTH[country.iso3]
    return DEFAULT_FISCAL_YEAR_START_MONTH


# A fiscal year named with a fiscal word: "fiscal 2010-11", "FY 2023-24", "financial year 2022/23",
# "FY24" (the year ending in 2024).
_FISCAL_LABEL = re.compile(
    r"""\b(?i:FY|fiscal(?:\s+year)?|financial\s+year)\s*'?(?:(?P<fy1>(?:19|20)\d{2})\s*[-–/]\s*\d{2}
    |(?P<short>\d{2}))\b""",
    re.VERBOSE,
)


def _first_year(label: re.Match) -> int:
    """Calendar year a named fiscal year starts in ("FY24" starts in 2023)."""
    return int(label.group("fy1")) if label.group("fy1") else 2000 + int(label.group("short")) - 1


def current_fiscal_year(
    masked: str, countries: list, start: int, doc_date: tuple[int, int] | None
) -> Period | None:
    """The fiscal year the text is written in: the one it says began, else the one holding its date.

    "the current fiscal year which began on July 8, 2021" is 2021-07/2022-07: a year that starts
    on a day after the 1st ends in the same month of the next year. None without a year to go by.
    """
    stated = FISCAL_START.search(masked)
    country = next((c.iso3 for c in countries if c.iso3 in FISCAL_YEAR_START_MONTH), None)
    day = (
        FISCAL_YEAR_START_DAY.get(country, 1)
        if FISCAL_YEAR_START_MONTH.get(country) == start
        else 1
    )
    if stated and stated.group("day"):
        day = int(stated.group("day"))
    if stated and stated.group("year"):
        year = int(stated.group("year"))
    elif doc_date is not None:
        year = doc_date[0] if doc_date[1] >= start else doc_date[0] - 1
    else:  # an undated text: the latest fiscal year it names ("July-January of fiscal 2010-11")
        named = [_first_year(m) for m in _FISCAL_LABEL.finditer(masked)]
        if not named:
            return None
        year = max(named)
    if day > 1:
        return Period(year, start, start, year + 1)
    return Period(year, start, (start - 2) % 12 + 1, year + 1 if start > 1 else None)
