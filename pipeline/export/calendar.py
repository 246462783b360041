"""`deadlines.ics`: every dated deadline as an iCalendar event, recurrences as RRULEs.

A coordinating office loads it into its calendar: each event names the document that sets
the deadline and the bodies responsible for it. Events are written one record at a time
(no calendar object holds them all), with stable UIDs and stamps, so the same records give
the same file.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from icalendar import Calendar, Event, vRecur

if TYPE_CHECKING:
    from pipeline.records import Deadline, Record

PRODID = "-//directives-pipeline//deadlines//VI"


CALENDAR_END = "END:VCALENDAR\r\n"


def calendar_head() -> str:
    """The calendar's own lines, without its END: events are laid in between, one record at a time."""
    head = Calendar()
    head.add("prodid", PRODID)
    head.add("version", "2.0")
    head.add("x-wr-calname", "Hạn của các văn bản chỉ đạo")
    lines = head.to_ical().decode("utf-8").split("\r\n")
    return "\r\n".join(line for line in lines if line and line != "END:VCALENDAR") + "\r\n"


def events_text(record: "Record") -> str:
    """The record's events, as the lines of the calendar file."""
    events = (event_of(record, index, deadline) for index, deadline in enumerate(record.deadlines))
    return "".join(event.to_ical().decode("utf-8") for event in events if event is not None)


def event_of(record: "Record", index: int, deadline: "Deadline") -> Event | None:
    """The event of a deadline: on its due date (the end of its period), or recurring from its
    start (or the document's date) when it has a recurrence; None when it has no date at all."""
    day = _date(deadline.end) or _date(deadline.start)
    if deadline.recurrence:
        day = _date(deadline.start) or _date(record.document.issued_date) or day
    if day is None:
        return None
    document = record.document
    title = " ".join(x for x in (document.doc_type, document.number) if x) or record.id
    event = Event()
    event.add("uid", f"{record.id}-{index}@directives")
    event.add("dtstamp", dt.datetime.combine(_date(document.issued_date) or dt.date(2000, 1, 1), dt.time(),
                                             tzinfo=dt.timezone.utc))
    if deadline.time and not deadline.recurrence:
        # "trước 16 giờ 00 ngày 20/3": due at that hour, not over the whole day. A floating time (no zone):
        # the document's hour is the local hour of the offices that read it.
        hour, minute = map(int, deadline.time.split(":"))
        moment = dt.datetime.combine(day, dt.time(hour, minute))
        event.add("dtstart", moment)
        event.add("dtend", moment)
    else:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    if deadline.recurrence:
        event.add("rrule", vRecur.from_ical(deadline.recurrence))
    event.add("summary", f"{deadline.text} — {title}")
    event.add("description", _description(record, deadline, title))
    return event


def _description(record: "Record", deadline: "Deadline", title: str) -> str:
    document = record.document
    lines = [f"Văn bản: {title}"]
    if document.issuer:
        lines.append(f"Cơ quan ban hành: {document.issuer}")
    if document.subject:
        lines.append(f"Trích yếu: {document.subject}")
    responsible = _responsible(record, deadline)
    if responsible:
        lines.append("Cơ quan chịu trách nhiệm: " + "; ".join(responsible))
    if deadline.start and deadline.end and deadline.start != deadline.end:
        lines.append(f"Thời gian: {deadline.start} – {deadline.end}")
    lines.append(f"Nguồn: {record.source.path}")
    return "\n".join(lines)


def _responsible(record: "Record", deadline: "Deadline") -> list[str]:
    """The bodies of the tasks this deadline governs (same value), in order, once each."""
    return _responsible_by_value(record).get((deadline.start, deadline.end, deadline.recurrence), [])


# The record last asked about and its tasks' bodies by deadline value: built once per record,
# not once per deadline (a pass over every task for each of 6,000 deadlines took a 1,500-page
# plan's calendar a minute).
_last: list = [None, {}]


def _responsible_by_value(record: "Record") -> dict[tuple, list[str]]:
    if _last[0] is not record:
        by_value: dict[tuple, list[str]] = {}
        for task in record.tasks:
            d = task.deadline
            if d:
                names = by_value.setdefault((d.start, d.end, d.recurrence), [])
                names.extend(n for n in task.responsible if n not in names)
        _last[:] = [record, by_value]
    return _last[1]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
