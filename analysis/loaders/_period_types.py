"""A period of months (``Period``) and a period expression found in a text (``PeriodMention``)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple


class Period(NamedTuple):
    """Months ``first_month`` of ``year`` to ``last_month`` of ``end_year`` (None: the same year).

    ``str()`` writes the canonical form: "2023", "2023-H1", "2023-Q1", "2023-04", "2023-01/2023-08",
    and "2023-04/2024-03" for a fiscal year that spans two calendar years.
    """

    year: int
    first_month: int
    last_month: int
    end_year: int | None = None

    def __str__(self) -> str:
        first, last, year = self.first_month, self.last_month, self.year
        if self.end_year is not None and self.end_year != year:
            return f"{year}-{first:02d}/{self.end_year}-{last:02d}"
        if (first, last) == (1, 12):
            return f"{year}"
        if (first, last) in ((1, 6), (7, 12)):
            return f"{year}-H{last // 6}"
        if last - first == 2 and first % 3 == 1:
            return f"{year}-Q{last // 3}"
        if first == last:
            return f"{year}-{first:02d}"
        return f"{year}-{first:02d}/{year}-{last:02d}"

    def with_year(self, year: int) -> "Period":
        """The same months in another year (a fiscal year keeps its span)."""
        end_year = None if self.end_year is None else self.end_year + year - self.year
        return Period(year, self.first_month, self.last_month, end_year)

    @property
    def end(self) -> tuple[int, int]:
        """(year, month) of the period's last month, for ordering periods."""
        return (self.end_year or self.year, self.last_month)


# A resolver turns a mention into a period given the current period of the text, the document's year
# and
# whether the words before it mark it as the compared period ("compared to the same period").
Resolver = Callable[[Period | None, int | None, bool], Period | None]


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period expression in a text; ``is_relative`` ones need the current period to resolve."""

    start: int
    end: int
    resolve: Resolver
    is_relative: bool
    is_base: bool  # the words say "the earlier period" ("a year earlier", "same period of 2022")
    needs_year: bool = False  # a named part without its year ("in September", "the first half")
    is_since: bool = False  # "since 2004": money counted over many years, not one period
    months_back: int = 0  # "the last 11 months": that many months up to the latest one reported
    is_this_year: bool = False  # "so far this year": counted in the document's own year
    length: int = 0  # "the four-month period": the last period of that many months named
    years_after: int = 0  # "five years later" (-5: "earlier"): from the period named before it
