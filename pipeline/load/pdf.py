"""PDF text layers, in reading order (`page_layout`); scanned pages and broken fonts through OCR.

Each page is decided on its own. A text layer in Unicode is read as it is, a stamp or a
handwritten note on it notwithstanding. A layer typed in a legacy font (TCVN3, VNI) that
a font table maps back is converted. A page without a text layer (a scan), or whose
layer is garbage no table maps back (a broken font, a bad earlier OCR), is rendered and
read with Tesseract (`load/ocr/`); its word boxes go through the same column rules. A
document with no readable page is `unreadable`, with one warning saying why.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pdfplumber

from pipeline.load import legacy_fonts
from pipeline.core.doc import Loaded
from pipeline.core.errors import ReadError
from pipeline.load import ocr, pdf_objects
from pipeline.load.page_layout import page_lines, rows_in_order

SCAN_WARNING = "no text layer: a scanned PDF, and OCR found no text on it"
NO_OCR_WARNING = "no text layer: a scanned PDF; OCR is not available: {}"
LEGACY_WARNING = "text layer is not Unicode (a legacy or broken font) and no font table maps it back"
BLANK_WARNING = "no text: every page is blank"
# Pages OCR read with less mean confidence than this get a warning: expect wrong letters.
_LOW_CONFIDENCE = 0.6

# A page with fewer visible characters than this, a third of it covered by images, is a scan (a
# stamp or a page number may still be text).
_MAX_SCAN_CHARS = 20
_SCAN_COVER = 0.3


def read(path: Path) -> Loaded:
    _check_header(path)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many unrelated types for a damaged file
        raise ReadError(_open_problem(exc)) from exc
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise ReadError(f"the PDF's page tree cannot be read: {_describe(exc)}") from exc
        if not pages:
            raise ReadError("the PDF has no pages")
        results = [_read_page_and_close(page) for page in pages]
    return _assemble(_read_by_ocr(path, results))


def _read_page_and_close(page) -> _Page:
    """A page read, then its parsed objects let go: pdfplumber keeps every character of a page it
    has parsed (about 1 KB each, 4 MB for a page of text) until the page is closed, which took a
    1,500-page plan to 13 GB. Only the page's text is kept."""
    try:
        return _read_page(page)
    finally:
        page.close()


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(1024)  # readers accept the marker anywhere in the first kilobyte
    if not head:
        raise ReadError("empty file: 0 bytes")
    if b"%PDF" not in head:
        raise ReadError("not a PDF file: no %PDF header")


def _open_problem(exc: Exception) -> str:
    text = _describe(exc)
    if "password" in text.lower() or "encrypt" in text.lower():
        return f"the PDF is encrypted and needs a password to open ({text})"
    return f"not a readable PDF (truncated or damaged?): {text}"


def _describe(exc: Exception) -> str:
    # pdfplumber wraps pdfminer's errors; the wrapped one names the problem.
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    return f"{type(inner).__name__}: {inner}" if str(inner) else type(inner).__name__


# --- pages -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Page:
    text: str
    kind: str                 # "text", "converted", "ocr", "blank", "scan", "garbage" or "error"
    problem: str = ""         # what went wrong, for "error"
    encoding: str = ""        # the legacy font table a "converted" page went through
    confidence: float | None = None  # OCR's, for a page it read (or tried to)
    layer: str = ""           # what an "ocr" page had instead of text: "scan" or "garbage"


_READ = ("text", "converted", "ocr")


def _read_page(page) -> _Page:
    try:
        page = _straight(_parsed(page))
        words = page.extract_words()
        if not words:
            return _Page("", "scan" if _has_big_image(page) else "blank")
        text = "\n".join(page_lines(page, words))
    except Exception as exc:  # one damaged content stream should not cost the other pages
        return _Page("", "error", _describe(exc))
    if len(text) - text.count(" ") - text.count("\n") < _MAX_SCAN_CHARS and _has_big_image(page):
        return _Page("", "scan")
    if _looks_unicode(text):
        return _Page(text, "text")
    return _converted(page, text)


def _converted(page, text: str) -> _Page:
    """A legacy-font page through its font table, font by font: a Unicode template can carry
    a pasted TCVN3 paragraph. Garbage no table maps back is left for OCR."""
    try:
        words = page.extract_words(extra_attrs=["fontname"])
        encodings = _font_encodings(words)
        if not any(encodings.values()):
            return _Page(text, "garbage")
        for word in words:
            encoding = encodings[word["fontname"]]
            if encoding:
                word["text"] = legacy_fonts.convert(word["text"], encoding)
                word["text"] = word["text"].upper() if _capitals_font(word["fontname"]) else word["text"]
        text = "\n".join(page_lines(page, words))
    except Exception as exc:
        return _Page("", "error", _describe(exc))
    if not _looks_unicode(text):
        return _Page(text, "garbage")
    found = sorted({e for e in encodings.values() if e})
    return _Page(text, "converted", encoding=", ".join(found))


def _font_encodings(words: list[dict]) -> dict[str, str | None]:
    """Each font's legacy encoding, told by its text; None for a Unicode font."""
    by_font: dict[str, list[str]] = {}
    for word in words:
        by_font.setdefault(word["fontname"], []).append(word["text"])
    return {font: legacy_fonts.detect(" ".join(texts)) for font, texts in by_font.items()}


def _capitals_font(fontname: str) -> bool:
    """TCVN3's capitals fonts (.VnTimeH, .VnArialH) draw the lower-case bytes as capitals."""
    name = fontname.split("+")[-1].split(",")[0].split("-")[0]
    return name.lower().lstrip(".").startswith("vn") and name.endswith("H")


