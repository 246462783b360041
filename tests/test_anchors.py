"""core/anchors.py: the words a pattern cannot match without, read from the pattern itself."""
from __future__ import annotations

import random
import re

import pytest

from pipeline.core.anchors import finditer, may_match, opening, required_sets, required_words, search

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


# ---- opening words: where a match may start ------------------------------------------------------

@pytest.mark.parametrize("pattern, words", [
    (r"\bnăm\s+(?P<y>(?:19|20)\d\d)\b", {"năm"}),
    (r"(?<!\w)(?:tết\s+nguyên\s+đán|tết)(?!\w)", {"tết"}),                  # a branch spelled to its first class
    (r"\bqu[ýí]\s+[1-4]", {"quý", "quí"}),                                   # a class of letters, each spelled
    (r"(?:buổi\s+)?(?:sáng|chiều)\s+mai", {"buổi", "buổı", "sáng", "ſáng", "chiều", "chıều"}),  # optional part
    (r"(?:6|sáu)\s+tháng", {"6", "sáu", "ſáu"}),                              # "s" stands for "ſ" too
    (r"Đầu\s+năm", {"đầu"}),                                                 # lower-cased
    (r"(?<=[\w,])\n(?=[a-z])|(?<=\bngày)\n(?=\d)", {"\n"}),                   # a wrapped line's break
])
def test_opening_words(pattern, words):
    assert set(opening(re.compile(pattern, I)).words) == words


@pytest.mark.parametrize("pattern, words", [
    (r"\d+/\d+", set()),
    (r"(?:ngày\s+)?\d{1,2}/\d{1,2}", {"ngày"}),     # may skip its word
    (r"ngày|[0-3]?\d", {"ngày"}),                    # one branch opens with a digit
    (r"(?<=tháng\s)\d+", set()),                     # a look-behind's word is not in the match
])
def test_patterns_that_open_with_a_digit(pattern, words):
    opens = opening(re.compile(pattern, I))
    assert opens.digit and set(opens.words) == words


@pytest.mark.parametrize("pattern", [
    r"\w+/\d+",                       # opens with any letter
    r"(?:ngày\s+)?[a-z]\d",            # may skip its word for a class of letters
    r"ngày|.+",                        # one branch opens with anything
    r"x\d",                            # a digit after a word: the word opens it
    r"(?<=\d)[ \t]*/",                  # a match may open with a space: spaces are everywhere
])
def test_patterns_that_open_with_anything_have_none(pattern):
    opens = opening(re.compile(pattern, I))
    assert opens is None or (not opens.digit and opens.words == ("x",))


def test_a_pattern_the_engine_jumps_into_itself_is_left_to_it():
    """Opening with a character, case kept: the regex engine finds that character as fast as str.find."""
    assert opening(re.compile(r"\r\n?")) is None
    assert opening(re.compile(r"(/[A-Z]{1,12})-")) is None
    assert opening(re.compile(r"(/[A-Z]{1,12})-", I)).words == ("/",)


@pytest.mark.parametrize("pattern, text", [
    (r"\bnăm\s+\d{4}", "Năm 2024 và NĂM 2025, năm nay; trong năm2026"),
    (r"(?<!\w)(?:buổi\s+)?(?:sáng|chiều)\s+mai", "họp BUỔI SÁNG MAI, chiều mai và ſáng mai; hôm sáng mai"),
    (r"(?<!\w)ngày\s+(?:ngày\s+)?\d+", "ngày ngày 5, ngày 6 ngày 7"),          # a match inside a match is skipped
    (r"\bİstanbul\b|\bnăm", "İstanbul năm"),                                  # "İ" lower-cases to two: plain scan
    (r"(?:ngày\s+)?\d{1,2}/\d{1,2}", "ngày 3/4, 12/5 và ngày ٣/٤; số 123/45"),   # digits, Arabic-Indic too
])
def test_finditer_finds_what_the_pattern_finds(pattern, text):
    compiled = re.compile(pattern, I)
    expected = [m.span() for m in compiled.finditer(text)]
    assert [m.span() for m in finditer(compiled, text, text.lower())] == expected


