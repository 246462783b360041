"""Which time expressions are deadlines (ANNOTATION.md, deadlines).

A deadline says by when something must be done, or how often. Not deadlines: the dates
that identify documents (the issue date, dates of cited documents), past events, a
period that only names a plan, programme or school year ("Kế hoạch … năm 2024",
"giai đoạn 2021-2025"), effective dates, another body's reported plans, and the
purpose a document states ("Để … trong năm 2024, Giám đốc Sở yêu cầu").

The cue before an expression says how much context it needs:
- strong ("trước", "chậm nhất", "trong 30 ngày", "Thời hạn:", "từ … đến …"): a limit by
  itself; refused only inside the form's header and closing, status or effective dates,
  forecasts, others' plans, and the past;
- weak ("trong", "vào", "đến"): also refused in a document's subject, a purpose, a clause
  in the past, and, for a year or stage, after a plan's or programme's name;
- none ("năm 2024"): accepted only as a goal's period ("mục tiêu … năm 2024"), before its
  figure ("năm 2025 là 98%"), or alone in a table cell;
- recurrences ("hằng tháng"): refused as part of a name ("kế hoạch … hằng năm", "cây hằng năm").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from pipeline.core import anchors
from pipeline.core.doc import Doc, Span
from pipeline.extract.deadlines import vocabulary as vocab
from pipeline.extract.deadlines.anchor import Anchor
from pipeline.extract.deadlines.calendar import Resolution
from pipeline.extract.deadlines.expressions import TimeExpression
from pipeline.extract.deadlines.subjects import may_open_subject, subject_spans
from pipeline.extract.deadlines.vocabulary import FLAGS

STRONG_CUES = frozenset({"before", "latest", "term", "duration", "label", "occasion", "range"})
WEAK_CUES = frozenset({"within", "until", "from", "after"})
# Cues that bound work whatever happens around them: "Đại hội phải diễn ra trước ngày 30/6" is a limit,
# "Đại hội diễn ra từ ngày 28 đến ngày 30/6" the dates of an event.
LIMIT_CUES = frozenset({"before", "latest", "term", "duration", "label", "until"})
# A bare stage or school year names a programme; only a goal or a bound makes it a period of work.
NAMING_KINDS = frozenset({"stage", "school_year"})
BARE_KINDS = frozenset({"day", "days", "month", "quarter", "half", "year", "stage", "late_months"})
# "Quy hoạch … đến năm 2050": a plan's horizon is a year; "Tổ công tác … đến ngày 31/12" is a limit.
HORIZON_KINDS = frozenset({"year", "year_end", "stage"})

# Where a clause ends: ; : ! ? a line break, or a full stop before a space ("20.7.2020" is a date).
_CLAUSE_END = re.compile(r"[;:!?\n]|\.(?=\s)")
_SENTENCE_END = re.compile(r"[!?\n]|\.(?=\s+(?P<next>\S)|\s*$)")


@dataclass(frozen=True)
class Stops:
    """Where clauses or sentences end in a text, to find the one around a span by bisection."""
    starts: list[int]
    ends: list[int]
    length: int

    @classmethod
    def of(cls, text: str, pattern: re.Pattern, keep=lambda m: True) -> Stops:
        stops = [m.span() for m in pattern.finditer(text) if keep(m)]
        return cls([s for s, _ in stops], [e for _, e in stops], len(text))

    def around(self, span: Span) -> Span:
        k = bisect_right(self.ends, span[0]) - 1
        j = bisect_left(self.starts, span[1])
        return (self.ends[k] if k >= 0 else 0), (self.starts[j] if j < len(self.starts) else self.length)


@dataclass
class DocContext:
    """What the verdicts need to know about one document, worked out once (subjects per sentence, when asked)."""
    doc: Doc
    clauses: Stops
    sentences: Stops
    form_spans: list[Span] = field(default_factory=list)     # header and closing of the official form
    cell_spans: list[Span] = field(default_factory=list)
    quoted_spans: list[Span] = field(default_factory=list)   # another text's words, quoted
    _subjects: dict[Span, list[Span]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        layout = doc.layout
        # A layout whose body is empty found no running text: its "header" is the whole text.
        has_body = bool(layout.body and layout.body[1] > layout.body[0])
        forms = [s for s in (layout.header, layout.closing) if s and has_body]
        cells = [cell for table in doc.tables for row in table.rows for cell in row]
        return cls(doc, Stops.of(doc.text, _CLAUSE_END), Stops.of(doc.text, _SENTENCE_END, _ends_sentence),
                   forms, cells, quoted_spans(doc.text))

    def in_subject(self, span: Span) -> bool:
        """Inside "V/v …", "về việc …" or a citation's "về …" ("Công văn số 310/UBND-NC về việc …")."""
        sentence = self.sentences.around(span)
        if not may_open_subject().search(self.doc.text, sentence[0], span[0]):
            return False  # most sentences: no "về" before the expression, so no subject to look for
        if sentence not in self._subjects:
            self._subjects[sentence] = subject_spans(self.doc.text, *sentence)
        return _inside(span, self._subjects[sentence])


