"""Readings of a share: of the whole, of a plan, of the sum of the figures listed before it.

Each is a ``ReadingKind`` of claim kind "share" in ``SHARE_KINDS``, which ``readings`` puts in
its registry; the candidate search they use is in ``candidates``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from analysis.checks.candidates import (
    FAR_LIMIT,
    MATCHED,
    WEAK_LEVELS,
    Claim,
    Reading,
    ReadingKind,
    find_candidates,
    find_earlier_totals,
    make_reading,
    sum_value_usd,
)
from analysis.checks.intervals import Interval, affine, divide
from analysis.checks.listed import listed_sum
from analysis.checks.pool import PLAN_BEFORE_AMOUNT, FigurePool, Level, fits
from analysis.reference.news_vocabulary import PLAN_FLOW

ADJACENT = 4  # support of a share's part right beside it ("$188 million (15 percent)")
# A share of goods alone ("almost 80 per cent of goods exported") and a total that counts services
# ("goods and services exports to $8,594.5 million"): not the same whole.
_OF_GOODS = re.compile(r"\bof\s+(?:(?:total|all|the)\s+)*goods\b(?!\s+and\s+services)", re.I)
_SERVICES_BEFORE = re.compile(r"\bservices?\b(?:[^.;]|\.(?=\d)){0,140}$", re.I)


def _counts_services(pool: FigurePool, level: Level) -> bool:
    """Whether the words right before a figure say it counts services."""
    return _SERVICES_BEFORE.search(pool.text[max(0, level.start - 160) : level.start]) is not None


def _share(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    if claim.whole_flow == PLAN_FLOW:
        return  # a share of a plan is read only against the plan (``_share_of_plan``)
    parts = find_candidates(
        claim, pool, claim.flow, claim.value_id, claim.period, "part", is_value=True
    )
    whole_flow = claim.whole_flow or claim.flow
    role = "whole" if whole_flow == claim.flow else "any"
    wholes = find_candidates(claim, pool, whole_flow, claim.base_id, claim.period, role)
    for level in find_earlier_totals(claim, pool, whole_flow, role):
        wholes[level] = max(wholes.get(level, 0), MATCHED + 1)
    if role == "any":  # a share of another flow: of the pair's figure or of a total
        for level in find_earlier_totals(claim, pool, whole_flow, "whole"):
            wholes[level] = max(wholes.get(level, 0), MATCHED + 1)
    # whoever's total it is, of whichever flow (the flow of a whole is the attribute a reader
    # most often gets wrong: "Of the total external trade, … $7.97bn, or 60.6 percent, were
    # imported"), even the part of another share (imports, a share of turnover, are the whole
    # of a share of imports): it may confirm, not refute
    for flow in dict.fromkeys((whole_flow, "turnover", "exports", "imports")):
        for level in find_earlier_totals(claim, pool, flow, "world", with_parts=True):
            wholes.setdefault(level, 0)
    # whatever countries the reader gave it ("Chile's exports … 3.649 billion" read as exports
    # to Chile): the last total of the claim's own flow and period may confirm, not refute
    for level in find_earlier_totals(claim, pool, whole_flow, "anyone"):
        if level.period == claim.period:
            wholes.setdefault(level, 0)
    # the total of the very countries of the claim and its part, of its flow and period, stated
    # before it: "Ukraine imported goods worth $30.4 bln … Machinery … amounting to $8.9 bln
    # account for 67% of imported goods" (all three read as Ukraine–China)
    for level in find_earlier_totals(claim, pool, whole_flow, "anyone"):
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
    of_goods = _OF_GOODS.search(pool.text[claim.span[0] : claim.span[1] + 40]) is not None
    for part, part_support in parts.items():
        value = sum_value_usd(pool, part)
        if part.start > claim.span[1] and pool.nearness(part, claim.span) == 0:
            # a part stated after the share, in a later paragraph ("Petroleum products accounted
            # for 23% of imports in 2023" … "Total trade … $3.481 billion, with imports at $3.275
            # billion"): it may confirm the share, never refute it
            part_support = 0
        for whole, whole_support in wholes.items():
            if of_goods and _counts_services(pool, whole):
                whole_support = 0  # a total of goods and services may confirm, never refute
            if whole == part or (claim.stated < 100 and sum_value_usd(pool, whole) <= value):
                continue  # a whole is larger than its part (an equal one is a repeat of it)
            if whole.figure_id in pool.share_parts and whole_support > 0:
                continue  # the part of another share ("China $39.8bn, 20.1%; Korea $29.1bn…")
            other_period = part.period and whole.period and part.period != whole.period
            support = whole_support - 1 if other_period else whole_support
            yield make_reading("share", claim, ((part, part_support), (whole, support)))
        # the share of a total of another flow: only to say "matches the share of …"
        for flow in ("turnover", "exports", "imports"):
            if flow == whole_flow:
                continue
            for whole in find_earlier_totals(claim, pool, flow, "whole"):
                if whole != part and sum_value_usd(pool, whole) > value:
                    reading = make_reading("share", claim, ((part, part_support), (whole, 0)))
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
        yield make_reading("share_of_plan", claim, ((achieved[-1], 3), (plans[-1], 3)))


def _share_of_listed_sum(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    """Their sum over the total, for "The five sectors made up 36 percent of overall exports"."""
    part = listed_sum(pool, claim.span, claim.flow)
    if part is None:
        return
    value, listed = sum_value_usd(pool, part), {figure_id for figure_id, _ in part.term}
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
        and sum_value_usd(pool, level) > value
        and (not claim.period or level.period in ("", claim.period))
    ]
    wholes.sort(
        key=lambda level: -sum_value_usd(pool, level)
    )  # "overall exports": the largest stated
    for rank, whole in enumerate(wholes[:WEAK_LEVELS]):
        yield make_reading(
            "share_of_listed_sum", claim, ((part, 3), (whole, MATCHED + 1 if rank == 0 else 0))
        )


def _share_pct(xs: list[Interval]) -> Interval | None:
    return affine(divide(xs[0], xs[1]), 100.0)


SHARE_KINDS: dict[str, ReadingKind] = {
    "share": ReadingKind(
        "share of the whole",
        "share",
        _share_pct,
        lambda v: f"{v[0]}/{v[1]}",
        _share,
        is_default=True,
    ),
    "share_of_plan": ReadingKind(
        "share of the plan (achieved / planned)",
        "share",
        _share_pct,
        lambda v: f"{v[0]}/{v[1]}",
        _share_of_plan,
    ),
    "share_of_listed_sum": ReadingKind(
        "share of the sum of the figures listed before",
        "share",
        _share_pct,
        lambda v: f"{v[0]}/{v[1]}",
        _share_of_listed_sum,
    ),
}
