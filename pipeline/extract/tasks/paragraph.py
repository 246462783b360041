"""The first pass over a paragraph: its clauses, each read for what it is (clauses.py).

A paragraph is cut into sentences, and sentences at ";" (outside parentheses); each piece is
read as a clause, and a clause whose list of bodies runs on into the next piece takes it in
("đề nghị Ban Chỉ huy … các huyện; các sở, ban ngành trong tỉnh triển khai …"). The walker
(walk.py) then builds the tasks from the clauses, knowing who governs them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.doc import Span
from pipeline.extract.tasks import clauses as cl
from pipeline.extract.tasks.index import Index
from pipeline.extract.tasks.lexicon import cues
from pipeline.extract.tasks.subjects import Namer

_NON_SPACE = re.compile(r"\S")

# The kinds of clause that name who acts.
NAMING = (cl.ASSIGNED, cl.SUBJECT, cl.HEADED)


@dataclass
class Clause:
    """One clause of a paragraph, read."""
    reading: cl.Reading
    end: int            # where it ends: a list of bodies may run on into the next piece
    new_sentence: bool  # it opens a sentence
    continuing: bool    # its sentence finishes the instruction before it ("Hoàn thành … trước …")
    is_last: bool       # nothing of the paragraph goes on past it


def read_paragraph(text: str, namer: Namer, index: Index, span: Span) -> list[Clause]:
    """The clauses of text[span], in order, the pieces a clause before took in left out."""
    pieces = [p for p in _pieces(text, namer, index, span) if cl.label_end(text, p[1], p[2]) < p[2]]
    out: list[Clause] = []
    reached = -1
    last_sentence = None
    continuing = False
    for n, (sentence, s, e, limit) in enumerate(pieces):
        if s < reached:
            continue  # read with the clause before it, whose list of bodies ran on into it
        r = cl.read_clause(namer, s, e, limit)
        e = reached = r.span[1] if r.kind in NAMING else e
        new_sentence = sentence != last_sentence
        if new_sentence:
            opening = cl.label_end(text, s, e)
            continuing = bool(cues()["continuation"].match(text, opening, e)
                              or (out and cues()["elaboration"].match(text, opening, e)))
        last_sentence = sentence
        out.append(Clause(r, e, new_sentence, continuing, all(p[2] <= e for p in pieces[n + 1:])))
    return out


def _pieces(text: str, namer: Namer, index: Index, span: Span) -> list[tuple[int, int, int, int]]:
    """(sentence number, start, end, sentence end) of each clause of a paragraph: sentences cut at ";"
    and before "và báo cáo" (`clause_break`)."""
    start, end = span
    out = []
    sentences = index.sentences_in(start, end)
    c = cues()
    for n, (s, e) in enumerate(sentences or [span]):
        k = s
        # Most sentences hold neither a ";" nor a word of `report_break`: they are not scanned.
        if text.find(";", s, e) >= 0 or namer.scan.may_hold(c["report_break"], s, e):
            for cut in c["clause_break"].finditer(text, s, e):
                if _depth(text, s, cut.start()) == 0:
                    out.append((n, k, cut.start(), e))
                    k = cut.end()
        out.append((n, k, e, e))
    return [piece for piece in out if _NON_SPACE.search(text, piece[1], piece[2])]


def _depth(text: str, start: int, end: int) -> int:
    piece = text[start:end]
    return piece.count("(") - piece.count(")")
