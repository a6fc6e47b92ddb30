"""UN Comtrade files (Comtrade+ API JSON and CSV, legacy CSV) as canonical trade tables.

Rows that would count trade twice are left out and listed in the table's exclusions
(``schema.exclusions_of``):
breakdowns by second partner, customs procedure or mode of transport (their totals are kept),
sub-flows of imports and exports (domestic exports, processing trade), commodity subtotals (see
:func:`analysis.loaders.checks.select_commodity_level`), partners that are not one country
("Areas, nes", bunkers, free zones), and rows without a value. World (partner code 0, ``W00``) is
kept as partner ``WLD``, never added to a pair. Re-exports and re-imports are kept as their own
flows: in Comtrade they are already part of exports and imports, so never add them.
"""

import json
from os import PathLike
from pathlib import Path

import pandas as pd

from analysis.loaders import checks
from analysis.loaders.reading import read_csv_rows
from analysis.loaders.schema import TradeDataError, set_read_notes
from analysis.reference.codes import iso3_from_numeric, iso3_from_text

SOURCE_PLUS = "UN Comtrade+ (comtradeplus.un.org)"
SOURCE_LEGACY = "UN Comtrade (legacy comtrade.un.org)"
FLOWS = {"M": "imports", "X": "exports", "RM": "re_imports", "RX": "re_exports"}
# Comtrade+ flows that are parts of imports or exports: adding them would count trade twice.
SUB_FLOWS = {
    "DX": "domestic exports",
    "FM": "foreign imports",
    "MIP": "imports for inward processing",
    "XIP": "exports after inward processing",
    "MOP": "imports after outward processing",
    "XOP": "exports for outward processing",
}
# A flow as files write it (lower case) → its Comtrade+ code: the codes themselves, the legacy
# numbers (1 import, 2 export, 3 re-export, 4 re-import) and the words of the description column.
FLOW_WRITINGS = {code.lower(): code for code in [*FLOWS, *SUB_FLOWS]} | {
    "1": "M",
    "2": "X",
    "3": "RX",
    "4": "RM",
    "import": "M",
    "imports": "M",
    "export": "X",
    "exports": "X",
    "re-export": "RX",
    "re-exports": "RX",
    "re-import": "RM",
    "re-imports": "RM",
    "domestic export": "DX",
    "domestic exports": "DX",
    "foreign import": "FM",
    "foreign imports": "FM",
}
FLOW_HINT = (
    "expected a flow code (M, X, RM, RX; sub-flows DX, FM, MIP, XIP, MOP, XOP), a legacy number "
    "(1 import, 2 export, 3 re-export, 4 re-import) or a word (Import, Export, Re-export, "
    "Re-import)"
)
# Breakdown field (lower case) → (the code of its total row, what it breaks down). A row is a
# "total row" when every breakdown field it has is empty or this code: the one definition of it,
# shared with the bulk reader (analysis.bulk).
BREAKDOWN_TOTALS = {
    "partner2code": ("0", "second partner"),
    "customscode": ("C00", "customs procedure"),
    "motcode": ("0", "mode of transport"),
}
# Legacy and 2012-era bulk headers → Comtrade+ field names (lower case).
LEGACY_NAMES = {
    "classification": "classificationcode",
    "year": "refyear",
    "period": "period",
    "trade flow code": "flowcode",
    "trade flow": "flowdesc",
    "reporter code": "reportercode",
    "reporter iso": "reporteriso",
    "partner code": "partnercode",
    "partner iso": "partneriso",
    "2nd partner code": "partner2code",
    "customs proc. code": "customscode",
    "mode of transport code": "motcode",
    "commodity code": "cmdcode",
    "trade value (us$)": "primaryvalue",
    "value": "primaryvalue",
}
LAYOUT_NAMES = {
    "plus": "UN Comtrade+",
    "legacy": "legacy UN Comtrade CSV",
    "bulk2012": "UN Comtrade bulk CSV (2012-era, 'Value' column)",
}


def is_total_row(raw: pd.DataFrame) -> pd.Series:
    """Tell which rows are total rows of every breakdown (see ``BREAKDOWN_TOTALS``).

    Args:
        raw: Rows with Comtrade+ field names in lower case, as text.

    Returns:
        Booleans aligned with ``raw``.
    """
    total = pd.Series(True, index=raw.index)
    for field, (code, _) in BREAKDOWN_TOTALS.items():
        if field in raw.columns:
            value = raw[field].str.strip().str.upper()
            total &= value.eq("") | value.eq(code)
    return total