def verdict(ctx: DocContext, e: TimeExpression, resolution: Resolution, anchor: Anchor | None) -> str | None:
    """Why the expression is not a deadline, or None when it is one."""
    text = ctx.doc.text
    strong = e.cue in STRONG_CUES or (e.cue == "recurrence" and e.periodic)
    titles_tasks = _periods_the_titles_tasks(ctx, e)
    if titles_tasks:
        return None
    if _inside(e.span, ctx.form_spans) and not (strong and e.cue != "recurrence") \
            and not _periods_the_titles_goal(ctx, e):
        return "in the form's header or closing"
    clause = ctx.clauses.around(e.span)
    before, after = text[clause[0]:e.span[0]], text[e.span[1]:clause[1]]
    reason = _not_an_instruction(text, e, clause, ctx.sentences.around(e.span), before)
    if reason:
        return reason
    if _inside(e.span, ctx.quoted_spans):
        return "quoted from another text"
    if _is_past(e, resolution, anchor):
        return "past"
    if _in_past_frame(before, anchor):
        return "a past year's account"
    # "… hằng năm" in a cited document's title is its topic, however firm a recurrence is elsewhere.
    if (not strong or e.cue == "recurrence") and ctx.in_subject(e.span):
        return "a document's subject"
    if strong:
        return None
    if _in_purpose(before, _under_aims_heading(ctx, e.span[0])):
        return "a purpose"
    if e.cue == "recurrence":
        return _recurrence_verdict(text, e, before)
    if _has_past_marker(before, after):
        return "a past event"
    if _opens_an_account(text, e, before, after, ctx.sentences.around(e.span)):
        return "an account of work done"
    return _period_verdict(ctx, e, before, after)


def _periods_the_titles_goal(ctx: DocContext, e: TimeExpression) -> bool:
    """"NGHỊ QUYẾT VỀ … NHIỆM VỤ TRỌNG TÂM NĂM 2009": in the document's own subject, the year a goal
    or its key tasks are for is their period; any other time of the header stays out."""
    if e.cue == "recurrence":
        return False
    stretch = _own_subject_before(ctx, e)
    return stretch is not None and nearest_head(stretch, vocab.context_words()["head_window"]["period"]) == "goal"


def _own_subject_before(ctx: DocContext, e: TimeExpression) -> str | None:
    """The words of the document's own subject, as the header writes it, before `e`; None when `e`
    stands outside that subject."""
    subject = ctx.doc.document.subject if ctx.doc.document else None
    if not subject:
        return None
    words = [re.escape(w) for w in subject.split()]
    title = re.compile(r"\s+".join(words), re.IGNORECASE).search(ctx.doc.text, 0, e.span[1] + len(subject))
    if title is None or not (title.start() <= e.span[0] and e.span[1] <= title.end()):
        return None
    return ctx.doc.text[title.start():e.span[0]]


