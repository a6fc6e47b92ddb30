"""Tests of analysis.checks.reconcile.

Verdicts with rounding and qualifiers, totals, slip corrections.
"""

import math
from dataclasses import dataclass

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis.checks import reconcile
from analysis.loaders.news import CLAIM_COLUMNS, FIGURE_COLUMNS, load_news


@dataclass
class Doc:
    """A NewsDocument-shaped object built inline."""

    name: str
    text: str
    figures: pd.DataFrame
    claims: pd.DataFrame


def make_doc(figures: list[tuple], claims: list[tuple] = ()) -> Doc:
    """Figures: (quote, flow, period, value_usd, half_width_usd[, qualifier]).

    Claims: (quote, kind, stated, stated_half_width, flow, period, base_period[, qualifier,
    whole_flow, value_figure_id, base_figure_id]). Offsets are made up in text order: figures
    first, then claims.
    """
    figure_rows = []
    for i, (quote, flow, period, value, half, *rest) in enumerate(figures):
        figure_rows.append(
            {
                "document": "<text>",
                "figure_id": i,
                "quote": quote,
                "start": 100 * i,
                "end": 100 * i + len(quote),
                "context": quote,
                "flow": flow,
                "period": period,
                "reporter_iso3": "KAZ",
                "partner_iso3": "GBR",
                "value_usd": float(value),
                "half_width_usd": float(half),
                "qualifier": rest[0] if rest else "",
                "scope": "all",
                "balance_sign": math.nan,
            }
        )
    claim_rows = []
    for i, (quote, kind, stated, half, flow, period, base_period, *rest) in enumerate(claims):
        qualifier, whole_flow, value_id, base_id = (*rest, *("", None, None, None)[len(rest) :])
        start = 100 * len(figures) + 100 * i
        claim_rows.append(
            {
                "document": "<text>",
                "claim_id": i,
                "quote": quote,
                "start": start,
                "end": start + len(quote),
                "context": quote,
                "kind": kind,
                "stated": float(stated),
                "stated_half_width": float(half),
                "qualifier": qualifier,
                "flow": flow,
                "whole_flow": whole_flow,
                "period": period,
                "base_period": base_period,
                "reporter_iso3": "KAZ",
                "partner_iso3": "GBR",
                "value_figure_id": value_id,
                "base_figure_id": base_id,
                "scope": "all",
            }
        )
    return Doc(
        "<text>",
        _sentences_at([*figure_rows, *claim_rows]),
        pd.DataFrame(figure_rows, columns=FIGURE_COLUMNS),
        pd.DataFrame(claim_rows, columns=CLAIM_COLUMNS),
    )


def _sentences_at(rows: list[dict]) -> str:
    """One paragraph where each quote stands at its offset in a sentence of its own (invented)."""
    text = [" "] * (100 * len(rows) + 100)
    for row in rows:
        written = f"{row['quote']}. So"
        text[row["start"] : row["start"] + len(written)] = written
    return "".join(text).rstrip()


SEED_FIGURES = [
    ("$1.18 billion", "turnover", "2023", 1.18e9, 5e6),
    ("$1.84 billion", "turnover", "2022", 1.84e9, 5e6),
    ("$702 million", "exports", "2023", 702e6, 5e5),
    ("$1.46 billion", "exports", "2022", 1.46e9, 5e6),
    ("$478.6 million", "imports", "2023", 478.6e6, 5e4),
    ("$384.3 billion", "imports", "2022", 384.3e9, 5e7),
]
SEED_CLAIMS = [
    ("decreased by 36 percent", "pct_change", -36, 0.5, "turnover", "2023", "2022"),
    ("52 percent less", "pct_change", -52, 0.5, "exports", "2023", "2022"),
    ("increased by 24.5 percent", "pct_change", 24.5, 0.05, "imports", "2023", "2022"),
]


def verdicts(result) -> list[str]:
    return list(result.claims["verdict"])


