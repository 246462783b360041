"""The tables `extract` writes for other tools: one row per finding, every row naming its document,
CSV with a BOM, Parquet in parts, SQLite, records.jsonl; batched, atomic, and skipped when
nothing changed."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import pipeline.export.rows as rows_module
import pipeline.export.tables as tables_module
from pipeline.export import JSONL, METADATA, finish
from pipeline.export.columns import DOCUMENT, TABLES
from pipeline.export.folder import DATABASE, outputs
from tests.conftest import ROOT
from tests.export_records import (failed_record, forest_record, hostile_record, load_json, synthetic_record,
                                  write_records)

DOC_COLUMNS = [c.name for c in DOCUMENT]


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    folder = write_records(tmp_path / "out", [forest_record(), hostile_record(), failed_record()])
    assert finish(folder).rebuilt
    return folder


def parquet(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / "tables" / f"{table}.parquet")


def contents(out: Path) -> dict:
    """Every output's bytes; a Parquet table's folder as the bytes of each of its parts."""
    files = {}
    for p in outputs():
        if (out / p).is_dir():
            files |= {part.relative_to(out): part.read_bytes() for part in sorted((out / p).iterdir())}
        else:
            files[p] = (out / p).read_bytes()
    return files


def sql(out: Path, query: str) -> list[tuple]:
    with sqlite3.connect(out / DATABASE) as db:
        return db.execute(query).fetchall()


@pytest.mark.parametrize("table, rows", [
    ("documents", 3), ("references", 1), ("bodies", 6), ("targets", 2), ("deadlines", 5), ("tasks", 4),
    ("task_bodies", 6),
])
def test_one_row_per_finding_in_every_format(out, table, rows):
    csv = pd.read_csv(out / "tables" / f"{table}.csv", encoding="utf-8-sig", dtype=str)
    assert len(csv) == len(parquet(out, table)) == rows
    assert sql(out, f'SELECT count(*) FROM "{table}"') == [(rows,)]
    assert list(csv.columns) == next(t for t in TABLES if t.name == table).names


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_every_row_names_its_document(out, table):
    frame = parquet(out, table)
    assert list(frame.columns[:len(DOC_COLUMNS)]) == DOC_COLUMNS
    findings = frame[frame["doc_id"] != "rong"]      # the failed record has no number, type, issuer or date
    assert findings[DOC_COLUMNS].notna().all().all()
    forest = frame[frame["doc_id"] == "chi-thi-21-lam-dong"]
    if len(forest):
        assert set(forest["doc_number"]) == {"21/CT-UBND"} and set(forest["doc_year"]) == {2025}
        assert set(forest["doc_issuer"]) == {"Ủy ban nhân dân tỉnh Lâm Đồng"}


def test_csv_has_a_byte_order_mark_and_reads_back_the_vietnamese(out):
    raw = (out / "tables" / "tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdoc_id,") and raw.count(b"\xef\xbb\xbf") == 1
    csv = pd.read_csv(out / "tables" / "tasks.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert "Sở Nông nghiệp và Môi trường" in set(csv["responsible"])
    assert 'rà soát hồ sơ <img src=x onerror="window.__pwned = 2">' in set(csv["action"])  # data, kept as is


@pytest.mark.parametrize("table, where, column, expected", [
    ("targets", "indicator = 'diện tích rừng trồng mới'", "value, unit, comparator, mode, year", (1500.0, "ha", ">=", "additional", 2025)),
    ("targets", "status = 'achieved'", "value, denominator, unit, year", (42.0, 85.0, "xã", 2025)),
    ("deadlines", "recurrence IS NOT NULL", "text, start_date, end_date", ("trước ngày 15 hằng tháng", None, None)),
    ("tasks", "task_index = 0 AND doc_id = 'chi-thi-21-lam-dong'", "responsible, coordinating, deadline_end, target_indices",
     ("Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các huyện", "2025-11-30", "0")),
    ("task_bodies", "role = 'coordinating' AND task_index = 2", "body, deadline_end", ("Sở Nông nghiệp và Môi trường", "2025-06-30")),
    ("bodies", "name = 'Sở Nông nghiệp và Môi trường'", "kind, mentions", ("agency", 2)),
    ("references", "1", "ref_doc_type, ref_number, ref_date, evidence",
     ("Nghị quyết", "15/NQ-HĐND", "2024-12-12", "Nghị quyết số 15/NQ-HĐND ngày 12/12/2024")),
    ("documents", "doc_id = 'rong'", "status, warnings, n_tasks, doc_year", ("failed", "no text could be read from the file", 0, None)),
    ("documents", "doc_id = 'chi-thi-21-lam-dong'", "signer_name, is_report, n_deadlines", ("Nguyễn Văn An", 0, 4)),
])
def test_values_in_sqlite(out, table, where, column, expected):
    assert sql(out, f'SELECT {column} FROM "{table}" WHERE {where}') == [expected]


def test_evidence_and_spans_point_into_the_text(out):
    record = load_json(out / "chi-thi-21-lam-dong.json")
    for start, end, evidence in sql(out, "SELECT span_start, span_end, evidence FROM targets"):
        assert record["text"][start:end] == evidence


def test_sqlite_links_rows_to_their_document(out):
    keys = sql(out, "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('tasks') AS fk "
                    "JOIN (SELECT 'documents' AS x) ON 1")
    assert keys == [("documents", "doc_id", "doc_id")]
    assert sql(out, "SELECT count(*) FROM tasks t JOIN documents d USING (doc_id)") == [(4,)]


def test_records_jsonl_has_each_record_on_one_line(out):
    lines = (out / JSONL).read_text(encoding="utf-8").splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    assert set(records) == {"chi-thi-21-lam-dong", "ke-hoach-3-thu-nghiem", "rong"}
    for doc_id, record in records.items():
        assert record == load_json(out / f"{doc_id}.json")


def test_a_folder_without_findings_still_gets_every_table(tmp_path):
    out = write_records(tmp_path / "out", [failed_record()])
    finish(out)
    for table in TABLES:
        csv = (out / "tables" / f"{table.name}.csv").read_text(encoding="utf-8-sig")
        assert csv.splitlines()[0] == ",".join(table.names)
        assert pq.read_table(out / "tables" / f"{table.name}.parquet").schema.names == table.names
    assert sql(out, "SELECT count(*) FROM tasks") == [(0,)]


def test_an_unreadable_record_is_reported_and_the_rest_exported(tmp_path):
    out = write_records(tmp_path / "out", [forest_record()])
    (out / "broken.json").write_text("{not json", encoding="utf-8")
    (out / "other.json").write_text('{"id": "x"}', encoding="utf-8")
    exported = finish(out)
    assert exported.records == 1 and len(exported.problems) == 2
    assert "broken.json" in exported.problems[0]


def test_parquet_is_written_in_parts_and_a_change_rewrites_only_its_part(tmp_path, monkeypatch):
    monkeypatch.setattr(tables_module, "BATCH_RECORDS", 10)
    out = write_records(tmp_path / "out", [synthetic_record(i) for i in range(35)])
    finish(out)
    folder = out / "tables" / "documents.parquet"
    assert len(list(folder.iterdir())) == 4
    assert len(parquet(out, "tasks")) == 35 * 3
    assert list(parquet(out, "documents")["doc_id"]) == [synthetic_record(i).id for i in range(35)]
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    time.sleep(0.01)
    write_records(out, [synthetic_record(13).model_copy(update={"warnings": ["changed"]})])
    finish(out)
    changed = {p.name for p in folder.iterdir() if stamps.get(p.name) != p.stat().st_mtime_ns}
    assert len(changed) == 1 and len(stamps) == 4
    frame = parquet(out, "documents")
    assert list(frame["doc_id"]) == [synthetic_record(i).id for i in range(35)]
    assert list(frame[frame["doc_id"] == synthetic_record(13).id]["warnings"]) == ["changed"]


def test_a_part_that_grows_is_split_and_one_emptied_goes(tmp_path, monkeypatch):
    monkeypatch.setattr(tables_module, "BATCH_RECORDS", 4)
    out = write_records(tmp_path / "out", [synthetic_record(i) for i in range(0, 40, 5)])
    finish(out)
    folder = out / "tables" / "tasks.parquet"
    assert len(list(folder.iterdir())) == 2
    write_records(out, [synthetic_record(i) for i in range(1, 10)])       # the first part: 12 records, 3 parts
    finish(out)
    assert len(list(folder.iterdir())) == 4
    for i in range(20, 40, 5):                                              # the second part's records
        (out / f"{synthetic_record(i).id}.json").unlink()
    finish(out)
    assert len(list(folder.iterdir())) == 3
    kept = sorted({*range(0, 20, 5), *range(1, 10)})
    assert list(parquet(out, "documents")["doc_id"]) == [synthetic_record(i).id for i in kept]
    assert len(parquet(out, "tasks")) == len(kept) * 3


def test_a_failed_export_leaves_the_previous_tables(out, monkeypatch):
    before = contents(out)
    write_records(out, [forest_record("chi-thi-22-lam-dong")])

    def broken(record):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rows_module, "rows_of", broken)
    with pytest.raises(RuntimeError):
        finish(out)
    assert contents(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".export-")]


def test_unchanged_records_do_not_rebuild_the_tables(tmp_path):
    out = write_records(tmp_path / "out", [synthetic_record(i) for i in range(1000)])
    first = finish(out, changed=True)
    assert first.rebuilt and first.records == 1000
    stamps = {p: (out / p).stat().st_mtime_ns for p in outputs()}
    started = time.perf_counter()
    again = finish(out, changed=False)
    assert not again.rebuilt
    assert time.perf_counter() - started < 0.5, "an unchanged re-run must stay well under 2 s for 1,000 records"
    assert {p: (out / p).stat().st_mtime_ns for p in stamps} == stamps


@pytest.mark.parametrize("change", ["rewrite", "add", "remove"])
def test_a_changed_folder_is_noticed_without_being_told(out, change):
    if change == "rewrite":
        write_records(out, [forest_record().model_copy(update={"warnings": ["changed"]})])
    elif change == "add":
        write_records(out, [forest_record("chi-thi-22-lam-dong")])
    else:
        (out / "rong.json").unlink()
    assert finish(out, changed=False).rebuilt
    expected = {"rewrite": 3, "add": 4, "remove": 2}[change]
    assert sql(out, "SELECT count(*) FROM documents") == [(expected,)]


def test_deciding_nothing_changed_imports_neither_pandas_nor_pydantic():
    probe = ("import sys, pipeline.export; "
             "print(sorted(m for m in ('pandas', 'pyarrow', 'pydantic', 'sqlite3') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_memory_stays_bounded_by_a_batch_not_the_corpus(tmp_path):
    count, chars = 150, 60_000          # ~18 M characters of text in all
    out = write_records(tmp_path / "out", [synthetic_record(i, text_chars=chars) for i in range(count)])
    tracemalloc.start()
    try:
        finish(out)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    corpus_bytes = count * chars * 2     # Vietnamese text takes 2 bytes a character in a Python str
    assert peak < corpus_bytes / 3, f"peak {peak / 1e6:.0f} MB for {corpus_bytes / 1e6:.0f} MB of text"


def test_extract_writes_the_tables_and_an_unchanged_rerun_keeps_them(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "chi-thi-30.txt").write_text(forest_record().text, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(out), "--workers", "1"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=120)
    assert sql(out, "SELECT doc_id, doc_number FROM documents") == [("chi-thi-30", "21/CT-UBND")]
    assert (out / JSONL).exists() and (out / METADATA).exists()
    stamp = os.stat(out / DATABASE).st_mtime_ns
    rerun = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True, timeout=120)
    if "1 unchanged" in " ".join(rerun.stderr.split()):   # (the pipeline's version moves while it is edited)
        assert os.stat(out / DATABASE).st_mtime_ns == stamp
        assert "Tables of" not in rerun.stderr


def _published(out: Path) -> dict:
    """Every export output's bytes, the database as its rows in key order (its pages may be laid out otherwise),
    a Parquet table as its rows in order (its parts may be cut otherwise)."""
    files = {p: (out / p).read_bytes() for p in outputs() if p.name != DATABASE and p.suffix != ".parquet"}
    for table in TABLES:
        files[f"{table.name}.parquet"] = pq.read_table(out / "tables" / f"{table.name}.parquet").to_pylist()
    for table in TABLES:
        key = ", ".join(f'"{k}"' for k in table.key)
        files[table.name] = sql(out, f'SELECT * FROM "{table.name}" ORDER BY {key}')
    return files


@pytest.mark.parametrize("change", ["rewrite", "add", "remove", "none"])
def test_a_run_that_reuses_kept_fragments_equals_a_full_rebuild(tmp_path, change):
    records = [forest_record(), hostile_record(), failed_record()] + [synthetic_record(i) for i in range(5)]
    out = write_records(tmp_path / "out", records)
    finish(out)
    if change == "rewrite":
        write_records(out, [forest_record().model_copy(update={"warnings": ["đã sửa"]})])
    elif change == "add":
        write_records(out, [forest_record("chi-thi-22-lam-dong")])
    elif change == "remove":
        (out / "rong.json").unlink()
    again = finish(out, changed=True)
    assert again.rebuilt
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for path in out.glob("*.json"):
        (fresh / path.name).write_bytes(path.read_bytes())
    finish(fresh)
    assert _published(out) == _published(fresh)
    assert (change == "rewrite") == (b"\xc4\x91\xc3\xa3 s\xe1\xbb\xada" in (out / JSONL).read_bytes())


def test_only_changed_records_are_read_again_and_the_database_is_changed_in_place(tmp_path, monkeypatch):
    out = write_records(tmp_path / "out", [synthetic_record(i) for i in range(20)])
    finish(out)
    database = (out / DATABASE).stat().st_ino
    cut = []
    real = tables_module.cut
    monkeypatch.setattr(tables_module, "cut", lambda data: cut.append(data["id"]) or real(data))
    write_records(out, [synthetic_record(3).model_copy(update={"warnings": ["changed"]})])
    finish(out)
    assert cut == [synthetic_record(3).id]
    assert (out / DATABASE).stat().st_ino == database
    assert sql(out, "SELECT warnings FROM documents WHERE doc_id = 'van-ban-00003'") == [("changed",)]


def test_an_output_changed_by_hand_makes_the_next_export_a_full_one(tmp_path, monkeypatch):
    out = write_records(tmp_path / "out", [synthetic_record(i) for i in range(5)])
    finish(out)
    (out / JSONL).write_text("edited\n", encoding="utf-8")
    cut = []
    real = tables_module.cut
    monkeypatch.setattr(tables_module, "cut", lambda data: cut.append(data["id"]) or real(data))
    write_records(out, [synthetic_record(3).model_copy(update={"warnings": ["changed"]})])
    finish(out)
    assert len(cut) == 5
    assert len((out / JSONL).read_text(encoding="utf-8").splitlines()) == 5


def test_records_cut_by_the_workers_are_not_cut_again_and_export_the_same(tmp_path, monkeypatch):
    from pipeline.batch.corpus import process_corpus
    from pipeline.export.fragments import STAGED

    out = tmp_path / "out"
    process_corpus([ROOT / "corpus"], out, workers=1, timeout=None, max_memory=None)
    assert len(list((out / STAGED).iterdir())) == len(list(out.glob("*.json")))
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for path in out.glob("*.json"):
        (fresh / path.name).write_bytes(path.read_bytes())
    finish(fresh)
    monkeypatch.setattr(tables_module, "cut", lambda data: pytest.fail("cut again"))
    finish(out)
    assert _published(out) == _published(fresh)
    assert not list((out / STAGED).iterdir())       # taken in, then cleared


@pytest.mark.parametrize("update", [
    {},
    # Numbers pydantic spells otherwise than the standard library (0.00001 for 1e-05, null for NaN),
    # and text with every kind of escape.
    {"targets": [synthetic_record(1).targets[0].model_copy(update={"value": 0.00001, "value_max": float("nan"),
                                                                  "denominator": 1e16})]},
    {"warnings": ['tab\there "quoted" \\ back\x01slash\u2028', ""]},
])
def test_record_files_are_written_as_the_standard_library_writes_them(update):
    from pipeline.batch.write import record_json

    record = synthetic_record(1).model_copy(update=update)
    data = record.model_dump(mode="json")
    texts = record_json(record)
    assert texts.file == (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert texts.line == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert record_json(record, data) == texts


def test_a_staged_fragment_cut_short_or_stale_is_cut_again(tmp_path):
    from pipeline.batch.write import record_json, write_record
    from pipeline.export.fragments import STAGED, cut, stage, staged

    record = forest_record()
    texts = record_json(record)
    path = write_record(tmp_path, record, texts)
    stage(tmp_path, path, record, texts.line)
    fragment = staged(tmp_path, path, path.stat())
    assert fragment == cut(json.loads(path.read_bytes()))
    (staged_file,) = (tmp_path / STAGED).iterdir()
    staged_file.write_bytes(staged_file.read_bytes()[:-7])              # a worker stopped while writing it
    assert staged(tmp_path, path, path.stat()) is None
    stage(tmp_path, path, record, texts.line)
    write_record(tmp_path, record.model_copy(update={"warnings": ["rewritten"]}))
    assert staged(tmp_path, path, path.stat()) is None                 # the record changed since


def test_the_index_kept_in_step_run_after_run_describes_what_a_full_build_does(tmp_path):
    from pipeline.export.fragments import INDEX

    def described(out: Path) -> list:
        with sqlite3.connect(out / INDEX) as db:
            return sorted(db.execute("SELECT name, doc_id, lengths, counts, part FROM entries"))

    out = write_records(tmp_path / "out", [synthetic_record(i) for i in range(12)])
    finish(out)
    for step, change in enumerate(["rewrite", "remove", "add", "rewrite"]):
        if change == "rewrite":
            write_records(out, [synthetic_record(step).model_copy(update={"warnings": [f"lần {step}"]})])
        elif change == "remove":
            (out / f"{synthetic_record(5).id}.json").unlink()
        else:
            write_records(out, [synthetic_record(40)])
        finish(out)
        fresh = tmp_path / f"fresh-{step}"
        fresh.mkdir()
        for path in out.glob("*.json"):
            (fresh / path.name).write_bytes(path.read_bytes())
        finish(fresh)
        assert _published(out) == _published(fresh)
        assert [row[:4] for row in described(out)] == [row[:4] for row in described(fresh)]
        assert {row[4] for row in described(out)} <= {p.stem.removeprefix("part-") + ".json"
                                                     for p in (out / "tables" / "documents.parquet").iterdir()}


def test_a_row_the_database_refuses_stops_the_export_and_leaves_nothing_half_written(tmp_path):
    out = write_records(tmp_path / "out", [forest_record()])
    (out / "copy.json").write_bytes((out / f"{forest_record().id}.json").read_bytes())   # the same doc_id twice
    with pytest.raises(sqlite3.IntegrityError):
        finish(out)
    assert sorted(p.name for p in out.iterdir()) == ["chi-thi-21-lam-dong.json", "copy.json", "tables"]


# --- a parallel run ----------------------------------------------------------------------------------

def test_a_parallel_run_lays_the_tables_out_as_a_serial_one_does(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i, record in enumerate([forest_record(), hostile_record()]):
        (corpus / f"van-ban-{i}.txt").write_text(record.text, encoding="utf-8")
    runs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}"
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(out),
                        "--workers", workers], cwd=ROOT, check=True, capture_output=True, timeout=180)
        runs[workers] = _published(out)
    assert runs["2"] == runs["1"]
    assert len(sql(tmp_path / "out-2", "SELECT doc_id FROM documents")) == 2


def test_an_export_needs_neither_pandas_nor_arrows_compute_functions(tmp_path):
    """Arrow's JSON reader gives each table in its schema as it is: no cast, so neither pandas (0.3 s)
    nor pyarrow.compute (0.04 s) is imported by the process that exports."""
    out = write_records(tmp_path / "out", [forest_record(), hostile_record(), failed_record()])
    probe = (f"import sys; from pathlib import Path; from pipeline.export import finish; "
             f"assert finish(Path({str(out)!r})).rebuilt; "
             f"print(sorted(m for m in ('pandas', 'pyarrow.compute', 'pyarrow.parquet') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "['pyarrow.parquet']", result.stderr


def _long_record():
    """The forest Chỉ thị with its tasks and deadlines repeated hundreds of times, as a long plan has them."""
    record = forest_record()
    return record.model_copy(update={"tasks": record.tasks * 400, "deadlines": record.deadlines * 400,
                                     "text": record.text * 20})


def test_a_long_record_is_staged_piece_by_piece_never_all_at_once(tmp_path):
    import marshal

    from pipeline.batch.write import record_json, write_record
    from pipeline.export.fragments import cut, cut_record, stage, staged

    record = _long_record()
    texts = record_json(record)
    path = write_record(tmp_path, record, texts)
    fragment = cut_record(record, texts.line)
    whole = len(marshal.dumps((fragment.texts, fragment.rows, fragment.lines)))
    del fragment
    tracemalloc.start()
    try:
        stage(tmp_path, path, record, texts.line)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # At once, the pieces and their marshalled whole would stand together: twice the fragment and more.
    assert peak < whole
    assert staged(tmp_path, path, path.stat()) == cut(json.loads(path.read_bytes()))


def test_a_fragment_staged_by_an_earlier_format_is_cut_again(tmp_path):
    import marshal

    from pipeline.batch.write import record_json, write_record
    from pipeline.export.fragments import STAGED, cut_record, staged

    record = forest_record()
    texts = record_json(record)
    path = write_record(tmp_path, record, texts)
    stat = path.stat()
    fragment = cut_record(record, texts.line)
    (tmp_path / STAGED).mkdir()
    (tmp_path / STAGED / f"{path.stem}.marshal").write_bytes(marshal.dumps(   # one marshal of all, format 2
        (2, stat.st_size, stat.st_mtime_ns, fragment.doc_id, fragment.texts, fragment.rows, fragment.lines)))
    assert staged(tmp_path, path, stat) is None
