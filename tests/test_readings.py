"""Tests of analysis.checks readings: each reading kind, their ranking by support, slip notes.

Documents are built inline from a text and explicit figures/claims tables (the reader is tested
elsewhere), so what a test checks is the checker alone. Sentences quoted from the real-text
development set name their outlet and address; the others are invented and say so.
"""

import math
from dataclasses import dataclass

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.checks import reconcile
from analysis.checks.candidates import Claim
from analysis.checks.pool import FigurePool
from analysis.checks.readings import READING_KINDS, enumerate_readings
from analysis.loaders.news import CLAIM_COLUMNS, FIGURE_COLUMNS, load_news


@dataclass
class Doc:
    """A NewsDocument-shaped object built inline."""

    name: str
    text: str
    figures: pd.DataFrame
    claims: pd.DataFrame


def build(text: str, figures: list[dict], claims: list[dict]) -> Doc:
    """A document whose figures and claims stand where their quotes first occur in ``text``.

    Figures: dicts with quote, flow, period, value_usd, half_width_usd and optional scope,
    reporter_iso3, partner_iso3. Claims: quote, kind, stated, stated_half_width, flow, period and
    optional base_period, whole_flow, value_figure_id, base_figure_id, qualifier.
    """
    figure_rows, claim_rows = [], []
    for i, spec in enumerate(figures):
        start = text.index(spec["quote"])
        figure_rows.append(
            {
                "document": "<text>",
                "figure_id": i,
                "start": start,
                "end": start + len(spec["quote"]),
                "context": spec["quote"],
                "reporter_iso3": "KAZ",
                "partner_iso3": "GBR",
                "qualifier": "",
                "scope": "all",
                "balance_sign": math.nan,
                **spec,
            }
        )
    for i, spec in enumerate(claims):
        start = text.index(spec["quote"])
        claim_rows.append(
            {
                "document": "<text>",
                "claim_id": i,
                "start": start,
                "end": start + len(spec["quote"]),
                "context": spec["quote"],
                "qualifier": "",
                "whole_flow": None,
                "base_period": None,
                "reporter_iso3": "KAZ",
                "partner_iso3": "GBR",
                "value_figure_id": None,
                "base_figure_id": None,
                "scope": "all",
                **spec,
            }
        )
    return Doc(
        "<text>",
        text,
        pd.DataFrame(figure_rows, columns=FIGURE_COLUMNS),
        pd.DataFrame(claim_rows, columns=CLAIM_COLUMNS),
    )


def fig(quote: str, flow: str, period: str, value: float, half: float, **more) -> dict:
    return {
        "quote": quote,
        "flow": flow,
        "period": period,
        "value_usd": value,
        "half_width_usd": half,
        **more,
    }


def claim(quote: str, kind: str, stated: float, half: float, flow: str, period: str, **more):
    return {
        "quote": quote,
        "kind": kind,
        "stated": stated,
        "stated_half_width": half,
        "flow": flow,
        "period": period,
        **more,
    }


def checked(doc: Doc) -> pd.Series:
    return reconcile(doc, correct=False).claims.iloc[0]


def test_every_reading_kind_reads_a_known_claim_kind():
    assert {kind.claim_kind for kind in READING_KINDS.values()} <= {
        "pct_change",
        "share",
        "ratio",
        "pp_change",
    }
    defaults = [kind.claim_kind for kind in READING_KINDS.values() if kind.is_default]
    assert sorted(defaults) == ["pct_change", "pp_change", "ratio", "share"]


def test_change_from_the_two_levels():
    text = "Exports rose by 25% to $5 billion in 2023 from $4 billion in 2022."  # invented
    doc = build(
        text,
        [
            fig("$5 billion", "exports", "2023", 5e9, 5e8),
            fig("$4 billion", "exports", "2022", 4e9, 5e8),
        ],
        [claim("rose by 25%", "pct_change", 25, 0.5, "exports", "2023", base_period="2022")],
    )
    row = checked(doc)
    assert (row["verdict"], row["reading"], row["figure_ids"]) == (
        "consistent",
        "change_from_levels",
        (0, 1),
    )


def test_a_change_between_periods_of_two_lengths_may_confirm_never_refute():
    # Mexico News Daily, https://mexiconewsdaily.com/business/mexico-us-top-exporter-sets-q1-record
    text = (
        "Mexico’s exports to the U.S. reached $97.62 billion in the first quarter. Although "
        "Mexico’s exports to the U.S. increased 3.8% in annual terms in Q1, they declined 2.9% to "
        "$41.56 billion in March."
    )
    doc = build(
        text,
        [
            fig("$97.62 billion", "exports", "2024-Q1", 97.62e9, 5e6),
            fig("$41.56 billion", "exports", "2024-03", 41.56e9, 5e6),
        ],
        [claim("increased 3.8%", "pct_change", 3.8, 0.05, "exports", "2024-Q1")],
    )
    assert checked(doc)["verdict"] == "unverifiable"  # not $97.62bn over March's $41.56bn


def test_two_levels_a_year_apart_in_the_claims_sentence_are_its_pair():
    # Business Recorder, https://www.brecorder.com/news/40266855/july-august-2022-23-exports-to-china-soar-516pc-to-350297m-yoy-sbp  # noqa: E501
    text = (
        "The overall exports to China were recorded at $ 350.297 million during July-August "
        "2023-24. On year-on-year basis, the exports to China also surged by 25.09 percent from $ "
        "159.021 million in August 2022, against the exports of $ 198.932 million in August 2023."
    )
    doc = build(
        text,
        [
            fig("$ 350.297 million", "exports", "2023-07/2023-08", 350.297e6, 5e2),
            fig("$ 159.021 million", "exports", "2022-08", 159.021e6, 5e2),
            fig("$ 198.932 million", "exports", "2023-08", 198.932e6, 5e2),
        ],
        [
            claim(
                "surged by 25.09 percent",
                "pct_change",
                25.09,
                0.005,
                "exports",
                "2023-07/2023-08",
                base_period="2022-08",
            )
        ],
    )
    row = checked(doc)
    # 198.932 / 159.021 - 1 = 25.098%: truncated, not rounded; never $350.297m over $159.021m
    assert (row["verdict"], row["figure_ids"]) == ("inconsistent", (2, 1))


