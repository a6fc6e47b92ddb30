"""ReportData from the real inputs: the default KAZ–GBR report, a pair without text, bad inputs."""

import pickle
from dataclasses import replace

import pytest

from analysis import paths
from analysis.report import data
from analysis.report.model import SECTION_TITLES, Chart, Table, Text


def _paragraphs(report, key: str) -> str:
    section = report.section(key)
    return " ".join(p for b in section.blocks if isinstance(b, Text) for p in b.paragraphs)


@pytest.fixture(scope="module")
def default_inputs():
    return data.ReportInputs(
        "KAZ", "GBR", "2022", "2023", text_path=data.default_text_path("KAZ", "GBR")
    )


@pytest.fixture(scope="module")
def sources(default_inputs):
    return data.load_sources(default_inputs)


@pytest.fixture(scope="module")
def report(sources):
    return data.build_report_data(sources)


@pytest.fixture(scope="module")
def germany(sources):
    return data.build_report_data(data.sources_for_partner(sources, "DEU"))


def test_the_seed_is_the_default_text_only_for_kaz_gbr():
    assert data.default_text_path("KAZ", "GBR") == paths.DEFAULT_SEED
    assert data.default_text_path("GBR", "DEU") is None
    assert data.default_text_path("GBR", "KAZ") is None


def test_every_section_in_order_each_content_or_a_reason(report, germany):
    for built in (report, germany):
        assert [s.key for s in built.sections] == list(SECTION_TITLES)
        for section in built.sections:
            assert bool(section.blocks) != bool(section.not_covered), section.key


def test_headline_states_the_finding_computed_from_the_ons_figures(report):
    headline = _paragraphs(report, "headline")
    assert headline.startswith("Kazakhstan–UK goods trade fell 47% from 2022 to 2023")
    assert "UK imports from Kazakhstan" in headline
    assert "Feb–Mar 2022" in headline


def test_summary_gives_the_uk_side_turnover_change_beside_the_articles(report):
    summary = _paragraphs(report, "summary")
    assert "from $1,957m in 2022 to $1,036m in 2023" in summary
    assert "−47.1%" in summary
    assert "(it states −36%)" in summary
    assert "The article writes “$384.3 billion”; its own figures imply $384.3 million" in summary
    assert "Kazakhstan reports" not in summary


def test_claims_shown_as_written_and_after_correction(report):
    claims = next(t for t in report.tables if t.key == "text-claims").frame
    row = claims.set_index("quote").loc["increased by 24.5 percent"]
    assert row["verdict_as_written"] == "inconsistent"
    assert row["verdict_corrected"] == "consistent"


def test_text_figures_are_numbered_from_one(report):
    figures = next(t for t in report.tables if t.key == "text-figures").frame
    assert figures["figure_number"].tolist() == list(range(1, len(figures) + 1))


def test_tables_and_charts_are_numbered_from_one_in_reading_order(report):
    assert [t.number for t in report.tables] == list(range(1, len(report.tables) + 1))
    assert [c.number for c in report.charts] == list(range(1, len(report.charts) + 1))
    assert all(isinstance(c, Chart) and c.png.startswith(b"\x89PNG") for c in report.charts)
    assert all(c.alt_text.strip() for c in report.charts)


def test_monthly_table_holds_the_feb_mar_2022_spike_in_pounds(report):
    monthly = next(t for t in report.tables if t.key == "monthly").frame.set_index("month")
    assert monthly.at["2022-02", "imports_gbp"] == 603e6
    assert monthly.at["2022-03", "imports_gbp"] == 446e6
    assert monthly.index[0] == "2021-01" and monthly.index[-1] == "2023-12"


def test_two_bases_side_by_side(report):
    bases = next(t for t in report.tables if t.key == "monthly-vs-annual").frame
    row = bases.set_index(["flow", "year"]).loc[("imports", "2022")]
    assert (row["monthly_sum_gbp"], row["annual_bop_gbp"]) == (1784e6, 1256e6)


def test_one_gap_convention_stated_once(report):
    texts = [
        p for s in report.sections for b in s.blocks if isinstance(b, Text) for p in b.paragraphs
    ]
    assert sum("Mirror gap =" in p for p in texts) == 1


