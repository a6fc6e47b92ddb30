"""Benchmark: one report's time as a ratio to an honest floor (target: report ≤ 1.3 × floor).

A floor is what no report can avoid: a Python process that launches the report's kernel through
the report's own launch path (``analysis.report.run.execute_notebook``: the same kernel manager,
papermill call and working folder) on a one-cell notebook that imports what the report imports.
Two floors are measured: ``all`` imports in the kernel every module the report imports in either
of its processes (the loaders with pandera, the news reader and checker, the monthly maths,
matplotlib for the charts, the model, display helper and renderer): the floor the target is
against; ``kernel`` imports the model, the display helper and the renderer (hence pandas, Jinja2
and IPython): what the report's kernel imported until it was handed the report already rendered
(it now imports IPython.display and ``analysis.report.notebook`` only), shown for comparison.
Neither floor was changed when the report learnt to import less. The
report is ``python -m analysis report`` with default parameters: validation, ReportData (while the
kernel boots), papermill on the pickle, HTML, CSV, JSON and the atomic publish.

The report reads the official tables from the parsed-table cache (``analysis.loaders.cache``),
filled by the untimed first run, as every report after the first does; ``--cold-cache`` gives
each report run an empty cache instead (the first report after a change of the files or the
loaders).

Runs alternate (floor, report, floor, report, …) so load on the machine hits both alike; medians
of wall time and of CPU time (process and kernel: less disturbed by other load) are printed with
their ratios.

With ``rfc3987-syntax`` importable (JupyterLab's dependencies), every nbformat import costs about
a second more; the floor would then be inflated and the ratio pass for the wrong reason, so the
benchmark refuses to run (``--allow-slow-nbformat`` runs it anyway and says so).
Usage: ``python benchmarks/report_speed.py [--runs 5] [--cold-cache]``.
"""

import argparse
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import paths
from analysis.loaders.cache import CACHE_ENV

TARGET_RATIO = 1.3
KERNEL_IMPORTS = (
    "import pickle\n"
    "import pandas\n"
    "from IPython.display import HTML, Image, display\n"
    "from analysis.report.notebook import get_report_data, show\n"
    "import analysis.report.render"
)
# What the report's parent process imports on top (loading, checking, computing, charting).
PARENT_IMPORTS = (
    "import analysis.report.data\n"
    "import analysis.report.sections\n"
    "import analysis.loaders.ons, analysis.loaders.ons_monthly, analysis.loaders.news\n"
    "import analysis.checks, analysis.monthly\n"
    "import matplotlib.figure, matplotlib.backends.backend_agg"
)
FLOORS = {"all": f"{KERNEL_IMPORTS}\n{PARENT_IMPORTS}", "kernel": KERNEL_IMPORTS}


def _floor_notebook(source: str) -> dict:
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "floor",
                "metadata": {},
                "outputs": [],
                "source": source,
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


def _seconds(command: list[str], cwd: Path, cache: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` (CPU includes its kernel).

    ``cache``: a new empty parsed-table cache folder for this run (None: the usual one).
    """
    env = None if cache is None else {**os.environ, CACHE_ENV: str(cache)}
    start, cpu = time.perf_counter(), _cpu_seconds()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
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
    parser.add_argument(
        "--cold-cache",
        action="store_true",
        help="give each report run an empty parsed-table cache (default: the cache is warm)",
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
    report_command = [sys.executable, "-m", "analysis", "report", "--output", str(output)]
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in (*FLOORS, "report")}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        commands = {}
        for name, source in FLOORS.items():
            notebook = folder / f"floor-{name}.ipynb"
            notebook.write_text(json.dumps(_floor_notebook(source)), encoding="utf-8")
            out = str(folder / f"floor-{name}-out.ipynb")
            commands[name] = [sys.executable, "-c", _FLOOR_SCRIPT, str(notebook), out]
        commands["report"] = report_command
        for command in commands.values():  # warm the file cache once for each
            _seconds(command, paths.PROJECT_DIR)
        for run in range(args.runs):
            for name, command in commands.items():
                cache = folder / f"cache-{run}" if args.cold_cache and name == "report" else None
                times[name].append(_seconds(command, paths.PROJECT_DIR, cache))
    shutil.rmtree(output, ignore_errors=True)
    labels = {
        "all": "floor, kernel imports all the report imports",
        "kernel": "floor, kernel imports what the report's kernel imports",
        "report": "report (python -m analysis report, default parameters, "
        + ("cold cache)" if args.cold_cache else "warm cache)"),
    }
    for index, unit in ((0, "wall"), (1, "CPU")):
        medians = {name: statistics.median(t[index] for t in runs) for name, runs in times.items()}
        for name, runs in times.items():
            print(
                f"{unit} {labels[name]}: median {medians[name]:.2f} s of "
                f"{[round(t[index], 2) for t in runs]}"
            )
        for name in FLOORS:
            print(
                f"{unit} ratio report / floor ({name}): {medians['report'] / medians[name]:.2f}"
                + (f" (target <= {TARGET_RATIO})" if name == "all" else "")
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
