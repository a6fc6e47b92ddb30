"""Plain tidy trade CSVs, and loading any mix of supported files by sniffing each one's layout."""

import csv
import io
from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path

import pandas as pd

from analysis.loaders import checks
from analysis.loaders.comtrade import load_comtrade_csv, load_comtrade_json
from analysis.loaders.imf import load_imf_trade
from analysis.loaders.imf_dots import load_imf_dots_wide
from analysis.loaders.ons import load_ons_trade
from analysis.loaders.reading import decode_text, read_csv_rows
from analysis.loaders.schema import (
    TRADE_COLUMNS,
    TRADE_FLOWS,
    TradeDataError,
    exclusions_of,
    read_notes_of,
    set_exclusions,
    set_read_notes,
    validate_trade_table,
)

SOURCE = "tidy CSV"
TIDY_COLUMNS = ["reporter_iso3", "partner_iso3", "period", "flow", "commodity_code", "value_usd"]
_PERIOD = r"\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?"


def load_tidy_trade(path: str | PathLike, *, strict: bool = True) -> pd.DataFrame:
    """Load a CSV already in canonical columns (``reporter_iso3 … value_usd``, US dollars).

    ``source`` and ``file`` columns are optional (default "tidy CSV" and the file name); a
    ``currency`` column, if present, must be USD everywhere. Commodity subtotals and rows without
    a value are excluded as in the other loaders; HS codes that lost their leading zero are padded.

    Args:
        path: The CSV file.
        strict: Raise on the first bad row; when False, bad rows are listed in the exclusions
            with ``is_error`` True.

    Returns:
        The canonical trade table (US$); exclusions readable with ``schema.exclusions_of``.

    Raises:
        TradeDataError: Missing columns, or (strict) unknown codes, flows or periods, bad values,
            mixed currencies or duplicated keys, naming the file, line and column.
    """
    file = Path(path).name
    rows = read_csv_rows(path)
    raw, lines, problems = rows.raw, rows.lines, rows.problems.copy()
    checks.require_columns(raw, TIDY_COLUMNS, file, "tidy")
    raw = raw.assign(**{c: raw[c].str.strip() for c in TIDY_COLUMNS})
    if "currency" in raw.columns:
        checks.first_bad(
            raw["currency"].str.strip().str.upper().ne("USD"),
            raw["currency"],
            lines,
            file,
            "currency",
            "not US dollars:",
            "mixed currencies: convert to USD first",
            problems,
        )
    for column in ("reporter_iso3", "partner_iso3"):
        checks.first_bad(
            ~checks.is_iso3(raw[column]),
            raw[column],
            lines,
            file,
            column,
            "unknown ISO3 country code",
            "use ISO 3166 alpha-3 codes, WLD for World",
            problems,
        )
    checks.first_bad(
        ~raw["period"].str.fullmatch(_PERIOD),
        raw["period"],
        lines,
        file,
        "period",
        "not a period:",
        "expected 2023, 2023-H1, 2023-Q1 or 2023-04",
        problems,
    )
    checks.first_bad(
        ~raw["flow"].isin(TRADE_FLOWS),
        raw["flow"],
        lines,
        file,
        "flow",
        "unknown flow",
        f"expected one of {list(TRADE_FLOWS)}",
        problems,
    )
    codes, padding = checks.normalize_commodity_codes(
        raw["commodity_code"], lines, file, "commodity_code", problems
    )
    table = raw.assign(
        commodity_code=codes,
        value_usd=checks.parse_values(raw["value_usd"], lines, file, "value_usd", problems),
    )
    if "source" not in table.columns:
        table["source"] = SOURCE
    table["file"] = file
    reason = pd.Series(None, index=raw.index, dtype=object)
    reason[table["value_usd"].isna() & problems.isna()] = "empty value (value_usd)"
    checks.check_duplicates(table[reason.isna() & problems.isna()], lines, file, problems)
    level_reason = checks.select_commodity_level(table[reason.isna() & problems.isna()])
    reason[level_reason.index] = level_reason
    table = table[[*TRADE_COLUMNS, *[c for c in table if c not in TRADE_COLUMNS]]]
    table = checks.finish(table, reason, lines, file, problems, strict)
    notes = [padding] if padding else []
    return set_read_notes(
        table, [{"file": file, "layout": "tidy CSV", "encoding": rows.encoding, "notes": notes}]
    )