def test_seed_like_document_has_one_correction_and_all_consistent():
    result = reconcile(make_doc(SEED_FIGURES, SEED_CLAIMS))
    assert list(result.claims["kind"]) == ["pct_change"] * 3 + ["total"] * 2
    assert verdicts(result) == ["consistent"] * 5
    assert list(result.claims["figure_ids"]) == [(0, 1), (2, 3), (4, 5), (0, 2, 4), (1, 3, 5)]
    assert list(result.corrections["figure_id"]) == [5]
    assert result.corrections["quote"].iloc[0] == "$384.3 billion"
    assert result.corrections["stated_value_usd"].iloc[0] == 384.3e9
    assert result.corrections["suggested_value_usd"].iloc[0] == pytest.approx(384.3e6, rel=1e-12)
    assert list(result.figures["corrected_value_usd"]) == pytest.approx(
        [1.18e9, 1.84e9, 702e6, 1.46e9, 478.6e6, 384.3e6], rel=1e-12
    )
    assert result.claims["explanation"].iloc[0] == (
        "stated -36% (±0.5); 1.18bn/1.84bn - 1 = -35.9% [-36.3, -35.4] → consistent"
    )
    assert result.claims["explanation"].iloc[2] == (
        "stated +24.5% (±0.05); 478.6m/384.3m - 1 = 24.54% [24.51, 24.57] → consistent"
    )
    assert result.claims["explanation"].iloc[3] == (
        "stated turnover 2023 1.18bn (±5m); "
        "702m + 478.6m = 1.1806bn [1.1801bn, 1.1811bn] → consistent"
    )
    assert result.claims["explanation"].iloc[4] == (
        "stated turnover 2022 1.84bn (±5m); "
        "1.46bn + 384.3m = 1.844bn [1.839bn, 1.849bn] → consistent"
    )
    assert result.corrections["reason"].iloc[0] == (
        "probable slip (÷1000, billion/million slip): as written it makes 2 of its 2 checks "
        'inconsistent, as 384.3m all are consistent; evidence: "increased by 24.5 percent": '
        "478.6m / (1 + 24.5%) = 384.4m; "
        "turnover 2022 1.84bn - exports 2022 1.46bn = 380m"
    )


def test_seed_like_document_without_correction_is_inconsistent_where_the_slip_is():
    result = reconcile(make_doc(SEED_FIGURES, SEED_CLAIMS), correct=False)
    assert verdicts(result) == [
        "consistent",
        "consistent",
        "inconsistent",
        "consistent",
        "inconsistent",
    ]
    assert result.corrections.empty
    assert result.claims["recomputed"].iloc[2] == pytest.approx(
        (478.6 / 384300 - 1) * 100, rel=1e-12
    )


def test_recomputed_interval_exact():
    result = reconcile(make_doc(SEED_FIGURES[:2], SEED_CLAIMS[:1]))
    row = result.claims.iloc[0]
    assert row["recomputed"] == pytest.approx((1.18 / 1.84 - 1) * 100, rel=1e-12)
    assert row["recomputed_low"] == pytest.approx((1.175 / 1.845 - 1) * 100, rel=1e-12)
    assert row["recomputed_high"] == pytest.approx((1.185 / 1.835 - 1) * 100, rel=1e-12)
    assert (row["stated_low"], row["stated_high"]) == (-36.5, -35.5)


@pytest.mark.parametrize(
    ("stated", "verdict"),
    [(-36, "consistent"), (-35, "consistent"), (-34, "inconsistent"), (-37, "inconsistent")],
)
def test_pct_change_verdicts(stated, verdict):
    claim = ("decreased", "pct_change", stated, 0.5, "turnover", "2023", "2022")
    assert verdicts(reconcile(make_doc(SEED_FIGURES[:2], [claim]))) == [verdict]


def test_unverifiable_when_base_missing():
    claim = ("decreased by 36 percent", "pct_change", -36, 0.5, "turnover", "2023", "2022")
    result = reconcile(make_doc(SEED_FIGURES[:1], [claim]))
    assert verdicts(result) == ["unverifiable"]
    assert result.claims["explanation"].iloc[0] == (
        "stated -36% (±0.5); no turnover figure for 2022 → unverifiable"
    )


def test_base_period_defaults_to_a_year_earlier():
    claim = ("fell by 36 percent", "pct_change", -36, 0.5, "turnover", "2023", None)
    assert verdicts(reconcile(make_doc(SEED_FIGURES[:2], [claim]))) == ["consistent"]


@pytest.mark.parametrize(
    ("stated", "qualifier", "verdict"),
    [
        # recomputed -35.87% [-36.31, -35.42]; a qualifier opens the magnitude by 10 % ("almost",
        # "over") or 5 % ("about") of the stated value, and by at least 1 point
        (-37, "almost", "consistent"),  # [32.8, 37.5]
        (-41, "almost", "inconsistent"),  # [36.4, 41.5]
        (-35, "over", "consistent"),  # [34.5, 39.0]
        (-33, "over", "consistent"),  # [32.5, 36.8]
        (-31, "over", "inconsistent"),  # [30.5, 34.6]
        (-37, "about", "consistent"),  # [33.7, 38.4]
        (-34, "about", "consistent"),  # [32.8, 36.2]
        (-33, "about", "inconsistent"),  # [31.9, 35.2]
        (-37, "", "inconsistent"),
    ],
)
def test_percent_qualifiers(stated, qualifier, verdict):
    claim = ("fell", "pct_change", stated, 0.5, "turnover", "2023", "2022", qualifier)
    assert verdicts(reconcile(make_doc(SEED_FIGURES[:2], [claim]))) == [verdict]