def test_a_rate_of_change_is_not_the_change_between_two_levels():
    # https://baodongnai.com.vn/english/business/201312/vietnam-enjoys-us18-billion-trade-surplus-from-japan-2282028
    text = (
        "The two countries have posted an annual trade growth of around 17% since 2005, with "
        "bilateral trade turnover increasing from US$8.5 billion in 2005 to US$16.8 billion five "
        "years later."
    )
    figures = [
        fig("US$8.5 billion", "turnover", "2005", 8.5e9, 5e7),
        fig("US$16.8 billion", "turnover", "2010", 16.8e9, 5e7),
    ]
    stated = claim("around 17%", "pct_change", 17, 0.5, "turnover", "2010", base_period="2005")
    stated["qualifier"] = "about"
    row = checked(build(text, figures, [stated]))
    assert row["verdict"] == "unverifiable"  # (16.8/8.5)^(1/5) - 1 = 14.6% a year, not 97.6%
    # ICE (Daily Monitor), https://www.ice.it/it/news/notizie-dal-mondo/186174
    text = (
        "Uganda’s imports from Tanzania have for the last three-months doubled,increasing by an "
        "average of 18 per cent, During June, Uganda imported goodsworth $125.12m (Shs444b) from "
        "Tanzania, indicating a 43 per cent surge from$70.07m in the same period last year"
    )
    figures = [
        fig("$125.12m", "imports", "2021-06", 125.12e6, 5e3),
        fig("$70.07m", "imports", "2020-06", 70.07e6, 5e3),
    ]
    stated = claim("an average of 18 per cent", "pct_change", 18, 0.5, "imports", "2021-06")
    row = checked(build(text, figures, [stated]))
    assert row["verdict"] == "unverifiable"  # a mean of monthly changes, not June on June


def test_a_change_against_a_plan_is_achieved_over_planned():
    # Prothom Alo, https://en.prothomalo.com/business/local/8ymbq2370k
    text = (
        "Products worth USD 55.56 billion were exported in the 2022-23 fiscal.\n"
        "However, the export revenue target in the last fiscal was USD 58 billion. As such, the "
        "export revenue was 4.21 per cent or USD 2.44 billion less than the target."
    )
    figures = [
        fig("USD 55.56 billion", "exports", "2022-07/2023-06", 55.56e9, 5e6),
        fig("USD 58 billion", "other", "2022-07/2023-06", 58e9, 5e8),
        fig("USD 2.44 billion", "other", "2022-07/2023-06", 2.44e9, 5e6, scope="change"),
    ]
    stated = claim("4.21 per cent", "pct_change", -4.21, 0.005, "exports", "2022-07/2023-06")
    stated["whole_flow"] = "plan"
    row = checked(build(text, figures, [stated]))
    assert (row["verdict"], row["reading"], row["figure_ids"]) == (
        "consistent",
        "change_from_plan",
        (0, 1),
    )


def test_a_shares_part_stated_in_a_later_paragraph_may_confirm_never_refute():
    # https://tradeworldnews.com/kenya-china-trade-tops-3-481b-in-2023
    text = (
        "Kenya imported goods and services worth $3.481 billion from China in 2023, making it the "
        "country’s largest trading partner.\n"
        "The report lists the UAE, India, Saudi Arabia, Malaysia, the United States, Japan, "
        "Russia, South Africa, and Egypt among Kenya’s top import sources. Petroleum products "
        "accounted for 23% of imports in 2023, followed by industrial machinery (7%).\n"
        "Kenya-China Trade Overview\n"
        "Total trade between Kenya and China in 2023 was $3.481 billion, with imports at $3.275 "
        "billion."
    )
    claims = reconcile(load_news(text), correct=False).claims
    verdicts = dict(zip(claims["quote"], claims["verdict"], strict=True))
    # never $3.275bn of $3.481bn = 94%: the part stands after the share, in a later paragraph
    assert verdicts == {"accounted for 23% of imports": "unverifiable", "7%": "unverifiable"}


def test_change_from_a_stated_amount_of_change_gives_the_base():
    # the reader marks "$1.4 billion" an amount of change; the earlier level is not stated
    # (MONTSAME, https://www.montsame.mn/en/read/234563, 2020-08-07)
    text = (
        "As of the first seven months of this year, total foreign trade turnover reached "
        "USD 6.7 billion, showing a decrease of USD 1.4 billion or 16.7 percent drop compared to "
        "the same period of last year."
    )
    doc = build(
        text,
        [
            fig("USD 6.7 billion", "turnover", "2020-01/2020-07", 6.7e9, 5e7),
            fig("USD 1.4 billion", "turnover", "2020-01/2020-07", 1.4e9, 5e7, scope="change"),
        ],
        [claim("16.7 percent drop", "pct_change", -16.7, 0.05, "turnover", "2020-01/2020-07")],
    )
    row = checked(doc)
    assert (row["verdict"], row["reading"], row["figure_ids"]) == (
        "consistent",
        "change_from_amount",
        (0, 1),
    )
    assert row["recomputed"] == 6.7 / 8.1 * 100 - 100
    assert "change from the stated amount of change (base = level − change)" in row["explanation"]


def test_an_amount_in_brackets_after_the_percent_is_its_amount_of_change():
    # the reader took "$2 billion 36.7 million" for the 2015 level and tied it as the base
    # (gosstat via an aggregator; d16 of the development set)
    text = (
        "In January — November 2016 exports of goods totaled $32 billion 734,4 million. "
        "In comparison with January — November 2015, exports witnessed a decrease shipments by "
        "5.9% ($2 billion 36.7 million)."
    )
    doc = build(
        text,
        [
            fig("$32 billion 734,4 million", "exports", "2016-01/2016-11", 32.7344e9, 5e4),
            fig("$2 billion 36.7 million", "exports", "2015-01/2015-11", 2.0367e9, 5e4),
        ],
        [
            claim(
                "decrease shipments by 5.9%",
                "pct_change",
                -5.9,
                0.05,
                "exports",
                "2016-01/2016-11",
                value_figure_id=0,
                base_figure_id=1,
            )
        ],
    )
    row = checked(doc)
    assert (row["verdict"], row["reading"]) == ("consistent", "change_from_amount")


def test_a_coverage_ratio_is_exports_over_imports_of_its_period_never_the_amounts_of_change():
    # gol.lt (State Statistics Service of Ukraine; d16), http://gol.lt/the-trade-deficit-in-goods-of-ukraine-for-11-months-of-2016-to-2-3-billion  # noqa: E501
    text = (
        "In January — November 2016 exports of goods totaled $32 billion 734,4 million, import — "
        "$35 billion 58.7 million In comparison with January — November 2015, exports witnessed a "
        "decrease shipments by 5.9% ($2 billion 36.7 million), imports increased by 1.8% ($603,1 "
        "million).\nThe coverage ratio of export import was 0.93 (in January — November 2015 — "
        "1,01)."
    )
    doc = load_news(text)
    claims = doc.claims.set_index("quote")
    assert claims.loc[
        "coverage ratio of export import was 0.93", ["flow", "whole_flow", "period"]
    ].tolist() == [  # noqa: E501
        "exports",
        "imports",
        "2016-01/2016-11",
    ]
    assert claims.loc["1,01", "period"] == "2015-01/2015-11"  # the bracket's own period
    # the bracketed amounts are amounts of change, not levels a ratio may divide
    assert list(doc.figures["scope"])[-2:] == ["change", "change"]
    rows = reconcile(doc, correct=False).claims.set_index("quote")
    row = rows.loc["coverage ratio of export import was 0.93"]
    assert (row["verdict"], row["reading"]) == ("consistent", "ratio")
    assert row["recomputed"] == pytest.approx(32734.4 / 35058.7)
    # the 2015 ratio needs the 2015 levels, which the text states only through the changes
    assert rows.loc["1,01", "verdict"] == "unverifiable"
    # a stated ratio far from exports / imports (and from its inverse) is inconsistent
    wrong = reconcile(load_news(text.replace("0.93", "0.80")), correct=False).claims
    assert wrong.set_index("kind").loc["ratio"].iloc[0]["verdict"] == "inconsistent"


