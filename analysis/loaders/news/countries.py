"""Attachment of countries: the document's pair and each figure's reporter and partner."""

import re

from analysis.loaders.news.mentions import Mentions
from analysis.loaders.news.periods import clause_index
from analysis.loaders.news.schema import WORLD
from analysis.loaders.news.sentences import Sentence
from analysis.loaders.news.vocabulary import COUNTRY_ROLE_BEFORE, DATELINE, FLOW_WORDS


def lead_pair(doc: Mentions) -> tuple[str | None, str | None]:
    """The document's two countries: the first two named in its first two paragraphs.

    One country alone is reported against the world ("WLD"): "Türkiye's exports rose 3.5%".
    """
    lead = [s for s in doc.sentences if s.paragraph < 2]
    end = lead[-1].end if lead else 0
    named = list(dict.fromkeys(c.iso3 for c in doc.countries if c.start < end))
    places = [m.span("place") for m in DATELINE.finditer(doc.text, 0, end)]
    named_in_text = list(
        dict.fromkeys(
            c.iso3
            for c in doc.countries
            if c.start < end and not any(a <= c.start < b for a, b in places)
        )
    )
    if len(named_in_text) >= 2:  # "BAKU, Azerbaijan, March 5. Trade between Kazakhstan and the UK"
        named = named_in_text
    if not named:
        named = list(dict.fromkeys(c.iso3 for c in doc.countries))[:2]
        return tuple((named + [None, None])[:2])
    return (named[0], named[1] if len(named) > 1 else WORLD)


def countries_of(
    doc: Mentions,
    sentence: Sentence,
    position: int,
    flow: str,
    carried: tuple[str | None, str | None] | None,
    is_share: bool = False,
) -> tuple[str | None, str | None]:
    """(reporter, partner) ISO3 for the words at ``position``.

    From "trade between X and Y", "exports to X", "imports from X", "X's share", "X's exports", a
    country named in the same clause, else the paragraph's or the document's pair. A reporter's
    trade named as total ("total exports", "foreign trade turnover") has the partner "WLD".
    """
    roles = _country_roles(doc, sentence)
    if "between" in roles:
        return roles["between"]
    clause = clause_index(doc, sentence, position)
    partners = roles.get("partner", [])
    if not is_share and is_total(doc, sentence, position):
        # total trade keeps out a partner of a later clause ("... $40.2bn, with X accounting for
        # 1%")
        partners = [
            p for p in partners if p[0] < position or clause_index(doc, sentence, p[0]) == clause
        ]
    shares = [
        c
        for c in doc.claims.between(position + 1, sentence.end)
        if c.kind == "share" and clause_index(doc, sentence, c.start) != clause and not is_share
    ]

    def is_of_share(country: tuple[int, str]) -> bool:
        at = clause_index(doc, sentence, country[0])
        return (
            any(country[0] > c.start or at == clause_index(doc, sentence, c.start) for c in shares)
            and at != clause
        )

    # "exports reached $78bn, 20% of which accounted for Italy": Italy is the share's, not the
    # figure's
    is_whole = any(is_of_share(c) for c in partners + roles.get("bare", []))
    if is_whole:
        partners = [p for p in partners if not is_of_share(p)]
        roles["bare"] = [b for b in roles.get("bare", []) if not is_of_share(b)]
    partner = _nearest(doc, sentence, partners, position, clause)
    reporter = _nearest(
        doc, sentence, [r for r in roles.get("reporter", []) if r[1] != partner], position, clause
    )
    if reporter is None and partner is None:  # "Türkiye targets $267 billion in exports"
        reporter = _nearest(
            doc,
            sentence,
            [b for b in roles.get("bare", []) if b[1] == doc.default_pair[0]],
            position,
            clause,
            same_clause=True,
        )
    if partner is None:
        partner = _nearest(
            doc,
            sentence,
            [b for b in roles.get("bare", []) if b[1] != reporter],
            position,
            clause,
            same_clause=True,
        )
    if reporter is None and partner is None and not is_total(doc, sentence, position):
        if carried is not None and not (is_share and carried[1] == WORLD):
            return carried
        return (None, None) if is_share and doc.default_pair[1] == WORLD else doc.default_pair
    first, second = doc.default_pair
    if reporter is None:
        reporter = first if first != partner else second
        reporter = None if reporter == WORLD else reporter
    if partner is None:
        if not is_share and (is_whole or is_total(doc, sentence, position)):
            partner = WORLD
        elif (
            carried is not None
            and carried[0] == reporter
            and carried[1]
            and not (is_share and carried[1] == WORLD)
        ):
            partner = carried[1]
        elif reporter in (first, second) and not (is_share and second == WORLD):
            partner = second if reporter == first else first
    return reporter, partner


