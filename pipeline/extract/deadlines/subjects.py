"""Where documents' subjects are written: "Kế hoạch … về phát triển … năm 2025", "Công văn số 310/UBND-NC
về …", "Quyết định … của Thủ tướng Chính phủ quy định …". A period inside one names a topic, not a limit
(the deadlines stage's context asks here, a sentence at a time)."""
from __future__ import annotations

import re
from functools import cache

from pipeline.core.citations import find_citations
from pipeline.core.doc import Span
from pipeline.extract.deadlines import vocabulary as vocab
from pipeline.extract.deadlines.vocabulary import FLAGS


@cache
def may_open_subject() -> re.Pattern:
    return re.compile("|".join(["về", "v/v", *vocab.context_words()["citation_title_verbs"]]), FLAGS)


@cache
def _citation_subject() -> re.Pattern:
    # "Công văn số 310/UBND-NC [ngày …] [của UBND tỉnh][.] về …": what may stand between a citation
    # and the "về" that opens its subject.
    return re.compile(r"[^;:\n]{0,100}?(?<!\w)(?P<ve>về)\s+(?P<next>\w)", FLAGS)


def subject_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Where documents' subjects are written in text[start:end]: periods there name a topic, not a limit."""
    end = len(text) if end is None else end
    starts = [m.start() for m in vocab.context_pattern("subject_openers").finditer(text, start, end)]
    titles: list[int] = []
    for citation in find_citations(text, start, end):
        m = _citation_subject().match(text, citation.span[1])
        # "về" before a capital goes to a body ("báo cáo về Sở Nội vụ"); a subject goes on in lower case.
        if m and not m.group("next").isupper() and not _sentence_breaks(m.group(0)):
            starts.append(m.start("ve"))
        title = _citation_title().match(text, citation.span[1])
        if title and not title.group("next").isupper():
            titles.append(title.start("verb"))
    spans = [(start, _subject_end(text, start + 3)) for start in sorted(set(starts))]
    return spans + [(start, _title_end(text, start)) for start in sorted(set(titles))]


def _title_end(text: str, start: int) -> int:
    """A title opened by its verb ends as a subject does, or earlier where the document's own clause
    takes over after a comma: a body ("…, Sở Nội vụ thông báo …") or a group ("…, các phòng báo cáo …")."""
    end = _subject_end(text, start + 3)
    for m in re.finditer(r",\s+(\w+)", text[start:end]):
        if m.group(1)[0].isupper() or m.group(1).lower() in vocab.context_words()["title_end_openers"]:
            return start + m.start()
    return end



@cache
def _citation_title() -> re.Pattern:
    # "Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ quy định …": no comma, no
    # clause end between the citation and the verb that opens its title.
    verbs = vocab.alternation(vocab.context_words()["citation_title_verbs"])
    return re.compile(r"[^;:,.\n]{0,100}?(?<!\w)(?P<verb>" + verbs + r")\s+(?P<next>\w)", FLAGS)


_SUBJECT_END = re.compile(r"[;:\n(]|\.(?:\s+(?P<next>\S)|$)")


def _subject_end(text: str, start: int) -> int:
    """A subject runs to its clause's end: ; : a line break, "(", or a full stop before a capital."""
    for m in _SUBJECT_END.finditer(text, start):
        if not m.group(0).startswith(".") or not m.group("next") or m.group("next").isupper():
            return m.start()
    return len(text)


def _sentence_breaks(stretch: str) -> bool:
    return any(m.group(1).isupper() for m in re.finditer(r"\.\s+(\S)", stretch))
