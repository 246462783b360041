"""Recurrences in the deadline grammar: "hằng tháng", "trước ngày 20 tháng cuối quý", "định kỳ 6 tháng",
the reporting periods ("sơ kết 6 tháng, tổng kết hằng năm"), and one schedule written twice
("định kỳ hằng quý, trước ngày 25 tháng cuối quý") read as one, each as RFC 5545 rules.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.extract.deadlines import vocabulary as vocab
from pipeline.extract.deadlines.expressions import LOOKBACK, TimeExpression
from pipeline.extract.deadlines.vocabulary import DAY, FLAGS, MONTH, alternation


# ---- recurrences -----------------------------------------------------------------------------

def _quarter_months() -> str:
    return "(?:" + "|".join(q["pattern"] for q in vocab.time_words()["quarter_months"]) + ")"


def _following_month() -> str:
    return "(?:" + vocab.time_words()["following_month"]["pattern"] + ")"


@cache
def _not_recurring_after() -> str:
    """What may not follow a recurring unit: "năm học", "tháng này", "năm 2024", "tháng 6/2024"."""
    return r"(?!\s*[/.-]?\s*\d)(?!\s+" + alternation(vocab.time_words()["not_recurring_after"]) + ")"


def _month_count(count: str = r"\d{1,2}") -> str:
    """"6 tháng": a count of months (time_words.yaml: month_count), the count matched by `count`."""
    return vocab.filled(vocab.time_words()["month_count"], {"n": count})


@cache
def _listed() -> str:
    """What joins the units of one schedule: "hằng tháng, quý và năm", "hằng quý/năm"."""
    return r"\s*(?:,|" + alternation(vocab.time_words()["coordinators"]) + r"|/)\s*"


@cache
def _week_of_month() -> str:
    """"thứ Sáu tuần thứ 2", "thứ hai của tuần cuối": the week of the month a weekday falls in (the ordinal
    in a group named `ord`, or none)."""
    ordinal = alternation(vocab.time_words()["week_ordinals"])
    return vocab.filled(vocab.time_words()["week_of_month"], {"ordinal": ordinal})


def _tail(lead: str | None = None) -> str:
    """", quý và năm" after a recurring unit: more units that recur with it (`lead`: words that may
    stand before each, "6 tháng, tổng kết hằng năm")."""
    words = vocab.time_words()
    every = alternation(words["every"])
    units = alternation(words["units"])
    item = rf"(?:{_quarter_months()}|(?:{every}\s+)?(?:{_month_count()}|{units}))"
    before_item = rf"(?:{lead}\s+)?" if lead else ""
    return rf"(?P<tail>(?:{_listed()}{before_item}{item}{_not_recurring_after()})*)"


@cache
def recurrence_pattern() -> re.Pattern:
    words = vocab.time_words()
    every = alternation(words["every"])
    units = alternation(words["units"])
    periodic = alternation(words["periodic"])
    once = alternation(words["times_once"])
    quarter_months = _quarter_months()
    # "định kỳ 6 tháng", "báo cáo định kỳ tháng, quý, năm": "định kỳ" makes units recur without "hằng".
    months = _month_count()
    head = (rf"(?P<head>{quarter_months}|{every}\s+{units}|(?P<periodic>{periodic})\s+(?:{months}|{units})"
            rf"(?!\s*[/.-]?\s*\d)|{months}\s+{once})")
    not_after = alternation(words["not_recurring_after"])
    return re.compile(rf"(?<!\w){head}(?!\w)(?!\s+{not_after}\b){_tail()}", FLAGS)


@cache
def following_month_pattern() -> re.Pattern:
    """"(trước ngày 05 của) tháng tiếp theo": recurs only after a day, which with_prefix checks. Apart from
    the pattern above, so that a refused one ("trong tháng sau, hằng tuần …") takes no unit after it along."""
    return re.compile(rf"(?<!\w)(?P<head>(?P<following>{_following_month()}))(?!\w){_tail()}", FLAGS)


@cache
def _recurrence_prefix() -> re.Pattern:
    """What stands before "hằng tháng": "định kỳ", a cue, a time of day, "ngày 15", "thứ Sáu tuần thứ 2 …"."""
    words = vocab.time_words()
    periodic = alternation(words["periodic"])
    cues = alternation([w for kind in ("before", "latest", "within", "from") for w in words["cues"][kind]])
    weekday = alternation(words["weekdays"])
    part = alternation(words["part_of_day"])
    week = re.sub(r"\(\?P<\w+>", "(?:", _week_of_month())  # named once, in _weekday_codes
    one_day = rf"(?:{part}\s+)?(?:ngày\s+)?{weekday}(?:\s+{week})?"
    coordinated = alternation(words["coordinators"])
    weekdays = rf"(?P<weekdays>{one_day}(?:\s*(?:,|{coordinated})\s*{one_day})*)\s+"
    day = rf"(?:ngày\s+)?(?P<bmd>{DAY})(?:\s*(?:/|\.|-|tháng)\s*(?P<bm>{MONTH}))?\s+(?P<of>của\s+)?"
    return re.compile(rf"(?:(?P<periodic>{periodic})\s+)?(?:(?<!\w)(?P<cue>{cues})\s*)?{vocab.time_of_day()}"
                      rf"(?:{weekdays}|ngày\s+(?P<bmd2>{DAY})\s+(?P<of2>của\s+)?|{day})?$", FLAGS)


def with_prefix(text: str, m: re.Match) -> TimeExpression | None:
    window_start = max(0, m.start() - LOOKBACK)
    prefix = _recurrence_prefix().search(text, window_start, m.start())
    start = prefix.start() if prefix and prefix.group(0).strip() else m.start()
    g = prefix.groupdict() if prefix else {}
    monthday = g.get("bmd") or g.get("bmd2")
    following = bool(m.groupdict().get("following"))
    if following and not _day_of_following_month(g, monthday):
        return None
    rules = tuple(_rule(item, monthday and int(monthday), g.get("bm") and int(g["bm"]), g.get("weekdays"))
                  for item in _item_pattern().finditer(m.group(0)))
    if not rules:
        return None
    rules = _refined(rules, ()) or rules  # "trước ngày 20 tháng cuối quý, hằng quý": one quarterly day
    periodic = bool(g.get("periodic") or m.groupdict().get("periodic")) or _periodic_before(text, start)
    return TimeExpression((start, m.end()), m.span(), "recurrence", rules=rules, periodic=periodic,
                          following=following)


def _day_of_following_month(prefix: dict, monthday: str | None) -> bool:
    """"trước ngày 05 của tháng tiếp theo", "chậm nhất ngày 10 tháng sau": a day due in the month after
    the one reported on. Without a day, or after "vào ngày 20 tháng sau" (an event next month), it is no schedule."""
    if not monthday or not 1 <= int(monthday) <= 31 or prefix.get("bm"):
        return False
    cues = vocab.time_words()["cues"]
    due = {" ".join(w.split()) for kind in ("before", "latest") for w in cues[kind]}
    cue = " ".join((prefix.get("cue") or "").lower().split())
    return bool(prefix.get("of") or prefix.get("of2")) or cue in due


def _periodic_before(text: str, start: int) -> bool:
    periodic = alternation(vocab.time_words()["periodic"])
    return bool(re.search(rf"(?<!\w){periodic}\s*$", text[max(0, start - 20):start], FLAGS))


@cache
def _item_pattern() -> re.Pattern:
    words = vocab.time_words()
    units = alternation(words["units"])
    months = _month_count(r"(?P<n>\d{1,2})")
    return re.compile(rf"(?P<qe>{_quarter_months()})|(?P<fm>{_following_month()})|{months}"
                      rf"|(?P<unit>{units})", FLAGS)


def _rule(item: re.Match, monthday: int | None, month: int | None, weekdays: str | None) -> str:
    words = vocab.time_words()
    if item.group("qe"):
        parts = [next(q["rule"] for q in words["quarter_months"] if re.fullmatch(q["pattern"], item.group("qe"), FLAGS))]
    elif item.group("fm"):
        parts = [words["following_month"]["rule"]]
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
    codes = []
    one_day = rf"(?P<wd>{weekday})(?:\s+{_week_of_month()})?"
    for m in re.finditer(one_day, weekdays, FLAGS):
        code = vocab.weekday_codes()[" ".join(m.group("wd").lower().split())]
        nth = vocab.week_ordinals().get(" ".join((m.group("ord") or "").lower().split()))
        codes.append(f"{nth}{code}" if monthly and nth else code)
    return list(dict.fromkeys(codes))


# ---- periods of reports ----------------------------------------------------------------------

@cache
def report_period_pattern() -> re.Pattern:
    """"sơ kết 6 tháng, tổng kết hằng năm", "thực hiện 6 tháng, hằng năm": a count of months that is
    the period of a report (resources: report_periods); report_period checks what licenses it."""
    words = vocab.time_words()
    r = words["report_periods"]
    counts = "0?(?:" + "|".join(str(c) for c in r["counts"]) + ")"
    report = alternation(r["report_words"])
    months = _month_count(rf"(?P<count>{counts})")
    return re.compile(rf"(?<!\w)(?:(?P<report>{report})\s+)?{months}(?!\w)"
                      rf"(?!\s*[/.-]?\s*\d)(?!\s+{r['not_before']['pattern']})"
                      + _tail(alternation(r["yearly_joined"])), FLAGS)


@cache
def _report_period_licenses() -> tuple[re.Pattern, re.Pattern]:
    """The yearly report that makes a bare "6 tháng" a period of reports, and the words before it that make it a span."""
    words = vocab.time_words()
    r = words["report_periods"]
    every = alternation(words["every"])
    yearly = alternation([unit for unit, rule in words["units"].items() if rule == "FREQ=YEARLY"])
    joined = alternation(r["yearly_joined"])
    with_yearly = re.compile(rf"{_listed()}(?:{joined}\s+)?{every}\s+{yearly}(?!\w)", FLAGS)
    span_words = alternation([*words["duration"]["lead"], *r["not_after"]])
    after_span_word = re.compile(rf"(?<!\w){span_words}\s*$", FLAGS)
    return with_yearly, after_span_word


def report_period(text: str, m: re.Match) -> TimeExpression | None:
    with_yearly, after_span_word = _report_period_licenses()
    if not m.group("report"):
        if not with_yearly.match(m.group("tail")):
            return None  # "6 tháng" alone is a span of time ("trong 6 tháng"), not a cadence
        if after_span_word.search(text, max(0, m.start() - 30), m.start()):
            return None  # "trong 6 tháng, hằng năm …": a span, then a yearly task
    rules = tuple(_rule(item, None, None, None) for item in _item_pattern().finditer(text, m.start("count"), m.end()))
    return TimeExpression(m.span(), (m.start("count"), m.end()), "recurrence", rules=tuple(dict.fromkeys(rules)),
                          periodic=_periodic_before(text, m.start()))


# ---- one schedule written twice --------------------------------------------------------------

_SIDE_BY_SIDE = re.compile(r"[^\S\n]*,?[^\S\n]*")  # a space or a comma, on one line


def schedules_joined(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """"Định kỳ hằng quý, trước ngày 25 tháng cuối quý", "hằng tháng, trước ngày 05 của tháng tiếp theo":
    a recurrence and the day it falls due, side by side, are one schedule: one expression with the more
    precise rule. Different cadences stay apart ("trước ngày 10 hằng tháng và tháng cuối quý" is two)."""
    out: list[TimeExpression] = []
    for e in expressions:
        last = out[-1] if out else None
        if last is not None and last.cue == e.cue == "recurrence" \
                and _SIDE_BY_SIDE.fullmatch(text, last.span[1], e.span[0]):
            rules = _refined(last.rules, _after_period(last.rules, e) if e.following else e.rules)
            if rules:
                precise = e if set(rules) & set(e.rules) or e.following else last
                out[-1] = replace(last, span=(last.span[0], e.span[1]), core=precise.core, rules=rules,
                                  periodic=last.periodic or e.periodic, start_from=last.start_from or e.start_from,
                                  following=False)
                continue
        out.append(e)
    return out


def _after_period(rules: tuple[str, ...], e: TimeExpression) -> tuple[str, ...]:
    """"hằng quý, trước ngày 10 của tháng tiếp theo": the month after each quarter (1, 4, 7, 10), as
    "tháng đầu quý sau" is; after a monthly recurrence it stays the next month."""
    if len(rules) != 1 or len(e.rules) != 1 or _by_parts(rules[0]):
        return e.rules
    freq, months = _cadence(rules[0])
    day = _parts(e.rules[0]).get("BYMONTHDAY")
    if freq != "MONTHLY" or months <= 1 or 12 % months or not day:
        return e.rules
    following = sorted((k * months) % 12 + 1 for k in range(1, 12 // months + 1))
    return (f"FREQ=YEARLY;BYMONTH={','.join(map(str, following))};BYMONTHDAY={day}",)


def _refined(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...] | None:
    """The rules of both, less those another one makes more precise; None when none is."""
    rules = list(dict.fromkeys(first + second))
    coarse = {r for r in rules if any(_refines(other, r) for other in rules)}
    return tuple(r for r in rules if r not in coarse) if coarse else None


def _refines(precise: str, coarse: str) -> bool:
    """Same cadence, and every BY… part of the coarse rule (and more) in the precise one:
    FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=25 refines FREQ=MONTHLY;INTERVAL=3."""
    return _cadence(precise) == _cadence(coarse) and _by_parts(coarse) < _by_parts(precise)


def _parts(rule: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rule.split(";"))


def _by_parts(rule: str) -> set[str]:
    return {key for key in _parts(rule) if key.startswith("BY")}


def _cadence(rule: str) -> tuple[str, int]:
    """How often a rule falls: (DAILY|WEEKLY, n) or (MONTHLY, months between); a year with evenly spaced
    months counts in months (BYMONTH=3,6,9,12 falls every 3 months, as "hằng quý" does)."""
    parts = _parts(rule)
    freq, interval = parts["FREQ"], int(parts.get("INTERVAL", 1))
    if freq != "YEARLY":
        return freq, interval
    months = sorted(int(x) for x in parts.get("BYMONTH", "1").split(","))
    steps = {(b - a) % 12 or 12 for a, b in zip(months, months[1:] + months[:1])}
    return ("MONTHLY", 12 * interval // len(months)) if len(steps) == 1 and interval == 1 else (freq, interval)
