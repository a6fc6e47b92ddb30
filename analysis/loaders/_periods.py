"""Period expressions in news text: their patterns, and finding them in text order.

Years, months, halves, quarters, month ranges, fiscal years and "the same period" references;
``_period_resolvers`` turns each match into a ``PeriodMention``.
"""

import bisect
import re

from analysis.loaders._period_resolvers import MONTH_NUMBERS, month_list_mentions, period_mention
from analysis.loaders._period_types import Period, PeriodMention
from analysis.loaders._scan import finditer
from analysis.reference.news_vocabulary import NUMBER_WORDS
from analysis.reference.period_vocabulary import (
    DOC_YEAR_SHIFTS,
    EARLIER_YEAR_PHRASES,
    MONTH_NAMES,
    MONTH_ORDINALS,
    RECORD_SINCE_WORDS,
)

# Month names are case-sensitive so that "may" the verb is never a month.
MONTH = r"(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\b\.?"
YEAR = r"(?:19|20)\d{2}(?![\d%])"


def _phrases(words: list[str]) -> str:
    """Alternation of phrases, longest first, with any whitespace between words.

    The patterns are verbose.
    """
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


REL_YEAR = _phrases([*DOC_YEAR_SHIFTS, *EARLIER_YEAR_PHRASES])
# Where a year may be written: a number, a relative phrase, or "the year" (the current one).
_YEAR_SPEC = rf"(?:(?P<year>{YEAR})|(?P<rel>(?i:{REL_YEAR}))|(?P<the_year>(?i:the\s+year)))"
_NUMBER_OF_MONTHS = r"(?P<months>1[0-2]|[1-9]|(?i:" + "|".join(NUMBER_WORDS) + "))"

