"""Each record's share of the export outputs, kept between runs, so a run redoes only the records it changed.

A record's share is its records.jsonl line, its calendar events, its CSV lines and its rows
for Parquet and SQLite. Reading a record back (JSON, then the typed Record), cutting it into
rows and formatting its events are most of an export's time; the outputs themselves are
these pieces laid end to end. The pieces of a record file are kept in `tables/.fragments.db`
under its name, size and modification time (the fingerprint's own view of a record), and the
pipeline version: a record rewritten, or a pipeline changed, is cut again. Only the standard
library is imported here; a record that has to be cut brings in pydantic and the calendar.
"""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline import VERSION
from pipeline.export.columns import TABLES, Table
from pipeline.export.folder import TABLES_DIR, record_paths

CACHE = Path(TABLES_DIR) / ".fragments.db"
_SCHEMA = ("CREATE TABLE IF NOT EXISTS fragments (name TEXT PRIMARY KEY, size INTEGER NOT NULL, "
           "mtime INTEGER NOT NULL, version TEXT NOT NULL, jsonl TEXT NOT NULL, ics TEXT NOT NULL, "
           "csv TEXT NOT NULL, rows TEXT NOT NULL)")
_COMMIT_EVERY = 500


@dataclass
class Fragment:
    jsonl: str                      # the line of records.jsonl, with its newline
    ics: str                        # the record's calendar events, CRLF lines
    csv: dict[str, str]             # table → the record's CSV lines
    rows: dict[str, list[list]]     # table → the record's rows, values in column order


def csv_lines(table: Table, rows: list[list]) -> str:
    """Rows as CSV lines, the way pandas wrote them: minimal quoting, empty for null, reals as floats."""
    if not rows:
        return ""
    kinds = [c.kind for c in table.columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([_cell(value, kind) for value, kind in zip(row, kinds)])
    return buffer.getvalue()


def _cell(value, kind: str):
    if value is None:
        return ""
    if kind == "real":
        return repr(float(value))
    if kind == "int":
        return str(int(value))
    return value


def csv_header(table: Table) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(table.names)
    return buffer.getvalue()


def cut(data: dict) -> Fragment:
    """One record's fragment (raises ValueError or pydantic's ValidationError on a record that is not one)."""
    from pipeline.export.calendar import events_text
    from pipeline.export.rows import rows_of
    from pipeline.records import Record

    record = Record.model_validate(data)
    by_table = rows_of(record)
    rows = {t.name: [[row.get(name) for name in t.names] for row in by_table[t.name]] for t in TABLES}
    return Fragment(jsonl=json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                    ics=events_text(record), csv={t.name: csv_lines(t, rows[t.name]) for t in TABLES}, rows=rows)


class Fragments:
    """The kept fragments of an output folder's records."""

    def __init__(self, out: Path) -> None:
        path = out / CACHE
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = _connect(path)
        except sqlite3.DatabaseError:   # damaged: it is only a cache
            path.unlink(missing_ok=True)
            self.db = _connect(path)
        self.out = out
        self.cut = 0                    # records cut in this run (the others came from the cache)
        self.uncommitted = 0

    def each(self, problems: list[str]) -> Iterator[tuple[str, Fragment]]:
        """(file name, fragment) of every record file of the folder, in name order; files that are not
        records are named in `problems`; fragments of files now gone are dropped."""
        seen: set[str] = set()
        for path in record_paths(self.out):
            name = path.name
            seen.add(name)
            try:
                stat = path.stat()
            except OSError as exc:
                problems.append(f"{name}: not a readable record ({type(exc).__name__})")
                continue
            kept = self.db.execute("SELECT jsonl, ics, csv, rows FROM fragments WHERE name = ? AND size = ? "
                                   "AND mtime = ? AND version = ?",
                                   (name, stat.st_size, stat.st_mtime_ns, VERSION)).fetchone()
            if kept:
                yield name, Fragment(kept[0], kept[1], json.loads(kept[2]), json.loads(kept[3]))
                continue
            fragment = self._cut(path, problems)
            if fragment is None:
                continue
            self.db.execute("INSERT OR REPLACE INTO fragments VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (name, stat.st_size, stat.st_mtime_ns, VERSION, fragment.jsonl, fragment.ics,
                             json.dumps(fragment.csv, ensure_ascii=False),
                             json.dumps(fragment.rows, ensure_ascii=False)))
            self.cut += 1
            self.uncommitted += 1
            if self.uncommitted >= _COMMIT_EVERY:
                self.db.commit()
                self.uncommitted = 0
            yield name, fragment
        gone = [n for (n,) in self.db.execute("SELECT name FROM fragments") if n not in seen]
        self.db.executemany("DELETE FROM fragments WHERE name = ?", [(n,) for n in gone])

    def _cut(self, path: Path, problems: list[str]) -> Fragment | None:
        from pydantic import ValidationError

        try:
            return cut(json.loads(path.read_bytes()))
        except (OSError, ValueError, ValidationError) as exc:
            problems.append(f"{path.name}: not a readable record ({type(exc).__name__})")
            return None

    def close(self) -> None:
        self.db.commit()
        self.db.close()


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")   # a cache: a crash loses at most what is cut again
    db.execute(_SCHEMA)
    db.commit()
    return db
