"""The targets stage on lists of indicators and the units they are written with: one row per
phrase, in the team's own words, with rows that must give nothing."""
from __future__ import annotations

import pytest

from tests.test_targets import _found


def _by_value(text: str) -> dict:
    return {t["value"]: t for t in _found(text)}


# --- units ---------------------------------------------------------------------------------
UNITS = [
    # kinds of one level listed after one figure are one unit, kept as written
    ("Phấn đấu duy trì chuẩn phổ cập ở 125 xã, phường, thị trấn.", 125, "xã, phường, thị trấn"),
    ("Phấn đấu chỉ số của tỉnh nằm trong nhóm 20 tỉnh, thành phố dẫn đầu.", 20, "tỉnh, thành phố"),
    ("Đến nay, 11/16 sở, ban, ngành đã kết nối hệ thống.", 11, "sở, ban, ngành"),
    ("Có 06/08 sở có ý kiến đồng thuận với dự thảo.", 6, "sở"),
    # not kinds of one level, or one place named
    ("Phấn đấu có 05 xã, thôn đạt chuẩn văn hóa.", 5, "xã"),
    ("Phấn đấu có 04 xã, thị trấn Ia Kha đạt chuẩn.", 4, "xã"),
    # a scale word stays in the unit; a rate's "per" leaves it
    ("Tổng lượt khách phấn đấu đạt trên 6 triệu lượt.", 6, "triệu lượt"),
    ("Thu nhập bình quân đầu người: 75 triệu đồng/năm.", 75, "triệu đồng"),
    ("Phấn đấu đạt 12,5 bác sĩ/vạn dân.", 12.5, "bác sĩ"),
    # a compound counted noun is the unit whole ("tàu cá" counts fishing boats), a bare "tàu" alone
    ("Đến nay toàn tỉnh có 3.250 tàu cá đã lắp thiết bị giám sát hành trình.", 3250, "tàu cá"),
    ("Phấn đấu đưa vào khai thác 12 tàu chở khách mới.", 12, "tàu"),
    # a multiple
    ("Số hộ tham gia gấp hơn 4 lần so với năm 2015.", 4, "lần"),
]


@pytest.mark.parametrize("text, value, unit", UNITS)
def test_units(text, value, unit):
    found = _by_value(text)
    assert value in found, [(t["value"], t["quote"]) for t in found.values()]
    assert found[value]["unit"] == unit


def test_a_bare_day_and_month_before_a_date_word_stays_a_date():
    assert _found("Ngày 06/08 xã tổ chức hội nghị.") == []
    assert _found("Trước 15/10 huyện gửi báo cáo.") == []


def test_a_share_is_never_a_label_number():
    """"Dịch vụ 35%": "vụ" labels a number ("vụ 3") but not a percentage."""
    found = _by_value("- Nông nghiệp chiếm 20%; Công nghiệp 40%; Dịch vụ 35%; Thuế 5%")
    assert sorted(found) == [5, 20, 35, 40]
    assert found[35]["quote"] == "Dịch vụ 35%"


# --- what is no target ------------------------------------------------------------------------
NOT_TARGETS = [
    # how many goals a plan sets: its own parts
    "Trong đó, có 12 chỉ tiêu kinh tế, 7 chỉ tiêu xã hội và 4 chỉ tiêu môi trường.",
    "9 chỉ tiêu xã hội gồm:",
    "30 chỉ tiêu phấn đấu năm 2025",
    # "trên một": per unit, no bound
    "Tăng giá trị thu được trên một đơn vị diện tích canh tác.",
    # whose report it is
    "Tổng hợp báo cáo của 12 hội về việc tổ chức đại hội.",
]


@pytest.mark.parametrize("text", NOT_TARGETS)
def test_not_targets(text):
    assert _found(text) == []


def test_a_count_of_goals_reached_is_a_result():
    got = _by_value("Năm 2023 toàn tỉnh đã hoàn thành 19/24 chỉ tiêu.")[19]
    assert (got["denominator"], got["unit"], got["status"]) == (24, "chỉ tiêu", "achieved")
    assert _by_value("Năm 2023 có 17 chỉ tiêu đạt và vượt kế hoạch.")[17]["status"] == "achieved"


def test_a_count_of_who_took_part_is_no_possessor():
    assert _by_value("Hội nghị có sự tham gia của 180 đại biểu.")[180]["unit"] == "đại biểu"


