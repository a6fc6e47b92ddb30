"""Publishing a report folder: a lock per target, a check of the target and an atomic switch.

Only folders with our marker (:mod:`analysis.report.provenance`) are replaced, unless ``force``.
A new report is written into a hidden staging folder next to the target and switched in with one
``renameat2(RENAME_EXCHANGE)`` call, so a reader or a crash sees either the old complete folder
or the new one, never a missing or partial target. Where the file system cannot exchange (not
Linux, or a file system without it), the old folder is first renamed aside and the next run
under the same lock puts it back if a crash came in between.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from analysis.report.provenance import MARKER_FILE, read_legacy_marker, read_marker

# What to do about a fault of the machine, by errno (one line for the user).
_FAULT_HINTS = {
    errno.EROFS: "the file system is read-only; choose an --output on a writable disk",
    errno.EACCES: "permission denied; choose an --output you can write to",
    errno.EPERM: "permission denied; choose an --output you can write to",
    errno.ENOSPC: "no space left on the device; free some space and rerun",
    errno.EDQUOT: "disk quota exceeded; free some space and rerun",
    errno.ENAMETOOLONG: "a file name is too long; choose a shorter --output",
    errno.ENOTDIR: "a part of the path is a file, not a folder; choose another --output",
    errno.EMLINK: "too many entries in the folder; choose another --output",
}
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class PublishError(OSError):
    """The target cannot be written or replaced; the message is one line saying what to do."""


def describe_os_error(error: OSError, path: Path | str | None = None) -> str:
    """One line for an operating-system fault: the path, what went wrong and what to do.

    Args:
        error: The error raised by the operating system.
        path: The path to name when the error carries none.

    Returns:
        ``"<path>: <reason>"``, the reason from :data:`_FAULT_HINTS` when the errno is known.
    """
    where = error.filename if error.filename is not None else path
    reason = _FAULT_HINTS.get(error.errno or 0) or (error.strerror or str(error))
    return f"{where}: {reason}" if where is not None else reason


def _name_max(folder: Path) -> int:
    with contextlib.suppress(OSError, ValueError):
        return os.pathconf(folder, "PC_NAME_MAX")
    return 255


def _hidden_prefix(target: Path) -> str:
    """Prefix of the target's lock, staging and old folders: short whatever the target's name."""
    digest = hashlib.sha256(target.name.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return f".analysis-{digest}"


def check_target(target: Path, kind: str, *, force: bool = False, option: str = "--output") -> None:
    """Refuse a target this package must not replace; nothing is changed.

    Args:
        target: The folder to write (absolute).
        kind: ``report`` or ``batch``: what will be written there.
        force: Replace a folder without our marker, or of the other kind.
        option: The option named in messages.

    Raises:
        PublishError: The target is a file or a symbolic link, its name is too long, or it is a
            folder without our marker (or of the other kind) and ``force`` is False.
    """
    parent = target.parent
    if len(os.fsencode(target.name)) > _name_max(parent if parent.is_dir() else Path("/")):
        raise PublishError(
            f"{option} {target.name[:40]}…: the folder name is longer than the file system "
            f"allows ({_name_max(parent if parent.is_dir() else Path('/'))} bytes); choose a "
            "shorter name"
        )
    if target.is_symlink():
        raise PublishError(
            f"{option} {target}: is a symbolic link; give a folder path (the link is left alone)"
        )
    if not target.exists():
        return
    if not target.is_dir():
        raise PublishError(f"{option} {target}: is a file, not a folder; choose another --output")
    marker = read_marker(target) or read_legacy_marker(target)
    if force:
        return
    if marker is None:
        if not any(target.iterdir()):
            return
        raise PublishError(
            f"{option} {target}: this folder was not written by `analysis report` (no "
            f"{MARKER_FILE}); choose another --output, or add --force to replace it"
        )
    if marker["kind"] != kind:
        raise PublishError(
            f"{option} {target}: holds a {marker['kind']}, not a {kind}; choose another "
            "--output, or add --force to replace it"
        )


@contextlib.contextmanager
def lock_target(target: Path, *, wait: bool = True) -> Iterator[None]:
    """Hold the target's lock (a hidden lock file beside it) while writing it.

    Overlapping runs on one target queue: the second waits until the first is done (a line on
    stderr says so). The lock file is never deleted (deleting it would let two runs lock
    different files); it is empty and hidden. Leftover staging or old folders of crashed runs
    on the same target are removed once the lock is held.

    Args:
        target: The folder to write (absolute).
        wait: Wait for another run; False raises :class:`PublishError` instead.

    Raises:
        PublishError: The lock cannot be created (read-only folder, …) or, with ``wait=False``,
            another run holds it.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(
            target.parent / f"{_hidden_prefix(target)}.lock", os.O_RDWR | os.O_CREAT, 0o644
        )
    except OSError as error:
        raise PublishError(describe_os_error(error, target.parent)) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise PublishError(
                    f"{target}: another run is writing this report; wait for it, or choose "
                    "another --output"
                ) from None
            print(f"report: waiting for another run writing {target}", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        _recover(target)
        yield
    finally:
        os.close(handle)


def _recover(target: Path) -> None:
    """Under the lock: put back an old folder a crash left aside; remove stale staging."""
    prefix = _hidden_prefix(target)
    for leftover in sorted(target.parent.glob(f"{prefix}.old-*")):
        if not os.path.lexists(target) and read_marker(leftover) is not None:
            os.rename(leftover, target)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in target.parent.glob(f"{prefix}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def make_staging(target: Path) -> Path:
    """A new empty hidden folder beside ``target`` to write the next version into.

    Args:
        target: The folder to publish later (its lock should be held).

    Returns:
        The staging folder (mode 0755).

    Raises:
        PublishError: The folder cannot be created (one line naming the cause).
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f"{_hidden_prefix(target)}.new-", dir=target.parent))
        os.chmod(staging, 0o755)
    except OSError as error:
        raise PublishError(describe_os_error(error, target.parent)) from None
    return staging


@contextlib.contextmanager
def staging_folder(target: Path) -> Iterator[Path]:
    """A staging folder that is removed on any exit unless it was published (moved away).

    Args:
        target: The folder to publish later.

    Yields:
        The staging folder.
    """
    staging = make_staging(target)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP}:
        return False
    raise OSError(code, os.strerror(code), str(second))


def publish(staging: Path, target: Path) -> Path:
    """Switch the complete ``staging`` folder in as ``target`` (hold the target's lock).

    Call :func:`check_target` first. An existing target is exchanged with the staging folder
    in one atomic step and the old version removed afterwards; a new target is one rename.

    Args:
        staging: The finished folder, beside ``target`` (from :func:`make_staging`).
        target: The folder to publish.

    Returns:
        ``target``.

    Raises:
        PublishError: A fault of the machine (one line); the earlier target is left as it was.
    """
    try:
        if not os.path.lexists(target):
            os.rename(staging, target)
            return target
        if _exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)  # now the old version
            return target
        aside = target.parent / f"{_hidden_prefix(target)}.old-{secrets.token_hex(4)}"
        os.rename(target, aside)  # a crash now: the next lock holder puts it back
        os.rename(staging, target)
        shutil.rmtree(aside, ignore_errors=True)
    except OSError as error:
        raise PublishError(describe_os_error(error, target)) from None
    return target
