"""Forms the second blind batch of tests/regression showed (rg17–rg27), on texts written for these
tests: a header a copy ran onto one line, Word shape names left in the text, lists written with a
dash, a plural department, symbols typed with a space, a hearing that names no subject, a letter
to the Prime Minister. Each table has rows that must not change."""
from __future__ import annotations

import pytest

from pipeline.core.citations import find_citations
from tests.forms import names, record


# ---- the header ----

# A copy of a PDF that ran the whole header onto one line.
ONE_LINE = ("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 418 /UBND-KT "
            "Thái Bình, ngày 12 tháng 3 năm 2022 V/v rà soát hệ thống kênh mương nội đồng "
            "Độc lập - Tự do - Hạnh phúc Kính gửi: Sở Nông nghiệp và Phát triển nông thôn "
            "Ủy ban nhân dân tỉnh giao Sở Nông nghiệp và Phát triển nông thôn rà soát hệ thống kênh mương.\n")
# The same header on its lines, as the form prints it.
ON_ITS_LINES = """ỦY BAN NHÂN DÂN
TỈNH THÁI BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 418/UBND-KT
Thái Bình, ngày 12 tháng 3 năm 2022
V/v rà soát hệ thống kênh mương nội đồng
Kính gửi: Sở Nông nghiệp và Phát triển nông thôn
Ủy ban nhân dân tỉnh giao Sở Nông nghiệp và Phát triển nông thôn rà soát hệ thống kênh mương.
"""
# A Word drawing's name glued to the number line of a .docx copy.
SHAPE_NAME = """ỦY BAN NHÂN DÂN
THÀNH PHỐ CẦN THƠ
straight connector 3Số: 77 /UBND-VX
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Cần Thơ, ngày 02 tháng 6 năm 2017
V/v tổ chức Tháng hành động vì trẻ em
Kính gửi: Sở Lao động - Thương binh và Xã hội
"""


@pytest.mark.parametrize("text", [ONE_LINE, ON_ITS_LINES])
def test_a_header_run_onto_one_line_reads_as_on_its_lines(tmp_path, text):
    doc = record(tmp_path, text).document
    assert (doc.doc_type, doc.number, doc.issuer, doc.place, doc.issued_date) == (
        "Công văn", "418/UBND-KT", "Ủy ban nhân dân tỉnh Thái Bình", "Thái Bình", "2022-03-12")
    assert doc.subject == "rà soát hệ thống kênh mương nội đồng"


def test_a_word_shape_name_is_no_part_of_the_number_line(tmp_path):
    rec = record(tmp_path, SHAPE_NAME)
    assert (rec.document.number, rec.document.issuer) == ("77/UBND-VX", "Ủy ban nhân dân thành phố Cần Thơ")
    assert "connector" not in rec.text


def test_the_word_connector_alone_stays(tmp_path):
    rec = record(tmp_path, "Sở Công Thương kiểm tra connector loại mới của trạm biến áp.\n")
    assert "connector loại mới" in rec.text


# ---- groups and plural names ----

@pytest.mark.parametrize("text, expected", [
    # a spaced dash lists, as a comma does
    ("giao các Sở - ngành liên quan phối hợp", "các sở, ngành liên quan"),
    ("Kính gửi: Ủy ban nhân dân các quận - huyện.", "Ủy ban nhân dân các quận, huyện"),
    # the short level words of a list ("thành" for thành phố, "thị" for thị xã)
    ("Chủ tịch UBND các huyện, thành, thị chịu trách nhiệm", "Ủy ban nhân dân các huyện, thành phố, thị xã"),
    # "các cấp" after a list of branches is part of one group
    ("đề nghị các ngành, các cấp quan tâm chỉ đạo", "các ngành, các cấp"),
    # a department's field after "các": every such department
    ("Kính gửi: Các Sở Y tế;", "các Sở Y tế"),
    # … with the heads' title between: those departments, one group
    ("Bộ trưởng làm việc với các Giám đốc sở tư pháp tại Huế", "các Sở Tư pháp"),
])
def test_groups_written_in_these_forms(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, expected, absent", [
    # a dash inside a noun is no list
    ("các tổ chức chính trị - xã hội tỉnh", "các tổ chức chính trị - xã hội tỉnh", "các tổ chức chính trị"),
    # a unit named with its ministry after a dash is no group
    ("Cục Cảnh sát giao thông - Bộ Công an", "Cục Cảnh sát giao thông", "các"),
    # two groups with their own "các" stay two
    ("các sở, ban, ngành, các đơn vị sự nghiệp", "các đơn vị sự nghiệp", "các sở, ban, ngành, các đơn vị sự nghiệp"),
    # a department's members listed after a colon are the members
    ("các Sở: Tài chính, Nội vụ", "Sở Nội vụ", "các Sở Tài chính"),
    ("các Giám đốc Sở: Tài chính, Nội vụ dự họp", "Sở Tài chính", "các Sở"),
    # a department alone is the department
    ("giao Sở Y tế chủ trì", "Sở Y tế", "các Sở Y tế"),
])
def test_what_these_forms_leave_alone(text, expected, absent):
    found = names(text)
    assert expected in found and not any(n.startswith(absent) and n != expected for n in found), found


