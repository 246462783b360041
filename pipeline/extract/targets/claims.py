"""The figures of a sentence that may be targets: a number with a unit it counts, not a
date, a label, a year or a number that only qualifies another figure's indicator.

A claim is one figure with its unit and value, before any status is decided.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import resources
from pipeline.core.dates import find_dates
from pipeline.core.doc import Span
from pipeline.core.numbers import Figure, Number, bound_after, find_figures, normalized
from pipeline.extract.targets import cues
from pipeline.extract.targets.units import COUNTED, MEASURE, NOT_A_UNIT, PERCENT, Unit, noun_after, read_unit

# Between two figures, any of these means the second has a clause of its own; with none,
# the second only qualifies the first ("42/85 xã đạt chuẩn 19/19 tiêu chí").
# "2.146 phương tiện với 9.820 lao động" are two counts.
_SEPARATOR = re.compile(r"[,;:()“”\"]|\.\.\.|…|(?<!\w)(?:và|hoặc|với|còn|trong đó)(?!\w)", re.IGNORECASE)


_CLAUSE_MARK = re.compile(r"[;:()“”\"]|\.\.\.|…|(?<!\w)(?:và|hoặc|còn|trong đó)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    figure: Figure
    unit: Unit
    value: Number
    value_max: Number | None
    denominator: Number | None
    comparator: str | None     # from the figure's own bound words, or "=" for "không còn"
    none_of: bool = False      # "không còn xã …": a figure of none, no numeral
    bracketed: bool = False    # "số ca mắc tại A (108.263)": its unit named earlier, its place before it

    @property
    def start(self) -> int:
        return self.figure.start

    @property
    def end(self) -> int:
        """The end of the figure and its unit."""
        return max(self.figure.end, self.unit.span[1])


def claims_in(text: str, sentence: Span, cited: list[Span]) -> list[Claim]:
    """The candidate figures of one sentence, in text order, qualifiers dropped; none inside
    a date or a citation (`cited`: the references' spans)."""
    start, end = sentence
    figures = find_figures(text, start, end)
    if figures:
        dates = [d.span for d in find_dates(text, start, end)]
        masks = [d for d in dates if not _fraction(text, d, end)] + [c for c in cited if c[0] < end and start < c[1]]
        figures = [f for f in figures if not _masked(f.span, masks)]
    found = [c for c in (_claim(text, sentence, f) for f in figures) if c]
    found.extend(_none_of_claims(text, sentence))
    found.sort(key=lambda c: c.start)
    scopes = [c for c in found if _counts_places_after_locative(text, sentence[0], c)]
    if len(scopes) < len(found):
        found = [c for c in found if c not in scopes]
    kept: list[Claim] = []
    for claim in found:
        if kept and _qualifies(text, kept[-1], claim):
            continue
        kept.append(claim)
    return kept


def _claim(text: str, sentence: Span, figure: Figure) -> Claim | None:
    if _labelled(text, sentence[0], figure):
        return None
    unit = read_unit(text, figure, sentence[1])
    bracketed = unit is None and (unit := _unit_of_bracketed(text, sentence[0], figure)) is not None
    if unit == NOT_A_UNIT:
        unit = _multiple(text, sentence[0], figure)
        if unit is None:
            return None
    if unit is None:
        if figure.in_words or _year_like(figure) or not _lowercase_word_follows(text, figure, sentence[1]):
            return None
        unit = noun_after(text, sentence, figure)
        if unit is None:
            return None
    if figure.in_words and figure.ambiguous and (not figure.comparator or _per_one().match(text, figure.start)):
        # "một cơ quan", "năm đơn vị" read as prose, not as counts; "trên một đơn vị diện
        # tích" is "per unit of area", no bound.
        return None
    if _counts_plan_parts(text, sentence[0], figure, unit):
        return None
    value = normalized(figure.value * unit.factor)
    value_max = normalized(figure.value_max * unit.factor) if figure.value_max is not None else None
    if _looks_like_year(figure, unit) or _points_back(text, unit.span[1], sentence[1]):
        return None
    after = bound_after(text, unit.span[1], sentence[1])
    comparator = figure.comparator or (after[0] if after else None)
    return Claim(figure, unit, value, value_max, figure.denominator, comparator, bracketed=bracketed)


_BRACKETED = re.compile(r"\(\s*$")
_CLOSING_BRACKET = re.compile(r"\s*\)")
_COUNT_OF = re.compile(r"(?<!\w)số\s+", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.;!?](?=\s)")
_BRACKET_REACH = 300


def _unit_of_bracketed(text: str, floor: int, figure: Figure) -> Unit | None:
    """"số ca mắc tại A (108.263), tại B (588)": a figure alone in brackets after a place counts
    the noun that "số" named earlier in the sentence; with no such noun it is a label ("(2)")."""
    if figure.in_words or not _BRACKETED.search(text, max(floor, figure.start - 3), figure.start) \
            or not _CLOSING_BRACKET.match(text, figure.end):
        return None
    # A copy that broke its lines before the bracket splits the sentence there: read back to the
    # sentence's real end, a full stop or a semicolon.
    back = max(0, figure.start - _BRACKET_REACH)
    stops = list(_SENTENCE_STOP.finditer(text, back, figure.start))
    floor = min(floor, stops[-1].end() if stops else back)
    counted = None
    for m in _COUNT_OF.finditer(text, floor, figure.start):
        unit = read_unit(text, Figure(span=(m.start(), m.end() - 1), value=0), figure.start)
        if isinstance(unit, Unit) and unit.kind == COUNTED:
            counted = unit
    return counted


@cache
def _scope_count() -> tuple[re.Pattern, frozenset[str]]:
    data = resources.load("target_units.yaml")["scope_counts"]
    locative = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, data["locatives"])) + r")\s+$", re.IGNORECASE)
    return locative, frozenset(data["places"])


