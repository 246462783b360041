"""One clause read for an instruction: who it names, and where what they must do begins.

A clause gives an instruction in one of three ways (ANNOTATION.md, "tasks"):
- an assigning verb and its object: "… giao Sở Tư pháp chủ trì …", "yêu cầu các sở, ban, ngành …";
- a body as the subject: "UBND huyện Kon Plông chỉ đạo …", "Sở Y tế: …";
- no body at all, an imperative for whoever governs the clause: "Rà soát, thống kê …",
  "định kỳ trước ngày 15 hằng tháng … báo cáo …", "Ý kiến tham gia đề nghị gửi về …".
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from pipeline.core import anchors
from pipeline.core.doc import Span
from pipeline.core.letters import LOWER
from pipeline.extract.tasks.lexicon import cues, lists
from pipeline.extract.tasks.subjects import Named, Namer, Subjects

_LABEL = re.compile(r"\s*(?:(?:[IVXL]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]|[-–+•*])(?:\s+|$)")
_ASIDE = re.compile(r"\([^()\n]{1,120}\)")
_COLON = re.compile(r"\s*:\s*")
_COMMA = re.compile(r",\s*")
_ADVERBIAL_END = re.compile(r"[,:]\s*")  # "Trước khi kiểm tra: Sở Nội vụ có văn bản …"
_SPACE = re.compile(r"\s*,?\s*")
_SEMICOLON = re.compile(";")
_DASH = re.compile(r"\s*[-–]\s+")
_WORD_START = re.compile(r"(?<=\s)\S")
_ADVERBIAL_REACH = 160
_LOWER_WORD = re.compile(rf"[{LOWER}][^\s,;:.()“”\"]*")
_VERB_REACH = 5  # words between an unlisted verb and the listed one after it

# What a clause is, for the paragraph that holds it.
ASSIGNED = "assigned"      # an assigning verb and the bodies it names
SUBJECT = "subject"        # bodies as the subject of what follows
HEADED = "headed"          # "Sở Y tế: …" or a heading "1. Sở Tư pháp"
IMPERATIVE = "imperative"  # no body; opens with what to do
REQUEST = "request"        # no body; "đề nghị gửi về …": a request to whoever is addressed
REPORT = "report"          # no body; "… báo cáo kết quả về …"
OTHER = "other"            # nothing of an instruction by itself
ISSUER = "issuer"          # the issuer as the subject: its assigning verb names who acts
NONE = "none"              # not an instruction, and it ends the one before it


@dataclass
class Reading:
    kind: str
    span: Span                                    # the clause, from its cue or subject on
    action: int                                   # where what must be done begins
    responsible: list[Named] = field(default_factory=list)
    coordinating: list[Named] = field(default_factory=list)
    ends_with_colon: bool = False


def label_end(text: str, start: int, end: int) -> int:
    m = _LABEL.match(text, start, end)
    return m.end() if m else start


def read_clause(namer: Namer, start: int, end: int, limit: int | None = None) -> Reading:
    """The clause text[start:end]; a list of bodies may run on past its end up to `limit`
    ("đề nghị Ban Chỉ huy … các huyện; các sở, ban ngành trong tỉnh triển khai …")."""
    limit = max(end, limit or end)
    s = _skip(namer.text, start, end)
    # The walker reads a line as a heading, then as a paragraph's clause: each clause is read once.
    known = namer.readings.get((s, end, limit))
    if known is None:
        known = namer.readings[(s, end, limit)] = _read(namer, s, end, limit)
    # A copy: a task extends its lists of bodies in place. (Built field by field: `dataclasses.replace`
    # costs as much as the rest of a known clause's reading.)
    return Reading(known.kind, known.span, known.action, list(known.responsible), list(known.coordinating),
                   known.ends_with_colon)


def read_heading(namer: Namer, start: int, end: int) -> Reading | None:
    """`read_clause(namer, start, end)` when it is HEADED ("1. Sở Tư pháp", "Sở Y tế:"), else None.
    The walker asks this of every line, and most lines are no heading: a clause is HEADED only by its
    subject (`_read`), so the subject alone is read to tell, the rest of the clause when it is one."""
    s = _skip(namer.text, start, end)
    never, subject = _opening(namer, s, end, end)
    if never or subject is None or subject.kind != HEADED:
        return None
    return read_clause(namer, start, end, end)


def _read(namer: Namer, s: int, end: int, limit: int) -> Reading:
    """The clause that opens at `s` (past its label and openers)."""
    t = namer.text
    never, subject = _opening(namer, s, end, limit)
    if never:
        return Reading(NONE, (s, end), s)
    reading = None
    if subject is None or subject.kind == ISSUER:
        reading = _assigned(namer, subject.action if subject else s, end, limit, said_by_issuer=subject is not None)
    if reading is None and subject and subject.kind != ISSUER:
        reading = replace(subject)  # the subject is kept for the clause's other readings (`_opening`)
    if reading is None:
        reading = Reading(_subjectless_kind(t, s, end), (s, end), s)
    reading.ends_with_colon = t[s:reading.span[1]].rstrip().endswith(":")
    return reading


def _opening(namer: Namer, s: int, end: int, limit: int) -> tuple[bool, Reading | None]:
    """Whether the clause that opens at `s` is never an instruction, and its subject (`_subject`);
    kept by where the clause opens, ends and may reach, for `read_heading` and `_read` to share."""
    key = (s, end, limit)
    known = namer.openings.get(key)
    if known is None:
        t = namer.text
        c = cues()
        scan = namer.scan  # most clauses hold no word of these cues: they are not tried
        never = bool(scan.may_hold(c["never"], s, end) and c["never"].match(t, s, end)
                     or scan.may_hold(c["to_superior"], s, end) and c["to_superior"].search(t, s, end)
                     or _inside_quote(namer, s))
        known = namer.openings[key] = (never, None if never else _subject(namer, s, end, limit))
    return known


def _skip(text: str, start: int, end: int) -> int:
    """Past the list label, spaces and openers that say nothing of who ("Đồng thời, …")."""
    s = label_end(text, start, end)
    while s < end and text[s] in " \t":
        s += 1
    opener = cues()["opener"].match(text, s, end)
    return opener.end() if opener else s


def _assigned(namer: Namer, s: int, end: int, limit: int, said_by_issuer: bool = False) -> Reading | None:
    t = namer.text
    c = cues()
    for cue in namer.scan.finditer(c["assigning"], s, end):
        if cue.start() == s and c["directing"].match(cue.group(0)):
            continue  # "Chỉ đạo các đơn vị trực thuộc …": what the governing body itself must do
        before = t[max(s, cue.start() - 14):cue.start()]
        second = said_by_issuer and bool(c["second_predicate"].search(before))
        if second:
            pass  # "UBND tỉnh ban hành Kế hoạch và yêu cầu các sở …": the issuer's second verb
        elif c["not_assigning_before"].search(before) or c["proposed"].search(t, max(s, cue.start() - 80), cue.start()):
            continue
        k = cue.end()
        via = c["assign_via_cho"].match(t, k, end)
        if via:
            k = via.end()
        elif c["not_assigning_after"].match(t, k, end):
            continue
        k = _skip_spaces(t, k, end)
        named = namer.list_at(k, limit)
        # "Giao cho X …" opening its line or item: X is who must do it ("vốn giao cho X là …" inside a
        # sentence reports what was allotted)
        line = t.rfind("\n", 0, cue.start()) + 1
        article = c["article_label"].match(t, line, cue.start())
        opens_line = not t[label_end(t, article.end() if article else line, cue.start()):cue.start()].strip(" \t-–+•")
        cho = None if via or named is not None or not opens_line else c["assign_cho"].match(t, k, end)
        if cho and namer.list_at(cho.end(), limit) is not None:
            named = namer.list_at(cho.end(), limit)
        if named is None:
            if second:
                continue  # "… và yêu cầu thực hiện các nhiệm vụ sau:": a lead for the items, no body
            if c["predicate_any_case"].match(t, k, end):  # "đề nghị gửi về …": no body named
                return Reading(REQUEST, (s, end), k)  # what is requested opens the quote: "Ý kiến tham gia đề nghị gửi về …"
            continue
        bodies = [b for b in named.bodies if not namer.is_issuer(b)]
        if not bodies:
            continue
        end = _clause_end_after(t, named.end, end, limit)
        if via:  # "giao nhiệm vụ cụ thể cho X": the task is the "nhiệm vụ"
            return Reading(ASSIGNED, (cue.start(), end), cue.end(), bodies)
        action = _skip_spaces(t, named.end, end)
        colon = _COLON.match(t, action, end)
        reading = Reading(ASSIGNED, (cue.start(), end), colon.end() if colon else action, bodies)
        return _with_coordinating(namer, reading, end)
    return None


def _subject(namer: Namer, s: int, end: int, limit: int) -> Reading | None:
    """A body opening the clause, or opening it after an adverbial ("Trong quá trình …, Sở X …")."""
    t = namer.text
    c = cues()
    fallback = None
    for k in _subject_positions(namer, s, end):
        if k > s and c["agent_before"].search(t, max(s, k - 12), k):
            continue  # "… được các cấp, các ngành quan tâm": the body is an agent, not a subject
        prefix = c["heading_prefix"].match(t, k, end)
        if prefix:
            k = prefix.end()
        named = namer.list_at(k, limit)
        if named is None:
            continue
        stop = _clause_end_after(t, named.end, end, limit)
        after = _skip_spaces(t, named.end, stop)
        aside = _ASIDE.match(t, after, stop)  # "Sở X (cơ quan thường trực Chương trình)": said of the body
        if aside:
            after = _skip_spaces(t, aside.end(), stop)
        if prefix and c["naming_prefix"].match(prefix.group(0)):
            comma = t.find(",", after, stop)
            # "Đối với các phòng được giao theo dõi chỉ tiêu, cần …": the participle is the group's name
            qualified = c["heading_participle"].match(t[after:comma]) if comma > after else None
            if qualified:
                last = named.bodies[-1]
                name = f"{last.name} {' '.join(qualified.group(1).split())}"
                named = Subjects(named.bodies[:-1] + [Named((last.span[0], comma), name)], comma)
                after = comma
            if t.startswith(",", after):
                fallback = fallback or Reading(SUBJECT, (k, stop), _skip_spaces(t, after + 1, stop), named.bodies)
                continue
        if any(namer.is_issuer(b) for b in named.bodies):
            return Reading(ISSUER, (k, stop), after)  # the issuer speaking: its cues name who acts
        colon = _COLON.match(t, after, stop)
        if colon or after >= stop or t[after] in ".;":
            return Reading(HEADED, (k, stop), colon.end() if colon else after, named.bodies)
        qualified = c["heading_participle"].match(t[after:stop])
        if qualified:  # "2. Các cơ quan, đơn vị được kiểm tra": the participle is part of the group's name
            last = named.bodies[-1]
            name = f"{last.name} {' '.join(qualified.group(1).split())}"
            bodies = named.bodies[:-1] + [Named((last.span[0], after + qualified.end(1)), name)]
            return Reading(HEADED, (k, stop), stop, bodies, ends_with_colon=bool(qualified.group(2)))
        predicate = _predicate_after(t, after, stop)
        if predicate is None:
            if c["narrative"].match(t, after, stop) or c["commitment"].match(t, after, stop):
                return Reading(NONE, (k, stop), after)
            predicate = _verb_before_predicate(t, after, stop)
            if predicate is None:
                continue
        planned = c["planned"].match(t, predicate, stop)
        if planned and c["predicate_any_case"].match(t, planned.end(), stop):
            return Reading(NONE, (k, stop), after)  # "Hội X dự kiến tổ chức đại hội …": its plan, told
        if c["assigning"].match(t, predicate, stop) and not c["directing"].match(t, predicate, stop):
            return Reading(ISSUER, (k, stop), predicate)  # "Văn phòng X đề nghị Sở Y …": Sở Y acts
        reading = Reading(SUBJECT, (k, stop), predicate, named.bodies)
        return _with_coordinating(namer, reading, stop)
    return fallback


def _clause_end_after(text: str, i: int, end: int, limit: int) -> int:
    """The clause's end, moved on to the end of the clause a list of bodies reached into."""
    if i <= end:
        return end
    cut = _SEMICOLON.search(text, i, limit)
    return cut.start() if cut else limit


