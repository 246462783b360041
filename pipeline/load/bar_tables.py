"""Tables typed as text with cell bars, as portals and e-mail copies of a Kế hoạch carry them:

    | STT | Nội dung                 | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian  |
    |-----|--------------------------|-----------------|------------------|------------|
    | 1   | Rà soát hộ nghèo         | Sở Y tế         | UBND các huyện   | Quý IV/2025 |

Each run of two or more lines with the same number of cells becomes a table of cell spans,
as the .docx and .html readers give theirs, so the task stage reads its assignment rows.
Rule lines (dashes, plus signs, equals) are left out of the rows.
"""
from __future__ import annotations

import re

from pipeline.core.doc import Table

_RULE = re.compile(r"^[\s|+:=\-–—_]+$")
_MIN_CELLS = 2
_MIN_ROWS = 2


def find_tables(text: str) -> list[Table]:
    tables: list[Table] = []
    run: list[list[tuple[int, int]]] = []
    pos = 0
    for line in text.split("\n"):
        cells = _cells(line, pos) if "|" in line else None
        if cells is None:
            if not (line.strip() and _RULE.match(line)):  # a rule line continues the table
                _close(run, tables)
                run = []
        elif run and len(cells) != len(run[0]):
            _close(run, tables)
            run = [cells]
        else:
            run.append(cells)
        pos += len(line) + 1
    _close(run, tables)
    return tables


def _cells(line: str, pos: int) -> list[tuple[int, int]] | None:
    """The spans of the line's cells, or None when it is no table row."""
    if _RULE.match(line):
        return None
    bounds = [m.start() for m in re.finditer(r"\|", line)]
    edges = ([-1] if line[:bounds[0]].strip() else []) + bounds + ([len(line)] if line[bounds[-1] + 1:].strip() else [])
    spans = []
    for left, right in zip(edges, edges[1:]):
        start, end = left + 1, right
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        spans.append((pos + start, pos + end))
    return spans if len(spans) >= _MIN_CELLS else None


def _close(run: list[list[tuple[int, int]]], tables: list[Table]) -> None:
    if len(run) >= _MIN_ROWS:
        tables.append(Table(rows=list(run)))
