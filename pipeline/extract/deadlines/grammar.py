"""The time grammar: where the text names a day, a period, a span of days or a recurrence.

It finds expressions and says what they name; it does not decide whether one is a
deadline (context.py) nor turn it into dates (calendar.py). The grammar is written
in the order a reader takes an expression apart:

    [định kỳ] [cue] [time of day] PERIOD [đến PERIOD]      "từ ngày 10 đến ngày 17/6/2024"
    [định kỳ] [cue] [ngày N | thứ Sáu …] EVERY UNIT[, UNIT]  "trước ngày 20 hằng tháng và tháng cuối quý"
    [cue] ngày N [của] tháng tiếp theo|sau                 "trước ngày 05 của tháng tiếp theo"
    [sơ kết|báo cáo] N tháng[, [tổng kết] hằng năm]        "sơ kết 6 tháng, tổng kết hằng năm"
    LEAD N ngày|tuần|tháng [làm việc] [kể từ …]            "trong thời hạn 10 ngày kể từ ngày ký"

The recurring lines are read in recurrences.py; two recurrences side by side that name one
schedule ("định kỳ hằng quý, trước ngày 25 tháng cuối quý") become one expression with the
more precise rule.

dateparser is not used to find anything: its search reads "10 ngày" as 10 January and
drops "trước" (the issue). Whole dates come from pipeline.core.dates; the rest is here.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache

from pipeline.core import anchors
from pipeline.core.citations import canonical_type
from pipeline.core.dates import FoundDate, find_dates
from pipeline.core.doc import Span
from pipeline.extract.deadlines import named_days
from pipeline.extract.deadlines import vocabulary as vocab
from pipeline.extract.deadlines.expressions import LOOKBACK, Duration, Period, TimeExpression
from pipeline.extract.deadlines.recurrences import (following_month_pattern, recurrence_pattern, report_period,
                                                   report_period_pattern, schedules_joined, with_prefix)
from pipeline.extract.deadlines.vocabulary import DAY, FLAGS, MONTH, YEAR, alternation



def find_expressions(text: str, dates: list[FoundDate] | None = None,
                     own_type: str | None = None) -> list[TimeExpression]:
    """Every time expression in `text`, left to right, none overlapping (`dates`: find_dates(text), if known;
    `own_type`: the document's type, which "kể từ ngày Chỉ thị được ban hành" must name to count from its date)."""
    lowered = text.lower()  # where each pattern's opening words stand: it is tried there alone
    recurrences = [with_prefix(text, m) for pattern in (recurrence_pattern(), following_month_pattern())
                   for m in anchors.finditer(pattern, text, lowered)]
    reports = [report_period(text, m) for m in anchors.finditer(report_period_pattern(), text, lowered)]
    durations = [_duration(text, m, own_type) for m in anchors.finditer(_duration_pattern(), text, lowered)]
    claimed = sorted([e for e in recurrences + reports + durations if e], key=lambda e: e.span)
    taken = _non_overlapping(claimed)
    taken_spans = [e.span for e in taken]
    dates = find_dates(text) if dates is None else dates
    periods = [p for p in _periods(text, lowered, dates) if not _overlaps(p[0], taken_spans)]
    expressions = taken + _with_cues(text, periods)
    ordered = _non_overlapping(sorted(expressions, key=lambda e: (e.span[0], -e.span[1])))
    return _starts_attached(text, schedules_joined(text, ordered))


def _starts_attached(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """"định kỳ hằng tháng …, bắt đầu từ tháng 7/2024": the start belongs to the recurrence
    before it in the sentence, not to a deadline of its own."""
    out: list[TimeExpression] = []
    recurring = None  # where the last recurrence stands in `out`
    for e in expressions:
        if e.cue == "from" and e.period.kind != "days" and recurring is not None \
                and not _SENTENCE_END.search(text, out[recurring].span[1], e.span[0]):
            out[recurring] = replace(out[recurring], start_from=e.period)
            continue
        if e.cue == "recurrence":
            recurring = len(out)
        out.append(e)
    return out


_SENTENCE_END = re.compile(r"\.\s|[!?\n]")


@cache
def _coordinated() -> re.Pattern:
    """"trong tháng 3 và tháng 4/2024": what joins a period to the one before it, whose cue it shares."""
    return re.compile(r"\s*(?:,|" + alternation(vocab.time_words()["coordinators"]) + r")\s*", FLAGS)


# ---- periods ---------------------------------------------------------------------------------

@cache
def _period_patterns() -> list[tuple[str, re.Pattern]]:
    """The named days' patterns, then the periods of time_words.yaml with their placeholders filled."""
    words = vocab.time_words()
    periods = words["periods"]
    values = {"y": YEAR, "m": MONTH, "d": DAY, "month": named_days.month_token(), "sep": periods["sep"],
              "number_words": alternation(words["number_words"]),
              "this_units": alternation(words["this_period"]["words"]),
              "this_offsets": alternation(words["this_period"]["offsets"]),
              "completion_verbs": alternation(words["completion_verbs"])}

    return [(kind, re.compile(p, FLAGS)) for kind, p in [*named_days.patterns(),
            *((entry["kind"], vocab.filled(entry["pattern"], values)) for entry in periods["patterns"])]]


def _periods(text: str, lowered: str, dates: list[FoundDate]) -> list[tuple[Span, Period]]:
    found = [(f.span, Period("day", f.year, f.month, f.day)) for f in dates]
    for kind, pattern in _period_patterns():
        if not anchors.may_match(pattern, lowered):  # "tết", "mùa", "giai đoạn" …: a scan of the text saved
            continue
        for m in anchors.finditer(pattern, text, lowered):
            groups = m.groupdict()
            period = _period_of(kind, groups)
            if period:
                span = m.span("core") if "core" in groups else m.span()
                found.append((_trimmed(text, span), period))
    found.sort(key=lambda p: (p[0][0], -p[0][1]))
    kept, end = [], -1
    for span, period in found:  # the longest reading at each place wins: a date over its month
        if span[0] >= end:
            kept.append((span, period))
            end = span[1]
    return kept


def _period_of(kind: str, g: dict[str, str | None]) -> Period | None:
    year = int(g["y"]) if g.get("y") else None
    if kind == "days":
        day, last, month = int(g["d"]), int(g["d2"]), int(g["m"])
        if not (1 <= day < last <= 31 and 1 <= month <= 12):
            return None
        return Period("days", year, month, day, last_day=last)
    if kind in ("school_year", "stage"):
        return Period(kind, year, last_year=int(g["y2"]))
    if kind == "half":
        return Period("half", year, number=vocab.time_words()["periods"]["halves"][g["h"].lower()])
    if kind == "quarter":
        q = g["q"]
        number = vocab.quarter_number(q) or vocab.time_words()["number_words"].get(" ".join(q.lower().split()))
        return Period("quarter", year, number=number) if number and 1 <= number <= 4 else None
    if kind in ("month", "dekad"):
        month = named_days.month_of(g)
        dekad = vocab.time_words()["periods"]["dekads"][g["part"].lower()] if kind == "dekad" else None
        return Period(kind, year, month, number=dekad) if 1 <= month <= 12 else None
    if kind in named_days.KINDS:
        return named_days.period_of(kind, g)
    if kind == "this":
        units = vocab.time_words()["this_period"]
        offset = units["offsets"].get((g.get("o") or "này").lower(), 0)
        return Period("this", unit=units["words"][g["u"].lower()], number=offset)
    return Period(kind, year)


def _trimmed(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _with_cues(text: str, periods: list[tuple[Span, Period]]) -> list[TimeExpression]:
    """Each period with the cue before it; "từ A đến B" joined into one range; "trong tháng 3 và
    tháng 4/2024": the second shares the first one's cue."""
    out: list[TimeExpression] = []
    k = 0
    while k < len(periods):
        span, period = periods[k]
        cue, cue_start = _cue_before(text, span[0])
        if cue is None and out and out[-1].cue and out[-1].cue != "range" \
                and _coordinated().fullmatch(text[out[-1].span[1]:span[0]]):
            cue = out[-1].cue
        if k + 1 < len(periods) and cue in ("from", "within", None):
            following_span, following = periods[k + 1]
            if vocab.range_joiner_pattern().fullmatch(text[span[1]:following_span[0]]):
                out.append(TimeExpression((cue_start, following_span[1]), (span[0], following_span[1]),
                                          "range" if cue == "from" else cue,
                                          _fill_year(period, following), following))
                k += 2
                continue
        starts_work = cue == "from" and bool(vocab.start_cue_pattern().match(text, cue_start, span[0]))
        out.append(TimeExpression((cue_start, span[1]), span, cue, period, starts_work=starts_work))
        k += 1
    return out


def _cue_before(text: str, start: int) -> tuple[str | None, int]:
    window_start = max(0, start - LOOKBACK)
    # The first match in the window, as search() finds it, tried only where a cue's word stands: those
    # places found once in the whole text (a window each for a thousand dates otherwise looked for
    # two dozen words in each window).
    m = next(anchors.finditer_stretch(vocab.cue_before_pattern(), text, window_start, start), None)
    if not m:
        return None, start
    kind = next(k for k, v in m.groupdict().items() if v is not None and k in vocab.time_words()["cues"])
    if kind == "from" and _clock_range().search(m.group(0)):
        kind = "occasion"  # "Từ 8 giờ - 11 giờ ngày 12/4": hours of one day
    return kind, m.start()


@cache
def _clock_range() -> re.Pattern:
    clock = vocab.time_words()["time_of_day"]
    return re.compile(clock + r"\s*(?:[-–]|đến|tới)\s*" + clock, FLAGS)


def _fill_year(first: Period, last: Period) -> Period:
    """"từ ngày 10/6 đến ngày 17/6/2024": the start takes the end's year (and month, if it gave none)."""
    if first.year is None and last.year is not None:
        first = replace(first, year=last.year)
    return first


# ---- spans of days ---------------------------------------------------------------------------

@cache
def _duration_pattern() -> re.Pattern:
    d = vocab.time_words()["duration"]
    lead = alternation(d["lead"])
    units = alternation(d["units"])
    working = alternation(d["working"])
    since = alternation(d["from_words"])
    next_words = alternation(vocab.time_words()["next_units"]["words"])
    once = alternation(vocab.time_words()["times_once"])
    part_of_year = alternation(d["not_followed_by"]["part_of_year"])
    past = alternation(d["not_followed_by"]["past"])
    return re.compile(rf"(?<!\w)(?P<lead>{lead})\s+(?P<n>\d{{1,3}})\s+(?P<unit>{units})(?P<working>\s+{working})?"
                      rf"(?!\s+{part_of_year})(?!\s+{past}\b)(?!\w)"
                      # "12 tháng 10 năm 2024" is a date, "3 tháng tới" whole months, "3 tháng một lần" a cadence
                      rf"(?!\s+\d)(?!\s+{next_words}(?!\w))(?!\s+{once}(?!\w))"
                      rf"(?:\s*,?\s*(?P<since>{since})\s*(?P<what>[^,;.\n]{{0,60}}))?", FLAGS)


def _duration(text: str, m: re.Match, own_type: str | None = None) -> TimeExpression:
    d = vocab.time_words()["duration"]
    what = (m.group("what") or "").strip()
    from_date = None
    if m.group("since"):
        given = [f for f in find_dates(what) if f.year and f.span[0] == 0]
        signing = re.match(alternation(d["from_signing"]) + r"(?!\w)", what, FLAGS) \
            or _document_made(what, own_type)
        resolvable = bool(given) or bool(signing)
        if given:
            from_date = (given[0].year, given[0].month, given[0].day)
        end = m.start("what") + (given[0].span[1] if given else signing.end() if signing else 0)
    else:
        resolvable, end = True, m.end("working") if m.group("working") else m.end("unit")
    duration = Duration(int(m.group("n")), d["units"][m.group("unit").lower()], bool(m.group("working")),
                        resolvable, from_date)
    return TimeExpression((m.start(), max(end, m.end("unit"))), (m.start("n"), m.end("unit")), "duration",
                          duration=duration)


@cache
def _document_made_pattern() -> re.Pattern:
    made = vocab.time_words()["duration"]["document_made"]
    return re.compile(rf"(?P<type>\w+(?:\s+\w+){{0,3}}?)(?:\s+(?P<this>{alternation(made['this'])}))?"
                      rf"\s+(?:(?P<made>{alternation(made['made'])})|(?P<in_force>{alternation(made['in_force'])}))"
                      rf"(?!\w)", FLAGS)


def _document_made(what: str, own_type: str | None) -> re.Match | None:
    """"Chỉ thị được ban hành", "Kế hoạch này có hiệu lực" after "kể từ ngày": the document's own date
    (resources: duration.document_made), when the type names this document."""
    m = _document_made_pattern().match(what)
    if not m:
        return None
    named = canonical_type(m.group("type"))
    if named is None:
        return None  # "kể từ ngày hồ sơ được ký": not a document's type
    if m.group("this"):
        return m
    if m.group("in_force"):
        return None  # "kể từ ngày Luật có hiệu lực": another text coming into force
    return m if own_type is None or (canonical_type(own_type) or own_type) == named else None


# ---- overlaps --------------------------------------------------------------------------------

def _overlaps(span: Span, spans: list[Span]) -> bool:
    """For `spans` sorted and not overlapping (so their ends are sorted too): a bisection, not a
    pass over all of them for each period, which went quadratic on a long Kế hoạch."""
    k = bisect_right(spans, span[0], key=lambda s: s[1])  # the first that ends after span starts
    return k < len(spans) and spans[k][0] < span[1]


def _non_overlapping(expressions: list[TimeExpression]) -> list[TimeExpression]:
    """The first of any overlapping ones, for expressions sorted by where they start."""
    kept: list[TimeExpression] = []
    end = -1
    for e in expressions:
        if e.span[0] >= end:
            kept.append(e)
            end = e.span[1]
    return kept
