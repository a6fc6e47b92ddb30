"""The news loader on the seed article end to end, on multi-sentence documents, and on bad input."""

import re

import pandas as pd
import pytest

from analysis.loaders._amounts import parse_number
from analysis.loaders.news import (
    CLAIM_COLUMNS,
    FIGURE_COLUMNS,
    NewsDocument,
    NewsInputError,
    load_news,
    load_news_claims,
    load_news_figures,
)
from analysis.paths import DEFAULT_SEED

SEED_NAME = DEFAULT_SEED.name


def test_seed_figures_exactly():
    figures = load_news_figures(DEFAULT_SEED)
    assert list(figures.columns) == list(FIGURE_COLUMNS)
    expected = pd.DataFrame(
        [
            (0, "$1.18 billion", 1599, 1612, "turnover", "2023", 1.18e9, 5e6),
            (1, "$1.84 billion", 1712, 1725, "turnover", "2022", 1.84e9, 5e6),
            (2, "$702 million", 1834, 1846, "exports", "2023", 7.02e8, 5e5),
            (3, "$1.46 billion", 1914, 1927, "exports", "2022", 1.46e9, 5e6),
            (4, "$478.6 million", 2041, 2055, "imports", "2023", 4.786e8, 5e4),
            (5, "$384.3 billion", 2087, 2101, "imports", "2022", 3.843e11, 5e7),
        ],
        columns=[
            "figure_id",
            "quote",
            "start",
            "end",
            "flow",
            "period",
            "value_usd",
            "half_width_usd",
        ],
    )
    got = figures[expected.columns].astype({c: object for c in ("quote", "flow", "period")})
    pd.testing.assert_frame_equal(
        got, expected.astype({c: object for c in ("quote", "flow", "period")})
    )
    assert set(figures["document"]) == {SEED_NAME}
    assert set(figures["reporter_iso3"]) == {"KAZ"} and set(figures["partner_iso3"]) == {"GBR"}
    assert set(figures["qualifier"]) == {""}
    assert set(figures["scope"]) == {"all"} and figures["balance_sign"].isna().all()
    assert figures.loc[1, "context"] == (
        "The volume of trade turnover decreased by 36 percent compared to the "
        "same period in 2022 ($1.84 billion)."
    )


def test_seed_claims_exactly():
    claims = load_news_claims(DEFAULT_SEED)
    assert list(claims.columns) == list(CLAIM_COLUMNS)
    rows = [tuple(r) for r in claims.drop(columns=["document", "context"]).itertuples(index=False)]
    assert rows == [
        (
            0,
            "decreased by 36 percent",
            1651,
            1674,
            "pct_change",
            -36.0,
            0.5,
            "",
            "turnover",
            None,
            "2023",
            "2022",
            "KAZ",
            "GBR",
            0,
            1,
            "all",
        ),
        (
            1,
            "52 percent less than",
            1857,
            1877,
            "pct_change",
            -52.0,
            0.5,
            "",
            "exports",
            None,
            "2023",
            "2022",
            "KAZ",
            "GBR",
            2,
            3,
            "all",
        ),
        (
            2,
            "increased by 24.5 percent",
            1999,
            2024,
            "pct_change",
            24.5,
            0.05,
            "",
            "imports",
            None,
            "2023",
            "2022",
            "KAZ",
            "GBR",
            4,
            5,
            "all",
        ),
    ]


def test_seed_spans_and_contexts_are_exact_text():
    doc = load_news(DEFAULT_SEED)
    assert isinstance(doc, NewsDocument) and doc.name == SEED_NAME
    assert doc.text == DEFAULT_SEED.read_text(encoding="utf-8")
    for table in (doc.figures, doc.claims):
        for row in table.itertuples():
            assert doc.text[row.start : row.end] == row.quote
            assert row.quote in row.context and row.context in doc.text


def test_text_and_path_give_the_same_tables():
    from_path = load_news(DEFAULT_SEED)
    from_text = load_news(DEFAULT_SEED.read_text(encoding="utf-8"))
    assert from_text.name == "<text>"
    pd.testing.assert_frame_equal(
        from_path.figures.drop(columns="document"), from_text.figures.drop(columns="document")
    )
    pd.testing.assert_frame_equal(
        from_path.claims.drop(columns="document"), from_text.claims.drop(columns="document")
    )


