"""Plain text files: detect the encoding (UTF-8, UTF-16/32 with BOM, Windows-1258, …), never assume it."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.load import legacy_fonts
from pipeline.core.doc import Loaded
from pipeline.core.errors import ReadError
from pipeline.load.bar_tables import find_tables
from pipeline.load.columns import reading_order

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
# Vietnamese text written by Windows tools without Unicode is most often Windows-1258;
# charset-normalizer is asked to prefer it over look-alike Western code pages.
_VIETNAMESE_CODEPAGES = ["cp1258", "utf_16", "cp1252", "latin_1"]


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was in."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data[:4096]:
        # NUL bytes without a BOM: UTF-16 without one, or not text at all.
        guess = from_bytes(data[:65536], cp_isolation=["utf_16_le", "utf_16_be"]).best()
        if guess is None or _control_share(str(guess)) > 0.01:
            raise ReadError("binary content, not text (NUL bytes and no text encoding fits)")
        return data.decode(guess.encoding, errors="replace"), guess.encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data, cp_isolation=_VIETNAMESE_CODEPAGES).best() or from_bytes(data).best()
    if guess is None:
        raise ReadError("binary content, not text (no text encoding fits)")
    return str(guess), guess.encoding


# Control characters other than the line breaks, tabs and form feeds a text file holds.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)  # the regex engine's scan, not a loop in Python


def read(path: Path) -> Loaded:
    data = path.read_bytes()
    if not data.strip():
        return Loaded(text="", format="txt", warnings=["empty file: no text to read"], unreadable=True)
    text, encoding = decode(data)
    warnings = []
    if encoding not in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        warnings.append(f"no byte-order mark and not UTF-8: encoding guessed as {encoding}")
    return read_string(text, warnings, {"encoding": encoding})


def read_string(text: str, warnings: list[str] | None = None, extra: dict | None = None) -> Loaded:
    """A text already decoded: a file's, or one a caller holds in memory (`pipeline.extract_text`)."""
    if _control_share(text) > 0.01:
        raise ReadError("binary content, not text (control characters throughout)")
    text = reading_order(text)
    return legacy_fonts.repaired(Loaded(text=text, format="txt", warnings=list(warnings or []),
                                        tables=find_tables(text), extra=dict(extra or {})))
