"""A news article about a directive: the directive is the one its lead reports issued.

"Ngày 19/01/2023, Chủ tịch UBND tỉnh ban hành Chỉ thị số 04/CT-UBND về việc …".
When an article reports several, the document is the most recent (ANNOTATION.md);
when it names none, the issuer is whoever gives the instruction it reports.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources
from pipeline.citations import Citation, find_citations, issuer_of_code
from pipeline.dates import find_dates
from pipeline.doc import Doc
from pipeline.extract.document.issuer import canonical_issuer
from pipeline.records import DocumentInfo

_LEAD_CHARS = 1500  # the lead paragraph(s) where a report names its directive


@cache
def _verbs() -> tuple[re.Pattern, re.Pattern]:
    data = resources.load("document_form.yaml")
    report = re.compile(data["report_verbs"] + r"\s*$", re.IGNORECASE)
    instruction = re.compile(r"(?P<who>(?:Chủ tịch|Phó Chủ tịch|Thủ tướng)?\s*(?:[A-ZĐ][^\s,.;:]*\s*){0,1}"
                             r"(?:UBND|Ủy ban nhân dân|HĐND|Văn phòng|Bộ|Sở|Ban|Chính phủ|Thủ tướng)[^,.;:]{0,60}?)\s+"
                             + data["instruction_verbs"] + r"\b")
    return report, instruction


def read_report(doc: Doc) -> DocumentInfo:
    text = doc.text
    citations = find_citations(text)
    reported = [c for c in citations if _is_reported(text, c)]
    chosen = _most_recent(reported) if reported else _cited_as_source(text, citations)
    if chosen is None:
        return DocumentInfo(issuer=_instructing_issuer(doc), is_report=True)
    issuer = _issuer_of(doc, chosen)
    return DocumentInfo(doc_type=chosen.doc_type, number=chosen.number, issuer=issuer,
                        issued_date=chosen.issued_date or _lead_date(text, chosen), subject=_subject_after(text, chosen),
                        is_report=True)


def _is_reported(text: str, c: Citation) -> bool:
    report, _ = _verbs()
    before = text[max(0, c.type_span[0] - 40):c.type_span[0]]
    return bool(report.search(before))


def _most_recent(citations: list[Citation]) -> Citation:
    dated = [c for c in citations if c.issued_date]
    return max(dated, key=lambda c: c.issued_date) if dated else citations[0]


def _cited_as_source(text: str, citations: list[Citation]) -> Citation | None:
    # "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)", "Đó là thông tin tại Quyết định 546/QĐ-TTg …",
    # or a line near the top that opens with the citation (a headline or a standfirst).
    for c in citations:
        line_start = text.rfind("\n", 0, c.span[0]) + 1
        if c.number and line_start == c.span[0] and text.count("\n", 0, line_start) < 6:
            return c
    for c in citations:
        before = text[max(0, c.type_span[0] - 30):c.type_span[0]].lower()
        if re.search(r"(\(theo|thông tin tại|nội dung|theo đó,?)\s*$", before):
            return c
    return None


def _lead_date(text: str, c: Citation) -> str | None:
    # "Ngày 19/01/2023, Chủ tịch UBND tỉnh ban hành …": the date opens the reporting sentence.
    sentence_start = max(text.rfind("\n", 0, c.span[0]), text.rfind(". ", 0, c.span[0])) + 1
    dates = [d for d in find_dates(text, sentence_start, c.span[0]) if d.year]
    return dates[-1].iso() if dates else None


def _subject_after(text: str, c: Citation) -> str | None:
    m = re.compile(r"\s*(?:,\s*)?(?:ngày[^,]{0,30},?\s*)?(?:của [^,]{0,80}?\s)?(?:về việc|về|V/v)\s+"
                   r"(?P<subject>[^\n]+?)(?:\.\s|\.$|\n|;|,\s*(?:theo đó|trong đó|yêu cầu))").match(text, c.span[1])
    if not m:
        return None
    return m.group("subject").strip().rstrip(".")


def _issuer_of(doc: Doc, c: Citation) -> str | None:
    if c.issuer:
        return canonical_issuer(c.issuer, doc)
    before = doc.text[max(0, c.type_span[0] - 120):c.type_span[0]]
    m = re.search(r"(?:,\s*|^|\.\s+)(?P<who>[^,.;\n]{3,100}?)\s+(?:đã |vừa |mới )?(?:ký )?(?:ban hành|có|phát đi)\s*$",
                  before)
    if m:
        name = canonical_issuer(m.group("who"), doc)
        if name:
            return name
    return canonical_issuer(issuer_of_code(c.issuer_code) or "", doc) if c.issuer_code else None


def _instructing_issuer(doc: Doc) -> str | None:
    _, instruction = _verbs()
    m = instruction.search(doc.text, 0, min(len(doc.text), _LEAD_CHARS * 2))
    return canonical_issuer(m.group("who"), doc) if m else None
