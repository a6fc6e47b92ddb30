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
    return words
