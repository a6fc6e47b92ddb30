"""Patterns of news words, built once.

Flow, change, qualifier, share, period-marker and country-role words.
"""

import re

from analysis.loaders._amounts import NUMBER
from analysis.loaders._periods import MONTH, NUMBER_WORDS
from analysis.loaders._scan import scanning
from analysis.reference import news_vocabulary as words
from analysis.reference import period_vocabulary as period_words

MASK = "¤"  # money expressions are overwritten with this before other patterns look at the text


def alternation(phrases: list[str]) -> str:
    """A pattern matching any of ``phrases`` (longest first), a space matching any whitespace."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


# Words naming a flow. Alternatives are tried in order at each position: "trade surplus" is a
# balance before "trade" is turnover. "other" words mark money that is not trade (investment, loans,
# deals).
FLOW_WORDS = re.compile(
    r"""
    (?P<balance>\b(?:(?:bilateral|mutual|foreign|total|overall|external)\s+(?:merchandise\s+|goods\s+)?)?
        trade\s+(?:surplus|deficit|balance|imbalance|gap)s?\b
        |\b(?:exports?\s+(?:exceeded|outstripped|surpassed)\s+imports?|imports?\s+(?:exceeded|outstripped|
        surpassed)\s+exports?)\s+by(?=\s+(?:[a-z]+\s+)?¤)
        |\b(?:(?:positive|negative)\s+)?(?:balance|surplus|deficit)\s+(?:of|in)\s+(?:[\w'’-]+\s+){0,3}?trade\b
        |\b(?:surplus(?:es)?|deficits?)\b|\b(?:positive|negative)\s+(?:trade\s+)?balance\b)
  | (?P<turnover>\b(?:(?:bilateral|mutual|foreign|total|overall|external)\s+)?
    (?:trade|commodity|goods)\s+turnover\b
        |\bturnover\b|\btrade\s+volumes?\b|\b(?:exports?\s+and\s+imports?|imports?\s+and\s+exports?)
        (?=\s+(?:between|of)\b)
        |\bvolume\s+of\s+(?:bilateral\s+|mutual\s+|foreign\s+)?trade\b|\btrade\s+(?:between|with|exchange)\b
        |\b(?:bilateral|mutual|two-way|foreign|total|overall|external)\s+(?:merchandise\s+|goods\s+)?trade\b
        |\btrade\b)
  | (?P<weak_exports>\bexport\s+(?:markets?|destinations?|partners?)\b
        |\b(?:sales|shipments)\b(?!\s+to\b))
  | (?P<weak_imports>\bpurchases\b)
  | (?P<weak_turnover>\btrading\s+partners?\b|\btrade\s+partners?\b)
  | (?P<exports>\bexport\s+trade\b|\b(?:re-)?export(?:s|ed|ing|ers?)?\b
        |\b(?:shipments?|supplies|sales)\s+to\b
        |\b(?:sold|shipped|shipping|supplied)\b)
  | (?P<imports>\b(?:re-)?import(?:s|ed|ing|ers?)?\b|\bpurchases?\s+from\b|\b(?:bought|purchased)\b)
  | (?P<other>\b{OTHER}\b)
    """.replace("{OTHER}", "(?:" + alternation(words.OTHER_MONEY_WORDS) + ")"),
    re.IGNORECASE | re.VERBOSE,
)
# Words before a flow word that make it the reporter's trade with the whole world ("total exports").
TOTAL_BEFORE = re.compile(
    r"\b(?:total|overall|foreign|external|global|all)\s+(?:[\w.'’-]+\s+){0,2}$", re.IGNORECASE
)
# After a flow word ("shipments to" holds its "to"), a partner named by a pronoun phrase.
TO_PARTNER_ANAPHOR = re.compile(
    rf"(?:\s+(?:to|from|with))?\s+(?:{alternation(words.PARTNER_ANAPHORS)})\b", re.IGNORECASE
)
# Products and product groups: "wheat exports", "exports of natural gas", "$2.8bn worth of oil",
# "non-oil trade".
COMMODITY = rf"(?:{alternation(words.COMMODITY_WORDS)}|non-[a-z]+)"
COMMODITY_BEFORE = re.compile(
    rf"\b{COMMODITY}\s+(?:products?\s+|goods\s+)?$", re.IGNORECASE | re.VERBOSE
)
COMMODITY_OF = re.compile(
    rf"\s+(?:worth\s+)?of\s+(?:[A-Z][\w-]*\s+)?(?:[a-z]+\s+)?(?i:{COMMODITY})\b", re.VERBOSE
)
# Words giving the sign of a trade balance.
BALANCE_SIGN = re.compile(
    r"""\b(?:(?P<plus>surplus(?:es)?|positive|exports?\s+exceeded)
    |(?P<minus>deficits?|negative|gap|imports?\s+exceeded))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A change "to" a physical quantity is not a change of a money value.
QUANTITY_UNIT = rf"(?i:{alternation(words.QUANTITY_UNITS)})\b"
QUANTITY_AFTER = re.compile(
    rf"""\s+to\s+(?:about\s+|almost\s+|nearly\s+|over\s+)?[\d.,]+\s*(?:thousand|million|billion|mln|bln|m|bn)?\s*
    {QUANTITY_UNIT}""",
    re.IGNORECASE | re.VERBOSE,
)
# A sentence opening on a part of the previous one's figure: "Of this, Tanzania accounts for …".
PART_OF_PREVIOUS = re.compile(r"\s*(?i:of\s+(?:this|that|these|which|the\s+total))\b")
# A flow named right after a figure: "$5bn in exports", "$2bn worth of goods imports".
FLOW_AFTER = re.compile(r"\s*(?:worth\s+of|in|of)\s+", re.IGNORECASE)
# A flow word as the predicate of an amount: "of which over $4.5 billion were exports".
FLOW_PREDICATE_AFTER = re.compile(r"\s+(?:were|was|are|is)\s+(?:(?:the|all|mostly)\s+)?")
# A figure that is a gap to a plan: "USD 2.44 billion less than the target".
GAP_TO_PLAN_AFTER = re.compile(
    rf"""(?:,?\s+or\s+[\d.,]+\s*(?:%|percent|per\s+cent),?)?\s+(?i:more|less|higher|lower)\s+
    (?i:than)\s+(?:(?i:the|its|their|our)\s+)?(?:[\w-]+\s+){{0,2}}?
    (?P<plan>(?i:{alternation(words.PLAN_WORDS)}))\b""",
    re.VERBOSE,
)
# A figure that is the level an intention aims at: "would help to increase trade volume between
# Malaysia and Thailand to US$30 billion".
TARGET_BEFORE_AMOUNT = re.compile(
    rf"""\b(?i:{alternation(words.INTENTION_WORDS)})\s+(?:(?i:to)\s+)?
    (?P<verb>(?i:{alternation(words.RAISE_WORDS)}))\b[^.;:¤]{{0,120}}?\s(?i:to)\s+
    (?:(?i:about|around|over|nearly|almost|some)\s+)?$""",
    re.VERBOSE,
)


UP_VERBS = alternation(words.UP_VERBS_PAST)
DOWN_VERBS = alternation(words.DOWN_VERBS_PAST)
UP = alternation(words.UP_WORDS)
DOWN = alternation(words.DOWN_WORDS)
UP_AFTER = alternation(words.UP_AFTER_WORDS)
DOWN_AFTER = alternation(words.DOWN_AFTER_WORDS)
# An amount a value changed by: "increased by $200 million", "an increase of $1bn", "$1bn more
# than",
# "$3.9 billion, or 8.9%, more than", "rose $2.1 billion to $30bn".
CHANGE_BEFORE_AMOUNT = re.compile(
    rf"""\b(?:(?i:{UP_VERBS}|{DOWN_VERBS})\s+by|(?i:increase|decrease|rise|growth|gain|jump|drop|decline|fall|
    reduction)\s+of)\s+(?:(?i:about|around|almost|nearly|over|more\s+than|some)\s+)?$""",
    re.VERBOSE,
)
# An amount in a bracket or after "or" following a change in percent or times: "decrease shipments
# by 5.9% ($2 billion 36.7 million)", "imports increased by 1.8% ($603,1 million)", "this figure
# increased 5.1-fold, or $7.4 billion, to $9.2 billion".
CHANGE_PERCENT_BEFORE_AMOUNT = re.compile(
    rf"""(?:\b(?i:{UP_VERBS}|{DOWN_VERBS})\s+(?:(?i:by)\s+)?|\b(?i:by)\s+)[\d.,]+\s*
    (?:%|(?i:percent|per\s+cent|pc)\b|-?(?i:fold|times)\b)\s*(?:\(|,?\s+(?i:or))\s*$""",
    re.VERBOSE,
)
CHANGE_VERB_BEFORE_AMOUNT = re.compile(rf"\b(?i:{UP_VERBS}|{DOWN_VERBS})\s+$", re.VERBOSE)
CHANGE_AFTER_AMOUNT = re.compile(
    r"(?:,?\s+or\s+[\d.,]+\s*(?:%|percent|per\s+cent))?,?\s+(?i:more|less|fewer|higher|lower)"
    r"(?:\s+than\b|\s*(?=[,.;)]|$))"
)
QUALIFIERS = words.QUALIFIERS
QUALIFIER = "|".join(w.replace(" ", r"\s+") for w in sorted(QUALIFIERS, key=len, reverse=True))
# Multipliers written in words ("grew three times"): two to ten.
MULTIPLIER_WORDS = {word: n for word, n in NUMBER_WORDS.items() if 2 <= n <= 10}
# How a percent is written: "%", "percent", "per cent", "pct", "pc", "p.c", "-percent" ("a
# 7.4-percent share").
PERCENT = r"(?:-?\s*(?:%|(?i:percent|per\s*cent|pct|p\.\s?c\.?|pc)(?![\w%])))"
CLAIM_NUMBER = rf"(?P<number>{NUMBER}|(?i:{'|'.join(MULTIPLIER_WORDS)}))"
SHARE_FRACTION = rf"(?P<fraction>(?i:{alternation(list(words.SHARE_FRACTION_WORDS))}))"
UNIT = rf"""(?P<unit>\s*{PERCENT}(?P<points>\s*(?i:points?))?
    |\s*(?i:percentage[\s-]+points?|p\.p\.|pp\b)
    |\s*-?\s*(?i:fold)\b|\s+(?i:times)\b)"""
OPTIONAL_QUALIFIER = rf"(?:(?P<qualifier>(?i:{QUALIFIER}))\s+)?"
YEAR_ON_YEAR = (
    r"(?:\s+(?i:year-on-year|year-over-year|y-o-y|yoy|y/y|on-year|annually"
    r"|on\s+an\s+annual\s+basis))?"
)

CHANGE_CLAIM = re.compile(
    rf"""
    # "exceeded imports 1.5 times", "surpassed imports by 20%": one flow against another named after
    # the verb
    (?P<exceed>\b(?i:exceeded|exceeds?|surpassed|surpass(?:es)?|outstripped|outstrips?|outpaced|outpaces?))
    (?P<compared>(?:\s+(?!(?i:by|to)\b)[\w'-]+){{1,3}}?)\s+(?:(?i:by)\s+)?
    {OPTIONAL_QUALIFIER.replace("qualifier", "qualifier6")}
    {CLAIM_NUMBER.replace("number", "number6")}
    {UNIT.replace("unit", "unit6").replace("points", "points6")}
  |
    # "decreased by 36 percent", "rose 5%", "down by almost 10 per cent", "grew 2.1-fold", "a
    # decrease of 3%"
    (?P<verb>\b(?i:{UP}|{DOWN}))
    (?:(?:\s+(?!(?i:to)\b)[\w'-]+){{0,4}}?\s+(?i:by|of)\b)?\s+
    {OPTIONAL_QUALIFIER}{CLAIM_NUMBER}{UNIT}
  |
    # "52 percent less than", "a 5% increase", "4.8 times higher than", "10 percent year-on-year
    # decline"
    (?<![\w.,]){OPTIONAL_QUALIFIER.replace("qualifier", "qualifier2")}
    {CLAIM_NUMBER.replace("number", "number2")}
    {UNIT.replace("unit", "unit2").replace("points", "points2")}
    (?:,?\s+(?i:or)\s+{MASK}+,?)?  # "2.8 percent, or [$98.2 million], fewer than"
    {YEAR_ON_YEAR}\s+(?P<after>(?i:{UP_AFTER}|{DOWN_AFTER}))\b(?:\s+(?i:than)\b)?
  |
    # "1.5 times that of 2022", "3 times the level of", "twice as much as", "683 times compared to"
    (?<![\w.,]){OPTIONAL_QUALIFIER.replace("qualifier", "qualifier5")}
    {CLAIM_NUMBER.replace("number", "number5")}
    \s+(?i:times)\s+(?P<that>(?i:that|those|the\s+(?:level|figure|volume|value|amount))\s+(?i:of|in)
        |(?i:as\s+(?:much|high|large|big)\s+as)|(?i:compared\s+(?:to|with)))\b
  |
    # "(-11%)", "(+17.1%)" right after a figure: a signed change in brackets
    (?<=\()(?P<sign7>[+−–-])\s?{CLAIM_NUMBER.replace("number", "number7")}
    \s*(?:%|(?i:percent|pct)\b)
    (?=\s*(?:(?i:y/y|yoy|y-o-y|year-on-year)\s*)?\))
  |
    # "doubled", "halved", "nearly double that of 2022"
    (?<![\w.,]){OPTIONAL_QUALIFIER.replace("qualifier", "qualifier8")}
    (?P<word>\b(?i:doubled|tripled|trebled|quadrupled|halved)\b
        |\b(?i:twice|thrice)\s+(?i:as\s+(?:much|high|large|big|great)\s+as)\b
        |\b(?i:double|triple|treble)(?=\s+(?i:that|those|the\s+(?:level|figure|value|amount))\s+
            (?i:of|in)\b))
    """,
    re.VERBOSE,
)
WHICH_VERB = (
    r"(?i:accounted\s+for(?:\s+by)?|fell\s+(?:on|to)|came\s+from|went\s+to|belong(?:s|ed)?\s+to)"
)
# Words of a sentence that make a bare bracketed percent after a figure a share: "share", "of the
# total".
SHARE_WORDS = re.compile(
    r"""\bshare\b|\bof\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:total|overall|all)\b|\bof\s+(?:this|which)\b
    |\baccount(?:ed|s|ing)?\s+for\b|\b(?:made|making|makes?)\s+up\b""",
    re.IGNORECASE | re.VERBOSE,
)
SHARE_CLAIM = re.compile(
    rf"""
    # "accounted for 7.7 percent of total turnover", "making up almost 60% of exports", "exports
    # amounted for 17.6% in trade turnover"
    \b(?i:accounted\s+for|accounting\s+for|accounts?\s+for|amounted\s+for|amounting\s+for|made\s+up|
        making\s+up|makes?\s+up|represented|
        representing|represents?|constituted|constituting|constitutes?|comprised|comprising|comprises?)\s+
    {OPTIONAL_QUALIFIER}{CLAIM_NUMBER}\s*{PERCENT}
    (?P<of>\s+(?:(?i:of)\b|(?i:in)\s+(?=(?i:the\s+)?(?:(?i:total|foreign|overall|bilateral)\s+)?
        (?i:trade|turnover|exports?|imports?)\b)))?
  |
    # "2% of total exports" (kept only when what follows "of" is trade)
    (?<![\w.,]){OPTIONAL_QUALIFIER.replace("qualifier", "qualifier2")}
    {CLAIM_NUMBER.replace("number", "number2")}
    \s*{PERCENT}(?P<of2>\s+(?i:of)\b(?!\s+(?i:which)\b))
  |
    # "accounting for more than two-thirds of Brazil's overall surplus"
    \b(?i:accounted\s+for|accounting\s+for|accounts?\s+for|made\s+up|making\s+up|makes?\s+up|
        represented|representing|represents?)\s+
    {OPTIONAL_QUALIFIER.replace("qualifier", "qualifier8")}{SHARE_FRACTION}(?P<of8>\s+(?i:of)\b)
  |
    # "the share of exports in turnover was 59.4 percent", "a 5% share"
    (?P<share>\b(?i:share)\b)(?P<share_words>(?:[^.;%¤]|(?<=[A-Z])\.){{0,80}}?)\s+(?i:was|is|stood\s+at|amounted\s+to|
        reached|(?:rose|fell|increased|decreased|grew|declined|dropped|climbed)\s+to|equall?ed|totall?ed|
        came\s+to|of|at)\s+{OPTIONAL_QUALIFIER.replace("qualifier", "qualifier3")}
        {CLAIM_NUMBER.replace("number", "number3")}\s*{PERCENT}
  | (?<![\w.,]){CLAIM_NUMBER.replace("number", "number4")}\s*{PERCENT}\s+(?P<share4>(?i:share))\b
  |
    # "$3.1 billion (17.4%) of total trade": a bare percent in brackets right after a figure (kept
    # only when
    # the sentence speaks of a share or a total)
    (?:(?<={MASK}\()|(?<={MASK}\s\())(?P<bracket>{CLAIM_NUMBER.replace("number", "number5")})
    \s*{PERCENT}(?=\s*\))
  |
    # "20% of which accounted for Italy", "of which 20 percent was accounted for by Italy"
    (?<![\w.,]){OPTIONAL_QUALIFIER.replace("qualifier", "qualifier6")}
    {CLAIM_NUMBER.replace("number", "number6")}
    \s*{PERCENT}\s+(?i:of\s+which)(?:\s+(?i:was|were))?\s+(?P<which6>{WHICH_VERB})
  | \b(?i:of\s+which)\s+{OPTIONAL_QUALIFIER.replace("qualifier", "qualifier7")}
    {CLAIM_NUMBER.replace("number", "number7")}\s*{PERCENT}
    (?:\s+(?i:was|were|is|are))?\s+(?P<which7>{WHICH_VERB})
    """,
    re.VERBOSE,
)


# A dateline opening a line: "BAKU, Azerbaijan, March 5." (its country is where the news agency
# writes from).
DATELINE = re.compile(
    r"""(?m)^(?:[ \t]*date\s+\S+\s+)?[A-Z][A-Z.'’ -]+,\s+(?P<place>[A-Z][\w .'’-]*?),\s+
    (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b""",
    re.VERBOSE,
)
# Clause boundaries inside a sentence: a period named in another clause is a weaker candidate for a
# figure.
CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:which|while|whereas|but|compared|against|versus|than|and)\s")
# What makes a period the compared (base) one: "compared to", "than", "from $4.5bn in".
# "at the end of" right before a year; a future word in a sentence ("expected", "target").
_PHRASE = r"\s+".join  # a vocabulary phrase with any spacing between its words
YEAR_END_POINT = re.compile(
    r"\b(?i:"
    + "|".join(_PHRASE(map(re.escape, w.split())) for w in period_words.YEAR_END_POINT_WORDS)
    + r")\s*$"
)
_ROLLING = "|".join(period_words.ROLLING_WORDS)
ROLLING_YEAR = re.compile(
    rf"\b(?i:(?:12|twelve)[-\s]months?\s+(?:{_ROLLING})|(?:{_ROLLING})\s+(?:12|twelve)[-\s]months?)\b"
)
FUTURE = re.compile(r"\b(?i:" + "|".join(map(re.escape, period_words.FUTURE_WORDS)) + r")\b")
BASE_MARKER = re.compile(
    rf"""(?i:(?:than|compared\s+(?:to|with)|against|versus|vs\.?)\s+(?:the\s+)?(?:[\w’'.%{MASK}]+\s+){{1,8}}?
        (?:in|for|during|of)
        |(?:up|down)\s+from\s+[\d.,]+\s+(?:[\w’'.%(){MASK}]+\s+){{1,4}}?(?:in|for|during|of)
        |compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|as\s+against|against|versus|vs\.?|than|
        relative\s+to|(?:that|those)\s+of|(?:up|down)\s+from|beyond
        |from\s+(?:the\s+|a\s+)?(?:about\s+|around\s+|almost\s+|nearly\s+)?(?:{MASK}+|[\d.,]+\s*(?:%|percent|per\s+cent))
        |(?:increase|rise|growth|gain|jump|decrease|decline|drop|fall|reduction)\s+(?:from|on|over)
        |(?:times|fold|%|percent|per\s+cent|pct|{MASK})\s+(?:from|on))(?:\s+(?:about|around|almost|nearly)?\s*{MASK}+)?
        (?:\s+(?:the|same|corresponding|period|periods|level|levels|figure|figures|of|in|for|during|that|a|
        year|month|quarter|recorded|registered|reported|posted|last|what|was|were)\b)*\s*$""",
    re.VERBOSE,
)
# A value as a percent of an earlier level: "88.2 percent of the January-April 2016 level" (a
# change of 88.2 - 100 percent; the period inside names the base).
LEVEL_PERCENT_CLAIM = re.compile(
    rf"""(?<![\w.,]){OPTIONAL_QUALIFIER}{CLAIM_NUMBER}\s*{PERCENT}\s+(?i:of)\s+(?i:the)\s+
    (?:[\w’'-]+\s+){{0,4}}?(?i:levels?)\b""",
    re.VERBOSE,
)
# Words right before a figure that make it the compared (earlier) value: "up from $4bn", "compared
# with $4bn".
BASE_BEFORE_AMOUNT = re.compile(
    r"""\b(?i:(?:up|down)\s+from|from|compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|as\s+against|
    against|versus|vs\.?)\s*(?i:the\s+|a\s+)?(?i:about\s+|around\s+|almost\s+|nearly\s+|some\s+)?$""",
    re.VERBOSE,
)
COUNTRY_ROLE_BEFORE = re.compile(
    r"\b(?P<role>to|into|from|with|of|between)\s+(?:the\s+)?$", re.IGNORECASE
)

# A text that counts in fiscal years ("the current fiscal year", "FY24", "the Iranian calendar
# year").
FISCAL_WORDS = re.compile(r"\b(?:fiscal|financial\s+year|FY|Iranian\s+(?:calendar\s+)?year)", re.I)
# Where a text says when its fiscal year starts; "Iranian year" (no month) starts on 21 March.
# "the current fiscal year which began on July 8, 2021" also gives the day and the year it began.
FISCAL_START = re.compile(
    rf"""(?i:fiscal|financial)\s+year[^.]{{0,40}}?(?i:began|begins|started|starts|starting|beginning|runs|
    running)\s+(?:(?i:on|in|from)\s+)?(?P<month>{MONTH})(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b)?
    (?:,?\s+(?P<year>(?:19|20)\d{{2}})\b)?
    |\b(?:FY|(?i:fiscal|financial\s+year))\s?'?(?:\d{{4}}[-–/])?\d{{2}}\s*\((?P<month2>{MONTH})\s*[-–]
    |(?i:Iranian\s+(?:calendar\s+)?year)""",
    re.VERBOSE,
)

# Any percentage, for claims no pattern above reads: "or 0.4 percent", "(15percent)", "35.51pc".
# What every claim holds: a percent, a multiplier or a doubling word.
CLAIM_ANCHOR = re.compile(
    rf"{PERCENT}|(?i:times|fold|doubl|tripl|trebl|quadrupl|halved|twice|thrice|point|pp\b|p\.p\.|coverage)"
    r"|(?i:half|third|quarter)"
)
# A share of a plan: "over 97 percent performance against the target", "80 percent of the target".
PLAN_SHARE_CLAIM = re.compile(
    rf"""(?:(?P<qualifier>(?i:{QUALIFIER}))\s+)?(?<![\w.,]){CLAIM_NUMBER}\s*{PERCENT}\s+
    (?:(?i:{alternation(words.PLAN_SHARE_WORDS)})\s+)?(?i:of|against|toward|towards)\s+
    (?:(?i:the|its|their|our)\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{alternation(words.PLAN_WORDS)})\b""",
    re.VERBOSE,
)
# The coverage of imports by exports (exports / imports), with the same ratio of another period in
# a bracket after it: "The coverage ratio of export import was 0.93 (in January — November 2015 —
# 1,01)", "(0.87 in January-June 2019)". A change in points ("the coverage rate declined by 8.3
# percentage points to 52.5%") is not the ratio.
_RATIO_NUMBER = r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?(?![.,]?\d)"
COVERAGE_CLAIM = re.compile(
    rf"""\b(?i:{alternation(words.COVERAGE_WORDS)})\b[^.;:\d{MASK}%()]{{0,60}}?
    (?P<number>{_RATIO_NUMBER})(?!\s*(?i:percentage|per\s*cent\s*points?|points?\b|pp\b|p\.p\.))
    (?:\s*(?P<unit>%|(?i:percent|per\s+cent)))?
    (?:\s*\((?:[^()\d]{{0,40}}\d[^()]{{0,40}}?[\s—–-](?P<number2>{_RATIO_NUMBER})\s*
    |\s*(?P<number3>{_RATIO_NUMBER})\s+(?i:in|for)\s[^()]{{0,60}})\))?""",
    re.VERBOSE,
)
BARE_PERCENT = re.compile(
    rf"(?:(?P<qualifier>(?i:{QUALIFIER}))\s+)?(?<![\w.,]){CLAIM_NUMBER}\s*{PERCENT}(?!\s*(?i:points?))"
)
# Words giving the direction of a change, wherever they stand before a percent.
DIRECTION_WORD = re.compile(
    rf"\b(?:(?P<up>(?i:{UP}|advance[sd]?))|(?P<down>(?i:{DOWN})))\b", re.VERBOSE
)
# A trade flow named in words (not investment or prices): a percent after one may be a claim about
# trade.
TRADE_WORD = re.compile(
    r"\b(?:trade|turnover|exports?|imports?|exported|imported|shipments?|surplus|deficit|balance)\b",
    re.IGNORECASE,
)
# A physical quantity right before a bracket: "18.2 tonnes (23.1%)" is a share of a volume, not of
# money.
QUANTITY_BEFORE = re.compile(
    rf"[\d.,]+\s*(?:thousand|million|billion|mln|bln)?\s*{QUANTITY_UNIT}\s*\($", re.IGNORECASE
)

# Every pattern above searches long texts by skipping to where a match can start (same matches).
for _name, _value in list(globals().items()):
    if isinstance(_value, re.Pattern):
        globals()[_name] = scanning(_value)
del _name, _value
