"""Lines, the official form's parts (header, body, closing), numbered sections and sentences.

Nghị định 30/2020/NĐ-CP fixes the form: issuer and Quốc hiệu on top, then số/ký
hiệu and the date line, the type and trích yếu, an optional "Kính gửi", the
body with numbered parts, then "Nơi nhận" beside the signature block.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources
from pipeline.core.doc import Doc, Layout, Line, Section, Span
from pipeline.core.letters import UPPER


@cache
def _patterns() -> dict[str, re.Pattern]:
    data = resources.load("layout.yaml")
    return {name: re.compile(pattern.replace("{UPPER}", UPPER), re.IGNORECASE if name in data["case_insensitive"] else 0)
            for name, pattern in data["patterns"].items()}


def segment(doc: Doc) -> Doc:
    doc.lines = split_lines(doc.text)
    doc.layout = find_layout(doc.text, doc.lines)
    doc.sections = find_sections(doc.lines, doc.layout, len(doc.text))
    doc.sentences = split_sentences(doc.text, doc.lines)
    return doc


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for piece in text.split("\n"):
        if piece.strip():
            lines.append(Line((pos, pos + len(piece)), piece))
        pos += len(piece) + 1
    return lines


def find_layout(text: str, lines: list[Line]) -> Layout:
    p = _patterns()
    layout = Layout()
    body_start = 0
    # The header is the block before the first line of running text, looked for near the top only.
    head_limit = min(len(lines), 30)
    saw_form = any(p["national_motto"].search(line.text) or p["number_line"].match(line.text)
                   for line in lines[:head_limit])
    if saw_form:
        for k, line in enumerate(lines[:head_limit]):
            if p["body_opening"].match(line.text) or (k > 2 and _is_running_text(line.text)):
                body_start = line.span[0]
                break
        else:
            body_start = lines[head_limit - 1].span[1] if lines else 0
        layout.header = (0, body_start)
    for k, line in enumerate(lines):
        if line.span[0] >= body_start and p["addressees"].match(line.text):
            end = line.span[1]
            following_lines = lines[k + 1:]
            if not p["addressees"].sub("", line.text).strip():
                # "Kính gửi:" alone, the header's right column read in between (a PDF's two
                # columns): the list starts after the motto and the date line.
                skip = 0
                while skip < min(3, len(following_lines)) and p["header_column"].search(following_lines[skip].text):
                    skip += 1
                following_lines = following_lines[skip:]
            for following in following_lines:
                if not p["list_item"].match(following.text) or len(following.text) > 200:
                    break
                end = following.span[1]
            layout.addressees = (line.span[0], end)
            break
    closing_start = len(text)
    for line in lines:
        if line.span[0] > body_start and p["closing_opening"].match(line.text):
            closing_start = min(closing_start, line.span[0])
            break
    if closing_start == len(text):
        # No "Nơi nhận": the closing is the signature block after the "./." that ends the body.
        ends = [m.end() for m in re.finditer(r"\./\.", text)]
        if ends and len(text) - ends[-1] < 400:
            closing_start = ends[-1]
    if closing_start == len(text):
        # Nor "./.": a copy's "(Đã ký)" stands where the signature was; the block opens at the title above it.
        marks = [k for k, line in enumerate(lines) if p["signed_marker"].match(line.text)
                 and line.span[0] > body_start and len(text) - line.span[0] < 400]
        if marks and marks[-1] > 0:
            closing_start = lines[marks[-1] - 1].span[0]
    layout.body = (body_start, closing_start)
    layout.closing = (closing_start, len(text)) if closing_start < len(text) else None
    if layout.closing:
        _find_annexes(layout, lines)
    return layout


def _find_annexes(layout: Layout, lines: list[Line]) -> None:
    """Documents attached after the signature, each from the line after its "kèm theo" note to its
    own closing; the closing of the main document ends at the first annex's body."""
    p = _patterns()
    after = [line for line in lines if line.span[0] > layout.closing[0]]
    k = 0
    while k < len(after):
        if not p["annex_note"].match(after[k].text):
            k += 1
            continue
        note_end = k
        while note_end + 1 < len(after) and ")" not in after[note_end].text and note_end - k < 2:
            note_end += 1  # a note wrapped over lines ends at its closing parenthesis
        if note_end + 1 >= len(after):
            return
        start = after[note_end + 1].span[0]
        end = next((line.span[0] for line in after[note_end + 1:]
                    if p["closing_opening"].match(line.text)), layout.closing[1])
        if not layout.annexes:
            layout.closing = (layout.closing[0], start)
        layout.annexes.append((start, end))
        k = next((j for j, line in enumerate(after) if line.span[0] >= end), len(after))


def _is_running_text(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(line) > 90 and sum(c.islower() for c in letters) > 0.6 * max(1, len(letters))


def find_sections(lines: list[Line], layout: Layout, end_of_text: int) -> list[Section]:
    """The numbered sections of the body and of each annex, nested by numbering style."""
    sections: list[Section] = []
    for region in layout.bodies(end_of_text):
        sections.extend(_sections_in(lines, region, offset=len(sections)))
    return sections


def _sections_in(lines: list[Line], region: Span, offset: int) -> list[Section]:
    p = _patterns()
    body_start, body_end = region
    heads: list[tuple[int, str, Line]] = []
    for line in lines:
        if not body_start <= line.span[0] < body_end:
            continue
        for name in _LEVELS:
            m = p["section_" + name].match(line.text)
            if m:
                heads.append((_LEVELS[name], m.group("label").strip(), line))
                break
    sections: list[Section] = []
    stack: list[int] = []
    for k, (level, label, line) in enumerate(heads):
        end = body_end
        for later_level, _, later in heads[k + 1:]:
            if later_level <= level:
                end = later.span[0]
                break
        while stack and sections[stack[-1]].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        if parent is not None:
            end = min(end, sections[parent].span[1])
        sections.append(Section(label=label, level=level, heading=line.span, span=(line.span[0], end),
                                parent=None if parent is None else parent + offset))
        stack.append(len(sections) - 1)
    return sections


# Nesting depth of each numbering style: "Phần I" > "Điều 1" / "I." > "1." > "1.1" > "a)" > "-".
_LEVELS = {"part": 0, "article": 1, "roman": 1, "arabic": 2, "decimal": 3, "letter": 4, "dash": 5}


def split_sentences(text: str, lines: list[Line]) -> list[Span]:
    """Sentences within each line; a line break always ends a sentence."""
    boundary = _patterns()["sentence_end"]
    spans: list[Span] = []
    for line in lines:
        start = line.span[0]
        for m in boundary.finditer(line.text):
            end = line.span[0] + m.end()
            if text[start:end].strip():
                spans.append(_trim(text, start, end))
            start = end
        if text[start:line.span[1]].strip():
            spans.append(_trim(text, start, line.span[1]))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
