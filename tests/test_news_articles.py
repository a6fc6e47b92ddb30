"""The news loader on whole invented trade-news articles: every figure and claim, exactly.

The articles are in tests/fixtures/news.
"""

import math

import pytest

from analysis.checks import reconcile
from analysis.loaders.news import load_news
from analysis.paths import PROJECT_DIR

FIXTURES = PROJECT_DIR / "tests" / "fixtures" / "news"
FIGURE_FIELDS = [
    "quote",
    "flow",
    "period",
    "reporter_iso3",
    "partner_iso3",
    "value_usd",
    "half_width_usd",
    "qualifier",
]
CLAIM_FIELDS = [
    "quote",
    "kind",
    "stated",
    "flow",
    "whole_flow",
    "period",
    "base_period",
    "reporter_iso3",
    "partner_iso3",
]

# file name → (figures as FIGURE_FIELDS tuples, claims as CLAIM_FIELDS tuples), in text order.
# "WLD" is a reporter's trade with all countries ("total exports"); "EUU" the European Union.
ARTICLES = {
    "2024-01-19-trend-georgia-eu.txt": (
        [
            ("$3.9 billion", "turnover", "2023", "GEO", "EUU", 3900000000.0, 50000000.0, ""),
            ("$0.7 billion", "exports", "2023", "GEO", "EUU", 700000000.0, 50000000.0, ""),
            ("$3.2 billion", "imports", "2023", "GEO", "EUU", 3200000000.0, 50000000.0, ""),
            ("$19.4 billion", "turnover", "2023", "GEO", "WLD", 19400000000.0, 50000000.0, ""),
            ("$9.3 billion", "balance", "2023", "GEO", "WLD", 9300000000.0, 50000000.0, ""),
            ("$1.6 billion", "exports", "2023", "GEO", "WLD", 1600000000.0, 50000000.0, ""),
        ],
        [
            ("7.3% more than", "pct_change", 7.3, "turnover", None, "2023", "2022", "GEO", "EUU"),
            ("down 5.6%", "pct_change", -5.6, "exports", None, "2023", "2022", "GEO", "EUU"),
            ("up 10.4%", "pct_change", 10.4, "imports", None, "2023", "2022", "GEO", "EUU"),
            (
                "share in Georgia's external trade turnover was 20.1%",
                "share",
                20.1,
                "turnover",
                "turnover",
                "2023",
                None,
                "GEO",
                "EUU",
            ),
            # every percentage is a claim candidate (issue 7): the compared share is one too
            ("21.5%", "share", 21.5, "turnover", "turnover", "2022", None, "GEO", "EUU"),
            (
                "10.5% higher than",
                "pct_change",
                10.5,
                "turnover",
                None,
                "2023",
                "2022",
                "GEO",
                "WLD",
            ),
        ],
    ),
    "2024-02-05-kazinform-kazakhstan-china.txt": (
        [
            ("$31.5bn", "turnover", "2023", "KAZ", "CHN", 31500000000.0, 50000000.0, ""),
            ("$31.5 billion", "turnover", "2023", "KAZ", "CHN", 31500000000.0, 50000000.0, ""),
            ("$15.4 billion", "exports", "2023", "KAZ", "CHN", 15400000000.0, 50000000.0, ""),
            ("$16.1 billion", "imports", "2023", "KAZ", "CHN", 16100000000.0, 50000000.0, ""),
            ("$700 million", "balance", "2023", "KAZ", "CHN", 700000000.0, 500000.0, "about"),
            ("$2.1bn", "turnover", "2024-01", "KAZ", "CHN", 2100000000.0, 50000000.0, ""),
            ("$1.2bn", "exports", "2024-01", "KAZ", "CHN", 1200000000.0, 50000000.0, ""),
            ("$900 mln", "imports", "2024-01", "KAZ", "CHN", 900000000.0, 500000.0, ""),
            ("$35 billion", "turnover", "2030", "KAZ", "CHN", 35000000000.0, 500000000.0, ""),
        ],
        [
            ("grew by 30.2%", "pct_change", 30.2, "turnover", None, "2023", "2022", "KAZ", "CHN"),
            ("4.8% more", "pct_change", 4.8, "exports", None, "2023", "2022", "KAZ", "CHN"),
            ("increased 1.5-fold", "ratio", 1.5, "imports", None, "2023", "2022", "KAZ", "CHN"),
            (
                "accounting for 22.7 percent of the country's foreign trade",
                "share",
                22.7,
                "turnover",
                "turnover",
                "2023",
                None,
                "KAZ",
                "CHN",
            ),
        ],
    ),
    "2024-05-20-pti-india-uae.txt": (
        [
            (
                "USD 83.6 billion",
                "turnover",
                "2023-04/2024-03",
                "IND",
                "ARE",
                83600000000.0,
                50000000.0,
                "",
            ),
            (
                "USD 83.64 billion",
                "turnover",
                "2023-04/2024-03",
                "IND",
                "ARE",
                83640000000.0,
                5000000.0,
                "",
            ),
            (
                "USD 76.16 billion",
                "turnover",
                "2022-04/2023-03",
                "IND",
                "ARE",
                76160000000.0,
                5000000.0,
                "",
            ),
            (
                "USD 35.63 billion",
                "exports",
                "2023-04/2024-03",
                "IND",
                "ARE",
                35630000000.0,
                5000000.0,
                "",
            ),
            (
                "USD 48.02 billion",
                "imports",
                "2023-04/2024-03",
                "IND",
                "ARE",
                48020000000.0,
                5000000.0,
                "",
            ),
            (
                "USD 12.39 billion",
                "balance",
                "2023-04/2024-03",
                "IND",
                "ARE",
                12390000000.0,
                5000000.0,
                "",
            ),
            (
                "USD 1.12 trillion",
                "turnover",
                "2023-04/2024-03",
                "IND",
                "WLD",
                1120000000000.0,
                5000000000.0,
                "",
            ),
            ("$1.2 bn", "turnover", "2024-04", "IND", "ARE", 1200000000.0, 50000000.0, "about"),
            # "the two sides aim to take it to US$ 100 billion by 2030": a target, not a flow
            ("US$ 100 billion", "other", "2030", "IND", "ARE", 100000000000.0, 500000000.0, ""),
            ("US$ 2.6 billion", "other", "2024-Q2", "IND", "ARE", 2600000000.0, 50000000.0, ""),
        ],
        [
            (
                "rises 9.8%",
                "pct_change",
                9.8,
                "turnover",
                None,
                "2023-04/2024-03",
                "2022-04/2023-03",
                "IND",
                "ARE",
            ),
            (
                "rose by 9.8 per cent",
                "pct_change",
                9.8,
                "turnover",
                None,
                "2023-04/2024-03",
                "2022-04/2023-03",
                "IND",
                "ARE",
            ),
            (
                "dipped 1.4 per cent",
                "pct_change",
                -1.4,
                "exports",
                None,
                "2023-04/2024-03",
                "2022-04/2023-03",
                "IND",
                "ARE",
            ),
            (
                "increased by about 19 per cent",
                "pct_change",
                19.0,
                "imports",
                None,
                "2023-04/2024-03",
                "2022-04/2023-03",
                "IND",
                "ARE",
            ),
            (
                "accounting for 7.5 per cent of the country's total merchandise trade",
                "share",
                7.5,
                "turnover",
                "turnover",
                "2023-04/2024-03",
                None,
                "IND",
                "ARE",
            ),
        ],
    ),
    "2024-07-06-reuters-vietnam-us.txt": (
        [
            ("$55.5 billion", "exports", "2024-H1", "VNM", "USA", 55500000000.0, 50000000.0, ""),
            ("$47.5 billion", "balance", "2024-H1", "VNM", "USA", 47500000000.0, 50000000.0, ""),
            ("$8.0 billion", "imports", "2024-H1", "VNM", "USA", 8000000000.0, 50000000.0, ""),
            ("$45.0 billion", "exports", "2023-H1", "VNM", "USA", 45000000000.0, 50000000.0, ""),
            ("$190.1 billion", "exports", "2024-H1", "VNM", "WLD", 190100000000.0, 50000000.0, ""),
            ("$178.1 billion", "imports", "2024-H1", "VNM", "WLD", 178100000000.0, 50000000.0, ""),
            (
                "$12 billion",
                "balance",
                "2024-H1",
                "VNM",
                "WLD",
                12000000000.0,
                500000000.0,
                "about",
            ),
            ("$104.6 billion", "balance", "2023", "VNM", "USA", 104600000000.0, 50000000.0, ""),
            ("$114.4bn", "exports", "2023", "VNM", "USA", 114400000000.0, 50000000.0, ""),
        ],
        [
            ("rose 23.4%", "pct_change", 23.4, "exports", None, "2024-H1", "2023-H1", "VNM", "USA"),
            ("up 2.1%", "pct_change", 2.1, "imports", None, "2024-H1", "2023-H1", "VNM", "USA"),
            ("up 14.5%", "pct_change", 14.5, "exports", None, "2024-H1", "2023-H1", "VNM", "WLD"),
            ("rose 18.2%", "pct_change", 18.2, "imports", None, "2024-H1", "2023-H1", "VNM", "WLD"),
            (
                "accounted for 29.2% of Vietnam's total exports",
                "share",
                29.2,
                "exports",
                "exports",
                "2024-H1",
                None,
                "VNM",
                "USA",
            ),
        ],
    ),
    "2024-07-18-xinhua-china-uzbekistan.txt": (
        [
            (
                "6.4 billion U.S. dollars",
                "turnover",
                "2024-H1",
                "CHN",
                "UZB",
                6400000000.0,
                50000000.0,
                "",
            ),
            (
                "5.1 billion U.S. dollars",
                "exports",
                "2024-H1",
                "CHN",
                "UZB",
                5100000000.0,
                50000000.0,
                "",
            ),
            (
                "1.3 billion dollars",
                "imports",
                "2024-H1",
                "CHN",
                "UZB",
                1300000000.0,
                50000000.0,
                "",
            ),
            (
                "14.3 billion U.S. dollars",
                "turnover",
                "2023",
                "CHN",
                "UZB",
                14300000000.0,
                50000000.0,
                "",
            ),
            (
                "9.5 billion U.S. dollars",
                "turnover",
                "2022",
                "CHN",
                "UZB",
                9500000000.0,
                50000000.0,
                "",
            ),
            (
                "2.8 billion U.S. dollars",
                "imports",
                "2024-Q1",
                "CHN",
                "UZB",
                2800000000.0,
                50000000.0,
                "",
            ),
            (
                "11 billion dollars",
                "other",
                "2024-06",
                "CHN",
                "UZB",
                11000000000.0,
                500000000.0,
                "over",
            ),
        ],
        [
            (
                "up 15.6 pct",
                "pct_change",
                15.6,
                "turnover",
                None,
                "2024-H1",
                "2023-H1",
                "CHN",
                "UZB",
            ),
            (
                "up 15.6 percent",
                "pct_change",
                15.6,
                "turnover",
                None,
                "2024-H1",
                "2023-H1",
                "CHN",
                "UZB",
            ),
            ("1.5 times that of", "ratio", 1.5, "turnover", None, "2023", "2022", "CHN", "UZB"),
        ],
    ),
    "2024-10-02-anadolu-turkiye-exports.txt": (
        [
            ("$22.6B", "exports", "2024-09", "TUR", "WLD", 22600000000.0, 50000000.0, ""),
            ("$22.6 billion", "exports", "2024-09", "TUR", "WLD", 22600000000.0, 50000000.0, ""),
            ("$27.4 billion", "imports", "2024-09", "TUR", "WLD", 27400000000.0, 50000000.0, ""),
            ("$4.8 billion", "balance", "2024-09", "TUR", "WLD", 4800000000.0, 50000000.0, ""),
            (
                "$192.9 billion",
                "exports",
                "2024-01/2024-09",
                "TUR",
                "WLD",
                192900000000.0,
                50000000.0,
                "",
            ),
            (
                "$252.4 billion",
                "imports",
                "2024-01/2024-09",
                "TUR",
                "WLD",
                252400000000.0,
                50000000.0,
                "",
            ),
            ("$1.7 billion", "exports", "2024-09", "TUR", "DEU", 1700000000.0, 50000000.0, ""),
            ("$1.3 billion", "exports", "2024-09", "TUR", "GBR", 1300000000.0, 50000000.0, ""),
            ("$1.2 billion", "exports", "2024-09", "TUR", "USA", 1200000000.0, 50000000.0, ""),
            ("$267 billion", "exports", "2024", "TUR", "WLD", 267000000000.0, 500000000.0, ""),
        ],
        [
            ("rise 3.5%", "pct_change", 3.5, "exports", None, "2024-09", "2023-09", "TUR", "WLD"),
            ("rose 3.5%", "pct_change", 3.5, "exports", None, "2024-09", "2023-09", "TUR", "WLD"),
            ("fell 4.2%", "pct_change", -4.2, "imports", None, "2024-09", "2023-09", "TUR", "WLD"),
            (
                "narrowing the foreign trade deficit by 28.9%",
                "pct_change",
                -28.9,
                "balance",
                None,
                "2024-09",
                "2023-09",
                "TUR",
                "WLD",
            ),
            (
                "climbed 2.9%",
                "pct_change",
                2.9,
                "exports",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "TUR",
                "WLD",
            ),
            (
                "dropped 7.7%",
                "pct_change",
                -7.7,
                "imports",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "TUR",
                "WLD",
            ),
        ],
    ),
    "2024-10-10-trend-kazakhstan-uzbekistan.txt": (
        [
            (
                "$3bn",
                "turnover",
                "2024-01/2024-08",
                "KAZ",
                "UZB",
                3000000000.0,
                500000000.0,
                "almost",
            ),
            (
                "$3 billion",
                "turnover",
                "2024-01/2024-08",
                "KAZ",
                "UZB",
                3000000000.0,
                500000000.0,
                "almost",
            ),
            (
                "$1,95 billion",
                "exports",
                "2024-01/2024-08",
                "KAZ",
                "UZB",
                1950000000.0,
                5000000.0,
                "",
            ),
            (
                "$1,02 billion",
                "imports",
                "2024-01/2024-08",
                "KAZ",
                "UZB",
                1020000000.0,
                5000000.0,
                "",
            ),
            (
                "$626,1 million",
                "exports",
                "2024-01/2024-08",
                "KAZ",
                "UZB",
                626100000.0,
                50000.0,
                "",
            ),
            (
                "$78.4 billion",
                "turnover",
                "2024-01/2024-08",
                "KAZ",
                "WLD",
                78400000000.0,
                50000000.0,
                "",
            ),
            (
                "$500 million",
                "other",
                "2024-01/2024-08",
                "KAZ",
                "UZB",
                500000000.0,
                500000.0,
                "over",
            ),
        ],
        [
            (
                "8,2% more than",
                "pct_change",
                8.2,
                "exports",
                None,
                "2024-01/2024-08",
                "2023-01/2023-08",
                "KAZ",
                "UZB",
            ),
            (
                "increased 2.3 times",
                "ratio",
                2.3,
                "other",
                None,
                "2024-01/2024-08",
                "2023-01/2023-08",
                "KAZ",
                "UZB",
            ),
            (
                "share in Kazakhstan's total trade turnover stood at 3.8 percent",
                "share",
                3.8,
                "turnover",
                "turnover",
                "2024-01/2024-08",
                None,
                "KAZ",
                "UZB",
            ),
        ],
    ),
    "2024-10-21-trend-azerbaijan-turkiye.txt": (
        [
            (
                "$4.63 billion",
                "turnover",
                "2024-01/2024-08",
                "AZE",
                "TUR",
                4630000000.0,
                5000000.0,
                "",
            ),
            (
                "$4.23 billion",
                "turnover",
                "2023-01/2023-08",
                "AZE",
                "TUR",
                4230000000.0,
                5000000.0,
                "",
            ),
            (
                "$3.12 billion",
                "exports",
                "2024-01/2024-08",
                "AZE",
                "TUR",
                3120000000.0,
                5000000.0,
                "",
            ),
            (
                "$1.51 billion",
                "imports",
                "2024-01/2024-08",
                "AZE",
                "TUR",
                1510000000.0,
                5000000.0,
                "",
            ),
            (
                "$1.61 billion",
                "balance",
                "2024-01/2024-08",
                "AZE",
                "TUR",
                1610000000.0,
                5000000.0,
                "",
            ),
            (
                "$35.1 billion",
                "turnover",
                "2024-01/2024-08",
                "AZE",
                "WLD",
                35100000000.0,
                50000000.0,
                "",
            ),
            # "aim to increase bilateral trade to $15 billion by 2030": a target, not a flow
            ("$15 billion", "other", "2030", "AZE", "TUR", 15000000000.0, 500000000.0, ""),
        ],
        [
            (
                "9.4 percent more than",
                "pct_change",
                9.4,
                "turnover",
                None,
                "2024-01/2024-08",
                "2023-01/2023-08",
                "AZE",
                "TUR",
            ),
            (
                "accounted for 13.2 percent of Azerbaijan's total foreign trade turnover",
                "share",
                13.2,
                "turnover",
                "turnover",
                "2024-01/2024-08",
                None,
                "AZE",
                "TUR",
            ),
            (
                "down by 4.1%",
                "pct_change",
                -4.1,
                "turnover",
                None,
                "2024-01/2024-08",
                "2023-01/2023-08",
                "AZE",
                "WLD",
            ),
        ],
    ),
    "2024-11-14-interfax-russia-uzbekistan.txt": (
        [
            (
                "$9.8 billion",
                "turnover",
                "2024-01/2024-09",
                "RUS",
                "UZB",
                9800000000.0,
                50000000.0,
                "",
            ),
            (
                "$7.2 billion",
                "exports",
                "2024-01/2024-09",
                "RUS",
                "UZB",
                7200000000.0,
                50000000.0,
                "",
            ),
            (
                "$2.6 billion",
                "imports",
                "2024-01/2024-09",
                "RUS",
                "UZB",
                2600000000.0,
                50000000.0,
                "",
            ),
            ("$11.1 bln", "turnover", "2023", "RUS", "UZB", 11100000000.0, 50000000.0, ""),
            ("$9.3 bln", "turnover", "2022", "RUS", "UZB", 9300000000.0, 50000000.0, ""),
            ("$10 billion", "other", "", "RUS", "UZB", 10000000000.0, 500000000.0, "over"),
        ],
        [
            (
                "grew by 12.3%",
                "pct_change",
                12.3,
                "turnover",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "RUS",
                "UZB",
            ),
            ("up 19.5%", "pct_change", 19.5, "turnover", None, "2023", "2022", "RUS", "UZB"),
            (
                "share in Uzbekistan's foreign trade was 16.4%",
                "share",
                16.4,
                "turnover",
                "turnover",
                "2023",
                None,
                "UZB",
                "RUS",
            ),
        ],
    ),
}