def test_a_share_of_a_plan_is_the_amount_achieved_over_the_amount_planned():
    # Journal du Cameroun (d21), https://www.journalducameroun.com/en/ethiopia-scoops-1-28-b-from-four-month-export-trade/  # noqa: E501
    text = (
        "“Our plan for the period was to obtain $1.31 billion from exports, and we have earned "
        "$1.28 billion, which is over 97 percent performance against the target,” said "
        "Gebremeskel Chala."
    )
    row = reconcile(load_news(text), correct=False).claims.iloc[0]
    assert (row["verdict"], row["reading"]) == ("consistent", "share_of_plan")
    assert row["recomputed"] == pytest.approx(100 * 1.28 / 1.31)
    wrong = reconcile(load_news(text.replace("over 97", "90")), correct=False).claims.iloc[0]
    assert (wrong["verdict"], wrong["reading"]) == ("inconsistent", "share_of_plan")


def test_a_share_of_a_plan_without_the_planned_amount_in_its_sentence_is_unverifiable():
    # Journal du Cameroun, https://www.journalducameroun.com/en/ethiopia-earns-1-33-b-from-export-official/  # noqa: E501
    # the planned amount stands two paragraphs later: never read as another whole
    later = (
        " date 2020-01-31 Ethiopia has earned $1.33 billion in revenue from export business over "
        "in the first half of this fiscal year which began in July 8, 2019.The earning represents "
        "80 percent of the target set for the first half budget year, Wondimu Filate, Director at "
        "the Ministry of Trade and Industry (MoTI)\n\n"
        "However, Wondimu said the country missed the target of earning $1.66 billion."
    )
    # Journal du Cameroun, https://www.journalducameroun.com/en/ethiopia-export-trade-earns-676m-in-two-months/  # noqa: E501
    # no plan word names the planned amount ("had set to make $643 million"; 676/643 is 105%)
    unnamed = (
        "The east African nation had set to make $643 million during the stated period but "
        "managed to earn $676 million, securing 108 percent of the target set for the period, "
        "Minister of Trade and Industry, Melaku Alebel has said."
    )
    for text in (later, unnamed):
        row = reconcile(load_news(text), correct=False).claims.iloc[0]
        assert (row["kind"], row["verdict"]) == ("share", "unverifiable")


def test_a_bare_comma_does_not_make_a_level_an_amount_of_change():
    # "758 million US dollars, 1.3% less than the 768 million" (MercoPress, d24 of the set)
    text = (
        "January's trade surplus was 758 million US dollars, 1.3% less than the 768 million "
        "registered in January 2005."
    )
    doc = build(
        text,
        [
            fig("758 million US dollars", "balance", "2006-01", 758e6, 5e5),
            fig("768 million", "balance", "2005-01", 768e6, 5e5),
        ],
        [claim("1.3% less", "pct_change", -1.3, 0.05, "balance", "2006-01", value_figure_id=0)],
    )
    row = checked(doc)
    assert (row["verdict"], row["reading"], row["figure_ids"]) == (
        "consistent",
        "change_from_levels",
        (0, 1),
    )


VIETNAM = (  # Vietnam Investment Review, "South Korea now Vietnam's 2nd largest trade partner"
    "Vietnam's total trade turnover was $35.8 billion in June, taking the first-half figure to "
    "$198.2 billion, up 21.5 per cent year-on-year.\n\n"
    "Trade turnover with Vietnam's ten largest markets stood at $176.09 billion in the first "
    "half, accounting for 88.8 per cent of the total."
)


def test_a_share_of_the_reporters_total_stated_earlier():
    doc = build(
        VIETNAM,
        [
            fig("$35.8 billion", "turnover", "2017-06", 35.8e9, 5e7, partner_iso3="WLD"),
            fig("$198.2 billion", "turnover", "2017-H1", 198.2e9, 5e7, partner_iso3="WLD"),
            fig("$176.09 billion", "turnover", "2017-H1", 176.09e9, 5e6, partner_iso3="KOR"),
        ],
        [
            claim(
                "accounting for 88.8 per cent",
                "share",
                88.8,
                0.05,
                "turnover",
                "2017-H1",
                whole_flow="turnover",
                partner_iso3="KOR",
            )
        ],
    )
    row = checked(doc)
    assert (row["verdict"], row["figure_ids"]) == ("consistent", (2, 1))


def test_a_share_is_never_of_the_pairs_own_figure():
    # Interfax, 2024-11-14: "Russia's share in Uzbekistan's foreign trade was 16.4%"
    text = (
        "In 2023, trade turnover reached a record $11.1 bln, up 19.5% from $9.3 bln in 2022. "
        "Russia's share in Uzbekistan's foreign trade was 16.4% last year."
    )
    doc = build(
        text,
        [
            fig("$11.1 bln", "turnover", "2023", 11.1e9, 5e7),
            fig("$9.3 bln", "turnover", "2022", 9.3e9, 5e7),
        ],
        [claim("was 16.4%", "share", 16.4, 0.05, "turnover", "2023", whole_flow="turnover")],
    )
    assert checked(doc)["verdict"] == "unverifiable"


def test_a_ratio_is_read_either_way():
    # invented: "imports were 2.1 times exports" stated with the flows the other way round
    text = "Exports were $2.78 billion and imports $5.82 billion, 2.1 times as much."
    doc = build(
        text,
        [
            fig("$2.78 billion", "exports", "2019", 2.78e9, 5e6),
            fig("$5.82 billion", "imports", "2019", 5.82e9, 5e6),
        ],
        [claim("2.1 times", "ratio", 2.1, 0.05, "exports", "2019", whole_flow="imports")],
    )
    row = checked(doc)
    assert (row["verdict"], row["reading"], row["figure_ids"]) == (
        "consistent",
        "ratio_inverse",
        (1, 0),
    )
    assert row["explanation"].startswith("stated 2.1x (±0.05); ratio the other way: 5.82bn/2.78bn")


