"""What a task carries besides who: the deadline that governs it, the targets it serves, its action."""
from __future__ import annotations

from pipeline.core.doc import Doc, Span
from pipeline.extract.tasks.index import Index
from pipeline.extract.tasks.lexicon import cues
from pipeline.core.records import DeadlineValue

_ACTION_TRIM = " \t\n,;:.-–"
_ACTION_LIMIT = 200
_EVIDENCE_LIMIT = 400


def deadline(doc: Doc, index: Index, span: Span, leads: list[Span]) -> DeadlineValue | None:
    """The first deadline the task's own clause sets, else its sentence's, else that of the
    lead-in or heading that governs it (CONTRACT.md)."""
    s, e = span
    own = _first_in(doc, index, s, e)
    if own is not None:
        return own
    lead = _sentence_lead(doc, index, s)
    if lead:
        found = _first_in(doc, index, *lead)
        if found is not None:
            return found
    for lead in leads:
        found = _first_in(doc, index, *lead)
        if found is not None:
            return found
    for section in index.sections_at(s):
        if section.heading[0] <= s < section.heading[1]:
            continue  # the task is on the item's own line: its other sentences are not its heading
        found = _first_in(doc, index, *section.heading, governing_only=True)
        if found is not None:
            return found
    return None


def _sentence_lead(doc: Doc, index: Index, s: int) -> Span | None:
    """The part of the task's sentence before it, back to the last ";": "Định kỳ hằng tháng, các sở …"."""
    sentence = index.sentence_at(s)
    if not sentence or sentence[0] >= s:
        return None
    cut = doc.text.rfind(";", sentence[0], s)
    return (cut + 1 if cut >= 0 else sentence[0], s)


def _first_in(doc: Doc, index: Index, start: int, end: int, governing_only: bool = False) -> DeadlineValue | None:
    """The first deadline in text[start:end]; one said to be when the work is done
    ("phấn đấu hoàn thành trong tháng 11/2020") goes before a goal's period ("đến cuối năm 2020")."""
    inside = index.deadlines_in(start, end)
    c = cues()
    if governing_only:  # a heading's time governs only when it says by when (task_cues.yaml)
        inside = [d for d in inside if c["governing_time"].match(d.text)
                  or c["governing_before"].search(doc.text[max(start, d.span[0] - 14):d.span[0]])]
    if not inside:
        return None
    done = [d for d in inside if c["completion_before"].search(doc.text[max(start, d.span[0] - 30):d.span[0]])]
    d = (done or inside)[0]
    return DeadlineValue(text=d.text, start=d.start, end=d.end, recurrence=d.recurrence, time=d.time)


def targets(index: Index, span: Span) -> list[int]:
    return index.targets_in(*span)


def evidence_end(doc: Doc, start: int, end: int) -> int:
    """Where the quote of a task ends: its clause, but not the long legal citations some clauses
    drag behind them ("… theo quy định tại khoản 1 Điều 17 Nghị định số …")."""
    if end - start <= _EVIDENCE_LIMIT:
        return end
    window = doc.text[start:start + _EVIDENCE_LIMIT]
    cut = max(window.rfind(", "), window.rfind(" ("), window.rfind(" theo "))
    if cut < _EVIDENCE_LIMIT // 2:
        cut = window.rfind(" ")
    return start + cut if cut > 0 else end


def action(doc: Doc, start: int, end: int) -> str:
    """What must be done, short: the clause after its cue, subject and coordinating bodies."""
    text = " ".join(doc.text[start:end].split()).strip(_ACTION_TRIM)
    if len(text) > _ACTION_LIMIT:
        cut = text.rfind(" ", 0, _ACTION_LIMIT)
        text = text[:cut if cut > 0 else _ACTION_LIMIT].rstrip(_ACTION_TRIM)
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
