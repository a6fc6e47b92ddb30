"""A cache of parsed official tables, keyed by the SHA-256 of the files read and the loaders' code.

An entry is a pickle (pandas frames and plain values) written atomically to
``$ANALYSIS_CACHE_DIR`` (default ``$XDG_CACHE_HOME/analysis``, else ``~/.cache/analysis``), outside
the repository. Its name is a digest of: the cache format, what was loaded (``kind``), the SHA-256
of every input file's bytes, the source of ``analysis/loaders/*.py`` and the Python and pandas
versions; so a changed file, loader or library gives another name and the old entry is never read.
Each entry starts with the SHA-256 of its payload: a corrupt or truncated entry (or one that does
not unpickle) is ignored and rebuilt, never trusted. Only successful loads are stored, so a bad
file raises its error on every run. A cache that cannot be written (read-only, disk full) is
skipped silently: the load is then simply not cached. At most ``KEEP_PER_KIND`` entries of one
kind are kept.
"""

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "ANALYSIS_CACHE_DIR"
CACHE_FORMAT = "1"
_LOADERS_DIR = Path(__file__).resolve().parent
_DIGEST_BYTES = 32
KEEP_PER_KIND = 8  # entries of one kind kept (the most recently written); older ones are removed

T = TypeVar("T")


def cache_dir() -> Path:
    """The cache folder: ``$ANALYSIS_CACHE_DIR``, else ``$XDG_CACHE_HOME/analysis`` or ``~/.cache``.

    Returns:
        The folder (it may not exist yet).
    """
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "analysis"


@cache
def loaders_version() -> str:
    """A digest of the loaders' source, the Python and the pandas version (what a load depends on).

    Returns:
        A hex digest.
    """
    import pandas as pd

    digest = hashlib.sha256(f"{sys.version}|{pd.__version__}|{CACHE_FORMAT}".encode())
    for path in sorted(_LOADERS_DIR.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def entry_path(kind: str, file_digests: Sequence[str]) -> Path:
    """Where the entry of ``kind`` loaded from files with these SHA-256 digests lives.

    Args:
        kind: What was loaded and how (e.g. ``ons-annual-goods``).
        file_digests: The SHA-256 hex digest of each input file, in the loader's argument order.

    Returns:
        The entry's path in :func:`cache_dir`.
    """
    key = "|".join([loaders_version(), kind, *file_digests])
    return cache_dir() / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def load_cached(kind: str, file_digests: Sequence[str], build: Callable[[], T]) -> T:
    """The cached result of ``build()`` for these files, or ``build()`` (then stored).

    Args:
        kind: What ``build`` loads (part of the key).
        file_digests: SHA-256 hex digests of the files ``build`` reads.
        build: The uncached load; its exceptions pass through and nothing is stored.

    Returns:
        The result, equal to ``build()``.
    """
    path = entry_path(kind, file_digests)
    found = _read_entry(path)
    if found is not None:
        return found[0]
    result = build()
    _write_entry(path, result)
    _prune(path.parent, kind)
    return result


def _read_entry(path: Path) -> tuple[object] | None:
    """The entry's value in a 1-tuple, or None when absent, corrupt or not unpicklable."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    stored, payload = raw[:_DIGEST_BYTES], raw[_DIGEST_BYTES:]
    if len(stored) != _DIGEST_BYTES or hashlib.sha256(payload).digest() != stored:
        return None
    try:
        return (pickle.loads(payload),)
    except Exception:  # noqa: BLE001 - an entry written by other code: rebuild it
        return None


def _write_entry(path: Path, value: object) -> None:
    """Store ``value`` atomically (temporary file, then rename); any failure is ignored."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _prune(folder: Path, kind: str) -> None:
    """Remove all but the ``KEEP_PER_KIND`` newest entries of ``kind`` (failures ignored)."""
    try:
        entries = [
            (p.stat().st_mtime_ns, p)
            for p in folder.glob(f"{kind}-*.pickle")
            if len(p.stem) == len(kind) + 33  # this kind's entries only, not a longer kind's
        ]
        for _, old in sorted(entries, reverse=True)[KEEP_PER_KIND:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
