"""Serving directives.db with Datasette: the metadata (titles, column notes, facets) and the command.

The metadata is generated from columns.py, so a column added to a table is
described in Datasette the moment it exists. No server code of ours: Datasette
gives every table as JSON over HTTP and faceted browsing to analysts.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline.export.columns import TABLES, Table
from pipeline.export.folder import DATABASE, METADATA

DATABASE_NAME = Path(DATABASE).stem      # Datasette names a database after its file: /directives/tasks.json


def metadata() -> dict:
    return {
        "title": "Vietnamese directives: extracted records",
        "description": ("One row per document, reference, body, target, deadline and task found in the "
                        "directives. Every row carries its document's id, number, type, issuer and date; "
                        "spans are character offsets into the document's text (records.jsonl)."),
        "databases": {DATABASE_NAME: {"tables": {t.name: _table(t) for t in TABLES}}},
    }


def _table(table: Table) -> dict:
    entry = {
        "title": table.title,
        "description": table.about,
        "columns": {c.name: c.about for c in table.columns},
        "facets": list(dict.fromkeys(table.facets)),
        "sort_desc": "doc_date",
    }
    if table.name == "documents":
        entry["label_column"] = "doc_number"   # links from other tables show the số/ký hiệu, not the id
    return entry


def metadata_yaml() -> bytes:
    """The metadata as YAML. It follows from the export's code alone, so it is kept as the first
    export since that code last changed wrote it (core/derived.py, keyed by the export's files too:
    the pipeline's version leaves them out): every later export, a re-run of one changed document
    among them, neither imports yaml nor writes it out again (0.04 s)."""
    from pipeline.core import derived

    return derived.kept("datasette-metadata", _written_yaml, sorted(Path(__file__).parent.glob("*.py")))


def _written_yaml() -> bytes:
    import yaml

    return yaml.safe_dump(metadata(), allow_unicode=True, sort_keys=False, width=120).encode("utf-8")


def command(out: Path, port: int = 8001, host: str = "127.0.0.1") -> list[str]:
    """`datasette serve` on the output folder's database, with its metadata; local-only by default."""
    return [sys.executable, "-m", "datasette", "serve", str(out / DATABASE), "--metadata", str(out / METADATA),
            "--host", host, "--port", str(port)]
