"""The PDF reader: reading order of two-column blocks, ruled tables, scans, legacy fonts, errors.

The PDFs are drawn here with reportlab from text the team wrote; the test over the
shared corpus skips when /work/shared is not there.
"""
from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import FONT_CANDIDATES, SHARED, reader_cer

from pipeline.core.errors import ReadError
from pipeline.load import pdf as reader

reportlab = pytest.importorskip("reportlab", reason="reportlab (a dev dependency) draws the test PDFs")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402


HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH", "Số: 27/KH-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Hòa Bình, ngày 05 tháng 3 năm 2024"]
TITLE = ["KẾ HOẠCH", "Phòng, chống thiên tai năm 2024 trên địa bàn xã"]
BODY = ["Thực hiện chỉ đạo của Ủy ban nhân dân huyện về công tác phòng, chống thiên",
        "tai năm 2024, Ủy ban nhân dân xã ban hành kế hoạch triển khai như sau:",
        "1. Ban Chỉ huy phòng, chống thiên tai xã rà soát phương án sơ tán dân cư",
        "vùng trũng thấp, hoàn thành trước ngày 30 tháng 4 năm 2024."]
CLOSING_LEFT = ["Nơi nhận:", "- UBND huyện (để b/c);", "- Các thôn trong xã;", "- Đảng ủy xã;", "- Lưu: VT."]
CLOSING_RIGHT = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
SIGNER = "Trần Văn Bình"

# TCVN3 text shown through a Unicode font: what a legacy-font layer reads as.
TCVN3_LINES = ["Céng hoµ x· héi chñ nghÜa ViÖt Nam", "§éc lËp - Tù do - H¹nh phóc",
               "Uû ban nh©n d©n x· Hoµ B×nh ban hµnh kÕ ho¹ch",
               "phßng, chèng lôt b·o n¨m 2024 trªn ®Þa bµn x·"]


def _font_path() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    pytest.skip("no DejaVuSans.ttf (a TTF with Vietnamese glyphs) on this machine: "
                "apt-get install fonts-dejavu-core")


@pytest.fixture(scope="module")
def font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVu", _font_path()))
    return "DejaVu"


def _lines(text: str) -> list[str]:
    return [unicodedata.normalize("NFC", line) for line in text.split("\n")]


def _draw_lines(c, font: str, x: float, y: float, lines: list[str], size: float = 11, step: float = 16):
    c.setFont(font, size)
    for i, line in enumerate(lines):
        c.drawString(x, y - i * step, line)


def _official_page(c, font: str) -> None:
    """A Kế hoạch laid out as Nghị định 30/2020 has it: two-column header and closing."""
    _draw_lines(c, font, 80, 790, HEADER_LEFT)
    _draw_lines(c, font, 300, 790, HEADER_RIGHT)
    c.setFont(font, 12)
    c.drawCentredString(297, 720, TITLE[0])
    c.drawCentredString(297, 704, TITLE[1])
    _draw_lines(c, font, 70, 670, BODY)
    _draw_lines(c, font, 70, 580, CLOSING_LEFT, size=10, step=13)
    _draw_lines(c, font, 330, 580, CLOSING_RIGHT)
    _draw_lines(c, font, 345, 528, [SIGNER])


def _save(path: Path, draw) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    draw(c)
    c.save()
    return path


def _scan(c) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (120, 170), color=200)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.showPage()


# --- reading order ---------------------------------------------------------------------------

def test_header_and_closing_read_column_by_column(tmp_path, font):
    path = _save(tmp_path / "ke-hoach.pdf", lambda c: _official_page(c, font))
    loaded = reader.read(path)
    assert loaded.format == "pdf" and loaded.pages == 1
    assert not loaded.unreadable and loaded.warnings == []
    expected = (HEADER_LEFT + HEADER_RIGHT + TITLE + BODY + CLOSING_LEFT + CLOSING_RIGHT + [SIGNER])
    assert _lines(loaded.text) == expected


