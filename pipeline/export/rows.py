"""One record → its rows in every table (plain dicts keyed by the columns of columns.py)."""
from __future__ import annotations

import json

from pipeline.core.records import Record, Span, Target, Task

JOIN = "; "   # body names contain commas ("Sở Văn hóa, Thể thao và Du lịch"), never semicolons


def document_keys(record: Record) -> dict:
    info = record.document
    return {"doc_id": record.id, "doc_number": info.number, "doc_type": info.doc_type,
            "doc_issuer": info.issuer, "doc_date": info.issued_date, "doc_year": year_of(info.issued_date)}


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and iso[:4].isdigit() else None


def rows_of(record: Record) -> dict[str, list[dict]]:
    keys = document_keys(record)
    return {
        "documents": [keys | _document(record)],
        "references": [keys | _reference(record, i) for i in range(len(record.references))],
        "bodies": [keys | _body(record, i) for i in range(len(record.bodies))],
        "targets": [keys | _target(record, i, keys["doc_year"]) for i in range(len(record.targets))],
        "deadlines": [keys | _deadline(record, i) for i in range(len(record.deadlines))],
        "tasks": [keys | _task(task, i) for i, task in enumerate(record.tasks)],
        "task_bodies": [keys | row for i, task in enumerate(record.tasks) for row in _task_bodies(task, i)],
    }


def _document(record: Record) -> dict:
    info, source, signer = record.document, record.source, record.document.signer
    return {
        "place": info.place, "subject": info.subject,
        "signer_name": signer.name if signer else None, "signer_title": signer.title if signer else None,
        "is_report": info.is_report, "status": record.status, "warnings": " | ".join(record.warnings) or None,
        "source_path": source.path, "source_format": source.format, "source_pages": source.pages,
        "source_sha256": source.sha256 or None, "pipeline_version": record.pipeline_version,
        "text_chars": len(record.text),
        "n_references": len(record.references), "n_bodies": len(record.bodies), "n_targets": len(record.targets),
        "n_deadlines": len(record.deadlines), "n_tasks": len(record.tasks),
    }


def _span(span: Span) -> dict:
    return {"span_start": span[0], "span_end": span[1]}


def _evidence(record: Record, span: Span) -> str:
    return record.text[span[0]:span[1]]


def _reference(record: Record, i: int) -> dict:
    ref = record.references[i]
    return {"ref_index": i, "ref_doc_type": ref.doc_type, "ref_number": ref.number, "ref_date": ref.issued_date,
            "ref_issuer": ref.issuer, **_span(ref.span), "evidence": _evidence(record, ref.span)}


def _body(record: Record, i: int) -> dict:
    body = record.bodies[i]
    return {"body_index": i, "name": body.name, "kind": body.kind, "code": body.code, "mentions": len(body.spans),
            "spans": json.dumps([list(s) for s in body.spans])}


def target_year(target: Target, doc_year: int | None) -> int | None:
    period = target.period
    if period is not None:
        return year_of(period.end) or year_of(period.start) or doc_year
    return doc_year


def _target(record: Record, i: int, doc_year: int | None) -> dict:
    t = record.targets[i]
    return {"target_index": i, "indicator": t.indicator, "value": t.value, "value_max": t.value_max,
            "denominator": t.denominator, "unit": t.unit, "comparator": t.comparator, "mode": t.mode,
            "status": t.status, "period_start": t.period.start if t.period else None,
            "period_end": t.period.end if t.period else None, "year": target_year(t, doc_year), "scope": t.scope,
            **_span(t.span), "evidence": _evidence(record, t.span)}


def _deadline(record: Record, i: int) -> dict:
    d = record.deadlines[i]
    return {"deadline_index": i, "text": d.text, "start_date": d.start, "end_date": d.end,
            "recurrence": d.recurrence, "time": d.time, **_span(d.span)}


def _task(task: Task, i: int) -> dict:
    due = task.deadline
    return {"task_index": i, "action": task.action, "responsible": JOIN.join(task.responsible) or None,
            "coordinating": JOIN.join(task.coordinating) or None,
            "deadline_text": due.text if due else None, "deadline_start": due.start if due else None,
            "deadline_end": due.end if due else None, "deadline_recurrence": due.recurrence if due else None,
            "deadline_time": due.time if due else None,
            "target_indices": ",".join(map(str, task.targets)) or None, **_span(task.span)}


def _task_bodies(task: Task, i: int) -> list[dict]:
    due = task.deadline.end if task.deadline else None
    seen, rows = set(), []
    for role, names in (("responsible", task.responsible), ("coordinating", task.coordinating)):
        for name in names:
            if (role, name) not in seen:   # a list naming a body twice still gives one row (the table's key)
                seen.add((role, name))
                rows.append({"task_index": i, "role": role, "body": name, "deadline_end": due})
    return rows
