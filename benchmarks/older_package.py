"""Rows of the same benchmark script measured on an older ``analysis`` package, in the same run."""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def rows_of_older_package(script: str, args: argparse.Namespace) -> list[dict] | None:
    """``script --json`` run with ``args.compare_with`` first on the path, or None if not asked.

    ``args`` holds ``compare_with`` (a folder holding the older package, e.g. from
    ``git archive <commit> analysis | tar -x -C DIR``), ``sizes`` and ``memory``.
    """
    if args.compare_with is None:
        return None
    command = [sys.executable, script, "--json", "--sizes", args.sizes]
    command += ["--memory"] if args.memory else []
    env = {**os.environ, "PYTHONPATH": str(Path(args.compare_with).resolve())}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)