@pytest.mark.parametrize(
    ("qualifier", "turnover", "verdict"),
    [
        # 702m + 478.6m = 1.1806bn [1.18005, 1.18115]
        ("", 1.2e9, "inconsistent"),  # [1.195, 1.205]
        ("almost", 1.24e9, "consistent"),  # [0.90 * 1.24 - 0.005, 1.245] = [1.111, 1.245]
        ("almost", 1.32e9, "inconsistent"),  # [1.183, 1.325]
        ("over", 1.1e9, "consistent"),  # [1.095, 1.10 * 1.1 + 0.005] = [1.095, 1.215]
        ("over", 1.05e9, "inconsistent"),  # [1.045, 1.16]
        ("about", 1.24e9, "consistent"),  # [1.173, 1.307]
    ],
)
def test_money_qualifiers_in_totals(qualifier, turnover, verdict):
    figures = [("$x", "turnover", "2023", turnover, 5e6, qualifier), *SEED_FIGURES[2:5:2]]
    result = reconcile(make_doc(figures), correct=False)
    assert list(result.claims["kind"]) == ["total"]
    assert verdicts(result) == [verdict]


def test_ratio_share_and_pp_change():
    figures = [
        ("$10 billion", "turnover", "2023", 10e9, 5e8),
        ("$8.1 billion", "exports", "2023", 8.1e9, 5e7),
        ("$1.9 billion", "imports", "2023", 1.9e9, 5e7),
        ("$8 billion", "turnover", "2022", 8e9, 5e8),
        ("$6 billion", "exports", "2022", 6e9, 5e8),
    ]
    claims = [
        ("4.3 times", "ratio", 4.3, 0.05, "exports", "2023", None, "", "imports"),
        ("1.35-fold", "ratio", 1.35, 0.005, "exports", "2023", "2022"),
        ("accounted for 81 percent", "share", 81, 0.5, "exports", "2023", None, "", "turnover"),
        ("up 6 percentage points", "pp_change", 6, 0.5, "exports", "2023", "2022", "", "turnover"),
        ("accounted for 19 percent", "share", 19, 0.5, "imports", "2023", None),
        ("over 4.5 times", "ratio", 4.5, 0.05, "exports", "2023", None, "over", "imports"),
        ("about 5 times", "ratio", 5, 0.5, "exports", "2023", None, "about", "imports"),
    ]
    result = reconcile(make_doc(figures, claims), correct=False)
    assert verdicts(result) == ["consistent"] * 4 + [
        "unverifiable",
        "inconsistent",
        "consistent",
        "consistent",
    ]
    assert list(result.claims["recomputed"].iloc[:4]) == pytest.approx(
        [8.1 / 1.9, 8.1 / 6, 81.0, 81.0 - 75.0], rel=1e-12
    )
    assert result.claims["explanation"].iloc[0] == (
        "stated 4.3x (±0.05); 8.1bn/1.9bn = 4.26x [4.13, 4.41] → consistent"
    )
    assert result.claims["explanation"].iloc[5] == (
        "stated over 4.5x (±0.05, read as [4.45, 5]); "
        "8.1bn/1.9bn = 4.26x [4.13, 4.41] → inconsistent"
    )
    assert result.claims["explanation"].iloc[6] == (
        "stated about 5x (±0.5, read as [4.25, 5.75]); 8.1bn/1.9bn = 4.3x [4.1, 4.4] → consistent"
    )


def test_whole_equals_sum_of_sub_periods():
    figures = [
        ("$10 billion", "exports", "2023", 10e9, 5e8),
        ("$4.2 billion", "exports", "2023-H1", 4.2e9, 5e7),
        ("$6.1 billion", "exports", "2023-H2", 6.1e9, 5e7),
        ("$1 billion", "exports", "2023-Q1", 1e9, 5e8),
    ]
    result = reconcile(make_doc(figures), correct=False)
    assert list(result.claims["figure_ids"]) == [(0, 1, 2)]
    assert verdicts(result) == ["consistent"]
    assert result.claims["recomputed"].iloc[0] == pytest.approx(10.3e9)


