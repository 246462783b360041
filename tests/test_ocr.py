"""Scanned pages through OCR: reading order, slant, the seal, garbage text layers; and the
word-level repairs of what Tesseract reads.

The scans are drawn here with Pillow and DejaVu Sans from text the team wrote; tests that need
Tesseract skip, saying so, where it is not installed. The test over the shared corpus skips
when /work/shared is not there.
"""
from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest

from pipeline.load import ocr
from pipeline.load.ocr import marks, scan, words
from pipeline.load import pdf as reader
from tests.conftest import FONT_CANDIDATES, ROOT, SHARED

DPI = 300

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỒNG XUÂN", "Số: 15/KH-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Đồng Xuân, ngày 12 tháng 5 năm 2024"]
TITLE = ["KẾ HOẠCH", "Phòng, chống hạn hán mùa khô năm 2024"]
BODY = ["Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về công tác",
        "phòng, chống hạn hán, Ủy ban nhân dân huyện ban hành kế",
        "hoạch triển khai trên địa bàn huyện như sau:",
        "1. Phòng Nông nghiệp và Phát triển nông thôn chủ trì,",
        "phối hợp với các xã rà soát nguồn nước tưới cho lúa,",
        "hoàn thành trước ngày 30 tháng 5 năm 2024.",
        "2. Các xã kiểm tra hồ chứa, kênh mương nội đồng và báo",
        "cáo kết quả về Ủy ban nhân dân huyện hằng tháng."]
CLOSING_LEFT = ["Nơi nhận:", "- UBND tỉnh (để b/c);", "- Các xã, thị trấn;", "- Lưu: VT."]
CLOSING_RIGHT = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
SIGNER = "Nguyễn Văn Bình"
READING_ORDER = HEADER_LEFT + HEADER_RIGHT + TITLE + BODY + CLOSING_LEFT + CLOSING_RIGHT + [SIGNER]


def _needs_tesseract():
    missing = ocr.unavailable()
    if missing:
        pytest.skip(f"OCR is not available: {missing}")


def _font_path() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    pytest.skip("no DejaVuSans.ttf (a TTF with Vietnamese glyphs): apt-get install fonts-dejavu-core")


