"""The overview page: deadlines on a timeline (overdue, next 90 days), targets by indicator and year,
tasks by responsible body. Aggregated in SQL over directives.db, so its size does not grow with the corpus."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta

from pipeline.export.site.charts import Bar, bars, heat, timeline
from pipeline.export.site.html import attr, page_name, text

HORIZON_DAYS = 90
LIST_ROWS = 50
TOP_INDICATORS = 15
TOP_BODIES = 20


def overview_body(db: sqlite3.Connection, today: date) -> Iterator[str]:
    yield "<h1>Overview</h1>"
    yield _totals(db, today)
    yield "<section><h2>Deadlines</h2>"
    yield _chart(_deadline_timeline(db, today), "No dated deadlines yet.")
    soon = (today + timedelta(days=HORIZON_DAYS)).isoformat()
    yield from _task_list(db, "Tasks overdue", "deadline_end < ?", "deadline_end DESC", (today.isoformat(),))
    yield from _task_list(db, f"Tasks due in the next {HORIZON_DAYS} days", "deadline_end >= ? AND deadline_end <= ?",
                          "deadline_end", (today.isoformat(), soon))
    yield "</section>"
    yield "<section><h2>Targets by indicator and year</h2>"
    yield _chart(_targets_heat(db), "No targets with an indicator yet.")
    yield "</section>"
    yield "<section><h2>Tasks by responsible body</h2>"
    yield _chart(_bodies_bars(db), "No tasks with a responsible body yet.")
    yield "</section>"


def _chart(svg: str, empty: str) -> str:
    return f'<figure class="chart-box">{svg}</figure>' if svg else f'<p class="empty">{text(empty)}</p>'


def _count(db: sqlite3.Connection, sql: str, *args) -> int:
    return db.execute(sql, args).fetchone()[0]


def _totals(db: sqlite3.Connection, today: date) -> str:
    soon = (today + timedelta(days=HORIZON_DAYS)).isoformat()
    figures = (
        ("documents", _count(db, "SELECT count(*) FROM documents")),
        ("tasks", _count(db, "SELECT count(*) FROM tasks")),
        ("targets", _count(db, "SELECT count(*) FROM targets")),
        ("deadlines", _count(db, "SELECT count(*) FROM deadlines")),
        ("tasks overdue", _count(db, "SELECT count(*) FROM tasks WHERE deadline_end < ?", today.isoformat())),
        (f"tasks due in {HORIZON_DAYS} days", _count(
            db, "SELECT count(*) FROM tasks WHERE deadline_end >= ? AND deadline_end <= ?", today.isoformat(), soon)),
    )
    cells = "".join(f'<div class="figure"><b>{n}</b><span>{text(label)}</span></div>' for label, n in figures)
    return f'<div class="figures">{cells}</div>'


def _deadline_timeline(db: sqlite3.Connection, today: date) -> str:
    counts: dict[date, int] = {}
    for end, n in db.execute("SELECT end_date, count(*) FROM deadlines WHERE end_date IS NOT NULL GROUP BY 1"):
        try:
            counts[date.fromisoformat(end)] = n
        except ValueError:
            continue
    return timeline(counts, today, HORIZON_DAYS, "Deadlines by the day they end")


def _task_list(db: sqlite3.Connection, title: str, where: str, order: str, args: tuple) -> Iterator[str]:
    total = _count(db, f"SELECT count(*) FROM tasks WHERE {where}", *args)
    yield f"<h3>{text(title)} ({total})</h3>"
    if not total:
        return
    yield '<table class="tasks"><thead><tr><th>Due</th><th>Responsible</th><th>Task</th><th>Document</th></tr>' \
          "</thead><tbody>"
    rows = db.execute("SELECT doc_id, doc_number, task_index, deadline_end, deadline_text, responsible, action "
                      f"FROM tasks WHERE {where} ORDER BY {order}, doc_id, task_index LIMIT {LIST_ROWS}", args)
    for doc_id, number, index, end, due_text, responsible, action in rows:
        href = f"docs/{page_name(doc_id)}#item-task-{index}"
        yield (f'<tr><td class="date" title="{attr(due_text)}">{text(end)}</td><td>{text(responsible)}</td>'
               f'<td>{text(action)}</td><td><a href="{attr(href)}">{text(number or doc_id)}</a></td></tr>')
    yield "</tbody></table>"
    if total > LIST_ROWS:
        yield f'<p class="note">{LIST_ROWS} of {total} shown: the tasks table has them all.</p>'


def _targets_heat(db: sqlite3.Connection) -> str:
    top = [r[0] for r in db.execute(
        "SELECT indicator FROM targets WHERE indicator IS NOT NULL AND year IS NOT NULL "
        f"GROUP BY indicator ORDER BY count(*) DESC, indicator LIMIT {TOP_INDICATORS}")]
    if not top:
        return ""
    marks = ",".join("?" * len(top))
    cells, years = {}, set()
    for indicator, year, n, figures in db.execute(
            "SELECT indicator, year, count(*), group_concat(coalesce(comparator || ' ', '') || "
            "coalesce(CAST(value AS TEXT), '?') || coalesce(' ' || unit, '') || ' (' || status || ')', '; ') "
            f"FROM targets WHERE indicator IN ({marks}) AND year IS NOT NULL GROUP BY 1, 2", top):
        cells[(indicator, year)] = (n, figures or "")
        years.add(year)
    return heat(top, sorted(years), cells, "Targets by indicator and year")


def _bodies_bars(db: sqlite3.Connection) -> str:
    rows = [Bar(body, (responsible, coordinating)) for body, responsible, coordinating in db.execute(
        "SELECT body, sum(role = 'responsible'), sum(role = 'coordinating') FROM task_bodies "
        f"GROUP BY body HAVING sum(role = 'responsible') > 0 ORDER BY 2 DESC, 3 DESC, 1 LIMIT {TOP_BODIES}")]
    return bars(rows, [("in charge (chủ trì)", "responsible"), ("coordinating (phối hợp)", "coordinating")],
                "Tasks by responsible body")
