"""The .docx writer (python-docx), with fixed core-property dates and zip timestamps."""
from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from . import AUTHOR, FIXED_TIME
from .markup import Block, Line, Sample, table_cell
from .word_lists import WordLists

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
    lists = WordLists(document) if sample.get("numbering") == "word" else None
    for block in sample.blocks:
        if block.kind == "line":
            paragraph, line = document.add_paragraph(), block.lines[0]
            docx_paragraph(paragraph, lists.number(paragraph, line) if lists else line, 14)
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
