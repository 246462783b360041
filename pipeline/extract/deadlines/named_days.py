"""Days and periods named from the document's date or by a word, not by digits.

    hôm nay, ngày mai, tối nay, trưa mai              a day counted from the document's date
    thứ sáu tuần này, thứ 5 tuần sau, thứ hai tới     a weekday of a week so named, or the next one
    3 ngày tới, ba tháng tiếp theo                    the next few whole units
    ngày đầu tiên của tháng 3, tuần đầu tiên của tháng 9, ngày 25 tháng này
    cuối tháng, đầu tháng này                         a part of the document's month
    mùa hè năm nay                                    a season of the document's year
    trước Tết Nguyên đán (Bính Ngọ) 2026              the first day of Tết, from the holidays package
    trong dịp Tết, sau Tết                            the days off around it, the day after them

The grammar (grammar.py) finds these beside its calendar periods; `bounds` gives their first
and last day. The words live in resources/time_words.yaml.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

from dateutil.relativedelta import MO, relativedelta

from pipeline.core.dates import month_end, month_number, tet_break
from pipeline.extract.deadlines import vocabulary as vocab
from pipeline.extract.deadlines.anchor import Anchor
from pipeline.extract.deadlines.expressions import Period
from pipeline.extract.deadlines.vocabulary import DAY, MONTH, YEAR, alternation

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
Bounds = tuple[dt.date | None, dt.date | None]


@cache
def month_token() -> str:
    """A month by number or by name: "3", "ba", "Giêng" (names guarded as dates.py guards them)."""
    return (rf"(?:(?P<m>{MONTH})|(?P<mw>{alternation(vocab.time_words()['month_words'])})"
            r"(?!\w)(?!\s+lần)(?<!năm(?=\s+\d)))")


def month_of(g: dict) -> int:
    return int(g["m"]) if g.get("m") else month_number(g["mw"])


@cache
def patterns() -> list[tuple[str, str]]:
    """The named days' patterns of time_words.yaml, their placeholders filled."""
    words = vocab.time_words()
    values = {"part": alternation(words["part_of_day"]), "weekday": alternation(words["weekdays"]),
              "week_offsets": alternation(words["week_offsets"]), "weekday_next": alternation(words["weekday_next"]),
              "relative_days": alternation(words["relative_days"]),
              "relative_days_after_part": alternation(words["relative_days_after_part"]),
              "number": rf"(?:\d{{1,3}}|{alternation(words['number_words'])})",
              "next_units": alternation(words["next_units"]["units"]),
              "next_words": alternation(words["next_units"]["words"]),
              "month": month_token(), "year_after": vocab.filled(words["named_days"]["year_after"], {"y": YEAR}),
              "d": DAY, "y": YEAR, "seasons": alternation(words["seasons"]),
              "tet_words": alternation(words["tet"]["words"]), "tet_not_after": alternation(words["tet"]["not_after"]),
              "can_chi": r"(?:\(\s*)?[^\W\d]+\s+[^\W\d]+(?:\s*\))?",
              "stems": _can_chi_words("stems"), "branches": _can_chi_words("branches")}
    return [(entry["kind"], vocab.filled(entry["pattern"], values)) for entry in words["named_days"]["patterns"]]


def period_of(kind: str, g: dict) -> Period | None:
    words = vocab.time_words()
    year = int(g["y"]) if g.get("y") else None
    if kind == "relday":
        if g.get("rel"):
            return Period("relday", number=words["relative_days"][_key(g["rel"])])
        if not g.get("part"):
            return None  # "đến nay", "hiện nay": no day named
        return Period("relday", number=words["relative_days_after_part"][_key(g["rel2"])])
    if kind == "weekday":
        day = WEEKDAY_CODES.index(vocab.weekday_codes()[_key(g["wd"])])
        weeks = words["week_offsets"][_key(g["wo"])] if g.get("wo") else None
        return Period("weekday", day=day, number=weeks)
    if kind == "next":
        n = g["n"]
        count = int(n) if n.isdigit() else words["number_words"][_key(n)]
        return Period("next", number=count, unit=words["next_units"]["units"][_key(g["u"])]) if count else None
    if kind == "first_day":
        month = month_of(g)
        if not 1 <= month <= 12:
            return None
        first = words["named_days"]["first_or_last"][_key(g["fl"])] == "first"
        return Period("day", year, month, 1) if first else Period("month_last", year, month)
    if kind == "week_of_month":
        month = month_of(g)
        return Period("week_of_month", year, month, number=1) if 1 <= month <= 12 else None
    if kind == "day_this_month":
        return Period("day_this_month", day=int(g["d"]), number=0)
    if kind == "dekad_this_month":
        offset = words["named_days"]["month_offsets"][_key(g["o"])] if g["o"] else 0
        return Period("dekad_this_month", number=words["periods"]["dekads"][_key(g["part"])], last_day=offset)
    if kind == "season":
        return Period("season", year, unit=_key(g["s"]))
    if kind == "tet":
        return Period("tet", year or can_chi_year(g.get("stem"), g.get("branch")))
    return None


def _can_chi_words(part: str) -> str:
    can_chi = vocab.time_words()["tet"]["can_chi"]
    spellings = [w for w, meant in can_chi["spellings"].items() if meant in can_chi[part]]
    return alternation([*can_chi[part], *spellings])


