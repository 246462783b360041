"""A folder (or list of files) → one record each, incrementally, in one or several processes.

One bad document never stops the batch: `run.process` turns every problem into
a failed or warned record, and a worker that dies, or that a document holds past the
time limit (`--timeout-s`), is replaced and takes only that document with it (`pool.py`).
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import VERSION
from pipeline.batch.inputs import Input, Inputs, discover, slug
from pipeline.load import DEFAULT_MAX_BYTES, format_of
from pipeline.batch.manifest import MANIFEST, Manifest, stamp_of
from pipeline.batch.warm import warm_worker

# Seconds one document may take (--timeout-s), and the memory its worker may hold
# (--max-memory-mb); over either, the document gets a failed record and the worker is replaced.
DEFAULT_TIMEOUT = 300.0
DEFAULT_MAX_MEMORY = 2048 * 2**20

# Not imported here: pipeline.run and the records, which pull in every stage and its libraries.
# A re-run with nothing to do must start fast; the worker that processes a document imports them.


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    unchanged: int = 0
    warned: int = 0
    failed: int = 0
    removed: int = 0
    skipped: list[str] = field(default_factory=list)      # files with an unknown extension
    failures: list[tuple[str, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)      # about the run itself, e.g. the cluster's setup
    seconds: float = 0.0


def file_sha256(path: Path, max_bytes: int) -> str | None:
    try:
        if path.stat().st_size > max_bytes:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass(frozen=True)
class Outcome:
    """What a worker reports back: enough for the summary and the manifest, never the record itself."""
    id: str
    display: str
    sha256: str
    status: str
    warnings: tuple[str, ...]


def process_to_file(item: Input, out: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """Process one input and write its record: runs in whichever process or cluster worker gets it."""
    from pipeline.run import process
    from pipeline.batch.write import record_json, write_record

    record = process(item.path, item.id, item.display, max_bytes)
    texts = record_json(record)   # once, for the record file and for its line in records.jsonl
    path = write_record(Path(out), record, texts)
    line = texts.line
    del texts   # the record file's indented text, written: a long record's is tens of megabytes
    try:  # the record's share of the tables, cut here, in parallel, rather than by the export
        from pipeline.export.fragments import stage
        stage(Path(out), path, record, line)
    except Exception:  # noqa: BLE001 - the export cuts the record itself
        pass
    return _outcome(item, record)


def _outcome(item: Input, record) -> Outcome:
    return Outcome(item.id, item.display, record.source.sha256, record.status, tuple(record.warnings))


def process_corpus(paths: list[Path], out: Path, *, force: bool = False, workers: int = 1,
                   max_bytes: int = DEFAULT_MAX_BYTES, timeout: float | None = DEFAULT_TIMEOUT,
                   max_memory: int | None = DEFAULT_MAX_MEMORY, dask: str | None = None,
                   on_record: Callable[[Input, Outcome | None], None] | None = None,
                   on_start: Callable[[int], None] | None = None) -> Summary:
    """Bring `out` up to date with `paths`: one record per input, each redone only when changed.

    Nothing here holds a list as long as the corpus: the inputs and the manifest live in
    SQLite, the documents to do are found as the workers ask for them, and each outcome is
    written to the manifest as it arrives. `on_start` gets the number of inputs, `on_record` each
    input once (with None when it was unchanged), once its record is written.
    """
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    # A first worker starts before the inputs are found: its imports overlap the parent's scan of the
    # folder and the manifest (a fifth of a second for 10,000 files), which a re-run of a few changed
    # documents otherwise waits for. A run with nothing to do stops it unused, as before.
    pool = None if dask else _pool(out, workers, max_bytes, timeout, max_memory)
    if pool is not None:
        pool.start(1)
    else:   # a Dask run, or one in this process: a worker forked first (batch/prestart.py) is not needed
        from pipeline.batch import prestart

        prestart.discard()
    try:
        inputs = discover(paths)
        manifest = Manifest.open(out)
    except BaseException:
        if pool is not None:
            pool.close()
        raise
    try:
        summary = Summary(skipped=inputs.skipped)
        summary.removed = _remove_gone(manifest, inputs, paths, out)
        if on_start:
            on_start(len(inputs))
        stamps: dict[str, tuple[int, int]] = {}  # of the inputs to redo, taken before they are read
        todo = _changed(inputs, manifest, out, force, max_bytes, summary, on_record, stamps)
        if dask:
            from pipeline.batch.cluster import run_on_dask
            outcomes = run_on_dask(dask, todo, out, max_bytes, process_to_file, record_failure, summary.notices)
        else:
            outcomes = _run(todo, out, workers if len(inputs) > 1 else 1, max_bytes, timeout, max_memory, pool)
        for item, outcome in outcomes:
            manifest.remember(item.id, item.display, outcome.sha256, VERSION, outcome.status,
                              stamps.pop(item.id, (-1, -1)))
            summary.read += 1
            summary.written += 1
            summary.warned += outcome.status == "warned"
            if outcome.status == "failed":
                summary.failed += 1
                summary.failures.append((item.display, "; ".join(outcome.warnings)))
            if on_record:
                on_record(item, outcome)
    finally:
        if pool is not None:
            pool.close()
        manifest.close()
        inputs.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _changed(inputs: Inputs, manifest: Manifest, out: Path, force: bool, max_bytes: int, summary: Summary,
             on_record: Callable[[Input, Outcome | None], None] | None,
             stamps: dict[str, tuple[int, int]]) -> Iterator[Input]:
    """The inputs whose bytes or pipeline version differ from their record's; counts the others.
    An input whose size and modification time are those remembered is not read; one that was only
    touched is hashed, found the same, and stamped anew."""
    for item in inputs:
        stamp = stamp_of(item.path)
        if not force and manifest.is_stamped_current(item.id, item.display, stamp, VERSION, out):
            current = True
        else:
            sha = None if force else file_sha256(item.path, max_bytes)
            current = bool(sha) and manifest.is_current(item.id, item.display, sha, VERSION, out)
            if current:
                manifest.restamp(item.id, stamp)
        if current:
            summary.unchanged += 1
            if on_record:
                on_record(item, None)
        else:
            stamps[item.id] = stamp
            yield item


def _run(todo: Iterator[Input], out: Path, workers: int, max_bytes: int,
         timeout: float | None = None, max_memory: int | None = None,
         pool=None) -> Iterator[tuple[Input, Outcome]]:
    """Each input's outcome, its record written. With a time or memory limit, documents run in
    worker processes even for one worker: only another process can be stopped wherever it hangs.
    That costs one small message each way per document (about 0.1 ms). `pool`: one already started
    (`_pool`), if any; closed here when the documents run in this process."""
    if workers <= 1 and not timeout and not max_memory:
        if pool is not None:
            pool.close()
        for item in todo:
            try:
                yield item, process_to_file(item, str(out), max_bytes)
            except Exception as exc:  # a bug met by one document (a RecursionError deep in a parser)
                yield item, record_failure(item, out, f"unexpected error: {type(exc).__name__}: {exc}")
        return
    pool = pool or _pool(out, workers, max_bytes, timeout, max_memory)
    pool.size = min(pool.size, max(1, workers))
    yield from pool.run(_announced(todo))


def _pool(out: Path, workers: int, max_bytes: int, timeout: float | None, max_memory: int | None):
    """The worker processes for a run of `workers` (None when its documents run in this process)."""
    if workers <= 1 and not timeout and not max_memory:
        return None
    from pipeline.batch import prestart
    from pipeline.batch.pool import Pool

    # The worker `python -m pipeline extract` forked before it read its options, warmed up by now
    # (or warming up), is this pool's first.
    return Pool(workers, process_to_file, (str(out), max_bytes), timeout,
                on_lost=lambda item, reason: record_failure(item, out, reason), max_memory=max_memory,
                warm=warm_worker, first=prestart.take())


def _announced(todo: Iterator[Input]) -> Iterator[Input]:
    """The inputs to do; at the first, the export's libraries start loading in this (waiting) process."""
    import threading

    for n, item in enumerate(todo):
        if n == 0:
            threading.Thread(target=_load_export, name="load-export").start()
        yield item


