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

import re

from pipeline.core.dates import find_dates
from pipeline.core.doc import Doc
from pipeline.extract.deadlines.anchor import Anchor, anchors_of
from pipeline.extract.deadlines.calendar import Resolution, resolve
from pipeline.extract.deadlines.context import DocContext, verdict
from pipeline.extract.deadlines.grammar import TimeExpression, find_expressions
from pipeline.extract.deadlines.named_days import clock_in
from pipeline.core.records import Deadline

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
    return _yearly_ranges(doc.text, found)


_YEARLY = "FREQ=YEARLY"
_ONE_CLAUSE = re.compile(r"[^.;:\n]*")
_A_YEAR = re.compile(r"(?:19|20)\d\d")


def _yearly_ranges(text: str, found: list[Deadline]) -> list[Deadline]:
    """"Hằng năm tổ chức Tuần lễ … từ 29 tháng 4 đến 6 tháng 5": a stretch of days with no year, in the
    clause a yearly recurrence opens, is when that recurrence falls; one record, not two (as "trước
    ngày 15 hằng tháng" is one). Its dates are the first time, on the anchor's year."""
    out = list(found)
    for every in found:
        if every.recurrence != _YEARLY or every.start or every.end or every not in out:
            continue
        stretch = next((d for d in out if d.recurrence is None and d.start and d.end and d.start != d.end
                        and d.span[0] >= every.span[1] and _ONE_CLAUSE.fullmatch(text, every.span[1], d.span[0])
                        and not _A_YEAR.search(text, d.span[0], d.span[1])), None)
        if stretch is None:
            continue
        span = (every.span[0], stretch.span[1])
        merged = Deadline(text=" ".join(text[span[0]:span[1]].split()), start=stretch.start, end=stretch.end,
                          recurrence=_YEARLY, span=span)
        out[out.index(every)] = merged
        out.remove(stretch)
    return out


def _records(doc: Doc, expression: TimeExpression, resolution: Resolution, anchor: Anchor | None) -> list[Deadline]:
    quote = doc.text[expression.span[0]:expression.span[1]]
    text = " ".join(quote.split())
    if resolution.next_year:
        doc.warnings.append(f"deadline “{text}” gives no year: the anchor's year would put it before "
                            f"the document's date, so it is taken as the next year")
    hour = _hour(doc.text, expression)
    return [Deadline(text=text, start=_iso(v.start), end=_iso(v.end), recurrence=v.recurrence,
                     time=hour if v.end else None, span=expression.span)
            for v in resolution.values]


_AFTER_DAY = re.compile(r"\s*,?\s*(?:vào\s+)?lúc\s+")


def _hour(text: str, expression: TimeExpression) -> str | None:
    """"trước 16 giờ 00 ngày 20/3" (between cue and date), "hôm nay lúc 2 giờ chiều" (after the day)."""
    if expression.cue in ("recurrence", "duration"):
        return None
    hour = clock_in(text[expression.span[0]:expression.core[0]])
    after = _AFTER_DAY.match(text, expression.span[1])
    if hour is None and after:
        hour = clock_in(text[after.end():after.end() + 20].split(",")[0])
    return hour


def _iso(day) -> str | None:
    return day.isoformat() if day else None
