"""Working objects that flow between the stages.

A loader turns a file into `Loaded` (text in reading order, plus the tables it
saw); `normalize` turns that into the `Doc` every later stage reads, whose
`text` is the one string all spans index into. Stages add their findings to
the `Doc`; `run.py` turns it into the output record at the end.

This module imports no stage.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import compress, islice, repeat
from operator import add, ne
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.records import Body, Deadline, DocumentInfo, Reference, Source, Target, Task

Span = tuple[int, int]  # [start, end) in characters


@dataclass
class Table:
    """A table as the loader read it: rows of cells, each cell a span of the text.

    Kế hoạch carry their assignments in tables (Nội dung | Cơ quan chủ trì | …),
    so the task stage needs the grid, not just the flattened text.
    """
    rows: list[list[Span]]


@dataclass
class Loaded:
    """What a reader returns: the text in reading order and where it came from."""
    text: str
    format: str
    pages: int | None = None
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Set when the file gave no usable text (scan without OCR, garbage font):
    # the document is then recorded as failed, with the warnings saying why.
    unreadable: bool = False
    extra: dict = field(default_factory=dict)  # source fields a reader adds (ocr, page confidences)


@dataclass
class OffsetMap:
    """For each character of the normalized text, the index in the loaded text it came from."""
    to_source: list[int]
    source_length: int

    def breakpoints(self) -> list[tuple[int, int]]:
        """The map in run-length form: (i, source index of i) wherever the offset between them changes."""
        to_source = self.to_source
        if not len(to_source):
            return []
        # The offset changes at i where to_source[i] is not to_source[i - 1] + 1: compared by iterators
        # that run in C, not a Python loop over each character of a long document.
        following = map(add, to_source, repeat(1))
        changed = compress(range(1, len(to_source)), map(ne, islice(to_source, 1, None), following))
        return [(0, to_source[0])] + [(i, to_source[i]) for i in changed]

    def source_index(self, i: int) -> int:
        if i >= len(self.to_source):
            return self.source_length
        return self.to_source[i]

    def source_span(self, span: Span) -> Span:
        start, end = span
        if end <= start:
            s = self.source_index(start)
            return s, s
        return self.source_index(start), self.source_index(end - 1) + 1

    def from_source(self, j: int) -> int:
        """The first normalized index whose source is at or after `j`."""
        return bisect_right(self.to_source, j - 1)

    def from_source_span(self, span: Span) -> Span:
        start = self.from_source(span[0])
        end = self.from_source(span[1])
        return start, max(start, end)


@dataclass
class Line:
    span: Span
    text: str


@dataclass
class Section:
    """A numbered part of the body: "I.", "1.", "1.1", "a)", "-", "Điều 3."."""
    label: str          # the number as written: "II", "2", "2.1", "b", "-", "Điều 3"
    level: int          # 1 for Roman numerals / Điều, 2 for 1., 3 for 1.1, 4 for a), 5 for dashes
    heading: Span       # the heading line (the label and what follows it on that line)
    span: Span          # heading through the end of the section's content
    parent: int | None  # index of the enclosing section in Doc.sections

    def contains(self, i: int) -> bool:
        return self.span[0] <= i < self.span[1]


@dataclass
class Layout:
    """Where the official form's parts sit in the text (Nghị định 30/2020, Phụ lục I)."""
    header: Span | None = None     # issuer, Quốc hiệu, số/ký hiệu, date line, type and trích yếu
    body: Span | None = None
    closing: Span | None = None    # Nơi nhận and the signature block (and an annex's title)
    addressees: Span | None = None  # the "Kính gửi" list
    # Bodies of the documents attached after the signature: the Kế hoạch a Quyết định issues
    # ("Ban hành kèm theo Quyết định số …"), its Phụ lục. Their instructions are the document's.
    annexes: list[Span] = field(default_factory=list)

    def bodies(self, text_length: int) -> list[Span]:
        """The body and the annexes' bodies, in order: where the instructions are."""
        return [self.body or (0, text_length), *self.annexes]


@dataclass
class Doc:
    path: Path
    id: str
    source: Source
    text: str = ""
    offsets: OffsetMap | None = None
    lines: list[Line] = field(default_factory=list)
    layout: Layout = field(default_factory=Layout)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    document: DocumentInfo = field(default_factory=DocumentInfo)
    references: list[Reference] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: bool = False
    # sections_at's index: (the list it was built for, its length, each section's start)
    _section_starts: tuple | None = field(default=None, repr=False, compare=False)

    def span_text(self, span: Span) -> str:
        return self.text[span[0]:span[1]]

    def sentence_at(self, i: int) -> Span | None:
        starts = [s for s, _ in self.sentences]
        k = bisect_right(starts, i) - 1
        if k >= 0 and self.sentences[k][0] <= i < self.sentences[k][1]:
            return self.sentences[k]
        return None

    def sections_at(self, i: int) -> list[Section]:
        """The sections enclosing position i, outermost first.

        Sections nest (segment clips a child to its parent), so those around i are the last one
        starting at or before i and its ancestors: a bisection and a walk up, not a pass over
        every section, which a 1,500-page Kế hoạch asks for each of its figures."""
        sections = self.sections
        if self._section_starts is None or self._section_starts[0] is not sections \
                or self._section_starts[1] != len(sections):
            self._section_starts = (sections, len(sections), [s.span[0] for s in sections])
        k = bisect_right(self._section_starts[2], i) - 1
        chain: list[Section] = []
        while k is not None and k >= 0:
            if sections[k].contains(i):
                chain.append(sections[k])
            k = sections[k].parent
        return chain[::-1]
