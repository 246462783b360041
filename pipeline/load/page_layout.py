"""A page's words, as boxes, into lines of text in reading order.

An official document (Nghị định 30/2020, Phụ lục I) sets its header in two columns
(issuer | Quốc hiệu, then số/ký hiệu | date line) and its closing in two more (Nơi nhận |
signature block). Reading a page line by line, as pdfplumber's extract_text does, glues the
issuer to the Quốc hiệu; here a run of lines that share a vertical gutter is read column by
column instead, the whole left block before the right one. Body paragraphs span the gutter
and read normally. The same rules order a text layer's words and the words OCR finds.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

# Words on one line may differ this much in `top` (points), as in pdfplumber's own default.
_LINE_TOLERANCE = 3.0
# A gutter is at least this many font heights wide: wider than any justified word space, narrower
# than the gap between issuer and Quốc hiệu (about one em in the documents seen so far).
_GUTTER_EMS = 0.75
# Lines further apart than this many line heights do not share a column block.
_MAX_BLOCK_GAP = 3.0
# A line whose middle is within this share of the text width from the page's middle, with at
# least _MARGIN of the width empty on each side, is centred on the page.
_CENTRED = 0.10
_MARGIN = 0.15

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


def page_lines(page, words: list[dict]) -> list[str]:
    """A pdfplumber page's words as lines of text in reading order."""
    return _arrange(_group_lines(words), _rules(page))


def rows_in_order(rows: list[list[dict]]) -> list[str]:
    """Rows of word boxes (as OCR finds them, left to right) as lines of text in reading order."""
    lines = [_Line(row, row[0]["top"], row[0]["bottom"], row[0]["x0"], max(w["x1"] for w in row))
             for row in rows if row]
    return _arrange(lines, []) if lines else []


def _arrange(lines: list[_Line], rules: list) -> list[str]:
    heights = [l.bottom - l.top for l in lines]
    area = _Area(left=min(l.x0 for l in lines), right=max(l.x1 for l in lines),
                 gutter=_GUTTER_EMS * median(heights), line_height=median(heights), rules=rules)
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
        if _centred(lines[i], area):
            break
        common = _intersect(gaps, _free(lines[i], area), area.gutter) or _beside(lines[i], gaps, area)
        if not common or not _adjacent(lines[last], lines[i], common, area):
            break
        last, gaps = i, common
    return last, gaps


def _centred(line: _Line, area: _Area) -> bool:
    """A short line centred on the page, as "Kính gửi:" and the document's name are set under
    the header: it belongs to neither column, and no column block goes past it. A column's
    own lines are centred on their column, a quarter of the page to one side."""
    width = area.right - area.left
    middle = (area.left + area.right) / 2
    return (abs((line.x0 + line.x1) / 2 - middle) <= _CENTRED * width
            and line.x0 - area.left >= _MARGIN * width and area.right - line.x1 >= _MARGIN * width)


def _beside(line: _Line, gaps: list[Gap], area: _Area) -> list[Gap]:
    """The gutter narrowed to let past a one-sided line that reaches into it but not across:
    the long second line of a trích yếu ("V/v … về tín") under the số/ký hiệu. A body line
    reaches across, to the far margin."""
    room = area.gutter / 3
    narrowed = []
    for lo, hi in gaps:
        if line.x0 < lo and line.x1 <= hi - room:
            narrowed.append((max(lo, line.x1), hi))
        elif line.x1 > hi and line.x0 >= lo + room:
            narrowed.append((lo, min(hi, line.x0)))
    return narrowed if len(narrowed) == len(gaps) else []


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
