"""The date a news page was written: its dateline near the top, else a date in its file name."""

import re

from analysis.loaders._period_resolvers import MONTH_NUMBERS
from analysis.reference.period_vocabulary import DATELINE_MONTH_NAMES, DATELINE_MONTH_VARIANTS

# Month names of a dateline, any case and language: "11 Agosto 2021", "6 January 2022", "Jul 27".
_DATELINE_MONTHS = {name.lower(): number for name, number in MONTH_NUMBERS.items()}
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
