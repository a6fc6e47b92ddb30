"""What a report folder records: the marker that makes it ours, and the digests of its inputs.

A folder this package writes carries :data:`MARKER_FILE` (JSON: its kind, ``report`` or
``batch``, and the digest of every input and parameter it was built from); a rerun compares that
digest with the current inputs' (:func:`is_current`). Files are written atomically
(:func:`write_text_atomic`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

MARKER_FILE = "analysis-run.json"
MARKER_FORMAT = 1
KINDS = ("report", "batch")


def compute_file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes.

    Args:
        path: A readable file.

    Returns:
        The hex digest.
    """
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def compute_code_digest(roots: Mapping[str, Path]) -> str:
    """SHA-256 over the code a report is built with (every file under each root, by name).

    Args:
        roots: Label → folder or file (e.g. the package folder and the report notebook).

    Returns:
        The hex digest; it changes when any byte of those files changes.
    """
    digest = hashlib.sha256()
    for label, root in sorted(roots.items()):
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            if "__pycache__" in path.parts or path.suffix in {".pyc", ".pyo"}:
                continue
            name = path.relative_to(root).as_posix() if root.is_dir() else path.name
            digest.update(f"{label}/{name} {compute_file_digest(path)}\n".encode())
    return digest.hexdigest()


def describe_inputs(
    parameters: Mapping[str, object], files: Mapping[str, Path | None], code_digest: str
) -> dict:
    """The provenance of one report: its parameters, each input file's digest, and one digest.

    Args:
        parameters: Parameter name → JSON-serialisable value (countries, years, options).
        files: Input label → file (None when the input was not given); tuple-valued inputs are
            given one label each (``trade_file 1``, …).
        code_digest: :func:`compute_code_digest` of the package and notebook.

    Returns:
        ``{"digest", "parameters", "inputs", "code_sha256"}``; ``digest`` is the SHA-256 of the
        rest, so two reports share it exactly when all of those are equal.
    """
    inputs = {
        label: None if path is None else {"file": str(path), "sha256": compute_file_digest(path)}
        for label, path in sorted(files.items())
    }
    content = {
        "parameters": dict(sorted(parameters.items())),
        "inputs": {k: None if v is None else v["sha256"] for k, v in inputs.items()},
        "code_sha256": code_digest,
    }
    digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
    return {
        "digest": digest,
        "parameters": content["parameters"],
        "inputs": inputs,
        "code_sha256": code_digest,
    }


def write_marker(folder: Path, kind: str, provenance: Mapping | None = None) -> Path:
    """Write the marker that makes ``folder`` ours (and records what it was built from).

    Args:
        folder: The (staging) folder.
        kind: ``report`` or ``batch``.
        provenance: :func:`describe_inputs` output, for a report.

    Returns:
        The marker's path.
    """
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}: expected one of {KINDS}")
    marker = {"format": MARKER_FORMAT, "kind": kind, **(dict(provenance) if provenance else {})}
    path = folder / MARKER_FILE
    write_text_atomic(path, json.dumps(marker, indent=1, sort_keys=True) + "\n")
    return path


def read_marker(folder: Path) -> dict | None:
    """The marker of ``folder``, or None when it has none (or an unreadable one).

    Args:
        folder: A folder.

    Returns:
        The marker's content.
    """
    try:
        marker = json.loads((folder / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(marker, dict) or marker.get("kind") not in KINDS:
        return None
    return marker


def is_current(folder: Path, digest: str, required: str = "report.html") -> bool:
    """Whether ``folder`` is a complete report built from exactly the inputs of ``digest``.

    Args:
        folder: A report folder.
        digest: ``describe_inputs(...)["digest"]`` of the current inputs.
        required: A file the report must hold.

    Returns:
        True when the marker's digest matches and ``required`` exists.
    """
    marker = read_marker(folder)
    return (
        marker is not None
        and marker.get("kind") == "report"
        and marker.get("digest") == digest
        and (folder / required).is_file()
    )


def read_legacy_marker(folder: Path) -> dict | None:
    """A folder the package wrote before markers existed, recognised by its exact layout.

    A report folder held ``report.html`` and executed notebooks (``NN-name.ipynb``) only; a
    batch folder held ``manifest.json`` (``{"format": 1, "partners": …}``) and ``index.html``.
    """
    try:
        names = {p.name for p in folder.iterdir()}
    except OSError:
        return None
    notebooks = {n for n in names if re.fullmatch(r"\d\d-[\w-]+\.ipynb", n)}
    if "report.html" in names and names - notebooks == {"report.html"}:
        return {"kind": "report"}
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(manifest, dict) and manifest.get("format") == 1 and "partners" in manifest:
        return {"kind": "batch"}
    return None


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file beside it and a rename.

    Args:
        path: The file to write.
        text: Its content.

    Raises:
        OSError: The file cannot be written (the temporary file is removed).
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:40]}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
