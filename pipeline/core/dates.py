"""Calendar dates as Vietnamese documents write them, shared by the stages that need them.

"ngày 09 tháng 12 năm 2022", "09/12/2022", "9-12-2022", "20.7.2020", "ngày 30/4"
(no year), "mồng 3 tháng ba". Working days and the first day of Tết come from the holidays package. Only whole dates live here; periods, bounds and recurrences are the
deadline grammar's (extract/deadlines.py).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from pipeline import resources
from pipeline.core import anchors
from pipeline.core.doc import Span

if TYPE_CHECKING:
    import holidays

# Day and month as 1–2 digits, year as 4; separators "/", "-", "." or the words tháng/năm.
_DAY, _MONTH, _YEAR = r"(?P<d>[0-3]?\d)", r"(?P<m>[01]?\d)", r"(?P<y>(?:19|20)\d\d)"


def _words(key: str) -> str:
    """A word list of time_words.yaml as an alternation, longest first ("mười một" before "mười")."""
    words = sorted(resources.load("time_words.yaml")[key], key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + ")"


# "ngày 09 tháng 12 năm 2022", "9 tháng 12", "mồng 3 tháng ba", "ngày 7 tháng Giêng": a month by name
# only without a year digit after "năm" ("tháng năm 2024" would be a span of months).
WORDY_DATE = re.compile(
    r"(?:\bngày\s+)?(?:\b" + _words("day_prefix") + r"\s+)?\b" + _DAY + r"\s+tháng\s+(?:" + _MONTH
    + r"|(?P<mw>" + _words("month_words") + r")(?!\w)(?!\s+lần)(?<!năm(?=\s+\d)))"
    r"(?:\s*(?:năm|/|của\s+năm)\s*" + _YEAR + r")?\b",
    re.IGNORECASE)
NUMERIC_DATE = re.compile(  # "09/12/2022", "9-5-2022", "20.7.2020", "ngày 30/4"
    r"(?:\bngày\s+)?\b" + _DAY + r"\s*(?P<sep>[/.\-])\s*" + _MONTH + r"(?:\s*(?P=sep)\s*" + _YEAR + r")?\b"
    r"(?![/.\-]\d|%|\s*(?:tiêu chí|xã|km|ha)\b)",
    re.IGNORECASE)
# A day left blank in a draft's date line: "ngày      tháng 12 năm 2025".
BLANK_DAY = re.compile(r"\bngày\s*(?:\.{2,}|…+|_+)?\s*tháng\s+" + _MONTH + r"\s+năm\s+" + _YEAR, re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    span: Span
    day: int
    month: int
    year: int | None

    def date(self, default_year: int | None = None) -> dt.date | None:
        year = self.year or default_year
        if year is None:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    def iso(self, default_year: int | None = None) -> str | None:
        d = self.date(default_year)
        return d.isoformat() if d else None


# A stretch this long is scanned from where a date may open (core/anchors.py); a shorter one, a
# sentence of a document read sentence by sentence, from where a date may open in its whole text.
_LONG = 2000


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every whole date in text[start:end], with its span in `text`."""
    found: list[FoundDate] = []
    stop = len(text) if end is None else end
    if stop - start >= _LONG:  # a whole document: each pattern tried only where a date may open
        lowered = text.lower()
        scans = [anchors.finditer(pattern, text, lowered, start, stop) for pattern in (WORDY_DATE, NUMERIC_DATE)]
    else:
        scans = [anchors.finditer_stretch(pattern, text, start, stop) for pattern in (WORDY_DATE, NUMERIC_DATE)]
    matches = sorted([m for scan in scans for m in scan], key=lambda m: (m.start(), -m.end()))
    taken = -1
    for m in matches:
        if m.start() < taken:
            continue
        day = int(m.group("d"))
        month = int(m.group("m")) if m.group("m") else month_number(m.group("mw"))
        year = int(m.group("y")) if m.group("y") else None
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        sep = m.groupdict().get("sep")
        if year is None and not m.group(0).lower().startswith("ngày") and sep not in ("/", None):
            continue  # "12-3" or "1.5" without "ngày" and a year is more often a range or a number
        found.append(FoundDate(m.span(), day, month, year))
        taken = m.end()
    return found


def parse_date(text: str) -> str | None:
    """The ISO form of the first whole date with a year in `text`, or None."""
    for found in find_dates(text):
        if found.year:
            return found.iso()
    return None


# Calendar arithmetic on whole dates, for the periods and spans deadlines name.

def month_end(year: int, month: int) -> dt.date:
    """The last day of a month: month_end(2024, 2) is 2024-02-29."""
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, kept inside the month: 31/1 + 1 month is 28/2 (or 29/2)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, month_end(year, month + 1).day))


def month_number(word: str) -> int:
    """"sáu" → 6, "Giêng" → 1, "mười một" → 11 (resources time_words.yaml: month_words)."""
    return resources.load("time_words.yaml")["month_words"][" ".join(word.lower().split())]


@cache
def vietnam_holidays(first_year: int, last_year: int) -> holidays.HolidayBase:
    """Vietnam's public holidays and the days off given in lieu, as the holidays package keeps them.
    Imported here, on a document's first working-day count or Tết: the package's import (every
    country's calendar, its version read from the installed metadata) is a twenty-fifth of a second
    that most documents never need, in every worker."""
    import holidays

    return holidays.country_holidays("VN", years=range(first_year, last_year + 1), language="vi")


def add_working_days(day: dt.date, count: int) -> dt.date:
    """`count` working days after `day`, starting the day after (ANNOTATION.md: "30 ngày làm việc"
    counts from the day after the document's date): Monday to Friday, less Vietnam's public holidays
    and days off in lieu (30/4, 1/5, 2/9, Giỗ Tổ Hùng Vương, Tết …). A Saturday worked in exchange
    for a day off stays a day off here: the guide counts Monday to Friday."""
    from dateutil.rrule import DAILY, FR, MO, TH, TU, WE, rrule, rruleset

    days = rruleset()
    days.rrule(rrule(DAILY, dtstart=dt.datetime.combine(day + dt.timedelta(days=1), dt.time()),
                     byweekday=(MO, TU, WE, TH, FR)))
    for holiday in vietnam_holidays(day.year, day.year + count // 200 + 1):
        days.exdate(dt.datetime.combine(holiday, dt.time()))
    return days[count - 1].date()


def tet_day(year: int) -> dt.date | None:
    """The first day of Tết Nguyên đán that falls in the calendar year `year` (the lunar year
    that begins then), from the holidays package."""
    name = resources.load("time_words.yaml")["tet"]["holiday_name"]
    return next((day for day, named in sorted(vietnam_holidays(year, year).items())
                 if named == name and day.year == year), None)


def tet_break(year: int) -> tuple[dt.date, dt.date] | None:
    """The days off around Tết Nguyên đán of the calendar year `year`: the unbroken run of holidays
    (giao thừa, the in-lieu days) that holds its first day, from the holidays package."""
    first = tet_day(year)
    if first is None:
        return None
    days_off = vietnam_holidays(year - 1, year)
    start = end = first
    while start - dt.timedelta(days=1) in days_off:
        start -= dt.timedelta(days=1)
    while end + dt.timedelta(days=1) in days_off:
        end += dt.timedelta(days=1)
    return start, end
