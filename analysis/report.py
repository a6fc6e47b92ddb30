"""The ``report`` command: check parameters, run the notebooks with papermill, write HTML.

``python -m analysis report [--reporter KAZ --partner GBR --base 2022 --period 2023 ...]`` writes
``reports/<reporter>-<partner>-<base>-<period>/`` (the executed notebooks and ``report.html``)
atomically. ``python -m analysis.report --refresh-notebooks`` re-executes the committed notebooks in
place with their default parameters (the outputs nbval checks).
"""

import argparse
import html
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis import paths
from analysis.fast_nbformat import skip_slow_iri_checker

NOTEBOOKS = ("01-trade-report.ipynb",)  # in reading order
REPORT_FILE = "report.html"
KERNEL = "python3"
UK_ISO3 = "GBR"
DEFAULT_REPORTER = "KAZ"
_SPECIAL_ISO3 = {"XKX": "XK"}  # Kosovo: no ISO code; the ONS file writes XK
_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1d1d1d;
  line-height: 1.5; max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.25; } h2 { font-size: 1.35rem; margin-top: 2rem; }
table.report-table { border-collapse: collapse; font-size: 0.85rem; margin: 0.6rem 0 0.2rem;
  display: block; overflow-x: auto; }
table.report-table th, table.report-table td { border-bottom: 1px solid #ddd;
  padding: 0.25rem 0.5rem;
  text-align: left; vertical-align: top; overflow-wrap: break-word; }
