"""Read one reporter–partner slice from very large UN Comtrade+ bulk files (CSV or Parquet).

The filter and the aggregation run inside DuckDB, straight on the files, so a bulk download of tens
of millions of rows is never loaded into pandas: only the slice's few rows are. Every column is read
as text (commodity codes keep their leading zeros); only the value column is cast to a number, and
only in the slice.

The reading rules are those of :mod:`analysis.loaders.comtrade`, from its tables: the encoding is
detected (UTF-8, else Windows-1252/Latin-1, read by DuckDB as Latin-1 and said in the read notes);
countries are matched by ISO code or, where a file has none, by the numeric codes of the reference
table (M49-only legacy and 2012-era bulk files); flows may be codes, legacy numbers or words
(``FLOW_WRITINGS``; code 0 with the flow in ``Trade Flow``); legacy headers are mapped
(``LEGACY_NAMES``). Against double counting: of the breakdowns of a flow by second partner, customs
procedure and mode of transport only the total row (``BREAKDOWN_TOTALS``: ``partner2Code`` 0,
``customsCode`` C00, ``motCode`` 0) is kept; World (``W00``) is its own partner
``WLD``, never added to a country; re-exports and re-imports are flows of their own; sub-flows (DX,
FM, MIP, XIP, MOP, XOP: parts of M and X) are not read; commodity subtotals are dropped by
:func:`analysis.loaders.checks.select_commodity_level`. Rows left out of the slice's keys are
listed, per key, in the table's exclusions (``analysis.loaders.schema.exclusions_of``).
"""

import csv
import glob
import re
from collections.abc import Callable, Iterable
from os import PathLike
from pathlib import Path

import duckdb
import pandas as pd

from analysis.loaders import checks
from analysis.loaders.comtrade import (
    BREAKDOWN_TOTALS,
    FLOW_WRITINGS,
    FLOWS,
    LEGACY_NAMES,
    SOURCE_PLUS,
)
from analysis.loaders.reading import detect_encoding
from analysis.loaders.schema import (
    TRADE_COLUMNS,
    TRADE_FLOWS,
    WORLD_ISO3,
    TradeDataError,
    set_exclusions,
    set_read_notes,
    validate_trade_table,
)
from analysis.reference.codes import numeric_codes_of

PARTITION_COLUMN = "reporter_iso3"
COMMODITY_LEVELS = (0, 2, 4, 6)

# Comtrade+ fields (lower case: headers may be camelCase or PascalCase) the query needs; the
# reporter and partner may be given by ISO code, by numeric code, or both.
_REQUIRED = ("flowcode", "cmdcode", "primaryvalue")
# Breakdown field → the code of its total row (the comtrade loader's one definition).
_BREAKDOWN_TOTALS = {field: code for field, (code, _) in BREAKDOWN_TOTALS.items()}
_WORLD_CODES = ("W00", WORLD_ISO3)
_ISO3 = re.compile(r"^[A-Z][A-Z0-9]{2}$")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_GLOB_CHARS = re.compile(r"[*?\[]")


