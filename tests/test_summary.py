"""Report tables and plain-words sentences, on inline tables shaped like the seed and ONS file."""

from math import nan
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

from analysis import summary
from analysis.loaders.news import FIGURE_COLUMNS


def _figures(rows):
    return pd.DataFrame(
        [
            (
                "seed.txt",
                i,
                q,
                0,
                len(q),
                "",
                flow,
                period,
                rep,
                par,
                value,
                0.0,
                "",
                "all",
                nan,
                used,
            )
            for i, (q, flow, period, rep, par, value, used) in enumerate(rows)
        ],
        columns=[*FIGURE_COLUMNS, "corrected_value_usd"],
    )


SEED_FIGURES = _figures(
    [
        ("$1.18 billion", "turnover", "2023", "KAZ", "GBR", 1.18e9, 1.18e9),
        ("$1.84 billion", "turnover", "2022", "KAZ", "GBR", 1.84e9, 1.84e9),
        ("$702 million", "exports", "2023", "KAZ", "GBR", 702e6, 702e6),
        ("$1.46 billion", "exports", "2022", "KAZ", "GBR", 1.46e9, 1.46e9),
        ("$478.6 million", "imports", "2023", "KAZ", "GBR", 478.6e6, 478.6e6),
        ("$384.3 billion", "imports", "2022", "KAZ", "GBR", 384.3e9, 384.3e6),
    ]
)
CORRECTIONS = pd.DataFrame(
    [(5, "$384.3 billion", 2087, 2101, 384.3e9, 384.3e6, "million, not billion")],
    columns=[
        "figure_id",
        "quote",
        "start",
        "end",
        "stated_value_usd",
        "suggested_value_usd",
        "reason",
    ],
)


def _ons(rows):
    """A load_ons_trade-like table: (partner, name, period, flow, £, US$ per £)."""
    return pd.DataFrame(
        [
            {
                "reporter_iso3": "GBR",
                "partner_iso3": p,
                "period": y,
                "flow": f,
                "commodity_code": "TOTAL",
                "value_usd": gbp * rate,
                "source": "ONS",
                "file": "ons.csv",
                "partner_name": name,
                "value_gbp": gbp,
                "usd_per_gbp": rate,
            }
            for p, name, y, f, gbp, rate in rows
        ]
    )


RATES = {"2022": 1.2371, "2023": 1.2440}
ONS = _ons(
    [
        ("KAZ", "Kazakhstan", "2022", "imports", 1256e6, RATES["2022"]),
        ("KAZ", "Kazakhstan", "2022", "exports", 326e6, RATES["2022"]),
        ("KAZ", "Kazakhstan", "2023", "imports", 464e6, RATES["2023"]),
        ("KAZ", "Kazakhstan", "2023", "exports", 369e6, RATES["2023"]),
        ("SHN", "St Helena", "2022", "exports", 16e6, RATES["2022"]),
        ("SHN", "St Helena", "2022", "imports", 0.0, RATES["2022"]),
        ("SHN", "St Helena", "2023", "exports", 20e6, RATES["2023"]),
        ("SHN", "St Helena", "2023", "imports", 0.0, RATES["2023"]),
    ]
)


def test_stated_table_uses_corrected_values_and_keeps_quotes():
    stated = summary.build_stated_trade_table(SEED_FIGURES, "KAZ", "GBR")
    assert stated[["period", "flow", "value_usd", "quote", "stated_value_usd"]].values.tolist() == [
        ["2022", "exports", 1.46e9, "$1.46 billion", 1.46e9],
        ["2022", "imports", 384.3e6, "$384.3 billion", 384.3e9],
        ["2023", "exports", 702e6, "$702 million", 702e6],
        ["2023", "imports", 478.6e6, "$478.6 million", 478.6e6],
    ]
    assert list(stated.columns[:8]) == [
        "reporter_iso3",
        "partner_iso3",
        "period",
        "flow",
        "commodity_code",
        "value_usd",
        "source",
        "file",
    ]


