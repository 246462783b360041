"""The title block of the official form: the type line ("CHỈ THỊ", "KẾ HOẠCH HÀNH ĐỘNG", a scan's
"QUYÉT ĐỊNH") and the trích yếu under it, or a Công văn's "V/v …"."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipeline import gazetteer, resources
from pipeline.core.citations import canonical_type
from pipeline.core.doc import Doc, Line
from pipeline.extract.document.form import MOTTO, form_patterns
from pipeline.extract.document.naming import is_upper, official_case, sentence_case


def type_and_subject(doc: Doc, lines: list[Line], after: int) -> tuple[str | None, str | None]:
    """The type line ("CHỈ THỊ", "KẾ HOẠCH") and the trích yếu under it, or a Công văn's "V/v …"."""
    form = form_patterns()
    body_start = (doc.layout.body or (0, 0))[0]
    for k, line in enumerate(lines):
        if k <= after and not form["_subject_prefix"].match(line.text):
            continue
        if line.span[0] >= body_start and body_start and k > after + 1:
            break
        text = line.text.strip()
        if form["_subject_prefix"].match(text) and not canonical_type(text):
            return None, subject_under(lines[k:], form, first=form["_subject_prefix"].sub("", text))
        doc_type = title_type_of(text)
        if doc_type:
            return doc_type, subject_under(lines[k + 1:], form)
        if k == after + 1 and _is_headline(text):
            # The title line lost (a damaged copy): the upper-case heading under the date line
            # is the trích yếu ("BAN HÀNH QUY CHẾ …"); the type then comes from the number.
            return None, subject_under(lines[k:], form)
    return None, None


def _is_headline(text: str) -> bool:
    return (is_upper(text) and len(text.split()) >= 4 and not MOTTO.search(text)
            and not form_patterns()["_authority"].match(text) and gazetteer.canonical(official_case(text)) is None)


def title_type_of(text: str) -> str | None:
    if not is_upper(text) or len(text) > 40:
        return None
    for qualifier in form_patterns()["title_qualifiers"]:
        bare = re.sub(r"\s+" + re.escape(qualifier) + r"\s*$", "", text.strip())
        if bare != text.strip() and canonical_type(bare):
            return canonical_type(bare)  # "KẾ HOẠCH HÀNH ĐỘNG": a plan, its trích yếu on the next line
    found = canonical_type(text) or canonical_type(text.split(" (")[0]) or _type_skeletons().get(_skeleton(text))
    if found is None:
        # "QUYẾT ĐỊNH CỦA UBND TỈNH …": the type, with its issuer after it on the title line.
        bare = re.sub(form_patterns()["title_issuer_tail"], "", text.strip())
        if bare != text.strip():
            found = canonical_type(bare)
    return found


def _skeleton(text: str) -> str:
    """Letters without their marks: a scan's "QUYÉT ĐỊNH", "CHI THỊ" are "quyet dinh", "chi thi"."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(ch))
    return " ".join(bare.replace("đ", "d").split())


@cache
def _type_skeletons() -> dict[str, str]:
    """Each type by its skeleton, where no other type shares it."""
    by_skeleton: dict[str, list[str]] = {}
    for entry in resources.load("doc_types.yaml")["types"]:
        by_skeleton.setdefault(_skeleton(entry["name"]), []).append(entry["name"])
    return {k: names[0] for k, names in by_skeleton.items() if len(names) == 1}


def subject_under(lines: list[Line], form: dict, first: str | None = None) -> str | None:
    parts = [first] if first else []
    for line in lines[1:] if first else lines:
        text = line.text.strip()
        if (form["_authority"].match(text) or re.match(r"(Kính gửi|Căn cứ|Thực hiện|I\.|1\.)", text)
                or form["_addressee_line"].match(text) or (parts and form["_date_line"].match(text))
                or MOTTO.search(text) or len(parts) >= 4 or re.fullmatch(r"[-–—_=*.\s]+", text)):
            break
        if parts and not is_upper(text) and is_upper(parts[-1]) and len(parts[-1]) > 3:
            break  # upper-case subject lines end where running text starts
        if parts and (_is_paragraph(text) or re.search(r"[.;:]$", parts[-1])):
            break  # the trích yếu is a heading, never a paragraph
        parts.append(re.sub(r"^[-_–—~]+\s+(?=\w)", "", text) if parts else text)  # a scan's specks at a line's start
    if not parts:
        return None
    return as_subject(form["_subject_prefix"].sub("", " ".join(parts)))


def as_subject(text: str) -> str | None:
    """A trích yếu as records write it: a heading in capitals sentence-cased, its first letter lowered."""
    subject = text.strip(" .:")
    if not subject:
        return None
    if is_upper(subject):
        subject = sentence_case(subject)
    first = subject.split()[0]
    if subject[:2] in ("Ủy", "Uỷ") or (len(first) >= 2 and first.isupper()):
        return subject  # a name's capital or an abbreviation ("UBND tỉnh … mời …") stays
    return subject[:1].lower() + subject[1:]


def _is_paragraph(text: str) -> bool:
    """A line of running text, not the wrapped rest of a long trích yếu: long and ending as a sentence
    ends, or opening as the body opens ("Ngày 16/4/2026, …", "Thực hiện …"). A long trích yếu's rest
    ("tại buổi làm việc với … về một số nhiệm vụ trọng tâm: …; …") ends without a full stop."""
    if len(text) <= 100:
        return False
    opening = re.compile(resources.load("layout.yaml")["patterns"]["body_opening"], re.IGNORECASE)
    return len(text) > 400 or bool(re.search(r"[.;:]\W*$", text)) or bool(opening.match(text))
