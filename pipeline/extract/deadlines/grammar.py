"""The time grammar: where the text names a day, a period, a span of days or a recurrence.

It finds expressions and says what they name; it does not decide whether one is a
deadline (context.py) nor turn it into dates (calendar.py). The grammar is written
in the order a reader takes an expression apart:

    [định kỳ] [cue] [time of day] PERIOD [đến PERIOD]      "từ ngày 10 đến ngày 17/6/2024"
    [định kỳ] [cue] [ngày N | thứ Sáu …] EVERY UNIT[, UNIT]  "trước ngày 20 hằng tháng và tháng cuối quý"
    LEAD N ngày|tuần|tháng [làm việc] [kể từ …]            "trong thời hạn 10 ngày kể từ ngày ký"

dateparser is not used to find anything: its search reads "10 ngày" as 10 January and
drops "trước" (the issue). Whole dates come from pipeline.dates; the rest is here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pipeline.dates import FoundDate, find_dates
from pipeline.doc import Span
from pipeline.extract.deadlines import vocabulary as vocab
from pipeline.extract.deadlines.vocabulary import DAY, FLAGS, MONTH, YEAR, alternation

# How far back a cue or a recurrence's day may start (characters).
_LOOKBACK = 140


@dataclass(frozen=True)
class Period:
    """A named stretch of calendar, its year possibly left to the anchor."""
    kind: str                    # day, days, dekad, month, quarter, half, year, year_start, year_end,
    #                              late_months, stage, school_year, this (the anchor's week, month, quarter, year)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    last_day: int | None = None  # "15-22/5": the range's last day
    number: int | None = None    # the quarter, half or dekad; for "this", the offset ("năm tới" is 1)
    last_year: int | None = None  # "giai đoạn 2021-2025", "năm học 2023-2024"
    unit: str | None = None      # for "this": week, month, quarter, year


@dataclass(frozen=True)
class Duration:
    """"trong 30 ngày làm việc": a count of days, weeks or months from a start the text names."""
    count: int
    unit: str                     # days, weeks, months
    working: bool
    resolvable: bool              # counted from the document's date (or a date given), not from an unknown event
    from_date: tuple[int, int, int] | None = None  # "kể từ ngày 01/3/2024"


@dataclass(frozen=True)
class TimeExpression:
    span: Span
    core: Span                    # the period, span or recurrence without its cue
    cue: str | None               # before, latest, term, until, within, from, occasion, label, range, duration,
    #                               recurrence; None for a bare period
    period: Period | None = None
    until: Period | None = None   # the end of a range
    duration: Duration | None = None
    rules: tuple[str, ...] = ()
    periodic: bool = False        # "định kỳ" stood before it
    start_from: Period | None = None  # "…, bắt đầu từ tháng 7/2024" attached to a recurrence


def find_expressions(text: str, dates: list[FoundDate] | None = None) -> list[TimeExpression]:
    """Every time expression in `text`, left to right, none overlapping (`dates`: find_dates(text), if known)."""
    recurrences = [_with_prefix(text, m) for m in _recurrence_pattern().finditer(text)]
    durations = [_duration(text, m) for m in _duration_pattern().finditer(text)]
    claimed = sorted([e for e in recurrences + durations if e], key=lambda e: e.span)
    taken = _non_overlapping(claimed)
    taken_spans = [e.span for e in taken]
    dates = find_dates(text) if dates is None else dates
    periods = [p for p in _periods(text, dates) if not _overlaps(p[0], taken_spans)]
    expressions = taken + _with_cues(text, periods)
    ordered = _non_overlapping(sorted(expressions, key=lambda e: (e.span[0], -e.span[1])))
    return _starts_attached(text, ordered)


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
_COORDINATED = re.compile(r"\s*(?:,|và|hoặc)\s*", FLAGS)


# ---- periods ---------------------------------------------------------------------------------

@cache
def _period_patterns() -> list[tuple[str, re.Pattern]]:
    y, m, d = YEAR, MONTH, DAY
    sep = r"\s*(?:/|-|\.|năm)\s*"
    not_after_number = r"(?<![\d/.])"
    words = vocab.time_words()
    units = alternation(words["this_period"]["words"])
    offsets = alternation(words["this_period"]["offsets"])
    verbs = alternation(words["completion_verbs"])
    return [(kind, re.compile(p, FLAGS)) for kind, p in [
        # "10-17/6/2024", "5 - 7/12": a leading "ngày" is read with the cue, so the scan starts at a digit.
        ("days", not_after_number + rf"(?P<d>{d})\s*(?:[-–]|đến)\s*(?:ngày\s+)?(?P<d2>{d})"
                 rf"\s*(?:/|\.|\s+tháng\s+)\s*(?P<m>{m})(?:\s*(?:/|\.|-|năm)\s*(?P<y>{y}))?(?![\d/])"),
        ("school_year", rf"\bnăm\s+học\s+(?P<y>{y})\s*[-–]\s*(?P<y2>{y})\b"),
        ("stage", rf"\bgiai\s+đoạn\s+(?:[IVX]+\s+)?(?P<y>{y})\s*[-–]\s*(?P<y2>{y})\b"),
        ("stage", rf"\bnăm\s+(?P<y>{y})\s*[-–]\s*(?P<y2>{y})\b"),
        ("half", rf"(?:\b(?:6|sáu)\s+tháng|\bnửa)\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<y>{y}))?\b"),
        ("late_months", rf"\b(?:những|các|mấy)\s+tháng\s+cuối\s+năm(?:\s+(?P<y>{y}))?\b"),
        ("year_end", rf"\bcuối\s+năm(?:\s+(?P<y>{y}))?(?!\s*(?:học|\d))\b"),
        ("year_start", rf"\bđầu\s+năm(?:\s+(?P<y>{y}))?(?!\s*(?:học|\d))\b"),
        # "cuối tháng 4/2024": the month's last ten days (đầu, giữa, cuối: its three dekads).
        ("dekad", rf"\b(?P<part>đầu|giữa|cuối)\s+tháng\s+(?P<m>{m})(?:{sep}(?P<y>{y})(?![\d/])|(?![\d/.]))"),
        ("quarter", rf"\bqu[ýí]\s+(?P<q>IV|I{{1,3}}|[1-4])(?!\w)(?:{sep}(?P<y>{y}))?\b"),
        ("month", rf"(?<!\d\s)\btháng\s+(?P<m>{m})(?:{sep}(?P<y>{y})(?![\d/])|(?![\d/.]))"),
        ("year", rf"\bnăm\s+(?P<y>{y})(?!\s*[-–/]\s*\d)\b"),
        ("this", rf"\b(?P<u>{units})\s+(?P<o>{offsets})(?!\s*(?:đây|khi|này\s+năm))\b"),
        # "hoàn thành trong tháng": the verb must be there, but the expression starts at "trong".
        ("this", rf"(?<!\w){verbs}\s+(?P<core>(?:ngay\s+)?trong\s+(?P<u>{units}))"
                 rf"(?!\s*(?:\d|{offsets}|học|đầu|cuối|qua|[IVX]))\b"),
    ]]


def _periods(text: str, dates: list[FoundDate]) -> list[tuple[Span, Period]]:
    found = [(f.span, Period("day", f.year, f.month, f.day)) for f in dates]
    for kind, pattern in _period_patterns():
        for m in pattern.finditer(text):
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
        return Period("half", year, number=1 if g["h"].lower() == "đầu" else 2)
    if kind == "quarter":
        return Period("quarter", year, number=vocab.quarter_number(g["q"]))
    if kind in ("month", "dekad"):
        month = int(g["m"])
        dekad = ("đầu", "giữa", "cuối").index(g["part"].lower()) + 1 if kind == "dekad" else None
        return Period(kind, year, month, number=dekad) if 1 <= month <= 12 else None
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
                and _COORDINATED.fullmatch(text[out[-1].span[1]:span[0]]):
            cue = out[-1].cue
        if k + 1 < len(periods) and cue in ("from", "within", None):
            following_span, following = periods[k + 1]
            if vocab.range_joiner_pattern().fullmatch(text[span[1]:following_span[0]]):
                out.append(TimeExpression((cue_start, following_span[1]), (span[0], following_span[1]),
                                          "range" if cue == "from" else cue,
                                          _fill_year(period, following), following))
                k += 2
                continue
        out.append(TimeExpression((cue_start, span[1]), span, cue, period))
        k += 1
    return out


def _cue_before(text: str, start: int) -> tuple[str | None, int]:
    window_start = max(0, start - _LOOKBACK)
    m = vocab.cue_before_pattern().search(text, window_start, start)
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


# ---- recurrences -----------------------------------------------------------------------------

def _quarter_months() -> str:
    return "(?:" + "|".join(q["pattern"] for q in vocab.time_words()["quarter_months"]) + ")"


@cache
def _recurrence_pattern() -> re.Pattern:
    words = vocab.time_words()
    every = alternation(words["every"])
    units = alternation(words["units"])
    periodic = alternation(words["periodic"])
    once = alternation(words["times_once"])
    quarter_months = _quarter_months()
    item = rf"(?:{quarter_months}|(?:{every}\s+)?(?:\d{{1,2}}\s+tháng|{units}))"
    # "định kỳ 6 tháng", "báo cáo định kỳ tháng, quý, năm": "định kỳ" makes units recur without "hằng".
    head = (rf"(?P<head>{quarter_months}|{every}\s+{units}|(?P<periodic>{periodic})\s+(?:\d{{1,2}}\s+tháng|{units})"
            rf"(?!\s*[/.-]?\s*\d)|\d{{1,2}}\s+tháng\s+{once})")
    tail = rf"(?P<tail>(?:\s*(?:,|và|hoặc|/)\s*{item}(?!\s*[/.-]?\s*\d)(?!\s+(?:học|nay|này|tới|sau|qua)))*)"
    return re.compile(rf"(?<!\w){head}(?!\w)(?!\s+(?:học|nay|này|tới|sau|qua)\b){tail}", FLAGS)


@cache
def _recurrence_prefix() -> re.Pattern:
    """What stands before "hằng tháng": "định kỳ", a cue, a time of day, "ngày 15", "thứ Sáu tuần thứ 2 …"."""
    words = vocab.time_words()
    periodic = alternation(words["periodic"])
    cues = alternation([w for kind in ("before", "latest", "within", "from") for w in words["cues"][kind]])
    weekday = alternation(words["weekdays"])
    ordinal = alternation(words["week_ordinals"])
    part = alternation(words["part_of_day"])
    one_day = rf"(?:{part}\s+)?(?:ngày\s+)?{weekday}(?:\s+(?:của\s+)?tuần\s+(?:thứ\s+)?{ordinal})?"
    weekdays = rf"(?P<weekdays>{one_day}(?:\s*(?:,|và|hoặc)\s*{one_day})*)\s+"
    day = rf"(?:ngày\s+)?(?P<bmd>{DAY})(?:\s*(?:/|\.|-|tháng)\s*(?P<bm>{MONTH}))?\s+(?:của\s+)?"
    return re.compile(rf"(?:(?P<periodic>{periodic})\s+)?(?:(?<!\w)(?P<cue>{cues})\s*)?{vocab.time_of_day()}"
                      rf"(?:{weekdays}|ngày\s+(?P<bmd2>{DAY})\s+(?:của\s+)?|{day})?$", FLAGS)


def _with_prefix(text: str, m: re.Match) -> TimeExpression | None:
    window_start = max(0, m.start() - _LOOKBACK)
    prefix = _recurrence_prefix().search(text, window_start, m.start())
    start = prefix.start() if prefix and prefix.group(0).strip() else m.start()
    g = prefix.groupdict() if prefix else {}
    monthday = g.get("bmd") or g.get("bmd2")
    rules = tuple(_rule(item, monthday and int(monthday), g.get("bm") and int(g["bm"]), g.get("weekdays"))
                  for item in _item_pattern().finditer(m.group(0)))
    if not rules:
        return None
    periodic = bool(g.get("periodic") or m.group("periodic")) or _periodic_before(text, start)
    return TimeExpression((start, m.end()), m.span(), "recurrence", rules=rules, periodic=periodic)


def _periodic_before(text: str, start: int) -> bool:
    periodic = alternation(vocab.time_words()["periodic"])
    return bool(re.search(rf"(?<!\w){periodic}\s*$", text[max(0, start - 20):start], FLAGS))


@cache
def _item_pattern() -> re.Pattern:
    words = vocab.time_words()
    units = alternation(words["units"])
    return re.compile(rf"(?P<qe>{_quarter_months()})|(?P<n>\d{{1,2}})\s+tháng|(?P<unit>{units})", FLAGS)


def _rule(item: re.Match, monthday: int | None, month: int | None, weekdays: str | None) -> str:
    words = vocab.time_words()
    if item.group("qe"):
        parts = [next(q["rule"] for q in words["quarter_months"] if re.fullmatch(q["pattern"], item.group("qe"), FLAGS))]
    elif item.group("n"):
        count = int(item.group("n"))
        parts = ["FREQ=MONTHLY" + (f";INTERVAL={count}" if count > 1 else "")]
    else:
        parts = [vocab.unit_rules()[" ".join(item.group("unit").lower().split())]]
    freq = parts[0].split(";")[0]
    if weekdays and freq in ("FREQ=WEEKLY", "FREQ=MONTHLY"):
        parts.append("BYDAY=" + ",".join(_weekday_codes(weekdays, monthly=freq == "FREQ=MONTHLY")))
    elif monthday and 1 <= monthday <= 31:
        if freq == "FREQ=YEARLY" and month and "BYMONTH" not in parts[0]:
            parts.append(f"BYMONTH={month}")
        if freq != "FREQ=YEARLY" or "BYMONTH" in ";".join(parts):
            parts.append(f"BYMONTHDAY={monthday}")
    return ";".join(parts)


def _weekday_codes(weekdays: str, monthly: bool) -> list[str]:
    words = vocab.time_words()
    weekday = alternation(words["weekdays"])
    ordinal = alternation(words["week_ordinals"])
    codes = []
    one_day = rf"(?P<wd>{weekday})(?:\s+(?:của\s+)?tuần\s+(?:thứ\s+)?(?P<ord>{ordinal}))?"
    for m in re.finditer(one_day, weekdays, FLAGS):
        code = vocab.weekday_codes()[" ".join(m.group("wd").lower().split())]
        nth = vocab.week_ordinals().get(" ".join((m.group("ord") or "").lower().split()))
        codes.append(f"{nth}{code}" if monthly and nth else code)
    return list(dict.fromkeys(codes))


# ---- spans of days ---------------------------------------------------------------------------

@cache
def _duration_pattern() -> re.Pattern:
    d = vocab.time_words()["duration"]
    lead = alternation(d["lead"])
    units = alternation(d["units"])
    working = alternation(d["working"])
    since = alternation(d["from_words"])
    return re.compile(rf"(?<!\w)(?P<lead>{lead})\s+(?P<n>\d{{1,3}})\s+(?P<unit>{units})(?P<working>\s+{working})?"
                      rf"(?!\s+(?:đầu|cuối)\s+năm)(?!\s+(?:qua|vừa\s+qua|gần\s+đây|trước)\b)(?!\w)"
                      rf"(?:\s*,?\s*(?P<since>{since})\s*(?P<what>[^,;.\n]{{0,60}}))?", FLAGS)


def _duration(text: str, m: re.Match) -> TimeExpression:
    d = vocab.time_words()["duration"]
    what = (m.group("what") or "").strip()
    from_date = None
    if m.group("since"):
        given = [f for f in find_dates(what) if f.year and f.span[0] == 0]
        signing = re.match(alternation(d["from_signing"]) + r"(?!\w)", what, FLAGS)
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


# ---- overlaps --------------------------------------------------------------------------------

def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _non_overlapping(expressions: list[TimeExpression]) -> list[TimeExpression]:
    """The first of any overlapping ones, for expressions sorted by where they start."""
    kept: list[TimeExpression] = []
    end = -1
    for e in expressions:
        if e.span[0] >= end:
            kept.append(e)
            end = e.span[1]
    return kept
