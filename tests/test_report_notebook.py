"""The report notebook only shows a ReportData: a heading cell per section, one call each."""

import json

from analysis import paths
from analysis.report.model import SECTION_TITLES

NOTEBOOK = paths.NOTEBOOKS_DIR / "01-trade-report.ipynb"


def _cells():
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def test_section_headings_are_markdown_cells_in_report_order():
    headings = [
        "".join(c["source"]).removeprefix("## ")
        for c in _cells()
        if c["cell_type"] == "markdown" and "".join(c["source"]).startswith("## ")
    ]
    assert headings == [title for title in SECTION_TITLES.values() if title]


def test_code_cells_hold_no_logic():
    code = ["".join(c["source"]) for c in _cells() if c["cell_type"] == "code"]
    shows = [c for c in code if c.startswith("show(")]
    assert shows == [f'show(report.section("{key}"))' for key in SECTION_TITLES]
    assert not any(
        line.lstrip().startswith(("if ", "for ")) for c in code for line in c.splitlines()
    )


def test_parameters_cell_takes_a_pickled_report():
    parameters = next(c for c in _cells() if "parameters" in c["metadata"].get("tags", []))
    assert 'report_data_path: str = ""' in "".join(parameters["source"])


def test_the_kernel_unpickles_the_shown_report_without_pandas_or_jinja2(tmp_path):
    import pickle
    import subprocess
    import sys

    from analysis.report import data
    from analysis.report.notebook import shown_report

    inputs = data.ReportInputs(
        "KAZ", "GBR", "2022", "2023", text_path=data.default_text_path("KAZ", "GBR")
    )
    report = data.build_report_data(data.load_sources(inputs))
    pickled = tmp_path / "shown.pickle"
    pickled.write_bytes(pickle.dumps(shown_report(report)))
    code = (
        "import pickle, sys\n"
        f"shown = pickle.loads(open({str(pickled)!r}, 'rb').read())\n"
        "print(len(shown.sections), sorted(m for m in ('pandas', 'jinja2', 'matplotlib', "
        "'analysis.report.model') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split(" ", 1) == [str(len(SECTION_TITLES)), "[]\n"]
    charts = [o for s in shown_report(report).sections for o in s.outputs if o[0] == "png"]
    assert [png for png, _ in (o[1] for o in charts)] == [c.png for c in report.charts]
