"""targets: every goal a document sets, with or without a figure, and every result it states.

Sentence by sentence: the figures with a unit they count (claims.py), each given the
clause it governs (clauses.py), a status from the cues around it and its sections
(status.py), then comparator, mode, period, scope and indicator (attributes.py);
goals without a figure come from their own cues (goals.py). A list of indicators
("11 chỉ tiêu kinh tế gồm:" over "- Thu ngân sách nhà nước: 12.800 tỷ đồng") reads each
item's label as its indicator and takes status and period from the list's lead-in; a
paragraph of forecasts and the sections of award standards give no targets. Targets are
returned in text order: the tasks stage refers to them by index.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from pipeline.core.dates import find_dates
from pipeline.core.doc import Doc, Span
from pipeline.extract.targets import attributes, clauses
from pipeline.extract.targets.claims import Claim, claims_in
from pipeline.extract.targets.cues import pattern
from pipeline.extract.targets.goals import aims_lead, goals_in
from pipeline.extract.targets.status import TARGET, Where, instructions_start, status_of
from pipeline.extract.targets.units import COUNTED, PERCENT
from pipeline.core.records import Target

MAX_HEADING = 160
# How far back a paragraph's cues may reach, and a sentence's place and year (a news page
# pasted as one long line would otherwise make every figure rescan all that came before it).
MAX_LOOKBACK = 1500
SENTENCE_LOOKBACK = 300
# How far back the lead-in of a list may stand ("… gồm:" over a dozen items).
MAX_LIST = 3000
_WRAPPED = re.compile(r"[ \t]*\n[ \t]*")
# A figure going on with its unit or clause, not a list label ("2.", "3)") or a page number alone.
_WRAPPED_FIGURE = re.compile(r"\d[\d.,/]*(?<![.])(?:%|\s+[^\W\d])")
_LIST_ITEM = re.compile(r"\s*(?:[-–+•]|[a-zđ]\)|\d{1,2}[.)])\s")


def find(doc: Doc) -> list[Target]:
    if not doc.text or not doc.sentences:
        return []
    reader = _Reader(doc)
    found: list[Target] = []
    for sentence in reader.sentences():
        numeric = reader.figures_of(sentence)
        found.extend(numeric)
        found.extend(reader.goals_of(sentence, numeric))
    return sorted(_without_repeats(doc, found), key=lambda t: t.span)


class _Reader:
    """What the stage needs to know about one document while it reads its sentences."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.regions = doc.layout.bodies(len(doc.text))  # the body, and the annexes' bodies
        self.cited = [r.span for r in doc.references]
        self.line_starts = [line.span[0] for line in doc.lines]
        self.heading_starts = {section.heading[0] for section in doc.sections}
        self.issued_year = _issued_year(doc)
        self.instructions = {region: instructions_start(doc.text, *region) for region in self.regions}
        self.counted: list[Span] = []  # what each figure read so far counts: unit to clause end
        self._headings: dict[Span, str] = {}  # each section's heading, lower-cased
        self._verdicts: dict[tuple[str, ...], tuple[bool, bool, bool]] = {}

    def sentences(self):
        inside = [s for s in self.doc.sentences if any(start <= s[0] and s[1] <= end for start, end in self.regions)]
        return _rejoined(self.text, inside)

    def region(self, pos: int) -> tuple[int, int]:
        return next((r for r in self.regions if r[0] <= pos < r[1]), self.regions[0])

    def figures_of(self, sentence: Span) -> list[Target]:
        text = self.text
        claims = claims_in(text, sentence, self.cited)
        out: list[Target] = []
        floor, previous_mode, previous_status = sentence[0], None, None
        for k, claim in enumerate(claims):
            ceiling = claims[k + 1].start if k + 1 < len(claims) else sentence[1]
            opening = clauses.clause_start(text, floor, claim.start)
            if not (claim.unit.kind == PERCENT and _lowercase_after(text, claim.end)):
                opening = clauses.labelled_start(text, self.line_start(claim.start), opening, claim.start)
            closing = clauses.clause_end(text, claim.end, ceiling)
            if k + 1 < len(claims) and not text[closing:ceiling].strip():
                closing = clauses.before_next(text, claim.end, ceiling)
            floor = max(closing, claim.end)
            headings = self.headings_at(claim.start)
            if self.heading_verdicts(headings)[0] or self._in_forecast(claim.start):
                continue
            where = Where(self.paragraph_start(claim.start), opening, claim.start, claim.figure.end, claim.end,
                          closing, headings, self.issued_year,
                          in_parenthesis=clauses.in_parenthesis(text, self.lookback(sentence, claim.start), claim.start),
                          previous=previous_status,
                          instructions=self._in_instructions(claim.start),
                          counted=tuple(self.counted[-8:]), sentence_start=sentence[0],
                          lead_in=self.lead_in(claim.start))
            self.counted.append((claim.unit.span[0], closing))
            status = status_of(text, where)
            previous_status = status
            if status is None or (status != TARGET and claim.none_of):
                # "không có văn bản báo cáo" states a fact; only a goal of none is a target.
                previous_mode = None
                continue
            mode = attributes.mode(text, claim, opening)
            if mode == "total" and previous_mode == "additional" and claim.unit.kind == COUNTED \
                    and _opens_clause(text, opening, claim.start):
                mode = "additional"  # "Có thêm 04 xã …; 06 xã … và 02 xã …": the list goes on adding
            previous_mode = mode
            condition = clauses.condition_end(text, claim.end, ceiling, k + 1 < len(claims))
            out.append(self.target(claim, status, mode, (opening, closing), condition, sentence, headings))
        return _as_shares(out)

    def target(self, claim: Claim, status: str, mode: str, clause: Span, condition: int,
               sentence: Span, headings: tuple[str, ...]) -> Target:
        text = self.text
        opening, closing = clause
        before = (self.lookback(sentence, claim.start, SENTENCE_LOOKBACK), claim.start)
        # Not the period of an earlier item of a list run into one sentence ("a) Đến hết năm 2025,
        # …; b) …"): the figure's own item, then the list's lead-in.
        own = clauses.period_places(text, before[0], claim.start)
        in_item = (max(opening, own[0][0]), closing) if len(own) > 1 else clause
        places = [in_item] + (own if status == TARGET else [])
        lead_in = self.lead_in(claim.start)
        if status == TARGET and lead_in is not None:
            places.append(lead_in)  # "Chỉ tiêu năm 2025 gồm:" over "- Thu ngân sách: 9.000 tỷ đồng"
        evidence = (attributes.bracketed_evidence_start(text, claim) if claim.bracketed
                    else clauses.evidence_start(text, opening, claim.start))
        return Target(
            # The subject is read from where the evidence opens: a long clause's first words
            # ("Tuy nhiên, theo báo cáo của …, tính đến ngày …,") name no indicator.
            indicator=attributes.indicator(text, claim, (evidence, closing), max(condition, closing)),
            value=claim.value,
            value_max=claim.value_max,
            denominator=claim.denominator,
            unit=claim.unit.text,
            comparator=attributes.comparator(claim, status),
            mode=mode,
            status=status,
            period=attributes.period(text, claim.start, places, headings if status == TARGET else (),
                                     self.doc.document.subject if status == TARGET else None),
            scope=attributes.scope(text, opening, closing, claim.start) or attributes.scope(text, *before, claim.start),
            span=(evidence, max(closing, claim.end, self._counted_end(claim, condition))),
        )

    def _in_forecast(self, pos: int) -> bool:
        """Whether `pos` sits in a paragraph that opens with a forecast ("Theo nhận định của …")."""
        start = self.line_start(pos)
        label = _LIST_ITEM.match(self.text, start)
        return bool(_forecast().match(self.text, label.end() if label else start))

    def _counted_end(self, claim: Claim, condition: int) -> int:
        """A share's evidence runs over the nouns it counts, commas and all ("100% nhóm, lớp
        được học 2 buổi/ngày"): the clause would stop at the first comma."""
        return condition if claim.unit.kind == PERCENT and _lowercase_after(self.text, claim.end) else claim.end

    def goals_of(self, sentence: Span, numeric: list[Target]) -> list[Target]:
        headings = self.headings_at(sentence[0])
        no_targets, no_goals, under_goal_heading = self.heading_verdicts(headings)
        if no_targets or no_goals:
            return []
        out = []
        aims_from = aims_lead(self.text, self.paragraph_start(sentence[0]), sentence[1])
        for goal in goals_in(self.text, sentence, under_goal_heading, aims_from):
            if any(t.span[0] < goal.span[1] and goal.span[0] < t.span[1] for t in numeric):
                continue
            stretches = clauses.period_places(self.text, sentence[0], goal.span[0])
            period = attributes.period(self.text, goal.span[0], [goal.span, *stretches], headings,
                                       self.doc.document.subject)
            out.append(Target(indicator=goal.indicator, status=TARGET, period=period,
                              scope=attributes.scope(self.text, sentence[0], goal.span[1], goal.span[0]),
                              span=goal.span))
        return out

    def _in_instructions(self, pos: int) -> bool:
        opened = self.instructions[self.region(pos)]
        return opened is not None and pos > opened

    def lookback(self, sentence: Span, pos: int, reach: int = MAX_LOOKBACK) -> int:
        """The start of `sentence`, or of the stretch of it before `pos` worth reading back."""
        return max(sentence[0], pos - reach)

    def line_start(self, pos: int) -> int:
        k = bisect_right(self.line_starts, pos) - 1
        return self.line_starts[k] if k >= 0 else 0

    def lead_in(self, pos: int) -> Span | None:
        """The line that opens the list `pos` sits in ("11 chỉ tiêu kinh tế gồm:" over "- Thu
        ngân sách nhà nước: 12.800 tỷ đồng"): back over the list's items, to the first line
        that is none, when it ends with ":"."""
        k = bisect_right(self.line_starts, pos) - 1
        floor = max(self.region(pos)[0], pos - MAX_LIST)
        if k < 0 or not _LIST_ITEM.match(self.doc.lines[k].text):
            return None
        while k > 0 and self.line_starts[k - 1] >= floor:
            k -= 1
            line = self.doc.lines[k].text.strip()
            if line and not _LIST_ITEM.match(line):
                return self.doc.lines[k].span if line.endswith(":") else None
        return None

    def paragraph_start(self, pos: int) -> int:
        """The start of the paragraph holding `pos`: its line, and the lines before it that
        break off mid-sentence (a wrapped line of a PDF), headings excepted."""
        k = bisect_right(self.line_starts, pos) - 1
        floor = self.region(pos)[0]
        while k > 0 and not self.doc.lines[k - 1].text.rstrip().endswith((".", ";", ":", "!", "?", "…")) \
                and self.line_starts[k - 1] >= floor and self.line_starts[k - 1] not in self.heading_starts:
            k -= 1
        return max(self.line_starts[k] if k >= 0 else 0, floor, pos - MAX_LOOKBACK)

    def headings_at(self, pos: int) -> tuple[str, ...]:
        """Headings of the sections around `pos`, innermost first; not the line it sits on."""
        out = []
        for section in reversed(self.doc.sections_at(pos)):
            if section.heading[0] <= pos < section.heading[1]:
                continue
            heading = self._headings.get(section.heading)
            if heading is None:
                heading = self._headings[section.heading] = self.doc.span_text(section.heading).lower()
            if len(heading) <= MAX_HEADING:
                out.append(heading)
        return tuple(out)

    def heading_verdicts(self, headings: tuple[str, ...]) -> tuple[bool, bool, bool]:
        """Whether `headings` hold no targets, hold no goals, and open with a heading of goals;
        asked of each sentence and figure, answered once for each set of headings."""
        verdicts = self._verdicts.get(headings)
        if verdicts is None:
            verdicts = self._verdicts[headings] = (
                any(pattern("section", "no_targets").search(h) for h in headings),
                any(pattern("section", "no_goals").search(h) for h in headings),
                bool(headings) and bool(pattern("section", "goals").search(headings[0])))
        return verdicts