_PATTERNS: list[tuple[str, str]] = [
    # "the first 10 months (July-April) of the current fiscal year 2022-23", "the first two months
    # of FY24", "the first five months of 2022-23" (a fiscal year by its form)
    (
        "fiscal_first_months",
        rf"""(?i:(?:the\s+)?first\s+){_NUMBER_OF_MONTHS}\s+(?i:months)(?:\s*\([^()]{{0,30}}\))?\s+(?i:of)\s+
        (?:(?i:the\s+)?(?:(?i:current|present|this|(?P<fiscal_back>last|previous|past))\s+)?(?i:fiscal|financial)(?:\s+(?i:year))?
        |(?=(?:19|20)\d{{2}}\s*[-–/]\s*\d{{2}}(?![\d%])))(?:\s*(?P<fy1>(?:19|20)\d{{2}})\s*[-–/]\s*(?P<fy2>\d{{2}}))?""",
    ),
    # "July-August 2023-24", "July-April (2022-23)", "July-April of 2021-22", "July-January of
    # fiscal 2010-11", "the April-June quarter of 2012-13 fiscal": months of a fiscal year
    (
        "fiscal_month_range",
        rf"""(?P<m1>{MONTH})\s*(?:-|–|—|(?i:through|thru|to|till|until))\s*(?P<m2>{MONTH})
        (?:\s+(?i:quarter|period))?(?:\s+(?i:of))?,?
        \s*(?:(?i:fiscal(?:\s+year)?|FY)\s*)?\(?(?P<fy1>(?:19|20)\d{{2}})\s*[-–/]\s*(?P<fy2>\d{{2}})\)?(?![\d%])""",
    ),
    # "the first quarter of the current fiscal year", "the second quarter of fiscal 2023-24"
    (
        "fiscal_quarter",
        r"""(?i:(?:the\s+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter\s+of\s+
        (?:the\s+)?(?:(?:current|present|this|(?P<fiscal_back>last|previous|past))\s+)?(?:fiscal|financial)
        (?:\s+year)?)(?:\s+(?P<fy1>(?:19|20)\d{2})\s*[-–/]\s*(?P<fy2>\d{2}))?\b""",
    ),
    # "the same period of 2022", "the corresponding period last year", "the same period", "the same
    # period of 2009-10" (a fiscal year), "the same period with last year", "the same period in the
    # previous fiscal year", "a similar period last year", "the analogical period of the previous
    # year"
    (
        "same_period",
        rf"""(?i:(?:the\s+|a\s+)?(?:same|corresponding|comparable|like|similar|analogical|analogous)\s+
        (?:period|month|quarter))
        (?:(?:\s+(?i:of|in|for|with))?(?:\s+(?i:the))?\s+(?:(?i:fiscal\s+|FY\s?)?
        (?P<fy1>(?:19|20)\d{{2}})\s*[-–/]\s*(?P<fy2>\d{{2}})(?![\d%])|(?P<year>{YEAR})
        |(?P<rel>(?i:{REL_YEAR}|(?:last|previous|preceding|past)\s+(?:fiscal|financial)(?:\s+year)?))))?""",
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
    # "as of November", "the accumulated trade balance until November": the months of the year up
    # to November
    ("as_of_month", rf"(?i:as\s+of|until|till)\s+(?P<m2>{MONTH})(?![\w-]|\.?\s*\d)"),
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
    # May", "the January-March months of this year"
    (
        "month_range",
        rf"""
        (?i:from\s+|between\s+)?(?P<m1>{MONTH})\s*(?:-to-|-|–|—|(?i:through|thru|to|till|until|and))\s*
        (?P<m2>{MONTH})(?:\s+(?i:months|period))?(?:\s+(?i:of))?,?(?:\s+{_YEAR_SPEC})?""",
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
    # "in 2020 first half", "2023 second quarter": the year before the part
    (
        "ordinal_part",
        rf"""(?P<year>{YEAR})\s+(?P<ordinal>(?i:first|second|third|fourth|1st|2nd|3rd|4th))(?:\s+|-)
        (?P<part>(?i:half|quarter))\b""",
    ),
    # "the first half of 2023", "the third quarter of last year", "the first quarter", "first-half",
    # "the I quarter of 2020", "the II half" (a Roman numeral, in capitals); "the first term of
    # 2021" (a quarter, in translations from Azerbaijani; only with its year)
    (
        "ordinal_part",
        rf"""(?i:(?:the\s+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|\b(?-i:IV|III|II|I))
        (?:\s+|-)
        (?P<part>half|quarter|term(?=\s+of\s+(?:the\s+current\s+year|this\s+year|(?:19|20)\d\d)))
        )(?:\s+(?i:of))?(?:\s+{_YEAR_SPEC})?""",
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
    # "for the current fiscal year": the text's fiscal year
    ("fiscal_current", r"(?i:(?:the\s+)?(?:current|present)\s+(?:fiscal|financial)(?:\s+year)?)\b"),
    # "in the last fiscal", "the previous fiscal year": the fiscal year before the text's own
    (
        "fiscal_before",
        r"(?i:(?:the\s+)?(?:last|previous|preceding|past)\s+(?:fiscal|financial)(?:\s+year)?)\b",
    ),
    # "the above period", "the reporting period", "the period under review": the current period;
    # "the reporting period of 2023": its months in that year
    (
        "carry",
        rf"""(?i:(?:the|this|that)\s+(?:above|above-mentioned|aforementioned|said|reporting|reported|indicated|
        specified|mentioned|same|12-month|twelve-month|four-month|\w+-month)?\s*period\b(?:\s+under\s+review)?
        (?:\s+(?i:of|in)\s+(?P<year>{YEAR}))?|(?:the|this|that)\s+fiscal(?:\s+year)?\b|(?:the\s+)?(?:aforementioned|above-mentioned|said)\s+
        (?:\w+\s+)?months)""",
    ),
    # "year-to-date", "since the year began": from January to the current period's last month
    (
        "year_to_date",
        r"""(?i:year[-\s]to[-\s]date|YTD|so\s+far\s+(?:in\s+)?this\s+year|since\s+the\s+(?:beginning|start)\s+of\s+the\s+year
        |since\s+the\s+year\s+(?:began|started))\b""",
    ),
    # "during the last 11 months", "over the past six months": months up to the latest reported one
    ("last_months", rf"(?i:(?:the\s+)?(?:last|past)\s+){_NUMBER_OF_MONTHS}\s+(?i:months)\b"),
    # "the previous month", "a month earlier", "month-on-month": the month before the current one
    (
        "month_earlier",
        r"""(?i:(?:the\s+)?(?:previous|preceding|prior|last)\s+month|a\s+month\s+(?:earlier|ago|before)
        |month[-\s]on[-\s]month|month-over-month|m-o-m|mom|m/m)\b""",
    ),
    # "the previous quarter", "a quarter earlier", "quarter-on-quarter": the quarter before the
    # current one ("the last quarter of" is the fourth)
    (
        "quarter_earlier",
        r"""(?i:(?:the\s+)?(?:previous|preceding|prior)\s+quarter|a\s+quarter\s+(?:earlier|ago|before)
        |quarter[-\s]on[-\s]quarter|quarter-over-quarter|q-o-q|qoq|q/q)\b""",
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
        rf"(?i:year[-\s]on[-\s]year|year-over-year|y-o-y|yoy|y/y|on-year|{_phrases(EARLIER_YEAR_PHRASES)})\b",
    ),
    ("doc_year", rf"(?i:{_phrases(list(DOC_YEAR_SHIFTS))})\b"),
    # "to $16.8 billion five years later": years after the period named before it
    (
        "years_later",
        rf"\b(?P<years>[2-9]|[1-9]\d|(?i:{'|'.join(NUMBER_WORDS)}))\s+(?i:years)\s+(?P<way>(?i:later|earlier))\b",
    ),
    # "in 2023", "2022": a bare year, never part of a bigger number, a date or a range "2022-2023"
    ("year", rf"(?<![\w$.,/–-])(?P<year>{YEAR})(?![\w]|[.,/–-]\d)"),
]
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
                mentions += month_list_mentions(match)
                continue
            mention = period_mention(name, match, fiscal_start, is_fiscal_text, fiscal_year)
            if mention is not None:
                take(match.start(), match.end())
                mentions.append(mention)
        if fresh:  # a pattern's own matches never overlap one another
            spans = sorted([*zip(taken_starts, taken_ends, strict=True), *fresh])
            taken_starts[:], taken_ends[:] = [s for s, _ in spans], [e for _, e in spans]
            fresh.clear()
    return sorted(mentions, key=lambda m: m.start)


# "the highest recorded since 2012": a record compared with the years since, not a running total.
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
    return word not in _NOT_NAMES and word.rstrip(".") not in MONTH_NUMBERS
