"""Periods in news text: years, months, halves, quarters and month ranges.

Also "the same period" references.
"""

import bisect
import re
from collections.abc import Callable

from analysis.loaders._period_types import Period, PeriodMention, Resolver
from analysis.loaders._scan import finditer
from analysis.reference.news_vocabulary import (
    DATELINE_MONTH_NAMES,
    DATELINE_MONTH_VARIANTS,
    DOC_YEAR_SHIFTS,
    EARLIER_YEAR_PHRASES,
    MONTH_NAMES,
    MONTH_ORDINALS,
    NUMBER_WORDS,
    ORDINALS,
    RECORD_SINCE_WORDS,
)

_MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["Sept"] = 9
MONTH_NUMBERS = _MONTHS  # month name or abbreviation (no dot) → 1..12
_ORDINALS = ORDINALS
_DOC_YEARS = DOC_YEAR_SHIFTS
_EARLIER_YEARS = EARLIER_YEAR_PHRASES

# Month names are case-sensitive so that "may" the verb is never a month.
MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
YEAR = r"(?:19|20)\d{2}(?![\d%])"


def _phrases(words: list[str]) -> str:
    """Alternation of phrases, longest first, with any whitespace between words.

    The patterns are verbose.
    """
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


REL_YEAR = _phrases([*_DOC_YEARS, *_EARLIER_YEARS])
# Where a year may be written: a number, a relative phrase, or "the year" (the current one).
_YEAR_SPEC = rf"(?:(?P<year>{YEAR})|(?P<rel>(?i:{REL_YEAR}))|(?P<the_year>(?i:the\s+year)))"
_NUMBER_OF_MONTHS = r"(?P<months>1[0-2]|[1-9]|(?i:" + "|".join(NUMBER_WORDS) + "))"