def _iso3(iso: pd.Series, code: pd.Series) -> pd.Series:
    """ISO3 from the ISO column if known (``W00`` → WLD), else from the numeric code, else None."""
    return iso3_from_text(iso).fillna(iso3_from_numeric(code)).astype(object)


def _period(
    raw: pd.DataFrame, lines: pd.Series, file: str, names: dict[str, str], problems: pd.Series
) -> pd.Series:
    """Canonical period from ``period`` ("2023" or "202304"), else ``refYear`` (+ ``refMonth``)."""
    if "period" in raw.columns and raw["period"].str.strip().ne("").all():
        text = raw["period"].str.strip()
        bad = ~text.str.fullmatch(r"\d{4}(\d{2})?")
        checks.first_bad(
            bad, text, lines, file, names["period"], "not a period (YYYY or YYYYMM):", "", problems
        )
        period = text.str[:4].where(text.str.len().eq(4), text.str[:4] + "-" + text.str[4:])
        return period.where(~bad, None)
    checks.require_columns(raw, ["refyear"], file, "Comtrade")
    year = raw["refyear"].str.strip()
    bad = ~year.str.fullmatch(r"\d{4}")
    checks.first_bad(bad, year, lines, file, names["refyear"], "not a year:", "", problems)
    if "freqcode" in raw.columns and "refmonth" in raw.columns:
        month = raw["refmonth"].str.strip().str.zfill(2)
        monthly = raw["freqcode"].str.strip().eq("M")
        year = year.where(~monthly, year + "-" + month)
    return year.where(~bad, None)


def _flow_codes(raw: pd.DataFrame, names: dict[str, str]) -> tuple[pd.Series, pd.Series]:
    """Comtrade+ flow codes from the code column, else the description (legacy "0" + "X").

    Returns:
        The codes (None where unknown), and the column (as the file names it) each row's flow
        was read from, for messages.
    """
    code = pd.Series(None, index=raw.index, dtype=object)
    column = pd.Series("", index=raw.index, dtype=object)
    open_ = pd.Series(True, index=raw.index)  # rows whose flow the next column may give
    for field in ("flowcode", "flowdesc"):
        if field in raw.columns:
            text = raw[field].str.strip()
            mapped = text.str.lower().map(FLOW_WRITINGS)
            code[open_ & mapped.notna()] = mapped[open_ & mapped.notna()]
            column[open_] = field
            # legacy files write code 0 (or nothing) and the flow in words: read the next column
            open_ &= mapped.isna() & text.isin(["", "0"])
    return code, column