def _counts_places_after_locative(text: str, floor: int, claim: Claim) -> bool:
    """"tại 10 quốc gia", "ở 56 tỉnh, thành phố": a count of places after "tại"/"ở"."""
    locative, places = _scope_count()
    first = claim.unit.text.split(",")[0].strip().lower()
    return (claim.unit.kind == COUNTED and first in places
            and bool(locative.search(text, max(floor, claim.start - 8), claim.start)))


def _fraction(text: str, span: Span, limit: int) -> bool:
    """"có 07/09 sở có ý kiến": a bare day/month that a counted noun follows is a share of a
    whole, not a date."""
    if not re.fullmatch(r"\d{1,3}/\d{1,3}", text[span[0]:span[1]]) or \
            _date_before().search(text[max(0, span[0] - 12):span[0]]):
        return False
    figure = Figure(span=span, value=0)
    unit = read_unit(text, figure, limit)
    return isinstance(unit, Unit) and unit.kind == COUNTED


def _multiple(text: str, floor: int, figure: Figure) -> Unit | None:
    """"gấp hơn 13 lần": a multiple, whose unit is "lần" (elsewhere "lần" says how often)."""
    data = resources.load("target_units.yaml")["multiple"]
    m = re.compile(r"\s*(" + data["unit"] + r")(?!\w)", re.IGNORECASE).match(text, figure.end)
    if not m or not cues.compile_suffix(data["before"]).search(text[max(floor, figure.start - 16):figure.start]):
        return None
    return Unit(m.group(1).lower(), MEASURE, m.span(1))


def _counts_plan_parts(text: str, floor: int, figure: Figure, unit: Unit) -> bool:
    """"11 chỉ tiêu kinh tế gồm:", "25 chỉ tiêu phấn đấu năm 2024": how many goals a plan sets
    counts the document's own parts (ANNOTATION.md), unless the figure says how many were
    reached ("đạt 20/25 chỉ tiêu", "đã hoàn thành 18 chỉ tiêu", "18 chỉ tiêu đạt và vượt")."""
    data = resources.load("target_units.yaml")
    if unit.kind != COUNTED or unit.text not in data["plan_parts"] or figure.denominator is not None:
        return False
    return not _reached_before().search(text, max(floor, figure.start - 40), figure.start) and \
        not _reached_after().match(text, unit.span[1], min(len(text), unit.span[1] + 40))


