"""Row checks shared by the official-statistics loaders: reading, values, codes, subtotals.

Every error names the file, the file line (``line``: 1 = header, so the first data row of a CSV is
line 2; for JSON, the record number in ``data``, from 1) and the column. Rows the loaders leave out
on purpose are listed in an exclusions table (``line``, ``reason`` and identifying columns), kept
in the table's exclusions (``schema.exclusions_of``).
"""

import csv
import re
from os import PathLike
from pathlib import Path

import pandas as pd
import pycountry

from analysis.loaders.schema import (
    ALL_GOODS,
    TRADE_COLUMNS,
    WORLD_ISO3,
    TradeDataError,
    set_exclusions,
    validate_trade_table,
)

KEY_COLUMNS = ["reporter_iso3", "partner_iso3", "period", "flow", "commodity_code"]
EXCLUSION_COLUMNS = ["line", *KEY_COLUMNS, "reason"]
# Codes that are not ISO 3166 alpha-3 but name a real partner: World, Kosovo (EU/IMF code).
_EXTRA_ISO3 = {WORLD_ISO3, "XKX"}
_HS_CODE = re.compile(r"(\d\d){1,5}")
_SUM_TOLERANCE = 1e-6  # relative: a finer level "adds up" to a coarser one within this


def read_csv_text(path: str | PathLike) -> tuple[pd.DataFrame, pd.Series]:
    """Read a CSV with every column as text, tolerating a trailing delimiter.

    Empty fields stay ``""`` (never NaN), so codes such as "08" keep their leading zero. A data
    row with one field more than the header (the trailing delimiter of Comtrade+ downloads) is
    accepted when that field is empty; an empty unnamed header column is dropped.

    Args:
        path: The CSV file (UTF-8, with or without a byte-order mark).

    Returns:
        The rows, and the file line of each row (a Series named "line", same index).

    Raises:
        TradeDataError: The file is missing, unreadable or ragged.
    """
    name = Path(path).name
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
        header = [h.strip() or f"_blank{i}" for i, h in enumerate(header)]
        raw = _read_with_names(path, [*header, "_trailing"])
    except FileNotFoundError:
        raise TradeDataError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, csv.Error) as error:
        detail = str(error).strip().splitlines()[-1]
        raise TradeDataError(f"{name}: cannot read as CSV ({detail})") from None
    if not header:
        raise TradeDataError(f"{name}: empty file, no header line")
    extra = [c for c in raw.columns if c.startswith(("_trailing", "_blank"))]
    for column in extra:
        filled = raw[column].fillna("").str.strip().ne("")
        if filled.any():
            raise TradeDataError(
                f"{name}: line {int(filled.idxmax()) + 2}: a value outside the header's columns "
                f"({raw[column][filled].iloc[0]!r}); the line has more fields than the header"
            )
    raw = raw.drop(columns=extra)
    return raw, pd.Series(raw.index + 2, index=raw.index, name="line")


def _read_with_names(path: str | PathLike, names: list[str]) -> pd.DataFrame:
    """Read all fields as text under ``names``; retry without the last name when no row needs it."""
    options = dict(
        dtype=str, keep_default_na=False, header=0, index_col=False, encoding="utf-8-sig"
    )
    try:
        return pd.read_csv(path, names=names, **options)
    except pd.errors.ParserError as error:
        if "Too many columns" not in str(error):
            raise
        return pd.read_csv(path, names=names[:-1], **options)


def fail(file: str, where: str, column: str, problem: str, fix: str = "") -> TradeDataError:
    """Build the one-line error naming file, place and column, for the caller to raise.

    Args:
        file: File name.
        where: Place in the file, e.g. "line 7" or "record 3".
        column: Column name as the file writes it.
        problem: What is wrong, e.g. "not a number: 'x'".
        fix: How to fix it; "" for none.

    Returns:
        The error, not raised.
    """
    return TradeDataError(
        f"{file}: {where}, column {column!r}: {problem}" + (f"; {fix}" if fix else "")
    )


def require_columns(raw: pd.DataFrame, columns: list[str], file: str, layout: str) -> None:
    """Raise when any of ``columns`` is absent, naming them and the layout expected.

    Args:
        raw: The file's rows.
        columns: Required column names.
        file: File name for the message.
        layout: Layout name for the message, e.g. "IMF IMTS".

    Raises:
        TradeDataError: A column is missing.
    """
    missing = [c for c in columns if c not in raw.columns]
    if missing:
        raise TradeDataError(
            f"{file}: missing column(s) {missing} for the {layout} layout; "
            f"the file has {list(raw.columns)}"
        )


