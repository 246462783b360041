"""The document stage on headers that lost part of the official form, written by the team."""
from pathlib import Path

import pytest

from pipeline.extract import document
from pipeline.run import prepare


def _document(tmp_path: Path, text: str):
    path = tmp_path / "van-ban.txt"
    path.write_text(text, encoding="utf-8")
    return document.find(prepare(path, "van-ban"))


# A database page prints the decision without its header block: title, trích yếu, authority.
DATABASE_PRINT = """Đăng nhập

NGHỊ QUYẾT

Về việc thông qua Đề án phát triển du lịch cộng đồng giai đoạn 2021 - 2025

__________________

HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
"""

DATABASE_PRINT_BY_CHAIR = """QUYẾT ĐỊNH
Phê duyệt danh mục dự án trồng rừng thay thế năm 2020
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
Căn cứ Luật Lâm nghiệp ngày 15 tháng 11 năm 2017;
"""

# Any signer's title of bodies_roles.yaml opens the line of authority, not a few written apart;
# the body the title heads is the issuer.
DATABASE_PRINT_BY_DIRECTOR = """QUYẾT ĐỊNH
Ban hành quy chế làm việc của Sở năm 2024
GIÁM ĐỐC SỞ NỘI VỤ TỈNH YÊN BÁI
Căn cứ Quyết định số 12/2024/QĐ-UBND ngày 2 tháng 4 năm 2024;
"""


@pytest.mark.parametrize("text, field, expected", [
    (DATABASE_PRINT_BY_DIRECTOR, "issuer", "Sở Nội vụ tỉnh Yên Bái"),
    (DATABASE_PRINT, "doc_type", "Nghị quyết"),
    (DATABASE_PRINT, "subject", "thông qua Đề án phát triển du lịch cộng đồng giai đoạn 2021 - 2025"),
    (DATABASE_PRINT, "issuer", "Hội đồng nhân dân tỉnh Hà Giang"),
    (DATABASE_PRINT, "is_report", False),
    (DATABASE_PRINT_BY_CHAIR, "doc_type", "Quyết định"),
    (DATABASE_PRINT_BY_CHAIR, "issuer", "Ủy ban nhân dân tỉnh Yên Bái"),
    (DATABASE_PRINT_BY_CHAIR, "subject", "phê duyệt danh mục dự án trồng rừng thay thế năm 2020"),
])
def test_a_title_without_the_header_block_is_read(tmp_path, text, field, expected):
    assert getattr(_document(tmp_path, text), field) == expected


# A news page whose headline is only a type word is no official form: its lead still decides.
HEADLINE_TYPE_ONLY = """QUYẾT ĐỊNH
Tỉnh vừa công bố quyết định về giá đất năm 2024, người dân đọc tại trang của Sở.
Ngày 05/01/2024, UBND tỉnh Yên Bái ban hành Quyết định số 01/QĐ-UBND về bảng giá đất.
"""


def test_a_type_headline_without_authority_line_is_no_form(tmp_path):
    info = _document(tmp_path, HEADLINE_TYPE_ONLY)
    assert info.number == "01/QĐ-UBND" and info.is_report is True


# A damaged copy lost its title line: the upper-case heading under the date line is the trích yếu.
TITLE_LOST = """ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 18/2021/QĐ-UBND
Hà Giang, ngày 14 tháng 5 năm 2021
BAN HÀNH QUY CHẾ QUẢN LÝ CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN TỈNH HÀ GIANG
ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
"""