def test_stated_table_keeps_first_mention_and_only_the_pair():
    figures = _figures(
        [
            ("$1 billion", "exports", "2023", "KAZ", "GBR", 1e9, 1e9),
            ("$2 billion", "exports", "2023", "KAZ", "GBR", 2e9, 2e9),
            ("$3 billion", "exports", "2023", "KAZ", "CHN", 3e9, 3e9),
            ("$4 billion", "exports", "", "KAZ", "GBR", 4e9, 4e9),
        ]
    )
    stated = summary.build_stated_trade_table(figures, "KAZ", "GBR")
    assert stated["quote"].tolist() == ["$1 billion"]
    assert summary.build_stated_trade_table(figures, "GBR", "DEU").empty


def test_stated_table_leaves_out_figures_of_one_product():
    figures = _figures(
        [
            ("$5 million", "exports", "2023", "KAZ", "GBR", 5e6, 5e6),
            ("$702 million", "exports", "2023", "KAZ", "GBR", 702e6, 702e6),
        ]
    ).assign(scope=["commodity", "all"])
    stated = summary.build_stated_trade_table(figures, "KAZ", "GBR")
    assert stated["quote"].tolist() == ["$702 million"]


def test_changes_reproduce_the_seed_decline_and_contributions():
    stated = summary.build_stated_trade_table(SEED_FIGURES, "KAZ", "GBR")
    wide, changes = summary.compute_stated_changes(stated, "2022", "2023")
    by = changes.set_index("flow")
    assert by.at["turnover", "base_value_usd"] == pytest.approx(1844.3e6)
    assert by.at["turnover", "change_pct"] == pytest.approx(-35.98655, abs=1e-5)
    assert by.at["exports", "contribution_pp"] == pytest.approx(-41.09960, abs=1e-5)
    assert by.at["imports", "contribution_pp"] == pytest.approx(5.11305, abs=1e-5)
    assert wide["coverage_ratio"].round(4).tolist() == [3.7991, 1.4668]


def test_decline_sentences_are_written_from_the_numbers():
    stated = summary.build_stated_trade_table(SEED_FIGURES, "KAZ", "GBR")
    wide, changes = summary.compute_stated_changes(stated, "2022", "2023")
    assert summary.write_decline_sentences(changes, wide, "Kazakhstan", "the United Kingdom") == [
        "Kazakhstan's goods trade turnover with the United Kingdom fell 36.0%, from $1.84 billion "
        "in 2022 to $1.18 billion in 2023.",
        "Exports drove the change: they contributed −41.1 percentage points ($1.46 billion → "
        "$702.0 million), while imports contributed +5.1 percentage points ($384.3 million → "
        "$478.6 million).",
        "Kazakhstan's balance went from a surplus of $1.08 billion to a surplus of $223.4 million; "
        "exports covered imports 3.80 times in 2022 and 1.47 times in 2023.",
    ]


def test_mirror_table_swaps_flows_and_converts_pounds():
    stated = summary.build_stated_trade_table(SEED_FIGURES, "KAZ", "GBR")
    mirror = summary.build_mirror_table(stated, ONS, "KAZ", "GBR", ["2022", "2023"])
    expected = pd.DataFrame(
        {
            "flow": ["exports", "exports", "imports", "imports"],
            "period": ["2022", "2023", "2022", "2023"],
            "stated_value_usd": [1.46e9, 702e6, 384.3e6, 478.6e6],
            "uk_flow": ["imports", "imports", "exports", "exports"],
            "uk_value_gbp": [1256e6, 464e6, 326e6, 369e6],
            "usd_per_gbp": [1.2371, 1.2440, 1.2371, 1.2440],
            "uk_value_usd": [1256e6 * 1.2371, 464e6 * 1.2440, 326e6 * 1.2371, 369e6 * 1.2440],
        }
    )
    expected["gap_usd"] = expected["uk_value_usd"] - expected["stated_value_usd"]
    expected["gap_pct"] = expected["gap_usd"] / expected["stated_value_usd"] * 100
    pdt.assert_frame_equal(mirror, expected)