table.report-table th { background: #f3f3f3; }
p.source { color: #555; margin-top: 0.1rem; }
ul.summary li { margin-bottom: 0.4rem; font-size: 1.05rem; }
.chart img { max-width: 100%; height: auto; margin: 0.8rem 0; }
pre { background: #f6f6f6; padding: 0.5rem; overflow-x: auto; }
"""
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


class ReportParameterError(ValueError):
    """A report parameter is invalid (checked before any notebook runs)."""


class NotebookFailedError(RuntimeError):
    """A notebook failed while executing; the message names the notebook, the cell and the error."""


@dataclass(frozen=True)
class ReportParameters:
    """Checked parameters of one report; paths are absolute."""

    reporter_iso3: str
    partner_iso3: str
    base_period: str
    period: str
    seed: Path
    ons: Path
    fx: Path
    output: Path
    trade_files: tuple[Path, ...] = ()

    def as_notebook_parameters(self) -> dict[str, str | list[str]]:
        """The ``parameters`` cell values (paths relative to the project when inside it).

        Returns:
            Parameter name → value, as papermill injects them.
        """
        return {
            "seed_file": _project_relative(self.seed),
            "reporter_iso3": self.reporter_iso3,
            "partner_iso3": self.partner_iso3,
            "base_period": self.base_period,
            "period": self.period,
            "ons_file": _project_relative(self.ons),
            "fx_file": _project_relative(self.fx),
            "trade_files": [_project_relative(path) for path in self.trade_files],
        }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``report`` subcommand's options to ``parser``.

    Args:
        parser: The ``report`` subcommand's parser.
    """
    parser.add_argument(
        "--reporter",
        default=None,
        metavar="ISO3",
        help="reporting country of the document's figures (default: KAZ, or GBR "
        "when --partner is not GBR)",
    )
    parser.add_argument(
        "--partner",
        default="GBR",
        metavar="ISO3",
        help="partner country; one of reporter and partner must be GBR, whose "
        "official statistics (ONS) the report uses; any ONS partner works, e.g. "
        "--partner DEU for the UK's trade with Germany (default: GBR)",
    )
    parser.add_argument(
        "--base", default="2022", metavar="YEAR", help="earlier year (default: 2022)"
    )
    parser.add_argument(
        "--period", default="2023", metavar="YEAR", help="compared year (default: 2023)"
    )
    parser.add_argument(
        "--seed",
        type=Path,
        default=paths.DEFAULT_SEED,
        metavar="PATH",
        help="news text to check (default: the Kazakhstan-UK seed article)",
    )
    parser.add_argument(
        "--ons",
        type=Path,
        default=paths.ONS_TRADE_FILE,
        metavar="PATH",
        help="ONS 'UK total trade: all countries' long CSV (default: data/raw copy)",
    )
    parser.add_argument(
        "--fx",
        type=Path,
        default=paths.FX_USD_PER_GBP_FILE,
        metavar="PATH",
        help="Federal Reserve H.10 daily US$ per GBP CSV (default: data/raw copy)",
    )
    parser.add_argument(
        "--trade-file",
        type=Path,
        action="append",
        default=[],
        dest="trade_files",
        metavar="PATH",
        help="official trade file (UN Comtrade+ JSON/CSV, legacy Comtrade, IMF IMTS, tidy CSV) "
        "of the reporter or the partner, for the sections on composition by HS section and on "
        "mirror gaps; repeat for several files (default: none, the sections say so)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="DIR",
        help="report folder, inside reports/ "
        "(default: reports/<reporter>-<partner>-<base>-<period>; with --all-partners or "
        "--partners, the batch folder, default reports/all-partners-<base>-<period>)",
    )
    parser.add_argument(
        "--all-partners",
        action="store_true",
        help="the UK's report with every ONS partner, with an index page (see analysis.batch)",
    )
    from analysis import batch

    batch.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Run the report command (or the batch, with ``--all-partners`` or ``--partners``).

    Args:
        args: Parsed options (see :func:`add_arguments`).

    Returns:
        0 on success (the report's path printed on stdout), 2 for bad parameters, 1 when a
        notebook fails (any earlier report left as it was).
    """
    skip_slow_iri_checker()
    if args.all_partners or args.partners is not None:
        from analysis import batch

        return batch.run(args)
    reporter = args.reporter or (DEFAULT_REPORTER if args.partner.upper() == UK_ISO3 else UK_ISO3)
    try:
        parameters = check_parameters(
            reporter,
            args.partner,
            args.base,
            args.period,
            args.seed,
            args.ons,
            args.fx,
            args.output,
            args.trade_files,
        )
    except ReportParameterError as error:
        print(f"report: {error}", file=sys.stderr)
        return 2
    try:
        report = write_report(parameters)
    except NotebookFailedError as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    print(report)
    return 0


def _project_relative(path: Path) -> str:
    try:
        return path.relative_to(paths.PROJECT_DIR).as_posix()
    except ValueError:
        return str(path)


def _alpha2(iso3: str, option: str) -> str:
    import pycountry

    if iso3 in _SPECIAL_ISO3:
        return _SPECIAL_ISO3[iso3]
    country = pycountry.countries.get(alpha_3=iso3) if len(iso3) == 3 else None
    if country is None:
        raise ReportParameterError(
            f"{option} {iso3!r} is not an ISO 3166 alpha-3 country code (e.g. KAZ, GBR, DEU)"
        )
    return country.alpha_2


def _check_text_file(path: Path) -> None:
    """The seed must be non-empty UTF-8 text (the news loader's checks, done early)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReportParameterError(f"--seed {path}: cannot read ({error.strerror})") from None
    if not data.strip():
        raise ReportParameterError(f"--seed {path}: the file is empty; give a plain-text article")
    try:
        if "\x00" in data.decode("utf-8"):
            raise UnicodeDecodeError("utf-8", data, 0, 1, "NUL byte")
    except UnicodeDecodeError:
        raise ReportParameterError(
            f"--seed {path}: not UTF-8 text (binary file?); give a plain-text article"
        ) from None


def _check_trade_files(trade_files: Sequence[Path]) -> None:
    """Each trade file exists, has a known layout, and all of them load together."""
    if not trade_files:
        return
    for path in trade_files:
        if not Path(path).is_file():
            raise ReportParameterError(f"--trade-file {path}: no such file")
    from analysis.loaders.tidy import load_trade_files, sniff_layout

    for path in trade_files:
        try:
            sniff_layout(path)
        except ValueError as error:
            raise ReportParameterError(f"--trade-file {path}: {_one_line(error)}") from None
    try:
        load_trade_files(trade_files)
    except (ValueError, OSError) as error:
        raise ReportParameterError(f"--trade-file: {_one_line(error)}") from None


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _read_ons_keys(path: Path) -> tuple[set[str], set[str]]:
    """ISO2 partner codes and years with goods rows in the ONS file (stdlib only, fast).

    Lines are split from the right, so partner names with commas (quoted) do not matter.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ReportParameterError(f"--ons {path}: cannot read the ONS file ({error})") from None
    header = lines[0].split(",") if lines else []
    if header != ["Country", "ISO2", "ISO3", "Year", "flow", "Million"]:
        raise ReportParameterError(
            f"--ons {path}: expected the long layout Country,ISO2,ISO3,Year,flow,Million"
        )
    rows = [line.rsplit(",", 5) for line in lines[1:] if ",goods_" in line]
    partners = {row[1] for row in rows if len(row) == 6}
    years = {row[3] for row in rows if len(row) == 6}
    if not partners:
        raise ReportParameterError(f"--ons {path}: no goods rows")
    return partners, years


def check_parameters(
    reporter_iso3: str,
    partner_iso3: str,
    base_period: str,
    period: str,
    seed: Path,
    ons: Path = paths.ONS_TRADE_FILE,
    fx: Path = paths.FX_USD_PER_GBP_FILE,
    output: Path | None = None,
    trade_files: Sequence[Path] = (),
) -> ReportParameters:
    """Check every report parameter before any notebook runs.

    Args:
        reporter_iso3: Reporting country (ISO 3166 alpha-3, any case).
        partner_iso3: Partner country; one of the two must be GBR.
        base_period: Earlier year present in the ONS file.
        period: Compared year present in the ONS file, after ``base_period``.
        seed: News text file.
        ons: ONS CSV file.
        fx: H.10 CSV file.
        output: Report folder inside ``reports/``; None for the default name.
        trade_files: Official trade files for the composition and mirror sections; each must
            exist and load (any layout of :func:`analysis.loaders.tidy.load_trade_files`).

    Returns:
        The checked parameters with absolute paths.

    Raises:
        ReportParameterError: With one line naming the parameter and how to fix it.
    """
    reporter_iso3, partner_iso3 = reporter_iso3.upper(), partner_iso3.upper()
    codes = {
        option: _alpha2(code, option)
        for option, code in (("--reporter", reporter_iso3), ("--partner", partner_iso3))
    }
    if (reporter_iso3 == UK_ISO3) == (partner_iso3 == UK_ISO3):
        raise ReportParameterError(
            f"--reporter {reporter_iso3} --partner {partner_iso3}: exactly one of the two must be "
            f"GBR "
            f"(the official statistics are the UK's); e.g. --reporter GBR --partner {partner_iso3}"
            if partner_iso3 != UK_ISO3
            else f"--reporter {reporter_iso3} --partner {partner_iso3}: the two must differ"
        )
    for option, path in (("--seed", seed), ("--ons", ons), ("--fx", fx)):
        if not Path(path).is_file():
            raise ReportParameterError(f"{option} {path}: no such file")
    _check_text_file(Path(seed))
    _check_trade_files(trade_files)
    counterpart = partner_iso3 if reporter_iso3 == UK_ISO3 else reporter_iso3
    counterpart_option = "--partner" if reporter_iso3 == UK_ISO3 else "--reporter"
    partners, years = _read_ons_keys(Path(ons))
    if codes[counterpart_option] not in partners:
        raise ReportParameterError(
            f"{counterpart_option} {counterpart}: not a partner in the ONS file {Path(ons).name}"
        )
    for option, year in (("--base", base_period), ("--period", period)):
        if year not in years:
            raise ReportParameterError(
                f"{option} {year!r}: not a year of the ONS file {Path(ons).name} "
                f"(it has {min(years)}-{max(years)})"
            )
    if base_period >= period:
        raise ReportParameterError(f"--base {base_period} must be earlier than --period {period}")
    name = f"{reporter_iso3}-{partner_iso3}-{base_period}-{period}"
    output = Path(output if output is not None else paths.REPORTS_DIR / name).absolute()
    reports = paths.REPORTS_DIR.resolve()
    if reports not in output.resolve().parents:
        raise ReportParameterError(f"--output {output}: must be a folder inside {reports}")
    return ReportParameters(
        reporter_iso3,
        partner_iso3,
        base_period,
        period,
        Path(seed).resolve(),
        Path(ons).resolve(),
        Path(fx).resolve(),
        output,
        tuple(Path(path).resolve() for path in trade_files),
    )


def _quiet_kernel_manager() -> type:
    """A kernel manager whose kernel's log lines (transport warnings, shutdown noise) are dropped.

    Errors in cells still reach the notebook and our message; only the kernel process's stderr
    (e.g. "Kernel is running over TCP without encryption") is silenced.
    """
    import subprocess

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


def _start_kernel():
    """Launch a ``python3`` kernel in the notebooks folder and return its (async) manager at once.

    The kernel boots in its own process while this one goes on importing papermill.
    """
    from jupyter_core.utils import run_sync

    manager = _quiet_kernel_manager()(kernel_name=KERNEL)
    run_sync(manager.start_kernel)(cwd=str(paths.NOTEBOOKS_DIR))
    return manager


def _execute(name: str, parameters: dict[str, str], output_dir: Path, manager) -> Path:
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    target = output_dir / name
    try:
        papermill.execute_notebook(
            paths.NOTEBOOKS_DIR / name,
            target,
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
            f"notebook {name} failed at cell {error.cell_index} "
            f"(execution count {error.exec_count}): {error.ename}: {first_line}"
        ) from None
    notebook = nbformat.read(target, as_version=4)
    _strip_volatile(notebook)
    nbformat.write(notebook, target)
    return target


def execute_notebooks(parameters: ReportParameters, output_dir: Path) -> list[Path]:
    """Execute the report notebooks into ``output_dir`` with papermill (kernel ``python3``).

    Every notebook's kernel is launched first, so kernels boot while papermill is imported; each
    kernel is stopped at once when its notebook is done.

    Args:
        parameters: Checked report parameters (see :func:`check_parameters`).
        output_dir: Folder for the executed notebooks.

    Returns:
        The executed notebooks, in reading order.

    Raises:
        NotebookFailedError: The first notebook (in reading order) that failed, and where.
    """
    from jupyter_core.utils import run_sync

    values = parameters.as_notebook_parameters()
    managers = [_start_kernel() for _ in NOTEBOOKS]
    try:
        return [
            _execute(name, values, output_dir, manager)
            for name, manager in zip(NOTEBOOKS, managers, strict=True)
        ]
    finally:
        for manager in managers:
            run_sync(manager.shutdown_kernel)(now=True)


def _render_output(output: dict, markdown) -> str:
    """One cell output as HTML: charts as PNG with alt text, our HTML as is, text escaped."""
    kind = output["output_type"]
    if kind == "stream":
        return f'<pre class="stream">{html.escape(output["text"])}</pre>'
    if kind == "error":
        return f'<pre class="error">{html.escape(output["ename"] + ": " + output["evalue"])}</pre>'
    data = output.get("data", {})
    if "image/png" in data:
        alt = output.get("metadata", {}).get("image/png", {}).get("alt") or "Chart"
        png = "".join(data["image/png"].split())
        image = f'<img src="data:image/png;base64,{png}" alt="{html.escape(alt)}">'
        return f'<div class="chart">{image}</div>'
    if "text/html" in data:  # built by analysis.summary, which escapes every piece of document text
        return data["text/html"]
    if "text/markdown" in data:
        return markdown(data["text/markdown"])
    if "text/plain" in data:
        return f"<pre>{html.escape(data['text/plain'])}</pre>"
    return ""


def build_html(notebooks: list[Path], title: str) -> str:
    """One self-contained HTML page from executed notebooks: code hidden, nothing from the network.

    Markdown cells are rendered (raw HTML in them escaped), code is left out, outputs are shown:
    charts as embedded PNG (base64) with their alternative text. The ``injected-parameters`` cells
    papermill adds are left out. No timestamp, random id or path enters the page.

    Args:
        notebooks: Executed notebooks, in reading order.
        title: The page title (plain text).

    Returns:
        The HTML text, identical for identical notebooks.
    """
    import mistune
    import nbformat

    markdown = mistune.create_markdown(escape=True)
    parts = []
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            if "injected-parameters" in cell.metadata.get("tags", []):
                continue
            if cell.cell_type == "markdown":
                parts.append(markdown(cell.source))
            elif cell.cell_type == "code":
                parts += [_render_output(output, markdown) for output in cell.outputs]
    body = "\n".join(part.strip() for part in parts if part.strip())
    return _PAGE.format(title=html.escape(title), css=_CSS.strip(), body=body)


def write_report(parameters: ReportParameters) -> Path:
    """Run the notebooks and write the report folder atomically.

    Everything is written to a temporary folder next to the target, which then replaces the
    target; on failure the temporary folder is removed and any earlier report stays as it was.

    Args:
        parameters: Checked report parameters (see :func:`check_parameters`).

    Returns:
        The path of ``report.html``.

    Raises:
        NotebookFailedError: A notebook failed.
    """
    target = parameters.output
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        notebooks = execute_notebooks(parameters, work)
        title = (
            f"Trade report: {parameters.reporter_iso3}-{parameters.partner_iso3}, "
            f"{parameters.base_period} to {parameters.period}"
        )
        (work / REPORT_FILE).write_text(build_html(notebooks, title), encoding="utf-8")
        os.chmod(work, 0o755)
        previous = None
        if target.exists():
            previous = target.with_name(f"{work.name}-previous")
            target.rename(previous)
        work.rename(target)
        if previous is not None:
            shutil.rmtree(previous)
    finally:
        if work.exists():
            shutil.rmtree(work)
    return target / REPORT_FILE


def refresh_notebooks() -> list[Path]:
    """Re-execute the committed notebooks in place with their default parameters.

    Runs from the notebooks folder with the ``python3`` kernel and no timing metadata, so the
    stored outputs are exactly what nbval re-computes.

    Returns:
        The refreshed notebooks.

    Raises:
        NotebookFailedError: A notebook failed (it is then left unchanged).
    """
    skip_slow_iri_checker()
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    refreshed = []
    for name in NOTEBOOKS:
        path = paths.NOTEBOOKS_DIR / name
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
                f"notebook {name} failed: {error.ename}: {error.evalue}"
            ) from None
        _strip_volatile(notebook)
        nbformat.write(notebook, path)
        refreshed.append(path)
    return refreshed


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.report",
        description="Maintenance: re-execute the committed notebooks with default parameters.",
    )
    parser.add_argument(
        "--refresh-notebooks",
        action="store_true",
        required=True,
        help="re-execute notebooks/*.ipynb in place (the outputs nbval checks)",
    )
    parser.parse_args(argv)
    try:
        for path in refresh_notebooks():
            print(path)
    except NotebookFailedError as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main())