# Verdicts reconcile.py gives today that are right (claim quote → verdict; totals by their figure's
# quote).
VERDICTS = {
    "2024-01-19-trend-georgia-eu.txt": {
        "share in Georgia's external trade turnover was 20.1%": "consistent",
        "$1.6 billion": None,  # cars re-exported: a product, never the pair's exports in a check
        "$3.9 billion": "consistent",
        "7.3% more than": "unverifiable",
    },
    "2024-02-05-kazinform-kazakhstan-china.txt": {
        # no figure of Kazakhstan's trade with the world: not $31.5bn/$31.5bn = 100%
        "accounting for 22.7 percent of the country's foreign trade": "unverifiable",
        "$31.5bn": None,  # the headline repeats the body's figure: one total check
        "$31.5 billion": "consistent",
        "$700 million": "consistent",  # deficit: 15.4bn - 16.1bn
    },
    "2024-05-20-pti-india-uae.txt": {
        "USD 12.39 billion": "consistent",
        "rose by 9.8 per cent": "consistent",
        "accounting for 7.5 per cent of the country's total merchandise trade": "consistent",
        "USD 83.64 billion": "consistent",
        "dipped 1.4 per cent": "unverifiable",
    },
    "2024-07-06-reuters-vietnam-us.txt": {
        "rose 23.4%": "consistent",
        "accounted for 29.2% of Vietnam's total exports": "consistent",
        "up 14.5%": "unverifiable",
        "$47.5 billion": "consistent",
        "$12 billion": "consistent",
    },
    "2024-10-02-anadolu-turkiye-exports.txt": {
        "$4.8 billion": "consistent",
        "$22.6B": None,
    },
    "2024-07-18-xinhua-china-uzbekistan.txt": {
        "1.5 times that of": "consistent",
        "6.4 billion U.S. dollars": "consistent",
    },
    "2024-10-10-trend-kazakhstan-uzbekistan.txt": {
        "share in Kazakhstan's total trade turnover stood at 3.8 percent": "consistent",
        "$3 billion": "consistent",
        "$3bn": None,
        "increased 2.3 times": "unverifiable",
    },
    "2024-10-21-trend-azerbaijan-turkiye.txt": {
        "9.4 percent more than": "consistent",
        "accounted for 13.2 percent of Azerbaijan's total foreign trade turnover": "consistent",
        "$4.63 billion": "consistent",
        "$1.61 billion": "consistent",
    },
    "2024-11-14-interfax-russia-uzbekistan.txt": {
        "up 19.5%": "consistent",
        "share in Uzbekistan's foreign trade was 16.4%": "unverifiable",
        "$9.8 billion": "consistent",
    },
}


