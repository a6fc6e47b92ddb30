"""A text read in parts (``analysis.loaders.news.parts``) is checked part by part, as it was read.

Each part is a document of its own: its claims are checked against its own figures only, and the
results are joined with offsets and ids into the whole text, stated claims first and then every
part's ``total`` rows, numbered on, as for one document.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pandas as pd

from analysis.loaders.news.parts import shift, split_parts

if TYPE_CHECKING:
    from analysis.checks import Reconciliation
    from analysis.loaders.news import NewsDocument


@dataclasses.dataclass(frozen=True)
class Part:
    """One part: its document (offsets and ids from 0) and where it starts in the whole."""

    document: NewsDocument
    start: int  # offset of the part's first character in the whole text
    first_figure: int  # id in the whole of the part's first figure
    first_claim: int  # id in the whole of the part's first stated claim


def split_document(doc: NewsDocument) -> list[Part]:
    """The parts of ``doc`` as ``load_news`` read them (one part for a text under PART_CHARS)."""
    cuts = split_parts(doc.text)
    if len(cuts) == 1:
        return [Part(doc, 0, 0, 0)]
    out, first_figure, first_claim = [], 0, 0
    for start, end in cuts:
        figures = _within(doc.figures, start, end)
        claims = _within(doc.claims, start, end)
        back = {"start": -start, "end": -start}
        tied = {"value_figure_id": -first_figure, "base_figure_id": -first_figure}
        part = dataclasses.replace(
            doc,
            text=doc.text[start:end],
            figures=shift(figures, {**back, "figure_id": -first_figure}),
            claims=shift(claims, {**back, "claim_id": -first_claim, **tied}),
            unreadable=shift(_within(doc.unreadable, start, end), back),
        )
        out.append(Part(part, start, first_figure, first_claim))
        first_figure, first_claim = first_figure + len(figures), first_claim + len(claims)
    return out


def join_results(parts: list[Part], results: list[Reconciliation]) -> Reconciliation:
    """The parts' checks as one ``Reconciliation`` of the whole text."""
    from analysis.checks import Reconciliation

    figures, stated, totals, corrections = [], [], [], []
    for part, result in zip(parts, results, strict=True):
        moved = {"start": part.start, "end": part.start}
        ids = part.first_figure
        figures.append(shift(result.figures, {**moved, "figure_id": ids}))
        claims = shift(
            result.claims,
            {**moved, "value_figure_id": ids, "base_figure_id": ids, "figure_ids": ids},
        )
        count = len(part.document.claims)
        stated.append(shift(claims.iloc[:count], {"claim_id": part.first_claim}))
        totals.append(claims.iloc[count:])
        corrections.append(shift(result.corrections, {**moved, "figure_id": ids}))
    stated_all = pd.concat(stated, ignore_index=True)
    totals_all = pd.concat(totals, ignore_index=True)
    first_total = 1 + int(stated_all["claim_id"].max()) if len(stated_all) else 0
    totals_all["claim_id"] = range(first_total, first_total + len(totals_all))
    return Reconciliation(
        pd.concat(figures, ignore_index=True),
        pd.concat([stated_all, totals_all], ignore_index=True),
        pd.concat(corrections, ignore_index=True),
    )


def _within(table: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Rows of ``table`` whose span starts in ``[start, end)``, index from 0."""
    starts = pd.to_numeric(table["start"])
    return table[(starts >= start) & (starts < end)].reset_index(drop=True)
