"""The output folder's manifest: what each record was made from, so a re-run redoes only what changed.

A record is redone only when its input's bytes or the pipeline version change; the manifest
(`.manifest` in the output folder) remembers both per id, and the input's path, so the
record of a deleted input can be removed. It is a SQLite database: a corpus of millions of
documents is looked up one id at a time, never loaded whole, and each batch of updates is
one atomic transaction.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

# No .json suffix: consumers (and the scorer) read every *.json in the folder as a record.
MANIFEST = ".manifest"
_COMMIT_EVERY = 500  # remembered documents per transaction: an interrupted run keeps most of its work
_PAGE = 1000
_SCHEMA = ("CREATE TABLE IF NOT EXISTS entries (id TEXT PRIMARY KEY, source TEXT NOT NULL, "
           "sha256 TEXT NOT NULL, version TEXT NOT NULL, status TEXT NOT NULL)")


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
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)",
                           [(doc_id, e.get("source", ""), e.get("sha256", ""), e.get("version", ""),
                             e.get("status", "ok")) for doc_id, e in earlier.items() if isinstance(e, dict)])
            db.commit()
        return cls(db)

    def is_current(self, doc_id: str, source: str, sha256: str, version: str, out: Path) -> bool:
        row = self.db.execute("SELECT source, sha256, version FROM entries WHERE id = ?", (doc_id,)).fetchone()
        return row == (source, sha256, version) and (out / f"{doc_id}.json").exists()

    def remember(self, doc_id: str, source: str, sha256: str, version: str, status: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)",
                        (doc_id, source, sha256, version, status))
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


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute(_SCHEMA)
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
