"""News text → tables of its stated US-dollar trade figures and relative claims, each with its exact words.

The parser reads a text once, sentence by sentence, and keeps what a reader keeps in mind: the current
period ("for the above period"), the flow of the paragraph and the two countries of the document. Every row
carries the exact quote and its character span so a number can always be traced back to the words.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from analysis.loaders._amounts import NUMBER, Amount, find_amounts, half_unit, parse_number
from analysis.loaders._countries import find_countries
from analysis.loaders._periods import (
    NUMBER_WORDS,
    Period,
    PeriodMention,
    find_document_year,
    find_period_mentions,
)

FIGURE_COLUMNS = (
    "document",
    "figure_id",
    "quote",
    "start",
    "end",
    "context",
    "flow",
    "period",
    "reporter_iso3",
    "partner_iso3",
    "value_usd",
    "half_width_usd",
    "qualifier",
    "scope",
    "balance_sign",
)
CLAIM_COLUMNS = (
    "document",
    "claim_id",
    "quote",
    "start",
    "end",
    "context",
    "kind",
    "stated",
    "stated_half_width",
    "qualifier",
    "flow",
    "whole_flow",
    "period",
    "base_period",
    "reporter_iso3",
    "partner_iso3",
    "value_figure_id",
    "base_figure_id",
    "scope",
)
FLOWS = ("turnover", "exports", "imports", "balance", "other")
# all goods of the flow, one product or product group of it, or a change of the flow's value
SCOPES = ("all", "commodity", "change")
WORLD = "WLD"  # partner code of a country's trade with all countries ("total exports")
MASK = "¤"  # money expressions are overwritten with this before other patterns look at the text


class NewsInputError(ValueError):
    """A news file or text that cannot be read as text: missing, a directory, binary, undecodable, empty."""


@dataclass(frozen=True, eq=False)
class NewsDocument:
    """A news text read once, with its figures and claims tables.

    The tables' columns are ``FIGURE_COLUMNS`` and ``CLAIM_COLUMNS``. Beyond the shared contract, both end
    with ``scope`` ("all" goods of the flow, or "commodity": one product, "wheat exports", "$2.8bn worth
    of oil", "non-oil trade"; figures also "change": an amount the flow changed by, "decreased by $200
    million", "$3.9 billion more than"), and figures with ``balance_sign`` (float: +1.0 when the sentence calls a
    balance a surplus or positive, -1.0 a deficit or negative, NaN otherwise or for other flows);
    ``value_usd`` stays as stated, unsigned.
    """

    name: str
    text: str
    figures: pd.DataFrame
    claims: pd.DataFrame


def load_news(path_or_text: str | Path) -> NewsDocument:
    """Read a news article and extract its money figures and relative claims.

    Args:
        path_or_text: A path (``Path``, or a one-line string naming a file) or the article text itself.

    Returns:
        The document with its ``figures`` (values in US dollars as stated) and ``claims`` tables.

    Raises:
        NewsInputError: The file is missing, a directory, unreadable, binary, not UTF-8, or the text is empty.
    """
    name, text = _read(path_or_text)
    figures, claims = _Parser(name, text).parse()
    return NewsDocument(name=name, text=text, figures=figures, claims=claims)


def load_news_figures(path_or_text: str | Path) -> pd.DataFrame:
    """One row per US-dollar money figure of a news text, in text order (columns ``FIGURE_COLUMNS``).

    Raises:
        NewsInputError: As :func:`load_news`.
    """
    return load_news(path_or_text).figures


def load_news_claims(path_or_text: str | Path) -> pd.DataFrame:
    """One row per stated relative claim (change, ratio, share) of a news text (columns ``CLAIM_COLUMNS``).

    Raises:
        NewsInputError: As :func:`load_news`.
    """
    return load_news(path_or_text).claims


# --- reading --------------------------------------------------------------------------------------


def _read(path_or_text: str | Path) -> tuple[str, str]:
    """(document name, text) of a path or a text; a one-line string without spaces is taken as a path."""
    if isinstance(path_or_text, str) and not _looks_like_path(path_or_text):
        if "\x00" in path_or_text:
            raise NewsInputError(
                "news text contains NUL characters: it looks binary, give plain text"
            )
        if not path_or_text.strip():
            raise NewsInputError(
                "news text is empty: give an article text or a path to a text file"
            )
        return "<text>", path_or_text
    path = Path(path_or_text)
    if not path.exists():
        raise NewsInputError(f"news file not found: {path} (check the path)")
    if path.is_dir():
        raise NewsInputError(f"news path is a directory, not a text file: {path}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NewsInputError(f"cannot read news file {path}: {error.strerror or error}") from error
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise NewsInputError(
            f"news file {path} is binary (NUL byte at offset {offset}): give a plain-text article"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NewsInputError(
            f"news file {path} is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}): save it as UTF-8"
        ) from error
    if not text.strip():
        raise NewsInputError(f"news file {path} is empty: it has no text to read")
    return path.name, text


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) > 1024 or not text.strip():
        return False
    if Path(text).exists():
        return True
    return not re.search(r"\s", text) and bool(re.search(r"[/\\]|\.[A-Za-z]{1,5}$", text))


# --- sentences ------------------------------------------------------------------------------------

# A sentence ends at . ! ? (and closing quotes or brackets) before whitespace and a capital, digit or quote.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# Words whose dot does not end a sentence: titles, month and company abbreviations, initials ("U.S.").
_ABBREVIATION = re.compile(
    r"(?:^|\s|\()(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Gov|Sen|Rep|Jr|Sr|No|Nos|vs|etc|approx|est|Inc|Ltd|Co|Corp|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|(?:[A-Za-z]\.)*[A-Za-z])\.$"
)


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    paragraph: int


def _split_sentences(text: str) -> list[_Sentence]:
    """Sentences with exact spans (surrounding whitespace trimmed); every line break ends a paragraph."""
    sentences = []
    for paragraph, line in enumerate(re.finditer(r"[^\n]+", text)):
        start = line.start()
        for end_match in _SENTENCE_END.finditer(text, line.start(), line.end()):
            if _ABBREVIATION.search(
                text, max(line.start(), end_match.start() - 12), end_match.start() + 1
            ):
                continue
            sentences.append(
                (start, end_match.start() + len(end_match.group(0).rstrip()), paragraph)
            )
            start = end_match.end()
        sentences.append((start, line.end(), paragraph))
    result = []
    for start, end, paragraph in sentences:
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            result.append(_Sentence(start + lead, start + len(chunk.rstrip()), paragraph))
    return result


# --- flows ----------------------------------------------------------------------------------------

# Words naming a flow. Alternatives are tried in order at each position: "trade surplus" is a balance
# before "trade" is turnover. "other" words mark money that is not trade (investment, loans, deals).
_FLOW_WORDS = re.compile(
    r"""
    (?P<balance>\btrade\s+(?:surplus|deficit|balance)\b
        |\b(?:(?:positive|negative)\s+)?(?:balance|surplus|deficit)\s+(?:of|in)\s+(?:[\w'’-]+\s+)?trade\b
        |\b(?:surplus|deficit)\b|\b(?:positive|negative)\s+(?:trade\s+)?balance\b)
  | (?P<turnover>\b(?:(?:bilateral|mutual|foreign|total|overall|external)\s+)?(?:trade|commodity|goods)\s+turnover\b
        |\bturnover\b|\btrade\s+volumes?\b|\btrading\s+partners?\b
        |\bvolume\s+of\s+(?:bilateral\s+|mutual\s+|foreign\s+)?trade\b|\btrade\s+(?:between|with|exchange)\b
        |\b(?:bilateral|mutual|two-way|foreign|total|overall|external)\s+(?:merchandise\s+|goods\s+)?trade\b
        |\btrade\b)
  | (?P<weak_exports>\bexport\s+(?:markets?|destinations?|partners?)\b)
  | (?P<exports>\b(?:re-)?export(?:s|ed|ing)?\b|\b(?:shipments?|supplies)\s+to\b|\b(?:sold|shipped|supplied)\b)
  | (?P<imports>\b(?:re-)?import(?:s|ed|ing)?\b|\bpurchases?\s+from\b|\b(?:bought|purchased)\b)
  | (?P<other>\binvest(?:ment|ments|ed|ing|or|ors)?\b|\bFDI\b|\bloans?\b|\bcredits?\b|\bgrants?\b
        |\bcontracts?\b|\bdeals?\b|\bprojects?\b|\bfund(?:s|ing)?\b|\bGDP\b|\bbudget\b|\brevenues?\b
        |\bdebt\b|\breserves\b|\bprofits?\b|\bprices?\b|\bcosts?\b|\bagreements?\b|\bspending\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words before a flow word that make it the reporter's trade with the whole world ("total exports").
_TOTAL_BEFORE = re.compile(
    r"\b(?:total|overall|foreign|external|global|all)\s+(?:[\w.'’-]+\s+){0,2}$", re.IGNORECASE
)
# Products and product groups: "wheat exports", "exports of natural gas", "$2.8bn worth of oil", "non-oil trade".
_COMMODITY = r"""(?:wheat|grains?|flour|barley|corn|maize|rice|sugar|cotton|wool|meat|beef|poultry|dairy|fish|
    fruits?|vegetables?|foods?|foodstuffs?|agricultural|agri-food|tea|coffee|cocoa|tobacco|oil|crude|petroleum|
    fuels?|energy|diesel|gasoline|gas|LNG|coal|uranium|copper|gold|silver|iron|ores?|steel|aluminium|aluminum|zinc|
    nickel|metals?|ferroalloys?|chemicals?|fertili[sz]ers?|plastics?|timber|wood|paper|textiles?|garments?|
    clothing|footwear|machinery|equipment|vehicles?|cars?|electronics|electricity|smartphones?|phones?|
    pharmaceuticals?|medicines?|arms|weapons|non-[a-z]+)"""
_COMMODITY_BEFORE = re.compile(
    rf"\b{_COMMODITY}\s+(?:products?\s+|goods\s+)?$", re.IGNORECASE | re.VERBOSE
)
_COMMODITY_OF = re.compile(
    rf"\s+(?:worth\s+)?of\s+(?:[A-Z][\w-]*\s+)?(?:[a-z]+\s+)?(?i:{_COMMODITY})\b", re.VERBOSE
)
# Words giving the sign of a trade balance.
_BALANCE_SIGN = re.compile(
    r"\b(?:(?P<plus>surplus|positive)|(?P<minus>deficit|negative))\b", re.IGNORECASE
)
# A change "to" a physical quantity is not a change of a money value.
_QUANTITY_AFTER = re.compile(
    r"""\s+to\s+(?:about\s+|almost\s+|nearly\s+|over\s+)?[\d.,]+\s*(?:thousand|million|billion|mln|bln|m|bn)?\s*
    (?:tonnes|tons|t\b|barrels|bbl|cubic|bcm|units|heads|vehicles|passengers|containers|TEU|kWh|MWh|GWh)""",
    re.IGNORECASE | re.VERBOSE,
)
# A flow named right after a figure: "$5bn in exports", "$2bn worth of goods imports".
_FLOW_AFTER = re.compile(r"\s*(?:worth\s+of|in|of)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _FlowWord:
    start: int
    end: int
    flow: str
    is_weak: bool = (
        False  # "export market": a flow only when nothing stronger is named in the clause
    )
    is_total: bool = False  # "total exports", "foreign trade turnover": trade with the whole world
    is_commodity: bool = (
        False  # "wheat exports", "imports of natural gas": one product, not all goods
    )


def _find_flow_words(masked: str) -> list[_FlowWord]:
    words = []
    for m in _FLOW_WORDS.finditer(masked):
        weak = m.lastgroup == "weak_exports"
        total = bool(
            re.match(r"(?i:total|overall|foreign|external)\b", m.group(0))
            or _TOTAL_BEFORE.search(masked[max(0, m.start() - 30) : m.start()])
        )
        commodity = bool(
            _COMMODITY_BEFORE.search(masked[max(0, m.start() - 40) : m.start()])
            or _COMMODITY_OF.match(masked, m.end())
        )
        flow = "exports" if weak else m.lastgroup
        words.append(_FlowWord(m.start(), m.end(), flow, weak, total, commodity))
    return words


# --- claims ---------------------------------------------------------------------------------------

_UP_VERBS = (
    r"increased|rose|grew|jumped|surged|soared|climbed|gained|expanded|went\s+up|up|added|widened"
)
_DOWN_VERBS = r"decreased|fell|declined|dropped|plunged|slumped|shrank|contracted|slid|went\s+down|down|reduced|narrowed"
_UP = r"""increased|increases?|increasing|rose|rises?|rising|risen|grew|grows?|growing|grown|growth|jumped|jumps?|
    surged|surges?|soared|soars?|climbed|climbs?|gained|gains?|expanded|expands?|went\s+up|goes\s+up|up|added|
    advanced|higher|boosted|spiked|rebounded|picked\s+up|exceeded|widened|widening|widens?"""
_DOWN = r"""decreased|decreases?|decreasing|fell|falls?|falling|fallen|declined|declines?|declining|dropped|
    drops?|dropping|plunged|plunges?|plummeted|slumped|slumps?|shrank|shrinks?|shrunk|contracted|contraction|
    slid|slides?|sank|lost|down|went\s+down|reduced|reduction|lower|dipped|dips?|tumbled|eased|retreated|
    collapsed|narrowed|narrowing|narrows?"""
_UP_AFTER = r"increase|rise|growth|jump|gain|surge|hike|more|higher|up|larger|bigger|greater|above"
_DOWN_AFTER = (
    r"decrease|decline|drop|fall|reduction|contraction|slump|plunge|less|lower|down|smaller|below"
)
# An amount a value changed by: "increased by $200 million", "an increase of $1bn", "$1bn more than",
# "$3.9 billion, or 8.9%, more than", "rose $2.1 billion to $30bn".
_CHANGE_BEFORE_AMOUNT = re.compile(
    rf"""\b(?:(?i:{_UP_VERBS}|{_DOWN_VERBS})\s+by|(?i:increase|decrease|rise|growth|gain|jump|drop|decline|fall|
    reduction)\s+of)\s+(?:(?i:about|around|almost|nearly|over|more\s+than|some)\s+)?$""",
    re.VERBOSE,
)
_CHANGE_VERB_BEFORE_AMOUNT = re.compile(rf"\b(?i:{_UP_VERBS}|{_DOWN_VERBS})\s+$", re.VERBOSE)
_CHANGE_AFTER_AMOUNT = re.compile(
    r"(?:,?\s+or\s+[\d.,]+\s*(?:%|percent|per\s+cent),?)?\s+(?i:more|less|higher|lower)\s+than\b"
)
_QUALIFIERS = {
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
_QUALIFIER = "|".join(w.replace(" ", r"\s+") for w in sorted(_QUALIFIERS, key=len, reverse=True))
# Multipliers written in words ("grew three times"): two to ten.
_NUMBER_WORDS = {word: n for word, n in NUMBER_WORDS.items() if 2 <= n <= 10}
_CLAIM_NUMBER = rf"(?P<number>{NUMBER}|(?i:{'|'.join(_NUMBER_WORDS)}))"
_UNIT = r"""(?P<unit>\s*(?:%|(?i:percent|per\s+cent|pct)\b)(?P<points>\s*(?i:points?))?
    |\s*(?i:percentage[\s-]+points?|p\.p\.|pp\b)
    |\s*-?\s*(?i:fold)\b|\s+(?i:times)\b)"""
_OPTIONAL_QUALIFIER = rf"(?:(?P<qualifier>(?i:{_QUALIFIER}))\s+)?"
_YEAR_ON_YEAR = r"(?:\s+(?i:year-on-year|year-over-year|y-o-y|yoy|y/y|on-year|annually|on\s+an\s+annual\s+basis))?"

_CHANGE_CLAIM = re.compile(
    rf"""
    # "exceeded imports 1.5 times", "surpassed imports by 20%": one flow against another named after the verb
    (?P<exceed>\b(?i:exceeded|exceeds?|surpassed|surpass(?:es)?|outstripped|outstrips?|outpaced|outpaces?))
    (?P<compared>(?:\s+(?!(?i:by|to)\b)[\w'-]+){{1,3}}?)\s+(?:(?i:by)\s+)?
    {_OPTIONAL_QUALIFIER.replace("qualifier", "qualifier6")}{_CLAIM_NUMBER.replace("number", "number6")}
    {_UNIT.replace("unit", "unit6").replace("points", "points6")}
  |
    # "decreased by 36 percent", "rose 5%", "down by almost 10 per cent", "grew 2.1-fold", "a decrease of 3%"
    (?P<verb>\b(?i:{_UP}|{_DOWN}))
    (?:(?:\s+(?!(?i:to)\b)[\w'-]+){{0,4}}?\s+(?i:by|of)\b)?\s+
    {_OPTIONAL_QUALIFIER}{_CLAIM_NUMBER}{_UNIT}
  |
    # "52 percent less than", "a 5% increase", "4.8 times higher than", "10 percent year-on-year decline"
    (?<![\w.,]){_OPTIONAL_QUALIFIER.replace("qualifier", "qualifier2")}
    {_CLAIM_NUMBER.replace("number", "number2")}{_UNIT.replace("unit", "unit2").replace("points", "points2")}
    {_YEAR_ON_YEAR}\s+(?P<after>(?i:{_UP_AFTER}|{_DOWN_AFTER}))\b(?:\s+(?i:than)\b)?
  |
    # "1.5 times that of 2022", "3 times the level of", "twice as much as"
    (?<![\w.,]){_OPTIONAL_QUALIFIER.replace("qualifier", "qualifier5")}{_CLAIM_NUMBER.replace("number", "number5")}
    \s+(?i:times)\s+(?P<that>(?i:that|those|the\s+(?:level|figure|volume|value|amount))\s+(?i:of|in)
        |(?i:as\s+(?:much|high|large|big)\s+as))\b
  |
    # "(-11%)", "(+17.1%)" right after a figure: a signed change in brackets
    (?<=\()(?P<sign7>[+−–-])\s?{_CLAIM_NUMBER.replace("number", "number7")}\s*(?:%|(?i:percent|pct)\b)
    (?=\s*(?:(?i:y/y|yoy|y-o-y|year-on-year)\s*)?\))
  |
    # "doubled", "halved"
    (?P<word>\b(?i:doubled|tripled|trebled|quadrupled|halved)\b)
    """,
    re.VERBOSE,
)
_WHICH_VERB = (
    r"(?i:accounted\s+for(?:\s+by)?|fell\s+(?:on|to)|came\s+from|went\s+to|belong(?:s|ed)?\s+to)"
)
# Words of a sentence that make a bare bracketed percent after a figure a share: "share", "of the total".
_SHARE_WORDS = re.compile(
    r"""\bshare\b|\bof\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:total|overall|all)\b|\bof\s+(?:this|which)\b
    |\baccount(?:ed|s|ing)?\s+for\b|\b(?:made|making|makes?)\s+up\b""",
    re.IGNORECASE | re.VERBOSE,
)
_SHARE_CLAIM = re.compile(
    rf"""
    # "accounted for 7.7 percent of total turnover", "making up almost 60% of exports"
    \b(?i:accounted\s+for|accounting\s+for|accounts?\s+for|made\s+up|making\s+up|makes?\s+up|represented|
        representing|represents?|constituted|constituting|constitutes?|comprised|comprising|comprises?)\s+
    {_OPTIONAL_QUALIFIER}{_CLAIM_NUMBER}\s*(?:%|(?i:percent|per\s+cent)\b)(?P<of>\s+(?i:of)\b)?
  |
    # "2% of total exports" (kept only when what follows "of" is trade)
    (?<![\w.,]){_OPTIONAL_QUALIFIER.replace("qualifier", "qualifier2")}{_CLAIM_NUMBER.replace("number", "number2")}
    \s*(?:%|(?i:percent|per\s+cent)\b)(?P<of2>\s+(?i:of)\b(?!\s+(?i:which)\b))
  |
    # "the share of exports in turnover was 59.4 percent", "a 5% share"
    (?P<share>\b(?i:share)\b)(?P<share_words>(?:[^.;%¤]|(?<=[A-Z])\.){{0,80}}?)\s+(?i:was|is|stood\s+at|amounted\s+to|
        reached|(?:rose|fell|increased|decreased|grew|declined|dropped|climbed)\s+to|equall?ed|totall?ed|
        came\s+to|of|at)\s+{_OPTIONAL_QUALIFIER.replace("qualifier", "qualifier3")}
        {_CLAIM_NUMBER.replace("number", "number3")}\s*(?:%|(?i:percent|per\s+cent)\b)
  | (?<![\w.,]){_CLAIM_NUMBER.replace("number", "number4")}\s*(?:%|(?i:percent|per\s+cent))\s+(?P<share4>(?i:share))\b
  |
    # "$3.1 billion (17.4%) of total trade": a bare percent in brackets right after a figure (kept only when
    # the sentence speaks of a share or a total)
    (?:(?<={MASK}\()|(?<={MASK}\s\())(?P<bracket>{_CLAIM_NUMBER.replace("number", "number5")})
    \s*(?:%|(?i:percent|per\s+cent)\b)(?=\s*\))
  |
    # "20% of which accounted for Italy", "of which 20 percent was accounted for by Italy"
    (?<![\w.,]){_OPTIONAL_QUALIFIER.replace("qualifier", "qualifier6")}{_CLAIM_NUMBER.replace("number", "number6")}
    \s*(?:%|(?i:percent|per\s+cent)\b)\s+(?i:of\s+which)(?:\s+(?i:was|were))?\s+(?P<which6>{_WHICH_VERB})
  | \b(?i:of\s+which)\s+{_OPTIONAL_QUALIFIER.replace("qualifier", "qualifier7")}
    {_CLAIM_NUMBER.replace("number", "number7")}\s*(?:%|(?i:percent|per\s+cent)\b)
    (?:\s+(?i:was|were|is|are))?\s+(?P<which7>{_WHICH_VERB})
    """,
    re.VERBOSE,
)


@dataclass
class _Claim:
    start: int
    end: int
    kind: str
    stated: float
    stated_half_width: float
    qualifier: str
    whole_flow: str | None = None
    flow_hint: str | None = None


def _find_change_claims(masked: str) -> list[_Claim]:
    claims = []
    for m in _CHANGE_CLAIM.finditer(masked):
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        if "word" in groups:
            word = groups["word"].lower()
            factor = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 2}[word]
            claims.append(_ratio_claim(m, Decimal(factor), 0, word == "halved", ""))
            continue
        number = next(
            groups[k] for k in ("number", "number2", "number5", "number6", "number7") if k in groups
        )
        unit = groups.get("unit") or groups.get("unit2") or groups.get("unit6") or "times"
        unit = "%" if "sign7" in groups else unit.strip().lower()
        direction = (groups.get("verb") or groups.get("after") or "more").lower()
        is_down = re.fullmatch(rf"(?:{_DOWN}|{_DOWN_AFTER})", direction, re.VERBOSE) is not None
        is_down = is_down if "sign7" not in groups else groups["sign7"] != "+"
        written = next(
            (
                groups[k]
                for k in ("qualifier", "qualifier2", "qualifier5", "qualifier6")
                if k in groups
            ),
            "",
        )
        qualifier = _QUALIFIERS.get(" ".join(written.lower().split()), "")
        value, decimals = _claim_number(number)
        compared = _FLOW_WORDS.search(groups.get("compared", ""))
        whole = compared.lastgroup if compared and compared.lastgroup != "other" else None
        whole = "exports" if whole == "weak_exports" else whole
        if "fold" in unit or "times" in unit:
            claims.append(_ratio_claim(m, value, decimals, is_down, qualifier))
            claims[-1].whole_flow = whole
            continue
        kind = "pp_change" if ("point" in unit or unit in ("p.p.", "pp")) else "pct_change"
        sign = -1 if is_down else 1
        claims.append(
            _Claim(
                m.start(),
                m.end(),
                kind,
                float(sign * value),
                float(half_unit(decimals)),
                qualifier,
                whole_flow=whole,
            )
        )
    return claims


def _claim_number(written: str) -> tuple[Decimal, int]:
    if written.lower() in _NUMBER_WORDS:
        return Decimal(_NUMBER_WORDS[written.lower()]), 0
    return parse_number(written)


def _ratio_claim(
    m: re.Match, value: Decimal, decimals: int, is_down: bool, qualifier: str
) -> _Claim:
    """A ratio claim; "decreased 2 times" is the ratio 1/2, with the rounding carried through the inverse."""
    half = half_unit(decimals)
    if not is_down:
        return _Claim(m.start(), m.end(), "ratio", float(value), float(half), qualifier)
    inverse = 1 / value
    half_inverse = (1 / (value - half) - inverse) if value > half else inverse
    return _Claim(m.start(), m.end(), "ratio", float(inverse), float(half_inverse), qualifier)


def _find_share_claims(masked: str, flow_words: list[_FlowWord]) -> list[_Claim]:
    claims = []
    for m in _SHARE_CLAIM.finditer(masked):
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        number = next(
            groups[k]
            for k in ("number", "number2", "number3", "number4", "number5", "number6", "number7")
            if k in groups
        )
        if "bracket" in groups and not _SHARE_WORDS.search(_sentence_of(masked, m.start())):
            continue  # "$5bn (17.4%)" alone may be a change: a share only when the sentence says so
        qualifier = _QUALIFIERS.get(
            " ".join(
                next(
                    (
                        groups[k]
                        for k in (
                            "qualifier",
                            "qualifier2",
                            "qualifier3",
                            "qualifier6",
                            "qualifier7",
                        )
                        if k in groups
                    ),
                    "",
                )
                .lower()
                .split()
            ),
            "",
        )
        end = m.end()
        part = whole = None
        if "of" in groups or "of2" in groups:
            whole, end, is_trade = _whole_after_of(masked, m.end(), flow_words)
            if not is_trade:
                continue  # "40 percent of the population", "5% of GDP"
        elif "which6" in groups or "which7" in groups:
            # "of which 80% was accounted for by exports": the part is named after, the whole before
            named_after = next(
                (
                    w
                    for w in flow_words
                    if m.end() <= w.start
                    and re.fullmatch(r"\s*(?:the\s+)?", masked[m.end() : w.start])
                ),
                None,
            )
            sentence_start = max(masked.rfind(". ", 0, m.start()), masked.rfind("\n", 0, m.start()))
            before = [
                w for w in flow_words if sentence_start < w.start < m.start() and w.flow != "other"
            ]
            if named_after and named_after.flow != "other" and before:
                part, whole, end = named_after.flow, before[-1].flow, named_after.end
        elif "bracket" in groups:
            after_of = re.compile(r"\)\s+(?i:of)\b").match(masked, m.end())
            if after_of:
                whole, _, _ = _whole_after_of(masked, after_of.end(), flow_words)
        elif "share_words" in groups or "share4" in groups:
            words_start = m.start("share_words") if "share_words" in groups else m.start()
            part, whole = _share_flows(masked, words_start, m.start(), m.end(), flow_words)
            of_after = re.compile(r"\s*(?:\([^()]*\))?\s+(?i:of)\b").match(masked, m.end())
            if (
                part is None and whole is None and of_after
            ):  # "a share of 23.1% ($18.2bn) of exports"
                whole, _, _ = _whole_after_of(masked, of_after.end(), flow_words)
        if part is None and whole is None and not _names_trade(masked, m.start(), flow_words):
            continue  # "a 5% share of the Chinese market": a share, but not of trade
        value, decimals = _claim_number(number)
        claims.append(
            _Claim(
                m.start(),
                end,
                "share",
                float(value),
                float(half_unit(decimals)),
                qualifier,
                whole_flow=whole,
                flow_hint=part,
            )
        )
    return claims


def _sentence_of(masked: str, position: int) -> str:
    """The text from the sentence start before ``position`` to the next sentence end (". " or a line end)."""
    start = max(masked.rfind(". ", 0, position), masked.rfind("\n", 0, position)) + 1
    ends = [e for e in (masked.find(". ", position), masked.find("\n", position)) if e >= 0]
    return masked[start : min(ends, default=len(masked))]


def _names_trade(masked: str, position: int, flow_words: list[_FlowWord]) -> bool:
    """Whether the nearest flow word before ``position`` in its sentence names trade (not investment)."""
    sentence_start = max(masked.rfind(". ", 0, position), masked.rfind("\n", 0, position))
    before = [w for w in flow_words if sentence_start < w.start < position]
    return bool(before) and before[-1].flow != "other"


def _whole_after_of(
    masked: str, position: int, flow_words: list[_FlowWord]
) -> tuple[str | None, int, bool]:
    """After "percent of": the whole's flow, where the claim's quote ends, whether the whole is trade."""
    clause_end = re.compile(r"[,;.:()]|\s(?:and|while|whereas|but|in|from|to|with)\s").search(
        masked, position
    )
    limit = clause_end.start() if clause_end else len(masked)
    for word in flow_words:
        if position <= word.start < limit:
            return (None, word.end, False) if word.flow == "other" else (word.flow, word.end, True)
    total = re.compile(r"\s+(?:the\s+)?(?:total|overall|all)\b", re.IGNORECASE).match(
        masked, position
    )
    if total:
        return None, total.end(), True
    return None, position, False


def _share_flows(
    masked: str, start: int, claim_start: int, claim_end: int, flow_words: list[_FlowWord]
) -> tuple[str | None, str | None]:
    """(part flow, whole flow) of "the share of exports in turnover": the second flow named is the whole."""
    named = [w for w in flow_words if start <= w.start < claim_end and w.flow != "other"]
    if not named:
        return None, None
    whole = named[-1].flow
    return (named[0].flow if len(named) > 1 else whole), whole


# --- the parser -----------------------------------------------------------------------------------

# A dateline opening a line: "BAKU, Azerbaijan, March 5." (its country is where the news agency writes from).
_DATELINE = re.compile(
    r"""(?m)^(?:[ \t]*date\s+\S+\s+)?[A-Z][A-Z.'’ -]+,\s+(?P<place>[A-Z][\w .'’-]*?),\s+
    (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b""",
    re.VERBOSE,
)
# Clause boundaries inside a sentence: a period named in another clause is a weaker candidate for a figure.
_CLAUSE_BREAK = re.compile(
    r"[,;:]|\s(?:which|while|whereas|but|compared|against|versus|than|and)\s"
)
# What makes a period the compared (base) one: "compared to", "than", "from $4.5bn in".
_BASE_MARKER = re.compile(
    rf"""(?i:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|as\s+against|against|versus|vs\.?|than|
        relative\s+to|(?:that|those)\s+of|(?:up|down)\s+from|from\s+(?:about\s+|around\s+|almost\s+|nearly\s+)?(?:{MASK}+|
        [\d.,]+\s*(?:%|percent|per\s+cent))
        |(?:increase|rise|growth|gain|jump|decrease|decline|drop|fall|reduction|times|fold|%|percent|per\s+cent|pct)
        \s+(?:from|on))(?:\s+(?:about|around|almost|nearly)?\s*{MASK}+)?
        (?:\s+(?:the|same|corresponding|period|periods|level|levels|figure|figures|of|in|for|during|that|a|
        year|recorded|reported|last)\b)*\s*$""",
    re.VERBOSE,
)
# Words right before a figure that make it the compared (earlier) value: "up from $4bn", "compared with $4bn".
_BASE_BEFORE_AMOUNT = re.compile(
    r"""\b(?i:(?:up|down)\s+from|from|compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|as\s+against|
    against|versus|vs\.?)\s+(?i:about\s+|around\s+|almost\s+|nearly\s+|some\s+)?$""",
    re.VERBOSE,
)
_COUNTRY_ROLE_BEFORE = re.compile(
    r"\b(?P<role>to|into|from|with|of|between)\s+(?:the\s+)?$", re.IGNORECASE
)


@dataclass
class _Mention:
    """A period mention resolved within its sentence."""

    start: int
    end: int
    period: Period | None
    is_base: bool
    marker_start: int  # where the words making it a base start (its own start when not a base)
    is_since: bool = False  # "since 2004": the figure is a running total without a period


class _Parser:
    """One pass over a document: sentences in order, carrying period, flow and countries forward."""

    def __init__(self, name: str, text: str):
        self.name, self.text = name, text
        self.amounts = find_amounts(text)
        masked = list(text)
        for amount in self.amounts:
            masked[amount.start : amount.end] = MASK * (amount.end - amount.start)
        self.masked = "".join(masked)
        self.sentences = _split_sentences(text)
        self.doc_year = find_document_year(text, name)
        self.periods = find_period_mentions(self.masked)
        self.countries = find_countries(self.masked)
        self.flow_words = _find_flow_words(self.masked)
        self.claims = _drop_overlaps(
            _find_change_claims(self.masked) + _find_share_claims(self.masked, self.flow_words)
        )
        self.default_pair = self._lead_pair()
        self.main = self._main_period()

    def _lead_pair(self) -> tuple[str | None, str | None]:
        """The document's two countries: the first two named in its first two paragraphs.

        One country alone is reported against the world ("WLD"): "Türkiye's exports rose 3.5%".
        """
        lead = [s for s in self.sentences if s.paragraph < 2]
        end = lead[-1].end if lead else 0
        named = list(dict.fromkeys(c.iso3 for c in self.countries if c.start < end))
        places = [m.span("place") for m in _DATELINE.finditer(self.text, 0, end)]
        named_in_text = list(
            dict.fromkeys(
                c.iso3
                for c in self.countries
                if c.start < end and not any(a <= c.start < b for a, b in places)
            )
        )
        if (
            len(named_in_text) >= 2
        ):  # "BAKU, Azerbaijan, March 5. Trade between Kazakhstan and the UK"
            named = named_in_text
        if not named:
            named = list(dict.fromkeys(c.iso3 for c in self.countries))[:2]
            return tuple((named + [None, None])[:2])
        return (named[0], named[1] if len(named) > 1 else WORLD)

    def _main_period(self) -> Period | None:
        """The period the article is about: its first period written in full and not compared against.

        It gives the year to parts written without one ("in the first half", "in September").
        """
        for mention in self.periods:
            if mention.is_relative or mention.is_since:
                continue
            window = self.masked[max(0, mention.start - 80) : mention.start]
            if _BASE_MARKER.search(window):
                continue
            period = mention.resolve(None, self.doc_year, False)
            if period is not None:
                return period
        return None

    def parse(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        figure_rows, claim_rows = [], []
        current: Period | None = None
        carried_flow, carried_pair, last_paragraph = None, None, -1
        for sentence in self.sentences:
            if sentence.paragraph != last_paragraph:
                carried_pair, last_paragraph = None, sentence.paragraph
            mentions = self._resolve_periods(sentence, current)
            sentence_current = next(
                (m.period for m in reversed(mentions) if not m.is_base and m.period), current
            )
            amounts = [a for a in self.amounts if sentence.start <= a.start < sentence.end]
            claims = [c for c in self.claims if sentence.start <= c.start < sentence.end]
            assigned = self._respectively(sentence, amounts, mentions)
            for amount in amounts:
                word = self._flow_word(sentence, amount.start, amount.end)
                flow = assigned.get(amount.start, {}).get("flow") or (
                    word.flow if word else carried_flow or "other"
                )
                period = assigned.get(amount.start, {}).get("period") or self._figure_period(
                    sentence, amount, mentions, sentence_current
                )
                reporter, partner = self._countries(sentence, amount.start, flow, carried_pair)
                row = self._figure_row(
                    len(figure_rows), sentence, amount, flow, period, reporter, partner
                )
                named = "flow" not in assigned.get(amount.start, {})  # not set by "respectively"
                row["scope"] = (
                    "change"
                    if self._is_change(sentence, amount)
                    else self._scope(word if named else None, amount.end)
                )
                row["balance_sign"] = (
                    self._balance_sign(sentence, amount) if flow == "balance" else float("nan")
                )
                figure_rows.append(row)
                carried_flow, carried_pair = flow, (reporter, partner)
            for claim in claims:
                claim_rows.append(
                    self._claim_row(
                        len(claim_rows),
                        sentence,
                        claim,
                        mentions,
                        sentence_current,
                        carried_flow,
                        carried_pair,
                    )
                )
                carried_flow = claim_rows[-1]["flow"]
                carried_pair = (claim_rows[-1]["reporter_iso3"], claim_rows[-1]["partner_iso3"])
            words = [w for w in self.flow_words if sentence.start <= w.start < sentence.end]
            if words and not amounts and not claims:
                carried_flow = words[-1].flow
            if (amounts or claims or words) and sentence_current is not None:
                current = sentence_current
        figures = _frame(figure_rows, FIGURE_COLUMNS)
        for row in claim_rows:
            if row.pop("is_whole_unnamed") and self._follows_pair_turnover(row, figure_rows):
                row["whole_flow"] = (
                    "turnover"  # "Exports made up $702 million, or 59.5% of the total"
                )
        for row in claim_rows:
            row["value_figure_id"], row["base_figure_id"] = self._tie_figures(row, figure_rows)
        return figures, _frame(claim_rows, CLAIM_COLUMNS)

    # periods

    def _resolve_periods(self, sentence: _Sentence, current: Period | None) -> list[_Mention]:
        """Resolve the sentence's periods: absolute ones first, then those relative to its own period."""
        raw = [m for m in self.periods if sentence.start <= m.start < sentence.end]
        resolved: dict[int, _Mention] = {}
        for kind in ("written", "needs_year", "relative"):
            written = next(
                (
                    m.period
                    for m in reversed(sorted(resolved.values(), key=lambda m: m.start))
                    if not m.is_base and m.period
                ),
                None,
            )
            for mention in raw:
                mention_kind = (
                    "written"
                    if not mention.is_relative
                    else "needs_year"
                    if mention.needs_year
                    else "relative"
                )
                if mention_kind != kind:
                    continue
                anchor = written or (self.main if mention.needs_year else None) or current
                resolved[mention.start] = self._resolve(sentence, mention, anchor)
        return sorted(resolved.values(), key=lambda m: m.start)

    def _resolve(
        self, sentence: _Sentence, mention: PeriodMention, current: Period | None
    ) -> _Mention:
        window_start = max(sentence.start, mention.start - 80)
        marker = _BASE_MARKER.search(self.masked, window_start, mention.start)
        compared = marker is not None
        period = mention.resolve(current, self.doc_year, compared)
        marker_start = marker.start() if marker else mention.start
        return _Mention(
            mention.start,
            mention.end,
            period,
            compared or mention.is_base,
            marker_start,
            mention.is_since,
        )

    def _figure_period(
        self, sentence: _Sentence, amount: Amount, mentions: list[_Mention], current: Period | None
    ) -> Period | None:
        """The period a figure belongs to: in brackets, the one just before; else the nearest in its clause."""
        candidates = [
            m
            for m in mentions
            if (m.period or m.is_since)
            and (
                not m.is_base
                or m.marker_start < amount.start < m.end
                or self._opens_sentence(sentence, m)
            )
        ]
        before = self.text[sentence.start : amount.start]
        if before.rstrip().endswith("(") or re.search(r"\(\s*$", before):
            preceding = [m for m in mentions if m.period and m.end <= amount.start]
            if preceding:
                return preceding[-1].period
        if not candidates:
            chosen = None
            period = current or _year_after_base(mentions)
        else:
            clause = self._clause_index(sentence, amount.start)

            def rank(m: _Mention) -> tuple[bool, int]:
                distance = amount.start - m.end if m.end <= amount.start else m.start - amount.end
                return self._clause_index(sentence, m.start) != clause, distance

            chosen = min(candidates, key=rank)
            period = chosen.period
        if (
            period is not None
            and not (chosen and chosen.is_base)
            and _BASE_BEFORE_AMOUNT.search(self.masked, sentence.start, amount.start)
        ):
            # "grew to $5bn in 2023 from $4bn": the compared figure is of the earlier period
            bases = [m.period for m in mentions if m.is_base and m.period]
            return bases[0] if bases else period.with_year(period.year - 1)
        return period

    def _opens_sentence(self, sentence: _Sentence, mention: _Mention) -> bool:
        """Whether an earlier period opens the sentence ("In the same period of 2023, trade stood at")."""
        return (
            mention.marker_start == mention.start
            and re.fullmatch(
                r"(?i:(?:and\s+|but\s+)?(?:in|for|during|over|at)?\s*)",
                self.masked[sentence.start : mention.start],
            )
            is not None
        )

    def _clause_index(self, sentence: _Sentence, position: int) -> int:
        return sum(1 for _ in _CLAUSE_BREAK.finditer(self.masked, sentence.start, position))

    # flows

    def _flow(self, sentence: _Sentence, start: int, end: int, carried: str | None) -> str:
        """Flow of the words at start..end.

        Named right after ("$5bn in exports"), else the nearest before, else after, else the paragraph's.
        """
        word = self._flow_word(sentence, start, end)
        return word.flow if word else carried or "other"

    def _flow_word(self, sentence: _Sentence, start: int, end: int) -> _FlowWord | None:
        """The flow word giving the flow of the words at start..end (None: the sentence names none)."""
        after = _FLOW_AFTER.match(self.masked, end)
        words = [w for w in self.flow_words if sentence.start <= w.start < sentence.end]
        if after:
            following = next(
                (
                    w
                    for w in words
                    if w.start >= after.end()
                    and re.fullmatch(r"(?:[a-z-]+\s+){0,2}", self.masked[after.end() : w.start])
                ),
                None,
            )
            if following:
                return following
        preceding = [w for w in words if w.end <= start]
        if preceding and preceding[-1].is_weak:
            clause = self._clause_index(sentence, start)
            strong = [
                w
                for w in preceding
                if not w.is_weak and self._clause_index(sentence, w.start) == clause
            ]
            return (strong or preceding)[-1]
        if preceding:
            return preceding[-1]
        following = [w for w in words if w.start >= end]
        return following[0] if following else None

    def _is_change(self, sentence: _Sentence, amount: Amount) -> bool:
        """Whether the amount is a change of value ("decreased by $200 million", "$1bn more than")."""
        before = self.masked[sentence.start : amount.start]
        after = self.masked[amount.end : sentence.end]
        return bool(
            _CHANGE_BEFORE_AMOUNT.search(before)
            or _CHANGE_AFTER_AMOUNT.match(after)
            or (
                _CHANGE_VERB_BEFORE_AMOUNT.search(before) and re.match(r"\s+(?:to|from)\s+¤", after)
            )
        )

    def _scope(self, word: _FlowWord | None, end: int) -> str:
        """ "commodity" for one product ("wheat exports", "$2.8bn worth of oil"), else "all"."""
        is_commodity = word is not None and word.is_commodity
        is_commodity = is_commodity or _COMMODITY_OF.match(self.masked, end) is not None
        return "commodity" if is_commodity else "all"

    def _balance_sign(self, sentence: _Sentence, amount: Amount) -> float:
        """+1.0 for a surplus ("surplus", "positive"), -1.0 for a deficit, NaN when not said."""
        signs = [
            (max(m.start() - amount.end, amount.start - m.end()), 1.0 if m.group("plus") else -1.0)
            for m in _BALANCE_SIGN.finditer(self.masked, sentence.start, sentence.end)
        ]
        return min(signs)[1] if signs else float("nan")

    def _respectively(
        self, sentence: _Sentence, amounts: list[Amount], mentions: list[_Mention]
    ) -> dict[int, dict]:
        """Pair flows and periods in order: "Exports and imports were $5bn and $3bn, respectively"."""
        word = re.search(r"\brespectively\b", self.text[sentence.start : sentence.end])
        if not word or len(amounts) < 2:
            return {}
        listed = [a for a in amounts if a.start < sentence.start + word.start()]
        flows = [w.flow for w in self.flow_words if sentence.start <= w.start < listed[0].start]
        periods = [m.period for m in mentions if m.period]
        assigned: dict[int, dict] = {a.start: {} for a in listed}
        if len(flows) == len(listed):
            for amount, flow in zip(listed, flows, strict=True):
                assigned[amount.start]["flow"] = flow
        if len(periods) == len(listed):
            for amount, period in zip(listed, periods, strict=True):
                assigned[amount.start]["period"] = period
        return assigned

    # countries

    def _countries(
        self,
        sentence: _Sentence,
        position: int,
        flow: str,
        carried: tuple[str | None, str | None] | None,
        is_share: bool = False,
    ) -> tuple[str | None, str | None]:
        """(reporter, partner) ISO3 for the words at ``position``.

        From "trade between X and Y", "exports to X", "imports from X", "X's share", "X's exports", a
        country named in the same clause, else the paragraph's or the document's pair. A reporter's
        trade named as total ("total exports", "foreign trade turnover") has the partner "WLD".
        """
        roles = self._country_roles(sentence)
        if "between" in roles:
            return roles["between"]
        clause = self._clause_index(sentence, position)
        partners = roles.get("partner", [])
        if not is_share and self._is_total(sentence, position):
            # total trade keeps out a partner of a later clause ("... $40.2bn, with X accounting for 1%")
            partners = [
                p
                for p in partners
                if p[0] < position or self._clause_index(sentence, p[0]) == clause
            ]
        shares = [
            c
            for c in self.claims
            if c.kind == "share"
            and position < c.start < sentence.end
            and self._clause_index(sentence, c.start) != clause
            and not is_share
        ]

        def is_of_share(country: tuple[int, str]) -> bool:
            at = self._clause_index(sentence, country[0])
            return (
                any(
                    country[0] > c.start or at == self._clause_index(sentence, c.start)
                    for c in shares
                )
                and at != clause
            )

        # "exports reached $78bn, 20% of which accounted for Italy": Italy is the share's, not the figure's
        is_whole = any(is_of_share(c) for c in partners + roles.get("bare", []))
        if is_whole:
            partners = [p for p in partners if not is_of_share(p)]
            roles["bare"] = [b for b in roles.get("bare", []) if not is_of_share(b)]
        partner = self._nearest(sentence, partners, position, clause)
        reporter = self._nearest(
            sentence, [r for r in roles.get("reporter", []) if r[1] != partner], position, clause
        )
        if reporter is None and partner is None:  # "Türkiye targets $267 billion in exports"
            reporter = self._nearest(
                sentence,
                [b for b in roles.get("bare", []) if b[1] == self.default_pair[0]],
                position,
                clause,
                same_clause=True,
            )
        if partner is None:
            partner = self._nearest(
                sentence,
                [b for b in roles.get("bare", []) if b[1] != reporter],
                position,
                clause,
                same_clause=True,
            )
        if reporter is None and partner is None and not self._is_total(sentence, position):
            if carried is not None and not (is_share and carried[1] == WORLD):
                return carried
            return (None, None) if is_share and self.default_pair[1] == WORLD else self.default_pair
        first, second = self.default_pair
        if reporter is None:
            reporter = first if first != partner else second
            reporter = None if reporter == WORLD else reporter
        if partner is None:
            if not is_share and (is_whole or self._is_total(sentence, position)):
                partner = WORLD
            elif (
                carried is not None
                and carried[0] == reporter
                and carried[1]
                and not (is_share and carried[1] == WORLD)
            ):
                partner = carried[1]
            elif reporter in (first, second) and not (is_share and second == WORLD):
                partner = second if reporter == first else first
        return reporter, partner

    def _is_total(self, sentence: _Sentence, position: int) -> bool:
        """Whether the trade named last before ``position`` in its sentence is total trade."""
        words = [
            w
            for w in self.flow_words
            if sentence.start <= w.start and w.end <= position + 1 and not w.is_weak
        ]
        return bool(words) and words[-1].is_total

    def _nearest(
        self,
        sentence: _Sentence,
        found: list[tuple[int, str]],
        position: int,
        clause: int,
        same_clause: bool = False,
    ) -> str | None:
        """The country of ``found`` nearest to ``position``, those in its clause first."""
        ranked = [
            (self._clause_index(sentence, start) != clause, abs(start - position), iso3)
            for start, iso3 in found
        ]
        if same_clause:
            ranked = [r for r in ranked if not r[0]]
        return min(ranked)[2] if ranked else None

    def _country_roles(self, sentence: _Sentence) -> dict:
        """Countries of a sentence by role: "reporter", "partner", "bare" → [(position, iso3)], "between".

        "to X" / "from X" name a partner after exports / imports, and a reporter the other way round
        ("imports to X", "exports from X"); "with X", "X's share", "the share of X" name a partner;
        "X's exports", "Kazakh exports", "exports of X" name a reporter.
        """
        mentions = [c for c in self.countries if sentence.start <= c.start < sentence.end]
        roles: dict = {}
        for i, country in enumerate(mentions):
            before = self.masked[max(sentence.start, country.start - 20) : country.start]
            role_match = _COUNTRY_ROLE_BEFORE.search(before)
            role = role_match.group("role").lower() if role_match else None
            after = self.masked[country.end : country.end + 40]
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if (
                role == "between"
                and nxt
                and re.fullmatch(r"\s+and\s+(?:the\s+)?", self.masked[country.end : nxt.start])
            ):
                roles.setdefault("between", (country.iso3, nxt.iso3))
            elif (
                nxt
                and re.fullmatch(r"\s*[-–]\s*", self.masked[country.end : nxt.start])
                and _FLOW_WORDS.match(self.masked, nxt.end + 1)
            ):
                roles.setdefault("between", (country.iso3, nxt.iso3))  # "Kazakh-British trade"
            flow_before = self._flow_before(sentence, country.start)
            if re.search(r"\baccording\s+to\s+(?:the\s+)?$", before, re.IGNORECASE):
                continue  # "according to Russian customs": a source, not a side of the trade
            if role in ("to", "into"):
                kind = "reporter" if flow_before == "imports" else "partner"
            elif role == "from":
                kind = "reporter" if flow_before == "exports" else "partner"
            elif role == "with":
                kind = "partner"
            elif re.match(r"['’]s?\s+share\b", after) or (
                role == "of" and re.search(r"\bshare\s+of\s+(?:the\s+)?$", before, re.IGNORECASE)
            ):
                kind = "partner"  # "Russia's share in Uzbekistan's trade", "the share of China"
            elif role == "of" and country.is_demonym:  # "imports of British goods"
                kind = "partner" if flow_before == "imports" else "reporter"
            elif (
                re.match(r"['’]s?\b", after)
                or role == "of"
                or (
                    country.is_demonym
                    and re.match(r"\s+(?:[a-z-]+\s+)?(?:export|import|trade)", after)
                )
            ):
                kind = "reporter"
            elif country.is_demonym:
                continue  # "Russian customs", "Chinese investment": no role in the trade
            else:
                kind = "bare"
            roles.setdefault(kind, []).append((country.start, country.iso3))
        return roles

    def _flow_before(self, sentence: _Sentence, position: int) -> str | None:
        """Flow of the flow word just before a country (within 40 characters), if any."""
        words = [
            w
            for w in self.flow_words
            if sentence.start <= w.start and w.end <= position and position - w.end <= 40
        ]
        return words[-1].flow if words else None

    # rows

    def _figure_row(
        self,
        figure_id: int,
        sentence: _Sentence,
        amount: Amount,
        flow: str,
        period: Period | None,
        reporter: str | None,
        partner: str | None,
    ) -> dict:
        return {
            "document": self.name,
            "figure_id": figure_id,
            "quote": self.text[amount.start : amount.end],
            "start": amount.start,
            "end": amount.end,
            "context": self.text[sentence.start : sentence.end],
            "flow": flow,
            "period": str(period) if period else "",
            "reporter_iso3": reporter,
            "partner_iso3": partner,
            "value_usd": amount.value_usd,
            "half_width_usd": amount.half_width_usd,
            "qualifier": self._qualifier_before(sentence, amount.start),
        }

    def _qualifier_before(self, sentence: _Sentence, start: int) -> str:
        before = self.masked[sentence.start : start]
        match = re.search(rf"(?:^|[^\w])(?P<q>{_QUALIFIER})\s+$", before, re.IGNORECASE)
        if not match:
            return ""
        if re.search(
            r"(?:%|percent|per\s+cent|times|fold|points?)\s+$", before[: match.start("q")], re.I
        ):
            return ""  # "52 percent less than $1.46 billion" is a change, not "under"
        return _QUALIFIERS[" ".join(match.group("q").lower().split())]

    def _claim_row(
        self,
        claim_id: int,
        sentence: _Sentence,
        claim: _Claim,
        mentions: list[_Mention],
        current: Period | None,
        carried_flow: str | None,
        carried_pair,
    ) -> dict:
        inside = [
            w
            for w in self.flow_words
            if claim.start <= w.start and w.end <= claim.end and w.flow != "other"
        ]
        compares_flows = (
            claim.kind != "share" and claim.whole_flow is not None
        )  # "exceeded imports"
        word = inside[-1] if claim.kind != "share" and inside and not compares_flows else None
        if word is not None:
            claim.flow_hint = word.flow
        if claim.kind != "share" and _QUANTITY_AFTER.match(self.masked, claim.end):
            claim.flow_hint = "other"  # "oil exports increased 2.3 times to 2.5 million barrels"
        word = word or self._flow_word(sentence, claim.start, claim.start)
        flow = claim.flow_hint or (word.flow if word else carried_flow or "other")
        if claim.kind == "share" and claim.flow_hint is None and claim.whole_flow:
            preceding = [
                w for w in self.flow_words if sentence.start <= w.start and w.end <= claim.start
            ]
            word = preceding[-1] if preceding else None
            flow = word.flow if word else claim.whole_flow
        whole_flow = claim.whole_flow
        is_whole_unnamed = claim.kind == "share" and whole_flow is None and claim.flow_hint is None
        if claim.kind == "share" and whole_flow is None:
            whole_flow = flow if flow != "other" else None
        if claim.kind != "share" and self.masked[claim.start : claim.end].lower().endswith("than"):
            whole_flow = self._flow_compared(claim.end, flow)
        if claim.kind != "share" and whole_flow == flow:
            whole_flow = None  # "exports exceeded last year's exports by 5%": a change over time
        period, base = _claim_periods(mentions, current, claim.kind)
        if claim.kind != "share" and whole_flow:
            base = period  # one flow against another in the same period
        reporter, partner = self._countries(
            sentence, claim.start, flow, carried_pair, is_share=claim.kind == "share"
        )
        return {
            "document": self.name,
            "claim_id": claim_id,
            "quote": self.text[claim.start : claim.end],
            "start": claim.start,
            "end": claim.end,
            "context": self.text[sentence.start : sentence.end],
            "kind": claim.kind,
            "stated": claim.stated,
            "stated_half_width": claim.stated_half_width,
            "qualifier": claim.qualifier,
            "flow": flow,
            "whole_flow": whole_flow,
            "period": str(period) if period else "",
            "base_period": (str(base) if base else "") if claim.kind != "share" else None,
            "reporter_iso3": reporter,
            "partner_iso3": partner,
            "value_figure_id": None,
            "base_figure_id": None,
            "scope": "commodity" if word is not None and word.is_commodity else "all",
            "is_whole_unnamed": is_whole_unnamed,
        }

    def _follows_pair_turnover(self, claim: dict, figures: list[dict]) -> bool:
        """Whether a share of exports or imports follows a figure of the pair's turnover in its period."""
        if claim["flow"] not in ("exports", "imports") or claim["partner_iso3"] in (None, WORLD):
            return False
        return any(
            f["flow"] == "turnover"
            and f["scope"] == "all"
            and f["period"] == claim["period"]
            and f["start"] < claim["start"]
            and f["partner_iso3"] == claim["partner_iso3"]
            and _same_countries(f, claim)
            for f in figures
        )

    def _flow_compared(self, position: int, flow: str) -> str | None:
        """The other flow compared with, if named next: "4.8 times higher than imports"."""
        word = next((w for w in self.flow_words if w.start >= position), None)
        if (
            word
            and re.fullmatch(r"\s+(?:the\s+)?(?:[a-z]+\s+)?", self.masked[position : word.start])
            and word.flow not in (flow, "other")
        ):
            return word.flow
        return None

    def _tie_share_of_world(
        self, claim: dict, figures: list[dict]
    ) -> tuple[int | None, int | None]:
        """Ids for "X accounted for 13% of Y's total trade": Y's trade with X and Y's trade with the world."""
        if claim["partner_iso3"] in (None, WORLD) or not claim["period"]:
            return None, None
        ids = []
        for partner, scope in ((claim["partner_iso3"], claim["scope"]), (WORLD, "all")):
            matches = [
                f
                for f in figures
                if f["flow"] == claim["flow"]
                and f["scope"] == scope
                and f["period"] == claim["period"]
                and f["reporter_iso3"] == claim["reporter_iso3"]
                and f["partner_iso3"] == partner
            ]
            best = min(matches, key=lambda f: _distance(f, claim), default=None)
            ids.append(None if best is None else best["figure_id"])
        return (ids[0], ids[1]) if None not in ids else (None, None)

    def _tie_figures(self, claim: dict, figures: list[dict]) -> tuple[int | None, int | None]:
        """Ids of the figures stating the claim's new and base values, from the same paragraph."""
        if claim["kind"] == "pp_change":
            return None, None
        paragraph = next(s.paragraph for s in self.sentences if s.start <= claim["start"] < s.end)
        spans = [(s.start, s.end) for s in self.sentences if s.paragraph == paragraph]
        low, high = spans[0][0], spans[-1][1]
        nearby = [f for f in figures if low <= f["start"] < high]
        if claim["kind"] == "share" and claim["whole_flow"] == claim["flow"]:
            return self._tie_share_of_world(claim, figures)
        if claim["kind"] == "share":
            if not claim["whole_flow"]:
                return None, None
            wanted = [(claim["flow"], claim["period"]), (claim["whole_flow"], claim["period"])]
        elif claim["whole_flow"]:
            wanted = [(claim["flow"], claim["period"]), (claim["whole_flow"], claim["period"])]
        else:
            wanted = [(claim["flow"], claim["period"]), (claim["flow"], claim["base_period"])]
        scopes = (claim["scope"], "all" if claim["kind"] == "share" else claim["scope"])
        ids = []
        for (flow, period), scope in zip(wanted, scopes, strict=True):
            matches = [
                f
                for f in nearby
                if f["flow"] == flow
                and f["scope"] == scope
                and period
                and f["period"] == period
                and _same_countries(f, claim)
            ]
            best = min(matches, key=lambda f: _distance(f, claim), default=None)
            ids.append(None if best is None else best["figure_id"])
        return ids[0], ids[1]


def _claim_periods(
    mentions: list[_Mention], current: Period | None, kind: str
) -> tuple[Period | None, Period | None]:
    """(period, base period) of a claim in a sentence.

    The latest period named against the compared one, else an earlier one named, else a year before.
    """
    own = [m.period for m in mentions if m.period and not m.is_base]
    bases = [m.period for m in mentions if m.period and m.is_base]
    period = max(own, key=lambda p: p.end) if own else current or _year_after_base(mentions)
    if kind == "share":
        return period, None
    earlier = [p for p in own if period and p.end < period.end]
    if bases:
        base = bases[0]
    elif earlier:
        base = earlier[-1]
    else:
        base = period.with_year(period.year - 1) if period else None
    return period, base


def _year_after_base(mentions: list[_Mention]) -> Period | None:
    """The period a year after the compared one, for "rose 5% compared to 2022" with no current period."""
    base = next((m.period for m in mentions if m.is_base and m.period), None)
    return base.with_year(base.year + 1) if base else None


def _same_countries(figure: dict, claim: dict) -> bool:
    return all(
        not (figure[k] and claim[k]) or figure[k] == claim[k]
        for k in ("reporter_iso3", "partner_iso3")
    )


def _distance(figure: dict, claim: dict) -> int:
    return max(claim["start"] - figure["end"], figure["start"] - claim["end"], 0)


def _drop_overlaps(claims: list[_Claim]) -> list[_Claim]:
    """Keep claims in text order, dropping any that overlaps an earlier or longer one."""
    kept: list[_Claim] = []
    for claim in sorted(claims, key=lambda c: (c.start, -(c.end - c.start))):
        if not kept or claim.start >= kept[-1].end:
            kept.append(claim)
    return kept


def _frame(rows: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    """A table with fixed column order and dtypes: ints, floats, and object for text that may be None."""
    frame = pd.DataFrame(rows, columns=list(columns))
    dtypes = {
        "figure_id": "int64",
        "claim_id": "int64",
        "start": "int64",
        "end": "int64",
        "value_usd": "float64",
        "half_width_usd": "float64",
        "balance_sign": "float64",
        "stated": "float64",
        "stated_half_width": "float64",
    }
    frame = frame.astype({k: v for k, v in dtypes.items() if k in frame.columns})
    for column in frame.columns:
        if column not in dtypes:
            frame[column] = pd.Series(
                [row[column] for row in rows], dtype=object, index=frame.index
            )
    return frame
