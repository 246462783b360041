"""Assignment tables: each row of a Kế hoạch's table (Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian …) is a task for the bodies of its responsible column; in a schedule of units and
months (Đơn vị | Tháng 1 | Tháng 2 …) a row is due in the month it marks."""
from __future__ import annotations

import re

from pipeline.core.doc import Doc, Span, Table
from pipeline.extract.tasks.draft import Draft
from pipeline.extract.tasks.lexicon import table_columns, table_rows
from pipeline.extract.tasks.subjects import Named, Namer
from pipeline.core.records import DeadlineValue

_PIECES = re.compile(r"[^\n;,]+")
_TIME = "time"  # a column headed by a time, in a schedule


def read_tables(doc: Doc, namer: Namer) -> tuple[list[Draft], set[int]]:
    """Tasks from the assignment tables, and the starts of the lines they cover (read here, not as text)."""
    drafts: list[Draft] = []
    covered: set[int] = set()
    for table in doc.tables:
        columns, header_rows = _columns(doc, table)
        if "responsible" not in columns.values():
            continue
        lead = _lead_before(doc, table)
        times = _time_columns(doc, table, header_rows, columns)
        for row in table.rows[header_rows:]:
            draft = _row(doc, namer, row, columns, times, lead)
            if draft:
                drafts.append(draft)
        start, end = _extent(table)
        covered |= {line.span[0] for line in doc.lines if start <= line.span[0] < end}
    return drafts, covered


def place_authorities(doc: Doc) -> list[Named]:
    """The authorities that assignment tables name by their place alone ("Xã Hòa Bình"): bodies of
    the document that the bodies stage, reading running text, takes for places."""
    found = []
    for table in doc.tables:
        columns, header_rows = _columns(doc, table)
        for row in table.rows[header_rows:]:
            for k, cell in enumerate(row):
                if columns.get(k) == "responsible" and (named := place_authority(doc, cell)):
                    found.append(named)
    return found


def _columns(doc: Doc, table: Table) -> tuple[dict[int, str], int]:
    """The kind of each column and how many rows the header takes: one, or two when the second
    splits a column ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"). {} when the table assigns nothing."""
    found: dict[int, str] = {}
    rows = 0
    for row in table.rows[:2]:
        kinds = {k: kind for k, cell in enumerate(row) if (kind := _kind(doc.span_text(cell)) or _time(doc, cell))}
        filled = sum(1 for cell in row if doc.span_text(cell).strip())
        if len(kinds) < 2 if not rows else (not kinds or len(kinds) < filled):
            break  # a second header row only splits columns: every cell of it names a kind
        found.update(kinds)
        rows += 1
    return (found, rows) if len(found) >= 2 else ({}, 0)


def _kind(cell: str) -> str | None:
    text = " ".join(cell.split())
    if not text or len(text) >= 60:
        return None
    kinds = table_columns()
    return next((kind for kind, pattern in kinds if pattern.search(text)), None)


def _time(doc: Doc, cell: Span) -> str | None:
    """A header cell that is a time ("Tháng 3", "Quý II/2025") heads a column of a schedule."""
    return _TIME if _deadline_in(doc, cell) else None


def _deadline_in(doc: Doc, cell: Span) -> DeadlineValue | None:
    s, e = cell
    d = next((d for d in doc.deadlines if s <= d.span[0] and d.span[1] <= e), None)
    return DeadlineValue(text=d.text, start=d.start, end=d.end, recurrence=d.recurrence, time=d.time) if d else None


def _time_columns(doc: Doc, table: Table, header_rows: int, columns: dict[int, str]) -> dict[int, DeadlineValue]:
    """A schedule's columns headed by a time: a row marked in one is due then."""
    times = {}
    for row in table.rows[:header_rows]:
        for k, cell in enumerate(row):
            if columns.get(k) == _TIME and (due := _deadline_in(doc, cell)):
                times[k] = due
    return times


def _row(doc: Doc, namer: Namer, row: list[Span], columns: dict[int, str], times: dict[int, DeadlineValue],
         lead: Span | None) -> Draft | None:
    cells = {kind: row[k] for k, kind in columns.items() if k < len(row) and doc.span_text(row[k]).strip()}
    if "responsible" not in cells or _part_title(doc, row, columns):
        return None
    responsible = _bodies(doc, namer, cells["responsible"])
    if not responsible:
        return None
    coordinating = _bodies(doc, namer, cells["coordinating"]) if "coordinating" in cells else []
    spans = [cell for k, cell in enumerate(row) if columns.get(k) != "number" and doc.span_text(cell).strip()]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    # Without a column of its own, the action is the lead-in's ("Lịch tiếp công dân của các sở như sau:").
    action, action_end = cells["action"] if "action" in cells else (lead or cells["responsible"])
    marked = next((times[k] for k in sorted(times) if k < len(row) and doc.span_text(row[k]).strip()), None)
    return Draft(start, end, action, responsible, coordinating, [lead] if lead else [], action_end, due=marked)


def _bodies(doc: Doc, namer: Namer, cell: Span) -> list[Named]:
    """The bodies a cell names: "Lãnh đạo Sở Y tế" (the title skipped as in any clause),
    "Sở Nội vụ; Sở Tài chính", "UBND các xã"."""
    found: list[Named] = []
    start, end = cell
    k = start
    while k < end and doc.text[k] in " \t\n":
        k += 1
    named = namer.list_at(k, end)
    if named:
        return named.bodies
    authority = place_authority(doc, cell)
    if authority:
        return [authority]
    for piece in _PIECES.finditer(doc.text, start, end):
        s = piece.start() + len(piece.group(0)) - len(piece.group(0).lstrip())
        named = namer.list_at(s, piece.end())
        if named:
            found += [b for b in named.bodies if all(b.name != f.name for f in found)]
    return found


def place_authority(doc: Doc, cell: Span) -> Named | None:
    """"Xã Hòa Bình" alone in a responsible cell is Ủy ban nhân dân xã Hòa Bình."""
    _, alone, head = table_rows()
    s, e = cell
    while s < e and doc.text[s].isspace():
        s += 1
    m = alone.fullmatch(doc.text, s, e)
    if not m:
        return None
    return Named((m.start(), m.end("name")), f"{head} {m.group('unit').lower()} {' '.join(m.group('name').split())}")


def _part_title(doc: Doc, row: list[Span], columns: dict[int, str]) -> bool:
    """"II | Ủy ban nhân dân cấp xã |": the title of the rows under it."""
    part, _, _ = table_rows()
    return any(columns.get(k) == "number" and part.match(doc.span_text(cell).strip()) for k, cell in enumerate(row))


def _lead_before(doc: Doc, table: Table) -> Span | None:
    """The paragraph that introduces the table ("… gồm 11 chuyên mục sau:"): its time governs the rows."""
    start, _ = _extent(table)
    before = [line for line in doc.lines if line.span[1] <= start]
    return before[-1].span if before else None


def _extent(table: Table) -> Span:
    cells = [c for row in table.rows for c in row]
    return min(s for s, _ in cells), max(e for _, e in cells)
