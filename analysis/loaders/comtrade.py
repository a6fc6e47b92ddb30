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
import pycountry

from analysis.loaders import checks
from analysis.loaders.schema import WORLD_ISO3, TradeDataError

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
_LEGACY_FLOWS = {
    "1": "M",
    "2": "X",
    "3": "RX",
    "4": "RM",
    "import": "M",
    "export": "X",
    "re-export": "RX",
    "re-import": "RM",
}
# Legacy headers → Comtrade+ field names (lower case).
_LEGACY_NAMES = {
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
}
# M49 codes Comtrade uses where ISO 3166 has another number.
_M49_OVERRIDES = {
    "0": WORLD_ISO3,
    "842": "USA",
    "251": "FRA",
    "699": "IND",
    "757": "CHE",
    "579": "NOR",
}
_WORLD_CODES = {"W00", "WLD"}
# (field, value of the total): breakdown rows other than these totals are left out.
_BREAKDOWNS = {
    "partner2code": ("0", "second partner"),
    "customscode": ("C00", "customs procedure"),
    "motcode": ("0", "mode of transport"),
}


def _original_names(raw: pd.DataFrame) -> dict[str, str]:
    """Lower-cased field name → the header as written in the file (for error messages)."""
    return {c.lower(): c for c in raw.columns}


def _iso3(iso: pd.Series, code: pd.Series) -> pd.Series:
    """ISO3 from the ISO column if valid (``W00`` → WLD), else from the M49 code, else None."""
    iso = iso.str.strip().str.upper().replace(dict.fromkeys(_WORLD_CODES, WORLD_ISO3))
    from_iso = iso.where(checks.is_iso3(iso))
    digits = code.str.strip().str.lstrip("0").replace("", "0")
    numeric = {c.numeric.lstrip("0"): c.alpha_3 for c in pycountry.countries} | _M49_OVERRIDES
    from_code = digits.map(numeric).where(code.str.strip().str.fullmatch(r"\d+"))
    return from_iso.fillna(from_code).astype(object).where(lambda s: s.notna(), None)


def _period(raw: pd.DataFrame, lines: pd.Series, file: str, names: dict[str, str]) -> pd.Series:
    """Canonical period from ``period`` ("2023" or "202304"), else ``refYear`` (+ ``refMonth``)."""
    if "period" in raw.columns and raw["period"].str.strip().ne("").all():
        text = raw["period"].str.strip()
        checks.first_bad(
            ~text.str.fullmatch(r"\d{4}(\d{2})?"),
            text,
            lines,
            file,
            names["period"],
            "not a period (YYYY or YYYYMM):",
        )
        return text.str[:4].where(text.str.len().eq(4), text.str[:4] + "-" + text.str[4:])
    checks.require_columns(raw, ["refyear"], file, "Comtrade")
    year = raw["refyear"].str.strip()
    checks.first_bad(
        ~year.str.fullmatch(r"\d{4}"), year, lines, file, names["refyear"], "not a year:"
    )
    if "freqcode" in raw.columns and "refmonth" in raw.columns:
        month = raw["refmonth"].str.strip().str.zfill(2)
        monthly = raw["freqcode"].str.strip().eq("M")
        return year.where(~monthly, year + "-" + month)
    return year


def _flow_codes(raw: pd.DataFrame, legacy: bool) -> tuple[pd.Series, str]:
    """Comtrade+ flow codes (M, X, RM, RX, …) and the field they came from."""
    if not legacy:
        return raw["flowcode"].str.strip().str.upper(), "flowcode"
    field = "flowcode" if "flowcode" in raw.columns else "flowdesc"
    text = raw[field].str.strip().str.lower()
    return text.map(_LEGACY_FLOWS).fillna("?" + text), field


