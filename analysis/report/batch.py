"""Batch reports: the UK's report with many partners, in-process workers, an index, clean stops.

``python -m analysis report --all-partners`` writes ``reports/all-partners-<base>-<period>/``: one
report folder ``GBR-<ISO3>-<base>-<period>/`` per partner and ``index.html``. The shared inputs
are loaded and validated once, in this process, before any worker starts; each worker (a forked
process, no kernel) builds a partner's ReportData, renders it and publishes the folder atomically.
Each report folder records the digest of every input and parameter it was built from, and a
rerun skips a partner exactly when that digest matches the current inputs. Ctrl-C or SIGTERM
stops the queue at once, kills the workers (each has its own pipe: no lock shared with them),
removes their unfinished folders and raises :class:`BatchInterrupted`.
"""

from __future__ import annotations

import html
import math
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.report import publish
from analysis.report.data import InputError, ReportInputs, load_official_sources
from analysis.report.run import check_output, code_digest, describe_report, write_report_folder

INDEX_FILE = "index.html"
OFFICIAL_ISO3 = "GBR"
WORLD_ISO3 = "WLD"
_STATE: dict = {}  # what the workers share: set before the pool forks


@dataclass(frozen=True)
class PartnerResult:
    """One partner's outcome: ``error`` is None when its report is current."""

    partner_iso3: str
    report: str  # report.html, relative to the batch folder
    error: str | None = None
    is_skipped: bool = False  # current already: not rebuilt


@dataclass(frozen=True)
class BatchResult:
    """The index page and the result of every partner it lists."""

    index: Path
    results: list[PartnerResult]

    @property
    def failed(self) -> list[PartnerResult]:
        """The partners whose report failed."""
        return [r for r in self.results if r.error is not None]


class BatchInterrupted(Exception):  # noqa: N818 - it is the outcome, not a fault
    """The batch was stopped by a signal: ``done`` of ``total`` partners are current."""

    def __init__(self, signum: int, done: int, total: int) -> None:
        """Record the signal and the progress.

        Args:
            signum: The signal (SIGINT or SIGTERM).
            done: Partners of this run whose report is current.
            total: Partners of this run.
        """
        super().__init__(f"interrupted: {done} of {total} done; rerun to finish")
        self.signum, self.done, self.total = signum, done, total


