"""A long text read in parts: runs of whole paragraphs, each read as a document of its own.

No news article is near ``PART_CHARS`` long (a long feature is about 30,000 characters); a text
beyond it is a collection (a day's wire, a scraped archive), and what a reader keeps in mind for a
document (its dateline, lead countries, main year, whether it counts in fiscal years) belongs to
the article around a figure, not to the whole collection. So such a text is cut at blank lines into
parts of about ``PART_CHARS``, each part is read alone, in worker processes when the machine has
more than one core, and the tables are joined with offsets and ids into the whole text. Time stays
linear and the memory of the reading is that of one part per worker.
"""

import functools
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

import pandas as pd

from analysis.loaders.news.mentions import Mentions
from analysis.loaders.news.schema import UNREADABLE_COLUMNS
from analysis.loaders.news.tables import parse_document

# Characters from which a text is read in parts (and about the size of each part).
PART_CHARS = 500_000

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# A line that closes a sentence or heading, then a break: where a text without blank lines is cut.
_CLOSED_BREAK = re.compile(r"[.!?:;\"'”’)\]][^\S\n]*\n")

T = TypeVar("T")
Tables = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]


def split_parts(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts covering ``text``, each of ``size`` characters or more.

    ``size`` is ``PART_CHARS`` unless given.

    A part ends at the first blank line after ``size`` characters, else at the first line break
    after a closed line; a text with neither after that point stays one part (reading is linear).
    """
    size = PART_CHARS if size is None else size
    parts, start = [], 0
    while len(text) - start > size:
        cut = _BLANK_LINE.search(text, start + size) or _CLOSED_BREAK.search(text, start + size)
        if cut is None or cut.end() >= len(text):
            break
        parts.append((start, cut.end()))
        start = cut.end()
    parts.append((start, len(text)))
    return parts


def read_tables(name: str, text: str) -> Tables:
    """(figures, claims, unreadable) of one text read as one document, offsets into ``text``."""
    mentions = Mentions(name, text)
    figures, claims = parse_document(mentions)
    unreadable = pd.DataFrame(
        [(text[u.start : u.end], u.start, u.end, u.reason) for u in mentions.unreadable],
        columns=list(UNREADABLE_COLUMNS),
    )
    return figures, claims, unreadable


def read_in_parts(name: str, text: str, workers: int | None = None) -> Tables:
    """(figures, claims, unreadable) of ``text``, read in parts when it is over ``PART_CHARS``.

    Args:
        name: The document's name (every row's ``document``).
        text: The whole (normalised) text.
        workers: Processes reading parts at once; default one per available core. 1 reads them in
            this process.

    Returns:
        The tables as ``read_tables`` gives them for one document: figure and claim ids numbered
        through the whole text, offsets into it.
    """
    cuts = split_parts(text)
    if len(cuts) == 1:
        return read_tables(name, text)
    pieces = ((name, text[start:end]) for start, end in cuts)
    tables = map_parts(read_tables, pieces, len(cuts), workers)
    figures, claims, unreadable = [], [], []
    figure_base = claim_base = 0
    for (part_figures, part_claims, part_unreadable), (offset, _) in zip(tables, cuts, strict=True):
        moved = {"start": offset, "end": offset}
        figures.append(shift(part_figures, {**moved, "figure_id": figure_base}))
        tied = {"value_figure_id": figure_base, "base_figure_id": figure_base}
        claims.append(shift(part_claims, {**moved, "claim_id": claim_base, **tied}))
        unreadable += [
            (quote, start + offset, end + offset, reason)
            for quote, start, end, reason in part_unreadable.itertuples(index=False)
        ]
        figure_base += len(part_figures)
        claim_base += len(part_claims)
    return (
        pd.concat(figures, ignore_index=True),
        pd.concat(claims, ignore_index=True),
        pd.DataFrame(unreadable, columns=list(UNREADABLE_COLUMNS)),
    )


def map_parts(
    function: Callable[..., T], arguments: Iterable[tuple], count: int, workers: int | None
) -> list[T]:
    """``function(*a)`` for each of the ``count`` tuples ``a`` of ``arguments``, in order.

    In worker processes when there are several parts and cores: they are forked (they import
    nothing again and never run the caller's main module) and take ``arguments`` one at a time, so
    a generator of them is never held whole. Where processes cannot be forked, or with one core or
    ``workers`` 1, the calls run in this process.
    """
    workers = min(count, workers or _cores())
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(*argument) for argument in arguments]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return list(pool.imap(functools.partial(_call, function), arguments, chunksize=1))


def _call(function: Callable[..., T], arguments: tuple) -> T:
    return function(*arguments)


def shift(table: pd.DataFrame, by: dict[str, int]) -> pd.DataFrame:
    """``table`` with ``by[column]`` added to a column's numbers.

    In columns of objects, None (no figure tied) stays None and a tuple of ids has each shifted.
    """
    table = table.copy()
    for column, amount in by.items():
        if table[column].dtype != object:
            table[column] = table[column] + amount
            continue
        table[column] = pd.Series(
            [_plus(value, amount) for value in table[column]], dtype=object, index=table.index
        )
    return table


def _plus(value: object, amount: int) -> object:
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(item + amount for item in value)
    return value + amount


def _cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