@pytest.mark.parametrize("text, expected, absent", [
    # "dịch vụ", "nghĩa vụ": no department "Vụ …" in an upper-case title
    ("QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH VỀ DỊCH VỤ VẬN TẢI HÀNH KHÁCH", None, "Vụ"),
    ("thực hiện nghĩa vụ Tài chính đúng hạn", None, "Vụ"),
    ("báo cáo Vụ Kế hoạch - Tài chính", "Vụ Kế hoạch - Tài chính", None),
    # a name ends before what the body did at a meeting
    ("Viện Chiến lược phát triển trình bày dự thảo đề án", "Viện Chiến lược phát triển", "Viện Chiến lược phát triển trình bày"),
    ("Trung tâm Kiểm soát bệnh tật phát biểu ý kiến", "Trung tâm Kiểm soát bệnh tật", "Trung tâm Kiểm soát bệnh tật phát biểu"),
])
def test_where_a_name_starts_and_ends(text, expected, absent):
    found = names(text)
    if expected:
        assert expected in found, found
    if absent:
        assert not any(n.startswith(absent) and n != expected for n in found), found


# ---- references ----

@pytest.mark.parametrize("sentence, number", [
    ("Căn cứ Nghị định số 38/2016/NĐ- CP ngày 15/5/2016 của Chính phủ;", "38/2016/NĐ-CP"),
    ("theo Quyết định số 210/QĐ- UBND ngày 3/2/2020", "210/QĐ-UBND"),
    # a dash with a space on both sides is the sentence's, not the symbol's
    ("thực hiện Quyết định số 12/QĐ-UBND - Sở Tài chính báo cáo", "12/QĐ-UBND"),
])
def test_a_symbol_typed_with_a_space_after_its_hyphen(sentence, number):
    assert [c.number for c in find_citations(sentence)] == [number]


@pytest.mark.parametrize("sentence, expected", [
    # a law named without its date takes none from the document listed after it
    ("Căn cứ Luật Quy hoạch, Nghị định số 37/2019/NĐ-CP ngày 07/5/2019 của Chính phủ;",
     [("Nghị định", "2019-05-07")]),
    # a law with its own date keeps it
    ("Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;", [("Luật", "2019-06-13")]),
    ("Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Đất đai ngày 18 tháng 6 năm 2022;", [("Luật", "2022-06-18")]),
])
def test_a_law_and_the_date_of_the_next_document(sentence, expected):
    assert sorted({(c.doc_type, c.issued_date) for c in find_citations(sentence) if c.issued_date}) == expected


# ---- tasks ----