def _levels_doc(stated: float, half: float = 0.5) -> Doc:
    text = "Exports changed by N% to $4 billion in 2023 from $5 billion in 2022."  # invented
    return build(
        text,
        [
            fig("$4 billion", "exports", "2023", 4e9, 5e6),
            fig("$5 billion", "exports", "2022", 5e9, 5e6),
        ],
        [claim("changed by N%", "pct_change", stated, half, "exports", "2023", base_period="2022")],
    )


def test_slip_divided_by_the_current_value():
    row = checked(_levels_doc(-25))
    assert row["verdict"] == "inconsistent"
    assert row["explanation"].endswith("; matches if the change is divided by the 2023 value (4bn)")


def test_slip_a_level_written_where_an_increase_was_meant():
    row = checked(_levels_doc(80))
    assert row["verdict"] == "inconsistent"
    assert row["explanation"].endswith(
        "; matches 4bn as a percentage of 5bn (a level written where an increase was meant)"
    )


def test_slip_truncated_not_rounded():
    text = "Exports changed by N% to $4.0968 billion in 2023 from $5 billion."  # invented: -18.064%
    doc = build(
        text,
        [
            fig("$4.0968 billion", "exports", "2023", 4.0968e9, 5e4),
            fig("$5 billion", "exports", "2022", 5e9, 5e4),
        ],
        [claim("changed by N%", "pct_change", -18.0, 0.05, "exports", "2023", base_period="2022")],
    )
    row = checked(doc)
    assert row["verdict"] == "inconsistent"
    assert row["explanation"].endswith("; matches if the stated figure was truncated, not rounded")


def test_slip_share_of_another_whole():
    # invented: the share is of the turnover stated earlier, the sentence's whole is exports
    text = (
        "Kazakhstan's trade with the world was $100 billion and its exports $60 billion.\n\n"
        "Exports to the UK were $3 billion, 3 percent of its exports."
    )
    doc = build(
        text,
        [
            fig("$100 billion", "turnover", "2023", 100e9, 5e8, partner_iso3="WLD"),
            fig("$60 billion", "exports", "2023", 60e9, 5e8, partner_iso3="WLD"),
            fig("$3 billion", "exports", "2023", 3e9, 5e8),
        ],
        [
            claim("3 percent", "share", 3, 0.5, "exports", "2023", whole_flow="exports"),
            claim("3 percent", "share", 3, 0.5, "exports", "2023", whole_flow="turnover"),
        ],
    )
    rows = reconcile(doc, correct=False).claims
    assert list(rows["verdict"]) == ["inconsistent", "consistent"]
    assert rows["figure_ids"].iloc[0] == (2, 1)
    assert (
        rows["explanation"]
        .iloc[0]
        .endswith("; matches the share of another whole, $100 billion (2023)")
    )


def test_the_size_fits_but_the_direction_was_read_the_other_way():
    # Business Recorder, 2023-05-03: "showing negative growth of 55.67 percent" read as +55.67
    text = (
        "The imports also decreased to $ 2.953 billion in April 2023 from $ 6.661 billion in "
        "April 2022, showing negative growth of 55.67 percent."
    )
    doc = build(
        text,
        [
            fig("$ 2.953 billion", "imports", "2023-04", 2.953e9, 5e5),
            fig("$ 6.661 billion", "imports", "2022-04", 6.661e9, 5e5),
        ],
        [claim("growth of 55.67 percent", "pct_change", 55.67, 0.005, "imports", "2023-04")],
    )
    row = checked(doc)
    assert row["verdict"] == "consistent"
    assert row["explanation"].endswith("the direction word was read the other way")


def test_readings_are_ranked_by_support_same_sentence_first():
    # invented: a 2022 level in the claim's sentence outranks one matched elsewhere
    text = (
        "Exports were $3 billion in 2022.\n\n"
        "Exports rose by 50% to $6 billion in 2023 from $4 billion in 2022."
    )
    doc = build(
        text,
        [
            fig("$3 billion", "exports", "2022", 3e9, 5e6),
            fig("$6 billion", "exports", "2023", 6e9, 5e6),
            fig("$4 billion", "exports", "2022", 4e9, 5e6),
        ],
        [claim("rose by 50%", "pct_change", 50, 0.5, "exports", "2023", base_period="2022")],
    )
    pool = FigurePool(doc.text, {int(f["figure_id"]): f for f in doc.figures.to_dict("records")})
    readings = enumerate_readings(Claim.from_row(doc.claims.iloc[0].to_dict()), pool)
    assert readings[0].figure_ids == (1, 2)
    assert readings[0].support > max(r.support for r in readings if 0 in r.figure_ids)
    # the best-supported reading does not fit and no equal one does: inconsistent, though
    # the figure of another paragraph would fit (6/3 - 1 = 100% is not 50%; 6/4 - 1 = 50% is)
    assert checked(doc)["verdict"] == "consistent"
    doc.claims.loc[0, "stated"] = 100.0
    assert checked(doc)["verdict"] == "inconsistent"


_money = st.floats(1e6, 1e11, allow_nan=False)


@settings(max_examples=100, deadline=None)
@given(a=_money, b=_money, digits=st.integers(1, 3))
def test_a_rounded_ratio_of_two_stated_figures_is_consistent_either_way(a, b, digits):
    text = "Exports were $A and imports $B, R times."  # invented
    for stated in (round(a / b, digits), round(b / a, digits)):
        if stated == 0:
            continue
        doc = build(
            text,
            [fig("$A", "exports", "2023", a, 0.0), fig("$B", "imports", "2023", b, 0.0)],
            [
                claim(
                    "R times",
                    "ratio",
                    stated,
                    0.5 * 10**-digits,
                    "exports",
                    "2023",
                    whole_flow="imports",
                )
            ],
        )
        assert checked(doc)["verdict"] == "consistent"


@settings(max_examples=100, deadline=None)
@given(now=_money, base=_money, other=_money, digits=st.integers(0, 2))
def test_an_unrelated_paragraph_never_changes_a_verdict(now, base, other, digits):
    stated = round(100 * (now / base - 1), digits)
    text = "Exports changed by P% to $N in 2023 from $B in 2022."  # invented
    figures = [fig("$N", "exports", "2023", now, 0.0), fig("$B", "exports", "2022", base, 0.0)]
    claims = [claim("changed by P%", "pct_change", stated, 0.5 * 10**-digits, "exports", "2023")]
    before = checked(build(text, figures, claims))["verdict"]
    added = build(
        text + "\n\nImports were $M in 2022.",
        [*figures, fig("$M", "imports", "2022", other, 0.0)],
        claims,
    )
    assert before == "consistent"
    assert checked(added)["verdict"] == before


