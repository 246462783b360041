"""The fact box of legal-database pages: "Số hiệu: 819/QĐ-UBND", "Người ký: Đỗ Thị Minh Hoa".

Pages copied from such sites carry it above the document, as "label: value" lines or
as a two-column table whose cells became lines. It fills what the header leaves out.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources
from pipeline.core.citations import canonical_type
from pipeline.core.dates import parse_date
from pipeline.core.doc import Doc
from pipeline.core.records import DocumentInfo, Signer

_CARD_LINES = 60


@cache
def _labels() -> tuple[re.Pattern, dict[str, str]]:
    labels = resources.load("document_form.yaml")["card_labels"]
    pattern = re.compile(r"^\s*(?P<label>" + "|".join(sorted(map(re.escape, labels), key=len, reverse=True))
                         + r")\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
    return pattern, {k.lower(): v for k, v in labels.items()}


def read_card(doc: Doc) -> dict[str, str]:
    pattern, labels = _labels()
    lines = doc.lines[:_CARD_LINES]
    fields: dict[str, str] = {}
    for k, line in enumerate(lines):
        m = pattern.match(line.text)
        if not m:
            continue
        # Several facts on one line ("Nơi ban hành: Tỉnh Bắc Kạn Người ký: …"): each label its value.
        pieces = re.split(r"\s+(?=(?:" + "|".join(map(re.escape, labels)) + r")\s*:)", line.text, flags=re.I)
        for n, piece in enumerate(pieces):
            p = pattern.match(piece)
            if not p:
                continue
            field = labels[p.group("label").lower()]
            value = p.group("value").strip()
            if not value and n == len(pieces) - 1 and k + 1 < len(lines):
                value = lines[k + 1].text.strip()  # a table cell: the value is the next line
            if value and field not in fields:
                fields[field] = value
    return fields


def complete(info: DocumentInfo, doc: Doc) -> DocumentInfo:
    card = read_card(doc)
    if not card:
        return info
    update: dict = {}
    if info.number is None and re.search(r"\d", card.get("number", "")):
        update["number"] = card["number"]
    if info.doc_type is None and card.get("doc_type"):
        update["doc_type"] = canonical_type(card["doc_type"])
    if info.issued_date is None and card.get("issued_date"):
        update["issued_date"] = parse_date(card["issued_date"])
    if info.signer is None and card.get("signer"):
        update["signer"] = Signer(name=card["signer"], title=None)
    place = card.get("issuing_place")
    if place and re.match(r"(?i)(tỉnh|thành phố)\s", place):
        level, name = place.split(None, 1) if not place.lower().startswith("thành phố") else ("thành phố", place[10:])
        unit = f"{level.lower()} {name.strip()}"
        if info.issuer is None:
            update["issuer"] = f"Ủy ban nhân dân {unit}"
        elif info.issuer.lower() in ("ủy ban nhân dân", "hội đồng nhân dân"):
            update["issuer"] = f"{info.issuer} {unit}"
    return info.model_copy(update=update) if update else info