def _predicate_after(text: str, after: int, end: int) -> int | None:
    """Where the subject's predicate starts: right after it, or past a relative clause
    ("thủ trưởng các sở được phân công phụ trách tiêu chí phải căn cứ …")."""
    c = cues()
    opener = _SPACE.match(text, after, end)
    if c["predicate_any_case"].match(text, opener.end(), end) or c["assigning"].match(text, opener.end(), end):
        return opener.end()
    if c["relative"].match(text, after, end):
        modal = c["modal"].search(text, after, min(end, after + 90))
        if modal:
            return modal.start()
    dash = _DASH.match(text, after, end)
    if dash and dash.end() < end and text[dash.end()].islower():  # "Sở X - cơ quan thường trực Ban … giúp …"
        stop = min(end, after + 100)
        for word in _WORD_START.finditer(text, after, stop):
            k = word.start()
            if text[k].islower() and c["predicate"].match(text, k, end):
                return k
    return None


def _verb_before_predicate(text: str, after: int, end: int) -> int | None:
    """"Sở Công Thương rút ngắn thời gian thẩm định …", "Báo X tăng thời lượng đưa tin …": a verb the
    cues do not list opens the predicate when a listed one follows within a few lower-case words."""
    start = k = _SPACE.match(text, after, end).end()
    if cues()["relative"].match(text, start, end):
        return None  # "UBND các xã nơi đơn vị đặt trụ sở …": a relative clause, its verb no predicate
    for n in range(_VERB_REACH + 1):
        word = _LOWER_WORD.match(text, k, end)
        if not word or cues()["nominalizer"].match(text, k, end):
            return None  # punctuation, a capital, the clause's end, or "ngoài việc trả lời": no predicate
        if n and cues()["predicate"].match(text, k, end):
            return start
        k = _skip_spaces(text, word.end(), end)
    return None


