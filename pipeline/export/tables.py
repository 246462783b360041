"""Records → the tables, in batches: CSV (UTF-8 with BOM), Parquet row groups, SQLite, records.jsonl, the calendar.

Everything is written into a staging folder beside the outputs and renamed into
place at the end (see publish()), so a reader never sees half a table and a
crash leaves the previous tables intact.
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.export.calendar import CALENDAR_END, calendar_head
from pipeline.export.columns import SQLITE_TYPE, TABLES, Table
from pipeline.export.folder import CALENDAR, DATABASE, JSONL, TABLES_DIR, outputs, record_paths
from pipeline.export.fragments import Entry, Fragment, Index, csv_header, cut, entry_of

ARROW_TYPE = {"text": pa.string(), "int": pa.int64(), "real": pa.float64(), "bool": pa.bool_()}
BATCH_RECORDS = 256        # rows of this many records make one batch (one Parquet row group per table)
BATCH_ROWS = 50_000        # …or fewer records, when they carry many rows
_COPY_CHUNK = 16 * 2**20   # bytes copied from a previous output at a time


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW_TYPE[c.kind]) for c in table.columns])


def create_statements(table: Table) -> list[str]:
    """The table with typed columns, its key, a link to documents, and indexes on the facet columns."""
    columns = [f'"{c.name}" {SQLITE_TYPE[c.kind]}' for c in table.columns]
    key = ", ".join(f'"{k}"' for k in table.key)
    constraints = [f"PRIMARY KEY ({key})"]
    if table.name != "documents":
        constraints.append('FOREIGN KEY ("doc_id") REFERENCES "documents" ("doc_id")')
    statements = [f'CREATE TABLE "{table.name}" ({", ".join(columns + constraints)})']
    for column in dict.fromkeys(table.facets):
        statements.append(f'CREATE INDEX "{table.name}_{column}" ON "{table.name}" ("{column}")')
    return statements


class TextStream:
    """One text output: a header, each record's share (copied from the previous output where it is
    unchanged, in as few copies as there are runs of unchanged records), a trailer."""

    def __init__(self, path: Path, header: bytes, trailer: bytes, old: Path | None) -> None:
        self.handle = open(path, "wb")
        self.handle.write(header)
        self.trailer = trailer
        self.old = open(old, "rb") if old else None
        self.run: list[int] = []          # [start, end) of the old bytes still to copy

    def copy(self, start: int, length: int) -> None:
        if self.run and self.run[1] == start:
            self.run[1] += length
        else:
            self._copy_run()
            self.run = [start, start + length]

    def write(self, data: bytes) -> None:
        self._copy_run()
        self.handle.write(data)

    def _copy_run(self) -> None:
        if not self.run:
            return
        start, end = self.run
        self.old.seek(start)
        while start < end:
            chunk = self.old.read(min(end - start, _COPY_CHUNK))
            if not chunk:
                raise OSError(f"{self.old.name} is shorter than its index says")
            self.handle.write(chunk)
            start += len(chunk)
        self.run = []

    def close(self) -> None:
        self._copy_run()
        self.handle.write(self.trailer)
        self.handle.close()
        if self.old:
            self.old.close()


class OldRows:
    """The rows of the previous Parquet file of a table, read forward one row group at a time."""

    def __init__(self, path: Path) -> None:
        self.file = pq.ParquetFile(path)
        self.group, self.start, self.rows = -1, 0, None

    def take(self, offset: int, count: int) -> list[pa.Table]:
        pieces = []
        while count:
            while self.rows is None or offset >= self.start + self.rows.num_rows:
                if self.rows is not None:
                    self.start += self.rows.num_rows
                self.group += 1
                self.rows = self.file.read_row_group(self.group)
            length = min(count, self.start + self.rows.num_rows - offset)
            pieces.append(self.rows.slice(offset - self.start, length))
            offset += length
            count -= length
        return pieces


class ParquetSink:
    """One table's Parquet file: a row group per batch, of rows copied from the previous file or new."""

    def __init__(self, table: Table, path: Path, old: Path | None) -> None:
        self.table = table
        self.schema = arrow_schema(table)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.old = OldRows(old) if old else None
        self.pieces: list = []            # (offset, count) in the old file, or a list of new rows

    def copy(self, offset: int, count: int) -> None:
        if count:
            self.pieces.append((offset, count))

    def add(self, rows: list[list]) -> None:
        if rows:
            if self.pieces and isinstance(self.pieces[-1], list):
                self.pieces[-1].extend(rows)
            else:
                self.pieces.append(list(rows))

    def flush(self) -> None:
        if not self.pieces:
            return
        tables = []
        for piece in self.pieces:
            tables += self.old.take(*piece) if isinstance(piece, tuple) else [self._new(piece)]
        batch = tables[0] if len(tables) == 1 else pa.concat_tables(tables).combine_chunks()
        self.writer.write_table(batch)
        self.pieces = []

    def _new(self, rows: list[list]) -> pa.Table:
        columns = [list(column) for column in zip(*rows)]
        arrays = [pa.array(values, type=field.type) for values, field in zip(columns, self.schema)]
        return pa.Table.from_arrays(arrays, schema=self.schema)

    def close(self) -> None:
        self.writer.close()


