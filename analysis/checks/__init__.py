"""Checks of a news text's claims and totals against its own figures, with rounding and slips.

Every figure is an interval ``[value - half_width, value + half_width]`` (its rounding as
written), widened by its qualifier; every stated claim is an interval ``[stated -
stated_half_width, stated + stated_half_width]``, widened the way a reader would read it:

* relative spread ``QUALIFIER_SPREAD``: "about X" → ``[0.95X, 1.05X]``, "almost X" / "under X"
  → ``[0.90X, X]``, "over X" → ``[X, 1.10X]``, each also keeping its own rounding;
* percents and percentage points open at least ``PERCENT_TOLERANCE`` (1 unit), applied to the
  magnitude, so "fell by almost 6 percent" → ``[-6.5, -4.5]``.

A claim's verdict is a search over its readings (``readings.READING_KINDS``: the change from two
levels, from a stated amount of change, the share of a whole, a ratio either way, a share's change
in points), ranked by how directly the text supports them; see ``verdicts``. Totals (rows of kind
``total``: turnover = exports + imports, balance = exports − imports, a period = the sum of its
sub-periods) are in ``totals``; million/billion and comma slips in ``corrections``.

Modules: ``intervals`` (interval arithmetic), ``pool`` (the figures and where they stand),
``candidates`` (claims, readings and the search for their input figures), ``share_readings``
(the share readings), ``readings`` (the change, ratio and pp readings and the registry),
``listed`` (sums of listed figures), ``totals``, ``verdicts``, ``corrections``, ``parts`` (a long
text checked part by part).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from analysis.checks.candidates import Claim, missing_reason
from analysis.checks.corrections import find_corrections
from analysis.checks.intervals import (
    PERCENT_TOLERANCE,
    QUALIFIER_SPREAD,
    UNITS,
    figure_interval,
    number,
    text,
)
from analysis.checks.parts import (
    PartChecked,
    checked_part,
    join_results,
    part_documents,
    split_document,
)
from analysis.checks.pool import WORLD, FigurePool
from analysis.checks.readings import enumerate_readings
from analysis.checks.totals import total_readings
from analysis.checks.verdicts import Check, figure_intervals, judge
from analysis.loaders.news.parts import map_parts

if TYPE_CHECKING:
    from analysis.loaders.news import NewsDocument

__all__ = [
    "CORRECTION_COLUMNS",
    "PERCENT_TOLERANCE",
    "QUALIFIER_SPREAD",
    "RESULT_COLUMNS",
    "VERDICTS",
    "WORLD",
    "Reconciliation",
    "reconcile",
]

VERDICTS = ("consistent", "inconsistent", "unverifiable")
CORRECTION_COLUMNS = (
    "figure_id",
    "quote",
    "start",
    "end",
    "stated_value_usd",
    "suggested_value_usd",
    "reason",
)
RESULT_COLUMNS = (
    "stated_low",
    "stated_high",
    "recomputed",
    "recomputed_low",
    "recomputed_high",
    "figure_ids",
    "verdict",
    "explanation",
    "reading",
)


@dataclass(frozen=True)
class Reconciliation:
    """Result of :func:`reconcile`.

    Attributes:
        figures: The figures table plus ``corrected_value_usd`` (``value_usd`` unless corrected).
        claims: The claims table plus rows of kind ``total``, with ``stated_low``, ``stated_high``,
            ``recomputed``, ``recomputed_low``, ``recomputed_high`` (units of ``stated``: %, pp,
            times or US dollars), ``figure_ids`` (tuple of the figures used), ``verdict``,
            ``explanation`` (one line with the numbers) and ``reading`` (the reading kind used).
        corrections: One row per probable slip: ``figure_id``, ``quote``, ``start``, ``end``,
            ``stated_value_usd``, ``suggested_value_usd``, ``reason``.
    """

    figures: pd.DataFrame
    claims: pd.DataFrame
    corrections: pd.DataFrame


def reconcile(doc: NewsDocument, correct: bool = True) -> Reconciliation:
    """Check every claim and total of a news document against its own figures.

    Args:
        doc: A loaded news document (``name``, ``text``, ``figures``, ``claims`` tables as in
            ``analysis.loaders.news``).
        correct: Whether to look for and apply slip corrections (``corrections``); verdicts are
            then recomputed with the corrected values.

    Returns:
        Figures, checked claims (plus ``total`` rows) and corrections; see :class:`Reconciliation`.
        A text read in parts is checked part by part (``parts``), in worker processes when
        there are several cores.
    """
    parts = split_document(doc)
    if len(parts) == 1:
        return _reconcile_document(doc, correct)
    documents = ((document, correct) for document in part_documents(doc, parts))
    return join_results(doc, parts, map_parts(_check_part, documents, len(parts), None))


def _check_part(doc: NewsDocument, correct: bool) -> PartChecked:
    """What checking one part adds (run in a worker: it sends back only that)."""
    return checked_part(_reconcile_document(doc, correct), len(doc.claims))


def _reconcile_document(doc: NewsDocument, correct: bool) -> Reconciliation:
    figures = doc.figures.reset_index(drop=True)
    records = {int(f["figure_id"]): f for f in figures.to_dict("records")}
    shares = doc.claims[doc.claims["kind"] == "share"]
    share_spans = tuple(zip(shares["start"].astype(int), shares["end"].astype(int), strict=True))
    pool = FigurePool(str(getattr(doc, "text", "") or ""), records, share_spans)
    checks = _build_checks(pool, doc.claims)
    values = {figure_id: float(f["value_usd"]) for figure_id, f in records.items()}
    intervals = figure_intervals(records, values)
    results = [judge(check, records, values, intervals) for check in checks]
    corrections = find_corrections(checks, records, values, results, intervals) if correct else {}
    for figure_id, (value, _) in corrections.items():
        values[figure_id] = value
        intervals[figure_id] = figure_interval(records[figure_id], value)
    if corrections:  # judged again: the checks that use a corrected figure
        results = [
            judge(check, records, values, intervals) if _uses(check, corrections) else result
            for check, result in zip(checks, results, strict=True)
        ]
    rows = [check.row for check in checks]
    del checks, pool  # the readings and levels: freed before the table is built
    claims = _claims_table(rows, results, [*doc.claims.columns, *RESULT_COLUMNS])
    figures = figures.assign(corrected_value_usd=[values[int(i)] for i in figures["figure_id"]])
    corrected = [
        {
            "figure_id": figure_id,
            **{key: records[figure_id][key] for key in ("quote", "start", "end")},
            "stated_value_usd": float(records[figure_id]["value_usd"]),
            "suggested_value_usd": value,
            "reason": reason,
        }
        for figure_id, (value, reason) in sorted(corrections.items())
    ]
    return Reconciliation(
        figures, claims, pd.DataFrame(corrected, columns=list(CORRECTION_COLUMNS))
    )


def _claims_table(rows: list[dict], results: list[dict], columns: list[str]) -> pd.DataFrame:
    """The claims table: each row with its result (the same table as from the merged dicts).

    Built column by column, so that no merged dict of every row is held at once.
    """
    if not rows:
        return pd.DataFrame([], columns=columns)
    return pd.DataFrame(
        {
            column: [
                result[column] if column in result else row.get(column, math.nan)
                for row, result in zip(rows, results, strict=True)
            ]
            for column in columns
        },
        columns=columns,
    )


def _readings_of_repeats(checks: list[Check]) -> list[Check]:
    """Checks where a claim without readings takes those of a claim it repeats.

    A headline and its body state the same claim: same kind, flow and stated value, of all
    goods (a product's claim uses only the figures tied to it).
    """

    def key(check: Check) -> tuple:
        row = check.row
        return (row["kind"], text(row["flow"]), number(row["stated"], math.nan), _scope(row))

    def has_readings(check: Check) -> bool:
        return any(not reading.is_slip for reading in check.readings)

    found = {key(c): c for c in reversed(checks) if has_readings(c)}
    out = []
    for check in checks:
        other = found.get(key(check))
        if has_readings(check) or other is None or _scope(check.row) != "all":
            out.append(check)
        else:
            out.append(
                Check(check.row, other.readings, f'read as its repeat "{other.row["quote"]}"')
            )
    return out


def _build_checks(pool: FigurePool, claims: pd.DataFrame) -> list[Check]:
    checks = []
    for row in claims.to_dict("records"):
        if row["kind"] not in UNITS or pd.isna(row["stated"]):
            checks.append(Check(row, (), f"no stated value of a known kind ({row['kind']})"))
            continue
        claim = Claim.from_row(row)
        readings = tuple(enumerate_readings(claim, pool))
        found = any(not reading.is_slip for reading in readings)
        checks.append(Check(row, readings, "" if found else missing_reason(claim, pool)))
    checks = _readings_of_repeats(checks)
    next_id = 1 + max((int(c.row["claim_id"]) for c in checks), default=-1)
    for whole_id, reading in total_readings(pool):
        whole = pool.figures[whole_id]
        row = {column: None for column in claims.columns}
        row.update(
            document=whole["document"],
            claim_id=next_id,
            quote=whole["quote"],
            start=whole["start"],
            end=whole["end"],
            context=whole["context"],
            kind="total",
            stated=reading.inputs[0].term[0][1] * float(whole["value_usd"]),
            stated_half_width=number(whole["half_width_usd"]),
            qualifier=whole["qualifier"],
            flow=whole["flow"],
            period=whole["period"],
            reporter_iso3=whole["reporter_iso3"],
            partner_iso3=whole["partner_iso3"],
            value_figure_id=int(whole_id),
        )
        if "scope" in row:
            row["scope"] = text(whole.get("scope")) or "all"
        checks.append(Check(row, (reading,)))
        next_id += 1
    return checks


def _uses(check: Check, figure_ids: dict[int, object]) -> bool:
    """Whether any reading of ``check`` uses one of ``figure_ids``."""
    return any(i in figure_ids for reading in check.readings for i in reading.figure_ids)


def _scope(row: dict) -> str:
    return text(row.get("scope")) or "all"
