"""Forms the third blind batch of tests/regression showed (rg31–rg42), on texts written for these
tests: a Công báo heading that names the issuer, number and date in one caption, a copy that lost
the issuer's block or ruled it with asterisks, "(Đã ký)" in place of a signature, the stock list
of central bodies with a comma dropped, courts and procuracies by their short forms, ministries
listed after "các Bộ, ngành:", a number glued to "ngày", a figure that is only possible. Each
table has rows that must not change."""
from __future__ import annotations

import pytest

from pipeline.core.citations import find_citations
from tests.forms import names, record


# ---- a Công báo heading ----

# Printed without the header block: the type, then the caption on a few upper-case lines.
CAPTION_ALONE = """CHỈ THỊ
CỦA THỦ
TƯỚNG CHÍNH PHỦ SỐ 12/2003/CT-TTG
NGÀY 5 THÁNG 3 NĂM 2003 VỀ VIỆC TĂNG CƯỜNG
QUẢN LÝ ĐÊ ĐIỀU MÙA MƯA BÃO
Mùa mưa bão năm nay dự báo đến sớm, Thủ tướng Chính phủ yêu cầu các Bộ, ngành kiểm tra đê điều.
"""
# The caption run on after the type on its line.
CAPTION_ON_THE_TITLE_LINE = """QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 88/1998/QĐ-TTG NGÀY 20/4/1998 VỀ VIỆC LẬP QUỸ HỖ TRỢ NGƯ DÂN
Thủ tướng Chính phủ quyết định lập quỹ hỗ trợ ngư dân các tỉnh ven biển.
"""


@pytest.mark.parametrize("text, expected", [
    (CAPTION_ALONE, ("Chỉ thị", "12/2003/CT-TTG", "Thủ tướng Chính phủ", "2003-03-05",
                     "tăng cường quản lý đê điều mùa mưa bão")),
    (CAPTION_ON_THE_TITLE_LINE, ("Quyết định", "88/1998/QĐ-TTG", "Thủ tướng Chính phủ", "1998-04-20",
                                 "lập quỹ hỗ trợ ngư dân")),
])
def test_a_gazette_caption_gives_the_fields_of_a_header(tmp_path, text, expected):
    doc = record(tmp_path, text).document
    assert (doc.doc_type, doc.number, doc.issuer, doc.issued_date, (doc.subject or "").lower()) == expected
    assert doc.is_report is False


# Under a header: the caption repeats the issuer, number and date; the trích yếu is what follows.
CAPTION_UNDER_A_HEADER = """VĂN PHÒNG CHÍNH PHỦ
********
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
********
Số: 210/KTTH
Hà Nội, ngày 14 tháng 8 năm 1998
CÔNG VĂN
CỦA VĂN PHÒNG CHÍNH PHỦ SỐ 210/KTTH NGÀY 14 THÁNG 8 NĂM 1998 VỀ VIỆC KIỂM KÊ KHO LƯƠNG THỰC DỰ TRỮ
Kính gửi: Bộ Tài chính
Thủ tướng Chính phủ giao Bộ Tài chính kiểm kê kho lương thực dự trữ.
"""
# A title with a plain trích yếu: nothing to take apart.
PLAIN_TITLE = """VĂN PHÒNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 211/KTTH
Hà Nội, ngày 15 tháng 8 năm 1998
V/v kiểm kê kho lương thực của các tỉnh
Kính gửi: Bộ Tài chính
Thủ tướng Chính phủ giao Bộ Tài chính kiểm kê kho lương thực.
"""


@pytest.mark.parametrize("text, expected", [
    (CAPTION_UNDER_A_HEADER, ("Văn phòng Chính phủ", "210/KTTH", "kiểm kê kho lương thực dự trữ")),
    (PLAIN_TITLE, ("Văn phòng Chính phủ", "211/KTTH", "kiểm kê kho lương thực của các tỉnh")),
])
def test_the_issuer_above_an_asterisk_rule_and_the_subject_after_a_caption(tmp_path, text, expected):
    doc = record(tmp_path, text).document
    assert (doc.issuer, doc.number, doc.subject) == expected


# ---- an issuer named only by the number's symbol ----

@pytest.mark.parametrize("number, issuer", [
    ("55-TTg", "Thủ tướng Chính phủ"),           # an old symbol, no type abbreviation in it
    ("301/VPCP-KTN", "Văn phòng Chính phủ"),
    ("17/XYZ", None),                           # a code nobody knows names no issuer
])
def test_a_copy_that_starts_at_the_motto_takes_its_issuer_from_the_symbol(tmp_path, number, issuer):
    text = (f"Độc lập - Tự do - Hạnh phúc\nSố: {number}\nHà Nội, ngày 3 tháng 2 năm 1997\n"
            "Các Bộ, ngành rà soát việc chi tiêu công trong quý I.\n")
    assert record(tmp_path, text).document.issuer == issuer


