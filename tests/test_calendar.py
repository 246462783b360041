"""deadlines.ics re-parses, and its events are the records' dated deadlines."""
from __future__ import annotations

import datetime as dt
import json

from icalendar import Calendar

from pipeline.batch.corpus import process_corpus
from pipeline.export import finish
from pipeline.export.calendar import CALENDAR_END, calendar_head, calendar_head_of, event_of, events_text
from pipeline.core.records import Deadline
from tests.conftest import ROOT
from tests.export_records import forest_record


def test_calendar_events_match_the_records(tmp_path):
    out = tmp_path / "out"
    process_corpus([ROOT / "corpus"], out, workers=1)
    finish(out, changed=True)
    calendar = Calendar.from_ical((out / "deadlines.ics").read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    expected = 0
    for path in sorted(out.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        issued = record["document"]["issued_date"]
        for index, deadline in enumerate(record["deadlines"]):
            day = deadline["end"] or deadline["start"]
            if deadline["recurrence"]:
                day = deadline["start"] or issued or day
            uid = f"{record['id']}-{index}@directives"
            if day is None:
                assert uid not in events
                continue
            expected += 1
            event = events[uid]
            due = dt.date.fromisoformat(day)
            if deadline.get("time") and not deadline["recurrence"]:
                due = dt.datetime.combine(due, dt.time.fromisoformat(deadline["time"]))
            assert event.decoded("dtstart") == due
            assert deadline["text"] in str(event["summary"])
            assert record["document"]["number"] in str(event["summary"])
            if deadline["recurrence"]:
                written = set(event["rrule"].to_ical().decode().split(";"))
                assert written == set(deadline["recurrence"].split(";"))
            for task in record["tasks"]:
                d = task["deadline"]
                if d and (d["start"], d["end"], d["recurrence"]) == (deadline["start"], deadline["end"],
                                                                     deadline["recurrence"]):
                    for body in task["responsible"]:
                        assert body in str(event["description"])
    assert expected > 20 and len(events) == expected


def test_a_deadline_with_an_hour_is_an_event_at_that_hour():
    """"trước 16 giờ 00 ngày 20/3/2025": the event re-parses to 16:00 on 20/3/2025, not a whole day."""
    record = forest_record()
    deadline = Deadline(text="trước 16 giờ 00 ngày 20/3/2025", end="2025-03-20", time="16:00", span=(0, 10))
    calendar = Calendar()
    calendar.add_component(event_of(record, 0, deadline))
    event = next(iter(Calendar.from_ical(calendar.to_ical()).walk("VEVENT")))
    assert event.decoded("dtstart") == dt.datetime(2025, 3, 20, 16, 0)
    whole_day = event_of(record, 1, Deadline(text="trước ngày 20/3/2025", end="2025-03-20", span=(0, 10)))
    assert whole_day.decoded("dtstart") == dt.date(2025, 3, 20)


def test_the_calendar_file_writes_each_event_as_icalendar_does():
    """deadlines.ics is written line by line (icalendar's objects cost 2.5 ms an event): the same bytes as
    icalendar's for every kind of deadline, with escapes and Vietnamese text around the 75-octet folds."""
    import random

    from icalendar import Calendar as Parsed

    from pipeline.export.calendar import event_text

    rng = random.Random(5)
    record = forest_record()
    pieces = ["hoàn thành", "báo cáo; tổng hợp", "Sở Tài chính, Sở Nội vụ", "a\\b", "dòng\nmới", "x^y", "ĐỒNG", "ạ",
              "trước ngày 30/11/2025", "\\", ",", ";", "trong quý II/2025 (đợt 1)"]
    deadlines = [Deadline(text="trước ngày 20/3/2025", end="2025-03-20", span=(0, 10)),
                 Deadline(text="trước 16 giờ 00 ngày 20/3/2025", end="2025-03-20", time="16:00", span=(0, 10)),
                 Deadline(text="hằng tháng", recurrence="FREQ=MONTHLY;BYMONTHDAY=15", span=(0, 10)),
                 Deadline(text="quý", start="2025-01-01", recurrence="FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15",
                          span=(0, 10)),
                 Deadline(text="từ 1/4 đến 30/6/2025", start="2025-04-01", end="2025-06-30", span=(0, 10)),
                 Deadline(text="không ngày", span=(0, 10))]
    checked = 0
    for trial in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 30)))
        base = deadlines[trial % len(deadlines)]
        deadline = base.model_copy(update={"text": text})
        subject = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) or None
        varied = record.model_copy(update={"document": record.document.model_copy(update={"subject": subject})})
        event = event_of(varied, trial, deadline)
        expected = event.to_ical().decode("utf-8") if event is not None else ""
        assert event_text(varied, trial, deadline) == expected
        checked += bool(expected)
    assert checked > 200
    assert Parsed.from_ical(calendar_head() + events_text(record) + CALENDAR_END).walk("VEVENT")


def test_calendar_head_is_written_as_icalendar_writes_it():
    """The head is written without icalendar, whose import alone costs every export a tenth of a second."""
    assert calendar_head() == calendar_head_of()
    assert calendar_head().startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
