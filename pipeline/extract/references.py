"""References: every other document the text cites, once each (ANNOTATION.md, references)."""
from __future__ import annotations

import re

from pipeline.core import citations
from pipeline import gazetteer
from pipeline.core.citations import Citation, find_citations, issuer_of_code
from pipeline.core.doc import Doc
from pipeline.extract.document import canonical_issuer
from pipeline.core.records import Reference


def number_key(number: str) -> str:
    """Numbers compared as the contract compares them: no spaces or dashes, one slash, upper case."""
    return re.sub(r"[\s\-‐‑‒–—−]+", "", number).upper()


def find(doc: Doc) -> list[Reference]:
    own = doc.document
    own_key = number_key(own.number) if own.number else None
    seen: dict[object, int] = {}
    seen_numbers: dict[object, str] = {}
    references: list[Reference] = []
    level = _Level(doc)
    for c in find_citations(doc.text):
        key = number_key(c.number) if c.number else (c.doc_type, c.issued_date)
        if key == own_key or (not c.number and own.doc_type == c.doc_type and own.issued_date == c.issued_date):
            continue
        if own_key is None and own.is_report and not c.number and c.doc_type == own.doc_type:
            continue
        reference = _reference(doc, c, level)
        if key not in seen and c.number:  # cited again, mistyped once: the same document
            key = next((k for k in seen if isinstance(k, str) and k in seen_numbers
                        and citations.misread_of(c.number, seen_numbers[k])), key)
        if key in seen:  # cited again: fill what the first citation left out
            k = seen[key]
            first = references[k]
            # A number first read from an upper-case title ("19/CT-TTG") is written as the text writes it.
            number = reference.number if (first.number and reference.number and first.number.isupper()
                                          and not reference.number.isupper()) else first.number
            references[k] = first.model_copy(update={
                "number": number,
                "issued_date": first.issued_date or reference.issued_date,
                "issuer": first.issuer or reference.issuer})
            continue
        seen[key] = len(references)
        if c.number:
            seen_numbers[key] = c.number
        references.append(reference)
    return references


class _Level:
    """The level of the document's province ("tỉnh", or "thành phố" for Hải Phòng, Cần Thơ …),
    looked up once, and only when a citation needs it: finding the province reads the whole text."""

    def __init__(self, doc: Doc) -> None:
        self._doc, self._level = doc, None

    def __str__(self) -> str:
        if self._level is None:
            province = gazetteer.document_scope(self._doc.text).province
            self._level = province.level if province else "tỉnh"
        return self._level


def _reference(doc: Doc, c: Citation, level: _Level) -> Reference:
    issuer = canonical_issuer(c.issuer, doc) if c.issuer else None
    if issuer is None and c.issuer_code:
        # "{level}" of a code is the level of the document's province: a letter of a city's
        # committee ("/UBND-VX" in Cần Thơ) is "Ủy ban nhân dân thành phố Cần Thơ", not "tỉnh".
        coded = issuer_of_code(c.issuer_code, str(level))
        issuer = canonical_issuer(coded, doc) if coded else None
    return Reference(doc_type=c.doc_type, number=c.number, issued_date=c.issued_date, issuer=issuer, span=c.span)
