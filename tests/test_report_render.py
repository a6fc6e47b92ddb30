"""report.html, tables/*.csv and report.json written from one ReportData."""

import json

import pandas as pd
import pytest

from analysis.report import data, render
from analysis.report.formatting import format_cell, format_pct, format_usd, format_usd_m
from analysis.report.model import ReportData, Section, Table, Text


@pytest.fixture(scope="module")
def report():
    inputs = data.ReportInputs(
        "KAZ", "GBR", "2022", "2023", text_path=data.default_text_path("KAZ", "GBR")
    )
    return data.build_report_data(data.load_sources(inputs))


@pytest.fixture(scope="module")
def written(report, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    return folder, render.write_report_files(report, folder)


def test_files_are_written_only_inside_the_folder(written):
    folder, files = written
    assert files[:2] == [folder / "report.html", folder / "report.json"]
    assert all(folder in path.parents for path in files)
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == sorted(p.name for p in files)


def test_every_table_is_a_utf8_csv_with_units_in_column_names(report, written):
    folder, _ = written
    for table in report.tables:
        frame = pd.read_csv(
            folder / render.table_link(table), encoding="utf-8", dtype={"period": str}
        )
        assert list(frame.columns) == list(table.frame.columns)
        assert len(frame) == len(table.frame)
    monthly = pd.read_csv(folder / "tables" / "monthly.csv")
    assert {"exports_gbp", "imports_gbp", "exports_usd", "imports_usd"} <= set(monthly.columns)


def test_json_is_the_report_minus_images(report, written):
    folder, _ = written
    loaded = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert [s["key"] for s in loaded["sections"]] == [s.key for s in report.sections]
    blocks = [b for s in loaded["sections"] for b in s["blocks"]]
    assert all("png" not in b and "base64" not in b for b in blocks)
    assert sum(b["type"] == "table" for b in blocks) == len(report.tables)


def test_html_links_every_download_and_embeds_charts(report, written):
    folder, _ = written
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert '<a href="report.json">' in page
    for table in report.tables:
        assert f'href="{render.table_link(table)}"' in page
    assert page.count("data:image/png;base64,") == len(report.charts)
    assert "http://" not in page and "https://" not in page


def test_html_is_identical_for_identical_data(report):
    assert render.render_report_html(report) == render.render_report_html(report)


def test_document_text_is_escaped():
    hostile = ReportData(
        "t",
        "KAZ",
        "GBR",
        "2022",
        "2023",
        (
            Section(
                "summary",
                "In brief",
                (
                    Text(("<script>alert(1)</script>",)),
                    Table("x", 1, "<b>cap</b>", "src", pd.DataFrame({"quote": ["<i>q</i>"]})),
                ),
            ),
        ),
    )
    page = render.render_report_html(hostile)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<i>q</i>" not in page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (format_pct(-47.0526), "−47.1%"),
        (format_pct(24.5), "+24.5%"),
        (format_pct(59.4, plus=False, decimals=0), "59%"),
        (format_usd(1.18e9), "$1.18 billion"),
        (format_usd_m(1_957_127_000), "$1,957m"),
        (format_cell("value_usd", 403_301_772.4, {"value_usd": 0}), "403"),
        (format_cell("change_usd", -976_611_300.0), "−976.6"),
        (format_cell("change_usd", 55_732_600.0), "+55.7"),
        (format_cell("share_pct", 52.4), "52.4"),
        (format_cell("value_gbp", 1.256e9), "1,256"),
    ],
)
def test_signs_and_precision(text, expected):
    assert text == expected
