"""PDF text layers, in reading order.

An official document (Nghị định 30/2020, Phụ lục I) sets its header in two
columns (issuer | Quốc hiệu, then số/ký hiệu | date line) and its closing in two
more (Nơi nhận | signature block). Reading a page line by line, as pdfplumber's
extract_text does, glues the issuer to the Quốc hiệu; here a run of lines that
share a vertical gutter is read column by column instead, the whole left block
before the right one. Body paragraphs span the gutter and read normally.

Pages without a usable text layer (a scan, or a legacy TCVN3/VNI font whose
glyphs do not map to Unicode) give no text and a page warning; a document with
no usable page is `unreadable`, with one warning saying why (its legacy-font
text kept as read, for a converter to map back).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import pdfplumber

from pipeline.doc import Loaded
from pipeline.errors import ReadError

SCAN_WARNING = "no text layer: a scanned PDF; OCR is not enabled"
LEGACY_WARNING = "text layer uses a legacy font encoding (TCVN3/VNI?): not Unicode"
BLANK_WARNING = "no text: every page is blank"

# Words on one line may differ this much in `top` (points), as in pdfplumber's own default.
_LINE_TOLERANCE = 3.0
# A gutter is at least this many font heights wide: wider than any justified word space, narrower
# than the gap between issuer and Quốc hiệu (about one em in the documents seen so far).
_GUTTER_EMS = 0.75
# Lines further apart than this many line heights do not share a column block.
_MAX_BLOCK_GAP = 3.0
# Below this share of well-formed words a page's text layer is taken for garbage; Unicode
# Vietnamese scores above 0.97, a legacy-font layer read as Unicode about 0.6.
_MIN_VALID_SHARE = 0.8
_MIN_WORDS_TO_JUDGE = 15
# A page with fewer visible characters than this, a third of it covered by images, is a scan (a
# stamp or a page number may still be text).
_MAX_SCAN_CHARS = 20
_SCAN_COVER = 0.3


Gap = tuple[float, float]  # an empty horizontal stretch (x0, x1) of a line, in points


@dataclass(slots=True)
class _Line:
    words: list[dict]  # pdfplumber words, left to right
    top: float
    bottom: float
    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class _Area:
    """What the reading-order rules need to know about a page's text."""
    left: float          # the text area: leftmost and rightmost word edges
    right: float
    gutter: float        # the narrowest gap taken for a column gutter
    line_height: float
    rules: list          # horizontal ruling lines (top, x0, x1)


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
        results = [_read_page(page) for page in pages]
    return _assemble(results)


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
    kind: str         # "text", "blank", "scan", "legacy" or "error"
    problem: str = ""  # what went wrong, for "error"


def _read_page(page) -> _Page:
    try:
        page = _straight(page)
        words = page.extract_words()
        if not words:
            return _Page("", "scan" if _has_big_image(page) else "blank")
        text = "\n".join(_page_lines(page, words))
    except Exception as exc:  # one damaged content stream should not cost the other pages
        return _Page("", "error", _describe(exc))
    if len(text) - text.count(" ") - text.count("\n") < _MAX_SCAN_CHARS and _has_big_image(page):
        return _Page("", "scan")
    return _Page(text, "text" if _looks_unicode(text) else "legacy")


def _straight(page):
    """The page without rotated or slanted characters (a diagonal "DỰ THẢO" watermark, a
    digital-signature note up the margin): they come out scrambled and cut the lines they cross.

    pdfminer calls a 45° character upright, so the test reads the text matrix. One pass over
    the characters costs well under 1% of parsing the page. A page drawn mostly rotated (a
    landscape table) is kept whole.
    """
    chars = page.chars
    slanted = sum(1 for char in chars if _slanted(char))
    if not slanted or 2 * slanted > len(chars):
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or not _slanted(obj))


def _slanted(char: dict) -> bool:
    a, b, c, d = char.get("matrix", (1, 0, 0, 1))[:4]
    return abs(b) > 0.01 * abs(a) or abs(c) > 0.01 * abs(d)


