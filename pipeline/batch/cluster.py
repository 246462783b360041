"""Running a batch on an existing Dask distributed cluster (`--dask tcp://scheduler:8786`).

Workers read the inputs and write the records into a folder they all see; the client only
receives each document's outcome. Short documents travel in batches, one task each. A task
that fails is retried once by Dask; a batch that still fails is run again one document a
task, and a document that then fails is recorded as failed with its warning; the run goes on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.batch.inputs import Input

if TYPE_CHECKING:
    from pipeline.batch.corpus import Outcome

# Tasks in flight per worker thread. Enough to keep every thread busy between the
# client's refills; few enough that the client and scheduler hold a bounded number of
# tasks whatever the corpus size.
_PER_THREAD = 4
_MIN_WINDOW = 16

# Documents per task: up to this many, or fewer whose files hold BATCH_BYTES together. A task
# costs the scheduler, the client and the worker a few milliseconds whatever it does (on 2 cores
# shared with them, one short document a task ran slower than serial); a batch of short
# documents pays that once. A long document (a PDF of many pages) goes alone.
BATCH_DOCUMENTS = 16
BATCH_BYTES = 256 * 1024

# Dask workers sample their running tasks' call stacks every 10 ms and keep the last
# 1,000 one-second cycles of those call trees (distributed.worker.profile). A document
# runs through a deep and varied stack, so that history alone grows a worker by about
# 10 MB per 1,000 documents for the first 17 minutes of a run (measured on 2 workers:
# 188 → 221 MB over 4,000 documents; 181 MB flat without it). The pipeline's workers
# run without it.
#
# Every Dask process (scheduler, nanny, worker) also wakes 50 times a second to see whether its
# event loop is blocked (admin.tick), and polls its memory and CPU 10 and 2 times a second. On a
# worker each wake takes the interpreter lock from the document being processed. With these at 1-2 s
# a LocalCluster of 2 on 2 cores ran 2,000 short documents in 21.6-21.9 s instead of 22.2-22.6 s
# (the scheduler's CPU 0.97 -> 0.62 s); a worker's memory is still checked every second.
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def environment_of(config: dict) -> dict[str, str]:
    """Dask's environment variables for config keys (DASK_ + the key, dots as __, dashes as _)."""
    return {"DASK_" + key.upper().replace(".", "__").replace("-", "_"): str(value) for key, value in config.items()}


WORKER_ENVIRONMENT = environment_of(WORKER_CONFIG)


def process_batch(items: list[Input], out: str, max_bytes: int,
                  process: Callable[[Input, str, int], Outcome]) -> list[Outcome]:
    """A task: each document of the batch processed and its record written, in order."""
    return [process(item, out, max_bytes) for item in items]


def batches(todo: Iterable[Input], documents: int = BATCH_DOCUMENTS,
            size: int = BATCH_BYTES) -> Iterator[list[Input]]:
    """Consecutive inputs in batches of up to `documents` whose files hold up to `size` bytes together."""
    batch: list[Input] = []
    held = 0
    for item in todo:
        try:
            length = item.path.stat().st_size
        except OSError:
            length = 0
        if batch and (len(batch) >= documents or held + length > size):
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += length
    if batch:
        yield batch


def run_on_dask(address: str, todo: Iterable[Input], out: Path, max_bytes: int,
                process: Callable[[Input, str, int], Outcome], on_lost: Callable[[Input, Path, str], Outcome],
                notices: list[str] | None = None) -> Iterator[tuple[Input, Outcome]]:
    """Each document of `todo`, processed in batches of short documents (one task each) on the
    cluster at `address`, in completion order. A batch whose task fails twice (Dask retries it
    once) is run again one document a task, so only the document that fails is recorded failed.

    `process` does one document on a worker (batch.process_to_file) and `on_lost` records one the
    cluster gave up on (batch.record_failure): the batch hands them over, as it does to its
    process pool, so this module never imports the batch that imports it."""
    from distributed import Client, as_completed

    out = out.resolve()
    with Client(address, set_as_default=False) as client:
        if notices is not None:
            notices.extend(_check_workers(client))
        queue = batches(todo)
        pending = {}
        serial = 0

        def submit(batch: list[Input]) -> None:
            nonlocal serial
            serial += 1
            future = client.submit(process_batch, [_absolute(item) for item in batch], str(out), max_bytes, process,
                                   key=f"directives-{serial}-{batch[0].id}", retries=1, pure=False)
            pending[future.key] = (future, batch)
            completed.add(future)

        window = _window(client)
        completed = as_completed(loop=client.loop)
        for batch in queue:
            submit(batch)
            if len(pending) >= window:
                break
        done = 0
        for future in completed:
            _, batch = pending.pop(future.key)
            if future.status == "finished":
                yield from zip(batch, future.result())
            elif len(batch) > 1:   # which document failed it: each again, alone
                for item in batch:
                    submit([item])
            else:
                yield batch[0], on_lost(batch[0], out, f"failed on the cluster after a retry: {future.exception()}")
            future.release()
            done += 1
            if done % 250 == 0:  # workers may have joined or left the cluster
                window = _window(client)
            while len(pending) < window:
                nxt = next(queue, None)
                if nxt is None:
                    break
                submit(nxt)


def _window(client) -> int:
    threads = sum(client.nthreads().values())
    return max(_MIN_WINDOW, _PER_THREAD * threads)


def _check_workers(client) -> list[str]:
    def profiling() -> bool:
        import dask
        return bool(dask.config.get("distributed.worker.profile.enabled", True))

    profiled = [address for address, on in client.run(profiling).items() if on]
    if not profiled:
        return []
    return [f"{len(profiled)} Dask worker(s) keep task profiles, which grows each worker by about 10 MB per "
            f"1,000 documents for 17 minutes; start workers with "
            f"{' '.join(f'{k}={v}' for k, v in WORKER_ENVIRONMENT.items())} (make dask-worker does)."]


@contextmanager
def local_cluster(workers: int = 2):
    """A LocalCluster of `workers` single-threaded processes, configured as the pipeline's workers."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG), LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address="127.0.0.1:0") as cluster:
        yield cluster


def _absolute(item: Input) -> Input:
    # Workers may run in another directory: they get the absolute path, the record keeps the given one.
    return Input(item.path.resolve(), item.display, item.id, item.folder)
