"""Vietnamese official directives → structured, source-grounded records (see CONTRACT.md).

The front door for Python callers:

    import pipeline
    record = pipeline.extract("corpus/chi-thi-04.pdf")      # a file: .txt .html .htm .pdf .docx
    record = pipeline.extract_text(text, name="cv-12.txt")  # a text already in memory
    record.tasks[0].responsible

Both return a `pipeline.core.records.Record`, the record `python -m pipeline extract` writes as
JSON. Importing the package loads nothing heavy (no pydantic, no readers, no stage): the
pipeline loads on the first call.
"""
from __future__ import annotations

import os
import types
from pathlib import Path

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from pipeline.core.records import Record

__version__ = "0.1.0"
__all__ = ["extract", "extract_text", "Record", "VERSION"]

# The run's bookkeeping (which inputs, which are current, which process) makes no record different.
_NOT_EXTRACTION = {"__pycache__", "export", "cli.py", "cluster.py", "__main__.py", "inputs.py", "manifest.py",
                   "pool.py", "prestart.py", "warm.py"}


def _code_digest() -> str:
    # Records are keyed by input hash and pipeline version; the version includes a digest of
    # the code and language data, so any change to extraction redoes the documents it affects.
    import hashlib

    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        # The export package only formats finished records, and the command line and the cluster
        # client only decide where documents run: changing them redoes no extraction.
        parts = set(path.relative_to(root).parts)
        if path.suffix in (".py", ".yaml", ".tsv", ".json") and not _NOT_EXTRACTION & parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def __getattr__(name: str):
    # Computed on first use, not on import: reading every source file is the package's one cost
    # at start-up, and a caller of the front door may never ask for the version.
    if name == "VERSION":
        value = globals()["VERSION"] = f"{__version__}+{_code_digest()}"
        return value
    if name == "Record":
        from pipeline.core.records import Record
        return Record
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "VERSION", "Record"})


def extract_text(text: str, *, name: str | None = None, doc_id: str | None = None,
                 format: str | None = None) -> Record:
    """The record of a text already in memory, as an office's document system holds it.

    `name`: the document's file name, if it has one: it becomes `source.path`, gives the `id` as
    a file's name does (lower-case ASCII with hyphens), and its extension the format. `doc_id`
    sets the id instead (default: from `name`, else "text"). `format`: "txt" (the default) or
    "html" (a portal page's markup); a .pdf or .docx is bytes: give its path to `extract`.
    """
    from pipeline.batch.inputs import slug
    from pipeline.load import FORMATS, STRING_FORMATS
    from pipeline.run import process_text

    fmt = format or (FORMATS.get(Path(name).suffix.lower()) if name else None) or "txt"
    if fmt not in STRING_FORMATS:
        raise ValueError(f"extract_text reads {' or '.join(STRING_FORMATS)}, not {fmt!r}: "
                         f"pass a {fmt} document's path to pipeline.extract()")
    doc_id = doc_id or (slug(Path(name).stem) if name else "text")
    return process_text(text, doc_id, name or doc_id, fmt)


def _extract_file(path: str | os.PathLike, *, doc_id: str | None = None, max_mb: float | None = None) -> Record:
    from pipeline.batch.inputs import slug
    from pipeline.load import DEFAULT_MAX_BYTES
    from pipeline.run import process

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {str(path)!r}")
    max_bytes = int(max_mb * 2**20) if max_mb else DEFAULT_MAX_BYTES
    return process(path, doc_id or slug(path.stem), str(path), max_bytes)


class _Stages(types.ModuleType):
    """`pipeline.extract` is two things: the package of extraction stages (`pipeline.extract.tasks`)
    and, called, the front door that reads one file. One name cannot hold a function and a
    package (importing the package would overwrite the function), so the package is callable."""

    def __call__(self, path: str | os.PathLike, *, doc_id: str | None = None,
                 max_mb: float | None = None) -> Record:
        """The record of one file (.txt .html .htm .pdf .docx), as `python -m pipeline extract` writes it.

        `doc_id` defaults to the id the command line gives (from the file name). A document that
        cannot be read still gets its record, `status` "failed" and a warning saying why; a path
        that is no file raises FileNotFoundError. Runs in this process, without the command line's
        time and memory limits (`--timeout-s`, `--max-memory-mb`); files over `max_mb` (default 10)
        are refused, as `--max-mb` refuses them.
        """
        return _extract_file(path, doc_id=doc_id, max_mb=max_mb)


from pipeline import extract  # noqa: E402  (the stages' package: its __init__ imports nothing)

extract.__class__ = _Stages
