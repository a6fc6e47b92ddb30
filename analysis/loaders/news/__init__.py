"""News text → tables of its stated US-dollar trade figures and relative claims.

The parser reads a text once, sentence by sentence, and keeps what a reader keeps in mind: the
current period ("for the above period"), the flow of the paragraph and the two countries of the
document. Every row carries the exact quote and its character span so a number can always be traced
back to the words.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.loaders.news.parts import PART_CHARS, read_in_parts
from analysis.loaders.news.reading import MAX_TEXT_CHARS, NewsInputError, read_news
from analysis.loaders.news.schema import (
    CLAIM_COLUMNS,
    FIGURE_COLUMNS,
    FLOWS,
    SCOPES,
    UNREADABLE_COLUMNS,
    WORLD,
)
from analysis.loaders.news.vocabulary import MASK

__all__ = [
    "CLAIM_COLUMNS",
    "FIGURE_COLUMNS",
    "FLOWS",
    "MASK",
    "MAX_TEXT_CHARS",
    "PART_CHARS",
    "SCOPES",
    "UNREADABLE_COLUMNS",
    "WORLD",
    "NewsDocument",
    "NewsInputError",
    "load_news",
    "load_news_claims",
    "load_news_figures",
]


@dataclass(frozen=True, eq=False)
class NewsDocument:
    """A news text read once, with its figures and claims tables.

    The tables' columns are ``FIGURE_COLUMNS`` and ``CLAIM_COLUMNS``. Beyond the shared contract,
    both end with ``scope`` ("all" goods of the flow, or "commodity": one product, "wheat exports",
    "$2.8bn worth of oil", "non-oil trade"; figures also "change": an amount the flow changed by,
    "decreased by $200 million", "$3.9 billion more than"), and figures with ``balance_sign``
    (float: +1.0 when the sentence calls a balance a surplus or positive, -1.0 a deficit or
    negative, NaN otherwise or for other flows); ``value_usd`` stays as stated, unsigned.
    """

    name: str
    text: str
    figures: pd.DataFrame
    claims: pd.DataFrame
    # money expressions that cannot be read as one number ("$1,2,3,4 million"): quote, start, end,
    # reason
    unreadable: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(UNREADABLE_COLUMNS))
    )


def load_news(path_or_text: str | Path) -> NewsDocument:
    """Read a news article and extract its money figures and relative claims.

    A text over ``PART_CHARS`` characters is a collection of articles, read in parts of whole
    paragraphs (see ``parts``).

    Args:
        path_or_text: A path (``Path``, or a one-line string naming a file) or the article text
            itself.

    Returns:
        The document with its ``figures`` (values in US dollars as stated) and ``claims`` tables.

    Raises:
        NewsInputError: The file is missing, a directory, unreadable, binary, not UTF-8, or the text
            is empty.
    """
    name, text = read_news(path_or_text)
    return NewsDocument(name, text, *read_in_parts(name, text))


def load_news_figures(path_or_text: str | Path) -> pd.DataFrame:
    """One row per US-dollar money figure of a news text, in text order.

    The columns are ``FIGURE_COLUMNS``.

    Raises:
        NewsInputError: As :func:`load_news`.
    """
    return load_news(path_or_text).figures


def load_news_claims(path_or_text: str | Path) -> pd.DataFrame:
    """One row per stated relative claim (change, ratio, share) of a news text.

    The columns are ``CLAIM_COLUMNS``.

    Raises:
        NewsInputError: As :func:`load_news`.
    """
    return load_news(path_or_text).claims