@cache
def _forecast() -> re.Pattern:
    return re.compile(r"\s*" + pattern("forecast_openers").pattern, re.IGNORECASE)


def _as_shares(found: list[Target]) -> list[Target]:
    """Growth percentages of one sentence that add up to about 100% are shares of a whole:
    the longest such run of consecutive ones."""
    percents = [k for k, t in enumerate(found) if t.unit == "%" and t.mode == "total"]
    for i in range(len(percents)):
        for j in range(len(percents), i, -1):
            run = percents[i:j]
            if run == list(range(run[0], run[-1] + 1)) and attributes.sector_shares([found[k].value for k in run]):
                return [t.model_copy(update={"mode": "share"}) if k in run else t for k, t in enumerate(found)]
    return found


def _lowercase_after(text: str, pos: int) -> bool:
    """A word in lower case after a space: the nouns a share counts ("100% trạm y tế")."""
    word = re.match(r"[ \t]+(\w)", text[pos:pos + 8])
    return bool(word) and word.group(1).islower()


def _rejoined(text: str, sentences: list[Span]) -> list[Span]:
    """Sentences broken at a wrapped line that the normalizer left because the next line opens
    with a number ("riêng trẻ 5 tuổi đạt\n99,8% trở lên", "báo cáo của\n16 hội"): one
    sentence again, so that the figure keeps its clause."""
    out: list[Span] = []
    for sentence in sentences:
        if out and _WRAPPED.fullmatch(text, out[-1][1], sentence[0]) and text[out[-1][1] - 1].isalpha() \
                and text[out[-1][1] - 1].islower() and _WRAPPED_FIGURE.match(text, sentence[0], sentence[1]):
            out[-1] = (out[-1][0], sentence[1])
        else:
            out.append(sentence)
    return out


