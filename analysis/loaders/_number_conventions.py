"""How a text writes its numbers: which separator is decimal, decided from the text itself.

A comma or a space before three digits ("739,386 mln", "378 886 mln", "USD 1, 118 bln") may group
thousands or mark decimals. The text decides: the decimal commas it writes elsewhere ("360,5",
"2,1 times") and the size of its unambiguous amounts. A number with two points ("2.736.4 billion")
is read only when the text's other amounts leave one reading; otherwise it stays unreadable.
"""

import re

# A number with one separator before a three-digit group and no decimals: "739,386", "1, 118",
# "378 886". Its literal (thousands) reading is a thousand times its decimal reading.
ONE_GROUP = re.compile(r"\d{1,3}(?P<sep>,|,?[ \u00a0\u202f])\d{3}")
# A decimal comma the text writes: a comma before one or two digits ("360,5", "2,1 times",
# "2,8%"), which no thousands grouping writes.
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])\d+,\d{1,2}(?![\d,])")
# A thousands comma the text writes unambiguously: with a decimal point after it ("1,496.2") or
# with two groups ("1,654,000").
_THOUSANDS_COMMA = re.compile(r"\d,\d{3}(?:\.\d|,\d{3})")
# A space grouping thousands the text writes unambiguously: before a decimal comma ("1 180,6").
_THOUSANDS_SPACE = re.compile(r"\d[ \u00a0\u202f]\d{3},\d")


def writes_decimal_commas(text: str) -> bool:
    """Whether ``text`` writes decimal commas and never an unambiguous thousands comma."""
    return bool(_DECIMAL_COMMA.search(text)) and not _THOUSANDS_COMMA.search(text)


def fits_decimal_reading(literal_usd: float, others_usd: list[float]) -> bool:
    """Whether the text's other amounts show a number is a thousand times smaller than written.

    True when the literal reading is at least a hundred times the largest other amount and the
    reading a thousand times smaller is within ten times of it. All values in US dollars.
    """
    if not others_usd:
        return False
    largest = max(others_usd)
    return literal_usd >= 100 * largest and literal_usd / 1000 <= 10 * largest


def writes_space_thousands(text: str) -> bool:
    """Whether ``text`` groups thousands with a space before a decimal comma ("1 180,6")."""
    return bool(_THOUSANDS_SPACE.search(text))


def grouped_reading(
    number: str,
    scale: int,
    literal_usd: float,
    others_usd: list[float],
    decimal_commas: bool,
    space_thousands: bool = False,
) -> str:
    """How to read a one-group number ("739,386", "1, 118", "378 886"): its reading, decided.

    Args:
        number: The number as written, matching ``ONE_GROUP``.
        scale: Its scale multiple (1e6 for "mln").
        literal_usd: Its value in US dollars with the separator read as a thousands group.
        others_usd: The text's amounts that have no such ambiguous separator, in US dollars.
        decimal_commas: Whether the text writes decimal commas (:func:`writes_decimal_commas`).
        space_thousands: Whether it groups thousands with spaces (:func:`writes_space_thousands`).

    Returns:
        "decimal" (the separator is a decimal comma), "literal" (it groups thousands) or
        "unreadable" (the text leaves both readings open).
    """
    sep = ONE_GROUP.fullmatch(number).group("sep")
    fits = fits_decimal_reading(literal_usd, others_usd)
    if sep == ",":
        # "$ 1,481 billion": a thousand billions is written as trillions in English. "1,481
        # million" is common English, so at a million the text must also write decimal commas.
        if fits and (scale >= 10**9 or decimal_commas):
            return "decimal"
        return "unreadable" if decimal_commas and scale >= 10**6 else "literal"
    if sep.startswith(","):  # a comma then a space: "USD 1, 118 bln" is no English thousands group
        return "decimal" if fits else "unreadable"
    # A space groups thousands ("$1 180.6 million"); a decimal only in a decimal-comma text whose
    # other amounts show it and that never groups thousands with a space (a comma lost in
    # translation: "378 886 mln dollars").
    return "decimal" if fits and decimal_commas and not space_thousands else "literal"


# "2.736.4 billion U.S. dollars": a number with two points before a scale word and a currency.
TWO_POINTS = re.compile(
    r"""(?<![\w$.,])(?P<prefix>(?:US\$|\$|USD)\s?)?
    (?P<number>\d{1,3}\.\d{3}\.\d{1,2})(?![\d.,])
    \s?(?P<scale>(?i:billion|bln|bn|million|mln))\b
    (?P<suffix>\s+(?:U\.S\.\s+|US\s+)?dollars\b|\s?USD\b)?""",
    re.VERBOSE,
)


def two_point_reading(number: str, scale: int, others_usd: list[float]) -> tuple[float, float]:
    """(value, half-width) in US dollars of a two-point number, or (nan, nan) when ambiguous.

    "2.736.4 billion" is either 2,736.4 million (a point slipped in after the billions) or 2,736.4
    billion. The first is taken only when the text's other amounts show it
    (:func:`fits_decimal_reading`).
    """
    whole, _, tenths = number.rpartition(".")
    literal = float(whole.replace(".", "") + "." + tenths) * scale
    if not fits_decimal_reading(literal, others_usd):
        return float("nan"), float("nan")
    return literal / 1000, 0.5 * 10 ** -len(tenths) * scale / 1000