def _read_by_ocr(path: Path, pages: list[_Page]) -> list[_Page]:
    """Scanned and garbage pages read again from their image, where Tesseract is installed."""
    wanted = [i for i, page in enumerate(pages) if page.kind in ("scan", "garbage")]
    if not wanted or ocr.unavailable():
        return pages
    pages = list(pages)
    for i in wanted:
        try:
            found = ocr.read_pages(path, [i])[i]
        except Exception as exc:  # a page pdfium cannot render, a tesseract crash
            pages[i] = _Page("", "error", f"OCR failed: {_describe(exc)}")
            continue
        text = "\n".join(rows_in_order(found.rows))
        pages[i] = (_Page(text, "ocr", confidence=found.confidence, layer=pages[i].kind) if text
                    else replace(pages[i], confidence=0.0))
    return pages


def _parsed(page):
    """The page with its objects parsed once, its characters the quick way (pdf_objects.py): every
    later look (characters, words, images, rules) reads them from pdfplumber's own cache."""
    if not hasattr(page, "_objects"):
        page._objects = pdf_objects.parse_objects(page)
    return page


def _straight(page):
    """The page without rotated or slanted characters (a diagonal "DỰ THẢO" watermark, a
    digital-signature note up the margin): they come out scrambled and cut the lines they cross.

    pdfminer calls a 45° character upright, so the test reads the text matrix. One pass over
    the characters costs well under 1% of parsing the page. A page drawn mostly rotated (a
    landscape table) is kept whole.
    """
    chars = page.chars
    # Most characters stand upright with no shear (b = c = 0), which no test of _slanted can call
    # slanted: only the others are tested.
    slanted = sum(1 for char in chars if ((m := char.get("matrix", _UPRIGHT))[1] or m[2]) and _slanted(char))
    if not slanted or 2 * slanted > len(chars):
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or not _slanted(obj))


_UPRIGHT = (1, 0, 0, 1)


def _slanted(char: dict) -> bool:
    a, b, c, d = char.get("matrix", _UPRIGHT)[:4]
    return abs(b) > 0.01 * abs(a) or abs(c) > 0.01 * abs(d)


def _has_big_image(page) -> bool:
    page_area = float(page.width * page.height) or 1.0
    covered = sum(abs((im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
    return covered / page_area > _SCAN_COVER


def _assemble(pages: list[_Page]) -> Loaded:
    if not any(page.kind in _READ for page in pages):
        return _unreadable(pages)
    warnings = [_page_warning(number, page) for number, page in enumerate(pages, 1)
                if page.kind not in ("text", "converted", "blank")]
    warnings = [w for w in warnings if w]
    encodings = sorted({page.encoding for page in pages if page.kind == "converted"})
    warnings += [legacy_fonts.CONVERTED_WARNING.format(encoding) for encoding in encodings]
    text = "\n".join(page.text for page in pages if page.kind in _READ)
    return Loaded(text=text, format="pdf", pages=len(pages), warnings=warnings, extra=_source(pages))


def _source(pages: list[_Page]) -> dict:
    """What the record's `source` says of OCR (a confidence per page, None where the text
    layer was read) and of legacy fonts."""
    extra: dict = {}
    if any(page.confidence is not None for page in pages):
        extra["ocr"] = True
        extra["ocr_confidence"] = [page.confidence for page in pages]
    encodings = sorted({page.encoding for page in pages if page.kind == "converted"})
    if encodings:
        extra["legacy_font"] = ", ".join(encodings)
    return extra


def _unreadable(pages: list[_Page]) -> Loaded:
    kinds = {page.kind for page in pages}
    missing = ocr.unavailable()
    scan = NO_OCR_WARNING.format(missing) if missing else SCAN_WARNING
    warnings = [warning for kind, warning in (("scan", scan), ("garbage", LEGACY_WARNING)) if kind in kinds]
    if "garbage" in kinds and missing:
        warnings.append(f"OCR, which could read it instead, is not available: {missing}")
    warnings += [_page_warning(number, page) for number, page in enumerate(pages, 1)
                 if page.kind == "error"]
    # A garbage layer is kept as read: a converter for another font table can still map it back.
    text = "\n".join(page.text for page in pages if page.kind == "garbage")
    return Loaded(text=text, format="pdf", pages=len(pages), warnings=warnings or [BLANK_WARNING],
                  unreadable=True, extra=_source(pages))


def _page_warning(number: int, page: _Page) -> str:
    if page.kind == "ocr":
        if page.layer == "garbage":
            return f"page {number}: text layer is not Unicode (a broken font): read by OCR instead"
        if page.confidence < _LOW_CONFIDENCE:
            return f"page {number}: read by OCR with low confidence ({page.confidence:.2f}): expect wrong letters"
        return ""
    tried = page.confidence is not None
    if page.kind == "scan":
        return (f"page {number}: no text layer, and OCR found no text on it: skipped" if tried else
                f"page {number}: no text layer (a scanned page; OCR is not available): skipped")
    if page.kind == "garbage":
        return (f"page {number}: text layer is not Unicode and OCR found no text: skipped" if tried else
                f"page {number}: text layer is not Unicode (a legacy or broken font): skipped")
    return f"page {number}: cannot be read ({page.problem}): skipped"


# --- is the text layer Vietnamese? -----------------------------------------------------------

def _looks_unicode(text: str) -> bool:
    """Whether most words of `text` are Vietnamese syllables or plain Latin (abbreviations).

    Legacy fonts map their glyphs to Latin-1 code points, so "Việt" comes out as "ViÖt"
    (TCVN3) or "Vieät" (VNI), and unmapped glyphs as "(cid:16)".
    """
    return legacy_fonts.looks_unicode(text)
