"""Legacy Vietnamese fonts (TCVN3/ABC, VNI) → Unicode: tables, detection, the readers' hook.

Every sentence here is the team's own, typed in Unicode and put into the legacy encodings
by the tables' inverse, so a row can never drift from the tables it tests.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline.load import legacy_fonts as lf
from pipeline.core.doc import Loaded, Table
from tests.conftest import FONT_CANDIDATES

SENTENCES = [
    "Công an xã Hòa Bình rà soát phương án sơ tán dân cư vùng trũng thấp.",
    "Trường tiểu học tổ chức ngày hội đọc sách cho học sinh khối lớp bốn và năm.",
    "Ban Chỉ huy quân sự huyện kiểm tra đê bao, cống tiêu nước trước mùa mưa lũ.",
    "Sở Giáo dục và Đào tạo hướng dẫn các trường rà soát hồ sơ tuyển sinh đầu cấp.",
]
HEADING = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _encode(text: str, encoding: str) -> str:
    """Unicode → the legacy encoding, through the inverse of the table."""
    table = lf._table(encoding)
    inverse = {letter: legacy for legacy, letter in table.items()}
    text = unicodedata.normalize("NFC", text)
    if encoding == lf.TCVN3:  # capitals with marks exist only as the lower-case bytes of a caps font
        return "".join(inverse.get(ch, inverse.get(ch.lower(), ch)) for ch in text)
    return "".join(inverse.get(ch, ch) for ch in text)


def _tcvn3_caps(text: str) -> str:
    """A heading typed in .VnTimeH: plain letters in capitals, Vietnamese ones at lower-case bytes."""
    return "".join(ch if ch.isascii() else _encode(ch.lower(), lf.TCVN3) for ch in text)


# --- the tables ------------------------------------------------------------------------------

VIETNAMESE = sorted(set("đàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"))


@pytest.mark.parametrize("encoding", lf.ENCODINGS)
def test_every_lower_case_letter_has_an_entry(encoding):
    letters = set(lf._table(encoding).values())
    # VNI writes í, ì as themselves: they need no entry.
    missing = [ch for ch in VIETNAMESE if ch not in letters and not (encoding == lf.VNI and ch in "íì")]
    assert missing == []


def test_tcvn3_bytes_are_single_latin1_characters():
    for legacy in lf._table(lf.TCVN3):
        assert len(legacy) == 1 and 0xA0 <= ord(legacy) <= 0xFF


@pytest.mark.parametrize("encoding", lf.ENCODINGS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_round_trip(encoding, sentence):
    legacy = _encode(sentence, encoding)
    assert legacy != sentence
    assert lf.convert(legacy, encoding) == unicodedata.normalize("NFC", sentence)


@pytest.mark.parametrize("legacy, encoding, unicode", [
    ("ViÖt Nam", lf.TCVN3, "Việt Nam"),
    ("n¨m häc", lf.TCVN3, "năm học"),
    ("§iÒu 1", lf.TCVN3, "Điều 1"),
    ("ph­¬ng ¸n", lf.TCVN3, "phương án"),
    ("Vieät Nam", lf.VNI, "Việt Nam"),
    ("Ñieàu 1", lf.VNI, "Điều 1"),
    ("phöông aùn", lf.VNI, "phương án"),
    ("ÑIEÀU 1", lf.VNI, "ĐIỀU 1"),
    ("tröôøng hoïc", lf.VNI, "trường học"),
    ("Soá: 12/CT-UBND", lf.VNI, "Số: 12/CT-UBND"),
])
def test_convert(legacy, encoding, unicode):
    assert lf.convert(legacy, encoding) == unicode


@pytest.mark.parametrize("legacy, unicode", [
    (_tcvn3_caps(HEADING), HEADING),                        # a .VnTimeH heading
    (_tcvn3_caps("KẾ HOẠCH"), "KẾ HOẠCH"),
    ("Sè: 12/CT-UBND", "Số: 12/CT-UBND"),                   # one capital: title case, kept
])
def test_capitals_font_headings(legacy, unicode):
    assert lf.convert(legacy, lf.TCVN3) == unicode


# --- is it Vietnamese? -----------------------------------------------------------------------

@pytest.mark.parametrize("run, syllable", [
    ("nghiêng", True), ("giếng", True), ("gìn", True), ("quyết", True), ("khuya", True),
    ("thuở", True), ("hoà", True), ("hòa", True), ("Đắk", True), ("ĐỒNG", True), ("ưu", True),
    ("mầt", False),          # a stop final takes only sắc or nặng
    ("viöt", False), ("hoµ", False), ("ngÜa", False), ("tiĕng", False),
    ("hoàá", False),         # two tone marks
])
def test_is_syllable(run, syllable):
    assert lf.is_syllable(run) is syllable


@pytest.mark.parametrize("text, encoding", [
    *[(_encode(" ".join(SENTENCES), enc), enc) for enc in lf.ENCODINGS],
    (_tcvn3_caps(HEADING) + "\n" + _encode(SENTENCES[0], lf.TCVN3), lf.TCVN3),
    (" ".join(SENTENCES), None),                                          # Unicode already
    ("The committee met on Monday and approved the plan.", None),
    ("Diện tích 3 × 4 m, nhiệt độ 25 °C; © Cổng thông tin điện tử tỉnh.", None),
    ("Ông Müller và bà Åsa Öberg đến thăm Trường Đại học Đà Lạt.", None),
    ("", None),
])
def test_detect(text, encoding):
    assert lf.detect(text) == encoding


def test_mixed_document_converts_only_its_legacy_lines():
    text = "\n".join([SENTENCES[0], _encode(SENTENCES[1], lf.VNI), SENTENCES[2], _encode(SENTENCES[3], lf.VNI)])
    loaded = lf.repaired(Loaded(text=text, format="docx"))
    assert loaded.text.split("\n") == [unicodedata.normalize("NFC", s) for s in SENTENCES]
    assert loaded.warnings == ["legacy font converted: VNI"] and loaded.extra["legacy_font"] == "VNI"


def test_unicode_text_is_left_alone():
    loaded = Loaded(text="\n".join(SENTENCES), format="txt")
    assert lf.repaired(loaded) is loaded


def test_table_cells_follow_the_conversion():
    cells = [_encode("Cơ quan chủ trì", lf.VNI), _encode("Phòng Tài chính - Kế hoạch", lf.VNI),
             _encode("Thời gian hoàn thành", lf.VNI), _encode("Trước ngày 15 tháng 6", lf.VNI)]
    text, spans, start = "", [], 0
    for cell in cells:
        spans.append((start, start + len(cell)))
        text += cell + "\n"
        start = len(text)
    loaded = lf.repaired(Loaded(text=text + _encode(SENTENCES[1], lf.VNI), format="docx",
                                tables=[Table(rows=[spans[:2], spans[2:]])]))
    read = [loaded.text[a:b] for row in loaded.tables[0].rows for a, b in row]
    assert read == ["Cơ quan chủ trì", "Phòng Tài chính - Kế hoạch", "Thời gian hoàn thành",
                    "Trước ngày 15 tháng 6"]


# --- the readers -----------------------------------------------------------------------------

# A legacy-font text saved as UTF-8 (pasted out of Word), and one saved as the font's bytes.
@pytest.mark.parametrize("encoding, codec", [(lf.TCVN3, "utf-8"), (lf.VNI, "utf-8"), (lf.VNI, "cp1252")])
def test_txt_in_a_legacy_font_is_read_as_unicode(tmp_path, encoding, codec):
    from pipeline.load import text as reader

    path = tmp_path / "van-ban.txt"
    path.write_bytes("\n".join(_encode(s, encoding) for s in SENTENCES).encode(codec))
    loaded = reader.read(path)
    assert loaded.text.split("\n") == [unicodedata.normalize("NFC", s) for s in SENTENCES]
    assert f"legacy font converted: {encoding}" in loaded.warnings


def test_html_in_tcvn3_is_read_as_unicode(tmp_path):
    from pipeline.load import html as reader

    body = "".join(f"<p>{_encode(s, lf.TCVN3)}</p>" for s in SENTENCES)
    path = tmp_path / "trang.html"
    page = f'<html><head><meta charset="utf-8"></head><body><article>{body}</article></body></html>'
    path.write_bytes(page.encode("utf-8"))
    loaded = reader.read(path)
    assert [line for line in loaded.text.split("\n") if line] == [unicodedata.normalize("NFC", s) for s in SENTENCES]
    assert loaded.extra["legacy_font"] == lf.TCVN3


def test_docx_in_vni_is_read_as_unicode(tmp_path):
    docx = pytest.importorskip("docx")
    from pipeline.load import docx as reader

    document = docx.Document()
    for sentence in SENTENCES:
        document.add_paragraph(_encode(sentence, lf.VNI))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = _encode("Nơi nhận:", lf.VNI)
    table.cell(0, 1).text = _encode("CHỦ TỊCH", lf.VNI)
    path = tmp_path / "cong-van.docx"
    document.save(str(path))
    loaded = reader.read(path)
    assert unicodedata.normalize("NFC", SENTENCES[2]) in loaded.text
    cells = [loaded.text[a:b] for a, b in loaded.tables[0].rows[0]]
    assert cells == ["Nơi nhận:", "CHỦ TỊCH"]


def test_unicode_txt_is_unchanged(tmp_path):
    from pipeline.load import text as reader

    path = tmp_path / "unicode.txt"
    path.write_text("\n".join(SENTENCES), encoding="utf-8")
    loaded = reader.read(path)
    assert "legacy_font" not in loaded.extra and loaded.text == "\n".join(SENTENCES)


# --- PDF text layers -------------------------------------------------------------------------



# Helvetica's standard encoding turns byte 0xAD (TCVN3's ư) into a space, which a real .VnTime
# font does not: the PDF rows keep to letters without ư.
PDF_SENTENCES = [
    "Ban chỉ huy xã kiểm tra đê bao, cống tiêu và hồ chứa trên địa bàn.",
    "Các thôn rà soát hộ nghèo, hộ cận nghèo và báo cáo kết quả trong tháng.",
    "Phòng Tài chính - Kế hoạch bố trí kinh phí cho công tác phòng, chống dịch.",
    "Trạm y tế xã tổ chức tiêm chủng cho trẻ em theo lịch của huyện.",
]


def _pdf(path: Path, lines: list[tuple[str, str]]) -> Path:
    """A page of (font, text) lines; Helvetica draws the Latin-1 characters a legacy font's
    glyphs are stored as, which is what such a layer reads as."""
    pytest.importorskip("reportlab", reason="reportlab (a dev dependency) draws the test PDFs")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = next((f for f in FONT_CANDIDATES if Path(f).exists()), None)
    if font is None:
        pytest.skip("no DejaVuSans.ttf (a TTF with Vietnamese glyphs): apt-get install fonts-dejavu-core")
    pdfmetrics.registerFont(TTFont("DejaVu", font))
    c = canvas.Canvas(str(path), pagesize=A4)
    for i, (name, text) in enumerate(lines):
        c.setFont(name, 10)
        c.drawString(40, 780 - 16 * i, text)
    c.save()
    return path


@pytest.mark.parametrize("encoding", lf.ENCODINGS)
def test_pdf_legacy_layer_is_converted_not_ocred(tmp_path, encoding):
    from pipeline.load import pdf as reader

    path = _pdf(tmp_path / "cu.pdf", [("Helvetica", _encode(s, encoding)) for s in PDF_SENTENCES])
    loaded = reader.read(path)
    assert not loaded.unreadable and "ocr" not in loaded.extra
    assert loaded.text.split("\n") == [unicodedata.normalize("NFC", s) for s in PDF_SENTENCES]
    assert loaded.warnings == [f"legacy font converted: {encoding}"]
    assert loaded.extra["legacy_font"] == encoding


def test_pdf_page_mixing_unicode_and_tcvn3_fonts(tmp_path):
    from pipeline.load import pdf as reader

    lines = [("DejaVu", PDF_SENTENCES[0]), ("Helvetica", _encode(PDF_SENTENCES[1], lf.TCVN3)),
             ("DejaVu", PDF_SENTENCES[2]), ("Helvetica", _encode(PDF_SENTENCES[3], lf.TCVN3))]
    loaded = reader.read(_pdf(tmp_path / "tron.pdf", lines))
    assert loaded.text.split("\n") == [unicodedata.normalize("NFC", s) for s in PDF_SENTENCES]
    assert loaded.warnings == ["legacy font converted: TCVN3"]


def _score_token_by_token(text):
    judged = valid = 0
    for token in text.split():
        if any(ch.isalpha() for ch in token):
            judged += 1
            valid += lf.valid_token(token)
    return judged, valid


@pytest.mark.parametrize("text", [
    "",                                                        # nothing to judge
    "12/2025 - 15.000 ; ( )",                                  # no letter: none judged
    "Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì",             # Unicode Vietnamese, all valid
    "ñy ban nh©n d©n tØnh giao Së Néi vô chñ tr×",             # TCVN3 read as Latin-1: few valid
    "UBND KH-UBND 04/CT-UBND NSTW (cid:16)(cid:17)",           # abbreviations, and cid debris
    "xã xã xã xã xã Xã XÃ xa\u0303",                           # repeats, cases, a separate tone mark
], ids=["empty", "no-letters", "unicode", "tcvn3", "abbreviations", "repeats"])
def test_a_text_is_scored_as_word_by_word(text):
    assert lf.score(text) == _score_token_by_token(text)
    assert lf.score(text) == _score_token_by_token(text)   # again, from what was judged