def test_a_headline_claim_takes_the_readings_of_the_body_claim_it_repeats():
    # MONTSAME, 2020-08-07: the headline repeats the body's "16.7 percent"
    text = (
        "Foreign trade turnover decreased by 16.7 percent\n\n"
        "Total foreign trade turnover reached USD 6.7 billion, showing a decrease of "
        "USD 1.4 billion or 16.7 percent drop compared to the same period of last year."
    )
    doc = build(
        text,
        [
            fig("USD 6.7 billion", "turnover", "2020-01/2020-07", 6.7e9, 5e7),
            fig("USD 1.4 billion", "turnover", "2020-01/2020-07", 1.4e9, 5e7, scope="change"),
        ],
        [
            claim("decreased by 16.7 percent", "pct_change", -16.7, 0.05, "turnover", ""),
            claim("16.7 percent drop", "pct_change", -16.7, 0.05, "turnover", "2020-01/2020-07"),
        ],
    )
    rows = reconcile(doc, correct=False).claims
    assert list(rows["verdict"]) == ["consistent", "consistent"]
    assert rows["figure_ids"].iloc[0] == rows["figure_ids"].iloc[1] == (0, 1)


def test_two_partners_of_one_sentence_are_not_the_two_sides_of_a_ratio():
    # Tashkent Times, 2024-10-21: each ratio is over time, its base is not stated
    text = (
        "Trade with Türkiye grew 1.3 times to $2.2 billion, and trade with Afghanistan doubled "
        "to $1.1 billion."
    )
    doc = build(
        text,
        [
            fig("$2.2 billion", "turnover", "2024-01/2024-09", 2.2e9, 5e7, partner_iso3="TUR"),
            fig("$1.1 billion", "turnover", "2024-01/2024-09", 1.1e9, 5e7, partner_iso3="AFG"),
        ],
        [
            claim(
                "grew 1.3 times",
                "ratio",
                1.3,
                0.05,
                "turnover",
                "2024-01/2024-09",
                partner_iso3="TUR",
                value_figure_id=0,
            ),
            claim(
                "doubled",
                "ratio",
                2,
                0.5,
                "turnover",
                "2024-01/2024-09",
                partner_iso3="AFG",
                value_figure_id=1,
            ),
        ],
    )
    rows = reconcile(doc, correct=False).claims
    assert list(rows["verdict"]) == ["unverifiable", "unverifiable"]


def test_figures_with_confused_countries_confirm_but_never_refute():
    # invented: the only 2022 figure is tagged as trade with the world, where the text may
    # mean the pair's (a reader's frequent confusion)
    text = (
        "Exports to the UK fell by N% to $1.18 billion in 2023.\n\nIn 2022 they were $1.84 billion."
    )
    figures = [
        fig("$1.18 billion", "exports", "2023", 1.18e9, 5e6),
        fig("$1.84 billion", "exports", "2022", 1.84e9, 5e6, partner_iso3="WLD"),
    ]
    fits = build(text, figures, [claim("fell by N%", "pct_change", -36, 0.5, "exports", "2023")])
    row = checked(fits)
    assert (row["verdict"], row["figure_ids"]) == ("consistent", (0, 1))
    wrong = build(text, figures, [claim("fell by N%", "pct_change", -20, 0.5, "exports", "2023")])
    row = checked(wrong)
    assert row["verdict"] == "unverifiable"
    assert (
        row["explanation"] == "stated -20% (±0.5); no reading the text supports well → unverifiable"
    )


def test_a_link_to_a_later_paragraph_cannot_refute():
    # Vietnam Investment Review (d14 of the set): the reader tied "14.7 per cent" to the next
    # paragraph's $24.4 billion; the sentence's own $29.12 billion is the part
    text = (
        "Vietnam and South Korea, meanwhile, recorded total trade turnover of $29.12 billion, "
        "accounting for 14.7 per cent.\n\nThe US followed, with $24.4 billion."
    )
    doc = build(
        text,
        [
            fig("$29.12 billion", "turnover", "2017-H1", 29.12e9, 5e6, partner_iso3="WLD"),
            fig("$24.4 billion", "turnover", "2017-H1", 24.4e9, 5e7),
        ],
        [
            claim(
                "accounting for 14.7 per cent",
                "share",
                14.7,
                0.05,
                "turnover",
                "2017-H1",
                whole_flow="turnover",
                value_figure_id=1,
                base_figure_id=0,
            )
        ],
    )
    assert checked(doc)["verdict"] == "unverifiable"


def test_each_share_of_a_list_takes_the_figure_beside_it_and_the_total_before():
    # Vietnam Investment Review (d14 of the set): no share is of a sibling's figure
    text = (
        "Vietnam's total trade turnover reached $198.2 billion in the first half.\n\n"
        "The US followed, with $24.4 billion, accounting for 12.3 per cent, then the EU with "
        "$24.01 billion, or 12.1 per cent, and ASEAN with $23.9 billion, or 12 per cent."
    )
    world = {"reporter_iso3": "VNM", "partner_iso3": "WLD"}
    figures = [fig("$198.2 billion", "turnover", "2017-H1", 198.2e9, 5e7, **world)]
    claims = []
    for quote, partner, value, share in (
        ("$24.4 billion", "USA", 24.4e9, 12.3),
        ("$24.01 billion", "EUU", 24.01e9, 12.1),
        ("$23.9 billion", "ASEAN", 23.9e9, 12.0),
    ):
        figures.append(fig(quote, "turnover", "2017-H1", value, 5e6, partner_iso3=partner))
        said, half = f"{share:g} per cent", 0.5 if share == 12 else 0.05
        claims.append(
            claim(said, "share", share, half, "turnover", "2017-H1", whole_flow="turnover")
            | {"reporter_iso3": "VNM", "partner_iso3": "KOR"}  # the reader's countries, wrong
        )
    rows = reconcile(build(text, figures, claims), correct=False).claims
    assert list(rows["verdict"]) == ["consistent"] * 3
    assert list(rows["figure_ids"]) == [(1, 0), (2, 0), (3, 0)]


def test_a_share_in_brackets_after_its_part_and_a_wrong_one_is_found():
    # Ethiopian News Agency via d21 of the set; the second share is changed to 20 (invented)
    text = (
        "Ethiopia earned $1.28 billion from export trade during the first four months.\n\n"
        "Mining and manufacturing sectors, on the other hand, generated $188 million (15percent) "
        "and $157 million (20percent), respectively."
    )
    figures = [
        fig("$1.28 billion", "exports", "2021-07/2021-10", 1.28e9, 5e6, partner_iso3="WLD"),
        fig("$188 million", "exports", "2021-07/2021-10", 188e6, 5e5, partner_iso3="WLD"),
        fig("$157 million", "exports", "2021-07/2021-10", 157e6, 5e5, partner_iso3="WLD"),
    ]
    claims = [
        claim(q, "share", s, 0.5, "exports", "2021-07/2021-10", whole_flow="exports")
        | {"partner_iso3": "WLD"}
        for q, s in (("15percent", 15), ("20percent", 20))
    ]
    rows = reconcile(build(text, figures, claims), correct=False).claims
    assert list(rows["verdict"]) == ["consistent", "inconsistent"]
    assert list(rows["figure_ids"]) == [(1, 0), (2, 0)]