def first_bad(
    mask: pd.Series,
    values: pd.Series,
    lines: pd.Series,
    file: str,
    column: str,
    problem: str,
    fix: str = "",
) -> None:
    """Raise for the first row where ``mask`` holds, quoting its value.

    Args:
        mask: True for bad rows.
        values: The values to quote, aligned with ``mask``.
        lines: File line (or record) of each row; its name ("line", "record") is the place word.
        file: File name.
        column: Column name as the file writes it.
        problem: What is wrong, followed by the quoted value.
        fix: How to fix it; "" for none.

    Raises:
        TradeDataError: ``mask`` holds for a row.
    """
    if mask.any():
        row = mask.idxmax()
        raise fail(
            file, f"{lines.name} {int(lines[row])}", column, f"{problem} {values[row]!r}", fix
        )


def parse_values(values: pd.Series, lines: pd.Series, file: str, column: str) -> pd.Series:
    """Parse money values written as text; empty stays NaN (the caller excludes and reports it).

    Args:
        values: Values as text; thousands separators (",") are allowed.
        lines: File line (or record) of each row.
        file: File name.
        column: Column name as the file writes it.

    Returns:
        The values as floats, in the file's unit (US$ for the loaders).

    Raises:
        TradeDataError: A value is not a number, or is negative.
    """
    text = values.str.strip().str.replace(",", "", regex=False)
    number = pd.to_numeric(text.where(text.ne("")), errors="coerce")
    first_bad(
        number.isna() & text.ne(""),
        values,
        lines,
        file,
        column,
        "not a number:",
        "write plain numbers such as 1234.5",
    )
    first_bad(
        number.lt(0),
        values,
        lines,
        file,
        column,
        "negative value",
        "trade values cannot be negative",
    )
    return number.astype(float)


def check_commodity_codes(codes: pd.Series, lines: pd.Series, file: str, column: str) -> None:
    """Require ``TOTAL`` or an HS code of 2, 4, 6, 8 or 10 digits (leading zeros kept).

    Args:
        codes: Commodity codes as text.
        lines: File line (or record) of each row.
        file: File name.
        column: Column name as the file writes it.

    Raises:
        TradeDataError: An empty code, an unknown code, or one whose leading zero was lost ("8").
    """
    ok = codes.eq(ALL_GOODS) | codes.str.fullmatch(_HS_CODE)
    first_bad(
        ~ok,
        codes,
        lines,
        file,
        column,
        "not an HS commodity code:",
        "use TOTAL or an HS code of 2, 4 or 6 digits written as text ('08', not 8)",
    )


def is_iso3(codes: pd.Series) -> pd.Series:
    """Tell which codes are ISO 3166 alpha-3 country codes, ``WLD`` (World) or ``XKX`` (Kosovo).

    Args:
        codes: Codes as text.

    Returns:
        Booleans aligned with ``codes``.
    """
    known = {c.alpha_3 for c in pycountry.countries} | _EXTRA_ISO3
    return codes.isin(known)


def check_iso3(codes: pd.Series, lines: pd.Series, file: str, column: str) -> None:
    """Raise for the first code that is not ISO3 (see :func:`is_iso3`).

    Args:
        codes: Country codes as text.
        lines: File line (or record) of each row.
        file: File name.
        column: Column name as the file writes it.

    Raises:
        TradeDataError: A code is not ISO3.
    """
    first_bad(
        ~is_iso3(codes),
        codes,
        lines,
        file,
        column,
        "unknown ISO3 country code",
        "use ISO 3166 alpha-3 codes, WLD for World",
    )


def check_duplicates(table: pd.DataFrame, lines: pd.Series, file: str) -> None:
    """Raise when two rows share reporter, partner, period, flow and commodity code.

    Args:
        table: Canonical columns (``KEY_COLUMNS`` at least).
        lines: File line (or record) of each row.
        file: File name.

    Raises:
        TradeDataError: Naming both file lines and the key.
    """
    duplicated = table.duplicated(KEY_COLUMNS, keep=False)
    if duplicated.any():
        rows = table[duplicated].sort_values(KEY_COLUMNS, kind="stable")
        first = rows.iloc[0]
        same = rows[(rows[KEY_COLUMNS] == first[KEY_COLUMNS]).all(axis=1)]
        key = ", ".join(f"{c}={first[c]}" for c in KEY_COLUMNS)
        raise TradeDataError(
            f"{file}: {lines.name}s {[int(lines[i]) for i in same.index]} "
            f"repeat the same key ({key}); "
            "remove the duplicate or split the breakdown that tells them apart"
        )