def _to_canonical(
    raw: pd.DataFrame,
    lines: pd.Series,
    file: str,
    layout: str,
    problems: pd.Series,
    strict: bool,
) -> tuple[pd.DataFrame, list[str]]:
    """Turn rows with Comtrade+ or legacy field names into the canonical table and its notes."""
    names = _original_names(raw)
    raw = raw.rename(columns=str.lower)
    if layout != "plus":
        raw = raw.rename(columns=LEGACY_NAMES)
        names = {LEGACY_NAMES.get(k, k): v for k, v in names.items()}
    label = LAYOUT_NAMES[layout]
    if "flowcode" not in raw.columns and "flowdesc" not in raw.columns:
        checks.require_columns(raw, ["flowcode"], file, label)
    checks.require_columns(raw, ["cmdcode", "primaryvalue"], file, label)
    for field in ("reporter", "partner"):
        if f"{field}iso" not in raw.columns and f"{field}code" not in raw.columns:
            raise TradeDataError(
                f"{file}: no {field} column ({field}ISO or {field}Code) for the {label} layout"
            )
        for suffix in ("iso", "code"):
            if f"{field}{suffix}" not in raw.columns:
                raw[f"{field}{suffix}"] = ""
    is_hs = pd.Series(True, index=raw.index)
    if "classificationcode" in raw.columns:
        classification = raw["classificationcode"].str.strip().str.upper()
        is_hs = classification.str.startswith("H") | classification.eq("")
        checks.first_bad(
            ~is_hs,
            classification,
            lines,
            file,
            names["classificationcode"],
            "not an HS classification:",
            "this tool reads the Harmonized System (HS): download the data in HS (SITC and BEC "
            "are not mapped)",
            problems,
        )
    codes, flow_field = _flow_codes(raw, names)
    for field in ("flowcode", "flowdesc"):
        if field in raw.columns:
            bad = codes.isna() & flow_field.eq(field)
            checks.first_bad(
                bad, raw[field], lines, file, names[field], "unknown flow", FLOW_HINT, problems
            )
    cmd, padding = checks.normalize_commodity_codes(
        raw["cmdcode"].str.strip().str.upper(), lines, file, names["cmdcode"], problems
    )
    table = pd.DataFrame(
        {
            "reporter_iso3": _iso3(raw["reporteriso"], raw["reportercode"]),
            "partner_iso3": _iso3(raw["partneriso"], raw["partnercode"]),
            "period": _period(raw, lines, file, names, problems),
            "flow": codes.map(FLOWS),
            "commodity_code": cmd,
            "value_usd": checks.parse_values(
                raw["primaryvalue"], lines, file, names["primaryvalue"], problems
            ),
            "source": SOURCE_PLUS if layout == "plus" else SOURCE_LEGACY,
            "file": file,
        }
    )
    reason = pd.Series(None, index=raw.index, dtype=object)
    total_row = is_total_row(raw)
    for field, (total, what) in BREAKDOWN_TOTALS.items():
        if field in raw.columns:
            value = raw[field].str.strip().str.upper()
            reason[value.ne("") & value.ne(total) & reason.isna()] = (
                f"breakdown by {what} (its total row is kept)"
            )
    sub_flow = codes.isin(list(SUB_FLOWS))
    reason[sub_flow & reason.isna()] = (
        "sub-flow " + codes + " (" + codes.map(SUB_FLOWS) + ") is part of imports or exports"
    )
    reason[table["reporter_iso3"].isna() & reason.isna()] = (
        "reporter is not a country or group of the reference table ("
        + raw["reporteriso"]
        + " "
        + raw["reportercode"]
        + ")"
    )
    reason[table["partner_iso3"].isna() & reason.isna()] = (
        "partner is not one country (" + raw["partneriso"] + " " + raw["partnercode"] + ")"
    )
    reason[table["value_usd"].isna() & reason.isna() & problems.isna()] = (
        f"empty value ({names['primaryvalue']})"
    )
    _flag_orphan_breakdowns(table.assign(flow=codes), lines, total_row, problems)
    kept = reason.isna() & problems.isna()
    checks.check_duplicates(table[kept], lines, file, problems)
    kept = reason.isna() & problems.isna()
    level_reason = checks.select_commodity_level(table[kept])
    reason[level_reason.index] = level_reason
    notes = [padding] if padding else []
    return checks.finish(table, reason, lines, file, problems, strict), notes


def _original_names(raw: pd.DataFrame) -> dict[str, str]:
    """Lower-cased field name → the header as written in the file (for error messages)."""
    return {c.lower(): c for c in raw.columns}


def _flag_orphan_breakdowns(
    table: pd.DataFrame, lines: pd.Series, total_row: pd.Series, problems: pd.Series
) -> None:
    """Mark breakdown rows whose key (with the file's own flow code) has no total row."""
    key = checks.KEY_COLUMNS
    totals = pd.MultiIndex.from_frame(table.loc[total_row, key].astype(str))
    broken = table.loc[~total_row, key].astype(str)
    orphan = pd.Series(~pd.MultiIndex.from_frame(broken).isin(totals), index=broken.index)
    rows = orphan[orphan].index
    free = problems.index.isin(rows) & problems.isna()
    problems[free] = (
        "a breakdown (second partner, customs procedure or mode of transport) without its "
        "total row; download with partner2Code=0, customsCode=C00 and motCode=0, or add the total"
    )


def _layout_of(columns: list[str]) -> str:
    """``plus``, ``legacy`` or ``bulk2012`` from a file's header."""
    lower = {c.lower() for c in columns}
    if "trade value (us$)" in lower:
        return "legacy"
    if "value" in lower and "commodity code" in lower:
        return "bulk2012"
    return "plus"