def read_comtrade_slice(
    source: str | PathLike,
    reporter_iso3: str,
    partner_iso3: str,
    *,
    periods: Iterable[str] | None = None,
    flows: Iterable[str] | None = None,
    commodity_level: int | None = None,
) -> pd.DataFrame:
    """Read one reporter–partner pair's goods trade from a Comtrade+ bulk CSV or Parquet dataset.

    Args:
        source: A Comtrade+ portal CSV (camelCase or PascalCase headers; a trailing empty column
            is ignored), a Parquet file, a folder of Parquet files (hive partitions
            ``reporter_iso3=KAZ/`` let other reporters' files be skipped, see
            :func:`write_comtrade_parquet`), or a glob of CSV or Parquet files.
        reporter_iso3: Reporter ISO3 code, e.g. ``"KAZ"``.
        partner_iso3: Partner ISO3 code, e.g. ``"GBR"``; ``"WLD"`` for the World rows.
        periods: Canonical periods to keep (``"2023"``, ``"2023-01"``); ``None`` keeps all.
        flows: Canonical flows to keep (exports, imports, re_exports, re_imports); ``None``: all.
        commodity_level: Read one commodity level only: 0 (``TOTAL``), 2, 4 or 6 digits
            (``aggrLevel``, or the code's length when the file has no ``aggrLevel``); ``None``
            reads all levels and keeps ``TOTAL`` plus the finest complete detailed level.

    Returns:
        The canonical trade table (``TRADE_COLUMNS``; US dollars; ``file`` relative to the source's
        folder), sorted by period, flow, commodity code; exclusions in ``attrs["exclusions"]``
        (``checks.EXCLUSION_COLUMNS``, ``line`` empty: one row per key, counting its rows).

    Raises:
        ValueError: An argument is not a valid ISO3 code, period, flow or level.
        TradeDataError: No file matches ``source``; a required column is missing; in the slice, a
            value that is not a non-negative number, a commodity code that is not HS, a key with two
            total rows or with breakdown rows but no total (naming file, line and column).
    """
    reporter_iso3, partner_iso3 = _check_iso3(reporter_iso3), _check_iso3(partner_iso3)
    comtrade_periods = _to_comtrade_periods(periods)
    flow_codes = _to_flow_codes(flows)
    if commodity_level is not None and commodity_level not in COMMODITY_LEVELS:
        raise ValueError(
            f"commodity_level must be one of {COMMODITY_LEVELS} or None, not {commodity_level!r}"
        )

    con = _connect()
    scan, root, name, encoding = _scan_sql(source)
    try:
        col = _resolve_columns(con, scan, name).get
    except TradeDataError as error:
        if not _is_bad_unicode(str(error), scan):
            raise
        scan, encoding = scan.replace(_UTF8, _LATIN1), _non_utf8_encoding(source)
        col = _resolve_columns(con, scan, name).get
    period = f"CAST({col('period') or col('refyear')} AS VARCHAR)"
    conditions, params = [], []
    for field, iso3 in (("reporter", reporter_iso3), ("partner", partner_iso3)):
        condition, values = _country_sql(col, field, iso3)
        conditions.append(condition)
        params.extend(values)
    condition, values = _flow_filter_sql(col, flow_codes)
    conditions.append(condition)
    params.extend(values)
    flow_code = _flow_sql(col)
    if col(PARTITION_COLUMN):  # hive partition folder: lets DuckDB skip other reporters' files
        conditions.append(f"{col(PARTITION_COLUMN)} = ?")
        params.append(reporter_iso3)
    if comtrade_periods is not None:
        conditions.append(f"{period} IN ({_marks(comtrade_periods)})")
        params.extend(comtrade_periods)
    if commodity_level is not None:
        level = (
            f"TRY_CAST({col('aggrlevel')} AS INTEGER)"
            if col("aggrlevel")
            else (f"CASE WHEN {col('cmdcode')} = 'TOTAL' THEN 0 ELSE length({col('cmdcode')}) END")
        )
        conditions.append(f"{level} = {commodity_level}")
    is_total = " AND ".join(
        [
            f"coalesce(trim({col(f)}), '') IN ('', '{code}')"
            for f, code in _BREAKDOWN_TOTALS.items()
            if col(f)
        ]
        or ["true"]
    )
    raw = f"trim(coalesce(CAST({col('primaryvalue')} AS VARCHAR), ''))"
    flow = " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in FLOWS.items())
    query = f"""
        WITH slice AS (
            SELECT
                CASE WHEN length({period}) = 6
                     THEN substr({period}, 1, 4) || '-' || substr({period}, 5, 2)
                     ELSE {period} END AS period,
                CASE {flow_code} {flow} END AS flow,
                upper(trim(CAST({col("cmdcode")} AS VARCHAR))) AS commodity_code,
                substr(filename, {len(root) + 1}) AS file,
                {raw} AS raw_value,
                TRY_CAST(replace({raw}, ',', '') AS DOUBLE) AS value_usd,
                {is_total} AS is_total
            FROM {scan}
            WHERE {" AND ".join(conditions)}
        )
        SELECT
            period, flow, commodity_code, file,
            sum(value_usd) FILTER (WHERE is_total) AS value_usd,
            count(*) FILTER (WHERE is_total) AS n_total,
            count(*) FILTER (WHERE NOT is_total) AS n_breakdown,
            min(raw_value) FILTER (WHERE raw_value <> ''
                AND NOT coalesce(isfinite(value_usd) AND value_usd >= 0, false)) AS bad_value
        FROM slice
        GROUP BY ALL
        ORDER BY period, flow, commodity_code, file
    """
    try:
        keys = con.execute(query, params).df()
    except duckdb.InvalidInputException as error:
        if not _is_bad_unicode(str(error), scan):
            raise
        keys = con.execute(query.replace(_UTF8, _LATIN1), params).df()
        encoding = _non_utf8_encoding(source)
    lines = _LineFinder(root, reporter_iso3, partner_iso3)
    _raise_on_bad_keys(keys, lines, col("primaryvalue").strip('"'), col("cmdcode").strip('"'))
    excluded = keys["n_breakdown"].gt(0)
    reasons = [
        keys.loc[excluded].assign(
            reason=keys["n_breakdown"].astype(str) + " breakdown row(s) by "
            "second partner, customs procedure or mode of transport "
            "(their total row is kept)"
        )
    ]
    empty = keys["value_usd"].isna()
    reasons.append(
        keys.loc[empty].assign(reason=f"empty value ({col('primaryvalue').strip(chr(34))})")
    )
    table = (
        keys.loc[~empty]
        .assign(
            reporter_iso3=reporter_iso3,
            partner_iso3=partner_iso3,
            source=SOURCE_PLUS,
            value_usd=keys["value_usd"].astype(float),
        )[list(TRADE_COLUMNS)]
        .astype({c: "str" for c in TRADE_COLUMNS if c != "value_usd"})
    )
    level_reason = checks.select_commodity_level(table)
    reasons.append(keys.loc[level_reason.dropna().index].assign(reason=level_reason.dropna()))
    table = validate_trade_table(table[level_reason.isna()], name)
    exclusions = (
        pd.concat(reasons)
        .sort_index(kind="stable")
        .assign(line=pd.NA, reporter_iso3=reporter_iso3, partner_iso3=partner_iso3, is_error=False)
    )
    exclusions = exclusions.reindex(columns=checks.EXCLUSION_COLUMNS).reset_index(drop=True)
    set_exclusions(table, exclusions)
    return set_read_notes(
        table, [{"file": name, "layout": "UN Comtrade+ bulk", "encoding": encoding, "notes": []}]
    )


