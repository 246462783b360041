"""Feeding other tools: the records of an output folder as tables, a SQLite database and JSON lines.

`finish(out)` runs after `extract` and writes, under the output folder:
  tables/<table>.csv and .parquet/ documents, references, bodies, targets, deadlines, tasks, task_bodies
                                   (each .parquet a folder of parts, see tables.Parts)
  directives.db                    the same tables in SQLite (sqlite3, Datasette, BI tools)
  datasette-metadata.yaml          titles, column notes and facets for `make serve`
  records.jsonl                    every record, one a line
A run where no record changed leaves them as they are, and imports neither pandas nor pyarrow.
"""
from __future__ import annotations

import shutil
import tempfile
import time
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
    from pipeline.export.datasette import metadata_yaml
    from pipeline.export.fragments import clear_staged
    from pipeline.export.tables import publish, write_all

    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out))
    try:
        staged = write_all(out, staging, files)
        try:
            (staging / METADATA).write_bytes(metadata_yaml())
        except BaseException:
            staged.abandon()
            raise
        publish(staging, out, staged)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    atomic_write_text(out / STAMP, stamp)
    clear_staged(out)
    return Exported(rebuilt=True, records=staged.records, problems=staged.problems,
                    seconds=time.perf_counter() - started)


__all__ = ["finish", "Exported", "DATABASE", "JSONL", "TABLES_DIR", "METADATA"]
