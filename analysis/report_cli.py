"""The ``report`` subcommand: options → one call of :func:`run_report` or :func:`run_batch`.

Exit status: 0 done; 1 a notebook or a batch partner failed; 2 bad input, a target that is not
ours, or a fault of the machine (one line each); 130 / 143 interrupted by SIGINT / SIGTERM.
"""

import argparse
import signal
import sys
import traceback
from pathlib import Path

from analysis import paths

DEFAULT_REPORTER = "KAZ"
OFFICIAL_ISO3 = "GBR"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``report`` options to ``parser``.

    Args:
        parser: The ``report`` subcommand's parser.
    """
    add = parser.add_argument
    add(
        "--reporter",
        default=None,
        metavar="ISO3",
        help="reporting country (default: KAZ, or GBR when --partner is not GBR)",
    )
    add(
        "--partner",
        default="GBR",
        metavar="ISO3",
        help="partner country; one of the pair must be GBR, whose official statistics (ONS) the "
        "report uses; e.g. --partner DEU for the UK's trade with Germany (default: GBR)",
    )
    add("--base", default="2022", metavar="YEAR", help="earlier year (default: 2022)")
    add("--period", default="2023", metavar="YEAR", help="compared year (default: 2023)")
    add(
        "--text",
        "--seed",
        dest="text",
        type=Path,
        default=None,
        metavar="PATH",
        help="news text about this pair to check (default: the Kazakhstan-UK seed article for "
        "KAZ-GBR, none for other pairs: the report is then official statistics only)",
    )
    add(
        "--ons",
        type=Path,
        default=paths.ONS_TRADE_FILE,
        metavar="PATH",
        help="ONS 'UK total trade: all countries' long CSV (default: data/raw copy)",
    )
    add(
        "--fx",
        type=Path,
        default=paths.FX_USD_PER_GBP_FILE,
        metavar="PATH",
        help="Federal Reserve H.10 daily US$ per GBP CSV (default: data/raw copy)",
    )
    add(
        "--monthly",
        type=Path,
        default=getattr(paths, "ONS_MONTHLY_TRADE_FILE", None),
        metavar="PATH",
        help="ONS monthly trade in goods by country JSON (default: data/raw copy)",
    )
    add(
        "--trade-file",
        type=Path,
        action="append",
        default=[],
        dest="trade_files",
        metavar="PATH",
        help="official trade file (UN Comtrade+ JSON/CSV, legacy Comtrade, IMF IMTS, tidy CSV) of "
        "the pair, for the composition and mirror sections; repeat for several files; the "
        "report then goes to a folder of its own (not with --all-partners)",
    )
    add(
        "--output",
        type=Path,
        default=None,
        metavar="DIR",
        help="report folder inside reports/ (default: reports/<reporter>-<partner>-<base>-"
        "<period>; with --all-partners or --partners, reports/all-partners-<base>-<period>); "
        "only a folder this command wrote is replaced",
    )
    add(
        "--force",
        action="store_true",
        help="replace an --output folder this command did not write (or of the other kind: "
        "batch/single); with --all-partners, also rebuild reports that are current",
    )
    add(
        "--all-partners",
        action="store_true",
        help="the UK's report with every ONS partner, with an index page",
    )
    add(
        "--partners",
        default=None,
        metavar="ISO3,ISO3",
        help="only these ONS partners (comma-separated; implies --all-partners)",
    )
    add(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="with --all-partners: worker processes (default: the number of cores)",
    )
    add(
        "--no-progress",
        action="store_true",
        help="with --all-partners: no progress bar (none either when stderr is not a terminal)",
    )


class _Terminated(BaseException):  # noqa: N818 - raised from the SIGTERM handler
    pass


def _on_sigterm(signum, frame) -> None:
    raise _Terminated


def _absolute(path: Path | None) -> Path | None:
    return None if path is None else Path(path).absolute()


def run(args: argparse.Namespace) -> int:
    """Run the report command (or the batch with ``--all-partners`` / ``--partners``).

    Args:
        args: Parsed options (see :func:`add_arguments`).

    Returns:
        The exit status (see the module docstring); the report's or index's path on stdout.
    """
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("report: interrupted: 0 of 1 done; rerun to finish", file=sys.stderr)
        return 130
    except _Terminated:
        print("report: interrupted: 0 of 1 done; rerun to finish", file=sys.stderr)
        return 143


def _run(args: argparse.Namespace) -> int:
    from analysis.report.data import InputError, ReportInputs, default_text_path
    from analysis.report.publish import PublishError
    from analysis.report.run import NotebookFailedError

    is_batch = args.all_partners or args.partners is not None
    partner = args.partner.upper()
    reporter = args.reporter or (DEFAULT_REPORTER if partner == OFFICIAL_ISO3 else OFFICIAL_ISO3)
    text = _absolute(args.text) or default_text_path(reporter.upper(), partner)
    inputs = ReportInputs(
        reporter_iso3=reporter.upper(),
        partner_iso3=partner,
        base_period=args.base,
        period=args.period,
        text_path=text,
        ons_path=_absolute(args.ons),
        fx_path=_absolute(args.fx),
        monthly_path=_absolute(args.monthly),
        trade_files=tuple(_absolute(p) for p in args.trade_files),
    )
    try:
        if is_batch:
            return _run_batch(args, inputs)
        from analysis.report.run import run_report

        print(run_report(inputs, _absolute(args.output), force=args.force))
        return 0
    except (InputError, PublishError) as error:
        print(f"report: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    except NotebookFailedError as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a bug: one line, the earlier report kept
        where = traceback.extract_tb(error.__traceback__)[-1]
        print(
            f"report: internal error {type(error).__name__}: {' '.join(str(error).split())} "
            f"({Path(where.filename).name}:{where.lineno}); nothing was replaced; please report it",
            file=sys.stderr,
        )
        return 1


def _run_batch(args: argparse.Namespace, inputs) -> int:
    from analysis.report.batch import BatchInterrupted, run_batch

    refusal = None
    if args.reporter is not None and args.reporter.upper() != OFFICIAL_ISO3:
        refusal = f"--all-partners runs the UK side; drop --reporter {args.reporter}"
    elif args.partner.upper() != OFFICIAL_ISO3:
        refusal = (
            f"--all-partners: drop --partner {args.partner}; choose partners with "
            f"--partners {args.partner.upper()},..."
        )
    elif args.trade_files:
        refusal = (
            "--trade-file is about one pair: give it with --partner ISO3, not with "
            "--all-partners or --partners"
        )
    elif args.text is not None:
        refusal = "--text is about one pair: give it with --partner ISO3, not with --all-partners"
    elif args.workers is not None and args.workers < 1:
        refusal = f"--workers {args.workers}: give 1 or more"
    if refusal:
        print(f"report: {refusal}", file=sys.stderr)
        return 2
    partners = None
    if args.partners is not None:
        partners = [p.strip() for p in args.partners.split(",") if p.strip()]
    try:
        result = run_batch(
            inputs,
            partners=partners,
            output=_absolute(args.output),
            workers=args.workers,
            force=args.force,
            progress=not args.no_progress and sys.stderr.isatty(),
        )
    except BatchInterrupted as stop:
        print(f"report: {stop}", file=sys.stderr)
        return 128 + stop.signum
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
