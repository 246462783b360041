"""The stretch of a sentence that belongs to one figure: its clause, and the evidence span.

A list of goals runs in one sentence ("có thêm 07 xã …; 03 xã …; 6 thôn …"), so a
figure's clause opens after the previous figure's stretch or at ";" / ":" / an
opening parenthesis it sits in, and closes at the next such mark, a comma, or the
next figure. The evidence the record quotes is that clause, cut to about a dozen
words before the figure so that a long sentence does not swamp it, and never inside
a word ("Tỷ | lệ trẻ em …").
"""
from __future__ import annotations

import re
from functools import cache

from pipeline.extract.targets import cues

MAX_WORDS_BEFORE = 12
# How many more words the evidence may reach back to open at the clause's start or a
# comma, or to keep a word whole, rather than cut at the dozenth word.
EVIDENCE_SLACK = 3
MAX_WORDS_AFTER = 22
# A clause may name its subject at length ("tỷ lệ hồ sơ trực tuyến toàn trình của các thủ tục
# về đăng ký kinh doanh, hộ tịch, cư trú đạt ít nhất 80%"): the evidence opens at the comma
# that opens the clause, or at the clause's start, up to this many words before the figure.
MAX_SUBJECT_WORDS = 24
MIN_SUBJECT_WORDS = 4
# A list of nouns: pieces of at most this many words between two commas.
LIST_PIECE_WORDS = 2

_HARD_STOPS = ";:"
_ELLIPSIS = re.compile(r"\.\.\.|…")
_JOINER = re.compile(r"(?<!\w)(?:và|hoặc|với)(?!\w)", re.IGNORECASE)


def clause_start(text: str, floor: int, pos: int) -> int:
    """Where the clause holding `pos` opens, not before `floor`: after ";" or ":", or after
    an opening parenthesis that `pos` sits inside; balanced parentheses are passed over."""
    depth = 0
    for i in range(pos - 1, floor - 1, -1):
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and (c in _HARD_STOPS or text.startswith("...", i) or c == "…"):
            return i + 1
    return floor


def labelled_start(text: str, line_start: int, opening: int, pos: int) -> int:
    """"- Thu ngân sách nhà nước: 12.800 tỷ đồng": a list item whose label names what the
    figure after its ":" measures. The clause then opens at the label (after the item's
    mark), not at the ":"; `opening` otherwise. Not a lead-in ("Cụ thể: …", "… gồm: …"),
    nor a label with more than a verb before the figure ("Sở Nội vụ: Phấn đấu 100% …")."""
    colon = opening - 1
    if colon < line_start or text[colon] != ":" or not _label_gap().fullmatch(text, opening, pos):
        return opening
    line_start = max(line_start, text.rfind(";", line_start, colon) + 1)  # "…; Giá trị xuất khẩu: 4,5 tỷ USD"
    mark = _item_label().match(text, _skip_blank(text, line_start, colon), colon)
    start = _skip_blank(text, mark.end() if mark else line_start, colon)
    label = text[start:colon]
    words = label.split()
    if not words or len(words) > cues.data()["label"]["max_words"] or re.search(r"[.;:]", label) \
            or _not_a_label().search(label):
        return opening
    return start


def evidence_start(text: str, clause_open: int, pos: int) -> int:
    """The clause's opening, so that the evidence holds the indicator whole. Where more than a
    dozen words (and a few) lie between it and `pos`: after a purpose word ("để"), or past
    the phrases that set the scene, up to MAX_SUBJECT_WORDS; else the dozenth word back,
    moved back so as not to split a word."""
    reach = MAX_WORDS_BEFORE + EVIDENCE_SLACK
    if _word_count(text[clause_open:pos]) <= reach:
        return _skip_blank(text, clause_open, pos)
    opener = None
    for opener in _subclause_opener().finditer(text, clause_open, pos):
        pass
    if opener is not None and MIN_SUBJECT_WORDS <= _word_count(text[opener.end():pos]) <= MAX_SUBJECT_WORDS:
        # "… tiếp tục phấn đấu để tỷ lệ trẻ em … đạt 95%": the figure's own clause opens after "để".
        return evidence_start(text, opener.end(), pos)
    commas = _clause_commas(text, clause_open, pos)
    # Past the phrases that only set the scene ("Phấn đấu đến hết năm 2026, trên địa bàn
    # tỉnh, mức độ hài lòng … đạt 90%", "Tuy nhiên, theo báo cáo của …, tính đến ngày …,"),
    # the subject whole, its own commas included ("tỷ lệ dân cư được sử dụng nước sạch,
    # nước hợp vệ sinh đạt 97,5%").
    start = clause_open
    for comma in commas:
        if not _intro().match(text, _skip_blank(text, start, comma), comma):
            break
        start = comma + 1
    if _word_count(text[start:pos]) <= MAX_SUBJECT_WORDS:
        return _skip_blank(text, start, pos)
    for comma in commas:  # else the first clause's comma that leaves a subject short enough
        if comma > start and _word_count(text[comma + 1:pos]) <= MAX_SUBJECT_WORDS:
            return _skip_blank(text, comma + 1, pos)
    return _whole_words_back(text, clause_open, pos, MAX_WORDS_BEFORE)


