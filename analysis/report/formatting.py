"""Money, percent and sign formatting for display, and display copies of unit-named tables.

Values stay floats in US dollars (or pounds) in every table; these functions only write them. Signs
are the true minus (U+2212) and an explicit "+" on rises. Precision never exceeds the source's:
figures from the ONS (whole £ millions) are written in whole millions, in pounds and US dollars.
"""

import math

import pandas as pd

MINUS = "\N{MINUS SIGN}"
ARROW = "\N{RIGHTWARDS ARROW}"
# Column suffix → (unit written in the header, scale, decimals); a column ends with its unit.
_UNITS = {
    "_usd_m": ("US$ m", 1e6, 1),
    "_usd": ("US$ m", 1e6, 1),
    "_gbp": ("£ m", 1e6, 0),
    "_pct": ("%", 1.0, 1),
    "_pp": ("pp", 1.0, 1),
}
# Headers for columns whose names read badly as they are (the unit suffix still decides the format).
HEADER_WORDS = {
    "official_change_gbp_pct": "official change in £ (%)",
    "official_value_gbp": "official value (£ m)",
    "annual_bop_gbp": "annual, balance of payments (£ m)",
    "monthly_sum_gbp": "sum of the months (£ m)",
    "reporter_iso3": "reporter",
    "partner_iso3": "partner",
    "hs_section": "HS section",
    "hs_section_title": "title",
    "usd_per_gbp": "US$ per £",
    "coverage_ratio": "coverage (exports / imports)",
    "figure_number": "figure",
    "sha256": "SHA-256",
}


def _is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def signed(text: str, value: float, plus: bool = True) -> str:
    """Put a true minus (or a "+" for rises) before an unsigned number's text.

    Args:
        text: The absolute value, already written ("36.0%").
        value: The signed value the text stands for.
        plus: Write "+" before positive values.

    Returns:
        "−36.0%", "+24.5%" or "0.0%".
    """
    if value < 0:
        return MINUS + text
    return ("+" + text) if plus and value > 0 else text


def format_usd(value: float | None, plus: bool = False) -> str:
    """Write a US-dollar amount as a text states one: "$1.18 billion", "$702.0 million".

    Args:
        value: US dollars.
        plus: Write "+" before positive values (for changes).

    Returns:
        Billions with two decimals from $1 billion, else millions with one; "n/a" when missing.
    """
    if _is_missing(value):
        return "n/a"
    size = abs(value)
    text = f"${size / 1e9:.2f} billion" if size >= 1e9 else f"${size / 1e6:.1f} million"
    return signed(text, value, plus)


def format_usd_m(value: float | None, decimals: int = 0, plus: bool = False) -> str:
    """Write US dollars in millions as statistics tables do: "$1,957m".

    Args:
        value: US dollars.
        decimals: Decimals of the millions (0 for figures converted from whole £ millions).
        plus: Write "+" before positive values.

    Returns:
        The text; "n/a" when missing.
    """
    if _is_missing(value):
        return "n/a"
    return signed(f"${abs(value) / 1e6:,.{decimals}f}m", value, plus)


def format_gbp_m(value: float | None, plus: bool = False) -> str:
    """Write pounds as the ONS publishes them, in whole millions: "£1,256m".

    Args:
        value: Pounds.
        plus: Write "+" before positive values.

    Returns:
        The text; "n/a" when missing.
    """
    if _is_missing(value):
        return "n/a"
    return signed(f"£{abs(value) / 1e6:,.0f}m", value, plus)


def format_pct(value: float | None, plus: bool = True, decimals: int = 1) -> str:
    """Write a percentage (a change by default, so signed): "−47.1%", "+24.5%".

    Args:
        value: Percent.
        plus: Signed (a change); False writes the absolute value (a share, a size).
        decimals: Decimals.

    Returns:
        The text; "n/a" when missing.
    """
    if _is_missing(value):
        return "n/a"
    text = f"{abs(value):.{decimals}f}%"
    return signed(text, value) if plus else text


def format_pp(value: float | None) -> str:
    """Write percentage points, signed: "−41.1 percentage points".

    Args:
        value: Percentage points.

    Returns:
        The text; "n/a" when missing.
    """
    if _is_missing(value):
        return "n/a"
    return signed(f"{abs(value):.1f} percentage points", value)


def _header(column: str) -> tuple[str, str | None]:
    """The header a column gets and the unit suffix that decides its format (None: as is)."""
    for suffix, (unit, _, _) in _UNITS.items():
        if column.endswith(suffix):
            label = f"{column.removesuffix(suffix).replace('_', ' ')} ({unit})"
            return HEADER_WORDS.get(column, label), suffix
    return HEADER_WORDS.get(column, column.replace("_", " ")), None


def format_cell(column: str, value: object, decimals: dict[str, int] | None = None) -> str:
    """Write one table value for reading, by its column's unit suffix.

    Args:
        column: Column name ending with its unit (``value_usd``, ``change_pct``…).
        value: The value.
        decimals: Column → decimals, overriding the unit's default (e.g. 0 for US$ converted
            from whole £ millions).

    Returns:
        The text: US$ and £ in millions with thousands separators, % and pp signed with one
        decimal (a share unsigned), ratios with two decimals; "n/a" when missing.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    _, suffix = _header(column)
    if column == "usd_per_gbp":
        return f"{value:.4f}"
    if column == "coverage_ratio":
        return f"{value:.2f}"
    if suffix is None:
        return str(value)
    _, scale, places = _UNITS[suffix]
    places = (decimals or {}).get(column, places)
    number = value / scale
    if suffix in ("_pct", "_pp"):
        text = f"{abs(number):.{places}f}"
        return text if column.startswith("share") else signed(text, number)
    return signed(f"{abs(number):,.{places}f}", number, plus=column.startswith(("change", "gap")))


def format_table(table: pd.DataFrame, decimals: dict[str, int] | None = None) -> pd.DataFrame:
    """A display copy of a table: every value written (:func:`format_cell`), headers with units.

    Args:
        table: Columns named with their unit suffix.
        decimals: Column → decimals overrides.

    Returns:
        A table of strings whose headers say the unit ("value (US$ m)", "change (%)").
    """
    return pd.DataFrame(
        {
            _header(column)[0]: [format_cell(column, v, decimals) for v in table[column]]
            for column in table.columns
        }
    )


def country_name(iso3: str, names: dict[str, str] | None = None) -> str:
    """A country's short English name for running text ("Kazakhstan", "the United Kingdom").

    Args:
        iso3: ISO 3166 alpha-3 code (or XKX for Kosovo).
        names: Names that win over pycountry's (e.g. the ONS file's partner names).

    Returns:
        The name, with "the" where English needs it; the code itself when unknown.
    """
    import pycountry

    if names and iso3 in names:
        name = names[iso3]
    else:
        country = pycountry.countries.get(alpha_3=iso3)
        name = getattr(country, "common_name", None) or (country.name if country else iso3)
    needs_article = name.startswith(("United ", "Republic", "Czech Republic", "Dominican")) or (
        name.endswith(
            ("Islands", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Emirates")
        )
    )
    return f"the {name}" if needs_article else name


def capitalised(text: str) -> str:
    """Upper-case a text's first letter ("the UK" → "The UK").

    Args:
        text: Any text.

    Returns:
        The text with its first character upper-cased.
    """
    return text[:1].upper() + text[1:]
