"""The figures a check may use: levels (stated, or worked out from an amount of change), by place.

A *level* is a value of a flow for one period: a stated figure, or a base worked out from a stated
level and a stated amount of change in the same sentence ("exports fell 5.9% ($2.0bn) to $32.7bn":
base = level − change, here $32.7bn + $2.0bn). Each level knows its sentence and paragraph, so a
reading can be ranked by how near its figures stand to the claim's words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis.checks.intervals import Term, number, text

WORLD = "WLD"  # partner code of a reporter's trade with all countries (as in analysis.loaders.news)

# words before an amount of change that give its direction (vocabulary of this module only)
DIRECTION_WORDS = {
    -1.0: ("decrease", "decline", "fell", "fall", "drop", "down", "less", "lower", "shrank", "cut"),
    1.0: ("increase", "rise", "rose", "grew", "growth", "up", "more", "higher", "gain", "added"),
}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z“\"])")
_PARAGRAPH_END = re.compile(r"\n\s*\n|\n(?=\s*[A-Z“\"])")


@dataclass(frozen=True)
class Level:
    """A value of one flow for one period, as a sum of figures (one figure when stated).

    Attributes:
        term: ``((figure_id, factor), …)``; the value in US dollars is ``Σ factor · value``.
        flow, period, reporter, partner, scope: As the figures table ("" when unknown).
        start, end: Character span of the (last) figure it comes from.
        label: How an explanation names it ("$2.9bn (2023)", "base $34.8bn = level + change").
    """

    term: Term
    flow: str
    period: str
    reporter: str
    partner: str
    scope: str
    start: int
    end: int
    label: str

    @property
    def figure_id(self) -> int:
        """The id of the figure it is (first figure of a derived level)."""
        return self.term[0][0]

    @property
    def is_derived(self) -> bool:
        """Whether it is worked out from a level and an amount of change."""
        return len(self.term) > 1


class FigurePool:
    """All figures of a document, their levels, and where each stands in the text."""

    def __init__(self, text_: str, figures: dict[int, dict]) -> None:
        """Index ``figures`` (figure_id → figures-table row) of the document text ``text_``."""
        self.figures = figures
        self.text = text_
        self._sentences = [0] + [m.end() for m in _SENTENCE_END.finditer(text_)]
        self._paragraphs = [0] + [m.end() for m in _PARAGRAPH_END.finditer(text_)]
        self.levels = [_stated_level(fid, f) for fid, f in figures.items() if _scope(f) != "change"]
        self.changes = [fid for fid, f in figures.items() if _scope(f) == "change"]
        self.by_flow: dict[str, list[Level]] = {}
        for level in self.levels:
            self.by_flow.setdefault(level.flow, []).append(level)
        self.sentence_levels: dict[int, list[Level]] = {}
        for level in self.levels:
            self.sentence_levels.setdefault(self.sentence_of(level.start), []).append(level)

    def sentence_of(self, position: int) -> int:
        """Index of the sentence holding character ``position``."""
        return bisect.bisect_right(self._sentences, position) - 1

    def paragraph_of(self, position: int) -> int:
        """Index of the paragraph holding character ``position``."""
        return bisect.bisect_right(self._paragraphs, position) - 1

    def level(self, figure_id: int | None) -> Level | None:
        """The stated level of a figure id (None for a missing id or an amount of change)."""
        f = self.figures.get(figure_id) if figure_id is not None else None
        return None if f is None or _scope(f) == "change" else _stated_level(figure_id, f)

    def nearness(self, level: Level, span: tuple[int, int]) -> int:
        """3 same sentence as ``span``, 2 same paragraph, 1 stated before it, 0 after it."""
        if self.sentence_of(level.start) == self.sentence_of(span[0]):
            return 3
        if self.paragraph_of(level.start) == self.paragraph_of(span[0]):
            return 2
        return 1 if level.end <= span[0] else 0

    def near_levels(self, span: tuple[int, int], flow: str) -> list[Level]:
        """Levels of ``flow`` (any but "other" when "") in the sentence or paragraph of ``span``."""
        paragraph = self.paragraph_of(span[0])
        first = bisect.bisect_left(self._sentences, self._paragraphs[paragraph]) - 1
        last = self.sentence_of(span[0]) + 1
        found = []
        for index in range(max(first, 0), last + 1):
            for level in self.sentence_levels.get(index, ()):
                if self.paragraph_of(level.start) != paragraph:
                    continue
                if (level.flow == flow) or (not flow and level.flow != "other"):
                    found.append(level)
        return found

    def derived_bases(self, span: tuple[int, int], flow: str, sign: float) -> list[Level]:
        """Bases "level − change" from an amount of change and a level in the sentence of ``span``.

        ``sign`` is the claim's direction (−1 a fall: base = level + change); 0 when unknown, then
        the words before the amount decide.
        """
        sentence = self.sentence_of(span[0])
        bases = []
        for change_id in self.changes:
            change = self.figures[change_id]
            if self.sentence_of(int(change["start"])) != sentence or change["flow"] != flow:
                continue
            direction = sign or _direction(self.text, int(change["start"]))
            if not direction:
                continue
            for level in self.sentence_levels.get(sentence, ()):
                if level.flow != flow or level.is_derived or level.scope != _scope(change):
                    continue
                bases.append(_base_level(level, change_id, change, direction))
        return bases

    def derived_levels(self) -> list[Level]:
        """Every base a sentence gives as "level − change" (for checks in other sentences)."""
        out = []
        for change_id in self.changes:
            change = self.figures[change_id]
            direction = _direction(self.text, int(change["start"]))
            if not direction:
                continue
            sentence = self.sentence_of(int(change["start"]))
            same = [
                level
                for level in self.sentence_levels.get(sentence, ())
                if level.flow == change["flow"] and level.scope == _scope(change)
            ]
            if same:  # the level nearest the amount
                level = min(same, key=lambda x: abs(x.start - int(change["start"])))
                out.append(_base_level(level, change_id, change, direction))
        return out


def fits(level: Level, role: str, keys: tuple[str, str]) -> bool:
    """Whether a level can play ``role`` for a claim of countries ``keys`` (reporter, partner).

    "part": the claim's own partner (a country, not the world); "whole": the same reporter's trade
    with the world or with no partner named; "any": countries that do not contradict the claim's.
    """
    reporter, partner = level.reporter, level.partner
    if role == "part":
        return partner == keys[1] and partner not in ("", WORLD) and reporter in ("", keys[0])
    if role == "whole":
        return (
            partner in ("", WORLD)
            and partner != keys[1]
            and not (reporter and keys[0] and reporter != keys[0])
        )
    return not any(a and b and a != b for a, b in zip((reporter, partner), keys, strict=True))


def keys_of(row: dict) -> tuple[str, str]:
    """Reporter and partner, "" when unknown (a reporter equal to its partner counts as unknown)."""
    reporter, partner = text(row["reporter_iso3"]), text(row["partner_iso3"])
    return ("" if reporter == partner else reporter), partner


def previous_period(period: str) -> str:
    """The same period a year earlier: "2023-01/2023-08" → "2022-01/2022-08"."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) - 1), period)


