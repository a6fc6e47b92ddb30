"""News vocabulary as data: the words the news reader looks for, in plain tables (no patterns here).

``analysis.loaders.news.vocabulary`` builds its patterns from these tables; add a word here, not there.
"""

# First month of the fiscal (statistical) year of countries whose news states fiscal-year figures. Source:
# the countries' budget laws as summarised in the CIA World Factbook field "Fiscal year" (2024 edition).
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
# Used when a text states fiscal years but names no country of the table (India's April–March year is the
# most common in English-language trade news).
DEFAULT_FISCAL_YEAR_START_MONTH = 4
