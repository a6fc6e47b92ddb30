"""Share claims of a masked text: "a 7.4-percent share", "accounted for 12.4 percent of exports".

A share's whole and part flows come from the words around it (``_share_flows``), within the
sentence it stands in.
"""

import re

from analysis.loaders._amounts import half_unit
from analysis.loaders.news.claims import Claim, claim_number, finditer_in
from analysis.loaders.news.flows import FlowWord
from analysis.loaders.news.spans import SpanIndex
from analysis.loaders.news.vocabulary import (
    QUALIFIERS,
    SHARE_CLAIM,
    SHARE_WORDS,
)
from analysis.reference.news_vocabulary import SHARE_FRACTION_HALF_WIDTH, SHARE_FRACTION_WORDS


def find_share_claims(
    masked: str, flow_words: SpanIndex[FlowWord], spans: list[tuple[int, int]] | None = None
) -> list[Claim]:
    """Shares of trade in a masked text, with part and whole.

    Such as "accounted for 7.7% of" or "a 5% share".
    """
    claims = []
    for m in finditer_in(SHARE_CLAIM, masked, spans):
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        number = next(
            (
                groups[k]
                for k in ("number", "number2", "number3", "number4", "number5", "number6")
                + ("number7",)
                if k in groups
            ),
            None,
        )
        if "bracket" in groups and not SHARE_WORDS.search(_sentence_of(masked, m.start())):
            continue  # "$5bn (17.4%)" alone may be a change: a share only when the sentence says so
        qualifier = QUALIFIERS.get(
            " ".join(
                next(
                    (
                        groups[k]
                        for k in (
                            "qualifier",
                            "qualifier2",
                            "qualifier3",
                            "qualifier6",
                            "qualifier7",
                            "qualifier8",
                        )
                        if k in groups
                    ),
                    "",
                )
                .lower()
                .split()
            ),
            "",
        )
        end = m.end()
        part = whole = None
        if "of" in groups or "of2" in groups or "of8" in groups:
            whole, end, is_trade = _whole_after_of(masked, m.end(), flow_words)
            if not is_trade:
                continue  # "40 percent of the population", "5% of GDP"
        elif "which6" in groups or "which7" in groups:
            # "of which 80% was accounted for by exports": the part is named after, the whole before
            named_after = flow_words.first_from(m.end())
            if named_after and not re.fullmatch(
                r"\s*(?:the\s+)?", masked[m.end() : named_after.start]
            ):
                named_after = None
            sentence_start = _sentence_start(masked, m.start())
            before = [
                w for w in flow_words.between(sentence_start + 1, m.start()) if w.flow != "other"
            ]
            if named_after and named_after.flow != "other" and before:
                part, whole, end = named_after.flow, before[-1].flow, named_after.end
        elif "bracket" in groups:
            after_of = re.compile(r"\)\s+(?i:of)\b").match(masked, m.end())
            if after_of:
                whole, _, _ = _whole_after_of(masked, after_of.end(), flow_words)
        elif "share_words" in groups or "share4" in groups:
            words_start = m.start("share_words") if "share_words" in groups else m.start()
            part, whole = _share_flows(masked, words_start, m.start(), m.end(), flow_words)
            of_after = re.compile(r"\s*(?:\([^()]*\))?\s+(?i:of)\b").match(masked, m.end())
            if (
                part is None and whole is None and of_after
            ):  # "a share of 23.1% ($18.2bn) of exports"
                whole, _, _ = _whole_after_of(masked, of_after.end(), flow_words)
        if part is None and whole is None and not _names_trade(masked, m.start(), flow_words):
            continue  # "a 5% share of the Chinese market": a share, but not of trade
        if number is None:  # "two-thirds of": a fraction, loosely used
            fraction = " ".join(groups["fraction"].lower().split())
            value, half = SHARE_FRACTION_WORDS[fraction], SHARE_FRACTION_HALF_WIDTH
        else:
            value, decimals = claim_number(number)
            half = half_unit(decimals)
        claims.append(
            Claim(
                m.start(),
                end,
                "share",
                float(value),
                float(half),
                qualifier,
                whole_flow=whole,
                flow_hint=part,
            )
        )
    return claims


_REACH = 400  # characters looked at around a claim for its sentence's bounds (keeps lookups local)


_CLAUSE_END = re.compile(r"[,;.:()]|\s(?:and|while|whereas|but|in|from|to|with)\s")


def _sentence_start(masked: str, position: int) -> int:
    """Offset just before the sentence holding ``position``.

    The sentence starts after ". " or a line end, within ``_REACH``.
    """
    low = max(0, position - _REACH)
    return max(masked.rfind(". ", low, position), masked.rfind("\n", low, position), low - 1)


def _sentence_of(masked: str, position: int) -> str:
    """The text from the sentence start before ``position`` to the next sentence end.

    A sentence ends at ". " or a line end.
    """
    start = _sentence_start(masked, position) + 1
    high = min(len(masked), position + _REACH)
    ends = [
        e for e in (masked.find(". ", position, high), masked.find("\n", position, high)) if e >= 0
    ]
    return masked[start : min(ends, default=high)]


def _names_trade(masked: str, position: int, flow_words: SpanIndex[FlowWord]) -> bool:
    """Whether the nearest flow word before ``position`` in its sentence names trade.

    A flow word of kind "other" (investment, loans, deals) does not.
    """
    before = flow_words.between(_sentence_start(masked, position) + 1, position)
    return bool(before) and before[-1].flow != "other"


def _whole_after_of(
    masked: str, position: int, flow_words: SpanIndex[FlowWord]
) -> tuple[str | None, int, bool]:
    """After "percent of": the whole's flow, where the quote ends, whether the whole is trade."""
    high = min(len(masked), position + _REACH)
    clause_end = _CLAUSE_END.search(masked, position, high)
    limit = clause_end.start() if clause_end else high
    for word in flow_words.between(position, limit)[:1]:
        return (None, word.end, False) if word.flow == "other" else (word.flow, word.end, True)
    total = re.compile(r"\s+(?:the\s+)?(?:total|overall|all)\b", re.IGNORECASE).match(
        masked, position
    )
    if total:
        return None, total.end(), True
    return None, position, False


def _share_flows(
    masked: str, start: int, claim_start: int, claim_end: int, flow_words: SpanIndex[FlowWord]
) -> tuple[str | None, str | None]:
    """(part flow, whole flow) of "the share of exports in turnover".

    The second flow named is the whole.
    """
    named = [w for w in flow_words.between(start, claim_end) if w.flow != "other"]
    if not named:
        return None, None
    whole = named[-1].flow
    return (named[0].flow if len(named) > 1 else whole), whole