def _subject_positions(namer: Namer, s: int, end: int) -> Iterator[int]:
    """Where a subject may stand: the clause's start, or after the adverbials that open it
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan … kịp thời báo cáo …").
    Told one by one: most clauses have their subject, or their verb, at the first (the lists of
    bodies an adverbial's commas might be inside are then not read)."""
    text = namer.text
    c = cues()
    yield s
    heard = c["hearing"].match(text, s, end)
    if heard:  # "Sau khi nghe Văn phòng, Cục X trình bày …;": the bodies heard are no subject
        semicolon = text.find(";", s, end)
        if semicolon > 0:
            yield semicolon + 1
        return
    positions = [s]
    about = c["phrase_opener"].match(text, s, end)
    if about:
        positions.append(about.end())
        yield about.end()
    if not c["adverbial"].match(text, s, end):
        return
    for comma in _ADVERBIAL_END.finditer(text, s, min(end, s + _ADVERBIAL_REACH)):
        if comma.end() not in positions and not _inside_list(namer, s, comma.start()):
            positions.append(comma.end())
            yield comma.end()


def _inside_list(namer: Namer, s: int, comma: int) -> bool:
    """The comma separates the members of a list of bodies ("các cấp, các ngành")."""
    starter = lists()["opener_before"].search(namer.text, max(s, comma - 40), comma)
    if not starter:
        return False
    named = namer.list_at(starter.start(1), comma + 60)
    if named and namer.is_issuer(named.bodies[0]):
        return False  # "Căn cứ Kế hoạch của UBND tỉnh, các cơ quan …": the issuer ends the adverbial
    return bool(named and named.end > comma)


