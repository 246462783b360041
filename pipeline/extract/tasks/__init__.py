"""tasks: instructions to bodies (ANNOTATION.md, "tasks"), one record per body-and-instruction.

Read from the running text (walk.py: clauses, headings, lead-ins and addressees) and from
assignment tables (tables.py); each task then takes the deadline that governs it and the
targets its clause holds (attach.py).
"""
from __future__ import annotations

from pipeline.core.doc import Doc
from pipeline.extract.tasks import attach
from pipeline.extract.tasks.index import Index
from pipeline.extract.tasks.lexicon import cues, proposing_types
from pipeline.extract.tasks.subjects import Namer
from pipeline.extract.tasks.tables import place_authorities, read_tables
from pipeline.extract.tasks.walk import Draft, Walker
from pipeline.core.records import Body, Task


def find(doc: Doc) -> list[Task]:
    if doc.document and (doc.document.doc_type or "").lower() in proposing_types():
        return []  # a Tờ trình proposes; its superior's decision gives the instructions
    namer = Namer(doc)
    index = Index(doc)
    drafts, covered = read_tables(doc, namer)
    drafts += Walker(doc, namer, index, skip=covered).run()
    kept = [d for d in _distinct(doc, drafts) if d.responsible]
    return [_task(doc, index, d) for d in kept if not _closes_an_item(doc, d, kept)]


def with_table_authorities(doc: Doc) -> list[Body]:
    """The document's bodies, with the authorities its assignment tables name by their place
    alone ("Xã Hòa Bình" in a schedule of inspections is Ủy ban nhân dân xã Hòa Bình): a body
    responsible for a task is a body of the document (ANNOTATION.md, "bodies")."""
    bodies = list(doc.bodies)
    known = {" ".join(b.name.lower().split()) for b in bodies}
    for named in place_authorities(doc):
        key = " ".join(named.name.lower().split())
        if key in known:
            continue
        known.add(key)
        bodies.append(Body(name=named.name, kind="locality", spans=[named.span]))
    return bodies


def _task(doc: Doc, index: Index, d: Draft) -> Task:
    reach = (d.start, d.reach)
    return Task(
        action=attach.action(doc, d.action, d.action_end or d.end) or attach.action(doc, d.start, d.end),
        responsible=[b.name for b in d.responsible],
        coordinating=[b.name for b in d.coordinating],
        deadline=attach.deadline(doc, index, reach, d.governing) if d.due is None else d.due,
        targets=attach.targets(index, reach),
        span=(d.start, attach.evidence_end(doc, d.start, d.end)),
    )


def _closes_an_item(doc: Doc, d: Draft, drafts: list[Draft]) -> bool:
    """"Giao Sở A chủ trì … . Căn cứ nội dung này, … yêu cầu Giám đốc Sở A triển khai thực hiện.": a
    generic order to carry out, in the paragraph where the same bodies were given their instruction,
    closes that item (task_cues.yaml, generic_action)."""
    if not cues()["generic_action"].match(doc.text, d.action, d.end):
        return False
    paragraph_start = doc.text.rfind("\n", 0, d.start) + 1
    names = {b.name for b in d.responsible}
    return any(o is not d and paragraph_start <= o.start < d.start and names <= {b.name for b in o.responsible}
               for o in drafts)


def _distinct(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """One task per span, and one per sentence said twice (web pages repeat their lead)."""
    seen: set = set()
    out = []
    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        said = (" ".join(doc.text[d.start:d.end].split()), tuple(b.name for b in d.responsible))
        if (d.start, d.end) in seen or said in seen:
            continue
        seen |= {(d.start, d.end), said}
        out.append(d)
    return out
