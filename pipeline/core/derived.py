"""Data built from the language data and the packages' tables, kept on disk between processes.

Some of what the stages look things up in is built, not read: the gazetteer's 14,000
administrative units from vietnamadminunits' SQLite file and their index by folded name; the
word list's syllables and two-syllable words. Building them costs a process about half a
second: every worker of every run paid it, and a re-run that changes one document out of
thousands paid it whole. Built once, each is kept as a pickle in the user's cache folder and
loads in a few milliseconds.

A kept file is named by what it was built from: the pipeline's version (a digest of its code
and language data) and the size and time of each package file read. A change to any of them
builds it anew, and the file the earlier version kept is removed. A cache that cannot be
read or written is no error: the data is built as it was before. `PIPELINE_CACHE_DIR` picks
the folder (empty: keep nothing); by default it is
`$XDG_CACHE_HOME/directives-pipeline`, or `~/.cache/directives-pipeline`.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FOLDER_NAME = "directives-pipeline"


def cache_folder() -> Path | None:
    configured = os.environ.get("PIPELINE_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / FOLDER_NAME


def kept(name: str, build: Callable[[], T], sources: Iterable[Path | None] = ()) -> T:
    """`build()`, or what an earlier process built from the same code, data and `sources`."""
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(sources)}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged or foreign file is built anew and replaced
        pass
    value = build()
    try:
        from pipeline.batch.write import atomic_write_bytes

        atomic_write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        for stale in folder.glob(f"{name}-*.pickle"):  # built by an earlier version: never read again
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:  # a read-only home, a full disk: the next process builds it too
        pass
    return value


def _key(sources: Iterable[Path | None]) -> str:
    from pipeline import VERSION

    digest = hashlib.sha256(VERSION.encode())
    for source in sources:
        if source is None:
            continue
        try:
            stat = source.stat()
            digest.update(f"{source}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"{source}:missing".encode())
    return digest.hexdigest()[:16]