HEARING = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 31/TB-UBND
Ninh Bình, ngày 5 tháng 4 năm 2023
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác giải phóng mặt bằng
Sau khi nghe Văn phòng UBND tỉnh, Sở Tài nguyên và Môi trường trình bày báo cáo tiến độ; ý kiến của các đại biểu dự họp, Chủ tịch UBND tỉnh kết luận như sau:
1. Giao Sở Tài chính thẩm định phương án bồi thường trước ngày 20/4/2023.
"""

TO_THE_PRIME_MINISTER = """BỘ XÂY DỰNG
Số: 905/BXD-KHTC
Hà Nội, ngày 10 tháng 3 năm 2023
Kính gửi: Thủ tướng Chính phủ.
Bộ Xây dựng báo cáo tình hình giải ngân vốn đầu tư công như sau:
- Số vốn đã giải ngân đến hết tháng 2 là 1.250 tỷ đồng.
- Số vốn còn lại chưa phân bổ là 85 tỷ đồng.
"""

TO_A_DEPARTMENT = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 906/UBND-KT
Ninh Bình, ngày 10 tháng 3 năm 2023
V/v rà soát vốn đầu tư công
Kính gửi: Sở Tài chính.
Chủ tịch UBND tỉnh yêu cầu:
- Rà soát số vốn còn lại chưa phân bổ;
- Báo cáo UBND tỉnh trước ngày 20/3/2023.
"""


def test_bodies_heard_at_a_meeting_are_given_no_task(tmp_path):
    tasks = record(tmp_path, HEARING).tasks
    assert [t.responsible for t in tasks] == [["Sở Tài chính"]]


def test_a_report_to_the_prime_minister_gives_him_no_task(tmp_path):
    assert record(tmp_path, TO_THE_PRIME_MINISTER).tasks == []


def test_a_letter_to_a_department_still_gives_it_the_items(tmp_path):
    tasks = record(tmp_path, TO_A_DEPARTMENT).tasks
    assert tasks and all(t.responsible == ["Sở Tài chính"] for t in tasks)


# ---- a whole letter on one line ----

FLAT_LETTER = ("ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 512 /UBND-VP3 "
               "Nam Định, ngày 9 tháng 8 năm 2022 V/v chuẩn bị phương án tiêu úng vụ mùa "
               "Độc lập - Tự - Hạnh phúc Kính gửi: Sở Nông nghiệp và Phát triển nông thôn Chủ tịch UBND tỉnh "
               "chỉ đạo như sau: Giao Sở Nông nghiệp và Phát triển nông thôn rà soát các trạm bơm tiêu; "
               "báo cáo UBND tỉnh trước 16h00 ngày 15/8/2022. Nơi nhận: - Như trên; - Thường trực Tỉnh ủy; "
               "- Lưu: VT. KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Minh Khoa\n")


def test_a_letter_run_onto_one_line_is_read_on_its_lines(tmp_path):
    rec = record(tmp_path, FLAT_LETTER)
    doc = rec.document
    assert (doc.doc_type, doc.number, doc.place, doc.issued_date) == ("Công văn", "512/UBND-VP3", "Nam Định", "2022-08-09")
    assert doc.subject == "chuẩn bị phương án tiêu úng vụ mùa"   # the motto that lost "do" is no part of it
    assert doc.signer and doc.signer.name == "Trần Minh Khoa"
    assert [(t.responsible, t.deadline and t.deadline.end) for t in rec.tasks] == [
        (["Sở Nông nghiệp và Phát triển nông thôn"], "2022-08-15")]
    assert rec.targets == []   # "16h00" is a time, no figure


def test_a_long_line_without_the_form_is_left_whole(tmp_path):
    sentence = "Sở Tài chính rà soát kinh phí, " * 20 + "báo cáo kết quả.\n"
    rec = record(tmp_path, sentence)
    assert "\n" not in rec.text


# ---- the title line, a party board, names with numbers ----

