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
from analysis.reference.news_vocabulary import (
    DOWN_AFTER_WORDS,
    DOWN_WORDS,
    PLAN_WORDS,
    UP_AFTER_WORDS,
    UP_WORDS,
)

WORLD = "WLD"  # partner code of a reporter's trade with all countries (as in analysis.loaders.news)

# words before an amount of change that give its direction: the reader's vocabulary, one table
DIRECTION_WORDS = {
    -1.0: tuple(dict.fromkeys(DOWN_WORDS + DOWN_AFTER_WORDS)),
    1.0: tuple(dict.fromkeys(UP_WORDS + UP_AFTER_WORDS)),
}
# words before an amount the text names as planned: "Our plan for the period was to obtain $1.31bn"
PLAN_BEFORE_AMOUNT = re.compile(
    r"\b(?i:" + "|".join(map(re.escape, PLAN_WORDS)) + r")\b[^.;!?$]{0,50}$"
)
# words that may stand between a percent and the amount of change it goes with: "a $1.1bn or 8.2%
# rise", "fell 5.9% ($2.0bn)", "a decrease of 15 percent (down US$541 million)"
ADJACENT_WORDS = frozenset({"or", "down", "up", "by", "a", "an", "of", "i.e."})
# words that may stand between a share and its part: "$29.12 billion, accounting for 14.7 per
# cent", "$188 million (15 percent)", "71 percent or $904 million", "a 13.2 percent share"
SHARE_WORDS = frozenset(
    {"or", "a", "an", "accounting", "accounted", "for", "representing", "making", "up", "which"}
    | {"is", "was", "with", "share", "of", "i.e.", "about", "some", "nearly", "almost", "over"}
)
# after a share, only these: "71 percent or $904 million" (", of $1.1bn" names the whole)
SHARE_AFTER_WORDS = frozenset({"or", "a", "an", "i.e.", "about", "some", "nearly", "almost"})
NEAR_LIMIT = 6  # levels on each side of a claim it may take from its paragraph
_ADJACENT_GAP = 24  # characters at most between a claim and an amount beside it
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

    def __init__(
        self, text_: str, figures: dict[int, dict], share_spans: tuple[tuple[int, int], ...] = ()
    ) -> None:
        """Index ``figures`` (figure_id → figures-table row) of the document text ``text_``.

        ``share_spans``: where the text's share claims stand; the figure right beside each is
        that share's part (:attr:`share_parts`).
        """
        self.figures = figures
        self.text = text_
        self._sentences = [0] + [m.end() for m in _SENTENCE_END.finditer(text_)]
        self._paragraphs = [0] + [m.end() for m in _PARAGRAPH_END.finditer(text_)]
        self._sentence_at: dict[int, int] = {}
        self._paragraph_at: dict[int, int] = {}
        self.levels = [_stated_level(fid, f) for fid, f in figures.items() if _scope(f) != "change"]
        self.changes = [fid for fid, f in figures.items() if _scope(f) == "change"]
        self.by_flow: dict[str, list[Level]] = {}
        for level in self.levels:
            self.by_flow.setdefault(level.flow, []).append(level)
        for levels in self.by_flow.values():
            levels.sort(key=lambda level: level.start)
        self._flow_starts = {
            flow: [level.start for level in levels] for flow, levels in self.by_flow.items()
        }
        self._totals_at = {  # flow → where its levels of all goods with the world are in by_flow
            flow: [k for k, level in enumerate(levels) if _is_total(level)]
            for flow, levels in self.by_flow.items()
        }
        self._by_start = sorted(self.levels, key=lambda level: level.start)
        self._changes_by_start = sorted(self.changes, key=lambda i: int(figures[i]["start"]))
        self._change_starts = [int(figures[i]["start"]) for i in self._changes_by_start]
        self._level_starts = [level.start for level in self._by_start]
        self.share_parts = {
            figure_id for span in share_spans for figure_id in self.share_parts_of(span)
        }

    def precise(self, level: Level) -> Level:
        """The exact restatement of a qualified level in its paragraph, else ``level`` itself.

        "more than $14.6 billion …; in 2023 bilateral trade amounted to $14.65 billion": the same
        value stated twice, once as a bound, once exactly, is checked at its exact value.
        """
        figure = self.figures.get(level.figure_id)
        if level.is_derived or figure is None or not text(figure.get("qualifier")):
            return level
        low, high = sorted((0.9 * float(figure["value_usd"]), 1.1 * float(figure["value_usd"])))
        paragraph = self.paragraph_of(level.start)
        for other in self.around((level.start, level.end)):
            same = (other.flow, other.period, other.reporter, other.partner, other.scope) == (
                level.flow,
                level.period,
                level.reporter,
                level.partner,
                level.scope,
            )
            exact = not text(self.figures[other.figure_id].get("qualifier"))
            value = float(self.figures[other.figure_id]["value_usd"])
            if (
                other != level
                and same
                and exact
                and level.period
                and self.paragraph_of(other.start) == paragraph
                and low <= value <= high
            ):
                return other
        return level

    def sentence_of(self, position: int) -> int:
        """Index of the sentence holding character ``position``."""
        found = self._sentence_at.get(position)
        if found is None:  # asked again and again for the same figures: remembered
            found = self._sentence_at[position] = bisect.bisect_right(self._sentences, position) - 1
        return found

    def paragraph_of(self, position: int) -> int:
        """Index of the paragraph holding character ``position``."""
        found = self._paragraph_at.get(position)
        if found is None:
            found = self._paragraph_at[position] = (
                bisect.bisect_right(self._paragraphs, position) - 1
            )
        return found

    def level(self, figure_id: int | None) -> Level | None:
        """The stated level of a figure id (None for a missing id or an amount of change)."""
        f = self.figures.get(figure_id) if figure_id is not None else None
        return None if f is None or _scope(f) == "change" else _stated_level(figure_id, f)

    def adjacent_amounts(
        self,
        span: tuple[int, int],
        words: frozenset[str] = ADJACENT_WORDS,
        joined: bool = True,
        words_after: frozenset[str] | None = None,
    ) -> list[int]:
        """Ids of figures right beside ``span``, only ``words``, brackets and commas between.

        With ``joined`` a bracket or "or" must be among them: such an amount goes with a percent
        as its amount of change, whatever its own scope (a bare comma may join a level, "$2.1bn,
        6%"). ``words_after``, when given, replaces ``words`` for a figure after ``span``, which
        then also needs a bracket or "or".
        """
        found = []
        for figure_id, f in self.nearby(span):
            start, end = int(f["start"]), int(f["end"])
            gap = self.text[end : span[0]] if end <= span[0] else self.text[span[1] : start]
            if len(gap) > _ADJACENT_GAP or "\n\n" in gap or start < span[1] and end > span[0]:
                continue
            said = gap.lower().replace("(", " ").replace(")", " ").replace(",", " ").split()
            after = end > span[0]
            bracket = "(" in gap or self.text[span[0] : span[0] + 1] == "("  # "(79.4 percent)"
            if (joined or (after and words_after)) and not bracket and "or" not in said:
                continue
            allowed = words_after if after and words_after is not None else words
            if all(word in allowed for word in said):
                found.append(figure_id)
        return found

    def share_parts_of(self, span: tuple[int, int]) -> list[int]:
        """Ids of figures right beside a share at ``span``: its part ("$188 million (15%)")."""
        return self.adjacent_amounts(span, SHARE_WORDS, False, SHARE_AFTER_WORDS)

    def nearby(self, span: tuple[int, int]) -> list[tuple[int, dict]]:
        """Figures (levels, amounts of change) in the sentence of ``span`` and the next one.

        At most ``NEAR_LIMIT`` of each on each side.
        """
        sentence = self.sentence_of(span[0])
        ids = [
            level.figure_id
            for level in self.around(span)
            if self.sentence_of(level.start) in (sentence, sentence + 1)
        ]
        ids += [
            i
            for i in self.changes_around(span)
            if self.sentence_of(int(self.figures[i]["start"])) in (sentence, sentence + 1)
        ]
        return [(i, self.figures[i]) for i in sorted(set(ids))]

    def base_from(self, level: Level, change_id: int, direction: float) -> Level:
        """The base "level − direction · change" a year before ``level``."""
        return _base_level(level, change_id, self.figures[change_id], direction)

    def nearness(self, level: Level, span: tuple[int, int]) -> int:
        """3 same sentence as ``span``, 2 same paragraph, 1 stated before it, 0 after it."""
        if self.sentence_of(level.start) == self.sentence_of(span[0]):
            return 3
        if self.paragraph_of(level.start) == self.paragraph_of(span[0]):
            return 2
        return 1 if level.end <= span[0] else 0

    def near_levels(self, span: tuple[int, int], flow: str) -> list[Level]:
        """Levels of ``flow`` (any but "other" when "") in the paragraph of ``span``.

        At most ``NEAR_LIMIT`` on each side of it, so that a check stays linear in text size.
        """
        paragraph = self.paragraph_of(span[0])
        return [
            level
            for level in self.around(span)
            if self.paragraph_of(level.start) == paragraph
            and (level.flow == flow or (not flow and level.flow != "other"))
        ]

    def next_sentence_levels(self, span: tuple[int, int], flow: str) -> list[Level]:
        """Levels of ``flow`` in the sentence after ``span``'s, when its own sentence states none.

        "Ghana's oil exports tripled within the one year period." is about the figures of the
        sentence after it: "The country exported 1.24 billion dollars worth of oil as at June 2017;
        up from the 408.3 million dollars worth of oil exports."
        """
        sentence = self.sentence_of(span[0])
        around = self.around(span)
        if any(self.sentence_of(level.start) == sentence for level in around):
            return []
        return [
            level
            for level in around
            if self.sentence_of(level.start) == sentence + 1 and level.flow == flow
        ]

    def around(self, span: tuple[int, int]) -> list[Level]:
        """The ``NEAR_LIMIT`` levels before ``span`` and the ``NEAR_LIMIT`` after it."""
        at = bisect.bisect_left(self._level_starts, span[0])
        return self._by_start[max(0, at - NEAR_LIMIT) : at + NEAR_LIMIT]

    def changes_around(self, span: tuple[int, int]) -> list[int]:
        """Ids of the ``NEAR_LIMIT`` amounts of change before ``span`` and after it."""
        at = bisect.bisect_left(self._change_starts, span[0])
        return self._changes_by_start[max(0, at - NEAR_LIMIT) : at + NEAR_LIMIT]

    def of_flow(self, flow: str, position: int, before: int, after: int) -> list[Level]:
        """Levels of ``flow`` in text order around ``position``.

        At most ``before`` of them start before it and ``after`` from it on (a bounded look).
        """
        levels = self.by_flow.get(flow, [])
        at = bisect.bisect_left(self._flow_starts.get(flow, []), position)
        return levels[max(0, at - before) : at + after]

    def totals_of_flow(self, flow: str, position: int, before: int) -> list[Level]:
        """The totals among the ``before`` levels of ``flow`` before ``position``, in text order.

        Totals: levels of all goods with the world or no partner (``of_flow`` so filtered,
        without looking at the other levels).
        """
        at = bisect.bisect_left(self._flow_starts.get(flow, []), position)
        totals = self._totals_at.get(flow, [])
        low = bisect.bisect_left(totals, max(0, at - before))
        levels = self.by_flow.get(flow, [])
        return [levels[k] for k in totals[low : bisect.bisect_left(totals, at)]]

    def derived_bases(
        self, span: tuple[int, int], flow: str, sign: float, scope: str
    ) -> list[tuple[Level, Level, int]]:
        """(level, base, nearness of the amount) for each "base = level − change" near ``span``.

        The amount of change stands in the sentence of ``span`` or the next or previous one of its
        paragraph; the level in the amount's sentence or in that of ``span``, of the same flow and
        period. ``sign`` is the claim's direction (−1 a fall: base = level + change); 0 when
        unknown, then the words before the amount decide.
        """
        sentence, paragraph = self.sentence_of(span[0]), self.paragraph_of(span[0])
        found = []
        for change_id in self.changes_around(span):
            change = self.figures[change_id]
            start = int(change["start"])
            index = self.sentence_of(start)
            if index in (sentence, sentence + 1, sentence - 1):
                if change["flow"] != flow or self.paragraph_of(start) != paragraph:
                    continue
                direction = sign or _direction(self.text, start)
                if not direction:
                    continue
                nearness = 3 if index == sentence else 2
                levels = {
                    level
                    for level in self.around((start, start))
                    if self.sentence_of(level.start) in (sentence, index)
                }
                for level in sorted(levels, key=lambda x: x.start):
                    period = text(change["period"])
                    if level.flow != flow or level.scope != scope:
                        continue
                    if period and level.period and period != level.period:
                        continue
                    found.append(
                        (level, _base_level(level, change_id, change, direction), nearness)
                    )
        return found


