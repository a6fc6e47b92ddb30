"""Claim candidates of a text: changes, ratios, percentage points and shares, with their spans."""

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from analysis.loaders._amounts import half_unit, parse_number
from analysis.loaders._scan import finditer
from analysis.loaders.news.vocabulary import (
    BARE_PERCENT,
    CHANGE_CLAIM,
    CLAIM_ANCHOR,
    COVERAGE_CLAIM,
    DIRECTION_WORD,
    DOWN,
    DOWN_AFTER,
    FLOW_WORDS,
    LEVEL_PERCENT_CLAIM,
    MASK,
    MULTIPLIER_WORDS,
    PLAN_SHARE_CLAIM,
    QUALIFIERS,
    QUANTITY_BEFORE,
    SHARE_WORDS,
    TRADE_WORD,
    UP_AFTER,
)
from analysis.reference.news_vocabulary import (
    PLAN_FLOW,
    PLAN_WORDS,
    RATIO_WORDS,
)


def claim_spans(masked: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the sentences that can hold a claim: those with a percent or a multiplier.

    Claim patterns run only there, which keeps them fast on long texts with few claims.
    """
    return [(start, end) for start, end in sentences if CLAIM_ANCHOR.search(masked, start, end)]


def finditer_in(pattern: re.Pattern, text: str, spans: list[tuple[int, int]] | None) -> Iterator:
    """Matches of ``pattern`` in ``text``: only inside ``spans`` when given, else all of it."""
    if spans is None:
        return finditer(pattern, text)
    return (match for start, end in spans for match in finditer(pattern, text, start, end))


@dataclass
class Claim:
    """A claim candidate: its span, kind, stated value (percent, ratio or points) and rounding."""

    start: int
    end: int
    kind: str
    stated: float
    stated_half_width: float
    qualifier: str
    whole_flow: str | None = None
    flow_hint: str | None = None
    same_whole_as: int | None = None  # start of the claim whose whole and sides this one shares


def find_change_claims(masked: str, spans: list[tuple[int, int]] | None = None) -> list[Claim]:
    """Changes, ratios and percentage points of a masked text ("rose 5%", "2.1-fold", "doubled")."""
    claims = []
    for m in finditer_in(CHANGE_CLAIM, masked, spans):
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        if "unit2" in groups:
            gap = _GAP_AFTER_PERCENT.match(masked, m.end("unit2"))
            if gap and gap.group("plan"):
                continue  # "4.21 per cent or USD 2.44 billion less than the target": the plan's
        if "word" in groups:
            word = groups["word"].split()[0].lower()
            written = " ".join(groups.get("qualifier8", "").lower().split())
            qualifier = QUALIFIERS.get(written, "")
            factor = Decimal(RATIO_WORDS[word])
            claims.append(_ratio_claim(m, factor, 0, word == "halved", qualifier))
            continue
        number = next(
            groups[k] for k in ("number", "number2", "number5", "number6", "number7") if k in groups
        )
        unit = groups.get("unit") or groups.get("unit2") or groups.get("unit6") or "times"
        unit = "%" if "sign7" in groups else unit.strip().lower()
        direction = (groups.get("verb") or groups.get("after") or "more").lower()
        is_down = re.fullmatch(rf"(?:{DOWN}|{DOWN_AFTER})", direction, re.VERBOSE) is not None
        is_down = is_down if "sign7" not in groups else groups["sign7"] != "+"
        written = next(
            (
                groups[k]
                for k in ("qualifier", "qualifier2", "qualifier5", "qualifier6")
                if k in groups
            ),
            "",
        )
        qualifier = QUALIFIERS.get(" ".join(written.lower().split()), "")
        value, decimals = claim_number(number)
        compared = FLOW_WORDS.search(groups.get("compared", ""))
        whole = compared.lastgroup if compared and compared.lastgroup != "other" else None
        whole = whole.removeprefix("weak_") if whole else whole
        if "fold" in unit or "times" in unit:
            claims.append(_ratio_claim(m, value, decimals, is_down, qualifier))
            claims[-1].whole_flow = whole
            continue
        kind = "pp_change" if ("point" in unit or unit in ("p.p.", "pp")) else "pct_change"
        sign = -1 if is_down else 1
        claims.append(
            Claim(
                m.start(),
                m.end(),
                kind,
                float(sign * value),
                float(half_unit(decimals)),
                qualifier,
                whole_flow=whole,
            )
        )
    return claims


def find_coverage_claims(masked: str, spans: list[tuple[int, int]] | None = None) -> list[Claim]:
    """Coverage of imports by exports: the ratio exports / imports of one period.

    "The coverage ratio of export import was 0.93 (in January — November 2015 — 1,01)" holds two
    ratio claims, the second of the period its bracket names; a percent is read as a ratio (71.8
    percent: 0.718).
    """
    claims = []
    for m in finditer_in(COVERAGE_CLAIM, masked, spans):
        scale = Decimal(100) if m.group("unit") else Decimal(1)
        for group in ("number", "number2", "number3"):
            if not m.group(group):
                continue
            value, decimals = parse_number(m.group(group))
            first = group == "number"  # the first claim's quote runs from the coverage words
            end = m.end("unit") if first and m.group("unit") else m.end(group)
            claims.append(
                Claim(
                    m.start() if first else m.start(group),
                    end,
                    "ratio",
                    float(value / scale),
                    float(half_unit(decimals) / scale),
                    "",
                    whole_flow="imports",
                    flow_hint="exports",
                )
            )
    return claims


def find_level_percent_claims(
    masked: str, spans: list[tuple[int, int]] | None = None
) -> list[Claim]:
    """A value as a percent of an earlier level: a change of that percent less 100.

    "1.045 billion U.S. dollars …, which was 88.2 percent of the January-April 2016 level" is a
    change of -11.8 percent (its rounding kept).
    """
    claims = []
    for m in finditer_in(LEVEL_PERCENT_CLAIM, masked, spans):
        value, decimals = claim_number(m.group("number"))
        written = " ".join((m.group("qualifier") or "").lower().split())
        claims.append(
            Claim(
                m.start(),
                m.end(),
                "pct_change",
                float(value) - 100.0,
                float(half_unit(decimals)),
                QUALIFIERS.get(written, ""),
            )
        )
    return claims


def find_plan_claims(masked: str, spans: list[tuple[int, int]] | None = None) -> list[Claim]:
    """Shares of a plan: "over 97 percent performance against the target" (achieved / planned)."""
    claims = []
    for m in finditer_in(PLAN_SHARE_CLAIM, masked, spans):
        value, decimals = claim_number(m.group("number"))
        written = " ".join((m.group("qualifier") or "").lower().split())
        start = m.start() if written else m.start("number")
        claims.append(
            Claim(
                start,
                m.end(),
                "share",
                float(value),
                float(half_unit(decimals)),
                QUALIFIERS.get(written, ""),
                whole_flow=PLAN_FLOW,
            )
        )
    return claims


def claim_number(written: str) -> tuple[Decimal, int]:
    """(value, decimals written) of a claim's number: digits, or a multiplier word ("three")."""
    if written.lower() in MULTIPLIER_WORDS:
        return Decimal(MULTIPLIER_WORDS[written.lower()]), 0
    return parse_number(written)


def _ratio_claim(
    m: re.Match, value: Decimal, decimals: int, is_down: bool, qualifier: str
) -> Claim:
    """A ratio claim; "decreased 2 times" is the ratio 1/2.

    The rounding is carried through the inverse.
    """
    half = half_unit(decimals)
    if not is_down:
        return Claim(m.start(), m.end(), "ratio", float(value), float(half), qualifier)
    inverse = 1 / value
    half_inverse = (1 / (value - half) - inverse) if value > half else inverse
    return Claim(m.start(), m.end(), "ratio", float(inverse), float(half_inverse), qualifier)


def drop_overlaps(claims: list[Claim]) -> list[Claim]:
    """Keep claims in text order, dropping any that overlaps an earlier or longer one."""
    kept: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (c.start, -(c.end - c.start))):
        if not kept or claim.start >= kept[-1].end:
            kept.append(claim)
    return kept


