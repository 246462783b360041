"""The team's sample corpus: scripts/make_samples.py rebuilds corpus/ from scripts/samples/,
and each file carries the layout it is there to exercise."""
from __future__ import annotations

import codecs
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import docx
import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "make_samples.py"
SOURCES = ROOT / "scripts" / "samples"
CORPUS = ROOT / "corpus"
DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx"}
HEADER_WORDS = ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số:")

# Open syllables oa, oe, uy: the old placement puts the tone on the last vowel ("hoà", "Uỷ"),
# the modern one on the first ("hòa", "Ủy"); "quý" is the same in both.
OLD_TONES = re.compile(r"(?<![\wq])\w*(?:o[àáảãạèéẻẽẹ]|(?<!q)u[ỳýỷỹỵ])(?!\w)", re.IGNORECASE)
MODERN_TONES = re.compile(r"(?<![\wq])\w*(?:[òóỏõọ][ae]|(?<!q)[ùúủũụ]y)(?!\w)", re.IGNORECASE)
OLD_TONE_SAMPLE = "s02_"


def documents(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES}


def build(out: Path) -> Path:
    subprocess.run([sys.executable, str(SCRIPT), str(out)], check=True, capture_output=True, text=True)
    return out


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("corpus"))


def pdf_text(path: Path) -> tuple[set[str], str]:
    """The fonts used and the words of the text layer, page-number lines left out."""
    with pdfplumber.open(path) as pdf:
        fonts = {c["fontname"].partition("+")[2] for page in pdf.pages for c in page.chars}
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    return fonts, " ".join(" ".join(line for line in lines if not line.strip().isdigit()).split())


def docx_text(path: Path) -> str:
    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_make_samples_regenerates_every_file(rebuilt):
    assert sorted(documents(rebuilt)) == sorted(documents(CORPUS)), "corpus/ is stale: run scripts/make_samples.py"


@pytest.mark.parametrize("name", sorted(n for n, p in documents(CORPUS).items() if p.suffix in (".txt", ".html", ".htm")))
def test_text_formats_are_byte_identical(rebuilt, name):
    assert (rebuilt / name).read_bytes() == (CORPUS / name).read_bytes(), f"corpus/{name} is stale"


@pytest.mark.parametrize("name", sorted(n for n, p in documents(CORPUS).items() if p.suffix in (".pdf", ".docx")))
def test_pdf_and_docx_carry_the_same_text(rebuilt, name):
    if name.endswith(".docx"):
        assert docx_text(rebuilt / name) == docx_text(CORPUS / name), f"corpus/{name} is stale"
        return
    (fonts, text), (checked_in_fonts, checked_in_text) = pdf_text(rebuilt / name), pdf_text(CORPUS / name)
    if fonts != checked_in_fonts:
        pytest.skip(f"this machine draws with {sorted(fonts)}, the corpus with {sorted(checked_in_fonts)}")
    assert text == checked_in_text, f"corpus/{name} is stale"


def test_runs_are_reproducible(rebuilt, tmp_path):
    again = build(tmp_path)
    for name in documents(rebuilt):
        assert (again / name).read_bytes() == (rebuilt / name).read_bytes(), f"{name} differs between runs"


def test_the_corpus_has_every_format():
    suffixes = [p.suffix for p in documents(CORPUS).values()]
    for suffix in (".txt", ".pdf", ".docx"):
        assert suffixes.count(suffix) >= 2, suffix
    assert suffixes.count(".html") + suffixes.count(".htm") >= 2


@pytest.mark.parametrize("name", sorted(n for n in documents(CORPUS) if n.endswith(".pdf")))
def test_pdfs_draw_the_header_in_two_columns(name):
    with pdfplumber.open(CORPUS / name) as pdf:
        first = pdf.pages[0].extract_text()
    for words in HEADER_WORDS:
        assert words in first, words
    # issuer left and Quốc hiệu right are drawn on the same baseline
    assert any("ỦY BAN NHÂN DÂN" in line and "CỘNG HÒA" in line for line in first.splitlines())


@pytest.mark.parametrize("name", sorted(n for n in documents(CORPUS) if n.endswith(".docx")))
def test_docx_keep_header_and_signature_in_tables(name):
    tables = docx.Document(CORPUS / name).tables
    assert len(tables) >= 2, "header and signature tables"
    issuer, national = (cell.text for cell in tables[0].rows[0].cells)
    assert "ỦY BAN NHÂN DÂN" in issuer and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in national
    assert "Nơi nhận" in tables[-1].rows[0].cells[0].text


def test_ke_hoach_has_an_assignment_table():
    (path,) = CORPUS.glob("*ke-hoach*.docx")
    headings = [[cell.text for cell in table.rows[0].cells] for table in docx.Document(path).tables]
    assert ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"] in headings


def test_text_files_use_the_encodings_they_exercise():
    texts = {p.name: p.read_bytes() for p in CORPUS.glob("*.txt")}
    utf16 = [data for name, data in texts.items() if data.startswith(codecs.BOM_UTF16_LE)]
    assert len(utf16) == 1 and b"\r\x00\n\x00" in utf16[0]
    assert "Độc lập - Tự do - Hạnh phúc" in utf16[0].decode("utf-16")
    for data in texts.values():
        if not data.startswith(codecs.BOM_UTF16_LE):
            assert not data.startswith(codecs.BOM_UTF8)
            assert "ỦY BAN NHÂN DÂN" in data.decode("utf-8")


def test_tone_placement_is_modern_except_in_one_sample():
    for source in sorted(SOURCES.glob("s*.txt")):
        text = source.read_text(encoding="utf-8")
        old, modern = OLD_TONES.findall(text), MODERN_TONES.findall(text)
        if source.name.startswith(OLD_TONE_SAMPLE):
            assert old and not modern, (source.name, modern)
        else:
            assert not old, (source.name, old)


def test_missing_font_fails_with_a_clear_message(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("make_samples", SCRIPT)
    make_samples = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_samples", make_samples)  # its dataclasses look themselves up
    spec.loader.exec_module(make_samples)
    monkeypatch.setattr(make_samples, "font_dirs", lambda: iter([tmp_path]))
    with pytest.raises(SystemExit) as stopped:
        make_samples.find_fonts()
    assert "fonts-dejavu-core" in str(stopped.value)


def test_a_sample_numbered_by_word_reads_back_with_its_labels():
    # s08's sections and items are Word list paragraphs (`numbering: word`): the labels are
    # not in the runs' text, only in numbering.xml, and the reader draws them back.
    from pipeline.load import docx as reader
    (path,) = CORPUS.glob("s08*.docx")
    typed = [p.text for p in docx.Document(path).paragraphs]
    assert not any(re.match(r"(\d+\.|[a-z]\)) ", line) for line in typed)
    lines = reader.read(path).text.splitlines()
    assert [line[:3] for line in lines if re.match(r"\d+\. ", line)] == [f"{n}. " for n in range(1, 9)]
    assert sum(bool(re.match(r"[a-d]\) ", line)) for line in lines) >= 8