def _writings(codes: list[str]) -> list[str]:
    """Every way files write the given flow codes (``FLOW_WRITINGS``, in usual letter cases)."""
    texts = [text for text, code in FLOW_WRITINGS.items() if code in codes]
    return sorted({v for t in texts for v in (t, t.upper(), t.capitalize(), t.title())})


def _flow_filter_sql(col: Callable[[str], str | None], codes: list[str]) -> tuple[str, list[str]]:
    """SQL condition (and parameters) keeping rows of the given flows, on the raw columns.

    The flow is read from the code column, or from the words column where the code is 0 or empty
    (legacy files); comparing raw text lets the scan skip other rows cheaply.
    """
    texts = _writings(codes)
    by_code = f"{col('flowcode')} IN ({_marks(texts)})"
    if not col("flowdesc") or col("flowdesc") == col("flowcode"):
        return by_code, texts
    by_words = (
        f"(coalesce({col('flowcode')}, '0') = '0' AND {col('flowdesc')} IN ({_marks(texts)}))"
    )
    return f"({by_code} OR {by_words})", [*texts, *texts]


def _flow_sql(col: Callable[[str], str | None]) -> str:
    """SQL giving a (kept) row's Comtrade+ flow code, through the loaders' ``FLOW_WRITINGS``."""
    cases = " ".join(f"WHEN '{text}' THEN '{code}'" for text, code in FLOW_WRITINGS.items())
    code = f"CASE lower(trim(CAST({col('flowcode')} AS VARCHAR))) {cases} END"
    if not col("flowdesc") or col("flowdesc") == col("flowcode"):
        return code
    words = f"CASE lower(trim(CAST({col('flowdesc')} AS VARCHAR))) {cases} END"
    return f"coalesce({code}, {words})"


