"""Row checks shared by the official-statistics loaders: values, codes, subtotals, problems.

Every error names the file, the file line (``line``: 1 = header, so the first data row of a CSV is
line 2; for JSON, the record number in ``data``, from 1) and the column. Rows the loaders leave out
on purpose are listed in an exclusions table (``line``, ``reason`` and identifying columns), kept
in the table's exclusions (``schema.exclusions_of``).

A check given a ``problems`` Series (one text or None per row) marks the bad rows there instead of
raising: such rows are left out and listed with ``is_error`` True, and whoever knows the question
decides whether they matter (:func:`raise_problems`). Without ``problems`` a check raises at once.
"""

import re

import numpy as np
import pandas as pd

from analysis.loaders.levels import commodity_level, select_commodity_level  # noqa: F401
from analysis.loaders.reading import read_csv_rows, read_csv_text  # noqa: F401  (re-exported)
from analysis.loaders.schema import (
    ALL_GOODS,
    TRADE_COLUMNS,
    TradeDataError,
    set_exclusions,
    validate_trade_table,
)
from analysis.reference.codes import is_known_iso3

KEY_COLUMNS = ["reporter_iso3", "partner_iso3", "period", "flow", "commodity_code"]
EXCLUSION_COLUMNS = ["line", *KEY_COLUMNS, "reason", "is_error"]
# The largest plausible value of one flow in a period, by the period's length in months: world
# merchandise trade is about US$25 trillion a year (WTO, 2022-2024), so a bilateral annual flow
# above US$35 trillion can only be a unit or scale slip.
WORLD_TRADE_USD_PER_YEAR = 35e12
_MONTHS = {r"\d{4}": 12, r"\d{4}-H[12]": 6, r"\d{4}-Q[1-4]": 3, r"\d{4}-\d{2}": 1}
_HS_CODE = re.compile(r"(\d\d){1,5}")


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
    problems: pd.Series | None = None,
) -> None:
    """Raise for the first row where ``mask`` holds, quoting its value; or mark every such row.

    Args:
        mask: True for bad rows.
        values: The values to quote, aligned with ``mask``.
        lines: File line (or record) of each row; its name ("line", "record") is the place word.
        file: File name.
        column: Column name as the file writes it.
        problem: What is wrong, followed by the quoted value.
        fix: How to fix it; "" for none.
        problems: When given, the bad rows not yet marked get the message here (changed in
            place) and nothing is raised.

    Raises:
        TradeDataError: ``mask`` holds for a row and ``problems`` is None.
    """
    mask = mask.fillna(False).astype(bool)
    if not mask.any():
        return
    if problems is not None:
        rows = mask & problems.isna()
        text = f"column {column!r}: {problem} " + values[rows].map(repr)
        problems[rows] = text + (f"; {fix}" if fix else "")
        return
    row = mask.idxmax()
    raise fail(file, f"{lines.name} {int(lines[row])}", column, f"{problem} {values[row]!r}", fix)


def parse_values(
    values: pd.Series,
    lines: pd.Series,
    file: str,
    column: str,
    problems: pd.Series | None = None,
) -> pd.Series:
    """Parse money values written as text; empty stays NaN (the caller excludes and reports it).

    Args:
        values: Values as text; thousands separators (",") are allowed.
        lines: File line (or record) of each row.
        file: File name.
        column: Column name as the file writes it.
        problems: When given, bad values are marked there (see :func:`first_bad`), not raised.

    Returns:
        The values as floats, in the file's unit (US$ for the loaders); NaN where bad or empty.

    Raises:
        TradeDataError: Without ``problems``: a value is not a number, not finite ("inf",
            "1e400"), or negative.
    """
    text = values.str.strip().str.replace(",", "", regex=False)
    number = pd.to_numeric(text.where(text.ne("")), errors="coerce").astype(float)
    checks = (
        (number.isna() & text.ne(""), "not a number:", "write plain numbers such as 1234.5"),
        (
            number.notna() & ~np.isfinite(number),
            "not a finite number:",
            "a value too large for a float (over 1.8e308) or 'inf' is never a trade value",
        ),
        (number.lt(0), "negative value", "trade values cannot be negative"),
    )
    for mask, problem, fix in checks:
        first_bad(mask, values, lines, file, column, problem, fix, problems)
    return number.where(np.isfinite(number) & number.ge(0))


