"""`deadlines.ics`: every dated deadline as an iCalendar event, recurrences as RRULEs.

A coordinating office loads it into its calendar: each event names the document that sets
the deadline and the bodies responsible for it. Events are written one record at a time
(no calendar object holds them all), with stable UIDs and stamps, so the same records give
the same file.

The events of the file are written by `event_text`, line by line as icalendar writes them (its
property order, TEXT escapes and 75-octet folds): icalendar's own objects cost 2.5 ms an event,
most of an export's time. `event_of` builds the same event as an icalendar object, for readers
and for the test that holds the two to the same bytes.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from functools import lru_cache

if TYPE_CHECKING:
    from icalendar import Event

    from pipeline.core.records import Deadline, Record

PRODID = "-//directives-pipeline//deadlines//VI"


CALENDAR_END = "END:VCALENDAR\r\n"


CALENDAR_NAME = "Hạn của các văn bản chỉ đạo"


def calendar_head() -> str:
    """The calendar's own lines, without its END: events are laid in between, one record at a time.
    Written as icalendar writes them (VERSION before PRODID), as the events are: every export needs
    the head, and icalendar's import alone is a tenth of a second (`calendar_head_of` is the same
    through icalendar, for the test that holds the two to the same bytes)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_escape(PRODID)}", f"X-WR-CALNAME:{_escape(CALENDAR_NAME)}"]
    return "".join(_fold(line) + "\r\n" for line in lines)


def calendar_head_of() -> str:
    """calendar_head() through icalendar's own Calendar."""
    from icalendar import Calendar

    head = Calendar()
    head.add("prodid", PRODID)
    head.add("version", "2.0")
    head.add("x-wr-calname", CALENDAR_NAME)
    lines = head.to_ical().decode("utf-8").split("\r\n")
    return "\r\n".join(line for line in lines if line and line != "END:VCALENDAR") + "\r\n"


def events_text(record: "Record") -> str:
    """The record's events, as the lines of the calendar file."""
    return "".join(event_text(record, index, deadline) for index, deadline in enumerate(record.deadlines))


def _day(record: "Record", deadline: "Deadline") -> dt.date | None:
    """The due date (the end of its period), or the start of a recurrence (or the document's date)."""
    day = _date(deadline.end) or _date(deadline.start)
    if deadline.recurrence:
        day = _date(deadline.start) or _date(record.document.issued_date) or day
    return day


def _title(record: "Record") -> str:
    document = record.document
    return " ".join(x for x in (document.doc_type, document.number) if x) or record.id


def event_text(record: "Record", index: int, deadline: "Deadline") -> str:
    """The lines of `event_of(record, index, deadline)` as icalendar writes them ("" for no event)."""
    day = _day(record, deadline)
    if day is None:
        return ""
    title = _title(record)
    stamp = _date(record.document.issued_date) or dt.date(2000, 1, 1)
    if deadline.time and not deadline.recurrence:
        hour, minute = map(int, deadline.time.split(":"))
        moment = f"{day:%Y%m%d}T{hour:02d}{minute:02d}00"
        start = end = f":{moment}"
    else:
        start, end = f";VALUE=DATE:{day:%Y%m%d}", f";VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"
    lines = ["BEGIN:VEVENT", f"SUMMARY:{_escape(f'{deadline.text} — {title}')}", f"DTSTART{start}",
             f"DTEND{end}", f"DTSTAMP:{stamp:%Y%m%d}T000000Z", f"UID:{_escape(f'{record.id}-{index}@directives')}"]
    if deadline.recurrence:
        lines.append(f"RRULE:{_rrule(deadline.recurrence)}")
    lines += [f"DESCRIPTION:{_escape(_description(record, deadline, title))}", "END:VEVENT"]
    return "".join(_fold(line) + "\r\n" for line in lines)


def _escape(text: str) -> str:
    """RFC 5545 TEXT, as icalendar escapes it (the order matters)."""
    return (text.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def _fold(line: str, limit: int = 75) -> str:
    """Lines of 75 octets and more folded as icalendar folds them: each piece the most whole characters
    that fit in 74 octets, less a backslash or caret at its end (an escape stays whole on the next piece)."""
    data = line.encode()
    if len(data) < limit:
        return line
    pieces = []
    start = 0
    while len(data) - start >= limit:
        end = start + limit - 1
        while data[end] & 0xC0 == 0x80:      # inside a character: cut before it
            end -= 1
        if data[end - 1] in b"\\^" and end - 1 > start:
            end -= 1
        pieces.append(data[start:end].decode())
        start = end
    pieces.append(data[start:].decode())
    return "\r\n ".join(pieces)


@lru_cache(maxsize=256)
def _rrule(recurrence: str) -> str:
    """The recurrence as icalendar writes it back (its own order of the parts)."""
    from icalendar import vRecur

    return vRecur.from_ical(recurrence).to_ical().decode("utf-8")


def event_of(record: "Record", index: int, deadline: "Deadline") -> "Event | None":
    """The event of a deadline: on its due date (the end of its period), or recurring from its
    start (or the document's date) when it has a recurrence; None when it has no date at all."""
    from icalendar import Event, vRecur

    day = _day(record, deadline)
    if day is None:
        return None
    document = record.document
    title = _title(record)
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
