"""The time limits directives write, one instruction a row, in the team's own sentences (issue 14).

The document is dated Thursday 06/3/2025 unless a row gives another date: "tuần sau" is the week of
10/3/2025, a year-less date takes 2025, and working days count from Friday 07/3/2025, skipping
Vietnam's public holidays and days off in lieu as the holidays package lists them.
Each row: the sentence, the issue date, the expected (start, end, time) of its one deadline.
"""
from __future__ import annotations

import pytest

from pipeline import resources
from pipeline.extract import deadlines
from tests.test_deadlines import _doc

ISSUED = "2025-03-06"

FORMS = [
    # an hour before the date: the date bounds the work, the hour is kept
    ("Các xã gửi báo cáo về Sở Nội vụ trước 16 giờ 00 ngày 20/3/2025.", ISSUED, (None, "2025-03-20", "16:00")),
    ("Các phòng nộp danh sách trước 10h00 ngày 11/3.", ISSUED, (None, "2025-03-11", "10:00")),
    ("Đề nghị các đơn vị gửi ý kiến trước 14 giờ, ngày 05/12/2025.", ISSUED, (None, "2025-12-05", "14:00")),
    ("Hoàn thành việc kiểm tra trước 17 giờ 30 phút ngày 14/3/2025.", ISSUED, (None, "2025-03-14", "17:30")),
    ("Các trường báo cáo trước 8 giờ sáng ngày 10/3/2025.", ISSUED, (None, "2025-03-10", "08:00")),
    ("Các xã báo cáo trước 3 giờ chiều ngày 10/3/2025.", ISSUED, (None, "2025-03-10", "15:00")),
    # words of limit
    ("Ủy ban nhân dân các huyện báo cáo chậm nhất ngày 25/3/2025.", ISSUED, (None, "2025-03-25", None)),
    ("Hạn cuối là ngày 31/3/2025.", ISSUED, (None, "2025-03-31", None)),
    ("Duy trì lực lượng trực đến hết ngày 30/4/2025.", ISSUED, (None, "2025-04-30", None)),
    ("Các chủ đầu tư thi công xong trước ngày 15/6/2025.", ISSUED, (None, "2025-06-15", None)),
    # separators
    ("Gửi hồ sơ về Sở Tài chính trước ngày 20-3-2025.", ISSUED, (None, "2025-03-20", None)),
    ("Gửi hồ sơ về Sở Tài chính trước ngày 20.3.2025.", ISSUED, (None, "2025-03-20", None)),
    # a weekday with its date
    ("Các sở gửi báo cáo trước thứ Sáu, ngày 14/3/2025.", ISSUED, (None, "2025-03-14", None)),
    ("Tổ chức hội nghị vào ngày 3/4 (thứ Năm).", ISSUED, ("2025-04-03", "2025-04-03", None)),
    # weekdays and days named from the document's date
    ("Các phòng chuyên môn báo cáo trước thứ hai tới.", ISSUED, (None, "2025-03-10", None)),
    ("Các đơn vị gửi số liệu trước thứ 5 tuần sau.", ISSUED, (None, "2025-03-13", None)),
    ("Văn phòng tổng hợp trước thứ sáu tuần này.", ISSUED, (None, "2025-03-07", None)),
    ("Các xã báo cáo nhanh trong ngày hôm nay.", ISSUED, ("2025-03-06", "2025-03-06", None)),
    ("Các xã báo cáo nhanh trong ngày mai.", ISSUED, ("2025-03-07", "2025-03-07", None)),
    # months by name, the month and year of the document
    ("Hoàn thành việc sửa chữa trong tháng Tư.", ISSUED, ("2025-04-01", "2025-04-30", None)),
    ("Tổ chức lễ phát động trong tháng Bảy.", ISSUED, ("2025-07-01", "2025-07-31", None)),
    ("Xong việc tu bổ đê trước tháng Chạp năm 2025.", ISSUED, (None, "2025-12-31", None)),
    ("Kiểm tra các chợ trong tháng Giêng năm 2026.", ISSUED, ("2026-01-01", "2026-01-31", None)),
    ("Các sở hoàn thành trong tháng này.", ISSUED, ("2025-03-01", "2025-03-31", None)),
    ("Các sở triển khai trong tháng sau.", ISSUED, ("2025-04-01", "2025-04-30", None)),
    ("Các sở hoàn thành dứt điểm trong năm nay.", ISSUED, ("2025-01-01", "2025-12-31", None)),
    ("Các phòng nộp hồ sơ trước ngày 25 tháng này.", ISSUED, (None, "2025-03-25", None)),
    ("Các phòng nộp hồ sơ trong tháng 6.", ISSUED, ("2025-06-01", "2025-06-30", None)),
    # parts of months and years
    ("Hoàn thành việc lắp đặt trước cuối tháng 5.", ISSUED, (None, "2025-05-31", None)),
    ("Tổ chức diễn tập vào giữa tháng 4.", ISSUED, ("2025-04-11", "2025-04-20", None)),
    ("Các xã báo cáo số liệu vào cuối tháng.", ISSUED, ("2025-03-21", "2025-03-31", None)),
    ("Phấn đấu hoàn thành 6 tháng đầu năm 2025.", ISSUED, ("2025-01-01", "2025-06-30", None)),
    ("Triển khai thực hiện trong nửa cuối năm 2025.", ISSUED, ("2025-07-01", "2025-12-31", None)),
    # spans of days, working days across holidays
    ("Các sở gửi ý kiến trong vòng 10 ngày kể từ ngày ban hành văn bản này.", ISSUED, (None, "2025-03-16", None)),
    ("Sở Xây dựng trả lời trong 05 ngày làm việc kể từ ngày ký.", "2025-04-24", (None, "2025-05-06", None)),
    ("Sở Tư pháp thẩm định trong 10 ngày làm việc.", "2026-02-10", (None, "2026-03-03", None)),
    # Tết Nguyên đán, from the holidays package: "trước Tết" ends on its first day
    ("Chi trả trợ cấp cho các hộ nghèo trước Tết Nguyên đán Bính Ngọ 2026.", "2025-12-10",
     (None, "2026-02-17", None)),
    ("Hoàn thành việc sửa chữa nhà ở trước Tết Nguyên đán.", "2024-11-04", (None, "2025-01-29", None)),
    ("Tổ chức thăm hỏi gia đình chính sách trước Tết Nguyên đán năm 2026.", "2025-12-01",
     (None, "2026-02-17", None)),
    # "dịp Tết" is the break around it (giao thừa to the last day off); "sau Tết" starts the day after
    ("Các chợ bảo đảm nguồn hàng trong dịp Tết Nguyên đán Bính Ngọ 2026.", "2025-12-10",
     ("2026-02-16", "2026-02-20", None)),
    ("Các đơn vị phân công trực cơ quan dịp Tết Nguyên đán.", "2024-12-02", ("2025-01-27", "2025-02-01", None)),
    ("Các xã ra quân làm thủy lợi ngay sau Tết Nguyên đán năm 2026.", "2025-12-10", ("2026-02-21", None, None)),
]

