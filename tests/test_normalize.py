import unicodedata

import pytest

from pipeline.normalize import normalize_text


@pytest.mark.parametrize("raw, expected", [
    ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
    ("hoà bình, thuỷ lợi, khoẻ mạnh", "hòa bình, thủy lợi, khỏe mạnh"),
    ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
    ("quý IV năm 2024, Quý I", "quý IV năm 2024, Quý I"),        # after q the mark stays
    ("thuỷ điện", "thủy điện"),
    ("Công điện số 1478⁄CĐ-TTg", "Công điện số 1478/CĐ-TTg"),
    ("Công văn số 4003 / UBND-KT", "Công văn số 4003/UBND-KT"),
    ("Số: 254 /TB-PCTT", "Số: 254/TB-PCTT"),
    ("Quyết định số 1961/QĐUBND", "Quyết định số 1961/QĐ-UBND"),
    ("Nghị định số 61/2018/NĐCP ngày", "Nghị định số 61/2018/NĐ-CP ngày"),
    ("Công văn số 12/CĐ–TTg", "Công văn số 12/CĐ-TTg"),
    ("Số  liệu\u00a0báo   cáo", "Số liệu báo cáo"),
    ("xảy ra mưa vừa, mưa\nto và dông", "xảy ra mưa vừa, mưa to và dông"),
    ("2. Sở Y tế\na) Chủ trì, phối hợp\nđ) Hướng dẫn", "2. Sở Y tế\na) Chủ trì, phối hợp\nđ) Hướng dẫn"),  # list items
    ("Thanh Hóa, ngày\n10 tháng 10 năm 2019", "Thanh Hóa, ngày 10 tháng 10 năm 2019"),
    ("Số: 15/CT-UBND | Hà Nội, ngày 3 tháng 4 năm 2024 |", "Số: 15/CT-UBND\nHà Nội, ngày 3 tháng 4 năm 2024"),
])
def test_normalized_forms(raw, expected):
    text, _ = normalize_text(raw)
    assert text == expected