def _clause_commas(text: str, start: int, pos: int) -> list[int]:
    """The commas of text[start:pos] outside parentheses that may open the figure's clause,
    not those of a list of nouns ("lĩnh vực đất đai, xây dựng, đầu
    tư đạt 85%", "các cơ quan, đơn vị, địa phương đạt 90%": a piece of a word or two between
    two commas; "của người dân, doanh nghiệp": a comma a noun or two after "của", "các")."""
    commas, depth = [], 0
    for i in range(start, pos):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0 and text[i + 1:pos].strip():
            commas.append(i)
    listed = {i for i in commas if _possessor_list().search(text, max(start, i - 40), i)}
    for a, b in zip(commas, commas[1:]):
        if _word_count(text[a + 1:b]) <= LIST_PIECE_WORDS:
            listed.update((a, b))
    return [i for i in commas if i not in listed]


def clause_end(text: str, pos: int, ceiling: int, stops: str = ";:,()\n") -> int:
    """Where the clause that goes on at `pos` closes, not after `ceiling`: at ";", ":", a
    comma, an opening parenthesis, an ellipsis, a sentence's full stop or the closing
    parenthesis of one it sits in; cut to a score of words."""
    if pos >= ceiling:
        return _trim_end(text, pos, ceiling)
    # The first stop, by one search: an ellipsis may run past the ceiling ("..." two
    # characters before it), a full stop just before the ceiling closes the clause.
    m = _stop(stops).search(text, pos, min(len(text), ceiling + 2))
    if m and m.start() < ceiling:
        limit = m.start()
    elif text[ceiling - 1] == ".":
        limit = ceiling - 1
    else:
        limit = ceiling
    for k, word in enumerate(_WORD.finditer(text, pos, limit)):
        if k == MAX_WORDS_AFTER:
            return _trim_end(text, pos, word.start())
    return _trim_end(text, pos, limit)


_WORD = re.compile(r"\S+")


@cache
def _stop(stops: str) -> re.Pattern:
    return re.compile("[" + re.escape(stops) + r"]|\.\.\.|…|\.(?=\s)")


def condition_end(text: str, pos: int, ceiling: int, next_figure: bool) -> int:
    """Where what a figure counts ends: like `clause_end`, but on over commas, which join
    the nouns of one condition ("100% thôn, tổ dân phố có nhà văn hóa"); before the joining
    word when it runs into the next figure (`ceiling`)."""
    end = clause_end(text, pos, ceiling, stops=";:()\n")
    if next_figure and not text[end:ceiling].strip():
        # Into the next figure: up to the last comma or joining word before it.
        breaks = [m.start() for m in _JOINER.finditer(text, pos, ceiling)] + \
                 [i for i in range(pos, ceiling) if text[i] == ","]
        return _trim_end(text, pos, max(breaks)) if breaks else ceiling
    return end


def before_next(text: str, start: int, next_start: int) -> int:
    """The end of a stretch that runs into the next figure: before the last "và", "hoặc" or
    "với" that joins them ("4.289 người sử dụng … và 1.028 người nghiện")."""
    joiners = list(_JOINER.finditer(text, start, next_start))
    return _trim_end(text, start, joiners[-1].start()) if joiners else next_start


def period_places(text: str, floor: int, pos: int) -> list[tuple[int, int]]:
    """The stretches of text[floor:pos] whose period a figure at `pos` may take, nearest
    first: its own list item, then the list's lead-in ("2. Mục tiêu giai đoạn 2025-2026:
    a) …; b) …": what comes before the first item labelled like its own), never its
    sibling items: a period stated in item a) is a)'s alone. With no list, the whole stretch."""
    items = item_starts(text, floor, pos)
    if not items:
        return [(floor, pos)]
    own_start, own_kind = items[-1]
    first = next(start for start, kind in items if kind == own_kind)
    return [(own_start, pos), (floor, first)]