def _not_an_instruction(text: str, e: TimeExpression, clause: Span, sentence: Span, before: str) -> str | None:
    lead = text[max(clause[0], e.span[0] - 15):e.core[0]]  # "Tính đến ngày …", the cue included
    if anchors.search(vocab.context_pattern("status_markers"), lead):
        return "a date of status"
    if vocab.context_pattern("lunar_markers").match(text[e.span[1]:e.span[1] + 20].lstrip(" (")):
        return "a lunar date"
    if anchors.search(vocab.context_pattern("effective_markers"), before):
        return "an effective date"
    # A forecast runs on: "Theo bản tin … ngày 19/3, áp thấp … Từ đêm 20/3 đến hết ngày 22/3, …";
    # an instruction after it ("Trước 17 giờ ngày 20/3, …") opens with a firm cue.
    runs_on = not before.strip() and e.cue not in STRONG_CUES
    reported = text[max(0, sentence[0] - 300) if runs_on else sentence[0]:sentence[1]]
    if anchors.search(vocab.context_pattern("report_markers"), reported):
        return "a forecast or reported event"
    if e.cue not in STRONG_CUES and _in_forecast_paragraph(text, e.span[0]):
        return "a forecast"
    # "treo cờ trong những ngày diễn ra Lễ hội, bắt đầu từ ngày 22/02": the start is the work's, not the event's.
    if e.cue not in LIMIT_CUES and not e.starts_work and _dates_an_event(before, text[e.span[1]:clause[1]]):
        return "the dates of an event"
    near = " ".join(before.split()[-vocab.context_words()["plan_window"]:])
    plans = list(vocab.context_pattern("plan_markers").finditer(near))
    if plans and not vocab.context_pattern("plan_exceptions").search(near[plans[-1].start():]):
        return "another body's plan"
    return None


def _dates_an_event(before: str, after: str) -> bool:
    """"Hội nghị diễn ra tại tỉnh từ ngày 5 đến ngày 7/3": an event verb a few words before, with no
    instruction between; "Từ ngày 5 đến hết ngày 9/3, Giám đốc Sở đi công tác …": a range that opens its
    clause, set off by a comma, before the event verb. "Các sở gửi báo cáo trước ngày 1/3 để chuẩn bị
    Hội nghị diễn ra …" keeps its limit: the event follows an instruction."""
    events, orders = vocab.context_pattern("event_markers"), vocab.context_pattern("instruction_verbs")
    window = vocab.context_words()["event_window"]
    near = " ".join(before.split()[-window:])
    last = None
    for last in events.finditer(near):
        pass
    if last and not orders.search(near, last.end()):
        return True
    if not (_ITEM_MARK.fullmatch(before) and after.startswith(",")):
        return False
    first = events.search(after)
    return bool(first) and not orders.search(after, 0, first.start())


@cache
def _quoted_speech() -> re.Pattern:
    # "Nghị định … quy định: “…”", "Sở Nội vụ có Công văn … trả lời: “…”": the words of a law or of
    # another body, whose time limits are theirs. "cụ thể: “…”" restates the document's own instruction.
    verbs = vocab.alternation(vocab.context_words()["quoted_speech_verbs"])
    return re.compile(r"(?<!\w)" + verbs + r"\s*:\s*“(?P<quote>[^”]{1,3000})”", FLAGS)


def quoted_spans(text: str) -> list[Span]:
    return [m.span("quote") for m in anchors.finditer(_quoted_speech(), text)]  # tried only at its verbs


def _in_forecast_paragraph(text: str, position: int) -> bool:
    """"Theo nhận định của Đài Khí tượng Thủy văn, … Mực nước … đạt đỉnh vào khoảng cuối tháng 9.":
    a paragraph opened by a forecast's source forecasts in every sentence."""
    paragraph = text[text.rfind("\n", 0, position) + 1:position].lstrip("-–•+ ")
    return bool(vocab.context_pattern("forecast_openers").match(paragraph))