def _country_sql(col: Callable[[str], str | None], field: str, iso3: str) -> tuple[str, list[str]]:
    """SQL condition (and its parameters) keeping the rows of one country on one side.

    The ISO column decides when it is filled; rows without it (M49-only files, empty ISO cells)
    are matched on the numeric codes of the reference table.
    """
    iso, code = col(f"{field}iso"), col(f"{field}code")
    texts = list(_WORLD_CODES) if iso3 == WORLD_ISO3 else [iso3]
    numbers = numeric_codes_of(iso3)
    by_code = f"{code} IN ({_marks(numbers)})" if code and numbers else ""
    if not iso:
        return by_code or "false", numbers if by_code else []
    by_iso = f"{iso} IN ({_marks(texts)})"
    if not by_code:
        return by_iso, texts
    return f"({by_iso} OR (coalesce({iso}, '') = '' AND {by_code}))", [*texts, *numbers]


def write_comtrade_parquet(source: str | PathLike, directory: str | PathLike) -> Path:
    """Convert Comtrade+ bulk CSV(s), once, into a Parquet dataset partitioned by reporter (hive).

    Every column stays text, as in the CSV. One folder per reporter
    (``directory/reporter_iso3=KAZ/data_0.parquet``) lets :func:`read_comtrade_slice` — or Spark,
    Dask, any Parquet engine — read only that reporter's files.

    Args:
        source: A Comtrade+ CSV file or a glob of them.
        directory: Folder to create; it must not exist yet.

    Returns:
        The dataset folder.

    Raises:
        FileExistsError: ``directory`` exists.
        TradeDataError: No file matches ``source``, or a required Comtrade+ column is missing.
    """
    directory = Path(directory)
    if directory.exists():
        raise FileExistsError(
            f"{directory}: already exists; choose a new folder for the Parquet dataset"
        )
    con = _connect()
    scan, _, name, _ = _scan_sql(source, filename=False)
    columns = _resolve_columns(con, scan, name)
    if "reporteriso" not in columns:
        raise TradeDataError(f"{name}: no reporterISO column to partition the dataset by")
    keep = ", ".join(c for c in columns.values() if not re.fullmatch(r'"column\d+"', c))
    con.execute(
        f"COPY (SELECT {keep}, {columns['reporteriso']} AS {PARTITION_COLUMN} FROM {scan}) "
        f"TO '{_escape(directory.resolve())}' (FORMAT parquet, PARTITION_BY ({PARTITION_COLUMN}))"
    )
    return directory


