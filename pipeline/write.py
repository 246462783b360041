"""Writing records: atomic files, and the manifest that makes a re-run incremental.

A record is redone only when its input's bytes or the pipeline version change;
the manifest (`.manifest` in the output folder) remembers both per id.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


# No .json suffix: consumers (and the scorer) read every *.json in the folder as a record.
MANIFEST = ".manifest"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def record_json(record) -> str:
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def write_record(out: Path, record) -> Path:
    """Write a `pipeline.records.Record` as `<id>.json`, atomically."""
    path = out / f"{record.id}.json"
    atomic_write_text(path, record_json(record))
    return path


@dataclass
class Manifest:
    """id → the input it came from, that input's sha256, and the pipeline version that wrote it."""
    path: Path
    entries: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def open(cls, out: Path) -> "Manifest":
        path = out / MANIFEST
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}
        return cls(path, entries if isinstance(entries, dict) else {})

    def is_current(self, doc_id: str, source: str, sha256: str, version: str, out: Path) -> bool:
        entry = self.entries.get(doc_id)
        return (entry is not None and entry.get("sha256") == sha256 and entry.get("version") == version
                and entry.get("source") == source and (out / f"{doc_id}.json").exists())

    def remember(self, doc_id: str, source: str, sha256: str, version: str, status: str) -> None:
        self.entries[doc_id] = {"source": source, "sha256": sha256, "version": version, "status": status}

    def forget(self, doc_id: str) -> None:
        self.entries.pop(doc_id, None)

    def save(self) -> None:
        atomic_write_text(self.path, json.dumps(self.entries, ensure_ascii=False, indent=1, sort_keys=True))
