"""The task stage's shortcuts give the regex engine's own answers (pipeline/extract/tasks/scan.py).

Each row is a text and a cue; every stretch of the text is asked both ways: by the shortcut
(the cue tried only where its words stand) and by the plain scan the shortcut replaces. Rows
without the cue's words, with them in the wrong place, cut by the stretch's end, or in upper
case, are the negative rows: the shortcut must find nothing there either.
"""
from __future__ import annotations

import pytest

from pipeline.extract.tasks.lexicon import cues
from pipeline.extract.tasks.scan import CueScan

TEXTS = [
    # assigning, coordinating: found inside a clause
    "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát; yêu cầu các sở báo cáo.",
    "UBND tỉnh ban hành Kế hoạch và YÊU CẦU các sở, ban, ngành thực hiện; PHỐI HỢP VỚI Công an tỉnh.",
    "đề nghị Ban Chỉ huy các huyện; các sở, ban ngành trong tỉnh cùng với UBND các xã triển khai.",
    "Chỉ đạo các đơn vị trực thuộc; giao nhiệm vụ cụ thể cho Sở Y tế; giaoSở (no boundary), chỉđạo.",
    # never, to_superior: tried at a clause's start
    "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
    "Nơi nhận: như trên. TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH; Trân trọng cảm ơn.",
    "Kính trình Thủ tướng Chính phủ xem xét; đề xuất Chủ tịch UBND tỉnh xem xét, thống nhất.",
    "Kính đề nghị Bộ Nội vụ; thông báo cho các đơn vị biết thực hiện.",
    # report_break: a sentence cut before "và báo cáo"
    "Các sở rà soát số liệu và báo cáo UBND tỉnh; và định kỳ báo cáo; và  báo cáo kết quả.",
    "Các sở rà soát và báo cáo, và báo cáo viên; VÀ BÁO CÁO trước ngày 15.",
    # negative: none of the cues' words
    "Tăng cường công tác tuyên truyền, phổ biến pháp luật đến người dân trên địa bàn.",
    "",
    "İstanbul giao Sở X: a letter whose lower case is longer moves the indices after it.",
]

FINDITER = ["assigning", "coordinating"]
HELD = ["never", "to_superior", "report_break", "assigning", "coordinating", "instruction_lead"]


def _stretches(text: str):
    """Every stretch of `text` that opens and closes at a word's edge or a character of punctuation."""
    edges = sorted({0, len(text)} | {i for i in range(len(text)) if not text[i].isalnum()}
                   | {i + 1 for i in range(len(text)) if not text[i].isalnum()})
    return [(a, b) for a in edges for b in edges if a <= b]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("cue", FINDITER)
def test_finditer_gives_the_plain_scans_matches(text, cue):
    scan, pattern = CueScan(text), cues()[cue]
    for pos, end in _stretches(text):
        fast = [m.span() for m in scan.finditer(pattern, pos, end)]
        assert fast == [m.span() for m in pattern.finditer(text, pos, end)], (pos, end)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("cue", HELD)
def test_a_stretch_said_to_hold_no_match_holds_none(text, cue):
    scan, pattern = CueScan(text), cues()[cue]
    for pos, end in _stretches(text):
        if not scan.may_hold(pattern, pos, end):
            assert pattern.search(text, pos, end) is None, (pos, end)
            assert pattern.match(text, pos, end) is None, (pos, end)


@pytest.mark.parametrize("text, cue, pos, end, held", [
    ("Giao Sở Nội vụ chủ trì", "assigning", 0, 22, True),
    ("Giao Sở Nội vụ chủ trì", "assigning", 4, 22, False),   # past "Giao"
    ("Sở Nội vụ chủ trì, phối hợp", "coordinating", 0, 19, False),
    ("Sở Nội vụ chủ trì, phối hợp", "coordinating", 0, 27, True),
    ("Tăng cường tuyên truyền", "never", 0, 23, False),
    ("Tăng cường tuyên truyền", "report_break", 0, 23, False),
    ("Giao Sở Nội vụ thực hiện các nhiệm vụ sau:", "instruction_lead", 0, 42, True),
    ("Giao Sở Nội vụ thực hiện các nhiệm vụ sau.", "instruction_lead", 0, 42, False),  # a verb, no colon
    ("Thời gian: tháng 5", "instruction_lead", 0, 18, True),  # a colon: only the rarest required part is asked
])
def test_may_hold_rows(text, cue, pos, end, held):
    assert CueScan(text).may_hold(cues()[cue], pos, end) is held


@pytest.mark.parametrize("text", TEXTS)
def test_count_is_str_count(text):
    scan = CueScan(text)
    for char in ("“", "”", '"', ";"):
        for pos, end in _stretches(text):
            assert scan.count(char, pos, end) == text.count(char, pos, end)


@pytest.mark.parametrize("text", TEXTS)
def test_clause_break_matches_only_at_a_semicolon_or_a_report_break(text):
    """`paragraph._pieces` scans a sentence for `clause_break` only when it holds a ";" or may hold
    a `report_break`: every match of the first is one of those."""
    scan = CueScan(text)
    for pos, end in _stretches(text):
        if text.find(";", pos, end) < 0 and not scan.may_hold(cues()["report_break"], pos, end):
            assert list(cues()["clause_break"].finditer(text, pos, end)) == [], (pos, end)
