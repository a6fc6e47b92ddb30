"""Turning a matched period expression into a ``PeriodMention`` with its resolver.

A resolver finds the months meant once the running period and the document's year are known:
"April" is April of the year being read, "the same period last year" the running months a year
before.
"""

import re
from collections.abc import Callable

from analysis.loaders._period_types import Period, PeriodMention, Resolver
from analysis.reference.news_vocabulary import NUMBER_WORDS
from analysis.reference.period_vocabulary import (
    DOC_YEAR_SHIFTS,
    MONTH_NAMES,
    MONTH_ORDINALS,
    ORDINALS,
)

# Month name or abbreviation (no dot) → 1..12: "January", "Jan", "Sept".
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTH_NAMES, 1)}
MONTH_NUMBERS.update({name[:3]: number for name, number in list(MONTH_NUMBERS.items())})
MONTH_NUMBERS["Sept"] = 9


def month_list_mentions(match: re.Match) -> list[PeriodMention]:
    """One mention per month of "May and April (2021)", each spanning its own name."""
    year_of, is_relative, is_base = _year_of(match)
    needs_year = is_relative and not is_base and not match.group("the_year")
    mentions = []
    for group in ("m1", "m2"):
        month = MONTH_NUMBERS[match.group(group).rstrip(".")]
        resolver = _months_period(year_of, month, month)
        start, end = match.span(group)
        mentions.append(PeriodMention(start, end, resolver, is_relative, is_base, needs_year))
    return mentions


def _months_period(year_of: Callable, first: int, last: int, within: bool = False) -> Resolver:
    """Months ``first``..``last`` of the year found; a range past December ends the next year.

    ``within``: months named without a year, inside a running period that spans two calendar years
    ("In January alone" after "July-January of fiscal 2010-11"), are of the year they fall in.
    """

    def resolve(
        current: Period | None, doc_year: int | None, compared: bool = False
    ) -> Period | None:
        year = year_of(current, doc_year)
        if year is None or not (1 <= first <= 12 and 1 <= last <= 12):
            return None
        spans_two = current is not None and current.end_year not in (None, current.year)
        if within and spans_two and year == current.year and first <= last < current.first_month:
            year = current.end_year
        return Period(year, first, last) if first <= last else Period(year, first, last, year + 1)

    return resolve


def _year_of(match: re.Match) -> tuple[Callable, bool, bool]:
    """How to find the year of a match: (year(current, doc_year), is_relative, is_base)."""
    groups = match.groupdict()
    if groups.get("year"):
        year = int(groups["year"])
        return (lambda current, doc_year: year), False, False
    if groups.get("short_year"):
        short = groups["short_year"]
        year = int(short) if len(short) == 4 else 2000 + int(short)
        return (lambda current, doc_year: year), False, False
    rel = " ".join((groups.get("rel") or "").lower().split())
    if rel in DOC_YEAR_SHIFTS:
        shift = DOC_YEAR_SHIFTS[rel]
        return (
            (lambda current, doc_year: None if doc_year is None else doc_year + shift),
            False,
            False,
        )
    if rel:
        return (lambda current, doc_year: None if current is None else current.year - 1), True, True
    return (lambda current, doc_year: doc_year if current is None else current.year), True, False


def _fiscal_months(first_year: int, start: int, count: int) -> Period:
    """``count`` months from month ``start`` of ``first_year`` (a fiscal year's first months)."""
    last_year, last = divmod(first_year * 12 + start - 1 + count - 1, 12)
    return Period(first_year, start, last + 1, last_year if last_year != first_year else None)


