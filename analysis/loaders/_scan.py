"""Scanning a long text with a regular expression, jumping to where a match can start.

Python's regex engine tries a pattern at every position of a text unless the pattern starts with a
known character or set of characters. Most grammars here start with optional words or
case-insensitive groups, so each costs an attempt per character of the text. ``finditer`` works
out, from the parsed pattern, the characters a match can start with, and lets a scanner that starts
with that set (the engine skips to it in C) find where the pattern matches. It yields exactly the
matches of ``pattern.finditer``: the set holds every possible first character, and when it cannot
be worked out (a match may start with any character, or be empty) the plain ``finditer`` runs.
"""

import re
import sys
from collections.abc import Iterator
from functools import cache

try:  # the parser behind ``re`` (Python 3.11+); without it every scan is the plain one
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - other Python versions
    _sre = _sre_parse = None


# Characters a pattern scans before its scanner is built: on short texts the plain scan is cheaper
# than working the scanner out (about a millisecond a pattern).
_SCAN_BEFORE_BUILDING = 100_000


class Scanning:
    """A compiled pattern whose ``search`` and ``finditer`` skip to where a match can start.

    They return exactly what the pattern's own methods return; every other attribute is the
    pattern's.
    """

    def __init__(self, pattern: re.Pattern):
        """Wrap ``pattern`` (a compiled ``re`` pattern)."""
        self._pattern = pattern
        self._scanner: re.Pattern | None = None
        self._budget = _SCAN_BEFORE_BUILDING  # characters to scan plainly before building it
        self.match, self.fullmatch = pattern.match, pattern.fullmatch

    def __getattr__(self, name: str) -> object:
        """The pattern's own attribute (``pattern``, ``flags``, ``sub``, ...)."""
        return getattr(self._pattern, name)

    def _scanner_for(self, pos: int, endpos: int, length: int) -> re.Pattern | None:
        if self._budget > 0:
            self._budget -= max(0, min(endpos, length) - max(pos, 0))
            if self._budget > 0:
                return None
            self._scanner = _scanner(self._pattern)
        return self._scanner

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        """The first match from ``pos``, as ``re.Pattern.search``."""
        scanner = self._scanner_for(pos, endpos, len(string))
        if scanner is None:
            return self._pattern.search(string, pos, endpos)
        hit = scanner.search(string, pos, endpos)
        return None if hit is None else self._pattern.match(string, hit.start(), endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        """The non-overlapping matches, as ``re.Pattern.finditer``."""
        scanner = self._scanner_for(pos, endpos, len(string))
        if scanner is None:
            yield from self._pattern.finditer(string, pos, endpos)
            return
        done = pos
        for hit in scanner.finditer(string, pos, endpos):
            at = hit.start()
            if at < done:
                continue  # inside the previous match, where finditer does not look
            match = self._pattern.match(string, at, endpos)
            if match is not None:  # always: the scanner found that it matches here
                yield match
                done = match.end()


@cache
def scanning(pattern: re.Pattern) -> Scanning:
    """The one ``Scanning`` of a pattern (so its scanner is worked out once)."""
    return pattern if isinstance(pattern, Scanning) else Scanning(pattern)


def finditer(
    pattern: re.Pattern, text: str, pos: int = 0, endpos: int = sys.maxsize
) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, found faster on long texts."""
    return scanning(pattern).finditer(text, pos, endpos)


class _AnyChar(Exception):
    """A match may start with any character: there is no set to skip to."""


@cache
def _scanner(pattern: re.Pattern) -> re.Pattern | None:
    """A pattern matching one character where ``pattern`` matches, starting with a set; or None.

    It skips (in C) to a character a match can start with, checks the next two against the
    pattern's possible beginnings, then runs the pattern there (inside a look-ahead, so it is not
    consumed).
    """
    if _sre is None or not isinstance(pattern.pattern, str):
        return None
    try:
        flags = pattern.flags
        prefixes = _prefixes(list(_sre_parse.parse(pattern.pattern, flags)), flags)
        if any(not classes for classes, _ in prefixes) or any(
            classes[0] is None for classes, _ in prefixes
        ):
            return None  # may match empty, or start with any character
        first = _class(frozenset().union(*(classes[0] for classes, _ in prefixes)))
        if first is None:
            return None  # spaces or word characters: nearly every position is a candidate
        begins = _alternation([_written(classes) for classes, _ in prefixes])
        verbose = bool(flags & re.VERBOSE)
        body = pattern.pattern + ("\n" if verbose else "")  # a line break ends a last comment
        body = f"(?i:{body})" if flags & re.IGNORECASE else f"(?:{body})"
        return re.compile(rf"{first}(?<=(?=(?:{begins}))(?={body}){first})", flags & ~re.IGNORECASE)
    except (_AnyChar, re.error, RecursionError, TypeError, ValueError, OverflowError):
        return None


_K = 3  # characters of a match's beginning the scanner checks before running the pattern
_MAX_PREFIXES = 500  # beyond this many beginnings, only the first character is checked
_ANY = {r"\s", r"\S"}  # a class of every character
_DENSE = {r"\s", r"\w", r"\D", r"\S", r"\W"}  # classes most positions of a text belong to

# A beginning of a match: (a class per character, None for any; whether more is unknown), a class
# being a frozenset of ``[...]`` items.
Prefix = tuple[tuple[frozenset | None, ...], bool]


def _written(classes: tuple[frozenset | None, ...]) -> tuple[str, ...]:
    """The ``[...]`` of each class, up to the first that holds any or most characters."""
    written = []
    for items in classes:
        one = None if items is None else _class(items)
        if one is None:
            break
        written.append(one)
    return tuple(written)


def _alternation(prefixes: list[tuple[str, ...]]) -> str:
    """A pattern matching any of the prefixes (tuples of classes), as a tree: shared heads once."""
    tails: dict[str, list[tuple[str, ...]]] = {}
    for prefix in prefixes:
        tails.setdefault(prefix[0], []).append(prefix[1:])
    return "|".join(
        head if not all(rest) else f"{head}(?:{_alternation(rest)})"
        for head, rest in sorted(tails.items())
    )


def _class(items: frozenset) -> str | None:
    """``[...]`` of the items, or None when most characters are in it."""
    return None if items & _DENSE else "[" + "".join(sorted(items)) + "]"


def _concat(left: set[Prefix], right: set[Prefix]) -> set[Prefix]:
    """Beginnings of a match of ``left`` then ``right``, up to ``_K`` characters."""
    result = set()
    for classes, done in left:
        if done:
            result.add((classes, True))
            continue
        for more, more_done in right:
            joined = classes + more
            result.add((joined[:_K], True) if len(joined) >= _K else (joined, more_done))
    if len(result) > _MAX_PREFIXES:
        return {(classes[:1], True) if classes else (classes, done) for classes, done in result}
    return result


def _prefixes(seq: list, flags: int) -> set[Prefix]:
    """Beginnings of a match of a parsed sequence."""
    result: set[Prefix] = {((), False)}
    for op, av in seq:
        result = _concat(result, _element(op, av, flags))
        if all(done for _, done in result):
            break
    return result


def _element(op: object, av: object, flags: int) -> set[Prefix]:
    """Beginnings of a match of one parsed element."""
    ignore_case = bool(flags & re.IGNORECASE)
    if op is _sre.LITERAL:
        return {((_char_class(chr(av), ignore_case),), False)}
    if op is _sre.IN:
        return {((_in_class(av, ignore_case),), False)}
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {((), False)}  # zero width
    if op is _sre.BRANCH:
        return set().union(*(_prefixes(list(branch), flags) for branch in av[1]))
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, body = av
        return _prefixes(list(body), (flags | add_flags) & ~del_flags)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, body = av
        once = _prefixes(list(body), flags)
        result = {((), False)} if low == 0 else set()
        current: set[Prefix] = {((), False)}
        for count in range(1, min(high, low + _K) + 1):
            current = _concat(current, once)
            result |= {p for p in current if p[1] or count >= low}
        return result | {(classes, True) for classes, _ in current}
    return {((None,), True)}  # anything else (a back-reference): any character


def _in_class(items: list, ignore_case: bool) -> frozenset:
    """The ``[...]`` items of a parsed set."""
    result: set[str] = set()
    for kind, value in items:
        if kind is _sre.LITERAL:
            result |= _char_class(chr(value), ignore_case)
        elif kind is _sre.RANGE and not ignore_case:
            result.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _sre.RANGE and value[1] - value[0] < 256:
            for code in range(value[0], value[1] + 1):
                result |= _char_class(chr(code), True)
        elif kind is _sre.CATEGORY and value in _CATEGORIES:
            result.add(_CATEGORIES[value])
        else:
            result |= _ANY
    return frozenset(result)


_CATEGORIES = (
    {}
    if _sre is None
    else {
        _sre.CATEGORY_DIGIT: r"\d",
        _sre.CATEGORY_SPACE: r"\s",
        _sre.CATEGORY_WORD: r"\w",
        _sre.CATEGORY_NOT_DIGIT: r"\D",
        _sre.CATEGORY_NOT_SPACE: r"\S",
        _sre.CATEGORY_NOT_WORD: r"\W",
    }
)


@cache
def _char_class(char: str, ignore_case: bool) -> frozenset:
    """The ``[...]`` items matching ``char`` (and its other cases when ``ignore_case``)."""
    if not ignore_case:
        return frozenset({re.escape(char)})
    if ord(char) > 0xFFFF:
        raise _AnyChar
    return frozenset(re.escape(c) for c in _case_variants(char))


@cache
def _case_variants(char: str) -> str:
    """Every character the engine matches case-insensitively with ``char`` (itself included)."""
    pool = _ascii_letter_variants() if char.isascii() else _bmp()
    return char + "".join(re.findall(f"(?i:{re.escape(char)})", pool))


@cache
def _ascii_letter_variants() -> str:
    """The characters that match an ASCII letter case-insensitively ("K" and the Kelvin sign)."""
    return "".join(re.findall(r"(?i:[a-z])", _bmp()))


@cache
def _bmp() -> str:
    """Every character of Unicode's basic plane but surrogates."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
