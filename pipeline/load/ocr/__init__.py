"""Scanned pages read with Tesseract's Vietnamese model, as word boxes in PDF points.

A page is rendered with pypdfium2 (pdfplumber's own renderer), turned straight, and read
with `image_to_data`: words with their boxes and confidences. The lines a red seal crosses
are read again without its red, and so are the blocks Tesseract took for pictures (a
signature often hides the signer's name). Debris is dropped, lost tone marks are put back
where a dictionary word says which, and the words come back grouped into the page's visual
rows, in the shape pdfplumber gives words (text, x0, x1, top, bottom in points): the PDF
reader puts them in reading order with the same column-block rules as a text layer, the
issuer column before the Quốc hiệu, Nơi nhận before the signature block.

    scan.py   the image: slant, the seal's red
    words.py  word boxes into lines and rows, debris out, glued numbers cut
    marks.py  lost tone marks put back

Tesseract and its `vie` model are system packages (Debian: tesseract-ocr,
tesseract-ocr-vie); `unavailable()` says what is missing where they are not installed.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.load.legacy_fonts import valid_token
from pipeline.load.ocr import marks, scan, words
from pipeline.load.ocr.words import Word

LANGUAGE = "vie"
# 300 dpi keeps the stacked marks of "ễ, ặ, ở" apart at 12-13 pt; 400 dpi read the team's
# measured scans no better and took 1.8 times as long (scripts/ocr_cer.py --dpi).
DPI = 300
# Tesseract's page segmentation for a single column of text of varying sizes (psm 4): it keeps
# the rows of both header columns whole, and the rows are rebuilt from the word boxes. The
# automatic layout (psm 3) broke paragraphs around handwriting (measured: CER 4.4% against 9%).
_PAGE_MODE = "--psm 4"
# Picture blocks are read again as one uniform block of text.
_FIGURE_MODE = "--psm 6"
# Inside a picture, only words this sure count.
_MIN_FIGURE_CONFIDENCE = 80
# A picture block smaller than this (pixels high) holds no printed line.
_MIN_FIGURE_PX = 60


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[list[dict]]  # words in pdfplumber's shape, one list per visual row, top down
    confidence: float       # mean word confidence, 0-1, weighted by word length; 0 for no words


@cache
def unavailable() -> str | None:
    """Why OCR cannot run on this machine, or None when it can."""
    try:
        import pytesseract
    except ImportError:
        return "the pytesseract package is not installed"
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return "the tesseract program is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)"
    try:
        languages = pytesseract.get_languages(config="")
    except Exception as exc:  # a broken install reports itself in many ways
        return f"tesseract does not run: {type(exc).__name__}: {exc}"
    if LANGUAGE not in languages:
        return "tesseract has no Vietnamese model (Debian: apt-get install tesseract-ocr-vie)"
    return None


def read_pages(path: Path, numbers: list[int], dpi: int | None = None) -> dict[int, Page]:
    """OCR the given pages (0-based) of a PDF."""
    import pypdfium2

    dpi = dpi or DPI
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return {number: read_image(_render(pdf[number], dpi), dpi) for number in numbers}
    finally:
        pdf.close()


def _render(page, dpi: int):
    try:
        return page.render(scale=dpi / 72).to_pil()
    finally:
        page.close()


def read_image(image, dpi: int = DPI) -> Page:
    """The words of one page image, grouped into rows; coordinates in points (1/72 inch)."""
    image = image.convert("RGB")
    image = scan.straightened(image)
    grey = image.convert("L")
    data = _tesseract(grey, _PAGE_MODE)
    lines = words.pieces(words.from_data(data, 72 / dpi))
    lines = _seal_reread(image, lines, 72 / dpi)
    for box in _figures(data):
        lines += words.unread(_figure_lines(image, box, 72 / dpi), lines)
    lines = [marks.corrected(words.unglued(kept)) for kept in map(words.kept, lines) if kept]
    rows = words.rows(lines)
    return Page(rows=[[word for word, _ in row] for row in rows], confidence=words.confidence(rows))


def _tesseract(image, mode: str) -> dict:
    import pytesseract

    # One thread per page: on CI's two cores OpenMP threads only fight the pipeline's workers.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return pytesseract.image_to_data(image, lang=LANGUAGE, config=mode, output_type=pytesseract.Output.DICT)


def _seal_reread(image, lines, scale: float):
    """The lines a red seal crosses, read again without its red where that reads better.

    The seal sits over the signature block and often over the signer's title or name; taking
    its red out of the whole page changes how Tesseract cuts up the rest of it (measured: worse
    on the team's scans), so only the seal and the lines it touches are read again."""
    seal = scan.seal_box(scan.redness(image))
    if seal is None:
        return lines
    area = {"x0": seal[0] * scale, "top": seal[1] * scale, "x1": seal[2] * scale, "bottom": seal[3] * scale}
    touched = [line for line in lines if words.overlap(words.bounds(line), area)]
    for line in touched:
        area = words.union(area, words.bounds(line))
    box = tuple(int(round(v / scale)) for v in (area["x0"], area["top"], area["x1"], area["bottom"]))
    data = _tesseract(scan.without_seal(image).crop(box), _FIGURE_MODE)
    others = [[(words.bounds(line), 0.0)] for line in lines if line not in touched]
    again = words.unread(words.pieces(words.from_data(data, scale, offset=box[:2])), others)
    if words.legible(again) <= words.legible(touched):
        return lines
    return [line for line in lines if line not in touched] + again


def _figures(data: dict) -> list[tuple[int, int, int, int]]:
    """Blocks Tesseract took for pictures (no words), big enough to hold a printed line: the
    signature with the seal over it, where the signer's name often is."""
    blocks: dict[int, list] = {}
    for i, level in enumerate(data["level"]):
        block = blocks.setdefault(data["block_num"][i], [None, False])
        if level == 2:
            block[0] = (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        elif data["text"][i].strip():
            block[1] = True
    return [(left, top, left + width, top + height)
            for (box, has_words) in blocks.values() if box and not has_words
            for left, top, width, height in [box] if height >= _MIN_FIGURE_PX and width >= 2 * _MIN_FIGURE_PX]


def _figure_lines(image, box: tuple[int, int, int, int], scale: float) -> list[list[Word]]:
    """The printed words inside a picture block, read as one block without the seal's red;
    only sure, well-formed ones: the rest is signature strokes."""
    data = _tesseract(scan.without_seal(image.crop(box)), _FIGURE_MODE)
    lines = words.from_data(data, scale, offset=box[:2])
    sure = ([wc for wc in line if wc[1] >= _MIN_FIGURE_CONFIDENCE and valid_token(wc[0]["text"])
             and sum(ch.isalnum() for ch in wc[0]["text"]) >= 2] for line in lines)
    return [line for line in sure if line]
