"""Writing records and other outputs atomically: readers never see half a file."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


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


def record_json(record, data: dict | None = None) -> str:
    """The record file's text; `data`, when given, is `record.model_dump(mode="json")` already made."""
    return json.dumps(record.model_dump(mode="json") if data is None else data, ensure_ascii=False, indent=2) + "\n"


def write_record(out: Path, record, data: dict | None = None) -> Path:
    """Write a `pipeline.core.records.Record` as `<id>.json`, atomically (`data` as for record_json)."""
    path = out / f"{record.id}.json"
    atomic_write_text(path, record_json(record, data))
    return path