_PATTERNS: list[tuple[str, str]] = [
    # "the first 10 months (July-April) of the current fiscal year 2022-23", "the first two months
    # of FY24"
    (
        "fiscal_first_months",
        rf"""(?i:(?:the\s+)?first\s+){_NUMBER_OF_MONTHS}\s+(?i:months)(?:\s*\([^()]{{0,30}}\))?\s+(?i:of)\s+
        (?i:the\s+)?(?:(?i:current|present|this|(?P<fiscal_back>last|previous|past))\s+)?(?i:fiscal|financial)(?:\s+(?i:year))?
        (?:\s+(?P<fy1>(?:19|20)\d{{2}})\s*[-–/]\s*(?P<fy2>\d{{2}}))?""",
    ),
    # "July-August 2023-24", "July-April (2022-23)", "July-April of 2021-22", "July-January of
    # fiscal 2010-11": months of a fiscal year
    (
        "fiscal_month_range",
        rf"""(?P<m1>{MONTH})\s*(?:-|–|—|(?i:through|thru|to|till|until))\s*(?P<m2>{MONTH})(?:\s+(?i:of))?,?
        \s*(?:(?i:fiscal(?:\s+year)?|FY)\s*)?\(?(?P<fy1>(?:19|20)\d{{2}})\s*[-–/]\s*(?P<fy2>\d{{2}})\)?(?![\d%])""",
    ),
    # "the same period of 2022", "the corresponding period last year", "the same period", "the same
    # period of 2009-10" (a fiscal year)
    (
        "same_period",
        rf"""(?i:(?:the\s+)?(?:same|corresponding|comparable|like)\s+(?:period|month|quarter))
        (?:(?:\s+(?i:of|in|for))?(?:\s+(?i:the))?\s+(?:(?i:fiscal\s+|FY\s?)?
        (?P<fy1>(?:19|20)\d{{2}})\s*[-–/]\s*(?P<fy2>\d{{2}})(?![\d%])|(?P<year>{YEAR})
        |(?P<rel>(?i:{REL_YEAR}))))?""",
    ),
    # fiscal years: "FY24", "FY 2023-24", "fiscal 2023-24", "2023-24" (the second year one after the
    # first)
    (
        "fiscal_range",
        r"""(?:(?i:(?:the\s+)?(?:FY|fiscal(?:\s+year)?))\s*|(?<![\w$.,/–-]))(?P<fy1>(?:19|20)\d{2})\s*[-–/]\s*
        (?P<fy2>\d{2})(?![\d%]|[-–/.,]\d)""",
    ),
    ("fiscal_short", r"\b(?i:FY)\s?'?(?P<fy>(?:19|20)?\d{2})\b"),
    # "since 2004", "since the beginning of 2010": a running total, not a period
    (
        "since",
        rf"""(?i:since)\s+(?:(?i:at\s+least)\s+)?(?:(?i:the\s+(?:beginning|start|end)\s+of)\s+)?
        (?:{MONTH}\s+)?{YEAR}""",
    ),
    # "as of November": the months of the year up to November
    ("as_of_month", rf"(?i:as\s+of)\s+(?P<m2>{MONTH})(?![\w-]|\.?\s*\d)"),
    # "the rolling 12 months ending November", "the 12 months to March 2024", "the year ending July
    # 2019", "the fiscal year ended June 30, 2023": months ending at a month
    (
        "months_ending",
        rf"""(?i:(?:the\s+)?(?:rolling|last|past|trailing)\s+)?(?:(?P<months>1[0-2]|[2-9]|(?i:{"|".join(NUMBER_WORDS)}))
        [\s-]+(?i:months?)|(?P<a_year>(?i:(?:the\s+)?(?:fiscal\s+|financial\s+)?year)))\s+
        (?i:ending|ended|to|through|until)\s+(?:(?i:in)\s+)?(?P<m1>{MONTH})(?:\s+[0-3]?\d(?:st|nd|rd|th)?(?!\d))?
        (?:,?\s+{_YEAR_SPEC})?""",
    ),
    # "from March 21, 2023 to January 20, 2024": whole months from the first date to the second
    (
        "date_range",
        rf"""(?i:from\s+|between\s+)?(?P<m1>{MONTH})\s+[0-3]?\d,?\s+(?P<y1>{YEAR})\s*
        (?:-|–|—|(?i:through|thru|to|till|until|and))\s*(?P<m2>{MONTH})\s+[0-3]?\d,?\s+(?P<y2>{YEAR})""",
    ),
    # "November 11, 2021", "on July 8, 2021", "17/12/2013": a day, not a period a figure is counted
    # over
    ("day_date", rf"(?:{MONTH}\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+{YEAR}|\b[0-3]?\d/[01]?\d/{YEAR})"),
    # "during May and April, respectively", "in May and April 2021": two months, each its own period
    # (a range is "between January and November"); a page that lost a space: "during Mayand April"
    (
        "month_list",
        rf"""(?<!(?i:between)\s)(?<!\w)(?P<m1>{MONTH}|(?:{"|".join(MONTH_NAMES)})(?=and\s))
        \s*(?:,|(?i:and|&))\s*(?P<m2>{MONTH})(?!-)(?:,?\s+{_YEAR_SPEC})?""",
    ),
    # "January-August 2024", "from January through December 2022", "Jan.-Aug. 2024", "January to
    # May"
    (
        "month_range",
        rf"""
        (?i:from\s+|between\s+)?(?P<m1>{MONTH})\s*(?:-to-|-|–|—|(?i:through|thru|to|till|until|and))\s*
        (?P<m2>{MONTH})(?:\s+(?i:of))?,?(?:\s+{_YEAR_SPEC})?""",
    ),
    # "8M23", "8M 2023", "9M2024"
    ("months_short", r"\b(?P<months>1[0-2]|[1-9])M\s?'?(?P<short_year>\d{4}|\d{2})\b"),
    # "Q1-Q3 2023", "Q1 2023", "1Q23", "Q1'23", "H1 2023", "1H23", "H2 of 2022"
    (
        "short_quarter_range",
        r"\bQ(?P<q1>[1-4])\s*[-–]\s*Q(?P<q2>[1-4])(?:\s*'?|\s+of\s+)(?P<short_year>\d{4}|\d{2})\b",
    ),
    (
        "short_part",
        r"""\b(?:(?P<n>[1-4])(?P<unit>[QH])|(?P<unit2>[QH])(?P<n2>[1-4]))
        (?:(?:\s*'?|\s+of\s+|-)(?P<short_year>\d{4}|\d{2}))?\b""",
    ),
    # "the first half of 2023", "the third quarter of last year", "the first quarter", "first-half"
    (
        "ordinal_part",
        rf"""(?i:(?:the\s+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)(?:\s+|-)
        (?P<part>half|quarter))(?:\s+(?i:of))?(?:\s+{_YEAR_SPEC})?""",
    ),
    # "the first eight months of 2023", "8 months of 2023", "the first seven months"
    (
        "first_months",
        rf"""(?i:(?:the\s+)?first\s+){_NUMBER_OF_MONTHS}\s+(?i:months)(?:\s+(?i:of))?
        (?:\s+{_YEAR_SPEC})?""",
    ),
    # "the sixth month of 2018": one month of a year written with it
    (
        "ordinal_month",
        rf"""(?i:(?:the\s+)?(?P<month_ordinal>{"|".join(MONTH_ORDINALS)})\s+month\s+of)\s+
        {_YEAR_SPEC}""",
    ),
    ("first_month", rf"(?i:(?:the\s+)?first\s+month)(?:\s+(?i:of))?(?:\s+{_YEAR_SPEC})?"),
    ("months_of", rf"\b{_NUMBER_OF_MONTHS}\s+(?i:months)\s+(?i:of)\s+{_YEAR_SPEC}"),
    # "in 10 months", "over nine months" (a headline's months of the article's year)
    (
        "months_alone",
        rf"\b(?i:in|over|for|during)\s+{_NUMBER_OF_MONTHS}\s+(?i:months)\b(?!\s+(?i:of|ago|later)\b)",
    ),
    # "the first three quarters of 2024", "the first two quarters"
    (
        "first_quarters",
        rf"""(?i:(?:the\s+)?first\s+(?P<quarters>two|three|2|3)\s+quarters)(?:\s+(?i:of))?
        (?:\s+{_YEAR_SPEC})?""",
    ),
    # "the above period", "the reporting period", "the period under review": the current period
    (
        "carry",
        r"""(?i:(?:the|this|that)\s+(?:above|above-mentioned|aforementioned|said|reporting|reported|indicated|
        specified|mentioned|same|12-month|twelve-month|four-month|\w+-month)?\s*period\b(?:\s+under\s+review)?
        |(?:the|this|that)\s+fiscal(?:\s+year)?\b|(?:the\s+)?(?:aforementioned|above-mentioned|said)\s+
        (?:\w+\s+)?months)""",
    ),
    # "year-to-date": from January to the current period's last month
    (
        "year_to_date",
        r"(?i:year[-\s]to[-\s]date|YTD|so\s+far\s+this\s+year|since\s+the\s+(?:beginning|start)\s+of\s+the\s+year)\b",
    ),
    # "during the last 11 months", "over the past six months": months up to the latest reported one
    ("last_months", rf"(?i:(?:the\s+)?(?:last|past)\s+){_NUMBER_OF_MONTHS}\s+(?i:months)\b"),
    # "the previous month", "a month earlier", "month-on-month": the month before the current one
    (
        "month_earlier",
        r"""(?i:(?:the\s+)?(?:previous|preceding|prior|last)\s+month|a\s+month\s+(?:earlier|ago|before)
        |month[-\s]on[-\s]month|month-over-month|m-o-m|mom|m/m)\b""",
    ),
    # "April 2023", "in April", "April of last year"
    ("month", rf"(?P<m1>{MONTH})(?:\s+(?i:of))?,?\s+{_YEAR_SPEC}"),
    ("month_alone", rf"\b(?i:in|during|for|since|by|of)\s+(?P<m1>{MONTH})(?![\w-]|\.?\s*\d)"),
    ("month_alone", rf"(?<=\b[Ff]rom\s)(?P<m1>{MONTH})(?![\w-]|\.?\s*\d)"),
    # "January's trade surplus", "from March's $790 million", "last July": a month of the current
    # year
    ("month_alone", rf"\b(?P<m1>{MONTH})(?=['’]s\b)"),
    # "Looking at July alone": one month inside the running period
    ("month_alone", rf"\b(?P<m1>{MONTH})(?=\s+(?i:alone)\b)"),
    ("month_alone", rf"\b(?i:last|this\s+past)\s+(?P<m1>{MONTH})(?![\w-]|\.?\s*\d)"),
    # "January industrial exports totaled": a month naming the period of the words after it ("May"
    # is a verb)
    (
        "month_alone",
        rf"\b(?!May\b)(?P<m1>{MONTH})(?=\s+[a-z]+\s+(?:[a-z]+\s+)?(?:exports?|imports?|trade))",
    ),
    # "year-on-year", "a year earlier": the current period a year before
    (
        "year_earlier",
        rf"(?i:year[-\s]on[-\s]year|year-over-year|y-o-y|yoy|y/y|on-year|{_phrases(_EARLIER_YEARS)})\b",
    ),
    ("doc_year", rf"(?i:{_phrases(list(_DOC_YEARS))})\b"),
    # "to $16.8 billion five years later": years after the period named before it
    (
        "years_later",
        rf"\b(?P<years>[2-9]|[1-9]\d|(?i:{'|'.join(NUMBER_WORDS)}))\s+(?i:years)\s+(?P<way>(?i:later|earlier))\b",
    ),
    # "in 2023", "2022": a bare year, never part of a bigger number, a date or a range "2022-2023"
    ("year", rf"(?<![\w$.,/–-])(?P<year>{YEAR})(?![\w]|[.,/–-]\d)"),
]
# "the highest recorded since 2012": a record compared with the years since, not a running total.
# A capitalised word right before a year makes the year part of a name ("Expo 2017", "Vision 2030").
_NAME_BEFORE_YEAR = re.compile(r"(?<![\w.])(?P<word>[A-Z][\w-]*)\s+$")
_NOT_NAMES = {
    "In",
    "For",
    "During",
    "Since",
    "By",
    "Of",
    "From",
    "Until",
    "Till",
    "Through",
    "To",
    "And",
    "Than",
    "FY",
    "Fiscal",
    "Year",
    "Before",
    "After",
    "Over",
    "At",
    "On",
    "Between",
}
_COMPILED = [(name, re.compile(pattern, re.VERBOSE)) for name, pattern in _PATTERNS]