# --- lists of indicators ------------------------------------------------------------------------
LIST = ("Kết quả năm 2024 như sau.\n"
        "9 chỉ tiêu kinh tế gồm:\n"
        "- Tốc độ tăng trưởng kinh tế (GRDP): Trên 8%\n"
        "- Nông, lâm nghiệp chiếm 15%; Công nghiệp - xây dựng 45%; Dịch vụ 40%\n"
        "- Thu ngân sách nhà nước: 9.500 tỷ đồng; Giá trị xuất khẩu: 2,5 tỷ USD\n"
        "- Số giường bệnh trên 1 vạn dân: 40 giường\n"
        "Kết quả đạt được năm 2024 như sau:\n"
        "- Thu ngân sách nhà nước: 8.700 tỷ đồng\n")


def test_a_list_item_label_is_the_indicator_and_opens_the_evidence():
    found = _by_value(LIST)
    assert found[8]["quote"] == "Tốc độ tăng trưởng kinh tế (GRDP): Trên 8%"
    assert found[8]["indicator"] == "Tốc độ tăng trưởng kinh tế (GRDP)"
    assert (found[8]["comparator"], found[8]["unit"]) == (">", "%")
    assert found[9500]["quote"] == "Thu ngân sách nhà nước: 9.500 tỷ đồng"
    assert found[2.5]["quote"] == "Giá trị xuất khẩu: 2,5 tỷ USD"
    assert found[40]["quote"] == "Số giường bệnh trên 1 vạn dân: 40 giường"


def test_the_lead_in_of_a_list_governs_its_items():
    found = _by_value(LIST)
    assert {v: found[v]["status"] for v in (8, 15, 45, 9500, 2.5, 8700)} == {
        8: "target", 15: "target", 45: "target", 9500: "target", 2.5: "target", 8700: "achieved"}
    assert 9 not in found  # "9 chỉ tiêu kinh tế gồm:" counts the list's own items


def test_a_long_label_is_still_the_indicator():
    found = _by_value("Kết quả giải ngân đến ngày 30/9/2024 như sau:\n"
                      "- Số vốn kế hoạch đã được tỉnh giao chi tiết cho các sở, ban, ngành "
                      "và các huyện, thị xã trong năm: 4.125,6 tỷ đồng\n")
    assert found[4125.6]["quote"].startswith("Số vốn kế hoạch đã được tỉnh giao chi tiết")


def test_a_lead_in_is_no_label():
    found = _by_value("Cụ thể: 30 xã đạt chuẩn nông thôn mới.")
    assert found[30]["quote"].startswith("30 xã")


# --- evidence: the clause that states the target -------------------------------------------------
EVIDENCE = [
    # a long subject with a list of nouns: the clause from its opening comma, not the list's last comma
    ("Phấn đấu đến cuối năm 2025, tỷ lệ hài lòng của người dân, tổ chức về dịch vụ công "
     "lĩnh vực tư pháp, hộ tịch, chứng thực đạt tối thiểu 92%.",
     92, "tỷ lệ hài lòng của người dân, tổ chức về dịch vụ công lĩnh vực tư pháp, hộ tịch, chứng thực đạt tối thiểu 92%"),
    ("3. Phấn đấu xếp hạng chỉ số chuyển đổi số năm 2025 của các sở, ngành, địa phương đạt trên 80%.",
     80, "Phấn đấu xếp hạng chỉ số chuyển đổi số năm 2025 của các sở, ngành, địa phương đạt trên 80%"),
    # the subject's own commas stay in; the scene-setting phrases before it do not
    ("Phấn đấu đến năm 2026, trên địa bàn tỉnh, tỷ lệ học sinh tiểu học được học bơi, "
     "được trang bị kỹ năng an toàn trong môi trường nước đạt trên 70%.",
     70, "tỷ lệ học sinh tiểu học được học bơi, được trang bị kỹ năng an toàn trong môi trường nước đạt trên 70%"),
    ("Tuy nhiên, theo báo cáo của Sở Xây dựng, tính đến ngày 30/6/2024, toàn tỉnh mới khởi công "
     "được 420 căn nhà.", 420, "toàn tỉnh mới khởi công được 420 căn nhà"),
    # a share runs over the nouns it counts, commas included
    ("- Duy trì 100% trường, lớp được học 2 buổi/ngày và có bếp ăn; giảm tỷ lệ trẻ thấp còi 0,5%.",
     100, "Duy trì 100% trường, lớp được học 2 buổi/ngày và có bếp ăn"),
]


@pytest.mark.parametrize("text, value, quote", EVIDENCE)
def test_evidence_covers_the_clause(text, value, quote):
    found = _by_value(text)
    assert found[value]["quote"].lstrip("- ") == quote