def _issued_year(doc: Doc) -> int | None:
    """The document's year: its date, else the first date of its opening lines (a news
    article's "Ngày 19/01/2023, …"); goals and results are told apart by it."""
    if doc.document.issued_date:
        return int(doc.document.issued_date[:4])
    for found in find_dates(doc.text, 0, min(len(doc.text), 600)):
        if found.year:
            return found.year
    return None


def _opens_clause(text: str, opening: int, pos: int) -> bool:
    """Nothing but a joining word between the clause's opening and the figure."""
    return not re.sub(r"(?<!\w)(?:và|hoặc)(?!\w)", "", text[opening:pos]).strip(" ,;:")


def _without_repeats(doc: Doc, targets: list[Target]) -> list[Target]:
    """A figure restated (a news lede repeated in the body, a headline, a task list that
    repeats the plan's rule) is one target: the first, or the one outside the title."""
    title_end = _title_end(doc)
    in_text = {(t.value, t.unit) for t in targets if t.value is not None and t.span[0] >= title_end}
    kept: list[Target] = []
    seen: dict[tuple, list[Target]] = {}  # by figure: only targets with the same figure can repeat
    for target in targets:
        if target.span[0] < title_end and (target.value, target.unit) in in_text:
            continue
        same_figure = seen.setdefault((target.value, target.value_max, target.denominator, target.unit,
                                       target.status), [])
        if not any(_same(target, other) for other in same_figure):
            same_figure.append(target)
            kept.append(target)
    return kept


