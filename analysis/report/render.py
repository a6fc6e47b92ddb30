"""ReportData → files: ``report.html`` (Jinja2, one CSS file), ``tables/*.csv``, ``report.json``.

The HTML is self-contained (CSS inlined, charts as base64 PNG, nothing from the network) and
identical for identical ReportData. Every piece of text is escaped by Jinja2's autoescape: text
figures and quotes come from untrusted documents.
"""

import base64
import json
import math
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.report.formatting import format_table
from analysis.report.model import Chart, ReportData, Table, Text

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
CSS_FILE = TEMPLATES_DIR / "report.css"
REPORT_FILE = "report.html"
JSON_FILE = "report.json"
TABLES_DIR = "tables"


@cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def table_link(table: Table) -> str:
    """The CSV file of a table, relative to the report folder: ``tables/<key>.csv``.

    Args:
        table: A table of the report.

    Returns:
        The relative path, with forward slashes.
    """
    return f"{TABLES_DIR}/{table.key}.csv"


def _view(block) -> dict:
    """A block as the template reads it: plain values, cells written for reading."""
    if isinstance(block, Text):
        return {"kind": "text", "style": block.style, "paragraphs": block.paragraphs}
    if isinstance(block, Chart):
        return {
            "kind": "chart",
            "number": block.number,
            "title": block.title,
            "alt_text": block.alt_text,
            "source": block.source,
            "base64": base64.b64encode(block.png).decode("ascii"),
        }
    shown = (
        block.display if block.display is not None else format_table(block.frame, block.decimals)
    )
    numeric = (
        [
            block.display is None and pd.api.types.is_numeric_dtype(block.frame[c])
            for c in block.frame.columns
        ]
        if block.display is None
        else [False] * len(shown.columns)
    )
    return {
        "kind": "table",
        "number": block.number,
        "caption": block.caption,
        "source": block.source,
        "link": table_link(block),
        "header": list(zip(shown.columns, numeric, strict=True)),
        "rows": [list(zip(row, numeric, strict=True)) for row in shown.itertuples(index=False)],
    }


def render_block_html(block, link: bool = False) -> str:
    """One block as HTML (the notebook shows blocks with this, the page is made of them).

    Args:
        block: A Text, Table or Chart.
        link: Link a table's CSV file under it.

    Returns:
        The HTML fragment.
    """
    view = _view(block)
    macros = _environment().get_template("blocks.html.j2").module
    return str(macros.block(view, view.get("link", "") if link else ""))


def render_report_html(data: ReportData) -> str:
    """The whole report as one self-contained HTML page.

    Args:
        data: The report.

    Returns:
        The page's text.
    """
    sections = [
        {
            "key": s.key,
            "title": s.title,
            "not_covered": s.not_covered,
            "blocks": [_view(b) for b in s.blocks],
        }
        for s in data.sections
    ]
    tables = [
        {"number": t.number, "caption": t.caption, "link": table_link(t)} for t in data.tables
    ]
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=data.title,
            css=CSS_FILE.read_text(encoding="utf-8"),
            sections=sections,
            tables=tables,
        )
    )


def _plain(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def build_report_json(data: ReportData) -> dict:
    """ReportData as JSON-ready data, minus images (charts keep title, alt text and source).

    Args:
        data: The report.

    Returns:
        ``title``, ``reporter_iso3``, ``partner_iso3``, ``base_period``, ``period``, ``sections``
        (each ``key``, ``title``, ``not_covered``, ``blocks``: texts with ``paragraphs``, tables
        with ``csv``, ``columns`` and ``rows`` in the CSV's units, charts without the image).
    """

    def block(b) -> dict:
        if isinstance(b, Text):
            return {"type": "text", "style": b.style, "paragraphs": list(b.paragraphs)}
        if isinstance(b, Chart):
            return {
                "type": "chart",
                "number": b.number,
                "title": b.title,
                "alt_text": b.alt_text,
                "source": b.source,
            }
        return {
            "type": "table",
            "number": b.number,
            "key": b.key,
            "caption": b.caption,
            "source": b.source,
            "csv": table_link(b),
            "columns": list(b.frame.columns),
            "rows": _records(b.frame),
        }

    return {
        "title": data.title,
        "reporter_iso3": data.reporter_iso3,
        "partner_iso3": data.partner_iso3,
        "base_period": data.base_period,
        "period": data.period,
        "sections": [
            {
                "key": s.key,
                "title": s.title,
                "not_covered": s.not_covered,
                "blocks": [block(b) for b in s.blocks],
            }
            for s in data.sections
        ],
    }


def write_report_files(data: ReportData, folder: Path) -> list[Path]:
    """Write report.html, report.json and tables/*.csv into ``folder`` (and nowhere else).

    Args:
        data: The report.
        folder: An existing folder (the runner's staging folder).

    Returns:
        The files written, in order: report.html, report.json, then the CSVs in table order.
    """
    folder = Path(folder)
    (folder / TABLES_DIR).mkdir(exist_ok=True)
    written = [folder / REPORT_FILE, folder / JSON_FILE]
    written[0].write_text(render_report_html(data), encoding="utf-8")
    text = json.dumps(build_report_json(data), ensure_ascii=False, indent=1, allow_nan=False)
    written[1].write_text(text + "\n", encoding="utf-8")
    for table in data.tables:
        path = folder / table_link(table)
        table.frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        written.append(path)
    return written
