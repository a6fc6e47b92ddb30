"""IMF International Merchandise Trade Statistics (IMTS, was DOTS) CSV files as canonical tables.

Exports are FOB (``XG_FOB_USD``), imports CIF (``MG_CIF_USD``) or FOB (``MG_FOB_USD``); the
valuation is kept in a ``valuation`` column. When both import valuations are given for the same
key, CIF is kept (the usual basis of import statistics) and FOB is listed as an exclusion; the
trade balance (``TBG_USD``, negative by nature) is left out unread, since it is recomputed from
exports and imports.

Units: in IMTS downloads from the IMF data portal ``OBS_VALUE`` is already in US dollars and the
``SCALE`` column ("Millions") only says how the portal displays it, so it is recorded as a note and
never multiplied; the ``UNIT_MULT`` attribute of the older SDMX 2.1 service (a power of ten, e.g.
6) does scale ``OBS_VALUE``. Any value above world trade in its period is refused as a scale slip
(``checks.WORLD_TRADE_USD_PER_YEAR``). Source of this reading (a public client of the IMF data
service that states "OBS_VALUE is plain US dollars"): ``tests/fixtures/real/README.md``.
"""

from os import PathLike
from pathlib import Path

import pandas as pd

from analysis.loaders import checks
from analysis.loaders.reading import read_csv_rows
from analysis.loaders.schema import ALL_GOODS, set_read_notes
from analysis.reference.codes import iso3_from_imf, iso3_from_text

SOURCE = "IMF, International Merchandise Trade Statistics (IMTS)"
COLUMNS = ["COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY", "TIME_PERIOD", "OBS_VALUE"]
# Other names of the same columns (SDMX 2.1 series keys).
ALIASES = {"REF_AREA": "COUNTRY", "COUNTERPART_AREA": "COUNTERPART_COUNTRY"}
# Indicator → (flow, valuation); the DOTS names (with a leading T) are accepted too.
INDICATORS = {
    "XG_FOB_USD": ("exports", "FOB"),
    "MG_CIF_USD": ("imports", "CIF"),
    "MG_FOB_USD": ("imports", "FOB"),
}
INDICATORS |= {"T" + k: v for k, v in INDICATORS.items()}
_DERIVED = {"TBG_USD", "TTBG_USD"}
_LABEL_SCALE_COLUMNS = ("SCALE",)  # portal display scale: OBS_VALUE is already in units
_MULTIPLIER_COLUMNS = ("UNIT_MULT", "UNIT_MULTIPLIER")  # SDMX 2.1: OBS_VALUE × 10^n
_UNIT_COLUMNS = ("UNIT", "UNIT_MEASURE", "CURRENCY")
_PERIOD_PATTERNS = {  # frequency → (regex of TIME_PERIOD, replacement giving the canonical period)
    "A": (r"^(\d{4})$", r"\1"),
    "Q": (r"^(\d{4})-?(Q[1-4])$", r"\1-\2"),
    "M": (r"^(\d{4})-?M?(0[1-9]|1[0-2])$", r"\1-\2"),
}


def _periods(raw: pd.DataFrame, lines: pd.Series, file: str, problems: pd.Series) -> pd.Series:
    """Canonical periods ("2023", "2023-Q1", "2023-04"), checked against ``FREQUENCY``, if any."""
    text = raw["TIME_PERIOD"].str.strip().str.upper()
    text = text.str.replace(r"^(\d{4})-?M([1-9])$", r"\1-0\2", regex=True)  # 2024M2 → 2024-02
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
        "expected 2023, 2023-Q1, 2023-M04, 2023M4 or 2023-04",
        problems,
    )
    if "FREQUENCY" in raw.columns:
        stated = raw["FREQUENCY"].str.strip().str.upper().str[0].replace({"Y": "A"})
        checks.first_bad(
            stated.ne(frequency) & stated.ne("") & period.notna(),
            raw["FREQUENCY"],
            lines,
            file,
            "FREQUENCY",
            "does not match TIME_PERIOD's frequency:",
            "",
            problems,
        )
    return period


def _scale(
    raw: pd.DataFrame, lines: pd.Series, file: str, problems: pd.Series
) -> tuple[pd.Series, list[str]]:
    """Multiplier turning OBS_VALUE into US dollars, and a note on how scale columns were read."""
    label = next((c for c in _LABEL_SCALE_COLUMNS if c in raw.columns), None)
    notes = []
    if label is not None:
        shown = sorted(set(raw[label].str.strip()) - {""})
        notes.append(
            f"{label} {', '.join(map(repr, shown)) or 'empty'} read as a display label: IMF "
            "IMTS OBS_VALUE is already in US dollars, so it is not multiplied"
        )
    column = next((c for c in _MULTIPLIER_COLUMNS if c in raw.columns), None)
    if column is None:
        return pd.Series(1.0, index=raw.index), notes
    text = raw[column].str.strip()
    power = pd.to_numeric(text.where(text.ne(""), "0"), errors="coerce")
    checks.first_bad(
        power.isna() | ~power.isin([0, 3, 6, 9]),
        raw[column],
        lines,
        file,
        column,
        "unknown unit multiplier",
        "expected a power of ten: 0, 3, 6 or 9",
        problems,
    )
    notes.append(f"{column} read as a power of ten: OBS_VALUE × 10^{column}")
    return (10.0 ** power.fillna(0)), notes