@cache
def _past_frame() -> re.Pattern:
    # "Năm 2023, Hiệp hội không báo cáo … định kỳ hằng năm", "Ngoài ra, trong năm 2023, …": a clause
    # opened by a year names when what it tells happened (at most a connective before the year).
    return re.compile(r"^\W*(?:[^\W\d]+(?:\s+[^\W\d]+)?\s*,\s*)?(?:trong\s+)?năm\s+(?P<y>"
                      + vocab.YEAR + r")\s*,", FLAGS)


def _in_past_frame(before: str, anchor: Anchor | None) -> bool:
    if anchor is None or not anchor.dates_the_document:
        return False
    m = _past_frame().match(before)
    return bool(m) and int(m.group("y")) < anchor.year


def _is_past(e: TimeExpression, resolution: Resolution, anchor: Anchor | None) -> bool:
    """Ends before the date of the document that sets it ("Trong năm 2023 …" in a 2024 directive)."""
    if anchor is None or not anchor.dates_the_document or e.cue == "recurrence":
        return False
    ends = [v.end for v in resolution.values if v.end]
    return bool(ends) and max(ends) < anchor.floor


def _in_purpose(before: str, under_aims: bool = False) -> bool:
    """A purpose clause runs until an instruction verb; a goal inside it ("để phấn đấu đến cuối năm 2024
    xóa xong nhà tạm") sets a period of work all the same, except under a heading of aims ("1. Mục
    đích: … để thực hiện mục tiêu phát triển bền vững của tỉnh đến năm 2020"), which sets none."""
    purposes = list(vocab.context_pattern("purpose").finditer(before))
    if not purposes:
        return False
    rest = before[purposes[-1].end():]
    return not (vocab.context_pattern("instruction_verbs").search(rest) or (_mentions_goal(rest) and not under_aims))


def _under_aims_heading(ctx: DocContext, pos: int) -> bool:
    """Whether a section heading around `pos` names the document's aims ("1. Mục đích:",
    "I. MỤC ĐÍCH, YÊU CẦU"; ANNOTATION.md: the "Mục đích, yêu cầu" section sets no target)."""
    doc = ctx.doc
    for section in doc.sections_at(pos):
        if section.heading[0] <= pos < section.heading[1]:
            continue
        if vocab.context_pattern("aims_headings").search(doc.span_text(section.heading)):
            return True
    return False


def _mentions_goal(words: str) -> bool:
    pattern, goals = vocab.head_pattern()
    return any(" ".join(m.group(0).lower().split()) in goals for m in pattern.finditer(words))


def _has_past_marker(before: str, after: str) -> bool:
    window = vocab.context_words()["past_window"]
    near = " ".join(before.split()[-window:]) + " | " + " ".join(after.split()[:window])
    return bool(vocab.context_pattern("past_markers").search(near))


def _opens_an_account(text: str, e: TimeExpression, before: str, after: str, sentence: Span) -> bool:
    """"Trong năm 2024, thực hiện kế hoạch vốn của tỉnh, Ủy ban nhân dân tỉnh đã chỉ đạo …": a period
    that opens its sentence, set off by a comma, frames the whole sentence; one that tells what was
    done ("đã") is an account, however far the verb stands. An instruction before the "đã" keeps the
    period the work's ("Trong năm 2025, các sở phải khắc phục những hạn chế đã nêu")."""
    if not (_ITEM_MARK.fullmatch(before) and after.startswith(",")):
        return False
    rest = text[e.span[1]:sentence[1]]
    told = vocab.context_pattern("account_markers").search(rest)
    return bool(told) and not vocab.context_pattern("instruction_verbs").search(rest, 0, told.start())


def _recurrence_verdict(text: str, e: TimeExpression, before: str) -> str | None:
    around = text[max(0, e.core[0] - 40):min(len(text), e.core[1] + 25)]
    if vocab.context_pattern("lexicalized_recurrence").search(around):
        return "a fixed term"
    if _estimate_follows(text[e.core[1]:e.core[1] + 40]):
        return "how much recurs, a fact"
    if e.span != e.core:
        return None  # "trước ngày 15 hằng tháng", "thứ Sáu hằng tuần": a day is set, so it is a schedule
    if nearest_head(before, vocab.context_words()["head_window"]["recurrence"]) == "naming":
        return "part of a name"
    return None


