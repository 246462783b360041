"""References: every other document the text cites, once each (ANNOTATION.md, references)."""
from __future__ import annotations

import re

from pipeline import citations
from pipeline.citations import Citation, find_citations, issuer_of_code
from pipeline.doc import Doc
from pipeline.extract.document import canonical_issuer
from pipeline.records import Reference


def number_key(number: str) -> str:
    """Numbers compared as the contract compares them: no spaces or dashes, one slash, upper case."""
    return re.sub(r"[\s\-‐‑‒–—−]+", "", number).upper()


def find(doc: Doc) -> list[Reference]:
    own = doc.document
    own_key = number_key(own.number) if own.number else None
    seen: dict[object, int] = {}
    seen_numbers: dict[object, str] = {}
    references: list[Reference] = []
    for c in find_citations(doc.text):
        key = number_key(c.number) if c.number else (c.doc_type, c.issued_date)
        if key == own_key or (not c.number and own.doc_type == c.doc_type and own.issued_date == c.issued_date):
            continue
        if own_key is None and own.is_report and not c.number and c.doc_type == own.doc_type:
            continue
        reference = _reference(doc, c)
        if key not in seen and c.number:  # cited again, mistyped once: the same document
            key = next((k for k in seen if isinstance(k, str) and k in seen_numbers
                        and citations.misread_of(c.number, seen_numbers[k])), key)
        if key in seen:  # cited again: fill what the first citation left out
            k = seen[key]
            first = references[k]
            references[k] = first.model_copy(update={
                "issued_date": first.issued_date or reference.issued_date,
                "issuer": first.issuer or reference.issuer})
            continue
        seen[key] = len(references)
        if c.number:
            seen_numbers[key] = c.number
        references.append(reference)
    return references


def _reference(doc: Doc, c: Citation) -> Reference:
    issuer = canonical_issuer(c.issuer, doc) if c.issuer else None
    if issuer is None and c.issuer_code:
        coded = issuer_of_code(c.issuer_code)
        issuer = canonical_issuer(coded, doc) if coded else None
    return Reference(doc_type=c.doc_type, number=c.number, issued_date=c.issued_date, issuer=issuer, span=c.span)
