"""A news article about a directive: the directive is the one its lead reports issued.

"Ngày 19/01/2023, Chủ tịch UBND tỉnh ban hành Chỉ thị số 04/CT-UBND về việc …".
When an article reports several, the document is the most recent (ANNOTATION.md);
when it names none, the issuer is whoever gives the instruction it reports.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import gazetteer, resources
from pipeline.core.citations import Citation, canonical_type, find_citations, issuer_of_code
from pipeline.core.dates import find_dates
from pipeline.core.doc import Doc
from pipeline.extract.document.issuer import canonical_issuer
from pipeline.core.page_titles import is_placeholder_title
from pipeline.core.records import DocumentInfo

_LEAD_CHARS = 1500  # the lead paragraph(s) where a report names its directive
_TYPES = (r"Chỉ thị|Công văn|Văn bản|Kế hoạch|Quyết định|Công điện|Thông báo(?: kết luận)?|Nghị quyết|"
          r"Hướng dẫn|Chương trình|Đề án|Báo cáo|Tờ trình")
_LEAD = re.compile(r"(?:^|\n)\s*Ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s*,\s*"
                   r"(?P<who>[^,.;\n]{3,90}?)\s+(?:đã |vừa )?(?:ký )?ban hành\s+"
                   r"(?P<type>" + _TYPES + r")\s+(?!số\b)(?P<rest>[^\n]{10,300})", re.IGNORECASE)


@cache
def _headline_prefix() -> re.Pattern:
    # "Chỉ thị số 04/CT-UBND của Chủ tịch UBND tỉnh về …": the title before the issuer is the
    # gazetteer's (bodies_roles.yaml).
    return re.compile(r"^(?:" + _TYPES + r")(?:\s+(?:khẩn|hỏa tốc))?(?:\s+số\s+\S+)?"
                      r"(?:\s+của\s+(?:(?:" + gazetteer.titles_pattern() + r")\s+)?(?:Thủ tướng Chính phủ|"
                      r"Chính phủ|UBND tỉnh|Ủy ban nhân dân tỉnh|HĐND tỉnh)(?:\s+[A-ZĐ]\w*)*)?\s*:?\s*(?:về\s+)?",
                      re.IGNORECASE)


@cache
def _verbs() -> tuple[re.Pattern, re.Pattern]:
    data = resources.load("document_form.yaml")
    report = re.compile(data["report_verbs"] + r"\s*$", re.IGNORECASE)
    instruction = re.compile(r"(?P<who>(?:" + gazetteer.titles_pattern() + r"|Thủ tướng)?\s*(?:[A-ZĐ][^\s,.;:]*\s*){0,1}"
                             r"(?:UBND|Ủy ban nhân dân|HĐND|Văn phòng|Bộ|Sở|Ban|Chính phủ|Thủ tướng)"
                             r"(?:[Pp]hòng, chống|[^,.;:]){0,80}?)\s+"
                             + data["instruction_verbs"] + r"\b")
    return report, instruction


def read_report(doc: Doc) -> DocumentInfo:
    text = doc.text
    # A paper that prints a directive in full ("trân trọng giới thiệu toàn văn Chỉ thị") carries
    # the document itself, not a report on it.
    is_report = not _FULL_TEXT.search(text[:_LEAD_CHARS])
    citations = find_citations(text)
    reported = [c for c in citations if _is_reported(text, c)]
    chosen = _most_recent(reported) if reported else _cited_as_source(text, citations)
    if chosen is None:
        lead = _unnumbered_lead(doc) or _undated_lead(doc)
        if lead is not None:
            return lead.model_copy(update={"is_report": is_report})
        return DocumentInfo(issuer=_instructing_issuer(doc) or _adopting_council(doc),
                            subject=_instruction_headline(doc), is_report=is_report)
    issuer = _issuer_of(doc, chosen) or _instructing_issuer(doc)
    subject = _subject_after(text, chosen) or _headline_subject(doc)
    return DocumentInfo(doc_type=chosen.doc_type, number=chosen.number, issuer=issuer,
                        issued_date=chosen.issued_date or _lead_date(text, chosen), subject=subject,
                        is_report=is_report)


_FULL_TEXT = re.compile(r"giới thiệu toàn văn|toàn văn (?:Chỉ thị|Quyết định|Nghị quyết|Kế hoạch|Công văn)", re.I)


def _unnumbered_lead(doc: Doc) -> DocumentInfo | None:
    """"Ngày 14/5, Bộ trưởng ban hành Kế hoạch triển khai …": a type without a number.

    A news lead may drop the year; it is then the year of the page's own latest date near the top.
    """
    m = _LEAD.search(doc.text, 0, min(len(doc.text), _LEAD_CHARS))
    if not m:
        return None
    doc_type = canonical_type(m.group("type"))
    found = [d for d in find_dates(doc.text, m.start(), m.end("who"))]
    if not doc_type or not found:
        return None
    date = found[0]
    year = date.year or _page_year(doc.text[:m.start()] + doc.lines[0].text if doc.lines else "")
    subject = re.split(r"[,;.]\s|,(?=\S)", m.group("rest"), maxsplit=1)[0].strip()
    subject = re.sub(r"^(?:về việc|về)\s+", "", subject)
    return DocumentInfo(doc_type=doc_type, issuer=canonical_issuer(m.group("who"), doc),
                        issued_date=date.iso(year), subject=subject or None)


# "…, UBND tỉnh Phú Yên ban hành Chỉ thị về việc chấn chỉnh …": a lead that names neither number nor date.
_UNDATED_LEAD = re.compile(r"(?P<who>[^,.;\n()–]{3,90}?)\s+(?:đã |vừa |mới )?(?:ký )?ban hành\s+"
                           r"(?P<type>" + _TYPES + r")\s+(?:về việc|về)\s+(?P<subject>[^\n]{10,400}?)(?:\.\s|\.?\n|\.?$)",
                           re.IGNORECASE)
_LEAD_PARAGRAPH = 600  # characters: the standfirst of a news page


def _undated_lead(doc: Doc) -> DocumentInfo | None:
    m = _UNDATED_LEAD.search(doc.text, 0, min(len(doc.text), _LEAD_PARAGRAPH))
    if not m:
        return None
    issuer = canonical_issuer(m.group("who"), doc)
    if issuer is None:
        return None
    return DocumentInfo(doc_type=canonical_type(m.group("type")), issuer=issuer, subject=m.group("subject").strip())


# A headline that says what the instruction is about: "UBND tỉnh chỉ đạo về việc tham gia ý kiến …".
_INSTRUCTION_HEADLINE = re.compile(r"^[^\n]{3,80}?\s(?:có ý kiến chỉ đạo|chỉ đạo|yêu cầu|đề nghị|giao)\s+về việc\s+"
                                   r"(?P<subject>[^\n]{5,300}?)\.?$")


def _instruction_headline(doc: Doc) -> str | None:
    m = _INSTRUCTION_HEADLINE.match(doc.lines[0].text.strip()) if doc.lines else None
    return m.group("subject") if m else None


def _adopting_council(doc: Doc) -> str | None:
    """A council that adopts what the article reports ("… vừa được Kỳ họp thứ 9, HĐND tỉnh thông qua")."""
    m = _ADOPTION.search(doc.text, 0, min(len(doc.text), _LEAD_CHARS))
    return canonical_issuer(m.group("who"), doc) if m else None


_ADOPTION = re.compile(r"(?P<who>(?:HĐND|Hội đồng nhân dân)(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã)"
                       r"(?:\s+[A-ZĐ]\w*)*)?)\s+(?:đã |vừa )?(?:biểu quyết )?thông qua\b")


def _page_year(text: str) -> int | None:
    years = [d.year for d in find_dates(text) if d.year]
    return max(years) if years else None


def _headline_subject(doc: Doc) -> str | None:
    """The headline of the article, less a leading "Công điện khẩn của Thủ tướng Chính phủ"."""
    if not doc.lines:
        return None
    headline = doc.lines[0].text.strip()
    headline = _headline_prefix().sub("", headline)
    headline = re.sub(r"\s*\(\d{1,2}/\d{1,2}/\d{4}\)\s*$", "", headline).strip(" .")
    words = headline.split()
    if not 3 <= len(words) <= 40 or headline.isupper() or headline.endswith(":"):
        return None
    # Not a headline: a page's placeholder or site name, a body's bare name, the lead sentence itself.
    if (is_placeholder_title(headline) or gazetteer.canonical(headline) is not None
            or re.match(r"Ngày\s+\d", headline) or find_citations(headline)):
        return None
    if len(words) > 1 and words[1][:1].isupper():
        return headline  # it opens with a name ("Hà Nam đẩy mạnh …"), which keeps its capital
    return headline[:1].lower() + headline[1:]


def _is_reported(text: str, c: Citation) -> bool:
    report, _ = _verbs()
    before = text[max(0, c.type_span[0] - 40):c.type_span[0]]
    if report.search(before):
        return True
    # "Công văn số 4913/VP-KT, ban hành ngày 15/6, …": the clause says the document was issued; a
    # basis it rests on ("Thực hiện Quyết định số … ban hành ngày …") is not what the article reports.
    return bool(_ISSUED_AFTER.match(text, c.span[1])) and not _BASIS_BEFORE.search(before)


_ISSUED_AFTER = re.compile(r"\s*,?\s*(?:được |vừa được |mới được )?ban hành\s+(?:ngày|hôm)\b", re.IGNORECASE)
_BASIS_BEFORE = re.compile(r"(?:thực hiện|căn cứ|theo|tại|triển khai)\s*$", re.IGNORECASE)


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
        if re.search(r"(\(theo|thông tin tại|theo đó,?)\s*$", before):
            return c
    return None


def _lead_date(text: str, c: Citation) -> str | None:
    # "Ngày 19/01/2023, Chủ tịch UBND tỉnh ban hành …": the date opens the reporting sentence.
    sentence_start = max(text.rfind("\n", 0, c.span[0]), text.rfind(". ", 0, c.span[0])) + 1
    dates = [d for d in find_dates(text, sentence_start, c.span[0]) if d.year]
    return dates[-1].iso() if dates else None


def _subject_after(text: str, c: Citation) -> str | None:
    m = re.compile(r"\s*(?:,\s*)?(?:ngày[^,]{0,30},?\s*)?(?:của [^,]{0,80}?\s)?(?:về việc|về|V/v)\s+"
                   r"(?P<subject>[^\n]+?)(?:\.\s|\.$|\n|;|,\s*(?:theo đó|trong đó|yêu cầu))",
                   re.IGNORECASE).match(text, c.span[1])
    if not m:
        # "Kế hoạch số 118 ngày 05-3-2022, triển khai Nghị quyết …, trong đó …": the purpose
        # clause right after the citation stands for the trích yếu.
        m = re.compile(r"\s*,\s*(?P<subject>(?:triển khai|thực hiện|tăng cường|tổ chức|chỉ đạo|hướng dẫn)[^\n]+?)"
                       r"(?:,\s*(?:trong đó|theo đó)|\.\s|\.$|\n)").match(text, c.span[1])
    if not m:
        return None
    return m.group("subject").strip().rstrip(".")


def _issuer_of(doc: Doc, c: Citation) -> str | None:
    if c.issuer:
        return canonical_issuer(c.issuer, doc)
    before = doc.text[max(0, c.type_span[0] - 120):c.type_span[0]]
    m = re.search(r"(?:,\s*|^|\.\s+|\s-\s)(?P<who>[^,.;\n]{3,100}?)\s+(?:đã |vừa |mới )?(?:ký )?(?:ban hành|có|phát đi)\s*$",
                  before)
    if m:
        name = canonical_issuer(m.group("who"), doc)
        if name:
            return name
    if not c.issuer_code:
        return None
    # "{level}" of a code is the province's own level word: "thành phố" for Hà Nội, "tỉnh" otherwise.
    header_end = (doc.layout.header or (0, 0))[1]
    province = gazetteer.document_scope(doc.text, None, header_end).province
    return canonical_issuer(issuer_of_code(c.issuer_code, province.level if province else "tỉnh") or "", doc)


def _instructing_issuer(doc: Doc) -> str | None:
    _, instruction = _verbs()
    m = instruction.search(doc.text, 0, min(len(doc.text), _LEAD_CHARS * 2))
    return canonical_issuer(m.group("who"), doc) if m else None
