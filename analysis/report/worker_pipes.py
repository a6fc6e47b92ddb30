"""Run one job per item in this process or in forked workers, each worker on its own pipe.

Workers are forked (they share what the main process loaded before), leave Ctrl-C to the main
process and die at once on SIGTERM. No lock or queue is shared between processes, so a worker
killed at any moment cannot stop the others or the main process. While :func:`signals_stop` is
active, SIGINT and SIGTERM raise :class:`Signalled` in the main process; every worker is then
killed before it propagates.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait

Job = Callable[[str], tuple[str, "str | None"]]  # item → (item, error or None)


class Signalled(BaseException):  # noqa: N818 - raised from a signal handler
    """SIGINT or SIGTERM arrived in the main process (``signum`` says which)."""

    def __init__(self, signum: int) -> None:
        """Record the signal.

        Args:
            signum: SIGINT or SIGTERM.
        """
        super().__init__(signum)
        self.signum = signum


@contextmanager
def signals_stop() -> Iterator[None]:
    """While inside, SIGINT and SIGTERM raise :class:`Signalled` here (the main process)."""

    def handler(signum, frame):
        raise Signalled(signum)

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, action in previous.items():
            signal.signal(number, action)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process and die at once on SIGTERM (a group's stop)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _serve(connection: Connection, job: Job) -> None:
    """A worker: run ``job`` on each item a message names, answer its result; None ends it."""
    _worker_init()
    while (item := connection.recv()) is not None:
        connection.send(job(item))


def run_all(
    job: Job,
    to_run: Sequence[str],
    workers: int | None,
    progress: bool,
    record: Callable[[str, str | None], None],
) -> None:
    """Run ``job`` on each item, in this process or in forked workers; ``record`` each result.

    Args:
        job: What to do with one item; returns ``(item, error)``, error None on success.
        to_run: The items (e.g. partners' ISO3 codes).
        workers: Worker processes; None for the usable cores; 1 runs in this process.
        progress: Show a progress bar on stderr.
        record: Called in this process with each ``(item, error)`` as it arrives.
    """
    from tqdm import tqdm

    workers = min(workers or len(os.sched_getaffinity(0)), max(len(to_run), 1))
    with tqdm(
        total=len(to_run),
        desc="reports",
        unit="partner",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
    ) as bar:
        if workers == 1:
            outcomes = map(job, to_run)
            for iso3, error in outcomes:
                record(iso3, error)
                bar.update()
            return
        _run_in_workers(job, to_run, workers, record, bar)


def _run_in_workers(
    job: Job, to_run: Sequence[str], workers: int, record: Callable[[str, str | None], None], bar
) -> None:
    """Hand items to forked workers one at a time, each over its own pipe.

    No lock or queue is shared between processes, so a worker killed at any moment cannot stop
    the others or the main process (``multiprocessing.Pool`` shares one queue lock, and its stop
    can wait for ever on a lock a killed worker held). On any exception, signals included, every
    worker is killed before it propagates.
    """
    context = multiprocessing.get_context("fork")
    queue = list(reversed(to_run))
    busy: dict[Connection, tuple[multiprocessing.process.BaseProcess, str]] = {}
    processes = []
    try:
        for _ in range(workers):
            mine, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, job), daemon=True)
            process.start()
            theirs.close()
            processes.append(process)
            mine.send(queue[-1])
            busy[mine] = (process, queue.pop())
        while busy:
            for connection in wait(list(busy)):
                process, item = busy.pop(connection)
                try:
                    item, error = connection.recv()
                except EOFError:  # the worker died; its item failed, the others go on
                    process.join()
                    record(item, f"the worker stopped (exit status {process.exitcode})")
                    bar.update()
                    continue
                record(item, error)
                bar.set_postfix_str(item, refresh=False)
                bar.update()
                connection.send(queue[-1] if queue else None)
                if queue:
                    busy[connection] = (process, queue.pop())
    except BaseException:
        for process in processes:  # the queue stops now
            process.kill()
        raise
    finally:
        for process in processes:
            process.join()
