"""IMF International Merchandise Trade Statistics (IMTS, was DOTS) CSV files as canonical tables.

Exports are FOB (``XG_FOB_USD``), imports CIF (``MG_CIF_USD``) or FOB (``MG_FOB_USD``); the
valuation is kept in a ``valuation`` column. When both import valuations are given for the same
key, CIF is kept (the usual basis of import statistics) and FOB is listed as an exclusion; the
trade balance (``TBG_USD``) is left out too, since it is recomputed from exports and imports.
"""

from os import PathLike
from pathlib import Path

import pandas as pd
import pycountry

from analysis.loaders import checks
from analysis.loaders.schema import ALL_GOODS, WORLD_ISO3

SOURCE = "IMF, International Merchandise Trade Statistics (IMTS)"
COLUMNS = ["COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY", "TIME_PERIOD", "OBS_VALUE"]
# Indicator → (flow, valuation); the DOTS names (with a leading T) are accepted too.
INDICATORS = {
    "XG_FOB_USD": ("exports", "FOB"),
    "MG_CIF_USD": ("imports", "CIF"),
    "MG_FOB_USD": ("imports", "FOB"),
}
INDICATORS |= {"T" + k: v for k, v in INDICATORS.items()}
_DERIVED = {"TBG_USD", "TTBG_USD"}
_WORLD_CODES = {"W00", "G001", "001", "W1", "1W", WORLD_ISO3}
_SPECIAL = {"XK": "XKX", "KOS": "XKX", "XKX": "XKX"}
_SCALE_COLUMNS = ("SCALE", "UNIT_MULT", "UNIT_MULTIPLIER")
_UNIT_COLUMNS = ("UNIT", "UNIT_MEASURE", "CURRENCY")
_SCALES = {
    "": 1.0,
    "0": 1.0,
    "units": 1.0,
    "unit": 1.0,
    "3": 1e3,
    "thousands": 1e3,
    "6": 1e6,
    "millions": 1e6,
    "9": 1e9,
    "billions": 1e9,
}
_PERIOD_PATTERNS = {  # frequency → (regex of TIME_PERIOD, replacement giving the canonical period)
    "A": (r"^(\d{4})$", r"\1"),
    "Q": (r"^(\d{4})-?(Q[1-4])$", r"\1-\2"),
    "M": (r"^(\d{4})-M?(0[1-9]|1[0-2])$", r"\1-\2"),
}