# Layout name → (header fields that identify it, lower case; loader; whether the loader takes
# ``strict``). The first match wins; .json files are Comtrade+ API responses.
LAYOUTS = {
    "ONS UK total trade": (
        {"country", "iso2", "iso3", "year", "flow", "million"},
        load_ons_trade,
        False,
    ),
    "UN Comtrade+ CSV": ({"flowcode", "cmdcode", "primaryvalue"}, load_comtrade_csv, True),
    "legacy UN Comtrade CSV": ({"commodity code", "trade value (us$)"}, load_comtrade_csv, True),
    "UN Comtrade bulk CSV (2012-era)": (
        {"reporter code", "partner code", "commodity code", "value"},
        load_comtrade_csv,
        True,
    ),
    "IMF IMTS CSV": ({"indicator", "time_period", "obs_value"}, load_imf_trade, True),
    "IMF DOTS portal export (wide)": (
        {"country code", "indicator code", "counterpart country code", "attribute"},
        load_imf_dots_wide,
        True,
    ),
    "tidy CSV": (set(TIDY_COLUMNS), load_tidy_trade, True),
}
JSON_LAYOUT = "UN Comtrade+ API JSON"


def sniff_layout(path: str | PathLike) -> str:
    """Name the layout of a trade file from its extension and header.

    Args:
        path: The file.

    Returns:
        A key of ``LAYOUTS``, or ``JSON_LAYOUT`` for a ``.json`` file.

    Raises:
        TradeDataError: The file is missing, unreadable, or in no known layout.
    """
    path = Path(path)
    if not path.is_file():
        raise TradeDataError(f"{path}: no such file")
    if path.suffix.lower() == ".json":
        return JSON_LAYOUT
    text, _ = decode_text(path)
    if not text.strip():
        raise TradeDataError(f"{path.name}: empty file, no header line")
    first = next(csv.reader(io.StringIO(text.splitlines()[0] if text else "")), [])
    header = {h.strip().lower() for h in first}
    for name, (fields, _, _) in LAYOUTS.items():
        if fields <= header:
            return name
    shown = sorted(h for h in header if h)[:8]
    raise TradeDataError(
        f"{path.name}: unknown layout (header {shown}…); expected one of: "
        + "; ".join(f"{name} (columns {sorted(f)})" for name, (f, _, _) in LAYOUTS.items())
        + "; or a Comtrade+ API .json file"
    )


def load_trade_file(path: str | PathLike, *, strict: bool = True) -> pd.DataFrame:
    """Load one file of any supported layout as a canonical table (see :func:`sniff_layout`).

    Args:
        path: The file.
        strict: Raise on the first bad row (else list bad rows, see :func:`load_trade_files`).

    Returns:
        The canonical trade table (US$) of the layout's loader, with its exclusions.

    Raises:
        TradeDataError: An unknown layout, or the loader's errors.
        ValueError: The ONS loader's errors (``OnsFileError``, ``ExchangeRateError``).
    """
    layout = sniff_layout(path)
    if layout == JSON_LAYOUT:
        return load_comtrade_json(path, strict=strict)
    _, loader, takes_strict = LAYOUTS[layout]
    table = loader(path, strict=strict) if takes_strict else loader(path)
    if not read_notes_of(table):
        name = Path(path).name
        set_read_notes(table, [{"file": name, "layout": layout, "encoding": "", "notes": []}])
    return table


