"""deadlines: every expression that says by when something must be done, or how often it recurs.

    find(doc) -> list[Deadline]

The stage reads the text with a Vietnamese time grammar (grammar.py, words in
resources/time_words.yaml), anchors what is relative or year-less on the document's
date (anchor.py), turns each expression into start, end and RRULE (calendar.py), and
keeps those the context makes deadlines (context.py, cues in resources/time_context.yaml).
One expression may set several values ("hằng tháng, quý" is two recurrences); each is
its own record with the expression's span, which the tasks stage uses to attach it.
"""
from __future__ import annotations

from pipeline.dates import find_dates
from pipeline.doc import Doc
from pipeline.extract.deadlines.anchor import Anchor, anchors_of
from pipeline.extract.deadlines.calendar import Resolution, resolve
from pipeline.extract.deadlines.context import DocContext, verdict
from pipeline.extract.deadlines.grammar import TimeExpression, find_expressions
from pipeline.records import Deadline

__all__ = ["find"]


def find(doc: Doc) -> list[Deadline]:
    dates = find_dates(doc.text)
    anchors = anchors_of(doc, dates)
    ctx = DocContext.of(doc)
    found: list[Deadline] = []
    own_type = doc.document.doc_type if doc.document else None
    for expression in find_expressions(doc.text, dates, own_type):
        own_anchor = anchors.at(doc.text, expression.span[0])
        resolution = resolve(expression, own_anchor)
        if resolution is None or verdict(ctx, expression, resolution, own_anchor):
            continue
        found.extend(_records(doc, expression, resolution, own_anchor))
    return found


def _records(doc: Doc, expression: TimeExpression, resolution: Resolution, anchor: Anchor | None) -> list[Deadline]:
    quote = doc.text[expression.span[0]:expression.span[1]]
    text = " ".join(quote.split())
    if resolution.next_year:
        doc.warnings.append(f"deadline “{text}” gives no year: the anchor's year would put it before "
                            f"the document's date, so it is taken as the next year")
    return [Deadline(text=text, start=_iso(v.start), end=_iso(v.end), recurrence=v.recurrence, span=expression.span)
            for v in resolution.values]


def _iso(day) -> str | None:
    return day.isoformat() if day else None
