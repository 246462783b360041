import unicodedata

import pytest

from pipeline.core.errors import ReadError
from pipeline.load import html, text

SAMPLE = "Chỉ thị về tăng cường công tác phòng, chống thiên tai năm 2024"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_text_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "chi-thi.txt"
    body = (SAMPLE + "\n") * 20
    path.write_bytes((_windows_1258_form(body) if encoding == "cp1258" else body).encode(encoding))
    loaded = text.read(path)
    assert unicodedata.normalize("NFC", loaded.text).startswith(SAMPLE)
    assert not loaded.unreadable


def _windows_1258_form(text: str) -> str:
    # Windows-1258 stores a base letter (â, ơ, đ …) and the tone as a combining mark after it.
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out)


def test_binary_file_named_txt_is_refused(tmp_path):
    path = tmp_path / "anh.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ReadError, match="binary"):
        text.read(path)


def test_empty_text_is_unreadable(tmp_path):
    path = tmp_path / "rong.txt"
    path.write_bytes(b"   \n")
    loaded = text.read(path)
    assert loaded.unreadable and "empty" in loaded.warnings[0]


PORTAL = """<html><head><title>Cổng TTĐT</title><script>var x = 1;</script></head><body>
<div id="menu"><a href="/">Trang chủ</a> | <a href="/gioi-thieu">Giới thiệu</a> | <a href="/tin">Tin tức</a></div>
<div class="sidebar"><h3>Tin video</h3><a href="/v1">Video 1</a></div>
<div class="news-detail">
 <h1>Tăng cường phòng, chống dịch tả lợn châu Phi</h1>
 <p>Ngày 12/4/2024, Chủ tịch UBND tỉnh ban hành Chỉ thị số 06/CT-UBND về tăng cường các biện pháp
 phòng, chống dịch tả lợn châu Phi trên địa bàn tỉnh.</p>
 <p>Theo đó, Chủ tịch UBND tỉnh yêu cầu Sở Nông nghiệp và PTNT chủ trì, phối hợp với UBND các huyện
 triển khai tiêm phòng, hoàn thành trước ngày 30/5/2024.</p>
 <table><tr><td>Đơn vị</td><td>Thời hạn</td></tr><tr><td>Sở Y tế</td><td>Quý II/2024</td></tr></table>
</div>
<div class="related-news"><h3>Tin liên quan</h3><ul><li><a href="/a">Bài khác về dịch bệnh</a></li></ul></div>
<div class="footer">Thống kê truy cập: 1.234.567</div>
</body></html>"""


def test_portal_page_keeps_the_article_only(tmp_path):
    path = tmp_path / "tin.html"
    path.write_text(PORTAL, encoding="utf-8")
    loaded = html.read(path)
    assert "Chỉ thị số 06/CT-UBND" in loaded.text
    assert "Trang chủ" not in loaded.text and "Tin liên quan" not in loaded.text
    assert "var x" not in loaded.text and "Thống kê" not in loaded.text
    assert len(loaded.tables) == 1
    cell = loaded.tables[0].rows[1][0]
    assert loaded.text[cell[0]:cell[1]].strip() == "Sở Y tế"


def test_empty_html_is_unreadable(tmp_path):
    path = tmp_path / "trong.html"
    path.write_text("<html><body><div class='menu'>Trang chủ</div></body></html>", encoding="utf-8")
    assert html.read(path).unreadable


BAR_TABLE = """II. TỔ CHỨC THỰC HIỆN
Phân công nhiệm vụ như sau:

| STT | Nội dung                        | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian     |
|-----|---------------------------------|-----------------|------------------|---------------|
| 1   | Rà soát hộ nghèo, hộ cận nghèo  | Sở Y tế         | UBND các huyện   | Quý IV/2025   |
| 2   | Tập huấn cán bộ cơ sở           | Sở Nội vụ       | Sở Tài chính     | Tháng 10/2025 |

Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh.
"""


def test_a_table_typed_with_cell_bars_is_read_as_a_table(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(BAR_TABLE, encoding="utf-8")
    loaded = text.read(path)
    assert "| Quý IV/2025   |" in loaded.text           # padding is no column gutter: lines kept whole
    (table,) = loaded.tables
    cells = [[loaded.text[a:b] for a, b in row] for row in table.rows]
    assert cells == [["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
                     ["1", "Rà soát hộ nghèo, hộ cận nghèo", "Sở Y tế", "UBND các huyện", "Quý IV/2025"],
                     ["2", "Tập huấn cán bộ cơ sở", "Sở Nội vụ", "Sở Tài chính", "Tháng 10/2025"]]


def test_the_rows_of_a_bar_table_are_tasks(tmp_path):
    from pipeline.run import extract, prepare
    path = tmp_path / "ke-hoach.txt"
    path.write_text(BAR_TABLE, encoding="utf-8")
    doc = extract(prepare(path, "ke-hoach"))
    assert [(t.responsible, t.coordinating, t.deadline.end) for t in doc.tasks] == [
        (["Sở Y tế"], ["Ủy ban nhân dân các huyện"], "2025-12-31"),
        (["Sở Nội vụ"], ["Sở Tài chính"], "2025-10-31")]


@pytest.mark.parametrize("markup, lines, tables", [
    # the text after a dropped script stays in its paragraph
    ('<body><div class="content"><p>Sở Y tế <script>x()</script>chủ trì.</p></div></body>',
     ["Sở Y tế chủ trì."], 0),
    # a comment is no text of the page's
    ('<body><div class="content"><p>Giao<!-- ghi chú --> Sở Nội vụ</p></div></body>', ["Giao Sở Nội vụ"], 0),
    # page furniture goes, the text after it stays
    ('<body><div class="content"><p>Một</p><div class="share">Chia sẻ</div>Hai</div></body>', ["Một", "Hai"], 0),
    # a table inside a cell is a table of its own, not rows of the outer one
    ('<body><div class="content"><table><tr><td>A<table><tr><td>x</td></tr></table></td><td>B</td></tr>'
     '</table></div></body>', ["A", "x", "B"], 2),
    # a page that declares its old encoding, already decoded
    ('<?xml version="1.0" encoding="iso-8859-1"?><html><body><div class="content"><p>Quyết định số 12</p>'
     '</div></body></html>', ["Quyết định số 12"], 0),
    # the page's title above its article, and the article
    ('<body><h1>Kế hoạch số 5/KH-UBND</h1><div class="main-content"><p>Giao Sở Tài chính.</p></div></body>',
     ["Kế hoạch số 5/KH-UBND", "Giao Sở Tài chính."], 0),
    # nothing but a comment, or a menu: no article
    ("<!-- trống -->", [], 0),
    ('<body><ul class="menu"><li>Trang chủ</li></ul></body>', [], 0),
], ids=["dropped-tail", "comment", "furniture-tail", "nested-table", "xml-declaration", "title", "comment-only",
        "menu-only"])
def test_a_page_is_read_as_its_article(markup, lines, tables):
    loaded = html.read_string(markup)
    assert [line for line in loaded.text.splitlines() if line.strip()] == lines
    assert loaded.unreadable == (not lines)
    assert len(loaded.tables) == tables
    if tables == 2:
        outer = next(t for t in loaded.tables if len(t.rows[0]) == 2)
        assert [loaded.text[s:e + 1].strip() for s, e in outer.rows[0]] == ["A\nx", "B"]
