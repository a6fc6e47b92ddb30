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
