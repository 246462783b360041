"""Readers: one per format, each `read(path) -> Loaded`.

Readers return text in reading order plus what they saw (pages, tables); they
do no normalization and no extraction.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core.errors import UnsupportedFormat

if TYPE_CHECKING:  # the readers build Loaded; a caller that only asks format_of() imports nothing heavy
    from pipeline.core.doc import Loaded

# Files over this size are refused unread (a 50 MB "text" is a mistake, not a directive); so are
# files that would inflate or parse into more (`limits.py`).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

FORMATS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}


def format_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> "Loaded":
    """`max_bytes` bounds what the file may inflate (.docx) or parse (.html) into, too."""
    fmt = format_of(path)
    if fmt == "txt":
        from pipeline.load import text as reader
    elif fmt == "html":
        from pipeline.load import html as reader
    elif fmt == "pdf":
        from pipeline.load import pdf as reader
    elif fmt == "docx":
        from pipeline.load import docx as reader
    else:
        raise UnsupportedFormat(f"unknown extension {path.suffix or '(none)'!r}: readable formats are "
                                + ", ".join(sorted(set(FORMATS))))
    if fmt in ("docx", "html"):
        return reader.read(path, max_bytes)
    return reader.read(path)


# What a text held in memory can be: a .pdf or .docx is bytes, read from its file.
STRING_FORMATS = ("txt", "html")


def read_string(text: str, fmt: str = "txt", max_bytes: int = DEFAULT_MAX_BYTES) -> "Loaded":
    """A text already in memory, read as the reader of `fmt` reads a file of that format."""
    if fmt == "txt":
        from pipeline.load import text as reader
        return reader.read_string(text)
    if fmt == "html":
        from pipeline.load import html as reader
        return reader.read_string(text, max_bytes)
    raise UnsupportedFormat(f"a text in memory is read as {' or '.join(STRING_FORMATS)}, not {fmt!r}: "
                            f"give a {fmt} file's path instead")
