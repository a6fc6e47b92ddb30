"""Report charts: values drawn, alternative text, deterministic PNG bytes."""

import pandas as pd
import pytest

from analysis import maths, plots

LONG = pd.DataFrame(
    [
        ("KAZ", "GBR", "2022", "exports", 1460e6),
        ("KAZ", "GBR", "2022", "imports", 384.3e6),
        ("KAZ", "GBR", "2023", "exports", 702e6),
        ("KAZ", "GBR", "2023", "imports", 478.6e6),
    ],
    columns=["reporter_iso3", "partner_iso3", "period", "flow", "value_usd"],
)
WIDE = maths.pivot_flows(LONG)
CHANGES = maths.compute_changes(WIDE, "2022", "2023")
MIRROR = pd.DataFrame(
    {
        "flow": ["exports", "exports", "imports", "imports"],
        "period": ["2022", "2023", "2022", "2023"],
        "stated_value_usd": [1460e6, 702e6, 384.3e6, 478.6e6],
        "uk_flow": ["imports", "imports", "exports", "exports"],
        "uk_value_usd": [1553.8e6, 577.2e6, 403.3e6, 459.0e6],
    }
)


def _bar_heights_m(chart):
    return [round(p.get_height(), 1) for p in chart.figure.axes[0].patches]


def test_bridge_goes_from_base_turnover_through_each_change():
    chart = plots.plot_bridge(CHANGES, "2022", "2023", "Bridge", "seed.txt")
    bars = chart.figure.axes[0].patches
    assert [round(b.get_y(), 1) for b in bars] == [0.0, 1086.3, 1086.3, 0.0]
    assert _bar_heights_m(chart) == [1844.3, 758.0, 94.3, 1180.6]
    assert chart.alt_text == (
        "Bridge chart, Bridge. Turnover $1.84 billion in 2022; exports changed by −$758.0 million "
        "and imports by $94.3 million; turnover $1.18 billion in 2023."
    )


def test_flows_chart_draws_each_flow_each_period_in_millions():
    chart = plots.plot_flows_by_period(WIDE, "Flows", "seed.txt")
    assert _bar_heights_m(chart) == [1460.0, 702.0, 384.3, 478.6]
    assert chart.figure.axes[0].get_ylabel() == "US$ millions"
    assert "exports: $1.46 billion in 2022, $702.0 million in 2023" in chart.alt_text


def test_mirror_and_balance_charts_carry_their_numbers():
    mirror = plots.plot_mirror(MIRROR, "Kazakhstan", "Mirror", "seed.txt and ons.csv")
    assert _bar_heights_m(mirror) == [1460.0, 702.0, 384.3, 478.6, 1553.8, 577.2, 403.3, 459.0]
    assert "exports 2023: $702.0 million stated, $577.2 million in the UK's figures (imports)" in (
        mirror.alt_text
    )
    balance = plots.plot_balance_coverage(WIDE, "Balance", "seed.txt")
    assert _bar_heights_m(balance) == [1075.7, 223.4]
    assert [round(p.get_height(), 2) for p in balance.figure.axes[1].patches] == [3.80, 1.47]
    assert balance.alt_text.endswith("2023: balance $223.4 million, coverage 1.47.")


def test_every_chart_has_a_source_line():
    chart = plots.plot_flows_by_period(WIDE, "Flows", "seed.txt")
    assert [t.get_text() for t in chart.figure.texts] == ["Source: seed.txt"]


@pytest.mark.parametrize(
    "build",
    [
        lambda: plots.plot_bridge(CHANGES, "2022", "2023", "Bridge", "s"),
        lambda: plots.plot_balance_coverage(WIDE, "Balance", "s"),
    ],
)
def test_png_is_byte_identical_across_renders_and_has_no_software_stamp(build):
    first, second = plots.render_png(build().figure), plots.render_png(build().figure)
    assert first == second
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Software" not in first and b"matplotlib version" not in first


BY_SECTION = pd.DataFrame(
    {
        "hs_section": ["II", "V", "VI", "II", "V", "VI"],
        "hs_section_title": ["Vegetable products", "Mineral products", "Chemicals"] * 2,
        "flow": ["exports", "exports", "imports", "turnover", "turnover", "turnover"],
        "change_usd": [-40e6, -600e6, 30e6, -40e6, -600e6, 30e6],
        "contribution_pp": [-2.7, -41.1, 7.8, -2.2, -32.5, 1.6],
        "turnover_contribution_pp": [-2.2, -32.5, 1.6, -2.2, -32.5, 1.6],
    }
)


def test_section_contributions_chart_sorts_by_size_and_labels_points_and_dollars():
    chart = plots.plot_section_contributions(BY_SECTION, "Sections", "comtrade.csv")
    axes = chart.figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        "V Mineral products",
        "II Vegetable products",
        "VI Chemicals",
    ]
    widths = [None if pd.isna(p.get_width()) else round(p.get_width(), 1) for p in axes.patches]
    assert widths == [-32.5, -2.2, None, None, None, 1.6]  # exports bars, then imports bars
    labels = [t.get_text() for t in axes.texts]
    assert "−32.5 pp (−600.0)" in labels and "+1.6 pp (+30.0)" in labels
    assert chart.alt_text == (
        "Horizontal bar chart, Sections. section V (Mineral products) exports −32.5 percentage "
        "points (−$600.0 million); section II (Vegetable products) exports −2.2 percentage points "
        "(−$40.0 million); section VI (Chemicals) imports +1.6 percentage points ($30.0 million)."
    )
    assert [t.get_text() for t in chart.figure.texts][-1] == "Source: comtrade.csv"
    assert "turnover" in axes.get_xlabel()


def test_section_contributions_chart_without_turnover_uses_the_flow_change():
    exports = BY_SECTION[BY_SECTION["flow"].eq("exports")].assign(turnover_contribution_pp=None)
    chart = plots.plot_section_contributions(exports, "Exports", "tidy.csv")
    widths = [round(p.get_width(), 1) for p in chart.figure.axes[0].patches]
    assert widths == [-41.1, -2.7]
    assert "base year's exports" in chart.figure.axes[0].get_xlabel()