# A part of the amount before it, then its percent: "to $9.2 billion, of which $6.9 billion, or 75%,
# is accounted for by precious stones", "including $1.2 billion, or 30%".
_PART_OF_BEFORE = re.compile(
    rf"""\b(?i:of\s+which|of\s+this|of\s+that|including|among\s+them)\s+
    (?:(?i:about|some|nearly|almost|over|around)\s+)?{MASK}+,?\s+(?i:or)\s+$""",
    re.VERBOSE,
)


# An amount of change and its direction after a percent: "4.21 per cent or USD 2.44 billion less
# than the target" (a plan word after "than" makes it a change against the plan).
_GAP_AFTER_PERCENT = re.compile(
    rf"""\s*,?\s+(?i:or)\s+{MASK}+\s+(?P<word>(?i:more|less|higher|lower))\s+(?i:than)\b
    (?:\s+(?:(?i:the|its|their|our)\s+)?(?:[\w-]+\s+){{0,2}}?(?P<plan>(?i:{"|".join(PLAN_WORDS)}))\b)?""",
    re.VERBOSE,
)


def find_other_percents(
    masked: str,
    found: list[Claim],
    sentence_starts: list[int] | None = None,
    spans: list[tuple[int, int]] | None = None,
) -> list[Claim]:
    """Every percentage not yet in ``found`` as a claim candidate.

    Its kind and sign come from its neighbours.

    A change when a direction word stands in its clause ("exports slid $7bn or 0.4 percent",
    "falling 1.44 percent on the year and 9.3 percent over the previous month") or right after it
    ("a 2.2% y/y advance"); a share when it sits in a list or a bracket after a name ("the European
    Union (4.7%)", "Switzerland 25 percent") or share words surround it; otherwise a change when the
    sentence names a direction, else a share.
    """
    found = sorted(found, key=lambda c: c.start)
    taken = [(c.start, c.end) for c in found]
    starts = [start for start, _ in taken]
    claims = []
    for m in finditer_in(BARE_PERCENT, masked, spans):
        at = bisect.bisect_right(starts, m.start()) - 1
        if at >= 0 and taken[at][1] > m.start():
            continue  # already read by a pattern
        if sentence_starts:
            sentence_start = sentence_starts[
                max(bisect.bisect_right(sentence_starts, m.start()) - 1, 0)
            ]
        else:
            sentence_start = max(masked.rfind(". ", 0, m.start()) + 2, 0)
        sentence_start = max(sentence_start, m.start() - 400)
        before = masked[sentence_start : m.start()]
        clause = re.split(r";|\b(?:while|whereas|but)\b", before)[-1]
        after = masked[m.end() : m.end() + 40]
        value, decimals = claim_number(m.group("number"))
        # "made up 55.3 percent": the share words' "up" is no direction
        direction = _direction(SHARE_WORDS.sub(" ", clause)[-90:], after)
        # "Country (4.7%)", "with 10.8 percent": a part of a whole; "$23.9 billion, or 12 per cent"
        # too
        # when no direction is named ("down $1.8 billion, or 0.9 percent" is a change)
        is_listed = re.search(r"(?:\(|[A-Z][\w’'.-]*\s+|\b(?:with|and|by)\s+)$", before) is not None
        is_listed = is_listed or (
            direction is None and re.search(rf"{MASK},?\s+or\s+$", before) is not None
        )
        if _PART_OF_BEFORE.search(before):  # "$9.2 billion, of which $6.9 billion, or 75%"
            direction, is_listed = None, True
        gap = _GAP_AFTER_PERCENT.match(masked, m.end())
        if direction is None and gap:  # "4.21 per cent or USD 2.44 billion less than the target"
            direction = "down" if gap.group("word").lower() in ("less", "lower") else "up"
        if direction is None and re.match(rf"\s*,?\s+or\s+{MASK}", after):
            is_listed = True  # "of the US$ 3,383 million, 27% or US$ 1,018 million were …": a part
        if direction is not None and re.match(r"\s*,?\s*respectively\b", after):
            is_listed = False  # "dropping 4.8 percent and 0.9 percent respectively": changes
        whole = re.match(r"\s*of\s+(?:the\s+)?(?:[\w’']+\s+){0,2}?", after)
        other_whole = whole and FLOW_WORDS.match(after, whole.end())
        if other_whole and other_whole.lastgroup == "other":
            continue  # "$9.3 billion, or 30.9 percent of GDP": a share, but not of trade
        is_share = (
            SHARE_WORDS.search(clause[-90:] + " " + after) is not None
            or re.match(r"\s*(?:of\s+(?:the\s+)?(?:total|all|it)\b|share)", after) is not None
            # the next item of a list of shares: "X accounted for 67.9 percent …, consumer goods
            # for 25.2 percent, …, and equipment, 6.9 percent"
            or (SHARE_WORDS.search(clause) is not None and re.search(r"(?:\bfor|,)\s+$", before))
        )
        compared = re.search(
            r"\b(?:from|compared\s+(?:to|with)|against|than|versus)\s+(?:the\s+)?$", before
        )
        earlier = found[bisect.bisect_left(starts, sentence_start) : at + 1]
        earlier_share = next((c for c in reversed(earlier) if c.kind == "share"), None)
        if _is_not_trade(masked, sentence_start, m.start()):
            continue
        if compared and earlier_share:
            # "the share fell to 13.9% from 16.5% in 2022": the earlier share of the same whole
            claims.append(
                Claim(
                    m.start(),
                    m.end(),
                    "share",
                    float(value),
                    float(half_unit(decimals)),
                    "",
                    whole_flow=earlier_share.whole_flow,
                    flow_hint=earlier_share.flow_hint,
                    same_whole_as=earlier_share.start,
                )
            )
            continue
        if direction is None or (is_listed and not re.match(r"\s*(?:\)\s*)?(?:y/y|yoy)", after)):
            kind = "share" if is_share or is_listed or direction is None else "pct_change"
            if kind == "share" and not (is_share or is_listed):
                continue  # a bare percent with neither a direction nor a whole: not a claim we read
        else:
            kind = "pct_change"
        sign = -1 if kind == "pct_change" and direction == "down" else 1
        qualifier = QUALIFIERS.get(" ".join((m.group("qualifier") or "").lower().split()), "")
        claims.append(
            Claim(
                m.start(), m.end(), kind, float(sign * value), float(half_unit(decimals)), qualifier
            )
        )
        if gap and gap.group("plan") and kind == "pct_change":
            claims[-1].whole_flow = PLAN_FLOW  # a change against the plan: achieved / planned - 1
    return claims


def _is_not_trade(masked: str, sentence_start: int, start: int) -> bool:
    """Whether a percent is not about trade values.

    True when its sentence names no trade flow and no money up to just after it ("Tariffs of up to
    20 percent"), or when it follows a quantity ("18.2 tonnes (23.1%)").
    """
    before = masked[sentence_start:start]
    if QUANTITY_BEFORE.search(before):
        return True
    near = masked[sentence_start : start + 60]  # "with 10.8 percent or an import value of $859m"
    return MASK not in near and not TRADE_WORD.search(near)


def _direction(before: str, after: str) -> str | None:
    """Direction ("up", "down") of the word nearest a percent: before it in its clause, or after."""
    after_word = re.match(
        rf"\s*(?:\)\s*)?(?:(?i:y/y|yoy|year-on-year)\s+)?(?P<w>(?i:{UP_AFTER}|{DOWN_AFTER}|advance|increased?|decreased?))\b",
        after,
    )
    if after_word:
        return (
            "down"
            if re.fullmatch(rf"(?i:{DOWN_AFTER}|decreased?)", after_word.group("w"))
            else "up"
        )
    words = list(DIRECTION_WORD.finditer(before))
    if not words:
        return None
    return "down" if words[-1].lastgroup == "down" else "up"
