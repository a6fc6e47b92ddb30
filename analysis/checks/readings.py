"""Registry of the readings of a claim: which figures it compares and by which formula.

A careful reader of "exports fell 5.9% to $32.7bn" considers several readings: the change from the
two levels the text states, the change from a stated amount of change (base = level − change), and
for a share the whole the sentence names or the reporter's total stated earlier. Each reading kind
is one entry of ``READING_KINDS``: the claim kind it reads, its formula, and how to enumerate its
candidate figures from the pool. Each reading carries its *support*: how directly the text ties
its figures to the claim: per figure 3 same sentence, 2 same paragraph, 1 stated before it or
matched by flow, period and countries, plus 1 when the reader linked the figure to the claim; 0
(a reading that may confirm, never refute) for a figure whose countries may be confused or that
stands after the claim beyond its paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pandas as pd

from analysis.checks.intervals import Interval, affine, divide, number, text
from analysis.checks.listed import listed_sum
from analysis.checks.pool import (
    PLAN_BEFORE_AMOUNT,
    WORLD,
    FigurePool,
    Level,
    fits,
    keys_of,
    previous_period,
)
from analysis.reference.news_vocabulary import PLAN_FLOW

LINKED = 1  # support added to a figure's nearness when the reader tied it to the claim
MATCHED = 1  # support of a figure found by flow, period and countries only
ADJACENT = 4  # support of a share's part right beside it ("$188 million (15 percent)")
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
    """An entry of the registry.

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


def enumerate_readings(claim: Claim, pool: FigurePool) -> list[Reading]:
    """Every reading of ``claim`` any registered kind finds, best supported first.

    A claim of no trade flow (flow "" or "other") has only weak readings: they may confirm it,
    never refute it. A percent in brackets beside an amount of change is read as a change too.
    """
    kinds = {claim.kind}
    if claim.kind == "share" and any(
        text(pool.figures[i].get("scope")) == "change" for i in pool.adjacent_amounts(claim.span)
    ):
        kinds.add("pct_change")  # "increased by $3.67bn (79.4 percent)": a change, not a share
    readings = [
        reading
        for kind in READING_KINDS.values()
        if kind.claim_kind in kinds
        for reading in kind.enumerate(claim, pool)
    ]
    if claim.flow in ("", "other"):
        readings = [replace(r, is_weak=True) for r in readings]
    unique: dict[tuple, Reading] = {}
    for r in readings:  # each reading once, with its best support
        key = (r.kind, tuple(level.term for level in r.inputs))
        if key not in unique or (unique[key].is_slip, -unique[key].support) > (
            r.is_slip,
            -r.support,
        ):
            unique[key] = r
    return sorted(unique.values(), key=lambda r: (-r.support, r.distance))


# --- candidates ----------------------------------------------------------------------------------


