"""Registry of the readings of a claim: which figures it compares and by which formula.

A careful reader of "exports fell 5.9% to $32.7bn" considers several readings: the change from the
two levels the text states, the change from a stated amount of change (base = level − change), and
for a share the whole the sentence names or the reporter's total stated earlier. Each reading kind
is one entry of ``READING_KINDS``: the claim kind it reads, its formula, and how to enumerate its
candidate figures from the pool. This module holds the change, ratio and percentage-point
readings and the registry; the share readings are in ``share_readings``, the claim and reading
types and the candidate search (with each reading's *support*) in ``candidates``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from analysis.checks.candidates import (
    LINKED,
    MATCHED,
    WEAK_LEVELS,
    Claim,
    Reading,
    ReadingKind,
    find_candidates,
    find_earlier_totals,
    make_reading,
    match_level,
    sum_value_usd,
)
from analysis.checks.intervals import Interval, affine, divide, text
from analysis.checks.pool import (
    PLAN_BEFORE_AMOUNT,
    WORLD,
    FigurePool,
    Level,
    fits,
    previous_period,
)
from analysis.checks.share_readings import SHARE_KINDS
from analysis.reference.news_vocabulary import PLAN_FLOW


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


def _months(period: str) -> int | None:
    """Length in months of a period string ("2019" 12, "2019-H1" 6, "2019-01/2019-05" 5)."""
    if re.fullmatch(r"\d{4}", period):
        return 12
    if re.fullmatch(r"\d{4}-H[12]", period):
        return 6
    if re.fullmatch(r"\d{4}-Q[1-4]", period):
        return 3
    if re.fullmatch(r"\d{4}-\d{2}", period):
        return 1
    span = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)
    if span:
        first_year, first, last_year, last = map(int, span.groups())
        return (last_year - first_year) * 12 + last - first + 1
    return None


# A change stated as a rate: an average of several changes ("increasing by an average of 18 per
# cent"), or a yearly rate over several years ("an annual trade growth of around 17% since 2005").
_AVERAGE_RATE = re.compile(r"\b(?:average|averaged|averaging|compound|CAGR)\b", re.IGNORECASE)
_YEARLY_RATE = re.compile(r"\b(?:annual|annually|per\s+(?:year|annum)|a\s+year)\b", re.IGNORECASE)


def _rate_words(claim: Claim, pool: FigurePool) -> str:
    """The words around a change claim that may make it a rate: 80 characters before, 30 after."""
    start, end = claim.span
    low = max(pool.text.rfind(". ", 0, start), pool.text.rfind("\n", 0, start), start - 80, 0)
    high = min(
        i for i in (pool.text.find(". ", end), pool.text.find("\n", end), end + 30) if i >= 0
    )
    return pool.text[low:start] + " " + pool.text[start:high]


def _is_earlier(a: str, b: str) -> bool:
    """Whether period ``a`` starts before period ``b`` (both as "YYYY…" strings)."""
    return a[:4] < b[:4] or (a[:4] == b[:4] and a < b)


# --- enumerators ---------------------------------------------------------------------------------


def _change_from_levels(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    if claim.whole_flow == PLAN_FLOW:
        return  # a change against a plan is read only against the plan (``_change_from_plan``)
    nows = find_candidates(
        claim, pool, claim.flow, claim.value_id, claim.period, "any", is_value=True
    )
    bases = find_candidates(claim, pool, claim.flow, claim.base_id, claim.base_period, "any")
    for figure_id in pool.adjacent_amounts(claim.span):  # "fell 5.9% ($2bn)": a change, no base
        bases = {b: s - 2 if b.figure_id == figure_id else s for b, s in bases.items()}
    words = _rate_words(claim, pool)
    is_average = _AVERAGE_RATE.search(words) is not None
    is_yearly = _YEARLY_RATE.search(words) is not None
    for now, now_support in nows.items():
        for base, base_support in bases.items():
            if base == now or now.flow != base.flow:
                continue
            dated = bool(now.period and base.period)  # then the periods say which is which
            if not dated and (base.figure_id == claim.value_id or now.figure_id == claim.base_id):
                continue
            if not _may_compare(now, base) and base.figure_id != claim.base_id:
                continue
            if (
                dated
                and previous_period(now.period) == base.period
                and now.period[:4] == (claim.period or now.period)[:4]
                and pool.nearness(now, claim.span) == pool.nearness(base, claim.span) == 3
            ):
                # both levels in the claim's sentence, a year apart ("surged by 25.09 percent from
                # $ 159.021 million in August 2022, against … $ 198.932 million in August 2023"):
                # they are the pair it compares, though the claim was given a longer period
                now_support = max(now_support, 3)
            if is_average or (is_yearly and previous_period(now.period) != base.period):
                # a rate is not the change between two levels (the mean of several changes, or
                # (16.8/8.5)^(1/5) - 1 a year over five years): they may confirm it, never refute
                base_support = 0
            if dated and _months(now.period) != _months(base.period):
                # a change compares periods of one length ("$97.62 billion" in the first quarter,
                # "$41.56 billion" in March): two lengths may confirm it, never refute it
                base_support = 0
            if now.period and base.period and not _is_earlier(base.period, now.period):
                if now.period != base.period:
                    continue
                # one period for both: the text may compare two of them, or the two are an item
                # and its total ("exports $123.7m … of which $23.5m"): it may confirm, never refute
                base_support = 0
            yield make_reading(
                "change_from_levels", claim, ((now, now_support), (base, base_support))
            )


def _change_from_plan(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    """The amount achieved over the amount planned, minus one.

    "However, the export revenue target in the last fiscal was USD 58 billion. As such, the export
    revenue was 4.21 per cent or USD 2.44 billion less than the target": the plan is the last
    amount before the claim that plan words name, the amount achieved the last level of the
    claim's flow before the plan. Their periods as read may differ (a plan is dated loosely): then
    the reading may confirm, never refute.
    """
    if claim.whole_flow != PLAN_FLOW:
        return
    plans = [
        level
        for level in pool.of_flow("other", claim.span[0], WEAK_LEVELS, 0)
        if PLAN_BEFORE_AMOUNT.search(pool.text[max(0, level.start - 60) : level.start])
        and pool.nearness(level, claim.span) >= 2
    ]
    if not plans:
        return
    plan = plans[-1]
    achieved = [
        level
        for level in pool.of_flow(claim.flow, plan.start, WEAK_LEVELS, 0)
        if level.scope == "all" and pool.nearness(level, claim.span) > 0
    ]
    if not achieved:
        return
    now = achieved[-1]
    support = 0 if now.period != plan.period else pool.nearness(now, claim.span)
    yield make_reading(
        "change_from_plan", claim, ((now, support), (plan, pool.nearness(plan, claim.span)))
    )


def _change_from_amount(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    if claim.whole_flow == PLAN_FLOW:
        return  # the amount beside a change against a plan is its gap to the plan
    sign = -1.0 if claim.stated < 0 else 1.0
    for now, base, nearness in pool.derived_bases(claim.span, claim.flow, sign, claim.scope):
        linked = LINKED if now.figure_id == claim.value_id else 0
        support = pool.nearness(now, claim.span) + linked
        yield make_reading(
            "change_from_amount", claim, ((now, support), (base, min(support, nearness)))
        )
    # an amount right beside the percent ("fell 5.9% ($2.0bn)") is its amount of change
    nows = find_candidates(
        claim, pool, claim.flow, claim.value_id, claim.period, "any", is_value=True
    )
    for change_id in pool.adjacent_amounts(claim.span):
        amount = float(pool.figures[change_id]["value_usd"])
        for now, support in nows.items():
            if now.figure_id == change_id or now.is_derived or sum_value_usd(pool, now) <= amount:
                continue
            base = pool.base_from(now, change_id, sign)
            yield make_reading("change_from_amount", claim, ((now, support), (base, 3)))


def _ratio(claim: Claim, pool: FigurePool) -> Iterator[Reading]:
    base_flow = claim.whole_flow or claim.flow
    base_period = claim.period if claim.whole_flow else claim.base_period
    firsts = find_candidates(
        claim, pool, claim.flow, claim.value_id, claim.period, "any", is_value=True
    )
    seconds = find_candidates(claim, pool, base_flow, claim.base_id, base_period, "any")
    if claim.whole_flow:  # two flows compared: "imports are twice as large as exports: $5.82bn"
        # the flow of a figure is the attribute a reader most often gets wrong: a figure of the
        # claim's own sentence and the last levels of the second flow and period before it,
        # whatever their countries, may confirm the ratio, never refute it
        for level in pool.near_levels(claim.span, ""):
            if pool.nearness(level, claim.span) == 3 and level.scope == claim.scope:
                firsts.setdefault(level, 0)
        for level in find_earlier_totals(claim, pool, base_flow, "anyone"):
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
            yield make_reading("ratio", claim, ((a, a_support), (b, b_support)))
            yield make_reading("ratio_inverse", claim, ((b, b_support), (a, a_support)))


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
        level = match_level(pool, flow, period, claim, role)
        if level is None or any(level == other for other, _ in inputs):
            return
        inputs.append((level, MATCHED))
    yield make_reading("pp_change", claim, tuple(inputs))


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
    "change_from_plan": ReadingKind(
        "change against the plan (achieved / planned - 1)",
        "pct_change",
        _pct,
        lambda v: f"{v[0]}/{v[1]} - 1",
        _change_from_plan,
    ),
    "change_from_amount": ReadingKind(
        "change from the stated amount of change (base = level − change)",
        "pct_change",
        _pct,
        lambda v: f"{v[0]}/{v[1]} - 1",
        _change_from_amount,
    ),
    **SHARE_KINDS,
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
