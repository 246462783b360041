"""Duckling's Vietnamese time examples, each read as the deadline of one instruction.

Duckling (facebook/duckling, Duckling/Time/VI/Corpus.hs) tests its Vietnamese time rules on a
corpus of phrases resolved at a reference time, Thursday 02/02/2017. Here each phrase stands as
the limit of an instruction in a directive issued that day ("Các sở, ngành hoàn thành, báo cáo Ủy
ban nhân dân tỉnh chậm nhất <phrase>."), and the deadline's `end` must be the last day of the grain
Duckling gives: the day, the week (Monday to Sunday), the month, the quarter or the year; for an
interval ("3 tháng tới"), the last day inside it. Rows are data written for this table; the
phrases are Duckling's, the expected ends are read off its values.

LEFT_OUT lists the phrases that cannot be a deadline, with why. The table must be read >= 95%
right (issue 14); the failures, if any, are printed.
"""
from __future__ import annotations

import pytest

from tests.test_deadlines import found

ISSUED = "2017-02-02"   # Duckling's reference time: Thursday 2 February 2017
TEMPLATE = "Các sở, ngành hoàn thành, báo cáo Ủy ban nhân dân tỉnh chậm nhất {}."

# phrase -> the deadline's end (ISO), the last day of Duckling's grain
ROWS: dict[str, str] = {
    # today, tomorrow
    "hôm nay": "2017-02-02", "ngày hôm nay": "2017-02-02", "bữa nay": "2017-02-02",
    "ngày mai": "2017-02-03",
    # weekdays: the next one after the issue date
    "thứ 2": "2017-02-06", "thứ hai": "2017-02-06", "thứ 3": "2017-02-07", "thứ ba": "2017-02-07",
    "chủ nhật": "2017-02-05",
    "thứ hai tới": "2017-02-06", "thứ 2 tới": "2017-02-06", "thứ ba tới": "2017-02-07",
    "thứ sáu tới": "2017-02-03",
    # a weekday of a named week
    "thứ năm tuần tới": "2017-02-09", "thứ 5 tuần sau": "2017-02-09",
    "thứ tư tuần tới": "2017-02-08", "thứ tư của tuần tới": "2017-02-08",
    "thứ sáu tuần này": "2017-02-03", "thứ 6 tuần này": "2017-02-03", "thứ 6 của tuần này": "2017-02-03",
    "thứ năm tuần này": "2017-02-02", "thứ 5 của tuần này": "2017-02-02",
    # a weekday with its date: the date
    "thứ 2 ngày 6 tháng 2": "2017-02-06", "thứ 2 mồng 6 tháng 2": "2017-02-06",
    "thứ hai ngày 6 tháng 2": "2017-02-06", "thứ 2 ngày mồng 6 tháng 2": "2017-02-06",
    "thứ hai ngày mồng 6 tháng 2": "2017-02-06",
    "chủ nhật ngày mồng 9 tháng 4": "2017-04-09", "chủ nhật ngày 9 tháng 4": "2017-04-09",
    "thứ 3 ngày 3 tháng 4 năm 2018": "2018-04-03",
    # months, by number and by name
    "tháng 6": "2017-06-30", "tháng sáu": "2017-06-30", "tháng 4": "2017-04-30", "tháng tư": "2017-04-30",
    "tháng 10 năm 2017": "2017-10-31", "tháng mười năm 2017": "2017-10-31",
    "tháng 3 tới": "2017-03-31",
    # days of months
    "ngày đầu tiên của tháng ba": "2017-03-01", "ngày đầu tiên của tháng 3": "2017-03-01",
    "mồng 3 tháng ba": "2017-03-03", "mồng 3 tháng 3": "2017-03-03",
    "ngày mồng 3 tháng 3 năm 2017": "2017-03-03", "ngày 3 tháng 3 năm 2017": "2017-03-03",
    "3/3/2017": "2017-03-03", "3/3/17": "2017-03-03", "03/03/2017": "2017-03-03",
    "ngày mồng 7 tháng 3": "2017-03-07", "ngày 7 tháng ba": "2017-03-07", "7/3": "2017-03-07",
    "07/03": "2017-03-07",
    "12 tháng 10 năm 2017": "2017-10-12", "ngày 12 tháng 10 năm 2017": "2017-10-12",
    # weeks, months, quarters, years named from the issue date
    "tuần này": "2017-02-05", "tuần sau": "2017-02-12",
    "tháng sau": "2017-03-31",
    "quý này": "2017-03-31", "quý nay": "2017-03-31", "quý hiện tại": "2017-03-31",
    "quý sau": "2017-06-30", "quý tới": "2017-06-30", "quý tiếp": "2017-06-30",
    "quý 3": "2017-09-30", "quý ba": "2017-09-30",
    "quý 4 năm 2018": "2018-12-31", "quý 4 của năm 2018": "2018-12-31",
    "năm nay": "2017-12-31", "năm sau": "2018-12-31", "năm tiếp theo": "2018-12-31",
    "năm kế tiếp": "2018-12-31", "năm tới": "2018-12-31",
    "tuần đầu tiên của tháng 9 năm 2017": "2017-09-10",
    # parts of a named day, and hours with a day: the day
    "8 giờ tối nay": "2017-02-02", "tối nay": "2017-02-02", "tối hôm nay": "2017-02-02",
    "buổi sáng nay": "2017-02-02",
    "tối mai": "2017-02-03", "tối ngày mai": "2017-02-03", "trưa mai": "2017-02-03",
    "trưa ngày mai": "2017-02-03", "3 giờ chiều ngày mai": "2017-02-03",
    "sáng chủ nhật": "2017-02-05",
    "hôm nay lúc 2 giờ chiều": "2017-02-02",
    "vào lúc 7:30 chiều ngày 20 tháng 4 năm 2017": "2017-04-20", "7:30 chiều ngày 20/4/2017": "2017-04-20",
    "lúc 4:00 chiều ngày 23/4": "2017-04-23", "lúc 4 giờ chiều ngày 23 tháng 4": "2017-04-23",
    # seasons of this year (Duckling's astronomical seasons)
    "mùa hè này": "2017-09-23", "mùa hè năm nay": "2017-09-23", "mùa đông này": "2017-03-20",
    # the next few units: the last day inside them
    "3 giây tới": "2017-02-02", "3 giây tiếp theo": "2017-02-02", "3 s tiếp theo": "2017-02-02",
    "3 phút tới": "2017-02-02", "3 phút tiếp theo": "2017-02-02",
    "3 tiếng tiếp theo": "2017-02-02", "3 giờ tới": "2017-02-02",
    "3 ngày tới": "2017-02-05", "3 ngày tiếp theo": "2017-02-05",
    "3 tháng tới": "2017-05-31", "ba tháng tiếp theo": "2017-05-31",
    "3 năm tới": "2020-12-31", "3 năm tiếp theo": "2020-12-31",
}

