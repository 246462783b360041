"""The documents a run is given: the readable files under its paths, each with a stable id.

A national corpus has millions of files, so the list is not held in memory: it is kept in
a private temporary SQLite database (on disk, deleted when closed) and read back in pages.
Ids come from file names; when two inputs share a name, the later one in path order gets
a short hash of its path, so a record keeps its file as the corpus grows.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.load import format_of

_PAGE = 1000  # inputs read back from the database at a time


@dataclass(frozen=True)
class Input:
    path: Path
    display: str          # as given on the command line, relative where possible
    id: str
    folder: str | None    # the input folder it was found in, for removing records of deleted files


def slug(stem: str) -> str:
    """A file-name-safe ASCII id: "Chỉ thị 04 (bản ký)" → "chi-thi-04-ban-ky"."""
    text = unicodedata.normalize("NFD", stem.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "document"


class Inputs:
    """The run's inputs in path order, with their ids; and the files skipped for their extension."""

    def __init__(self) -> None:
        # "" opens a private temporary database on disk: SQLite pages it out as it grows.
        self.db = sqlite3.connect("")
        self.db.execute("CREATE TABLE inputs (display TEXT PRIMARY KEY, path TEXT, folder TEXT, id TEXT UNIQUE)")
        self.skipped: list[str] = []
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Input]:
        last = ""  # no display is empty
        while True:  # a page at a time, by key: the caller may take its time over each
            page = self.db.execute("SELECT display, path, folder, id FROM inputs WHERE display > ? "
                                   "ORDER BY display LIMIT ?", (last, _PAGE)).fetchall()
            for display, path, folder, doc_id in page:
                yield Input(Path(path), display, doc_id, folder)
            if len(page) < _PAGE:
                return
            last = page[-1][0]

    def __contains__(self, display: str) -> bool:
        return self.db.execute("SELECT 1 FROM inputs WHERE display = ?", (display,)).fetchone() is not None

    def close(self) -> None:
        self.db.close()

    def _add(self, path: Path, folder: str | None) -> None:
        added = self.db.execute("INSERT OR IGNORE INTO inputs (display, path, folder) VALUES (?, ?, ?)",
                                (str(path), str(path), folder))
        self.count += added.rowcount  # a file given twice (alone and in its folder) is one input

    def _assign_ids(self) -> None:
        """Ids in path order: the first of several inputs with one name gets the plain slug."""
        last = ""  # no display is empty
        while True:
            page = [row[0] for row in self.db.execute(
                "SELECT display FROM inputs WHERE display > ? ORDER BY display LIMIT ?", (last, _PAGE))]
            for display in page:
                doc_id = slug(Path(display).stem)
                if self.db.execute("SELECT 1 FROM inputs WHERE id = ?", (doc_id,)).fetchone():
                    doc_id = f"{doc_id}-{hashlib.sha256(display.encode()).hexdigest()[:8]}"
                self.db.execute("UPDATE inputs SET id = ? WHERE display = ?", (doc_id, display))
            if len(page) < _PAGE:
                break
            last = page[-1]
        self.db.commit()


def discover(paths: Iterable[Path]) -> Inputs:
    """The readable files under `paths` (hidden files and folders left out)."""
    inputs = Inputs()
    for given in paths:
        if given.is_dir():
            for path in _files(given):
                if format_of(path):
                    inputs._add(path, str(given))
                else:
                    inputs.skipped.append(str(path))
        elif format_of(given) or not given.exists():
            inputs._add(given, None)  # a missing file gets a failed record saying so
        else:
            inputs.skipped.append(str(given))
    inputs._assign_ids()
    inputs.skipped.sort()
    return inputs


def _files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(root) / name
            if not name.startswith(".") and path.is_file():
                yield path
