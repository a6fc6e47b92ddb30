"""The report as data: ReportData and its parts (sections of text, tables and charts), no logic.

Everything here is plain, frozen and picklable; the notebook unpickles it and only displays it, and
the HTML, CSV and JSON files are rendered from the same object. Tables hold floats in unit-named
columns (``value_usd``, ``change_pct``); they are written for reading only at display.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Text:
    """Paragraphs of plain text (never HTML); ``style`` says how they read.

    ``style``: ``p`` (paragraphs), ``list`` (bullets), ``headline`` (the report's finding),
    ``note`` (a small note, e.g. "not covered, because…"), ``code`` (a command to type).
    """

    paragraphs: tuple[str, ...]
    style: str = "p"


@dataclass(frozen=True)
class Table:
    """A numbered table with its caption and source, downloadable as ``tables/<key>.csv``.

    ``frame`` holds the values (US$ and £ as floats, percent, points), columns named with their
    unit; ``decimals`` overrides how many decimals a column shows (never more than the source has);
    ``display``, when given, is the table already written for reading (e.g. claims whose unit varies
    by row), shown instead of the formatted ``frame``.
    """

    key: str
    number: int
    caption: str
    source: str
    frame: pd.DataFrame
    decimals: Mapping[str, int] = field(default_factory=dict)
    display: pd.DataFrame | None = None


@dataclass(frozen=True)
class Chart:
    """A numbered chart: deterministic PNG bytes, its alternative text and source line."""

    key: str
    number: int
    title: str
    alt_text: str
    source: str
    png: bytes = field(repr=False)


Block = Text | Table | Chart


@dataclass(frozen=True)
class Section:
    """One section of the report: its blocks in order, or only a "not covered, because…" note."""

    key: str
    title: str
    blocks: tuple[Block, ...] = ()
    not_covered: str = ""


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, computed once (by ``analysis.report.data.build_report_data``).

    ``sections`` are in reading order and always the same keys (``SECTION_TITLES``), so the
    notebook can show each under a markdown heading of its own.
    """

    title: str
    reporter_iso3: str
    partner_iso3: str
    base_period: str
    period: str
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section:
        """The section with this key.

        Args:
            key: One of ``SECTION_TITLES``' keys.

        Returns:
            The section.

        Raises:
            KeyError: No such section.
        """
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table of the report, in reading order."""
        return tuple(b for s in self.sections for b in s.blocks if isinstance(b, Table))

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every chart of the report, in reading order."""
        return tuple(b for s in self.sections for b in s.blocks if isinstance(b, Chart))


OFFICIAL_ISO3 = "GBR"  # the country whose official statistics the ONS files hold

# The sections, in reading order: key → heading (the notebook's markdown headings are these).
SECTION_TITLES = {
    "headline": "",
    "summary": "In brief",
    "meaning": "What this means",
    "official": "The change in the official statistics",
    "monthly": "When the change happened",
    "text": "What the text states, and its arithmetic",
    "text_vs_official": "The text beside the official statistics",
    "composition": "Composition by HS section (official trade files)",
    "files_mirror": "Mirror comparison from both countries' official files",
    "mirror_reasons": "Why two sources' figures for the same trade differ",
    "conclusion": "Conclusion",
    "about": "About this report",
}
