"""The body read paragraph by paragraph, keeping track of who governs what.

A directive says who must act in three places besides the clause itself:
- a heading or a lead-in names the bodies for what follows ("1. Sở Tư pháp", "Giao Sở Nội vụ:",
  "yêu cầu các sở, ban, ngành thực hiện tốt các nhiệm vụ sau:");
- the addressees of "Kính gửi" receive the items of "Chủ tịch UBND tỉnh yêu cầu:";
- a paragraph or section goes on with the subject it opened with ("Sở Nội vụ chủ trì …. Tăng cường …").
Frames hold these, nested as the numbered parts are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import resources
from pipeline.core.doc import Doc, Line, Span
from pipeline.extract.tasks import clauses as cl
from pipeline.extract.tasks.draft import Draft
from pipeline.extract.tasks.index import Index
from pipeline.extract.tasks.paragraph import NAMING, Clause, read_paragraph
from pipeline.extract.tasks.lexicon import cues
from pipeline.extract.tasks.subjects import Named, Namer

_WORDS = re.compile(r"\w+")
_TITLE, _MAYBE_TITLE = "title", "maybe title"
_NEXT_PARAGRAPH = 4  # characters between the end of one paragraph and the start of the next


@dataclass
class Frame:
    level: float
    responsible: list[Named] | None
    coordinating: list[Named] = field(default_factory=list)
    lead: Span | None = None
    items_only: bool = False   # a lead-in ending in ":" governs the numbered items under it
    blocked: bool = False      # "Nội dung tuyên truyền": nothing in it is anyone's task by default
    silent: bool = False       # "Mục đích, yêu cầu": nothing in it is a task at all


class Walker:
    def __init__(self, doc: Doc, namer: Namer, index: Index, skip: set[int]) -> None:
        self.doc = doc
        self.index = index
        self.namer = namer
        self.skip = skip  # starts of lines read elsewhere (assignment tables)
        self.frames: list[Frame] = []
        self.addressees = _addressees(doc, namer)
        self.in_region = False
        self.default: list[Named] = []
        self.carry: dict[int | None, list[Named]] = {}  # last subject of a section's running text
        self.drafts: list[Draft] = []
        self._headings = {s.heading[0]: s for s in doc.sections}

    def run(self) -> list[Draft]:
        for line in _body_lines(self.doc):
            if line.span[0] not in self.skip:
                self._line(line)
        return self.drafts

    # --- one line --------------------------------------------------------------------------

    def _line(self, line: Line) -> None:
        section = self._headings.get(line.span[0])
        if section is not None:
            self.frames = [f for f in self.frames if f.level < section.level]
            content = cl.label_end(self.doc.text, *line.span)
            criteria = cues()["criteria_section"].match(self.doc.text, content, line.span[1])
            if ((criteria or cues()["non_task_section"].match(self.doc.text, content, line.span[1]))
                    and not self._assigns(content, line.span[1])):
                silent = bool(criteria or cues()["purpose_section"].match(self.doc.text, content, line.span[1]))
                self.frames.append(Frame(section.level, None, blocked=True, silent=silent))
                return
        else:
            self.frames = [f for f in self.frames if not f.items_only]
        level = section.level if section else self._enclosing_level(line.span[0]) + 0.5
        if not any(f.silent for f in self.frames):
            self._paragraph(line, section is not None, level)
        lead = cues()["instruction_lead"]
        # Most lines hold no colon: not searched (line.text is the document's text[line.span]).
        if self.namer.scan.may_hold(lead, *line.span) and lead.search(line.text):
            self.in_region = True

    def _assigns(self, start: int, end: int) -> bool:
        # "2.6. Yêu cầu UBND các phường … hoàn thành trước ngày 15/11": an item that opens with
        # the word of a heading ("2. Yêu cầu") but goes on to name who must act.
        return cl.read_clause(self.namer, start, end).kind in (cl.ASSIGNED, cl.SUBJECT)

    def _enclosing_level(self, i: int) -> float:
        # The dashes of the "Kính gửi" list are no parts of the body that the text after them is in.
        skip = self.doc.layout.addressees or (0, 0)
        levels = [s.level for s in self.index.sections_at(i)
                  if s.heading[0] != i and not skip[0] <= s.heading[0] < skip[1]]
        return max(levels, default=0)

    def _paragraph(self, line: Line, labeled: bool, level: float) -> None:
        """A paragraph read in two passes: what each clause is (`_clauses`), then the tasks they make."""
        text = self.doc.text
        # Running text goes on with its section's last subject; numbered items do not.
        key = None if labeled else self._section_key(line.span[0])
        content = cl.label_end(text, *line.span)
        if self._heading(line, content, level, labeled):
            return
        if not labeled and self._finishes_last(line, content):
            return
        section = self._headings.get(line.span[0])
        title = labeled and _is_title(text[content:line.span[1]], section.span[1] > line.span[1] + 1)
        cur: Draft | None = None
        for clause in read_paragraph(self.doc.text, self.namer, self.index, line.span):
            kind = clause.reading.kind
            if title and (title == _TITLE or kind == cl.OTHER) and kind not in (cl.ASSIGNED, cl.SUBJECT):
                continue  # a part's title names no one and asks nothing
            if kind == cl.NONE:
                cur = self._close(cur, key)
            elif kind in NAMING:
                cur = self._named(clause, cur, Frame(level, clause.reading.responsible, clause.reading.coordinating,
                                                     line.span, items_only=kind != cl.HEADED), labeled, key)
            else:
                cur = self._subjectless(clause, cur, labeled, key)
        self._close(cur, key)

    def _named(self, clause: Clause, cur: Draft | None, frame: Frame, labeled: bool, key: int | None) -> Draft | None:
        """A clause that names who acts: a new task, or more of the current one (a numbered item
        whose sentences name the same bodies). Ending the paragraph with ":", it governs the items
        under it (`frame`)."""
        r, e = clause.reading, clause.end
        if clause.is_last and r.ends_with_colon:
            self.frames.append(frame)
        if not _WORDS.search(self.doc.text[r.action:e].replace("sau", "")):
            return cur  # a lead-in ("Giao Sở Nội vụ:"), or a cut text that lost its verb
        if cur and labeled and _same(cur.responsible, r.responsible):
            self._extend(cur, e, r.coordinating, not clause.new_sentence)
            return cur
        self._close(cur, key)
        if r.kind == cl.ASSIGNED and not self.default:
            self.default = r.responsible
        return Draft(r.span[0], e, r.action, r.responsible, r.coordinating, self._leads())

    def _finishes_last(self, line: Line, content: int) -> bool:
        """"Thời gian thực hiện: trong tháng 5/2023." right after an instruction sets its time."""
        last = self.drafts[-1] if self.drafts else None
        if not last or line.span[0] - last.reach > _NEXT_PARAGRAPH or not cues()["continuation"].match(
                self.doc.text, content, line.span[1]):
            return False
        if cl.read_clause(self.namer, content, line.span[1]).kind in (cl.ASSIGNED, cl.SUBJECT):
            return False
        last.reach = line.span[1]
        return True

    def _heading(self, line: Line, content: int, level: float, labeled: bool) -> bool:
        """A line that only names bodies ("1. Sở Tư pháp", "8. Các sở, ban, ngành; UBND các xã …",
        "Sở Y tế:") governs what follows it, as far as its section goes. Unnumbered, it needs its
        colon: a body's name alone on a line of a web page is a byline or a caption."""
        r = cl.read_heading(self.namer, content, line.span[1])
        if r is None or _WORDS.search(self.doc.text[r.action:line.span[1]]):
            return False
        if not labeled and not r.ends_with_colon:
            return True
        self.frames.append(Frame(level, r.responsible, r.coordinating, line.span))
        return True

    def _subjectless(self, clause: Clause, cur: Draft | None, labeled: bool, key: int | None) -> Draft | None:
        """A clause that names no one: more of the current task, a task of its own for the same
        bodies, or one for whoever governs it (a lead-in, the addressees, the section's subject)."""
        text = self.doc.text
        r, e, new_sentence = clause.reading, clause.end, clause.new_sentence
        continuing = (clause.continuing or cues()["continuation"].match(text, r.span[0], e)
                      or not new_sentence and r.kind == cl.OTHER)
        if cur:
            if r.kind == cl.OTHER and (new_sentence and not labeled):
                return cur
            own_report = (r.kind == cl.REPORT and cues()["separate_report"].match(text, r.span[0], e)
                          and not (cues()["closing_report"].match(text, r.span[0], e)
                                   and not self.index.deadlines_in(r.span[0], e)))
            own_time = r.kind in (cl.IMPERATIVE, cl.REQUEST) and self._recurs(r.span[0], e)
            # "…; chủ trì, phối hợp với các sở đề xuất …": leading again is a duty of its own.
            own_lead = r.kind == cl.IMPERATIVE and cues()["leading"].match(text, r.span[0], e)
            splits = not labeled and (own_report or own_time or own_lead or (
                new_sentence and r.kind in (cl.IMPERATIVE, cl.REPORT)))
            # "Giao Sở X … . Yêu cầu hoàn thành, gửi ý kiến trước ngày …": a request naming no one
            # right after an instruction finishes it.
            if continuing or not splits:
                # A numbered item's sentences are one instruction: its quote runs over all of them.
                self._extend(cur, e, cl.coordinating_in(self.namer, r.span[0], e, cur.responsible),
                             labeled or not new_sentence)
                return cur
            responsible = cur.responsible
            self._close(cur, key)
            return self._open(r, responsible, [], e)
        if r.kind == cl.OTHER and not labeled:
            return None
        responsible, coordinating = self._governing(r.kind, labeled, key)
        if not responsible:
            return None
        return self._open(r, responsible, coordinating, e)

    def _recurs(self, start: int, end: int) -> bool:
        """A clause with a recurring time of its own ("…; chỉ đạo đánh giá … hằng năm") is a duty of its own."""
        return any(d.recurrence for d in self.index.deadlines_in(start, end))

    def _open(self, r: cl.Reading, responsible: list[Named], coordinating: list[Named], e: int) -> Draft:
        own = cl.coordinating_in(self.namer, r.span[0], e, responsible)
        merged = coordinating + [b for b in own if all(b.name != c.name for c in coordinating)]
        return Draft(r.span[0], e, r.span[0], responsible, merged, self._leads())

    def _governing(self, kind: str, labeled: bool, key: int | None) -> tuple[list[Named], list[Named]]:
        for frame in reversed(self.frames):
            if frame.blocked:
                return [], []
            if frame.responsible:
                return frame.responsible, frame.coordinating
        if key is not None and key in self.carry and (labeled or kind != cl.OTHER):
            return self.carry[key], []
        if self.addressees and (kind == cl.REQUEST or (labeled and self.in_region)):
            return self.addressees, []
        if kind == cl.REPORT and self.default:
            return self.default, []
        return [], []

    def _leads(self) -> list[Span]:
        return [f.lead for f in reversed(self.frames) if f.lead]

    def _extend(self, draft: Draft, end: int, coordinating: list[Named], same_sentence: bool) -> None:
        if same_sentence:
            draft.end = max(draft.end, end)
        draft.reach = max(draft.reach, end)
        draft.coordinating += [b for b in coordinating if all(b.name != c.name for c in draft.coordinating)]

    def _close(self, draft: Draft | None, key: int | None) -> None:
        if draft is not None:
            self.drafts.append(draft)
            if key is not None:
                self.carry[key] = draft.responsible
        return None

    # --- spans -----------------------------------------------------------------------------

    def _section_key(self, i: int) -> int | None:
        chain = self.index.section_chain(i)
        return chain[0] if chain else None

