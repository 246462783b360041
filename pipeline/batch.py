"""A folder (or list of files) → one record each, incrementally, in one or several processes.

One bad document never stops the batch: `run.process` turns every problem into
a failed or warned record, and a worker that dies takes only its own document.
"""
from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import VERSION
from pipeline.load import format_of
from pipeline.records import DocumentInfo, Record, Source
from pipeline.run import DEFAULT_MAX_BYTES, process
from pipeline.write import MANIFEST, Manifest, write_record


@dataclass(frozen=True)
class Input:
    path: Path
    display: str          # as given on the command line, relative where possible
    id: str
    folder: str | None    # the input folder it was found in, for removing records of deleted files


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    unchanged: int = 0
    warned: int = 0
    failed: int = 0
    removed: int = 0
    skipped: list[str] = field(default_factory=list)      # files with an unknown extension
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def slug(stem: str) -> str:
    """A file-name-safe ASCII id: "Chỉ thị 04 (bản ký)" → "chi-thi-04-ban-ky"."""
    text = unicodedata.normalize("NFD", stem.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "document"


def discover(paths: Iterable[Path]) -> tuple[list[Input], list[str]]:
    """The readable files under `paths`, with stable ids; and the names skipped for their extension."""
    found: list[tuple[Path, str, str | None]] = []
    skipped: list[str] = []
    for given in paths:
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in path.relative_to(given).parts):
                    continue
                target = found if format_of(path) else None
                if target is None:
                    skipped.append(str(path))
                else:
                    found.append((path, str(path), str(given)))
        elif format_of(given) or not given.exists():
            found.append((given, str(given), None))
        else:
            skipped.append(str(given))
    return _with_ids(found), skipped


def _with_ids(found: list[tuple[Path, str, str | None]]) -> list[Input]:
    inputs, taken = [], set()
    for path, display, folder in sorted(found, key=lambda f: f[1]):
        doc_id = slug(path.stem)
        if doc_id in taken:  # two inputs with the same name: the later one gets a hash of its path
            doc_id = f"{doc_id}-{hashlib.sha256(display.encode()).hexdigest()[:8]}"
        taken.add(doc_id)
        inputs.append(Input(path, display, doc_id, folder))
    return inputs


def file_sha256(path: Path, max_bytes: int) -> str | None:
    try:
        if path.stat().st_size > max_bytes:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def process_corpus(paths: list[Path], out: Path, *, force: bool = False, workers: int = 1,
                   max_bytes: int = DEFAULT_MAX_BYTES,
                   on_record: Callable[[Input, Record | None], None] | None = None,
                   on_start: Callable[[int], None] | None = None) -> Summary:
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    inputs, skipped = discover(paths)
    summary = Summary(skipped=skipped)
    manifest = Manifest.open(out)
    summary.removed = _remove_gone(manifest, inputs, paths, out)
    todo = []
    for item in inputs:
        sha = file_sha256(item.path, max_bytes)
        if not force and sha and manifest.is_current(item.id, item.display, sha, VERSION, out):
            summary.unchanged += 1
            if on_record:
                on_record(item, None)
        else:
            todo.append(item)
    if on_start:
        on_start(len(todo))
    for item, record in _run(todo, workers, max_bytes):
        write_record(out, record)
        manifest.remember(item.id, item.display, record.source.sha256, VERSION, record.status)
        summary.read += 1
        summary.written += 1
        summary.warned += record.status == "warned"
        if record.status == "failed":
            summary.failed += 1
            summary.failures.append((item.display, "; ".join(record.warnings)))
        if on_record:
            on_record(item, record)
    manifest.save()
    summary.seconds = time.perf_counter() - started
    return summary


def _run(todo: list[Input], workers: int, max_bytes: int):
    if workers <= 1 or len(todo) <= 1:
        for item in todo:
            yield item, process(item.path, item.id, item.display, max_bytes)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(process, item.path, item.id, item.display, max_bytes): item for item in todo}
        for future in as_completed(futures):
            item = futures[future]
            try:
                yield item, future.result()
            except BrokenProcessPool as exc:  # a crashed worker (out of memory, a C library abort)
                yield item, failed_record(item, f"the worker processing this file died: {exc}")
            except Exception as exc:
                yield item, failed_record(item, f"unexpected error: {type(exc).__name__}: {exc}")


def failed_record(item: Input, reason: str) -> Record:
    source = Source(path=item.display, sha256="", format=format_of(item.path) or item.path.suffix.lstrip("."))
    return Record(id=item.id, pipeline_version=VERSION, source=source, text="", document=DocumentInfo(),
                  warnings=[reason], status="failed")


def _remove_gone(manifest: Manifest, inputs: list[Input], paths: list[Path], out: Path) -> int:
    """Drop records whose input sat in a folder given now and is gone from it."""
    folders = [str(p) for p in paths if p.is_dir()]
    present = {item.display for item in inputs}
    removed = 0
    for doc_id, entry in list(manifest.entries.items()):
        source = entry.get("source", "")
        if source in present or not any(Path(source).is_relative_to(f) for f in folders):
            continue
        (out / f"{doc_id}.json").unlink(missing_ok=True)
        manifest.forget(doc_id)
        removed += 1
    return removed


__all__ = ["Input", "Summary", "discover", "process_corpus", "slug", "MANIFEST"]
