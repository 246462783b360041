"""Worker processes that each take one document at a time, under a time limit per document.

A `ProcessPoolExecutor` cannot stop one task: a document that hangs (a regular expression
backtracking over a 50 MB line, a C parser lost in a hostile file) would hold its worker,
and the batch, for ever. Here each worker is a child process with a pipe of its own. The
parent hands it one input, waits for the outcome, and kills the child when the document
runs over its time or the child dies (out of memory, a C library abort): that document
gets a failed record, a fresh worker takes the child's place, and every other document's
record stands, since each worker writes its own records as it goes. With a memory limit the
parent also looks at each busy worker's resident memory a few times a second, and stops one
over it the same way, before the system's out-of-memory killer picks a process of its own.

Only small things cross the pipes (an `Input`, an `Outcome`), one round trip per document:
about 0.1 ms beside a document's 100 ms or more.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

# A worker that exits does so within this (it only finishes its current write).
_JOIN_SECONDS = 5.0
# How often a busy worker's memory is looked at, when there is a memory limit.
_MEMORY_POLL_SECONDS = 0.25
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: Connection
    job: object = None          # the input it is working on, None when idle
    deadline: float = float("inf")
    served: bool = False        # whether it was ever given an input


def serve(conn: Connection, work: Callable, args: tuple, warm: Callable | None = None) -> None:
    """A worker's life: inputs in, outcomes out, until told to stop (None) or killed. `warm` runs
    first, while the parent is still finding the documents to do (on a re-run, hashing every input
    to find the few that changed): the worker's imports overlap that scan instead of following it."""
    if warm is not None:
        try:
            warm()
        except Exception:  # noqa: BLE001 - the first document meets the same problem and reports it
            pass
    while True:
        try:
            job = conn.recv()
        except EOFError:  # the parent is gone
            return
        if job is None:
            return
        try:
            conn.send((True, work(job, *args)))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which writes the record
            conn.send((False, f"{type(exc).__name__}: {exc}"))


class _Ahead:
    """Jobs, the next of which may be taken out ahead of time (`fill`), ready for `take`; None once done."""

    _NONE_YET = object()

    def __init__(self, jobs: Iterator) -> None:
        self.jobs = jobs
        self.ready = self._NONE_YET

    def fill(self) -> None:
        if self.ready is self._NONE_YET:
            self.ready = next(self.jobs, None)

    def take(self):
        job, self.ready = self.ready, self._NONE_YET
        return next(self.jobs, None) if job is self._NONE_YET else job


