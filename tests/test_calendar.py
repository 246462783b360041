"""deadlines.ics re-parses, and its events are the records' dated deadlines."""
from __future__ import annotations

import datetime as dt
import json

from icalendar import Calendar

from pipeline.batch import process_corpus
from pipeline.export import finish
from pipeline.export.calendar import event_of
from pipeline.records import Deadline
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