def can_chi_year(stem: str | None, branch: str | None) -> int | None:
    """The year a can-chi names ("Giáp Thìn" → 2024), in the cycle of time_words.yaml."""
    if not stem or not branch:
        return None
    can_chi = vocab.time_words()["tet"]["can_chi"]
    stem, branch = (can_chi["spellings"].get(_key(w), _key(w)) for w in (stem, branch))
    s, b = can_chi["stems"].index(stem), can_chi["branches"].index(branch)
    offset = next((k for k in range(60) if k % 10 == s and k % 12 == b), None)
    return None if offset is None else can_chi["first_year"] + offset  # an odd stem with an even branch names no year


def _key(word: str) -> str:
    return " ".join(word.lower().split())


KINDS = frozenset({"relday", "weekday", "next", "first_day", "week_of_month", "day_this_month",
                   "dekad_this_month", "season", "tet"})
# Kinds that name one day: "trước thứ hai tới", like "trước ngày 15/3", ends on it.
ONE_DAY = frozenset({"relday", "weekday", "day_this_month", "month_last"})
# Holidays, whose period is the break around them: "trước Tết" ends on the holiday's first day.
HOLIDAYS = frozenset({"tet"})
ANCHORED = frozenset({"relday", "weekday", "next", "day_this_month", "dekad_this_month", "season"})


def bounds(period: Period, anchor: Anchor | None) -> Bounds | None:
    """The first and last day of a period counted from the document's date (kinds in ANCHORED)."""
    if anchor is None:
        return None
    if period.kind == "season":
        return _season(period, anchor)
    if anchor.month is None:
        return None
    if period.kind == "dekad_this_month":
        first = dt.date(anchor.year, anchor.month, 1) + relativedelta(months=period.last_day or 0)
        last = month_end(first.year, first.month).day if period.number == 3 else 10 * period.number
        return first.replace(day=10 * period.number - 9), first.replace(day=last)
    if period.kind == "day_this_month":
        try:
            day = dt.date(anchor.year, anchor.month, period.day)
        except ValueError:
            return None
        return day, day
    today = anchor.date
    if today is None:
        return None
    if period.kind == "relday":
        day = today + relativedelta(days=period.number)
        return day, day
    if period.kind == "weekday":
        if period.number is None:  # "thứ hai", "thứ hai tới": the next one after the document's date
            day = today + relativedelta(days=1, weekday=period.day)
        else:
            monday = today + relativedelta(weekday=MO(-1))
            day = monday + relativedelta(weeks=period.number, days=period.day)
        return day, day
    return _next_units(period, today)


def _next_units(period: Period, today: dt.date) -> Bounds | None:
    """"3 ngày tới": the three days after today; "3 tháng tới": the three whole months after this one."""
    n, unit = period.number, period.unit
    if unit in ("second", "minute", "hour"):
        return today, today
    if unit == "day":
        return today + relativedelta(days=1), today + relativedelta(days=n)
    if unit == "week":
        monday = today + relativedelta(days=1, weekday=MO)
        return monday, monday + relativedelta(weeks=n, days=-1)
    if unit == "month":
        first = today.replace(day=1) + relativedelta(months=1)
        return first, first + relativedelta(months=n, days=-1)
    if unit == "year":
        return dt.date(today.year + 1, 1, 1), dt.date(today.year + n, 12, 31)
    return None


def _season(period: Period, anchor: Anchor) -> Bounds | None:
    """"mùa hè này": the season of the document's year; one that spans the new year ("mùa đông") is
    the one the document's date falls in, when it does."""
    span = vocab.time_words()["seasons"][period.unit]
    (m1, d1), (m2, d2) = span["start"], span["end"]
    year = period.year or anchor.year
    wraps = (m2, d2) < (m1, d1)
    if wraps and period.year is None and (anchor.month or 1, anchor.day or 1) <= (m2, d2):
        year -= 1
    return dt.date(year, m1, d1), dt.date(year + 1 if wraps else year, m2, d2)


def calendar_bounds(period: Period, year: int) -> Bounds | None:
    """Bounds of the named kinds that need only a year (the grammar's own or the anchor's)."""
    if period.kind == "month_last":
        last = month_end(year, period.month)
        return last, last
    if period.kind == "week_of_month":
        monday = dt.date(year, period.month, 1) + relativedelta(weekday=MO)
        return monday, monday + relativedelta(days=6)
    if period.kind == "tet":
        return tet_break(year)
    return None


@cache
def _clock() -> re.Pattern:
    words = vocab.time_words()
    part = alternation(words["part_of_day"])
    return re.compile(rf"(?:(?P<before>{part})\s+)?(?<![\d:/.])(?P<h>\d{{1,2}})\s*(?::(?P<m>\d\d)(?::\d\d)?"
                      rf"|(?:giờ|h|g)(?:\s*(?P<m2>\d{{1,2}})(?!\s*[/.\-]\d)(?:\s*(?:phút|p))?)?)(?!\w)"
                      rf"(?:\s+(?P<after>{part})(?!\w))?", vocab.FLAGS)


def clock_in(stretch: str) -> str | None:
    """The last hour written in `stretch` (the cue before a date, "lúc 2 giờ chiều" after a day) as HH:MM."""
    found = list(_clock().finditer(stretch))
    if not found:
        return None
    m = found[-1]
    hour, minute = int(m.group("h")), int(m.group("m") or m.group("m2") or 0)
    part = _key(m.group("after") or m.group("before") or "")
    clock = vocab.time_words()["clock"]
    if (part in clock["afternoon"] and hour < 12) or (part in clock["noon"] and hour < 3):
        hour += 12
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None