def test_rotated_watermark_and_margin_note_are_left_out(tmp_path, font):
    def draw(c):
        _official_page(c, font)
        for x, y, angle, size, text in ((300, 400, 45, 30, "BẢN DỰ THẢO"), (30, 300, 90, 8, "Ký số bởi: Văn phòng")):
            c.saveState()
            c.translate(x, y)
            c.rotate(angle)
            c.setFont(font, size)
            c.drawString(0, 0, text)
            c.restoreState()

    loaded = reader.read(_save(tmp_path / "du-thao.pdf", draw))
    assert _lines(loaded.text) == (HEADER_LEFT + HEADER_RIGHT + TITLE + BODY + CLOSING_LEFT
                                   + CLOSING_RIGHT + [SIGNER])


def test_ruled_table_reads_row_by_row(tmp_path, font):
    rows = [(["Nội dung"], ["Cơ quan chủ trì"], ["Thời gian"]),
            (["Rà soát phương án sơ tán", "dân cư vùng trũng thấp"], ["Công an xã"], ["Tháng 4/2024"]),
            (["Kiểm tra đê bao và", "cống tiêu nước"], ["Ban Chỉ huy quân sự xã"], ["Tháng 5/2024"])]

    def draw(c):
        top = 760
        for cells in rows:
            c.line(65, top + 14, 560, top + 14)  # the border above the row
            for x, cell in zip((70, 300, 460), cells):
                _draw_lines(c, font, x, top, cell)
            top -= 16 * max(len(cell) for cell in cells) + 8
        c.line(65, top + 14, 560, top + 14)

    loaded = reader.read(_save(tmp_path / "bang.pdf", draw))
    expected = [line for cells in rows for cell in cells for line in cell]
    assert _lines(loaded.text) == expected


def test_pages_are_joined_in_order(tmp_path, font):
    def draw(c):
        _draw_lines(c, font, 70, 780, BODY[:2])
        c.showPage()
        _draw_lines(c, font, 70, 780, BODY[2:])

    loaded = reader.read(_save(tmp_path / "hai-trang.pdf", draw))
    assert loaded.pages == 2
    assert _lines(loaded.text) == BODY


# --- pages without usable text ---------------------------------------------------------------

def test_scan_is_unreadable(tmp_path):
    # A blank grey scan: OCR finds no text on it, or is not installed.
    from pipeline.load import ocr

    loaded = reader.read(_save(tmp_path / "scan.pdf", _scan))
    assert loaded.unreadable
    missing = ocr.unavailable()
    assert loaded.warnings == [reader.NO_OCR_WARNING.format(missing) if missing else reader.SCAN_WARNING]


def test_one_scanned_page_is_a_page_warning(tmp_path, font):
    def draw(c):
        _official_page(c, font)
        c.showPage()
        _scan(c)

    loaded = reader.read(_save(tmp_path / "mixed.pdf", draw))
    assert not loaded.unreadable and loaded.pages == 2
    assert len(loaded.warnings) == 1 and loaded.warnings[0].startswith("page 2: no text layer")
    assert _lines(loaded.text)[0] == HEADER_LEFT[0]


def test_legacy_font_layer_is_converted(tmp_path):
    # Helvetica draws the Latin-1 characters a TCVN3 font's glyphs are mapped to.
    loaded = reader.read(_save(tmp_path / "tcvn3.pdf", lambda c: _draw_lines(c, "Helvetica", 70, 780, TCVN3_LINES)))
    assert not loaded.unreadable and "ocr" not in loaded.extra
    assert loaded.warnings == ["legacy font converted: TCVN3"]
    assert _lines(loaded.text)[:2] == ["Cộng hoà xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc"]


def test_blank_page_is_unreadable_without_a_scan_warning(tmp_path):
    loaded = reader.read(_save(tmp_path / "blank.pdf", lambda c: c.showPage()))
    assert loaded.unreadable and loaded.warnings == [reader.BLANK_WARNING]


@pytest.mark.parametrize("text, unicode", [
    ("Ủy ban nhân dân xã giao Công an xã chủ trì rà soát, báo cáo kết quả trước ngày 15 hằng tháng; "
     "Ban Chỉ huy quân sự xã phối hợp thực hiện.", True),
    ("Sở NN&PTNT, UBND các huyện, HĐND tỉnh thực hiện Nghị định số 30/2020/NĐ-CP, Quyết định "
     "số 12/QĐ-UBND, Công văn số 45/UBND-KT; đ) Đắk Lắk, Jút.", True),
    (" ".join(TCVN3_LINES), False),
    # VNI text read as Unicode
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam Ñoäc laäp - Töï do - Haïnh phuùc UÛy ban nhaân daân", False),
    ("BØC ÔNG AN CØNG HOÀ (cid:16) HØI CHæN VIÆT (cid:3) Tå H¡nh r°¡ng tri¿n thñce hiÇn nghiÇn tñ", False),
    ("Viêt Nam", True),  # too few words to judge: given the benefit of the doubt
])
def test_looks_unicode(text, unicode):
    assert reader._looks_unicode(text) is unicode


