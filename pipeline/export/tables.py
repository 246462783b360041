"""Records → the tables, in batches: CSV (UTF-8 with BOM), Parquet row groups, SQLite, and records.jsonl.

Everything is written into a staging folder beside the outputs and renamed into
place at the end (see publish()), so a reader never sees half a table and a
crash leaves the previous tables intact.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.export.calendar import CalendarWriter
from pipeline.export.columns import SQLITE_TYPE, TABLES, Table
from pipeline.export.folder import CALENDAR, DATABASE, JSONL, TABLES_DIR, outputs, read_records
from pipeline.export.rows import rows_of

ARROW_TYPE = {"text": pa.string(), "int": pa.int64(), "real": pa.float64(), "bool": pa.bool_()}
# Arrow type → pandas dtype keeping nulls (pandas' default would turn an int column with nulls to float).
PANDAS_DTYPE = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(),
                pa.bool_(): pd.BooleanDtype()}
BATCH_RECORDS = 256        # rows of this many records make one batch (one Parquet row group per table)
BATCH_ROWS = 50_000        # …or fewer records, when they carry many rows


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW_TYPE[c.kind]) for c in table.columns])


def batch_of(table: Table, rows: list[dict]) -> tuple[pa.Table, pd.DataFrame]:
    """Rows → an Arrow table with the declared types (for Parquet) and its pandas frame (for CSV and SQLite).

    Arrow converts the rows in one pass; the frame keeps nulls as nulls (Int64, not float NaN)."""
    arrow = pa.Table.from_pylist(rows, schema=arrow_schema(table))
    return arrow, arrow.to_pandas(types_mapper=PANDAS_DTYPE.get)


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
    """One table's three outputs, each fed the same batches."""

    def __init__(self, table: Table, folder: Path, db: sqlite3.Connection):
        self.table, self.db = table, db
        self.schema = arrow_schema(table)
        # utf-8-sig writes the byte-order mark once, at the start: spreadsheets then read Vietnamese as UTF-8.
        self.csv = open(folder / f"{table.name}.csv", "w", encoding="utf-8-sig", newline="")
        self.parquet = pq.ParquetWriter(folder / f"{table.name}.parquet", self.schema, compression="zstd")
        self.header_written = False

    def write(self, rows: list[dict]) -> None:
        arrow, frame = batch_of(self.table, rows)
        frame.to_csv(self.csv, header=not self.header_written, index=False, lineterminator="\n")
        self.header_written = True
        self.parquet.write_table(arrow)
        frame.to_sql(self.table.name, self.db, if_exists="append", index=False)

    def close(self) -> None:
        if not self.header_written:  # a table nothing was found for still gets its header (Parquet: its schema)
            batch_of(self.table, [])[1].to_csv(self.csv, index=False, lineterminator="\n")
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
    """Read every record of `out` once and write all outputs into `staging`. → (records, problems)."""
    (staging / TABLES_DIR).mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    db = open_database(staging / DATABASE)
    sinks = {t.name: TableSink(t, staging / TABLES_DIR, db) for t in TABLES}
    batch: dict[str, list[dict]] = {t.name: [] for t in TABLES}
    count = pending = 0
    with open(staging / JSONL, "w", encoding="utf-8", newline="\n") as jsonl, \
            open(staging / CALENDAR, "w", encoding="utf-8", newline="") as ics:
        calendar = CalendarWriter(ics)
        for data, record in read_records(out, problems):
            jsonl.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
            calendar.add(record)
            for name, rows in rows_of(record).items():
                batch[name].extend(rows)
                pending += len(rows)
            count += 1
            if count % BATCH_RECORDS == 0 or pending >= BATCH_ROWS:
                _flush(sinks, batch)
                pending = 0
        _flush(sinks, batch)
        calendar.close()
    for sink in sinks.values():
        sink.close()
    index_database(db)
    db.close()
    return count, problems


def _flush(sinks: dict[str, TableSink], batch: dict[str, list[dict]]) -> None:
    for name, rows in batch.items():
        if rows:
            sinks[name].write(rows)
            rows.clear()
    sinks["documents"].db.commit()


def publish(staging: Path, out: Path) -> None:
    """Rename each staged file over its published one: each replacement is atomic."""
    (out / TABLES_DIR).mkdir(parents=True, exist_ok=True)
    for relative in outputs():
        os.replace(staging / relative, out / relative)