def _body_lines(doc: Doc) -> list[Line]:
    regions = doc.layout.bodies(len(doc.text))
    skip = doc.layout.addressees
    return [line for line in doc.lines if any(start <= line.span[0] < end for start, end in regions)
            and not (skip and skip[0] <= line.span[0] < skip[1])]


def _addressees(doc: Doc, namer: Namer) -> list[Named]:
    """The bodies of "Kính gửi", on its own line or listed under it."""
    found: list[Named] = []
    span = doc.layout.addressees
    lines = [line for line in doc.lines if span and span[0] <= line.span[0] < span[1]]
    opening = cues()["addressees"]
    if not lines:
        lines = [line for line in doc.lines[:40] if opening.match(line.text)]
    for line in lines:
        m = opening.match(line.text)
        k = line.span[0] + (m.end() if m else 0)
        k = cl.label_end(doc.text, k, line.span[1])
        named = namer.list_at(k, line.span[1])
        if named:
            found += [b for b in named.bodies if all(b.name != f.name for f in found)]
    superiors = {s.lower() for s in resources.load("task_cues.yaml")["superior_addressees"]}
    return [b for b in found if b.name.lower() not in superiors]


def _is_title(content: str, has_content: bool) -> str | None:
    """"1. Về cải cách thể chế", "II. NHIỆM VỤ, GIẢI PHÁP": a part's title, no instruction itself.
    A short unpunctuated line over content of its own is a title; without content it may be
    a terse item ("a) Rà soát biên chế các đơn vị"), a title only if it gives no imperative."""
    content = content.strip()
    letters = list(filter(str.isalpha, content))
    if letters and sum(map(str.isupper, letters)) > 0.7 * len(letters):
        return _TITLE
    words = len(content.split())
    if content.endswith(":") and has_content:
        return _TITLE  # "I. Đề xuất nhu cầu kinh phí năm 2026:" over the items that say who does what
    if content.endswith((".", ";", "!", "…")) or words > (6 if content.endswith(":") else 12):
        return None
    return _TITLE if has_content else _MAYBE_TITLE


def _same(a: list[Named], b: list[Named]) -> bool:
    return {x.name for x in a} == {x.name for x in b}