def test_decimal_comma_slip_is_corrected():
    figures = [
        ("$8.1 billion", "turnover", "2023", 8.1e9, 5e7),
        ("$626,1 million", "exports", "2023", 6261e6, 5e5),  # read with a thousands comma
        ("$7.47 billion", "imports", "2023", 7.47e9, 5e6),
    ]
    claims = [
        ("accounted for 7.7 percent", "share", 7.7, 0.05, "exports", "2023", None, "", "turnover")
    ]
    result = reconcile(make_doc(figures, claims))
    assert verdicts(result) == ["consistent", "consistent"]
    assert list(result.corrections["figure_id"]) == [1]
    assert result.corrections["suggested_value_usd"].iloc[0] == pytest.approx(626.1e6, rel=1e-12)
    assert result.corrections["reason"].iloc[0] == (
        "probable slip (decimal comma: 626,1 read as 626.1): as written it makes 2 of its 2 checks "
        "inconsistent, as 626.1m all are consistent; evidence: "
        '"accounted for 7.7 percent": 8.1bn × 7.7% = '
        "623.7m; turnover 2023 8.1bn - imports 2023 7.47bn = 630m"
    )


def test_single_check_with_anchored_partner_is_corrected():
    figures = [*SEED_FIGURES[:5], ("$384.3 billion", "imports", "2022", 384.3e9, 5e7)]
    claims = SEED_CLAIMS[:3]
    figures = [
        f for i, f in enumerate(figures) if i != 1
    ]  # no 2022 turnover: the +24.5% claim is the only check
    result = reconcile(make_doc(figures, claims))
    # 478.6m is anchored by the consistent 2023 total, so only 384.3bn can be the slip
    assert list(result.corrections["figure_id"]) == [4]
    assert result.corrections["suggested_value_usd"].iloc[0] == pytest.approx(384.3e6, rel=1e-12)


def test_single_unconstrained_check_is_not_corrected():
    figures = [
        ("$478.6 million", "imports", "2023", 478.6e6, 5e4),
        ("$384.3 billion", "imports", "2022", 384.3e9, 5e7),
    ]
    claims = [("increased by 24.5 percent", "pct_change", 24.5, 0.05, "imports", "2023", "2022")]
    result = reconcile(make_doc(figures, claims))
    assert result.corrections.empty
    assert verdicts(result) == ["inconsistent"]
    assert list(result.figures["corrected_value_usd"]) == [478.6e6, 384.3e9]


def _imports_doc(quote: str, value: float) -> Doc:
    """Turnover and exports 2023 anchored by consistent claims; imports 2023 only in the total."""
    figures = [
        ("about $10 billion", "turnover", "2023", 10e9, 5e8, "about"),  # [9, 11]bn
        ("$9.5 billion", "exports", "2023", 9.5e9, 5e7),
        (quote, "imports", "2023", value, 5e8 if value >= 10e9 else 5e7),
        ("$9.8 billion", "turnover", "2022", 9.8e9, 5e7),
        ("$9 billion", "exports", "2022", 9e9, 5e8),
    ]
    claims = [
        ("increased by 2 percent", "pct_change", 2, 0.5, "turnover", "2023", "2022"),
        ("increased by 5.6 percent", "pct_change", 5.6, 0.05, "exports", "2023", "2022"),
    ]
    return make_doc(figures, claims)


def test_single_check_with_anchored_figures_and_one_working_reading_is_corrected():
    result = reconcile(_imports_doc("$12 billion", 12e9))
    assert list(result.corrections["suggested_value_usd"]) == [12e6]
    assert verdicts(result) == ["consistent"] * 3


def test_two_working_readings_are_not_corrected():
    # "$1,2 billion" read as 12bn: both 12m (÷1000) and 1.2bn (decimal comma) fit turnover [9, 11]bn
    result = reconcile(_imports_doc("$1,2 billion", 12e9))
    assert result.corrections.empty
    assert verdicts(result) == ["consistent", "consistent", "inconsistent"]


def test_no_claims_no_totals_gives_empty_tables():
    result = reconcile(make_doc(SEED_FIGURES[:1]))
    assert result.claims.empty and result.corrections.empty
    assert list(result.corrections.columns) == [
        "figure_id",
        "quote",
        "start",
        "end",
        "stated_value_usd",
        "suggested_value_usd",
        "reason",
    ]