# What Duckling reads that no instruction can be given by, and why.
LEFT_OUT: dict[str, str] = {
    "bây giờ": "the present instant, not a limit",
    "ngay bây giờ": "the present instant, not a limit",
    "ngay lúc này": "the present instant, not a limit",
    "hôm qua": "past", "ngày hôm qua": "past", "hôm kia": "past", "ngày hôm kia": "past",
    "tuần trước": "past", "tháng trước": "past", "năm trước": "past", "năm ngoái": "past",
    "thứ ba vừa rồi": "past", "tối qua": "past", "tối hôm qua": "past",
    "03/09/1991": "past", "3/9/91": "past", "3/9/1991": "past",
    "2 giây vừa rồi": "a past duration", "2 phút vừa rồi": "a past duration",
    "một tiếng vừa rồi": "a past duration", "1 giờ vừa qua": "a past duration",
    "2 ngày vừa rồi": "a past duration", "2 ngày vừa qua": "a past duration",
    "2 tháng vừa rồi": "a past duration", "2 tháng qua": "a past duration", "2 năm vừa rồi": "a past duration",
    # times of day alone: a day is what a deadline names, and these leave it to the clock
    "vào lúc 2 giờ sáng": "a time of day alone", "lúc 2 giờ sáng": "a time of day alone",
    "1:18 sáng": "a time of day alone", "lúc 3 giờ tối": "a time of day alone",
    "vào lúc 3 giờ chiều": "a time of day alone", "vào đúng 3 giờ chiều": "a time of day alone",
    "vào khoảng 3 giờ chiều": "a time of day alone", "khoảng 3 giờ chiều": "a time of day alone",
    "3 giờ rưỡi chiều": "a time of day alone", "3:30 chiều": "a time of day alone",
    "ba giờ rưỡi chiều": "a time of day alone", "2:30": "a time of day alone",
    "hai giờ rưỡi": "a time of day alone", "15:23:24": "a time of day alone",
    "11 giờ kém 15": "a time of day alone", "10 giờ 45 phút": "a time of day alone",
    "10:45": "a time of day alone", "10 giờ 45": "a time of day alone", "10h45": "a time of day alone",
    "10g45": "a time of day alone", "4pm CET": "a time of day alone", "lúc 2 giờ chiều": "a time of day alone",
    "lúc 1:30 chiều": "a time of day alone", "lúc 1 giờ 30 chiều": "a time of day alone",
    "sau bữa trưa": "a time of day alone", "10:30": "a time of day alone",
}


def _read(phrase: str) -> str | None:
    ends = [end for _, end, _ in found(TEMPLATE.format(phrase), issued=ISSUED)]
    return ends[0] if len(ends) == 1 else None


def test_duckling_corpus_read_as_deadlines():
    wrong = {p: (_read(p), end) for p, end in ROWS.items() if _read(p) != end}
    share = 1 - len(wrong) / len(ROWS)
    print(f"\nDuckling's Vietnamese examples read right: {len(ROWS) - len(wrong)}/{len(ROWS)} ({share:.0%})")
    for phrase, (got, end) in wrong.items():
        print(f"  {phrase!r}: {got} (want {end})")
    assert share >= 0.95, wrong


@pytest.mark.parametrize("phrase", sorted(LEFT_OUT))
def test_left_out_examples_set_no_deadline(phrase):
    """What cannot be a deadline is not read as one (a past day, a past span, an hour alone)."""
    assert found(TEMPLATE.format(phrase), issued=ISSUED) == []


def test_no_phrase_both_kept_and_left_out():
    assert not set(ROWS) & set(LEFT_OUT)
