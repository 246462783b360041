#!/usr/bin/env python3
"""Build the project's sample corpus (corpus/) from the source texts in scripts/samples/.

    .venv/bin/python scripts/make_samples.py [OUT_DIR]

Each source names its output file; the extension picks the writer: .txt, .html/.htm,
.pdf (reportlab, DejaVu TrueType fonts) or .docx (python-docx). The markup is described
in scripts/samples/README.md. Runs are reproducible: reportlab draws in invariant mode,
and the .docx gets fixed core-property dates and fixed zip timestamps.
"""
from __future__ import annotations

import argparse
import codecs
import datetime as dt
import html
import importlib.util
import io
import itertools
import os
import re
import sys
import textwrap
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
SAMPLES = HERE / "samples"
TEMPLATES = SAMPLES / "templates"
CORPUS = HERE.parent / "corpus"
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
AUTHOR = "directives-pipeline sample corpus"
TXT_WIDTH = 84
PORTAL_PARTS = {"menu", "crumbs", "tools", "meta", "related", "sidebar", "footer"}


class MarkupError(ValueError):
    pass


# --- markup -------------------------------------------------------------------------

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


# --- plain text -----------------------------------------------------------------------

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


# --- HTML -----------------------------------------------------------------------------

def html_inline(line: Line) -> str:
    text = html.escape(line.text, quote=False) or "&nbsp;"
    if "b" in line.flags:
        text = f"<b>{text}</b>"
    if "i" in line.flags:
        text = f"<i>{text}</i>"
    return text


def html_paragraph(line: Line, in_cell: bool = False) -> str:
    align = "center" if in_cell and line.align == "justify" else line.align
    style = f"text-align:{align}" + (";text-indent:1cm" if align == "justify" else "")
    if "s" in line.flags:
        style += ";font-size:11pt"
    return f'<p style="{style}">{html_inline(line)}</p>'