_money = st.floats(min_value=1e6, max_value=1e10, allow_nan=False)
_fraction = st.floats(min_value=0, max_value=0.05, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.tuples(_money, _fraction), min_size=6, max_size=6),
    stated=st.lists(
        st.tuples(
            st.floats(-90, 90, allow_nan=False),
            st.floats(0, 3, allow_nan=False),
            st.sampled_from(["", "about", "almost", "over", "under"]),
        ),
        min_size=3,
        max_size=3,
    ),
    widen_which=st.integers(0, 8),
    widen_by=st.floats(1, 10, allow_nan=False),
)
@example(  # found by hypothesis: a wider base made the change straddle 0 and undid the direction
    values=[(2349458941.0, 0.03125), (3276374476.0, 0.03125), *[(1e6, 0.0)] * 4],
    stated=[(23.0, 0.0, "about"), (0.0, 0.0, ""), (0.0, 0.0, "")],
    widen_which=1,
    widen_by=9.0,
)
def test_widening_a_half_width_never_turns_consistent_into_inconsistent(
    values, stated, widen_which, widen_by
):
    flows = [
        ("turnover", "2023"),
        ("turnover", "2022"),
        ("exports", "2023"),
        ("exports", "2022"),
        ("imports", "2023"),
        ("imports", "2022"),
    ]
    figures = [
        ("$x", flow, period, value, value * fraction)
        for (flow, period), (value, fraction) in zip(flows, values, strict=True)
    ]
    claims = [
        (f"c{i}", "pct_change", s, h, flow, "2023", "2022", q)
        for i, ((s, h, q), flow) in enumerate(
            zip(stated, ["turnover", "exports", "imports"], strict=True)
        )
    ]
    before = verdicts(reconcile(make_doc(figures, claims), correct=False))
    if widen_which < 6:
        quote, flow, period, value, half = figures[widen_which]
        figures[widen_which] = (quote, flow, period, value, half * widen_by + 1.0)
    else:
        quote, kind, s, h, *rest = claims[widen_which - 6]
        claims[widen_which - 6] = (quote, kind, s, h * widen_by + 0.01, *rest)
    after = verdicts(reconcile(make_doc(figures, claims), correct=False))
    assert all(
        not (b == "consistent" and a == "inconsistent") for b, a in zip(before, after, strict=True)
    )
    assert all(
        not (b == "consistent" and a != "consistent") for b, a in zip(before, after, strict=True)
    )


def test_given_figure_ids_win_over_matching():
    figures = [*SEED_FIGURES[:2], ("$2.0 billion", "turnover", "2022", 2e9, 5e7)]
    # the nearest 2022 turnover is "$2.0 billion" (id 2); the text ties the claim to id 1
    claim = (
        "decreased by 36 percent",
        "pct_change",
        -36,
        0.5,
        "turnover",
        "2023",
        "2022",
        "",
        None,
        0,
        1,
    )
    result = reconcile(make_doc(figures, [claim]))
    assert list(result.claims["figure_ids"]) == [(0, 1)]
    assert verdicts(result) == ["consistent"]
    # untied, both 2022 figures are equally supported readings (same paragraph, period and
    # countries): the one that fits decides, a false alarm is worse than a missed slip
    untied = reconcile(make_doc(figures, [claim[:7]]))
    assert list(untied.claims["figure_ids"]) == [(0, 1)]
    assert verdicts(untied) == ["consistent"]


def test_pp_change_without_base_period_figures_is_unverifiable():
    figures = [
        ("$8.1 billion", "exports", "2023", 8.1e9, 5e7),
        ("$10 billion", "turnover", "2023", 10e9, 5e8),
    ]
    claim = (
        "up 6 percentage points",
        "pp_change",
        6,
        0.5,
        "exports",
        "2023",
        "2022",
        "",
        "turnover",
    )
    result = reconcile(make_doc(figures, [claim]))
    assert verdicts(result) == ["unverifiable"]
    assert result.claims["explanation"].iloc[0] == (
        "stated +6pp (±0.5); no exports figure for 2022 → unverifiable"
    )


def test_figures_of_another_partner_are_not_matched():
    doc = make_doc(SEED_FIGURES[:2], SEED_CLAIMS[:1])
    doc.figures.loc[1, "partner_iso3"] = "DEU"
    result = reconcile(doc)
    assert verdicts(result) == ["unverifiable"]


SHARE_OF_TRADE = (
    "accounted for 2.8 percent",
    "share",
    2.8,
    0.05,
    "turnover",
    "2023",
    None,
    "",
    "turnover",
)


def test_share_of_the_same_flow_divides_by_the_figure_with_the_world():
    figures = [
        ("$114.6 billion", "turnover", "2023", 114.6e9, 5e7),
        ("$3.2 billion", "turnover", "2023", 3.2e9, 5e7),
    ]
    doc = make_doc(figures, [SHARE_OF_TRADE])
    doc.figures.loc[0, "partner_iso3"] = "WLD"
    result = reconcile(doc)
    assert list(result.claims["figure_ids"]) == [(1, 0)]
    assert verdicts(result) == ["consistent"]
    assert result.claims["recomputed"].iloc[0] == pytest.approx(3.2 / 114.6 * 100, rel=1e-12)