def _subjectless_kind(text: str, s: int, end: int) -> str:
    c = cues()
    about = c["phrase_opener"].match(text, s, end)
    for k in (s, about.end()) if about else (s,):
        if c["report"].match(text, k, end):
            return REPORT
        if c["imperative"].match(text, k, end):
            return REPORT if anchors.search(c["report"], text, k, end) else IMPERATIVE
    return OTHER


def _with_coordinating(namer: Namer, reading: Reading, end: int) -> Reading:
    """"… chủ trì, phối hợp với X …": X coordinates; the action starts after both."""
    t = namer.text
    k = reading.action
    lead = cues()["leading"].match(t, k, end)
    if lead:
        k = lead.end()
    reading.action = k
    reading.coordinating = coordinating_in(namer, k, end, reading.responsible)
    joint = cues()["coordinating"].match(t, k, end)
    if joint:
        named = namer.list_at(joint.end(), end)
        if named:
            reading.action = _skip_spaces(t, named.end, end)
            # "phối hợp với các đơn vị đồng thời rà soát …": the action opens after the connective
            opener = cues()["opener"].match(t, reading.action, end)
            if opener:
                reading.action = opener.end()
    colon = _COLON.match(t, reading.action, end)
    if colon:
        reading.action = colon.end()
    return reading


def coordinating_in(namer: Namer, start: int, end: int, responsible: list[Named]) -> list[Named]:
    """Bodies named after "phối hợp (với)" in text[start:end], not the responsible ones."""
    found: list[Named] = []
    leads = {b.name for b in responsible}
    for joint in namer.scan.finditer(cues()["coordinating"], start, end):
        named = namer.list_at(joint.end(), end)
        if named:
            found += [b for b in named.bodies if b.name not in leads and not namer.is_issuer(b)
                      and all(b.name != f.name for f in found)]
    return found


def _skip_spaces(text: str, k: int, end: int) -> int:
    while k < end and text[k] in " \t":
        k += 1
    return k


def _inside_quote(namer: Namer, i: int) -> bool:
    """Quoted text (a cited provision, a goal quoted from another document) gives no instruction."""
    count, start = namer.scan.count, max(0, i - 2000)
    return count("“", start, i) > count("”", start, i) + count('"', start, i)
