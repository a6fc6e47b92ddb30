"""Chart images hold neither the title nor the source line: the caption gives them, once."""

import html

import matplotlib.text

from analysis.report import charts, data, render


def test_the_title_and_source_are_in_the_caption_not_in_the_image(monkeypatch):
    drawn = []
    original = charts.render_png

    def capture(figure):
        drawn.append([t.get_text() for t in figure.findobj(matplotlib.text.Text)])
        return original(figure)

    monkeypatch.setattr(charts, "render_png", capture)
    inputs = data.ReportInputs(
        "KAZ", "GBR", "2022", "2023", text_path=data.default_text_path("KAZ", "GBR")
    )
    report = data.build_report_data(data.load_sources(inputs))
    assert len(drawn) == len(report.charts) == 3
    page = html.unescape(render.render_report_html(report))
    for chart, texts in zip(report.charts, drawn, strict=True):
        words = " ".join(texts)
        assert chart.title not in words and "Source" not in words
        assert chart.source.split(";")[0] not in words
        assert f"Chart {chart.number}. {chart.title}</figcaption>" in page
        assert f"Source: {chart.source}" in page
        assert chart.alt_text.startswith(("Bridge chart, ", "Bar chart, ", "Line chart, "))