def test_share_of_the_same_flow_without_a_figure_of_the_whole_is_unverifiable():
    # a headline and the body both state the pair's $31.5bn: never 31.5bn/31.5bn = 100%
    figures = [
        ("$31.5bn", "turnover", "2023", 31.5e9, 5e7),
        ("$31.5 billion", "turnover", "2023", 31.5e9, 5e7),
    ]
    claim = ("accounting for 22.7 percent", *SHARE_OF_TRADE[1:])
    claim = (claim[0], "share", 22.7, 0.05, *claim[4:])
    result = reconcile(make_doc(figures, [claim]))
    share = result.claims.iloc[0]
    assert (share["verdict"], share["figure_ids"]) == ("unverifiable", ())
    assert share["explanation"] == ("stated 22.7% (±0.05); no whole figure for 2023 → unverifiable")


def test_pp_change_of_the_same_flow_uses_wholes_with_the_world():
    figures = [
        ("$3 billion", "exports", "2023", 3e9, 5e8),
        ("$30 billion", "exports", "2023", 30e9, 5e8),
        ("$2 billion", "exports", "2022", 2e9, 5e8),
        ("$25 billion", "exports", "2022", 25e9, 5e8),
    ]
    claim = ("up 2 points", "pp_change", 2, 0.5, "exports", "2023", "2022", "", "exports")
    doc = make_doc(figures, [claim])
    doc.figures.loc[[1, 3], "partner_iso3"] = "WLD"
    result = reconcile(doc, correct=False)
    assert list(result.claims["figure_ids"]) == [(0, 1, 2, 3)]
    assert result.claims["recomputed"].iloc[0] == pytest.approx(10 - 8, rel=1e-12)
    assert verdicts(result) == ["consistent"]


def _balance_doc(exports: float, imports: float, balance: float, sign: float) -> Doc:
    figures = [
        ("$x", "exports", "2023", exports, 5e7),
        ("$y", "imports", "2023", imports, 5e7),
        ("$z", "balance", "2023", balance, 5e7),
    ]
    doc = make_doc(figures)
    doc.figures["balance_sign"] = [math.nan, math.nan, sign]
    return doc


def test_balance_is_exports_minus_imports_with_the_stated_sign():
    result = reconcile(_balance_doc(15.4e9, 16.1e9, 0.7e9, -1.0), correct=False)  # a deficit
    total = result.claims.iloc[0]
    assert (total["kind"], total["flow"], total["figure_ids"]) == ("total", "balance", (2, 0, 1))
    assert total["stated"] == -0.7e9
    assert (total["stated_low"], total["stated_high"]) == pytest.approx((-0.75e9, -0.65e9))
    assert (total["recomputed"], total["recomputed_low"], total["recomputed_high"]) == (
        pytest.approx((-0.7e9, -0.8e9, -0.6e9))
    )
    assert total["verdict"] == "consistent"
    assert total["explanation"] == (
        "stated balance 2023 -700m (±50m); 15.4bn - 16.1bn = -700m [-800m, -600m] → consistent"
    )


def test_a_surplus_with_exports_below_imports_is_inconsistent():
    result = reconcile(_balance_doc(15.4e9, 16.1e9, 0.7e9, 1.0), correct=False)
    assert verdicts(result) == ["inconsistent"]
    assert result.claims["stated"].iloc[0] == 0.7e9


def test_a_balance_without_a_stated_sign_is_compared_by_size():
    result = reconcile(_balance_doc(15.4e9, 16.1e9, 0.7e9, math.nan), correct=False)
    assert verdicts(result) == ["consistent"]
    assert result.claims["explanation"].iloc[0] == (
        "stated balance 2023 -700m (±50m) (sign not stated); "
        "15.4bn - 16.1bn = -700m [-800m, -600m] → consistent"
    )


def test_a_balance_slip_is_corrected_with_its_sign():
    figures = [
        ("$15.4 billion", "exports", "2023", 15.4e9, 5e7),
        ("$16.1 billion", "imports", "2023", 16.1e9, 5e7),
        ("$700 billion", "balance", "2023", 700e9, 5e8),  # a deficit of $700 million
        ("$31.5 billion", "turnover", "2023", 31.5e9, 5e7),  # anchors exports and imports
    ]
    doc = make_doc(figures)
    doc.figures["balance_sign"] = [math.nan, math.nan, -1.0, math.nan]
    result = reconcile(doc)
    assert list(result.corrections["figure_id"]) == [2]
    assert result.corrections["suggested_value_usd"].iloc[0] == pytest.approx(700e6, rel=1e-12)
    assert result.corrections["reason"].iloc[0] == (
        "probable slip (÷1000, billion/million slip): as written it makes 1 of its 1 checks "
        "inconsistent, as 700m all are consistent; evidence: "
        "exports 2023 15.4bn - imports 2023 16.1bn = -700m"
    )
    assert verdicts(result) == ["consistent", "consistent"]


