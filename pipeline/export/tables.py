"""Records → the tables, in batches: CSV (UTF-8 with BOM), Parquet parts, SQLite, records.jsonl, the calendar.

Everything is written into a staging folder beside the outputs and renamed into
place at the end (see publish()), so a reader never sees half a table and a
crash leaves the previous tables intact.
"""
from __future__ import annotations

import bisect
import json
import os
import sqlite3
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path

import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.parquet as pq

from pipeline.batch.write import swap
from pipeline.export.calendar import CALENDAR_END, calendar_head
from pipeline.export.columns import SQLITE_TYPE, TABLES, Table
from pipeline.export.folder import CALENDAR, DATABASE, JSONL, TABLES_DIR, outputs, record_files
from pipeline.export.fragments import Entry, Fragment, Index, csv_header, cut, entry_of, staged

ARROW_TYPE = {"text": pa.string(), "int": pa.int64(), "real": pa.float64(), "bool": pa.bool_()}
BATCH_RECORDS = 256        # rows of this many records make one batch (one Parquet part per table)
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
        self.run = []
        if _copy_range(self.old, self.handle, start, end):
            return
        self.old.seek(start)
        while start < end:
            chunk = self.old.read(min(end - start, _COPY_CHUNK))
            if not chunk:
                raise OSError(f"{self.old.name} is shorter than its index says")
            self.handle.write(chunk)
            start += len(chunk)

    def close(self) -> None:
        self._copy_run()
        self.handle.write(self.trailer)
        self.handle.close()
        if self.old:
            self.old.close()


class Parts:
    """The Parquet tables as folders of parts (tables/<table>.parquet/part-<first record>.parquet), each part
    the rows of a run of consecutive records in name order: part P holds the records from P's name up to the
    next part's. A run rewrites only the parts whose records changed, so one changed record out of a million
    costs one part, not the corpus. A part over twice BATCH_RECORDS records is split; an emptied one goes.

    Parts are written into the staging folder; `publish` renames them into place and deletes the parts that
    are gone. Reading a folder (pandas.read_parquet, pyarrow.parquet.read_table, DuckDB's 'tables/x.parquet/*')
    gives the rows in name order, as the part names sort."""

    def __init__(self, out: Path, staging: Path, previous: dict[str, Entry] | None) -> None:
        self.out, self.staging = out, staging
        self.full = not previous
        members: dict[str, list[Entry]] = {}
        for name in sorted(previous or ()):
            members.setdefault(previous[name].part, []).append(previous[name])
        self.old_members = members
        self.ids = sorted(members)                 # the previous parts, by the first name they may hold
        self.written: list[str] = []               # parts staged, to rename into place
        self.gone: set[str] = set(self.ids)        # previous parts not seen again (deleted unless seen)
        self.current: str | None = None
        self.records: list[tuple[str, Entry | None, list | None]] = []   # (name, previous entry, new lines)
        self.rows = 0
        self.entries: list[Entry] = []             # every record's entry, its part filled in, in name order
        self._offsets: dict[str, dict[str, list[int]]] = {}   # previous part → its records' row offsets

    def part_of(self, name: str) -> str:
        if self.full:    # a full build: parts of BATCH_RECORDS records (or BATCH_ROWS rows) in name order
            if self.current is None or len(self.records) >= BATCH_RECORDS or self.rows >= BATCH_ROWS:
                return name
            return self.current
        at = bisect.bisect_right(self.ids, name) - 1
        return self.ids[max(at, 0)] if self.ids else ""

    def add(self, entry: Entry, previous: Entry | None, lines: list[bytes] | None) -> None:
        """The next record in name order: its entry, and its new rows as JSON lines per table (Fragment.lines;
        None when kept from `previous`)."""
        part = self.part_of(entry.name) or entry.name
        if part != self.current:
            self._finish()
            self.current = part
        self.records.append((entry.name, previous, lines))
        self.entries.append(entry)
        self.rows += sum(entry.counts)

    def close(self) -> None:
        self._finish()

    def _finish(self) -> None:
        part, records = self.current, self.records
        self.records, self.rows = [], 0
        if part is None:
            return
        self.gone.discard(part)
        first = len(self.entries) - len(records)
        old = [e.name for e in self.old_members.get(part, [])]
        if [name for name, _, _ in records] == old and all(lines is None and previous.part == part
                                                           for _, previous, lines in records):
            return                                 # not one of its records changed: the part stays as it is
        chunks = [records]
        if len(records) > 2 * BATCH_RECORDS:
            chunks = [records[i:i + BATCH_RECORDS] for i in range(0, len(records), BATCH_RECORDS)]
        old_tables = {}
        done = 0
        for chunk in chunks:
            name = part if done == 0 else chunk[0][0]
            for t_index, table in enumerate(TABLES):
                pieces, new = [], []
                for record_name, previous, lines in chunk:
                    if lines is not None:
                        if lines[t_index]:
                            new.append(lines[t_index])
                        continue
                    if new:
                        pieces.append(_arrow_table(table, new))
                        new = []
                    offset, count = self._old_offset(previous, t_index)
                    if count:
                        if previous.part not in old_tables:
                            old_tables[previous.part] = {}
                        by_table = old_tables[previous.part]
                        if table.name not in by_table:
                            # (pq.read_table imports pandas; a ParquetFile's read does not)
                            by_table[table.name] = pq.ParquetFile(self._path(self.out, table, previous.part)).read()
                        pieces.append(by_table[table.name].slice(offset, count))
                if new or not pieces:
                    pieces.append(_arrow_table(table, new))
                rows_table = pieces[0] if len(pieces) == 1 else pa.concat_tables(pieces).combine_chunks()
                path = self._path(self.staging, table, name)
                path.parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(rows_table, path, compression="zstd")
            for i in range(len(chunk)):
                self.entries[first + done + i] = replace(self.entries[first + done + i], part=name)
            self.written.append(name)
            done += len(chunk)

    def _old_offset(self, previous: Entry, t_index: int) -> tuple[int, int]:
        """Where a kept record's rows of one table sit in its previous part."""
        offsets = self._offsets.get(previous.part)
        if offsets is None:
            at = [0] * len(TABLES)
            offsets = {}
            for entry in self.old_members[previous.part]:
                offsets[entry.name] = list(at)
                at = [a + b for a, b in zip(at, entry.counts)]
            self._offsets[previous.part] = offsets
        return offsets[previous.name][t_index], previous.counts[t_index]

    @staticmethod
    def _path(root: Path, table: Table, part: str) -> Path:
        return root / TABLES_DIR / f"{table.name}.parquet" / f"part-{Path(part).stem}.parquet"

    def publish(self) -> None:
        """The staged parts into place, the parts that are gone deleted (all others, after a full build)."""
        for table in TABLES:
            folder = self.out / TABLES_DIR / f"{table.name}.parquet"
            if folder.is_file():           # a single file, as exports wrote before parts
                folder.unlink()
            folder.mkdir(parents=True, exist_ok=True)
            for part in self.written:
                swap(self._path(self.staging, table, part), self._path(self.out, table, part))
            if self.full:
                keep = {self._path(self.out, table, part).name for part in self.written}
                for path in folder.iterdir():
                    if path.name not in keep:
                        path.unlink()
            else:
                for part in self.gone:
                    self._path(self.out, table, part).unlink(missing_ok=True)


