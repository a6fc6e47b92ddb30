"""Each layer of the news reader on its own, on sentences quoted from real trade news (issue 7).

Quoted sentences come from the real-text development set (../shared/realtext); each names its
outlet and address. Only the sentences a test needs are quoted. The hypothesis properties at the
end use invented sentences: they test invariances, not phrasings.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.loaders._amounts import find_amounts, scan_amounts
from analysis.loaders._periods import Period, find_document_date
from analysis.loaders.news import load_news
from analysis.loaders.news.mentions import Mentions
from analysis.loaders.news.sentences import split_paragraphs, split_sentences
from analysis.loaders.news.spans import SpanIndex
from analysis.loaders.news.vocabulary import PERCENT
from analysis.reference.news_vocabulary import FISCAL_YEAR_START_MONTH

# --- vocabulary: plain tables, one percent writing -----------------------------------------------


def test_fiscal_year_table_is_iso3_codes_to_months():
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in FISCAL_YEAR_START_MONTH)
    assert all(1 <= month <= 12 for month in FISCAL_YEAR_START_MONTH.values())


@pytest.mark.parametrize("written", ["5%", "5 percent", "5 per cent", "5pc", "5 p.c", "5percent"])
def test_every_writing_of_percent_is_one_pattern(written):
    assert re.fullmatch(rf"\d+\s*{PERCENT}", written)


# --- sentences and paragraphs --------------------------------------------------------------------


def test_a_hard_wrapped_excerpt_keeps_its_sentences_whole():
    # AzerNews via MENAFN, https://menafn.com/1107947145/Irans-Exports-To-China-Amounted-To-More-Than-11Bn
    text = (
        "In addition, he noted that China was the second\n"
        "largest source of imports to Iran, exporting goods worth $15.2\n"
        "billion.\n"
        "Data released by the Chinese customs indicates that the total\n"
        "volume of trade between Iran and China in 2023 amounted to more\n"
        "than $14.6 billion.\n"
    )
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert [s.split()[0] for s in sentences] == ["In", "Data"]
    assert len(split_paragraphs(text)) == 2
    assert [text[a.start : a.end] for a in find_amounts(text)] == [
        "$15.2\nbillion",
        "$14.6 billion",
    ]


def test_a_line_break_inside_a_sentence_is_a_space():
    text = "Headline\n\nExports saw a rise of\n33.1 p.c in 2023."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "Headline",
        "Exports saw a rise of\n33.1 p.c in 2023.",
    ]


# --- mentions: amounts ----------------------------------------------------------------------------


def test_billions_and_millions_written_apart_are_one_amount():
    # gol.lt (English rewrite of a Ukrstat report), http://gol.lt/the-trade-deficit-in-goods-of-ukraine-for-11-months-of-2016-to-2-3-billion
    text = "In January — November 2016 exports of goods totaled $32 billion 734,4 million"
    assert [(a.value_usd, a.half_width_usd) for a in find_amounts(text)] == [(32_734.4e6, 5e4)]


def test_an_amount_without_a_currency_next_to_dollar_amounts_is_in_dollars():
    # Business Day (Johannesburg) via SADOCC, http://sadocc.at/news/2004-316.shtml
    text = "Exports from South Africa to China increased to $1,84bn in 2003, compared with 690m in 1998."  # noqa: E501
    assert [a.value_usd for a in find_amounts(text)] == [1.84e9, 690e6]


def test_an_amount_in_another_currency_or_unit_is_not_in_dollars():
    text = "The deficit grew from Ksh 1,375.7 billion ($12.6 billion) in 2021; 2.5 million tonnes left."  # noqa: E501
    assert [a.value_usd for a in find_amounts(text)] == [12.6e9]


def test_a_missing_space_before_the_dollar_sign_is_read():
    # The Manila Shimbun, https://www.manila-shimbun.com/category/english/news277385.html
    text = "Japan was the third largest with shipments of$909.54 million or 8.4 percent"
    assert [a.value_usd for a in find_amounts(text)] == [909.54e6]


def test_a_scale_word_missing_a_letter_takes_the_scale_of_the_texts_other_amounts():
    # BBJ, https://bbj.hu/region/serbia-jan-jul-trade-gap-shrinks_188440
    text = (
        "The country’s exports went down 9.9% to USD 10.308 bln in the January-July period, while "
        "imports fell by 8.9% to USD 14.059 ln."
    )
    assert [a.value_usd for a in find_amounts(text)] == [10.308e9, 14.059e9]
    # alone, "ln" could be "mln" or "bln": unreadable, never read as $14.06 (invented)
    amounts, unreadable = scan_amounts("Imports fell by 8.9% to USD 14.059 ln.")
    assert (amounts, [u.reason for u in unreadable]) == ([], ["a scale word that is not one"])


def test_words_glued_to_an_amount_are_read_apart():
    # Macauhub, https://macauhub.com.mo/2022/01/06/20220106003/
    text = "Brazil exported goods worthUS$89.75 billion to mainland China"
    assert [a.value_usd for a in find_amounts(text)] == [89.75e9]
    # ICE / Daily Monitor, https://www.ice.it/it/news/notizie-dal-mondo/186174 ("$71.78m and")
    assert [a.value_usd for a in find_amounts("$83.25m, $71.78mand $66.85m")] == [
        83.25e6,
        71.78e6,
        66.85e6,
    ]
    # but a word that only begins like one is not split off: "$5mandate" is no $5m (invented)
    assert [a.value_usd for a in find_amounts("the $5mandate")] == [5.0]


def test_a_dot_grouping_thousands_is_read_when_the_text_groups_millions_with_commas():
    # Mexico News Daily style (Spanish thousands separator leaking into English)
    text = (
        "a year-on-year growth of 10.9% in March, to 33.399 million dollars. "
        "On the other hand, Canadian exports were for 29,798 million dollars."
    )
    assert [a.value_usd for a in find_amounts(text)] == [33_399e6, 29_798e6]
    # without comma-grouped millions in the text, the dot is a decimal point
    assert [a.value_usd for a in find_amounts("exports of $33.399 million")] == [33.399e6]


def test_a_fraction_in_words_before_a_scale_word_is_an_amount():
    # The Ethiopian Herald
    text = "The figure is over half a billion dollars greater than what was registered last year."
    assert [(a.value_usd, a.half_width_usd) for a in find_amounts(text)] == [(500e6, 50e6)]


@pytest.mark.parametrize("written", ["$1,2,3,4 million", "$1e308 billion", "$" + "9" * 400])
def test_numbers_that_are_not_one_number_are_unreadable(written):
    amounts, unreadable = scan_amounts(f"Exports were {written} in 2023.")
    assert amounts == []
    assert len(unreadable) == 1


def test_the_document_date_is_read_from_the_top_of_the_page():
    assert find_document_date(" date 2023-10-07 ISLAMABAD: ...") == (2023, 10)
    assert find_document_date("India-China trade  Jul 27, 2023 07:24 AM (IST)") == (2023, 7)
    assert find_document_date("Vietnam enjoys surplus  11:12, 17/12/2013  According to") == (
        2013,
        12,
    )


def test_the_span_index_slices_by_position():
    class Item:
        def __init__(self, start: int):
            self.start = start

    index = SpanIndex([Item(s) for s in (30, 10, 20)])
    assert [i.start for i in index.between(10, 30)] == [10, 20]
    assert index.first_from(11).start == 20
    assert index.last_at(29).start == 20


# --- attachment: periods, flows -------------------------------------------------------------------


def _figures(text: str) -> list[tuple]:
    figures = load_news(text).figures
    return list(zip(figures["quote"], figures["flow"], figures["period"], strict=True))


def test_months_of_a_fiscal_year_take_the_countrys_fiscal_year():
    # Business Recorder, https://www.brecorder.com/news/40266855/july-august-2022-23-exports-to-china-soar-516pc-to-350297m-yoy-sbp
    text = (
        " date 2023-10-07 ISLAMABAD: Pakistan’s exports of goods and services to China witnessed an "  # noqa: E501
        "increase of 5.16 percent during the first two months of the current fiscal year 2023-24.\n\n"  # noqa: E501
        "The overall exports to China were recorded at $ 350.297 million during July-August 2023-24, "  # noqa: E501
        "against exports of $ 333.077 million during July-August 2022-23, showing growth of 5.16 percent."  # noqa: E501
    )
    assert _figures(text) == [
        ("$ 350.297 million", "exports", "2023-07/2023-08"),
        ("$ 333.077 million", "exports", "2022-07/2022-08"),
    ]


def test_an_undated_article_that_reports_a_passed_year_end_is_of_the_next_year():
    # vam.li, https://www.vam.li/vietnam/south-korea-now-vietnams-2nd-largest-trade-partner/  # noqa: E501
    text = (
        "China remains the country’s largest trade partner, with $39.8 billion "
        "in the first half.\n\n"
        "South Korean investment in Vietnam hit $50 billion overall at the end of 2016."
    )
    assert [p for _, _, p in _figures(text)][:1] == ["2017-H1"]
    # a year-end target is not a passed point: the undated half stays in the year named
    target = text.replace("hit", "is expected to hit")
    assert [p for _, _, p in _figures(target)][:1] == ["2016-H1"]


def test_a_hyphenated_half_dates_its_figure():
    # vam.li, https://www.vam.li/vietnam/south-korea-now-vietnams-2nd-largest-trade-partner/  # noqa: E501
    text = (
        " date 2017-07-20 Vietnam’s total trade turnover was $35.8 billion in June, down 1.4 per "
        "cent compared to May, taking the first-half figure to $198.2 billion."
    )
    assert [p for _, _, p in _figures(text)] == ["2017-06", "2017-H1"]


def test_so_far_this_year_is_the_documents_year_not_a_year_listed_before_it():
    # Bao Dong Nai (from VOV), https://baodongnai.com.vn/english/business/201312/vietnam-enjoys-us18-billion-trade-surplus-from-japan-2282028  # noqa: E501
    text = (
        " date 2013-12-17 During the last 11 months two-way trade turnover between Vietnam and "
        "Japan was estimated at US$22.94 billion, up 1.7% against the same period last year.\n\n"
        "Vietnam has enjoyed trade surplus from Japan for several consecutive years, with its "
        "export surplus reaching US$0.4 billion in 2011, US$1.5 billion in 2012, and US$1.8 "
        "billion so far this year (up 33%)."
    )
    assert [p for _, _, p in _figures(text)] == [
        "2013-01/2013-11",
        "2011",
        "2012",
        "2013-01/2013-11",
    ]


def test_when_compared_to_dates_the_figure_after_it_with_its_own_period():
    # Business Recorder (Pakistan Bureau of Statistics data)
    text = (
        " date 2023-05-03 The imports into the country decreased by 22.62 percent in April 2023 "
        "when compared to the imports of $3.816 billion in March 2023, according to the data."
    )
    assert [p for _, _, p in _figures(text)] == ["2023-03"]


def test_a_headlines_figure_without_a_period_takes_the_period_the_body_reports():
    # Bao Dong Nai (from VOV), https://baodongnai.com.vn/english/business/201312/vietnam-enjoys-us18-billion-trade-surplus-from-japan-2282028  # noqa: E501
    text = (
        "Vietnam enjoys US$1.8 billion trade surplus from Japan\n\n"
        " date 2013-12-17 During the last 11 months two-way trade turnover between Vietnam and "
        "Japan was estimated at US$22.94 billion, up 1.7% against the same period last year."
    )
    assert [p for _, _, p in _figures(text)] == ["2013-01/2013-11", "2013-01/2013-11"]


def test_a_which_clause_after_a_period_dates_the_figure_in_it():
    # MercoPress, https://en.mercopress.com/2006/02/10/chilean-record-exports (date from the URL)
    text = (
        " date 2006-02-10 The Chilean Central Bank predicts that this year's trade surplus will be "
        "more moderate than last year's, which reached $9.2 billion."
    )
    assert [p for _, _, p in _figures(text)] == ["2005"]


def test_a_month_without_its_year_is_the_latest_before_the_document_date():
    # bne IntelliNews, https://intellinews.com/moldova-s-exports-stagnate-and-shift-toward-cis-countries-174877/
    text = (
        " date 2020-01-20 Moldova’s exports contracted by 1% y/y to $266.6mn in November.\n\n"
        "In the rolling 12 months ending November, Moldova’s exports posted a modest 2.2% y/y advance "  # noqa: E501
        "to $2.78bn."
    )
    assert _figures(text) == [
        ("$266.6mn", "exports", "2019-11"),
        ("$2.78bn", "exports", "2018-12/2019-11"),
    ]


def test_without_a_date_the_year_comes_after_the_compared_one():
    # Xinhua Finance, http://en.xfafinance.com/html/World/2019/473930.shtml
    text = (
        "U.S. goods and services deficit increased 24.8 billion dollars, or 5.4 percent year-to-date, "  # noqa: E501
        "from the same period in 2018, according to the report.\n"
        "In September, the deficit with China fell 0.9 billion dollars, or 3.1 percent, to 28.0 "
        "billion dollars."
    )
    assert [period for _, _, period in _figures(text)] == ["2019", "2019-09", "2019-09"]


def test_a_bracket_after_an_amount_in_another_currency_takes_the_clauses_period():
    # Trade World News, https://tradeworldnews.com/kenya-china-trade-tops-3-481b-in-2023
    text = (
        "The report highlights a widening trade deficit, which grew from Ksh 1,375.7 billion "
        "($12.6 billion) in 2021 to Ksh 1,617.6 billion ($13.72 billion) in 2022."
    )
    assert _figures(text) == [
        ("$12.6 billion", "balance", "2021"),
        ("$13.72 billion", "balance", "2022"),
    ]


# --- claims: every percentage is a candidate ------------------------------------------------------


def _claims(text: str) -> list[tuple]:
    claims = load_news(text).claims
    return list(zip(claims["quote"], claims["kind"], claims["stated"], strict=True))


def test_a_percent_after_an_amount_of_change_takes_the_changes_direction():
    # Xinhua Finance, http://en.xfafinance.com/html/World/2019/473930.shtml
    text = (
        "U.S. exports in September dropped to 206.0 billion dollars, down 1.8 billion dollars, or 0.9 "  # noqa: E501
        "percent from previous month."
    )
    assert _claims(text) == [("0.9 percent", "pct_change", -0.9)]


def test_percents_listed_after_names_are_shares():
    # Opportimes, https://www.opportimes.com/exports-from-mexico-to-the-united-states-grow-10-9-in-march/
    text = "Other destinations for Mexico’s exports are the European Union (4.7%) and Canada (3.1 percent)."  # noqa: E501
    assert _claims(text) == [("4.7%", "share", 4.7), ("3.1 percent", "share", 3.1)]


def test_pc_is_a_percent():
    # Business Recorder, https://www.brecorder.com/news/40240054/july-april-fy23-trade-deficit-declines-3962pc-to-2371bn-yoy
    assert _claims("Jul-Mar trade deficit shrinks 35.51pc to $22.9bn YoY") == [
        ("shrinks 35.51pc", "pct_change", -35.51)
    ]


# --- properties (invented sentences) -------------------------------------------------------------

_NEUTRAL_WORDS = [
    "the",
    "committee",
    "met",
    "again",
    "weather",
    "was",
    "mild",
    "and",
    "many",
    "people",
]
_neutral_sentence = st.lists(st.sampled_from(_NEUTRAL_WORDS), min_size=3, max_size=12).map(
    lambda words: " ".join(words).capitalize() + "."
)
_PARAGRAPHS = [
    "Trade between Kazakhstan and the UK amounted to $1.18 billion in 2023.",
    "Exports to the UK reached $702 million in 2023, down from $1.46 billion in 2022.",
    "Imports from the UK amounted to $478.6 million in 2023.",
]
_FIGURE_KEYS = ["quote", "value_usd", "flow", "period", "reporter_iso3", "partner_iso3", "scope"]


def _figure_rows(text: str) -> list[tuple]:
    figures = load_news(text).figures
    return list(figures[_FIGURE_KEYS].itertuples(index=False, name=None))


@settings(max_examples=25, deadline=None)
@given(sentence=_neutral_sentence, where=st.integers(min_value=1, max_value=len(_PARAGRAPHS) - 1))
def test_an_unrelated_sentence_between_paragraphs_changes_no_figure(sentence, where):
    plain = "\n\n".join(_PARAGRAPHS)
    padded = "\n\n".join([*_PARAGRAPHS[:where], sentence, *_PARAGRAPHS[where:]])
    assert _figure_rows(padded) == _figure_rows(plain)


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(range(4)))
def test_reordering_sentences_of_different_periods_keeps_each_figures_period(order):
    sentences = [
        f"Kazakhstan's exports to the UK were ${100 + i} million in {2019 + i}." for i in range(4)
    ]
    text = " ".join(sentences[i] for i in order)
    periods = dict(zip(*zip(*[(q, p) for q, _, p in _figures(text)], strict=True), strict=True))
    assert periods == {f"${100 + i} million": str(2019 + i) for i in range(4)}


def test_mentions_are_found_once_with_exact_spans():
    text = "Kazakhstan's exports to the UK rose 10% to $702 million in 2023."
    mentions = Mentions("<text>", text)
    assert [text[a.start : a.end] for a in mentions.amounts] == ["$702 million"]
    assert [text[c.start : c.end] for c in mentions.countries] == ["Kazakhstan", "UK"]
    assert [text[w.start : w.end] for w in mentions.flow_words] == ["exports"]
    assert [mentions.masked[p.start : p.end] for p in mentions.periods] == ["2023"]
    assert Period(2023, 1, 12) == mentions.periods.items[0].resolve(None, None, False)


def test_a_percent_restating_an_amount_is_a_share_unless_a_direction_is_named():
    # Vietnam Investment Review (d14 of the real-text set)
    text = "The US followed, with $24.4 billion, then the EU with $24.01 billion, or 12.1 per cent."
    assert _claims(text)[-1] == ("12.1 per cent", "share", 12.1)
    # "... amounted to $9.3 billion, or 30.9 percent of GDP" (our invented Trend article on
    # Georgia): a share of GDP is not a claim about trade
    assert (
        _claims("The negative trade balance amounted to $9.3 billion, or 30.9 percent of GDP.")
        == []
    )


def test_twice_as_large_compares_two_flows():
    # bne IntelliNews, https://intellinews.com/moldova-s-exports-stagnate-and-shift-toward-cis-countries-174877/  # noqa: E501
    text = (
        "Moldova’s imports increased by only 1.8% y/y in the 12-month period, but they are still "
        "twice as large as exports: $5.82bn."
    )
    claims = load_news(text).claims
    ratio = claims[claims["kind"] == "ratio"].iloc[0]
    assert (ratio["quote"], ratio["stated"], ratio["flow"], ratio["whole_flow"]) == (
        "twice as large as",
        2.0,
        "imports",
        "exports",
    )


def test_a_relative_clause_dates_its_figure_by_the_period_it_refers_to():
    # The second sentence is quoted from Republika (d08 of the real-text set); the first is ours.
    text = (
        "The trade surplus in August 2017 reached $1.72 billion. The number increased as compared "
        "to the same period in 2016 during which a surplus of $5.13 billion was recorded."
    )
    assert [period for _, _, period in _figures(text)] == ["2017-08", "2016-08"]


def test_each_item_of_a_list_of_shares_is_a_share():
    # srbija.gov.rs, https://www.srbija.gov.rs/vest/en/4704/january-july-foreign-trade-volume-jumps-338-percent-year-on-year.php  # noqa: E501
    # "made up" is no direction word, and "for 6.9 percent" / ", 19.3 percent" continue the list
    text = (
        "Intermediate goods accounted for 67.9 percent of total exports, or $1.24 billion, "
        "consumer goods for 25.2 percent, or $462.3 million, and equipment for 6.9 percent, or "
        "$125.6 million.\nIntermediate goods made up 55.3 percent of overall imports, or $3.19 "
        "billion, followed by consumer goods, 25.4 percent, or $1.47 billion, and equipment, 19.3 "
        "percent, or $1.11 billion."
    )
    assert [(kind, stated) for _, kind, stated in _claims(text)] == [
        ("share", 67.9),
        ("share", 25.2),
        ("share", 6.9),
        ("share", 55.3),
        ("share", 25.4),
        ("share", 19.3),
    ]


def test_each_comparison_of_a_sentence_takes_the_period_it_names_after_it():
    # ABC.AZ, https://abc.az/en/news/104608
    text = (
        "In August 2022, Turkey sent goods for $949 million to Russia.\n\n"
        "ABC.AZ reports that this is 2.1-fold more than in August 2021 ($451 million), and 27% "
        "more than in the previous month ($729 million)."
    )
    claims = load_news(text).claims
    assert list(zip(claims["period"], claims["base_period"], strict=True)) == [
        ("2022-08", "2021-08"),
        ("2022-08", "2022-07"),
    ]


def test_ratios_and_shares_in_words_are_claims():
    # Macao News, https://macaonews.org/news/lusofonia/brazil-china-trade-surplus-2023
    text = (
        "Brazil is set to reach a record trade surplus of over US$50 billion with China this "
        "year, nearly double that of 2022, according to reports."
    )
    claims = load_news(text).claims
    fields = ["quote", "kind", "stated", "qualifier"]
    assert [tuple(row) for row in claims[fields].itertuples(index=False)] == [
        ("nearly double", "ratio", 2.0, "almost")
    ]
    # Forum Macao, https://www.forumchinaplp.org.mo/exports-to-china-help-swell-brazilian-trade-surplus-in-2020/  # noqa: E501
    text = (
        "The Brazilian Ministry of the Economy published on Monday figures showing the Brazilian "
        "surplus in trade with mainland China, Hong Kong and Macao grew by 3.8 percent to "
        "US$35.44 billion, accounting for more than two-thirds of Brazil’s overall surplus."
    )
    share = load_news(text).claims.iloc[-1]
    assert (share["kind"], round(share["stated"], 2), share["qualifier"], share["whole_flow"]) == (
        "share",
        66.67,
        "over",
        "balance",
    )
    # "double-digit growth" and "the first half" are no claims
    assert _claims("Exports posted double-digit growth in the first half, to $5 billion.") == []


# --- flows ----------------------------------------------------------------------------------------


def _flows(text: str) -> list[tuple[str, str]]:
    figures = load_news(text).figures
    return list(zip(figures["quote"], figures["flow"], strict=True))


def test_sales_are_exports_unless_the_clause_names_another_flow():
    # Macao News, https://macaonews.org/news/lusofonia/brazil-china-trade-surplus-2023
    text = (
        "Nearly all of the five top Brazilian trade to China – soya, oil, iron ore, beef and "
        "cellulose – saw positive growth in 2023. Soya dominated sales, totalling US$37.2 billion, "
        "a 20 percent increase."
    )
    assert _flows(text) == [("US$37.2 billion", "exports")]
    # The Manila Shimbun (d11 of the set), https://www.manila-shimbun.com/category/english/news277385.html
    # "shipments" of imports stay imports
    text = (
        "In terms of imports, Japan was the third largest with shipments of $909.54 million or "
        "8.4 percent of the country’s total imports in April."
    )
    assert _flows(text) == [("$909.54 million", "imports")]


def test_a_surplus_of_an_amount_in_its_trade_is_a_balance():
    # Macauhub, https://macauhub.com.mo/2022/01/06/20220106003/
    text = (
        "Brazil therefore had a surplus of US$41.41 billion in its trade with China, its only "
        "surplus with an important trading partner, the data indicate."
    )
    assert _flows(text) == [("US$41.41 billion", "balance")]


def test_a_part_of_the_previous_sentences_deficit_is_a_deficit():
    # ICE / Daily Monitor, https://www.ice.it/it/news/notizie-dal-mondo/186174
    text = (
        "Uganda is, however, concerned by the increasing trade deficit that currently stands at "
        "$105.31m within EAC. Of this, Tanzania accounts for the largest share, standing at "
        "$138.2m."
    )
    figures = load_news(text).figures
    assert list(zip(figures["flow"], figures["balance_sign"], strict=True)) == [
        ("balance", -1.0),
        ("balance", -1.0),
    ]


def test_a_partner_as_the_subject_of_the_mirror_flow_keeps_the_paragraphs_flow():
    # srbija.gov.rs, https://www.srbija.gov.rs/vest/en/4704/january-july-foreign-trade-volume-jumps-338-percent-year-on-year.php  # noqa: E501
    text = (
        "Most of the exports, $321 million, went to Bosnia-Herzegovina. Italy imported $217 "
        "million worth of Serbian goods, while $215 million in goods went to Germany.\n"
        "A majority of the imports, $ 794 million, came from Germany. Russia exported $721 "
        "million in goods to Serbia, while Italy’s exports reached $563 million."
    )
    assert [flow for _, flow in _flows(text)] == ["exports"] * 3 + ["imports"] * 3
    # d04 of the set, https://pdf.defence.pk/threads/indias-trade-deficit-with-china-widens-to-rs-6-67-lakh-cr-in-fy-2022-23.772290/  # noqa: E501
    # the paragraph's own reporter keeps its flows
    text = (
        "In the past five years, India’s exports rose by 36.6% from $330.07 billion in 2018-19 "
        "to $450.95 billion in 2022-23. At the same time, India’s imports rose by 38.8% from "
        "$514.07 billion in 2018-19 to $714.04 billion in 2022-23."
    )
    assert [flow for _, flow in _flows(text)] == ["exports"] * 2 + ["imports"] * 2