# --- files that cannot be opened -------------------------------------------------------------

def _zero_page_pdf() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def _plain_pdf(encrypt=None) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    for number in range(3):
        _draw_lines(c, "Helvetica", 70, 780, [f"Trang {number}: noi dung van ban"] * 3)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _truncated_pdf() -> bytes:
    data = _plain_pdf()
    return data[: len(data) // 2]


def _encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return _plain_pdf(StandardEncryption("mat-khau", canPrint=0))


@pytest.mark.parametrize("make, message", [
    (_zero_page_pdf, "no pages"),
    (_truncated_pdf, "truncated"),
    (_encrypted_pdf, "encrypted"),
    (lambda: b"", "empty file"),
    (lambda: "Văn bản thường, không phải PDF".encode(), "not a PDF"),
])
def test_unopenable_files_raise_read_error(tmp_path, make, message):
    path = tmp_path / "hong.pdf"
    path.write_bytes(make())
    with pytest.raises(ReadError, match=message):
        reader.read(path)


# --- the shared corpus -----------------------------------------------------------------------

def _shared(pattern: str) -> list[Path]:
    if not (SHARED / "corpus").is_dir() or not (SHARED / "transcripts").is_dir():
        pytest.skip(f"{SHARED} (the shared corpus and transcripts) is not on this machine")
    found = sorted((SHARED / "corpus").glob(pattern))
    if not found:
        pytest.skip(f"no {pattern} in {SHARED / 'corpus'}")
    return found


def test_shared_text_layer_is_close_to_its_transcript():
    cer = reader_cer().cer
    for path in _shared("p01_*.pdf"):
        transcript = (SHARED / "transcripts" / f"{path.stem}.txt").read_text(encoding="utf-8")
        assert cer(reader.read(path).text, transcript) < 0.05, path.name


@pytest.mark.parametrize("pattern", ["p03_*.pdf", "p05_*.pdf"])
def test_shared_unusable_text_layers_are_detected(pattern):
    # A garbage layer no font table maps back (p03) and a scan (p05) go to OCR where it is
    # installed (tests/test_ocr.py measures what it reads), and are unreadable where it is not.
    from pipeline.load import ocr

    for path in _shared(pattern):
        loaded = reader.read(path)
        if ocr.unavailable():
            assert loaded.unreadable, path.name
        else:
            assert not loaded.unreadable and loaded.extra["ocr"] is True, path.name


@pytest.mark.parametrize("matrix", [
    (1, 0, 0, 1, 50, 800), (12.0, 0.0, 0.0, 12.0, 0, 0), (1, -0.0, 0.0, 1, 0, 0),   # upright: not tested
    (1, 0.005, 0, 1, 0, 0), (10, 0, 0.05, 10, 0, 0),            # a shear too small to be slanted
    (0.707, 0.707, -0.707, 0.707, 0, 0), (0, 1, -1, 0, 0, 0),   # 45 and 90 degrees: slanted
    (1, 0, 0.5, 1, 0, 0), (float("nan"), 0.3, 0, 1, 0, 0),      # shear in c alone; a broken matrix
    None,                                                       # no matrix at all
])
def test_a_page_loses_its_slanted_characters_alone(matrix):
    # _straight tests only sheared characters: the page it gives is the one the full test gives.
    from pipeline.load import pdf as reader

    class Page:
        def __init__(self, chars):
            self.chars = chars

        def filter(self, keep):
            return Page([c for c in self.chars if keep(c)])

    odd = {"object_type": "char"} if matrix is None else {"object_type": "char", "matrix": matrix}
    upright = [{"object_type": "char", "matrix": (1, 0, 0, 1, 10.0 * i, 0)} for i in range(3)]
    page = Page([odd] + upright)
    straight = reader._straight(page)
    expected = upright if reader._slanted(odd) else [odd] + upright
    assert straight.chars == expected
