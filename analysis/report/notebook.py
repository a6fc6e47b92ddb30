"""What the report notebook calls: get the report (unpickle it, or build it) and show a section.

The notebook holds no logic: one call returns the report, then one helper shows each section
under the notebook's own markdown heading. The runner hands the kernel the report already rendered
for showing (:class:`ShownReport`: HTML fragments and PNG images, the very fragments of
``report.html``), so the kernel imports neither pandas nor Jinja2 nor the loaders; a notebook run
on its own builds a ReportData from its parameters and shows that.
"""

from __future__ import annotations

import html
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.report.model import ReportData, Section


@dataclass(frozen=True)
class ShownSection:
    """A section as the notebook shows it.

    ``outputs`` in order, each ``("html", str)`` or a chart image ``("png", (bytes, alt_text))``.
    """

    key: str
    outputs: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class ShownReport:
    """A report as the notebook shows it (plain strings and bytes: unpickled without pandas)."""

    sections: tuple[ShownSection, ...]

    def section(self, key: str) -> ShownSection:
        """The section with this key, as ``ReportData.section`` (KeyError when there is none)."""
        return {section.key: section for section in self.sections}[key]


def shown_section(section: Section) -> ShownSection:
    """A section's outputs: a "not covered" note, each block (a chart: caption, image, source).

    Args:
        section: A section of the report.

    Returns:
        What :func:`show` displays, in order.
    """
    from analysis.report.model import Chart
    from analysis.report.render import render_block_html

    outputs: list[tuple[str, object]] = []
    if section.not_covered:
        outputs.append(("html", f'<p class="note">{html.escape(section.not_covered)}</p>'))
    for block in section.blocks:
        if isinstance(block, Chart):
            outputs += [
                ("html", f"<p><b>Chart {block.number}. {html.escape(block.title)}</b></p>"),
                ("png", (block.png, block.alt_text)),
                ("html", f'<p class="source">Source: {html.escape(block.source)}</p>'),
            ]
        else:
            outputs.append(("html", render_block_html(block)))
    return ShownSection(section.key, tuple(outputs))


def shown_report(data: ReportData) -> ShownReport:
    """The report as the notebook shows it (what the runner pickles for the kernel).

    Args:
        data: The report.

    Returns:
        Every section's outputs.
    """
    return ShownReport(tuple(shown_section(s) for s in data.sections))


def get_report_data(report_data_path: str = "", **parameters) -> ShownReport | ReportData:
    """The report: unpickled from ``report_data_path``, or built from the notebook's parameters.

    Args:
        report_data_path: A pickled :class:`ShownReport` written by the runner; "" to build one.
        **parameters: ``reporter_iso3``, ``partner_iso3``, ``base_period``, ``period``,
            ``text_file``, ``ons_file``, ``fx_file``, ``monthly_file`` (paths relative to the
            project, "" for none) and ``trade_files`` (list), used when building.

    Returns:
        The report, shown with :func:`show` section by section.
    """
    if report_data_path:
        with Path(report_data_path).open("rb") as file:
            return pickle.load(file)
    from analysis import paths
    from analysis.report.data import ReportInputs, build_report_data, load_sources

    def path(name: str) -> Path | None:
        value = parameters.get(name, "")
        return paths.PROJECT_DIR / value if value else None

    inputs = ReportInputs(
        parameters["reporter_iso3"],
        parameters["partner_iso3"],
        parameters["base_period"],
        parameters["period"],
        text_path=path("text_file"),
        ons_path=path("ons_file"),
        fx_path=path("fx_file"),
        monthly_path=path("monthly_file"),
        trade_files=tuple(paths.PROJECT_DIR / f for f in parameters.get("trade_files", [])),
    )
    return build_report_data(load_sources(inputs))


def show(section: ShownSection | Section) -> None:
    """Display one section's outputs in order (its heading is the notebook's markdown cell).

    Args:
        section: A section of the report, shown or to show.
    """
    from IPython.display import HTML, Image, display

    if not isinstance(section, ShownSection):
        section = shown_section(section)
    for kind, value in section.outputs:
        if kind == "png":
            png, alt = value
            display(Image(data=png, format="png", alt=alt))
        else:
            display(HTML(value))