def period_mention(
    name: str,
    match: re.Match,
    fiscal_start: int = 4,
    is_fiscal_text: bool = False,
    fiscal_year: Period | None = None,
) -> PeriodMention | None:
    """Build the mention for one pattern match, or None when the numbers are not a period."""
    groups = match.groupdict()
    span = (match.start(), match.end())
    if groups.get("fy1") and (int(groups["fy1"]) + 1) % 100 != int(groups["fy2"]):
        return None  # "2024-26" or a date, not a fiscal year
    if name == "fiscal_first_months" or (
        name == "first_months" and is_fiscal_text and not groups.get("year")
    ):
        count = NUMBER_WORDS.get(groups["months"].lower()) or int(groups["months"])
        if groups.get("fy1"):
            period = _fiscal_months(int(groups["fy1"]), fiscal_start, count)
            return PeriodMention(
                *span, lambda current, doc_year, compared=False: period, False, False
            )
        year_of, _, _ = _year_of(match)
        back = 1 if groups.get("fiscal_back") else 0  # "of the last fiscal year"

        # "of the current fiscal year" names the text's fiscal year, whatever period runs
        names_current = re.search(r"(?i:current|present|this)\s", match.group(0)) is not None

        def resolve(current, doc_year, compared=False):  # noqa: ANN001, ANN202 - a Resolver
            if fiscal_year is not None and (current is None or names_current):
                return _fiscal_months(fiscal_year.year - back, fiscal_start, count)
            year = year_of(current, doc_year)
            return None if year is None else _fiscal_months(year - back, fiscal_start, count)

        return PeriodMention(*span, resolve, True, False, True)
    if name == "fiscal_quarter":
        number = ORDINALS[groups["ordinal"].lower()]
        back = 1 if groups.get("fiscal_back") else 0

        def resolve(current, doc_year, compared=False):  # noqa: ANN001, ANN202 - a Resolver
            if groups.get("fy1"):
                first_year = int(groups["fy1"])
            elif fiscal_year is not None:
                first_year = fiscal_year.year - back
            elif current is not None and current.first_month == fiscal_start:
                first_year = current.year - back  # the running fiscal year's
            else:
                return None
            year, month = divmod(first_year * 12 + fiscal_start - 1 + 3 * (number - 1), 12)
            return _fiscal_months(year, month + 1, 3)

        return PeriodMention(*span, resolve, not groups.get("fy1"), False)
    if name in ("fiscal_before", "fiscal_current"):
        back = 1 if name == "fiscal_before" else 0

        def resolve(current, doc_year, compared=False):  # noqa: ANN001, ANN202 - a Resolver
            if fiscal_year is not None:
                return fiscal_year.with_year(fiscal_year.year - back)
            if current is not None and current.first_month == fiscal_start:
                return _fiscal_months(current.year - back, fiscal_start, 12)  # the running one's
            return None

        return PeriodMention(*span, resolve, True, False)
    if name == "fiscal_month_range":
        fy = int(groups["fy1"])
        first, last = (
            MONTH_NUMBERS[groups["m1"].rstrip(".")],
            MONTH_NUMBERS[groups["m2"].rstrip(".")],
        )
        first_year = fy if first >= fiscal_start else fy + 1
        last_year = fy if last >= fiscal_start else fy + 1
        if (last_year, last) < (first_year, first):
            return None
        period = Period(first_year, first, last, last_year if last_year != first_year else None)
        return PeriodMention(*span, lambda current, doc_year, compared=False: period, False, False)
    if name == "since":
        return PeriodMention(
            *span, lambda current, doc_year, compared=False: None, False, False, is_since=True
        )
    if name == "date_range":
        first_year, last_year = int(groups["y1"]), int(groups["y2"])
        first, last = (
            MONTH_NUMBERS[groups["m1"].rstrip(".")],
            MONTH_NUMBERS[groups["m2"].rstrip(".")],
        )
        if (last_year, last) < (first_year, first) or last_year - first_year > 1:
            return None
        period = Period(first_year, first, last, last_year)
        return PeriodMention(*span, lambda current, doc_year, compared=False: period, False, False)
    if name in ("fiscal_range", "fiscal_short"):
        if name == "fiscal_range":
            first = int(groups["fy1"])
        else:
            fy = groups["fy"]
            first = (int(fy) if len(fy) == 4 else 2000 + int(fy)) - 1
        period = _fiscal_months(first, fiscal_start, 12)
        return PeriodMention(*span, lambda current, doc_year, compared=False: period, False, False)
    if name == "months_ending":
        written = groups["months"]
        count = 12 if groups["a_year"] else NUMBER_WORDS.get(written.lower()) or int(written)
        year_of, is_relative, is_base = _year_of(match)
        last = MONTH_NUMBERS[groups["m1"].rstrip(".")]
        return PeriodMention(
            *span, _ending_resolver(year_of, count, last), is_relative, False, is_relative
        )
    if name == "last_months":
        count = NUMBER_WORDS.get(groups["months"].lower()) or int(groups["months"])
        return PeriodMention(
            *span, lambda current, doc_year, compared=False: None, True, False, months_back=count
        )
    if name in ("year_to_date", "month_earlier", "quarter_earlier"):
        return PeriodMention(
            *span,
            _relative_resolver(name, groups),
            True,
            name != "year_to_date",
            is_this_year=name == "year_to_date" and "this" in match.group(0).lower(),
        )
    if name in ("same_period", "carry", "year_earlier"):
        is_base = name == "year_earlier" or (
            name == "same_period" and bool(groups["year"] or groups["rel"] or groups["fy1"])
        )
        if name == "same_period" and groups["fy1"]:
            groups = {**groups, "fiscal_start": fiscal_start}
        length = re.search(r"(\w+)-month", match.group(0)) if name == "carry" else None
        months = (
            (NUMBER_WORDS.get(length.group(1).lower()) or _int(length.group(1))) if length else 0
        )
        return PeriodMention(*span, _relative_resolver(name, groups), True, is_base, length=months)
    if name == "years_later":
        count = NUMBER_WORDS.get(groups["years"].lower()) or int(groups["years"])
        sign = 1 if groups["way"].lower() == "later" else -1

        def resolve(current, doc_year, compared=False):  # noqa: ANN001, ANN202 - a Resolver
            return None if current is None else current.with_year(current.year + sign * count)

        return PeriodMention(*span, resolve, True, False, years_after=sign * count)
    if name == "doc_year":
        shift = DOC_YEAR_SHIFTS[" ".join(match.group(0).lower().split())]

        def resolve(current, doc_year, compared=False):  # noqa: ANN001, ANN202 - a Resolver
            if current is not None and current.end_year not in (None, current.year):
                return current.with_year(current.year + shift)  # "last year" of a fiscal period
            if _counts_fiscal(current, fiscal_year):  # "this year" of a text in fiscal years
                return fiscal_year.with_year(fiscal_year.year + shift)
            return None if doc_year is None else Period(doc_year + shift, 1, 12)

        return PeriodMention(*span, resolve, False, False)
    year_of, is_relative, is_base = _year_of(match)
    if name in ("month_range", "month", "month_alone", "as_of_month"):
        first = MONTH_NUMBERS[groups["m1"].rstrip(".")] if groups.get("m1") else 1
        last = MONTH_NUMBERS[groups["m2"].rstrip(".")] if groups.get("m2") else first
        resolver = _months_period(year_of, first, last, is_relative and not is_base)
    elif name == "first_month":
        resolver = _months_period(year_of, 1, 1)
    elif name == "ordinal_month":
        month = MONTH_ORDINALS[groups["month_ordinal"].lower()]
        resolver = _months_period(year_of, month, month)
    elif name == "first_quarters":
        quarters = groups["quarters"].lower()
        resolver = _months_period(year_of, 1, 3 * (NUMBER_WORDS.get(quarters) or int(quarters)))
    elif name in ("months_short", "first_months", "months_of", "months_alone"):
        count = groups["months"].lower()
        resolver = _months_period(year_of, 1, NUMBER_WORDS.get(count) or int(count))
    elif name == "short_quarter_range":
        resolver = _months_period(year_of, 3 * int(groups["q1"]) - 2, 3 * int(groups["q2"]))
    elif name in ("short_part", "ordinal_part"):
        unit = (groups.get("unit") or groups.get("unit2") or groups.get("part") or "").lower()[0]
        number = int(groups.get("n") or groups.get("n2") or ORDINALS[groups["ordinal"].lower()])
        size = 6 if unit == "h" else 3
        if number * size > 12 or (
            name == "short_part" and unit == "h" and not groups["short_year"]
        ):
            return None  # "H2" alone is hydrogen more often than the second half-year
        resolver = _months_period(year_of, size * (number - 1) + 1, size * number)
    else:  # bare year
        resolver = _months_period(year_of, 1, 12)
    needs_year = is_relative and not is_base and not groups.get("the_year")
    return PeriodMention(*span, resolver, is_relative, is_base, needs_year)


