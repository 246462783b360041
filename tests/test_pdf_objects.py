"""pdf_objects.parse_objects gives what pdfplumber's Page.parse_objects gives: the same dicts, keys
in the same order, objects in the same order, on pages drawn here (text in two fonts, colours,
a rotated line, rules and a filled box, a cropped page, a media box off the origin, marked content)
and on the project's own PDFs; and its device makes each character as pdfplumber makes it from
pdfminer's, whatever the font (vertical, a name in bytes or by reference, an undefined glyph)."""
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


def _drawn(cropped: bool = False, shifted: bool = False) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    font = _font() or "Helvetica"
    for page in range(2):
        if cropped:
            c.setCropBox((20, 30, 560, 800))
        c.setFont(font, 11)
        c.setFillColorRGB(0.8, 0.1, 0.1)
        for i, line in enumerate(LINES):
            c._code.append(f"/P <</MCID {i}>> BDC")      # marked content, as tagged PDFs have it
            c.drawString(70, 760 - 18 * i, f"{line} ({page})")
            c._code.append("EMC")
        c._code.append("/Artifact <</MCID 9>> BDC 10 10 m S EMC")   # a path of a lone point
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
    data = buffer.getvalue()
    if shifted:   # the media box moved off the origin, in as many bytes (the offsets stay right)
        assert b"/MediaBox [ 0 0 " in data
        data = data.replace(b"/MediaBox [ 0 0 ", b"/MediaBox [ 9 7 ")
    return data


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


@pytest.mark.parametrize("cropped, shifted", [(False, False), (True, False), (False, True)])
def test_drawn_pages_parse_alike(cropped, shifted):
    with pdfplumber.open(io.BytesIO(_drawn(cropped, shifted))) as pdf:
        if shifted:
            assert pdf.pages[0].mediabox[0] == 9      # x0 off the origin: characters shift by it
        assert _assert_same(pdf) == 2
        assert pdf.pages[0].chars[0]["mcid"] == 0 and pdf.pages[0].chars[0]["tag"] == "P"


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


class _Font:
    """Enough of a pdfminer font for a device to draw a character with."""

    def __init__(self, fontname="ABCDEF+TimesNewRoman", vertical=False, disp=(None, 880), text="ệ"):
        self.fontname, self.vertical, self.disp, self.text = fontname, vertical, disp, text

    def to_unichr(self, cid):
        if self.text is None:
            from pdfminer.pdffont import PDFUnicodeNotDefined
            raise PDFUnicodeNotDefined(None, cid)
        return self.text

    def char_width(self, cid):
        return 0.611

    def char_disp(self, cid):
        return self.disp if self.vertical else 0

    def is_vertical(self):
        return self.vertical

    def get_descent(self):
        return -0.216


def _drawn_alike(font, matrix, mcid=None, tag=None, then_tag=None) -> tuple[dict, dict]:
    """One character drawn by our device and by pdfplumber's (then made a dict by pdfplumber), with
    the marked content `mcid`/`tag`; `then_tag`: a later path that drew nothing tags it again."""
    from pdfminer.pdfcolor import PDFColorSpace
    from pdfminer.pdfinterp import PDFGraphicState
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    with pdfplumber.open(io.BytesIO(_drawn(shifted=True))) as pdf:
        page = pdf.pages[0]
        ours = pdf_objects._CharDevice(page)
        theirs = PDFPageAggregatorWithMarkedContent(pdf.rsrcmgr, pageno=page.page_number, laparams=None)
        state = PDFGraphicState()
        state.scolor, state.ncolor = 0.5, (0.8, 0.1, 0.1)
        made = []
        for device in (ours, theirs):
            device.begin_page(page.page_obj, (1, 0, 0, 1, 0, 0))
            device.cur_mcid, device.cur_tag = mcid, tag
            device.render_char(matrix, font, 11.0, 1.0, 0.5, 42, PDFColorSpace("DeviceRGB", 3), state)
            if then_tag is not None:
                device.cur_mcid, device.cur_tag = then_tag
                device.tag_cur_item()
            made.append(device.cur_item._objs[-1])
        return made[0], page.process_object(made[1])


@pytest.mark.parametrize("font, matrix, marked", [
    (_Font(), (11.0, 0, 0, 11.0, 72.5, 700.25), {}),                            # upright text
    (_Font(), (0, 11.0, -11.0, 0, 300, 300), {}),                               # turned a quarter
    (_Font(), (7.78, 7.78, -7.78, 7.78, 300, 300), {}),                         # a 45° watermark
    (_Font(), (-11.0, 0, 0, 11.0, 400, 500), {}),                               # mirrored
    (_Font(), (11.0, 0, 2.2, 11.0, 72, 650), {}),                               # slanted
    (_Font(vertical=True), (11.0, 0, 0, 11.0, 500, 700), {}),                   # vertical, no displacement
    (_Font(vertical=True, disp=(420, 880)), (11.0, 0, 0, 11.0, 500, 700), {}),
    (_Font(text=None), (11.0, 0, 0, 11.0, 72, 600), {}),                        # no Unicode for the glyph
    (_Font(fontname=b"ABCDEF+Times\xe9"), (11.0, 0, 0, 11.0, 72, 600), {}),     # a font named in bytes
    (_Font(fontname="ref 10"), (11.0, 0, 0, 11.0, 72, 600), {}),                # … by reference
    (_Font(), (11.0, 0, 0, 11.0, 72, 600), {"mcid": 3, "tag": "P"}),            # marked content
    (_Font(), (11.0, 0, 0, 11.0, 72, 600), {"mcid": "ref 9", "tag": "ref 10"}),
    (_Font(), (11.0, 0, 0, 11.0, 72, 600), {"mcid": 3, "tag": "P", "then_tag": (None, None)}),
    (_Font(), (11.0, 0, 0, 11.0, 72, 600), {"then_tag": ("ref 9", "Artifact")}),
], ids=lambda v: "" if not isinstance(v, dict) else ",".join(v))
def test_a_character_is_made_as_pdfplumber_makes_it(font, matrix, marked):
    from pdfminer.pdftypes import PDFObjRef

    def real(value):
        if isinstance(value, str) and value.startswith("ref "):
            return PDFObjRef(_Document(), int(value[4:]))
        if isinstance(value, tuple):
            return tuple(real(v) for v in value)
        return value

    font.fontname = real(font.fontname)
    ours, theirs = _drawn_alike(font, matrix, **{name: real(value) for name, value in marked.items()})
    assert list(ours.items()) == list(theirs.items())
    assert "PDFObjRef" not in repr(ours)                  # references resolved, as pdfplumber resolves them


def test_a_pdfminer_that_draws_characters_otherwise_is_left_to_pdfplumber(monkeypatch):
    monkeypatch.setattr(pdf_objects, "_DRAWS_CHARS_AS_EXPECTED", False)
    with pdfplumber.open(io.BytesIO(_drawn())) as pdf:
        page = pdf.pages[0]
        assert pdf_objects.parse_objects(page) == page.parse_objects()