def html_table(block: Block, framed: bool) -> str:
    attrs = 'class="bang" border="1"' if framed else 'class="khung" border="0"'
    out = [f'<table {attrs} width="100%" cellspacing="0" cellpadding="4">']
    for r, row in enumerate(block.rows):
        cells = []
        for width, cell in zip(block.widths, row):
            tag = "th" if framed and r == 0 else "td"
            inner = "".join(html_paragraph(line, in_cell=True) if not framed else html_inline(line)
                            for line in cell)
            cells.append(f'<{tag} width="{round(width * 100)}%" valign="top">{inner}</{tag}>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(out + ["</table>"])


def fill(template: str, **values: str) -> str:
    """A page from scripts/samples/templates/ with its {{name}} slots filled."""
    page = (TEMPLATES / template).read_text(encoding="utf-8")
    for name, value in values.items():
        page = page.replace("{{" + name + "}}", value)
    return page


def to_html(sample: Sample) -> bytes:
    if sample.get("html") == "portal":
        return portal_page(sample).encode("utf-8")
    body = []
    for block in sample.blocks:
        if block.kind == "line":
            body.append(html_paragraph(block.lines[0]))
        elif block.kind in ("cols", "table"):
            body.append(html_table(block, framed=block.kind == "table"))
    page = fill("plain.html", title=html.escape(sample.get("title")), body="\n".join(body))
    return page.encode("utf-8")


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in ascii_text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def portal_list(lines: list[Line], link: bool) -> str:
    """Items as <li>; a bold line opens a new titled box."""
    out, open_list = [], False
    for line in lines:
        if "b" in line.flags:
            out.append(("</ul></div>\n" if open_list else "") + f'<div class="box"><h3>{html.escape(line.text)}</h3><ul>')
            open_list = True
            continue
        if not open_list:
            out.append('<div class="box"><ul>')
            open_list = True
        text = html.escape(line.text)
        m = re.fullmatch(r"(.*) (\(\d{2}/\d{2}/\d{4}\))", text)
        if link and m:
            text = f'<a href="/tin-tuc/{slug(m.group(1))}.html">{m.group(1)}</a> <span class="date">{m.group(2)}</span>'
        elif link:
            text = f'<a href="/{slug(line.text)}">{text}</a>'
        out.append(f"<li>{text}</li>")
    return "\n".join(out + (["</ul></div>"] if open_list else []))


def portal_page(sample: Sample) -> str:
    parts = {b.kind: b.lines for b in sample.blocks if b.kind in PORTAL_PARTS}
    article = []
    for block in sample.blocks:
        if block.kind == "meta":
            article.append('<div class="meta">' + " | ".join(
                f"<span>{html.escape(line.text)}</span>" for line in block.lines) + "</div>")
        elif block.kind == "line":
            line = block.lines[0]
            if "h" in line.flags:
                article.append(f'<h1 class="title">{html.escape(line.text)}</h1>')
            else:
                style = ' style="text-align:right"' if line.align == "right" else ""
                article.append(f"<p{style}>{html_inline(line)}</p>")
    title = sample.get("title")
    return fill(
        "portal.html",
        title=html.escape(title),
        site=html.escape(title.rpartition(" - ")[2]),
        menu="\n".join(f'<li><a href="/{slug(line.text)}">{html.escape(line.text)}</a></li>'
                       for line in parts.get("menu", [])),
        crumbs="\n".join(f'<li><a href="/{slug(line.text)}">{html.escape(line.text)}</a></li>'
                         for line in parts.get("crumbs", [])),
        tools=" ".join(f'<a href="javascript:void(0)">{html.escape(line.text)}</a>'
                       for line in parts.get("tools", [])),
        article="\n".join(article),
        related=portal_list(parts.get("related", []), link=True),
        sidebar=portal_list(parts.get("sidebar", []), link=False),
        footer="\n".join(f"<p>{html_inline(line)}</p>" for line in parts.get("footer", [])),
    )


# --- fonts for the PDFs -----------------------------------------------------------------

FONT_FAMILIES = [  # regular, bold, italic, bold italic; italics fall back to upright
    ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
]


def font_dirs():
    if os.environ.get("SAMPLES_FONT_DIR"):
        yield Path(os.environ["SAMPLES_FONT_DIR"])
    yield from (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                Path.home() / ".local/share/fonts", Path.home() / ".fonts")
    for package, sub in (("matplotlib", "mpl-data/fonts/ttf"), ("reportlab", "fonts")):
        spec = importlib.util.find_spec(package)
        if spec and spec.origin:
            yield Path(spec.origin).parent / sub


def find_fonts() -> list[Path]:
    found: dict[str, Path] = {}
    for folder in font_dirs():
        if folder.is_dir():
            for path in sorted(folder.rglob("*.ttf")):
                found.setdefault(path.name, path)
    for regular, bold, italic, bold_italic in FONT_FAMILIES:
        if regular in found and bold in found:
            return [found[regular], found[bold], found.get(italic, found[regular]),
                    found.get(bold_italic, found[bold])]
    sys.exit("make_samples: no TrueType font with Vietnamese glyphs found for the PDFs "
             "(DejaVu Serif or DejaVu Sans, regular and bold) in $SAMPLES_FONT_DIR, "
             "/usr/share/fonts, ~/.fonts or matplotlib's fonts.\n"
             "Install them with `apt-get install -y fonts-dejavu-core fonts-dejavu-extra`, "
             "or set SAMPLES_FONT_DIR to a folder holding DejaVuSerif*.ttf.")


# --- PDF ------------------------------------------------------------------------------

PDF_FONTS = ["Sample", "Sample-Bold", "Sample-Italic", "Sample-BoldItalic"]
PDF_ALIGN = {"center": TA_CENTER, "right": TA_RIGHT, "left": TA_LEFT, "justify": TA_JUSTIFY}


def pdf_paragraph(line: Line, size: float, in_cell: bool = False) -> Paragraph:
    align = "center" if in_cell and line.align == "justify" else line.align
    size = size - 1.5 if "s" in line.flags else size
    style = ParagraphStyle(
        "p", fontName=PDF_FONTS[("b" in line.flags) + 2 * ("i" in line.flags)], fontSize=size,
        leading=size * 1.3, alignment=PDF_ALIGN[align], firstLineIndent=1 * cm if align == "justify" else 0,
        spaceAfter=0 if in_cell else 4)
    return Paragraph(html.escape(line.text, quote=False) or "&nbsp;", style)


def pdf_table(block: Block, width: float) -> Table:
    """A cols block as a borderless table (cells side by side), a table block with a grid."""
    widths = [share * width for share in block.widths]
    if block.kind == "cols":
        data = [[[pdf_paragraph(line, 11, in_cell=True) for line in cell] for cell in row] for row in block.rows]
        table = Table(data, colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
        return table
    data = [[pdf_paragraph(table_cell(cell[0], r == 0), 9.5, in_cell=True) for cell in row]
            for r, row in enumerate(block.rows)]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return table


def pdf_page_number(canvas, doc) -> None:
    # Nghị định 30/2020, Phụ lục I: from page 2 the number is centred in the top margin.
    canvas.setFont(PDF_FONTS[0], 11)
    canvas.drawCentredString(doc.leftMargin + doc.width / 2, A4[1] - 1.2 * cm, str(doc.page))


def to_pdf(sample: Sample, fonts: list[Path]) -> bytes:
    for name, path in zip(PDF_FONTS, fonts):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    doc = SimpleDocTemplate(
        io.BytesIO(), pagesize=A4, leftMargin=3 * cm, rightMargin=1.5 * cm, topMargin=2 * cm,
        bottomMargin=2 * cm, title=sample.get("title"), author=AUTHOR, subject=sample.output,
        creator="scripts/make_samples.py", lang="vi-VN", invariant=1)
    story = []
    for block in sample.blocks:
        if block.kind == "line":
            story.append(pdf_paragraph(block.lines[0], 12.5))
        elif block.kind in ("cols", "table"):
            story += [pdf_table(block, doc.width), Spacer(1, 8)]
    doc.build(story, onLaterPages=pdf_page_number)
    return doc.filename.getvalue()


# --- DOCX -----------------------------------------------------------------------------

# w:tblPr children that the schema puts after w:tblBorders (Word rejects them out of order)
LATER_THAN_BORDERS = {"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name
                      for name in ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")}


DOCX_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
              "left": WD_ALIGN_PARAGRAPH.LEFT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
DOCX_TEXT_WIDTH = 16.5  # cm: A4 less the margins of Nghị định 30 (left 3 cm, right 1.5 cm)


def docx_paragraph(paragraph, line: Line, size: float, in_cell: bool = False) -> None:
    align = "center" if in_cell and line.align == "justify" else line.align
    paragraph.alignment = DOCX_ALIGN[align]
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0 if in_cell else 6)
    if align == "justify":
        fmt.first_line_indent = Cm(1)
    run = paragraph.add_run(line.text)
    run.bold, run.italic = "b" in line.flags or None, "i" in line.flags or None
    run.font.size = Pt(size - 1 if "s" in line.flags else size)


def without_borders(table) -> None:
    """Header and signature blocks: two columns with no lines, as the Word templates set them."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties = table._tbl.tblPr
    later = [child for child in properties if child.tag in LATER_THAN_BORDERS]
    later[0].addprevious(borders) if later else properties.append(borders)


def docx_table(document, block: Block) -> None:
    framed = block.kind == "table"
    table = document.add_table(rows=len(block.rows), cols=len(block.widths))
    table.autofit = False
    if framed:
        table.style = document.styles["Table Grid"]
    else:
        without_borders(table)
    for c, share in enumerate(block.widths):
        table.columns[c].width = Cm(DOCX_TEXT_WIDTH * share)
    for r, row in enumerate(block.rows):
        for c, lines in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Cm(DOCX_TEXT_WIDTH * block.widths[c])
            for k, line in enumerate(lines or [Line("")]):
                paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                docx_paragraph(paragraph, table_cell(line, r == 0) if framed else line, 12, in_cell=True)


def to_docx(sample: Sample) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Times New Roman")
    for block in sample.blocks:
        if block.kind == "line":
            docx_paragraph(document.add_paragraph(), block.lines[0], 14)
        elif block.kind in ("cols", "table"):
            docx_table(document, block)
            document.add_paragraph().paragraph_format.space_after = Pt(0)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = sample.get("title"), AUTHOR, AUTHOR
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


def stable_zip(data: bytes) -> bytes:
    """The same archive with fixed entry timestamps: zipfile stamps entries with the clock."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type, entry.create_system = zipfile.ZIP_DEFLATED, 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()


# --- main -----------------------------------------------------------------------------

def build(sample: Sample, fonts: list[Path] | None) -> bytes:
    suffix = Path(sample.output).suffix.lower()
    if suffix == ".txt":
        return to_txt(sample)
    if suffix in (".html", ".htm"):
        return to_html(sample)
    if suffix == ".pdf":
        return to_pdf(sample, fonts or find_fonts())
    if suffix == ".docx":
        return to_docx(sample)
    raise MarkupError(f"{sample.source.name}: no writer for '{suffix}'")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=CORPUS, help="output folder (default: corpus/)")
    args = parser.parse_args(argv)
    samples = [parse(path) for path in sorted(SAMPLES.glob("s*.txt"))]
    fonts = find_fonts() if any(s.output.lower().endswith(".pdf") for s in samples) else None
    args.out.mkdir(parents=True, exist_ok=True)
    for sample in samples:
        data = build(sample, fonts)
        (args.out / sample.output).write_bytes(data)
        print(f"{sample.output}  {len(data):>7} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