def test_a_bracketed_percent_beside_an_amount_of_change_is_read_as_a_change():
    # MercoPress (d29 of the set): the reader took "(79.4 percent)" for a share
    text = (
        "Imports totalled US$8.297 billion and increased by US$3.672 billion (79.4 percent) from "
        "the same period of the previous year."
    )
    doc = build(
        text,
        [
            fig("US$8.297 billion", "imports", "2025-H1", 8.297e9, 5e5),
            fig("US$3.672 billion", "imports", "2025-H1", 3.672e9, 5e5, scope="change"),
        ],
        [claim("(79.4 percent)", "share", 79.4, 0.05, "imports", "2025-H1", whole_flow="imports")],
    )
    row = checked(doc)
    assert (row["verdict"], row["reading"]) == ("consistent", "change_from_amount")


def test_a_share_of_no_trade_flow_cannot_be_refuted():
    # invented: a revenue target is not a trade flow; the reader gave the claim flow "other"
    text = "The target is $5 billion this year.\n\nAgriculture earned $904 million, 71 percent."
    doc = build(
        text,
        [
            fig("$5 billion", "other", "2021", 5e9, 5e8),
            fig("$904 million", "other", "2021", 904e6, 5e5),
        ],
        [claim("71 percent", "share", 71, 0.5, "other", "2021")],
    )
    assert checked(doc)["verdict"] == "unverifiable"


def test_any_countrys_total_before_a_share_may_confirm_it_but_not_refute_it():
    # Vietnam Investment Review (d14 of the set), with the reader's countries: the share is
    # tagged Korea–EU, the total Vietnam–world
    text = (
        "Vietnam's total trade turnover reached $198.2 billion in the first half.\n\n"
        "The US followed, with $24.4 billion, accounting for N per cent."
    )
    figures = [
        fig(
            "$198.2 billion",
            "turnover",
            "2017-H1",
            198.2e9,
            5e7,
            reporter_iso3="VNM",
            partner_iso3="WLD",
        ),
        fig(
            "$24.4 billion",
            "turnover",
            "2017-H1",
            24.4e9,
            5e7,
            reporter_iso3="KOR",
            partner_iso3="EUU",
        ),
    ]
    keys = {"reporter_iso3": "KOR", "partner_iso3": "EUU", "whole_flow": "turnover"}
    for stated, verdict in ((12.3, "consistent"), (15.0, "unverifiable")):
        said = claim("N per cent", "share", stated, 0.05, "turnover", "2017-H1") | keys
        assert checked(build(text, figures, [said]))["verdict"] == verdict


def test_the_periods_say_which_level_is_the_base_whatever_the_link():
    # Business Recorder, 2023-05-03: the reader tied the March figure as the claim's value
    text = (
        "The imports also decreased to $ 2.953 billion in April 2023.\n\n"
        "The imports into the country decreased by 22.62 percent in April 2023 when compared to "
        "the imports of $3.816 billion in March 2023."
    )
    doc = build(
        text,
        [
            fig("$ 2.953 billion", "imports", "2023-04", 2.953e9, 5e5),
            fig("$3.816 billion", "imports", "2023-03", 3.816e9, 5e5),
        ],
        [
            claim(
                "decreased by 22.62 percent",
                "pct_change",
                -22.62,
                0.005,
                "imports",
                "2023-04",
                base_period="2023-03",
                value_figure_id=1,
            )
        ],
    )
    row = checked(doc)
    assert (row["verdict"], row["figure_ids"]) == ("consistent", (0, 1))


def test_a_whole_of_another_flow_may_confirm_a_share_but_not_refute_it():
    # Xinhua, 2019-04-11 (d12 of the set), with the reader's flows: the total trade is
    # turnover, the imports were read as exports, the top-10 imports as the world's
    text = (
        "Total external trade in February reached 13.14 billion U.S. dollars.\n\n"
        "Of the total external trade, the PSA said 5.18 billion U.S. dollars, or 39.4 percent, "
        "were exported goods and 7.97 billion U.S. dollars, or 60.6 percent, were imported goods."
        "\n\nThe PSA said import payments from the top 10 countries reached 6.06 billion U.S. "
        "dollars, or a share of N percent, to the total imports in February."
    )
    world = {"reporter_iso3": "PHL", "partner_iso3": "WLD"}
    figures = [
        fig("13.14 billion U.S. dollars", "turnover", "2019-02", 13.14e9, 5e6, **world),
        fig("5.18 billion U.S. dollars", "turnover", "2019-02", 5.18e9, 5e6, **world),
        fig("7.97 billion U.S. dollars", "exports", "2019-02", 7.97e9, 5e6, **world),
        fig("6.06 billion U.S. dollars", "imports", "2019-02", 6.06e9, 5e6, **world),
    ]
    no_keys = {"reporter_iso3": None, "partner_iso3": None}
    share = claim("or 60.6 percent", "share", 60.6, 0.05, "exports", "2019-02") | no_keys
    row = checked(build(text, figures, [share | {"whole_flow": "exports"}]))
    assert (row["verdict"], row["figure_ids"]) == ("consistent", (2, 0))
    for stated, verdict in ((76.0, "consistent"), (50.0, "unverifiable")):
        said = claim("N percent", "share", stated, 0.05, "imports", "2019-02") | no_keys
        assert checked(build(text, figures, [said | {"whole_flow": "imports"}]))["verdict"] == (
            verdict
        )


def test_a_total_whatever_its_countries_may_confirm_a_share_but_not_refute_it():
    # MercoPress (d24 of the set), with the reader's countries: the total read as exports to Chile
    text = (
        "Chilean exports totalled 3.649 billion US dollars in January.\n\n"
        "Copper represented N% of all exports in January, reaching a total of 1.3 billion US "
        "dollars."
    )
    figures = [
        fig("3.649 billion US dollars", "exports", "2006-01", 3.649e9, 5e5, reporter_iso3=None)
        | {"partner_iso3": "CHL"},
        fig("1.3 billion US dollars", "exports", "2006-01", 1.3e9, 5e7, reporter_iso3="CHL")
        | {"partner_iso3": "WLD"},
    ]
    no_keys = {"reporter_iso3": None, "partner_iso3": None, "whole_flow": "exports"}
    for stated, verdict in ((36, "consistent"), (50, "unverifiable")):
        said = claim("N%", "share", stated, 0.5, "exports", "2006-01") | no_keys
        assert checked(build(text, figures, [said]))["verdict"] == verdict