def _to_canonical(raw: pd.DataFrame, lines: pd.Series, file: str, legacy: bool) -> pd.DataFrame:
    """Turn rows with Comtrade+ field names (lower case) into the canonical table and exclusions."""
    names = _original_names(raw)
    raw = raw.rename(columns=str.lower)
    if legacy:
        raw = raw.rename(columns=_LEGACY_NAMES)
        names = {_LEGACY_NAMES.get(k, k): v for k, v in names.items()}
    flow_field = "flowcode" if not legacy or "flowcode" in raw.columns else "flowdesc"
    layout = "legacy UN Comtrade CSV" if legacy else "Comtrade+"
    checks.require_columns(raw, ["cmdcode", "primaryvalue", flow_field], file, layout)
    for field in ("reporter", "partner"):
        if f"{field}iso" not in raw.columns and f"{field}code" not in raw.columns:
            raise TradeDataError(
                f"{file}: no {field} column ({field}ISO or {field}Code) for the {layout} layout"
            )
        for suffix in ("iso", "code"):
            if f"{field}{suffix}" not in raw.columns:
                raw[f"{field}{suffix}"] = ""
    if "classificationcode" in raw.columns:
        classification = raw["classificationcode"].str.strip().str.upper()
        checks.first_bad(
            ~classification.str.startswith("H") & classification.ne(""),
            classification,
            lines,
            file,
            names["classificationcode"],
            "not an HS classification:",
            "download the data in the Harmonized System (HS)",
        )
    codes, flow_field = _flow_codes(raw, legacy)
    known = codes.isin(list(FLOWS) + list(SUB_FLOWS))
    checks.first_bad(
        ~known,
        raw[flow_field],
        lines,
        file,
        names[flow_field],
        "unknown flow code",
        "expected M, X, RM or RX (legacy: 1 import, 2 export, 3 re-export, 4 re-import)",
    )
    reporter = _iso3(raw["reporteriso"], raw["reportercode"])
    reporter_field = names.get("reporteriso", names.get("reportercode"))
    checks.first_bad(
        reporter.isna(),
        raw["reporteriso"] + " " + raw["reportercode"],
        lines,
        file,
        reporter_field,
        "reporter is not a country with an ISO3 code:",
    )
    cmd = raw["cmdcode"].str.strip().str.upper()
    checks.check_commodity_codes(cmd, lines, file, names["cmdcode"])
    table = pd.DataFrame(
        {
            "reporter_iso3": reporter,
            "partner_iso3": _iso3(raw["partneriso"], raw["partnercode"]),
            "period": _period(raw, lines, file, names),
            "flow": codes.map(FLOWS),
            "commodity_code": cmd,
            "value_usd": checks.parse_values(
                raw["primaryvalue"], lines, file, names["primaryvalue"]
            ),
            "source": SOURCE_LEGACY if legacy else SOURCE_PLUS,
            "file": file,
        }
    )
    reason = pd.Series(None, index=raw.index, dtype=object)
    for field, (total, label) in _BREAKDOWNS.items():
        if field in raw.columns:
            value = raw[field].str.strip()
            reason[value.ne("") & value.ne(total) & reason.isna()] = (
                f"breakdown by {label} (its total row is kept)"
            )
    breakdown = reason.notna()
    sub_flow = codes.isin(list(SUB_FLOWS))
    reason[sub_flow & reason.isna()] = (
        "sub-flow " + codes + " (" + codes.map(SUB_FLOWS) + ") is part of imports or exports"
    )
    reason[table["partner_iso3"].isna() & reason.isna()] = (
        "partner is not one country (" + raw["partneriso"] + " " + raw["partnercode"] + ")"
    )
    reason[table["value_usd"].isna() & reason.isna()] = f"empty value ({names['primaryvalue']})"
    kept = reason.isna()
    _check_breakdown_totals(table, lines, file, breakdown, kept)
    checks.check_duplicates(table[kept], lines, file)
    level_reason = checks.select_commodity_level(table[kept])
    reason[level_reason.index] = level_reason
    return checks.finish(table, reason, lines, file)


def _check_breakdown_totals(
    table: pd.DataFrame, lines: pd.Series, file: str, breakdown: pd.Series, kept: pd.Series
) -> None:
    """Raise when breakdown rows are left out but their key has no total row to keep instead."""
    key = checks.KEY_COLUMNS
    totals = pd.MultiIndex.from_frame(table.loc[kept, key].astype(str))
    broken = table.loc[breakdown, key].astype(str)
    orphan = ~pd.MultiIndex.from_frame(broken).isin(totals)
    if orphan.any():
        row = broken.index[orphan][0]
        raise TradeDataError(
            f"{file}: {lines.name} {int(lines[row])}: a breakdown (second partner, customs "
            "procedure or mode of transport) without its total row; download with "
            "partner2Code=0, customsCode=C00 and motCode=0, or add the total"
        )


def load_comtrade_csv(path: str | PathLike) -> pd.DataFrame:
    """Load a Comtrade+ portal CSV or a legacy UN Comtrade CSV (told apart by their headers).

    Comtrade+ headers may be camelCase (``flowCode``) or PascalCase (``FlowCode``); a trailing
    delimiter on every line is accepted. Values are ``primaryValue`` (legacy: ``Trade Value
    (US$)``), US dollars; reporter and partner come from the ISO columns or from the M49 numeric
    codes.

    Args:
        path: The CSV file.

    Returns:
        The canonical trade table (US$); its exclusions (``schema.exclusions_of``) have ``line``
        = file line.

    Raises:
        TradeDataError: Missing columns, unknown flow or commodity codes, bad values, duplicated
            keys, naming the file, line and column.
    """
    raw, lines = checks.read_csv_text(path)
    legacy = "trade value (us$)" in {c.lower() for c in raw.columns}
    return _to_canonical(raw, lines, Path(path).name, legacy)


def load_comtrade_json(path: str | PathLike) -> pd.DataFrame:
    """Load a Comtrade+ API v1 response (``{"data": [...]}``) saved as a JSON file.

    Args:
        path: The JSON file.

    Returns:
        The canonical trade table (US$); its exclusions (``schema.exclusions_of``) have ``line``
        = record number in ``data``, from 1.

    Raises:
        TradeDataError: Not JSON, no ``data`` list, or any problem :func:`load_comtrade_csv` raises.
    """
    name = Path(path).name
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise TradeDataError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TradeDataError(f"{name}: cannot read as JSON ({error})") from None
    records = document.get("data") if isinstance(document, dict) else None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise TradeDataError(
            f'{name}: not a Comtrade+ API response: expected {{"data": [{{...}}, ...]}}'
        )
    if not records:
        raise TradeDataError(
            f"{name}: the response has no data records ({document.get('error') or 'empty'})"
        )
    raw = pd.DataFrame(records).map(lambda v: "" if v is None else str(v)).astype(str)
    lines = pd.Series(raw.index + 1, index=raw.index, name="record")
    return _to_canonical(raw, lines, name, legacy=False)


def load_comtrade(path: str | PathLike) -> pd.DataFrame:
    """Load any UN Comtrade file: ``.json`` as an API response, anything else as CSV.

    Args:
        path: The file.

    Returns:
        The canonical trade table (US$), as :func:`load_comtrade_json` or
        :func:`load_comtrade_csv` returns it.

    Raises:
        TradeDataError: As those two loaders.
    """
    if Path(path).suffix.lower() == ".json":
        return load_comtrade_json(path)
    return load_comtrade_csv(path)