def _same(a: Target, b: Target) -> bool:
    """The same figure of the same thing; a bare restatement ("(mỗi tháng 03 chuyên mục)"),
    whose indicator is its unit alone, is the same as the fuller statement."""
    if (a.value, a.value_max, a.denominator, a.unit, a.status) != (b.value, b.value_max, b.denominator, b.unit,
                                                                   b.status):
        return False
    bare = a.value is not None and a.unit is not None and a.unit in (a.indicator, b.indicator)
    return (bare or _similar(a.indicator, b.indicator)) and _similar(a.scope, b.scope)


def _similar(a: str | None, b: str | None) -> bool:
    x, y = (a or "").lower().split(), (b or "").lower().split()
    if not x or not y:
        return not x and not y
    common = sum(min(x.count(w), y.count(w)) for w in set(x))
    return 2 * common / (len(x) + len(y)) >= 0.8


def _title_end(doc: Doc) -> int:
    """The end of the title block of an article: the short lines at the top, before the
    first line that ends as a sentence does (a headline restates a figure of the body)."""
    if doc.layout.header:
        return 0  # an official form: its title is the trích yếu, in the header
    end = 0
    for line in doc.lines[:4]:
        body = line.text.strip()
        if len(body) >= 200 or body.endswith((".", ";", ":", "…", "!", "?")):
            break
        end = line.span[1]
    return end
