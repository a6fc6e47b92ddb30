"""How long the checks (``analysis.checks.reconcile``) take on news text of growing size.

Run on demand (not a test): ``python benchmarks/reconcile_speed.py [--max-copies 640]``. The
reader runs first and is not timed (``check_speed.py`` times it). Texts are the seed article
repeated and one long sentence of many figures and claims (the worst case for readings: every
figure is in the claim's sentence). Prints seconds and milliseconds per check; near-constant
milliseconds per check means linear.
"""

import argparse
import time

from analysis.checks import reconcile
from analysis.loaders.news import load_news
from analysis.paths import DEFAULT_SEED


def measure(text: str) -> tuple[int, float]:
    """(claims checked, seconds) for the checks of ``text``."""
    doc = load_news(text)
    start = time.perf_counter()
    claims = reconcile(doc).claims
    return len(claims), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-copies", type=int, default=640, help="largest repeat of the seed")
    args = parser.parse_args()
    seed = DEFAULT_SEED.read_text(encoding="utf-8")
    rows = []
    copies = 10
    while copies <= args.max_copies:
        rows.append((f"seed x{copies}", *measure("\n\n".join([seed] * copies))))
        copies *= 4
    for n in (150, 600):
        sentence = " and ".join(
            f"exports to the UK were ${i % 900 + 100} million in 2023, up {i % 40 + 1}% from 2022"
            for i in range(n)
        )
        rows.append((f"one sentence, {n} claims", *measure(sentence)))
    print(f"{'text':26s} {'checks':>7s} {'seconds':>8s} {'ms/check':>9s}")
    for name, checks, seconds in rows:
        print(f"{name:26s} {checks:7d} {seconds:8.2f} {1000 * seconds / max(checks, 1):9.2f}")
    first, last = rows[0], rows[-3]
    ratio = (last[2] / last[1]) / (first[2] / first[1])
    print(
        f"time per check, seed x{args.max_copies // 4**0} vs x10: {ratio:.1f}x (near 1 when linear)"
    )


if __name__ == "__main__":
    main()