def _points_back(text: str, pos: int, limit: int) -> bool:
    """"06 xã nêu trên": a figure given before, not a new one."""
    return bool(_not_target_after().match(text, pos, limit))


def _none_of_claims(text: str, sentence: Span) -> list[Claim]:
    """"không còn thôn nào có tỷ lệ hộ nghèo trên 20%": value 0, unit thôn."""
    out = []
    for m in cues.finditer(cues.pattern("none_of"), text, *sentence):
        figure = Figure(span=(m.start(), m.end()), value=0, comparator="=")
        unit = read_unit(text, figure, sentence[1])
        if isinstance(unit, Unit) and unit.kind == COUNTED:
            out.append(Claim(figure, unit, 0, None, None, "=", none_of=True))
    return out


def _qualifies(text: str, earlier: Claim, later: Claim) -> bool:
    if not _SEPARATOR.search(text, earlier.end, later.start):
        return True
    # "100% nhóm, lớp được học 2 buổi/ngày": inside the nouns a share counts (commas join
    # them), a figure after a word that introduces none ("đạt", "tăng", "có" do) is theirs.
    between = text[earlier.end:later.start]
    return (earlier.unit.kind == PERCENT and between.lstrip()[:1].isalpha() and not _CLAUSE_MARK.search(between)
            and between.rstrip()[-1:].isalpha() and not _introduces_figure().search(between))


def _labelled(text: str, floor: int, figure: Figure) -> bool:
    """"số 3", "Điều 17", "năm 2023", "thứ 17": the number is a label, not a quantity."""
    if figure.comparator or figure.percent:
        return False  # "Dịch vụ 35,6%": a share is never a label's number
    before = text[max(floor, figure.start - 24):figure.start]
    return bool(_not_before().search(before))


def _lowercase_word_follows(text: str, figure: Figure, limit: int) -> bool:
    """A word in lower case after the figure, the figure not opening its line: a number at
    the start of a line is a page number or an index ("2 tổng hợp", "3 c) …")."""
    line_start = text.rfind("\n", 0, figure.start) + 1
    if not text[line_start:figure.start].strip(" -–+•\t"):
        return False
    pos = figure.end
    while pos < limit and text[pos] == " ":
        pos += 1
    return pos < limit and text[pos].isalpha() and text[pos].islower()


def _looks_like_year(figure: Figure, unit: Unit) -> bool:
    return unit.kind == COUNTED and unit.factor == 1 and _year_like(figure)


def _year_like(figure: Figure) -> bool:
    """"2022", "2018-2019": a year or a span of years, not a count."""
    value = figure.value
    return (isinstance(value, int) and 1900 <= value <= 2100 and figure.denominator is None
            and not figure.comparator and not figure.percent)


def _masked(span: Span, masks: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in masks)


@cache
def _not_target_after() -> re.Pattern:
    return re.compile(r"\s+" + cues.pattern("not_target_after").pattern, re.IGNORECASE)


@cache
def _not_before() -> re.Pattern:
    return cues.compile_suffix(cues.data()["not_before"])


@cache
def _date_before() -> re.Pattern:
    return cues.compile_suffix(cues.data()["date_before"])


@cache
def _per_one() -> re.Pattern:
    return cues.compile_words(cues.data()["per_one"])


@cache
def _reached_before() -> re.Pattern:
    return re.compile(cues.compile_words(cues.data()["plan_parts_reached"]).pattern + r"[^.;:]*$", re.IGNORECASE)


@cache
def _introduces_figure() -> re.Pattern:
    """The verbs and bounds that put a figure of its own after a noun ("đạt", "tăng", "là")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(cues.data()["indicator"]["tail"], key=len, reverse=True))
                      + r")\s*$", re.IGNORECASE)


@cache
def _reached_after() -> re.Pattern:
    return re.compile(r"[^.;:,]*?" + cues.compile_words(cues.data()["plan_parts_reached"]).pattern, re.IGNORECASE)
