"""The subject of a copy whose trích yếu was lost, from the document's own opening words.

Web copies of Quyết định and Kế hoạch often drop the title line under the type, but the
text restates it: "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện …" names what
the decision issues, "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện …, cụ thể như sau:"
what the plan is about. Patterns: resources/document_form.yaml, `opening_subject`.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources
from pipeline.core.doc import Doc

MIN_WORDS = 5


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, int]:
    data = resources.load("document_form.yaml")["opening_subject"]
    return re.compile(data["article_one"]), re.compile(data["plan"]), int(data["opening_chars"])


def opening_subject(doc: Doc, doc_type: str | None) -> str | None:
    article_one, plan, chars = _patterns()
    head = doc.text[:chars]
    if doc_type in ("Quyết định", "Nghị quyết"):
        m = article_one.search(head)
        if m:
            return _tidy(m.group("verb").lower() + " " + m.group("what"))
    if doc_type == "Kế hoạch":
        m = plan.search(head)
        # "… ban hành Kế hoạch triển khai thực hiện như sau:" names no topic: a few words are no subject.
        if m and len(m.group("what").split()) >= MIN_WORDS:
            return _tidy(m.group("what"))
    return None


def _tidy(subject: str) -> str:
    """Quotes around a title are the page's typography ("ban hành “Quy chế …”"), not the subject's."""
    return " ".join(re.sub(r"[“”\"]", "", subject).split()).strip(" ,.")