def _connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose buffer pool is capped at what a streaming scan needs per thread.

    A slice's result is small and the scan streams; uncapped, DuckDB keeps more CSV buffers than it
    needs (on 2 threads about 100 MiB more peak memory, at the same CPU time). 64 MB + 32 MB a
    thread was enough from 1 to 16 threads on a 5,000,000-row file; 64 MB on 2 threads was not.
    """
    con = duckdb.connect()
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.execute(f"SET memory_limit = '{64 + 32 * int(threads)}MB'")
    return con


_UTF8, _LATIN1 = "encoding = 'utf-8'", "encoding = 'latin-1'"


def _is_bad_unicode(message: str, scan: str) -> bool:
    """Whether DuckDB refused a UTF-8 scan for bytes that are not UTF-8 (then read as Latin-1)."""
    return _UTF8 in scan and ("unicode" in message.lower() or "CSV Error on Line" in message)


def _non_utf8_encoding(source: str | PathLike) -> str:
    """Name the encoding of a CSV that is not UTF-8 (its first file, for a glob)."""
    files = sorted(glob.glob(str(Path(str(source)).absolute()))) or [str(source)]
    return detect_encoding(files[0])  # DuckDB reads it as Latin-1: the codes are ASCII


def _scan_sql(source: str | PathLike, filename: bool = True) -> tuple[str, str, str, str]:
    """The DuckDB scan of ``source``, the folder prefix to strip, its name, and its encoding."""
    text = str(source)
    if _GLOB_CHARS.search(text):
        pattern = str(Path(text).absolute())
        files = glob.glob(pattern, recursive=True)
        root = Path(_GLOB_CHARS.split(pattern)[0] + "x").parent
    elif Path(text).is_dir():
        root = Path(text).resolve()
        pattern = str(root / "**" / "*.parquet")
        files = glob.glob(pattern, recursive=True)
    else:
        pattern = str(Path(text).resolve())
        files = [pattern] if Path(pattern).is_file() else []
        root = Path(pattern).parent
    if not files:
        raise TradeDataError(
            f"{text}: no such file (or none matches); give a Comtrade+ CSV or Parquet path"
        )
    options = f"union_by_name = true, filename = {str(filename).lower()}"
    if all(f.endswith(".parquet") for f in files):
        hive = "hive_partitioning = true, hive_types_autocast = false"
        scan = f"read_parquet('{_escape(pattern)}', {hive}, {options})"
        encoding = ""
    else:
        # UTF-8 first (DuckDB validates it while scanning); on invalid bytes the caller re-reads
        # the file as Latin-1 and names its encoding then, so UTF-8 files pay no extra pass.
        with open(files[0], "rb") as handle:
            encoding = "UTF-8 with BOM" if handle.read(3) == b"\xef\xbb\xbf" else "UTF-8"
        csv = "delim = ',', quote = '\"', escape = '\"', header = true, all_varchar = true"
        scan = f"read_csv('{_escape(pattern)}', {csv}, {_UTF8}, {options})"
    return (
        scan,
        str(root).rstrip("/") + "/",
        Path(text).name if len(files) == 1 and text == pattern else text,
        encoding,
    )


def _resolve_columns(con: duckdb.DuckDBPyConnection, scan: str, name: str) -> dict[str, str]:
    """Map lower-case Comtrade+ field names to the file's column names, quoted for SQL."""
    try:
        described = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {scan}").fetchall()]
    except duckdb.Error as error:
        raise TradeDataError(
            f"{name}: cannot be read as CSV or Parquet ({str(error).splitlines()[0]})"
        ) from None
    columns = {c.lower(): '"' + c.replace('"', '""') + '"' for c in described if c != "filename"}
    for legacy, field in LEGACY_NAMES.items():  # legacy and 2012-era bulk headers
        if legacy in columns and field not in columns:
            columns[field] = columns[legacy]
    if "flowcode" not in columns and "flowdesc" in columns:
        columns["flowcode"] = columns["flowdesc"]
    missing = [f for f in _REQUIRED if f not in columns]
    missing += [] if {"period", "refyear"} & columns.keys() else ["period"]
    for side in ("reporter", "partner"):
        if f"{side}iso" not in columns and f"{side}code" not in columns:
            missing.append(f"{side}ISO or {side}Code")
    if missing:
        raise TradeDataError(
            f"{name}: missing Comtrade+ column(s) {missing} (the file has {described}); "
            "give a Comtrade+ bulk download with its header row"
        )
    return columns


class _LineFinder:
    """Finds the file lines of a slice key, re-reading a CSV line by line: only to word an error."""

    def __init__(self, root: str, reporter_iso3: str, partner_iso3: str) -> None:
        self.root = root
        self.fields = {"reporteriso": reporter_iso3}
        if partner_iso3 != WORLD_ISO3:
            self.fields["partneriso"] = partner_iso3

    def find(
        self, key: pd.Series, limit: int = 1, totals_only: bool = False, **fields: str
    ) -> list[int]:
        """File lines (1 = header) of the rows, or total rows, of a key."""
        path = self.root + key["file"]
        if path.endswith(".parquet"):
            return []
        codes = {name: code for code, name in FLOWS.items()}
        wanted = {
            **self.fields,
            **fields,
            "flowcode": codes[key["flow"]],
            "cmdcode": key["commodity_code"],
            "period": key["period"].replace("-", ""),
        }
        allowed = {f: {text.upper()} for f, text in wanted.items()}
        if totals_only:
            allowed |= {f: {"", total} for f, total in _BREAKDOWN_TOTALS.items()}
        found = []
        with open(path, newline="", encoding="utf-8-sig", errors="replace") as handle:
            reader = csv.reader(handle)
            header = [h.strip().lower() for h in next(reader, [])]
            tests = [(header.index(f), texts) for f, texts in allowed.items() if f in header]
            for number, row in enumerate(reader, start=2):
                if all(i < len(row) and row[i].strip().upper() in texts for i, texts in tests):
                    found.append(number)
                    if len(found) == limit:
                        break
        return found