def test_a_share_of_the_total_of_its_own_countries_stated_before_it():
    # TASS, 2023-07-19 (d17 of the set), with the reader's countries (all Ukraine–China)
    text = (
        "Ukraine imported goods worth $30.4 bln in January - June 2023, while its exports totaled "
        "$19.4 bln, the state statistical service said.\n\n"
        "Machinery, equipment and transportation means amounting to $8.9 bln account for N% of "
        "imported goods."
    )
    keys = {"reporter_iso3": "UKR", "partner_iso3": "CHN"}
    figures = [
        fig("$30.4 bln", "imports", "2023-H1", 30.4e9, 5e7, **keys),
        fig("$19.4 bln", "exports", "2023-H1", 19.4e9, 5e7, **keys),
        fig("$8.9 bln", "imports", "2023-H1", 8.9e9, 5e7, **keys),
    ]
    for stated, verdict in ((67, "inconsistent"), (29, "consistent")):
        said = claim("N%", "share", stated, 0.5, "imports", "2023-H1", whole_flow="imports")
        row = checked(build(text, figures, [said | keys]))
        assert (row["verdict"], row["figure_ids"]) == (verdict, (2, 0))


def test_a_bound_restated_exactly_in_its_paragraph_is_read_at_its_exact_value():
    # AzerNews via MENAFN (d06 of the set): "more than $14.6 billion" restated as "$14.65 billion"
    text = (
        "The total volume of trade between Iran and China in 2023 amounted to more than $14.6 "
        "billion, which is 6.2 percent less than in 2022. In 2023, bilateral trade between the "
        "countries amounted to $14.65 billion, while in 2022 it amounted to $15.5 billion."
    )
    keys = {"reporter_iso3": "IRN", "partner_iso3": "CHN"}
    figures = [
        fig("$14.6 billion", "turnover", "2023", 14.6e9, 5e7, qualifier="over", **keys),
        fig("$14.65 billion", "turnover", "2023", 14.65e9, 5e6, **keys),
        fig("$15.5 billion", "turnover", "2022", 15.5e9, 5e7, **keys),
    ]
    said = claim("6.2 percent less", "pct_change", -6.2, 0.05, "turnover", "2023") | keys
    row = checked(build(text, figures, [said | {"base_period": "2022", "value_figure_id": 0}]))
    assert (row["verdict"], row["figure_ids"]) == ("inconsistent", (1, 2))


def test_a_ratio_of_two_flows_may_be_confirmed_by_its_own_sentences_figure_of_another_flow():
    # bne IntelliNews, 2020-01-20 (d19 of the set), with the reader's flows (imports read as
    # exports)
    text = (
        "In the rolling 12 months ending November, Moldova's exports posted a modest 2.2% y/y "
        "advance to $2.78bn.\n\n"
        "Moldova's imports increased by only 1.8% y/y in the 12-month period, but they are still "
        "N times as large as exports: $5.82bn."
    )
    keys = {"reporter_iso3": "MDA", "partner_iso3": "EUU"}
    period = "2018-12/2019-11"
    figures = [
        fig("$2.78bn", "exports", period, 2.78e9, 5e6, **keys),
        fig("$5.82bn", "exports", period, 5.82e9, 5e6, **keys),
    ]
    no_keys = {"reporter_iso3": None, "partner_iso3": None}
    for stated, verdict in ((2, "consistent"), (4, "unverifiable")):
        said = claim("N times", "ratio", stated, 0.5, "imports", period, whole_flow="exports")
        row = checked(build(text, figures, [said | no_keys | {"base_period": period}]))
        assert row["verdict"] == verdict


def test_a_share_of_imports_may_be_confirmed_by_the_partners_exports_and_a_later_total():
    # Opportimes (d27 of the set), with the reader's countries: Mexico's exports to the US are
    # the US's imports from Mexico; the US total is stated after the share
    text = (
        "Exports from Mexico to the United States registered a year-on-year growth of 10.9% in "
        "March, to 33.399 million dollars.\n\n"
        "With this, Mexico's share of total US imports was N%.\n\n"
        "US imports totalled 237.293 million dollars in March."
    )
    figures = [
        fig("33.399 million dollars", "exports", "2021-03", 33.399e9, 5e5)
        | {"reporter_iso3": "MEX", "partner_iso3": "USA"},
        fig("237.293 million dollars", "imports", "2021-03", 237.293e9, 5e5)
        | {"reporter_iso3": "MEX", "partner_iso3": "USA"},
    ]
    keys = {"reporter_iso3": "USA", "partner_iso3": "MEX", "whole_flow": "imports"}
    for stated, verdict in ((14.1, "consistent"), (20.0, "unverifiable")):
        said = claim("N%", "share", stated, 0.05, "imports", "2021-03") | keys
        assert checked(build(text, figures, [said]))["verdict"] == verdict


def test_each_share_of_a_list_is_its_or_amount_over_the_total_stated_before():
    # srbija.gov.rs, https://www.srbija.gov.rs/vest/en/4704/january-july-foreign-trade-volume-jumps-338-percent-year-on-year.php  # noqa: E501
    # no item is read against a sibling's amount; the last share changed to 29.3 (invented)
    # is refuted by its own part and the total
    text = (
        "Exports rose 17.7 percent, to $1.83 billion, while imports climbed 39.9 percent, to "
        "$5.77 billion.\nIntermediate goods made up 55.3 percent of overall imports, or $3.19 "
        "billion, followed by consumer goods, 25.4 percent, or $1.47 billion, and equipment, "
        "{} percent, or $1.11 billion."
    )
    for last, verdict in (("19.3", "consistent"), ("29.3", "inconsistent")):
        rows = reconcile(load_news(text.format(last)), correct=False).claims
        shares = rows[rows["kind"] == "share"]
        assert list(shares["verdict"]) == ["consistent", "consistent", verdict]
        assert list(shares["figure_ids"]) == [(2, 1), (3, 1), (4, 1)]


def test_this_is_n_fold_more_compares_the_figure_this_refers_to_not_the_next_base():
    # ABC.AZ, https://abc.az/en/news/104608: "this" is the $949 million of the sentence before;
    # each bracket is the base of its own comparison
    text = (
        "Turkey has increased exports to Russia\n\n"
        "In August 2022, Turkey sent goods for $949 million to Russia.\n\n"
        "ABC.AZ reports that this is 2.1-fold more than in August 2021 ($451 million), and 27% "
        "more than in the previous month ($729 million)."
    )
    rows = reconcile(load_news(text), correct=False).claims
    assert list(rows["figure_ids"]) == [(0, 1), (0, 2)]
    assert list(rows["verdict"]) == ["consistent", "inconsistent"]  # 949/729 is +30.2%, not 27%


