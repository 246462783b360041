"""Running a batch on an existing Dask distributed cluster (`--dask tcp://scheduler:8786`).

Workers read the inputs and write the records into a folder they all see; the client only
receives each document's outcome. A task that fails is retried once by Dask, then recorded
as a failed document with its warning; the batch goes on.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.batch import Input, Outcome, process_to_file, record_failure

_WINDOW = 2000  # documents in flight at once: the client's memory stays flat on any corpus


def run_on_dask(address: str, todo: list[Input], out: Path, max_bytes: int) -> Iterator[tuple[Input, Outcome]]:
    from distributed import Client, as_completed

    out = out.resolve()
    with Client(address, set_as_default=False) as client:
        queue = iter(todo)
        pending = {}

        def submit(item: Input) -> None:
            future = client.submit(process_to_file, _absolute(item), str(out), max_bytes,
                                   key=f"directive-{item.id}", retries=1, pure=False)
            pending[future.key] = (future, item)

        for item in queue:
            submit(item)
            if len(pending) >= _WINDOW:
                break
        completed = as_completed([f for f, _ in pending.values()], loop=client.loop)
        for future in completed:
            _, item = pending.pop(future.key)
            if future.status == "finished":
                outcome = future.result()
            else:
                outcome = record_failure(item, out, f"failed on the cluster after a retry: {future.exception()}")
            future.release()
            yield item, outcome
            nxt = next(queue, None)
            if nxt is not None:
                submit(nxt)
                completed.add(pending[f"directive-{nxt.id}"][0])


def _absolute(item: Input) -> Input:
    # Workers may run in another directory: they get the absolute path, the record keeps the given one.
    return Input(item.path.resolve(), item.display, item.id, item.folder)
