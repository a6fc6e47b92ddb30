"""The sum of the figures a claim names by their count: "The five sectors made up 36 percent".

"Steel and iron accounted for $202 million of total exports, fruit and vegetables for $126
million, … The five sectors made up 36 percent of overall exports": the part of the share is the
sum of the five figures of the sentence before, as many as the words "the five" count.
"""

from __future__ import annotations

import re

from analysis.checks.pool import FigurePool, Level
from analysis.reference.news_vocabulary import NUMBER_WORDS

# "the five sectors", "these three products", "the top 5 export items" right before the claim;
# uncounted, "These goods" (every figure of the sentence before)
_COUNTED = re.compile(
    rf"\b(?:(?i:the|these|those)\s+(?:(?i:top|main|largest|biggest)\s+)?"
    rf"(?P<n>\d{{1,2}}|(?i:{'|'.join(NUMBER_WORDS)}))\s+(?:[\w’'-]+\s+){{1,3}}"
    rf"|(?:^|(?<=\s))(?i:these|those)\s+(?i:goods|products|items|commodities|sectors)"
    rf"(?:\s*,[^,.]{{1,40}},)?\s+)$"  # "These goods, as Papoyan noted, account for"
)
_LOOK_BACK = 80  # characters before a claim searched for its counting words
_UNCOUNTED = 10  # at most this many figures listed for "these goods"


def listed_sum(pool: FigurePool, span: tuple[int, int], flow: str) -> Level | None:
    """The sum of the figures of ``flow`` a claim at ``span`` counts, as one level, else None.

    Only when the sentence before it holds exactly as many figures of that flow as counted.
    """
    before = pool.text[max(0, span[0] - _LOOK_BACK) : span[0]]
    counted = _COUNTED.search(before.split(".")[-1])
    if counted is None or not flow:
        return None
    written = (counted.group("n") or "").lower()
    n = int(written) if written.isdigit() else NUMBER_WORDS.get(written, 0)
    sentence = pool.sentence_of(span[0])
    listed = [
        level
        for level in pool.of_flow(flow, span[0], 2 * (n or _UNCOUNTED) + 2, 0)
        if pool.sentence_of(level.start) == sentence - 1
    ]
    if not written:  # "These goods": as many as the sentence before lists
        n = len(listed)
    if n < 2 or len(listed) != n or len({level.period for level in listed}) > 1:
        return None
    first, last = listed[0], listed[-1]
    return Level(
        tuple((level.figure_id, 1.0) for level in listed),
        flow,
        first.period,
        first.reporter,
        first.partner,
        "all",
        first.start,
        last.end,
        f"the sum of the {n} figures listed before",
    )