def insert_statement(table: Table) -> str:
    names = ", ".join(f'"{c}"' for c in table.names)
    return f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(table.names))})'


def open_database(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = OFF")   # a staging file: renamed into place only once complete
    db.execute("PRAGMA synchronous = OFF")
    for table in TABLES:
        for statement in create_statements(table)[:1]:
            db.execute(statement)
    return db


def index_database(db: sqlite3.Connection) -> None:
    # Indexes after the rows: one sort per index instead of an update per insert.
    for table in TABLES:
        for statement in create_statements(table)[1:]:
            db.execute(statement)
    db.commit()


@dataclass
class Staged:
    """What write_all() staged, and what publish() then puts in place."""
    records: int
    problems: list[str]
    index: Index
    entries: list[Entry]
    db: sqlite3.Connection
    in_place: bool          # the published database was changed in its own (uncommitted) transaction

    def abandon(self) -> None:
        """Leave the published outputs as they were."""
        if self.in_place:
            self.db.rollback()
            self.db.close()
        self.index.close()


def write_all(out: Path, staging: Path) -> Staged:
    """Every output into `staging` (the database in place when it can be), each record's share cut
    anew only when its file changed since the published outputs, copied from them otherwise."""
    (staging / TABLES_DIR).mkdir(parents=True, exist_ok=True)
    index = Index(out)
    try:
        return _write_all(out, staging, index)
    except BaseException:
        index.close()
        raise


def _write_all(out: Path, staging: Path, index: Index) -> Staged:
    previous = index.previous(outputs()) or {}
    plan, offsets = _plan(out, previous)
    in_place = bool(previous) and (out / DATABASE).exists()
    db = sqlite3.connect(out / DATABASE) if in_place else open_database(staging / DATABASE)
    try:
        if in_place:
            kept = {entry.name for _, _, entry in plan if entry}
            gone = [(e.doc_id,) for name, e in previous.items() if name not in kept]
            for table in TABLES:
                db.executemany(f'DELETE FROM "{table.name}" WHERE doc_id = ?', gone)
        count, problems, entries = _lay_out(out, staging, plan, offsets if previous else None, db)
        if not in_place:
            index_database(db)
            db.close()
        return Staged(count, problems, index, entries, db, in_place)
    except BaseException:
        if in_place:
            db.rollback()
        db.close()
        raise


def _plan(out: Path, previous: dict[str, Entry]) -> tuple[list, dict[str, tuple[list[int], list[int]]]]:
    """[(path, stat, the previous entry when the file is unchanged)] in name order, and each previous
    entry's byte offsets in the text outputs and row offsets in the tables."""
    plan = []
    for path in record_paths(out):
        try:
            stat = path.stat()
        except OSError:
            stat = None
        entry = previous.get(path.name)
        same = entry is not None and stat is not None and (entry.size, entry.mtime) == (stat.st_size,
                                                                                        stat.st_mtime_ns)
        plan.append((path, stat, entry if same else None))
    offsets = {}
    bytes_at = [len(header) for header, _ in _stream_ends()]
    rows_at = [0] * len(TABLES)
    for name in sorted(previous):
        entry = previous[name]
        offsets[name] = (list(bytes_at), list(rows_at))
        bytes_at = [a + b for a, b in zip(bytes_at, entry.lengths)]
        rows_at = [a + b for a, b in zip(rows_at, entry.counts)]
    return plan, offsets


def _stream_ends() -> list[tuple[bytes, bytes]]:
    """(header, trailer) of each text output, in the order of fragments.STREAMS."""
    bom = "\ufeff".encode()   # spreadsheets then read Vietnamese as UTF-8
    return [(b"", b""), (calendar_head().encode(), CALENDAR_END.encode())] + \
        [(bom + csv_header(t).encode(), b"") for t in TABLES]


def _stream_paths() -> list[Path]:
    return [Path(JSONL), Path(CALENDAR)] + [Path(TABLES_DIR) / f"{t.name}.csv" for t in TABLES]


def _lay_out(out: Path, staging: Path, plan: list, offsets: dict | None,
             db: sqlite3.Connection) -> tuple[int, list[str], list[Entry]]:
    problems: list[str] = []
    entries: list[Entry] = []
    streams = [TextStream(staging / path, header, trailer, out / path if offsets is not None else None)
               for path, (header, trailer) in zip(_stream_paths(), _stream_ends())]
    sinks = [ParquetSink(t, staging / TABLES_DIR / f"{t.name}.parquet",
                         out / TABLES_DIR / f"{t.name}.parquet" if offsets is not None else None) for t in TABLES]
    inserts = [insert_statement(t) for t in TABLES]
    new_rows: list[list[list]] = [[] for _ in TABLES]
    count = pending = 0
    try:
        for path, stat, entry in plan:
            if entry is not None:
                byte_offsets, row_offsets = offsets[entry.name]
                for stream, start, length in zip(streams, byte_offsets, entry.lengths):
                    stream.copy(start, length)
                for sink, start, rows in zip(sinks, row_offsets, entry.counts):
                    sink.copy(start, rows)
                pending += sum(entry.counts)
                entries.append(entry)
            else:
                fragment = _cut(path, stat, problems)
                if fragment is None:
                    continue
                for stream, text in zip(streams, fragment.texts):
                    stream.write(text)
                for i, (sink, table) in enumerate(zip(sinks, TABLES)):
                    rows = fragment.rows[table.name]
                    sink.add(rows)
                    new_rows[i].extend(rows)
                    pending += len(rows)
                entries.append(entry_of(path.name, stat.st_size, stat.st_mtime_ns, fragment))
            count += 1
            if count % BATCH_RECORDS == 0 or pending >= BATCH_ROWS:
                _flush(sinks, db, inserts, new_rows)
                pending = 0
        _flush(sinks, db, inserts, new_rows)
    finally:
        for closable in streams + sinks:
            closable.close()
    return count, problems, entries


def _cut(path: Path, stat, problems: list[str]) -> Fragment | None:
    from pydantic import ValidationError

    try:
        if stat is None:
            raise OSError("gone")
        return cut(json.loads(path.read_bytes()))
    except (OSError, ValueError, ValidationError) as exc:
        problems.append(f"{path.name}: not a readable record ({type(exc).__name__})")
        return None


def _flush(sinks: list[ParquetSink], db: sqlite3.Connection, inserts: list[str], new_rows: list[list]) -> None:
    for sink, insert, rows in zip(sinks, inserts, new_rows):
        sink.flush()
        if rows:
            db.executemany(insert, rows)
            rows.clear()


def publish(staging: Path, out: Path, staged: Staged) -> None:
    """Rename each staged file over its published one (each replacement is atomic), commit the database
    changed in place, and index what is now published. Until the index is rewritten it describes
    nothing, so a run stopped half way makes the next export a full one."""
    staged.index.forget()
    try:
        (out / TABLES_DIR).mkdir(parents=True, exist_ok=True)
        for relative in outputs():
            if not (staged.in_place and relative == Path(DATABASE)):
                os.replace(staging / relative, out / relative)
        if staged.in_place:
            staged.db.commit()
            staged.db.close()
        staged.index.replace(staged.entries, outputs())
    finally:
        if staged.in_place:
            staged.db.close()
        staged.index.close()
