"""Numbers in news text: US-dollar amounts, decimal commas, scale words and written precision."""

import bisect
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from analysis.loaders._number_conventions import (
    ONE_GROUP,
    TWO_POINTS,
    grouped_reading,
    two_point_reading,
    writes_decimal_commas,
    writes_space_thousands,
)
from analysis.loaders._scan import finditer
from analysis.reference.news_vocabulary import FRACTION_WORDS, NUMBER_WORDS, SCALE_WORDS

# A written number. Thousands groups ("1,496.2") come first so that "1,496" is one thousand four
# hundred and
# ninety-six; otherwise a comma is a decimal comma ("626,1", "2,1", "12,3456").
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:[.,]\d+)?"
# A money number may also group thousands with spaces, as Kazakh and Russian sources do: "$1 180.6
# million".
_GROUP_SPACE = " \u00a0\u202f"
_MONEY_NUMBER = rf"\d{{1,3}}(?:[{_GROUP_SPACE}]\d{{3}})+(?:[.,]\d+)?(?![\d,.])|{NUMBER}"
# After a currency sign a comma may be followed by a space: "USD 1, 118 bln" (read as the text's
# conventions decide, see ``_number_conventions``).
_PREFIX_NUMBER = rf"\d{{1,3}},[{_GROUP_SPACE}]\d{{3}}(?![\d,.])|{_MONEY_NUMBER}"

_SCALES = SCALE_WORDS  # scale word → US-dollar multiple, from the news vocabulary
_FULL_WORDS = ("trillion", "billion", "milliard", "million", "thousand")  # these take a plural "s"
_SCALE_WORDS = "|".join(
    f"{word}s?" if word in _FULL_WORDS else word
    for word in sorted((w for w in _SCALES if len(w) > 1), key=len, reverse=True)
)
_SCALE_LETTERS = "".join(sorted(w for w in _SCALES if len(w) == 1))

# Short words a page may glue to a scale word: "$71.78mand" is "$71.78m and".
_GLUED_WORDS = r"(?:and|or|in|to|from|for|of|at|with)\b"
# Scale words: full words and abbreviations may follow a space or a hyphen ("$5 bn",
# "$1.18-billion",
# "1.18 mlrd" for the milliard of Russian-language sources); single letters must touch the
# number ("$5m", "$5B") so that "$5 m..." in running text is not read as millions, unless a
# currency follows them ("5.9 b USD").
_SCALE = rf"""
    (?:(?:\s*|-)(?P<{{name}}>(?i:{_SCALE_WORDS}))
      # or after a space when a currency follows: "5.9 b USD"
      |(?:\s(?=(?i:[{_SCALE_LETTERS}])\s+(?:USD|US\$|(?:U\.S\.\s+|US\s+)?(?i:dollars))\b))?
       (?P<{{name}}_letter>(?i:[{_SCALE_LETTERS}]))
    )(?:(?![A-Za-z])|(?={_GLUED_WORDS}))
"""

MONEY_RE = re.compile(
    rf"""
    # prefix form: "$1.18 billion", "US$ 2.6 billion", "USD 31.2 billion", "$426.8mln", "$5bn"
    (?:(?<![\w$])(?P<prefix>US\s?\$|U\.S\.\s?\$|\$\s?US\b|\$|USD(?=\s?\d))
      # a lower-case letter before "$" is a missing space ("shipments of$909.54 million")
      |(?<=[a-z])(?:US)?\$)\s?
    (?:(?i:of)\s+)?(?P<number>{_PREFIX_NUMBER})
    (?:{_SCALE.format(name="scale")})?
    # "$32 billion 734,4 million", "$2 billion of 324.3 million": billions and millions written
    # apart
    (?(scale)(?:\s+(?:(?i:of)\s+)?(?P<millions>\d{{1,3}}(?:[.,]\d+)?)\s+(?i:million)\b)?)
    (?:\s+(?:U\.S\.\s+|US\s+)?(?i:dollars)\b)?
  |
    # suffix form: "2.8 billion U.S. dollars", "500 million dollars", "3.5 bln USD", "1 billion 86
    # million USD"
    (?<![\w$.,])
    (?P<number2>{_MONEY_NUMBER})
    (?:{_SCALE.format(name="scale2")})?
    (?(scale2)(?:\s+(?P<millions2>\d{{1,3}}(?:[.,]\d+)?)\s+(?i:million)\b)?)
    (?:\s+(?:U\.S\.\s+|US\s+|American\s+)?(?i:dollars?)\b|\s?USD\b|\s?US\$)
    # the scale may follow the currency: "702.1 USD mln", "1.18 USD billion"
    (?(scale2)|(?(scale2_letter)|(?:\s+(?P<scale3>(?i:{_SCALE_WORDS}))(?![A-Za-z]))?))
    """,
    re.VERBOSE,
)

