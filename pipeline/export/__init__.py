"""Feeding other tools: the records of an output folder as tables, a SQLite database and JSON lines.

`finish(out)` runs after `extract` and writes, under the output folder:
  tables/<table>.csv and .parquet/ documents, references, bodies, targets, deadlines, tasks, task_bodies
                                   (each .parquet a folder of parts, see tables.Parts)
  directives.db                    the same tables in SQLite (sqlite3, Datasette, BI tools)
  datasette-metadata.yaml          titles, column notes and facets for `make serve`
  records.jsonl                    every record, one a line
A run where no record changed leaves them as they are, and imports neither pandas nor pyarrow.

A parallel run into a fresh folder lays the tables out while its records are still being written
(`RunningExport`), record by record in name order, so that only the last records are left to lay
out when the documents are done: laid out after them, the tables were the part of the run that
stayed serial (2.5 of the 20 seconds of 2,000 short documents on two workers).
"""
from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.export.folder import (DATABASE, JSONL, METADATA, STAMP, TABLES_DIR, fingerprint, is_current,
                                   record_files)
from pipeline.batch.write import atomic_write_text


@dataclass
class Exported:
    rebuilt: bool
    records: int = 0
    problems: list[str] = field(default_factory=list)   # record files that could not be read
    seconds: float = 0.0


def finish(out: Path, changed: bool = True) -> Exported:
    """Write the tables of `out`, unless `changed` is False and nothing in `out` changed since the last time."""
    started = time.perf_counter()
    files = record_files(out)
    stamp = fingerprint(out, files)
    if not changed and is_current(out, stamp):
        return Exported(rebuilt=False, seconds=time.perf_counter() - started)
    exported = _staged_export(out, files, lambda: files)
    exported.seconds = time.perf_counter() - started
    return exported


def _staged_export(out: Path, files, settled) -> Exported | None:
    """Every output staged from the record `files` and published, the tables stamped with the record
    files `settled()` gives once all are laid out; None, and nothing published, when it gives None."""
    from pipeline.export.fragments import clear_staged
    from pipeline.export.tables import publish, write_all

    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out))
    try:
        staged = write_all(out, staging, files)
        try:
            stamped = settled()
            if stamped is None:
                staged.abandon()
                return None
            # Imported once every record is in (yaml: a RunningExport's thread must not hold the import
            # lock of a module a worker, forked meanwhile, imports too).
            from pipeline.export.datasette import metadata_yaml

            (staging / METADATA).write_bytes(metadata_yaml())
        except BaseException:
            staged.abandon()
            raise
        publish(staging, out, staged)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    atomic_write_text(out / STAMP, fingerprint(out, stamped))
    clear_staged(out)
    return Exported(rebuilt=True, records=staged.records, problems=staged.problems)


class _Stopped(Exception):
    """The run ended before all its records were written: nothing is published."""


class RunningExport:
    """The tables of a fresh output folder (no record in it yet), laid out in a thread of the waiting
    process while a parallel run writes the records: each record as soon as it and every record before
    it in name order are written (`written`). When the last one is, the outputs are published exactly
    as `finish` would publish them then; `result` gives what was exported, or None when the folder's
    records are not those laid out (or the run stopped, or the export failed), for `finish` to do it.

    A run with one worker does not use it: such a run is meant to use one core at a time."""

    def __init__(self, out: Path, names: Iterable[str]) -> None:
        # Imported here, not in the thread: a worker forked while the thread held the import lock of
        # a module the worker imports too would wait on it for ever. The thread imports only what no
        # worker does (pyarrow, the tables, Datasette's metadata).
        import pipeline.export.calendar  # noqa: F401
        import pipeline.export.fragments  # noqa: F401

        self.out = out
        self._names = sorted(names)
        self._written: set[str] = set()
        self._stopped = False
        self._changed = threading.Condition()
        self._laid_out: list[tuple[str, int, int] | None] = []
        self._exported: Exported | None = None
        self._thread = threading.Thread(target=self._run, name="export", daemon=True)
        self._thread.start()

    def written(self, name: str) -> None:
        """The record file `name` is written, as it stays."""
        with self._changed:
            self._written.add(name)
            self._changed.notify()

    def stop(self) -> None:
        """Leave off: nothing is published, and the staging folder goes."""
        with self._changed:
            self._stopped = True
            self._changed.notify()
        self._thread.join()

    def result(self) -> Exported | None:
        started = time.perf_counter()
        self._thread.join()
        if self._exported is not None:
            self._exported.seconds = time.perf_counter() - started   # what the run waited for
        return self._exported

    def _files(self) -> Iterator[tuple[Path, object]]:
        for name in self._names:
            with self._changed:
                while name not in self._written and not self._stopped:
                    self._changed.wait()
                if name not in self._written:
                    raise _Stopped
            path = self.out / name
            try:
                stat = path.stat()
            except OSError:
                stat = None
            self._laid_out.append(None if stat is None else (name, stat.st_size, stat.st_mtime_ns))
            yield path, stat

    def _run(self) -> None:
        try:
            self._exported = _staged_export(self.out, self._files(), self._settled)
        except Exception:  # noqa: BLE001 - stopped, or failed: finish() exports, and reports what fails
            self._exported = None

    def _settled(self) -> list | None:
        """The folder's record files, when they are those laid out (none added, gone or rewritten)."""
        files = record_files(self.out)
        laid_out = [(p.name, s.st_size, s.st_mtime_ns) if s else None for p, s in files]
        return files if laid_out == self._laid_out else None


__all__ = ["finish", "Exported", "RunningExport", "DATABASE", "JSONL", "TABLES_DIR", "METADATA"]