def test_mirror_growth_and_sentences():
    stated = summary.build_stated_trade_table(SEED_FIGURES, "KAZ", "GBR")
    mirror = summary.build_mirror_table(stated, ONS, "KAZ", "GBR", ["2022", "2023"])
    growth = summary.compute_mirror_growth(mirror, "2022", "2023")
    assert growth["uk_change_gbp_pct"].round(2).tolist() == [-63.06, 13.19]
    assert growth["stated_change_pct"].round(2).tolist() == [-51.92, 24.54]
    sentences = summary.write_mirror_sentences(
        growth, mirror, "Kazakhstan", "the United Kingdom", "2022", "2023"
    )
    assert sentences[0] == (
        "Kazakhstan reports its exports to the United Kingdom changed −51.9%; the UK's own "
        "statistics for the same trade (UK imports, £1,256m → £464m) show −63.1% in pounds and "
        "−62.9% in US dollars: both sources show a fall, the UK's 10.9 percentage points larger, "
        "so the direction does not depend on whose statistics are read."
    )


def test_summary_for_the_seed_pair_has_decline_correction_and_mirror():
    stated = summary.build_stated_trade_table(SEED_FIGURES, "KAZ", "GBR")
    sentences = summary.write_summary(stated, CORRECTIONS, ONS, "KAZ", "GBR", "2022", "2023")
    assert sentences[0].startswith(
        "As stated in the document, Kazakhstan's goods trade turnover with the United Kingdom "
        "fell 36.0%"
    )
    assert sentences[3] == (
        "The text writes “$384.3 billion”; its own figures imply $384.3 million, the value this "
        "report uses."
    )
    assert len(sentences) == 6


def test_summary_for_a_pair_the_document_does_not_cover():
    stated = summary.build_stated_trade_table(SEED_FIGURES, "GBR", "SHN")
    sentences = summary.write_summary(
        stated, CORRECTIONS.iloc[:0], ONS, "GBR", "SHN", "2022", "2023"
    )
    assert sentences[0].startswith(
        "The document does not state the United Kingdom's goods trade with St Helena as the United "
        "Kingdom reports it (GBR-SHN: exports 2022, imports 2022, exports 2023, imports 2023)"
    )
    assert sentences[1] == (
        "According to the UK's official statistics (ONS, converted to US$), the United Kingdom's "
        "goods trade turnover with St Helena rose 25.7%, from $19.8 million in 2022 to "
        "$24.9 million in 2023."
    )
    assert sentences[-1].endswith("the coverage ratio is undefined (no imports in a year).")


def test_counterpart_needs_exactly_one_uk():
    assert summary.counterpart_iso3("KAZ", "GBR") == "KAZ"
    assert summary.counterpart_iso3("GBR", "DEU") == "DEU"
    with pytest.raises(ValueError, match="one of reporter and partner must be GBR"):
        summary.counterpart_iso3("KAZ", "DEU")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.18e9, "$1.18 billion"),
        (702e6, "$702.0 million"),
        (-758e6, "−$758.0 million"),
        (float("nan"), "n/a"),
    ],
)
def test_format_usd(value, text):
    assert summary.format_usd(value) == text


def test_format_pct_and_gbp():
    assert summary.format_pct(-35.9866) == "−36.0%"
    assert summary.format_pct(5.113, " pp") == "+5.1 pp"
    assert summary.format_gbp(1256e6) == "£1,256m"


def test_country_names_read_naturally():
    assert summary.country_name("GBR") == "the United Kingdom"
    assert summary.country_name("KAZ") == "Kazakhstan"
    assert summary.country_name("SHN", {"SHN": "St Helena"}) == "St Helena"
    assert summary.write_headline("KAZ", "GBR", "2022", "2023", {}) == (
        "Goods trade between Kazakhstan and the United Kingdom, 2022 → 2023"
    )