def _candidates(
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
    for level in pool.near_levels(claim.span, flow):
        nearness = pool.nearness(level, claim.span)
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
    matched = _match(pool, flow, period, claim, role)
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


def _match(pool: FigurePool, flow: str, period: str, claim: Claim, role: str) -> Level | None:
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


def _reading(kind: str, claim: Claim, inputs: tuple[tuple[Level, int], ...]) -> Reading:
    return Reading(
        kind,
        tuple(level for level, _ in inputs),
        sum(support for _, support in inputs),
        max(_distance(level, claim.span) for level, _ in inputs),
        is_weak=min(support for _, support in inputs) <= 0,
    )


def _may_compare(a: Level, b: Level) -> bool:
    """Whether two levels may be the two sides of a change or ratio.

    Not when they have two different reporters or two different partner countries (a country
    against the world may be a reader's slip).
    """
    keys = [(a.reporter, b.reporter), (a.partner, b.partner)]
    if a.flow == b.flow == "turnover" and {a.reporter, a.partner} == {b.reporter, b.partner}:
        return True
    reporters, partners = keys
    if all(reporters) and reporters[0] != reporters[1]:
        return False
    return not (all(partners) and WORLD not in partners and partners[0] != partners[1])


def _is_earlier(a: str, b: str) -> bool:
    """Whether period ``a`` starts before period ``b`` (both as "YYYY…" strings)."""
    return a[:4] < b[:4] or (a[:4] == b[:4] and a < b)


# --- enumerators ---------------------------------------------------------------------------------


def _change_from_levels(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    nows = _candidates(claim, pool, claim.flow, claim.value_id, claim.period, "any", is_value=True)
    bases = _candidates(claim, pool, claim.flow, claim.base_id, claim.base_period, "any")
    for figure_id in pool.adjacent_amounts(claim.span):  # "fell 5.9% ($2bn)": a change, no base
        bases = {b: s - 2 if b.figure_id == figure_id else s for b, s in bases.items()}
    for now, now_support in nows.items():
        for base, base_support in bases.items():
            if base == now or now.flow != base.flow:
                continue
            dated = bool(now.period and base.period)  # then the periods say which is which
            if not dated and (base.figure_id == claim.value_id or now.figure_id == claim.base_id):
                continue
            if not _may_compare(now, base) and base.figure_id != claim.base_id:
                continue
            if now.period and base.period and not _is_earlier(base.period, now.period):
                if now.period != base.period:
                    continue
                base_support -= 1  # one period for both: the text may still compare two
            yield _reading("change_from_levels", claim, ((now, now_support), (base, base_support)))


def _change_from_amount(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    sign = -1.0 if claim.stated < 0 else 1.0
    for now, base, nearness in pool.derived_bases(claim.span, claim.flow, sign, claim.scope):
        linked = LINKED if now.figure_id == claim.value_id else 0
        support = pool.nearness(now, claim.span) + linked
        yield _reading(
            "change_from_amount", claim, ((now, support), (base, min(support, nearness)))
        )
    # an amount right beside the percent ("fell 5.9% ($2.0bn)") is its amount of change
    nows = _candidates(claim, pool, claim.flow, claim.value_id, claim.period, "any", is_value=True)
    for change_id in pool.adjacent_amounts(claim.span):
        amount = float(pool.figures[change_id]["value_usd"])
        for now, support in nows.items():
            if now.figure_id == change_id or now.is_derived or _value(pool, now) <= amount:
                continue
            base = pool.base_from(now, change_id, sign)
            yield _reading("change_from_amount", claim, ((now, support), (base, 3)))


def _share(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    if claim.whole_flow == PLAN_FLOW:
        return  # a share of a plan is read only against the plan (``_share_of_plan``)
    parts = _candidates(
        claim, pool, claim.flow, claim.value_id, claim.period, "part", is_value=True
    )
    whole_flow = claim.whole_flow or claim.flow
    role = "whole" if whole_flow == claim.flow else "any"
    wholes = _candidates(claim, pool, whole_flow, claim.base_id, claim.period, role)
    for level in _earlier_totals(claim, pool, whole_flow, role):
        wholes[level] = max(wholes.get(level, 0), MATCHED + 1)
    if role == "any":  # a share of another flow: of the pair's figure or of a total
        for level in _earlier_totals(claim, pool, whole_flow, "whole"):
            wholes[level] = max(wholes.get(level, 0), MATCHED + 1)
    # whoever's total it is, of whichever flow (the flow of a whole is the attribute a reader
    # most often gets wrong: "Of the total external trade, … $7.97bn, or 60.6 percent, were
    # imported"), even the part of another share (imports, a share of turnover, are the whole
    # of a share of imports): it may confirm, not refute
    for flow in dict.fromkeys((whole_flow, "turnover", "exports", "imports")):
        for level in _earlier_totals(claim, pool, flow, "world", with_parts=True):
            wholes.setdefault(level, 0)
    # whatever countries the reader gave it ("Chile's exports … 3.649 billion" read as exports
    # to Chile): the last total of the claim's own flow and period may confirm, not refute
    for level in _earlier_totals(claim, pool, whole_flow, "anyone"):
        if level.period == claim.period:
            wholes.setdefault(level, 0)
    # the total of the very countries of the claim and its part, of its flow and period, stated
    # before it: "Ukraine imported goods worth $30.4 bln … Machinery … amounting to $8.9 bln
    # account for 67% of imported goods" (all three read as Ukraine–China)
    for level in _earlier_totals(claim, pool, whole_flow, "anyone"):
        keys = (level.reporter, level.partner)
        if level.period == claim.period and all(keys) and keys == claim.keys:
            if any((part.reporter, part.partner) == keys for part in parts):
                wholes[level] = max(wholes.get(level, 0), MATCHED)
    mirror = {"exports": "imports", "imports": "exports"}.get(claim.flow)
    if mirror and all(claim.keys):  # B's imports from A are A's exports to B, stated before
        for level in pool.of_flow(mirror, claim.span[0], WEAK_LEVELS, 0):
            swapped = (level.partner, level.reporter) == claim.keys
            if swapped and level.period == claim.period and level.scope == claim.scope:
                parts.setdefault(level, 0)  # it may confirm, not refute
        for level in pool.of_flow(whole_flow, claim.span[1], 0, WEAK_LEVELS):
            if level.period == claim.period and level.scope == "all":
                wholes.setdefault(level, 0)  # a total stated after the share may confirm it
    for figure_id in pool.share_parts_of(claim.span):
        level = pool.level(figure_id)  # "$188 million (15 percent)": the part, most directly
        if level is not None and level.flow == claim.flow:
            parts[level] = max(parts.get(level, 0), ADJACENT)
    for part, part_support in parts.items():
        value = _value(pool, part)
        for whole, whole_support in wholes.items():
            if whole == part or (claim.stated < 100 and _value(pool, whole) <= value):
                continue  # a whole is larger than its part (an equal one is a repeat of it)
            if whole.figure_id in pool.share_parts and whole_support > 0:
                continue  # the part of another share ("China $39.8bn, 20.1%; Korea $29.1bn…")
            other_period = part.period and whole.period and part.period != whole.period
            support = whole_support - 1 if other_period else whole_support
            yield _reading("share", claim, ((part, part_support), (whole, support)))
        # the share of a total of another flow: only to say "matches the share of …"
        for flow in ("turnover", "exports", "imports"):
            if flow == whole_flow:
                continue
            for whole in _earlier_totals(claim, pool, flow, "whole"):
                if whole != part and _value(pool, whole) > value:
                    reading = _reading("share", claim, ((part, part_support), (whole, 0)))
                    yield replace(reading, is_slip=True)


def _share_of_plan(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    """The amount achieved over the amount planned, both stated before the claim in its sentence.

    "Our plan for the period was to obtain $1.31 billion from exports, and we have earned $1.28
    billion, which is over 97 percent performance against the target": the planned amount is the
    one the plan words name, the amount achieved the last other one before the claim.
    """
    if claim.whole_flow != PLAN_FLOW:
        return
    sentence = pool.sentence_of(claim.span[0])
    plans, achieved = [], []
    for figure_id, _ in pool.nearby(claim.span):
        level = pool.level(figure_id)
        if level is None or level.end > claim.span[0] or pool.sentence_of(level.start) != sentence:
            continue
        before = pool.text[max(0, level.start - 60) : level.start]
        (plans if PLAN_BEFORE_AMOUNT.search(before) else achieved).append(level)
    if plans and achieved and achieved[-1].start > plans[-1].start:
        yield _reading("share_of_plan", claim, ((achieved[-1], 3), (plans[-1], 3)))


def _share_of_listed_sum(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    """Their sum over the total, for "The five sectors made up 36 percent of overall exports"."""
    part = listed_sum(pool, claim.span, claim.flow)
    if part is None:
        return
    value, listed = _value(pool, part), {figure_id for figure_id, _ in part.term}
    wholes = [
        level
        for level in reversed(
            pool.of_flow(claim.whole_flow or claim.flow, claim.span[0], FAR_LIMIT, 0)
        )
        if level.scope == "all"
        and level.figure_id not in listed | pool.share_parts
        and (
            fits(level, "whole", claim.keys)
            or (level.reporter, level.partner) == (part.reporter, part.partner)
        )
        and _value(pool, level) > value
        and (not claim.period or level.period in ("", claim.period))
    ]
    wholes.sort(key=lambda level: -_value(pool, level))  # "overall exports": the largest stated
    for rank, whole in enumerate(wholes[:WEAK_LEVELS]):
        yield _reading(
            "share_of_listed_sum", claim, ((part, 3), (whole, MATCHED + 1 if rank == 0 else 0))
        )


def _earlier_totals(
    claim: Claim, pool: FigurePool, flow: str, role: str, with_parts: bool = False
) -> list[Level]:
    """The last levels of ``flow`` fit for ``role`` stated before the claim, nearest first.

    For a share of the same flow these are the reporter's totals with the world (role "whole");
    role "world" takes any country's total with the world, role "anyone" any level. The part of
    another share is one only ``with_parts``.
    """
    found = [
        level
        for level in pool.of_flow(flow, claim.span[0], FAR_LIMIT, 0)
        if level.scope == "all"
        and (with_parts or level.figure_id not in pool.share_parts)
        and (
            role == "anyone"
            or (level.partner in ("", WORLD) if role == "world" else fits(level, role, claim.keys))
        )
    ]
    return sorted(found, key=lambda level: -level.start)[:WEAK_LEVELS]


def _ratio(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    base_flow = claim.whole_flow or claim.flow
    base_period = claim.period if claim.whole_flow else claim.base_period
    firsts = _candidates(
        claim, pool, claim.flow, claim.value_id, claim.period, "any", is_value=True
    )
    seconds = _candidates(claim, pool, base_flow, claim.base_id, base_period, "any")
    if claim.whole_flow:  # two flows compared: "imports are twice as large as exports: $5.82bn"
        # the flow of a figure is the attribute a reader most often gets wrong: a figure of the
        # claim's own sentence and the last levels of the second flow and period before it,
        # whatever their countries, may confirm the ratio, never refute it
        for level in pool.near_levels(claim.span, ""):
            if pool.nearness(level, claim.span) == 3 and level.scope == claim.scope:
                firsts.setdefault(level, 0)
        for level in _earlier_totals(claim, pool, base_flow, "anyone"):
            if level.period == base_period and level.scope == claim.scope:
                seconds.setdefault(level, 0)
    for a, a_support in firsts.items():
        for b, b_support in seconds.items():
            if a == b or a.scope != b.scope:
                continue
            if not _may_compare(a, b) and b.figure_id != claim.base_id:
                continue  # two partners only when the text ties the second to the claim
            if not claim.whole_flow and a.period and b.period and a.period == b.period:
                b_support -= 1  # a ratio of one flow compares two periods, or two partners
            yield _reading("ratio", claim, ((a, a_support), (b, b_support)))
            yield _reading("ratio_inverse", claim, ((b, b_support), (a, a_support)))


def _pp_change(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    if not claim.whole_flow:
        return
    part, whole = ("part", "whole") if claim.flow == claim.whole_flow else ("any", "any")
    wanted = [
        (claim.flow, claim.period, claim.value_id, part),
        (claim.whole_flow, claim.period, claim.base_id, whole),
        (claim.flow, claim.base_period, None, part),
        (claim.whole_flow, claim.base_period, None, whole),
    ]
    inputs: list[tuple[Level, int]] = []
    for flow, period, linked, role in wanted:
        level = pool.level(linked)
        if level is not None and fits(level, role, claim.keys):
            inputs.append((level, pool.nearness(level, claim.span) + LINKED))
            continue
        level = _match(pool, flow, period, claim, role)
        if level is None or any(level == other for other, _ in inputs):
            return
        inputs.append((level, MATCHED))
    yield _reading("pp_change", claim, tuple(inputs))


def _value(pool: FigurePool, level: Level) -> float:
    return sum(factor * float(pool.figures[i]["value_usd"]) for i, factor in level.term)


def _pct(xs: list[Interval]) -> Interval | None:
    return affine(divide(xs[0], xs[1]), 100.0, -100.0)


def _pp(xs: list[Interval]) -> Interval | None:
    now, before = divide(xs[0], xs[1]), divide(xs[2], xs[3])
    if now is None or before is None:
        return None
    return (now[0] - before[0]) * 100, (now[1] - before[2]) * 100, (now[2] - before[1]) * 100


READING_KINDS: dict[str, ReadingKind] = {
    "change_from_levels": ReadingKind(
        "change from the two levels",
        "pct_change",
        _pct,
        lambda v: f"{v[0]}/{v[1]} - 1",
        _change_from_levels,
        is_default=True,
    ),
    "change_from_amount": ReadingKind(
        "change from the stated amount of change (base = level − change)",
        "pct_change",
        _pct,
        lambda v: f"{v[0]}/{v[1]} - 1",
        _change_from_amount,
    ),
    "share": ReadingKind(
        "share of the whole",
        "share",
        lambda xs: affine(divide(xs[0], xs[1]), 100.0),
        lambda v: f"{v[0]}/{v[1]}",
        _share,
        is_default=True,
    ),
    "share_of_plan": ReadingKind(
        "share of the plan (achieved / planned)",
        "share",
        lambda xs: affine(divide(xs[0], xs[1]), 100.0),
        lambda v: f"{v[0]}/{v[1]}",
        _share_of_plan,
    ),
    "share_of_listed_sum": ReadingKind(
        "share of the sum of the figures listed before",
        "share",
        lambda xs: affine(divide(xs[0], xs[1]), 100.0),
        lambda v: f"{v[0]}/{v[1]}",
        _share_of_listed_sum,
    ),
    "ratio": ReadingKind(
        "ratio", "ratio", lambda xs: divide(xs[0], xs[1]), lambda v: f"{v[0]}/{v[1]}", _ratio, True
    ),
    "ratio_inverse": ReadingKind(
        "ratio the other way",
        "ratio",
        lambda xs: divide(xs[0], xs[1]),
        lambda v: f"{v[0]}/{v[1]}",
        lambda claim, pool: iter(()),  # enumerated with "ratio"
    ),
    "pp_change": ReadingKind(
        "change of a share in percentage points",
        "pp_change",
        _pp,
        lambda v: f"{v[0]}/{v[1]} - {v[2]}/{v[3]}",
        _pp_change,
        is_default=True,
    ),
}


def _figure_id(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def missing_reason(claim: Claim, pool: FigurePool) -> str:
    """Why a claim has no reading: the first input no figure of the text can fill."""
    if claim.kind in ("share", "pp_change") and not (claim.whole_flow or claim.flow):
        return "the text does not say what the share is of"
    period = claim.period or "its period"
    if not _candidates(claim, pool, claim.flow, claim.value_id, claim.period, "any", is_value=True):
        return f"no {claim.flow or 'matching'} figure for {period}"
    if claim.kind == "share":
        return f"no whole figure for {period}"
    if claim.kind == "pp_change":
        return f"no {claim.flow} figure for {claim.base_period or 'the earlier period'}"
    flow = claim.whole_flow or claim.flow if claim.kind == "ratio" else claim.flow
    base_period = claim.period if claim.kind == "ratio" and claim.whole_flow else claim.base_period
    return f"no {flow or 'matching'} figure for {base_period or 'the earlier period'}"