def test_a_figure_inside_the_nouns_of_a_share_is_theirs():
    assert sorted(_by_value("- Duy trì 100% trường, lớp được học 2 buổi/ngày và có bếp ăn.")) == [100]
    # after a comma, or a word that introduces a figure, a figure is its own
    assert sorted(_by_value("Phấn đấu 95% xã, 70% thôn đạt chuẩn.")) == [70, 95]
    assert sorted(_by_value("Tỷ lệ năm 2025 là 91,5%, tỉnh Hà Giang 92%, tỉnh Lai Châu 90,5%.")) == [90.5, 91.5, 92]
    assert sorted(_by_value("Phấn đấu 100% xã, phường có ít nhất 01 điểm tập luyện.")) == [1, 100]


def test_a_line_wrapped_before_a_figure_keeps_its_clause():
    text = "- Phấn đấu tỷ lệ huy động trẻ ra lớp đạt: 96% đối với trẻ mẫu giáo, riêng trẻ 5 tuổi đạt\n99,5% trở lên."
    assert _by_value(text)[99.5]["quote"] == "riêng trẻ 5 tuổi đạt\n99,5% trở lên"
    assert _found("Tổng hợp báo cáo của sở quản lý chuyên ngành và báo cáo của\n12 hội về việc tổ chức đại hội.") == []
    # a list label or a page number on the next line opens no clause of the line before
    found = _by_value("Phấn đấu có thêm 05 xã đạt chuẩn nông thôn mới\n2. Đến nay đã có 12 xã đạt chuẩn.")
    assert found[12]["status"] == "achieved" and found[12]["quote"].startswith("Đến nay")


# --- sections and cues that make a figure no target ------------------------------------------------
def test_award_standards_and_papers_set_no_targets():
    text = ("III. CHỈ TIÊU PHẤN ĐẤU\n1. Phấn đấu có 90% hồ sơ được giải quyết trực tuyến.\n"
            "IV. TIÊU CHUẨN KHEN THƯỞNG\n1. Đối với tập thể\n- Có ít nhất 02 sáng kiến được áp dụng.\n"
            "- Nằm trong nhóm 05 cơ quan dẫn đầu.\n"
            "V. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG\nHồ sơ gồm 03 bộ (trong đó có 01 bộ gốc).")
    assert [t["value"] for t in _found(text)] == [90]


def test_figures_under_a_heading_of_proposals_are_no_targets():
    text = ("2. Kết quả rà soát và đề xuất\na) Kết quả rà soát\n- 06 hội đã tổ chức đại hội.\n"
            "3. Sở Tư pháp tham mưu Chủ tịch Ủy ban nhân dân tỉnh các nội dung sau:\n"
            "a) Giải thể 04 hội gồm: Hội A, Hội B, Hội C và Hội D.")
    assert [(t["value"], t["status"]) for t in _found(text)] == [(6, "achieved")]


def test_none_is_a_figure_only_as_a_goal():
    assert _found("Đến nay hội không có văn bản báo cáo về việc tổ chức đại hội.") == []
    assert _found("Phấn đấu đến năm 2026 không còn hộ dùng nước chưa hợp vệ sinh.")[0]["value"] == 0


def test_a_forecast_paragraph_sets_no_targets():
    text = ("Theo nhận định của Đài Khí tượng Thủy văn tỉnh, năm nay có khả năng xuất hiện 10-12 cơn bão, "
            "trong đó có khoảng 03 - 04 cơn bão ảnh hưởng trực tiếp đến tỉnh. Mực nước tại trạm Cần Thơ ở mức "
            "từ 2,0 - 2,2m dưới mức báo động II (BĐ II là 2,20m).\n"
            "Năm 2023, toàn tỉnh đã di dời 1.200 hộ dân ra khỏi vùng sạt lở.")
    assert [t["value"] for t in _found(text)] == [1200]


# --- goals without a figure: the aims after "với mục tiêu" -----------------------------------------
AIMS = ("Sản xuất vụ Xuân có vai trò quan trọng. Với mục tiêu đẩy mạnh sản xuất hàng hóa, nâng cao giá trị "
        "trên một đơn vị diện tích, tăng hệ số sử dụng đất và từng bước đưa vụ Xuân trở thành vụ sản xuất "
        "chủ lực của huyện, góp phần tăng thu nhập. Đẩy mạnh cơ giới hóa. Giữ vững an ninh nông thôn, bảo đảm "
        "trật tự xã hội; mở rộng thị trường.\n"
        "Giữ vững kết quả đã đạt được trong năm qua.")


def test_aims_after_a_goal_lead_that_name_a_state_are_goals():
    goals = [t["indicator"] for t in _found(AIMS) if t["value"] is None]
    # not the general aims ("đẩy mạnh", "nâng cao"), nor a paragraph with no lead
    assert goals == ["từng bước đưa vụ Xuân trở thành vụ sản xuất chủ lực của huyện", "Giữ vững an ninh nông thôn"]