def find_period_mentions(
    text: str,
    fiscal_start: int = 4,
    is_fiscal_text: bool = False,
    fiscal_year: Period | None = None,
) -> list[PeriodMention]:
    """Find period expressions in ``text``, longest patterns first, without overlaps, in text order.

    Args:
        text: The text (money masked).
        fiscal_start: First month of the fiscal years the text names ("2022-23", "FY24").
        is_fiscal_text: Whether the text counts in fiscal years, so that "the first two months" with
            no year are the fiscal year's first months.
        fiscal_year: The fiscal year the text is written in, if known: "the current fiscal year",
            and "this year" or "last year" while the text counts in fiscal periods.
    """
    taken_starts: list[
        int
    ] = []  # spans already read, sorted and disjoint: overlaps by binary search
    taken_ends: list[int] = []

    def overlaps(start: int, end: int) -> bool:
        at = bisect.bisect_right(taken_starts, start) - 1
        if at >= 0 and taken_ends[at] > start:
            return True
        return at + 1 < len(taken_starts) and taken_starts[at + 1] < end

    def take(start: int, end: int) -> None:
        fresh.append((start, end))  # joins the others after its pattern: one merge, not inserts

    mentions, fresh = [], []
    for name, pattern in _COMPILED:
        for match in finditer(pattern, text):
            if overlaps(match.start(), match.end()):
                continue
            if name == "year" and _is_name_year(text, match.start()):
                continue
            if name == "day_date" or _after_superlative(text, match):
                take(match.start(), match.end())
                continue
            if name == "month_list":
                take(match.start(), match.end())
                mentions += _month_list(match)
                continue
            mention = _mention(name, match, fiscal_start, is_fiscal_text, fiscal_year)
            if mention is not None:
                take(match.start(), match.end())
                mentions.append(mention)
        if fresh:  # a pattern's own matches never overlap one another
            spans = sorted([*zip(taken_starts, taken_ends, strict=True), *fresh])
            taken_starts[:], taken_ends[:] = [s for s, _ in spans], [e for _, e in spans]
            fresh.clear()
    return sorted(mentions, key=lambda m: m.start)