def test_finditer_over_made_up_sentences():
    """The period patterns find the same through `finditer` as by a scan of every character."""
    from pipeline.extract.deadlines.grammar import _period_patterns

    words = ["trước", "ngày", "Ngày", "tháng", "THÁNG", "năm", "quý", "II", "2025", "15/7", "tết", "mùa", "xuân",
             "thứ", "Hai", "chủ", "nhật", "cuối", "đầu", "giai", "đoạn", "2021-2025", "học", "tuần", "tới", "này",
             "sáng", "ſáng", "mai", "chiều", "hôm", "nay", "6", "sáu", "nửa", ",", "-", "và"]
    rng = random.Random(7)
    found = 0
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 16)))
        for _, pattern in _period_patterns():
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in finditer(pattern, text, text.lower())] == expected, (pattern.pattern[:60], text)
            found += len(expected)
    assert found > 100


def test_finditer_over_made_up_lines():
    """The normalizer's patterns (wrapped lines, old tone marks, page debris) find the same through
    `finditer` as by a scan of every character."""
    from pipeline import normalize as n

    patterns = [n._WRAPPED, n._LETTER_BREAK, n._tone_fix()[0], n._debris()[2], n._SYMBOL_BREAK]
    words = ["hoà", "HOÀ", "Hoà", "quý", "thuỷ", "ngày", "\n", "\n", "10", "Số:", "UBND-", "KT", "tỉnh,", "Thừa",
             "Thiên", "Huế,", "ỦY", "BAN", "a)", "https://x.vn", "connector", "năm", "\n\n"]
    rng = random.Random(11)
    found = 0
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 20))).replace(" \n ", "\n")
        for pattern in patterns:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in finditer(pattern, text)] == expected, (pattern.pattern[:60], text)
            found += len(expected)
    assert found > 100


# ---- what a pattern needs: a stretch without it is not searched -----------------------------------

@pytest.mark.parametrize("pattern, needs", [
    (r"(?:yêu cầu|đề nghị)\s*:\s*$", [{"yêu cầu", "đề nghị"}, {":"}]),   # a mark of punctuation counts alone
    (r"\d+/\d+", [{"/"}]),
    (r"(?<=tháng\s)\d+", []),                                            # a look-behind's word is not in the match
    (r"kính\s+trình", [{"kính"}, {"trình"}]),
])
def test_required_sets(pattern, needs):
    assert [set(words) for words in required_sets(re.compile(pattern, I))] == needs


@pytest.mark.parametrize("pattern, text, pos, endpos", [
    (r"(?:yêu cầu|đề nghị)\s*:\s*$", "UBND tỉnh YÊU CẦU:", 0, None),
    (r"(?:yêu cầu|đề nghị)\s*:\s*$", "UBND tỉnh yêu cầu các sở", 0, None),
    (r"báo\s+cáo", "gửi Báo cáo về Sở", 5, None),
    (r"báo\s+cáo", "gửi Báo cáo về Sở", 6, None),                         # the word begins before pos
    (r"báo\s+cáo", "gửi Báo cáo về Sở", 0, 9),                            # and ends after endpos
])
def test_search_finds_what_the_pattern_finds(pattern, text, pos, endpos):
    compiled = re.compile(pattern, I)
    expected = compiled.search(text, pos, len(text) if endpos is None else endpos)
    found = search(compiled, text, pos, endpos)
    assert (found and found.span()) == (expected and expected.span())


# A document read stretch by stretch: each stretch's matches from the openings found once in the
# whole text must be the regex engine's own, stretch for stretch, including stretches that cut a
# word or a number in two and stretches that hold nothing.
from pipeline.core.anchors import finditer_stretch, search_stretch  # noqa: E402
from pipeline.core.dates import NUMERIC_DATE, WORDY_DATE  # noqa: E402

_STRETCH_PATTERNS = [
    WORDY_DATE,
    NUMERIC_DATE,
    re.compile(r"(?<!\w)(?:phấn\s+đấu|đạt)\s+(?:có\s+thêm\s+)?\d+\s+xã", re.IGNORECASE),
    re.compile(r"(?<![\w/])\d{1,3}(?:[.,]\d{3})*(?:\s*%)?"),
    re.compile(r"\bSở\s+\w+", re.IGNORECASE),          # a pattern that opens with a word
    re.compile(r"\s+và\s+"),                            # one the openings cannot help: the plain scan
]
_STRETCH_SENTENCES = [
    "Phấn đấu đến ngày 31 tháng 12 năm 2025 có thêm 07 xã đạt chuẩn nông thôn mới. ",
    "Giao Sở Nội vụ và Sở Tài chính báo cáo trước ngày 15/7/2025, đạt 95,5 % kế hoạch. ",
    "Không có con số nào ở câu này, cũng không có ngày tháng. ",
    "ĐẠT 1.200 hộ; SỞ Y TẾ tổng hợp trước 30/4 và mồng 3 tháng Giêng. ",
]


