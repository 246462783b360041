"""The stretch of a sentence that belongs to one figure: its clause, and the evidence span.

A list of goals runs in one sentence ("có thêm 07 xã …; 03 xã …; 6 thôn …"), so a
figure's clause opens after the previous figure's stretch or at ";" / ":" / an
opening parenthesis it sits in, and closes at the next such mark, a comma, or the
next figure. The evidence the record quotes is that clause, cut to about a dozen
words before the figure so that a long sentence does not swamp it.
"""
from __future__ import annotations

import re

MAX_WORDS_BEFORE = 12
MAX_WORDS_AFTER = 22

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


def evidence_start(text: str, clause_open: int, pos: int) -> int:
    """The clause's opening, or, if more than a dozen words lie between it and `pos`, the
    last comma before `pos` (or the dozenth word back when there is none)."""
    if _word_count(text[clause_open:pos]) <= MAX_WORDS_BEFORE:
        return _skip_blank(text, clause_open, pos)
    depth = 0
    for i in range(pos - 1, clause_open - 1, -1):
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0 and text[i + 1:pos].strip():
            if _word_count(text[i + 1:pos]) <= MAX_WORDS_BEFORE:
                return _skip_blank(text, i + 1, pos)
            break
    return _words_back(text, clause_open, pos, MAX_WORDS_BEFORE)


def clause_end(text: str, pos: int, ceiling: int, stops: str = ";:,()\n") -> int:
    """Where the clause that goes on at `pos` closes, not after `ceiling`: at ";", ":", a
    comma, an opening parenthesis, an ellipsis, a sentence's full stop or the closing
    parenthesis of one it sits in; cut to a score of words."""
    words = 0
    in_word = False
    for i in range(pos, ceiling):
        c = text[i]
        if c in stops or _ELLIPSIS.match(text, i):
            return _trim_end(text, pos, i)
        if c == "." and (i + 1 >= ceiling or text[i + 1].isspace()):
            return _trim_end(text, pos, i)
        if c.isspace():
            in_word = False
        elif not in_word:
            in_word = True
            words += 1
            if words > MAX_WORDS_AFTER:
                return _trim_end(text, pos, i)
    return _trim_end(text, pos, ceiling)


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


def in_parenthesis(text: str, start: int, pos: int) -> bool:
    """Whether `pos` sits inside a parenthesis opened after `start`."""
    opening = text.rfind("(", start, pos)
    return opening >= 0 and text.find(")", opening, pos) < 0


def _word_count(piece: str) -> int:
    return len(piece.split())


def _words_back(text: str, floor: int, pos: int, n: int) -> int:
    starts = [m.start() for m in re.finditer(r"\S+", text[floor:pos])]
    return floor + starts[-n] if len(starts) >= n else floor


def _skip_blank(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in ",;:)"):
        start += 1
    return start


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
