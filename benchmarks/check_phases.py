"""The ``check`` command phase by phase: CPU seconds and peak memory of reading, checks, output.

Run on demand (not a test): ``python benchmarks/check_phases.py [--sizes 1,10] [--memory]``.
CPU seconds count the worker processes a long text is read and checked in (``parts``), and each
phase's wall seconds are printed beside them.
Texts are the real-text development set (``data/realtext/*.txt``) concatenated and repeated to each
size in MB, as in ``check_speed.py``. Per text it prints the CPU seconds of ``load_news``,
``reconcile`` and writing the ``--json`` output (to a discarding stream), the max RSS of the whole
``python -m analysis check FILE --json`` command (a child process; the interpreter and libraries
alone are printed as ``baseline``), and with ``--memory`` the peak traced memory (tracemalloc) of
each phase above what was held when it began (a second, slower pass).

``--compare-with DIR`` measures an older ``analysis`` package the same way in the same run
(``git archive <commit> analysis | tar -x -C DIR``) and prints the ratios new / old;
``--compare-with-rows FILE`` takes the old numbers from an earlier run's ``--json`` output instead.
"""

import argparse
import gc
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from older_package import rows_of_older_package

from analysis import check_cli
from analysis.checks import reconcile
from analysis.loaders.news import load_news

REALTEXT = Path(__file__).resolve().parent.parent / "data" / "realtext"
PHASES = ("read", "reconcile", "output")
_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
    " check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


class _Discard(io.TextIOBase):
    """A text stream that counts and drops what is written (the output costs no memory here)."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


def write_json(doc, result, out) -> None:  # noqa: ANN001 - old and new packages alike
    """The ``--json`` output of ``doc`` to ``out``, by whichever API the package under test has."""
    if hasattr(check_cli, "write_json"):
        check_cli.write_json(doc, result, out)
        return
    payload = check_cli.build_json(doc.name, result)  # before streaming: one dict, one string
    payload["unreadable"] = check_cli._records(doc.unreadable, check_cli.UNREADABLE_KEYS)
    out.write(json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def phases(text: str, trace_memory: bool) -> dict[str, float]:
    """CPU seconds (or, when tracing, peak MiB above the start) of each phase on ``text``."""
    found = {}
    held = []

    def timed(name: str, work) -> object:  # noqa: ANN001
        gc.collect()
        if trace_memory:
            tracemalloc.reset_peak()
            start = tracemalloc.get_traced_memory()[0]
        cpu, wall = _cpu(), time.perf_counter()
        value = work()
        if trace_memory:
            found[name] = (tracemalloc.get_traced_memory()[1] - start) / 2**20
        else:
            found[name] = _cpu() - cpu
            found[f"{name}_wall"] = time.perf_counter() - wall
        held.append(value)
        return value

    if trace_memory:
        tracemalloc.start()
    doc = timed("read", lambda: load_news(text))
    result = timed("reconcile", lambda: reconcile(doc))
    sink = _Discard()
    timed("output", lambda: write_json(doc, result, sink))
    if trace_memory:
        tracemalloc.stop()
    found["json_mib"] = sink.chars / 2**20
    return found


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the workers reading parts)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def max_rss(path: Path | None) -> float:
    """Max RSS in MiB of ``python -m analysis check PATH --json`` (or of importing the CLI)."""
    path = path.resolve() if path is not None else None
    if path is None:
        command = [sys.executable, "-c", "import analysis.check_cli, analysis.loaders.news"]
    else:
        command = [sys.executable, "-m", "analysis", "check", str(path), "--json"]
    result = subprocess.run(
        [sys.executable, "-c", _RSS, *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),  # not the project folder: ``-m`` would import its package
    )
    return int(result.stdout.split()[-1]) / 1024


def mix(megabytes: float) -> str:
    """The real texts concatenated and repeated (paragraphs apart) to about ``megabytes`` MB."""
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(REALTEXT.glob("d*.txt")))
    return "\n\n".join([unit] * max(1, round(megabytes * 1e6 / (len(unit) + 2))))


def run(sizes: list[float], trace_memory: bool) -> list[dict]:
    """One row per size: phase CPU seconds, whole-command max RSS, and phase peaks if asked."""
    load_news("Exports were $1.2 billion in 2023, up 5% from 2022.")  # lazy set-up is not timed
    rows = [{"text": "baseline", "rss": max_rss(None)}]
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            text = mix(size)
            path = Path(folder) / "mix.txt"
            path.write_text(text, encoding="utf-8")
            row = {"text": f"realtext mix {size:g} MB", "chars": len(text)}
            row.update(phases(text, False))
            row["rss"] = max_rss(path)
            if trace_memory:
                row.update({f"{k}_peak": v for k, v in phases(text, True).items() if k in PHASES})
            rows.append(row)
    return rows


def show(rows: list[dict], old: list[dict] | None) -> None:
    """Print one line per text (and one with the old package's numbers and new / old)."""
    before = {row["text"]: row for row in old or []}
    keys = [*PHASES, "rss", *(f"{p}_peak" for p in PHASES)]
    print(
        f"{'text':22s} {'chars':>11s} {'read s':>7s} {'chk s':>7s} {'out s':>7s} {'read w':>7s}"
        f" {'chk w':>7s} {'out w':>7s} {'RSS MiB':>8s}"
        f" {'read pk':>8s} {'chk pk':>8s} {'out pk':>8s}  (peaks: traced MiB)"
    )
    for row in rows:
        for label, shown in (("", row), ("  old", before.get(row["text"]))):
            if shown is None:
                continue
            cells = [f"{shown[k]:7.2f}" if k in shown else f"{'':7s}" for k in keys[:3]]
            cells += [
                f"{shown[f'{k}_wall']:7.2f}" if f"{k}_wall" in shown else " " * 7 for k in PHASES
            ]
            cells += [f"{shown[k]:8.1f}" if k in shown else f"{'':8s}" for k in keys[3:]]
            print(f"{row['text'] + label:22s} {shown.get('chars', 0):11,d} {' '.join(cells)}")
        if row["text"] in before:
            then = before[row["text"]]
            ratios = [f"{k} {row[k] / then[k]:.2f}" for k in keys if then.get(k) and k in row]
            print(f"{'  new/old':22s} {', '.join(ratios)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10", help="sizes of the real-text mix, in MB")
    parser.add_argument("--memory", action="store_true", help="also trace peak memory (slower)")
    parser.add_argument(
        "--compare-with", type=Path, help="a folder holding an older `analysis` package"
    )
    parser.add_argument(
        "--compare-with-rows", type=Path, help="the --json rows of an earlier run to compare with"
    )
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",") if size]
    old = None
    if args.compare_with_rows is not None:
        old = json.loads(args.compare_with_rows.read_text(encoding="utf-8"))
    else:
        old = rows_of_older_package(__file__, args)
    rows = run(sizes, args.memory)
    if args.json:
        print(json.dumps(rows))
        return
    show(rows, old)


if __name__ == "__main__":
    main()
