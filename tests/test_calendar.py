"""deadlines.ics re-parses, and its events are the records' dated deadlines."""
from __future__ import annotations

import datetime as dt
import json

from icalendar import Calendar

from pipeline.batch import process_corpus
from pipeline.export import finish
from tests.conftest import ROOT


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
            assert event.decoded("dtstart") == dt.date.fromisoformat(day)
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