def test_display_format_names_units():
    table = pd.DataFrame(
        {
            "period": ["2022"],
            "value_usd": [1.5538e9],
            "value_gbp": [1.256e9],
            "usd_per_gbp": [1.23712],
            "change_pct": [-3.21],
            "coverage_ratio": [3.799],
        }
    )
    shown = summary.format_for_display(table)
    assert shown.columns.tolist() == [
        "period",
        "value (US$ m)",
        "value (£ m)",
        "US$ per £",
        "change (%)",
        "coverage ratio",
    ]
    assert shown.iloc[0].tolist() == ["2022", "1,553.8", "1,256", "1.2371", "-3.2", "3.80"]


def test_html_rendering_escapes_document_text():
    table = pd.DataFrame(
        {"quote": ["<script>alert(1)</script>"], "sentence": ["<img src=x onerror=alert(1)>"]}
    )
    body = summary.render_table_html(table, source="<b>file</b>")
    assert "<script>" not in body and "<img" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert summary.render_paragraphs_html(["a <i>b</i>"]) == (
        '<ul class="summary"><li>a &lt;i&gt;b&lt;/i&gt;</li></ul>'
    )


def test_flow_shares_add_to_100_each_period():
    stated = summary.build_stated_trade_table(SEED_FIGURES, "KAZ", "GBR")
    wide, _ = summary.compute_stated_changes(stated, "2022", "2023")
    shares = summary.compute_flow_shares(wide)
    assert shares["share_pct"].round(2).tolist() == [79.16, 20.84, 59.46, 40.54]


FIXTURES = Path(__file__).parent / "fixtures"
COMTRADE_FILES = [
    FIXTURES / "comtrade_plus" / "kaz_gbr_2022_2023.csv",  # KAZ's own, with HS chapters
    FIXTURES / "comtrade_plus" / "gbr_kaz_2022_2023.json",  # the UK's, totals only
]


@pytest.fixture(scope="module")
def official():
    return summary.load_official_trade(COMTRADE_FILES, "KAZ", "GBR", "2022", "2023")


def test_official_trade_holds_summarize_pieces(official):
    assert (official.note, official.composition_note, official.mirror_note) == ("", "", "")
    assert official.files == ("kaz_gbr_2022_2023.csv", "gbr_kaz_2022_2023.json")
    changes = official.contributions.set_index("flow")
    assert changes.at["exports", "change_usd"] == -760e6
    assert changes.at["turnover", "change_pct"] == pytest.approx(-665.7 / 1844.3 * 100)
    assert official.composition_flow == "turnover"
    assert official.mirror_caveat.startswith("Mirror figures never match exactly.")
    assert len(official.exclusions) == 6


def test_section_contributions_add_up_to_each_flow_change(official):
    table = summary.build_section_contributions(official.by_section)
    assert table["hs_section"].tolist() == ["II", "V", "XIV", "VI", "XVI", "XVII", "all goods"]
    by = table.set_index("hs_section")
    # hand-computed from the fixture: section V exports 900 → 300 (US$ m), exports 1,460 → 700,
    # imports 384.3 → 478.6, section XVI (chapter 84) imports 200 → 260
    assert by.at["V", "exports_contribution_pp"] == pytest.approx(-600 / 1460 * 100)
    assert by.at["V", "imports_contribution_pp"] == 0.0
    assert by.at["V", "turnover_contribution_pp"] == pytest.approx(-600 / 1844.3 * 100)
    assert by.at["XVI", "imports_contribution_pp"] == pytest.approx(60 / 384.3 * 100)
    assert by.at["XVI", "turnover_change_usd"] == 60e6
    total = by.loc["all goods"]
    assert total["exports_contribution_pp"] == pytest.approx(-760 / 1460 * 100)
    assert total["imports_contribution_pp"] == pytest.approx(94.3 / 384.3 * 100)
    assert total["turnover_contribution_pp"] == pytest.approx(-665.7 / 1844.3 * 100)
    assert total["turnover_change_usd"] == pytest.approx(-665.7e6)


