"""Tesseract's words into lines and rows, debris left out: word boxes in PDF points, in the
shape pdfplumber gives words (text, x0, x1, top, bottom), each with its confidence (0-100)."""
from __future__ import annotations

import re
from statistics import median

from pipeline.load.legacy_fonts import is_syllable

Word = tuple[dict, float]  # (pdfplumber-shaped word, confidence 0-100)

# Words read with less confidence than this (0-100) are seal, signature or QR-code debris,
# unless they hold a letter or digit; below the second, they are debris whatever they hold.
MIN_CONFIDENCE = 30
_MIN_ANY_CONFIDENCE = 10
# Words further apart than this many word heights belong to different columns.
_PIECE_GAP = 2.0
# A row's words overlap vertically by at least this share of the smaller height.
_ROW_OVERLAP = 0.5


def from_data(data: dict, scale: float, offset: tuple[int, int] = (0, 0)) -> list[list[Word]]:
    """Tesseract's own text lines: words as (pdfplumber-shaped word, confidence)."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for i, text in enumerate(data["text"]):
        text = text.strip()
        confidence = float(data["conf"][i])
        if not text or confidence < 0:
            continue
        left, top = (data["left"][i] + offset[0]) * scale, (data["top"][i] + offset[1]) * scale
        width, height = data["width"][i] * scale, data["height"][i] * scale
        word = {"text": text, "x0": left, "x1": left + width, "top": top, "bottom": top + height}
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append((word, confidence))
    return list(lines.values())


def pieces(lines: list[list[Word]]) -> list[list[Word]]:
    """Lines cut at gaps wider than any word space: in a single-column reading Tesseract runs
    Nơi nhận and the signature block into one line."""
    out = []
    for line in lines:
        height = median(w["bottom"] - w["top"] for w, _ in line)
        piece = [line[0]]
        for previous, current in zip(line, line[1:]):
            if current[0]["x0"] - previous[0]["x1"] > _PIECE_GAP * height:
                out.append(piece)
                piece = []
            piece.append(current)
        out.append(piece)
    return out


def kept(line: list[Word]) -> list[Word]:
    """The line without debris: words the model all but guessed, unsure ones that are no letter
    or digit; and nothing of a line without one sure word of three letters or digits (the bits
    of a seal or a signature: "P số N", "/ z n")."""
    if not any(c >= MIN_CONFIDENCE and sum(ch.isalnum() for ch in w["text"]) >= 3 for w, c in line):
        return []
    return [(w, c) for w, c in line
            if c >= MIN_CONFIDENCE or (c >= _MIN_ANY_CONFIDENCE and any(ch.isalnum() for ch in w["text"]))]


def rows(lines: list[list[Word]]) -> list[list[Word]]:
    """Lines side by side on the page (issuer | Quốc hiệu) joined into one row, top down.

    Every word of a row gets the row's top and bottom: diacritics make word boxes of one
    line differ in height by a third, more than a line tolerance in points allows.
    """
    found: list[tuple[float, float, list]] = []
    for line in sorted(lines, key=_middle):
        top = min(w["top"] for w, _ in line)
        bottom = max(w["bottom"] for w, _ in line)
        for i, (row_top, row_bottom, words) in enumerate(found):
            shared = min(bottom, row_bottom) - max(top, row_top)
            if shared >= _ROW_OVERLAP * min(bottom - top, row_bottom - row_top) and not _crosses(line, words):
                found[i] = (min(top, row_top), max(bottom, row_bottom), words + line)
                break
        else:
            found.append((top, bottom, list(line)))
    out = []
    for top, bottom, words in sorted(found, key=lambda r: (r[0] + r[1]) / 2):
        words.sort(key=lambda wc: wc[0]["x0"])
        out.append([({**w, "top": top, "bottom": bottom}, c) for w, c in words])
    return out


def _middle(line) -> float:
    return sum((w["top"] + w["bottom"]) / 2 for w, _ in line) / len(line)


def _crosses(line, words) -> bool:
    """Whether the line overlaps horizontally with words already in the row."""
    x0, x1 = min(w["x0"] for w, _ in line), max(w["x1"] for w, _ in line)
    return any(w["x0"] < x1 and x0 < w["x1"] for w, _ in words)


def confidence(rows) -> float:
    """Mean word confidence, 0-1, weighted by word length; 0 for no words."""
    weighted = [(len(w["text"]), c) for row in rows for w, c in row]
    total = sum(n for n, _ in weighted)
    return round(sum(n * c for n, c in weighted) / total / 100, 2) if total else 0.0


def bounds(line) -> dict:
    return {"x0": min(w["x0"] for w, _ in line), "x1": max(w["x1"] for w, _ in line),
            "top": min(w["top"] for w, _ in line), "bottom": max(w["bottom"] for w, _ in line)}


def union(a: dict, b: dict) -> dict:
    return {"x0": min(a["x0"], b["x0"]), "x1": max(a["x1"], b["x1"]),
            "top": min(a["top"], b["top"]), "bottom": max(a["bottom"], b["bottom"])}


def overlap(a: dict, b: dict) -> bool:
    return a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def legible(lines) -> float:
    """Letters and digits read, each counted by the confidence it was read with."""
    return sum(sum(ch.isalnum() for ch in w["text"]) * c / 100
               for line in lines for w, c in line if c >= MIN_CONFIDENCE)


def unread(found: list[list[Word]], lines: list[list[Word]]):
    """Words of a picture block that no word of the page pass covers (blocks can overlap)."""
    seen = [w for line in lines for w, _ in line]
    left = ([wc for wc in line if not any(overlap(wc[0], w) for w in seen)] for line in found)
    return [line for line in left if line]


# --- glued words ----------------------------------------------------------------------------
# A handwritten day or number set close to the print ("ngày 24", "tháng 10") is read glued to
# the word beside it: "ngày24", "10tháng". A lower-case syllable and a number are cut apart.
_GLUED = re.compile(r"^(?:([^\W\d_A-Z]*[^\x00-\x7f][^\W\d_A-Z]*)(\d+\W*)|(\d+)([^\W\d_A-Z]*[^\x00-\x7f][^\W\d_A-Z]*\W*))$")


def unglued(line: list[Word]) -> list[Word]:
    """The line with a number glued to a lower-case syllable cut off it, the box shared out."""
    out = []
    for word, confidence in line:
        m = _GLUED.match(word["text"])
        if not m or not any(part and part[0].islower() and is_syllable(part.rstrip(",.;:)")) for part in m.groups()):
            out.append((word, confidence))
            continue
        first, second = [part for part in m.groups() if part]
        cut = word["x0"] + (word["x1"] - word["x0"]) * len(first) / len(word["text"])
        out.append(({**word, "text": first, "x1": cut}, confidence))
        out.append(({**word, "text": second, "x0": cut}, confidence))
    return out
