"""Word (.docx) bodies, in reading order, with their tables as grids of spans.

The body is walked as Word stores it: paragraphs and tables interleaved. The
header (issuer | Quốc hiệu) and the closing (Nơi nhận | signer) of an official
document are usually borderless two-column tables, so a table is read row by
row and cell by cell, left cell first: the issuer block comes out before the
Quốc hiệu, as a reader would take it. Text boxes (the trích yếu "V/v …" is often
one) follow the paragraph they are anchored in; footnotes and endnotes come at
the end, in the order they are cited.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx  # python-docx: finds the main part through the relationships, whatever its name
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from pipeline.load import legacy_fonts
from pipeline.core.doc import Loaded, Table
from pipeline.core.errors import PipelineError, ReadError
from pipeline.load import DEFAULT_MAX_BYTES, limits
from pipeline.load.columns import reading_order
from pipeline.load.word_numbering import Numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


P, TBL, TR, TC, SDT, SDT_CONTENT = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("sdt"), _w("sdtContent")
T, TAB, PTAB, BR, CR = _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr")
NO_BREAK_HYPHEN, TXBX_CONTENT = _w("noBreakHyphen"), _w("txbxContent")
FOOTNOTE_REF, ENDNOTE_REF = _w("footnoteReference"), _w("endnoteReference")
ALTERNATE, CHOICE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
# Subtrees holding no reading text: properties (w:pPr holds tab-stop definitions, also named
# w:tab), deleted or moved-away revisions, field codes, comments' anchors.
_SKIP = {_w(n) for n in ("pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "sdtPr", "sdtEndPr", "del",
                         "moveFrom", "instrText", "delText", "delInstrText", "commentReference",
                         "annotationRef")}
_BLOCK_WRAPPERS = {_w("customXml"), SDT_CONTENT, _w("ins"), _w("moveTo")}
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
# As python-docx parses the main part: entities never expanded, nothing fetched, lxml's
# depth and text-node limits kept (limits.py refuses a part with a DTD before this).
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def read(path: Path, max_bytes: int | None = None) -> Loaded:
    document, notes, numbering = _open(path, max_bytes)
    body = document.find(_w("body"))
    if body is None:
        raise ReadError("the Word document has no body")
    writer = _Writer(numbering)
    writer.blocks(body)
    writer.flush()
    writer.notes(notes)
    writer.flush()
    text = writer.text()
    if not text.strip():
        return Loaded(text="", format="docx", warnings=["no text in the document body (only images?)"],
                      unreadable=True)
    return legacy_fonts.repaired(Loaded(text=text, format="docx", tables=writer.tables))


# --- the package -----------------------------------------------------------------------------

def _open(path: Path, max_bytes: int | None = None
          ) -> tuple[etree._Element, dict[str, dict[str, etree._Element]], Numbering]:
    """The main document's XML, its footnotes/endnotes by id and its list numbering, via
    python-docx's package (which inflates every part: their sizes are checked first)."""
    if not zipfile.is_zipfile(path):
        raise ReadError(_not_zip(path))
    try:
        with zipfile.ZipFile(path) as archive:
            limits.check_package(archive, max_bytes or DEFAULT_MAX_BYTES)
    except PipelineError:
        raise
    except Exception as exc:  # zipfile's errors for a damaged archive: BadZipFile, zlib.error, EOFError…
        raise ReadError(f"not a readable Word document: {type(exc).__name__}: {exc}") from exc
    try:
        package = docx.Document(str(path))
    except Exception as exc:  # python-docx lets KeyError, ValueError, lxml and zipfile errors through
        raise ReadError(f"not a readable Word document: {type(exc).__name__}: {exc}") from exc
    part = package.part
    notes = {kind: _note_bodies(part, reltype) for kind, reltype in
             (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES))}
    numbering = Numbering(_related_xml(part, RT.NUMBERING), _related_xml(part, RT.STYLES))
    return part.element, notes, numbering


def _not_zip(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(4)
    if head == _OLE2_MAGIC:
        # Word saves password-protected .docx files, and old .doc files, as OLE2 containers.
        return "not a .docx (ZIP) file but an OLE2 one: an encrypted .docx or a legacy .doc"
    return "not a .docx file: not a ZIP archive (truncated or mislabelled?)"


def _related_xml(part, reltype: str) -> etree._Element | None:
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return etree.fromstring(rel.target_part.blob, _PARSER)
    return None


def _note_bodies(part, reltype: str) -> dict[str, etree._Element]:
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob, _PARSER)
            return {note.get(_w("id")): note for note in root}
    return {}


# --- the text --------------------------------------------------------------------------------