def _raise_on_bad_keys(
    keys: pd.DataFrame, lines: _LineFinder, value_column: str, code_column: str
) -> None:
    """Raise on a bad value, a non-HS code, a key with two totals, or breakdowns without a total."""

    def where(key: pd.Series, found: list[int]) -> str:
        if found:
            return (
                f"{key['file']}: line{'s' if len(found) > 1 else ''} {', '.join(map(str, found))}"
            )
        return f"{key['file']}: the row(s) of {key['period']} {key['flow']} {key['commodity_code']}"

    bad = keys[keys["bad_value"].notna()]
    if len(bad):
        key = bad.iloc[0]
        found = lines.find(key, primaryvalue=key["bad_value"])
        problem = "negative value" if key["bad_value"].startswith("-") else "not a number:"
        raise TradeDataError(
            f"{where(key, found)}, column {value_column!r}: {problem} {key['bad_value']!r}; "
            "write plain non-negative numbers such as 1234.5"
        )
    not_hs = keys[~keys["commodity_code"].str.fullmatch(r"TOTAL|(\d\d){1,5}")]
    if len(not_hs):
        key = not_hs.iloc[0]
        raise TradeDataError(
            f"{where(key, lines.find(key))}, column {code_column!r}: not an HS commodity code: "
            f"{key['commodity_code']!r}; use TOTAL or an HS code written as text ('08', not 8)"
        )
    twice = keys[keys["n_total"] > 1]
    if len(twice):
        key = twice.iloc[0]
        raise TradeDataError(
            f"{where(key, lines.find(key, limit=10, totals_only=True))}: "
            f"{int(key['n_total'])} total rows repeat "
            f"the same key ({key['period']} {key['flow']} {key['commodity_code']}); remove the "
            "duplicate or split the breakdown that tells them apart"
        )
    orphan = keys[keys["n_total"].eq(0)]
    if len(orphan):
        key = orphan.iloc[0]
        raise TradeDataError(
            f"{where(key, lines.find(key))}: a breakdown (second partner, customs procedure or "
            "mode of transport) without its total row; download with partner2Code=0, "
            "customsCode=C00 and motCode=0, or add the total"
        )


def _check_iso3(code: str) -> str:
    if not isinstance(code, str) or not _ISO3.match(code):
        raise ValueError(f"not an ISO3 code: {code!r} (expected three capital letters, e.g. 'KAZ')")
    return code


def _to_comtrade_periods(periods: Iterable[str] | None) -> list[str] | None:
    if periods is None:
        return None
    converted = []
    for period in [periods] if isinstance(periods, str) else periods:
        match = _PERIOD.match(str(period))
        if not match:
            raise ValueError(f"period {period!r} is not a year ('2023') or a month ('2023-01')")
        converted.append("".join(p for p in match.groups() if p))
    return converted


def _to_flow_codes(flows: Iterable[str] | None) -> list[str]:
    codes = {name: code for code, name in FLOWS.items()}
    chosen = (
        list(TRADE_FLOWS) if flows is None else [flows] if isinstance(flows, str) else list(flows)
    )
    unknown = [f for f in chosen if f not in codes]
    if unknown:
        raise ValueError(f"unknown flow(s) {unknown}; use {list(TRADE_FLOWS)}")
    return [codes[f] for f in chosen]


def _marks(values: list) -> str:
    return ", ".join("?" for _ in values)


def _escape(path: object) -> str:
    return str(path).replace("'", "''")
