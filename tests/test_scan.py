"""The fast scanner finds exactly what ``re`` finds: on real news text, and on generated text."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.loaders import _amounts, _countries, _periods
from analysis.loaders._scan import Scanning, _scanner
from analysis.loaders.news import vocabulary

NEWS = Path(__file__).parent / "fixtures" / "news"


def _patterns() -> list[re.Pattern]:
    found = [pattern for _, pattern in _periods._COMPILED]
    for module in (_amounts, _countries, vocabulary):
        for value in vars(module).values():
            value = value._pattern if isinstance(value, Scanning) else value
            if isinstance(value, re.Pattern):
                found.append(value)
    return [*found, _countries._pattern()]


PATTERNS = _patterns()


def _eager(pattern: re.Pattern) -> Scanning:
    """A ``Scanning`` that uses its scanner from the first character."""
    scanning = Scanning(pattern)
    scanning._budget, scanning._scanner = 0, _scanner(pattern)
    return scanning


def _found(matches) -> list:  # noqa: ANN001 - an iterator of matches
    return [(m.span(), m.groupdict()) for m in matches]


def test_most_grammars_get_a_scanner() -> None:
    with_scanner = [p for p in PATTERNS if _scanner(p) is not None]
    assert len(with_scanner) >= 0.7 * len(PATTERNS)


@pytest.mark.parametrize("path", sorted(NEWS.glob("*.txt")), ids=lambda p: p.name[:30])
def test_same_matches_as_re_on_real_news(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for pattern in PATTERNS:
        fast = _eager(pattern)
        assert _found(fast.finditer(text)) == _found(pattern.finditer(text)), pattern.pattern
        for start in range(0, len(text), 97):
            end = start + 150
            got, want = fast.search(text, start, end), pattern.search(text, start, end)
            assert _found([got] if got else []) == _found([want] if want else [])


# Letters that fold in surprising ways under re.IGNORECASE (the Kelvin sign, the long s, dotted and
# dotless i), digits, money and punctuation, and words the grammars look for.
_PIECES = [
    *"aAkKsSiI\u212a\u017f\u0130\u0131 \n\t.,;:%$¤()-–'’0123456789",
    "the ",
    "first ",
    "months ",
    "January",
    "2023",
    "trade ",
    "exports ",
    "percent",
    " Kazakhstan",
    "fiscal ",
    "FY",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.integers(0, 5))
def test_same_matches_as_re_on_generated_text(pieces: list[str], pos: int) -> None:
    text = "".join(pieces)
    for pattern in PATTERNS:
        fast = _eager(pattern)
        assert _found(fast.finditer(text, pos)) == _found(pattern.finditer(text, pos))
        got, want = fast.search(text, pos), pattern.search(text, pos)
        assert _found([got] if got else []) == _found([want] if want else [])


def test_case_insensitive_letters_include_other_foldings() -> None:
    # "K" (the Kelvin sign) and "ſ" (the long s) match "k" and "s" under re.IGNORECASE
    pattern = re.compile(r"(?i:kelvin|sun)")
    text = "\u212aelvin \u017fun"
    assert _found(_eager(pattern).finditer(text)) == _found(pattern.finditer(text))
    assert len(_found(pattern.finditer(text))) == 2


def test_verbose_comment_and_empty_match_fall_back_or_work() -> None:
    verbose = re.compile(r"ab  # a comment", re.VERBOSE)
    assert _found(_eager(verbose).finditer("xxab ab")) == _found(verbose.finditer("xxab ab"))
    assert _scanner(re.compile(r"a*")) is None  # may match empty: the plain scan runs
    assert _scanner(re.compile(r".b")) is None  # may start with anything
