"""Country codes (ISO3, ISO2, UN M49, UN Comtrade, IMF) read from ``country_codes.csv``.

The one lookup every loader and the command line use to turn a file's country codes into ISO3
(World is ``WLD``; the European Union as a Comtrade reporter is the group ``EUR``). Sources are in
``README.md`` beside the CSV.
"""

from functools import cache

import pandas as pd

from analysis.paths import REFERENCE_DIR

COUNTRY_CODES_FILE = REFERENCE_DIR / "country_codes.csv"
WORLD_ISO3 = "WLD"


@cache
def load_country_codes() -> pd.DataFrame:
    """Read the reference table of country codes (read once, then cached).

    Returns:
        Columns ``iso3, iso2, m49, comtrade_codes, imf_code, name, kind, other_codes`` (text;
        ``kind`` is country, world or group; several codes in one cell are separated by ``|``).
    """
    return pd.read_csv(COUNTRY_CODES_FILE, dtype=str, keep_default_na=False)


def _pairs(column: str) -> dict[str, str]:
    """Code → ISO3 for one column of the table (``|``-separated cells split)."""
    table = load_country_codes()
    lookup = {}
    for codes, iso3 in zip(table[column], table["iso3"], strict=True):
        for code in filter(None, codes.split("|")):
            lookup[code] = iso3
    return lookup


@cache
def _text_lookup() -> dict[str, str]:
    """ISO3, ISO2 and other text codes (``W00``, ``G001``) → ISO3."""
    return _pairs("iso2") | _pairs("other_codes") | _pairs("iso3")


@cache
def _numeric_lookup() -> dict[str, str]:
    """UN M49 and UN Comtrade numeric codes (no leading zeros) → ISO3."""
    m49 = {k.lstrip("0") or "0": v for k, v in _pairs("m49").items()}
    return m49 | {k.lstrip("0") or "0": v for k, v in _pairs("comtrade_codes").items()}


@cache
def _imf_lookup() -> dict[str, str]:
    """IMF numeric country codes (``112``, ``001``) → ISO3."""
    return {k.lstrip("0") or "0": v for k, v in _pairs("imf_code").items()}


def iso3_from_text(codes: pd.Series) -> pd.Series:
    """ISO3 for text codes: ISO3, ISO2, World (``W00``, ``G001``), or a ``"KAZ: Kazakhstan"`` label.

    Args:
        codes: Codes as text, any case.

    Returns:
        ISO3 codes aligned with ``codes``; None where the code is not in the table.
    """
    code = codes.astype(str).str.split(":").str[0].str.strip().str.upper()
    return code.map(_text_lookup()).astype(object).where(lambda s: s.notna(), None)


def iso3_from_numeric(codes: pd.Series) -> pd.Series:
    """ISO3 for UN M49 or UN Comtrade numeric codes (``826``, ``0826``; Comtrade's ``842`` USA).

    Args:
        codes: Codes as text.

    Returns:
        ISO3 codes aligned with ``codes``; None where the code is not numeric or not in the table.
    """
    return _by_number(codes, _numeric_lookup())


def _by_number(codes: pd.Series, lookup: dict) -> pd.Series:
    """ISO3 of numeric codes through ``lookup`` (leading zeros dropped); None where not found."""
    text = codes.astype(str).str.strip()
    digits = text.str.lstrip("0").replace("", "0").where(text.str.fullmatch(r"\d+"))
    return digits.map(lookup).astype(object).where(lambda s: s.notna(), None)


def iso3_from_imf(codes: pd.Series) -> pd.Series:
    """ISO3 for IMF numeric country codes (``112`` United Kingdom, ``001`` World).

    Args:
        codes: Codes as text.

    Returns:
        ISO3 codes aligned with ``codes``; None where the code is not in the table.
    """
    return _by_number(codes, _imf_lookup())


def is_known_iso3(codes: pd.Series) -> pd.Series:
    """Tell which codes are ISO3 codes of the table: countries, World (``WLD``), groups (``EUR``).

    Args:
        codes: Codes as text.

    Returns:
        Booleans aligned with ``codes``.
    """
    return codes.isin(set(load_country_codes()["iso3"]))


def kind_of(iso3: str) -> str:
    """The kind of an ISO3 code of the table: ``country``, ``world``, ``group``, or ``""``.

    Args:
        iso3: An ISO3 code.

    Returns:
        Its kind; ``""`` when the code is not in the table.
    """
    table = load_country_codes()
    found = table.loc[table["iso3"].eq(iso3), "kind"]
    return str(found.iloc[0]) if len(found) else ""


def numeric_codes_of(iso3: str) -> list[str]:
    """The UN M49 and UN Comtrade numeric codes of an ISO3 code (World: "0").

    Args:
        iso3: An ISO3 code of the table.

    Returns:
        The codes as text without leading zeros, e.g. ["840", "842"] for USA; [] when none.
    """
    return sorted(k for k, v in _numeric_lookup().items() if v == iso3)
