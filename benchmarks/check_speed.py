"""How long `check` reads news text of growing size: time and peak memory should grow linearly.

Run on demand (not a test): ``python benchmarks/check_speed.py [--max-mb 10]``. Texts are the seed
article repeated, a single 44 KB sentence (no full stop), and the real-text development set when it
is present. Prints seconds, MB/s and peak memory per size, and the ratio of time per character
between the largest and the smallest text (near 1 when linear).
"""

import argparse
import time
import tracemalloc

from analysis.loaders.news import MAX_TEXT_CHARS, load_news
from analysis.paths import DEFAULT_SEED, PROJECT_DIR

REALTEXT = PROJECT_DIR / "data" / "realtext"


def measure(text: str, trace_memory: bool) -> tuple[float, float]:
    """(seconds, peak MiB) to read ``text``.

    Memory is traced only when asked (it slows Python down).
    """
    if trace_memory:
        tracemalloc.start()
    start = time.perf_counter()
    load_news(text)
    seconds = time.perf_counter() - start
    peak = 0.0
    if trace_memory:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--max-mb", type=float, default=10.0, help="largest text, in MB (default 10)"
    )
    parser.add_argument("--memory", action="store_true", help="also trace peak memory (slower)")
    args = parser.parse_args()
    seed = DEFAULT_SEED.read_text(encoding="utf-8")
    rows = []
    copies = 10
    while len(seed) * copies <= args.max_mb * 1e6 and len(seed) * copies <= MAX_TEXT_CHARS:
        text = "\n\n".join([seed] * copies)
        rows.append((f"seed x{copies}", text, *measure(text, args.memory)))
        copies *= 4
    sentence = " and ".join(
        f"exports to the UK were ${i % 900 + 100} million in 2023, up {i % 40 + 1}% from 2022"
        for i in range(600)
    )
    rows.append(("one 44 KB sentence", sentence, *measure(sentence, args.memory)))
    if REALTEXT.is_dir():
        for path in sorted(REALTEXT.glob("d*.txt"))[:5]:
            text = path.read_text(encoding="utf-8")
            rows.append((path.name, text, *measure(text, args.memory)))
    print(
        f"{'text':22s} {'chars':>11s} {'seconds':>9s} {'MB/s':>7s} {'µs/char':>8s} {'peak MiB':>9s}"
    )
    for name, text, seconds, peak in rows:
        print(
            f"{name:22s} {len(text):11,d} {seconds:9.3f} {len(text) / seconds / 1e6:7.3f} "
            f"{seconds / len(text) * 1e6:8.2f} {peak:9.1f}"
        )
    seeds = [row for row in rows if row[0].startswith("seed")]
    if len(seeds) >= 2:
        small, large = seeds[0], seeds[-1]
        ratio = (large[2] / len(large[1])) / (small[2] / len(small[1]))
        print(f"time per character, largest / smallest seed text: {ratio:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