def _arrow_table(table: Table, lines: list[bytes]) -> pa.Table:
    """Rows (as fragments.json_lines wrote them) → an Arrow table of the table's schema. Through Arrow's JSON
    reader: pyarrow.array() on Python lists imports pandas (0.3 s) to ask whether they are pandas objects."""
    schema = arrow_schema(table)
    data = b"".join(lines)
    if not data:
        return pa.Table.from_batches([], schema=schema)   # (schema.empty_table() imports pandas)
    names = table.names
    options = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    read = pa_json.read_json(pa.BufferReader(data), parse_options=options,
                             read_options=pa_json.ReadOptions(use_threads=False, block_size=max(len(data), 1 << 20)))
    read = read.select(names)
    # The reader gives the explicit schema as it is; a cast is only for a pyarrow that does not (it
    # imports pyarrow.compute: 0.04 s of every export).
    return read if read.schema.equals(schema, check_metadata=True) else read.cast(schema)


def _copy_range(source, target, start: int, end: int) -> bool:
    """Bytes [start, end) of `source` appended to `target` inside the kernel (no copy through Python;
    on some file systems no copy at all); False where the system cannot, before anything was copied."""
    if not hasattr(os, "copy_file_range"):
        return False
    target.flush()
    copied = 0
    try:
        while start < end:
            done = os.copy_file_range(source.fileno(), target.fileno(), end - start, start)
            if done == 0:
                raise OSError(f"{source.name} is shorter than its index says")
            start += done
            copied += done
    except OSError as exc:
        if copied or "shorter" in str(exc):
            raise
        return False
    finally:
        target.seek(0, os.SEEK_END)   # the buffered handle picks up where the kernel left the file
    return True


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
    parts: Parts            # the Parquet parts staged, and those to delete

    def abandon(self) -> None:
        """Leave the published outputs as they were."""
        if self.in_place:
            self.db.rollback()
            self.db.close()
        self.index.close()


def write_all(out: Path, staging: Path, files: list | None = None) -> Staged:
    """Every output into `staging` (the database in place when it can be), each record's share cut
    anew only when its file changed since the published outputs, copied from them otherwise."""
    (staging / TABLES_DIR).mkdir(parents=True, exist_ok=True)
    index = Index(out)
    try:
        return _write_all(out, staging, index, record_files(out) if files is None else files)
    except BaseException:
        index.close()
        raise