# What may not follow a money expression: another digit (a phone or account number), a percent
# sign, or "=" and another currency's amount (an exchange rate: "US$1=RM4.07", "$1 = 89.5 rubles").
_NOT_AFTER_MONEY = re.compile(
    r"[\d%]|\s*(?:percent|per\s+cent)\b|\s*=\s*(?:[A-Z]{1,3}\$?|\W)?\s*\d", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Amount:
    """One money expression in a text: its span, value in US dollars and written half-width."""

    start: int
    end: int
    value_usd: float
    half_width_usd: float


def parse_number(text: str) -> tuple[Decimal, int]:
    """Read a written number with thousands groups or a decimal comma.

    Args:
        text: Digits as written, e.g. "1,496.2", "626,1", "24.5", "702", "1 180.6".

    Returns:
        The value and the count of written decimals ("626,1" → (626.1, 1); "1,496.2" → (1496.2, 1)).
    """
    text = re.sub(rf"[{_GROUP_SPACE}]", "", text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    _, _, decimals = text.partition(".")
    return Decimal(text), len(decimals)


def half_unit(decimals: int) -> Decimal:
    """Half of the last written digit's unit: 0 decimals → 0.5, 1 → 0.05, 2 → 0.005."""
    return Decimal(5) / Decimal(10) ** (decimals + 1)


def find_amounts(text: str) -> list[Amount]:
    """Find every US-dollar money expression in ``text``, in text order.

    Args:
        text: Any text.

    Returns:
        Amounts with ``value_usd`` in US dollars as stated and ``half_width_usd`` from the written
        precision ("$1.18 billion" → 1.18e9 ± 5e6). Unreadable ones (see :func:`scan_amounts`) are
        left out.
    """
    return scan_amounts(text)[0]


def _is_rate_line(text: str, match: re.Match) -> bool:
    """Whether an amount with no scale word is all its line holds.

    A page's currency-rate box ("USD 84.80" over "EUR 99.50") quotes a rate, not a trade figure.
    """
    if any(match.group(g) for g in ("scale", "scale_letter", "scale2", "scale2_letter", "scale3")):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return line.strip() == match.group(0).strip()


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A money expression that cannot be read as one number: its span and why."""

    start: int
    end: int
    reason: str


# What makes a money expression unreadable rather than a smaller number: more digit groups or an
# exponent right after it ("$1,2,3,4 million" is not $1.2 million; "$1e308 billion" is not $1).
_MESSY_AFTER = re.compile(r"(?:[.,]\d|[eE][+-]?\d)[\d.,eE+-]*(?:\s*[A-Za-z]+)?")
MAX_AMOUNT_USD = 1e15  # a thousand trillion dollars: more than world trade, so not a trade figure


def scan_amounts(text: str) -> tuple[list[Amount], list[Unreadable]]:
    """(amounts, unreadable expressions) of ``text``, each in text order.

    A money expression followed by more digit groups or an exponent, or whose value is not finite or
    above ``MAX_AMOUNT_USD`` (a 400-digit number), is unreadable: reported, never read as another
    number.
    """
    found, unreadable, written = [], [], []
    pending: list[tuple[int, int]] = []  # (index in found, end) of amounts with a garbled scale
    for match in finditer(MONEY_RE, text):
        messy = _MESSY_AFTER.match(text, match.end())
        if messy:
            unreadable.append(
                Unreadable(match.start(), messy.end(), "digits or an exponent after the number")
            )
            continue
        if _NOT_AFTER_MONEY.match(text, match.end()) or _is_rate_line(text, match):
            continue
        number = match.group("number") or match.group("number2")
        scale_word = next(
            (
                match.group(g)
                for g in ("scale", "scale_letter", "scale2", "scale2_letter", "scale3")
                if match.group(g)
            ),
            "",
        )
        scale = _SCALES[scale_word.lower().removesuffix("s")] if scale_word else 1
        value, decimals = parse_number(number)
        half_width = half_unit(decimals) * scale
        written_millions = match.group("millions") or match.group("millions2")
        if written_millions and scale == 10**9 and decimals == 0:
            millions, decimals = parse_number(written_millions.replace(",", "."))
            value, scale, half_width = value * 1000 + millions, 10**6, half_unit(decimals) * 10**6
        value_usd = float(value * scale)
        if not math.isfinite(value_usd) or value_usd > MAX_AMOUNT_USD:
            unreadable.append(
                Unreadable(match.start(), match.end(), "too large to be a trade figure")
            )
            continue
        garbled = _GARBLED_SCALE.match(text, match.end()) if not scale_word else None
        if garbled:
            pending.append((len(found), garbled.end()))
        found.append(Amount(match.start(), match.end(), value_usd, float(half_width)))
        written.append((number, scale))
    found = _garbled_scales(found, written, pending, unreadable)
    found = _dot_thousands(found, written)
    found = _decimal_commas(text, found, written, unreadable)
    found += _fraction_amounts(text) + _two_point_amounts(text, found, unreadable)
    amounts = sorted(found + find_implied_amounts(text, found), key=lambda a: a.start)
    return amounts, unreadable


# A scale word missing its first letter: "USD 14.059 ln" beside "USD 10.308 bln".
_GARBLED_SCALE = re.compile(r"\s?(?i:ln)\b")


def _garbled_scales(
    found: list[Amount],
    written: list[tuple[str, int]],
    pending: list[tuple[int, int]],
    unreadable: list[Unreadable],
) -> list[Amount]:
    """Amounts with a garbled scale word, read at the one scale the text's other amounts use.

    When the other amounts use no scale or several, the amount is reported unreadable instead.
    """
    if not pending:
        return found
    garbled = {index for index, _ in pending}
    scales = {scale for i, (_, scale) in enumerate(written) if i not in garbled and scale > 1}
    kept = list(found)
    for index, end in pending:
        amount = found[index]
        if len(scales) == 1:
            scale = next(iter(scales))
            kept[index] = Amount(
                amount.start, end, amount.value_usd * scale, amount.half_width_usd * scale
            )
            written[index] = (written[index][0], scale)
        else:
            unreadable.append(Unreadable(amount.start, end, "a scale word that is not one"))
            kept[index] = None
    dropped = [i for i, amount in enumerate(kept) if amount is None]
    for i in reversed(dropped):
        del written[i]
    return [amount for amount in kept if amount is not None]


# "half a billion dollars", "one billion US dollars": a fraction or a number in words, a full scale
# word and "dollars".
_FRACTIONS = "|".join(
    re.escape(word).replace(r"\ ", r"\s+")
    for word in sorted([*FRACTION_WORDS, *NUMBER_WORDS], key=len, reverse=True)
)
_FRACTION_RE = re.compile(
    rf"(?<![\w$-])(?P<fraction>(?i:{_FRACTIONS}))\s+(?P<scale>(?i:trillion|billion|million))"
    r"\s+(?:U\.S\.\s+|US\s+)?(?i:dollars)\b"
)


def _fraction_amounts(text: str) -> list[Amount]:
    """Amounts written in words.

    "half a billion dollars" is $500 million ± 50 million (a tenth of the scale, loosely written);
    "one billion US dollars" is $1 billion ± 0.5 billion (a whole number of the scale).
    """
    found = []
    for match in finditer(_FRACTION_RE, text):
        written = re.sub(r"\s+", " ", match.group("fraction").lower())
        scale = _SCALES[match.group("scale").lower()]
        if written in NUMBER_WORDS:
            found.append(
                Amount(
                    match.start(), match.end(), float(NUMBER_WORDS[written] * scale), 0.5 * scale
                )
            )
            continue
        found.append(
            Amount(match.start(), match.end(), FRACTION_WORDS[written] * scale, 0.1 * scale / 2)
        )
    return found


# "33.399 million" where the text groups thousands of millions with commas elsewhere ("29,798
# million"): a dot written as a thousands separator (Spanish-style), not a decimal point.
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_DOT_GROUPED = re.compile(r"\d{1,3}\.\d{3}")


def _dot_thousands(found: list[Amount], written: list[tuple[str, int]]) -> list[Amount]:
    """Amounts re-read with the dot as a thousands separator when the text itself shows it.

    A "D.DDD million" amount is read as thousands of millions only when the same text writes other
    millions with comma groups ("29,798 million"), the decimal reading would be a hundred times
    smaller than all of those, and the grouped reading falls within ten times of them.

    Args:
        found: Amounts as read, in text order.
        written: For each amount, its number as written and its scale multiple.

    Returns:
        ``found`` with the slipped amounts re-read.
    """
    grouped = [
        float(parse_number(number)[0])
        for number, scale in written
        if scale == 10**6 and _COMMA_GROUPED.fullmatch(number)
    ]
    if not grouped:
        return found
    low, high = min(grouped), max(grouped)
    result = []
    for amount, (number, scale) in zip(found, written, strict=True):
        if scale == 10**6 and _DOT_GROUPED.fullmatch(number):
            literal = float(number)
            if literal * 100 < low and low / 10 <= literal * 1000 <= high * 10:
                amount = Amount(amount.start, amount.end, literal * 1000 * scale, 0.5 * scale)
        result.append(amount)
    return result


def _decimal_commas(
    text: str, found: list[Amount], written: list[tuple[str, int]], unreadable: list[Unreadable]
) -> list[Amount]:
    """Amounts with one separator before three digits, read as the text's own conventions decide.

    "$ 1,481 billion" (a Russian-style "1,481 milliard") is $1.481 billion when the text's other
    amounts are at most a hundredth of the thousands reading; "739,386 mln dollars" is $739.386
    million in a text that also writes "360,5" and "2,1 times"; "USD 1, 118 bln" and a space group
    that the other amounts show is decimal ("378 886 mln") likewise. A number the text leaves open
    is reported unreadable (see :func:`_number_conventions.grouped_reading`); without other amounts
    the literal reading stays (a check it breaks then proposes the comma reading as a correction).

    Args:
        text: The whole text (its decimal commas decide the convention).
        found: Amounts as read, in text order.
        written: For each amount, its number as written and its scale multiple.
        unreadable: Where the undecided amounts are reported.

    Returns:
        ``found`` with the decided amounts re-read and the undecided ones left out.
    """
    grouped = [bool(ONE_GROUP.fullmatch(number)) for number, _ in written]
    if not any(grouped):
        return found
    others = [a.value_usd for a, g in zip(found, grouped, strict=True) if not g and a.value_usd > 0]
    decimal_commas, space_thousands = writes_decimal_commas(text), writes_space_thousands(text)
    result = []
    for amount, (number, scale), is_grouped in zip(found, written, grouped, strict=True):
        reading = "literal"
        if is_grouped and scale >= 10**6:
            reading = grouped_reading(
                number, scale, amount.value_usd, others, decimal_commas, space_thousands
            )
        if reading == "unreadable":
            reason = "a separator this text uses both for thousands and for decimals"
            unreadable.append(Unreadable(amount.start, amount.end, reason))
            continue
        if reading == "decimal":
            decimal, half_width = amount.value_usd / 1000, float(half_unit(3) * scale)
            amount = Amount(amount.start, amount.end, decimal, half_width)
        result.append(amount)
    return result


def _two_point_amounts(
    text: str, found: list[Amount], unreadable: list[Unreadable]
) -> list[Amount]:
    """Amounts like "2.736.4 billion U.S. dollars", read when the text's other amounts decide.

    Only with a currency before or after; see :func:`_number_conventions.two_point_reading`.
    """
    others = [a.value_usd for a in found if a.value_usd > 0]
    result = []
    for match in finditer(TWO_POINTS, text):
        if not (match.group("prefix") or match.group("suffix")):
            continue
        # "$2.736.4 billion" was reported as digits after "$2.736": this reading replaces that
        unreadable[:] = [u for u in unreadable if not match.start() <= u.start < match.end()]
        scale = _SCALES[match.group("scale").lower()]
        value, half_width = two_point_reading(match.group("number"), scale, others)
        if math.isnan(value):
            reason = "a number with two points that the text's other amounts do not decide"
            unreadable.append(Unreadable(match.start(), match.end(), reason))
            continue
        result.append(Amount(match.start(), match.end(), value, half_width))
    return result


# A number with a scale word and no currency: "compared with 690m in 1998", "exports of 41.3
# billion".
_BARE_AMOUNT = re.compile(
    rf"""(?<![\w$.,€£¥₹])(?P<number>{NUMBER})(?:{_SCALE.format(name="scale")})
    (?=\s*(?:$|[.,;:)!?]|\s(?i:in|from|to|and|or|while|with|for|compared|against|registered|recorded|
    reported|during|over|last|this|the|a|an|which|that|was|were|is|are|as|at|of|by|year-on-year)\b))""",
    re.VERBOSE,
)
# Words right before a bare amount that give it another currency or unit ("Ksh 1,375.7 billion").
_OTHER_CURRENCY_BEFORE = re.compile(r"(?:[€£¥₹]|\b[A-Z][A-Za-z]{0,3}\.?|\b(?i:rs|tk|rp|rmb))\s*$")
_NEAR_MONEY = 250  # characters: a bare amount counts as dollars only this close to a dollar amount


def find_implied_amounts(text: str, stated: list[Amount]) -> list[Amount]:
    """Amounts written without a currency next to US-dollar ones.

    Like "690m" in "$1.84bn in 2003, compared with 690m". A number with a scale word (million, bn,
    m) counts as US dollars when a US-dollar amount is stated within ``_NEAR_MONEY`` characters, no
    other currency or unit is written before it, and nothing but punctuation or a small word follows
    it ("690m tonnes" and "Ksh 1,375.7 billion" are not dollars).
    """
    if not stated:
        return []
    starts = [a.start for a in stated]
    found = []
    for match in finditer(_BARE_AMOUNT, text):
        if _OTHER_CURRENCY_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            continue
        if any(a.start <= match.start() < a.end for a in _near(stated, starts, match.start(), 0)):
            continue  # part of a stated amount
        if not _near(stated, starts, match.start(), _NEAR_MONEY):
            continue
        if _compares_with_a_count(text, stated, match.start()):
            continue
        scale_word = match.group("scale") or match.group("scale_letter")
        scale = _SCALES[scale_word.lower().removesuffix("s")]
        value, decimals = parse_number(match.group("number"))
        found.append(
            Amount(
                match.start(), match.end(), float(value * scale), float(half_unit(decimals) * scale)
            )
        )
    return found


# A number with a scale word followed by what it counts: "1.56 million Chinese tourists".
_COUNT = re.compile(
    rf"""(?<![\w$.,])(?:{NUMBER})(?:{_SCALE.format(name="scale")})\s+
    (?!(?i:U\.S\.|US|American|dollars?|USD)\b)[A-Za-z]""",
    re.VERBOSE,
)


def _compares_with_a_count(text: str, stated: list[Amount], position: int) -> bool:
    """Whether the nearest number with a scale word before ``position`` in its sentence is a count.

    "1.56 million Chinese tourists, … an increase of 6.4% compared to 1.46 million in the same
    period": the bare "1.46 million" counts tourists, not dollars, though dollars are stated nearby.
    """
    low = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position), position - 300, 0)
    counts = [
        m
        for m in finditer(_COUNT, text, low, position)
        if not _BARE_AMOUNT.match(text, m.start())
        and not any(a.start <= m.start() < a.end for a in stated)
    ]
    if not counts:
        return False
    last_money = max((a.end for a in stated if low <= a.start and a.end <= position), default=-1)
    return counts[-1].start() > last_money


def _near(stated: list[Amount], starts: list[int], position: int, reach: int) -> list[Amount]:
    """Stated amounts within ``reach`` characters of ``position``.

    ``starts`` must be sorted (for bisect).
    """
    low = bisect.bisect_left(starts, position - reach - 200)
    high = bisect.bisect_right(starts, position + reach)
    return [a for a in stated[low:high] if a.start - reach <= position and position < a.end + reach]