@cache
def _estimate_after_recurrence() -> re.Pattern:
    words = vocab.context_words()["estimate_after_recurrence"]
    links, estimates = (vocab.alternation(words[k]) for k in ("links", "estimates"))
    return re.compile(rf"^\s*,?\s*(?:{links}\s+)?{estimates}\s+\d", vocab.FLAGS)


def _estimate_follows(after: str) -> bool:
    """"Hằng năm, khoảng 60.000 ha … bị chuột gây hại": an estimated figure right after the frequency."""
    return bool(_estimate_after_recurrence().match(after))


def _periods_the_titles_tasks(ctx: DocContext, e: TimeExpression) -> bool:
    """"NGHỊ QUYẾT VỀ NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2008", issued in 2007: in the document's
    own subject, a year of the tasks it names, after the document's year, is their period (the year
    it is issued in is the year of its account: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2008", issued in 2008)."""
    issued = ctx.doc.document.issued_date if ctx.doc.document else None
    if not issued or e.period is None or e.period.kind != "year" or e.period.year is None \
            or e.period.year <= int(str(issued)[:4]):
        return False
    stretch = _own_subject_before(ctx, e)
    if stretch is None:
        return False
    window = vocab.context_words()["head_window"]["period"]
    return nearest_head(stretch, window) is None \
        and bool(vocab.context_pattern("title_task_heads").search(" ".join(stretch.split()[-window:])))


def _period_verdict(ctx: DocContext, e: TimeExpression, before: str, after: str) -> str | None:
    period = e.period
    window = vocab.context_words()["head_window"]["period"]
    head = nearest_head(before, window)
    if e.cue in WEAK_CUES:
        if _looks_like_a_fraction(ctx.doc.text, e):
            return "a fraction"
        if period.kind in NAMING_KINDS and head != "goal":
            return "names a programme or school year"
        if e.cue == "until" and period.kind in HORIZON_KINDS and head == "naming":
            return "names a plan's horizon"
        if period.kind == "day" and e.cue == "within" and _opens_narrative(before, after):
            return "a narrative date"
        return None
    if period.kind not in BARE_KINDS:
        return "bare"
    if head is None and _heads_its_line(before, after):
        head = nearest_head(_line_before(ctx.doc.text, e.span[0]), window)
    goal_after = after if after.strip() else _line_after(ctx.doc.text, e.span[1])
    if period.kind != "day" and (head == "goal" or (head is None and _goal_follows(goal_after))):
        return None
    if period.kind not in ("day", "days", "stage") and head is None and _frames_its_sentence(before, after):
        return None
    if period.kind == "year" and _figure_after_year().match(after):
        return None
    if _alone_in_cell(ctx, e.span):
        return None
    return "bare" if head != "naming" else "names a plan or programme"


def _line_after(text: str, position: int) -> str:
    """The rest of the line past a colon that ended the clause ("Giai đoạn 2026 - 2030: phấn đấu …")."""
    end = text.find("\n", position)
    rest = text[position:end if end >= 0 else len(text)]
    return rest.lstrip(" \t")[1:] if rest.lstrip(" \t").startswith(":") else ""


@cache
def _figure_after_year() -> re.Pattern:
    words = vocab.context_words()["figure_after_year"]
    goal, verbs, bounds = (vocab.alternation(words[k]) for k in ("goal_verbs", "verbs", "bounds"))
    return re.compile(rf"^\s*(?:{goal}\s+)?{verbs}\s+(?:{bounds}\s+)?\d", FLAGS)