def _rows(frame, fields):
    return [tuple(row) for row in frame[fields].itertuples(index=False)]


def test_every_fixture_has_expectations():
    assert sorted(p.name for p in FIXTURES.glob("*.txt")) == sorted({**ARTICLES, **MORE_ARTICLES})


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_figures(name):
    assert _rows(load_news(FIXTURES / name).figures, FIGURE_FIELDS) == ARTICLES[name][0]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_claims(name):
    assert _rows(load_news(FIXTURES / name).claims, CLAIM_FIELDS) == ARTICLES[name][1]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_quotes_are_exact_spans(name):
    doc = load_news(FIXTURES / name)
    for table in (doc.figures, doc.claims):
        for row in table.itertuples():
            assert doc.text[row.start : row.end] == row.quote
            assert (
                doc.text.find(row.context)
                <= row.start
                < row.end
                <= doc.text.find(row.context) + len(row.context)
            )


@pytest.mark.parametrize("name", sorted(VERDICTS))
def test_article_verdicts(name):
    claims = reconcile(load_news(FIXTURES / name)).claims
    got = {
        quote: verdict for quote, verdict in zip(claims["quote"], claims["verdict"], strict=True)
    }
    assert {quote: got.get(quote) for quote in VERDICTS[name]} == VERDICTS[name]


