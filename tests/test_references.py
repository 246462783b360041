"""Citations and references on sentences the team wrote."""
import pytest

from pipeline.core.citations import find_citations, type_of_symbol
from pipeline.extract import references
from pipeline.run import prepare


@pytest.mark.parametrize("sentence, doc_type, number, date, issuer", [
    ("Căn cứ Nghị quyết số 15/NQ-HĐND ngày 10 tháng 12 năm 2023 của HĐND tỉnh về kế hoạch",
     "Nghị quyết", "15/NQ-HĐND", "2023-12-10", "HĐND tỉnh"),
    ("thực hiện Chỉ thị số 05/CT-TTg ngày 23/02/2024 của Thủ tướng Chính phủ về", "Chỉ thị", "05/CT-TTg",
     "2024-02-23", "Thủ tướng Chính phủ"),
    ("theo Văn bản số 2210/UBND-NC ngày 3/8/2024", "Công văn", "2210/UBND-NC", "2024-08-03", None),
    ("Nghị định số 45/2022/NĐ-CP ngày 7-7-2022 của Chính phủ", "Nghị định", "45/2022/NĐ-CP", "2022-07-07", "Chính phủ"),
    ("Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương", "Kết luận", "21-KL/TW", "2021-10-25",
     "Ban Chấp hành Trung ương"),
    ("Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013", "Luật", None, "2013-06-19", None),
    ("Quyết định 1230/QĐ-BNV của Bộ trưởng Bộ Nội vụ", "Quyết định", "1230/QĐ-BNV", None, "Bộ Nội vụ"),
    ("Công văn số 88/CAT-PC06(Đ2) ngày 2/2/2025 của Công an tỉnh", "Công văn", "88/CAT-PC06(Đ2)", "2025-02-02",
     "Công an tỉnh"),
    ("Kế hoạch số 237 ngày 21-10-2021", "Kế hoạch", "237", "2021-10-21", None),
    ("Tờ trình số 40/TTr-SNV ngày 02/5/2024 của Sở Nội vụ", "Tờ trình", "40/TTr-SNV", "2024-05-02", "Sở Nội vụ"),
    # any title of bodies_roles.yaml before the issuer is dropped, not only a few written here
    ("Quyết định số 77/QĐ-SYT ngày 4/3/2024 của Phó Giám đốc Sở Y tế", "Quyết định", "77/QĐ-SYT", "2024-03-04",
     "Sở Y tế"),
    ("Công văn số 310/SNV-VP ngày 9/9/2024 của Lãnh đạo Sở Nội vụ", "Công văn", "310/SNV-VP", "2024-09-09",
     "Sở Nội vụ"),
])
def test_citations(sentence, doc_type, number, date, issuer):
    (c,) = find_citations(sentence)
    assert (c.doc_type, c.number, c.issued_date, c.issuer) == (doc_type, number, date, issuer)


@pytest.mark.parametrize("sentence, number", [
    # A year mistyped is kept as written where the symbol follows it …
    ("theo Nghị định số 38/20210/NĐ-CP ngày 3/5/2021 của Chính phủ", "38/20210/NĐ-CP"),
    # … a symbol's parts joined by a dot are one symbol …
    ("Hội Người cao tuổi có Văn bản số 27/HNCT.LĐ ngày 12/6/2024 gửi Sở", "27/HNCT.LĐ"),
    # … but a sentence's full stop is no part of it, nor is a bare figure after the number.
    ("thực hiện Công văn số 310/UBND. Sau đó", "310/UBND"),
    ("Kế hoạch số 58/KH-UBND 2024 về", "58/KH-UBND"),
])
def test_numbers_as_written(sentence, number):
    (c,) = find_citations(sentence)
    assert c.number == number


@pytest.mark.parametrize("sentence", [
    "Ủy ban nhân dân tỉnh quyết định đầu tư dự án trong năm 2024",   # a verb, not a citation
    "Nghị quyết 2 lần được nhắc lại trong hội nghị",                  # a bare number needs "số"
    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",          # a programme, not a document
])
def test_not_citations(sentence):
    assert find_citations(sentence) == []