def _resident(pid: int) -> int:
    """A process's resident memory in bytes (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE_BYTES
    except (OSError, IndexError, ValueError):
        return 0


class Pool:
    """`workers` processes running `work(job, *args)`; `on_lost(job, reason)` stands in for an outcome."""

    def __init__(self, workers: int, work: Callable, args: tuple, timeout: float | None,
                 on_lost: Callable[[object, str], object], max_memory: int | None = None,
                 warm: Callable | None = None,
                 first: tuple[multiprocessing.Process, Connection] | None = None) -> None:
        self.size = max(1, workers)
        self.work, self.args, self.timeout, self.on_lost = work, args, timeout, on_lost
        self.warm = warm   # what a fresh worker does before its first input (its imports)
        # Resident bytes a worker may reach; read from /proc, so only where there is one.
        self.max_memory = max_memory if max_memory and os.path.exists("/proc/self/statm") else None
        # fork, as ProcessPoolExecutor did here: a worker starts in milliseconds with what the
        # parent imported. The parent's one other thread draws the progress bar; a worker that
        # met a lock it held at the fork would hang, and be stopped by the time limit like any.
        self.context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        # A worker started before the pool, warmed up and waiting to be told what to run
        # (batch/prestart.py), is the pool's first.
        adopted = self._adopt(first) if first is not None else None
        self.workers: list[_Worker] = [adopted] if adopted else []

    def start(self, count: int) -> None:
        """Start up to `count` workers now, before run(): they warm up while the caller finds the jobs."""
        while len(self.workers) < min(count, self.size):
            self.workers.append(self._start())

    def close(self) -> None:
        """Stop every worker (run() does when it ends; this is for a pool started and never run)."""
        self._stop_all()

    def run(self, jobs: Iterator) -> Iterator[tuple[object, object]]:
        """(job, outcome) for every job, in completion order.

        The next job is taken from `jobs` while the workers work, and a worker that finishes gets it
        before its outcome goes to the caller: it does not wait while the caller records the outcome
        and `jobs` finds the next input (a manifest lookup and a hash: a fraction of a millisecond,
        but a document of short texts takes only a few)."""
        queue = _Ahead(iter(jobs))
        try:
            for extra in self.workers[self.size:]:   # started before the run was found to need fewer
                self._kill(extra)
            self.workers = self.workers[:self.size]
            self.start(self.size)
            busy = sum(self._give(worker, queue) for worker in self.workers)
            queue.fill()
            while busy:
                for worker, outcome in self._collect():
                    job = worker.job
                    worker.job, worker.deadline = None, float("inf")
                    busy -= 1
                    busy += self._give(worker, queue)
                    yield job, outcome
                queue.fill()
        finally:
            self._stop_all()

    # --- one worker ---------------------------------------------------------------------------

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=serve, args=(child, self.work, self.args, self.warm), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _adopt(self, first: tuple[multiprocessing.Process, Connection]) -> _Worker | None:
        """A worker started elsewhere, told this pool's function and arguments; None if it died first."""
        process, conn = first
        try:
            conn.send((self.work, self.args))
        except Exception:  # noqa: BLE001 - dead (a broken pipe), or what it should run cannot cross a pipe
            # (a lambda, pickled before anything is sent): a worker forked by the pool takes its place
            process.kill()
            process.join(_JOIN_SECONDS)
            conn.close()
            return None
        return _Worker(process, conn)

    def _give(self, worker: _Worker, queue: _Ahead) -> bool:
        job = queue.take()
        if job is None:
            return False
        try:
            worker.conn.send(job)
        except OSError:  # it died while idle (the system's out-of-memory killer picks whom it likes)
            self._kill(worker)
            fresh = self._start()
            worker.process, worker.conn = fresh.process, fresh.conn
            worker.conn.send(job)
        worker.job = job
        worker.served = True
        worker.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        return True

    def _collect(self) -> list[tuple[_Worker, object]]:
        """Wait for the first outcome, death or timeout; replace each worker lost to one."""
        busy = [w for w in self.workers if w.job is not None]
        soonest = min(w.deadline for w in busy)
        wait_for = None if soonest == float("inf") else max(0.0, soonest - time.monotonic())
        if self.max_memory:
            wait_for = _MEMORY_POLL_SECONDS if wait_for is None else min(wait_for, _MEMORY_POLL_SECONDS)
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_for))
        done = []
        now = time.monotonic()
        for worker in busy:
            if worker.conn in ready or worker.conn.poll():  # an outcome sent just in time still counts
                try:
                    ok, value = worker.conn.recv()
                except (EOFError, OSError):  # died before a whole answer crossed
                    done.append((worker, self._lose(worker, self._death(worker))))
                    continue
                done.append((worker, value if ok else self.on_lost(worker.job, f"unexpected error: {value}")))
            elif worker.process.sentinel in ready:
                done.append((worker, self._lose(worker, self._death(worker))))
            elif now >= worker.deadline:
                reason = (f"stopped after the time limit of {self.timeout:g} s per document (--timeout-s): "
                          f"the document was not read")
                done.append((worker, self._lose(worker, reason)))
            elif self.max_memory and _resident(worker.process.pid) > self.max_memory:
                reason = (f"stopped when it held over {self.max_memory / 2**20:,.0f} MB of memory "
                          f"(--max-memory-mb): the document was not read")
                done.append((worker, self._lose(worker, reason)))
        return done

    def _death(self, worker: _Worker) -> str:
        worker.process.join(_JOIN_SECONDS)
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        hint = ": out of memory?" if code == -9 else ""
        return f"the worker processing this file died ({how}{hint}): the document was not read"

    def _lose(self, worker: _Worker, reason: str) -> object:
        """The worker's document gets a failed record; a fresh worker takes its place."""
        self._kill(worker)  # first: a worker stopped late must not write its record over the failed one
        outcome = self.on_lost(worker.job, reason)
        fresh = self._start()
        worker.process, worker.conn = fresh.process, fresh.conn
        return outcome

    def _kill(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(_JOIN_SECONDS)
        worker.conn.close()

    def _stop_all(self) -> None:
        for worker in self.workers:
            try:
                if worker.job is None and worker.process.is_alive() and worker.served:
                    worker.conn.send(None)
            except OSError:
                pass
        for worker in self.workers:
            # One that never had an input has written nothing: it is not waited for (it may still be
            # warming up, and a re-run with nothing to do must not wait for its imports).
            worker.process.join(_JOIN_SECONDS if worker.job is None and worker.served else 0)
            self._kill(worker)
        self.workers = []