def item_starts(text: str, floor: int, pos: int) -> list[tuple[int, str]]:
    """Where the list items in text[floor:pos] open, with the kind of their label: a label
    (`list_label`) where a clause can open (at `floor`, after a line break, ";", ":" or
    "."); a letter label "a)" also after a word, where a PDF ran a heading into its list
    ("Mục tiêu a) …"), but not after a word that makes it a reference ("điểm a)")."""
    out = []
    for m in _item_label().finditer(text, floor, pos):
        label = m.group(0)
        before = text[floor:m.start()].rstrip(" \t")
        if not before or before[-1] in "\n;:." or \
                (label[-1] == ")" and label[0].isalpha() and before[-1].isalnum()
                 and not _reference_word().search(before)):
            out.append((m.start(), _label_kind(label)))
    return out


def _label_kind(label: str) -> str:
    """Labels of one list share a kind: "a)" and "b)", "1." and "2.", "2.1." and "2.2.", "-"."""
    if label[-1] == ")":
        return "letter)" if label[0].isalpha() else "number)"
    if label[0].isdigit():
        return "number" + str(label.rstrip(".").count("."))
    return "roman" if label[0].isalpha() else label


def in_parenthesis(text: str, start: int, pos: int) -> bool:
    """Whether `pos` sits inside a parenthesis opened after `start`."""
    opening = text.rfind("(", start, pos)
    return opening >= 0 and text.find(")", opening, pos) < 0


@cache
def _joined_to_next() -> re.Pattern:
    return re.compile("|".join(cues.data()["evidence"]["joined_to_next"]), re.IGNORECASE)


@cache
def _intro() -> re.Pattern:
    """A phrase that sets the scene of a clause: a time, a place, a source, a lead word."""
    data = cues.data()
    words = data["evidence"]["intro"] + data["indicator"]["lead"]
    return re.compile(r"(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)


@cache
def _subclause_opener() -> re.Pattern:
    return cues.compile_words(cues.data()["evidence"]["subclause_openers"])


@cache
def _possessor_list() -> re.Pattern:
    words = "|".join(cues.data()["evidence"]["list_openers"])
    return re.compile(r"(?<!\w)(?:" + words + r")(?:\s+[^\W\d]+){1,%d}\s*$" % LIST_PIECE_WORDS, re.IGNORECASE)


@cache
def _label_gap() -> re.Pattern:
    """Between a label's ":" and its figure: nothing, or a verb that introduces the figure ("đạt")."""
    verbs = "|".join(sorted(cues.data()["indicator"]["tail"], key=len, reverse=True))
    return re.compile(r"\s*(?:(?:" + verbs + r")\s+)?", re.IGNORECASE)


@cache
def _not_a_label() -> re.Pattern:
    return cues.compile_suffix(cues.data()["label"]["lead_ins"])


@cache
def _item_label() -> re.Pattern:
    return re.compile(r"(?<!\S)(?:" + cues.data()["list_label"] + r")(?=\s)", re.IGNORECASE)


@cache
def _reference_word() -> re.Pattern:
    return cues.compile_suffix(cues.data()["not_before"])


def _word_count(piece: str) -> int:
    return len(piece.split())


def _words_back(text: str, floor: int, pos: int, n: int) -> int:
    starts = [m.start() for m in re.finditer(r"\S+", text[floor:pos])]
    return floor + starts[-n] if len(starts) >= n else floor


def _whole_words_back(text: str, floor: int, pos: int, n: int) -> int:
    """The `n`th word back from `pos`, or a word or a few before it when the word before the
    cut does not end a word: a capitalised word in mid-clause opens a compound or a name
    ("Tỷ lệ", "Sở Nội vụ"), and some syllables never end one (`evidence.joined_to_next`)."""
    starts = [floor + m.start() for m in re.finditer(r"\S+", text[floor:pos])]
    if len(starts) < n:
        return floor
    k = len(starts) - n
    for _ in range(EVIDENCE_SLACK):
        if k == 0:
            break
        previous = text[starts[k - 1]:starts[k]].strip().lstrip("(“\"")
        if not (previous[:1].isupper() or _joined_to_next().fullmatch(previous)):
            break
        k -= 1
    return starts[k]


def _skip_blank(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in ",;:)"):
        start += 1
    return start


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
