"""An issuer as a body: the person's role dropped, abbreviations expanded, the province added.

"Chủ tịch UBND tỉnh" issues for "Ủy ban nhân dân tỉnh <province>" (ANNOTATION.md: the
issuer is the body, not the person; the province comes from the header or the text).
"""
from __future__ import annotations

import re

from pipeline.letters import LOWER, UPPER
from collections import Counter

from pipeline.doc import Doc
from pipeline.extract.document.naming import expand

_ROLE = re.compile(r"^(?:đồng chí\s+)?(?:Phó\s+)?(?:Chủ tịch|Giám đốc|Bộ trưởng|Chánh Văn phòng|Trưởng ban|"
                   r"Thủ trưởng|Cục trưởng|Chỉ huy trưởng|Tư lệnh)\s+(?=[" + UPPER + r"])", re.IGNORECASE)
_PLACE = re.compile(r"\b(tỉnh|thành phố)[ ]+((?:[" + UPPER + r"][" + LOWER + r"]*)(?:\s+[" + UPPER + r"][" + LOWER + r"]*){0,3})")
# What follows a body's name in a clause and is not part of it ("UBND tỉnh đã giao", "… tỉnh để").
_TRAILING_WORDS = re.compile(r"(?:\s+(?:đã|để|đạt|cũng|vừa|mới|có|sẽ|đang|được|thì|là|về|-)\b.*|\s+-\s+.*)$")
_BARE_LEVEL = re.compile(r"\b(tỉnh|thành phố)\s*$")


def canonical_issuer(raw: str, doc: Doc) -> str | None:
    name = " ".join(raw.split()).strip(" ,.;:")
    name = re.sub(r"^(?:Theo đó|Đồng thời|Hiện nay|Sau khi xem xét)\s*,?\s*", "", name)
    while True:
        stripped = _ROLE.sub("", name)
        if stripped == name:
            break
        name = stripped
    name = _TRAILING_WORDS.sub("", expand(name))
    if not name or not name[0].isupper():
        return None
    if _BARE_LEVEL.search(name):
        province = province_named(doc)
        if province and province[0] == _BARE_LEVEL.search(name).group(1):
            name = f"{name} {province[1]}"
    return name


def province_named(doc: Doc) -> tuple[str, str] | None:
    """The province (or centrally-run city) a text names most, as (level, name)."""
    counts = Counter((m.group(1), m.group(2)) for m in _PLACE.finditer(doc.text))
    if not counts:
        return None
    (best, n), *rest = counts.most_common()
    if rest and rest[0][1] == n:
        return None  # two provinces named as often: no way to tell which is the issuer's
    return best
