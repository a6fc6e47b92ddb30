"""What the report notebook calls: get the ReportData (unpickle it, or build it) and show a section.

The notebook holds no logic: one call returns the report, then one helper shows each section
under the notebook's own markdown heading. Unpickling needs only pandas and this package's model,
so a kernel given a pickle never imports the loaders (nor pandera).
"""

import pickle
from pathlib import Path

from analysis.report.model import Chart, ReportData, Section


def get_report_data(report_data_path: str = "", **parameters) -> ReportData:
    """The report: unpickled from ``report_data_path``, or built from the notebook's parameters.

    Args:
        report_data_path: A pickled ReportData written by the runner; "" to build one.
        **parameters: ``reporter_iso3``, ``partner_iso3``, ``base_period``, ``period``,
            ``text_file``, ``ons_file``, ``fx_file``, ``monthly_file`` (paths relative to the
            project, "" for none) and ``trade_files`` (list), used when building.

    Returns:
        The report data.
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


def show(section: Section) -> None:
    """Display one section's blocks in order (its heading is the notebook's markdown cell).

    Args:
        section: A section of the report.
    """
    from IPython.display import HTML, Image, display

    from analysis.report.render import render_block_html

    if section.not_covered:
        display(HTML(f'<p class="note">{_escape(section.not_covered)}</p>'))
    for block in section.blocks:
        if isinstance(block, Chart):
            display(HTML(f"<p><b>Chart {block.number}. {_escape(block.title)}</b></p>"))
            display(Image(data=block.png, format="png", alt=block.alt_text))
            display(HTML(f'<p class="source">Source: {_escape(block.source)}</p>'))
        else:
            display(HTML(render_block_html(block)))


def _escape(text: str) -> str:
    import html

    return html.escape(text)
