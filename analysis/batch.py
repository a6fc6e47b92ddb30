"""Batch reports: the UK's report with every ONS partner, in parallel, with an index and a manifest.

``python -m analysis report --all-partners`` writes
``reports/all-partners-<base>-<period>/``: one report folder ``GBR-<ISO3>-<base>-<period>/`` per
partner, ``index.html`` (every partner with its headline figures and a link to its report, or its
error) and ``manifest.json`` (a hash of each partner's inputs, so that reruns skip partners whose
inputs have not changed and whose report exists).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import math
import os
import signal
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import paths

if TYPE_CHECKING:  # pandas is imported when used: `report --help` stays quick
    import pandas as pd

INDEX_FILE = "index.html"
MANIFEST_FILE = "manifest.json"
UK_ISO3 = "GBR"
WORLD_ISO3 = "WLD"
_MANIFEST_FORMAT = 1
_CSS = """
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 1rem 2rem;
  color: #222; }
table { border-collapse: collapse; font-size: 0.9rem; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left;
  vertical-align: top; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.error { color: #a00; overflow-wrap: anywhere; }
p.source { color: #555; font-size: 0.85rem; }
"""


class BatchParameterError(ValueError):
    """A batch parameter is invalid (checked before any report runs)."""


@dataclass(frozen=True)
class PartnerResult:
    """Outcome of one partner's report: ``error`` is None when the report exists and is current."""

    partner_iso3: str
    report: str  # path of report.html relative to the batch folder
    error: str | None = None
    is_skipped: bool = False


@dataclass(frozen=True)
class BatchResult:
    """Outcome of a batch: the index page and one result per partner listed in it."""

    index: Path
    results: list[PartnerResult]

    @property
    def failed(self) -> list[PartnerResult]:
        """The partners whose report failed."""
        return [r for r in self.results if r.error is not None]


def compute_partner_headlines(table: pd.DataFrame, base_period: str, period: str) -> pd.DataFrame:
    """Every partner (World left out) with the UK's goods trade in ``period`` and its change.

    Args:
        table: ``analysis.loaders.ons.load_ons_trade`` output (goods, US$; partner names as the
            file writes them, from ``read_ons_trade_gbp``).
        base_period: The earlier year.
        period: The compared year.

    Returns:
        One row per partner, sorted by ISO3: ``partner_iso3``, ``partner_name``, ``exports_usd``
        (UK exports to the partner), ``imports_usd``, ``turnover_usd`` (all US$, ``period``),
        ``base_turnover_usd`` (US$, ``base_period``) and ``change_pct`` (turnover, %). A value the
        file lacks is NaN.

    Raises:
        ValueError: A year is not in the table.
    """
    import pandas as pd

    from analysis.maths import compute_changes, pivot_flows

    table = table[table["partner_iso3"].ne(WORLD_ISO3)]
    names = table.drop_duplicates("partner_iso3").set_index("partner_iso3")["partner_name"]
    changes = compute_changes(pivot_flows(table), base_period, period)
    changes = changes.set_index(["partner_iso3", "flow"])
    values = changes["value_usd"].unstack("flow")
    headlines = pd.DataFrame(
        {
            "partner_name": names,
            "exports_usd": values["exports"],
            "imports_usd": values["imports"],
            "turnover_usd": values["turnover"],
            "base_turnover_usd": changes["base_value_usd"].xs("turnover", level="flow"),
            "change_pct": changes["change_pct"].xs("turnover", level="flow"),
        }
    )
    return headlines.rename_axis("partner_iso3").sort_index().reset_index()


def compute_package_digest() -> str:
    """SHA-256 of the package: its version and the bytes of every module and reference file.

    Returns:
        A hex digest; it changes when any of those change.
    """
    try:
        package_version = version("analysis")
    except PackageNotFoundError:
        package_version = "unknown"
    files = sorted([*paths.PACKAGE_DIR.rglob("*.py"), *paths.REFERENCE_DIR.rglob("*.*")])
    digest = hashlib.sha256(f"analysis {package_version}\n".encode())
    for path in files:
        name = path.relative_to(paths.PACKAGE_DIR).as_posix()
        digest.update(f"{name} {hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()


def compute_inputs_digest(
    ons: Path = paths.ONS_TRADE_FILE,
    fx: Path = paths.FX_USD_PER_GBP_FILE,
    seed: Path = paths.DEFAULT_SEED,
) -> str:
    """SHA-256 over everything every partner's report depends on besides its own parameters.

    That is the ONS, FX and seed files, the report notebooks and the package
    (:func:`compute_package_digest`).

    Args:
        ons: ONS CSV file.
        fx: H.10 CSV file.
        seed: News text file.

    Returns:
        A hex digest; it changes when any of those bytes change.
    """
    from analysis.report import NOTEBOOKS

    named = [("ons", Path(ons)), ("fx", Path(fx)), ("seed", Path(seed))]
    named += [(f"notebook {name}", paths.NOTEBOOKS_DIR / name) for name in NOTEBOOKS]
    digest = hashlib.sha256(f"package {compute_package_digest()}\n".encode())
    for label, path in named:  # a missing notebook makes every report fail, with its error
        file_digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        digest.update(f"{label} {file_digest}\n".encode())
    return digest.hexdigest()


def _partner_hash(inputs_digest: str, partner_iso3: str, base_period: str, period: str) -> str:
    key = {
        "inputs": inputs_digest,
        "reporter_iso3": UK_ISO3,
        "partner_iso3": partner_iso3,
        "base_period": base_period,
        "period": period,
    }
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()


def _report_folder(partner_iso3: str, base_period: str, period: str) -> str:
    return f"{UK_ISO3}-{partner_iso3}-{base_period}-{period}"


def _write_partner_report(
    partner_iso3: str, base_period: str, period: str, seed: Path, ons: Path, fx: Path, output: Path
) -> None:
    """Check one partner's parameters and write its report (runs in a worker process)."""
    from analysis.report import check_parameters, write_report

    write_report(
        check_parameters(UK_ISO3, partner_iso3, base_period, period, seed, ons, fx, output)
    )


def _run_partner(partner_iso3: str, *arguments) -> tuple[str, str | None]:
    """Run one partner's report; return its ISO3 and None, or the error as one line."""
    from analysis.fast_nbformat import skip_slow_iri_checker
    from analysis.report import NotebookFailedError, ReportParameterError

    skip_slow_iri_checker()
    try:
        _write_partner_report(partner_iso3, *arguments)
    except NotebookFailedError as error:
        return partner_iso3, str(error)
    except ReportParameterError as error:
        return partner_iso3, f"bad parameters: {error}"
    except Exception as error:  # noqa: BLE001 - one partner's failure must not stop the others
        return partner_iso3, f"{type(error).__name__}: {error}".splitlines()[0]
    return partner_iso3, None


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)  # also if the folder was removed meanwhile
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read_manifest(path: Path) -> dict[str, dict]:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or manifest.get("format") != _MANIFEST_FORMAT:
        return {}
    partners = manifest.get("partners")
    return partners if isinstance(partners, dict) else {}


def _write_manifest(path: Path, entries: dict[str, dict]) -> None:
    manifest = {"format": _MANIFEST_FORMAT, "partners": dict(sorted(entries.items()))}
    _write_atomic(path, json.dumps(manifest, indent=1, sort_keys=True) + "\n")


def _millions(value_usd: float) -> str:
    return "n/a" if math.isnan(value_usd) else f"{value_usd / 1e6:,.1f}"


def _percent(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:+.1f}%"


def build_index_html(
    results: Sequence[PartnerResult], headlines: pd.DataFrame, base_period: str, period: str
) -> str:
    """The batch's index page: one row per partner, sorted by name, with figures and a link.

    Names and errors are HTML-escaped; figures are US$ millions with one decimal; the page loads
    nothing from the network and holds no timestamp, so equal inputs give equal bytes.

    Args:
        results: One result per partner to list.
        headlines: Output of :func:`compute_partner_headlines` (every listed partner in it).
        base_period: The earlier year.
        period: The compared year.

    Returns:
        The HTML text.
    """
    from analysis.loaders.ons import ATTRIBUTION

    figures = headlines.set_index("partner_iso3")
    names = figures["partner_name"]
    rows = []
    for result in sorted(results, key=lambda r: (names[r.partner_iso3].casefold(), r.partner_iso3)):
        iso3 = result.partner_iso3
        name = html.escape(names[iso3])
        row = figures.loc[iso3]
        cells = [
            _millions(row[c])
            for c in ("exports_usd", "imports_usd", "turnover_usd", "base_turnover_usd")
        ]
        cells.append(_percent(row["change_pct"]))
        numbers = "".join(f'<td class="num">{cell}</td>' for cell in cells)
        if result.error is None:
            link = html.escape(result.report, quote=True)
            first = f'<td><a href="{link}">{name}</a></td>'
            status = "<td>ok</td>"
        else:
            first = f"<td>{name}</td>"
            status = f'<td class="error">failed: {html.escape(result.error)}</td>'
        rows.append(f"<tr>{first}<td>{html.escape(iso3)}</td>{numbers}{status}</tr>")
    failed = sum(r.error is not None for r in results)
    title = f"UK goods trade with each partner, {base_period} to {period}"
    header = "".join(
        f'<th class="num">{h}</th>'
        for h in (
            f"UK exports to, {period}",
            f"UK imports from, {period}",
            f"Turnover, {period}",
            f"Turnover, {base_period}",
            "Turnover change",
        )
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<p>{len(results)} partners: {len(results) - failed} reports, {failed} failed.
Figures in US$ millions
(goods, the UK's side); each partner's name links to its report.</p>
<table>
<thead><tr><th>Partner</th><th>ISO3</th>{header}<th>Report</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p class="source">{html.escape(ATTRIBUTION)} Pounds converted to US dollars at the annual average
of the Federal Reserve H.10 daily rates.</p>
</body>
</html>
"""


def run_batch(
    base_period: str = "2022",
    period: str = "2023",
    *,
    partners: Sequence[str] | None = None,
    seed: Path = paths.DEFAULT_SEED,
    ons: Path = paths.ONS_TRADE_FILE,
    fx: Path = paths.FX_USD_PER_GBP_FILE,
    output: Path | None = None,
    workers: int | None = None,
    force: bool = False,
    progress: bool = False,
) -> BatchResult:
    """Write the UK's report with each ONS partner, in parallel, then the index page.

    A partner is skipped when the manifest holds its current inputs hash and its report exists
    (unless ``force``). A partner that fails is recorded with its error; the others go on. The
    manifest is rewritten after every partner, so an interrupted batch keeps what it finished.

    Args:
        base_period: The earlier year.
        period: The compared year.
        partners: ISO3 codes to run; None for every ONS partner (World left out).
        seed: News text given to each report.
        ons: ONS CSV file.
        fx: H.10 CSV file.
        output: Batch folder inside ``reports/``; None for ``reports/all-partners-<base>-<period>``.
        workers: Worker processes (each runs one report, itself two notebooks at a time); None for
            the number of usable cores; 1 runs in this process.
        force: Re-run every partner.
        progress: Show a progress bar on stderr.

    Returns:
        The index path and the result of every partner listed in it: those of this run, and
        earlier up-to-date reports in the same folder.

    Raises:
        BatchParameterError: Bad years, files, partners or output folder (nothing has run).
    """
    from analysis.loaders.fx import ExchangeRateError
    from analysis.loaders.ons import OnsFileError, load_ons_trade
    from analysis.report import ReportParameterError, check_parameters

    output = Path(
        output if output is not None else paths.REPORTS_DIR / f"all-partners-{base_period}-{period}"
    ).absolute()
    if paths.REPORTS_DIR.resolve() not in output.resolve().parents:
        raise BatchParameterError(
            f"--output {output}: must be a folder inside {paths.REPORTS_DIR.resolve()}"
        )
    try:
        table = load_ons_trade(ons, fx)  # partners and names: every partner with goods rows
    except (OnsFileError, ExchangeRateError, OSError) as error:
        raise BatchParameterError(str(error)) from None
    known = set(table["partner_iso3"]) - {WORLD_ISO3}
    selected = sorted(known) if partners is None else [p.upper() for p in partners]
    unknown = sorted(set(selected) - known)
    if unknown or not selected:
        raise BatchParameterError(
            f"--partners {','.join(unknown)}: not partners in the ONS file {Path(ons).name}"
            if unknown
            else "--partners: give at least one ISO3 code"
        )
    try:  # the parameters every partner shares (years, files), checked before anything runs
        check_parameters(
            UK_ISO3,
            selected[0],
            base_period,
            period,
            seed,
            ons,
            fx,
            output / _report_folder(selected[0], base_period, period),
        )
    except ReportParameterError as error:
        raise BatchParameterError(str(error)) from None
    headlines = compute_partner_headlines(table, base_period, period)
    output.mkdir(parents=True, exist_ok=True)
    manifest_path = output / MANIFEST_FILE
    manifest = _read_manifest(manifest_path)
    digest = compute_inputs_digest(ons, fx, seed)

    def is_current(iso3: str) -> bool:
        entry = manifest.get(iso3, {})
        return (
            entry.get("inputs_sha256") == _partner_hash(digest, iso3, base_period, period)
            and entry.get("error") is None
            and (output / entry.get("report", "-")).is_file()
        )

    results = {}
    for iso3 in sorted(set(manifest) & known | set(selected)):
        report = f"{_report_folder(iso3, base_period, period)}/report.html"
        if is_current(iso3) and (iso3 not in selected or not force):
            results[iso3] = PartnerResult(iso3, report, is_skipped=True)
    to_run = [iso3 for iso3 in selected if iso3 not in results]
    arguments = (base_period, period, Path(seed).resolve(), Path(ons).resolve(), Path(fx).resolve())

    def record(iso3: str, error: str | None) -> None:
        report = f"{_report_folder(iso3, base_period, period)}/report.html"
        results[iso3] = PartnerResult(iso3, report, error)
        manifest[iso3] = {
            "inputs_sha256": _partner_hash(digest, iso3, base_period, period),
            "report": report,
            "error": error,
        }
        _write_manifest(manifest_path, manifest)

    _run_all(to_run, arguments, output, workers, progress, record)
    listed = [results[iso3] for iso3 in sorted(results)]
    index = output / INDEX_FILE
    _write_atomic(index, build_index_html(listed, headlines, base_period, period))
    return BatchResult(index, listed)


def _run_all(to_run, arguments, output, workers, progress, record) -> None:
    """Run the partners' reports, in this process or a process pool, calling ``record`` for each."""
    from tqdm import tqdm

    base_period, period = arguments[:2]
    jobs = {
        iso3: (*arguments, output / _report_folder(iso3, base_period, period)) for iso3 in to_run
    }
    workers = min(workers or len(os.sched_getaffinity(0)), max(len(jobs), 1))
    with tqdm(
        total=len(jobs),
        desc="reports",
        unit="partner",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
    ) as bar:
        if workers == 1:
            for iso3, job in jobs.items():
                record(*_run_partner(iso3, *job))
                bar.set_postfix_str(iso3, refresh=False)
                bar.update()
            return
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_run_partner, iso3, *job): iso3 for iso3, job in jobs.items()}
            try:
                for future in as_completed(futures):
                    try:
                        record(*future.result())
                    except Exception as error:  # noqa: BLE001 - e.g. a worker killed (memory)
                        message = f"worker process failed: {type(error).__name__}: {error}"
                        record(futures[future], message)
                    bar.set_postfix_str(futures[future], refresh=False)
                    bar.update()
            except BaseException:  # interrupted: drop the queue, let running reports finish
                pool.shutdown(wait=False, cancel_futures=True)
                raise


def _interrupt(signum: int, frame) -> None:
    """Turn SIGTERM into KeyboardInterrupt, so the pool is shut down as on Ctrl-C."""
    raise KeyboardInterrupt


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the batch-only options: ``--partners``, ``--workers``, ``--force``, ``--no-progress``.

    Args:
        parser: The ``report`` subcommand's parser.
    """
    parser.add_argument(
        "--partners",
        default=None,
        metavar="ISO3,ISO3",
        help="only these ONS partners (comma-separated; implies --all-partners)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="with --all-partners: reports run at once, each in its own process "
        "(default: the number of cores)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="with --all-partners: re-run partners whose inputs have not changed",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="with --all-partners: no progress bar (none either when stderr is not a terminal)",
    )


def run(args: argparse.Namespace) -> int:
    """Run the batch from parsed options (``report --all-partners`` or ``--partners``).

    Prints the index path on stdout and one summary line on stderr.

    Args:
        args: Parsed ``report`` options (see :func:`analysis.report.add_arguments`).

    Returns:
        0 when every listed partner has its report, 1 when any failed (the index lists them with
        their errors), 2 for bad parameters (nothing has run).
    """
    reporter = getattr(args, "reporter", None)
    if reporter is not None and reporter.upper() != UK_ISO3:
        print(
            f"report: --all-partners runs the UK side; drop --reporter {reporter}", file=sys.stderr
        )
        return 2
    partner = getattr(args, "partner", UK_ISO3)
    if partner.upper() != UK_ISO3:
        print(
            f"report: --all-partners: drop --partner {partner}; choose partners with "
            f"--partners {partner.upper()},...",
            file=sys.stderr,
        )
        return 2
    if args.workers is not None and args.workers < 1:
        print(f"report: --workers {args.workers}: give 1 or more", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)
    partners = None
    if args.partners is not None:
        partners = [p.strip() for p in args.partners.split(",") if p.strip()]
    try:
        result = run_batch(
            args.base,
            args.period,
            partners=partners,
            seed=args.seed,
            ons=args.ons,
            fx=args.fx,
            output=args.output,
            workers=args.workers,
            force=args.force,
            progress=not args.no_progress and sys.stderr.isatty(),
        )
    except BatchParameterError as error:
        print(f"report: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "report: interrupted; the manifest keeps the partners that finished, a rerun "
            "goes on from there",
            file=sys.stderr,
        )
        return 130
    failed = result.failed
    skipped = sum(r.is_skipped for r in result.results)
    summary = (
        f"report: {len(result.results) - len(failed)} partners ok ({skipped} unchanged), "
        f"{len(failed)} failed"
    )
    print(
        summary + (": " + ", ".join(r.partner_iso3 for r in failed) if failed else ""),
        file=sys.stderr,
    )
    print(result.index)
    return 1 if failed else 0
