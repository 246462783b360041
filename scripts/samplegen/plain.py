"""The .txt writer: UTF-8 or UTF-16, LF or CRLF, header and signature stacked or side by side."""
from __future__ import annotations

import codecs
import itertools
import re
import textwrap

from .markup import Line, Sample

TXT_WIDTH = 84


def txt_paragraph(line: Line, width: int) -> list[str]:
    if not line.text:
        return [""]
    if width == 0:
        return [line.text]
    if line.align == "center":
        return [part.center(width).rstrip() for part in textwrap.wrap(line.text, width)]
    indent = "    " if line.align == "justify" else ""
    return textwrap.wrap(line.text, width, initial_indent=indent)


def txt_side_by_side(row: list[list[Line]], widths: list[float]) -> list[str]:
    """Both cells of a row as `pdftotext -layout` prints them: centred in their columns."""
    lefts = round(TXT_WIDTH * widths[0])
    columns = []
    for cell, width in zip(row, (lefts, TXT_WIDTH - lefts)):
        out = []
        for line in cell:
            for part in textwrap.wrap(line.text, width - 2) or [""]:
                out.append(part.ljust(width) if line.align == "left" else part.center(width))
        columns.append(out)
    pairs = itertools.zip_longest(*columns, fillvalue="")
    return [(left.ljust(lefts) + right).rstrip() for left, right in pairs]


def to_txt(sample: Sample) -> bytes:
    wrap = int(sample.get("txt-wrap", "0"))
    side_by_side = sample.get("txt-layout", "stacked") == "columns"
    out: list[str] = []
    for block in sample.blocks:
        if block.kind == "line":
            out += txt_paragraph(block.lines[0], wrap)
        elif block.kind == "cols":
            out.append("")
            for row in block.rows:
                out += txt_side_by_side(row, block.widths) if side_by_side else [
                    line.text for cell in row for line in cell]
            out.append("")
        elif block.kind == "table":
            out += ["\t".join(cell[0].text for cell in row) for row in block.rows]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out).strip("\n") + "\n")
    if sample.get("newline", "lf") == "crlf":
        text = text.replace("\n", "\r\n")
    if sample.get("encoding", "utf-8") == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")  # what Windows Notepad calls "Unicode"
    return text.encode("utf-8")
