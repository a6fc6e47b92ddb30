"""Plain tidy trade CSVs, and loading any mix of supported files by sniffing each one's layout."""

import csv
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

import pandas as pd

from analysis.loaders import checks
from analysis.loaders.comtrade import load_comtrade_csv, load_comtrade_json
from analysis.loaders.imf import load_imf_trade
from analysis.loaders.ons import load_ons_trade
from analysis.loaders.schema import (
    TRADE_COLUMNS,
    TRADE_FLOWS,
    TradeDataError,
    exclusions_of,
    set_exclusions,
    validate_trade_table,
)

SOURCE = "tidy CSV"
TIDY_COLUMNS = ["reporter_iso3", "partner_iso3", "period", "flow", "commodity_code", "value_usd"]
_PERIOD = r"\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?"


def load_tidy_trade(path: str | PathLike) -> pd.DataFrame:
    """Load a CSV already in canonical columns (``reporter_iso3 … value_usd``, US dollars).

    ``source`` and ``file`` columns are optional (default "tidy CSV" and the file name); a
    ``currency`` column, if present, must be USD everywhere. Commodity subtotals and rows without
    a value are excluded as in the other loaders.

    Args:
        path: The CSV file.

    Returns:
        The canonical trade table (US$); exclusions readable with ``schema.exclusions_of``.

    Raises:
        TradeDataError: Missing columns, unknown codes, flows or periods, bad values, mixed
            currencies or duplicated keys, naming the file, line and column.
    """
    file = Path(path).name
    raw, lines = checks.read_csv_text(path)
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
        )
    for column in ("reporter_iso3", "partner_iso3"):
        checks.check_iso3(raw[column], lines, file, column)
    checks.first_bad(
        ~raw["period"].str.fullmatch(_PERIOD),
        raw["period"],
        lines,
        file,
        "period",
        "not a period:",
        "expected 2023, 2023-H1, 2023-Q1 or 2023-04",
    )
    checks.first_bad(
        ~raw["flow"].isin(TRADE_FLOWS),
        raw["flow"],
        lines,
        file,
        "flow",
        "unknown flow",
        f"expected one of {list(TRADE_FLOWS)}",
    )
    checks.check_commodity_codes(raw["commodity_code"], lines, file, "commodity_code")
    table = raw.assign(value_usd=checks.parse_values(raw["value_usd"], lines, file, "value_usd"))
    if "source" not in table.columns:
        table["source"] = SOURCE
    table["file"] = file
    reason = pd.Series(None, index=raw.index, dtype=object)
    reason[table["value_usd"].isna()] = "empty value (value_usd)"
    checks.check_duplicates(table[reason.isna()], lines, file)
    level_reason = checks.select_commodity_level(table[reason.isna()])
    reason[level_reason.index] = level_reason
    return checks.finish(
        table[[*TRADE_COLUMNS, *[c for c in table if c not in TRADE_COLUMNS]]], reason, lines, file
    )


# Layout name → (header fields that identify it, lower case; loader); .json files are Comtrade+ API.
LAYOUTS = {
    "ONS UK total trade": ({"country", "iso2", "iso3", "year", "flow", "million"}, load_ons_trade),
    "UN Comtrade+ CSV": ({"flowcode", "cmdcode", "primaryvalue"}, load_comtrade_csv),
    "legacy UN Comtrade CSV": ({"commodity code", "trade value (us$)"}, load_comtrade_csv),
    "IMF IMTS CSV": ({"country", "indicator", "time_period", "obs_value"}, load_imf_trade),
    "tidy CSV": (set(TIDY_COLUMNS), load_tidy_trade),
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
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = {h.strip().lower() for h in next(csv.reader(handle), [])}
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise TradeDataError(f"{path.name}: cannot read the header line ({error})") from None
    for name, (fields, _) in LAYOUTS.items():
        if fields <= header:
            return name
    raise TradeDataError(
        f"{path.name}: unknown layout (header {sorted(header)[:8]}…); expected one of: "
        + "; ".join(f"{name} (columns {sorted(fields)})" for name, (fields, _) in LAYOUTS.items())
        + "; or a Comtrade+ API .json file"
    )


def load_trade_file(path: str | PathLike) -> pd.DataFrame:
    """Load one file of any supported layout as a canonical table (see :func:`sniff_layout`).

    Args:
        path: The file.

    Returns:
        The canonical trade table (US$) of the layout's loader, with its exclusions.

    Raises:
        TradeDataError: An unknown layout, or the loader's errors.
        ValueError: The ONS loader's errors (``OnsFileError``, ``ExchangeRateError``).
    """
    layout = sniff_layout(path)
    return load_comtrade_json(path) if layout == JSON_LAYOUT else LAYOUTS[layout][1](path)


def load_trade_files(paths: Iterable[str | PathLike]) -> pd.DataFrame:
    """Load and concatenate trade files of any supported layouts.

    The layouts are ONS, UN Comtrade+ (CSV or JSON), legacy UN Comtrade, IMF IMTS and tidy CSV.

    Args:
        paths: One or more files.

    Returns:
        One canonical table (``TRADE_COLUMNS`` only, US$); its exclusions
        (``schema.exclusions_of``) hold every file's, with a ``file`` column.

    Raises:
        TradeDataError: No file given, a file in an unknown layout, any loader's error, or two
            files giving the same key (reporter, partner, period, flow, commodity).
        ValueError: The ONS loader's errors (``OnsFileError``, ``ExchangeRateError``).
    """
    tables, exclusions = [], []
    for path in paths:
        table = load_trade_file(path)
        exclusions.append(exclusions_of(table).assign(file=Path(path).name))
        tables.append(table[list(TRADE_COLUMNS)])
    if not tables:
        raise TradeDataError("no trade files given")
    combined = pd.concat(tables, ignore_index=True)
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
    combined = validate_trade_table(combined, ", ".join(sorted(set(combined["file"]))))
    set_exclusions(combined, pd.concat(exclusions, ignore_index=True))
    return combined
