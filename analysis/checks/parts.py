"""A text read in parts (``analysis.loaders.news.parts``) is checked part by part, as it was read.

Each part is a document of its own: its claims are checked against its own figures only. A part's
document is built only when its turn comes, and its check hands back only what checking adds (the
corrected values, the claims' result columns, the ``total`` rows, the corrections), so the figures
and claims tables are never held twice. The results are joined with offsets and ids into the
whole text, stated claims first and then every part's ``total`` rows, numbered on, as for one
document.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pandas as pd

from analysis.loaders.news.parts import shift, split_parts

if TYPE_CHECKING:
    from analysis.checks import Reconciliation
    from analysis.loaders.news import NewsDocument


@dataclasses.dataclass(frozen=True)
class Part:
    """One part of a document: its text span and its first figure and claim in the whole."""

    start: int  # offset of the part's first character in the whole text
    end: int
    first_figure: int  # id in the whole of the part's first figure
    first_claim: int  # id in the whole of the part's first stated claim


@dataclasses.dataclass(frozen=True)
class PartChecked:
    """What checking a part adds to its tables (ids and offsets the part's own)."""

    corrected_value_usd: list[float]  # one per figure, in order
    results: pd.DataFrame  # the result columns of its stated claims, in order
    totals: pd.DataFrame  # its ``total`` rows, every column
    corrections: pd.DataFrame


def split_document(doc: NewsDocument) -> list[Part]:
    """The parts of ``doc`` as ``load_news`` read them (one part for a text under PART_CHARS)."""
    parts, first_figure, first_claim = [], 0, 0
    figure_starts = pd.to_numeric(doc.figures["start"])
    claim_starts = pd.to_numeric(doc.claims["start"])
    for start, end in split_parts(doc.text):
        parts.append(Part(start, end, first_figure, first_claim))
        first_figure += int(((figure_starts >= start) & (figure_starts < end)).sum())
        first_claim += int(((claim_starts >= start) & (claim_starts < end)).sum())
    return parts


def part_documents(doc: NewsDocument, parts: list[Part]) -> Iterator[NewsDocument]:
    """Each part's document, offsets and ids from 0, built one at a time."""
    for part in parts:
        back = {"start": -part.start, "end": -part.start}
        tied = {"value_figure_id": -part.first_figure, "base_figure_id": -part.first_figure}
        yield dataclasses.replace(
            doc,
            text=doc.text[part.start : part.end],
            figures=shift(_within(doc.figures, part), {**back, "figure_id": -part.first_figure}),
            claims=shift(
                _within(doc.claims, part), {**back, "claim_id": -part.first_claim, **tied}
            ),
            unreadable=shift(_within(doc.unreadable, part), back),
        )


def checked_part(result: Reconciliation, stated: int) -> PartChecked:
    """What a part's ``Reconciliation`` adds, its first ``stated`` claims rows being stated."""
    from analysis.checks import RESULT_COLUMNS

    return PartChecked(
        result.figures["corrected_value_usd"].tolist(),
        result.claims.iloc[:stated][list(RESULT_COLUMNS)].reset_index(drop=True),
        result.claims.iloc[stated:].reset_index(drop=True),
        result.corrections,
    )


def join_results(
    doc: NewsDocument, parts: list[Part], checked: list[PartChecked]
) -> Reconciliation:
    """The parts' checks as one ``Reconciliation`` of the whole text."""
    from analysis.checks import Reconciliation

    results, totals, corrections = [], [], []
    for part, done in zip(parts, checked, strict=True):
        moved = {"start": part.start, "end": part.start}
        ids = part.first_figure
        results.append(shift(done.results, {"figure_ids": ids}))
        tied = {"value_figure_id": ids, "base_figure_id": ids, "figure_ids": ids}
        totals.append(shift(done.totals, {**moved, **tied}))
        corrections.append(shift(done.corrections, {**moved, "figure_id": ids}))
    corrected = [value for done in checked for value in done.corrected_value_usd]
    figures = doc.figures.reset_index(drop=True).assign(corrected_value_usd=corrected)
    stated = pd.concat(
        [doc.claims.reset_index(drop=True), pd.concat(results, ignore_index=True)], axis=1
    )
    total_rows = pd.concat(totals, ignore_index=True)
    first_total = 1 + int(stated["claim_id"].max()) if len(stated) else 0
    total_rows["claim_id"] = range(first_total, first_total + len(total_rows))
    return Reconciliation(
        figures,
        pd.concat([stated, total_rows], ignore_index=True),
        pd.concat(corrections, ignore_index=True),
    )


def _within(table: pd.DataFrame, part: Part) -> pd.DataFrame:
    """Rows of ``table`` whose span starts in the part, index from 0."""
    starts = pd.to_numeric(table["start"])
    return table[(starts >= part.start) & (starts < part.end)].reset_index(drop=True)
