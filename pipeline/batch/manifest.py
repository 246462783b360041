"""The output folder's manifest: what each record was made from, so a re-run redoes only what changed.

A record is redone only when its input's bytes or the pipeline version change; the manifest
(`.manifest` in the output folder) remembers both per id, and the input's path, so the
record of a deleted input can be removed. It also remembers the input's size and modification
time when it was read: an input whose stamp is unchanged is not read again to be hashed, as make
and git's index trust a file's stamp (a re-run of 10,000 documents read every byte otherwise). It is a SQLite database: a corpus of millions of
documents is looked up one id at a time, never loaded whole, and each batch of updates is
one atomic transaction.
"""
from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

# No .json suffix: consumers (and the scorer) read every *.json in the folder as a record.
MANIFEST = ".manifest"
_COMMIT_EVERY = 500  # remembered documents per transaction: an interrupted run keeps most of its work
_PAGE = 1000
_SCHEMA = ("CREATE TABLE IF NOT EXISTS entries (id TEXT PRIMARY KEY, source TEXT NOT NULL, "
           "sha256 TEXT NOT NULL, version TEXT NOT NULL, status TEXT NOT NULL, "
           "size INTEGER NOT NULL DEFAULT -1, mtime_ns INTEGER NOT NULL DEFAULT -1)")
_COLUMNS = "(id, source, sha256, version, status, size, mtime_ns)"
# A file changed again within the same tick of the clock as it was stamped could keep its stamp;
# one modified this recently when read is remembered without a stamp, so the next run hashes it.
_RACY_NS = 2_000_000_000
NO_STAMP = (-1, -1)


class Manifest:
    """id → the input it came from, that input's sha256, the pipeline version that wrote it, its status."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.uncommitted = 0

    @classmethod
    def open(cls, out: Path) -> "Manifest":
        path = out / MANIFEST
        earlier = _json_entries(path)  # the JSON manifest of earlier versions, carried over
        if earlier is not None:
            path.unlink()
        try:
            db = _connect(path)
        except sqlite3.DatabaseError:  # not a database (damaged, or some other file): it is only a cache
            path.unlink(missing_ok=True)
            db = _connect(path)
        if earlier:
            db.executemany(f"INSERT OR REPLACE INTO entries {_COLUMNS} VALUES (?, ?, ?, ?, ?, -1, -1)",
                           [(doc_id, e.get("source", ""), e.get("sha256", ""), e.get("version", ""),
                             e.get("status", "ok")) for doc_id, e in earlier.items() if isinstance(e, dict)])
            db.commit()
        return cls(db)

    def is_current(self, doc_id: str, source: str, sha256: str, version: str, out: Path) -> bool:
        row = self.db.execute("SELECT source, sha256, version FROM entries WHERE id = ?", (doc_id,)).fetchone()
        return row == (source, sha256, version) and (out / f"{doc_id}.json").exists()

    def is_stamped_current(self, doc_id: str, source: str, stamp: tuple[int, int], version: str, out: Path) -> bool:
        """Current by its stamp (size, mtime_ns) alone, without reading the input."""
        if stamp == NO_STAMP:
            return False
        row = self.db.execute("SELECT source, version, size, mtime_ns FROM entries WHERE id = ?",
                              (doc_id,)).fetchone()
        return row == (source, version, *stamp) and (out / f"{doc_id}.json").exists()

    def remember(self, doc_id: str, source: str, sha256: str, version: str, status: str,
                 stamp: tuple[int, int] = NO_STAMP) -> None:
        self.db.execute(f"INSERT OR REPLACE INTO entries {_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (doc_id, source, sha256, version, status, *_trusted(stamp)))
        self._written()

    def restamp(self, doc_id: str, stamp: tuple[int, int]) -> None:
        """A touched input whose bytes are the same: its new stamp, so the next run need not hash it."""
        self.db.execute("UPDATE entries SET size = ?, mtime_ns = ? WHERE id = ?", (*_trusted(stamp), doc_id))
        self._written()

    def forget(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM entries WHERE id = ?", (doc_id,))
        self._written()

    def entries(self) -> Iterator[tuple[str, str, str, str, str]]:
        """(id, source, sha256, version, status) by id, a page at a time."""
        last = ""
        while True:
            page = self.db.execute("SELECT id, source, sha256, version, status FROM entries WHERE id > ? "
                                   "ORDER BY id LIMIT ?", (last, _PAGE)).fetchall()
            yield from page
            if len(page) < _PAGE:
                return
            last = page[-1][0]

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def _written(self) -> None:
        self.uncommitted += 1
        if self.uncommitted >= _COMMIT_EVERY:
            self.db.commit()
            self.uncommitted = 0


def stamp_of(path: Path) -> tuple[int, int]:
    """(size, mtime_ns) of an input, or NO_STAMP when it cannot be read."""
    try:
        st = path.stat()
    except OSError:
        return NO_STAMP
    return st.st_size, st.st_mtime_ns


def _trusted(stamp: tuple[int, int]) -> tuple[int, int]:
    return NO_STAMP if time.time_ns() - stamp[1] < _RACY_NS else stamp


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute(_SCHEMA)
    columns = {row[1] for row in db.execute("PRAGMA table_info(entries)")}
    for column in ("size", "mtime_ns"):  # a manifest written before stamps were kept
        if column not in columns:
            db.execute(f"ALTER TABLE entries ADD COLUMN {column} INTEGER NOT NULL DEFAULT -1")
    db.commit()
    return db


def _json_entries(path: Path) -> dict | None:
    try:
        with path.open("rb") as handle:
            if handle.read(1) != b"{":
                return None
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return entries if isinstance(entries, dict) else None