@pytest.mark.parametrize("raw, expected", [
    # A word broken over two lines by a copy-paste layout is mended with the dictionary …
    ("ỦY\nBAN NHÂN DÂN\nHUYỆN ĐẠ TẺH", "ỦY BAN NHÂN DÂN\nHUYỆN ĐẠ TẺH"),
    ("CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    # … and with the register's place names.
    ("Số: 12/KH-UBND\nBến\nTre, ngày 5 tháng 6 năm 2023", "Số: 12/KH-UBND\nBến Tre, ngày 5 tháng 6 năm 2023"),
    ("Cao\nBằng, ngày 02 tháng 7 năm 2021", "Cao Bằng, ngày 02 tháng 7 năm 2021"),
    # Not mended: the syllable already makes a word on its own line ("nhân dân", not "dân chủ") …
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    # … the two sides are cased differently, or make no word.
    ("KT. GIÁM ĐỐC\nPhó Giám đốc", "KT. GIÁM ĐỐC\nPhó Giám đốc"),
    ("CHỈ THỊ\nVỀ VIỆC", "CHỈ THỊ\nVỀ VIỆC"),
    ("Kính gửi: Sở Tài chính\nSở Xây dựng", "Kính gửi: Sở Tài chính\nSở Xây dựng"),
])
def test_words_broken_over_lines_are_mended(raw, expected):
    text, _ = normalize_text(raw)
    assert text == expected


@pytest.mark.parametrize("raw, expected", [
    # A document number wrapped at the hyphen of its symbol is one token again …
    ("theo Công văn số 514/UBND-\nKGVX ngày 2/3/2024", "theo Công văn số 514/UBND-KGVX ngày 2/3/2024"),
    ("Điều 12 Nghị định số 88/2023/NĐ-\nCP quy định", "Điều 12 Nghị định số 88/2023/NĐ-CP quy định"),
    # … not a line that ends in a hyphen without a number, nor one whose next line is a sentence.
    ("Kinh tế -\nXã hội", "Kinh tế -\nXã hội"),
    ("Số: 12/UBND-\nKính gửi: Sở Tài chính", "Số: 12/UBND-\nKính gửi: Sở Tài chính"),
])
def test_numbers_broken_at_their_hyphen_are_mended(raw, expected):
    text, _ = normalize_text(raw)
    assert text == expected


@pytest.mark.parametrize("raw, expected", [
    # A line that ends inside brackets goes on in the next, whatever its case: the bracket closes there …
    ("Gửi ý kiến về Sở Tư pháp (qua Phòng Văn bản, đồng chí\nLê Thị Hoa, ĐT: 0905.111.222) trước ngày 10/5/2024.",
     "Gửi ý kiến về Sở Tư pháp (qua Phòng Văn bản, đồng chí Lê Thị Hoa, ĐT: 0905.111.222) trước ngày 10/5/2024."),
    ("Văn phòng UBND tỉnh (Trung tâm\nPhục vụ hành chính công) theo dõi.",
     "Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công) theo dõi."),
    # … not where the next line is a list item, or the bracket never closes.
    ("a) Sở Tài chính (\nb) Sở Nội vụ", "a) Sở Tài chính (\nb) Sở Nội vụ"),
    ("Kế hoạch (giai đoạn 1\n2. Sở Nội vụ (chủ trì)", "Kế hoạch (giai đoạn 1\n2. Sở Nội vụ (chủ trì)"),
    ("Phụ lục (kèm theo\nQuyết định số 12/QĐ-UBND", "Phụ lục (kèm theo\nQuyết định số 12/QĐ-UBND"),
])
def test_a_line_broken_inside_brackets_goes_on(raw, expected):
    text, _ = normalize_text(raw)
    assert text == expected


@pytest.mark.parametrize("raw, expected", [
    # Two lower-case syllables glued by a lost space part where they fall into two syllables.
    ("kiểm tra nguồn nướcsạch ở xã", "kiểm tra nguồn nước sạch ở xã"),
    ("Ủy ban nhân dân cácxã gửi báo cáo", "Ủy ban nhân dân các xã gửi báo cáo"),
    ("các hội đoànthể phối hợp", "các hội đoàn thể phối hợp"),
    ("CÔNG VĂN CỦA VĂNPHÒNG BỘ", "CÔNG VĂN CỦA VĂN PHÒNG BỘ"),
    # … but not an abbreviation, shaped as no pair of syllables
    ("BCĐTW và QĐUBND", "BCĐTW và QĐUBND"),
    # Left as written: a syllable the dictionary lacks but shaped as one, a foreign word, an address,
    # a place name of the highlands, a token with a digit.
    ("khuyếch trương sản phẩm", "khuyếch trương sản phẩm"),
    ("họp trực tuyến online qua internet", "họp trực tuyến online qua internet"),
    ("xem tại baothanhhoa.vn", "xem tại baothanhhoa.vn"),
    ("tỉnh Đắklắk", "tỉnh Đắklắk"),
    ("ngày 05tháng 6", "ngày 05tháng 6"),
    # … and a token that parts two ways ("các huyện" or "cá chuyện"): no guess.
    ("Ủy ban nhân dân cáchuyện", "Ủy ban nhân dân cáchuyện"),
])
def test_glued_syllables_are_parted(raw, expected):
    text, _ = normalize_text(raw)
    assert text == expected


def test_decomposed_input_is_composed():
    decomposed = unicodedata.normalize("NFD", "Chỉ thị về phòng, chống thiên tai")
    text, offsets = normalize_text(decomposed)
    assert text == "Chỉ thị về phòng, chống thiên tai"
    # Every output character points at the source character it came from.
    k = text.index("thiên")
    assert decomposed[offsets.source_index(k)] == "t"


def test_offsets_trace_spans_back_to_the_source():
    raw = "  Uỷ ban nhân dân   tỉnh Gia Lai giao Sở Nội vụ chủ trì."
    text, offsets = normalize_text(raw)
    start = text.index("Sở Nội vụ")
    s, e = offsets.source_span((start, start + len("Sở Nội vụ")))
    assert raw[s:e] == "Sở Nội vụ"
    assert offsets.from_source_span((s, e)) == (start, start + len("Sở Nội vụ"))


def test_portal_debris_is_dropped():
    page = ("Thứ hai, Ngày 04/03/2024 -\nUBND tỉnh ban hành Chỉ thị\nNgày đăng: 05/03/2024 08:15 Lượt xem: 210\n"
            "Mặc định Cỡ chữ\nNgày 01/3/2024, UBND tỉnh ban hành Chỉ thị số 05/CT-UBND về phòng cháy.\n"
            "Bảo Anh\nTin video\nThống kê truy cập\nHiện đang có 95 người đang online")
    text, _ = normalize_text(page)
    assert "Ngày đăng" not in text and "Cỡ chữ" not in text and "online" not in text
    assert "Tin video" not in text and "Thứ hai" not in text
    assert "Chỉ thị số 05/CT-UBND" in text


def test_breakpoints_rebuild_the_map():
    raw = "Uỷ  ban\u00a0nhân dân\n\n\n\ntỉnh   Gia Lai"
    text, offsets = normalize_text(raw)
    points = offsets.breakpoints()
    rebuilt = []
    for k, (i, j) in enumerate(points):
        end = points[k + 1][0] if k + 1 < len(points) else len(text)
        rebuilt.extend(j + (n - i) for n in range(i, end))
    assert rebuilt == list(offsets.to_source)


# Passes skipped when the text holds none of what every match needs: the skip must never change the
# text or its map. Each row goes through the pass with and without the skip.
from pipeline import normalize as _normalize  # noqa: E402

_NEEDED_ROWS = [
    # (pattern, replacement, needs, text)
    (_normalize._CELL_BARS, "\n", _normalize._CELL_BARS_NEEDS, "Số: 471/QĐ-UBND | Kon Tum, ngày 5/3/2024"),
    (_normalize._CELL_BARS, "\n", _normalize._CELL_BARS_NEEDS, "| Nơi nhận |\n| - Như trên |"),
    (_normalize._CELL_BARS, "\n", _normalize._CELL_BARS_NEEDS, "Không có ô bảng nào ở đây ¦ ‖"),      # no bar
    (_normalize._SLASHES, "/", _normalize._SLASHES_NEEDS, "Số 12 ⁄ KH-UBND và 7∕CT và 3 ／ TB"),
    (_normalize._SLASHES, "/", _normalize._SLASHES_NEEDS, "Số 12/KH-UBND ngày 5/3/2024"),             # plain slash
    (_normalize._TRAILING, "", _normalize._TRAILING_NEEDS, "dòng một   \n   dòng hai \n"),
    (_normalize._TRAILING, "", _normalize._TRAILING_NEEDS, "dòng một\n\tdòng hai\t\n"),               # tabs only
    (_normalize._TRAILING, "", _normalize._TRAILING_NEEDS, "một dòng không xuống dòng  "),
]


@pytest.mark.parametrize("pattern, repl, needs, text", _NEEDED_ROWS)
def test_a_pass_skipped_for_lack_of_what_it_needs_changes_nothing(pattern, repl, needs, text):
    tracked = _normalize.Tracked.of(text)
    fast, slow = tracked.sub(pattern, repl, needs), tracked.sub(pattern, repl)
    assert (fast.text, list(fast.origin)) == (slow.text, list(slow.origin))
    if any(n in text for n in needs):
        assert slow.text != text                 # the rows that hold what it needs give it work
    else:
        assert fast is tracked and slow.text == text


@pytest.mark.parametrize("pattern, needs", [
    (_normalize._CELL_BARS, _normalize._CELL_BARS_NEEDS),
    (_normalize._SLASHES, _normalize._SLASHES_NEEDS),
    (_normalize._TRAILING, _normalize._TRAILING_NEEDS),
])
def test_every_match_holds_what_its_pass_needs(pattern, needs):
    texts = [row[3] for row in _NEEDED_ROWS] + ["|", " \n", "\n ", "a | b", "x ⁄ y", "\n\n  \n"]
    for text in texts:
        for m in pattern.finditer(text):
            around = text[max(0, m.start() - 1):m.end() + 1]
            assert any(n in around for n in needs), (pattern.pattern, text, m.group(0))


@pytest.mark.parametrize("lengths", [
    [0], [1], [5, 3, 5],                 # short texts, a shorter one after a longer one
    [100, 4000, 50],                     # the kept count grows, then serves a short text
    [262144, 262145, 12, 300000],        # at the bound kept, past it counted apart
])
def test_a_text_starts_mapped_to_itself(lengths):
    from pipeline.normalize import _KEEP_COUNTED, _COUNTED, Tracked

    for length in lengths:
        text = "ô" * length
        origin = Tracked.of(text).origin
        assert origin.tolist() == list(range(length))
        origin.append(-1)                                  # a text's map is its own: the kept one unchanged
        assert Tracked.of(text).origin.tolist() == list(range(length))
        assert len(_COUNTED[0]) <= _KEEP_COUNTED
