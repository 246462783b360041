"""bodies: every organization, or group of them, the document names (ANNOTATION.md, "bodies").

The gazetteer finds the mentions; this stage decides the document's scope (which province
"UBND tỉnh" means), reads the issuer's block of the header (header.py), drops what is not a
body here (the "Lưu:" line of the distribution list), and merges the mentions of one body
into one record with all its spans (merge.py).
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import gazetteer, resources
from pipeline.core.doc import Doc
from pipeline.extract.bodies.header import with_issuer_block
from pipeline.extract.bodies.merge import merge
from pipeline.gazetteer import Mention
from pipeline.core.records import Body

# "Lưu: VT, NC." files a copy; its codes are internal units, not bodies (ANNOTATION.md). The
# colon may be lost (a scan read "- Lưu VT, PC04"): an item of the list that opens with "Lưu".
_FILING_LINE = re.compile(r"^[\s\-–+•]*Lưu(?:\s*:|\s+[A-ZĐ])")


def find(doc: Doc) -> list[Body]:
    scope = scope_of(doc)
    quoted = _quoted_provisions(doc.text)
    mentions = [m for m in gazetteer.find_mentions(doc.text, scope=scope)
                if not _filed(doc.text, m) and not any(s <= m.span[0] < e for s, e in quoted)
                and not _alias_cue().search(doc.text, max(0, m.span[0] - 30), m.span[0])
                and not _law_title_cue().search(doc.text, max(0, m.span[0] - 20), m.span[0])
                and not (doc.document.is_report and _signs_off(doc.text, m))]
    return merge(with_issuer_block(doc, mentions), doc.text)


@cache
def _alias_cue() -> re.Pattern:
    cues = "|".join(re.escape(c) for c in resources.load("bodies.yaml")["alias_cues"])
    return re.compile(r"(?<!\w)(?:" + cues + r")\s+$")


@cache
def _law_title_cue() -> re.Pattern:
    cues = "|".join(re.escape(c) for c in resources.load("bodies.yaml")["law_title_cues"])
    return re.compile(r"(?<!\w)(?:" + cues + r")\s+$")


def _signs_off(text: str, mention: Mention) -> bool:
    """A news article's last line that is only a body's name is its source ("… Văn phòng HĐND-UBND"),
    a byline, not a body it names (ANNOTATION.md)."""
    start, end = mention.role_span[0] if mention.role_span else mention.span[0], mention.span[1]
    return not text[end:].strip(" .\n") and not text[text.rfind("\n", 0, start) + 1:start].strip(" -–(")


@cache
def _provision_opening() -> re.Pattern:
    cues = "|".join(re.escape(c) for c in resources.load("bodies.yaml")["provision_cues"])
    # the cue on the quotation's line (or the line before, when the quotation opens a line)
    return re.compile(r"(?<![^\n])[^\n]*?(?<!\w)(?:" + cues + r")(?!\w)[^\n“]*:\s*“")


def _quoted_provisions(text: str) -> list[tuple[int, int]]:
    """The spans of the legal provisions the text quotes: from the “ after "… quy định:" to its ”."""
    spans = []
    if "“" not in text:
        return spans  # every quotation opens with one: the scan from each line's start is spared
    for m in _provision_opening().finditer(text):
        close = text.find("”", m.end())
        spans.append((m.end(), close if close != -1 else len(text)))
    return spans


def scope_of(doc: Doc) -> gazetteer.Scope:
    """The places the document's bare level words mean: its issuer's, else those it names."""
    header_end = doc.layout.header[1] if doc.layout.header else 0
    return gazetteer.document_scope(doc.text, doc.document.issued_date, header_end, doc.document.issuer)


def _filed(text: str, mention: Mention) -> bool:
    line_start = text.rfind("\n", 0, mention.span[0]) + 1
    return bool(_FILING_LINE.match(text, line_start))
