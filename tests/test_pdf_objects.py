"""pdf_objects.parse_objects gives what pdfplumber's Page.parse_objects gives: the same dicts, keys
in the same order, objects in the same order, on pages drawn here (text in two fonts, colours,
a rotated line, rules and a filled box, a cropped media box) and on the project's own PDFs."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import FONT_CANDIDATES, ROOT, SHARED

pdfplumber = pytest.importorskip("pdfplumber")
reportlab = pytest.importorskip("reportlab", reason="reportlab (a dev dependency) draws the test PDFs")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from pipeline.load import pdf_objects  # noqa: E402

LINES = ["ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "Số: 12/KH-UBND", "Kế hoạch trồng 1.500 cây xanh năm 2025",
         "Giao Phòng Kinh tế chủ trì, báo cáo trước ngày 15/7/2025."]


def _font() -> str | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            pdfmetrics.registerFont(TTFont("DejaVuObjects", candidate))
            return "DejaVuObjects"
    return None


def _drawn(cropped: bool = False) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    font = _font() or "Helvetica"
    for page in range(2):
        if cropped:
            c.setCropBox((20, 30, 560, 800))
        c.setFont(font, 11)
        c.setFillColorRGB(0.8, 0.1, 0.1)
        for i, line in enumerate(LINES):
            c.drawString(70, 760 - 18 * i, f"{line} ({page})")
        c.setFont("Helvetica-Bold", 9)
        c.setFillGray(0.2)
        c.drawString(70, 600, "Noi nhan: - Luu VT")
        c.line(70, 590, 500, 590)
        c.rect(70, 500, 200, 60, fill=1)
        c.saveState()
        c.translate(300, 300)
        c.rotate(45)
        c.drawString(0, 0, "DU THAO")
        c.restoreState()
        c.showPage()
    c.save()
    return buffer.getvalue()


def _assert_same(pdf) -> int:
    pages = 0
    for page in pdf.pages:
        ours = pdf_objects.parse_objects(page)
        theirs = page.parse_objects()
        assert list(ours) == list(theirs)
        for kind in theirs:
            assert [list(o.items()) for o in ours[kind]] == [list(o.items()) for o in theirs[kind]], kind
        pages += 1
        page.close()
    return pages


@pytest.mark.parametrize("cropped", [False, True])
def test_drawn_pages_parse_alike(cropped):
    with pdfplumber.open(io.BytesIO(_drawn(cropped))) as pdf:
        assert _assert_same(pdf) == 2


def _project_pdfs() -> list[Path]:
    return sorted((ROOT / "corpus").glob("*.pdf")) + sorted((SHARED / "corpus").glob("*.pdf"))


@pytest.mark.parametrize("path", _project_pdfs(), ids=lambda p: p.name[:40])
def test_project_pdfs_parse_alike(path):
    with pdfplumber.open(path) as pdf:
        assert _assert_same(pdf) > 0


def test_a_page_read_keeps_the_objects_parsed_here():
    """The reader parses each page once, through pdf_objects, and every later look reads that."""
    from pipeline.load import pdf as reader

    with pdfplumber.open(io.BytesIO(_drawn())) as pdf:
        page = pdf.pages[0]
        parsed = reader._parsed(page)
        assert parsed is page and page.chars is page.objects["char"]
        assert page.objects == page.parse_objects()


class _Document:
    """Enough of a PDF document for a reference to resolve: object 9 is the number 7, 10 a name."""

    def getobj(self, objid):
        return {9: 7, 10: "Tagged"}[objid]


def _char_with(**values):
    """A character of a drawn page, some of its attributes set to `values` (a reference, bytes …)."""
    pdf = pdfplumber.open(io.BytesIO(_drawn()))
    page = pdf.pages[0]
    char = next(o for o in pdf_objects._leaves(page.layout._objs, False) if type(o).__name__ == "LTChar")
    for name, value in values.items():
        setattr(char, name, value)
    return pdf, page, char


@pytest.mark.parametrize("values", [
    {},                                                            # as drawn
    {"mcid": 3, "tag": "P"},                                       # marked content
    {"mcid": "ref 9"},                                             # a marked-content id by reference
    {"tag": "ref 10", "mcid": "ref 9"},
    {"fontname": b"ABCDEF+Times\xe9"},                             # a font name in bytes
    {"fontname": "ref 10"},
    {"stroke": "ref 9"},                                           # an attribute pdfminer may add later
    {"bits": [1, "ref 9"]},                                        # … holding a reference in a list
    {"extra": "ref 9", "_private": 1},                             # attributes pdfplumber leaves out
], ids=lambda v: ",".join(v) or "drawn")
def test_a_character_is_made_as_pdfplumber_makes_it(values):
    from pdfminer.pdftypes import PDFObjRef

    def real(value):
        if isinstance(value, str) and value.startswith("ref "):
            return PDFObjRef(_Document(), int(value[4:]))
        if isinstance(value, list):
            return [real(v) for v in value]
        return value

    pdf, page, char = _char_with(**{name: real(value) for name, value in values.items()})
    with pdf:
        ours, theirs = pdf_objects._CharMaker(page).make(char), page.process_object(char)
        assert list(ours.items()) == list(theirs.items())
        for name, value in values.items():   # references resolved, as pdfplumber resolves them
            if name in ours:
                assert "PDFObjRef" not in repr(ours[name])