def test_the_issuers_block_still_wins_over_the_symbol(tmp_path):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 9/TTg-VP\nNinh Bình, ngày 3 tháng 2 năm 2020\nV/v dọn vệ sinh\nKính gửi: Sở Y tế\n"
            "Sở Y tế tổ chức dọn vệ sinh.\n")
    assert record(tmp_path, text).document.issuer == "Ủy ban nhân dân tỉnh Ninh Bình"


# ---- the signature ----

SIGNED_MARK = """THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 2 tháng 6 năm 1997
QUYẾT ĐỊNH
VỀ VIỆC CHO PHÉP THÀNH LẬP TRẠM KIỂM DỊCH
Điều 1. Cho phép thành lập trạm kiểm dịch tại cửa khẩu.
Điều 2. Bộ Y tế chịu trách nhiệm thi hành Quyết định này.
Thủ tướng
(Đã ký)
Trần Văn Bình
"""
DEPUTY_OF_AN_OFFICE = """VĂN PHÒNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/VPCP-NC
Hà Nội, ngày 2 tháng 6 năm 2015
V/v xem xét kiến nghị
Kính gửi: Bộ Tư pháp
Giao Bộ Tư pháp xem xét kiến nghị nêu trên.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Lê Minh Châu
"""
# No title above the last line: no signer, "(Đã ký)" or not.
NO_TITLE = """THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 2 tháng 6 năm 1997
QUYẾT ĐỊNH
VỀ VIỆC CHO PHÉP THÀNH LẬP TRẠM KIỂM DỊCH
Điều 1. Cho phép thành lập trạm kiểm dịch tại cửa khẩu.
(Đã ký)
Trần Văn Bình
"""


@pytest.mark.parametrize("text, signer", [
    (SIGNED_MARK, ("Trần Văn Bình", "Thủ tướng")),
    (DEPUTY_OF_AN_OFFICE, ("Lê Minh Châu", "Phó Chủ nhiệm")),
    (NO_TITLE, None),
])
def test_the_signer_of_these_blocks(tmp_path, text, signer):
    found = record(tmp_path, text).document.signer
    assert (found and (found.name, found.title)) == signer


def test_a_decision_signed_so_still_gives_its_execution_clause(tmp_path):
    tasks = record(tmp_path, SIGNED_MARK).tasks
    assert [t.responsible for t in tasks] == [["Bộ Y tế"]]


# ---- bodies and groups ----