def normalize_commodity_codes(
    codes: pd.Series,
    lines: pd.Series,
    file: str,
    column: str,
    problems: pd.Series | None = None,
) -> tuple[pd.Series, str]:
    """Check HS codes (``TOTAL`` or 2, 4, 6, 8 or 10 digits), padding a lost leading zero.

    HS codes always have an even number of digits, so a code of 1, 3 or 5 digits ("8", "207")
    can only be a code whose leading zero a spreadsheet dropped: it is padded ("08", "0207").

    Args:
        codes: Commodity codes as text (upper case).
        lines: File line (or record) of each row.
        file: File name.
        column: Column name as the file writes it.
        problems: When given, bad codes are marked there (see :func:`first_bad`), not raised.

    Returns:
        The codes (padded where needed) and a note on the padding ("" when none was needed).

    Raises:
        TradeDataError: Without ``problems``: an empty or unknown code.
    """
    lost_zero = codes.str.fullmatch(r"\d(\d\d){0,4}")
    padded = codes.where(~lost_zero, "0" + codes)
    ok = padded.eq(ALL_GOODS) | padded.str.fullmatch(_HS_CODE)
    first_bad(
        ~ok,
        codes,
        lines,
        file,
        column,
        "not an HS commodity code:",
        "use TOTAL or an HS code of 2, 4 or 6 digits",
        problems,
    )
    note = ""
    if lost_zero.any():
        pairs = dict.fromkeys(zip(codes[lost_zero], padded[lost_zero], strict=True))
        examples = ", ".join(f"{a!r}→{b!r}" for a, b in list(pairs)[:3])
        note = (
            f"{int(lost_zero.sum())} commodity code(s) had lost their leading zero and were "
            f"padded ({examples}): HS codes have an even number of digits"
        )
    return padded, note


def is_iso3(codes: pd.Series) -> pd.Series:
    """Tell which codes are in the reference table: ISO3 countries, ``WLD``, ``XKX``, groups.

    Args:
        codes: Codes as text.

    Returns:
        Booleans aligned with ``codes``.
    """
    return is_known_iso3(codes)


def check_duplicates(
    table: pd.DataFrame, lines: pd.Series, file: str, problems: pd.Series | None = None
) -> None:
    """Raise (or mark) rows that share reporter, partner, period, flow and commodity code.

    Args:
        table: Canonical columns (``KEY_COLUMNS`` at least).
        lines: File line (or record) of each row.
        file: File name.
        problems: When given, every row of a repeated key is marked there instead of raising.

    Raises:
        TradeDataError: Without ``problems``: naming both file lines and the key.
    """
    duplicated = table.duplicated(KEY_COLUMNS, keep=False)
    if not duplicated.any():
        return
    rows = table[duplicated]
    groups = rows.groupby(KEY_COLUMNS, sort=True, dropna=False).groups
    for key, index in groups.items():
        numbers = [int(lines[i]) for i in index]
        described = ", ".join(f"{c}={v}" for c, v in zip(KEY_COLUMNS, key, strict=True))
        text = (
            f"{lines.name}s {numbers} repeat the same key ({described}); "
            "remove the duplicate or split the breakdown that tells them apart"
        )
        if problems is None:
            raise TradeDataError(f"{file}: {text}")
        free = problems.index.isin(index) & problems.isna()
        problems[free] = text


def build_exclusions(
    table: pd.DataFrame,
    lines: pd.Series,
    mask: pd.Series,
    reason: pd.Series | str,
    is_error: pd.Series | bool = False,
) -> pd.DataFrame:
    """Build the exclusion rows for the rows of ``table`` where ``mask`` holds.

    Args:
        table: Rows of the file, with the key columns it has.
        lines: File line (or record) of each row.
        mask: True for the rows left out.
        reason: Why, per row or one text for all.
        is_error: True for rows left out because they are wrong (per row or one for all).

    Returns:
        ``EXCLUSION_COLUMNS``, one row per excluded row (missing key columns empty).
    """
    rows = table.loc[mask, [c for c in KEY_COLUMNS if c in table.columns]].copy()
    rows.insert(0, "line", lines[mask].astype(int))
    rows["reason"] = reason[mask] if isinstance(reason, pd.Series) else reason
    rows["is_error"] = is_error[mask].astype(bool) if isinstance(is_error, pd.Series) else is_error
    return rows.reindex(columns=EXCLUSION_COLUMNS)


