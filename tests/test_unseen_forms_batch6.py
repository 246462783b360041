"""Forms the sixth blind batch of tests/regression showed (rg60–rg66), on texts written for these
tests: a list of ministries headed "các bộ, cơ quan:", a ministry's field abbreviated to "TC" in a
Nơi nhận, a national association and a state corporation named with the bodies, the interim
people's committee of a newly split province, and a one-syllable word glued to the next
capitalised one ("BộCông Thương"). Each table has rows that must not change."""
from __future__ import annotations

import pytest

from pipeline.gazetteer import find_mentions
from pipeline.normalize import normalize_text
from tests.forms import assert_names


@pytest.mark.parametrize("text, present, absent", [
    # "các bộ, cơ quan:" heads a list of ministries just as "các Bộ:" and "các Bộ, ngành:" do
    ("Dự họp có đại diện các bộ, cơ quan: Nội vụ, Tư pháp, Y tế và Công an.",
     ["Bộ Nội vụ", "Bộ Tư pháp", "Bộ Y tế", "Bộ Công an"], ["các bộ, cơ quan"]),
    ("Dự họp có đại diện các bộ, ngành, cơ quan: Xây dựng, Giao thông vận tải.",
     ["Bộ Xây dựng", "Bộ Giao thông vận tải"], []),
    # unchanged: the plain heads
    ("Lãnh đạo các Bộ: Nội vụ, Tài chính dự họp.", ["Bộ Nội vụ", "Bộ Tài chính"], []),
    ("Lãnh đạo các Bộ, ngành: Xây dựng, Y tế dự họp.", ["Bộ Xây dựng", "Bộ Y tế"], []),
    # unchanged: no colon, so no list of members: the group stays a group
    ("Đề nghị các bộ, cơ quan phối hợp thực hiện.", ["các bộ, cơ quan"], ["Bộ Nội vụ"]),
])
def test_ministries_listed_after_bo_co_quan(text, present, absent):
    assert_names(text, present, absent)


@pytest.mark.parametrize("text, present, absent", [
    # "TC" after the other ministries' initials in a Nơi nhận is the Bộ Tài chính
    ("Nơi nhận:\n- Các Bộ: KHĐT, TC;\n- Lưu: VT.", ["Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"], []),
    ("Gửi Sở TC để thẩm định.", ["Sở Tài chính"], []),
    # unchanged: "TC" on its own names nothing
    ("Số liệu theo mẫu TC kèm theo.", [], ["Bộ Tài chính", "Sở Tài chính"]),
])
def test_finance_initials(text, present, absent):
    assert_names(text, present, absent)


@pytest.mark.parametrize("text, name, kind", [
    ("Xét đề nghị của Phòng Thương mại và Công nghiệp Việt Nam về hỗ trợ doanh nghiệp,",
     "Phòng Thương mại và Công nghiệp Việt Nam", "other"),
    ("Làm việc với Tập đoàn Than khoáng sản Việt Nam về mỏ than.",
     "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam", "other"),
    ("Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam báo cáo.",
     "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam", "other"),
])
def test_national_association_and_corporation(text, name, kind):
    found = {m.name: m.kind for m in find_mentions(text)}
    assert found.get(name) == kind
    # not cut short to a department's name
    assert "Phòng Thương mại" not in found


@pytest.mark.parametrize("text, present, absent", [
    ("ỦY BAN NHÂN DÂN LÂM THỜI\nTỈNH SƠN LA\nSố: 05/CT-UB", ["Ủy ban nhân dân lâm thời tỉnh Sơn La"],
     ["Ủy ban nhân dân tỉnh Sơn La"]),
    ("Giao UBND lâm thời huyện Mường Chà chỉ đạo thực hiện.", ["Ủy ban nhân dân lâm thời huyện Mường Chà"], []),
    # unchanged: the ordinary committee
    ("Giao UBND huyện Mường Chà chỉ đạo thực hiện.", ["Ủy ban nhân dân huyện Mường Chà"],
     ["Ủy ban nhân dân lâm thời huyện Mường Chà"]),
])
def test_interim_peoples_committee(text, present, absent):
    assert_names(text, present, absent)


