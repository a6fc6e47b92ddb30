"""Benchmark: one report's time as a ratio to an honest floor (target: report ≤ 1.3 × floor).

The floor is what no report can avoid: a Python process that launches the report's kernel through
the report's own launch path (``analysis.report.run.execute_notebook``: the same kernel manager,
papermill call and working folder) on a one-cell notebook importing what the report's kernel
imports (the ReportData model, the display helper and the HTML renderer, hence pandas, Jinja2
and IPython). The report is ``python -m analysis report`` with default parameters: validation,
ReportData, papermill on the pickle, HTML, CSV, JSON and the atomic publish.

Runs alternate (floor, report, floor, report, …) so load on the machine hits both alike; medians
of wall time and of CPU time (process and kernel: less disturbed by other load) are printed with
their ratios.

With ``rfc3987-syntax`` importable (JupyterLab's dependencies), every nbformat import costs about
a second more; the floor would then be inflated and the ratio pass for the wrong reason, so the
benchmark refuses to run (``--allow-slow-nbformat`` runs it anyway and says so).
Usage: ``python benchmarks/report_speed.py [--runs 5]``.
"""

import argparse
import importlib.util
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import paths

TARGET_RATIO = 1.3
KERNEL_IMPORTS = (
    "import pickle\n"
    "import pandas\n"
    "from IPython.display import HTML, Image, display\n"
    "from analysis.report.notebook import get_report_data, show\n"
    "import analysis.report.render"
)
_FLOOR_NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "floor",
            "metadata": {},
            "outputs": [],
            "source": KERNEL_IMPORTS,
        }
    ],
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}
# The floor process: the report's launch path, pointed at the floor notebook.
_FLOOR_SCRIPT = """
import sys
from pathlib import Path
from analysis.report import run
run.NOTEBOOK = sys.argv[1]  # an absolute path: NOTEBOOKS_DIR / it is the path itself
run.execute_notebook(Path(sys.argv[2]), {})
"""


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _seconds(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` (CPU includes its kernel)."""
    start, cpu = time.perf_counter(), _cpu_seconds()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start, _cpu_seconds() - cpu


def is_slow_nbformat() -> bool:
    """Whether ``rfc3987-syntax`` is importable (it makes every nbformat import ~1 s slower).

    Returns:
        True when the module can be found.
    """
    return importlib.util.find_spec("rfc3987_syntax") is not None


def main() -> int:
    """Measure and print the medians and the ratios.

    Returns:
        0 after measuring; 2 when refusing (rfc3987-syntax importable).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (default 5)")
    parser.add_argument(
        "--allow-slow-nbformat",
        action="store_true",
        help="run even when rfc3987-syntax is importable (the ratio is then flattered)",
    )
    args = parser.parse_args()
    if is_slow_nbformat():
        message = (
            "rfc3987-syntax is importable in this environment (JupyterLab's dependencies): every "
            "nbformat import is ~1 s slower, which inflates the floor and flatters the ratio"
        )
        if not args.allow_slow_nbformat:
            print(
                f"report_speed: refusing to run: {message}; use a venv without the 'lab' "
                "extra, or --allow-slow-nbformat",
                file=sys.stderr,
            )
            return 2
        print(f"WARNING: {message}.")
    output = paths.REPORTS_DIR / "_benchmark"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        notebook = folder / "floor.ipynb"
        notebook.write_text(json.dumps(_FLOOR_NOTEBOOK), encoding="utf-8")
        floor_command = [
            sys.executable,
            "-c",
            _FLOOR_SCRIPT,
            str(notebook),
            str(folder / "floor-out.ipynb"),
        ]
        report_command = [sys.executable, "-m", "analysis", "report", "--output", str(output)]
        _seconds(floor_command, paths.PROJECT_DIR)  # warm the file cache once for both
        _seconds(report_command, paths.PROJECT_DIR)
        floor, report = [], []
        for _ in range(args.runs):
            floor.append(_seconds(floor_command, paths.PROJECT_DIR))
            report.append(_seconds(report_command, paths.PROJECT_DIR))
    shutil.rmtree(output, ignore_errors=True)
    for index, label in ((0, "wall"), (1, "CPU")):
        floor_times, report_times = [t[index] for t in floor], [t[index] for t in report]
        floor_median = statistics.median(floor_times)
        report_median = statistics.median(report_times)
        print(
            f"{label} floor  (report launch path, kernel with the report's kernel imports): "
            f"median {floor_median:.2f} s of {[round(t, 2) for t in floor_times]}"
        )
        print(
            f"{label} report (python -m analysis report, default parameters): "
            f"median {report_median:.2f} s of {[round(t, 2) for t in report_times]}"
        )
        print(
            f"{label} ratio report / floor: {report_median / floor_median:.2f} "
            f"(target <= {TARGET_RATIO})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
