"""Benchmark: one pair's slice of a big Comtrade+ CSV: ``analysis.bulk``, DuckDB's own SQL, pandas.

Generates a seeded synthetic Comtrade+ portal CSV (PascalCase headers, trailing delimiter,
breakdown rows, World rows, commodity levels) into ``benchmarks/out/`` (git-ignored; reused when
present), then runs every measurement in a fresh Python process so that peak memory (``VmHWM``) is
that measurement's own. Wall and CPU time are the read alone (imports excluded; CPU time, all
threads, is the steadier figure on a busy machine); peak memory is the whole process, imports
included.

    python benchmarks/bulk_read.py                 # 5,000,000 rows, 3 repeats
    python benchmarks/bulk_read.py --rows 200000 --repeat 1
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"
REPORTER, PARTNER = "KAZ", "GBR"
MEASURES = ("ours", "duckdb", "pandas", "ours_parquet", "ours_cp1252")
TARGET_SPEED, TARGET_MEMORY = 0.8, 1.5
_FLOWS = ("M", "X", "RM", "RX")
_YEARS = ("2021", "2022", "2023")
# Reporter and partner lists: the benchmark pair first, so its slice is complete for any --rows.
_REPORTERS = (
    "KAZ",
    "DEU",
    "CHN",
    "USA",
    "FRA",
    "ITA",
    "JPN",
    "KOR",
    "IND",
    "BRA",
    "CAN",
    "MEX",
    "TUR",
    "POL",
    "NLD",
    "BEL",
    "ESP",
    "SWE",
    "AUT",
    "CHE",
    "NOR",
    "FIN",
    "DNK",
    "IRL",
    "PRT",
    "GRC",
    "CZE",
    "HUN",
    "ROU",
    "UZB",
    "KGZ",
    "RUS",
    "AUS",
    "NZL",
    "ZAF",
    "EGY",
    "ARG",
    "CHL",
    "THA",
)
_PARTNERS = (
    "GBR",
    "W00",
    *_REPORTERS[1:],
    "VNM",
    "IDN",
    "MYS",
    "SGP",
    "PHL",
    "SAU",
    "ARE",
    "ISR",
    "IRN",
    "PAK",
    "BGD",
    "NGA",
    "KEN",
    "MAR",
    "DZA",
    "TUN",
    "PER",
    "COL",
    "VEN",
    "ECU",
    "URY",
    "PRY",
    "BOL",
    "UKR",
    "BLR",
    "GEO",
    "ARM",
    "AZE",
    "TJK",
    "TKM",
    "MNG",
    "LTU",
    "LVA",
    "EST",
    "SVK",
)


def generate_csv(rows: int, seed: int) -> Path:
    """Write (or reuse) the synthetic Comtrade+ CSV of ``rows`` data rows; give its path.

    Keys enumerate (commodity, breakdown, flow, year, partner, reporter) in shuffled order, so
    every total row is unique and every breakdown row has its total; values are random.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    path = OUT_DIR / f"comtrade_plus_{rows}_seed{seed}.csv"
    if path.exists():
        return path
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    commodities = np.array(["TOTAL", *[f"{c:02d}" for c in range(1, 98) if c != 77]])
    radix = [len(commodities), 2, len(_FLOWS), len(_YEARS), len(_PARTNERS), len(_REPORTERS)]
    capacity = int(np.prod(radix))
    if rows > capacity:
        raise SystemExit(f"--rows at most {capacity:,} for this generator")
    index = rng.permutation(rows)
    digits = []
    for size in radix:
        digits.append(index % size)
        index //= size
    cmd, breakdown, flow, year, partner, reporter = digits
    mot = np.where(breakdown == 1, rng.integers(1, 10, rows), 0).astype(str)
    code = commodities[cmd]
    value = np.round(rng.lognormal(12, 3, rows), 2)
    partner_iso = np.array(_PARTNERS)[partner]
    flows, years = np.array(_FLOWS)[flow], np.array(_YEARS)[year]
    columns = {
        "TypeCode": np.full(rows, "C"),
        "FreqCode": np.full(rows, "A"),
        "RefYear": years,
        "Period": years,
        "ReporterCode": (reporter + 100).astype(str),
        "ReporterISO": np.array(_REPORTERS)[reporter],
        "ReporterDesc": np.full(rows, "Reporter, synthetic"),
        "FlowCode": flows,
        "PartnerCode": np.where(partner_iso == "W00", "0", (partner + 500).astype(str)),
        "PartnerISO": partner_iso,
        "Partner2Code": np.full(rows, "0"),
        "Partner2ISO": np.full(rows, "W00"),
        "ClassificationCode": np.full(rows, "H6"),
        "CmdCode": code,
        "AggrLevel": np.where(code == "TOTAL", "0", "2"),
        "IsLeaf": np.full(rows, "0"),
        "CustomsCode": np.full(rows, "C00"),
        "MosCode": np.full(rows, "0"),
        "MotCode": mot,
        "NetWgt": np.round(value / 3, 1),
        "Cifvalue": np.where(flows == "M", value, np.nan),
        "Fobvalue": np.where(flows == "X", value, np.nan),
        "PrimaryValue": value,
        "IsAggregate": np.full(rows, "0"),
    }
    table = pa.table({name: pa.array(data, from_pandas=True) for name, data in columns.items()})
    table = table.append_column(
        "", pa.nulls(rows, pa.string())
    )  # the trailing delimiter of portal files
    partial = path.with_suffix(".partial")
    pacsv.write_csv(table, partial, pacsv.WriteOptions(quoting_style="needed"))
    partial.rename(path)
    return path


