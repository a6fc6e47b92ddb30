"""Period vocabulary as data: month names, ordinals, relative years and fiscal-year starts.

Month names in several languages (for datelines) and the words that make a year a comparison or a
forecast are here too.

``analysis.loaders._periods`` and its resolvers build their patterns from these tables; add a word
here, not there.
"""

# First month of the fiscal (statistical) year of countries whose news states fiscal-year figures.
# Source:
# the countries' budget laws as summarised in the CIA World Factbook field "Fiscal year" (2024
# edition).
# The Iranian year starts on 21 March and the Ethiopian on 8 July; they are counted from that month.
FISCAL_YEAR_START_MONTH = {
    "AUS": 7,
    "BGD": 7,
    "EGY": 7,
    "ETH": 7,
    "GBR": 4,
    "IND": 4,
    "IRN": 3,
    "JPN": 4,
    "KEN": 7,
    "NPL": 7,
    "NZL": 7,
    "PAK": 7,
    "USA": 10,
}

# Day of that month a fiscal year starts, where not the 1st. A year that starts on a later day ends
# in the same month of the next year ("2021-07/2022-07" for the Ethiopian year from 8 July 2021).
FISCAL_YEAR_START_DAY = {"ETH": 8, "IRN": 21}

# Used when a text states fiscal years but names no country of the table (India's April–March year
# is the
# most common in English-language trade news).
DEFAULT_FISCAL_YEAR_START_MONTH = 4

# Words that make "since 2012" the start of a comparison, not of a running total or the period a
# figure is counted over: "the highest recorded since 2012", "the largest since 1997", "the highest
# figure for the month since at least 2010", "first surplus since 2016".
RECORD_SINCE_WORDS = [
    "highest",
    "lowest",
    "largest",
    "biggest",
    "smallest",
    "strongest",
    "weakest",
    "fastest",
    "slowest",
    "best",
    "worst",
    "first",
    "record",
]

# Period words. Month names are matched with their case ("May" the month, not "may" the verb); their
# first three letters and "Sept" are abbreviations.
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# Month names a page's dateline may be written in ("11 Agosto 2021", "6 janvier 2022"), lower case,
# by language; English ones are MONTH_NAMES. Only the publication date is read in these languages.
DATELINE_MONTH_NAMES = {
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "ru": "yanvarya fevralya marta aprelya maya iyunya iyulya avgusta sentyabrya oktyabrya "
    "noyabrya dekabrya",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "hu": "január február március április május június július augusztus szeptember október "
    "november december",
}

# Other spellings of a month in a dateline: name → month number.
DATELINE_MONTH_VARIANTS = {"setiembre": 9, "jänner": 1, "fevrier": 2, "aout": 8, "decembre": 12}

# Ordinals of halves and quarters ("the third quarter").
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "i": 1,  # Roman numerals: "the I quarter of 2020"
    "ii": 2,
    "iii": 3,
    "iv": 4,
}

# Ordinal words of a month of the year ("the sixth month of 2018").
MONTH_ORDINALS = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
        1,
    )
}

# Years counted from the document's year ("this year" 0, "last year" -1).
DOC_YEAR_SHIFTS = {
    "this year": 0,
    "the current year": 0,
    "current year": 0,
    "last year": -1,
    "the past year": -1,
}

# Words before a year that name its last day as a point already passed ("hit $50 billion at the
# end of 2016"): an undated article that reports such a point was written in a later year.
YEAR_END_POINT_WORDS = [
    "at the end of",
    "by the end of",
    "as of the end of",
    "as at the end of",
]

# Words of a forecast or a target: after them in its sentence a year is not the one reported, and a
# year-end point in their sentence is not passed.
FUTURE_WORDS = [
    "will",
    "would",
    "expect",
    "expected",
    "expects",
    "target",
    "targets",
    "plan",
    "plans",
    "planned",
    "aim",
    "aims",
    "forecast",
    "projected",
    "goal",
    "achieve",
    "next year",
]

# Words that make a twelve-month total ending at the month named ("the 12-month trailing
# merchandise trade balance recording a USD 7.7 billion surplus in December", "the 12-month moving
# sum of trade").
ROLLING_WORDS = ["trailing", "rolling", "moving"]

# The current period a year before ("a year earlier", "the previous 12 months").
EARLIER_YEAR_PHRASES = [
    "a year earlier",
    "a year ago",
    "a year before",
    "the year before",
    "the previous year",
    "previous year",
    "the prior year",
    "prior year",
    "the preceding year",
    "preceding year",
    "the previous 12 months",
    "the previous twelve months",
    "the preceding 12 months",
]
