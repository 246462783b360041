"""The package's front door for Python callers: `pipeline.extract(path)` and `pipeline.extract_text(text)`.

Both must give the very record the command line writes, so a tool that imports the package and
one that reads `extracted/` see the same thing.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import pipeline
from pipeline.core.records import Record
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"
PLAN = CORPUS / "s07_ke-hoach-58-kh-ubnd-quang-ngai-chuyen-doi-so-2024.docx"
TEXT = CORPUS / "s01_chi-thi-05-ct-ubnd-gia-lai-nong-thon-moi-2024.txt"
PAGE = CORPUS / "s03_chi-thi-07-ct-ubnd-dak-lak-pcccr-2024-portal.html"


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, dict]:
    """What `python -m pipeline extract` writes for the three samples."""
    out = tmp_path_factory.mktemp("cli-out")
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(PLAN), str(TEXT), str(PAGE),
                           "--out", str(out), "--workers", "1"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


@pytest.mark.parametrize("path", [PLAN, TEXT, PAGE], ids=lambda p: p.suffix)
def test_extract_gives_the_record_the_command_line_writes(path, written):
    record = pipeline.extract(path)
    assert isinstance(record, Record)
    assert record.model_dump(mode="json") == written[record.id]


def test_extract_takes_a_string_path_and_an_id():
    record = pipeline.extract(str(PLAN), doc_id="kh-58")
    assert (record.id, record.source.path, record.source.format) == ("kh-58", str(PLAN), "docx")
    task = record.tasks[0]
    assert task.action and task.responsible and task.span[1] > task.span[0]


@pytest.mark.parametrize("path", [TEXT, PAGE], ids=lambda p: p.suffix)
def test_extract_text_reads_a_text_in_memory_as_its_file(path):
    from_file = pipeline.extract(path)
    from_memory = pipeline.extract_text(path.read_text(encoding="utf-8"), name=path.name)
    assert from_memory.id == from_file.id and from_memory.source.format == from_file.source.format
    assert from_memory.source.sha256 == from_file.source.sha256  # both files are UTF-8 without a BOM
    for field in ("text", "document", "references", "bodies", "targets", "deadlines", "tasks", "status"):
        assert getattr(from_memory, field) == getattr(from_file, field), field


def test_extract_text_hints():
    text = TEXT.read_text(encoding="utf-8")
    plain = pipeline.extract_text(text)
    assert (plain.id, plain.source.path, plain.source.format) == ("text", "text", "txt")
    assert plain.tasks and plain.status == "ok"
    named = pipeline.extract_text(text, name="Công văn số 12 (bản gửi).txt", doc_id=None)
    assert named.id == "cong-van-so-12-ban-gui" and named.source.path == "Công văn số 12 (bản gửi).txt"
    assert pipeline.extract_text(text, doc_id="cv-12").id == "cv-12"
    # the format given wins over the name's extension
    page = pipeline.extract_text(PAGE.read_text(encoding="utf-8"), name="trang.txt", format="html")
    assert page.source.format == "html" and "<div" not in page.text


def test_extract_text_of_nothing_is_a_failed_record():
    record = pipeline.extract_text("  \n ")
    assert record.status == "failed" and record.warnings == ["empty text: nothing to read"]
    assert record.document.doc_type is None and record.tasks == []


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_extract_text_refuses_formats_that_are_bytes(fmt):
    with pytest.raises(ValueError, match="pipeline.extract"):
        pipeline.extract_text("Chỉ thị", format=fmt)


def test_extract_of_no_file_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        pipeline.extract(tmp_path / "khong-co.pdf")
    with pytest.raises(FileNotFoundError):
        pipeline.extract(tmp_path)


def test_an_unreadable_file_is_a_failed_record_as_on_the_command_line(tmp_path):
    path = tmp_path / "hong.pdf"
    path.write_bytes(b"%PDF-1.7 not really")
    record = pipeline.extract(path)
    assert record.status == "failed" and record.warnings


def test_the_stage_package_is_still_a_package():
    # `pipeline.extract` is also the package of stages: its modules import and patch as before.
    import pipeline.extract.tasks as tasks_stage
    from pipeline.extract import bodies

    assert callable(pipeline.extract) and callable(bodies.find) and callable(tasks_stage.find)
    assert pipeline.extract.tasks is tasks_stage


def test_the_readme_example_runs_as_written():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    one_liner = re.search(r'^python -c "(import pipeline; [^"]+)"$', readme, re.MULTILINE)
    assert one_liner, "the README shows a one-line example"
    done = subprocess.run([sys.executable, "-c", one_liner.group(1)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("action=") and "responsible=[" in done.stdout
    block = re.search(r"```python\n(import pipeline\n.*?)```", readme, re.DOTALL)
    assert block, "the README shows the Python API in a block"
    done = subprocess.run([sys.executable, "-c", block.group(1)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
