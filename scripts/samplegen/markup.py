"""The sample markup (scripts/samples/README.md): settings, paragraphs and blocks of a source text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

PORTAL_PARTS = {"menu", "crumbs", "tools", "meta", "related", "sidebar", "footer"}


class MarkupError(ValueError):
    pass


@dataclass(frozen=True)
class Line:
    """One paragraph; `flags` letters: c centre, r right, l left, b bold, i italic, s small, h heading."""
    text: str
    flags: str = ""

    @property
    def align(self) -> str:
        """'center', 'right', 'left' or 'justify' (a body paragraph, first line indented)."""
        for flag, name in (("c", "center"), ("r", "right"), ("l", "left"), ("h", "left")):
            if flag in self.flags:
                return name
        return "justify"


@dataclass
class Block:
    kind: str  # "line", "cols", "table" or a portal part
    lines: list[Line] = field(default_factory=list)  # "line" (one) and portal parts
    rows: list[list[list[Line]]] = field(default_factory=list)  # cols and table: row → cell → lines
    widths: list[float] = field(default_factory=list)  # shares of the text width, summing to 1


@dataclass
class Sample:
    source: Path
    settings: dict[str, str]
    blocks: list[Block]

    @property
    def output(self) -> str:
        return self.settings["output"]

    def get(self, key: str, default: str = "") -> str:
        return self.settings.get(key, default)


FLAGGED = re.compile(r"\{([a-z]*)\}\s?(.*)")


def table_cell(line: Line, heading: bool) -> Line:
    """How a table cell is set: headings centred in bold, figures centred, text left."""
    if heading:
        return Line(line.text, line.flags + "cb")
    return Line(line.text, line.flags + ("c" if re.fullmatch(r"[\d.,%/ ]*", line.text) else "l"))


def parse_line(raw: str) -> Line:
    m = FLAGGED.fullmatch(raw.strip())
    return Line(m.group(2), m.group(1)) if m else Line(raw.strip())


def open_block(header: str, where: str) -> Block:
    kind, _, arg = header[3:].strip().partition(" ")
    block = Block(kind)
    if kind == "cols":
        left = float(arg or 40) / 100
        block.widths, block.rows = [left, 1 - left], [[[], []]]
    elif kind == "table":
        if arg:
            shares = [float(x) for x in arg.split(",")]
            block.widths = [x / sum(shares) for x in shares]
    elif kind not in PORTAL_PARTS:
        raise MarkupError(f"{where}: unknown block '{kind}'")
    return block


def parse(path: Path) -> Sample:
    lines = path.read_text(encoding="utf-8").splitlines()
    settings: dict[str, str] = {}
    while lines and lines[0].startswith("%"):
        key, _, value = lines.pop(0)[1:].partition(":")
        settings[key.strip()] = value.strip()
    if "output" not in settings:
        raise MarkupError(f"{path.name}: no '% output:' line")
    blocks: list[Block] = []
    block, col = None, 0
    for number, raw in enumerate(lines, 1):
        text, where = raw.strip(), f"{path.name}, body line {number}"
        if block is None:
            if text.startswith(":::"):
                block, col = open_block(text, where), 0
            elif text:
                blocks.append(Block("line", [parse_line(text)]))
        elif text == ":::":
            blocks.append(block)
            block = None
        elif block.kind == "cols":
            if text == "||":
                col = 1
            elif text == "--":
                block.rows.append([[], []])
                col = 0
            elif text:
                block.rows[-1][col].append(parse_line(text))
        elif block.kind == "table":
            if text:
                block.rows.append([[parse_line(cell)] for cell in text.split(" | ")])
                if len(block.rows[-1]) != len(block.rows[0]):
                    raise MarkupError(f"{where}: {len(block.rows[-1])} cells, heading has {len(block.rows[0])}")
        elif text:
            block.lines.append(parse_line(text))
    if block is not None:
        raise MarkupError(f"{path.name}: block '{block.kind}' not closed")
    for b in blocks:
        if b.kind == "table" and not b.widths:
            b.widths = [1 / len(b.rows[0])] * len(b.rows[0])
    return Sample(path, settings, blocks)