def load_trade_files(
    paths: Iterable[str | PathLike],
    reporter: str | None = None,
    partner: str | None = None,
    periods: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Load and concatenate trade files of any supported layouts, for one question or all.

    The layouts are ONS, UN Comtrade+ (CSV or JSON), legacy and 2012-era bulk UN Comtrade, IMF
    IMTS, the IMF DOTS portal export and tidy CSV. Without a question every bad row of every file
    is an error. With ``reporter`` and ``partner`` (and ``periods``), only bad rows the question
    needs (the two countries, either side, in those periods) are errors; the others are listed in
    the exclusions with ``is_error`` True. One commodity level is kept per flow across all files,
    so chapters from one file and headings from another are never added.

    Args:
        paths: One or more files.
        reporter: ISO3 of the question's reporter; None validates every row.
        partner: ISO3 of the question's partner.
        periods: The question's periods; None: all.

    Returns:
        One canonical table (``TRADE_COLUMNS`` only, US$); its exclusions
        (``schema.exclusions_of``) hold every file's, with a ``file`` column; its read notes
        (``schema.read_notes_of``) say each file's layout, encoding and notes.

    Raises:
        TradeDataError: No file given, a file in an unknown layout, any loader's error, a bad row
            the question needs, or two files giving the same key.
        ValueError: The ONS loader's errors (``OnsFileError``, ``ExchangeRateError``).
    """
    tables, exclusions, notes = [], [], []
    for path in paths:
        table = load_trade_file(path, strict=False)
        excluded = exclusions_of(table).assign(file=Path(path).name)
        _raise_needed(excluded, Path(path).name, reporter, partner, periods)
        exclusions.append(excluded)
        notes += read_notes_of(table)
        tables.append(table[list(TRADE_COLUMNS)])
    if not tables:
        raise TradeDataError("no trade files given")
    combined = pd.concat(tables, ignore_index=True)
    _raise_repeated_keys(combined)
    level_reason = checks.select_commodity_level(combined)
    if len(tables) > 1 and level_reason.notna().any():
        dropped = combined[level_reason.notna()].assign(
            line=pd.NA, reason=level_reason.dropna() + " (across files)", is_error=False
        )
        exclusions.append(dropped[["file", *checks.EXCLUSION_COLUMNS]])
        combined = combined[level_reason.isna()]
    combined = validate_trade_table(combined, "the combined files")
    set_exclusions(combined, pd.concat(exclusions, ignore_index=True))
    return set_read_notes(combined, notes)


def _raise_needed(
    excluded: pd.DataFrame,
    file: str,
    reporter: str | None,
    partner: str | None,
    periods: Sequence[str] | None,
) -> None:
    """Raise the first bad row of a file that the question needs (every bad row without one)."""
    if excluded.empty or "is_error" not in excluded.columns:
        return
    errors = excluded[excluded["is_error"].fillna(False).astype(bool)]
    if reporter is not None:
        sides = [reporter, partner]
        # a row of the two countries (either side); a partner that is not a country is not needed
        needed = errors["reporter_iso3"].isin(sides) & errors["partner_iso3"].isin(sides)
        if periods is not None:
            needed &= errors["period"].isin(list(periods)) | errors["period"].isna()
        errors = errors[needed]
    if len(errors):
        first = errors.sort_values("line", kind="stable").iloc[0]
        place = "record" if file.lower().endswith(".json") else "line"
        raise TradeDataError(
            checks.problem_message(first["reason"], int(first["line"]), place, file)
        )


def _raise_repeated_keys(combined: pd.DataFrame) -> None:
    """Raise when two files give the same key (reporter, partner, period, flow, commodity)."""
    repeated = combined.duplicated(checks.KEY_COLUMNS, keep=False)
    if repeated.any():
        first = combined[repeated].sort_values(checks.KEY_COLUMNS, kind="stable").iloc[0]
        same = combined[
            repeated & (combined[checks.KEY_COLUMNS] == first[checks.KEY_COLUMNS]).all(axis=1)
        ]
        key = ", ".join(f"{c}={first[c]}" for c in checks.KEY_COLUMNS)
        raise TradeDataError(
            f"{sorted(set(same['file']))}: the same key ({key}) is given more than once across "
            "the files; pass each reporter's data once"
        )
