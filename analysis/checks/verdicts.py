"""A claim's verdict from its readings, and the explanation naming the reading and any known slip.

``consistent`` when a best-supported reading fits the stated claim within rounding;
``inconsistent`` only when none of the best-supported readings fits; ``unverifiable`` when the
text lacks the figures (no reading) or every base holds zero. When the best reading does not fit
but a well-known slip reproduces the stated number, the explanation says so: the change divided
by the current value instead of the base, a truncated instead of a rounded figure, the share of
another whole, a level written where an increase was meant.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from analysis.checks.candidates import Reading
from analysis.checks.intervals import (
    UNITS,
    Interval,
    affine,
    divide,
    figure_interval,
    format_claim_number,
    format_total,
    format_usd,
    number,
    overlaps,
    stated_interval,
    term_interval,
    text,
)
from analysis.checks.readings import READING_KINDS


@dataclass(frozen=True)
class Check:
    """A claims-table row with its candidate readings, best supported first."""

    row: dict
    readings: tuple[Reading, ...]
    missing: str = ""  # why no reading exists


def judge(
    check: Check,
    figures: dict[int, dict],
    values: Mapping[int, float],
    intervals: Mapping[int, Interval] | None = None,
) -> dict:
    """Verdict, recomputed interval, figures used and explanation of one check.

    Args:
        check: The claim (or total) and its readings.
        figures: Figures-table rows by id.
        values: Each figure's value in US dollars (as stated, or corrected).
        intervals: Each figure's interval at ``values`` (:func:`figure_intervals`), when already
            worked out; ``values`` is then not read.

    Returns:
        The ``RESULT_COLUMNS`` of the claims table, plus ``reading`` (the kind used, "" if none).
    """
    row, kind = check.row, check.row["kind"]
    nan = math.nan
    result = dict(
        stated_low=nan,
        stated_high=nan,
        recomputed=nan,
        recomputed_low=nan,
        recomputed_high=nan,
        figure_ids=(),
        verdict="unverifiable",
        reading="",
    )
    if intervals is None:
        used = {figure_id for reading in check.readings for figure_id in reading.figure_ids}
        intervals = {i: figure_interval(figures[i], values[i]) for i in used}
    if kind == "total":
        reading = check.readings[0]
        xs = [term_interval(level.term, intervals) for level in reading.inputs]
        stated = xs[0]
        recomputed = tuple(sum(x[k] for x in xs[1:]) for k in range(3))
        verdict = "consistent" if overlaps(stated, recomputed) else "inconsistent"
        return {
            **result,
            "stated_low": stated[1],
            "stated_high": stated[2],
            **_recomputed(recomputed),
            "figure_ids": reading.figure_ids,
            "verdict": verdict,
            "reading": "total",
            "explanation": f"{_describe_total(row, stated, reading, figures)}; "
            f"{_describe_sum(reading, xs)} = {format_total(recomputed)} → {verdict}",
        }
    if kind not in UNITS or math.isnan(number(row["stated"], nan)):
        return {**result, "explanation": f"no stated value of a known kind ({kind}) → unverifiable"}
    stated = stated_interval(
        kind, float(row["stated"]), number(row["stated_half_width"]), text(row["qualifier"])
    )
    result.update(stated_low=stated[1], stated_high=stated[2])
    stated_text = _describe_stated(row, stated)
    computed = []
    for reading in check.readings:
        xs = [term_interval(level.term, intervals) for level in reading.inputs]
        value = READING_KINDS[reading.kind].compute(xs)
        if value is not None:
            computed.append((reading, xs, value))
    alternatives = computed
    computed = [c for c in computed if not c[0].is_slip]
    if not computed:
        why = check.missing or "a base interval contains zero"
        return {**result, "explanation": f"{stated_text}; {why} → unverifiable"}
    strong = [c for c in computed if not c[0].is_weak]
    best = max((reading.support for reading, _, _ in strong), default=0)
    top = [c for c in strong if c[0].support == best]
    fitting = [c for c in top if overlaps(stated, c[2])]
    if not top:  # only barely supported readings: one that fits confirms, none refutes
        fitting = [c for c in computed if overlaps(stated, c[2])]
        if not fitting:
            why = "no reading the text supports well"
            return {**result, "explanation": f"{stated_text}; {why} → unverifiable"}
    note = ""
    if fitting:
        reading, xs, value = fitting[0]
        verdict = "consistent"
    else:
        reading, xs, value = top[0]
        flipped = (-stated[0], -stated[2], -stated[1])
        # the figures' change goes the other way than the stated one (their central values: so
        # wider figures never turn a fitting size into a refutation)
        opposite = value[0] * stated[0] < 0
        if kind in ("pct_change", "pp_change") and opposite and overlaps(flipped, value):
            verdict = "consistent"
            note = "; the size fits, the direction word was read the other way"
        else:
            verdict = "inconsistent"
            note = _slip(kind, stated, reading, xs, value, alternatives)
    name = READING_KINDS[reading.kind]
    shown = format_claim_number(kind, number(row["stated_half_width"]), value)
    named = "" if name.is_default else f"{name.name}: "
    formula = name.formula([format_usd(x[0]) for x in xs])
    return {
        **result,
        **_recomputed(value),
        "figure_ids": reading.figure_ids,
        "verdict": verdict,
        "reading": reading.kind,
        "explanation": f"{stated_text}; {named}{formula} = {shown} → {verdict}{note}",
    }


def figure_intervals(figures: dict[int, dict], values: Mapping[int, float]) -> dict[int, Interval]:
    """Figure id → its interval in US dollars at ``values`` (for :func:`judge`)."""
    return {i: figure_interval(figure, values[i]) for i, figure in figures.items()}


def _recomputed(x: Interval) -> dict:
    return {"recomputed": x[0], "recomputed_low": x[1], "recomputed_high": x[2]}


# --- slips ---------------------------------------------------------------------------------------


def _slip(
    kind: str,
    stated: Interval,
    reading: Reading,
    xs: list[Interval],
    value: Interval,
    computed: list[tuple[Reading, list[Interval], Interval]],
) -> str:
    """The note "; matches if …" when a known slip reproduces the stated number, else ""."""
    if kind == "pct_change":
        now, base = xs[0], xs[1]
        over_now = divide((now[0] - base[0], now[1] - base[2], now[2] - base[1]), now)
        if over_now is not None and overlaps(stated, affine(over_now, 100.0)):
            period = reading.inputs[0].period or "current"
            return (
                f"; matches if the change is divided by the {period} value ({format_usd(now[0])})"
            )
        level = affine(divide(now, base), 100.0)
        if level is not None and overlaps(stated, level):
            return (
                f"; matches {format_usd(now[0])} as a percentage of {format_usd(base[0])}"
                " (a level written where an increase was meant)"
            )
    truncated = _truncated(stated)
    if truncated is not None and overlaps(truncated, value):
        return "; matches if the stated figure was truncated, not rounded"
    if kind == "share":
        for other, _, other_value in computed:
            if other.inputs[1] != reading.inputs[1] and overlaps(stated, other_value):
                return f"; matches the share of another whole, {other.inputs[1].label}"
    return ""


def _truncated(stated: Interval) -> Interval | None:
    """The values a stated number could come from if it was truncated instead of rounded."""
    point = stated[0]
    half = (stated[2] - stated[1]) / 2
    if half <= 0:
        return None
    magnitude = abs(point)
    low, high = magnitude, magnitude + 2 * half
    return (point, low, high) if point >= 0 else (point, -high, -low)


# --- text ----------------------------------------------------------------------------------------


def _describe_stated(row: dict, stated: Interval) -> str:
    kind = row["kind"]
    qualifier = text(row["qualifier"])
    sign = "+" if kind in ("pct_change", "pp_change") else ""
    value = f"{float(row['stated']):{sign}g}{UNITS.get(kind, '')}"
    half_width = number(row["stated_half_width"])
    if qualifier:
        return (
            f"stated {qualifier} {value} (±{half_width:g}, read as [{stated[1]:g}, {stated[2]:g}])"
        )
    return f"stated {value} (±{half_width:g})"


def _describe_total(row: dict, stated: Interval, reading: Reading, figures: dict) -> str:
    half = (stated[2] - stated[1]) / 2
    whole = figures[reading.inputs[0].figure_id]
    unsigned = (
        " (sign not stated)"
        if whole["flow"] == "balance" and math.isnan(number(whole.get("balance_sign"), math.nan))
        else ""
    )
    return (
        f"stated {row['flow']} {row['period']} {format_usd(stated[0])} (±{format_usd(half)})"
        f"{unsigned}"
    )


def _describe_sum(reading: Reading, xs: list[Interval]) -> str:
    terms = [
        (level.term[0][1], format_usd(level.term[0][1] * x[0]))
        for level, x in zip(reading.inputs[1:], xs[1:], strict=True)
    ]
    return describe_sum(terms)


def describe_sum(terms: list[tuple[float, str]]) -> str:
    """The text "a + b - c" of (factor, text) terms, those added first."""
    ordered = sorted(terms, key=lambda term: term[0] < 0)
    shown = ("-" if ordered[0][0] < 0 else "") + ordered[0][1]
    return shown + "".join(f" {'-' if f < 0 else '+'} {t}" for f, t in ordered[1:])