def _measure(kind: str, path: Path) -> dict:
    """Run one measurement in this (fresh) process; give its numbers."""
    import duckdb

    if kind in ("ours", "ours_parquet", "ours_cp1252"):
        from analysis.bulk import read_comtrade_slice
    if kind == "pandas":
        import pandas as pd
    baseline = _peak_mib()
    start, cpu = time.perf_counter(), _cpu_seconds()
    if kind in ("ours", "ours_parquet", "ours_cp1252"):
        source = {"ours_parquet": path.with_suffix(".parquet.d"), "ours_cp1252": _cp1252(path)}
        source = source.get(kind, path)
        table = read_comtrade_slice(source, REPORTER, PARTNER)
        totals = (
            table[table["commodity_code"].eq("TOTAL")]
            .groupby(["period", "flow"])["value_usd"]
            .sum()
        )
    elif kind == "duckdb":
        rows = duckdb.sql(f"""
            SELECT Period, FlowCode, sum(PrimaryValue)
            FROM read_csv('{path}')
            WHERE ReporterISO = '{REPORTER}' AND PartnerISO = '{PARTNER}' AND Partner2Code = 0
              AND CustomsCode = 'C00' AND MotCode = 0 AND FlowCode IN ('M', 'X', 'RM', 'RX')
              AND CmdCode = 'TOTAL'
            GROUP BY ALL""").fetchall()
        flows = {"M": "imports", "X": "exports", "RM": "re_imports", "RX": "re_exports"}
        totals = {(str(period), flows[flow]): value for period, flow, value in rows}
    else:
        text = {
            c: str
            for c in ("Period", "ReporterISO", "PartnerISO", "FlowCode", "CmdCode", "CustomsCode")
        }
        frame = pd.read_csv(path, dtype=text, index_col=False)
        frame = frame[
            frame["ReporterISO"].eq(REPORTER)
            & frame["PartnerISO"].eq(PARTNER)
            & frame["Partner2Code"].eq(0)
            & frame["CustomsCode"].eq("C00")
            & frame["MotCode"].eq(0)
            & frame["CmdCode"].eq("TOTAL")
        ]
        flows = {"M": "imports", "X": "exports", "RM": "re_imports", "RX": "re_exports"}
        totals = (
            frame.assign(flow=frame["FlowCode"].map(flows))
            .groupby(["Period", "flow"])["PrimaryValue"]
            .sum()
        )
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    totals = {f"{p} {f}": round(float(v), 2) for (p, f), v in dict(totals).items()}
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_mib": _peak_mib(),
        "after_imports_mib": baseline,
        "totals": totals,
    }