def _month_list(match: re.Match) -> list[PeriodMention]:
    """One mention per month of "May and April (2021)", each spanning its own name."""
    year_of, is_relative, is_base = _year_of(match)
    needs_year = is_relative and not is_base and not match.group("the_year")
    mentions = []
    for group in ("m1", "m2"):
        month = _MONTHS[match.group(group).rstrip(".")]
        resolver = _months_period(year_of, month, month)
        start, end = match.span(group)
        mentions.append(PeriodMention(start, end, resolver, is_relative, is_base, needs_year))
    return mentions


_SUPERLATIVE_BEFORE = re.compile(rf"\b(?i:{_phrases(RECORD_SINCE_WORDS)})\b[^.;!?]{{0,50}}$")


def _after_superlative(text: str, match: re.Match) -> bool:
    """Whether "since 1997" closes a superlative ("the largest since 1997"): a comparison."""
    if not match.group(0)[:5].lower() == "since":
        return False
    return _SUPERLATIVE_BEFORE.search(text, max(0, match.start() - 60), match.start()) is not None


def _is_name_year(text: str, start: int) -> bool:
    before = _NAME_BEFORE_YEAR.search(text[max(0, start - 40) : start])
    if not before:
        return False
    word = before.group("word")
    return word not in _NOT_NAMES and word.rstrip(".") not in _MONTHS


