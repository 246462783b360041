"""Vietnamese numbers (pipeline/core/numbers.py): one row per form, with the value it must give,
and rows that must not read as a figure. The sentences are the team's own."""
from __future__ import annotations

import pytest

from pipeline import resources
from pipeline.core.numbers import bound_after, find_figures, parse_number, scale

PARSED = [
    ("07", 7),                 # leading zero
    ("0", 0),
    ("1.200", 1200),           # thousands with dots
    ("17.904", 17904),
    ("106.000", 106000),
    ("1.234.567", 1234567),
    ("97,5", 97.5),            # decimal comma
    ("95,00", 95),             # a whole number written with decimals stays an integer
    ("2.968,4", 2968.4),       # thousands and decimals together
    ("2.5", 2.5),              # a decimal point where the group is not three digits
    ("1,200,000", 1200000),    # English-style thousands
    ("bảy", 7),                # words
    ("mười", 10),
    ("mười lăm", 15),
    ("hai mươi lăm", 25),
    ("bốn mươi tư", 44),
    ("năm mươi", 50),
    ("một trăm", 100),
    ("một trăm linh năm", 105),
    ("một trăm lẻ năm", 105),
    ("hai nghìn", 2000),
    ("ba ngàn", 3000),
    ("một nghìn hai trăm", 1200),
    ("hai triệu", 2000000),
    ("một tỷ", 1000000000),
]

NOT_NUMBERS = ["", "abc", "không", "tư", "lăm", "hàng trăm", "củ", "03/CT-UBND"]


@pytest.mark.parametrize("written, value", PARSED)
def test_parse_number(written, value):
    parsed = parse_number(written)
    assert parsed == value and type(parsed) is type(value)


@pytest.mark.parametrize("written", NOT_NUMBERS)
def test_not_a_number(written):
    assert parse_number(written) is None


# (sentence, the figure as written, value, value_max, denominator, percent, comparator)
FIGURES = [
    ("phấn đấu có thêm 07 hợp tác xã kiểu mới", "07", 7, None, None, False, None),
    ("toàn huyện đã có 27/31 xã đạt chuẩn", "27/31", 27, None, 31, False, None),
    ("tỷ lệ che phủ rừng đạt 47,5%", "47,5%", 47.5, None, None, True, None),
    ("tỷ lệ tiêm chủng đạt 50 phần trăm", "50 phần trăm", 50, None, None, True, None),
    ("tăng trưởng kinh tế đạt 8-8,5%", "8-8,5%", 8, 8.5, None, True, None),
    ("tăng trưởng kinh tế đạt 8 - 8,5%", "8 - 8,5%", 8, 8.5, None, True, None),
    ("giảm tỷ lệ hộ nghèo từ 2 đến 2,5%", "từ 2 đến 2,5%", 2, 2.5, None, True, None),
    ("từ 9% đến 10% số hộ", "từ 9% đến 10%", 9, 10, None, True, None),
    ("doanh thu đạt 62-63 triệu đồng", "62-63", 62, 63, None, False, None),
    ("thu ngân sách đạt 8.450 tỷ đồng", "8.450", 8450, None, None, False, None),
    ("diện tích lúa gần 3.120 ha", "gần 3.120", 3120, None, None, False, "="),
    ("khoảng 21-22% số lao động", "khoảng 21-22%", 21, 22, None, True, "="),
    ("hơn 1.500 hộ được hỗ trợ", "hơn 1.500", 1500, None, None, False, ">"),
    ("trên 40.000 con gia cầm bị tiêu hủy", "trên 40.000", 40000, None, None, False, ">"),
    ("dưới 10 tiêu chí", "dưới 10", 10, None, None, False, "<"),
    ("mỗi xã có ít nhất 01 tổ công nghệ số", "ít nhất 01", 1, None, None, False, ">="),
    ("tối thiểu 30% số trường", "tối thiểu 30%", 30, None, None, True, ">="),
    ("không quá 5% hồ sơ trễ hạn", "không quá 5%", 5, None, None, True, "<="),
    ("tối đa 3 ngày làm việc", "tối đa 3", 3, None, None, False, "<="),
    ("phấn đấu có bảy xã đạt chuẩn", "bảy", 7, None, None, False, None),
    ("hai mươi lăm thôn đạt chuẩn", "hai mươi lăm", 25, None, None, False, None),
]


@pytest.mark.parametrize("sentence, written, value, value_max, denominator, percent, comparator", FIGURES)
def test_find_figures(sentence, written, value, value_max, denominator, percent, comparator):
    figures = find_figures(sentence)
    assert len(figures) == 1, [sentence[f.start:f.end] for f in figures]
    f = figures[0]
    assert sentence[f.start:f.end] == written
    assert (f.value, f.value_max, f.denominator, f.percent, f.comparator) == (
        value, value_max, denominator, percent, comparator)


# No figure of their own: dates, numbers and symbols of documents.
NO_FIGURES = [
    "ngày 19/01/2023",
    "Chỉ thị số 03/CT-UBND",
    "Nghị định số 116/2021/NĐ-CP",
    "Nghị quyết số 06-NQ/TU",
    "Văn bản 1009/UBND-NNTN",
]


@pytest.mark.parametrize("text", NO_FIGURES)
def test_no_figure_in_dates_and_symbols(text):
    assert find_figures(text) == []


def test_ambiguous_number_words_are_flagged():
    """"một số", "năm 2024": "một" and "năm" alone are flagged for the caller to check."""
    flagged = {f.value: f.ambiguous for f in find_figures("một số cơ quan; năm 2024")}
    assert flagged[1] is True and flagged[5] is True


def test_year_after_number_words_is_not_five():
    figures = find_figures("trong hai năm qua")
    assert [(f.value, f.in_words) for f in figures] == [(2, True)]


def test_spans_are_offsets_into_the_text():
    text = "Năm nay đạt 1.200 tỷ đồng và 95,5% kế hoạch."
    assert [text[f.start:f.end] for f in find_figures(text, 5)] == ["1.200", "95,5%"]


@pytest.mark.parametrize("words, comparator", [("05 xã trở lên", ">="), ("10 hộ trở xuống", "<=")])
def test_bound_after_the_counted_noun(words, comparator):
    pos = words.index(" ", 3)  # after the counted noun
    found = bound_after(words, pos, len(words))
    assert found and found[0] == comparator


def test_scales():
    assert (scale("nghìn"), scale("ngàn"), scale("triệu"), scale("tỷ")) == (1000, 1000, 1000000, 1000000000)
    assert scale("xã") is None


def test_number_data_file_parses():
    data = resources.load("target_numbers.yaml")
    assert set(data["bounds_before"].values()) <= {"=", ">", "<", ">=", "<="}
    assert all(parse_number(w) is not None for w in data["openers"])