@pytest.mark.parametrize("number, doc_type", [
    ("04/CT-UBND", "Chỉ thị"), ("06-NQ/ĐH", "Nghị quyết"), ("116/2021/NĐ-CP", "Nghị định"),
    ("3867/UBND-NNTN", None), ("12/KH-UBND", "Kế hoạch"), ("298/TTr-CAT-PC04", "Tờ trình"),
])
def test_type_of_symbol(number, doc_type):
    assert type_of_symbol(number) == doc_type


def test_references_skip_the_document_itself_and_repeats(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text(
        "Ngày 02/4/2024, UBND tỉnh ban hành Công văn số 901/UBND-VX về việc phòng, chống dịch sốt xuất huyết. "
        "Công văn số 901/UBND-VX yêu cầu thực hiện Chỉ thị số 04/CT-UBND ngày 01/02/2024 của UBND tỉnh; "
        "Sở Y tế triển khai Chỉ thị số 04/CT-UBND.", encoding="utf-8")
    doc = prepare(path, "cv")
    from pipeline.extract import document
    doc.document = document.find(doc)
    found = references.find(doc)
    assert [(r.number, r.issued_date) for r in found] == [("04/CT-UBND", "2024-02-01")]


@pytest.mark.parametrize("sentence, doc_type, number, date", [
    # A number with its year and a typed symbol is a citation though its type word was lost …
    ("…ăn cứ ố 27/2021/NĐ-CP ngày 25 tháng 3 năm 2021 của Chính phủ", "Nghị định", "27/2021/NĐ-CP", "2021-03-25"),
    ("theo 08/2022/TT-BTC ngày 31/01/2022", "Thông tư", "08/2022/TT-BTC", "2022-01-31"),
])
def test_a_bare_number_with_a_typed_symbol_is_a_citation(sentence, doc_type, number, date):
    (c,) = find_citations(sentence)
    assert (c.doc_type, c.number, c.issued_date) == (doc_type, number, date)


@pytest.mark.parametrize("sentence", [
    "mã hồ sơ 12/2020/ABC-XY ngày 3/4/2020",     # a symbol that names no type
    "Công văn số 145/UBND-KT ngày 2/3/2024",       # no year: a letter's bare number is no citation alone
    "phân loại theo nhóm 2/2024/A",                # no issuer part
])
def test_bare_numbers_that_are_no_citation(sentence):
    assert not [c for c in find_citations(sentence) if c.type_span[0] == c.type_span[1]]   # none read bare


from pipeline.core.citations import misread_of  # noqa: E402


@pytest.mark.parametrize("number, other, same", [
    ("38/20210/NĐ-CP", "38/2021/NĐ-CP", True),     # a year with a digit slipped in
    ("52/2023/QHI15", "52/2023/QH15", True),       # a scan's letter in a known code
    ("15/2022/NĐ-CP", "15/2023/NĐ-CP", False),     # two well-formed numbers: two documents
    ("15/NQ-HĐND", "115/NQ-HĐND", False),
    ("12/UBND-KT", "12/UBND-KTN", False),          # two offices' codes, neither odder
])
def test_misread_numbers(number, other, same):
    assert misread_of(number, other) is same


def test_a_document_cited_once_mistyped_is_one_reference(tmp_path):
    path = tmp_path / "tt.txt"
    path.write_text(
        "Ngày 02/4/2024, Sở Nội vụ ban hành Tờ trình số 77/TTr-SNV về việc giải thể hội.\n"
        "Căn cứ Nghị định số 38/20210/NĐ-CP ngày 3/5/2021 của Chính phủ; theo quy định tại Nghị định số "
        "38/2021/NĐ-CP, hội bị giải thể; Nghị định số 39/2021/NĐ-CP ngày 4/5/2021 quy định khác.", encoding="utf-8")
    doc = prepare(path, "tt")
    from pipeline.extract import document
    doc.document = document.find(doc)
    assert [r.number for r in references.find(doc)] == ["38/20210/NĐ-CP", "39/2021/NĐ-CP"]


@pytest.mark.parametrize("sentence, cited", [
    ("Các thành viên Tổ giúp việc theo QĐ415 của Bộ trưởng", [("Quyết định", "415")]),
    ("nội dung đã nêu tại NQ27 ngày 5/6/2023", [("Nghị quyết", "27")]),
    # Not citations: a unit's code, a plan's year, a shorthand no cue introduces.
    ("Lưu: VT, PC04.", []),
    ("chỉ tiêu theo KH2024 của ngành", []),
    ("mã hồ sơ QĐ415 trên hệ thống", []),
])
def test_a_type_abbreviation_glued_to_its_number(sentence, cited):
    assert [(c.doc_type, c.number) for c in find_citations(sentence)] == cited


# An old-style dot between the type's abbreviation and the issuer's code is the symbol's hyphen;
# a dot inside a code that names no type is kept as written.
@pytest.mark.parametrize("sentence, number, date", [
    ("Xét Tờ trình số 118/TTr.SYT ngày 09/5/2001 của Sở Y tế", "118/TTr-SYT", "2001-05-09"),
    ("Bãi bỏ Quyết định số 27/1999/QĐ.UB ngày 14/7/1999", "27/1999/QĐ-UB", "1999-07-14"),
    ("theo Công văn số 16/KHĐT.TH ngày 2/3/2000", "16/KHĐT.TH", "2000-03-02"),
])
def test_an_old_style_dotted_symbol(sentence, number, date):
    cited = find_citations(sentence)
    assert [(c.number, c.issued_date) for c in cited] == [(number, date)]


# A word or two naming the report's kind may sit between the type and "số".
@pytest.mark.parametrize("sentence, expected", [
    ("Xét Báo cáo thẩm tra số 41/BC-KTNS ngày 03/7/2020 của Ban Kinh tế - Ngân sách",
     [("Báo cáo", "41/BC-KTNS", "2020-07-03")]),
    ("Theo Tờ trình bổ sung số 9/TTr-SNV ngày 5/4/2021", [("Tờ trình", "9/TTr-SNV", "2021-04-05")]),
    ("đơn vị gửi báo cáo tổng hợp số liệu về Sở trước ngày 10", []),      # "số liệu" is no number
    ("Quyết định này có hiệu lực kể từ ngày ký", []),
])
def test_a_qualified_type_before_its_number(sentence, expected):
    assert [(c.doc_type, c.number, c.issued_date) for c in find_citations(sentence)] == expected


# The issuer after "của" keeps a dash of its own name; a code's level is the document's province's.
def test_reference_issuers_with_a_dash_and_a_citys_level(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text("SỞ Y TẾ\nTHÀNH PHỐ CẦN THƠ\nSố: 100/SYT-NV\nV/v xem xét đề nghị của các bệnh viện\n"
                    "Cần Thơ, ngày 3 tháng 5 năm 2010\nKính gửi: các bệnh viện trên địa bàn thành phố Cần Thơ.\n"
                    "Thực hiện Tờ trình số 12/TTr-UBND ngày 2 tháng 4 năm 2010; "
                    "căn cứ Thông tư số 05/2009/TT-BLĐTBXH ngày 1/3/2009 của Bộ Lao động - Thương binh và Xã hội; "
                    "theo Công văn số 7/BC-HĐ ngày 2/3/2009 của Sở Y tế - cơ quan thường trực.\n", encoding="utf-8")
    doc = prepare(path, "cv")
    from pipeline.extract import document
    doc.document = document.find(doc)
    issuers = {r.number: r.issuer for r in references.find(doc)}
    assert issuers["12/TTr-UBND"] == "Ủy ban nhân dân thành phố Cần Thơ"
    assert issuers["05/2009/TT-BLĐTBXH"] == "Bộ Lao động - Thương binh và Xã hội"
    assert issuers["7/BC-HĐ"] == "Sở Y tế"                     # the dash opens an apposition here


# A number first met in the upper-case title is written as the running text writes it.
def test_a_number_from_an_upper_case_title_takes_the_texts_spelling(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 40/KH-UBND\n"
                    "Kiên Giang, ngày 2 tháng 3 năm 2022\nKẾ HOẠCH\n"
                    "THỰC HIỆN CHỈ THỊ SỐ 05/CT-TTG NGÀY 1/2/2022 CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
                    "Thực hiện Chỉ thị số 05/CT-TTg ngày 1/2/2022 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch.\n",
                    encoding="utf-8")
    doc = prepare(path, "kh")
    from pipeline.extract import document
    doc.document = document.find(doc)
    assert [r.number for r in references.find(doc)] == ["05/CT-TTg"]
