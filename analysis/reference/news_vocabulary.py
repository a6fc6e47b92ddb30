"""News vocabulary as data: the words the news reader looks for, in plain tables (no patterns here).

``analysis.loaders.news.vocabulary`` builds its patterns from these tables (a space in a phrase
matches any whitespace; matching ignores case unless a table says otherwise); add a word here, not
there.
"""

# Verbs of a rise written before "by" or an amount: "increased by $200 million", "rose $2.1bn".
UP_VERBS_PAST = [
    "increased",
    "rose",
    "grew",
    "jumped",
    "surged",
    "soared",
    "climbed",
    "gained",
    "expanded",
    "went up",
    "up",
    "added",
    "widened",
]

# Verbs of a fall, the same way.
DOWN_VERBS_PAST = [
    "decreased",
    "fell",
    "declined",
    "dropped",
    "plunged",
    "slumped",
    "shrank",
    "contracted",
    "slid",
    "went down",
    "down",
    "reduced",
    "narrowed",
]

# Words of a rise before a percent: "rose 5%", "an increase of 3%", "widening by 2%".
UP_WORDS = [
    "increased",
    "increase",
    "increases",
    "increasing",
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "growth",
    "jumped",
    "jump",
    "jumps",
    "surged",
    "surge",
    "surges",
    "soared",
    "soar",
    "soars",
    "climbed",
    "climb",
    "climbs",
    "gained",
    "gain",
    "gains",
    "expanded",
    "expand",
    "expands",
    "went up",
    "goes up",
    "up",
    "added",
    "advanced",
    "higher",
    "boosted",
    "spiked",
    "rebounded",
    "picked up",
    "exceeded",
    "widened",
    "widening",
    "widen",
    "widens",
    "improvement",
    "improved",
]

# Words of a fall before a percent.
DOWN_WORDS = [
    "decreased",
    "decrease",
    "decreases",
    "decreasing",
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "declined",
    "decline",
    "declines",
    "declining",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "plunged",
    "plunge",
    "plunges",
    "plummeted",
    "slumped",
    "slump",
    "slumps",
    "shrank",
    "shrink",
    "shrinks",
    "shrunk",
    "contracted",
    "contraction",
    "slid",
    "slide",
    "slides",
    "sank",
    "lost",
    "down",
    "went down",
    "reduced",
    "reduction",
    "lower",
    "dipped",
    "dip",
    "dips",
    "tumbled",
    "eased",
    "retreated",
    "collapsed",
    "narrowed",
    "narrowing",
    "narrow",
    "narrows",
]

# Words of a rise after a percent: "a 5% increase", "52 percent more than".
UP_AFTER_WORDS = [
    "increase",
    "rise",
    "growth",
    "jump",
    "gain",
    "surge",
    "hike",
    "more",
    "higher",
    "up",
    "larger",
    "bigger",
    "greater",
    "above",
]

# Words of a fall after a percent: "10 percent decline", "52 percent less than".
DOWN_AFTER_WORDS = [
    "decrease",
    "decline",
    "drop",
    "fall",
    "reduction",
    "contraction",
    "slump",
    "plunge",
    "less",
    "lower",
    "down",
    "smaller",
    "below",
]

# Products and product groups: "wheat exports", "$2.8bn worth of oil"; "non-oil" is one too.
COMMODITY_WORDS = [
    "wheat",
    "grain",
    "grains",
    "flour",
    "barley",
    "corn",
    "maize",
    "rice",
    "sugar",
    "cotton",
    "wool",
    "meat",
    "beef",
    "poultry",
    "dairy",
    "fish",
    "fruit",
    "fruits",
    "vegetable",
    "vegetables",
    "food",
    "foods",
    "foodstuff",
    "foodstuffs",
    "agricultural",
    "agri-food",
    "tea",
    "coffee",
    "cocoa",
    "tobacco",
    "oil",
    "crude",
    "petroleum",
    "fuel",
    "fuels",
    "energy",
    "diesel",
    "gasoline",
    "gas",
    "LNG",
    "coal",
    "uranium",
    "copper",
    "gold",
    "silver",
    "iron",
    "ore",
    "ores",
    "steel",
    "aluminium",
    "aluminum",
    "zinc",
    "nickel",
    "metal",
    "metals",
    "ferroalloy",
    "ferroalloys",
    "chemical",
    "chemicals",
    "fertiliser",
    "fertilisers",
    "fertilizer",
    "fertilizers",
    "plastic",
    "plastics",
    "timber",
    "wood",
    "paper",
    "textile",
    "textiles",
    "garment",
    "garments",
    "clothing",
    "footwear",
    "machinery",
    "equipment",
    "vehicle",
    "vehicles",
    "car",
    "cars",
    "electronics",
    "electricity",
    "smartphone",
    "smartphones",
    "phone",
    "phones",
    "pharmaceutical",
    "pharmaceuticals",
    "medicine",
    "medicines",
    "arms",
    "weapons",
]