def _has_big_image(page) -> bool:
    page_area = float(page.width * page.height) or 1.0
    covered = sum(abs((im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
    return covered / page_area > _SCAN_COVER


def _assemble(pages: list[_Page]) -> Loaded:
    if not any(page.kind == "text" for page in pages):
        return _unreadable(pages)
    warnings = [_page_warning(number, page) for number, page in enumerate(pages, 1)
                if page.kind not in ("text", "blank")]
    text = "\n".join(page.text for page in pages if page.kind == "text")
    return Loaded(text=text, format="pdf", pages=len(pages), warnings=warnings)


def _unreadable(pages: list[_Page]) -> Loaded:
    kinds = {page.kind for page in pages}
    warnings = [warning for kind, warning in (("scan", SCAN_WARNING), ("legacy", LEGACY_WARNING))
                if kind in kinds]
    warnings += [_page_warning(number, page) for number, page in enumerate(pages, 1)
                 if page.kind == "error"]
    # A legacy-font layer is kept as read: a converter for TCVN3/VNI can still map it back.
    text = "\n".join(page.text for page in pages if page.kind == "legacy")
    return Loaded(text=text, format="pdf", pages=len(pages), warnings=warnings or [BLANK_WARNING],
                  unreadable=True)


def _page_warning(number: int, page: _Page) -> str:
    if page.kind == "scan":
        return f"page {number}: no text layer (a scanned page; OCR is not enabled): skipped"
    if page.kind == "legacy":
        return f"page {number}: text layer uses a legacy font encoding (TCVN3/VNI?): skipped"
    return f"page {number}: cannot be read ({page.problem}): skipped"


# --- reading order ---------------------------------------------------------------------------

def _page_lines(page, words: list[dict]) -> list[str]:
    lines = _group_lines(words)
    heights = [l.bottom - l.top for l in lines]
    area = _Area(left=min(l.x0 for l in lines), right=max(l.x1 for l in lines),
                 gutter=_GUTTER_EMS * median(heights), line_height=median(heights), rules=_rules(page))
    out: list[str] = []
    i = 0
    for start, end, gaps in _column_blocks(lines, area):
        out.extend(_join(line.words) for line in lines[i:start])
        out.extend(_read_columns(lines[start:end], gaps))
        i = end
    out.extend(_join(line.words) for line in lines[i:])
    return out


def _group_lines(words: list[dict]) -> list[_Line]:
    """Words into lines by `top`, each line anchored at its first word (no chaining down the page)."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        last = lines[-1] if lines else None
        if last is not None and word["top"] - last.top <= _LINE_TOLERANCE:
            last.words.append(word)
            last.bottom = max(last.bottom, word["bottom"])
            last.x0, last.x1 = min(last.x0, word["x0"]), max(last.x1, word["x1"])
        else:
            lines.append(_Line([word], word["top"], word["bottom"], word["x0"], word["x1"]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def _rules(page) -> list[tuple[float, float, float]]:
    """Horizontal ruling lines (top, x0, x1): table borders that close a row."""
    try:
        edges = page.horizontal_edges
    except Exception:  # odd drawing operators must not cost the page its text
        return []
    return [(e["top"], e["x0"], e["x1"]) for e in edges if e["x1"] - e["x0"] > 20]


def _free(line: _Line, area: _Area) -> list[Gap]:
    """Horizontal stretches of the text area, at least a gutter wide, that this line leaves empty."""
    gaps, cursor = [], area.left
    for word in line.words:
        if word["x0"] - cursor >= area.gutter:
            gaps.append((cursor, word["x0"]))
        cursor = max(cursor, word["x1"])
    if area.right - cursor >= area.gutter:
        gaps.append((cursor, area.right))
    return gaps


def _intersect(a: list[Gap], b: list[Gap], width: float) -> list[Gap]:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi - lo >= width:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _column_blocks(lines: list[_Line], area: _Area):
    """Runs of consecutive lines split by a common gutter: yields (start, end, gaps), in order.

    A run grows from a line with text on both sides of a wide gap (issuer | Quốc hiệu,
    Nơi nhận | signer), down then up, through every line that leaves the gap empty
    (one-sided lines such as the rest of the Nơi nhận list included). Body paragraphs fill
    the text width and stop it.
    """
    taken = 0  # lines before this index belong to an earlier run
    for seed, line in enumerate(lines):
        if seed < taken:
            continue
        gaps = [g for g in _free(line, area) if line.x0 < g[0] and g[1] < line.x1]
        if not gaps:
            continue
        end, gaps = _extend(lines, seed, range(seed + 1, len(lines)), gaps, area)
        start, gaps = _extend(lines, seed, range(seed - 1, taken - 1, -1), gaps, area)
        yield start, end + 1, gaps
        taken = end + 1


def _extend(lines: list[_Line], seed: int, steps: range, gaps: list[Gap], area: _Area):
    """Walk from the seed while the gutter stays open; the last line reached and the gutter."""
    last = seed
    for i in steps:
        common = _intersect(gaps, _free(lines[i], area), area.gutter)
        if not common or not _adjacent(lines[last], lines[i], common, area):
            break
        last, gaps = i, common
    return last, gaps


def _adjacent(a: _Line, b: _Line, gaps: list[Gap], area: _Area) -> bool:
    above, below = (a, b) if a.top <= b.top else (b, a)
    near = below.top - above.bottom <= _MAX_BLOCK_GAP * area.line_height
    return near and not _ruled(above, below, gaps, area.rules)


def _ruled(above: _Line, below: _Line, gaps: list[Gap], rules: list) -> bool:
    """A table border between two lines, crossing the gutter, ends a row: rows read one by one."""
    upper, lower = (above.top + above.bottom) / 2, (below.top + below.bottom) / 2
    return any(upper < top < lower and x0 <= lo and x1 >= hi
               for top, x0, x1 in rules for lo, hi in gaps)


def _read_columns(block: list[_Line], gaps: list[Gap]) -> list[str]:
    """The block's lines column by column: the whole left column, then the next."""
    x0, x1 = min(l.x0 for l in block), max(l.x1 for l in block)
    cuts = [(lo + hi) / 2 for lo, hi in gaps if x0 < lo and hi < x1]
    bounds = [float("-inf"), *cuts, float("inf")]
    out = []
    for lo, hi in zip(bounds, bounds[1:]):
        for line in block:
            words = [w for w in line.words if lo <= w["x0"] < hi]
            if words:
                out.append(_join(words))
    return out


def _join(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


# --- is the text layer Vietnamese? -----------------------------------------------------------

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Onset, nucleus, coda of a Vietnamese syllable with its tone mark removed; loose (any 1-3
# vowels; f, j, w, z and final k for loanwords and Tây Nguyên names such as "Jút", "Đắk") on
# purpose: it only has to tell Vietnamese from the debris a legacy font leaves.
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđfghjklmnpqrstvwxz])?"
                       r"[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnptk])?")
# Abbreviations and list markers: "HĐND", "NĐ-CP", "đ)".
_ABBREVIATION = re.compile(r"[A-ZĐ]+|[a-zđ]")
_ORDINARY = re.compile(r"[\w\-–—/.,;:!?()\[\]\"'“”‘’…%&+*=<>@#§]+")
_LETTERS = re.compile(r"[^\W\d_]+")


def _looks_unicode(text: str) -> bool:
    """Whether most words of `text` are Vietnamese syllables or plain Latin (abbreviations).

    Legacy fonts map their glyphs to Latin-1 code points, so "Việt" comes out as "ViÖt"
    (TCVN3) or "Vieät" (VNI), and unmapped glyphs as "(cid:16)".
    """
    judged = valid = 0
    for token in text.split():
        if not any(ch.isalpha() for ch in token):
            continue
        judged += 1
        valid += _valid_token(token)
    if judged < _MIN_WORDS_TO_JUDGE:
        return True
    return valid / judged >= _MIN_VALID_SHARE


def _valid_token(token: str) -> bool:
    # Text layers often carry tone marks as separate combining characters.
    token = unicodedata.normalize("NFC", token)
    if "(cid:" in token or not _ORDINARY.fullmatch(token):
        return False
    return all(run.isascii() or _ABBREVIATION.fullmatch(run) or _is_syllable(run)
               for run in _LETTERS.findall(token))


def _is_syllable(run: str) -> bool:
    decomposed = unicodedata.normalize("NFD", run.lower())
    if sum(ch in _TONE_MARKS for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None
