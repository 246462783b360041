"""`make serve`: Datasette on directives.db with our metadata. The server test starts it on a free
local port, reads the tasks table as JSON and checks it against the records; it always stops it."""
from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request

import pytest
import yaml

from pipeline.export import METADATA, finish
from pipeline.export.columns import TABLES
from pipeline.export.datasette import DATABASE_NAME, command, metadata
from pipeline.export.rows import JOIN
from tests.export_records import failed_record, forest_record, hostile_record, write_records

STARTUP_SECONDS = 20


def test_metadata_describes_every_table_and_column():
    tables = metadata()["databases"][DATABASE_NAME]["tables"]
    assert set(tables) == {t.name for t in TABLES}
    for table in TABLES:
        entry = tables[table.name]
        assert entry["title"] and entry["description"]
        assert set(entry["columns"]) == set(table.names) and all(entry["columns"].values())
        assert {"doc_issuer", "doc_type", "doc_year"} <= set(entry["facets"])
        assert set(entry["facets"]) <= set(table.names)
    assert "responsible" in tables["tasks"]["facets"]          # tasks by responsible body
    assert {"body", "role"} <= set(tables["task_bodies"]["facets"])


def test_metadata_file_is_written_beside_the_database(tmp_path):
    out = write_records(tmp_path / "out", [forest_record()])
    finish(out)
    assert yaml.safe_load((out / METADATA).read_text(encoding="utf-8")) == metadata()


def test_the_command_serves_locally_only(tmp_path):
    argv = command(tmp_path, 8123)
    assert argv[argv.index("--host") + 1] == "127.0.0.1" and argv[argv.index("--port") + 1] == "8123"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("datasette")
    pytest.importorskip("datasette", reason="datasette is not installed (pip install datasette)")
    records = [forest_record(), hostile_record(), failed_record()]
    out = write_records(tmp_path / "out", records)
    finish(out)
    port = free_port()
    log = open(tmp_path / "datasette.log", "wb")
    process = subprocess.Popen(command(out, port), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                get_json(f"{base}/-/versions.json")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {(tmp_path / 'datasette.log').read_text()[-2000:]}")
                time.sleep(0.1)
        yield base, records
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()


def test_datasette_serves_the_tasks_table_as_the_records_have_it(server):
    base, records = server
    rows = get_json(f"{base}/{DATABASE_NAME}/tasks.json?_shape=array&_size=max")
    served = {(r["doc_id"], r["task_index"]): r for r in rows}
    expected = {(rec.id, i): (rec, task) for rec in records for i, task in enumerate(rec.tasks)}
    assert set(served) == set(expected)
    for key, (record, task) in expected.items():
        row = served[key]
        assert row["action"] == task.action
        assert row["responsible"] == JOIN.join(task.responsible)
        assert row["coordinating"] == (JOIN.join(task.coordinating) or None)
        assert row["deadline_end"] == (task.deadline.end if task.deadline else None)
        assert [row["span_start"], row["span_end"]] == list(task.span)
        assert (row["doc_number"], row["doc_type"], row["doc_issuer"], row["doc_date"]) == (
            record.document.number, record.document.doc_type, record.document.issuer, record.document.issued_date)


def test_datasette_offers_the_facets_and_titles(server):
    base, _ = server
    page = get_json(f"{base}/{DATABASE_NAME}/tasks.json")
    facets = page["facet_results"]
    facets = facets.get("results", facets)      # the shape moved between Datasette versions
    assert {"doc_issuer", "doc_type", "doc_year", "responsible"} <= set(facets)
    with urllib.request.urlopen(f"{base}/{DATABASE_NAME}/tasks", timeout=5) as response:
        html = response.read().decode("utf-8")
    assert "Instructions to bodies" in html and "bodies in charge (chủ trì)" in html