# Money that is not trade: "investment", "loans", "a $5bn target", "trying to achieve $2.5 billion
# in 2012" (matched with case: "FDI", "GDP").
OTHER_MONEY_WORDS = [
    "invest",
    "investment",
    "investments",
    "invested",
    "investing",
    "investor",
    "investors",
    "FDI",
    "loan",
    "loans",
    "credit",
    "credits",
    "grant",
    "grants",
    "contract",
    "contracts",
    "deal",
    "deals",
    "project",
    "projects",
    "fund",
    "funds",
    "funding",
    "GDP",
    "budget",
    "losses",
    "plan",
    "target",
    "targets",
    "to achieve",
    "debt",
    "reserves",
    "profit",
    "profits",
    "price",
    "prices",
    "cost",
    "costs",
    "agreement",
    "agreements",
    "spending",
]

# Units of physical quantities: "2.5 million tonnes" is not money (matched ignoring case).
QUANTITY_UNITS = [
    "tonnes",
    "tons",
    "barrels",
    "bbl",
    "cubic metres",
    "bcm",
    "units",
    "heads",
    "vehicles",
    "passengers",
    "containers",
    "TEU",
    "kWh",
    "MWh",
    "GWh",
]

# Words before a number that widen its interval, and the qualifier each gives ("about $5bn").
QUALIFIERS = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "nearly": "almost",
    "almost": "almost",
    "close to": "almost",
    "near": "almost",
    "nears": "almost",
    "nearing": "almost",
    "approaching": "almost",
    "approaches": "almost",
    "just under": "almost",
    "just over": "over",
    "over": "over",
    "more than": "over",
    "exceeding": "over",
    "above": "over",
    "in excess of": "over",
    "at least": "over",
    "upwards of": "over",
    "exceeded": "over",
    "exceeds": "over",
    "surpasses": "over",
    "tops": "over",
    "surpassed": "over",
    "topped": "over",
    "under": "under",
    "less than": "under",
    "below": "under",
    "up to": "under",
    "no more than": "under",
}

# Scale words after a money number, in US-dollar multiples ("$5 bn", "702.1 USD mln"). Single
# letters
# ("$5m", "$5B") must touch the number; full words take a plural "s" ("billions").
SCALE_WORDS = {
    "trillion": 1_000_000_000_000,
    "trln": 1_000_000_000_000,
    "tln": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
    "billion": 1_000_000_000,
    "milliard": 1_000_000_000,
    "mlrd": 1_000_000_000,
    "bln": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "mn": 1_000_000,
    "mil": 1_000_000,
    "m": 1_000_000,
    "thousand": 1_000,
    "k": 1_000,
}

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


# Names of the coverage of imports by exports, exports / imports as a ratio ("The coverage ratio of
# export import was 0.93") or a percent ("exports coverage imports was 71.8 percent").
COVERAGE_WORDS = [
    "coverage ratio",
    "coverage coefficient",
    "coverage rate",
    "coefficient of coverage",
    "ratio of coverage",
    "rate of coverage",
    "exports coverage imports",
    "export coverage of imports",
    "import coverage by exports",
    "import coverage ratio",
    "export-import coverage ratio",
]

# Words naming a plan: "97 percent performance against the target" is a share of the amount
# planned, "Our plan for the period was to obtain $1.31 billion" names that amount.
PLAN_WORDS = ["plan", "plans", "target", "targets", "goal", "goals"]
PLAN_FLOW = "plan"  # the whole of a share of a plan, in the claims table's whole_flow
# How a share of a plan may be written between the percent and the plan word.
PLAN_SHARE_WORDS = ["performance", "achievement", "fulfilment", "fulfillment", "execution"]

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
# Words that open a sentence even after a comma or a dot with no space, where a scraped page lost
# its line break ("..., respectively, During June, Uganda imported", "April, respectively.However").
SENTENCE_OPENERS = ["During", "However", "Meanwhile", "Moreover", "Furthermore", "Overall"]
# Numbers written in words ("the first ten months", "grew three times").
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# Fractions written in words before a scale word and "dollars" ("over half a billion dollars").
FRACTION_WORDS = {
    "half a": 0.5,
    "half of a": 0.5,
    "a quarter of a": 0.25,
    "quarter of a": 0.25,
    "three quarters of a": 0.75,
    "three-quarters of a": 0.75,
}
# Shares written as fractions ("more than two-thirds of Brazil's overall surplus"), in percent,
# and how loosely a writer uses them (percentage points either side).
SHARE_FRACTION_WORDS = {
    "half": 50.0,
    "one-half": 50.0,
    "one half": 50.0,
    "a third": 100 / 3,
    "one-third": 100 / 3,
    "one third": 100 / 3,
    "two-thirds": 200 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one-quarter": 25.0,
    "one quarter": 25.0,
    "three-quarters": 75.0,
    "three quarters": 75.0,
}
SHARE_FRACTION_HALF_WIDTH = 2.5
# Ratios written as a word before "that of" ("nearly double that of 2022"), and as a verb
# ("doubled").
RATIO_WORDS = {
    "double": 2,
    "triple": 3,
    "treble": 3,
    "doubled": 2,
    "tripled": 3,
    "trebled": 3,
    "quadrupled": 4,
    "halved": 2,
    "twice": 2,
    "thrice": 3,
}
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
# Words in the same sentence that make a year-end point a forecast or a target instead.
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
]
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