def test_a_share_of_the_figures_a_claim_counts_is_their_sum_over_the_total():
    # srbija.gov.rs, https://www.srbija.gov.rs/vest/en/4704/january-july-foreign-trade-volume-jumps-338-percent-year-on-year.php  # noqa: E501
    # "the five sectors": the sum of the five figures before (660m) over the exports total;
    # 46 percent (invented) is refuted
    text = (
        "Exports rose 17.7 percent, to $1.83 billion, while imports climbed 39.9 percent, to "
        "$5.77 billion.\nSteel and iron accounted for $202 million of total exports, fruit and "
        "vegetables for $126 million, ferrous metals, $105 million, rubber products, $123 "
        "million, and miscellaneous manufactured articles, $104 million. The five sectors made "
        "up {} percent of overall exports."
    )
    for stated, verdict in (("36", "consistent"), ("46", "inconsistent")):
        row = reconcile(load_news(text.format(stated)), correct=False).claims.iloc[-1]
        assert (row["verdict"], row["reading"], row["figure_ids"]) == (
            verdict,
            "share_of_listed_sum",
            (2, 3, 4, 5, 6, 0),
        )


def test_these_goods_are_the_sum_of_the_figures_the_sentence_before_lists():
    # ArmInfo (Finport.am), https://finport.am/full_news.php?id=51766&lang=3: the share is of the
    # three items' sum (139.7m / 576.1m = 24.25%), never of one item over another
    text = (
        "The minister noted that Armenia's foreign trade turnover with Georgia in "
        "January-September 2024 was $702.6 million. In January-September 2024, exports totaled "
        "$123.7 million, while imports amounted to $576.1 million.\nIn return, Georgia mainly "
        "supplied cars and other vehicles ($76.1 million), ethyl alcohol, alcoholic beverages "
        "($35.9 million), and medicines ($27.7 "
        "million) to Armenia. These goods, as Papoyan noted, account for 24.3% of all imports "
        "from Georgia in January-September of this year."
    )
    rows = reconcile(load_news(text), correct=False).claims
    row = rows[rows["quote"].str.contains("24.3%")].iloc[0]
    assert (row["verdict"], row["reading"], row["figure_ids"]) == (
        "consistent",
        "share_of_listed_sum",
        (3, 4, 5, 2),
    )


def test_a_percent_of_an_earlier_level_is_a_change_from_it():
    # Asia-Plus (via news.tj), http://www.news.tj/ru/node/240121: 1,045 / (1,045 + 140.2) is
    # 88.17% of the earlier level; 3,929.6 / (3,929.6 + 370) is 91.39%, not the 90.8% stated
    text = (
        "The foreign trade turnover of Tajikistan has amounted to 1.045 billion U.S. dollars over "
        "the first four months of this year, which was 88.2 percent of the January-April 2016 "
        "level or 140.2 million U.S. dollars fewer, according to the Agency for Statistics.\n\n"
        "Recall, Tajikistan’s external trade turnover last year amounted to 3.9296 billion U.S. "
        "dollars, which was 90.8 percent of the 2015 level or 370 million U.S. dollars fewer."
    )
    doc = load_news(text)
    assert list(zip(doc.figures["period"], doc.figures["scope"], strict=True)) == [
        ("2017-01/2017-04", "all"),
        ("2017-01/2017-04", "change"),
        ("2016", "all"),
        ("2016", "change"),
    ]
    rows = reconcile(doc, correct=False).claims
    assert list(zip(rows["stated"], rows["verdict"], strict=True)) == [
        (pytest.approx(-11.8), "consistent"),
        (pytest.approx(-9.2), "inconsistent"),
    ]


def test_a_share_of_goods_is_never_refuted_by_a_total_of_goods_and_services():
    # abdas.org on the Bank of Tanzania's monthly review,
    # https://abdas.org/2019/09/18/rise-in-tanzanias-goods-and-services-exports: goods are
    # 8,594.5 − 3,987.3 (services) = 4,607.2, of which 3,689.2 is 80.1%; the text states no goods
    # total, so the claim cannot be checked, and the goods-and-services total must not refute it
    text = (
        "A rise in gold exports has increased the value of Tanzania’s goods and services exports "
        "to $8,594.5 million in the year ending July 2019, from $8,534.6 million in the year "
        "ending July 2018. BoT notes that non-traditional goods accounted for almost 80 per cent "
        "of goods exported at $3,689.2 million from $3,100.7 million in the corresponding period "
        "last year."
    )
    claims = reconcile(load_news(text)).claims
    share = claims[claims["quote"].str.contains("80 per cent")]
    assert list(share["verdict"]) == ["unverifiable"]
    # invented: the same share of a total said to be of goods is checked, and refuted
    refuted = text.replace("goods and services exports", "goods exports")
    claims = reconcile(load_news(refuted)).claims
    assert list(claims[claims["quote"].str.contains("80 per cent")]["verdict"]) == ["inconsistent"]


def test_the_current_fiscal_year_of_an_undated_text_is_the_latest_it_names():
    # Dhaka Mirror, https://dhakamirror.com/?p=26158 (the page gives no date)
    text = (
        "Bangladesh registered almost 40 percent growth in exports in the first seven months of "
        "the current fiscal year, compared to the same period a year ago.\n"
        "The country exported goods worth $12.18 billion during July-January of fiscal 2010-11, "
        "up from $8.7 billion during the same period of 2009-10, marking a 39.85 percent rise."
    )
    claims = reconcile(load_news(text)).claims
    first = claims.iloc[0]
    assert (first["period"], first["verdict"]) == ("2010-07/2011-01", "consistent")


def test_n_times_compared_to_an_amount_is_a_ratio_to_it():
    # The Malaysian Reserve, https://themalaysianreserve.com/2019/11/26/malaysia-china-trade-to-
    # set-another-record-high-this-year/
    text = (
        "China-Malaysia total trade hit US$108.6 billion last year, which is 683 times compared to "
        "US$159 million in 1974."
    )
    claims = reconcile(load_news(text)).claims
    assert list(zip(claims["kind"], claims["stated"], claims["verdict"], strict=True)) == [
        ("ratio", 683.0, "consistent")
    ]
    wrong = reconcile(load_news(text.replace("683", "600"))).claims
    assert list(wrong["verdict"]) == ["inconsistent"]


def test_two_levels_of_one_period_may_confirm_a_change_never_refute_it():
    # Finport (ArmInfo), https://finport.am/full_news.php?id=51766&lang=3: the previous year's
    # exports are not stated, so "12.3% more" cannot be checked; an item of the same period
    # ($23.5 million of cigarettes) is not its base
    text = (
        "In January-September 2024, exports totaled $123.7 million, which is 12.3% more compared "
        "to the same period of the previous year. The main goods exported by Armenia to Georgia "
        "are cigarettes and cigars ($23.5 million)."
    )
    claims = reconcile(load_news(text)).claims
    assert list(claims[claims["quote"].str.contains("12.3%")]["verdict"]) == ["unverifiable"]