def _load_export() -> None:
    # pyarrow only (a quarter of a second): never a module a worker imports, so a worker forked while
    # this thread holds an import lock (one replacing a worker lost to the time limit) cannot wait on it.
    try:
        import pyarrow.json  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except Exception:  # noqa: BLE001 - the export imports them again and reports
        pass


def record_failure(item: Input, out: Path, reason: str) -> Outcome:
    from pipeline.batch.write import write_record

    record = failed_record(item, reason)
    write_record(out, record)
    return _outcome(item, record)


def failed_record(item: Input, reason: str):
    from pipeline.core.records import DocumentInfo, Record, Source

    source = Source(path=item.display, sha256="", format=format_of(item.path) or item.path.suffix.lstrip("."))
    return Record(id=item.id, pipeline_version=VERSION, source=source, text="", document=DocumentInfo(),
                  warnings=[reason], status="failed")


def _remove_gone(manifest: Manifest, inputs: Inputs, paths: list[Path], out: Path) -> int:
    """Drop records whose input sat in a folder given now and is gone from it."""
    folders = [str(p) for p in paths if p.is_dir()]
    removed = 0
    for doc_id, source, *_ in manifest.entries():
        if source in inputs or not any(Path(source).is_relative_to(f) for f in folders):
            continue
        (out / f"{doc_id}.json").unlink(missing_ok=True)
        manifest.forget(doc_id)
        removed += 1
    return removed


__all__ = ["Input", "Outcome", "Summary", "discover", "process_corpus", "process_to_file", "slug", "MANIFEST"]
