"""Command-line interface: ``python -m analysis {check,report,summarize}``.

Each subcommand lives in its own module, which provides ``add_arguments(parser)`` and
``run(args) -> int``; this module only wires them together, imported lazily so that
``check`` does not pay for papermill's start-up.
"""

import argparse
import importlib
import sys

_SUBCOMMANDS = {
    "check": ("analysis.check_cli", "Extract and check the figures and claims of a news text."),
    "report": (
        "analysis.report_cli",
        "Write the HTML report (with its notebook, tables and JSON).",
    ),
    "summarize": (
        "analysis.summarize_cli",
        "Summarise official trade files for a pair of countries.",
    ),
}


def _build_parser(chosen: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="{check,report,summarize}")
    for name, (module_name, help_text) in _SUBCOMMANDS.items():
        subparser = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            importlib.import_module(module_name).add_arguments(subparser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: Arguments without the program name; ``sys.argv[1:]`` when None.

    Returns:
        The process exit status: 0 on success, 2 for bad input or usage.
    """
    argv = sys.argv[1:] if argv is None else argv
    chosen = argv[0] if argv and argv[0] in _SUBCOMMANDS else None
    args = _build_parser(chosen).parse_args(argv)
    module_name = _SUBCOMMANDS[args.command][0]
    return importlib.import_module(module_name).run(args)