def test_a_repeated_figure_gives_one_total_check_at_its_last_statement():
    figures = [
        ("$31.5bn", "turnover", "2023", 31.5e9, 5e7),  # headline
        ("$31.5 billion", "turnover", "2023", 31.5e9, 5e7),  # body
        ("$15.4 billion", "exports", "2023", 15.4e9, 5e7),
        ("$16.1 billion", "imports", "2023", 16.1e9, 5e7),
    ]
    result = reconcile(make_doc(figures))
    assert list(result.claims["figure_ids"]) == [(1, 2, 3)]
    assert list(result.claims["quote"]) == ["$31.5 billion"]
    assert list(result.figures["figure_id"]) == [0, 1, 2, 3]
    assert list(result.figures["corrected_value_usd"]) == [31.5e9, 31.5e9, 15.4e9, 16.1e9]


def test_commodity_figures_are_not_the_pairs_flow():
    figures = [
        ("$5 billion", "turnover", "2023", 5e9, 5e8),
        ("$300 million", "exports", "2023", 300e6, 5e5),  # "wheat exports reached $300 million"
        ("$3 billion", "exports", "2023", 3e9, 5e8),
        ("$2 billion", "imports", "2023", 2e9, 5e8),
        ("$2.5 billion", "exports", "2022", 2.5e9, 5e7),
    ]
    claims = [("rose by 20 percent", "pct_change", 20, 0.5, "exports", "2023", "2022")]
    doc = make_doc(figures, claims)
    doc.figures["scope"] = ["all", "commodity", "all", "all", "all"]
    doc.claims["scope"] = ["all"]
    result = reconcile(doc)
    assert list(result.claims["figure_ids"]) == [(2, 4), (0, 2, 3)]
    assert list(result.claims["recomputed"]) == pytest.approx([20.0, 5e9], rel=1e-12)
    assert verdicts(result) == ["consistent", "consistent"]
    assert result.corrections.empty


def test_a_commodity_claim_uses_only_the_figures_tied_to_it():
    figures = [
        ("$300 million", "exports", "2023", 300e6, 5e5),
        ("$3 billion", "exports", "2023", 3e9, 5e8),
        ("$250 million", "exports", "2022", 250e6, 5e5),
        ("$2.5 billion", "exports", "2022", 2.5e9, 5e7),
    ]
    claims = [
        ("rose by 20 percent", "pct_change", 20, 0.5, "exports", "2023", "2022", "", None, 0, 2),
        ("wheat rose by 20 percent", "pct_change", 20, 0.5, "exports", "2023", "2022"),
    ]
    doc = make_doc(figures, claims)
    doc.figures["scope"] = ["commodity", "all", "commodity", "all"]
    doc.claims["scope"] = ["commodity", "commodity"]
    result = reconcile(doc)
    assert list(result.claims["figure_ids"]) == [(0, 2), ()]
    assert verdicts(result) == ["consistent", "unverifiable"]


def test_exports_exceeding_imports_is_a_ratio_of_the_same_period():
    figures = [
        ("$6 billion", "exports", "2023", 6e9, 5e8),
        ("$4 billion", "imports", "2023", 4e9, 5e8),
    ]
    claim = ("exceeded imports 1.5 times", "ratio", 1.5, 0.05, "exports", "2023", "2023")
    claims = [(*claim, "", "imports")]
    result = reconcile(make_doc(figures, claims))
    assert list(result.claims["figure_ids"]) == [(0, 1)]
    assert result.claims["recomputed"].iloc[0] == 1.5
    assert (result.claims["recomputed_low"].iloc[0], result.claims["recomputed_high"].iloc[0]) == (
        pytest.approx((5.5 / 4.5, 6.5 / 3.5), rel=1e-12)
    )
    assert verdicts(result) == ["consistent"]


def test_a_reporter_equal_to_its_partner_counts_as_unknown():
    doc = make_doc(SEED_FIGURES[::2])  # turnover, exports, imports 2023
    doc.figures.loc[2, "reporter_iso3"] = "GBR"  # "imports from the UK" tagged GBR → GBR
    assert list(reconcile(doc).claims["figure_ids"]) == [(0, 1, 2)]