def test_above_period_and_same_period_carry_the_current_period():
    text = (
        "ASTANA, Kazakhstan. Trade between Kazakhstan and China reached $31.2 billion in "
        "January-August 2024.\n"
        "Exports to China for the above period amounted to $14.5 billion, up 3% compared to the "
        "same period of 2023 ($14.1 billion).\n"
        "Imports from China amounted to $16.7 billion."
    )
    figures = load_news_figures(text)
    rows = [
        tuple(r)
        for r in figures[["quote", "flow", "period", "reporter_iso3", "partner_iso3"]].itertuples(
            index=False
        )
    ]
    assert rows == [
        ("$31.2 billion", "turnover", "2024-01/2024-08", "KAZ", "CHN"),
        ("$14.5 billion", "exports", "2024-01/2024-08", "KAZ", "CHN"),
        ("$14.1 billion", "exports", "2023-01/2023-08", "KAZ", "CHN"),
        ("$16.7 billion", "imports", "2024-01/2024-08", "KAZ", "CHN"),
    ]
    claims = load_news_claims(text)
    assert [
        tuple(r)
        for r in claims[
            [
                "quote",
                "stated",
                "flow",
                "period",
                "base_period",
                "value_figure_id",
                "base_figure_id",
            ]
        ].itertuples(index=False)
    ] == [
        ("up 3%", 3.0, "exports", "2024-01/2024-08", "2023-01/2023-08", 1, 2),
    ]


def test_relative_years_use_the_document_date():
    text = (
        "date 2024-03-14 Exports to Russia rose 8% last year and reached $2.5 billion in January "
        "this year."
    )
    figures, claims = load_news(text).figures, load_news(text).claims
    assert list(figures["period"]) == ["2024-01"]
    assert [
        tuple(r) for r in claims[["quote", "period", "base_period"]].itertuples(index=False)
    ] == [
        ("rose 8%", "2024-01", "2023"),
    ]


def test_share_claim_ties_part_and_whole_figures():
    text = (
        "Trade turnover amounted to $10 billion in 2023. Exports amounted to $6 billion in 2023 "
        "and accounted for 60 percent of trade turnover."
    )
    claims = load_news_claims(text)
    assert [
        tuple(r)
        for r in claims[
            [
                "kind",
                "stated",
                "flow",
                "whole_flow",
                "period",
                "base_period",
                "value_figure_id",
                "base_figure_id",
            ]
        ].itertuples(index=False)
    ] == [
        ("share", 60.0, "exports", "turnover", "2023", None, 1, 0),
    ]


def test_sentences_split_after_abbreviations_only_where_they_end():
    text = (
        "Mr. Smith said U.S. exports rose. Exports to the U.S. reached $5bn in 2023. "
        "Imports were $2bn."
    )
    figures = load_news_figures(text)
    assert list(figures["context"]) == [
        "Exports to the U.S. reached $5bn in 2023.",
        "Imports were $2bn.",
    ]
    assert list(figures["flow"]) == ["exports", "imports"]
    assert list(figures["period"]) == ["2023", "2023"]


def test_tables_have_columns_even_without_figures():
    doc = load_news("Nothing to see here.")
    assert list(doc.figures.columns) == list(FIGURE_COLUMNS) and doc.figures.empty
    assert list(doc.claims.columns) == list(CLAIM_COLUMNS) and doc.claims.empty


@pytest.mark.parametrize(
    ("written", "value", "decimals"),
    [
        ("1,496.2", "1496.2", 1),
        ("626,1", "626.1", 1),
        ("2,1", "2.1", 1),
        ("1,234", "1234", 0),
        ("1,234,567", "1234567", 0),
        ("12,34", "12.34", 2),
        ("24.5", "24.5", 1),
        ("702", "702", 0),
    ],
)
def test_thousands_separator_or_decimal_comma(written, value, decimals):
    parsed, parsed_decimals = parse_number(written)
    assert (str(parsed), parsed_decimals) == (value, decimals)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.txt", "news file not found"),
        (lambda d: d, "is a directory"),
        (
            lambda d: _write(d / "binary.txt", b"PK\x03\x04\x00\x00"),
            "is binary (NUL byte at offset 4)",
        ),
        (lambda d: _write(d / "empty.txt", b""), "is empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\t\n"), "is empty"),
        (
            lambda d: _write(d / "latin1.txt", b"Exports \xa3 rose"),
            "is not UTF-8 text (byte 0xa3 at offset 8)",
        ),
    ],
    ids=["missing", "directory", "binary", "empty", "whitespace", "undecodable"],
)
def test_bad_files_raise_news_input_error(tmp_path, setup, message):
    path = setup(tmp_path)
    for loader in (load_news, load_news_figures, load_news_claims):
        with pytest.raises(NewsInputError, match=re.escape(message)) as error:
            loader(path)
        assert "\n" not in str(error.value) and isinstance(error.value, ValueError)
    with pytest.raises(NewsInputError, match=re.escape(message)):
        load_news(str(path))


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_text_raises(text):
    with pytest.raises(NewsInputError, match="news text is empty"):
        load_news(text)


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
