"""How long `check` reads news text of growing size: time and peak memory should grow linearly.

Run on demand (not a test): ``python benchmarks/check_speed.py [--sizes 1,5,10] [--memory]``. Texts
are the seed article repeated, the real-text development set (``data/realtext/*.txt``) concatenated
and repeated to each size in MB, a single 44 KB sentence (no full stop), and single real texts.
Prints wall and CPU seconds, MB/s and peak memory per text, and the ratio of time per character
between the largest and the smallest text of a kind (near 1 when linear).

``--compare-with DIR`` measures an older version of the package the same way, in the same run
(``git archive <commit> analysis | tar -x -C DIR``), and prints the ratios new / old.
"""

import argparse
import json
import time
import tracemalloc
from pathlib import Path

from older_package import rows_of_older_package

from analysis.loaders.news import MAX_TEXT_CHARS, load_news
from analysis.paths import DEFAULT_SEED, PROJECT_DIR

REALTEXT = PROJECT_DIR / "data" / "realtext"


def measure(text: str, trace_memory: bool) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB) to read ``text``.

    Memory is traced only when asked (it slows Python down, so the times are then not reported).
    """
    if trace_memory:
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    load_news(text)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = 0.0
    if trace_memory:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return seconds, cpu, peak


def repeated(unit: str, megabytes: float) -> str:
    """``unit`` repeated (paragraphs apart) to about ``megabytes`` million characters."""
    return "\n\n".join([unit] * max(1, round(megabytes * 1e6 / (len(unit) + 2))))


def texts(sizes: list[float]) -> list[tuple[str, str]]:
    """(name, text) of every text measured."""
    seed = DEFAULT_SEED.read_text(encoding="utf-8")
    found = [(f"seed x{n}", "\n\n".join([seed] * n)) for n in (10, 40, 160, 640)]
    sentence = " and ".join(
        f"exports to the UK were ${i % 900 + 100} million in 2023, up {i % 40 + 1}% from 2022"
        for i in range(600)
    )
    found.append(("one 44 KB sentence", sentence))
    real = sorted(REALTEXT.glob("d*.txt")) if REALTEXT.is_dir() else []
    if real:
        mix = "\n\n".join(path.read_text(encoding="utf-8") for path in real)
        found += [(f"realtext mix {size:g} MB", repeated(mix, size)) for size in sizes]
        found += [(path.name, path.read_text(encoding="utf-8")) for path in real[:5]]
    return [(name, text) for name, text in found if len(text) <= MAX_TEXT_CHARS]


def run(sizes: list[float], trace_memory: bool) -> list[dict]:
    """Measure every text in this process (after one small read: lazy set-up is not timed)."""
    load_news(DEFAULT_SEED.read_text(encoding="utf-8"))
    rows = []
    for name, text in texts(sizes):
        seconds, cpu, peak = measure(text, trace_memory)
        rows.append({"text": name, "chars": len(text), "wall": seconds, "cpu": cpu, "mib": peak})
    return rows


def linearity(rows: list[dict], prefix: str) -> float | None:
    """CPU time per character, largest / smallest text whose name starts with ``prefix``."""
    kind = [row for row in rows if row["text"].startswith(prefix)]
    if len(kind) < 2:
        return None
    small, large = kind[0], kind[-1]
    return (large["cpu"] / large["chars"]) / (small["cpu"] / small["chars"])


def show(rows: list[dict], old: list[dict] | None) -> None:
    """Print the table (and the ratios to ``old`` when given)."""
    header = (
        f"{'text':22s} {'chars':>11s} {'wall s':>8s} {'CPU s':>8s} {'MB/s':>6s} {'peak MiB':>9s}"
    )
    print(header + ("  old CPU s  new/old" if old else ""))
    before = {row["text"]: row for row in old or []}
    for row in rows:
        line = (
            f"{row['text']:22s} {row['chars']:11,d} {row['wall']:8.2f} {row['cpu']:8.2f} "
            f"{row['chars'] / row['cpu'] / 1e6:6.3f} {row['mib']:9.1f}"
        )
        if row["text"] in before:
            then = before[row["text"]]
            line += f"  {then['cpu']:9.2f}  {row['cpu'] / then['cpu']:7.2f}"
            if row["mib"] and then["mib"]:
                line += f"  (peak {then['mib']:.1f} MiB, new/old {row['mib'] / then['mib']:.2f})"
        print(line)
    for prefix in ("seed", "realtext mix"):
        ratio = linearity(rows, prefix)
        if ratio is not None:
            print(
                f"CPU time per character, largest / smallest {prefix} text: {ratio:.2f} (1: linear)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1,5,10", help="sizes of the real-text mix, in MB (default 1,5,10)"
    )
    parser.add_argument("--memory", action="store_true", help="trace peak memory (slower)")
    parser.add_argument(
        "--compare-with", type=Path, help="a folder holding an older `analysis` package"
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",") if size]
    old = rows_of_older_package(__file__, args)
    rows = run(sizes, args.memory)
    if args.json:
        print(json.dumps(rows))
        return
    show(rows, old)


if __name__ == "__main__":
    main()