def test_an_amount_of_change_is_never_a_level_in_a_check():
    from analysis.loaders.news import load_news

    doc = load_news(
        "Trade between Kazakhstan and France decreased by $200 million to $4.1 billion in 2023. "
        "Exports amounted to $3.0 billion and imports to $1.1 billion."
    )
    assert list(doc.figures["scope"]) == ["change", "all", "all", "all"]
    result = reconcile(doc)
    assert list(result.claims["figure_ids"]) == [(1, 2, 3)]
    assert list(result.claims["verdict"]) == ["consistent"]
    assert result.corrections.empty


def test_a_balance_of_the_other_side_is_its_imports_minus_its_exports():
    doc = load_news(
        "Kazakhstan's exports to the UK amounted to $650.6 million in 2023, and imports from the "
        "UK to $449.4 million. The negative balance of UK trade with Kazakhstan amounted to "
        "$201.2 million."
    )
    result = reconcile(doc)
    total = result.claims.iloc[0]
    assert (total["kind"], total["flow"], total["figure_ids"]) == ("total", "balance", (2, 1, 0))
    assert total["verdict"] == "consistent"
    assert total["explanation"] == (
        "stated balance 2023 -201.2m (±50k); "
        "449.4m - 650.6m = -201.2m [-201.3m, -201.1m] → consistent"
    )


def test_a_share_of_the_total_after_the_pairs_turnover_is_a_share_of_that_turnover():
    doc = load_news(
        "Trade turnover between Kazakhstan and the UK amounted to $1.18 billion in 2023. Exports "
        "made up $702 million, or 59.5% of the total. Of this amount, imports accounted for "
        "$478.6 million (40.5%)."
    )
    claims = doc.claims
    assert list(zip(claims["quote"], claims["flow"], claims["whole_flow"], strict=True)) == [
        ("59.5% of the total", "exports", "turnover"),
        ("40.5%", "imports", "turnover"),
    ]
    assert list(zip(claims["value_figure_id"], claims["base_figure_id"], strict=True)) == [
        (1, 0),
        (2, 0),
    ]
    assert verdicts(reconcile(doc))[:2] == ["consistent", "consistent"]


def test_an_amount_of_change_takes_its_direction_from_the_readers_vocabulary():
    from analysis.checks.pool import _direction

    # invented: "slumped" is a fall in the reader's vocabulary; "diplomatic" is no "dip"
    assert _direction("Exports slumped by $2 billion", 19) == -1.0
    assert _direction("After diplomatic talks, trade by $2 billion", 26) == 0.0
    assert _direction("Imports rose by $1 billion", 16) == 1.0


@pytest.mark.parametrize(
    ("over_2023", "verdict"),
    [
        # "more than 8.1 billion, sliding down 5.2 percent compared to a year earlier" (Vietnam+
        # on Cambodia–China trade, 2021): 2022's 8.2bn; the change [-2.4%, +9.9%] straddles 0,
        # so a fall of 5.2% fits neither way
        (8.1e9, "inconsistent"),
        # invented: a clear rise of 5.2% stated as a fall fits in size, the direction word is
        # taken as misread
        (8.63e9, "consistent"),
    ],
)
def test_a_direction_is_taken_as_misread_only_when_the_figures_say_which_way(over_2023, verdict):
    figures = [
        ("$x", "turnover", "2023", over_2023, 5e7, "over"),
        ("$y", "turnover", "2022", 8.2e9, 5e7),
    ]
    claim = ("sliding down 5.2 percent", "pct_change", -5.2, 0.05, "turnover", "2023", "2022")
    assert verdicts(reconcile(make_doc(figures, [claim]), correct=False)) == [verdict]


def test_a_products_claim_without_a_figure_is_about_the_next_sentences_figures():
    # Ghana Talks Business (m05 of set 5),
    # https://ghanatalksbusiness.com/2017/07/ghanas-trade-surplus-hits-1-4-billion-dollars-bog/
    doc = load_news(
        "Ghana’s total exports increased by 2 billion dollars to 7.159 billion dollars as at June "
        "2017.\nGhana’s oil exports tripled within the one year period.\nThe country exported "
        "1.24 billion dollars worth of oil as at June 2017; up from the 408.3 million dollars "
        "worth of oil exports."
    )
    claims = reconcile(doc).claims
    tripled = claims[claims["quote"] == "tripled"].iloc[0]
    assert tripled["verdict"] == "consistent"
    quotes = [
        doc.figures.loc[doc.figures["figure_id"] == i, "quote"].item()
        for i in tripled["figure_ids"]
    ]
    assert quotes == ["1.24 billion dollars", "408.3 million dollars"]