def _cer():
    spec = importlib.util.spec_from_file_location("reader_cer", ROOT / "scripts" / "reader_cer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.cer


# --- drawing scans ---------------------------------------------------------------------------

def _page(seal: bool = False, slant: float = 0.0):
    """An A4 Kế hoạch at 300 dpi laid out as Nghị định 30/2020 has it, as a scanner sees it."""
    from PIL import Image, ImageDraw, ImageFont

    path = _font_path()
    small, body = ImageFont.truetype(path, 40), ImageFont.truetype(path, 48)
    image = Image.new("RGB", (2480, 3508), "white")
    draw = ImageDraw.Draw(image)

    def lines(x, y, texts, font, step):
        for i, text in enumerate(texts):
            draw.text((x, y + i * step), text, font=font, fill=(20, 20, 20))

    lines(200, 250, HEADER_LEFT, small, 70)
    lines(1150, 250, HEADER_RIGHT, small, 70)
    for i, text in enumerate(TITLE):
        width = draw.textlength(text, font=body)
        draw.text(((2480 - width) / 2, 560 + i * 80, ), text, font=body, fill=(20, 20, 20))
    lines(250, 800, BODY, body, 85)
    lines(250, 1600, CLOSING_LEFT, small, 60)
    lines(1500, 1600, CLOSING_RIGHT, small, 70)
    lines(1500, 1950, [SIGNER], small, 70)
    if seal:  # a red seal over the left of the signature block: its ink darkens the print under it
        from PIL import ImageChops

        stamp = Image.new("RGB", image.size, "white")
        ring = ImageDraw.Draw(stamp)
        ring.ellipse((1180, 1640, 1580, 2040), outline=(225, 50, 50), width=14)
        ring.ellipse((1230, 1690, 1530, 1990), outline=(225, 50, 50), width=5)
        ring.text((1355, 1810), "★", font=body, fill=(225, 50, 50))
        image = ImageChops.multiply(image, stamp)
    if slant:
        image = image.rotate(slant, resample=Image.Resampling.BICUBIC, fillcolor="white")
    return image


def _scan_pdf(path: Path, *images) -> Path:
    first, *rest = images
    first.save(path, "PDF", resolution=DPI, save_all=True, append_images=rest)
    return path


def _lines(text: str) -> list[str]:
    return [unicodedata.normalize("NFC", line) for line in text.split("\n") if line.strip()]


def _in_order(text: str, expected: list[str]) -> bool:
    """Whether the expected lines' first words come in this order in the text."""
    positions = [text.find(line.split()[0] + " " + line.split()[1]) if len(line.split()) > 1 else text.find(line)
                 for line in expected]
    return all(p >= 0 for p in positions) and positions == sorted(positions)


# --- scanned pages ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    _needs_tesseract()
    folder = tmp_path_factory.mktemp("scans")
    return {name: reader.read(_scan_pdf(folder / f"{name}.pdf", _page(**options)))
            for name, options in (("straight", {}), ("slanted", {"slant": 1.5}), ("sealed", {"seal": True}))}


@pytest.mark.parametrize("name", ["straight", "slanted", "sealed"])
def test_scan_reads_close_to_what_was_printed(scanned, name):
    loaded = scanned[name]
    assert not loaded.unreadable and loaded.extra["ocr"] is True
    assert loaded.warnings == []
    [confidence] = loaded.extra["ocr_confidence"]
    assert 0.8 <= confidence <= 1.0
    assert _cer()(loaded.text, "\n".join(READING_ORDER)) <= 0.05, loaded.text


@pytest.mark.parametrize("name", ["straight", "slanted", "sealed"])
def test_header_and_closing_columns_read_column_by_column(scanned, name):
    text = scanned[name].text
    assert _in_order(text, [HEADER_LEFT[0], HEADER_LEFT[2], HEADER_RIGHT[0], HEADER_RIGHT[2], TITLE[0]]), text
    assert _in_order(text, [CLOSING_LEFT[0], CLOSING_LEFT[-1], CLOSING_RIGHT[0], SIGNER]), text


def test_text_layer_page_stays_text_beside_a_scanned_one(tmp_path):
    _needs_tesseract()
    reportlab = pytest.importorskip("reportlab", reason="reportlab (a dev dependency) draws the text layer")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", _font_path()))
    path = tmp_path / "hai-trang.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("DejaVu", 11)
    for i, line in enumerate(BODY):
        c.drawString(70, 780 - 16 * i, line)
    c.showPage()
    c.drawImage(ImageReader(_page()), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    loaded = reader.read(path)
    first, second = loaded.extra["ocr_confidence"]
    assert first is None and second > 0.8
    assert _lines(loaded.text)[:len(BODY)] == BODY
    assert SIGNER in loaded.text


def test_garbage_text_layer_is_read_by_ocr(tmp_path):
    """A scan under an invisible text layer whose font lost the high byte of every letter
    ("Việt" → "Vi\\xc7t"): no font table maps it back, so the page image is read instead."""
    _needs_tesseract()
    pytest.importorskip("reportlab", reason="reportlab (a dev dependency) draws the text layer")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "lop-chu-hong.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(_page()), 0, 0, width=A4[0], height=A4[1])
    text = c.beginText(70, 780)
    text.setTextRenderMode(3)  # invisible, as OCR software lays its text over a scan
    text.setFont("Helvetica", 11)
    for line in READING_ORDER:
        text.textLine("".join(chr(ord(ch) & 0xFF) if ord(ch) > 0xFF else ch for ch in line))
    c.drawText(text)
    c.showPage()
    c.save()
    loaded = reader.read(path)
    assert loaded.warnings == ["page 1: text layer is not Unicode (a broken font): read by OCR instead"]
    assert loaded.extra["ocr"] is True
    assert _cer()(loaded.text, "\n".join(READING_ORDER)) <= 0.05


@pytest.mark.parametrize("angle", [-2.5, -1.0, 0.0, 1.5, 3.0])
def test_skew_is_measured(angle):
    from PIL import Image

    page = _page().convert("L")
    turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert scan.skew(turned) == pytest.approx(-angle, abs=0.3)


# --- word-level repairs ----------------------------------------------------------------------

def _words(text: str) -> list[tuple[dict, float]]:
    return [({"text": word, "x0": 10.0 * i, "x1": 10.0 * i + 8, "top": 0.0, "bottom": 10.0}, 90.0)
            for i, word in enumerate(text.split())]


@pytest.mark.parametrize("read, meant", [
    ("các xã kiêm tra hồ chứa", "các xã kiểm tra hồ chứa"),      # tone over a circumflex lost
    ("đê nghị Sở Tài chính", "đề nghị Sở Tài chính"),
    ("lập Hồ so dự án", "lập Hồ sơ dự án"),                      # horn lost
    ("tông hợp kết quả", "tổng hợp kết quả"),
    # left alone: words as they stand, names, what a dictionary word vouches for
    ("trách nhiệm của mình", "trách nhiệm của mình"),
    ("địa phương liên quan", "địa phương liên quan"),
    ("ông Trần Văn Long", "ông Trần Văn Long"),
    ("cho người dân", "cho người dân"),
    ("chi tiết một số điều", "chi tiết một số điều"),
])
def test_lost_marks_restored(read, meant):
    pytest.importorskip("underthesea", reason="the dictionary is underthesea's word list")
    assert " ".join(w["text"] for w, _ in marks.corrected(_words(read))) == meant


@pytest.mark.parametrize("read, meant", [
    ("ngày24 tháng 5", "ngày 24 tháng 5"),
    ("ngày 12 5tháng", "ngày 12 5 tháng"),
    ("năm2024,", "năm 2024,"),
    ("V01, PC04 và km2", "V01, PC04 và km2"),   # codes and units stay whole
])
def test_glued_numbers_are_cut_apart(read, meant):
    assert " ".join(w["text"] for w, _ in words.unglued(_words(read))) == meant


# --- the shared corpus -----------------------------------------------------------------------

@pytest.mark.parametrize("pattern", ["p03_*.pdf", "p05_*.pdf"])
def test_shared_scans_are_close_to_their_transcripts(pattern):
    _needs_tesseract()
    if not (SHARED / "corpus").is_dir() or not (SHARED / "transcripts").is_dir():
        pytest.skip(f"{SHARED} (the shared corpus and transcripts) is not on this machine")
    found = sorted((SHARED / "corpus").glob(pattern))
    if not found:
        pytest.skip(f"no {pattern} in {SHARED / 'corpus'}")
    for path in found:
        loaded = reader.read(path)
        transcript = (SHARED / "transcripts" / f"{path.stem}.txt").read_text(encoding="utf-8")
        assert loaded.extra["ocr"] is True and not loaded.unreadable
        assert _cer()(loaded.text, transcript) <= 0.05, path.name
