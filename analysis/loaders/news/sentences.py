"""Sentences of a news text with exact spans; a line break ends a paragraph."""

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (and closing quotes or brackets) before whitespace and a capital, digit or quote.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# Words whose dot does not end a sentence: titles, month and company abbreviations, initials ("U.S.").
_ABBREVIATION = re.compile(
    r"(?:^|\s|\()(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Gov|Sen|Rep|Jr|Sr|No|Nos|vs|etc|approx|est|Inc|Ltd|Co|Corp|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|(?:[A-Za-z]\.)*[A-Za-z])\.$"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence span and the number of its paragraph (line)."""

    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with exact spans (surrounding whitespace trimmed); every line break ends a paragraph."""
    sentences = []
    for paragraph, line in enumerate(re.finditer(r"[^\n]+", text)):
        start = line.start()
        for end_match in _SENTENCE_END.finditer(text, line.start(), line.end()):
            if _ABBREVIATION.search(
                text, max(line.start(), end_match.start() - 12), end_match.start() + 1
            ):
                continue
            sentences.append(
                (start, end_match.start() + len(end_match.group(0).rstrip()), paragraph)
            )
            start = end_match.end()
        sentences.append((start, line.end(), paragraph))
    result = []
    for start, end, paragraph in sentences:
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            result.append(Sentence(start + lead, start + len(chunk.rstrip()), paragraph))
    return result
