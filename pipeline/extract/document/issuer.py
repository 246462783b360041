"""An issuer as a body: the person's role dropped, abbreviations expanded, the province added.

"Chủ tịch UBND tỉnh" issues for "Ủy ban nhân dân tỉnh <province>" (ANNOTATION.md: the
issuer is the body, not the person; the province comes from the header or the text). The
naming itself is the gazetteer's; this module only cuts the phrase out of its clause.
"""
from __future__ import annotations

import re

from pipeline import gazetteer
from pipeline.core.doc import Doc

# What follows a body's name in a clause and is not part of it ("UBND tỉnh đã giao", "… tỉnh để").
_TRAILING_WORDS = re.compile(r"(?:\s+(?:đã|để|đạt|cũng|vừa|mới|có|sẽ|đang|được|thì|là|về)\b.*|\s+-\s+.*)$")
_LEADING_WORDS = re.compile(r"^(?:Theo đó|Đồng thời|Hiện nay|Sau khi xem xét|Trước đó)\s*,?\s*")


def canonical_issuer(raw: str, doc: Doc) -> str | None:
    whole = _LEADING_WORDS.sub("", " ".join(raw.split()).strip(" ,.;:"))
    # A name with a dash of its own ("Bộ Lao động - Thương binh và Xã hội") is not cut at the dash.
    dashed = " - " in whole and gazetteer.canonical(whole) is not None
    name = whole if dashed else _TRAILING_WORDS.sub("", whole)
    if not name or not name[0].isupper():
        return None
    header_end = (doc.layout.header or (0, 0))[1]
    return gazetteer.issuer_name(name, doc.text, doc.document.issued_date, header_end)
