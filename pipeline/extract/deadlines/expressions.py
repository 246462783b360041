"""What the deadline grammar finds: time expressions and the periods and spans they name."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.core.doc import Span

# How far back a cue or a recurrence's day may start (characters).
LOOKBACK = 140


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
    following: bool = False       # "trước ngày 05 của tháng tiếp theo": the day falls in the month after a period
    starts_work: bool = False     # "bắt đầu từ ngày 22/02": the cue sets when the work begins, an open end