def imf_to_canonical(
    raw: pd.DataFrame,
    lines: pd.Series,
    file: str,
    problems: pd.Series,
    strict: bool,
    numeric_codes: bool = False,
) -> tuple[pd.DataFrame, list[str]]:
    """Turn long IMF rows (``COLUMNS``, upper-case headers) into the canonical table and notes.

    Args:
        raw: The rows, as text.
        lines: File line of each row.
        file: File name.
        problems: Per row, a problem already found (changed in place).
        strict: Raise on the first problem instead of listing it.
        numeric_codes: Codes written as digits are IMF numeric codes (``112``); text codes are
            read as ISO3/ISO2 either way.

    Returns:
        The canonical table with a ``valuation`` column, and notes on how it was read.
    """
    indicator = raw["INDICATOR"].str.split(":").str[0].str.strip().str.upper()
    derived = indicator.isin(list(_DERIVED))
    checks.first_bad(
        ~indicator.isin(list(INDICATORS)) & ~derived,
        raw["INDICATOR"],
        lines,
        file,
        "INDICATOR",
        "unknown or non-US-dollar indicator",
        f"expected one of {sorted(k for k in INDICATORS if not k.startswith('T'))}",
        problems,
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
                problems,
            )

    def to_iso3(codes: pd.Series) -> pd.Series:
        """IMF numeric codes where the file writes digits, ISO3/ISO2 text codes otherwise."""
        by_text = iso3_from_text(codes)
        if not numeric_codes:
            return by_text
        return iso3_from_imf(codes).astype(object).where(lambda s: s.notna(), by_text)

    scale, notes = _scale(raw, lines, file, problems)
    value = raw["OBS_VALUE"].where(~derived, "")
    table = pd.DataFrame(
        {
            "reporter_iso3": to_iso3(raw["COUNTRY"]),
            "partner_iso3": to_iso3(raw["COUNTERPART_COUNTRY"]),
            "period": _periods(raw, lines, file, problems),
            "flow": indicator.map({k: v[0] for k, v in INDICATORS.items()}),
            "commodity_code": ALL_GOODS,
            "value_usd": checks.parse_values(value, lines, file, "OBS_VALUE", problems) * scale,
            "source": SOURCE,
            "file": file,
            "valuation": indicator.map({k: v[1] for k, v in INDICATORS.items()}),
        }
    )
    reason = pd.Series(None, index=raw.index, dtype=object)
    reason[derived] = "trade balance: derived, recomputed from exports and imports"
    reason[table["reporter_iso3"].isna() & reason.isna()] = (
        "reporter is not a country of the reference table (" + raw["COUNTRY"] + ")"
    )
    reason[table["partner_iso3"].isna() & reason.isna()] = (
        "counterpart is a group of countries, not one country (" + raw["COUNTERPART_COUNTRY"] + ")"
    )
    reason[table["value_usd"].isna() & reason.isna() & problems.isna()] = "empty value (OBS_VALUE)"
    key = checks.KEY_COLUMNS
    usable = reason.isna() & problems.isna()
    cif_present = table[usable & table["valuation"].eq("CIF")][key]
    fob_import = usable & table["flow"].eq("imports") & table["valuation"].eq("FOB")
    has_cif = pd.MultiIndex.from_frame(table[key]).isin(pd.MultiIndex.from_frame(cif_present))
    reason[fob_import & has_cif] = "imports FOB: the same imports valued CIF are kept"
    checks.check_duplicates(table[reason.isna() & problems.isna()], lines, file, problems)
    return checks.finish(table, reason, lines, file, problems, strict), notes


def load_imf_trade(path: str | PathLike, *, strict: bool = True) -> pd.DataFrame:
    """Load an IMF IMTS CSV (``COUNTRY, INDICATOR, COUNTERPART_COUNTRY, TIME_PERIOD, OBS_VALUE``).

    Country codes may be ISO3 or ISO2 (``REF_AREA``/``COUNTERPART_AREA`` are accepted as column
    names); World (``W00``, ``G001``) becomes ``WLD``; other country groups are excluded.
    ``OBS_VALUE`` is US dollars (a ``SCALE`` column is a display label, see the module docstring);
    a ``UNIT``/``CURRENCY`` column, if present, must say US dollars.

    Args:
        path: The CSV file.
        strict: Raise on the first bad row; when False, bad rows are listed in the exclusions
            with ``is_error`` True.

    Returns:
        The canonical trade table (commodity ``TOTAL``, US$) followed by ``valuation``
        (FOB|CIF); exclusions readable with ``schema.exclusions_of``, read notes with
        ``schema.read_notes_of``.

    Raises:
        TradeDataError: Missing columns, or (strict) an unknown indicator, a non-US-dollar value,
            a bad period or value, a value above world trade, duplicated keys; naming file, line
            and column.
    """
    file = Path(path).name
    rows = read_csv_rows(path)
    raw = rows.raw.rename(columns=lambda c: c.strip().upper()).rename(columns=ALIASES)
    checks.require_columns(raw, COLUMNS, file, "IMF IMTS")
    table, notes = imf_to_canonical(raw, rows.lines, file, rows.problems.copy(), strict)
    return set_read_notes(
        table, [{"file": file, "layout": "IMF IMTS CSV", "encoding": rows.encoding, "notes": notes}]
    )
