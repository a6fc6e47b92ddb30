"""Batch reports: the UK's report with many partners, in-process workers, an index, clean stops.

``python -m analysis report --all-partners`` writes ``reports/all-partners-<base>-<period>/``: one
report folder ``GBR-<ISO3>-<base>-<period>/`` per partner and ``index.html``. The shared inputs
are loaded and validated once, in this process, before any worker starts; each worker (a forked
process, no kernel) builds a partner's ReportData, renders it and publishes the folder atomically.
Each report folder records the digest of every input and parameter it was built from, and a
rerun skips a partner exactly when that digest matches the current inputs. Ctrl-C or SIGTERM
stops the queue at once, kills the workers (each has its own pipe: no lock shared with them),
removes their unfinished folders and raises :class:`BatchInterrupted`. The workers' pipes are
:mod:`analysis.report.worker_pipes`; the index page is :mod:`analysis.report.batch_index`.
"""

from __future__ import annotations

import signal
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from analysis import paths
from analysis.report import provenance, publish, worker_pipes
from analysis.report.batch_index import (
    WORLD_ISO3,
    PartnerResult,
    build_index_html,
    compute_partner_headlines,
)
from analysis.report.data import InputError, ReportInputs, load_official_sources
from analysis.report.run import check_output, code_digest, describe_report, write_report_folder

INDEX_FILE = "index.html"
OFFICIAL_ISO3 = "GBR"
_STATE: dict = {}  # what the workers share: set before the pool forks


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
        recorded = describe_report(sources.inputs, code, notebook=False)
        with publish.lock_target(target):
            publish.check_target(target, "report", force=force, option="partner folder")
            with publish.staging_folder(target) as staging:
                write_report_folder(sources, staging, recorded, notebook=False)
                publish.publish(staging, target)
    except (InputError, publish.PublishError, NotebookFailedError) as error:
        return partner_iso3, " ".join(str(error).split())
    except OSError as error:
        return partner_iso3, publish.describe_os_error(error, target)
    except Exception as error:  # noqa: BLE001 - one partner's failure must not stop the others
        return partner_iso3, f"{type(error).__name__}: {error}".splitlines()[0]
    return partner_iso3, None


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
                if provenance.is_current(target / partner_folder(iso3, base, period), digest(iso3)):
                    results[iso3] = PartnerResult(iso3, report_of(iso3), is_skipped=True)
        to_run = [iso3 for iso3 in selected if iso3 not in results]

        def record(iso3: str, error: str | None) -> None:
            results[iso3] = PartnerResult(iso3, report_of(iso3), error)

        _STATE.update(shared=shared, folder=target, code=code, force=force)
        try:
            with worker_pipes.signals_stop():
                worker_pipes.run_all(_write_partner, to_run, workers, progress, record)
        except worker_pipes.Signalled as stop:
            previous = {
                s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)
            }
            try:  # a second signal must not cut the clean-up short
                _sweep(target, to_run, base, period)
                for iso3 in to_run:  # published by a worker just before it was stopped
                    folder = target / partner_folder(iso3, base, period)
                    if iso3 not in results and provenance.is_current(folder, digest(iso3)):
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
        marker = provenance.read_marker(target)
        if marker is None or (force and marker["kind"] != "batch"):
            provenance.write_marker(target, "batch")
    except OSError as error:
        raise publish.PublishError(publish.describe_os_error(error, target)) from None


def _write_index(
    target: Path, results: dict[str, PartnerResult], headlines, base: str, period: str
) -> Path:
    index = target / INDEX_FILE
    listed = [results[iso3] for iso3 in sorted(results)]
    try:
        provenance.write_text_atomic(index, build_index_html(listed, headlines, base, period))
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