def fits(level: Level, role: str, keys: tuple[str, str]) -> bool:
    """Whether a level can play ``role`` for a claim of countries ``keys`` (reporter, partner).

    "part": the claim's own partner (a country, not the world); "whole": the trade of one of the
    claim's countries with the world or with no partner named; "any": countries that do not
    contradict the claim's (for turnover, in either order).
    """
    reporter, partner = level.reporter, level.partner
    if level.flow == "turnover" and role == "any" and {reporter, partner} == set(keys):
        return True  # trade between A and B is trade between B and A
    if role == "part":
        return partner == keys[1] and partner not in ("", WORLD) and reporter in ("", keys[0])
    if role == "whole":  # a total of either country of the claim (the reporter is often unclear)
        return (
            partner in ("", WORLD)
            and (partner != keys[1] or partner == WORLD or not any(keys))
            and not (reporter and any(keys) and reporter not in keys)
        )
    return not any(a and b and a != b for a, b in zip((reporter, partner), keys, strict=True))


def keys_of(row: dict) -> tuple[str, str]:
    """Reporter and partner, "" when unknown (a reporter equal to its partner counts as unknown)."""
    reporter, partner = text(row["reporter_iso3"]), text(row["partner_iso3"])
    return ("" if reporter == partner else reporter), partner


def previous_period(period: str) -> str:
    """The same period a year earlier: "2023-01/2023-08" → "2022-01/2022-08"."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) - 1), period)


def _is_total(level: Level) -> bool:
    return level.scope == "all" and level.partner in ("", WORLD)


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
    """+1 or −1 from the last direction word (whole) in the 60 characters before it, else 0."""
    window = text_[max(0, position - 60) : position].lower()
    best, where = 0.0, -1
    for direction, words in DIRECTION_WORDS.items():
        for word in words:
            for match in re.finditer(rf"\b{re.escape(word)}\b", window):
                if match.start() > where:
                    best, where = direction, match.start()
    return best


def balance_sign(figure: dict) -> float:
    """Factor of a figure's value: a balance's stated sign (NaN when unstated), else 1."""
    nan = float("nan")
    return number(figure.get("balance_sign"), nan) if figure["flow"] == "balance" else 1.0
