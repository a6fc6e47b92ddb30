"""Flow words of a text (trade, exports, imports, balance, other) with their spans."""

import re
from dataclasses import dataclass

from analysis.loaders._scan import finditer
from analysis.loaders.news.vocabulary import (
    COMMODITY_BEFORE,
    COMMODITY_OF,
    FLOW_WORDS,
    TO_PARTNER_ANAPHOR,
    TOTAL_BEFORE,
)


@dataclass(frozen=True, slots=True)
class FlowWord:
    """A word naming a flow, with its span and what it says of scope and partner."""

    start: int
    end: int
    flow: str
    is_weak: bool = (
        False  # "export market": a flow only when nothing stronger is named in the clause
    )
    is_total: bool = False  # "total exports", "foreign trade turnover": trade with the whole world
    is_commodity: bool = (
        False  # "wheat exports", "imports of natural gas": one product, not all goods
    )


def find_flow_words(masked: str) -> list[FlowWord]:
    """Every flow word of a masked text, in text order."""
    words = []
    for m in finditer(FLOW_WORDS, masked):
        weak = m.lastgroup.startswith("weak_")
        total = bool(
            re.match(r"(?i:total|overall|foreign|external)\b", m.group(0))
            or TOTAL_BEFORE.search(masked[max(0, m.start() - 30) : m.start()])
        ) and not TO_PARTNER_ANAPHOR.match(masked, m.end())  # "total shipments to the country"
        commodity = bool(
            COMMODITY_BEFORE.search(masked[max(0, m.start() - 40) : m.start()])
            or COMMODITY_OF.match(masked, m.end())
        )
        flow = m.lastgroup.removeprefix("weak_")
        words.append(FlowWord(m.start(), m.end(), flow, weak, total, commodity))
    return [_directed_turnover(masked, words, i) for i in range(len(words))]


_DIRECTIONS = ("exports", "imports")
# What may stand between a direction word and a bare "turnover" it directs: a few words, no
# clause break and no amount ("Exports to a total of six markets with a turnover of billions").
_DIRECTED_GAP = re.compile(r"(?:\s+[\w'’-]+){0,8}\s+")


def _directed_turnover(masked: str, words: list[FlowWord], i: int) -> FlowWord:
    """A bare "turnover" after a direction word of its phrase names that direction.

    "import turnover of over US$6 billion", "the only export market to suffer a fall in turnover":
    imports and exports. "export and import turnover" stays turnover.
    """
    word = words[i]
    if i == 0 or word.flow != "turnover" or masked[word.start : word.end].lower() != "turnover":
        return word
    before = words[i - 1]
    if before.flow not in _DIRECTIONS or not _DIRECTED_GAP.fullmatch(
        masked, before.end, word.start
    ):
        return word
    if i >= 2 and words[i - 2].flow in _DIRECTIONS and words[i - 2].flow != before.flow:
        return word  # "exports and imports ... turnover": both directions
    return FlowWord(word.start, word.end, before.flow, False, word.is_total, word.is_commodity)