# The heading under the date line names a body (a header read out of order): no subject.
BODY_UNDER_DATE = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 45/UBND-KT
Hà Giang, ngày 14 tháng 5 năm 2021
ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
Kính gửi: Sở Tài chính
"""


def test_an_upper_case_heading_under_the_date_is_the_subject(tmp_path):
    info = _document(tmp_path, TITLE_LOST)
    assert info.doc_type == "Quyết định"
    assert info.subject.lower() == "ban hành quy chế quản lý cụm công nghiệp trên địa bàn tỉnh hà giang"


def test_a_body_under_the_date_is_no_subject(tmp_path):
    assert _document(tmp_path, BODY_UNDER_DATE).subject is None


from pipeline.extract.document.naming import sentence_case  # noqa: E402


@pytest.mark.parametrize("upper, expected", [
    # Places after their level word keep their capitals, as the register spells them …
    ("PHÒNG, CHỐNG DỊCH BỆNH TRÊN ĐỊA BÀN TỈNH BẮC NINH",
     "phòng, chống dịch bệnh trên địa bàn tỉnh Bắc Ninh"),
    ("CHUYỂN ĐỔI CÂY TRỒNG TẠI HUYỆN ĐỨC TRỌNG, TỈNH LÂM ĐỒNG",
     "chuyển đổi cây trồng tại huyện Đức Trọng, tỉnh Lâm Đồng"),
    # … and so do bodies, with their canonical capitals; acronyms stay as written.
    ("GIAO SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG THẨM ĐỊNH HỒ SƠ", "giao Sở Tài nguyên và Môi trường thẩm định hồ sơ"),
    ("PHÂN BỔ VỐN NSTW CHO UBND HUYỆN ĐỨC TRỌNG", "phân bổ vốn NSTW cho UBND huyện Đức Trọng"),
    # Not names: ordinary words, a level word with no unit after it, "vụ" inside "phục vụ".
    ("NÂNG CAO CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN CỦA CẤP TỈNH", "nâng cao chất lượng phục vụ người dân của cấp tỉnh"),
    ("BAN HÀNH QUY CHẾ LÀM VIỆC", "ban hành quy chế làm việc"),
    # "xã hội" is a word where no commune of that name is registered; a registered one keeps its capitals
    ("ĐẨY MẠNH CÔNG TÁC XÃ HỘI GIAI ĐOẠN 2026-2030", "đẩy mạnh công tác xã hội giai đoạn 2026-2030"),
    ("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025", "kế hoạch phát triển kinh tế - xã hội năm 2025"),
    ("HỖ TRỢ NÔNG DÂN XÃ HỘI AN, HUYỆN CHỢ MỚI", "hỗ trợ nông dân xã Hội An, huyện Chợ Mới"),
])
def test_an_upper_case_subject_keeps_its_proper_names(upper, expected):
    assert sentence_case(upper) == expected


def test_the_header_subject_is_recased_with_its_names(tmp_path):
    assert _document(tmp_path, TITLE_LOST).subject == (
        "ban hành quy chế quản lý cụm công nghiệp trên địa bàn tỉnh Hà Giang")


# A portal's page for one letter: the trích yếu with number and date in parentheses, then the text.
LISTED_LETTER = """Bỏ qua nội dung chính

Về việc rà soát hồ sơ đất đai tồn đọng trên địa bàn (412/VP-NC, ngày 07/3/2019).

Thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh, Văn phòng UBND tỉnh đề nghị Sở Tư pháp rà soát, báo cáo./.
"""


@pytest.mark.parametrize("field, expected", [
    ("doc_type", "Công văn"),             # a symbol without a type abbreviation: the letter form
    ("number", "412/VP-NC"),
    ("issuer", "Văn phòng Ủy ban nhân dân tỉnh"),   # "VP" of a local symbol: the committee's office
    ("issued_date", "2019-03-07"),
    ("subject", "rà soát hồ sơ đất đai tồn đọng trên địa bàn"),
    ("is_report", False),
])
def test_a_listed_letter_is_the_letter_itself(tmp_path, field, expected):
    assert getattr(_document(tmp_path, LISTED_LETTER), field) == expected


REPORTED_WITHOUT_VERB_BEFORE = """Phòng chống dịch cúm gia cầm
Theo nội dung Công văn số 2207/VP-NN, ban hành ngày 11/3, UBND thành phố Hải Phòng yêu cầu các quận, huyện chủ động phòng dịch.
"""

BASIS_ISSUED_EARLIER = """Phòng chống dịch cúm gia cầm
Thực hiện Quyết định số 15/QĐ-UBND ban hành ngày 11/3/2020, các huyện tổ chức tiêm phòng.
"""


def test_a_citation_said_to_be_issued_is_the_reported_document(tmp_path):
    info = _document(tmp_path, REPORTED_WITHOUT_VERB_BEFORE)
    assert (info.doc_type, info.number, info.is_report) == ("Công văn", "2207/VP-NN", True)
    assert info.issuer == "Văn phòng Ủy ban nhân dân thành phố Hải Phòng"   # the city's own level word


def test_a_basis_issued_earlier_is_not_the_reported_document(tmp_path):
    assert _document(tmp_path, BASIS_ISSUED_EARLIER).number is None


UNDATED_LEAD = """(baotinh.vn) – Nhằm chủ động ứng phó mùa mưa bão, UBND tỉnh Quảng Ngãi ban hành Chỉ thị về việc tăng cường công tác phòng, chống lụt, bão năm 2023.
Theo đó, các sở, ngành rà soát phương án.
"""

INSTRUCTION_HEADLINE = """UBND tỉnh chỉ đạo về việc góp ý dự thảo Nghị định về quản lý cụm công nghiệp.
UBND tỉnh nhận được Công văn số 812/BCT-CTĐP ngày 10/4/2023 của Bộ Công Thương về việc xin ý kiến.
"""

COUNCIL_ADOPTS = """12 chỉ tiêu năm 2025
Các chỉ tiêu vừa được Kỳ họp thứ 20, HĐND tỉnh thông qua với tỷ lệ tán thành cao.
"""


@pytest.mark.parametrize("text, field, expected", [
    (UNDATED_LEAD, "doc_type", "Chỉ thị"),
    (UNDATED_LEAD, "issuer", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
    (UNDATED_LEAD, "subject", "tăng cường công tác phòng, chống lụt, bão năm 2023"),   # commas kept
    (UNDATED_LEAD, "issued_date", None),
    (INSTRUCTION_HEADLINE, "subject", "góp ý dự thảo Nghị định về quản lý cụm công nghiệp"),
    (INSTRUCTION_HEADLINE, "doc_type", None),      # the Công văn cited is what it answers, not itself
    (COUNCIL_ADOPTS, "issuer", "Hội đồng nhân dân tỉnh"),
])
def test_news_leads_without_a_numbered_directive(tmp_path, text, field, expected):
    assert getattr(_document(tmp_path, text), field) == expected


# A scan's header: "Số:" and the title misread, digits garbled, "Kính gửi:" broken, a title read
# above the number.
SCANNED_LETTER = """BỘ Y TẾ
Só:7Ÿ2 /BYT-KCB
V/v tăng cường công tác khám, chữa bệnh dịp nghỉ lễ và phòng chống dịch
-_ năm 2025
Kính 8 ửi:
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 4 năm 2025
Bộ Y tế đề nghị Sở Y tế các tỉnh, thành phố chỉ đạo các bệnh viện bố trí trực./.
"""

SCANNED_DECISION = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
Số: 215/UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nam, ngày 2 tháng 3 năm 2024
QUYÉT ĐỊNH
Về việc phê duyệt dự toán kinh phí năm 2024
"""

