"""The .pdf writer: reportlab in invariant mode, with the TrueType fonts it is given."""
from __future__ import annotations

import html
import io
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import AUTHOR
from .markup import Block, Line, Sample, table_cell

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