def find_document_year(text: str, name: str = "") -> int | None:
    """Year of the document: a date near the top of the text, else one in its file name."""
    date = find_document_date(text, name)
    return date[0] if date else None


# Month names of a dateline, any case and language: "11 Agosto 2021", "6 January 2022", "Jul 27".
_DATELINE_MONTHS = {name.lower(): number for name, number in _MONTHS.items()}
for _names in DATELINE_MONTH_NAMES.values():
    _DATELINE_MONTHS.update({name: number for number, name in enumerate(_names.split(), 1)})
_DATELINE_MONTHS.update(DATELINE_MONTH_VARIANTS)
_DATELINE_MONTH = (
    r"(?P<month_name>(?i:" + "|".join(sorted(_DATELINE_MONTHS, key=len, reverse=True)) + r"))\.?"
)
_DATE_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
# How a publication date is written near the top of a page: "2023-10-07", "Jul 27, 2023",
# "October 6, 2004", "17/12/2013" (day first), "2017-12-31 02:01", "11 Agosto 2021",
# "6 de janeiro de 2022", "23.05.2019 15:29:44", "2020. július 02.", "2023/03/05".
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])-[0-3]\d\b")
_DATE_FORMS = [
    re.compile(r"\b(?P<year>(?:19|20)\d{2})[/.](?P<month>0[1-9]|1[0-2])[/.][0-3]\d\b"),
    re.compile(rf"(?<!\w){_DATELINE_MONTH}\s+[0-3]?\d(?:st|nd|rd|th)?,\s+{_DATE_YEAR}"),
    re.compile(r"\b[0-3]?\d/(?P<month>0?[1-9]|1[0-2])/(?P<year>(?:19|20)\d{2})\b"),
    re.compile(
        rf"(?<![\w.])[0-3]?\d(?:st|nd|rd|th|\.|º)?\s+(?:(?i:de|of)\s+)?{_DATELINE_MONTH}(?!\w)"
        rf",?\s+(?:(?i:de)\s+)?{_DATE_YEAR}"
    ),
    re.compile(r"(?<![\w.])[0-3]?\d\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d{2})\b"),
    re.compile(rf"(?<![\w.]){_DATE_YEAR}\.\s+{_DATELINE_MONTH}\s+[0-3]?\d\b"),
]


