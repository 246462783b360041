"""The list of documents, with filters (type, issuer, year) and a search, read from directives.db.

Rows carry their filter values as data attributes; viewer.js hides the rows
that do not match, so the page works from disk with no server.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from pipeline.export.site.html import attr, fold, page_name, text

ROWS = """
SELECT d.doc_id, d.doc_number, d.doc_type, d.doc_issuer, d.doc_date, d.doc_year, d.subject, d.status,
       d.signer_name, d.place, d.n_tasks, d.n_targets, d.n_deadlines, d.n_references,
       (SELECT group_concat(coalesce(r.ref_doc_type, '') || ' ' || coalesce(r.ref_number, ''), ' ')
          FROM "references" r WHERE r.doc_id = d.doc_id) AS cited
FROM documents d
ORDER BY d.doc_date IS NULL, d.doc_date DESC, d.doc_id
"""


def choices(db: sqlite3.Connection, column: str) -> list[str]:
    rows = db.execute(f'SELECT DISTINCT "{column}" FROM documents WHERE "{column}" IS NOT NULL ORDER BY 1')
    return [str(r[0]) for r in rows]


def index_body(db: sqlite3.Connection) -> Iterator[str]:
    total = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    yield "<h1>Documents</h1>"
    yield '<form class="filters" id="filters" role="search">'
    yield ('<input type="search" id="q" autocomplete="off" '
           'placeholder="Search: number, subject, issuer, cited document… (tone marks optional)">')
    for column, label in (("doc_type", "All types"), ("doc_issuer", "All issuers"), ("doc_year", "All years")):
        yield f'<select id="f-{column[4:]}" data-filter="{column[4:]}"><option value="">{text(label)}</option>'
        for value in choices(db, column):
            yield f'<option value="{attr(value)}">{text(value)}</option>'
        yield "</select>"
    yield f'<span id="count" class="count">{total} of {total} documents</span></form>'
    yield '<table id="doc-list" class="docs"><thead><tr><th>Date</th><th>Number</th><th>Type</th><th>Issuer</th>' \
          '<th>Subject</th><th title="tasks">Tasks</th><th title="targets">Targets</th>' \
          '<th title="deadlines">Deadl.</th><th>Status</th></tr></thead><tbody>'
    db.row_factory = sqlite3.Row
    for row in db.execute(ROWS):
        yield _row(row)
    yield "</tbody></table>"
    if total == 0:
        yield '<p class="empty">No records in this folder yet: run <code>make extract</code>.</p>'


def _row(row: sqlite3.Row) -> str:
    searchable = " ".join(str(row[c] or "") for c in (
        "doc_id", "doc_number", "doc_type", "doc_issuer", "subject", "signer_name", "place", "cited"))
    number = row["doc_number"] or row["doc_id"]
    return (
        f'<tr data-type="{attr(row["doc_type"])}" data-issuer="{attr(row["doc_issuer"])}" '
        f'data-year="{attr(row["doc_year"])}" data-search="{attr(fold(searchable))}" '
        f'class="status-{attr(row["status"])}">'
        f'<td class="date">{text(row["doc_date"])}</td>'
        f'<td class="nowrap"><a href="docs/{attr(page_name(row["doc_id"]))}">{text(number)}</a></td>'
        f'<td class="nowrap">{text(row["doc_type"])}</td><td>{text(row["doc_issuer"])}</td>'
        f'<td>{text(row["subject"])}</td>'
        f'<td class="num">{row["n_tasks"]}</td><td class="num">{row["n_targets"]}</td>'
        f'<td class="num">{row["n_deadlines"]}</td><td>{text(row["status"])}</td></tr>')