def build_exclusions(
    table: pd.DataFrame, lines: pd.Series, mask: pd.Series, reason: pd.Series | str
) -> pd.DataFrame:
    """Build the exclusion rows for the rows of ``table`` where ``mask`` holds.

    Args:
        table: Rows of the file, with the key columns it has.
        lines: File line (or record) of each row.
        mask: True for the rows left out.
        reason: Why, per row or one text for all.

    Returns:
        ``EXCLUSION_COLUMNS``, one row per excluded row (missing key columns empty).
    """
    rows = table.loc[mask, [c for c in KEY_COLUMNS if c in table.columns]].copy()
    rows.insert(0, "line", lines[mask].astype(int))
    rows["reason"] = reason[mask] if isinstance(reason, pd.Series) else reason
    return rows.reindex(columns=EXCLUSION_COLUMNS)


def commodity_level(codes: pd.Series) -> pd.Series:
    """Count the digits of each HS code.

    Args:
        codes: Commodity codes as text.

    Returns:
        The number of digits; 0 for ``TOTAL``.
    """
    return codes.str.len().where(codes.ne(ALL_GOODS), 0)


def select_commodity_level(table: pd.DataFrame) -> pd.Series:
    """Which rows to keep so that no commodity is counted twice.

    Within each reporter, partner, period and flow, ``TOTAL`` rows are kept for totals, and of the
    detailed levels (chapters, headings, subheadings) only the finest level whose values add up to
    the coarsest detailed level present (within a relative 1e-6): a file that has every chapter
    but only a few headings keeps the chapters.

    Args:
        table: Needs ``reporter_iso3, partner_iso3, period, flow, commodity_code, value_usd``.

    Returns:
        A reason (str) for every row to drop, None for rows kept; aligned with ``table``.
    """
    groups = ["reporter_iso3", "partner_iso3", "period", "flow"]
    level = commodity_level(table["commodity_code"])
    detail = table[level.gt(0)].assign(_level=level)
    sums = detail.groupby([*groups, "_level"])["value_usd"].sum(min_count=1).reset_index()
    coarsest = sums.groupby(groups)["_level"].transform("min")
    reference = sums.loc[sums["_level"].eq(coarsest)].set_index(groups)["value_usd"]
    sums["_reference"] = reference.reindex(pd.MultiIndex.from_frame(sums[groups])).to_numpy()
    gap = (sums["value_usd"] - sums["_reference"]).abs()
    sums["_complete"] = gap.le(_SUM_TOLERANCE * sums["_reference"].abs()) | sums["_level"].eq(
        coarsest
    )
    chosen = sums[sums["_complete"]].groupby(groups)["_level"].max().rename("_chosen")
    detail = detail.join(chosen, on=groups)
    reason = pd.Series(None, index=table.index, dtype=object)
    coarser = detail["_level"].lt(detail["_chosen"])
    finer = detail["_level"].gt(detail["_chosen"])
    reason[coarser[coarser].index] = (
        "subtotal: commodity level "
        + detail["_level"].astype(str)
        + " is a sum of the level "
        + detail["_chosen"].astype(str)
        + " rows kept"
    )[coarser]
    reason[finer[finer].index] = (
        "incomplete finer level "
        + detail["_level"].astype(str)
        + ": its rows do not add up to "
        + "the level "
        + detail["_chosen"].astype(str)
        + " rows kept"
    )[finer]
    return reason


def finish(table: pd.DataFrame, reason: pd.Series, lines: pd.Series, file: str) -> pd.DataFrame:
    """Drop the rows with a reason, validate the rest, and attach the exclusions.

    Args:
        table: Canonical columns (any order, extra columns allowed) for every row of the file.
        reason: Why each row is left out; None for rows kept.
        lines: File line (or record) of each row.
        file: File name for messages and the ``file`` column.

    Returns:
        The validated canonical table (``TRADE_COLUMNS`` first, text columns as ``str``), with
        its exclusions (``EXCLUSION_COLUMNS``; read with ``schema.exclusions_of``).

    Raises:
        TradeDataError: Every row is excluded, or the schema check fails.
    """
    excluded = reason.notna()
    if excluded.all():
        first = reason.iloc[0] if len(reason) else "the file has no data rows"
        raise TradeDataError(f"{file}: no usable rows ({len(table)} excluded; first: {first})")
    exclusions = build_exclusions(table, lines, excluded, reason).reset_index(drop=True)
    kept = table[~excluded]
    kept = kept[[*TRADE_COLUMNS, *[c for c in kept.columns if c not in TRADE_COLUMNS]]]
    text = [c for c in TRADE_COLUMNS if c != "value_usd"]
    kept = validate_trade_table(kept.astype(dict.fromkeys(text, "str")), file)
    set_exclusions(kept, exclusions)
    return kept
