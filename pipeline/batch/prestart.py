"""The first worker of `extract`, started before the command line is read.

A worker's imports and warm-up (the stages, their patterns and data: a quarter of a second) are
the longest wait before the first document. The parent's own start-up (the command line's
libraries, parsing the options, finding the inputs) is almost as long, and a worker forked by the
pool only starts after it. Forked first thing, the worker warms up while the parent starts up, on
the other core. It then waits for what to run: the pool that takes it (`Pool(first=…)`) sends its
function and arguments, known only once the options are parsed.

Only the standard library is imported here, before the fork: the worker imports what it needs.
A run that ends up without workers (a Dask run, a run in this process, `--help`, a mistyped
option) stops it unused (`discard`).
"""
from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    import multiprocessing
    from multiprocessing.connection import Connection

_started: tuple[multiprocessing.Process, Connection] | None = None


def wanted(argv: list[str]) -> bool:
    """Whether a command line will run its documents on local workers: `extract` without --dask and
    without --help. A wrong guess costs a worker stopped unused, never a wrong result."""
    return (os.name == "posix" and argv[:1] == ["extract"]
            and not any(a in ("--help", "--dask") or a.startswith("--dask=") for a in argv[1:]))


def start(argv: list[str]) -> None:
    """Fork the first worker now, if `argv` (the command line after the program) is a run that wants one."""
    global _started
    if _started is not None or not wanted(argv):
        return
    import multiprocessing   # (only here: the other commands never fork)

    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()
    process = context.Process(target=_warm_then_serve, args=(child, parent), daemon=True, name="worker-1")
    process.start()
    child.close()
    _started = (process, parent)


def take() -> tuple[multiprocessing.Process, Connection] | None:
    """The worker started first, for a pool to adopt (once); None if none was started or it has died."""
    global _started
    started, _started = _started, None
    if started is not None and not started[0].is_alive():
        started[1].close()
        return None
    return started


def discard() -> None:
    """Stop the first worker if no pool took it."""
    started = take()
    if started is not None:
        process, conn = started
        process.kill()
        process.join()
        conn.close()


def _warm_then_serve(conn: Connection, parents_end: Connection) -> None:
    # The parent's end came along with the fork: closed here, so that the pipe ends when the parent
    # does, and a worker whose parent went on without it (or died) stops at its first read.
    parents_end.close()
    from pipeline.batch.pool import serve
    from pipeline.batch.warm import warm_worker

    try:
        warm_worker()
    except Exception:  # noqa: BLE001 - the first document meets the same problem and reports it
        pass
    try:
        work, args = conn.recv()
    except EOFError:   # the parent went on without it
        return
    serve(conn, work, args)
