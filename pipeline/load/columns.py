"""Text laid out in two columns with spaces or tabs (`pdftotext -layout` output, Word
paragraphs that put the Quốc hiệu after a tab): the header and the Nơi nhận / signature
block side by side.

Each block where lines split at a common gutter is rewritten left column first, then the
right one, so "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI …" reads as issuer, then Quốc hiệu.
"""
from __future__ import annotations

import re
from statistics import median

_GAP = re.compile(r" {3,}|\t+")
_MIN_GAP_LINES = 2
_TOLERANCE = 8   # columns: hand-aligned text drifts a little
_TAB = -1        # a tab's column is unknown: it fits any gutter
_WIDE = 8        # a gap this wide separates columns wherever it falls (Word aligns with tab stops)
_SHORT = 60      # a column's line is at most this long: a longer one is running text


def reading_order(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        block_end, gutter = _block(lines, i)
        if gutter is None:
            out.append(lines[i])
            i += 1
            continue
        left, right = [], []
        for line in lines[i:block_end]:
            split = _split_at(line, gutter)
            if split:
                left.append(split[0])
                right.append(split[1])
            elif len(line) - len(line.lstrip()) >= gutter - _TOLERANCE:
                right.append(line.strip())
            else:
                left.append(line.strip())
        out.extend(x for x in left if x)
        out.extend(x for x in right if x)
        i = block_end
    return "\n".join(out)


def _gaps(line: str) -> list[tuple[int, int, int]]:
    """(column where the right part starts, gap start, gap end) of each wide gap inside the line."""
    if line.count("|") >= 2:
        return []  # a row of a table typed with cell bars: its padding is no column gutter
    stripped_start = len(line) - len(line.lstrip())
    found = []
    for m in _GAP.finditer(line):
        if m.start() > stripped_start and m.end() < len(line.rstrip()):
            found.append((_TAB if "\t" in m.group(0) else m.end(), m.start(), m.end()))
    return found


def _split_at(line: str, gutter: int) -> tuple[str, str] | None:
    gaps = _gaps(line)
    if not gaps:
        return None
    column, start, end = min(gaps, key=lambda g: 0 if g[0] == _TAB else abs(g[0] - gutter))
    if column != _TAB and abs(column - gutter) > _TOLERANCE:
        column, start, end = max(gaps, key=lambda g: g[2] - g[1])
        if end - start < _WIDE:
            return None
    return line[:start].strip(), line[end:].strip()


def _block(lines: list[str], start: int) -> tuple[int, int | None]:
    """The end of the two-column block starting at `start`, and its gutter column (None: no block)."""
    columns: list[int] = []
    gap_lines = 0
    last_gap_line = start
    end = start
    while end < len(lines):
        line = lines[end]
        if not line.strip():
            break
        gaps = _gaps(line)
        if gaps:
            spaced = [g[0] for g in gaps if g[0] != _TAB]
            fits = not columns or any(g[0] == _TAB or g[2] - g[1] >= _WIDE for g in gaps) \
                or min(abs(c - median(columns)) for c in spaced) <= _TOLERANCE
            if not fits:
                break
            near = [c for c in spaced if not columns or abs(c - median(columns)) <= _TOLERANCE]
            if near:
                columns.append(near[-1] if not columns else min(near, key=lambda c: abs(c - median(columns))))
            gap_lines += 1
            last_gap_line = end
        elif not gap_lines or len(line.strip()) > _SHORT:
            break  # running text: the block is over (or never began)
        end += 1
    if gap_lines < _MIN_GAP_LINES and not (end - start == 1 and _lone_pair(lines[start])):
        return start, None
    gutter = int(median(columns)) if columns else 0
    # Lines after the last split one stay in the block only as list items of the left column
    # ("- Lưu: VT.") or as the right column's own lines (indented to the gutter).
    while end > last_gap_line + 1:
        tail = lines[last_gap_line + 1:end]
        if all(t.lstrip().startswith(("-", "+", "•")) or len(t) - len(t.lstrip()) >= gutter - _TOLERANCE
               for t in tail):
            break
        end -= 1
    return end, gutter


def _lone_pair(line: str) -> bool:
    """A line on its own with two short parts far apart: "Số: 03/CT-UBND      Hà Tĩnh, ngày 17 …"
    set between blank lines. Running text has no such gap, a table row more than one."""
    gaps = _gaps(line)
    if len(gaps) != 1 or gaps[0][2] - gaps[0][1] < _WIDE:
        return False
    left, right = line[:gaps[0][1]].strip(), line[gaps[0][2]:].strip()
    return len(left) <= _SHORT and len(right) <= _SHORT
