"""The static viewer: pages that open from disk, with no server and no network.

  index.html          the documents, with filters (type, issuer, year) and a search
  overview.html       deadlines on a timeline, targets by indicator and year, tasks by responsible body
  docs/<id>.html      a document's text with its findings highlighted, and the task panel
  assets/             style.css and viewer.js (package data, no third-party code)

The list and the overview are read from directives.db (written by
pipeline.export.finish), the document pages from the records, one at a time.
"""
from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from pipeline.export.folder import DATABASE, read_records
from pipeline.export.site.document_page import document_body, title_of
from pipeline.export.site.html import copy_assets, page_name, write_page
from pipeline.export.site.index_page import index_body
from pipeline.export.site.overview import overview_body

SITE = "site"


def build_site(out: Path, site: Path | None = None, today: date | None = None) -> Path:
    """Build the viewer of the records in `out` (tables already written) into `site`; → its index.html."""
    site = site or out / SITE
    today = today or date.today()
    built = f"{datetime.now():%Y-%m-%d %H:%M} · {out.resolve().name}"
    copy_assets(site)
    db = sqlite3.connect(f"{(out / DATABASE).resolve().as_uri()}?mode=ro", uri=True)
    try:
        write_page(site / "index.html", "Documents", "", "index", built, index_body(db))
        write_page(site / "overview.html", "Overview", "", "overview", built, overview_body(db, today))
    finally:
        db.close()
    written = set()
    problems: list[str] = []
    for _, record in read_records(out, problems):
        name = page_name(record.id)
        write_page(site / "docs" / name, title_of(record), "../", "document", built, document_body(record))
        written.add(name)
    for stale in (site / "docs").glob("*.html"):
        if stale.name not in written:     # the record is gone from the output folder
            stale.unlink()
    return site / "index.html"


__all__ = ["build_site", "SITE"]