def flag_implausible(table: pd.DataFrame, problems: pd.Series) -> None:
    """Mark values above world trade in their period (``WORLD_TRADE_USD_PER_YEAR``): a scale slip.

    Args:
        table: Canonical columns ``period`` and ``value_usd`` (US$).
        problems: Per row; changed in place.
    """
    months = pd.Series(12.0, index=table.index)
    for pattern, length in _MONTHS.items():
        months[table["period"].astype(str).str.fullmatch(pattern)] = length
    limit = WORLD_TRADE_USD_PER_YEAR * months / 12
    bad = table["value_usd"].gt(limit) & problems.isna()
    if not bad.any():
        return
    problems[bad] = (
        "value_usd "
        + table.loc[bad, "value_usd"].map(lambda v: f"{v:.4g}")
        + " US$ is more than world trade in the period (about US$35 trillion a year): "
        "likely a scale problem (a value in thousands or millions multiplied again, or "
        "a unit column misread); check the file's unit"
    )


def finish(
    table: pd.DataFrame,
    reason: pd.Series,
    lines: pd.Series,
    file: str,
    problems: pd.Series | None = None,
    strict: bool = True,
) -> pd.DataFrame:
    """Drop the rows with a reason or a problem, validate the rest, and attach the exclusions.

    Args:
        table: Canonical columns (any order, extra columns allowed) for every row of the file.
        reason: Why each row is left out on purpose; None for rows kept.
        lines: File line (or record) of each row.
        file: File name for messages and the ``file`` column.
        problems: Why each row is wrong (see :func:`first_bad`); None for rows without one.
            Implausibly large values are added here.
        strict: Raise on the first problem (in file order) instead of listing the rows.

    Returns:
        The validated canonical table (``TRADE_COLUMNS`` first, text columns as ``str``), with
        its exclusions (``EXCLUSION_COLUMNS``; read with ``schema.exclusions_of``); wrong rows
        have ``is_error`` True and their problem as ``reason``.

    Raises:
        TradeDataError: A problem when ``strict``; every row excluded; the schema check fails.
    """
    problems = (
        pd.Series(None, index=table.index, dtype=object) if problems is None else problems.copy()
    )
    flag_implausible(table, problems)
    if strict:
        raise_problems(problems, lines, file)
    wrong = problems.notna()
    reason = reason.where(~wrong, problems)
    excluded = reason.notna()
    if excluded.all():
        first = wrong.idxmax() if wrong.any() else None
        if first is not None:
            raise TradeDataError(
                problem_message(problems[first], int(lines[first]), lines.name, file)
            )
        first_reason = reason.iloc[0] if len(reason) else "the file has no data rows"
        raise TradeDataError(
            f"{file}: no usable rows ({len(table)} excluded; first: {first_reason})"
        )
    exclusions = build_exclusions(table, lines, excluded, reason, wrong).reset_index(drop=True)
    kept = table[~excluded]
    kept = kept[[*TRADE_COLUMNS, *[c for c in kept.columns if c not in TRADE_COLUMNS]]]
    text = [c for c in TRADE_COLUMNS if c != "value_usd"]
    kept = validate_trade_table(kept.astype(dict.fromkeys(text, "str")), file)
    set_exclusions(kept, exclusions)
    return kept


def raise_problems(problems: pd.Series, lines: pd.Series, file: str) -> None:
    """Raise the first problem in file order, as one line naming file, line and column.

    Args:
        problems: Per row, a problem or None.
        lines: File line (or record) of each row.
        file: File name.

    Raises:
        TradeDataError: A row has a problem.
    """
    wrong = problems.notna()
    if wrong.any():
        first = lines[wrong].astype(int).idxmin()
        raise TradeDataError(problem_message(problems[first], int(lines[first]), lines.name, file))


def problem_message(problem: str, line: int, place: str, file: str) -> str:
    """One line naming file and place for a row's problem ("f.csv: line 7, column 'x': …").

    Args:
        problem: The row's problem as :func:`first_bad` and the other checks write it.
        line: Its file line (or record number).
        place: "line" or "record".
        file: File name.

    Returns:
        The message.
    """
    if problem.startswith(f"{place}s ["):
        return f"{file}: {problem}"
    separator = ", " if problem.startswith("column ") else ": "
    return f"{file}: {place} {line}{separator}{problem}"
