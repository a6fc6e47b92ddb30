"""The closing appendix "About this report": how to reproduce it, inputs and checksums, credits."""

from pathlib import Path

import pandas as pd

from analysis import __version__, paths
from analysis.report import sources_text
from analysis.report.model import SECTION_TITLES, Section, Table, Text


def _shown(path) -> str:
    """A path as the command line takes it: relative to the project folder when inside it."""
    path = Path(path)
    try:
        return path.resolve().relative_to(paths.PROJECT_DIR).as_posix()
    except ValueError:
        return str(path)


def build_about(sources) -> Section:
    """The appendix: command, parameters, input files with SHA-256, credits.

    Args:
        sources: :class:`analysis.report.data.Sources`.

    Returns:
        The ``about`` section.
    """
    i = sources.inputs
    command = (
        f"python -m analysis report --reporter {i.reporter_iso3} --partner {i.partner_iso3} "
        f"--base {i.base_period} --period {i.period}"
        + (f" --text {_shown(i.text_path)}" if i.text_path else "")
        + "".join(f" --trade-file {_shown(p)}" for p in i.trade_files)
    )
    checksums = pd.DataFrame(list(sources.checksums), columns=["input", "file", "sha256"])
    credits = [sources_text.ONS_CREDIT, sources_text.H10_CREDIT]
    if sources.monthly is not None:
        credits.insert(1, sources_text.ONS_MONTHLY_CREDIT)
    if sources.document is not None:
        credits.append(
            f"News text: {sources.document.name}; its figures are quoted exactly, with the "
            "corrections shown in the text's section."
        )
    return Section(
        "about",
        SECTION_TITLES["about"],
        (
            Text(
                (
                    "Every number in this report is computed from the input files below; the "
                    "text's figures carry their exact words. The tables are also in tables/*.csv "
                    "(UTF-8, units in the column names) and the whole report, minus images, in "
                    "report.json.",
                    "To produce this report again, from the project folder:",
                )
            ),
            Text((command,), "code"),
            Text(
                (
                    f"Run details: package analysis {__version__}; reporter {i.reporter_iso3}, "
                    f"partner {i.partner_iso3}, base period {i.base_period}, period {i.period}; "
                    f"{'news text ' + _shown(i.text_path) if i.text_path else 'no news text'}; "
                    f"{len(i.trade_files)} official trade file(s). The report folder's "
                    "analysis-run.json records the digest of every input and parameter.",
                ),
                "note",
            ),
            Table("inputs", 0, "Input files and their SHA-256 checksums", "this run", checksums),
            Text(tuple(credits), "list"),
        ),
    )