class _Writer:
    """Lines of text in reading order, remembering where each table cell's text went."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.lines: list[str] = []
        self.starts: list[int] = []  # offset of each line in the joined text
        self.end = 0                 # length of the joined text so far
        self.tables: list[Table] = []
        self.cited: list[tuple[str, str]] = []  # (footnote|endnote, id), in citing order
        # Paragraphs outside tables wait here: a header typed as "ỦY BAN …<tab>CỘNG HÒA …" lines is
        # put in reading order (left column, then right) before it is written.
        self.pending: list[str] = []
        self.depth = 0

    def text(self) -> str:
        return "\n".join(self.lines)

    def add(self, line: str) -> None:
        start = self.end + 1 if self.lines else 0
        self.lines.append(line)
        self.starts.append(start)
        self.end = start + len(line)

    def blocks(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self.paragraph(child)
            elif tag == TBL:
                self.table(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.blocks(content)
            elif tag in _BLOCK_WRAPPERS:
                self.blocks(child)
            elif tag == ALTERNATE:
                self.blocks(_chosen(child))

    def paragraph(self, p: etree._Element) -> None:
        pieces: list[str] = []
        boxes: list[etree._Element] = []
        label = self.numbering.label(p)  # counted even on an empty paragraph, as Word does
        self.inline(p, pieces, boxes)
        lines = [_clean(line) for line in "".join(pieces).split("\n")]
        if label and lines and lines[0]:
            lines[0] = label + lines[0]
        text = "\n".join(line for line in lines if line)
        if text and self.depth == 0:
            self.pending.append(text)
        elif text:
            self.add(text)
        for box in boxes:
            self.blocks(box)

    def inline(self, element: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        for child in element:
            tag = child.tag
            if tag == T:
                pieces.append(child.text or "")
            elif tag in (TAB, PTAB):
                pieces.append("\t")
            elif tag in (BR, CR):
                pieces.append("\n")  # a page or column break inside a paragraph also ends a line
            elif tag == NO_BREAK_HYPHEN:
                pieces.append("-")
            elif tag == TXBX_CONTENT:
                boxes.append(child)
            elif tag == ALTERNATE:
                # Choice (DrawingML) and Fallback (VML) hold the same text box: read one.
                self.inline(_chosen(child), pieces, boxes)
            elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
                self.cited.append(("footnote" if tag == FOOTNOTE_REF else "endnote", child.get(_w("id"))))
            elif tag not in _SKIP and isinstance(tag, str):
                self.inline(child, pieces, boxes)

    def flush(self) -> None:
        if self.pending:
            self.add(reading_order("\n".join(self.pending)))
            self.pending = []

    def table(self, tbl: etree._Element) -> None:
        self.flush()
        self.depth += 1
        try:
            self._table(tbl)
        finally:
            self.depth -= 1

    def _table(self, tbl: etree._Element) -> None:
        table = Table(rows=[])
        self.tables.append(table)  # before the cells, so a nested table comes after its parent
        above: dict[int, tuple[int, int]] = {}  # grid column → span of the cell last seen there
        for tr in _children(tbl, TR):
            table.rows.append(self.row(tr, above))

    def row(self, tr: etree._Element, above: dict[int, tuple[int, int]]) -> list[tuple[int, int]]:
        """One span per grid column: a cell spanning columns, or merged with the cell above
        (vMerge continuation), repeats that cell's span instead of its text."""
        spans: list[tuple[int, int]] = []
        empty = (self.end, self.end)
        spans.extend([empty] * _int_prop(tr, "trPr", "gridBefore"))
        for tc in _children(tr, TC):
            width = max(1, _int_prop(tc, "tcPr", "gridSpan"))
            column = len(spans)
            if _continues_merge(tc) and column in above:
                span = above[column]
            else:
                span = self.cell(tc)
            for offset in range(width):
                above[column + offset] = span
            spans.extend([span] * width)
        return spans

    def cell(self, tc: etree._Element) -> tuple[int, int]:
        first = len(self.lines)
        self.blocks(tc)
        if len(self.lines) == first:
            return (self.end, self.end)
        return (self.starts[first], self.end)

    def notes(self, bodies: dict[str, dict[str, etree._Element]]) -> None:
        seen = set()
        for kind, note_id in self.cited:
            note = bodies.get(kind, {}).get(note_id)
            if note is not None and (kind, note_id) not in seen:
                seen.add((kind, note_id))
                self.blocks(note)


def _chosen(alternate: etree._Element) -> etree._Element:
    """The first Choice of an mc:AlternateContent, else its Fallback (an empty element if none)."""
    for branch in (CHOICE, FALLBACK):
        found = alternate.find(branch)
        if found is not None:
            return found
    return etree.Element(FALLBACK)


def _children(parent: etree._Element, tag: str):
    """Rows of a table or cells of a row, also when wrapped in content controls or custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (SDT, SDT_CONTENT, _w("customXml")):
            yield from _children(child, tag)


def _int_prop(element: etree._Element, props: str, name: str) -> int:
    found = element.find(f"{_w(props)}/{_w(name)}")
    value = found.get(_w("val")) if found is not None else None
    return int(value) if value and value.isdigit() else 0


def _continues_merge(tc: etree._Element) -> bool:
    merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
    return merge is not None and merge.get(_w("val"), "continue") == "continue"


def _clean(line: str) -> str:
    """The line without outer blanks, runs of tabs (and the spaces around them) made one tab.

    Tabs align the parts of a line (a date pushed right, a leader before a name): one is
    enough. Split rather than a regular expression: drafts carry thousands of padding spaces,
    on which a backtracking pattern goes quadratic.
    """
    return "\t".join(part for part in (piece.strip() for piece in line.split("\t")) if part)