def _int(text: str) -> int:
    """``text`` as a whole number, 0 when it is not one."""
    return int(text) if text.isdigit() else 0


def _counts_fiscal(current: Period | None, fiscal_year: Period | None) -> bool:
    """Whether the running period is a fiscal one: it starts in the month the fiscal year starts.

    Only where that is not January (a calendar year would count too).
    """
    return (
        current is not None
        and fiscal_year is not None
        and fiscal_year.first_month != 1
        and current.first_month == fiscal_year.first_month
    )


def _ending_resolver(year_of: Callable, count: int, last: int) -> Resolver:
    """Resolver of "the 12 months ending November".

    ``count`` months up to ``last`` of the year found.
    """

    def resolve(
        current: Period | None, doc_year: int | None, compared: bool = False
    ) -> Period | None:
        year = year_of(current, doc_year)
        if year is None:
            return None
        first_index = year * 12 + last - count  # months counted from year 0, zero-based
        first_year, first = divmod(first_index, 12)
        return Period(first_year, first + 1, last, year if first_year != year else None)

    return resolve


def _relative_resolver(name: str, groups: dict) -> Resolver:
    """Resolvers for "the same period of 2022", "the above period" and "a year earlier"."""

    def resolve(
        current: Period | None, doc_year: int | None, compared: bool = False
    ) -> Period | None:
        rel = " ".join((groups.get("rel") or "").lower().split())
        if name == "year_to_date":
            return None if current is None else Period(current.end[0], 1, current.last_month)
        if name == "month_earlier":
            if current is None or current.first_month != current.last_month:
                return None
            year, month = divmod(current.end[0] * 12 + current.last_month - 2, 12)
            return Period(year, month + 1, month + 1)
        if name == "quarter_earlier":
            quarter = current and current.last_month - current.first_month == 2
            if not quarter or current.end_year is not None or current.first_month % 3 != 1:
                return None
            year, month = divmod(current.end[0] * 12 + current.first_month - 4, 12)
            return Period(year, month + 1, month + 3)
        if groups.get("year"):
            year = int(groups["year"])
        elif groups.get("fy1"):  # "the same period of 2009-10": the months of that fiscal year
            in_first_year = current is None or current.end_year is not None
            in_first_year = in_first_year or current.first_month >= groups["fiscal_start"]
            year = int(groups["fy1"]) + (0 if in_first_year else 1)
        elif rel in DOC_YEAR_SHIFTS and (current is None or DOC_YEAR_SHIFTS[rel] == 0):
            year = None if doc_year is None else doc_year + DOC_YEAR_SHIFTS[rel]
        elif name == "carry" or (name == "same_period" and not rel and not compared):
            return current  # "for the above period", "over the same period"
        else:  # "a year earlier", "the same period last year", "compared to the same period"
            year = None if current is None else current.year - 1
        if year is None:
            return None
        return Period(year, 1, 12) if current is None else current.with_year(year)

    return resolve