class _Signalled(BaseException):  # noqa: N818 - raised from a signal handler
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals_stop() -> Iterator[None]:
    """While inside, SIGINT and SIGTERM raise :class:`_Signalled` here (the main process)."""

    def handler(signum, frame):
        raise _Signalled(signum)

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, action in previous.items():
            signal.signal(number, action)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process and die at once on SIGTERM (a group's stop)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _serve(connection: Connection) -> None:
    """A worker: write the partner each message names, answer (iso3, error); None ends it."""
    _worker_init()
    while (partner_iso3 := connection.recv()) is not None:
        connection.send(_write_partner(partner_iso3))


def partner_folder(partner_iso3: str, base_period: str, period: str) -> str:
    """The folder name of one partner's report inside the batch folder.

    Args:
        partner_iso3: The UK's partner.
        base_period: The earlier year.
        period: The compared year.

    Returns:
        ``GBR-<ISO3>-<base>-<period>``.
    """
    return f"{OFFICIAL_ISO3}-{partner_iso3}-{base_period}-{period}"


def compute_partner_headlines(table: pd.DataFrame, base_period: str, period: str) -> pd.DataFrame:
    """Every partner (World left out) with the UK's goods trade in ``period`` and its change.

    Args:
        table: The ONS goods table (``Sources.ons``: US$, partner names as the file writes them).
        base_period: The earlier year.
        period: The compared year.

    Returns:
        One row per partner, sorted by ISO3: ``partner_iso3``, ``partner_name``, ``exports_usd``
        (UK exports to the partner), ``imports_usd``, ``turnover_usd`` (all US$, ``period``),
        ``base_turnover_usd`` (US$, ``base_period``) and ``change_pct`` (turnover, %); NaN where
        the file has no value.
    """
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


def _write_partner(partner_iso3: str) -> tuple[str, str | None]:
    """Build, render and publish one partner's report (in a worker); the error as one line."""
    from analysis.report.data import default_text_path, sources_for_partner
    from analysis.report.run import NotebookFailedError

    shared, folder, code, force = (_STATE[k] for k in ("shared", "folder", "code", "force"))
    inputs = shared.inputs
    target = folder / partner_folder(partner_iso3, inputs.base_period, inputs.period)
    try:
        sources = sources_for_partner(
            shared, partner_iso3, default_text_path(OFFICIAL_ISO3, partner_iso3)
        )
        provenance = describe_report(sources.inputs, code, notebook=False)
        with publish.lock_target(target):
            publish.check_target(target, "report", force=force, option="partner folder")
            with publish.staging_folder(target) as staging:
                write_report_folder(sources, staging, provenance, notebook=False)
                publish.publish(staging, target)
    except (InputError, publish.PublishError, NotebookFailedError) as error:
        return partner_iso3, " ".join(str(error).split())
    except OSError as error:
        return partner_iso3, publish.describe_os_error(error, target)
    except Exception as error:  # noqa: BLE001 - one partner's failure must not stop the others
        return partner_iso3, f"{type(error).__name__}: {error}".splitlines()[0]
    return partner_iso3, None


def _millions(value_usd: float) -> str:
    return "n/a" if math.isnan(value_usd) else f"{value_usd / 1e6:,.1f}"


def _percent(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:+.1f}%".replace("-", "\u2212")


def build_index_html(
    results: Sequence[PartnerResult], headlines: pd.DataFrame, base_period: str, period: str
) -> str:
    """The batch's index page: one row per partner, sorted by name, with figures and a link.

    Names and errors are HTML-escaped; figures are US$ millions with one decimal; the page loads
    nothing from the network and holds no timestamp, so equal inputs give equal bytes. Its style
    is the reports' CSS file, inlined.

    Args:
        results: One result per partner to list.
        headlines: Output of :func:`compute_partner_headlines` (every listed partner in it).
        base_period: The earlier year.
        period: The compared year.

    Returns:
        The HTML text.
    """
    from analysis.loaders.ons import ATTRIBUTION
    from analysis.report.render import CSS_FILE

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
    css = Path(CSS_FILE).read_text(encoding="utf-8")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{css}</style>
</head>
<body>
<main>
<h1>{html.escape(title)}</h1>
<p>{len(results)} partners: {len(results) - failed} reports, {failed} failed.
Figures in US$ millions (goods, the UK's side); each partner's name links to its report.</p>
<table class="report-table">
<thead><tr><th>Partner</th><th>ISO3</th>{header}<th>Report</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p class="source">{html.escape(ATTRIBUTION)} Pounds converted to US dollars at the annual average
of the Federal Reserve H.10 daily rates.</p>
</main>
</body>
</html>
"""


def run_batch(
    inputs: ReportInputs,
    *,
    partners: Sequence[str] | None = None,
    output: Path | None = None,
    workers: int | None = None,
    force: bool = False,
    progress: bool = False,
) -> BatchResult:
    """Write the UK's report with each ONS partner (or those given), then the index page.

    Everything shared is validated first (files, years, partners); a partner whose report
    already records the digest of the current inputs is skipped unless ``force``. A partner
    that fails is listed with its error; the others go on.

    Args:
        inputs: Years and files (the reporter is GBR; partner, text and trade files unused).
        partners: ISO3 codes; None for every ONS partner (World left out).
        output: Batch folder inside ``reports/``; None for ``reports/all-partners-<base>-<period>``.
        workers: Worker processes; None for the usable cores; 1 runs in this process.
        force: Rebuild current reports, and replace partner folders that are not ours.
        progress: Show a progress bar on stderr.

    Returns:
        The index and every listed partner: those of this run and earlier current reports.

    Raises:
        InputError: Bad files, years or partners (nothing has run).
        publish.PublishError: The batch folder is not ours, or a fault of the machine.
        BatchInterrupted: SIGINT or SIGTERM; finished reports are kept, unfinished ones removed.
    """
    base, period = inputs.base_period, inputs.period
    target = check_output(
        output or paths.REPORTS_DIR / f"all-partners-{base}-{period}", "batch", force=force
    )
    inputs = replace(inputs, reporter_iso3=OFFICIAL_ISO3, text_path=None, trade_files=())
    shared = load_official_sources(inputs)
    known = sorted(set(shared.names) - {WORLD_ISO3})
    selected = known if partners is None else sorted({p.upper() for p in partners})
    unknown = sorted(set(selected) - set(known))
    if unknown or not selected:
        raise InputError(
            f"--partners {','.join(unknown)}: not partners in the ONS file "
            f"{Path(inputs.ons_path).name}; choose countries the file lists"
            if unknown
            else "--partners: give at least one ISO3 code"
        )
    from analysis.report.data import sources_for_partner

    sources_for_partner(shared, selected[0])  # years checked once, before anything is written
    headlines = compute_partner_headlines(shared.ons, base, period)
    code = code_digest()

    def digest(iso3: str) -> str:
        partner_inputs = replace(inputs, partner_iso3=iso3)
        return describe_report(partner_inputs, code, notebook=False)["digest"]

    def report_of(iso3: str) -> str:
        return f"{partner_folder(iso3, base, period)}/report.html"

    with publish.lock_target(target, wait=False):
        publish.check_target(target, "batch", force=force)
        _make_batch_folder(target, force)
        results: dict[str, PartnerResult] = {}
        for iso3 in known:  # earlier current reports stay listed
            if (target / partner_folder(iso3, base, period)).is_dir() and (
                iso3 not in selected or not force
            ):
                if publish.is_current(target / partner_folder(iso3, base, period), digest(iso3)):
                    results[iso3] = PartnerResult(iso3, report_of(iso3), is_skipped=True)
        to_run = [iso3 for iso3 in selected if iso3 not in results]

        def record(iso3: str, error: str | None) -> None:
            results[iso3] = PartnerResult(iso3, report_of(iso3), error)

        _STATE.update(shared=shared, folder=target, code=code, force=force)
        try:
            with _signals_stop():
                _run_all(to_run, workers, progress, record)
        except _Signalled as stop:
            previous = {
                s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)
            }
            try:  # a second signal must not cut the clean-up short
                _sweep(target, to_run, base, period)
                for iso3 in to_run:  # published by a worker just before it was stopped
                    folder = target / partner_folder(iso3, base, period)
                    if iso3 not in results and publish.is_current(folder, digest(iso3)):
                        record(iso3, None)
                _write_index(target, results, headlines, base, period)
            finally:
                for number, action in previous.items():
                    signal.signal(number, action)
            done = sum(results[i].error is None for i in to_run if i in results)
            raise BatchInterrupted(stop.signum, done, len(to_run)) from None
        finally:
            _STATE.clear()
        index = _write_index(target, results, headlines, base, period)
    return BatchResult(index, [results[iso3] for iso3 in sorted(results)])


def _make_batch_folder(target: Path, force: bool) -> None:
    try:
        target.mkdir(parents=True, exist_ok=True)
        marker = publish.read_marker(target)
        if marker is None or (force and marker["kind"] != "batch"):
            publish.write_marker(target, "batch")
    except OSError as error:
        raise publish.PublishError(publish.describe_os_error(error, target)) from None


def _write_index(
    target: Path, results: dict[str, PartnerResult], headlines, base: str, period: str
) -> Path:
    index = target / INDEX_FILE
    listed = [results[iso3] for iso3 in sorted(results)]
    try:
        publish.write_text_atomic(index, build_index_html(listed, headlines, base, period))
    except OSError as error:
        raise publish.PublishError(publish.describe_os_error(error, index)) from None
    return index


def _sweep(target: Path, to_run: Sequence[str], base: str, period: str) -> None:
    """Remove what killed workers left (staging folders) beside each partner's folder."""
    for iso3 in to_run:
        try:
            with publish.lock_target(target / partner_folder(iso3, base, period), wait=False):
                pass
        except publish.PublishError:
            continue


def _run_all(
    to_run: Sequence[str],
    workers: int | None,
    progress: bool,
    record: Callable[[str, str | None], None],
) -> None:
    """Run the partners in this process or in forked workers, calling ``record`` for each."""
    from tqdm import tqdm

    workers = min(workers or len(os.sched_getaffinity(0)), max(len(to_run), 1))
    with tqdm(
        total=len(to_run),
        desc="reports",
        unit="partner",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
    ) as bar:
        if workers == 1:
            outcomes = map(_write_partner, to_run)
            for iso3, error in outcomes:
                record(iso3, error)
                bar.update()
            return
        _run_in_workers(to_run, workers, record, bar)


def _run_in_workers(
    to_run: Sequence[str], workers: int, record: Callable[[str, str | None], None], bar
) -> None:
    """Hand partners to forked workers one at a time, each over its own pipe.

    No lock or queue is shared between processes, so a worker killed at any moment cannot stop
    the others or the main process (``multiprocessing.Pool`` shares one queue lock, and its stop
    can wait for ever on a lock a killed worker held). On any exception, signals included, every
    worker is killed before it propagates.
    """
    context = multiprocessing.get_context("fork")
    queue = list(reversed(to_run))
    busy: dict[Connection, tuple[multiprocessing.process.BaseProcess, str]] = {}
    processes = []
    try:
        for _ in range(workers):
            mine, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs,), daemon=True)
            process.start()
            theirs.close()
            processes.append(process)
            mine.send(queue[-1])
            busy[mine] = (process, queue.pop())
        while busy:
            for connection in wait(list(busy)):
                process, partner_iso3 = busy.pop(connection)
                try:
                    partner_iso3, error = connection.recv()
                except EOFError:  # the worker died; its partner failed, the others go on
                    process.join()
                    record(partner_iso3, f"the worker stopped (exit status {process.exitcode})")
                    bar.update()
                    continue
                record(partner_iso3, error)
                bar.set_postfix_str(partner_iso3, refresh=False)
                bar.update()
                connection.send(queue[-1] if queue else None)
                if queue:
                    busy[connection] = (process, queue.pop())
    except BaseException:
        for process in processes:  # the queue stops now
            process.kill()
        raise
    finally:
        for process in processes:
            process.join()