def _document(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(_STRETCH_SENTENCES) for _ in range(40))   # over a thousand characters


@pytest.mark.parametrize("pattern", _STRETCH_PATTERNS, ids=lambda p: p.pattern[:30])
@pytest.mark.parametrize("seed", [1, 2])
def test_stretch_by_stretch_matches_are_the_engines(pattern, seed):
    text = _document(seed)
    rng = random.Random(seed)
    cuts = sorted({0, len(text), *(rng.randrange(len(text)) for _ in range(60))})
    for pos, end in zip(cuts, cuts[1:]):
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text, pos, end)]
        assert [(m.span(), m.groups()) for m in finditer_stretch(pattern, text, pos, end)] == expected
        first = pattern.search(text, pos, end)
        found = search_stretch(pattern, text, pos, end)
        assert (found and found.span()) == (first and first.span())


def test_a_short_text_is_scanned_by_the_engine():
    text = "Giao Sở Nội vụ báo cáo trước ngày 15/7/2025."
    assert [m.span() for m in finditer_stretch(NUMERIC_DATE, text, 0, len(text))] == \
        [m.span() for m in NUMERIC_DATE.finditer(text)]


@pytest.mark.parametrize("pattern, first", [
    (r"(?<![\w/])\d{1,3}(?:[.,]\d{3})*", True),     # a look-behind no digit passes
    (r"(?<!\w)(?:ngày\s+)?\d+", True),                # before the optional word and the digit alike
    (r"\b(?P<d>[0-3]?\d)/\d", True),                  # \b before a digit: none before it
    (r"\bx?\d", True),
    (r"(?:\bngày\s+)?\d+", False),                    # the \b belongs to the skipped word
    (r"(?<![/])\d+", False),                          # a look-behind a digit passes
    (r"\B\d", False),
    (r"(?<=\d)x|\d", False),
    (r"(?:\b\d|\d)", False),                          # one branch unguarded
])
def test_a_number_is_tried_at_its_first_digit_only_behind_a_guard(pattern, first):
    assert opening(re.compile(pattern, I)).first_digit is first
    assert opening(re.compile(pattern, I | re.ASCII)).first_digit is False   # ASCII's \b sees other digits


_NUMBERS = "Số 12/2025, 1.234.567 đồng; 99,5% (٣٤ và ٣4) ngày 05/06/2024 x7 7x 12345678901234567890 ."


@pytest.mark.parametrize("pattern", [
    r"(?<![\w/])\d{1,3}(?:[.,]\d{3})*(?:\s*%)?", r"\b(?P<d>[0-3]?\d)/(?P<m>[01]?\d)", r"(?<!\w)\d+",
    r"(?<![/])\d+", r"\B\d",
])
def test_numbers_are_found_alike_from_their_first_digit(pattern):
    compiled = re.compile(pattern, I)
    text = _NUMBERS * 40                              # over a thousand characters: found once for the text
    for pos, end in [(0, len(text)), (0, len(_NUMBERS)), (5, 9), (18, 23), (23, 60), (100, 1900)]:
        expected = [m.span() for m in compiled.finditer(text, pos, end)]   # windows that cut numbers too
        assert [m.span() for m in finditer(compiled, text, text.lower(), pos, end)] == expected
        assert [m.span() for m in finditer_stretch(compiled, text, pos, end)] == expected


def test_the_positions_kept_for_a_long_document_are_compact():
    """What a document's stretches are tried at is kept while its stages read it: for a 1,500-page
    plan, millions of positions. Kept as int objects in lists (36 bytes each) they held the process
    past its 400 MB budget; kept as machine integers they cost a few bytes each."""
    import gc
    import tracemalloc

    from pipeline.core import anchors

    text = "Giao Sở Nội vụ báo cáo trước ngày 15/7/2025 về kế hoạch. " * 6000   # 350,000 characters
    patterns = [re.compile(p, I) for p in (r"(?<![\w/])\d{1,3}(?:[.,]\d{3})*", r"(?<!\w)\d+", r"\bSở\s+\w+")]
    for pattern in patterns:                          # analysed outside the measure
        opening(pattern)
    anchors._recent[0], anchors._last_digits[0] = (), None
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for pattern in patterns:
            next(finditer_stretch(pattern, text, 0, 100))
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    positions = sum(len(anchors._text_starts(pattern, text)) for pattern in patterns)
    positions += sum(map(len, anchors._last_digits[0][1]))
    assert positions > 100_000
    assert kept < 6 * positions + len(text) * 2 + 100_000   # 4 bytes a position, and the text's lower case
