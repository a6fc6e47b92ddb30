"""Benchmark: the full report command's time as a ratio to papermill's floor, same environment.

The floor is papermill executing a one-cell notebook that only imports pandas and matplotlib. Runs
alternate (floor, report, floor, report, ...) so that load on the machine hits both alike; the
medians of wall time and their ratio are printed, and the same for CPU time (user + system of the
process and its kernel), which other load on a shared machine disturbs less.
Usage: ``python benchmarks/report_speed.py [--runs 5]``.
"""

import argparse
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

_FLOOR_NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "floor",
            "metadata": {},
            "outputs": [],
            "source": "import pandas\nimport matplotlib.pyplot",
        }
    ],
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _seconds(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command``."""
    start, cpu = time.perf_counter(), _cpu_seconds()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start, _cpu_seconds() - cpu


def main() -> int:
    """Measure and print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (default 5)")
    runs = parser.parse_args().runs
    output = paths.REPORTS_DIR / "_benchmark"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "floor.ipynb").write_text(json.dumps(_FLOOR_NOTEBOOK), encoding="utf-8")
        floor_command = [
            sys.executable,
            "-m",
            "papermill",
            "-k",
            "python3",
            "--no-progress-bar",
            "floor.ipynb",
            "floor-out.ipynb",
        ]
        report_command = [sys.executable, "-m", "analysis", "report", "--output", str(output)]
        _seconds(floor_command, folder)  # warm the file cache once for both
        _seconds(report_command, paths.PROJECT_DIR)
        floor, report = [], []
        for _ in range(runs):
            floor.append(_seconds(floor_command, folder))
            report.append(_seconds(report_command, paths.PROJECT_DIR))
    shutil.rmtree(output, ignore_errors=True)
    for index, label in ((0, "wall"), (1, "CPU")):
        floor_times, report_times = [t[index] for t in floor], [t[index] for t in report]
        floor_median, report_median = (
            statistics.median(floor_times),
            statistics.median(report_times),
        )
        print(
            f"{label} floor  (papermill, one cell importing pandas + matplotlib): median "
            f"{floor_median:.2f} s of {[round(t, 2) for t in floor_times]}"
        )
        print(
            f"{label} report (python -m analysis report, default parameters):     median "
            f"{report_median:.2f} s of {[round(t, 2) for t in report_times]}"
        )
        print(f"{label} ratio report / floor: {report_median / floor_median:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