def _write_all(out: Path, staging: Path, index: Index, files: list) -> Staged:
    previous = index.previous(outputs()) or {}
    plan, offsets = _plan(files, previous)
    in_place = bool(previous) and (out / DATABASE).exists()
    db = sqlite3.connect(out / DATABASE) if in_place else open_database(staging / DATABASE)
    try:
        if in_place:
            kept = {entry.name for _, _, entry in plan if entry}
            gone = [(e.doc_id,) for name, e in previous.items() if name not in kept]
            for table in TABLES:
                db.executemany(f'DELETE FROM "{table.name}" WHERE doc_id = ?', gone)
        parts = Parts(out, staging, previous)
        count, problems = _lay_out(out, staging, plan, offsets if previous else None, db, parts)
        if not in_place:
            index_database(db)
            db.close()
        return Staged(count, problems, index, parts.entries, db, in_place, parts)
    except BaseException:
        if in_place:
            db.rollback()
        db.close()
        raise


def _plan(files: list, previous: dict[str, Entry]) -> tuple[list, dict[str, tuple[int, ...]]]:
    """[(path, stat, the previous entry when the file is unchanged)] in name order, and each previous
    entry's byte offsets in the text outputs. Without previous entries the plan follows `files` as
    they come."""
    if not previous:
        return ((path, stat, None) for path, stat in files), {}
    plan = []
    for path, stat in files:
        entry = previous.get(path.name)
        same = entry is not None and stat is not None and (entry.size, entry.mtime) == (stat.st_size,
                                                                                        stat.st_mtime_ns)
        plan.append((path, stat, entry if same else None))
    names = sorted(previous)
    # A running sum per output, after its header (in C: a loop over each entry was a tenth of a second
    # for 10,000 records).
    starts = [accumulate(lengths, initial=len(header))
              for lengths, (header, _) in zip(zip(*(previous[name].lengths for name in names)), _stream_ends())]
    return plan, dict(zip(names, zip(*starts)))


def _stream_ends() -> list[tuple[bytes, bytes]]:
    """(header, trailer) of each text output, in the order of fragments.STREAMS."""
    bom = "\ufeff".encode()   # spreadsheets then read Vietnamese as UTF-8
    return [(b"", b""), (calendar_head().encode(), CALENDAR_END.encode())] + \
        [(bom + csv_header(t).encode(), b"") for t in TABLES]


def _stream_paths() -> list[Path]:
    return [Path(JSONL), Path(CALENDAR)] + [Path(TABLES_DIR) / f"{t.name}.csv" for t in TABLES]


def _lay_out(out: Path, staging: Path, plan: list, offsets: dict | None, db: sqlite3.Connection,
             parts: Parts) -> tuple[int, list[str]]:
    problems: list[str] = []
    streams = [TextStream(staging / path, header, trailer, out / path if offsets is not None else None)
               for path, (header, trailer) in zip(_stream_paths(), _stream_ends())]
    inserts = [insert_statement(t) for t in TABLES]
    new_rows: list[list[list]] = [[] for _ in TABLES]
    count = pending = 0
    try:
        for path, stat, entry in plan:
            if entry is not None:
                for stream, start, length in zip(streams, offsets[entry.name], entry.lengths):
                    stream.copy(start, length)
                parts.add(entry, entry, None)
            else:
                fragment = _cut(path, stat, problems)
                if fragment is None:
                    continue
                for stream, text in zip(streams, fragment.texts):
                    stream.write(text)
                for i, table in enumerate(TABLES):
                    rows = fragment.rows[table.name]
                    new_rows[i].extend(rows)
                    pending += len(rows)
                parts.add(entry_of(path.name, stat.st_size, stat.st_mtime_ns, fragment), None, fragment.lines)
            count += 1
            if pending >= BATCH_ROWS:
                _flush(db, inserts, new_rows)
                pending = 0
        _flush(db, inserts, new_rows)
        parts.close()
    finally:
        for stream in streams:
            stream.close()
    return count, problems


def _cut(path: Path, stat, problems: list[str]) -> Fragment | None:
    if stat is not None:
        fragment = staged(path.parent, path, stat)   # cut by the worker that wrote the record
        if fragment is not None:
            return fragment
    from pydantic import ValidationError   # (pydantic's import is a tenth of a second: only when needed)

    try:
        if stat is None:
            raise OSError("gone")
        return cut(json.loads(path.read_bytes()))
    except (OSError, ValueError, ValidationError) as exc:
        problems.append(f"{path.name}: not a readable record ({type(exc).__name__})")
        return None


def _flush(db: sqlite3.Connection, inserts: list[str], new_rows: list[list]) -> None:
    for insert, rows in zip(inserts, new_rows):
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
            if relative.suffix == ".parquet":
                continue
            if not (staged.in_place and relative == Path(DATABASE)):
                swap(staging / relative, out / relative)   # the previous file goes with the staging folder
        staged.parts.publish()
        if staged.in_place:
            staged.db.commit()
            staged.db.close()
        staged.index.replace(staged.entries, outputs())
    finally:
        if staged.in_place:
            staged.db.close()
        staged.index.close()