def test_a_pair_without_text_is_official_statistics_only_and_says_so_once(germany):
    texts = [
        p for s in germany.sections for b in s.blocks if isinstance(b, Text) for p in b.paragraphs
    ]
    assert sum("official statistics only" in p for p in texts) == 1
    assert not any("384.3" in p or "article" in p.lower() for p in texts)
    assert germany.section("text").not_covered
    assert "Germany" in _paragraphs(germany, "headline")


def test_report_data_is_picklable_and_deterministic(report, sources):
    again = data.build_report_data(sources)
    assert pickle.dumps(report) == pickle.dumps(again)


def test_no_precision_beyond_the_source_in_ons_money(report):
    table = next(t for t in report.tables if t.key == "uk-annual-trade")
    assert table.decimals["value_usd"] == 0
    assert "403,301,772" not in " ".join(
        p for s in report.sections for b in s.blocks if isinstance(b, Text) for p in b.paragraphs
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"partner_iso3": "XYZ"}, "not an ISO 3166 alpha-3"),
        ({"reporter_iso3": "DEU", "partner_iso3": "FRA"}, "one of the pair must be GBR"),
        ({"base_period": "2023", "period": "2022"}, "must be earlier"),
        ({"period": "2030"}, "not a year of the ONS file"),
        ({"text_path": paths.PROJECT_DIR / "no-such.txt"}, "no such file"),
    ],
)
def test_bad_input_is_one_line_naming_what_and_how_to_fix(default_inputs, change, message):
    with pytest.raises(data.InputError) as error:
        data.load_sources(replace(default_inputs, **change))
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_an_empty_text_file_is_refused(default_inputs, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(data.InputError, match="empty.txt"):
        data.load_sources(replace(default_inputs, text_path=empty))


def test_trade_files_add_composition_and_files_mirror(default_inputs):
    fixtures = paths.PROJECT_DIR / "tests" / "fixtures" / "comtrade_plus"
    inputs = replace(
        default_inputs,
        trade_files=(fixtures / "kaz_gbr_2022_2023.csv", fixtures / "gbr_kaz_2022_2023.json"),
    )
    built = data.build_report_data(data.load_sources(inputs))
    assert not built.section("composition").not_covered
    assert not built.section("files_mirror").not_covered
    keys = {t.key for t in built.tables}
    assert {"hs-sections", "files-mirror"} <= keys
    assert isinstance(built.section("files_mirror").blocks[1], Table)


@pytest.mark.parametrize("partner", ["TLS", "PRK", "AZE"])
def test_partners_with_gaps_in_the_monthly_file(sources, partner):
    """TLS is not in the monthly file, PRK has no month with trade, AZE lacks one month."""
    built = data.build_report_data(data.sources_for_partner(sources, partner))
    monthly = built.section("monthly")
    if partner == "TLS":
        assert "Not covered" in monthly.not_covered and partner in monthly.not_covered
    else:
        table = next(t for t in built.tables if t.key == "monthly").frame
        assert len(table) == 36 and table[["exports_gbp", "imports_gbp"]].notna().all(axis=None)
    assert _paragraphs(built, "headline")


def test_a_batch_loads_the_official_tables_once_and_reuses_them(default_inputs):
    shared = data.load_official_sources(default_inputs)
    for partner in ("DEU", "KAZ"):
        sources = data.sources_for_partner(shared, partner)
        assert sources.ons is shared.ons and sources.monthly is shared.monthly
        assert sources.document is None and sources.inputs.reporter_iso3 == "GBR"
    one = data.load_sources(default_inputs)  # a single report keeps only its partner's months
    assert set(one.monthly["partner_iso3"]) == {"KAZ"}
    assert data.sources_for_partner(one, "DEU").monthly["partner_iso3"].eq("DEU").all()


def test_a_bad_ons_row_of_another_partner_is_listed_not_fatal(default_inputs, tmp_path):
    lines = paths.ONS_TRADE_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[5].startswith("Austria,AT,AUT,")
    edited = tmp_path / "ons.csv"
    edited.write_text("".join(lines[:5] + [lines[5].rsplit(",", 1)[0] + ",inf\n"] + lines[6:]))
    kaz = data.load_sources(replace(default_inputs, ons_path=edited))
    assert "line 6" in " ".join(kaz.ons_exclusions["reason"].astype(str))
    austria = replace(default_inputs, reporter_iso3="GBR", partner_iso3="AUT", text_path=None)
    with pytest.raises(data.InputError, match=r"^ons\.csv: line 6: .*'inf' is not a fin"):
        data.load_sources(replace(austria, ons_path=edited))
