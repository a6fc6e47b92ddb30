"""Sentences of a news text with exact spans.

Paragraphs end at hard line breaks, not at wrapped lines.
"""

import re
from dataclasses import dataclass

from analysis.reference.news_vocabulary import SENTENCE_OPENERS

# A sentence ends at . ! ? (and closing quotes or brackets) before whitespace and a capital, digit
# or quote.
# A page that lost its line breaks also ends one at a comma before an opening word (", During
# June, ...") and at a dot glued to the next word ("respectively.However", "dollars.According").
_SENTENCE_END = re.compile(
    r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
    r"|,\s*(?=(?:" + "|".join(SENTENCE_OPENERS) + r")\b)"
    r"|(?<=[a-z]{2})[.!?](?=[A-Z][a-z]{2,}[\s,])"
)
# Words whose dot does not end a sentence: titles, month and company abbreviations, initials
# ("U.S.").
_ABBREVIATION = re.compile(
    r"(?:^|\s|\()(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Gov|Sen|Rep|Jr|Sr|No|Nos|vs|etc|approx|est|Inc|Ltd|Co|Corp|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|(?:[A-Za-z]\.)*[A-Za-z])\.$"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span and the number of its paragraph (line)."""

    start: int
    end: int
    paragraph: int


# A line that ends a sentence or a heading-like unit: the break after it is a paragraph break.
_CLOSED_LINE = re.compile(r"[.!?:;\"'”’)\]]\s*$")
# A line that starts like the continuation of a sentence: lower case, a digit, money, a bracket.
_CONTINUED_LINE = re.compile(r"\s*[a-z0-9$(%]")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between hard line breaks.

    A blank line is always hard. A single line break is soft (a space inside a sentence) when the
    line before it is open (no closing punctuation) and the next line continues it (lower case, a
    digit, money), or when the text is hard-wrapped (most of its single breaks follow open lines).
    """
    lines = [
        m.span()
        for m in re.finditer(r"[^\n]*", text)
        if m.start() == 0 or text[m.start() - 1] == "\n"
    ]
    lines = [(a, b) for a, b in lines if a <= len(text)]
    single = [
        i
        for i in range(len(lines) - 1)
        if text[lines[i][0] : lines[i][1]].strip()
        and text[lines[i + 1][0] : lines[i + 1][1]].strip()
    ]
    open_breaks = {i for i in single if not _CLOSED_LINE.search(text, lines[i][0], lines[i][1])}
    is_wrapped = len(single) >= 3 and len(open_breaks) * 2 > len(single)
    paragraphs, start = [], None
    for i, (a, b) in enumerate(lines):
        if not text[a:b].strip():
            if start is not None:
                paragraphs.append((start, lines[i - 1][1]))
                start = None
            continue
        if start is None:
            start = a
        soft = (
            i in open_breaks
            and i + 1 < len(lines)
            and (is_wrapped or _CONTINUED_LINE.match(text, lines[i + 1][0]) is not None)
        )
        if not soft:
            paragraphs.append((start, b))
            start = None
    if start is not None:
        paragraphs.append((start, lines[-1][1]))
    return paragraphs


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with exact spans (surrounding whitespace trimmed), numbered by paragraph."""
    sentences = []
    for paragraph, (first, last) in enumerate(split_paragraphs(text)):
        start = first
        for end_match in _SENTENCE_END.finditer(text, first, last):
            if _ABBREVIATION.search(
                text, max(first, end_match.start() - 12), end_match.start() + 1
            ):
                continue
            sentences.append(
                (start, end_match.start() + len(end_match.group(0).rstrip()), paragraph)
            )
            start = end_match.end()
        sentences.append((start, last, paragraph))
    result = []
    for start, end, paragraph in sentences:
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            result.append(Sentence(start + lead, start + len(chunk.rstrip()), paragraph))
    return result