def _goal_follows(after: str) -> bool:
    """"Năm 2025, phấn đấu …", "năm 2024 mục tiêu …": the goal names its year first
    (not "…, hoàn thành trong quý II": a completion after a name is the name's own deadline)."""
    return bool(vocab.context_pattern("goal_openers").search(" ".join(after.split()[:4])))


# What may open a list item or a heading: "b)", "2.1.", "-", "III.".
_ITEM_MARK = re.compile(r"\s*(?:[a-zđ]\)|[IVX]+\.|\d+(?:\.\d+)*\.?\)?|[-–+•*])?\s*", FLAGS)


def _frames_its_sentence(before: str, after: str) -> bool:
    """"Quý I/2027, các cơ quan đánh giá kết quả …", "Năm 2025, tỉnh đặt ra mục tiêu …": a period that
    opens its sentence, set off by a comma, is when the sentence's work is done (a past one is refused
    before this, a day so placed dates an event)."""
    if not (_ITEM_MARK.fullmatch(before) and after.startswith(",")):
        return False
    # "Năm 2024, Hội chưa báo cáo kết quả …": a status told, not work set.
    told = " ".join(after.split()[:vocab.context_words()["frame_window"]])
    return not vocab.context_pattern("frame_status_words").search(told)


def _heads_its_line(before: str, after: str) -> bool:
    """"2.1. Giai đoạn 2024-2025:" alone on its line, a heading whose parent heading names what it is."""
    return bool(_ITEM_MARK.fullmatch(before)) and not after.strip(" :.")


def _line_before(text: str, position: int) -> str:
    """The line before the one at `position` ("2. Mục tiêu cụ thể:"), past blank lines: a page copied
    from the web leaves one between every two paragraphs."""
    end = text.rfind("\n", 0, position)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return text[start:end]
        end = start - 1
    return ""


def _looks_like_a_fraction(text: str, e: TimeExpression) -> bool:
    """"trong 1/2 số hộ": a day and month with neither year nor "ngày" is read as a date only after a firm cue."""
    period = e.period
    return period.kind == "day" and period.year is None and "ngày" not in text[e.span[0]:e.span[1]].lower()


def _opens_narrative(before: str, after: str) -> bool:
    """"Vào ngày 20/7, đoàn kiểm tra …": a date leading its sentence tells when something happened."""
    return not before.strip() and after.lstrip().startswith(",")


def _alone_in_cell(ctx: DocContext, span: Span) -> bool:
    text = ctx.doc.text
    for start, end in ctx.cell_spans:
        if start <= span[0] and span[1] <= end:
            rest = (text[start:span[0]] + text[span[1]:end]).strip(" .;,\n\t")
            return not rest
    return False


def nearest_head(before: str, window: int) -> str | None:
    """"goal" or "naming" for the nearest head noun in the last `window` syllables, or None.

    A goal joined to a plan ("các mục tiêu, kế hoạch năm 2025") still makes the year a goal's period.
    """
    stretch = " ".join(before.split()[-window:])
    pattern, goals = vocab.head_pattern()
    heads = list(pattern.finditer(stretch))
    if not heads:
        return None
    kinds = ["goal" if " ".join(h.group(0).lower().split()) in goals else "naming" for h in heads]
    if kinds[-1] == "naming" and len(heads) > 1 and kinds[-2] == "goal" \
            and _goal_joiner().fullmatch(stretch[heads[-2].end():heads[-1].start()]):
        return "goal"
    return kinds[-1]


@cache
def _goal_joiner() -> re.Pattern:
    # "các mục tiêu, kế hoạch năm 2025", "mục tiêu thực hiện Chương trình năm 2026": the year is the goal's.
    return re.compile(r"\s*(?:,\s*)?" + vocab.alternation(vocab.context_words()["goal_joiners"]) + r"?\s*", FLAGS)


def _ends_sentence(m: re.Match) -> bool:
    """A full stop before a lower-case word ends no sentence ("của UBND tỉnh. về …" in a careless copy)."""
    return m.group(0) != "." or not m.group("next") or not m.group("next").islower()


def _inside(span: Span, regions: list[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in regions)
