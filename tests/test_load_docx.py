"""The DOCX reader: body order, two-column tables, table grids as spans, text boxes, notes, errors.

The documents are built here with python-docx from text the team wrote; the test over
the shared corpus skips when /work/shared is not there.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from pipeline.core.errors import ReadError
from pipeline.load import docx as reader
from tests.conftest import SHARED, reader_cer

W = reader.W

HEADER = [(["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
          (["Số: 27/KH-UBND"], ["Hòa Bình, ngày 05 tháng 3 năm 2024"])]
SUBJECT_BOX = "V/v chuẩn bị lực lượng ứng phó mùa mưa bão"
TASK = "1. Ban Chỉ huy phòng, chống thiên tai xã rà soát phương án sơ tán dân cư vùng trũng thấp."
FOOTNOTE = "Theo Quyết định số 15/QĐ-UBND ngày 10/01/2024 của Ủy ban nhân dân huyện."
ASSIGNMENTS = [["Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
               ["Rà soát phương án sơ tán", "Công an xã", "Các thôn", "Tháng 4/2024"],
               ["Kiểm tra đê bao, cống tiêu", None, "Ban Chỉ huy quân sự xã", "Tháng 5/2024"],
               ["Văn phòng tổng hợp, báo cáo kết quả", None, None, "Tháng 12/2024"]]
SIGNATURE = (["Nơi nhận:", "- UBND huyện (để b/c);", "- Lưu: VT."],
             ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Trần Văn Bình"])


def _fill(cell, lines: list[str]) -> None:
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _two_columns(document, rows) -> None:
    table = document.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        _fill(table.cell(r, 0), left)
        _fill(table.cell(r, 1), right)


def _assignment_table(document) -> None:
    table = document.add_table(rows=4, cols=4)
    for r, row in enumerate(ASSIGNMENTS):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(2, 1))   # one chủ trì for two tasks: vMerge
    table.cell(3, 0).merge(table.cell(3, 2))   # a row-wide task: gridSpan 3


def _text_box(paragraph, text: str) -> None:
    """A DrawingML text box with its VML fallback, as Word writes both copies."""
    xml = f"""<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
      xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"
      xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
      xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
      xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
      <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData
        uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>
        <w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>
      </wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
      <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"""
    paragraph.add_run()._r.append(etree.fromstring(xml))


def _footnote(document, paragraph, text: str) -> None:
    notes = f"""<w:footnotes xmlns:w="{W}">
      <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
      <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>
      </w:footnote></w:footnotes>"""
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    paragraph.add_run()._r.append(etree.fromstring(f'<w:footnoteReference xmlns:w="{W}" w:id="1"/>'))


def _nested_table(document) -> None:
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Danh sách thôn"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for r, row in enumerate([["Thôn Đông", "45 hộ"], ["Thôn Tây", "38 hộ"]]):
        for c, value in enumerate(row):
            inner.cell(r, c).text = value


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    """A Kế hoạch of a commune, built the way Word users lay one out."""
    document = docx.Document()
    _two_columns(document, HEADER)
    document.add_paragraph("KẾ HOẠCH")
    _text_box(document.add_paragraph("Phòng, chống thiên tai năm 2024"), SUBJECT_BOX)
    document.add_paragraph("")
    document.add_paragraph("   ")
    greeting = document.add_paragraph().add_run("Kính gửi:\t\tBan Chỉ huy quân sự xã,")
    greeting.add_break()
    greeting.add_text("các thôn trong xã.")
    _footnote(document, document.add_paragraph(TASK), FOOTNOTE)
    _assignment_table(document)
    _nested_table(document)
    _two_columns(document, [SIGNATURE])
    path = tmp_path_factory.mktemp("docx") / "ke-hoach.docx"
    document.save(path)
    return path


@pytest.fixture(scope="module")
def loaded(plan):
    return reader.read(plan)


def _cells(loaded, table) -> list[list[str]]:
    return [[loaded.text[start:end] for start, end in row] for row in table.rows]


def test_reading_order(loaded):
    header = [line for row in HEADER for cell in row for line in cell]
    assignments = [value for row in ASSIGNMENTS for value in row if value is not None]
    signature = [line for cell in SIGNATURE for line in cell if line]
    assert loaded.text.split("\n") == [
        *header, "KẾ HOẠCH", "Phòng, chống thiên tai năm 2024", SUBJECT_BOX,
        "Kính gửi:\tBan Chỉ huy quân sự xã,", "các thôn trong xã.", TASK,
        *assignments, "Danh sách thôn", "Thôn Đông", "45 hộ", "Thôn Tây", "38 hộ",
        *signature, FOOTNOTE]
    assert loaded.format == "docx" and loaded.pages is None
    assert not loaded.unreadable and loaded.warnings == []


def test_text_box_is_read_once(loaded):
    # Word stores a text box twice (DrawingML and VML fallback).
    assert loaded.text.count(SUBJECT_BOX) == 1


def test_two_column_tables_are_cells_of_spans(loaded):
    header, signature = loaded.tables[0], loaded.tables[-1]
    assert _cells(loaded, header) == [["\n".join(left), "\n".join(right)] for left, right in HEADER]
    assert _cells(loaded, signature) == [["\n".join(SIGNATURE[0]), "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Bình"]]


def test_assignment_grid_repeats_merged_spans_not_text(loaded):
    table = loaded.tables[1]
    assert _cells(loaded, table) == [
        ASSIGNMENTS[0], ASSIGNMENTS[1],
        ["Kiểm tra đê bao, cống tiêu", "Công an xã", "Ban Chỉ huy quân sự xã", "Tháng 5/2024"],
        ["Văn phòng tổng hợp, báo cáo kết quả"] * 3 + ["Tháng 12/2024"]]
    assert table.rows[2][1] == table.rows[1][1]  # the vMerge continuation points at the cell above
    assert loaded.text.count("Công an xã") == 1
    assert loaded.text.count("Văn phòng tổng hợp") == 1


def test_nested_table_follows_its_parent(loaded):
    outer, inner = loaded.tables[2], loaded.tables[3]
    assert _cells(loaded, outer) == [["Danh sách thôn", "Thôn Đông\n45 hộ\nThôn Tây\n38 hộ"]]
    assert _cells(loaded, inner) == [["Thôn Đông", "45 hộ"], ["Thôn Tây", "38 hộ"]]
    assert len(loaded.tables) == 5


def test_document_without_text_is_unreadable(tmp_path):
    path = tmp_path / "trong.docx"
    document = docx.Document()
    document.add_paragraph("")
    document.save(path)
    loaded = reader.read(path)
    assert loaded.unreadable and loaded.text == "" and loaded.warnings


def _zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ghi-chu.txt", "Tệp nén, không phải văn bản Word.")


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("Văn bản thường, không phải Word.", encoding="utf-8"), "not a ZIP archive"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)), "encrypted .docx or a legacy .doc"),
    (lambda p: p.write_bytes(b""), "not a ZIP archive"),
    (_zip_without_document, "not a readable Word document"),
])
def test_unopenable_files_raise_read_error(tmp_path, make, message):
    path = tmp_path / "hong.docx"
    make(path)
    with pytest.raises(ReadError, match=message):
        reader.read(path)


def test_truncated_docx_raises_read_error(tmp_path, plan):
    path = tmp_path / "cut.docx"
    data = plan.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError):
        reader.read(path)


# --- the shared corpus -----------------------------------------------------------------------

def test_shared_documents_are_close_to_their_transcripts():
    if not (SHARED / "corpus").is_dir() or not (SHARED / "transcripts").is_dir():
        pytest.skip(f"{SHARED} (the shared corpus and transcripts) is not on this machine")
    cer = reader_cer().cer
    checked = 0
    for path in sorted((SHARED / "corpus").glob("d*.docx")):
        transcript = SHARED / "transcripts" / f"{path.stem}.txt"
        if transcript.exists():
            assert cer(reader.read(path).text, transcript.read_text(encoding="utf-8")) < 0.05, path.name
            checked += 1
    if not checked:
        pytest.skip(f"no d*.docx with a transcript in {SHARED}")


# --- Word's own list numbering ----------------------------------------------------------------

def _outline_list(document, num_id: int = 90) -> None:
    """A multi-level list as directives use one: I. / 1. / a) / bullet, restarting below."""
    levels = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "\uf0be")]
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering = document.part.numbering_part.element
    numbering.insert(0, etree.fromstring(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{num_id}">{lvls}</w:abstractNum>'))
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    numbering.append(etree.fromstring(
        f'<w:num xmlns:w="{W}" w:numId="{num_id + 1}"><w:abstractNumId w:val="{num_id}"/>'
        f'<w:lvlOverride w:ilvl="1"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'))


def _numbered(document, text: str, num_id: int | None, ilvl: int = 0):
    paragraph = document.add_paragraph(text)
    if num_id is not None:
        paragraph._p.get_or_add_pPr().append(etree.fromstring(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def test_auto_numbered_paragraphs_are_read_with_the_labels_word_shows(tmp_path):
    document = docx.Document()
    _outline_list(document)
    _numbered(document, "NHIỆM VỤ CHUNG", 90, 0)
    _numbered(document, "Sở Nội vụ chủ trì rà soát.", 90, 1)
    _numbered(document, "Sở Tài chính bố trí kinh phí:", 90, 1)
    _numbered(document, "trước ngày 15 hằng tháng;", 90, 2)
    _numbered(document, "", 90, 2)                         # an empty item still takes its letter
    _numbered(document, "báo cáo quý.", 90, 2)
    _numbered(document, "các huyện phối hợp.", 90, 3)
    _numbered(document, "TỔ CHỨC THỰC HIỆN", 90, 0)
    _numbered(document, "Văn phòng theo dõi.", 90, 1)     # decimal starts again under II
    _numbered(document, "Tiếp theo mục khác.", 91, 1)     # another list on the same levels, from 4
    document.add_paragraph("Điều khoản thi hành", style="List Number")  # numbered through its style
    paragraph = document.add_paragraph("Không đánh số", style="List Number")
    paragraph._p.get_or_add_pPr().append(etree.fromstring(
        f'<w:numPr xmlns:w="{W}"><w:numId w:val="0"/></w:numPr>'))  # numId 0: numbering switched off
    path = tmp_path / "danh-so.docx"
    document.save(path)
    assert reader.read(path).text.split("\n") == [
        "I. NHIỆM VỤ CHUNG",
        "1. Sở Nội vụ chủ trì rà soát.",
        "2. Sở Tài chính bố trí kinh phí:",
        "a) trước ngày 15 hằng tháng;",
        "c) báo cáo quý.",
        "- các huyện phối hợp.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng theo dõi.",
        "4. Tiếp theo mục khác.",
        "1. Điều khoản thi hành",
        "Không đánh số",
    ]