ACTION_PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
Số: 88/KH-UBND
Hà Nam, ngày 2 tháng 6 năm 2021
KẾ HOẠCH HÀNH ĐỘNG
THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ CỦA TỈNH
Căn cứ Kế hoạch số 12-KH/BCSĐ ngày 3/3/2021 của Ban cán sự đảng Ủy ban nhân dân tỉnh,
Ủy ban nhân dân tỉnh ban hành Kế hoạch và yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các huyện, thành phố triển khai các nhiệm vụ sau đây:
"""


def test_an_action_plan_title_and_the_issuers_second_verb(tmp_path):
    rec = record(tmp_path, ACTION_PLAN)
    assert (rec.document.doc_type, rec.document.subject) == ("Kế hoạch", "thực hiện chương trình chuyển đổi số của tỉnh")
    assert "Ban cán sự đảng Ủy ban nhân dân tỉnh Hà Nam" in [b.name for b in rec.bodies]
    assert [t.responsible for t in rec.tasks] == [["các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"]]


@pytest.mark.parametrize("sentence", [
    # "và" before an assigning verb where the issuer is no subject: a noun, no request
    "Ủy ban nhân dân tỉnh nhận được ý kiến và đề nghị của Sở Tài chính về việc này.",
    # the issuer's second verb with no body after it leads the items, no task of its own
    "Ủy ban nhân dân tỉnh thống nhất chủ trương và yêu cầu thực hiện một số nội dung như sau:",
])
def test_what_the_issuers_second_verb_leaves_alone(tmp_path, sentence):
    assert record(tmp_path, sentence + "\n").tasks == []


@pytest.mark.parametrize("text, expected", [
    ("Ban cán sự đảng Bộ Tài chính đã họp", "Ban cán sự đảng Bộ Tài chính"),
])
def test_a_party_board_in_a_government_body(text, expected):
    assert expected in names(text)


def test_a_party_board_needs_the_party(tmp_path):
    assert not [n for n in names("Ban cán sự Hội Nông dân xã họp") if n.startswith("Ban cán sự")]


@pytest.mark.parametrize("sentence, values", [
    ("Giao Trung tâm Y tế lập phương án ứng phó dịch COVID-19 địa bàn theo cấp độ; báo cáo trước 9h00 ngày 5/5/2021.", []),
    ("Phấn đấu 100% cơ sở y tế sẵn sàng ứng phó dịch COVID-19 trước 8h00 ngày 5/5/2021.", [100]),
    ("Phấn đấu trồng mới 12ha rừng trong năm 2022.", [12]),      # "ha" after a figure stays a unit
])
def test_a_names_number_and_a_clock_time_are_no_figures(tmp_path, sentence, values):
    assert [t.value for t in record(tmp_path, sentence + "\n").targets] == values


# ---- a decision that lost its title, a joint issuer, recitals as a database prints them ----

LOST_TITLE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 15/2018/QĐ-UBND | Điện Biên, ngày 3 tháng 7 năm 2018 |
ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh Điện Biên.
Điều 2. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.
"""
WITH_TITLE = LOST_TITLE.replace("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\n",
                                "QUYẾT ĐỊNH\nVỀ VIỆC QUẢN LÝ CỤM CÔNG NGHIỆP\nỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\n")
APPROVES = LOST_TITLE.replace("Ban hành kèm theo Quyết định này Quy chế", "Phê duyệt Đề án phát triển")

JOINT = """THƯỜNG TRỰC
HĐND - UBND TỈNH ĐIỆN BIÊN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 02/QC-TT.HĐND-UBND
Điện Biên, ngày 9 tháng 5 năm 2017
QUY CHẾ
PHỐI HỢP CÔNG TÁC GIỮA THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN TỈNH VÀ ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Hoạt động giám sát của
Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;
Căn cứ Nghị định số 08/2016/NĐ-CP ngày 25/01/2016 của Chính phủ;
Theo đề nghị của Giám đốc Sở Công thương tại Tờ trình số 31/TTr – SCT ngày 02 tháng 3 năm 2017,
"""


@pytest.mark.parametrize("text, subject", [
    (LOST_TITLE, "ban hành Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh Điện Biên"),
    (APPROVES, "phê duyệt Đề án phát triển quản lý cụm công nghiệp trên địa bàn tỉnh Điện Biên"),
    # a title, where there is one, stays the subject
    (WITH_TITLE, "quản lý cụm công nghiệp"),
])
def test_a_decision_without_its_title_is_about_its_first_article(tmp_path, text, subject):
    assert record(tmp_path, text).document.subject == subject


def test_a_joint_standing_committee_issues_as_one_body(tmp_path):
    rec = record(tmp_path, JOINT)
    assert rec.document.issuer == "Thường trực Hội đồng nhân dân và Ủy ban nhân dân tỉnh Điện Biên"
    refs = {(r.doc_type, r.number, r.issued_date) for r in rec.references}
    # a law's name wrapped onto the next line keeps its date; a spaced dash before a code ends a number
    assert ("Luật", None, "2015-11-20") in refs
    assert ("Tờ trình", "31/TTr-SCT", "2017-03-02") in refs