TITLE_ABOVE_NUMBER = """QUYÉT ĐỊNH
Số: 215/QĐ-UBND
ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Hà Nam, ngày 2 tháng 3 năm 2024
Về việc phê duyệt dự toán kinh phí năm 2024
"""


@pytest.mark.parametrize("text, field, expected", [
    (SCANNED_LETTER, "issuer", "Bộ Y tế"),                  # "Só:" anchors the header
    (SCANNED_LETTER, "number", None),                       # "7Ÿ2" is unreadable: no number, not a wrong one
    (SCANNED_LETTER, "doc_type", "Công văn"),               # its symbol has no type: the letter form
    (SCANNED_LETTER, "subject", "tăng cường công tác khám, chữa bệnh dịp nghỉ lễ và phòng chống dịch năm 2025"),
    (SCANNED_DECISION, "doc_type", "Quyết định"),           # "QUYÉT ĐỊNH" misread
    (SCANNED_DECISION, "subject", "phê duyệt dự toán kinh phí năm 2024"),
    (TITLE_ABOVE_NUMBER, "issuer", "Ủy ban nhân dân tỉnh Hà Nam"),   # the title is no part of the issuer
])
def test_a_scanned_header_is_read_through_its_misreadings(tmp_path, text, field, expected):
    assert getattr(_document(tmp_path, text), field) == expected


@pytest.mark.parametrize("line", ["So sánh với năm 2023", "Số liệu năm 2024 cho thấy", "Sở Y tế"])
def test_lines_like_so_are_no_number_line(line):
    from pipeline.extract.document.form import form_patterns
    assert form_patterns()["_number_line"].match(line) is None


from pipeline.core.page_titles import is_placeholder_title  # noqa: E402


@pytest.mark.parametrize("title, placeholder", [
    ("Insert title here", True), ("Untitled Document", True), ("Document", True), ("untitled", True),
    ("Trang chủ", True), ("Chi tiết tin", True), ("Cổng thông tin điện tử tỉnh Hà Nam", True),
    ("hanam.gov.vn", True), ("Trang thông tin điện tử Sở Nội vụ", True),
    # Headlines are no placeholders, even when they name a document or a page.
    ("Hà Nam triển khai kế hoạch chuyển đổi số năm 2024", False),
    ("Tài liệu hướng dẫn tiêm chủng mở rộng", False),
    ("Tin tức về phòng chống dịch sốt xuất huyết", False),
])
def test_placeholder_titles(title, placeholder):
    assert is_placeholder_title(title) is placeholder


