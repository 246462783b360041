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
_SQL_VARIABLES = 500  # ids looked up in one query (older SQLite allows 999 parameters)


@dataclass(frozen=True)
class Input:
    path: Path
    display: str          # as given on the command line, relative where possible
    id: str
    folder: str | None    # the input folder it was found in, for removing records of deleted files


class _Marks(dict):
    """Code point → None for a combining mark (str.translate drops it), the point itself otherwise; filled in
    as points are met: one lookup in C per character, where a test in Python per character took a
    re-run of 10,000 documents 0.05 s."""

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.combining(chr(point)) else point
        self[point] = kept
        return kept


_MARKS = _Marks()


def slug(stem: str) -> str:
    """A file-name-safe ASCII id: "Chỉ thị 04 (bản ký)" → "chi-thi-04-ban-ky"."""
    text = unicodedata.normalize("NFD", stem.replace("đ", "d").replace("Đ", "D"))
    text = text.translate(_MARKS).lower()
    return _NOT_ID.sub("-", text).strip("-") or "document"


_NOT_ID = re.compile(r"[^a-z0-9]+")


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
        """Ids in path order: the first of several inputs with one name gets the plain slug. A page of
        inputs at a time: its ids are checked against those given before in one query."""
        last = ""  # no display is empty
        while True:
            page = [row[0] for row in self.db.execute(
                "SELECT display FROM inputs WHERE display > ? ORDER BY display LIMIT ?", (last, _PAGE))]
            slugs = [slug(Path(display).stem) for display in page]
            taken = set()
            for start in range(0, len(slugs), _SQL_VARIABLES):
                chunk = sorted(set(slugs[start:start + _SQL_VARIABLES]))
                taken |= {row[0] for row in self.db.execute(
                    f"SELECT id FROM inputs WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
            ids = []
            for display, doc_id in zip(page, slugs):
                if doc_id in taken:
                    doc_id = f"{doc_id}-{hashlib.sha256(display.encode()).hexdigest()[:8]}"
                taken.add(doc_id)
                ids.append((doc_id, display))
            self.db.executemany("UPDATE inputs SET id = ? WHERE display = ?", ids)
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
    """The files under `folder`, hidden ones left out; the directory entries say what is a file
    without another system call for each (os.walk's lists do not: a socket or a broken link is in
    its files)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):  # as os.walk: a linked folder is not entered
                yield from _files(Path(entry.path))
            elif entry.is_file():
                yield Path(entry.path)
        except OSError:
            continue