def is_total(doc: Mentions, sentence: Sentence, position: int) -> bool:
    """Whether the trade named last before ``position`` in its sentence is total trade."""
    words = [
        w
        for w in doc.flow_words.between(sentence.start, position + 1)
        if w.end <= position + 1 and not w.is_weak
    ]
    return bool(words) and words[-1].is_total


def _nearest(
    doc: Mentions,
    sentence: Sentence,
    found: list[tuple[int, str]],
    position: int,
    clause: int,
    same_clause: bool = False,
) -> str | None:
    """The country of ``found`` nearest to ``position``, those in its clause first."""
    ranked = [
        (clause_index(doc, sentence, start) != clause, abs(start - position), iso3)
        for start, iso3 in found
    ]
    if same_clause:
        ranked = [r for r in ranked if not r[0]]
    return min(ranked)[2] if ranked else None


def _country_roles(doc: Mentions, sentence: Sentence) -> dict:
    """Countries of a sentence by role.

    Keys "reporter", "partner", "bare" → [(position, iso3)], and "between".

    "to X" / "from X" name a partner after exports / imports, and a reporter the other way round
    ("imports to X", "exports from X"); "with X", "X's share", "the share of X" name a partner;
    "X's exports", "Kazakh exports", "exports of X" name a reporter.
    """
    if sentence.start in doc.roles_cache:
        return {
            k: list(v) if isinstance(v, list) else v
            for k, v in doc.roles_cache[sentence.start].items()
        }
    mentions = doc.countries.between(sentence.start, sentence.end)
    roles: dict = {}
    for i, country in enumerate(mentions):
        before = doc.masked[max(sentence.start, country.start - 20) : country.start]
        role_match = COUNTRY_ROLE_BEFORE.search(before)
        role = role_match.group("role").lower() if role_match else None
        after = doc.masked[country.end : country.end + 40]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            role == "between"
            and nxt
            and re.fullmatch(r"\s+and\s+(?:the\s+)?", doc.masked[country.end : nxt.start])
        ):
            roles.setdefault("between", (country.iso3, nxt.iso3))
        elif (
            nxt
            and re.fullmatch(r"\s*[-–]\s*", doc.masked[country.end : nxt.start])
            and FLOW_WORDS.match(doc.masked, nxt.end + 1)
        ):
            roles.setdefault("between", (country.iso3, nxt.iso3))  # "Kazakh-British trade"
        flow_before = _flow_before(doc, sentence, country.start)
        if re.search(r"\baccording\s+to\s+(?:the\s+)?$", before, re.IGNORECASE):
            continue  # "according to Russian customs": a source, not a side of the trade
        if role in ("to", "into"):
            kind = "reporter" if flow_before == "imports" else "partner"
        elif role == "from":
            kind = "reporter" if flow_before == "exports" else "partner"
        elif role == "with":
            kind = "partner"
        elif re.match(r"['’]s?\s+share\b", after) or (
            role == "of" and re.search(r"\bshare\s+of\s+(?:the\s+)?$", before, re.IGNORECASE)
        ):
            kind = "partner"  # "Russia's share in Uzbekistan's trade", "the share of China"
        elif role == "of" and country.is_demonym:  # "imports of British goods"
            kind = "partner" if flow_before == "imports" else "reporter"
        elif (
            re.match(r"['’]s?\b", after)
            or role == "of"
            or (
                country.is_demonym and re.match(r"\s+(?:[a-z-]+\s+)?(?:export|import|trade)", after)
            )
        ):
            kind = "reporter"
        elif country.is_demonym:
            continue  # "Russian customs", "Chinese investment": no role in the trade
        else:
            kind = "bare"
        roles.setdefault(kind, []).append((country.start, country.iso3))
    doc.roles_cache[sentence.start] = roles
    return {k: list(v) if isinstance(v, list) else v for k, v in roles.items()}


def _flow_before(doc: Mentions, sentence: Sentence, position: int) -> str | None:
    """Flow of the flow word just before a country (within 40 characters), if any."""
    words = [
        w
        for w in doc.flow_words.between(max(sentence.start, position - 80), position)
        if w.end <= position and position - w.end <= 40
    ]
    return words[-1].flow if words else None


# rows