def _page(tmp_path: Path, head: str, h1: str):
    path = tmp_path / "trang.html"
    path.write_text(f"""<html><head>{head}</head><body><h1>{h1}</h1><div class="content">
<p>Ngày 05/3/2024, UBND tỉnh Hà Nam ban hành Kế hoạch số 45/KH-UBND năm 2024.</p>
<p>Theo đó, các sở, ngành thực hiện.</p></div></body></html>""", encoding="utf-8")
    return document.find(prepare(path, "trang"))


@pytest.mark.parametrize("head, h1", [
    ("<title>Insert title here</title>", "Insert title here"),
    ("<title>Untitled Document</title>", "Untitled Document"),
    ("<title>Kế hoạch năm 2024 - Sở Tư pháp Hà Nam</title>", "Sở Tư pháp Hà Nam"),   # the site's name
    ('<meta property="og:site_name" content="Báo Hà Nam Online">', "Báo Hà Nam Online"),
])
def test_a_placeholder_page_title_gives_no_subject(tmp_path, head, h1):
    info = _page(tmp_path, head, h1)
    assert info.number == "45/KH-UBND" and info.subject is None


def test_a_real_headline_still_gives_the_subject(tmp_path):
    info = _page(tmp_path, "<title>Hà Nam</title>", "Hà Nam đẩy mạnh chuyển đổi số trong cơ quan nhà nước")
    assert info.subject == "Hà Nam đẩy mạnh chuyển đổi số trong cơ quan nhà nước"


@pytest.mark.parametrize("first_line", [
    "Sở Tư pháp tỉnh Hà Nam",                               # a body's bare name
    "Ngày 05/3/2024, UBND tỉnh Hà Nam ban hành Kế hoạch số 45/KH-UBND năm 2024",   # the lead itself
])
def test_a_headline_that_is_no_headline_gives_no_subject(tmp_path, first_line):
    text = first_line + "\nNgày 05/3/2024, UBND tỉnh Hà Nam ban hành Kế hoạch số 45/KH-UBND năm 2024.\n"
    assert _document(tmp_path, text).subject is None


LONG_SUBJECT = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 31/TB-UBND
Hà Nam, ngày 9 tháng 5 năm 2024
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi kiểm tra tiến độ thực hiện
Chương trình phát triển giao thông trọng điểm của tỉnh: tuyến nối hai cao tốc; cầu qua sông Hồng; đường vành đai
Ngày 05/5/2024, Chủ tịch UBND tỉnh đã chủ trì buổi kiểm tra tiến độ các dự án giao thông trọng điểm của tỉnh cùng các sở.
"""

SUBJECT_THEN_PARAGRAPH = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 32/UBND-KT
Hà Nam, ngày 9 tháng 5 năm 2024
V/v đẩy nhanh giải ngân vốn đầu tư công
Qua theo dõi, đến hết tháng 4 năm 2024 tỷ lệ giải ngân của nhiều chủ đầu tư còn thấp so với kế hoạch được giao đầu năm.
"""


@pytest.mark.parametrize("text, subject", [
    (LONG_SUBJECT, "kết luận của Chủ tịch UBND tỉnh tại buổi kiểm tra tiến độ thực hiện Chương trình phát "
                   "triển giao thông trọng điểm của tỉnh: tuyến nối hai cao tốc; cầu qua sông Hồng; đường vành đai"),
    (SUBJECT_THEN_PARAGRAPH, "đẩy nhanh giải ngân vốn đầu tư công"),   # a sentence's paragraph is not its rest
])
def test_a_long_subject_runs_over_its_wrapped_lines(tmp_path, text, subject):
    assert _document(tmp_path, text).subject == subject