@pytest.mark.parametrize("text", [
    # a law's date is not taken across the next recital
    "Căn cứ Luật Đất đai\nCăn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ;",
])
def test_a_law_takes_no_date_from_the_next_recital(text):
    assert not [c for c in find_citations(text) if c.doc_type == "Luật" and c.issued_date]


JOINT_RULES = JOINT + """QUYẾT NGHỊ:
Điều 2. Nguyên tắc phối hợp
1. Thường trực Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh phối hợp công tác để cùng thực hiện nhiệm vụ theo quy định.
2. Sở Nội vụ chủ trì tổng hợp kết quả phối hợp, báo cáo trước ngày 15 tháng 12 hằng năm.
"""


def test_the_members_of_a_joint_issuer_are_the_issuer(tmp_path):
    tasks = record(tmp_path, JOINT_RULES).tasks
    assert [t.responsible for t in tasks] == [["Sở Nội vụ"]]


@pytest.mark.parametrize("text, expected", [
    # a front committee named without its place shares the place written after the pair
    ("- UBMTTQVN và các đoàn thể tỉnh;", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("- UBMTTQ và các tổ chức chính trị - xã hội tỉnh;", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("- UBMTTQVN và Hội Nông dân tỉnh Kon Tum;", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum"),
])
def test_a_place_written_after_a_pair_places_both(text, expected):
    assert expected in names(text)


def test_a_front_committee_with_no_place_anywhere_is_left_out():
    assert not [n for n in names("báo cáo UBMTTQVN, sau đó gửi các đoàn thể.") if n.startswith("Ủy ban Mặt trận")]


PLAN_NO_TITLE = """ỦY BAN NHÂN DÂN |
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 45/KH-UBND |
Trà Vinh, ngày 12 tháng 4 năm 2022 |
Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;
Ủy ban nhân dân tỉnh Trà Vinh ban hành Kế hoạch hỗ trợ sinh kế cho hộ nghèo năm 2022 trên địa bàn tỉnh, cụ thể như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""


@pytest.mark.parametrize("text, subject", [
    (PLAN_NO_TITLE, "hỗ trợ sinh kế cho hộ nghèo năm 2022 trên địa bàn tỉnh"),
    # a plan with its title keeps the title
    (PLAN_NO_TITLE.replace("Trà Vinh, ngày 12 tháng 4 năm 2022 |\n",
                           "Trà Vinh, ngày 12 tháng 4 năm 2022 |\nKẾ HOẠCH\nGIẢM NGHÈO BỀN VỮNG NĂM 2022\n"),
     "giảm nghèo bền vững năm 2022"),
])
def test_a_plan_without_its_title_names_itself_in_its_preamble(tmp_path, text, subject):
    assert record(tmp_path, text).document.subject == subject


@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch Công đoàn giáo dục Việt Nam, các Thứ trưởng dự họp", "Công đoàn giáo dục Việt Nam"),
    ("phối hợp với Công đoàn Giáo dục Việt Nam", "Công đoàn Giáo dục Việt Nam"),
])
def test_a_trade_union_is_a_body(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text", [
    "Công đoàn viên tham gia đầy đủ",        # its members
    "tổ chức hoạt động công đoàn trong doanh nghiệp",   # the activity, in lower case
])
def test_what_is_no_trade_union(text):
    assert not [n for n in names(text) if n.lower().startswith("công đoàn")]


@pytest.mark.parametrize("text, expected", [
    ("cử một thành viên tham gia Ban vận động và tạo điều kiện", "Ban vận động"),
    ("Ban vận động Quỹ Vì người nghèo tỉnh Bạc Liêu họp", "Ban vận động Quỹ Vì người nghèo tỉnh Bạc Liêu"),
])
def test_a_campaign_board_is_a_body(text, expected):
    assert expected in names(text)


def test_campaigning_is_no_board():
    assert names("tăng cường công tác vận động nhân dân tham gia") == []