# Figures whose scope or balance sign is not the default ("all", NaN): file → (quote, scope,
# balance_sign).
MARKED = {
    "2024-01-19-trend-georgia-eu.txt": [
        ("$9.3 billion", "all", -1.0),  # "negative trade balance"
        ("$1.6 billion", "commodity", None),  # "$1.6 billion worth of cars re-exported"
    ],
    "2024-02-05-kazinform-kazakhstan-china.txt": [("$700 million", "all", -1.0)],
    "2024-05-20-pti-india-uae.txt": [
        ("USD 12.39 billion", "all", -1.0),
        ("$1.2 bn", "commodity", None),  # "Non-oil trade"
        ("US$ 100 billion", "commodity", None),  # "take it [non-oil trade] to"
    ],
    "2024-07-06-reuters-vietnam-us.txt": [
        ("$47.5 billion", "all", 1.0),
        ("$12 billion", "all", 1.0),
        ("$104.6 billion", "all", 1.0),
    ],
    "2024-07-18-xinhua-china-uzbekistan.txt": [
        ("2.8 billion U.S. dollars", "commodity", None),  # "imports of Uzbek natural gas"
    ],
    "2024-10-02-anadolu-turkiye-exports.txt": [("$4.8 billion", "all", -1.0)],
    "2024-10-10-trend-kazakhstan-uzbekistan.txt": [("$626,1 million", "commodity", None)],
    "2024-10-21-trend-azerbaijan-turkiye.txt": [("$1.61 billion", "all", 1.0)],
    "2024-11-14-interfax-russia-uzbekistan.txt": [],
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_scopes_and_balance_signs(name):
    figures = load_news(FIXTURES / name).figures
    marked = figures[(figures["scope"] != "all") | figures["balance_sign"].notna()]
    got = [
        (quote, scope, None if math.isnan(sign) else sign)
        for quote, scope, sign in marked[["quote", "scope", "balance_sign"]].itertuples(index=False)
    ]
    assert got == MARKED[name]
    assert set(figures["scope"]) <= {"all", "commodity"}


def test_article_balance_check_exactly():
    claims = reconcile(load_news(FIXTURES / "2024-02-05-kazinform-kazakhstan-china.txt")).claims
    balance = claims[claims["flow"] == "balance"].iloc[0]
    assert (balance["kind"], balance["stated"], balance["figure_ids"]) == ("total", -7e8, (4, 2, 3))
    assert balance["explanation"] == (
        "stated balance 2023 -700m (±35.5m); 15.4bn - 16.1bn = -700m [-800m, -600m] → consistent"
    )
    assert list(claims.loc[claims["kind"] == "total", "quote"]) == [
        "$31.5 billion",
        "$700 million",
        "$2.1bn",
    ]


def test_exports_exceeding_imports_is_read_and_checked():
    doc = load_news(
        "Kazakhstan's exports to China amounted to $6 billion in 2023, while imports stood at "
        "$4 billion. Exports exceeded imports 1.5 times."
    )
    claim = doc.claims.iloc[0]
    assert tuple(claim[CLAIM_FIELDS]) == (
        "exceeded imports 1.5 times",
        "ratio",
        1.5,
        "exports",
        "imports",
        "2023",
        "2023",
        "KAZ",
        "CHN",
    )
    checked = reconcile(doc).claims.iloc[0]
    assert (checked["figure_ids"], checked["recomputed"], checked["verdict"]) == (
        (0, 1),
        1.5,
        "consistent",
    )


def test_exports_surpassing_imports_by_a_percent_is_a_change_between_flows():
    claims = load_news("Exports surpassed imports by 50% in 2023.").claims
    assert [tuple(r) for r in claims[CLAIM_FIELDS[:7]].itertuples(index=False)] == [
        ("surpassed imports by 50%", "pct_change", 50.0, "exports", "imports", "2023", "2023")
    ]


def test_a_product_figure_is_marked_and_left_out_of_the_pair_total():
    doc = load_news(
        "Trade between Kazakhstan and China reached $5 billion in 2023. Exports amounted to "
        "$3 billion and imports to $2 billion. Wheat exports reached $300 million."
    )
    assert list(doc.figures["scope"]) == ["all", "all", "all", "commodity"]
    assert list(doc.figures["flow"]) == ["turnover", "exports", "imports", "exports"]
    claims = reconcile(doc).claims
    assert list(claims["figure_ids"]) == [(0, 1, 2)]
    assert list(claims["verdict"]) == ["consistent"]


# Second round: phrasings the first nine do not use. Title Case headlines with "In 10 Months" / "In
# Nine Months" / "in first three quarters"; "$ 1.2 billion", "US$1.2bn", "$700,000", "$450
# thousand", "$5.2 trillion", "1.1 billion dollars", "USD 0.4 bln"; a tenge amount with its dollar
# value in brackets ("KZT 3.4 trillion (about $7.3 billion)": only the dollars count); signed
# changes in brackets ("Exports: $4.3 billion (-11%)"); "a decline of 18%", "a 3.2% drop", "a 12%
# drop from Q3 2023", "a threefold increase from 2013", "doubled", "decreased by 2.3 times"; "up
# from $368.4 million a year earlier", "against $ 800 million in 2022", "In the same period of 2023,
# ... stood at"; shares "(19.1% of the total)", "with Kazakhstan accounting for 1 percent of the
# total", "China's share of U.S. goods imports"; "trading partner"; total trade of a reporter ("The
# overall U.S. trade deficit", "total U.S. goods trade with the world").
MORE_ARTICLES = {
    # third round: a Baku dateline, "US dollars", "mln USD", "down from ... a year earlier", "of the
    # total", a balance stated from the other side, "of which the UK accounted for"
    "2024-01-05-trend-kazakhstan-uk.txt": (
        [
            (
                "$1.1 billion",
                "turnover",
                "2023-01/2023-11",
                "KAZ",
                "GBR",
                1100000000.0,
                50000000.0,
                "",
            ),
            (
                "$1.76 billion",
                "turnover",
                "2022-01/2022-11",
                "KAZ",
                "GBR",
                1760000000.0,
                5000000.0,
                "",
            ),
            (
                "650.6 million US dollars",
                "exports",
                "2023-01/2023-11",
                "KAZ",
                "GBR",
                650600000.0,
                50000.0,
                "",
            ),
            (
                "$1.4 billion",
                "exports",
                "2022-01/2022-11",
                "KAZ",
                "GBR",
                1400000000.0,
                50000000.0,
                "",
            ),
            ("449.4 mln USD", "imports", "2023-01/2023-11", "KAZ", "GBR", 449400000.0, 50000.0, ""),
            (
                "$358.6 million",
                "imports",
                "2022-01/2022-11",
                "KAZ",
                "GBR",
                358600000.0,
                50000.0,
                "",
            ),
            (
                "$201.2 million",
                "balance",
                "2023-01/2023-11",
                "GBR",
                "KAZ",
                201200000.0,
                50000.0,
                "",
            ),
            (
                "$110.2 billion",
                "turnover",
                "2023-01/2023-11",
                "KAZ",
                "WLD",
                110200000000.0,
                50000000.0,
                "",
            ),
        ],
        [
            (
                "37.5 percent less than",
                "pct_change",
                -37.5,
                "turnover",
                None,
                "2023-01/2023-11",
                "2022-01/2022-11",
                "KAZ",
                "GBR",
            ),
            (
                "made up 59.1% of the total",
                "share",
                59.1,
                "exports",
                "turnover",
                "2023-01/2023-11",
                None,
                "KAZ",
                "GBR",
            ),
            (
                "rose by 25.3 percent",
                "pct_change",
                25.3,
                "imports",
                None,
                "2023-01/2023-11",
                "2022-01/2022-11",
                "KAZ",
                "GBR",
            ),
            (
                "accounted for 1%",
                "share",
                1.0,
                "turnover",
                "turnover",
                "2023-01/2023-11",
                None,
                "KAZ",
                "GBR",
            ),
        ],
    ),
    "2024-02-07-reuters-us-china.txt": (
        [
            ("$279.4 billion", "balance", "2023", "USA", "CHN", 279400000000.0, 50000000.0, ""),
            ("$382.9 billion", "balance", "2022", "USA", "CHN", 382900000000.0, 50000000.0, ""),
            ("$427.2 billion", "imports", "2023", "USA", "CHN", 427200000000.0, 50000000.0, ""),
            ("$147.8 billion", "exports", "2023", "USA", "CHN", 147800000000.0, 50000000.0, ""),
            ("$773.4 billion", "balance", "2023", "USA", "WLD", 773400000000.0, 50000000.0, ""),
            (
                "$5.2 trillion",
                "turnover",
                "2023",
                "USA",
                "WLD",
                5200000000000.0,
                50000000000.0,
                "about",
            ),
        ],
        [
            ("fell 20.3%", "pct_change", -20.3, "imports", None, "2023", "2022", "USA", "CHN"),
            ("declined 4%", "pct_change", -4.0, "exports", None, "2023", "2022", "USA", "CHN"),
            ("narrowed 18.7%", "pct_change", -18.7, "balance", None, "2023", "2022", "USA", "WLD"),
            (
                "share of U.S. goods imports fell to 13.9%",
                "share",
                13.9,
                "imports",
                "imports",
                "2023",
                None,
                "USA",
                "CHN",
            ),
            # every percentage is a claim candidate (issue 7): the earlier share of the same whole
            ("16.5%", "share", 16.5, "imports", "imports", "2022", None, "USA", "CHN"),
        ],
    ),
    "2024-02-12-akipress-kyrgyzstan-uzbekistan.txt": (
        [
            ("US$1.2bn", "turnover", "2023", "KGZ", "UZB", 1200000000.0, 50000000.0, ""),
            ("$ 1.2 billion", "turnover", "2023", "KGZ", "UZB", 1200000000.0, 50000000.0, ""),
            ("$ 800 million", "turnover", "2022", "KGZ", "UZB", 800000000.0, 500000.0, ""),
            ("$350.5 million", "exports", "2023", "KGZ", "UZB", 350500000.0, 50000.0, ""),
            ("$849.5 million", "imports", "2023", "KGZ", "UZB", 849500000.0, 50000.0, ""),
            ("$700,000", "exports", "2023", "KGZ", "UZB", 700000.0, 0.5, ""),
            ("$450 thousand", "exports", "2023", "KGZ", "UZB", 450000.0, 500.0, ""),
            ("US$ 2 million", "other", "2023", "KGZ", "UZB", 2000000.0, 500000.0, ""),
        ],
        [
            ("up 1.5-fold", "ratio", 1.5, "turnover", None, "2023", "2022", "KGZ", "UZB"),
            ("increased 1.5 times", "ratio", 1.5, "turnover", None, "2023", "2022", "KGZ", "UZB"),
        ],
    ),
    "2024-08-02-dailysabah-turkiye-russia.txt": (
        [
            ("$25.1 billion", "turnover", "2024-H1", "TUR", "RUS", 25100000000.0, 50000000.0, ""),
            ("$30.6 billion", "turnover", "2023-H1", "TUR", "RUS", 30600000000.0, 50000000.0, ""),
            ("$4.3 billion", "exports", "2024-H1", "TUR", "RUS", 4300000000.0, 50000000.0, ""),
            ("$20.8 billion", "imports", "2024-H1", "TUR", "RUS", 20800000000.0, 50000000.0, ""),
            ("$16.5 billion", "balance", "2024-H1", "TUR", "RUS", 16500000000.0, 50000000.0, ""),
            (
                "$14 billion",
                "imports",
                "2024-H1",
                "TUR",
                "RUS",
                14000000000.0,
                500000000.0,
                "about",
            ),
        ],
        [
            (
                "Falls 18%",
                "pct_change",
                -18.0,
                "turnover",
                None,
                "2024-H1",
                "2023-H1",
                "TUR",
                "RUS",
            ),
            (
                "decline of 18%",
                "pct_change",
                -18.0,
                "turnover",
                None,
                "2024-H1",
                "2023-H1",
                "TUR",
                "RUS",
            ),
            ("-11%", "pct_change", -11.0, "exports", None, "2024-H1", "2023-H1", "TUR", "RUS"),
            ("-19%", "pct_change", -19.0, "imports", None, "2024-H1", "2023-H1", "TUR", "RUS"),
            (
                "share in Türkiye's total imports dropped to 10.2 percent",
                "share",
                10.2,
                "imports",
                "imports",
                "2024-H1",
                None,
                "TUR",
                "RUS",
            ),
            # every percentage is a claim candidate (issue 7): the earlier share of the same whole
            ("13.4 percent", "share", 13.4, "imports", "imports", "2023-H1", None, "TUR", "RUS"),
        ],
    ),
    "2024-10-17-apa-azerbaijan-georgia.txt": (
        [
            ("$1.1B", "turnover", "2024-01/2024-09", "AZE", "GEO", 1100000000.0, 50000000.0, ""),
            (
                "1.1 billion dollars",
                "turnover",
                "2024-01/2024-09",
                "AZE",
                "GEO",
                1100000000.0,
                50000000.0,
                "",
            ),
            (
                "$812.4 million",
                "exports",
                "2024-01/2024-09",
                "AZE",
                "GEO",
                812400000.0,
                50000.0,
                "",
            ),
            (
                "$736.5 million",
                "exports",
                "2023-01/2023-09",
                "AZE",
                "GEO",
                736500000.0,
                50000.0,
                "",
            ),
            (
                "$287.6 million",
                "imports",
                "2024-01/2024-09",
                "AZE",
                "GEO",
                287600000.0,
                50000.0,
                "",
            ),
            ("USD 0.4 bln", "turnover", "2024-Q3", "AZE", "GEO", 400000000.0, 50000000.0, ""),
        ],
        [
            (
                "decreased by 2.3 times",
                "ratio",
                0.43478260869565216,
                "imports",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "AZE",
                "GEO",
            ),
            (
                "accounted for 4.3 percent of Azerbaijan's total exports",
                "share",
                4.3,
                "exports",
                "exports",
                "2024-01/2024-09",
                None,
                "AZE",
                "GEO",
            ),
            ("12% drop", "pct_change", -12.0, "turnover", None, "2024-Q3", "2023-Q3", "AZE", "GEO"),
        ],
    ),
    "2024-10-18-xinhua-china-kazakhstan.txt": (
        [
            (
                "32.9 billion U.S. dollars",
                "turnover",
                "2024-01/2024-09",
                "CHN",
                "KAZ",
                32900000000.0,
                50000000.0,
                "",
            ),
            (
                "18.6 billion dollars",
                "exports",
                "2024-01/2024-09",
                "CHN",
                "KAZ",
                18600000000.0,
                50000000.0,
                "",
            ),
            (
                "14.3 billion dollars",
                "imports",
                "2024-01/2024-09",
                "CHN",
                "KAZ",
                14300000000.0,
                50000000.0,
                "",
            ),
            (
                "41 billion U.S. dollars",
                "turnover",
                "2023",
                "CHN",
                "KAZ",
                41000000000.0,
                500000000.0,
                "",
            ),
            (
                "4 billion dollars",
                "turnover",
                "2024-09",
                "CHN",
                "KAZ",
                4000000000.0,
                500000000.0,
                "over",
            ),
        ],
        [
            (
                "up 8.5 pct",
                "pct_change",
                8.5,
                "turnover",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "CHN",
                "KAZ",
            ),
            (
                "up 8.5 percent",
                "pct_change",
                8.5,
                "turnover",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "CHN",
                "KAZ",
            ),
            (
                "rose 12.1 percent",
                "pct_change",
                12.1,
                "exports",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "CHN",
                "KAZ",
            ),
            ("threefold increase", "ratio", 3.0, "turnover", None, "2023", "2013", "CHN", "KAZ"),
        ],
    ),
    "2024-10-21-tashkenttimes-uzbekistan-trade.txt": (
        [
            (
                "$47.6 Billion",
                "turnover",
                "2024-01/2024-09",
                "UZB",
                "WLD",
                47600000000.0,
                50000000.0,
                "",
            ),
            (
                "$47.6 billion",
                "turnover",
                "2024-01/2024-09",
                "UZB",
                "WLD",
                47600000000.0,
                50000000.0,
                "",
            ),
            (
                "US$19.8bn",
                "exports",
                "2024-01/2024-09",
                "UZB",
                "WLD",
                19800000000.0,
                50000000.0,
                "",
            ),
            (
                "US$27.8bn",
                "imports",
                "2024-01/2024-09",
                "UZB",
                "WLD",
                27800000000.0,
                50000000.0,
                "",
            ),
            (
                "$8 billion",
                "balance",
                "2024-01/2024-09",
                "UZB",
                "WLD",
                8000000000.0,
                500000000.0,
                "",
            ),
            (
                "$9.1 billion",
                "turnover",
                "2024-01/2024-09",
                "UZB",
                "CHN",
                9100000000.0,
                50000000.0,
                "",
            ),
            (
                "$8.3 billion",
                "turnover",
                "2024-01/2024-09",
                "UZB",
                "RUS",
                8300000000.0,
                50000000.0,
                "",
            ),
            (
                "$2.2 billion",
                "turnover",
                "2024-01/2024-09",
                "UZB",
                "TUR",
                2200000000.0,
                50000000.0,
                "",
            ),
            (
                "$1.1 billion",
                "turnover",
                "2024-01/2024-09",
                "UZB",
                "AFG",
                1100000000.0,
                50000000.0,
                "",
            ),
        ],
        [
            (
                "8.9% more than",
                "pct_change",
                8.9,
                "turnover",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "UZB",
                "WLD",
            ),
            (
                "+17.1%",
                "pct_change",
                17.1,
                "exports",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "UZB",
                "WLD",
            ),
            (
                "+3.6%",
                "pct_change",
                3.6,
                "imports",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "UZB",
                "WLD",
            ),
            (
                "19.1% of the total",
                "share",
                19.1,
                "turnover",
                "turnover",
                "2024-01/2024-09",
                None,
                "UZB",
                "CHN",
            ),
            (
                "17.4% of the total",
                "share",
                17.4,
                "turnover",
                "turnover",
                "2024-01/2024-09",
                None,
                "UZB",
                "RUS",
            ),
            (
                "grew 1.3 times",
                "ratio",
                1.3,
                "turnover",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "UZB",
                "TUR",
            ),
            (
                "doubled",
                "ratio",
                2.0,
                "turnover",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "UZB",
                "AFG",
            ),
        ],
    ),
    "2024-10-25-kazinform-kazakhstan-russia.txt": (
        [
            (
                "USD 19.2 bln",
                "turnover",
                "2024-01/2024-09",
                "KAZ",
                "RUS",
                19200000000.0,
                50000000.0,
                "",
            ),
            (
                "$7.3 billion",
                "exports",
                "2024-01/2024-09",
                "KAZ",
                "RUS",
                7300000000.0,
                50000000.0,
                "about",
            ),
            (
                "11.9 billion dollars",
                "imports",
                "2024-01/2024-09",
                "KAZ",
                "RUS",
                11900000000.0,
                50000000.0,
                "",
            ),
            (
                "USD 19.8 bln",
                "turnover",
                "2023-01/2023-09",
                "KAZ",
                "RUS",
                19800000000.0,
                50000000.0,
                "",
            ),
            (
                "$109.1 billion",
                "turnover",
                "2024-01/2024-09",
                "KAZ",
                "WLD",
                109100000000.0,
                50000000.0,
                "",
            ),
        ],
        [
            (
                "Down 3.2%",
                "pct_change",
                -3.2,
                "turnover",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "KAZ",
                "RUS",
            ),
            (
                "3.2% drop",
                "pct_change",
                -3.2,
                "turnover",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "KAZ",
                "RUS",
            ),
            (
                "down by 0.8 per cent",
                "pct_change",
                -0.8,
                "exports",
                None,
                "2024-01/2024-09",
                "2023-01/2023-09",
                "KAZ",
                "RUS",
            ),
            (
                "accounted for 17.6 percent of Kazakhstan's foreign trade turnover",
                "share",
                17.6,
                "turnover",
                "turnover",
                "2024-01/2024-09",
                None,
                "KAZ",
                "RUS",
            ),
        ],
    ),
    "2024-11-20-trend-azerbaijan-kazakhstan.txt": (
        [
            (
                "$400 Million",
                "turnover",
                "2024-01/2024-10",
                "AZE",
                "KAZ",
                400000000.0,
                500000.0,
                "over",
            ),
            (
                "$412.6 million",
                "turnover",
                "2024-01/2024-10",
                "AZE",
                "KAZ",
                412600000.0,
                50000.0,
                "",
            ),
            (
                "$368.4 million",
                "turnover",
                "2023-01/2023-10",
                "AZE",
                "KAZ",
                368400000.0,
                50000.0,
                "",
            ),
            ("$98.3 million", "exports", "2024-01/2024-10", "AZE", "KAZ", 98300000.0, 50000.0, ""),
            (
                "$314.3 million",
                "imports",
                "2024-01/2024-10",
                "AZE",
                "KAZ",
                314300000.0,
                50000.0,
                "",
            ),
            (
                "$40.2 billion",
                "turnover",
                "2024-01/2024-10",
                "AZE",
                "WLD",
                40200000000.0,
                50000000.0,
                "",
            ),
        ],
        [
            (
                "12% more",
                "pct_change",
                12.0,
                "turnover",
                None,
                "2024-01/2024-10",
                "2023-01/2023-10",
                "AZE",
                "KAZ",
            ),
            (
                "accounting for 1 percent of the total",
                "share",
                1.0,
                "turnover",
                "turnover",
                "2024-01/2024-10",
                None,
                "AZE",
                "KAZ",
            ),
        ],
    ),
}

MORE_VERDICTS = {
    "2024-01-05-trend-kazakhstan-uk.txt": {
        "37.5 percent less than": "consistent",
        "made up 59.1% of the total": "consistent",
        "rose by 25.3 percent": "consistent",
        "accounted for 1%": "consistent",
        "$1.1 billion": "consistent",  # 650.6m + 449.4m
        "$1.76 billion": "consistent",
        "$201.2 million": "consistent",  # the UK's deficit: Kazakhstan's imports - exports
    },
    "2024-02-07-reuters-us-china.txt": {
        "$279.4 billion": "consistent",  # deficit = 147.8bn - 427.2bn
        "$773.4 billion": None,  # the overall deficit: no parts with the world to add up
        "narrowed 18.7%": "unverifiable",  # no 2022 deficit with the world
        # no U.S. imports from the world
        "share of U.S. goods imports fell to 13.9%": "unverifiable",
    },
    "2024-02-12-akipress-kyrgyzstan-uzbekistan.txt": {
        "up 1.5-fold": "consistent",
        "increased 1.5 times": "consistent",
        "$ 1.2 billion": "consistent",
        "US$1.2bn": None,  # the headline repeats the body's figure
    },
    "2024-08-02-dailysabah-turkiye-russia.txt": {
        "Falls 18%": "consistent",
        "decline of 18%": "consistent",
        "-11%": "unverifiable",
        "$25.1 billion": "consistent",
        "$16.5 billion": "consistent",
        "$14 billion": None,  # energy imports: a product group, never the pair's imports
    },
    "2024-10-17-apa-azerbaijan-georgia.txt": {
        "1.1 billion dollars": "consistent",
        "decreased by 2.3 times": "unverifiable",
        "accounted for 4.3 percent of Azerbaijan's total exports": "unverifiable",
        "12% drop": "unverifiable",
    },
    "2024-10-18-xinhua-china-kazakhstan.txt": {
        "32.9 billion U.S. dollars": "consistent",
        "threefold increase": "unverifiable",
        "up 8.5 pct": "unverifiable",
    },
    "2024-10-21-tashkenttimes-uzbekistan-trade.txt": {
        "$47.6 billion": "consistent",
        "$8 billion": "consistent",
        "19.1% of the total": "consistent",
        "17.4% of the total": "consistent",
        "+17.1%": "unverifiable",
        "doubled": "unverifiable",
    },
    "2024-10-25-kazinform-kazakhstan-russia.txt": {
        "Down 3.2%": "consistent",
        "3.2% drop": "consistent",
        "USD 19.2 bln": "consistent",
        "USD 19.8 bln": None,  # 2023: no parts of that period
        "accounted for 17.6 percent of Kazakhstan's foreign trade turnover": "consistent",
    },
    "2024-11-20-trend-azerbaijan-kazakhstan.txt": {
        "$400 Million": "consistent",  # "Exceeds $400 Million": over, and 412.6m is
        "$412.6 million": "consistent",
        "12% more": "consistent",
        "accounting for 1 percent of the total": "consistent",
        "$40.2 billion": None,  # Azerbaijan's trade with the world, not with Kazakhstan
    },
}

MORE_MARKED = {
    "2024-02-07-reuters-us-china.txt": [
        ("$279.4 billion", "all", -1.0),
        ("$382.9 billion", "all", -1.0),
        ("$773.4 billion", "all", -1.0),
    ],
    "2024-02-12-akipress-kyrgyzstan-uzbekistan.txt": [
        ("$700,000", "commodity", None),  # "exports of dried fruits"
        ("$450 thousand", "commodity", None),  # "exports of dairy products"
    ],
    "2024-08-02-dailysabah-turkiye-russia.txt": [
        ("$16.5 billion", "all", -1.0),
        ("$14 billion", "commodity", None),  # "Energy imports"
    ],
    "2024-10-17-apa-azerbaijan-georgia.txt": [],
    "2024-10-18-xinhua-china-kazakhstan.txt": [],
    "2024-10-21-tashkenttimes-uzbekistan-trade.txt": [("$8 billion", "all", -1.0)],
    "2024-10-25-kazinform-kazakhstan-russia.txt": [],
    "2024-11-20-trend-azerbaijan-kazakhstan.txt": [],
}


@pytest.mark.parametrize("name", sorted(MORE_ARTICLES))
def test_more_article_figures(name):
    assert _rows(load_news(FIXTURES / name).figures, FIGURE_FIELDS) == MORE_ARTICLES[name][0]


@pytest.mark.parametrize("name", sorted(MORE_ARTICLES))
def test_more_article_claims(name):
    assert _rows(load_news(FIXTURES / name).claims, CLAIM_FIELDS) == MORE_ARTICLES[name][1]


@pytest.mark.parametrize("name", sorted(MORE_ARTICLES))
def test_more_article_quotes_are_exact_spans(name):
    doc = load_news(FIXTURES / name)
    for table in (doc.figures, doc.claims):
        for row in table.itertuples():
            assert doc.text[row.start : row.end] == row.quote
            assert row.context in doc.text and row.quote in row.context


@pytest.mark.parametrize("name", sorted(MORE_VERDICTS))
def test_more_article_verdicts_and_no_corrections(name):
    result = reconcile(load_news(FIXTURES / name))
    got = dict(zip(result.claims["quote"], result.claims["verdict"], strict=True))
    assert {quote: got.get(quote) for quote in MORE_VERDICTS[name]} == MORE_VERDICTS[name]
    assert "inconsistent" not in set(result.claims["verdict"])  # the numbers were chosen to agree
    assert result.corrections.empty


@pytest.mark.parametrize("name", sorted(MORE_MARKED))
def test_more_article_scopes_and_balance_signs(name):
    figures = load_news(FIXTURES / name).figures
    marked = figures[(figures["scope"] != "all") | figures["balance_sign"].notna()]
    got = [
        (quote, scope, None if math.isnan(sign) else sign)
        for quote, scope, sign in marked[["quote", "scope", "balance_sign"]].itertuples(index=False)
    ]
    assert got == MORE_MARKED[name]


def test_more_article_share_of_world_uses_the_world_figure():
    claims = reconcile(load_news(FIXTURES / "2024-11-20-trend-azerbaijan-kazakhstan.txt")).claims
    share = claims[claims["kind"] == "share"].iloc[0]
    assert share["figure_ids"] == (1, 5)  # $412.6 million over Azerbaijan's $40.2 billion
    assert share["explanation"] == (
        "stated 1% (±0.5); 412.6m/40.2bn = 1.0% [1.0, 1.0] → consistent"
    )
