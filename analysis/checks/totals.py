"""Checks of sums among a text's own figures: turnover, balance and sub-periods.

Turnover = exports + imports, balance = exports − imports, a period = the sum of its sub-periods.

A figure stated twice (same flow, period, countries and value, e.g. a headline repeating the body)
is checked once, at its last statement. Figures of one product and amounts of change take no part.
The loader gives a balance unsigned with its sign in ``balance_sign`` (+1 "surplus", −1 "deficit");
a balance check compares the signed value, so a surplus with exports below imports is inconsistent.
A balance without a stated sign is compared by size, taking the sign of exports − imports.
"""

from __future__ import annotations

import bisect
import math

from analysis.checks.candidates import Reading
from analysis.checks.intervals import text
from analysis.checks.pool import FigurePool, Level, balance_sign, keys_of

_WINDOW = 50  # figures of one flow and period on each side a sum check looks at (bounded)
_SUBPERIODS = {
    "": (("H1", "H2"), ("Q1", "Q2", "Q3", "Q4"), tuple(f"{m:02d}" for m in range(1, 13))),
    "H1": (("Q1", "Q2"), ("01", "02", "03", "04", "05", "06")),
    "H2": (("Q3", "Q4"), ("07", "08", "09", "10", "11", "12")),
    **{f"Q{q}": (tuple(f"{m:02d}" for m in range(3 * q - 2, 3 * q + 1)),) for q in range(1, 5)},
}


def total_readings(pool: FigurePool) -> list[tuple[int, Reading]]:
    """(whole figure id, reading) of each sum check; a reading's first input is the whole.

    Each input's term carries its sign: a deficit enters as −1 · value, imports in a balance as −1.
    """
    figures = _matchable(pool)
    index: dict[tuple[str, str], list[int]] = {}
    for figure_id, f in figures.items():
        index.setdefault((str(f["flow"]), text(f["period"])), []).append(figure_id)
    for ids in index.values():
        ids.sort(key=lambda i: int(figures[i]["start"]))
    found = []
    for figure_id, f in figures.items():
        period, keys = text(f["period"]), keys_of(f)
        if not period or f["flow"] == "other":
            continue
        near = (int(f["start"]), int(f["end"]))
        if f["flow"] in ("turnover", "balance"):
            parts = [
                _match(figures, index, flow, period, keys, near) for flow in ("exports", "imports")
            ]
            signs = [1.0, -1.0] if f["flow"] == "balance" else [1.0, 1.0]
            if None in parts and f["flow"] == "balance" and all(keys):
                # "the negative balance of UK trade with Kazakhstan": the other side's M − X
                parts = [
                    _match(figures, index, flow, period, keys[::-1], near)
                    for flow in ("imports", "exports")
                ]
            if None not in parts:
                sign = 1.0 if f["flow"] == "turnover" else balance_sign(f)
                if math.isnan(sign):  # unsigned: compared by size
                    difference = figures[parts[0]]["value_usd"] - figures[parts[1]]["value_usd"]
                    sign = -1.0 if difference < 0 else 1.0
                found.append(_total(pool, figure_id, sign, parts, signs))
        year, _, sub = period.partition("-")
        if "/" in period or not year.isdigit():
            continue
        for subs in _SUBPERIODS.get(sub, ()):
            parts = [_match(figures, index, f["flow"], f"{year}-{s}", keys, near) for s in subs]
            if None not in parts:
                signs = [balance_sign(figures[i]) for i in parts]
                sign = balance_sign(f)
                if not any(math.isnan(x) for x in [sign, *signs]):  # a balance of unstated sign
                    found.append(_total(pool, figure_id, sign, parts, signs))
    return found


def _total(
    pool: FigurePool, whole_id: int, sign: float, parts: list[int], signs: list[float]
) -> tuple[int, Reading]:
    def level(figure_id: int, factor: float) -> Level:
        stated = pool.level(figure_id)
        return Level(((figure_id, factor),), *_fields(stated))

    inputs = (level(whole_id, sign), *(level(i, s) for i, s in zip(parts, signs, strict=True)))
    return whole_id, Reading("total", inputs, 0, 0)


def _fields(level: Level) -> tuple:
    return (
        level.flow,
        level.period,
        level.reporter,
        level.partner,
        level.scope,
        level.start,
        level.end,
        level.label,
    )


def _matchable(pool: FigurePool) -> dict[int, dict]:
    """Figures of all goods (no product figures, no changes), each statement once (its last)."""
    last = {}
    for figure_id, f in pool.figures.items():
        if text(f.get("scope")) in ("", "all"):
            last[(f["flow"], text(f["period"]), keys_of(f), float(f["value_usd"]))] = figure_id
    return {figure_id: pool.figures[figure_id] for figure_id in sorted(last.values())}


def _match(
    figures: dict[int, dict],
    index: dict[tuple[str, str], list[int]],
    flow: str,
    period: str,
    keys: tuple[str, str],
    near: tuple[int, int],
) -> int | None:
    """Id of the figure of this flow and period whose countries fit, nearest in the text."""
    best = None
    ids = index.get((flow, period), [])  # in text order: look at the nearest ``_WINDOW`` each side
    at = bisect.bisect_left(ids, near[0], key=lambda i: int(figures[i]["start"]))
    for figure_id in ids[max(0, at - _WINDOW) : at + _WINDOW]:
        f = figures[figure_id]
        level_keys = keys_of(f)
        if any(a and b and a != b for a, b in zip(level_keys, keys, strict=True)):
            continue
        exact = sum(bool(a) and a == b for a, b in zip(level_keys, keys, strict=True))
        distance = max(near[0] - int(f["end"]), int(f["start"]) - near[1], 0)
        rank = (-exact, distance, figure_id)
        if best is None or rank < best[0]:
            best = (rank, figure_id)
    return None if best is None else best[1]
