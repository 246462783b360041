"""From what an expression names to the dates of CONTRACT.md: start, end, recurrence.

A period gets its first and last day; the cue decides which of them bound the work
("trong tháng 11/2024": both; "đến cuối năm 2024", "trước ngày 15/3": only the end).
A year the text leaves out comes from the anchor, and a date that would then fall
before the anchor takes the next year (ANNOTATION.md: "trước 30/8" in a document of
October means next August).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.core.dates import add_months, add_working_days, month_end, tet_day
from pipeline.extract.deadlines import named_days
from pipeline.extract.deadlines.anchor import Anchor
from pipeline.extract.deadlines.expressions import Duration, Period, TimeExpression

Bounds = tuple[dt.date | None, dt.date | None]


@dataclass(frozen=True)
class Value:
    start: dt.date | None
    end: dt.date | None
    recurrence: str | None = None


@dataclass(frozen=True)
class Resolution:
    values: tuple[Value, ...]
    next_year: bool = False   # a year-less date took the year after the anchor's


def resolve(expression: TimeExpression, anchor: Anchor | None) -> Resolution | None:
    """The values an expression sets, or None when the text does not give enough to date it."""
    if expression.cue == "recurrence":
        start = None
        if expression.start_from:
            bounds = period_bounds(expression.start_from, anchor)
            start = bounds[0][0] if bounds else None
        return Resolution(tuple(Value(start, None, rule) for rule in expression.rules))
    if expression.cue == "duration":
        end = duration_end(expression.duration, anchor)
        return Resolution((Value(None, end),)) if end else None
    bounds = period_bounds(expression.period, anchor)
    if not bounds:
        return None
    (start, end), next_year = bounds
    if expression.until:
        last = period_bounds(expression.until, anchor)
        if not last:
            return None
        end, next_year = last[0][1], next_year or last[1]
        if start and end and start > end:
            return None
    start, end = _bounded(expression.cue, expression.period, start, end)
    if expression.cue == "after" and start is not None:
        return Resolution((Value(start, None),), next_year)  # "ngay sau Tết": from the break's end on
    if end is None and expression.starts_work and start is not None:
        return Resolution((Value(start, None),), next_year)  # "bắt đầu từ ngày 22/02": the work's start
    if end is None:
        return None  # "từ ngày 01/3" alone says when work starts, not by when it ends
    return Resolution((Value(start, end),), next_year)


# Periods that "trước" bounds with their own last day, as it bounds a day ("trước ngày 15/3").
NAMED_LIMITS = frozenset({"day", "days", "month", "quarter", "half", "year"})


def _bounded(cue: str | None, period: Period, start: dt.date | None, end: dt.date | None) -> Bounds:
    if cue == "after":
        # "sau Tết" starts once the break is over; "sau ngày 15/3" alone bounds nothing.
        return (end + dt.timedelta(days=1), None) if period.kind in named_days.HOLIDAYS and end else (None, None)
    if period.kind in named_days.HOLIDAYS and cue in ("before", "latest", "until", "term") and start:
        return None, tet_day(start.year + (start.month == 12))  # "trước Tết": its first day (ANNOTATION.md)
    if cue == "before":
        # "trước ngày 15/3" ends on the 15th (CONTRACT.md); "trước tháng 6/2025", "trước quý III",
        # "trước năm 2030" are read the same way, with the period named: by the end of it, as a goal's
        # horizon is reached by the year's end (the review set's gold). "trước cuối tháng 5", like "trước
        # cuối năm", by the end of it; "trước Tết" on its first day (ANNOTATION.md).
        if period.kind in NAMED_LIMITS or period.kind in named_days.ONE_DAY or start is None \
                or (period.kind in ("dekad", "dekad_this_month") and period.number == 3):
            return None, end
        return None, start - dt.timedelta(days=1)
    if cue in ("latest", "term", "until"):
        return None, end
    if cue == "from" and period.kind != "days":
        return start, None
    return start, end


def period_bounds(period: Period, anchor: Anchor | None) -> tuple[Bounds, bool] | None:
    """The first and last day of a period, and whether a missing year was taken as the anchor's next."""
    if period.kind == "this":
        bounds, next_year = _this_period(period, anchor), False
    elif period.kind in named_days.ANCHORED:
        bounds, next_year = named_days.bounds(period, anchor), False
    elif period.year is not None:
        bounds, next_year = _calendar_bounds(period, period.year), False
    elif anchor is None:
        return None  # "trước 30/8" with no date anywhere to take a year from
    else:
        bounds, next_year = _calendar_bounds(period, anchor.year), False
        if bounds and bounds[1] and bounds[1] < anchor.floor:
            bounds, next_year = _calendar_bounds(period, anchor.year + 1), True
    return (bounds, next_year) if bounds else None


