"""Calendar dates as Vietnamese documents write them, shared by the stages that need them.

"ngày 09 tháng 12 năm 2022", "09/12/2022", "9-12-2022", "20.7.2020", "ngày 30/4"
(no year). Only whole dates live here; periods, bounds and recurrences are the
deadline grammar's (extract/deadlines.py).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.doc import Span

# Day and month as 1–2 digits, year as 4; separators "/", "-", "." or the words tháng/năm.
_DAY, _MONTH, _YEAR = r"(?P<d>[0-3]?\d)", r"(?P<m>[01]?\d)", r"(?P<y>(?:19|20)\d\d)"
WORDY_DATE = re.compile(  # "ngày 09 tháng 12 năm 2022", "9 tháng 12"
    r"(?:\bngày\s+)?\b" + _DAY + r"\s+tháng\s+" + _MONTH + r"(?:\s*(?:năm|/)\s*" + _YEAR + r")?\b",
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


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every whole date in text[start:end], with its span in `text`."""
    found: list[FoundDate] = []
    stop = len(text) if end is None else end
    matches = sorted([*WORDY_DATE.finditer(text, start, stop), *NUMERIC_DATE.finditer(text, start, stop)],
                     key=lambda m: (m.start(), -m.end()))
    taken = -1
    for m in matches:
        if m.start() < taken:
            continue
        day, month = int(m.group("d")), int(m.group("m"))
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


def add_working_days(day: dt.date, count: int) -> dt.date:
    """`count` working days after `day`, Monday to Friday, starting the day after
    (ANNOTATION.md: "30 ngày làm việc" counts from the day after the document's date).
    Public holidays are not known here, so they count as working days."""
    current = day
    while count > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            count -= 1
    return current
