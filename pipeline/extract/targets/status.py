"""Goal or result: the status of a figure, from the cues around it and the section it sits in.

The nearest cue decides, looked for in widening circles (ANNOTATION.md, targets):
the figure's own clause before it ("phấn đấu có thêm 07 xã", "đến nay đã có 42/85
xã"), the clause after it ("6/139 đề xuất còn tồn đọng", "22,42% cuối năm 2024");
a figure in parentheses takes the status of the figure it explains ("giảm 4,47%
(tương ứng giảm 6.548 hộ nghèo)") or, alone, is background; then the paragraph
before it (a list under "đã đề ra một số chỉ tiêu … Cụ thể như: …"), then the
headings of its sections ("I. KẾT QUẢ …" against "II. MỤC TIÊU …"). A figure stated
plainly, with no cue anywhere, is a goal where the document gives its instructions
(after "… yêu cầu các sở, ngành …") and a result before. A proposal or an act of the
document itself nearest the figure makes it no target at all (None).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extract.targets import cues

TARGET, ACHIEVED = "target", "achieved"
PROPOSED = "proposal"  # a heading's status: what comes under it is proposed, no target


@dataclass(frozen=True)
class Where:
    """Where a figure sits: the offsets the cue search widens through."""
    paragraph_start: int
    clause_open: int
    figure_start: int
    figure_end: int     # the numerals (and bound words) of the figure
    unit_end: int       # cues after the figure are looked for from here
    clause_close: int
    headings: tuple[str, ...]   # innermost first
    issued_year: int | None
    in_parenthesis: bool = False
    previous: str | None = None  # the status of the figure before it in the sentence
    instructions: bool = False   # after the sentence that opens the document's instructions
    # What earlier figures count ("… đạt 40,05% kế hoạch vốn được giao"): their cues are
    # theirs, not the paragraph's.
    counted: tuple[tuple[int, int], ...] = ()
    sentence_start: int | None = None  # where a result stated before the figure is looked for
    lead_in: tuple[int, int] | None = None  # the line opening the list it is an item of ("… gồm:")


def status_of(text: str, where: Where) -> str | None:
    cue = cues.nearest_before(text, where.clause_open, where.figure_end, _before_kinds(True))
    if cue is not None and cue.kind == "not_target":
        if len(text[cue.end:where.figure_start].split()) <= cues.data()["not_target_words"]:
            return None
        cue = cues.nearest_before(text, where.clause_open, where.figure_end, _before_kinds(False))
    if cue is not None and cue.kind == ACHIEVED and cues.pattern("status", "achieved_nouns").fullmatch(
            text, cue.start, cue.end):
        governing = cues.nearest_before(text, where.clause_open, cue.start, _before_kinds(False))
        cue = governing if governing is not None and governing.kind == TARGET else cue
    if cue is None:
        cue = cues.first_after(text, where.unit_end, where.clause_close, _after_kinds())
        if cue is not None and cue.kind == "after_target" and _after_a_result(text, where):
            return ACHIEVED  # "Đến nay đã hoàn thành 1.150 căn, đạt 35,9% chỉ tiêu": the share reached
    if cue is None and where.in_parenthesis:
        return where.previous or ACHIEVED
    if cue is None:
        cue = cues.nearest_before(text, where.paragraph_start, where.clause_open, _before_kinds(False),
                                  where.counted)
    if cue is not None:
        return _resolve(text, cue, where.issued_year)
    status = heading_status(where.headings)
    if status == PROPOSED:
        return None
    if status is None and where.lead_in is not None:
        # "11 chỉ tiêu kinh tế gồm:" / "- Thu ngân sách nhà nước: 12.800 tỷ đồng": the list's
        # lead-in governs its items, where no heading says what they are ("I. KẾT QUẢ …" over
        # "… đạt 20/24 chỉ tiêu; trong đó:" does).
        cue = cues.nearest_before(text, *where.lead_in, _before_kinds(False))
        status = _resolve(text, cue, where.issued_year) if cue is not None else None
    return status or (TARGET if where.instructions else ACHIEVED)


def _after_a_result(text: str, where: Where) -> bool:
    """Whether a result is what the figure follows in its sentence: the figure before it is
    one, or the nearest cue before its clause says so ("Đến nay", "đã hoàn thành")."""
    if where.previous == ACHIEVED:
        return True
    start = max(where.paragraph_start, where.sentence_start if where.sentence_start is not None else where.clause_open)
    cue = cues.nearest_before(text, start, where.clause_open, _before_kinds(False), where.counted)
    return cue is not None and _resolve(text, cue, where.issued_year) == ACHIEVED


def heading_status(headings: tuple[str, ...]) -> str | None:
    """The status the innermost heading with a cue gives the figures under it; PROPOSED
    under a heading of proposals."""
    for heading in headings:
        cue = cues.first_after(heading, 0, len(heading), _section_kinds())
        if cue is not None:
            return cue.kind
    return None


def instructions_start(text: str, start: int, end: int) -> int | None:
    """Where the document's instructions open: the first "… yêu cầu các sở …" or "… như sau:"."""
    m = cues.pattern("status", "directive_opener").search(text, start, end)
    return m.start() if m else None


def _resolve(text: str, cue: cues.Cue, issued_year: int | None) -> str:
    """The status a cue gives."""
    if cue.kind == "year":
        # "Trong năm 2022 …": a result before the document's year, a goal from it on.
        year = int(_year_phrase().match(text, cue.start).group(1))
        return ACHIEVED if issued_year is not None and year < issued_year else TARGET
    return {"after_target": TARGET, "after_achieved": ACHIEVED}.get(cue.kind, cue.kind)


@cache
def _before_kinds(with_exclusions: bool) -> dict[str, re.Pattern]:
    kinds = {TARGET: cues.pattern("status", "target"), ACHIEVED: cues.pattern("status", "achieved"),
             "year": _year_phrase()}
    if with_exclusions:
        kinds["not_target"] = cues.pattern("not_target")
    return kinds


@cache
def _after_kinds() -> dict[str, re.Pattern]:
    return {"after_target": cues.pattern("status", "after_target"),
            "after_achieved": cues.pattern("status", "after_achieved"), "year": _year_phrase()}


@cache
def _section_kinds() -> dict[str, re.Pattern]:
    return {TARGET: cues.pattern("section", "target"), ACHIEVED: cues.pattern("section", "achieved"),
            PROPOSED: cues.pattern("section", "proposal")}


@cache
def _year_phrase() -> re.Pattern:
    return cues.pattern("status", "year_phrase")