# --- attributes --------------------------------------------------------------------------------
ATTRIBUTES = [
    # a rank among the first few
    ("Phấn đấu chỉ số PCI năm 2025 của tỉnh nằm trong nhóm 20 tỉnh, thành phố dẫn đầu.", 20,
     dict(comparator="<=", status="target")),
    # "kết quả" names what is reached; the "Phấn đấu" before it governs
    ("Phấn đấu kết quả xếp hạng của tỉnh nằm trong nhóm 10 địa phương dẫn đầu.", 10, dict(status="target")),
    ("Kết quả đánh giá năm 2023 có 12 xã xếp loại tốt.", 12, dict(status="achieved")),
    # a clause whose verb is "giảm", far from its figure
    ("II. MỤC TIÊU\n- Giảm bình quân tỷ lệ trẻ suy dinh dưỡng thể thấp còi ở các xã vùng cao từ 0,5 đến 1%/năm.",
     0.5, dict(mode="reduction", value_max=1)),
    ("II. MỤC TIÊU\n- Giảm tỷ lệ hộ nghèo xuống còn 3%.", 3, dict(mode="share")),
]


@pytest.mark.parametrize("text, value, expected", ATTRIBUTES)
def test_attributes(text, value, expected):
    got = _by_value(text)[value]
    assert {k: got[k] for k in expected} == expected, got


def test_growth_of_sectors_adding_up_to_a_whole_are_shares():
    found = _by_value("Cụ thể như: tăng trưởng GRDP đạt 8-9%; nông nghiệp tăng khoảng 20%; "
                      "công nghiệp tăng khoảng 38%; dịch vụ tăng khoảng 41%.")
    assert {v: found[v]["mode"] for v in (8, 20, 38, 41)} == {8: "total", 20: "share", 38: "share", 41: "share"}


def test_a_heading_says_more_than_a_lead_in():
    text = ("I. KẾT QUẢ THỰC HIỆN NĂM 2024\nNăm 2024, toàn tỉnh đạt 20/24 chỉ tiêu; trong đó:\n"
            "- Tốc độ tăng trưởng GRDP: 7,8%\n- Thu ngân sách: 11.200 tỷ đồng\n"
            "II. MỤC TIÊU NĂM 2025\n1. Các chỉ tiêu chủ yếu\n- Thu ngân sách nhà nước: Trên 12.000 tỷ đồng")
    found = _by_value(text)
    assert {v: found[v]["status"] for v in (7.8, 11200, 12000)} == {7.8: "achieved", 11200: "achieved",
                                                                   12000: "target"}


LABELS = [
    # a body before ":" and a goal verb: no label of the figure
    ("1. Sở Nội vụ: Phấn đấu 100% hồ sơ được giải quyết đúng hạn.", 100, "Phấn đấu 100% hồ sơ được giải quyết đúng hạn"),
    # a share whose nouns follow: they are what is counted, not the label
    ("- Sở Y tế: 100% trạm y tế có bác sĩ.", 100, "100% trạm y tế có bác sĩ"),
    # a verb between the label and its figure
    ("- Tỷ lệ lao động qua đào tạo: đạt 70%", 70, "Tỷ lệ lao động qua đào tạo: đạt 70%"),
]


@pytest.mark.parametrize("text, value, quote", LABELS)
def test_which_labels_name_the_figure(text, value, quote):
    assert _by_value(text)[value]["quote"] == quote


def test_a_list_item_takes_the_period_of_its_lead_in():
    got = _by_value("Các chỉ tiêu chủ yếu năm 2025 gồm:\n- Thu ngân sách nhà nước: 9.000 tỷ đồng\n")[9000]
    assert (got["status"], got["period"]) == ("target", {"start": "2025-01-01", "end": "2025-12-31"})


# "mỗi năm", "bình quân hằng năm" say how often, not what is counted: the indicator is read past them.
@pytest.mark.parametrize("text, value, indicator", [
    ("Phấn đấu mỗi năm giảm 2-3% tỷ lệ trẻ suy dinh dưỡng.", 2, "tỷ lệ trẻ suy dinh dưỡng"),
    ("Phấn đấu bình quân hằng năm giảm 1,5% tỷ lệ hộ nghèo.", 1.5, "tỷ lệ hộ nghèo"),
    # a noun before the figure stays the indicator
    ("Mỗi năm số hộ nghèo giảm 1.200 hộ.", 1200, "số hộ nghèo"),
])
def test_a_yearly_rate_word_is_no_indicator(text, value, indicator):
    found = _by_value(text)
    assert found[value]["indicator"] == indicator
