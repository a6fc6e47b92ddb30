"""Interval arithmetic on stated figures: rounding half-widths, qualifier widening, formatting.

An interval is ``(point, low, high)``. Money figures are in US dollars; claims are in their own
unit (percent, percentage points or times).
"""

from __future__ import annotations

import math

import pandas as pd

# How far a qualifier opens a stated value, relative to it: "about X" → ±5 %, "almost"/"under X" →
# down to 0.90·X, "over X" → up to 1.10·X (the interval rules of the real-text annotations).
QUALIFIER_SPREAD = {"about": 0.05, "almost": 0.10, "under": 0.10, "over": 0.10}
PERCENT_TOLERANCE = 1.0  # at least this much widening, in percent or points, on percent claims
UNITS = {"pct_change": "%", "share": "%", "pp_change": "pp", "ratio": "x"}  # claim kind → unit

Interval = tuple[float, float, float]  # (point, low, high)
Term = tuple[tuple[int, float], ...]  # a linear combination of figures: ((figure_id, factor), …)


def widen(point: float, low: float, high: float, qualifier: str, floor: float = 0.0) -> Interval:
    """Widen ``[low, high]`` on the side(s) a qualifier leaves open.

    "about" opens both sides, "almost"/"under" the lower side, "over" the upper side, each by
    ``QUALIFIER_SPREAD`` of ``point`` and at least ``floor`` (in the value's own unit).
    """
    tolerance = max(floor, abs(point) * QUALIFIER_SPREAD.get(qualifier, 0.0))
    if qualifier == "about":
        return point, low - tolerance, high + tolerance
    if qualifier in ("almost", "under"):
        return point, low - tolerance, high
    if qualifier == "over":
        return point, low, high + tolerance
    return point, low, high


def figure_interval(figure: dict, value: float, sign: float = 1.0) -> Interval:
    """Interval of a money figure (US dollars) at ``value``, half-width scaled with the value."""
    stated = float(figure["value_usd"])
    half_width = number(figure["half_width_usd"]) * (value / stated if stated else 1.0)
    point, low, high = widen(
        value,
        value - half_width,
        value + half_width,
        text(figure["qualifier"]),
    )
    return (point, low, high) if sign >= 0 else (-point, -high, -low)


def term_interval(term: Term, intervals: dict[int, Interval]) -> Interval:
    """Interval of ``Σ factor · figure`` (factors ±1 in practice)."""
    point = low = high = 0.0
    for figure_id, factor in term:
        x = intervals[figure_id]
        point += factor * x[0]
        low += factor * (x[1] if factor >= 0 else x[2])
        high += factor * (x[2] if factor >= 0 else x[1])
    return point, low, high


def stated_interval(kind: str, stated: float, half_width: float, qualifier: str) -> Interval:
    """Interval a reader gives a stated claim: its rounding, then its qualifier on the magnitude."""
    magnitude = abs(stated)
    floor = 0.0 if kind == "ratio" else PERCENT_TOLERANCE
    _, low, high = widen(
        magnitude, magnitude - half_width, magnitude + half_width, qualifier, floor
    )
    return (stated, low, high) if stated >= 0 else (stated, -high, -low)


def divide(a: Interval, b: Interval) -> Interval | None:
    """``a / b`` over both intervals; None when ``b`` contains zero."""
    if b[1] <= 0 <= b[2]:
        return None
    corners = [a[1] / b[1], a[1] / b[2], a[2] / b[1], a[2] / b[2]]
    return a[0] / b[0], min(corners), max(corners)


def affine(x: Interval | None, scale: float, shift: float = 0.0) -> Interval | None:
    """``scale · x + shift`` (``scale`` > 0)."""
    return None if x is None else (x[0] * scale + shift, x[1] * scale + shift, x[2] * scale + shift)


def overlaps(a: Interval, b: Interval) -> bool:
    """Whether two intervals intersect (with a relative epsilon for float noise)."""
    eps = 1e-9 * max(1.0, abs(a[1]), abs(a[2]), abs(b[1]), abs(b[2]))
    return a[1] <= b[2] + eps and b[1] <= a[2] + eps


def format_usd(value: float, digits: int = 4) -> str:
    """Readable dollars to ``digits`` significant digits: 1.18e9 → "1.18bn", 4.786e8 → "478.6m"."""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.{digits}g}{suffix}"
    return f"{value:.{digits}g}"


def format_claim_number(kind: str, half_width: float, x: Interval) -> str:
    """A recomputed claim value with its interval, to one digit more than the stated rounding."""
    decimals = 1 + (max(0, -math.floor(math.log10(2 * half_width) + 1e-9)) if half_width > 0 else 1)
    unit = UNITS[kind]
    return f"{x[0]:.{decimals}f}{unit} [{x[1]:.{decimals}f}, {x[2]:.{decimals}f}]"


def format_total(x: Interval) -> str:
    """A recomputed sum in dollars with enough digits to show its interval."""
    point, low, high = x
    width = high - low
    digits = (
        4
        if width <= 0 or point == 0
        else min(8, max(4, 2 + math.floor(math.log10(abs(point))) - math.floor(math.log10(width))))
    )
    return f"{format_usd(point, digits)} [{format_usd(low, digits)}, {format_usd(high, digits)}]"


def text(value: object) -> str:
    """A table cell as text, "" for missing."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def number(value: object, default: float = 0.0) -> float:
    """A table cell as a float, ``default`` for missing."""
    return default if value is None or pd.isna(value) else float(value)