def _calendar_bounds(period: Period, year: int) -> Bounds | None:
    try:
        return _bounds_of_kind(period, year)
    except (ValueError, TypeError):
        return None  # "ngày 31/4": no such day


def _bounds_of_kind(period: Period, year: int) -> Bounds | None:
    kind = period.kind
    if kind == "day":
        day = dt.date(year, period.month, period.day)
        return day, day
    if kind == "days":
        return dt.date(year, period.month, period.day), dt.date(year, period.month, period.last_day)
    if kind == "month":
        return dt.date(year, period.month, 1), month_end(year, period.month)
    if kind == "dekad":
        last = month_end(year, period.month).day if period.number == 3 else 10 * period.number
        return dt.date(year, period.month, 10 * period.number - 9), dt.date(year, period.month, last)
    if kind == "quarter":
        return dt.date(year, 3 * period.number - 2, 1), month_end(year, 3 * period.number)
    if kind == "half":
        return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if period.number == 1 else \
            (dt.date(year, 7, 1), dt.date(year, 12, 31))
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind == "year_start":
        return dt.date(year, 1, 1), dt.date(year, 3, 31)  # "đầu năm": its first quarter
    if kind == "year_end":
        return None, dt.date(year, 12, 31)  # "cuối năm 2024" bounds, it does not span
    if kind == "late_months":
        return dt.date(year, 10, 1), dt.date(year, 12, 31)
    if kind == "stage":
        return dt.date(year, 1, 1), dt.date(period.last_year, 12, 31)
    if kind in named_days.KINDS or kind in named_days.ONE_DAY or kind == "week_of_month":
        return named_days.calendar_bounds(period, year)
    if kind == "school_year":
        # A school year runs from September to May (the Ministry's yearly calendar).
        return dt.date(year, 9, 1), dt.date(period.last_year, 5, 31)
    return None


def _this_period(period: Period, anchor: Anchor | None) -> Bounds | None:
    """"tuần này", "tháng tới", "hoàn thành trong năm": counted from the anchor."""
    if anchor is None:
        return None
    offset = period.number or 0
    if period.unit == "year":
        year = anchor.year + offset
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if anchor.month is None:
        return None
    if period.unit in ("month", "quarter"):
        months = 1 if period.unit == "month" else 3
        first_month = anchor.month if months == 1 else 3 * ((anchor.month - 1) // 3) + 1
        first = add_months(dt.date(anchor.year, first_month, 1), offset * months)
        last = add_months(first, months - 1)
        return first, month_end(last.year, last.month)
    if anchor.date is None:
        return None
    monday = anchor.date - dt.timedelta(days=anchor.date.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def duration_end(duration: Duration, anchor: Anchor | None) -> dt.date | None:
    """"trong 30 ngày làm việc" from the anchor's day; None when that day is unknown
    (a draft's blank day, or a count from an event the text does not date)."""
    if not duration.resolvable:
        return None
    if duration.from_date:
        try:
            origin = dt.date(*duration.from_date)
        except ValueError:
            return None
    else:
        origin = anchor.date if anchor else None  # an article's own date counts when nothing else dates it
    if origin is None:
        return None
    if duration.working:
        days = duration.count * (5 if duration.unit == "weeks" else 1)
        return add_working_days(origin, days) if duration.unit != "months" else None
    if duration.unit == "months":
        return add_months(origin, duration.count)
    return origin + dt.timedelta(days=duration.count * (7 if duration.unit == "weeks" else 1))