# "sau" bounds nothing but a holiday; other Tết are no Tết Nguyên đán; a past Tết is an account.
NOT_DEADLINES = [
    ("Sở Y tế họp bàn sau ngày 15/3/2025.", ISSUED),
    ("Các trường tổ chức vui chơi cho học sinh sau Tết Trung thu.", ISSUED),
    ("Năm 2024, sau Tết Nguyên đán, nhiều xã đã ra quân làm thủy lợi.", ISSUED),
]


@pytest.mark.parametrize("sentence, issued", NOT_DEADLINES)
def test_not_deadlines_around_holidays(sentence, issued):
    assert deadlines.find(_doc(sentence, issued)) == []


@pytest.mark.parametrize("sentence, issued, expected", FORMS)
def test_directive_forms(sentence, issued, expected):
    got = [(d.start, d.end, d.time) for d in deadlines.find(_doc(sentence, issued))]
    assert got == [expected]


NOT_DEADLINES = [
    "Thứ hai, các sở cần nâng cao trách nhiệm người đứng đầu.",          # "secondly", not Monday
    "Đến nay, các xã đã hoàn thành việc rà soát.",                       # a status
    "Hiện nay, nhiều hộ dân vẫn chưa có nhà vệ sinh.",
    "Ngày nay, người dân sử dụng dịch vụ công trực tuyến nhiều hơn.",    # "nowadays"
    "Bộ phận một cửa tiếp nhận hồ sơ từ thứ hai đến thứ sáu hằng tuần.",  # office days: no dated limit
    "Hôm qua, đoàn kiểm tra đã làm việc tại xã.",                        # past
    "Tết Dương lịch được nghỉ một ngày.",                                 # another Tết, no instruction
    "Xây dựng báo cáo 6 tháng năm 2025 của ngành.",                      # six months of a year, not May
    "Các xã tổ chức họp giao ban 2 tháng một lần.",                       # once every two months
]


@pytest.mark.parametrize("sentence", NOT_DEADLINES)
def test_forms_that_set_no_deadline(sentence):
    found = [(d.start, d.end, d.recurrence) for d in deadlines.find(_doc(sentence, ISSUED))]
    assert [(start, end, rule) for start, end, rule in found if end or not rule] == []  # a schedule may stay


def _resource_examples() -> list[tuple[str, str, str | None]]:
    rows = []
    for rule, entry in resources.load("time_words.yaml")["examples"].items():
        rows += [(rule, phrase, str(end)) for phrase, end in (entry.get("examples") or {}).items()]
        rows += [(rule, phrase, None) for phrase in entry.get("not") or []]
    return rows


@pytest.mark.parametrize("rule, phrase, end", _resource_examples())
def test_examples_beside_the_time_words(rule, phrase, end):
    """Every `examples:` row of time_words.yaml gives its end; every `not:` row gives no dated deadline."""
    doc = _doc(f"Các đơn vị báo cáo chậm nhất {phrase}.", ISSUED)
    ends = [d.end for d in deadlines.find(doc) if d.end]
    assert ends == ([end] if end else [])
