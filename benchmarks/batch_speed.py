"""Benchmark: batch reports in parallel against the same reports one at a time, measured in one run.

Runs ``python -m analysis report --partners ... --force`` on the same partners (the first N ONS
partners by ISO3) for each worker count, ``--repeat`` times interleaved, each in a fresh process
writing into its own folder under ``reports/`` (removed afterwards); prints the median wall and CPU
times and the ratio of each to the sequential run (workers=1).
Target: parallel / sequential <= 0.6 on two cores.

    python benchmarks/batch_speed.py                     # 12 partners, workers = cores, then 1
    python benchmarks/batch_speed.py --partners all --repeat 1   # every ONS partner (long)
    python benchmarks/batch_speed.py --workers 3,2,1     # also oversubscribed
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from analysis import paths
from analysis.loaders.ons import load_ons_trade

TARGET_RATIO = 0.6


def _time_batch(partners: list[str], workers: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, every descendant) of one forced batch run."""
    paths.REPORTS_DIR.mkdir(exist_ok=True)
    output = tempfile.mkdtemp(prefix=f"benchmark-batch-w{workers}-", dir=paths.REPORTS_DIR)
    command = [
        sys.executable,
        "-m",
        "analysis",
        "report",
        "--partners",
        ",".join(partners),
        "--workers",
        str(workers),
        "--output",
        output,
        "--force",
        "--no-progress",
    ]
    try:
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        completed = subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
        )
        seconds = time.perf_counter() - start
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        shutil.rmtree(output)
    if completed.returncode not in (0, 1):
        raise SystemExit(f"workers={workers}: {completed.stderr.strip()}")
    print(f"  workers={workers}: {completed.stderr.strip()}", file=sys.stderr)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return seconds, cpu


def main() -> None:
    """Parse the options, run each worker count, print the table and the ratio."""
    cores = len(os.sched_getaffinity(0))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", default="12", help="how many partners, or 'all' (default 12)")
    parser.add_argument(
        "--workers",
        default=f"{cores},1",
        help=f"worker counts to time, comma-separated (default {cores},1)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each count, interleaved (default 3)"
    )
    args = parser.parse_args()
    table = load_ons_trade()
    partners = sorted(set(table["partner_iso3"]) - {"WLD"})
    if args.partners != "all":
        partners = partners[: int(args.partners)]
    counts = [int(w) for w in args.workers.split(",")]
    if 1 not in counts:
        counts.append(1)
    print(
        f"{len(partners)} partners ({partners[0]}..{partners[-1]}), {cores} cores, "
        f"load average {os.getloadavg()[0]:.2f} before",
        file=sys.stderr,
    )
    runs = {workers: [] for workers in counts}
    for _ in range(args.repeat):  # interleaved: a burst of other work hits every count alike
        for workers in counts:
            runs[workers].append(_time_batch(partners, workers))
    wall = {w: statistics.median(s for s, _ in r) for w, r in runs.items()}
    cpu = {w: statistics.median(c for _, c in r) for w, r in runs.items()}
    print(f"medians of {args.repeat} run(s)")
    print(f"{'workers':>7} {'wall_s':>8} {'cpu_s':>8} {'s_per_report':>12} {'ratio':>6}  walls_s")
    for w in counts:
        print(
            f"{w:>7} {wall[w]:>8.1f} {cpu[w]:>8.1f} {wall[w] / len(partners):>12.2f} "
            f"{wall[w] / wall[1]:>6.2f}  {' '.join(f'{s:.1f}' for s, _ in runs[w])}"
        )
    print(
        f"load average {os.getloadavg()[0]:.2f} after (other work on the machine slows every "
        f"run; more workers then take a larger share of it)",
        file=sys.stderr,
    )
    best = min(wall[w] for w in counts if w != 1) / wall[1] if len(counts) > 1 else 1.0
    print(f"parallel / sequential = {best:.2f} (target <= {TARGET_RATIO})")


if __name__ == "__main__":
    main()
