"""The ``check`` subcommand: a news text's figures, checked claims and slip corrections."""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import pandas as pd
from pandas.api.types import is_numeric_dtype
from pandas.io.formats.printing import pprint_thing

from analysis.checks import Reconciliation, reconcile

if TYPE_CHECKING:
    from analysis.loaders.news import NewsDocument

FIGURE_KEYS = (
    "quote",
    "start",
    "end",
    "flow",
    "period",
    "value_usd",
    "half_width_usd",
    "reporter_iso3",
    "partner_iso3",
    "figure_id",
    "qualifier",
    "corrected_value_usd",
    "scope",
    "balance_sign",
)
CLAIM_KEYS = (
    "quote",
    "start",
    "end",
    "kind",
    "stated",
    "recomputed",
    "verdict",
    "explanation",
    "claim_id",
    "stated_low",
    "stated_high",
    "recomputed_low",
    "recomputed_high",
    "qualifier",
    "flow",
    "whole_flow",
    "period",
    "base_period",
    "figure_ids",
    "scope",
)
RECORDS_AT_ONCE = 2048  # rows turned into dicts at a time when writing (bounded memory)
UNREADABLE_KEYS = ("quote", "start", "end", "reason")
CORRECTION_KEYS = (
    "quote",
    "stated_value_usd",
    "suggested_value_usd",
    "reason",
    "figure_id",
    "start",
    "end",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``PATH`` and ``--json``."""
    parser.add_argument("path", metavar="PATH", type=Path, help="a news text file (UTF-8)")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of tables"
    )


def run(args: argparse.Namespace) -> int:
    """Check one news text and print the result on stdout.

    Returns:
        0 when the text has money figures (claims may all be ``unverifiable``); 2, with one line on
        stderr, when the file is missing, unreadable, binary, empty or has no money figures; 1, with
        one line naming the failing code line, when the reader itself fails (a bug to report).
    """
    try:
        return _check(args)
    except BrokenPipeError:  # the reader of stdout stopped early ("| head"): nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 0
    except Exception as error:  # noqa: BLE001 - a bug: one line that says where, never a traceback
        where = traceback.extract_tb(error.__traceback__)[-1]
        return _fail(
            f"internal error {type(error).__name__}: {' '.join(str(error).split())} "
            f"({Path(where.filename).name}:{where.lineno}); please report it with the text",
            args.path,
            status=1,
        )


def _check(args: argparse.Namespace) -> int:
    from analysis.loaders.news import NewsInputError, load_news

    try:
        doc = load_news(args.path)
    except (NewsInputError, OSError, UnicodeError) as error:
        return _fail(str(error), args.path)
    if doc.figures.empty:
        if not doc.unreadable.empty:
            first = doc.unreadable.iloc[0]
            return _fail(
                f'no readable money figures: "{first.quote}" at offset {first.start} is unreadable '
                f'({first.reason}); write it as one number, e.g. "$1.2 million"',
                args.path,
            )
        return _fail('no money figures found (expected amounts such as "$1.18 billion")', args.path)
    result = reconcile(doc)
    if args.json:
        write_json(doc, result, sys.stdout)
    else:
        write_tables(doc.name, result, sys.stdout)
        for row in doc.unreadable.itertuples():
            sys.stdout.write(
                f'\nUnreadable money figure: "{row.quote}" at offset {row.start} ({row.reason})'
            )
        sys.stdout.write("\n")
    return 0


def build_json(document: str, result: Reconciliation) -> dict:
    """The JSON contract: ``document``, ``figures``, ``claims``, ``corrections`` (NaN → None).

    Args:
        document: Name of the checked document.
        result: Its reconciliation.

    Returns:
        A dict of plain Python values, keys in a fixed order.
    """
    return {key: _listed(rows) for key, rows in _sections(document, result)}


def write_json(doc: NewsDocument, result: Reconciliation, out: TextIO) -> None:
    """Write ``check --json``'s object to ``out``, one record at a time, and a final newline.

    The text is ``json.dumps`` of :func:`build_json` plus ``unreadable`` (``indent=2``, non-ASCII
    kept, never NaN or infinity), byte for byte, without holding the whole object or string.

    Args:
        doc: The checked document (its name and unreadable figures).
        result: Its reconciliation.
        out: A text stream.
    """
    encode = json.JSONEncoder(ensure_ascii=False, indent=2, allow_nan=False).encode
    sections = [
        *_sections(doc.name, result),
        ("unreadable", _records(doc.unreadable, UNREADABLE_KEYS)),
    ]
    out.write("{")
    for n, (key, rows) in enumerate(sections):
        out.write(f"{',' if n else ''}\n  {encode(key)}: ")
        if isinstance(rows, str):
            out.write(encode(rows))
            continue
        opened = False
        for row in rows:
            out.write(",\n    " if opened else "[\n    ")
            out.write(_encode_record(row, encode))
            opened = True
        out.write("\n  ]" if opened else "[]")
    out.write("\n}\n")


def _encode_record(row: dict, encode: Callable[[object], str]) -> str:
    """``encode(row)`` re-indented to stand in a list of the top object (the same text, faster).

    Scalars are written as ``json`` writes them (C string escaping, ``repr`` of numbers); other
    values (lists) by ``encode`` itself. A non-finite number raises, as ``allow_nan=False`` does.
    """
    if not row:
        return "{}"
    lines = []
    for key, value in row.items():
        if isinstance(value, str):
            shown = encode_basestring(value)
        elif value is None or isinstance(value, bool):
            shown = {None: "null", True: "true", False: "false"}[value]
        elif isinstance(value, int):
            shown = int.__repr__(value)
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise ValueError(f"{key} is {value}: JSON has no such number")
            shown = float.__repr__(value)
        else:  # JSON strings hold no raw newline: every line break is the layout's
            shown = encode(value).replace("\n", "\n      ")
        lines.append(f"      {encode_basestring(key)}: {shown}")
    return "{\n" + ",\n".join(lines) + "\n    }"


def format_tables(document: str, result: Reconciliation) -> str:
    """Plain-text report: figures table, each claim with verdict and explanation, corrections.

    Args:
        document: Name of the checked document.
        result: Its reconciliation.

    Returns:
        Lines joined by newlines, without a trailing newline.
    """
    out = io.StringIO()
    write_tables(document, result, out)
    return out.getvalue()


def write_tables(document: str, result: Reconciliation, out: TextIO) -> None:
    """Write :func:`format_tables`'s text to ``out`` line by line (no trailing newline).

    Args:
        document: Name of the checked document.
        result: Its reconciliation.
        out: A text stream.
    """
    figures = result.figures
    out.write(f"Document: {document}\n\nFigures ({len(figures)})\n")
    _write_figure_table(figures, out)
    out.write(f"\n\nClaims and totals ({len(result.claims)})")
    for claim in result.claims.itertuples():
        out.write(f'\n  [{claim.verdict}] {claim.kind}: "{claim.quote}"')
        out.write(f"\n      {claim.explanation}")
    if result.claims.empty:
        out.write("\n  (no claims or totals to check)")
    out.write(f"\n\nCorrections ({len(result.corrections)})")
    for correction in result.corrections.itertuples():
        out.write(
            f'\n  "{correction.quote}": {correction.stated_value_usd:,.0f} → '
            f"{correction.suggested_value_usd:,.0f} USD"
        )
        out.write(f"\n      {correction.reason}")
    if result.corrections.empty:
        out.write("\n  (none)")


def _write_figure_table(figures: pd.DataFrame, out: TextIO) -> None:
    """``to_string`` of the figures table, written a slice at a time in the whole table's widths."""
    if len(figures) <= RECORDS_AT_ONCE:
        out.write(_figure_table(figures).to_string(index=False))
        return
    slices = [
        slice(first, first + RECORDS_AT_ONCE) for first in range(0, len(figures), RECORDS_AT_ONCE)
    ]
    widths: dict[str, int] = {}
    for rows in slices:  # first the width of each column over every row, as pandas measures it
        for column, values in _figure_table(figures.iloc[rows]).items():
            shown = (len(pprint_thing(v, escape_chars=("\t", "\r", "\n"))) for v in values)
            header = len(column) + is_numeric_dtype(values)  # pandas pads a number's header
            widths[column] = max(widths.get(column, header), *shown)
    for n, rows in enumerate(slices):
        table = _figure_table(figures.iloc[rows])
        out.write(
            ("\n" if n else "") + table.to_string(index=False, header=not n, col_space=widths)
        )


def _figure_table(figures: pd.DataFrame) -> pd.DataFrame:
    """The columns shown of the figures table, values formatted (``value_usd`` with commas)."""
    return pd.DataFrame(
        {
            "id": figures["figure_id"],
            "quote": figures["quote"],
            "flow": figures["flow"],
            "period": figures["period"].fillna(""),
            "reporter": figures["reporter_iso3"].fillna(""),
            "partner": figures["partner_iso3"].fillna(""),
            "value_usd": figures["value_usd"].map("{:,.0f}".format),
            "±usd": figures["half_width_usd"].map("{:,.0f}".format),
            "corrected_usd": [
                f"{c:,.0f}" if c != v else ""
                for c, v in zip(figures["corrected_value_usd"], figures["value_usd"], strict=True)
            ],
        }
    )


def _signed_balance(figure: dict) -> dict:
    """A balance level stated as a deficit as the value of exports − imports.

    "A $3bn deficit" is −3e9. Amounts of change ("the deficit narrowed by $200 million") and
    balances without a stated sign keep the value as written; ``balance_sign`` still says which sign
    the text gave.
    """
    if figure.get("flow") == "balance" and figure.get("balance_sign") == -1.0:
        if figure.get("scope") != "change":
            for key in ("value_usd", "corrected_value_usd"):
                if isinstance(figure.get(key), float | int):
                    figure[key] = -abs(figure[key])
    return figure


def _sections(document: str, result: Reconciliation) -> list[tuple[str, object]]:
    """(key, value) of the JSON contract: the document name, then lazy lists of records."""
    return [
        ("document", document),
        ("figures", map(_signed_balance, _records(result.figures, FIGURE_KEYS))),
        ("claims", _records(result.claims, CLAIM_KEYS)),
        ("corrections", _records(result.corrections, CORRECTION_KEYS)),
    ]


def _listed(rows: object) -> object:
    return rows if isinstance(rows, str) else list(rows)


def _records(table: pd.DataFrame, keys: tuple[str, ...]) -> Iterator[dict]:
    """Rows of ``table`` as dicts of ``keys`` (those it has), plain values, a few at a time."""
    present = [key for key in keys if key in table.columns]
    for first in range(0, len(table), RECORDS_AT_ONCE):
        for row in table.iloc[first : first + RECORDS_AT_ONCE][present].to_dict("records"):
            yield {key: _plain(row[key]) for key in present}


def _plain(value: object) -> object:
    """A JSON-ready value: numpy scalars to Python, NaN/NA/None to None, tuples to lists."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no infinity
    return value.item() if hasattr(value, "item") else value


def _fail(message: str, path: Path, status: int = 2) -> int:
    line = " ".join(message.split())
    if str(path) not in line:
        line = f"{path}: {line}"
    sys.stderr.write(f"analysis check: {line}\n")
    return status