def find_document_date(text: str, name: str = "") -> tuple[int, int] | None:
    """(year, month) the document was written.

    The first date near the top of the text, else in its name; an ISO date wins over a written one
    ("date 2022-08-15 ... November 11, 2021" is of 2022-08). Month names may be of several
    languages ("11 Agosto 2021"); "2023/03/05" and "2023.03.05" are year first.
    """
    for where in (text[:300], name):
        match = _ISO_DATE.search(where)
        if match is None:
            found = [m for m in (form.search(where) for form in _DATE_FORMS) if m is not None]
            match = min(found, key=lambda m: m.start()) if found else None
        if match:
            groups = match.groupdict()
            month = groups.get("month") or _DATELINE_MONTHS[groups["month_name"].lower()]
            return int(match.group("year")), int(month)
    return None


def _months_period(year_of: Callable, first: int, last: int) -> Resolver:
    """Months ``first``..``last`` of the year found; a range past December ends the next year."""

    def resolve(
        current: Period | None, doc_year: int | None, compared: bool = False
    ) -> Period | None:
        year = year_of(current, doc_year)
        if year is None or not (1 <= first <= 12 and 1 <= last <= 12):
            return None
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
    if rel in _DOC_YEARS:
        shift = _DOC_YEARS[rel]
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


def _mention(
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

        def resolve(current, doc_year, compared=False):  # noqa: ANN001, ANN202 - a Resolver
            if current is None and fiscal_year is not None:
                return _fiscal_months(fiscal_year.year - back, fiscal_start, count)
            year = year_of(current, doc_year)
            return None if year is None else _fiscal_months(year - back, fiscal_start, count)

        return PeriodMention(*span, resolve, True, False, True)
    if name == "fiscal_month_range":
        fy = int(groups["fy1"])
        first, last = _MONTHS[groups["m1"].rstrip(".")], _MONTHS[groups["m2"].rstrip(".")]
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
        first, last = _MONTHS[groups["m1"].rstrip(".")], _MONTHS[groups["m2"].rstrip(".")]
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
        last = _MONTHS[groups["m1"].rstrip(".")]
        return PeriodMention(
            *span, _ending_resolver(year_of, count, last), is_relative, False, is_relative
        )
    if name == "last_months":
        count = NUMBER_WORDS.get(groups["months"].lower()) or int(groups["months"])
        return PeriodMention(
            *span, lambda current, doc_year, compared=False: None, True, False, months_back=count
        )
    if name in ("year_to_date", "month_earlier"):
        return PeriodMention(
            *span,
            _relative_resolver(name, groups),
            True,
            name == "month_earlier",
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
        shift = _DOC_YEARS[" ".join(match.group(0).lower().split())]

        def resolve(current, doc_year, compared=False):  # noqa: ANN001, ANN202 - a Resolver
            if current is not None and current.end_year not in (None, current.year):
                return current.with_year(current.year + shift)  # "last year" of a fiscal period
            if _counts_fiscal(current, fiscal_year):  # "this year" of a text in fiscal years
                return fiscal_year.with_year(fiscal_year.year + shift)
            return None if doc_year is None else Period(doc_year + shift, 1, 12)

        return PeriodMention(*span, resolve, False, False)
    year_of, is_relative, is_base = _year_of(match)
    if name in ("month_range", "month", "month_alone", "as_of_month"):
        first = _MONTHS[groups["m1"].rstrip(".")] if groups.get("m1") else 1
        last = _MONTHS[groups["m2"].rstrip(".")] if groups.get("m2") else first
        resolver = _months_period(year_of, first, last)
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
        number = int(groups.get("n") or groups.get("n2") or _ORDINALS[groups["ordinal"].lower()])
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
        if groups.get("year"):
            year = int(groups["year"])
        elif groups.get("fy1"):  # "the same period of 2009-10": the months of that fiscal year
            in_first_year = current is None or current.end_year is not None
            in_first_year = in_first_year or current.first_month >= groups["fiscal_start"]
            year = int(groups["fy1"]) + (0 if in_first_year else 1)
        elif rel in _DOC_YEARS and (current is None or _DOC_YEARS[rel] == 0):
            year = None if doc_year is None else doc_year + _DOC_YEARS[rel]
        elif name == "carry" or (name == "same_period" and not rel and not compared):
            return current  # "for the above period", "over the same period"
        else:  # "a year earlier", "the same period last year", "compared to the same period"
            year = None if current is None else current.year - 1
        if year is None:
            return None
        return Period(year, 1, 12) if current is None else current.with_year(year)

    return resolve