def _country_iso3(codes: pd.Series) -> pd.Series:
    """ISO3 from ISO3 or ISO2 codes (or "KAZ: Kazakhstan" labels); World → WLD; None if unknown."""
    code = codes.str.split(":").str[0].str.strip().str.upper()
    lookup = {c.alpha_3: c.alpha_3 for c in pycountry.countries}
    lookup |= {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    lookup |= dict.fromkeys(_WORLD_CODES, WORLD_ISO3) | _SPECIAL
    return code.map(lookup).astype(object).where(lambda s: s.notna(), None)


def _periods(raw: pd.DataFrame, lines: pd.Series, file: str) -> pd.Series:
    """Canonical periods ("2023", "2023-Q1", "2023-04"), checked against ``FREQUENCY``, if any."""
    text = raw["TIME_PERIOD"].str.strip().str.upper()
    period = pd.Series(None, index=raw.index, dtype=object)
    frequency = pd.Series("", index=raw.index, dtype=object)
    for freq, (pattern, replacement) in _PERIOD_PATTERNS.items():
        match = text.str.match(pattern)
        period[match] = text[match].str.replace(pattern, replacement, regex=True)
        frequency[match] = freq
    checks.first_bad(
        period.isna(),
        raw["TIME_PERIOD"],
        lines,
        file,
        "TIME_PERIOD",
        "not a period:",
        "expected 2023, 2023-Q1, 2023-M04 or 2023-04",
    )
    if "FREQUENCY" in raw.columns:
        stated = raw["FREQUENCY"].str.strip().str.upper().str[0].replace({"Y": "A"})
        checks.first_bad(
            stated.ne(frequency) & stated.ne(""),
            raw["FREQUENCY"],
            lines,
            file,
            "FREQUENCY",
            "does not match TIME_PERIOD's frequency:",
        )
    return period


def _scale(raw: pd.DataFrame, lines: pd.Series, file: str) -> pd.Series:
    """Multiplier turning OBS_VALUE into US dollars (SCALE "Millions"/"6" → 1e6; none → 1)."""
    column = next((c for c in _SCALE_COLUMNS if c in raw.columns), None)
    if column is None:
        return pd.Series(1.0, index=raw.index)
    text = raw[column].str.strip().str.lower()
    scale = text.map(_SCALES)
    checks.first_bad(
        scale.isna(),
        raw[column],
        lines,
        file,
        column,
        "unknown scale",
        "expected Units, Thousands, Millions, Billions or 0/3/6/9",
    )
    return scale


def load_imf_trade(path: str | PathLike) -> pd.DataFrame:
    """Load an IMF IMTS CSV (``COUNTRY, INDICATOR, COUNTERPART_COUNTRY, TIME_PERIOD, OBS_VALUE``).

    Country codes may be ISO3 or ISO2; World (``W00``, ``G001``) becomes ``WLD``; other country
    groups are excluded. ``OBS_VALUE`` is multiplied by the ``SCALE`` (or ``UNIT_MULT``) column when
    present, e.g. millions → dollars; without one it is taken as US dollars. A ``UNIT``/``CURRENCY``
    column, if present, must say US dollars.

    Args:
        path: The CSV file.

    Returns:
        The canonical trade table (commodity ``TOTAL``, US$) followed by ``valuation``
        (FOB|CIF); exclusions readable with ``schema.exclusions_of``.

    Raises:
        TradeDataError: Missing columns, an unknown indicator or reporter, a non-US-dollar value,
            a bad period or value, duplicated keys; naming file, line and column.
    """
    file = Path(path).name
    raw, lines = checks.read_csv_text(path)
    raw = raw.rename(columns=lambda c: c.strip().upper())
    checks.require_columns(raw, COLUMNS, file, "IMF IMTS")
    indicator = raw["INDICATOR"].str.split(":").str[0].str.strip().str.upper()
    known = indicator.isin(list(INDICATORS)) | indicator.isin(list(_DERIVED))
    checks.first_bad(
        ~known,
        raw["INDICATOR"],
        lines,
        file,
        "INDICATOR",
        "unknown or non-US-dollar indicator",
        f"expected one of {sorted(k for k in INDICATORS if not k.startswith('T'))}",
    )
    for column in _UNIT_COLUMNS:
        if column in raw.columns:
            unit = raw[column].str.strip().str.upper()
            is_usd = unit.isin(["", "USD", "US DOLLAR", "US DOLLARS", "U.S. DOLLARS"])
            checks.first_bad(
                ~is_usd,
                raw[column],
                lines,
                file,
                column,
                "not US dollars:",
                "mixed currencies: download the US-dollar series (…_USD)",
            )
    reporter = _country_iso3(raw["COUNTRY"])
    checks.first_bad(
        reporter.isna(),
        raw["COUNTRY"],
        lines,
        file,
        "COUNTRY",
        "unknown country code",
        "use ISO3 or ISO2 codes",
    )
    table = pd.DataFrame(
        {
            "reporter_iso3": reporter,
            "partner_iso3": _country_iso3(raw["COUNTERPART_COUNTRY"]),
            "period": _periods(raw, lines, file),
            "flow": indicator.map({k: v[0] for k, v in INDICATORS.items()}),
            "commodity_code": ALL_GOODS,
            "value_usd": checks.parse_values(raw["OBS_VALUE"], lines, file, "OBS_VALUE")
            * _scale(raw, lines, file),
            "source": SOURCE,
            "file": file,
            "valuation": indicator.map({k: v[1] for k, v in INDICATORS.items()}),
        }
    )
    reason = pd.Series(None, index=raw.index, dtype=object)
    reason[indicator.isin(list(_DERIVED))] = (
        "trade balance: derived, recomputed from exports and imports"
    )
    reason[table["partner_iso3"].isna() & reason.isna()] = (
        "counterpart is a group of countries, not one country (" + raw["COUNTERPART_COUNTRY"] + ")"
    )
    reason[table["value_usd"].isna() & reason.isna()] = "empty value (OBS_VALUE)"
    key = checks.KEY_COLUMNS
    cif_present = table[reason.isna() & table["valuation"].eq("CIF")][key]
    fob_import = reason.isna() & table["flow"].eq("imports") & table["valuation"].eq("FOB")
    has_cif = pd.MultiIndex.from_frame(table[key]).isin(pd.MultiIndex.from_frame(cif_present))
    reason[fob_import & has_cif] = "imports FOB: the same imports valued CIF are kept"
    checks.check_duplicates(table[reason.isna()], lines, file)
    return checks.finish(table, reason, lines, file)