def load_comtrade_csv(path: str | PathLike, *, strict: bool = True) -> pd.DataFrame:
    """Load a Comtrade+ portal CSV, a legacy UN Comtrade CSV or a 2012-era bulk CSV.

    The layout is told from the header. Comtrade+ headers may be camelCase (``flowCode``) or
    PascalCase (``FlowCode``); a trailing delimiter on every line is accepted. Values are
    ``primaryValue`` (legacy: ``Trade Value (US$)``; 2012-era bulk: ``Value``), US dollars;
    reporter and partner come from the ISO columns or from the numeric codes (reference table).
    The encoding (UTF-8, else Windows-1252/Latin-1) is detected and recorded in the read notes.

    Args:
        path: The CSV file.
        strict: Raise on the first bad row; when False, bad rows are listed in the exclusions
            with ``is_error`` True and the caller decides (see ``tidy.load_trade_files``).

    Returns:
        The canonical trade table (US$); its exclusions (``schema.exclusions_of``) have ``line``
        = file line; its read notes (``schema.read_notes_of``) say layout, encoding and notes.

    Raises:
        TradeDataError: Missing columns, an unreadable file, or (strict) the first bad row:
            unknown flow or commodity codes, bad values, duplicated keys, naming file, line and
            column.
    """
    rows = read_csv_rows(path)
    layout = _layout_of(list(rows.raw.columns))
    name = Path(path).name
    table, notes = _to_canonical(rows.raw, rows.lines, name, layout, rows.problems.copy(), strict)
    return set_read_notes(
        table,
        [
            {
                "file": name,
                "layout": LAYOUT_NAMES[layout] + " CSV" * (layout == "plus"),
                "encoding": rows.encoding,
                "notes": notes,
            }
        ],
    )


def load_comtrade_json(path: str | PathLike, *, strict: bool = True) -> pd.DataFrame:
    """Load a Comtrade+ API v1 response (``{"data": [...]}``) saved as a JSON file.

    Args:
        path: The JSON file.
        strict: As for :func:`load_comtrade_csv`.

    Returns:
        The canonical trade table (US$); its exclusions (``schema.exclusions_of``) have ``line``
        = record number in ``data``, from 1.

    Raises:
        TradeDataError: Not JSON (or nested too deeply), no ``data`` list, no records, or any
            problem :func:`load_comtrade_csv` raises.
    """
    name = Path(path).name
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise TradeDataError(f"{path}: no such file") from None
    except RecursionError:
        raise TradeDataError(
            f"{name}: cannot read as JSON (nested too deeply); a Comtrade+ API response is "
            '{"data": [{...}, ...]}'
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TradeDataError(f"{name}: cannot read as JSON ({error})") from None
    records = document.get("data") if isinstance(document, dict) else None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise TradeDataError(
            f'{name}: not a Comtrade+ API response: expected {{"data": [{{...}}, ...]}}'
        )
    if not records:
        detail = document.get("error") or f"count {document.get('count', 0)}: nothing matched"
        raise TradeDataError(f"{name}: the response has no data records ({detail})")
    nested = [k for r in records for k, v in r.items() if isinstance(v, (dict, list))]
    if nested:
        raise TradeDataError(
            f"{name}: record field {nested[0]!r} holds a nested object, not a value; "
            "a Comtrade+ API response has flat records"
        )
    raw = pd.DataFrame(records).map(lambda v: "" if v is None else str(v)).astype(str)
    lines = pd.Series(raw.index + 1, index=raw.index, name="record")
    problems = pd.Series(None, index=raw.index, dtype=object)
    table, notes = _to_canonical(raw, lines, name, "plus", problems, strict)
    return set_read_notes(
        table,
        [{"file": name, "layout": "UN Comtrade+ API JSON", "encoding": "UTF-8", "notes": notes}],
    )


def load_comtrade(path: str | PathLike, *, strict: bool = True) -> pd.DataFrame:
    """Load any UN Comtrade file: ``.json`` as an API response, anything else as CSV.

    Args:
        path: The file.
        strict: As for :func:`load_comtrade_csv`.

    Returns:
        The canonical trade table (US$), as :func:`load_comtrade_json` or
        :func:`load_comtrade_csv` returns it.

    Raises:
        TradeDataError: As those two loaders.
    """
    if Path(path).suffix.lower() == ".json":
        return load_comtrade_json(path, strict=strict)
    return load_comtrade_csv(path, strict=strict)
