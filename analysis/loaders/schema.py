"""The canonical trade table every official-statistics loader returns, and its one validation."""

import pandas as pd
import pandera.pandas as pa

TRADE_COLUMNS = (
    "reporter_iso3",
    "partner_iso3",
    "period",
    "flow",
    "commodity_code",
    "value_usd",
    "source",
    "file",
)
TRADE_FLOWS = ("exports", "imports", "re_exports", "re_imports")
ALL_GOODS = "TOTAL"
WORLD_ISO3 = "WLD"

_CODE = r"^[A-Z][A-Z0-9]{2}$"
_PERIOD = r"^\d{4}(-(H[12]|Q[1-4]|\d{2}))?(/\d{4}(-\d{2})?)?$"

TRADE_SCHEMA = pa.DataFrameSchema(
    {
        "reporter_iso3": pa.Column(str, pa.Check.str_matches(_CODE)),
        "partner_iso3": pa.Column(str, pa.Check.str_matches(_CODE)),
        "period": pa.Column(str, pa.Check.str_matches(_PERIOD)),
        "flow": pa.Column(str, pa.Check.isin(TRADE_FLOWS)),
        "commodity_code": pa.Column(str, pa.Check.str_length(min_value=1)),
        "value_usd": pa.Column(float, pa.Check.ge(0)),
        "source": pa.Column(str),
        "file": pa.Column(str),
    },
    unique=["reporter_iso3", "partner_iso3", "period", "flow", "commodity_code"],
    strict=False,
    ordered=True,
    coerce=False,
)


class TradeDataError(ValueError):
    """An official statistics file does not give a valid canonical trade table."""


def validate_trade_table(table: pd.DataFrame, file: str) -> pd.DataFrame:
    """Check a table against the canonical trade schema, once, at the loader boundary.

    Args:
        table: Canonical columns first (``TRADE_COLUMNS``), in order; extra columns may follow.
        file: Name of the file the table came from, for the error message.

    Returns:
        The same table, with a fresh ``RangeIndex``.

    Raises:
        TradeDataError: Naming the file, the failing column, check and first offending rows.
    """
    table = table.reset_index(drop=True)
    try:
        return TRADE_SCHEMA.validate(table, lazy=True)
    except pa.errors.SchemaErrors as error:
        cases = error.failure_cases
        lines = []
        for (column, check), group in cases.groupby(["column", "check"], sort=False, dropna=False):
            rows = sorted({int(i) for i in group["index"].dropna()})[:3]
            values = list(dict.fromkeys(group["failure_case"].astype(str)))[:3]
            if check == "multiple_fields_uniqueness":
                message = f"duplicated key {TRADE_SCHEMA.unique} at rows {rows}"
            else:
                message = f"column {column!r} fails {check} at rows {rows} (values {values})"
            if message not in lines:
                lines.append(message)
        raise TradeDataError(
            f"{file}: not a valid trade table: "
            + "; ".join(lines)
            + ". Fix the file or the loader's column mapping."
        ) from None


class _Exclusions:
    """Holds a loader's exclusions in ``attrs``: never copied, compared by content.

    pandas deep-copies ``attrs`` on every operation and compares them when concatenating; a
    DataFrame there makes the first slow and the second fail, plain tuples still cost a copy.
    """

    __slots__ = ("frame",)

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def __deepcopy__(self, memo: dict) -> "_Exclusions":
        return self

    def __copy__(self) -> "_Exclusions":
        return self

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Exclusions) and self.frame.equals(other.frame)

    __hash__ = None


def set_exclusions(table: pd.DataFrame, exclusions: pd.DataFrame) -> pd.DataFrame:
    """Record the rows a loader left out on purpose (with their reason) on the table it returns.

    They follow the table through filters and copies at no cost, and survive concatenation with
    tables that carry the same exclusions. Read them back with :func:`exclusions_of`.

    Args:
        table: The loader's table; changed in place (its ``attrs``).
        exclusions: The rows left out, e.g. ``line``, key columns and ``reason``.

    Returns:
        ``table`` itself.
    """
    table.attrs["exclusions"] = _Exclusions(exclusions.reset_index(drop=True))
    return table


def exclusions_of(table: pd.DataFrame) -> pd.DataFrame:
    """Read back the rows a loader left out of ``table`` (see :func:`set_exclusions`).

    Args:
        table: A loader's table, or one derived from it.

    Returns:
        A copy of the exclusions (columns such as ``line``, ``reason``); empty when none are set.
    """
    holder = table.attrs.get("exclusions")
    return holder.frame.copy() if holder is not None else pd.DataFrame()


class _Info:
    """Holds what a loader says about how it read a file (layout, encoding, notes) in ``attrs``."""

    __slots__ = ("items",)

    def __init__(self, items: list[dict]) -> None:
        self.items = items

    def __deepcopy__(self, memo: dict) -> "_Info":
        return self

    def __copy__(self) -> "_Info":
        return self

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Info) and self.items == other.items

    __hash__ = None


def set_read_notes(table: pd.DataFrame, notes: list[dict]) -> pd.DataFrame:
    """Record how the files of ``table`` were read: one dict per file.

    Each dict has ``file``, ``layout``, ``encoding`` (or "" for JSON) and ``notes`` (a list of
    sentences, e.g. codes padded, a scale column read as a label). Read back with
    :func:`read_notes_of`.

    Args:
        table: The loader's table; changed in place (its ``attrs``).
        notes: One dict per file.

    Returns:
        ``table`` itself.
    """
    table.attrs["read_notes"] = _Info(list(notes))
    return table


def read_notes_of(table: pd.DataFrame) -> list[dict]:
    """Read back how the files of ``table`` were read (see :func:`set_read_notes`).

    Args:
        table: A loader's table, or one derived from it.

    Returns:
        One dict per file; empty when none were recorded.
    """
    holder = table.attrs.get("read_notes")
    return [dict(item) for item in holder.items] if holder is not None else []
