"""Probable slips in a money figure: million ↔ billion, or a comma read the wrong way.

A figure ``F`` involved in at least one inconsistent check is a probable slip when exactly one of
its candidate readings — ×1000 or ÷1000 (million ↔ billion), or the other reading of a single comma
("626,1" as 626.1 instead of 6261, or the reverse) — makes *every* verifiable check involving ``F``
consistent, and the evidence constrains ``F``: either ``F`` takes part in two or more checks, or
every other figure of its one check is anchored by another check that is consistent as written. It
is never corrected when ambiguous: two candidate readings of ``F`` both work, the single check is
unconstrained (it could equally be the other figure's slip), or another figure sharing one of
``F``'s inconsistent checks would be corrected too.
"""

from __future__ import annotations

import math
import re
from collections import ChainMap

from analysis.checks.intervals import Interval, figure_interval, format_usd, number
from analysis.checks.verdicts import Check, describe_sum, figure_intervals, judge


def find_corrections(
    checks: list[Check],
    figures: dict[int, dict],
    values: dict[int, float],
    results: list[dict] | None = None,
    intervals: dict[int, Interval] | None = None,
) -> dict[int, tuple[float, str]]:
    """Figure id → (suggested value in US dollars, reason) for each probable slip.

    ``results`` (the checks judged at ``values``) and ``intervals`` (the figures' intervals at
    ``values``) are worked out here unless given.
    """
    if intervals is None:
        intervals = figure_intervals(figures, values)
    if results is None:
        results = [judge(c, figures, values, intervals) for c in checks]
    verifiable = [(c, r) for c, r in zip(checks, results, strict=True) if r["figure_ids"]]
    checks = [c for c, _ in verifiable]
    used = [r["figure_ids"] for _, r in verifiable]
    verdicts = [r["verdict"] for _, r in verifiable]
    checks_of: dict[int, list[int]] = {}  # figure id → the checks using it, in order
    for i, ids in enumerate(used):
        for fid in ids:
            checks_of.setdefault(fid, []).append(i)
    proposals: dict[int, tuple[float, str]] = {}
    for fid, f in figures.items():
        involved = checks_of.get(fid, [])
        if not any(verdicts[i] == "inconsistent" for i in involved):
            continue
        if not _is_constrained(fid, involved, used, verdicts, checks_of):
            continue
        working = []
        for value, how in candidate_values(f["quote"], float(f["value_usd"])):
            trial = ChainMap({fid: figure_interval(f, value)}, intervals)  # no copy per trial
            trials = []
            for i in involved:  # only the checks using the figure; the first one not fitting ends
                trials.append(judge(checks[i], figures, values, trial))
                if trials[-1]["verdict"] != "consistent":
                    break
            else:
                working.append((value, how, trials))
            if len(working) > 1:
                break  # two readings work: ambiguous, never corrected
        if len(working) != 1:
            continue
        value, how, trials = working[0]
        evidence = "; ".join(
            _implied(checks[i], r["figure_ids"], fid, figures, values)
            or r["explanation"].rsplit(" → ", 1)[0]
            for i, r in zip(involved, trials, strict=True)
        )
        inconsistent = sum(verdicts[i] == "inconsistent" for i in involved)
        proposals[fid] = (
            value,
            f"probable slip ({how}): as written it makes {inconsistent} of its {len(involved)} "
            f"checks inconsistent, as {format_usd(value)} all are consistent; evidence: {evidence}",
        )
    shared = {
        fid
        for fid in proposals
        for i in checks_of.get(fid, [])
        if verdicts[i] == "inconsistent" and any(o != fid and o in proposals for o in used[i])
    }
    return {fid: p for fid, p in proposals.items() if fid not in shared}


def candidate_values(quote: str, value: float) -> list[tuple[float, str]]:
    """Other readings of a money figure: ×1000, ÷1000, and the other reading of a single comma."""
    candidates = [
        (value * 1000, "×1000, million/billion slip"),
        (value / 1000, "÷1000, billion/million slip"),
    ]
    match = re.search(r"(?<![\d.,])\d+,\d+(?![\d.,])", quote)
    if match:
        digits = match.group()
        as_thousands, as_decimal = float(digits.replace(",", "")), float(digits.replace(",", "."))
        for read, other, how in (
            (as_thousands, as_decimal, f"decimal comma: {digits} read as {as_decimal:g}"),
            (as_decimal, as_thousands, f"thousands comma: {digits} read as {as_thousands:g}"),
        ):
            power = math.log10(value / read) if value > 0 and read > 0 else math.nan
            if abs(power - round(power)) < 1e-9 and round(power) % 3 == 0:  # unit, thousand, …
                candidates.append((other * 10 ** round(power), how))
    unique: list[tuple[float, str]] = []
    for candidate, how in candidates:
        if not math.isclose(candidate, value) and not any(
            math.isclose(candidate, u) for u, _ in unique
        ):
            unique.append((candidate, how))
    return unique


def _implied(
    check: Check, ids: tuple[int, ...], fid: int, figures: dict[int, dict], values: dict[int, float]
) -> str:
    """What one check says figure ``fid`` should be, from the other figures ("" if not simple)."""
    row = check.row
    reading = next((r for r in check.readings if r.figure_ids == ids), None)
    if reading is None or any(level.is_derived for level in reading.inputs):
        return ""
    order = [level.figure_id for level in reading.inputs]
    at = order.index(fid)
    other = [values[i] for i in order]
    name = [f"{figures[i]['flow']} {figures[i]['period']} {format_usd(values[i])}" for i in order]
    kind, stated = row["kind"], number(row["stated"])
    if kind == "total":  # whole × signs[0] = Σ part × sign, solved for the figure at ``at``
        signs = [level.term[0][1] for level in reading.inputs]
        if at == 0:
            terms = list(zip(signs[1:], name[1:], strict=True))
            implied = sum(s * v for s, v in zip(signs[1:], other[1:], strict=True))
        else:
            own = signs[at]
            terms = [(own * signs[0], name[0])] + [
                (-own * signs[k], name[k]) for k in range(1, len(order)) if k != at
            ]
            implied = own * (
                signs[0] * other[0]
                - sum(signs[k] * other[k] for k in range(1, len(order)) if k != at)
            )
        return f"{describe_sum(terms)} = {format_usd(implied)}"
    if kind not in ("pct_change", "share", "ratio") or len(order) != 2:
        return ""
    factor = {"pct_change": 1 + stated / 100, "share": stated / 100, "ratio": stated}[kind]
    shown = {
        "pct_change": f"(1 {'-' if stated < 0 else '+'} {abs(stated):g}%)",
        "share": f"{stated:g}%",
        "ratio": f"{stated:g}",
    }[kind]
    if factor == 0:
        return ""
    quote = f'"{row["quote"]}"'
    if at == 0:
        return f"{quote}: {format_usd(other[1])} × {shown} = {format_usd(other[1] * factor)}"
    return f"{quote}: {format_usd(other[0])} / {shown} = {format_usd(other[0] / factor)}"


def _is_constrained(
    fid: int,
    involved: list[int],
    used: list[tuple[int, ...]],
    verdicts: list[str],
    checks_of: dict[int, list[int]],
) -> bool:
    """Two or more checks, or one whose other figures are each anchored by a consistent check."""
    if len(involved) >= 2:
        return True
    return all(
        any(verdicts[i] == "consistent" and fid not in used[i] for i in checks_of[other])
        for other in used[involved[0]]
        if other != fid
    )
