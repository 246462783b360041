"""Goals without a figure (ANNOTATION.md, targets): stated as a goal and naming a state to reach.

"phấn đấu huyện Đồng Xuân hoàn thành nhiệm vụ phổ cập giáo dục mầm non": the cue,
a subject of a few words, a verb of reaching, and what is reached. "hướng đến mục
tiêu báo cáo điện tử …": what follows the cue. Not goals: a time instead of a state
("phấn đấu hoàn thành trong tháng 11/2020"), a purpose ("nhằm hoàn thành các mục
tiêu"), a general aim without an object, the "Mục đích, yêu cầu" section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.core.doc import Span
from pipeline.extract.targets import cues

MAX_WORDS = 22


@dataclass(frozen=True)
class Goal:
    span: Span          # the cue through the end of what is reached
    indicator: str      # the state to reach, with its subject


def goals_in(text: str, sentence: Span, under_goal_heading: bool = False, aims_from: int | None = None) -> list[Goal]:
    """The goals without a figure of one sentence. The clauses that follow a "phấn đấu" in
    its sentence ("phấn đấu có thêm 05 xã …; huyện X hoàn thành nhiệm vụ …"), and those
    under a "Mục tiêu" heading, are goals too when they name a state reached; so are the
    aims listed after "với mục tiêu" in its paragraph (from `aims_from`), one per comma."""
    out = []
    if aims_from is not None:
        out.extend(_governed(text, max(sentence[0], aims_from), sentence[1], out, _AIM_PIECE))
    under_goal_heading = under_goal_heading or bool(_goal_label().match(text, sentence[0]))
    governed_from = sentence[0] if under_goal_heading else None
    for m in cues.finditer(_goal_words("openers"), text, *sentence):
        if _after_purpose(text, sentence[0], m.start()):
            continue
        governed_from = m.start() if governed_from is None else governed_from
        goal = _reached(text, m.end(), sentence[1])
        if goal:
            out.append(Goal((m.start(), goal[1]), goal[0]))
    if governed_from is not None:
        out.extend(_governed(text, governed_from, sentence[1], out))
    if under_goal_heading:
        out.extend(_purposes_with_a_time(text, sentence, out))
    for m in cues.finditer(_goal_words("stated"), text, *sentence):
        end = _goal_end(text, m.end(), sentence[1])
        state = _clean(text[m.end():end])
        if _is_state(state):
            out.append(Goal((m.start(), end), state))
    return out


_JOINER = re.compile(r"(?:và|hoặc)\s+", re.IGNORECASE)
_CLAUSE_PIECE = re.compile(r"[^;\n]+")
# "với mục tiêu mở rộng …, nâng cao …, giảm chi phí sản xuất và từng bước đưa cây dược liệu
# thành …": a list of aims, each its own piece.
_AIM_PIECE = re.compile(r"(?:(?!\s(?:và|hoặc)\s)[^;,.\n])+", re.IGNORECASE)


def aims_lead(text: str, start: int, end: int) -> int | None:
    """The end of the last "với mục tiêu" in text[start:end]: the aims listed after it in its
    paragraph name goals."""
    last = None
    for m in cues.finditer(_goal_words("aims_lead"), text, start, end):
        last = m.end()
    return last


def _governed(text: str, start: int, end: int, found: list[Goal], pieces: re.Pattern = _CLAUSE_PIECE) -> list[Goal]:
    """Clauses after `start` (split at ";", list dashes and line breaks) that open with a
    subject and a verb of reaching."""
    out = []
    for m in pieces.finditer(text, start, end):
        a, b = m.start(), m.end()
        a += len(m.group(0)) - len(m.group(0).lstrip(" -–+•"))
        joiner = _JOINER.match(text, a, b)
        a = joiner.end() if joiner else a
        label = _list_label().match(text, a, b)
        if label:
            a = label.end()  # "b) huyện Chư Păh hoàn thành …": the label is no part of the goal
        if any(g.span[0] <= a < g.span[1] or a <= g.span[0] < b for g in found):
            continue
        if _goal_words("openers").match(text, a) or _goal_words("general").match(text, a):
            continue
        goal = _reached(text, a, b)
        if goal:
            out.append(Goal((a, goal[1]), goal[0]))
    return out


def _purposes_with_a_time(text: str, sentence: Span, found: list[Goal]) -> list[Goal]:
    """"Mục tiêu 1: Duy trì xu thế giảm sinh để đạt mức sinh thay thế trước năm 2030": the purpose
    reaches a state by a time, so it is the goal (the means before it is not)."""
    out = []
    for m in cues.finditer(_purpose_reach(), text, *sentence):
        verb = _goal_words("reach", "reach_ended").match(text, m.end())
        if not verb or any(g.span[0] <= m.start() < g.span[1] for g in found):
            continue
        end = _goal_end(text, verb.end(), sentence[1])
        state = _clean(text[verb.end():end])
        if _is_state(state) and _time_limit().search(state):
            out.append(Goal((m.start(), end), _clean(text[verb.start():end])))
    return out


@cache
def _goal_label() -> re.Pattern:
    return re.compile(r"\W{0,3}" + cues.data()["goals"]["label"], re.IGNORECASE)


@cache
def _purpose_reach() -> re.Pattern:
    return re.compile(r"(?<!\w)" + cues.data()["goals"]["purpose_reach"], re.IGNORECASE)


@cache
def _time_limit() -> re.Pattern:
    return re.compile(cues.data()["goals"]["time_limit"], re.IGNORECASE)


def _reached(text: str, start: int, limit: int) -> tuple[str, int] | None:
    """After "phấn đấu": a subject of a few words, a verb of reaching, a state (not a time)."""
    data = cues.data()["goals"]
    end = _goal_end(text, start, limit)
    verb = _goal_words("reach", "reach_ended").search(text, start, end)
    if not verb or len(text[start:verb.start()].split()) > data["subject_words"]:
        return None
    state = _clean(text[verb.end():end])
    if not _is_state(state):
        return None
    return _clean(text[start:end]), end


def _is_state(state: str) -> bool:
    words = state.split()
    return len(words) >= cues.data()["goals"]["min_words"] and not _not_object().match(state)


def _goal_end(text: str, start: int, limit: int) -> int:
    """Up to ";", ".", "(", a purpose word or a score of words, whichever comes first. An abbreviation
    in brackets ("chỉ số phát triển con người (HDI) ở mức …") is part of the name it follows."""
    end = limit
    for m in re.finditer(r"[;.:!?\n]|\s\((?![A-ZĐ][A-ZĐ0-9&\- ]{0,11}\))", text[start:limit]):
        end = start + m.start()
        break
    purpose = _purpose().search(text, start, end)
    if purpose:
        end = purpose.start()
    words = [m.end() for m in re.finditer(r"\S+", text[start:end])]
    if len(words) > MAX_WORDS:
        end = start + words[MAX_WORDS - 1]
    while end > start and text[end - 1] in " ,":
        end -= 1
    return end


def _after_purpose(text: str, floor: int, pos: int) -> bool:
    before = text[max(floor, pos - 16):pos]
    return bool(re.search(r"(?:" + "|".join(cues.data()["goals"]["purpose"]) + r")\s*$", before, re.IGNORECASE))


def _clean(piece: str) -> str:
    return " ".join(piece.strip(" ,;:-–").split())


@cache
def _list_label() -> re.Pattern:
    return re.compile(r"(?:" + cues.data()["list_label"] + r")\s+", re.IGNORECASE)


@cache
def _goal_words(*keys: str) -> re.Pattern:
    """The words of target_cues.yaml's `goals` entries, as one pattern."""
    goals = cues.data()["goals"]
    return cues.compile_words([w for key in keys for w in goals.get(key, [])])


@cache
def _purpose() -> re.Pattern:
    return cues.compile_words(cues.data()["goals"]["purpose"])


@cache
def _not_object() -> re.Pattern:
    return re.compile(r"(?:" + "|".join(sorted(cues.data()["goals"]["not_object"], key=len, reverse=True))
                      + r")(?!\w)", re.IGNORECASE)
