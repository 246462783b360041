"""Each record's share of the export outputs, and an index of where each share sits in the published ones.

A record's share is its records.jsonl line, its calendar events, its lines in each CSV and its
rows for Parquet and SQLite. Reading a record back (JSON, then the typed Record), cutting it
into rows and formatting its events are most of an export's time, so a run cuts only the
records that changed: the share of every other record is already in the published outputs,
laid end to end in name order. The index (`tables/.export.db`) remembers, per record file,
its size and modification time (the fingerprint's view of it), its doc_id, the length of its
share of each text output, its row count in each table and the Parquet part its rows sit in,
so that share can be copied from the previous outputs as bytes and its part left alone. It also remembers the pipeline version and the size and
time of each output it describes: any other output (a table edited by hand, a run stopped half
way) makes the next export a full one. Only the standard library is imported here.
"""
from __future__ import annotations

import csv
import io
import json
import marshal
import sqlite3
import struct
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from pipeline import VERSION
from pipeline.export.columns import TABLES, Table
from pipeline.export.folder import TABLES_DIR

INDEX = Path(TABLES_DIR) / ".export.db"
_LEGACY_INDEX = Path(TABLES_DIR) / ".fragments.db"   # before Parquet parts: its outputs are rebuilt
# The text outputs, in the order a fragment's texts and an entry's lengths list them.
STREAMS = ("jsonl", "ics", *(t.name for t in TABLES))
_SCHEMA = ("CREATE TABLE IF NOT EXISTS entries (name TEXT PRIMARY KEY, size INTEGER NOT NULL, "
           "mtime INTEGER NOT NULL, doc_id TEXT NOT NULL, lengths TEXT NOT NULL, counts TEXT NOT NULL, "
           "part TEXT NOT NULL)",
           "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@dataclass
class Fragment:
    doc_id: str
    texts: list[bytes]              # per stream: the jsonl line, the calendar events, the CSV lines of each table
    rows: dict[str, list[list]]     # table → the record's rows, values in column order
    # Per table, the same rows as JSON lines (objects by column name), as Arrow's JSON reader takes them
    # for Parquet: written where the record is cut, by the workers in parallel, not by the export.
    lines: list[bytes]


@dataclass(frozen=True)
class Entry:
    """A record file's share of the published outputs."""
    name: str
    size: int
    mtime: int
    doc_id: str
    lengths: tuple[int, ...]        # bytes in each stream
    counts: tuple[int, ...]         # rows in each table
    part: str = ""                  # the Parquet part of its rows (tables/<table>.parquet/part-<part>.parquet)


def csv_lines(table: Table, rows: list[list]) -> str:
    """Rows as CSV lines, as pandas wrote them: minimal quoting, empty for null, reals as floats (the csv
    module writes None as empty, a float as its repr, an int as its str)."""
    if not rows:
        return ""
    numbers = _numbers(table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        for i, kind in numbers:
            value = row[i]
            if value is not None and type(value) is not kind:   # a real given as an int: 2 → 2.0
                row = row.copy()
                row[i] = kind(value)
        writer.writerow(row)
    return buffer.getvalue()


def _numbers(table: Table) -> tuple[tuple[int, type], ...]:
    """The table's int and real columns (position, type): the only cells a row may need converted."""
    return tuple((i, int if c.kind == "int" else float) for i, c in enumerate(table.columns)
                 if c.kind in ("int", "real"))


def csv_header(table: Table) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(table.names)
    return buffer.getvalue()


def cut(data: dict) -> Fragment:
    """The fragment of a record read back from its file as `data` (raises ValueError or pydantic's
    ValidationError on a record that is not one)."""
    from pipeline.core.records import Record

    return cut_record(Record.model_validate(data), json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def cut_record(record, line: str) -> Fragment:
    """The fragment of a Record whose compact JSON (its records.jsonl line, without the newline) is `line`."""
    pieces = list(_pieces(record, line))
    streams = len(STREAMS)
    return Fragment(record.id, pieces[:streams], pieces[-1], pieces[streams:-1])


def _pieces(record, line: str):
    """A fragment's pieces one at a time: its texts (in the order of STREAMS), its rows as JSON lines per
    table, then its rows."""
    from pipeline.export.calendar import events_text
    from pipeline.export.rows import rows_of

    yield line.encode() + b"\n"
    yield events_text(record).encode()
    by_table = rows_of(record)
    rows = {t.name: _in_column_order(t.names, by_table[t.name]) for t in TABLES}
    del by_table
    for table in TABLES:
        yield csv_lines(table, rows[table.name]).encode()
    for table in TABLES:
        yield json_lines(table, rows[table.name])
    yield rows


_ROW_JSON = json.JSONEncoder(separators=(",", ":")).encode


def json_lines(table: Table, rows: list[list]) -> bytes:
    """Rows as JSON lines, one object by column name a row: what tables._arrow_table reads."""
    names = table.names
    return "".join(_ROW_JSON(dict(zip(names, row))) + "\n" for row in rows).encode()


def _in_column_order(names: list[str], rows: list[dict]) -> list[list]:
    return [[row.get(name) for name in names] for row in rows]


# A record's fragment as cut by the worker that wrote the record (`stage`), beside the records
# in a hidden folder: the export then reads it instead of parsing the record and cutting it
# again, so that work runs in the workers, in parallel, not in the one process that exports.
STAGED = ".fragments"
# Staged as marshal data: the fragment's bytes and rows as they are, read back in a tenth of the time
# JSON takes (which also wrote each text, the whole record's line among them, escaped once more). It is
# this run's private cache, stamped with the record file it was cut from; written and read by the same
# interpreter, and anything it cannot read back is cut again from the record.
_STAGED_SUFFIX = ".marshal"
_STAGED_FORMAT = 3
# Staged piece by piece, each piece's marshal data after its length: a long record's pieces are made,
# written and let go one at a time, never all in memory together with one string of all of them (a
# 1,500-page plan's fragment is 60 MB, and held its worker 140 MB over its record).
_LENGTH = struct.Struct("<Q")


def stage(out: Path, path: Path, record, line: str) -> None:
    """Cut the record just written at `path` (`record`, whose compact JSON is `line`) and leave its
    fragment for the export, stamped with the record file's size and time: a record rewritten since is
    cut again."""
    stat = path.stat()
    folder = out / STAGED
    folder.mkdir(exist_ok=True)
    # Written in place, not through a temporary file renamed (a rename costs more than the write): a
    # fragment cut short by a stopped worker fails to load, and one whose record was rewritten since (a
    # failed record in its place) carries another stamp; either way the export cuts the record itself.
    with open(folder / f"{path.stem}{_STAGED_SUFFIX}", "wb") as handle:
        for piece in chain([(_STAGED_FORMAT, stat.st_size, stat.st_mtime_ns, record.id)], _pieces(record, line)):
            data = marshal.dumps(piece)
            handle.write(_LENGTH.pack(len(data)))
            handle.write(data)
            del piece, data


def staged(out: Path, path: Path, stat) -> Fragment | None:
    """The fragment a worker left for the record file at `path`, if it was cut from the file as it is now."""
    try:
        pieces = _unpacked(memoryview((out / STAGED / f"{path.stem}{_STAGED_SUFFIX}").read_bytes()))
        form, size, mtime, doc_id = next(pieces)
        if (form, size, mtime) != (_STAGED_FORMAT, stat.st_size, stat.st_mtime_ns):
            return None
        pieces = list(pieces)
    except (OSError, ValueError, EOFError, TypeError, StopIteration):
        return None
    streams = len(STREAMS)
    if len(pieces) != streams + len(TABLES) + 1:
        return None
    return Fragment(doc_id, pieces[:streams], pieces[-1], pieces[streams:-1])


def _unpacked(data: memoryview):
    at = 0
    while at < len(data):
        if at + _LENGTH.size > len(data):
            raise EOFError("a staged fragment cut short")
        (length,) = _LENGTH.unpack_from(data, at)
        at += _LENGTH.size
        if at + length > len(data):
            raise EOFError("a staged fragment cut short")
        yield marshal.loads(data[at:at + length])
        at += length


def clear_staged(out: Path) -> None:
    """Once the export has taken them in: the fragments are in its outputs and index now."""
    folder = out / STAGED
    if folder.is_dir():
        for path in folder.iterdir():
            path.unlink(missing_ok=True)


def entry_of(name: str, size: int, mtime: int, fragment: Fragment) -> Entry:
    return Entry(name, size, mtime, fragment.doc_id, tuple(len(t) for t in fragment.texts),
                 tuple(len(fragment.rows[t.name]) for t in TABLES))


class Index:
    """The entries of the published outputs, and whether those outputs are still the ones described."""

    def __init__(self, out: Path) -> None:
        self.out = out
        path = out / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        (out / _LEGACY_INDEX).unlink(missing_ok=True)
        try:
            self.db = _connect(path)
        except sqlite3.DatabaseError:   # damaged: the next export is a full one
            path.unlink(missing_ok=True)
            self.db = _connect(path)
        self.known: dict[str, Entry] | None = None   # the entries the index holds, once read and found current

    def previous(self, outputs: list[Path]) -> dict[str, Entry] | None:
        """The entries by name, when the outputs on disk are the ones they describe; None otherwise."""
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        if meta.get("version") != VERSION or meta.get("outputs") != json.dumps(_stats(self.out, outputs)):
            return None
        rows = self.db.execute("SELECT name, size, mtime, doc_id, lengths, counts, part FROM entries").fetchall()
        # Each entry's lists parsed in one call for all (one call per entry was most of this)
        lengths = json.loads("[" + ",".join(row[4] for row in rows) + "]")
        counts = json.loads("[" + ",".join(row[5] for row in rows) + "]")
        self.known = {row[0]: Entry(row[0], row[1], row[2], row[3], tuple(length), tuple(count), row[6])
                      for row, length, count in zip(rows, lengths, counts)}
        return dict(self.known)

    def forget(self) -> None:
        """Before the outputs change: until replace() has run, they are described by nothing."""
        self.db.execute("DELETE FROM meta")
        self.db.commit()

    def replace(self, entries: list[Entry], outputs: list[Path]) -> None:
        """Describe the outputs now published by `entries`: only the entries that changed are written when
        the index held the previous ones (a run that changed one record of a million writes one row)."""
        if self.known is None:
            self.db.execute("DELETE FROM entries")
            changed = entries
        else:
            names = {e.name for e in entries}
            self.db.executemany("DELETE FROM entries WHERE name = ?", [(n,) for n in self.known if n not in names])
            changed = [e for e in entries if self.known.get(e.name) != e]
        self.db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [(e.name, e.size, e.mtime, e.doc_id, json.dumps(e.lengths), json.dumps(e.counts), e.part)
                             for e in changed])
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                            [("version", VERSION), ("outputs", json.dumps(_stats(self.out, outputs)))])
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def _stats(out: Path, outputs: list[Path]) -> list:
    stats = []
    for relative in outputs:
        try:
            stat = (out / relative).stat()
            stats.append([str(relative), stat.st_size, stat.st_mtime_ns])
        except OSError:
            stats.append([str(relative), None, None])
    return stats


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    for statement in _SCHEMA:
        db.execute(statement)
    db.commit()
    return db
