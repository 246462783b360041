"""core/anchors.py: the words a pattern cannot match without, read from the pattern itself."""
from __future__ import annotations

import random
import re

import pytest

from pipeline.core.anchors import may_match, required_words

I = re.IGNORECASE


@pytest.mark.parametrize("pattern, words", [
    (r"\bnăm\s+(?P<y>(?:19|20)\d\d)\b", {"năm"}),
    (r"(?<!\w)(?:tết\s+nguyên\s+đán|tết)(?!\w)", {"tết"}),
    (r"\b(?:thứ\s+hai|thứ\s+ba|chủ\s+nhật)\b", {"thứ", "nhật"}),       # one word of each branch
    (r"(?:buổi\s+)?(?:sáng|chiều)\s+mai", {"áng", "ch"}),              # "s", "i" cut; the first of equals
    (r"giai\s+đoạn\s+\d{4}", {"đoạn"}),                                  # the longer of two required words
    (r"(?:quý|quí)\s+[1-4]", {"qu"}),                                    # the parser takes "qu" out of the branch
    (r"(?:năm|tuần)\s+tới", {"năm", "tuần"}),                            # a branch, each side its word
    (r"(?:tháng)+\s+\d", {"tháng"}),                                     # a repeat of at least one
    (r"Số:\s*\d+", {"ố:"}),                                              # lower-cased, "s" cut
])
def test_required_words(pattern, words):
    assert required_words(re.compile(pattern, I)) == frozenset(words)


@pytest.mark.parametrize("pattern", [
    r"\d+/\d+",                      # nothing literal
    r"(?:ngày\s+)?\d{1,2}/\d{1,2}",  # only an optional word
    r"ngày|\d+",                     # one branch needs no word
    r"(?<=tháng\s)\d+",              # a lookbehind's word is not in the match
    r"x\s+y",                        # words of one letter are in every text
    r"is\s+si",                      # "i" and "s" fold to "ı" and "ſ" too: nothing safe is left
])
def test_patterns_that_need_no_word_always_run(pattern):
    compiled = re.compile(pattern, I)
    assert required_words(compiled) is None
    assert may_match(compiled, "")


@pytest.mark.parametrize("pattern, text, possible", [
    (r"\btết\b", "Nghỉ TẾT Nguyên đán", True),          # the pattern's IGNORECASE, through lower()
    (r"\btết\b", "Báo cáo trước ngày 15/7/2025", False),
    (r"mùa\s+(?:xuân|đông)", "trồng cây mùa xuân", True),
    (r"mùa\s+(?:xuân|đông)", "trồng cây dịp đầu năm", False),
    (r"(?:thứ\s+hai|chủ\s+nhật)", "họp vào CHỦ NHẬT", True),
])
def test_may_match(pattern, text, possible):
    assert may_match(re.compile(pattern, I), text.lower()) is possible


def test_a_pattern_said_impossible_never_matches():
    """Over made-up sentences, a pattern `may_match` rules out finds nothing (the period patterns)."""
    from pipeline.extract.deadlines.grammar import _period_patterns

    words = ["trước", "ngày", "tháng", "năm", "quý", "II", "2025", "15/7", "tết", "Nguyên", "đán", "mùa",
             "xuân", "thứ", "Hai", "chủ", "nhật", "cuối", "đầu", "giai", "đoạn", "2021-2025", "học",
             "tuần", "tới", "này", "sáng", "mai", "báo", "cáo", "hoàn", "thành", "6", "nửa", "Sở", "Y", "tế"]
    rng = random.Random(5)
    ruled_out = 0
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 14)))
        lowered = text.lower()
        for _, pattern in _period_patterns():
            if not may_match(pattern, lowered):
                ruled_out += 1
                assert pattern.search(text) is None, (pattern.pattern[:60], text)
    assert ruled_out > 100