def _cp1252(path: Path) -> Path:
    """The same CSV plus, at its end, one Windows-1252 row of another reporter (not UTF-8).

    DuckDB meets the non-UTF-8 byte only at the end, so this is the worst case of the fallback:
    a full UTF-8 scan, then a full re-read as Latin-1.
    """
    target = path.with_suffix(".cp1252.csv")
    if not target.exists():
        import csv
        import io

        with open(path, encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        row = dict.fromkeys(header, "")
        row |= {"ReporterISO": "CIV", "ReporterDesc": "Côte d'Ivoire", "PartnerISO": "GBR"}
        row |= {"Period": "2023", "FlowCode": "X", "CmdCode": "TOTAL", "PrimaryValue": "1"}
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow([row[h] for h in header])
        partial = target.with_suffix(".partial")
        partial.write_bytes(path.read_bytes() + line.getvalue().encode("cp1252"))
        partial.rename(target)
    return target


def _cpu_seconds() -> float:
    """CPU time of this process, all threads (DuckDB's included), user plus system."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mib() -> float:
    """This process's peak resident memory in MiB (``VmHWM``).

    Unlike ``ru_maxrss``, ``VmHWM`` does not carry over the parent's peak through fork and exec.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(kind: str, path: Path) -> dict:
    """Measure ``kind`` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, __file__, "--measure", kind, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"measurement {kind} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def main() -> int:
    """Generate the file, run every measurement ``--repeat`` times, print medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", type=int, default=5_000_000, help="data rows in the synthetic CSV"
    )
    parser.add_argument("--seed", type=int, default=20231, help="random seed of the synthetic CSV")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each measurement (median kept)"
    )
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure[0], Path(args.measure[1]))))
        return 0

    start = time.perf_counter()
    path = generate_csv(args.rows, args.seed)
    size_mib = path.stat().st_size / 2**20
    print(
        f"file: {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path} "
        f"({args.rows:,} rows, {size_mib:,.0f} MiB; ready in {time.perf_counter() - start:.1f} s)"
    )
    parquet = path.with_suffix(".parquet.d")
    if not parquet.exists():
        from analysis.bulk import write_comtrade_parquet

        start = time.perf_counter()
        write_comtrade_parquet(path, parquet)
        print(
            f"parquet dataset by reporter written once in {time.perf_counter() - start:.1f} s: "
            f"{parquet.name}/"
        )
    with open(
        path, "rb"
    ) as handle:  # warm the page cache so no measurement pays the first disk read
        while handle.read(1 << 24):
            pass

    runs = {kind: [] for kind in MEASURES}
    for _ in range(args.repeat):
        for kind in MEASURES:
            runs[kind].append(_run(kind, path))
    medians = {}
    print(
        f"\n{'measure':<14}{'wall s':>8}{'Mrows/s':>9}{'CPU s':>8}{'peak MiB':>10}"
        f"{'after imports':>15}"
    )
    for kind, results in runs.items():
        medians[kind] = {
            k: statistics.median(r[k] for r in results)
            for k in ("seconds", "cpu_seconds", "peak_mib", "after_imports_mib")
        }
        m = medians[kind]
        print(
            f"{kind:<14}{m['seconds']:>8.2f}{args.rows / m['seconds'] / 1e6:>9.2f}"
            f"{m['cpu_seconds']:>8.2f}"
            f"{m['peak_mib']:>10.0f}{m['after_imports_mib']:>15.0f}"
        )
    ours, duck = medians["ours"], medians["duckdb"]
    print(
        f"\nours / DuckDB throughput (wall): {duck['seconds'] / ours['seconds']:.2f}x "
        f"(target >= {TARGET_SPEED});"
        f" by CPU time: {duck['cpu_seconds'] / ours['cpu_seconds']:.2f}x"
    )
    above = (ours["peak_mib"] - ours["after_imports_mib"]) / (
        duck["peak_mib"] - duck["after_imports_mib"]
    )
    print(
        f"ours / DuckDB peak memory: {ours['peak_mib'] / duck['peak_mib']:.2f}x "
        f"(target <= {TARGET_MEMORY});"
        f" above each process's imports: {above:.2f}x"
    )
    cp1252 = medians["ours_cp1252"]
    print(
        f"a Windows-1252 file (UTF-8 scan, then re-read as Latin-1) / a UTF-8 file, CPU time: "
        f"{cp1252['cpu_seconds'] / ours['cpu_seconds']:.2f}x"
    )
    reference = runs["duckdb"][0]["totals"]
    agree = all(r[0]["totals"] == reference for r in runs.values())
    print(f"TOTAL values per period and flow agree across all methods: {agree}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
