"""Forms the fifth blind batch of tests/regression showed (rg52–rg57), on texts written for these
tests: a type word inside a cited law's name, the praise of past efforts ("sự nỗ lực phấn đấu
của …") that sets no goal, key measures ("giải pháp trọng tâm") whose period is the period of the
tasks a resolution sets. Each table has rows that must not change."""
from __future__ import annotations

import pytest

from pipeline.core.citations import find_citations
from pipeline.gazetteer import find_mentions
from tests.forms import record


@pytest.mark.parametrize("recital, expected", [
    # a law named after a kind of document is one law, not a law and a "Quy hoạch"
    ("Căn cứ Luật Quy hoạch ngày 20 tháng 11 năm 2017;", [("Luật", None, "2017-11-20")]),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch ngày 15 tháng 6 năm 2018;",
     [("Luật", None, "2018-06-15")]),
    # unchanged: two documents cited one after the other stay two
    ("Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019; Quyết định số 45/QĐ-UBND ngày 02 tháng 3 năm 2020 của UBND tỉnh;",
     [("Luật", None, "2019-06-13"), ("Quyết định", "45/QĐ-UBND", "2020-03-02")]),
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2021 và Chỉ thị số 03/CT-UBND ngày 08/01/2021;",
     [("Kế hoạch", "12/KH-UBND", "2021-01-05"), ("Chỉ thị", "03/CT-UBND", "2021-01-08")]),
])
def test_type_word_inside_a_law_name(recital, expected):
    assert [(c.doc_type, c.number, c.issued_date) for c in find_citations(recital)] == expected


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH HÀ GIANG
Số: 31/NQ-HĐND
Hà Giang, ngày 10 tháng 12 năm 2021
NGHỊ QUYẾT
VỀ TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2021
HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG
QUYẾT NGHỊ:
Điều 1. Đánh giá tình hình năm 2021
{body}
"""


@pytest.mark.parametrize("body, status", [
    # whose effort it was, told of the past year: the figure after it is a result
    ("Với sự nỗ lực phấn đấu của các cấp, các ngành, nền kinh tế tiếp tục phát triển. Tốc độ tăng trưởng kinh tế đạt gần 7%.",
     "achieved"),
    ("Nhờ sự phấn đấu của toàn tỉnh, nông nghiệp phát triển ổn định. Sản lượng lương thực đạt 410.000 tấn.", "achieved"),
    # unchanged: the verb sets a goal
    ("Các cấp, các ngành nỗ lực phấn đấu tốc độ tăng trưởng kinh tế đạt 7%.", "target"),
    ("Toàn tỉnh quyết tâm phấn đấu tỷ lệ hộ dùng nước hợp vệ sinh đạt 95%.", "target"),
])
def test_praise_of_effort_sets_no_goal(tmp_path, body, status):
    rec = record(tmp_path, RESOLUTION.format(body=body))
    assert [t.status for t in rec.targets] == [status]


@pytest.mark.parametrize("heading, period", [
    # the key measures a resolution sets are for the period its heading names
    ("Điều 2. Nhiệm vụ và giải pháp trọng tâm 6 tháng cuối năm 2022", ("2022-07-01", "2022-12-31")),
    ("Điều 2. Nhiệm vụ trọng tâm năm 2022", ("2022-01-01", "2022-12-31")),
    # unchanged: a plan's name is no deadline, nor the contents a draft report proposes
    ("Điều 2. Góp ý dự thảo Báo cáo sơ kết, đề xuất nhiệm vụ, giải pháp trọng tâm giai đoạn 2026 - 2030", None),
    ("Điều 2. Thông qua Kế hoạch 6 tháng cuối năm 2022 của ngành", None),
])
def test_key_measures_period(tmp_path, heading, period):
    rec = record(tmp_path, RESOLUTION.format(body=heading + "\nTiếp tục thực hiện các giải pháp phát triển kinh tế."))
    got = [(d.start, d.end) for d in rec.deadlines]
    assert got == ([period] if period else [])


DECISION = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 88/QĐ-UBND
Hà Giang, ngày 12 tháng 12 năm 2020
QUYẾT ĐỊNH
Phê duyệt Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025.
Điều 2. {item}
"""


@pytest.mark.parametrize("item, responsible", [
    # bodies that open an item and go on to make the plan concrete: an instruction to them
    ("Giám đốc các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố cụ thể hóa các mục tiêu của Kế hoạch "
     "thành kế hoạch của ngành, địa phương.",
     ["các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"]),
    ("Sở Kế hoạch và Đầu tư cụ thể hoá các chỉ tiêu của Kế hoạch cho từng năm.", ["Sở Kế hoạch và Đầu tư"]),
    # unchanged: a noun phrase with no body before it gives no instruction
    ("Việc cụ thể hóa các mục tiêu của Kế hoạch được thực hiện theo quy định.", None),
])
def test_making_a_plan_concrete_is_an_instruction(tmp_path, item, responsible):
    rec = record(tmp_path, DECISION.format(item=item))
    got = [t.responsible for t in rec.tasks]
    assert got == ([responsible] if responsible else [])


