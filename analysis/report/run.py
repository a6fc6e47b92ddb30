"""One report, end to end: validate every input, build ReportData, run the notebook, publish.

:func:`run_report` loads and checks every input with the package's loaders (``load_sources``)
before any kernel starts, builds the ReportData once, has papermill run the report notebook on
that very object (pickled; the notebook only displays it), renders the HTML, CSV and JSON files
from it, records the digest of every input and parameter in the folder's marker, and publishes
the folder atomically under the target's lock (:mod:`analysis.report.publish`).
"""

from __future__ import annotations

import hashlib
import pickle
import subprocess
from pathlib import Path

from analysis import paths
from analysis.report import provenance, publish
from analysis.report.data import InputError, ReportInputs, Sources

NOTEBOOK = "01-trade-report.ipynb"
REPORT_FILE = "report.html"
KERNEL = "python3"
_DATA_FILE = "report-data.pickle"  # in the staging folder while the notebook runs, then removed
# What the kernel needs to unpickle and show the report (a ShownReport: strings and bytes, no
# pandas), imported silently (no execution count,
# no output, no names left) as soon as it is up, while this process builds the data.
_WARM_UP = "import pickle, IPython.display, analysis.report.notebook\ndel pickle, IPython, analysis"


class NotebookFailedError(RuntimeError):
    """The notebook failed while executing; the message names the cell and the error."""


def default_output(inputs: ReportInputs) -> Path:
    """``reports/<reporter>-<partner>-<base>-<period>``; with trade files, a name of their own.

    Args:
        inputs: The report's inputs.

    Returns:
        The report folder: a run with ``--trade-file`` never writes over the default report
        (its name ends with the first 8 hex digits of the files' digest).
    """
    name = (
        f"{inputs.reporter_iso3}-{inputs.partner_iso3}-{inputs.base_period}-{inputs.period}".upper()
    )
    if inputs.trade_files:
        digest = hashlib.sha256()
        for path in inputs.trade_files:
            digest.update(provenance.compute_file_digest(Path(path)).encode())
        name += f"-with-files-{digest.hexdigest()[:8]}"
    return paths.REPORTS_DIR / name


def check_output(output: Path, kind: str, *, force: bool = False) -> Path:
    """The absolute target, checked: inside ``reports/`` and replaceable by a ``kind``.

    Args:
        output: The folder asked for.
        kind: ``report`` or ``batch``.
        force: Replace a folder without our marker, or of the other kind.

    Returns:
        The absolute target path.

    Raises:
        publish.PublishError: Outside ``reports/``, a file, a symbolic link, a name too long,
            or a folder that is not ours (one line).
    """
    target = Path(output).absolute()
    reports = paths.REPORTS_DIR.resolve()
    if reports not in target.parent.resolve().parents and target.parent.resolve() != reports:
        raise publish.PublishError(f"--output {output}: must be a folder inside {reports}")
    publish.check_target(target, kind, force=force)
    return target


def code_digest() -> str:
    """The digest of the code a report is built with: the package and the report notebook.

    Returns:
        A hex digest.
    """
    return provenance.compute_code_digest(
        {"analysis": paths.PACKAGE_DIR, "notebook": paths.NOTEBOOKS_DIR / NOTEBOOK}
    )


def describe_report(inputs: ReportInputs, code: str, *, notebook: bool) -> dict:
    """The provenance recorded in a report folder (see :func:`provenance.describe_inputs`).

    Args:
        inputs: The report's inputs.
        code: :func:`code_digest`.
        notebook: Whether the executed notebook is part of the folder.

    Returns:
        The provenance, with its one ``digest``.
    """
    files: dict[str, Path | None] = {
        "text": inputs.text_path,
        "ons": inputs.ons_path,
        "fx": inputs.fx_path,
        "monthly": inputs.monthly_path,
    }
    files.update({f"trade_file {i}": p for i, p in enumerate(inputs.trade_files, 1)})
    parameters = {
        "reporter_iso3": inputs.reporter_iso3,
        "partner_iso3": inputs.partner_iso3,
        "base_period": inputs.base_period,
        "period": inputs.period,
        "notebook": notebook,
    }
    absolute = {k: None if v is None else paths.PROJECT_DIR / v for k, v in files.items()}
    return provenance.describe_inputs(parameters, absolute, code)


def write_report_folder(
    sources: Sources, staging: Path, recorded: dict, *, notebook: bool = True
) -> None:
    """Fill ``staging`` with the report of ``sources``: notebook, HTML, tables, JSON, marker.

    Args:
        sources: Loaded, validated inputs.
        staging: An empty folder.
        recorded: :func:`describe_report` of the inputs.
        notebook: Run the notebook too (the batch leaves it out).

    Raises:
        NotebookFailedError: The notebook failed.
    """
    from analysis.report.data import build_report_data
    from analysis.report.notebook import shown_report
    from analysis.report.render import write_report_files

    if not notebook:
        data = build_report_data(sources)
    else:
        # the kernel boots (inputs are already valid) while this process builds the data; it
        # runs in the staging folder and reads the data by a relative path, so the executed
        # notebook names no temporary folder and equal inputs give equal bytes
        manager = start_kernel(staging, warm_up=_WARM_UP)
        pickled = staging / _DATA_FILE
        try:
            data = build_report_data(sources)
            shown = shown_report(data)  # the kernel only displays these fragments
            pickled.write_bytes(pickle.dumps(shown, protocol=pickle.HIGHEST_PROTOCOL))
            execute_notebook(staging / NOTEBOOK, {"report_data_path": _DATA_FILE}, manager=manager)
        finally:
            stop_kernel(manager)
            pickled.unlink(missing_ok=True)
    write_report_files(data, staging)
    provenance.write_marker(staging, "report", recorded)