def _scope(figure: dict) -> str:
    return text(figure.get("scope")) or "all"


def _stated_level(figure_id: int, f: dict) -> Level:
    reporter, partner = keys_of(f)
    return Level(
        ((figure_id, 1.0),),
        str(f["flow"]),
        text(f["period"]),
        reporter,
        partner,
        _scope(f),
        int(f["start"]),
        int(f["end"]),
        f"{f['quote']}" + (f" ({f['period']})" if text(f["period"]) else ""),
    )


def _base_level(level: Level, change_id: int, change: dict, direction: float) -> Level:
    word = "+" if direction < 0 else "−"
    return Level(
        (*level.term, (change_id, -direction)),
        level.flow,
        previous_period(level.period) if level.period else "",
        level.reporter,
        level.partner,
        level.scope,
        level.start,
        level.end,
        f"base {level.label} {word} change {change['quote']}",
    )


def _direction(text_: str, position: int) -> float:
    """+1 or −1 from the last direction word in the 60 characters before ``position``, else 0."""
    window = text_[max(0, position - 60) : position].lower()
    best, where = 0.0, -1
    for direction, words in DIRECTION_WORDS.items():
        for word in words:
            for match in re.finditer(rf"\b{word}", window):
                if match.start() > where:
                    best, where = direction, match.start()
    return best


def balance_sign(figure: dict) -> float:
    """Factor of a figure's value: a balance's stated sign (NaN when unstated), else 1."""
    nan = float("nan")
    return number(figure.get("balance_sign"), nan) if figure["flow"] == "balance" else 1.0
