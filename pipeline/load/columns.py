"""Plain text laid out in two columns with spaces (what `pdftotext -layout` and copies of
printed documents give): the header and the Nơi nhận / signature block side by side.

Each block where lines split at a common gutter is rewritten left column first, then the
right one, so "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI …" reads as issuer, then Quốc hiệu.
"""
from __future__ import annotations

import re
from statistics import median

_GAP = re.compile(r"^(?P<left>\s*\S.*?\S|\s*\S)(?P<gap>\s{3,})(?P<right>\S.*?)\s*$")
_MIN_GAP_LINES = 2
_TOLERANCE = 8  # columns: hand-aligned text drifts a little


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
            m = _GAP.match(line)
            if m and abs(len(m.group("left")) + len(m.group("gap")) - gutter) <= _TOLERANCE:
                left.append(m.group("left").strip())
                right.append(m.group("right").strip())
            elif len(line) - len(line.lstrip()) >= gutter - _TOLERANCE:
                right.append(line.strip())
            else:
                left.append(line.strip())
        out.extend(x for x in left if x)
        out.extend(x for x in right if x)
        i = block_end
    return "\n".join(out)


def _block(lines: list[str], start: int) -> tuple[int, int | None]:
    """The end of the two-column block starting at `start`, and its gutter column (None: no block)."""
    gutters: list[int] = []
    end = start
    while end < len(lines):
        line = lines[end]
        if not line.strip():
            break
        m = _GAP.match(line)
        if m:
            column = len(m.group("left")) + len(m.group("gap"))
            if gutters and abs(column - median(gutters)) > _TOLERANCE:
                break
            gutters.append(column)
        elif not gutters or len(line.strip()) > 60:
            break  # running text: the block is over (or never began)
        end += 1
    if len(gutters) < _MIN_GAP_LINES:
        return start, None
    return end, int(median(gutters))
