"""Maintenance: ``python -m analysis.report --refresh-notebooks`` re-runs the committed notebook."""

import argparse
import sys

from analysis.report.run import NotebookFailedError, refresh_notebooks


def main(argv: list[str] | None = None) -> int:
    """Re-execute ``notebooks/01-trade-report.ipynb`` in place with its default parameters.

    Args:
        argv: Arguments without the program name.

    Returns:
        0 when refreshed, 1 when the notebook failed (it is then left unchanged).
    """
    parser = argparse.ArgumentParser(prog="python -m analysis.report", description=__doc__)
    parser.add_argument(
        "--refresh-notebooks",
        action="store_true",
        required=True,
        help="re-execute notebooks/01-trade-report.ipynb in place (the outputs nbval checks)",
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
    sys.exit(main())
