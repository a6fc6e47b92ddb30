"""Checks of a news text's claims and totals against its own figures, with rounding and slips.

Every figure is an interval ``[value - half_width, value + half_width]`` (its rounding as
written), widened by its qualifier; every stated claim is an interval ``[stated -
stated_half_width, stated + stated_half_width]``, widened the way a reader would read it:

* money figures and ratios: relative tolerance ``MONEY_TOLERANCE`` (5 %): "about X" →
  ``[0.95X, 1.05X]``, "almost X" / "under X" → ``[0.95X, X]``, "over X" → ``[X, 1.05X]``,
  each also keeping its own rounding;
* percents and percentage points: absolute tolerance ``PERCENT_TOLERANCE`` (1 unit): "about 36
  percent" → ``[35, 37]``, applied to the magnitude, so "fell by almost 36 percent" →
  ``[-36.5, -34.5]``.

A claim is recomputed from its figures with interval arithmetic and is ``consistent`` when the
recomputed and stated intervals intersect, ``inconsistent`` when they do not, ``unverifiable``
when a figure it needs is missing (or a base interval contains zero).

Which figures a check may use:

* a share of a flow in the same flow ("22.7 percent of the country's foreign trade") divides the
  pair's figure by a figure of the whole — the reporter's trade with the world (partner ``WLD``)
  or with no partner named — never by another figure of the same pair; without one it is
  unverifiable;
* figures of one product (``scope`` "commodity": "wheat exports reached $300 million") never
  stand for the pair's flow: claims about the pair and totals ignore them, and a claim about a
  product uses only the figures the text ties to it;
* an amount the value changed by (``scope`` "change": "decreased by $200 million") is never a
  level: no check uses it;
* a figure stated twice (same flow, period, countries and value, e.g. a headline repeating the
  body) is checked once, at its last statement; the figures table keeps both.

Totals (rows of kind ``total``): turnover = exports + imports, a period = the sum of its
sub-periods, and balance = exports − imports. The loader gives a balance unsigned with its
sign in ``balance_sign`` (+1 "surplus", −1 "deficit"); a balance check compares the signed
value, so a surplus with exports below imports is inconsistent. A balance without a stated sign
is compared by size, taking the sign of the stated exports − imports (its explanation says so).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from analysis.loaders.news import NewsDocument

WORLD = "WLD"  # partner code of a reporter's trade with all countries (as in analysis.loaders.news)

MONEY_TOLERANCE = 0.05  # relative widening for about/almost/over/under on money figures and ratios
PERCENT_TOLERANCE = 1.0  # absolute widening, in percent or percentage points, on percent claims
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
)

_UNITS = {"pct_change": "%", "share": "%", "pp_change": "pp", "ratio": "x"}
_SUBPERIODS = {
    "": (("H1", "H2"), ("Q1", "Q2", "Q3", "Q4"), tuple(f"{m:02d}" for m in range(1, 13))),
    "H1": (("Q1", "Q2"), ("01", "02", "03", "04", "05", "06")),
    "H2": (("Q3", "Q4"), ("07", "08", "09", "10", "11", "12")),
    **{f"Q{q}": (tuple(f"{m:02d}" for m in range(3 * q - 2, 3 * q + 1)),) for q in range(1, 5)},
}

Interval = tuple[float, float, float]  # (point, low, high)


@dataclass(frozen=True)
class Reconciliation:
    """Result of :func:`reconcile`.

    Attributes:
        figures: The figures table plus ``corrected_value_usd`` (``value_usd`` unless corrected).
        claims: The claims table plus rows of kind ``total``, with ``stated_low``, ``stated_high``,
            ``recomputed``, ``recomputed_low``, ``recomputed_high`` (units of ``stated``: %, pp,
            times or US dollars), ``figure_ids`` (tuple of the figures used), ``verdict`` and
            ``explanation`` (one line with the numbers).
        corrections: One row per probable slip: ``figure_id``, ``quote``, ``start``, ``end``,
            ``stated_value_usd``, ``suggested_value_usd``, ``reason``.
    """

    figures: pd.DataFrame
    claims: pd.DataFrame
    corrections: pd.DataFrame


@dataclass(frozen=True)
class _Check:
    row: dict  # claims-table row this check fills
    figure_ids: tuple[int, ...]  # in the order the kind's formula uses them; () when unverifiable
    missing: str = ""  # why the check is unverifiable
    signs: tuple[float, ...] = ()  # per figure, the factor its value enters with (total checks)


def reconcile(doc: NewsDocument, correct: bool = True) -> Reconciliation:
    """Check every claim and total of a news document against its own figures.

    Slip corrections (``correct=True``): a figure ``F`` involved in at least one inconsistent check
    is a probable slip when exactly one of its candidate readings — ×1000 or ÷1000 (million ↔
    billion), or the other reading of a single comma ("626,1" as 626.1 instead of 6261, or the
    reverse) — makes *every* verifiable check involving ``F`` consistent, and the evidence
    constrains ``F``: either ``F`` takes part in two or more checks, or every other figure of its
    one check is anchored by another check that is consistent as written. It is never corrected
    when ambiguous: two candidate readings of ``F`` both work, the single check is unconstrained
    (it could equally be the other figure's slip), or another figure sharing one of ``F``'s
    inconsistent checks would be corrected too. Verdicts are then recomputed with the corrected
    values (half-widths scaled alike).

    Args:
        doc: A loaded news document (``name``, ``text``, ``figures``, ``claims`` tables as in
            ``analysis.loaders.news``).
        correct: Whether to look for and apply slip corrections.

    Returns:
        Figures, checked claims (plus ``total`` rows) and corrections; see :class:`Reconciliation`.
    """
    figures = doc.figures.reset_index(drop=True)
    records = {int(f["figure_id"]): f for f in figures.to_dict("records")}
    checks = _build_checks(records, _matchable(records), doc.claims)
    values = {figure_id: float(f["value_usd"]) for figure_id, f in records.items()}
    corrections = _find_corrections(checks, records, values) if correct else {}
    for figure_id, (value, _) in corrections.items():
        values[figure_id] = value
    results = [_evaluate(check, records, values) for check in checks]
    claims = pd.DataFrame(
        [{**check.row, **result} for check, result in zip(checks, results, strict=True)],
        columns=[*doc.claims.columns, *RESULT_COLUMNS],
    )
    figures = figures.assign(corrected_value_usd=[values[int(i)] for i in figures["figure_id"]])
    rows = [
        {
            "figure_id": figure_id,
            **{key: records[figure_id][key] for key in ("quote", "start", "end")},
            "stated_value_usd": float(records[figure_id]["value_usd"]),
            "suggested_value_usd": value,
            "reason": reason,
        }
        for figure_id, (value, reason) in sorted(corrections.items())
    ]
    return Reconciliation(figures, claims, pd.DataFrame(rows, columns=list(CORRECTION_COLUMNS)))


# --- building the checks -------------------------------------------------------------------------


def _matchable(figures: dict[int, dict]) -> dict[int, dict]:
    """Figures a check may find by matching: all goods (no product figures, no changes), each once."""
    last = {}
    for figure_id, f in figures.items():
        if _text(f.get("scope")) in ("", "all"):
            last[(f["flow"], _text(f["period"]), _keys(f), float(f["value_usd"]))] = figure_id
    return {figure_id: figures[figure_id] for figure_id in sorted(last.values())}


def _build_checks(
    figures: dict[int, dict], pool: dict[int, dict], claims: pd.DataFrame
) -> list[_Check]:
    checks = [_claim_check(figures, pool, row) for row in claims.to_dict("records")]
    next_id = 1 + max((int(c.row["claim_id"]) for c in checks), default=-1)
    for whole_id, part_ids, signs in _total_groups(pool):
        whole = figures[whole_id]
        row = {column: None for column in claims.columns}
        row.update(
            document=whole["document"],
            claim_id=next_id,
            quote=whole["quote"],
            start=whole["start"],
            end=whole["end"],
            context=whole["context"],
            kind="total",
            stated=signs[0] * float(whole["value_usd"]),
            stated_half_width=float(whole["half_width_usd"]),
            qualifier=whole["qualifier"],
            flow=whole["flow"],
            period=whole["period"],
            reporter_iso3=whole["reporter_iso3"],
            partner_iso3=whole["partner_iso3"],
            value_figure_id=int(whole_id),
        )
        if "scope" in row:
            row["scope"] = _text(whole.get("scope")) or "all"
        checks.append(_Check(row, (int(whole_id), *part_ids), signs=signs))
        next_id += 1
    return checks


def _claim_check(figures: dict[int, dict], pool: dict[int, dict], row: dict) -> _Check:
    kind, flow, period = row["kind"], _text(row["flow"]), _text(row["period"])
    base_period = _text(row["base_period"]) or _previous_period(period)
    whole_flow = _text(row["whole_flow"])
    keys = _keys(row)
    near = (int(row["start"]), int(row["end"]))
    value_id, base_id = _figure_id(row["value_figure_id"]), _figure_id(row["base_figure_id"])
    if kind not in _UNITS or pd.isna(row["stated"]):
        return _Check(row, (), f"no stated value of a known kind ({kind})")
    if kind in ("share", "pp_change"):
        if not whole_flow:
            return _Check(row, (), "the text does not say what the share is of")
        # a share of the same flow: the pair's figure over the reporter's figure with the world
        part, whole = ("part", "whole") if flow == whole_flow else ("any", "any")
        wanted = [(flow, period, value_id, part), (whole_flow, period, base_id, whole)]
        if kind == "pp_change":
            wanted += [(flow, base_period, None, part), (whole_flow, base_period, None, whole)]
    else:  # pct_change, ratio: value against the same flow earlier, or against another flow
        base_flow = whole_flow or flow
        wanted = [
            (flow, period, value_id, "any"),
            (base_flow, period if whole_flow else base_period, base_id, "any"),
        ]
    if _text(row.get("scope")) == "commodity":
        pool = {}  # a product's figures only when the text ties them to the claim
    ids: list[int] = []
    for want_flow, want_period, given, role in wanted:
        found = (
            given
            if given in figures and _fits(figures[given], role, keys)
            else _match_figure(pool, want_flow, want_period, keys, near, ids, role)
        )
        if found is None:
            what = "whole" if role == "whole" else want_flow or "matching"
            return _Check(row, (), f"no {what} figure for {want_period or 'its period'}")
        ids.append(found)
    return _Check(row, tuple(ids))


def _fits(figure: dict, role: str, keys: tuple[str, str]) -> bool:
    """Whether a figure can play ``role`` for a claim of countries ``keys``.

    "part": the claim's own partner (a country, not the world); "whole": the same reporter's trade
    with the world or with no partner named; "any": countries that do not contradict the claim's.
    """
    reporter, partner = _keys(figure)
    if role == "part":
        return partner == keys[1] and partner not in ("", WORLD) and reporter in ("", keys[0])
    if role == "whole":
        return (
            partner in ("", WORLD)
            and partner != keys[1]
            and not (reporter and keys[0] and reporter != keys[0])
        )
    return not any(a and b and a != b for a, b in zip((reporter, partner), keys, strict=True))


def _match_figure(
    figures: dict[int, dict],
    flow: str,
    period: str,
    keys: tuple[str, str],
    near: tuple[int, int],
    exclude: list[int],
    role: str = "any",
) -> int | None:
    """Id of the figure of this flow and period fit for ``role`` (:func:`_fits`), nearest in text."""
    if not flow or not period:
        return None
    best = None
    for figure_id, f in figures.items():
        if f["flow"] != flow or _text(f["period"]) != period or figure_id in exclude:
            continue
        if not _fits(f, role, keys):
            continue
        exact = sum(bool(a) and a == b for a, b in zip(_keys(f), keys, strict=True))
        distance = max(near[0] - int(f["end"]), int(f["start"]) - near[1], 0)
        rank = (-exact, distance, figure_id)
        if best is None or rank < best[0]:
            best = (rank, figure_id)
    return None if best is None else best[1]


def _total_groups(
    figures: dict[int, dict],
) -> list[tuple[int, tuple[int, ...], tuple[float, ...]]]:
    """(whole, parts, signs) of each total check, ``signs`` the factors of the whole and its parts.

    Turnover = exports + imports; balance = exports − imports; a period = sum of its sub-periods.
    """
    groups = []
    for figure_id, f in figures.items():
        period, keys, near = _text(f["period"]), _keys(f), (int(f["start"]), int(f["end"]))
        if not period or f["flow"] == "other":
            continue
        if f["flow"] in ("turnover", "balance"):
            parts = [
                _match_figure(figures, flow, period, keys, near, [])
                for flow in ("exports", "imports")
            ]
            if None in parts and f["flow"] == "balance" and all(keys):
                # "the negative balance of UK trade with Kazakhstan": the UK's exports are Kazakhstan's
                # imports, so the balance is the other side's imports − exports
                parts = [
                    _match_figure(figures, flow, period, keys[::-1], near, [])
                    for flow in ("imports", "exports")
                ]
            if None not in parts:
                if f["flow"] == "turnover":
                    groups.append((figure_id, tuple(parts), (1.0, 1.0, 1.0)))
                else:
                    sign = _sign(f)
                    if math.isnan(sign):  # unsigned: compared by size
                        difference = figures[parts[0]]["value_usd"] - figures[parts[1]]["value_usd"]
                        sign = -1.0 if difference < 0 else 1.0
                    groups.append((figure_id, tuple(parts), (sign, 1.0, -1.0)))
        year, _, sub = period.partition("-")
        if "/" in period or not year.isdigit():
            continue
        for subs in _SUBPERIODS.get(sub, ()):
            parts = [_match_figure(figures, f["flow"], f"{year}-{s}", keys, near, []) for s in subs]
            if None not in parts:
                signs = tuple(_sign(figures[i]) for i in (figure_id, *parts))
                if not any(math.isnan(x) for x in signs):  # a balance of unstated sign: no sum
                    groups.append((figure_id, tuple(parts), signs))
    return groups


# --- evaluating a check --------------------------------------------------------------------------


def _evaluate(check: _Check, figures: dict[int, dict], values: dict[int, float]) -> dict:
    row, kind = check.row, check.row["kind"]
    nan = math.nan
    result = dict(
        stated_low=nan,
        stated_high=nan,
        recomputed=nan,
        recomputed_low=nan,
        recomputed_high=nan,
        figure_ids=check.figure_ids,
        verdict="unverifiable",
    )
    signs = check.signs or (1.0,) * len(check.figure_ids)
    xs = [
        _figure_interval(figures, i, values, sign)
        for i, sign in zip(check.figure_ids, signs, strict=True)
    ]
    if kind == "total":
        stated = xs[0]
    elif kind not in _UNITS or pd.isna(row["stated"]):
        stated = (math.nan, math.nan, math.nan)
    else:
        stated = _stated_interval(
            kind, float(row["stated"]), _number(row["stated_half_width"]), _text(row["qualifier"])
        )
    result.update(stated_low=stated[1], stated_high=stated[2])
    stated_text = _describe_stated(row, stated, figures)
    recomputed = _recompute(kind, xs) if xs else None
    if recomputed is None:
        why = check.missing or "a base interval contains zero"
        return {**result, "explanation": f"{stated_text}; {why} → unverifiable"}
    point, low, high = recomputed
    eps = 1e-9 * max(1.0, abs(low), abs(high), abs(stated[1]), abs(stated[2]))
    verdict = "consistent" if low <= stated[2] + eps and stated[1] <= high + eps else "inconsistent"
    formula = _describe_formula(kind, xs, signs)
    shown = _format_number(kind, row, point, low, high)
    return {
        **result,
        "recomputed": point,
        "recomputed_low": low,
        "recomputed_high": high,
        "verdict": verdict,
        "explanation": f"{stated_text}; {formula} = {shown} → {verdict}",
    }


def _figure_interval(
    figures: dict[int, dict], figure_id: int, values: dict[int, float], sign: float = 1.0
) -> Interval:
    f = figures[figure_id]
    value = values[figure_id]
    half_width = _number(f["half_width_usd"]) * (value / f["value_usd"] if f["value_usd"] else 1.0)
    point, low, high = _widen(
        value,
        value - half_width,
        value + half_width,
        abs(value) * MONEY_TOLERANCE,
        _text(f["qualifier"]),
    )
    return (point, low, high) if sign >= 0 else (-point, -high, -low)


def _stated_interval(kind: str, stated: float, half_width: float, qualifier: str) -> Interval:
    """Interval a reader gives a stated claim: its rounding, then its qualifier on the magnitude."""
    magnitude = abs(stated)
    tolerance = magnitude * MONEY_TOLERANCE if kind == "ratio" else PERCENT_TOLERANCE
    _, low, high = _widen(
        magnitude, magnitude - half_width, magnitude + half_width, tolerance, qualifier
    )
    return (stated, low, high) if stated >= 0 else (stated, -high, -low)


def _widen(point: float, low: float, high: float, tolerance: float, qualifier: str) -> Interval:
    if qualifier == "about":
        return point, low - tolerance, high + tolerance
    if qualifier in ("almost", "under"):
        return point, low - tolerance, high
    if qualifier == "over":
        return point, low, high + tolerance
    return point, low, high


def _recompute(kind: str, xs: list[Interval]) -> Interval | None:
    if kind == "total":
        return tuple(sum(x[k] for x in xs[1:]) for k in range(3))
    if kind == "pp_change":
        now, before = _divide(xs[0], xs[1]), _divide(xs[2], xs[3])
        if now is None or before is None:
            return None
        return (
            now[0] * 100 - before[0] * 100,
            now[1] * 100 - before[2] * 100,
            now[2] * 100 - before[1] * 100,
        )
    quotient = _divide(xs[0], xs[1])
    if quotient is None:
        return None
    scale, shift = {"pct_change": (100.0, -100.0), "share": (100.0, 0.0), "ratio": (1.0, 0.0)}[kind]
    return tuple(q * scale + shift for q in quotient)


def _divide(a: Interval, b: Interval) -> Interval | None:
    if b[1] <= 0 <= b[2]:
        return None
    corners = [a[1] / b[1], a[1] / b[2], a[2] / b[1], a[2] / b[2]]
    return a[0] / b[0], min(corners), max(corners)


# --- corrections ---------------------------------------------------------------------------------


def _find_corrections(
    checks: list[_Check], figures: dict[int, dict], values: dict[int, float]
) -> dict[int, tuple[float, str]]:
    verifiable = [c for c in checks if c.figure_ids]
    verdicts = [_evaluate(c, figures, values)["verdict"] for c in verifiable]
    proposals: dict[int, tuple[float, str]] = {}
    for fid, f in figures.items():
        involved = [i for i, c in enumerate(verifiable) if fid in c.figure_ids]
        if not any(verdicts[i] == "inconsistent" for i in involved):
            continue
        working = []
        for value, how in _candidate_values(f["quote"], float(f["value_usd"])):
            trial = {**values, fid: value}
            results = [_evaluate(verifiable[i], figures, trial) for i in involved]
            if all(r["verdict"] == "consistent" for r in results):
                working.append((value, how, results))
        if len(working) != 1 or not _is_constrained(fid, involved, verifiable, verdicts):
            continue
        value, how, results = working[0]
        evidence = "; ".join(
            _implied(verifiable[i], fid, figures, values) or r["explanation"].rsplit(" → ", 1)[0]
            for i, r in zip(involved, results, strict=True)
        )
        inconsistent = sum(verdicts[i] == "inconsistent" for i in involved)
        proposals[fid] = (
            value,
            (
                f"probable slip ({how}): as written it makes {inconsistent} of its "
                f"{len(involved)} checks "
                f"inconsistent, as {_format_usd(value)} all are consistent; evidence: {evidence}"
            ),
        )
    shared = {
        fid
        for fid in proposals
        for i in range(len(verifiable))
        if verdicts[i] == "inconsistent"
        and fid in verifiable[i].figure_ids
        and any(o != fid and o in proposals for o in verifiable[i].figure_ids)
    }
    return {fid: p for fid, p in proposals.items() if fid not in shared}


def _implied(check: _Check, fid: int, figures: dict[int, dict], values: dict[int, float]) -> str:
    """What one check says figure ``fid`` should be, from the other figures ("" if not simple)."""
    row, ids = check.row, check.figure_ids
    at = ids.index(fid)
    other = [values[i] for i in ids]
    name = [f"{figures[i]['flow']} {figures[i]['period']} {_format_usd(values[i])}" for i in ids]
    kind, stated = row["kind"], _number(row["stated"])
    quote = f'"{row["quote"]}"'
    if kind == "total":  # whole × signs[0] = Σ part × sign, solved for the figure at ``at``
        signs = check.signs or (1.0,) * len(ids)
        if at == 0:
            terms = list(zip(signs[1:], name[1:], strict=True))
            implied = sum(s * v for s, v in zip(signs[1:], other[1:], strict=True))
        else:
            own = signs[at]
            terms = [(own * signs[0], name[0])] + [
                (-own * signs[k], name[k]) for k in range(1, len(ids)) if k != at
            ]
            implied = own * (
                signs[0] * other[0]
                - sum(signs[k] * other[k] for k in range(1, len(ids)) if k != at)
            )
        return f"{_describe_sum(terms)} = {_format_usd(implied)}"
    if kind == "pp_change" or kind not in _UNITS:
        return ""
    factor = {"pct_change": 1 + stated / 100, "share": stated / 100, "ratio": stated}[kind]
    shown = {
        "pct_change": f"(1 {'-' if stated < 0 else '+'} {abs(stated):g}%)",
        "share": f"{stated:g}%",
        "ratio": f"{stated:g}",
    }[kind]
    if factor == 0:
        return ""
    if at == 0:
        return f"{quote}: {_format_usd(other[1])} × {shown} = {_format_usd(other[1] * factor)}"
    return f"{quote}: {_format_usd(other[0])} / {shown} = {_format_usd(other[0] / factor)}"


def _is_constrained(
    fid: int, involved: list[int], checks: list[_Check], verdicts: list[str]
) -> bool:
    """Two or more checks, or one whose other figures are each anchored by a consistent check."""
    if len(involved) >= 2:
        return True
    anchored = {
        other
        for i, c in enumerate(checks)
        if verdicts[i] == "consistent" and fid not in c.figure_ids
        for other in c.figure_ids
    }
    return all(other in anchored for other in checks[involved[0]].figure_ids if other != fid)


def _candidate_values(quote: str, value: float) -> list[tuple[float, str]]:
    """Other readings of a money figure: ×1000, ÷1000, and the other reading of a single comma."""
    candidates = [
        (value * 1000, "×1000, million/billion slip"),
        (value / 1000, "÷1000, billion/million slip"),
    ]
    match = re.search(r"(?<![\d.,])\d+,\d+(?![\d.,])", quote)
    if match and match.group().count(",") == 1:
        digits = match.group()
        as_thousands, as_decimal = float(digits.replace(",", "")), float(digits.replace(",", "."))
        for read, other, how in (
            (as_thousands, as_decimal, f"decimal comma: {digits} read as {as_decimal:g}"),
            (as_decimal, as_thousands, f"thousands comma: {digits} read as {as_thousands:g}"),
        ):
            power = math.log10(value / read) if value > 0 and read > 0 else math.nan
            if (
                abs(power - round(power)) < 1e-9 and round(power) % 3 == 0
            ):  # units, thousand, million, …
                candidates.append((other * 10 ** round(power), how))
    unique: list[tuple[float, str]] = []
    for candidate, how in candidates:
        if not math.isclose(candidate, value) and not any(
            math.isclose(candidate, u) for u, _ in unique
        ):
            unique.append((candidate, how))
    return unique


# --- text --------------------------------------------------------------------------------------


def _describe_stated(row: dict, stated: Interval, figures: dict[int, dict]) -> str:
    kind = row["kind"]
    if kind == "total":
        half = (stated[2] - stated[1]) / 2
        whole = figures.get(_figure_id(row["value_figure_id"]), {})
        unsigned = " (sign not stated)" if whole and math.isnan(_sign(whole)) else ""
        return (
            f"stated {row['flow']} {row['period']} {_format_usd(stated[0])} (±{_format_usd(half)})"
            f"{unsigned}"
        )
    qualifier = _text(row["qualifier"])
    sign = "+" if kind in ("pct_change", "pp_change") else ""
    value = f"{float(row['stated']):{sign}g}{_UNITS.get(kind, '')}"
    half_width = _number(row["stated_half_width"])
    if qualifier:
        return (
            f"stated {qualifier} {value} (±{half_width:g}, read as [{stated[1]:g}, {stated[2]:g}])"
        )
    return f"stated {value} (±{half_width:g})"


def _describe_formula(kind: str, xs: list[Interval], signs: tuple[float, ...]) -> str:
    usd = [_format_usd(x[0]) for x in xs]
    if kind == "total":
        terms = [(s, _format_usd(s * x[0])) for s, x in zip(signs[1:], xs[1:], strict=True)]
        return _describe_sum(terms)
    if kind == "pp_change":
        return f"{usd[0]}/{usd[1]} - {usd[2]}/{usd[3]}"
    return f"{usd[0]}/{usd[1]}" + (" - 1" if kind == "pct_change" else "")


def _describe_sum(terms: list[tuple[float, str]]) -> str:
    """ "a + b - c" from (factor, text) terms, those added first."""
    ordered = sorted(terms, key=lambda term: term[0] < 0)
    text = ("-" if ordered[0][0] < 0 else "") + ordered[0][1]
    return text + "".join(f" {'-' if f < 0 else '+'} {t}" for f, t in ordered[1:])


def _format_number(kind: str, row: dict, point: float, low: float, high: float) -> str:
    if kind == "total":
        width = high - low
        digits = (
            4
            if width <= 0 or point == 0
            else min(
                8, max(4, 2 + math.floor(math.log10(abs(point))) - math.floor(math.log10(width)))
            )
        )
        low_high = f"{_format_usd(low, digits)}, {_format_usd(high, digits)}"
        return f"{_format_usd(point, digits)} [{low_high}]"
    half_width = _number(row["stated_half_width"])
    decimals = 1 + (max(0, -math.floor(math.log10(2 * half_width) + 1e-9)) if half_width > 0 else 1)
    unit = _UNITS[kind]
    return f"{point:.{decimals}f}{unit} [{low:.{decimals}f}, {high:.{decimals}f}]"


def _format_usd(value: float, digits: int = 4) -> str:
    """Readable dollars to ``digits`` significant digits: 1.18e9 → "1.18bn", 4.786e8 → "478.6m"."""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.{digits}g}{suffix}"
    return f"{value:.{digits}g}"


def _previous_period(period: str) -> str:
    """The same period a year earlier: "2023-01/2023-08" → "2022-01/2022-08"."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) - 1), period)


def _keys(row: dict) -> tuple[str, str]:
    """Reporter and partner, "" when unknown (a reporter equal to its partner counts as unknown)."""
    reporter, partner = _text(row["reporter_iso3"]), _text(row["partner_iso3"])
    return ("" if reporter == partner else reporter), partner


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _number(value: object, default: float = 0.0) -> float:
    return default if value is None or pd.isna(value) else float(value)


def _sign(figure: dict) -> float:
    """Factor of a figure's value: a balance's stated sign (NaN when unstated), else 1."""
    return _number(figure.get("balance_sign"), math.nan) if figure["flow"] == "balance" else 1.0


def _figure_id(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