def run_report(
    inputs: ReportInputs, output: Path | None = None, *, force: bool = False, notebook: bool = True
) -> Path:
    """Write one report folder: every input validated first, then published atomically.

    Args:
        inputs: The report's inputs.
        output: The report folder inside ``reports/``; None for :func:`default_output`.
        force: Replace a folder without our marker (or a batch folder).
        notebook: Also run the notebook on the ReportData (False: HTML, CSV and JSON only).

    Returns:
        The path of ``report.html``.

    Raises:
        InputError: A bad input (nothing has run, nothing written).
        publish.PublishError: A target that is not ours, or a fault of the machine (one line);
            the earlier report is left as it was.
        NotebookFailedError: The notebook failed (the earlier report is left as it was).
    """
    from analysis.report.data import load_sources

    if output is not None:
        check_output(output, "report", force=force)  # a refusal costs nothing
    sources = load_sources(inputs)
    target = check_output(output or default_output(sources.inputs), "report", force=force)
    recorded = describe_report(sources.inputs, code_digest(), notebook=notebook)
    with publish.lock_target(target):
        publish.check_target(target, "report", force=force)  # again, under the lock
        with publish.staging_folder(target) as staging:
            try:
                write_report_folder(sources, staging, recorded, notebook=notebook)
            except OSError as error:
                raise publish.PublishError(publish.describe_os_error(error, target)) from None
            publish.publish(staging, target)
    return target / REPORT_FILE


def _quiet_kernel_manager() -> type:
    """A kernel manager whose kernel's own log lines (transport warnings) are dropped."""
    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw["stderr"] = subprocess.DEVNULL
            return await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager


def _strip_volatile(notebook) -> None:
    """Drop run-dependent metadata (timings, papermill's per-run fields, random cell ids)."""
    notebook.metadata.pop("papermill", None)
    for cell in notebook.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"


def start_kernel(cwd: Path = paths.NOTEBOOKS_DIR, warm_up: str = ""):
    """Launch a ``python3`` kernel in ``cwd`` and return its manager at once (it boots meanwhile).

    Args:
        cwd: The kernel's working folder.
        warm_up: Code the kernel runs silently once up, before any cell (e.g. imports); its
            client stays open until :func:`stop_kernel` (closing it earlier may drop the request).

    Returns:
        The kernel manager; stop it with :func:`stop_kernel`.
    """
    from jupyter_core.utils import run_sync

    manager = _quiet_kernel_manager()(kernel_name=KERNEL)
    run_sync(manager.start_kernel)(cwd=str(cwd))
    manager.warming = None
    if warm_up:
        manager.warming = manager.client()
        manager.warming.start_channels(iopub=False, stdin=False, hb=False, control=False)
        manager.warming.execute(warm_up, silent=True, store_history=False)
    return manager


def stop_kernel(manager) -> None:
    """Shut a kernel down now (nothing happens when it is already stopped).

    Args:
        manager: From :func:`start_kernel`.
    """
    from jupyter_core.utils import run_sync

    if getattr(manager, "warming", None) is not None:
        manager.warming.stop_channels()
        manager.warming = None
    if run_sync(manager.is_alive)():
        run_sync(manager.shutdown_kernel)(now=True)


def execute_notebook(
    target: Path,
    parameters: dict[str, str],
    cwd: Path = paths.NOTEBOOKS_DIR,
    manager=None,
) -> Path:
    """Run the report notebook with papermill into ``target``; its kernel is always shut down.

    Args:
        target: The executed notebook to write.
        parameters: Values for the notebook's ``parameters`` cell.
        cwd: The kernel's working folder (when ``manager`` is None).
        manager: A kernel already started with :func:`start_kernel`; None starts one.

    Returns:
        ``target``.

    Raises:
        NotebookFailedError: A cell failed (its index and the error's first line).
    """
    from analysis.fast_nbformat import skip_slow_iri_checker

    skip_slow_iri_checker()
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    manager = manager or start_kernel(cwd)
    try:
        notebook = papermill.execute_notebook(  # kept in memory: written once, below
            paths.NOTEBOOKS_DIR / NOTEBOOK,
            None,
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            km=manager,
        )
    except PapermillExecutionError as error:
        first_line = error.evalue.strip().splitlines()[0] if error.evalue.strip() else ""
        raise NotebookFailedError(
            f"notebook {NOTEBOOK} failed at cell {error.cell_index}: {error.ename}: {first_line}"
        ) from None
    finally:
        stop_kernel(manager)
    _strip_volatile(notebook)
    nbformat.write(notebook, target)
    return target


def refresh_notebooks() -> list[Path]:
    """Re-execute the committed notebook in place with its default parameters (what nbval checks).

    Returns:
        The refreshed notebooks.

    Raises:
        NotebookFailedError: The notebook failed (it is then left unchanged).
    """
    from analysis.fast_nbformat import skip_slow_iri_checker

    skip_slow_iri_checker()
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = paths.NOTEBOOKS_DIR / NOTEBOOK
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        record_timing=False,
        kernel_manager_class=_quiet_kernel_manager(),
        resources={"metadata": {"path": str(paths.NOTEBOOKS_DIR)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        raise NotebookFailedError(
            f"notebook {NOTEBOOK} failed: {error.ename}: {error.evalue}"
        ) from None
    _strip_volatile(notebook)
    nbformat.write(notebook, path)
    return [path]


__all__ = [
    "InputError",
    "NotebookFailedError",
    "ReportInputs",
    "check_output",
    "default_output",
    "run_report",
]