def test_top_movers_rank_by_change_in_dollars(official):
    movers = summary.build_top_movers(official.by_section, "turnover", 3)
    assert movers["hs_section"].tolist() == ["V", "XIV", "XVI"]
    assert movers["change_usd"].tolist() == [-600e6, -120e6, 60e6]
    assert list(movers.columns) == [
        "hs_section",
        "hs_section_title",
        "base_value_usd",
        "value_usd",
        "change_usd",
        "change_pct",
        "contribution_pp",
        "share_pct",
    ]


def test_official_sentences_and_mirror_display(official):
    sentences = summary.write_official_sentences(
        official, "Kazakhstan", "the United Kingdom", "2022", "2023"
    )
    assert sentences == [
        "In Kazakhstan's official statistics (kaz_gbr_2022_2023.csv, gbr_kaz_2022_2023.json), "
        "the HS section that moved turnover most was V (Mineral products): −$600.0 million from "
        "2022 to 2023, −32.5 percentage points of the −36.1% change in turnover.",
        "The United Kingdom's own statistics put its 2023 imports from Kazakhstan at $730.0 "
        "million, against $700.0 million of exports Kazakhstan reports (the United Kingdom's figure is "
        "4.3% higher; see why mirror figures differ).",
    ]
    shown = summary.build_official_mirror_display(official.mirror, "KAZ", "GBR")
    assert shown.columns.tolist() == [
        "flow (KAZ reports)",
        "mirror flow (GBR reports)",
        "period",
        "KAZ figure (US$ m)",
        "GBR figure (US$ m)",
        "gap, GBR − KAZ (US$ m)",
        "gap (% of the KAZ figure)",
    ]
    assert shown.iloc[1].tolist() == ["exports", "imports", "2023", "700.0", "730.0"] + [
        "30.0",
        "+4.3",
    ]
    assert shown.iloc[2].tolist() == ["imports", "exports", "2022", "384.3", "370.0"] + [
        "-14.3",
        "-3.7",
    ]


def test_official_trade_notes_when_files_cannot_give_the_sections():
    none = summary.load_official_trade([], "KAZ", "GBR", "2022", "2023")
    assert none.note.startswith(
        "Composition by HS section and mirror from official trade files: no file was given;"
    )
    assert "--trade-file PATH" in none.note and none.by_section.empty
    assert summary.write_official_sentences(none, "Kazakhstan", "the UK", "2022", "2023") == []
    other = summary.load_official_trade(COMTRADE_FILES[:1], "GBR", "DEU", "2022", "2023")
    assert other.note == (
        "Composition by HS section and mirror from official trade files: the files given "
        "(kaz_gbr_2022_2023.csv) do not cover the United Kingdom's trade with Germany in 2022 and "
        "2023 (no data reported by GBR for partner DEU; the files hold KAZ→GBR, KAZ→WLD)."
    )
    imf = summary.load_official_trade(
        [FIXTURES / "imf" / "imts_kaz_gbr_millions.csv"], "KAZ", "GBR", "2022", "2023"
    )
    assert imf.note == "" and imf.by_section.empty and imf.mirror.empty
    assert imf.composition_note.startswith("Not covered: the files give Kazakhstan's totals")
    assert imf.mirror_note.startswith("Not covered: the files hold no figures reported by the")
    assert "\n" not in imf.composition_note + imf.mirror_note + other.note + none.note


def test_mirror_note_names_the_partner_it_is_about():
    note = summary.write_mirror_note("the United States")
    assert "while the United States' are usually customs statistics" in note
    assert "the UK records imports by country of origin, the United States its exports" in note
    assert "Kazakhstan" not in note