@pytest.mark.parametrize("text, expected", [
    ("Ủy ban nhân dân tỉnh, các Bộ, cơ quan ngang Bộ cơ quan thuộc Chính phủ thi hành Quyết định này.",
     "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"),
    ("Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ thi hành Quyết định này.",
     "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"),
    ("Sau khi nghe báo cáo của các cơ quan hữu quan, Hội đồng thống nhất.", "các cơ quan hữu quan"),
    ("Các cơ quan ngang Bộ gửi báo cáo.", "các cơ quan ngang bộ"),
    # a council's committees, named with the council
    ("Sau khi nghe báo cáo thẩm tra của các Ban HĐND tỉnh, Hội đồng biểu quyết.", "các ban Hội đồng nhân dân tỉnh"),
    ("Các Ban của Hội đồng nhân dân huyện giám sát việc thực hiện.", "các ban của Hội đồng nhân dân huyện"),
    ("Các sở, ban, ngành tỉnh thực hiện.", "các sở, ban, ngành tỉnh"),
])
def test_groups_written_in_these_forms(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize("text, expected", [
    ("Báo cáo của TAND tỉnh Bắc Kạn và VKSND huyện Ba Bể được gửi kèm.",
     ["Tòa án nhân dân tỉnh Bắc Kạn", "Viện kiểm sát nhân dân huyện Ba Bể"]),
    ("Tòa án nhân dân tỉnh Hà Nam xét xử lưu động.", ["Tòa án nhân dân tỉnh Hà Nam"]),
    ("Lãnh đạo các Bộ, ngành: Tài chính, Xây dựng và Thanh tra Nhà nước dự họp.",
     ["Bộ Tài chính", "Bộ Xây dựng", "Thanh tra Nhà nước"]),
    ("Ban Vật giá Chính phủ hướng dẫn giá cước.", ["Ban Vật giá Chính phủ"]),
    ("Đài Phát thanh và Truyền hình tỉnh đưa tin.", ["Đài Phát thanh và Truyền hình tỉnh"]),
])
def test_bodies_written_in_these_forms(text, expected):
    found = names(text)
    assert all(name in found for name in expected), found


@pytest.mark.parametrize("text, absent", [
    ("Dịch cúm đã lan tới Đài Loan và Hồng Kông.", "Đài Loan"),
    ("Các Bộ, ngành liên quan rà soát lại.", "Bộ Tài chính"),   # a group named, no member
])
def test_what_these_forms_leave_alone(text, absent):
    assert all(absent not in name for name in names(text))


def test_ministries_listed_after_a_group_count_as_members_only(tmp_path):
    text = "Tham dự có lãnh đạo các Bộ, ngành: Tài chính, Xây dựng."
    found = names(text)
    assert "Bộ Tài chính" in found and not any(n.lower() == "các bộ, ngành" for n in found)


# ---- references ----

@pytest.mark.parametrize("sentence, number", [
    ("Xét Tờ trình số 15/TTr-SNVngày 3 tháng 5 năm 2019 của Sở Nội vụ,", "15/TTr-SNV"),
    ("Theo Công văn số 88/SNG-VP ngày 2/3/2020 của Sở Ngoại vụ,", "88/SNG-VP"),
    ("Căn cứ Kế hoạch số 20/KH-UBND ngày 4/1/2021 của UBND tỉnh,", "20/KH-UBND"),
])
def test_a_number_glued_to_the_word_ngay_ends_before_it(sentence, number):
    assert [c.number for c in find_citations(sentence)] == [number]


# ---- targets ----

@pytest.mark.parametrize("sentence, values", [
    ("Một cặp chuột trong một năm có thể sinh ra hơn 500 con.", []),         # a possibility
    ("Trong năm qua, một cặp chuột sinh ra hơn 500 con.", [500]),           # a result
    ("Phấn đấu để có thể có thêm 12 xã đạt chuẩn nông thôn mới.", [12]),     # a goal still
])
def test_a_possible_figure_is_no_target(tmp_path, sentence, values):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 5/KH-UBND\nHà Nam, ngày 3 tháng 2 năm 2020\nKẾ HOẠCH\nVỀ VIỆC XÂY DỰNG NÔNG THÔN MỚI\n"
            "I. MỤC TIÊU\n" + sentence + "\n")
    assert [t.value for t in record(tmp_path, text).targets] == values


# ---- a subject from the opening ----

@pytest.mark.parametrize("opening, subject", [
    # a plan the province issued before, cited by its number: another document
    ("Thực hiện Quyết định số 7/QĐ-TTg ngày 2/3/2016, UBND tỉnh đã ban hành Kế hoạch số 107/KH-UBND "
     "ngày 20/12/2016 về việc thực hiện Đề án giai đoạn 2016 - 2020.", None),
    ("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Đề án kiểm soát dân số giai đoạn 2021 - 2025 "
     "như sau:", "thực hiện Đề án kiểm soát dân số giai đoạn 2021 - 2025"),
])
def test_a_plan_cited_by_its_number_is_no_subject(tmp_path, opening, subject):
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "Số: 197/KH-UBND | Hà Nam, ngày 03 tháng 12 năm 2021 |\n" + opening + "\n")
    assert record(tmp_path, text).document.subject == subject


# ---- a steering committee's topic, an issuer cut short, units ----

@pytest.mark.parametrize("text, expected", [
    # the topic opens with a verb: it is still the topic
    ("Ban Chỉ đạo quốc gia về cung cấp nước sạch và vệ sinh môi trường họp.",
     "Ban Chỉ đạo quốc gia về cung cấp nước sạch và vệ sinh môi trường"),
    ("Ban Chỉ đạo tỉnh về tổ chức kỳ thi đã họp.", "Ban Chỉ đạo tỉnh về tổ chức kỳ thi"),
    ("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng chỉ đạo.",
     "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng"),
])
def test_a_committees_topic_may_open_with_a_verb(text, expected):
    assert names(text) == [expected]


def test_a_heading_in_capitals_with_a_broken_xa_names_no_association():
    assert not any(n.startswith("Hội") for n in names("PHÁT TRIỂN KINH TẾ - Xà HỘI VÀ DỰ TOÁN NGÂN SÁCH NĂM 2002"))


