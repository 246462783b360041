"""The issuer's block of the header: the body that issues, named over two or three lines.

Nghị định 30/2020/NĐ-CP, Phụ lục I: the issuing body is written at the top left, under the
name of the body it belongs to ("BAN CHỈ HUY PCTT VÀ TKCN / TỈNH THỪA THIÊN HUẾ / VĂN PHÒNG
THƯỜNG TRỰC" is that committee's standing office). The lower line alone names no body; read
with the lines above it, it does. A block that gives only "ỦY BAN NHÂN DÂN" (the place is in
the other column, or lost) names the issuer the document stage completed.
"""
from __future__ import annotations

import re

from pipeline import gazetteer
from pipeline.core.doc import Doc, Line
from pipeline.gazetteer import Mention, display, is_upper, words_key

# The lines that follow the issuer's block: the number and the national motto.
_AFTER_BLOCK = re.compile(r"^\s*(?:Số\s*[:\d]|CỘNG\s+HÒA|Số\s*:)", re.IGNORECASE)
_MAX_BLOCK_LINES = 4


def issuer_block(doc: Doc) -> list[Line]:
    """The capital lines right above the number or the national motto, top to bottom."""
    if not doc.layout.header:
        return []
    start, end = doc.layout.header
    lines = [ln for ln in doc.lines if start <= ln.span[0] < end]
    for k, line in enumerate(lines):
        if _AFTER_BLOCK.match(line.text):
            block = []
            for above in reversed(lines[:k]):
                if not is_upper(above.text) or len(block) == _MAX_BLOCK_LINES or re.fullmatch(r"[\W_]+", above.text):
                    break
                block.insert(0, above)
            return block
    return []


def with_issuer_block(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with the issuer's block read as the header writes it."""
    block = issuer_block(doc)
    if not block:
        return mentions
    inside = [m for m in mentions if block[0].span[0] <= m.span[0] < block[-1].span[1]]
    if not inside:
        return mentions + _bare_issuer(doc, block)
    composed = _child_of_parent(block, inside)
    if composed is None:
        return mentions
    child, name = composed
    return [m for m in mentions if m not in child] + [name]


def _child_of_parent(block: list[Line], inside: list[Mention]) -> tuple[list[Mention], Mention] | None:
    """The last line of the block read under the body above it: "VĂN PHÒNG THƯỜNG TRỰC" under
    the committee is "Văn phòng thường trực Ban Chỉ huy …", "VĂN PHÒNG" under a people's
    committee its office. A last line that names a body of its own ("CÔNG AN TỈNH LÂM ĐỒNG"
    under "BỘ CÔNG AN", "SỞ NỘI VỤ" under "UBND TỈNH KON TUM") stays as it is."""
    child_line = block[-1]
    parent = [m for m in inside if m.span[1] <= child_line.span[0]]
    child = [m for m in inside if m.span[0] >= child_line.span[0]]
    if not parent or any(m.code for m in child) or (child and child[0].span != _trimmed(child_line)):
        return None
    if child and not child[0].name.startswith("Văn phòng"):
        return None  # "SỞ NỘI VỤ" under the province's committee is the Sở Nội vụ it names
    owner = parent[-1]
    kind = child[0].kind if child else ("agency" if owner.kind == "locality" else owner.kind)
    name = f"{display(child_line.text.strip())} {owner.name}"
    return child, Mention(_trimmed(child_line), name, kind, owner.code)


def _trimmed(line: Line) -> tuple[int, int]:
    text = line.text
    lead = len(text) - len(text.lstrip())
    return line.span[0] + lead, line.span[0] + len(text.rstrip())


def _bare_issuer(doc: Doc, block: list[Line]) -> list[Mention]:
    """ "ỦY BAN NHÂN DÂN" alone at the top: the issuer, as the document stage named it."""
    issuer = doc.document.issuer
    written = display(" ".join(line.text.strip() for line in block))
    if not issuer or not words_key(issuer).startswith(words_key(written)):
        return []
    found = gazetteer.canonical(issuer)
    kind = found[1] if found else "locality"
    return [Mention((_trimmed(block[0])[0], _trimmed(block[-1])[1]), issuer, kind)]
