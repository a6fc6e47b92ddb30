"""Mentions of a text, found once with their spans: amounts, periods, countries, flow words, claims."""

from analysis.loaders._amounts import find_amounts
from analysis.loaders._countries import find_countries
from analysis.loaders._periods import find_document_date, find_period_mentions
from analysis.loaders.news.claims import drop_overlaps, find_change_claims, find_share_claims
from analysis.loaders.news.flows import find_flow_words
from analysis.loaders.news.sentences import split_sentences
from analysis.loaders.news.vocabulary import MASK


class Mentions:
    """Everything found in one text, each with its span; ``default_pair`` and ``main`` are set by attachment."""

    def __init__(self, name: str, text: str):
        """Find every mention of ``text`` (named ``name``) once."""
        self.name, self.text = name, text
        self.amounts = find_amounts(text)
        masked = list(text)
        for amount in self.amounts:
            masked[amount.start : amount.end] = MASK * (amount.end - amount.start)
        self.masked = "".join(masked)
        self.sentences = split_sentences(text)
        self.doc_date = find_document_date(text, name)  # (year, month) written, or None
        self.doc_year = self.doc_date[0] if self.doc_date else None
        self.periods = find_period_mentions(self.masked)
        self.countries = find_countries(self.masked)
        self.flow_words = find_flow_words(self.masked)
        self.claims = drop_overlaps(
            find_change_claims(self.masked) + find_share_claims(self.masked, self.flow_words)
        )
        self.default_pair: tuple[str | None, str | None] = (None, None)
        self.main = None
