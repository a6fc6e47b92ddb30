"""A text over PART_CHARS read in parts: where it is cut, and tables joined with offsets and ids."""

import pandas as pd
import pytest

from analysis import checks
from analysis.checks import reconcile
from analysis.loaders.news import load_news, parts
from analysis.paths import DEFAULT_SEED

SEED = DEFAULT_SEED.read_text(encoding="utf-8")


def test_parts_end_at_blank_lines_after_the_size_and_cover_the_text():
    text = "One.\n\nTwo two.\n\nThree three three.\n\nFour."
    cuts = parts.split_parts(text, size=5)
    assert cuts == [(0, 16), (16, 36), (36, 41)]  # each part at least 5 characters
    assert "".join(text[a:b] for a, b in cuts) == text


def test_a_text_without_a_blank_line_is_cut_after_a_closed_line_else_not_at_all():
    closed = "Exports rose.\nImports fell\nand then rose.\nThe end"
    assert parts.split_parts(closed, size=3) == [(0, 14), (14, 42), (42, 49)]
    one_paragraph = "exports rose " * 100
    assert parts.split_parts(one_paragraph, size=10) == [(0, len(one_paragraph))]


@pytest.fixture
def two_seeds(monkeypatch):
    """The seed article twice, read in two parts (one article each)."""
    monkeypatch.setattr(parts, "PART_CHARS", len(SEED))
    return SEED + "\n\n" + SEED


@pytest.mark.parametrize("workers", [1, 2])
def test_each_part_gives_the_tables_of_its_article_read_alone(two_seeds, workers):
    alone = load_news(SEED)
    name, text = "<text>", two_seeds
    figures, claims, _ = parts.read_in_parts(name, text, workers=workers)
    offset, count = len(SEED) + 2, len(alone.figures)
    assert len(figures) == 2 * count and len(claims) == 2 * len(alone.claims)
    assert list(figures["figure_id"]) == list(range(2 * count))
    second = figures.iloc[count:].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        second.drop(columns=["figure_id", "start", "end"]),
        alone.figures.drop(columns=["figure_id", "start", "end"]),
    )
    assert list(second["start"]) == [s + offset for s in alone.figures["start"]]
    assert list(second["quote"]) == [
        text[s:e] for s, e in zip(second["start"], second["end"], strict=True)
    ]
    later = claims.iloc[len(alone.claims) :].reset_index(drop=True)
    tied = [None if v is None else v + count for v in alone.claims["value_figure_id"]]
    assert list(later["value_figure_id"]) == tied
    pd.testing.assert_frame_equal(figures.dtypes.to_frame(), alone.figures.dtypes.to_frame())
    pd.testing.assert_frame_equal(claims.dtypes.to_frame(), alone.claims.dtypes.to_frame())


def test_workers_give_the_same_tables_as_one_process(two_seeds):
    one = parts.read_in_parts("<text>", two_seeds, workers=1)
    two = parts.read_in_parts("<text>", two_seeds, workers=2)
    for a, b in zip(one, two, strict=True):
        pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_text_read_in_parts_is_checked_like_its_articles(two_seeds, monkeypatch, workers):
    alone = reconcile(load_news(SEED))
    run = parts.map_parts
    monkeypatch.setattr(checks, "map_parts", lambda f, args, n, _: run(f, args, n, workers))
    both = reconcile(load_news(two_seeds))
    stated, count = alone.claims[alone.claims["kind"] != "total"], len(alone.figures)
    totals = alone.claims[alone.claims["kind"] == "total"]
    assert list(stated["verdict"]).count("consistent") == 3
    assert list(both.claims["verdict"]) == [
        *stated["verdict"],
        *stated["verdict"],
        *totals["verdict"],
        *totals["verdict"],
    ]
    assert list(both.claims["claim_id"]) == list(range(len(both.claims)))
    later = both.claims.iloc[len(stated) : 2 * len(stated)].reset_index(drop=True)
    assert list(later["figure_ids"]) == [
        tuple(i + count for i in ids) for ids in stated["figure_ids"]
    ]
    assert list(later["explanation"]) == list(stated["explanation"])
    # the seed's one correction ($384.3 billion → million), once in each article
    assert list(both.corrections["figure_id"]) == [
        *alone.corrections["figure_id"],
        *(alone.corrections["figure_id"] + count),
    ]
    assert list(both.corrections["start"]) == [
        *alone.corrections["start"],
        *(alone.corrections["start"] + len(SEED) + 2),
    ]