@pytest.mark.parametrize("text, expected", [
    # a council's committees, the council's level left unsaid
    ("Báo cáo thẩm tra của các ban của Hội đồng nhân dân và ý kiến đại biểu.", ["các ban của Hội đồng nhân dân"]),
    # unchanged: named with the level, or with the abbreviation
    ("Báo cáo thẩm tra của các Ban của Hội đồng nhân dân tỉnh.", ["các ban của Hội đồng nhân dân tỉnh"]),
    ("Báo cáo thẩm tra của các Ban HĐND tỉnh.", ["các ban Hội đồng nhân dân tỉnh"]),
    ("Các ban, ngành của tỉnh phối hợp thực hiện.", ["các ban, ngành"]),
])
def test_council_committees_without_level(text, expected):
    assert [m.name for m in find_mentions(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the provincial enforcement office named by its level, beside the court
    ("Báo cáo của Tòa án nhân dân tỉnh, Thi hành án dân sự tỉnh trình tại kỳ họp.",
     [("Tòa án nhân dân tỉnh", "other"), ("Thi hành án dân sự tỉnh", "agency")]),
    # unchanged: the older department's name; the work in lower case names no body
    ("Cục Thi hành án dân sự tỉnh Sơn La báo cáo kết quả.", [("Cục Thi hành án dân sự tỉnh Sơn La", "agency")]),
    ("Công tác thi hành án dân sự được tăng cường.", []),
])
def test_enforcement_office_named_by_level(text, expected):
    assert [(m.name, m.kind) for m in find_mentions(text)] == expected


LAW_RECITAL = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: 15/QĐ-UBND
Sơn La, ngày 10 tháng 01 năm 2024
QUYẾT ĐỊNH
Về việc kiện toàn Ban Chỉ đạo thi hành án dân sự tỉnh
ỦY BAN NHÂN DÂN TỈNH SƠN LA
Căn cứ Luật Thi hành án dân sự ngày 14 tháng 11 năm 2008;
QUYẾT ĐỊNH:
Điều 1. Kiện toàn Ban Chỉ đạo thi hành án dân sự tỉnh.
"""


def test_law_named_after_the_enforcement_office_is_no_body(tmp_path):
    rec = record(tmp_path, LAW_RECITAL)
    assert not any(b.name.startswith("Thi hành án") for b in rec.bodies), [b.name for b in rec.bodies]


TASKS_RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH HÀ GIANG
Số: 20/2015/NQ-HĐND
Hà Giang, ngày 11 tháng 12 năm {issued_year}
NGHỊ QUYẾT
VỀ {title}
HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG
QUYẾT NGHỊ:
Điều 1. Thông qua các nội dung chủ yếu.
"""


@pytest.mark.parametrize("issued_year, title, period", [
    # the title names the tasks the resolution sets for the coming year: their period
    (2015, "NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2016", ("2016-01-01", "2016-12-31")),
    (2015, "NHIỆM VỤ QUỐC PHÒNG, AN NINH NĂM 2016", ("2016-01-01", "2016-12-31")),
    # unchanged: a year already past names what was done; a plan's year names the plan
    (2015, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2014", None),
    (2015, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2015", None),
    (2015, "KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2016", None),
])
def test_year_of_the_tasks_a_title_names(tmp_path, issued_year, title, period):
    rec = record(tmp_path, TASKS_RESOLUTION.format(issued_year=issued_year, title=title))
    got = [(d.start, d.end) for d in rec.deadlines]
    assert got == ([period] if period else [])


AIMS_PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 40/KH-UBND
Hà Giang, ngày 05 tháng 6 năm 2018
KẾ HOẠCH
Triển khai Đề án hỗ trợ người cao tuổi
I. {heading}
1. {subheading}
- Huy động các nguồn lực của xã hội để thực hiện mục tiêu chăm sóc người cao tuổi của tỉnh đến năm 2020.
"""


@pytest.mark.parametrize("heading, subheading, deadlines", [
    # under the plan's aims, a goal a purpose clause names is the end aimed at: its year sets nothing
    ("MỤC ĐÍCH, YÊU CẦU", "Mục đích:", []),
    ("MỤC ĐÍCH", "Nội dung:", []),
    # unchanged: under the plan's goals or tasks, the goal's year is its period
    ("MỤC TIÊU", "Mục tiêu cụ thể:", [(None, "2020-12-31")]),
    ("NHIỆM VỤ", "Huy động nguồn lực:", [(None, "2020-12-31")]),
])
def test_goal_named_in_a_purpose_under_the_aims(tmp_path, heading, subheading, deadlines):
    rec = record(tmp_path, AIMS_PLAN.format(heading=heading, subheading=subheading))
    assert [(d.start, d.end) for d in rec.deadlines] == deadlines