@pytest.mark.parametrize("raw, clean", [
    # a one-syllable capitalised word glued to the next capitalised syllable parts
    ("Kính gửi: BộCông Thương", "Kính gửi: Bộ Công Thương"),
    ("Giao SởNội vụ tổng hợp.", "Giao Sở Nội vụ tổng hợp."),
    # unchanged: words that are no pair of Vietnamese syllables, codes, abbreviations
    ("theo báo VnExpress đưa tin", "theo báo VnExpress đưa tin"),
    ("TpHCM và Hà Nội", "TpHCM và Hà Nội"),
    ("xác thực eKYC", "xác thực eKYC"),
    ("ThS. Lê Văn Bình", "ThS. Lê Văn Bình"),
    ("Phòng TC-KH huyện", "Phòng TC-KH huyện"),
])
def test_short_word_glued_to_next(raw, clean):
    assert normalize_text(raw)[0] == clean


@pytest.mark.parametrize("text, count", [
    # dividing a whole into parts measures nothing
    ("Năm 2004, tỉnh Lai Châu được chia tách thành hai tỉnh.", 0),
    ("Cuộc kiểm tra được chia thành 3 đợt trong năm.", 0),
    # unchanged: a count reached, and a count finished ("hoàn thành" is no division)
    ("Đến nay đã có 1.200 hộ được hỗ trợ nhà ở.", 1),
    ("Năm qua tỉnh đã hoàn thành 5 công trình thủy lợi.", 1),
])
def test_division_into_parts_is_no_target(text, count):
    from tests.test_targets import _found
    assert len(_found(text)) == count, [t["quote"] for t in _found(text)]


@pytest.mark.parametrize("text, deadlines, expected", [
    # a bare "và báo cáo <superior>" with no time of its own closes the instruction: one task
    ("Bộ Xây dựng nghiên cứu giải quyết các kiến nghị của tỉnh và báo cáo Thủ tướng Chính phủ.", (),
     [(["Bộ Xây dựng"], "nghiên cứu giải quyết", [], None)]),
    # unchanged: a report with a time of its own is a duty of its own
    ("Bộ Xây dựng nghiên cứu giải quyết các kiến nghị của tỉnh và báo cáo kết quả trước ngày 15/5/2024.",
     (("trước ngày 15/5/2024", "2024-05-15", None),),
     [(["Bộ Xây dựng"], "nghiên cứu giải quyết", [], None),
      (["Bộ Xây dựng"], "báo cáo kết quả", [], "trước ngày 15/5/2024")]),
    # unchanged: a standing report after ";" ("thường xuyên báo cáo") stays apart
    ("Bộ Xây dựng nghiên cứu giải quyết các kiến nghị của tỉnh; thường xuyên báo cáo Thủ tướng Chính phủ.", (),
     None),
])
def test_bare_closing_report_stays_with_its_instruction(text, deadlines, expected):
    from tests.test_tasks import assert_tasks, found, make_doc
    doc = make_doc(text, deadlines=deadlines, bodies=(("Bộ Xây dựng", "Bộ Xây dựng"),))
    if expected is None:
        assert len(found(doc)) == 2, found(doc)
    else:
        assert_tasks(doc, expected)


@pytest.mark.parametrize("text, present, absent", [
    ("Dự họp có đại diện Bộ Tư lệnh Quân khu IV và Bộ Công an.", ["Bộ Tư lệnh Quân khu IV", "Bộ Công an"], []),
    ("Phối hợp với Bộ Tư lệnh Quân khu 7 tổ chức diễn tập.", ["Bộ Tư lệnh Quân khu 7"], []),
    # unchanged: a number that is no military region's names none
    ("Bộ Tư lệnh Quân khu 8 cũ", [], ["Bộ Tư lệnh Quân khu 8"]),
])
def test_military_region_commands(text, present, absent):
    assert_names(text, present, absent)