# A copy that ran the header's two columns onto shared lines: issuer block beside the Quốc hiệu,
# number beside the place and date.
FLATTENED_HEADER = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH KIÊN GIANG Độc lập - Tự do - Hạnh phúc
Số: 215/UBND-VX Rạch Giá, ngày 9 tháng 8 năm 2016
V/v tăng cường phòng chống dịch bệnh trên đàn gia súc
Kính gửi:
- Giám đốc Sở Nông nghiệp và Phát triển nông thôn;
- Chủ tịch UBND các huyện, thị xã, thành phố.
Thời gian gần đây, dịch bệnh trên đàn gia súc có nguy cơ bùng phát tại một số địa phương.
"""

# The same header laid out on separate lines (nothing to split), the place a word like "Số".
TIDY_HEADER = """ỦY BAN NHÂN DÂN
TỈNH KIÊN GIANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 216/UBND-VX
Rạch Giá, ngày 10 tháng 8 năm 2016
V/v báo cáo số liệu tiêm phòng
Kính gửi: Sở Nông nghiệp và Phát triển nông thôn.
"""


@pytest.mark.parametrize("text, field, expected", [
    (FLATTENED_HEADER, "issuer", "Ủy ban nhân dân tỉnh Kiên Giang"),
    (FLATTENED_HEADER, "number", "215/UBND-VX"),
    (FLATTENED_HEADER, "issued_date", "2016-08-09"),
    (FLATTENED_HEADER, "place", "Rạch Giá"),
    (FLATTENED_HEADER, "subject", "tăng cường phòng chống dịch bệnh trên đàn gia súc"),
    (TIDY_HEADER, "issuer", "Ủy ban nhân dân tỉnh Kiên Giang"),
    (TIDY_HEADER, "number", "216/UBND-VX"),
    (TIDY_HEADER, "issued_date", "2016-08-10"),
])
def test_a_flattened_two_column_header_is_read(tmp_path, text, field, expected):
    assert getattr(_document(tmp_path, text), field) == expected


# A "V/v" line directly followed by the date line: the date is no part of the trích yếu.
SUBJECT_THEN_DATE = """BỘ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1020/BYT-KCB
V/v hướng dẫn khám sức khỏe định kỳ
Hà Nội, ngày 04 tháng 3 năm 2015
Kính gửi: Sở Y tế các tỉnh, thành phố trực thuộc Trung ương.
"""


def test_the_subject_stops_at_the_date_line(tmp_path):
    info = _document(tmp_path, SUBJECT_THEN_DATE)
    assert info.subject == "hướng dẫn khám sức khỏe định kỳ" and info.issued_date == "2015-03-04"


# The table row kept "ỦY BAN NHÂN DÂN" but lost the place's line: the province the text names
# (date line, enacting line) completes it. A text naming no province keeps the bare name.
BARE_COUNCIL = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 75/KH-UBND | Tây Ninh, ngày 02 tháng 6 năm 2022 |
KẾ HOẠCH
Triển khai mô hình chợ an toàn thực phẩm năm 2022
Ủy ban nhân dân tỉnh Tây Ninh ban hành Kế hoạch triển khai mô hình chợ an toàn thực phẩm trên địa bàn tỉnh Tây Ninh như sau:
"""

BARE_COUNCIL_NO_PLACE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 76/KH-UBND |
KẾ HOẠCH
Triển khai mô hình chợ an toàn thực phẩm năm 2022
Ủy ban nhân dân ban hành Kế hoạch triển khai mô hình chợ an toàn thực phẩm như sau:
"""


@pytest.mark.parametrize("text, issuer", [
    (BARE_COUNCIL, "Ủy ban nhân dân tỉnh Tây Ninh"),
    (BARE_COUNCIL_NO_PLACE, "Ủy ban nhân dân"),
])
def test_a_bare_council_takes_the_province_the_text_names(tmp_path, text, issuer):
    assert _document(tmp_path, text).issuer == issuer


# A scan's misread Quốc hiệu ("CỌNG HÒA XÃ HỌI CHỦ NGHĨA …") is no issuer's line to split off:
# the trích yếu above it ends there.
MISREAD_MOTTO = """BỘ TƯ PHÁP
Số: 310/BTP-PLHS
V/v góp ý dự thảo Thông tư hướng dẫn
CỌNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 14 tháng 5 năm 2025
Kính gửi: Bộ Công an.
"""


def test_a_misread_motto_is_not_split_into_the_subject(tmp_path):
    assert _document(tmp_path, MISREAD_MOTTO).subject == "góp ý dự thảo Thông tư hướng dẫn"


@pytest.mark.parametrize("written, cased", [
    ("CÔNG AN TỈNH LÂM ĐỒNG", "Công an tỉnh Lâm Đồng"),            # "AN": a word without a mark
    ("BAN QLDA HUYỆN ĐỨC CƠ", "Ban QLDA huyện Đức Cơ"),            # "QLDA": an acronym, kept
    ("CHI CỤC KIỂM LÂM", "Chi cục kiểm lâm"),
    ("BỘ CHỈ HUY QUÂN SỰ TỈNH GIA LAI", "Bộ chỉ huy quân sự tỉnh Gia Lai"),
    ("TRUNG TÂM KHUYẾN NÔNG", "Trung tâm khuyến nông"),
])
def test_official_case_lowers_words_and_keeps_acronyms(written, cased):
    from pipeline.extract.document.naming import official_case
    assert official_case(written) == cased
