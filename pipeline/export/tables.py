"""Records → the tables, in batches: CSV (UTF-8 with BOM), Parquet row groups, SQLite, records.jsonl, the calendar.

Everything is written into a staging folder beside the outputs and renamed into
place at the end (see publish()), so a reader never sees half a table and a
crash leaves the previous tables intact.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.export.calendar import CalendarWriter
from pipeline.export.columns import SQLITE_TYPE, TABLES, Table
from pipeline.export.folder import CALENDAR, DATABASE, JSONL, TABLES_DIR, outputs
from pipeline.export.fragments import Fragments, csv_header

ARROW_TYPE = {"text": pa.string(), "int": pa.int64(), "real": pa.float64(), "bool": pa.bool_()}
BATCH_RECORDS = 256        # rows of this many records make one batch (one Parquet row group per table)
BATCH_ROWS = 50_000        # …or fewer records, when they carry many rows


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


class TableSink:
    """One table's three outputs: its CSV lines laid end to end, its rows in Parquet row groups and SQLite."""

    def __init__(self, table: Table, folder: Path, db: sqlite3.Connection):
        self.table, self.db = table, db
        self.schema = arrow_schema(table)
        # utf-8-sig writes the byte-order mark once, at the start: spreadsheets then read Vietnamese as UTF-8.
        self.csv = open(folder / f"{table.name}.csv", "w", encoding="utf-8-sig", newline="")
        self.csv.write(csv_header(table))
        self.parquet = pq.ParquetWriter(folder / f"{table.name}.parquet", self.schema, compression="zstd")
        names = ", ".join(f'"{c}"' for c in table.names)
        self.insert = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(table.names))})'
        self.rows: list[list] = []

    def add(self, csv_text: str, rows: list[list]) -> None:
        self.csv.write(csv_text)
        self.rows.extend(rows)

    def flush(self) -> None:
        if not self.rows:
            return
        columns = [list(column) for column in zip(*self.rows)]
        arrays = [pa.array(values, type=field.type) for values, field in zip(columns, self.schema)]
        self.parquet.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.db.executemany(self.insert, self.rows)
        self.rows.clear()

    def close(self) -> None:
        self.csv.close()
        self.parquet.close()


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


def write_all(out: Path, staging: Path) -> tuple[int, list[str]]:
    """Lay every record's fragment of `out` (fragments.py) into all outputs in `staging`. → (records, problems)"""
    (staging / TABLES_DIR).mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    db = open_database(staging / DATABASE)
    sinks = [TableSink(t, staging / TABLES_DIR, db) for t in TABLES]
    fragments = Fragments(out)
    count = pending = 0
    try:
        with open(staging / JSONL, "w", encoding="utf-8", newline="\n") as jsonl, \
                open(staging / CALENDAR, "w", encoding="utf-8", newline="") as ics:
            calendar = CalendarWriter(ics)
            for _, fragment in fragments.each(problems):
                jsonl.write(fragment.jsonl)
                calendar.write(fragment.ics)
                for sink in sinks:
                    rows = fragment.rows[sink.table.name]
                    sink.add(fragment.csv[sink.table.name], rows)
                    pending += len(rows)
                count += 1
                if count % BATCH_RECORDS == 0 or pending >= BATCH_ROWS:
                    _flush(sinks)
                    pending = 0
            _flush(sinks)
            calendar.close()
    finally:
        fragments.close()
    for sink in sinks:
        sink.close()
    index_database(db)
    db.close()
    return count, problems


def _flush(sinks: list[TableSink]) -> None:
    for sink in sinks:
        sink.flush()
    sinks[0].db.commit()


def publish(staging: Path, out: Path) -> None:
    """Rename each staged file over its published one: each replacement is atomic."""
    (out / TABLES_DIR).mkdir(parents=True, exist_ok=True)
    for relative in outputs():
        os.replace(staging / relative, out / relative)
