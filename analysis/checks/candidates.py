"""Claims, readings and the search for the figures that may fill a reading's inputs.

A claim's reading takes its inputs from the figures of the text (``pool``). Each candidate level
carries its *support*: how directly the text ties it to the claim: per figure 3 same sentence, 2
same paragraph, 1 stated before it or matched by flow, period and countries, plus 1 when the
reader linked the figure to the claim; 0 (a reading that may confirm, never refute) for a figure
whose countries may be confused or that stands after the claim beyond its paragraph. The
reading kinds that use this search are in ``readings`` and ``share_readings``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd

from analysis.checks.intervals import Interval, number, text
from analysis.checks.pool import WORLD, FigurePool, Level, fits, keys_of, previous_period

LINKED = 1  # support added to a figure's nearness when the reader tied it to the claim
MATCHED = 1  # support of a figure found by flow, period and countries only
WEAK_LEVELS = 3  # levels of a flow, nearest first, a claim may try whatever their countries
FAR_LIMIT = 50  # levels of a flow on each side of a claim a match looks at (bounded, linear)


@dataclass(frozen=True)
class Claim:
    """The parts of a claims-table row a reading needs."""

    kind: str
    stated: float
    flow: str
    whole_flow: str
    period: str
    base_period: str
    keys: tuple[str, str]
    span: tuple[int, int]
    value_id: int | None
    base_id: int | None
    scope: str

    @classmethod
    def from_row(cls, row: dict) -> Claim:
        """Build from a claims-table row."""
        period = text(row["period"])
        return cls(
            kind=str(row["kind"]),
            stated=number(row["stated"], float("nan")),
            flow=text(row["flow"]),
            whole_flow=text(row["whole_flow"]),
            period=period,
            base_period=text(row["base_period"]) or previous_period(period),
            keys=keys_of(row),
            span=(int(row["start"]), int(row["end"])),
            value_id=_figure_id(row["value_figure_id"]),
            base_id=_figure_id(row["base_figure_id"]),
            scope=text(row.get("scope")) or "all",
        )


@dataclass(frozen=True)
class Reading:
    """One way to recompute a claim: a reading kind and its input levels, in formula order."""

    kind: str  # key of READING_KINDS
    inputs: tuple[Level, ...]
    support: int  # sum of the inputs' support: higher is more directly stated
    distance: int  # characters from the claim to its farthest input (tie-break)
    is_slip: bool = False  # a reading the text contradicts, kept only to diagnose a slip
    is_weak: bool = False  # an input the text barely supports: it may confirm, never refute

    @property
    def figure_ids(self) -> tuple[int, ...]:
        """Every figure the reading uses, in formula order, each once."""
        seen: dict[int, None] = {}
        for level in self.inputs:
            for figure_id, _ in level.term:
                seen.setdefault(figure_id, None)
        return tuple(seen)


@dataclass(frozen=True)
class ReadingKind:
    """An entry of the registry of reading kinds (``readings.READING_KINDS``).

    Attributes:
        name: How an explanation names the reading.
        claim_kind: The claim kind it reads ("pct_change", "share", "ratio", "pp_change").
        compute: Claim value (%, pp or times) from the inputs' intervals; None if a base holds 0.
        formula: The formula shown, from the inputs' values as text.
        enumerate: The candidate readings of a claim in a pool.
        is_default: Whether it is the plain reading of its claim kind (explanations name others).
    """

    name: str
    claim_kind: str
    compute: Callable[[list[Interval]], Interval | None]
    formula: Callable[[list[str]], str]
    enumerate: Callable[[Claim, FigurePool], Iterator[Reading]]
    is_default: bool = False


def find_candidates(
    claim: Claim,
    pool: FigurePool,
    flow: str,
    linked: int | None,
    period: str,
    role: str,
    is_value: bool = False,
) -> dict[Level, int]:
    """Levels that may fill one input of a claim, each with its support.

    ``is_value``: the input is the value the claim is about (not its base or whole).
    """
    found: dict[Level, int] = {}
    level = pool.level(linked)
    if level is not None and (not flow or level.flow == flow):
        nearness = pool.nearness(level, claim.span)  # a link to a later paragraph adds nothing
        found[level] = nearness + LINKED if nearness else 0
    # a product's claim in a sentence with no figure is about the next sentence's figures
    following = pool.next_sentence_levels(claim.span, flow) if claim.scope == "commodity" else []
    nearby = pool.near_levels(claim.span, flow)
    for level in nearby + [level for level in following if level not in nearby]:
        nearness = 3 if level in following else pool.nearness(level, claim.span)
        if level.scope == "commodity" and nearness < 3:
            continue  # a product's figure only in the claim's own sentence
        if not _same_scope(level, claim):
            continue
        # countries that contradict the claim's rule a figure out, except the value in the
        # claim's own sentence (there the text's order says more than the countries read)
        other_keys = not fits(level, "whole" if role == "whole" else "any", claim.keys)
        if other_keys and (nearness < 3 or not is_value):
            continue
        other_period = bool(period and level.period and level.period != period)
        if other_period and is_value:
            # a figure dated otherwise is not the claim's value ("this is 2.1-fold more than in
            # August 2021 ($451 million), and 27% more than in the previous month ($729 million)"):
            # it may confirm, never refute
            found.setdefault(level, 0)
        found.setdefault(level, nearness - other_period - other_keys)
    matched = match_level(pool, flow, period, claim, role)
    if matched is not None:
        found.setdefault(matched, MATCHED)
    for level in _anywhere(pool, flow, period, claim):
        found.setdefault(level, 0)
    precise: dict[Level, int] = {}  # a bound restated exactly nearby is read at its exact value
    for level, support in found.items():
        exact = pool.precise(level)
        precise[exact] = max(precise.get(exact, support), support)
    return precise


def _anywhere(pool: FigurePool, flow: str, period: str, claim: Claim) -> list[Level]:
    """The levels of ``flow`` nearest the claim whose period fits, its countries in any role.

    Which country reports and which is the partner (or the world) is the least sure attribute a
    reader attaches to a figure: these levels may confirm a claim, never refute it. A third
    country's figure or a product's is never one of them.
    """
    if not flow or claim.scope != "all":
        return []
    countries = {*claim.keys, "", WORLD}
    near = [
        level
        for level in pool.of_flow(flow, claim.span[0], WEAK_LEVELS, WEAK_LEVELS)
        if level.scope == "all"
        and {level.reporter, level.partner} <= countries
        and (not period or not level.period or level.period == period)
    ]
    return sorted(near, key=lambda level: _distance(level, claim.span))[:WEAK_LEVELS]


def match_level(pool: FigurePool, flow: str, period: str, claim: Claim, role: str) -> Level | None:
    """The level of this flow and period fit for ``role``, nearest to the claim in the text."""
    if not flow or not period or claim.scope == "commodity":
        return None
    best = None
    for level in pool.of_flow(flow, claim.span[0], FAR_LIMIT, FAR_LIMIT):
        if level.period != period or level.scope != "all" or not fits(level, role, claim.keys):
            continue
        if role == "whole" and level.figure_id in pool.share_parts:
            continue  # the part of a share is not a whole
        exact = sum(
            bool(a) and a == b
            for a, b in zip((level.reporter, level.partner), claim.keys, strict=True)
        )
        rank = (-exact, _distance(level, claim.span), level.start)
        if best is None or rank < best[0]:
            best = (rank, level)
    return None if best is None else best[1]


def _same_scope(level: Level, claim: Claim) -> bool:
    return level.scope == claim.scope or (claim.scope == "all" and level.scope == "")


def _distance(level: Level, span: tuple[int, int]) -> int:
    return max(span[0] - level.end, level.start - span[1], 0)


def make_reading(kind: str, claim: Claim, inputs: tuple[tuple[Level, int], ...]) -> Reading:
    """A reading of ``kind`` from its (level, support) inputs, weak if any input has support 0."""
    return Reading(
        kind,
        tuple(level for level, _ in inputs),
        sum(support for _, support in inputs),
        max(_distance(level, claim.span) for level, _ in inputs),
        is_weak=min(support for _, support in inputs) <= 0,
    )


def find_earlier_totals(
    claim: Claim, pool: FigurePool, flow: str, role: str, with_parts: bool = False
) -> list[Level]:
    """The last levels of ``flow`` fit for ``role`` stated before the claim, nearest first.

    For a share of the same flow these are the reporter's totals with the world (role "whole");
    role "world" takes any country's total with the world, role "anyone" any level. The part of
    another share is one only ``with_parts``.
    """
    if role in ("whole", "world"):  # only a level with the world or no partner can be one
        window = pool.totals_of_flow(flow, claim.span[0], FAR_LIMIT)
    else:
        window = pool.of_flow(flow, claim.span[0], FAR_LIMIT, 0)
    found = []
    for level in reversed(window):
        if len(found) >= WEAK_LEVELS and level.start < found[WEAK_LEVELS - 1].start:
            break  # every level left stands before the last three found
        if (
            level.scope == "all"
            and (with_parts or level.figure_id not in pool.share_parts)
            and (
                role == "anyone"
                or (
                    level.partner in ("", WORLD)
                    if role == "world"
                    else fits(level, role, claim.keys)
                )
            )
        ):
            found.append(level)
    found.reverse()  # text order, so that levels at one place keep it when sorted
    return sorted(found, key=lambda level: -level.start)[:WEAK_LEVELS]


def sum_value_usd(pool: FigurePool, level: Level) -> float:
    """The value of a level in US dollars: the sum of its figures' values times their factors."""
    return sum(factor * float(pool.figures[i]["value_usd"]) for i, factor in level.term)


def _figure_id(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def missing_reason(claim: Claim, pool: FigurePool) -> str:
    """Why a claim has no reading: the first input no figure of the text can fill."""
    if claim.kind in ("share", "pp_change") and not (claim.whole_flow or claim.flow):
        return "the text does not say what the share is of"
    period = claim.period or "its period"
    if not find_candidates(
        claim, pool, claim.flow, claim.value_id, claim.period, "any", is_value=True
    ):
        return f"no {claim.flow or 'matching'} figure for {period}"
    if claim.kind == "share":
        return f"no whole figure for {period}"
    if claim.kind == "pp_change":
        return f"no {claim.flow} figure for {claim.base_period or 'the earlier period'}"
    flow = claim.whole_flow or claim.flow if claim.kind == "ratio" else claim.flow
    base_period = claim.period if claim.kind == "ratio" and claim.whole_flow else claim.base_period
    return f"no {flow or 'matching'} figure for {base_period or 'the earlier period'}"
