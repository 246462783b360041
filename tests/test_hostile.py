"""Hostile and huge inputs: each gets a record with a clear warning, memory stays bounded, and the
good document beside them still gets its record.

The files are built here, on the fly: a .docx whose document.xml inflates far past its size on
disk, a .docx declaring nested XML entities ("billion laughs"), HTML nested 100,000 deep, a page
of bare tags, a single 50 MB line, and a PDF of 10,000 empty pages. The command line runs over
them as a user would, in a child process whose peak memory is measured.
"""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_cli import GOOD

docx = pytest.importorskip("docx")

W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PEAK_MB = 400


def _word_file(path: Path, document_xml) -> None:
    """A real .docx from python-docx, its document.xml replaced by what `document_xml` writes."""
    buffer = io.BytesIO()
    made = docx.Document()
    made.add_paragraph("Sở Nội vụ chủ trì thực hiện.")
    made.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                with target.open("word/document.xml", "w", force_zip64=True) as handle:
                    document_xml(handle)
            else:
                target.writestr(info, source.read(info.filename))


def _bomb(handle, megabytes: int = 64) -> None:
    handle.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W_NS + b"><w:body>")
    paragraphs = "<w:p><w:r><w:t>Ủy ban nhân dân tỉnh giao Sở Tài chính.</w:t></w:r></w:p>".encode() * 10_000
    for _ in range(megabytes * 2**20 // len(paragraphs)):
        handle.write(paragraphs)
    handle.write(b"</w:body></w:document>")


def _laughs(handle) -> None:
    entities = b"".join(b'<!ENTITY e%d "%s">' % (i, b"&e%d;" % (i - 1) * 10) for i in range(1, 10))
    handle.write(b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e0 "ha">' + entities + b"]>"
                 b"<w:document " + W_NS + b"><w:body><w:p><w:r><w:t>&e9;</w:t></w:r></w:p></w:body></w:document>")


def _empty_pages(path: Path, pages: int) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas", reason="reportlab (a dev dependency) draws the PDF")
    drawing = canvas.Canvas(str(path))
    for _ in range(pages):
        drawing.showPage()
    drawing.save()


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "chi-thi-tot.txt").write_text(GOOD, encoding="utf-8")
    _word_file(folder / "bom-nen.docx", _bomb)
    _word_file(folder / "thuc-the.docx", _laughs)
    (folder / "long-sau.html").write_text("<html><body>" + "<div>" * 100_000 + "Chỉ thị" + "</div>" * 100_000
                                          + "</body></html>", encoding="utf-8")
    (folder / "the-tran.html").write_text("<html><body><div class=content>" + "<i>x</i>" * 300_000
                                          + "</div></body></html>", encoding="utf-8")
    line = "Sở Y tế chủ trì, phối hợp với các sở kiểm tra. ".encode()
    (folder / "mot-dong.txt").write_bytes((line * (50 * 2**20 // len(line) + 1))[:50 * 2**20])
    _empty_pages(folder / "trang-trang.pdf", 10_000)
    return folder


def run_measured(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    """The command line in a child of a child: the middle one reports the peak resident memory
    of the command and its workers (RUSAGE_CHILDREN: the largest of them), in MB."""
    probe = ("import resource, subprocess, sys\n"
             "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "sys.stdout.write(done.stdout)\n"
             "sys.stderr.write(done.stderr)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
             "sys.exit(done.returncode)\n")
    result = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "pipeline", *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return result, peak_kb / 1024


def _records(out: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


# (file, status, words its warning must contain)
EXPECTED = [
    ("bom-nen", "failed", ["inflates to", "word/document.xml", "size limit", "--max-mb"]),
    ("thuc-the", "failed", ["DTD", "entit"]),
    ("long-sau", "failed", ["nest too deeply"]),
    ("the-tran", "failed", ["elements", "--max-mb"]),
    ("mot-dong", "failed", ["size limit", "--max-mb"]),
    ("trang-trang", "failed", ["every page is blank"]),
]


def test_hostile_files_get_records_and_warnings_in_bounded_memory(hostile_folder, tmp_path, validate):
    out = tmp_path / "out"
    started = time.monotonic()
    result, peak = run_measured("extract", str(hostile_folder), "--out", str(out), "--workers", "1")
    assert result.returncode == 1, result.stderr          # the hostile ones failed, the batch went on
    assert time.monotonic() - started < 60
    records = _records(out)
    assert records["chi-thi-tot"]["status"] == "ok"
    assert records["chi-thi-tot"]["document"]["number"] == "11/CT-UBND"
    for name, status, words in EXPECTED:
        record = records[name]
        validate(record)
        warnings = " ".join(record["warnings"])
        assert record["status"] == status, (name, warnings)
        for word in words:
            assert word.lower() in warnings.lower(), (name, word, warnings)
    print(f"peak memory {peak:.0f} MB")
    assert peak < PEAK_MB, f"peak memory {peak:.0f} MB"


def test_a_50_mb_line_let_through_is_stopped_by_the_memory_limit(hostile_folder, tmp_path):
    """With the size limit raised, the line is read; the worker that swells on it is stopped,
    its document gets a failed record, and the next document gets its record from a new worker."""
    folder = tmp_path / "in"
    folder.mkdir()
    os.link(hostile_folder / "mot-dong.txt", folder / "a-mot-dong.txt")
    (folder / "b-chi-thi-tot.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result, peak = run_measured("extract", str(folder), "--out", str(out), "--workers", "1", "--max-mb", "64",
                                "--max-memory-mb", "250")
    records = _records(out)
    assert records["b-chi-thi-tot"]["status"] == "ok"
    line = records["a-mot-dong"]
    assert line["status"] == "failed" and "--max-memory-mb" in line["warnings"][0], line["warnings"]
    print(f"peak memory {peak:.0f} MB")
    assert peak < PEAK_MB, f"peak memory {peak:.0f} MB"


# --- the worker pool: a hung, dead or failing worker costs only its own document -------------------

def _misbehaving(original):
    def process(path, *args, **kwargs):
        if "treo" in path.name:
            time.sleep(60)
        if "chet" in path.name:
            os.kill(os.getpid(), signal.SIGKILL)
        if "loi" in path.name:
            raise RecursionError("maximum recursion depth exceeded")
        return original(path, *args, **kwargs)
    return process


@pytest.mark.parametrize("workers", [1, 2])
def test_a_hung_or_dead_worker_is_replaced_and_the_batch_goes_on(tmp_path, monkeypatch, workers):
    import pipeline.run
    from pipeline.batch import corpus as batch

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a-treo", "b-tot", "c-chet", "d-tot", "e-loi", "f-tot"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    # Workers are forked from this process, so they run the patched stage, and start with the
    # language data it loaded here: a good document takes well under the 2 s limit even on a
    # loaded machine.
    pipeline.run.process(folder / "b-tot.txt", "warm-up")
    monkeypatch.setattr(pipeline.run, "process", _misbehaving(pipeline.run.process))
    out = tmp_path / "out"
    started = time.monotonic()
    summary = batch.process_corpus([folder], out, workers=workers, timeout=2)
    assert time.monotonic() - started < 30
    records = _records(out)
    assert {name: r["status"] for name, r in records.items()} == {
        "a-treo": "failed", "b-tot": "ok", "c-chet": "failed", "d-tot": "ok", "e-loi": "failed", "f-tot": "ok"}
    assert "time limit of 2 s" in records["a-treo"]["warnings"][0]
    assert "--timeout-s" in records["a-treo"]["warnings"][0]
    assert "died" in records["c-chet"]["warnings"][0]
    assert "RecursionError" in records["e-loi"]["warnings"][0]
    assert summary.failed == 3 and summary.read == 6


def test_serial_without_limits_still_records_an_unexpected_error(tmp_path, monkeypatch):
    import pipeline.run
    from pipeline.batch import corpus as batch

    monkeypatch.setattr(pipeline.run, "process", _misbehaving(pipeline.run.process))
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a-loi", "b-tot"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    summary = batch.process_corpus([folder], tmp_path / "out", workers=1, timeout=None, max_memory=None)
    records = _records(tmp_path / "out")
    assert records["a-loi"]["status"] == "failed" and records["b-tot"]["status"] == "ok"
    assert summary.failed == 1


def test_a_worker_that_died_while_idle_is_replaced_before_its_next_document(tmp_path):
    from pipeline.batch.pool import Pool

    pool = Pool(1, _echo, (), timeout=5, on_lost=lambda job, reason: reason)
    pool.start(1)                                # started early, as a run starts its first worker
    (idle,) = pool.workers
    idle.process.kill()                          # dies before it is given anything
    idle.process.join()
    assert list(pool.run(iter(["a", "b"]))) == [("a", "A"), ("b", "B")]


def _echo(job: str) -> str:
    return job.upper()


def test_a_worker_warms_up_before_its_first_document(tmp_path):
    from pipeline.batch.pool import Pool

    mark = tmp_path / "warmed"
    pool = Pool(1, _read_mark, (str(mark),), timeout=5, on_lost=lambda job, reason: reason,
                warm=lambda: mark.write_text("yes"))
    assert list(pool.run(iter(["a"]))) == [("a", "a:yes")]


def test_a_run_with_nothing_to_do_does_not_wait_for_a_worker_warming_up():
    import time

    from pipeline.batch.pool import Pool

    pool = Pool(1, _echo, (), timeout=5, on_lost=lambda job, reason: reason, warm=lambda: time.sleep(30))
    started = time.monotonic()
    assert list(pool.run(iter([]))) == []
    assert time.monotonic() - started < 5


def _read_mark(job: str, mark: str) -> str:
    from pathlib import Path

    return f"{job}:{Path(mark).read_text()}"


def _started_at(job: str) -> float:
    import time

    return time.time()


def test_a_worker_goes_on_to_its_next_document_while_the_outcome_of_the_last_is_recorded():
    import time

    from pipeline.batch.pool import Pool

    pool = Pool(1, _started_at, (), timeout=30, on_lost=lambda job, reason: reason)
    handled = {}
    started = {}
    for job, at in pool.run(iter(["a", "b", "c"])):
        started[job] = at
        time.sleep(0.3)                       # a slow caller: the manifest, the progress bar
        handled[job] = time.time()
    assert started["b"] < handled["a"] and started["c"] < handled["b"]


def test_jobs_found_ahead_are_all_done_once_in_order_with_one_worker():
    from pipeline.batch.pool import Pool

    pulled = []

    def jobs():
        for job in "abcde":
            pulled.append(job)
            yield job

    pool = Pool(1, _echo, (), timeout=30, on_lost=lambda job, reason: reason)
    assert [(job, outcome) for job, outcome in pool.run(jobs())] == [(j, j.upper()) for j in "abcde"]
    assert pulled == list("abcde")
