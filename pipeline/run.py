"""The pipeline on one page: read → normalize → segment → the extraction stages → record."""
from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

from pipeline import VERSION
from pipeline.core.doc import Doc, Loaded, Table
from pipeline.core.errors import PipelineError, TooLarge
from pipeline.extract import bodies, deadlines, document, references, targets, tasks
from pipeline.load import DEFAULT_MAX_BYTES, format_of, read, read_string
from pipeline.normalize import normalize_text
from pipeline.core.records import DocumentInfo, Record, Source
from pipeline.segment import segment
from pipeline import validate


# The extraction stages, in order: each reads what the earlier ones left on the Doc.
STAGES = (
    ("document", document.find),
    ("references", references.find),
    ("bodies", bodies.find),
    ("deadlines", deadlines.find),
    ("targets", targets.find),
    ("tasks", tasks.find),
    # Schedules name the authorities they assign by their place alone ("Xã Hòa Bình"): the
    # task stage, which reads the tables, adds them to the bodies.
    ("bodies", tasks.with_table_authorities),
)


def process(path: Path, doc_id: str, display_path: str | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES) -> Record:
    """One input file → its record. Never raises for a bad document: the record says what went wrong."""
    return _recorded(prepare(path, doc_id, display_path, max_bytes))


def prepare(path: Path, doc_id: str, display_path: str | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES) -> Doc:
    """Read, normalize and segment a file: the Doc every extraction stage starts from."""
    source = Source(path=display_path or str(path), sha256="", format=format_of(path) or path.suffix.lstrip("."))
    doc = Doc(path=path, id=doc_id, source=source)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"{size:,} bytes is over the size limit of {max_bytes:,} bytes (--max-mb): not read")
        data = path.read_bytes()
        doc.source = source.model_copy(update={"sha256": hashlib.sha256(data).hexdigest()})
        loaded = read(path, max_bytes)
    except FileNotFoundError:
        return _failed(doc, "the file vanished before it could be read")
    except PipelineError as exc:
        return _failed(doc, str(exc))
    except OSError as exc:
        return _failed(doc, f"cannot read the file: {exc.strerror or exc}")
    return _prepared(doc, loaded)


def process_text(text: str, doc_id: str, display_path: str, fmt: str = "txt",
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Record:
    """A text already in memory (plain text or a page's HTML) → its record, as `process` reads a file
    of that format; `sha256` is of its UTF-8 bytes."""
    return _recorded(prepare_text(text, doc_id, display_path, fmt, max_bytes))


def prepare_text(text: str, doc_id: str, display_path: str, fmt: str = "txt",
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Doc:
    data = text.encode("utf-8")
    source = Source(path=display_path, sha256=hashlib.sha256(data).hexdigest(), format=fmt)
    doc = Doc(path=Path(display_path), id=doc_id, source=source)
    if len(data) > max_bytes:
        return _failed(doc, f"{len(data):,} bytes is over the size limit of {max_bytes:,} bytes: not read")
    if not text.strip():
        return _failed(doc, "empty text: nothing to read")
    try:
        loaded = read_string(text, fmt, max_bytes)
    except PipelineError as exc:
        return _failed(doc, str(exc))
    return _prepared(doc, loaded)


def _prepared(doc: Doc, loaded: Loaded) -> Doc:
    """What the reader gave, onto the Doc; then normalized and segmented, unless nothing was read."""
    doc.source = doc.source.model_copy(update={"pages": loaded.pages, **loaded.extra})
    doc.warnings.extend(loaded.warnings)
    if loaded.unreadable or not loaded.text.strip():
        return _failed(doc, None if loaded.warnings else "no text could be read from the file")
    normalize(doc, loaded)
    segment(doc)
    return doc


def normalize(doc: Doc, loaded: Loaded) -> Doc:
    # Paragraphs from .docx and .html are whole; wrapped lines of PDFs and pasted text are joined.
    doc.text, doc.offsets = normalize_text(loaded.text, join_lines=loaded.format not in ("docx", "html"))
    doc.source = doc.source.model_copy(update={"offsets": doc.offsets.breakpoints()})
    doc.tables = [Table(rows=[[doc.offsets.from_source_span(cell) for cell in row] for row in table.rows])
                  for table in loaded.tables]
    return doc


def extract(doc: Doc) -> Doc:
    for name, find in STAGES:
        try:
            setattr(doc, name, find(doc))
        except Exception as exc:  # one stage's bug must not cost the document its other findings
            doc.warnings.append(f"stage {name} failed: {type(exc).__name__}: {exc}")
            if _debug():
                traceback.print_exc()
    doc.warnings.extend(validate.check(doc))
    return doc


def _recorded(doc: Doc) -> Record:
    if not doc.failed:
        extract(doc)
    return to_record(doc)


def to_record(doc: Doc) -> Record:
    return Record(
        id=doc.id, pipeline_version=VERSION, source=doc.source, text=doc.text, document=doc.document,
        references=doc.references, bodies=doc.bodies, targets=doc.targets, deadlines=doc.deadlines,
        tasks=doc.tasks, warnings=doc.warnings,
        status="failed" if doc.failed else ("warned" if doc.warnings else "ok"))


def warm_up() -> None:
    """Every stage's one-time work done now (imports, compiled patterns, loaded data): a short
    directive of the team's own (resources/warm_up.yaml) run through the pipeline, its record
    thrown away. A worker does this while the batch is still finding the documents to do."""
    from pipeline import resources

    process_text(resources.load("warm_up.yaml")["text"], "warm-up", "warm-up.txt")


def _failed(doc: Doc, reason: str | None) -> Doc:
    doc.failed = True
    doc.document = DocumentInfo()
    if reason:
        doc.warnings.append(reason)
    return doc


def _debug() -> bool:
    import os
    return bool(os.environ.get("PIPELINE_DEBUG"))