@pytest.mark.parametrize("first_line, issuer", [
    # the second line of the block lost: the symbol's ministry begins with what is left
    ("BỘ NÔNG NGHIỆP", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("BỘ TÀI CHÍNH", "Bộ Tài chính"),   # another ministry than the symbol's: the header stands
])
def test_an_issuer_cut_short_is_completed_from_the_symbol(tmp_path, first_line, issuer):
    text = (f"{first_line} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "Số: 310/CT-BNN-TT | Hà Nội, ngày 4 tháng 3 năm 2024 |\nCHỈ THỊ\nVỀ VIỆC PHÒNG CHỐNG SÂU BỆNH\n"
            "Ủy ban nhân dân các tỉnh chỉ đạo phòng chống sâu bệnh.\n")
    assert record(tmp_path, text).document.issuer == issuer


@pytest.mark.parametrize("sentence, unit", [
    ("Năm qua cả nước ghi nhận 5.200 ca mắc sởi.", "ca"),            # the classifier, not "ca mắc"
    ("Năm qua tỷ số giới tính khi sinh là 112 trẻ trai/100 trẻ gái.", "trẻ trai"),
    ("Năm qua có 12 trẻ em bỏ học.", "trẻ em"),
])
def test_units_of_these_figures(tmp_path, sentence, unit):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 5/KH-UBND\nHà Nam, ngày 3 tháng 2 năm 2020\nKẾ HOẠCH\nVỀ VIỆC Y TẾ DỰ PHÒNG\n"
            "I. TÌNH HÌNH\n" + sentence + "\n")
    assert [t.unit for t in record(tmp_path, text).targets] == [unit]


# ---- a yearly stretch of days ----

LETTER = ("VĂN PHÒNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "Số: 90/KGVX\nHà Nội, ngày 10 tháng 3 năm 1998\nV/v tháng hành động vì trẻ em\n"
          "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n")


@pytest.mark.parametrize("sentence, values", [
    # the stretch is when the yearly event falls: one value
    ("Hằng năm tổ chức Tháng hành động vì trẻ em trong cả nước từ ngày 1 tháng 6 đến ngày 30 tháng 6.",
     {("1998-06-01", "1998-06-30", "FREQ=YEARLY")}),
    # another clause: two values
    ("Hằng năm tổng kết công tác trẻ em. Đợt kiểm tra liên ngành từ ngày 1 tháng 6 đến ngày 30 tháng 6.",
     {(None, None, "FREQ=YEARLY"), ("1998-06-01", "1998-06-30", None)}),
    # a stretch with its year is that year's, not the recurrence's
    ("Hằng năm tổ chức Tháng hành động vì trẻ em, năm nay từ ngày 1/6/1998 đến ngày 30/6/1998.",
     {(None, None, "FREQ=YEARLY"), ("1998-06-01", "1998-06-30", None)}),
])
def test_a_yearly_event_and_its_days(tmp_path, sentence, values):
    found = {(d.start, d.end, d.recurrence) for d in record(tmp_path, LETTER + sentence + "\n").deadlines}
    assert found == values


# ---- words a copy glued at a lost line break ----

@pytest.mark.parametrize("text, expected", [
    ("các Bộ, cơ quan ngang Bộ, cơ quan thuộcChính phủ", "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"),
    ("Ủy ban nhân dân tỉnhNam Định", "Ủy ban nhân dân tỉnh Nam Định"),
    ("Xem tin trên baoHaiDuong.vn hằng ngày", "Xem tin trên baoHaiDuong.vn hằng ngày"),   # a web address
    ("xác thực eKYC", "xác thực eKYC"),                                              # a code
    ("Số: 12/TTr-SNV", "Số: 12/TTr-SNV"),                                            # a symbol
    ("thuộc thầm quyÊn cung cấp", "thuộc thầm quyÊn cung cấp"),                      # a broken font's capital
])
def test_a_word_glued_at_a_lost_line_break_is_parted(text, expected):
    from pipeline.normalize import normalize_text
    assert normalize_text(text)[0] == expected


@pytest.mark.parametrize("sentence, values", [
    ("Hội nghị năm qua của khu vực 15 tỉnh, thành phố đồng bằng Bắc Bộ đã đánh giá tình hình.", []),
    ("Năm qua, Khu vực 2 đã có 15 xã đạt chuẩn nông thôn mới.", [15]),   # the label goes, the count stays
])
def test_a_regions_number_is_no_figure(tmp_path, sentence, values):
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 5/BC-UBND\nHà Nam, ngày 3 tháng 2 năm 2020\nBÁO CÁO\nVỀ VIỆC XÂY DỰNG NÔNG THÔN MỚI\n"
            "I. TÌNH HÌNH\n" + sentence + "\n")
    assert [t.value for t in record(tmp_path, text).targets] == values


def test_a_local_code_does_not_complete_an_issuer_with_a_guessed_place(tmp_path):
    # "MTTQ" names the front of some level; the central one signs in Hà Nội too: no place is guessed
    text = ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "Số: 31/MTTQ-BTT | Hà Nội, ngày 4 tháng 3 năm 2024 |\nV/v vận động ủng hộ\nKính gửi: Các tổ chức thành viên\n"
            "Đề nghị các tổ chức thành viên vận động ủng hộ.\n")
    assert record(tmp_path, text).document.issuer.lower() == "ủy ban mặt trận tổ quốc việt nam"
