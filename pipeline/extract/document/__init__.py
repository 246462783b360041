"""The document stage: what the text is (type, number, issuer, date, place, subject, signer).

Two kinds of text reach it: the directive itself, whose official form (header,
signature block) gives the fields; and a news article about a directive, whose
lead names it ("Ngày 19/01/2023, Chủ tịch UBND tỉnh ban hành Chỉ thị số 04/CT-UBND
về …"): then `is_report` is true and the fields come from the lead.

Its front door also names an issuer as a body (`canonical_issuer`), for the references stage,
whose citations name issuers the same way.
"""
from __future__ import annotations

from pipeline.core.doc import Doc
from pipeline.extract.document.card import complete
from pipeline.extract.document.header import read_header
from pipeline.extract.document.opening import opening_subject
from pipeline.extract.document.report import read_report
from pipeline.extract.document.signature import read_signature
from pipeline.core.records import DocumentInfo

# Lent to the references stage: its citations name issuers as the document's header does.
from pipeline.extract.document.issuer import canonical_issuer

__all__ = ["canonical_issuer", "find"]


def find(doc: Doc) -> DocumentInfo:
    header = read_header(doc)
    if header is None:
        return read_report(doc)
    signer = read_signature(doc)
    info = complete(header.model_copy(update={"signer": signer, "is_report": False}), doc)
    if info.subject is None:
        info = info.model_copy(update={"subject": opening_subject(doc, info.doc_type)})
    return info
