"""An index of text spans by position; a lookup is a binary search, not a scan of the text."""

import bisect
from collections.abc import Iterator, Sequence
from typing import Generic, Protocol, TypeVar


class _Spanned(Protocol):
    start: int


T = TypeVar("T", bound=_Spanned)


class SpanIndex(Generic[T]):
    """Items with a ``start`` offset, sorted by it; slices by position in O(log n + k)."""

    def __init__(self, items: Sequence[T]):
        """Index ``items`` (sorted here by ``start``; the order of equal starts is kept)."""
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def __iter__(self) -> Iterator[T]:
        """The items in text order."""
        return iter(self.items)

    def __len__(self) -> int:
        """How many items."""
        return len(self.items)

    def between(self, low: int, high: int) -> list[T]:
        """Items starting at ``low`` or after and before ``high``, in text order."""
        return self.items[
            bisect.bisect_left(self.starts, low) : bisect.bisect_left(self.starts, high)
        ]

    def first_from(self, position: int) -> T | None:
        """The first item starting at ``position`` or after, if any."""
        at = bisect.bisect_left(self.starts, position)
        return self.items[at] if at < len(self.items) else None

    def last_at(self, position: int) -> T | None:
        """The last item starting at ``position`` or before, if any."""
        at = bisect.bisect_right(self.starts, position) - 1
        return self.items[at] if at >= 0 else None
