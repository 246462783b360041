"""A record's findings as uniform viewer items: a key, spans to highlight, a label and details.

The document page lists them, highlights them in the text and shows the
details of the one selected. Values are plain strings here; pages escape them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.core.records import Record, Target

KINDS = ("task", "target", "deadline", "body", "reference")
KIND_TITLES = {"task": "Tasks", "target": "Targets", "deadline": "Deadlines", "body": "Bodies",
               "reference": "References"}
COMPARATOR_SIGNS = {"=": "", ">=": "≥ ", "<=": "≤ ", "<": "< ", ">": "> "}


@dataclass(frozen=True)
class Detail:
    label: str
    values: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()   # (item key, label): other items of the page


@dataclass(frozen=True)
class Item:
    kind: str
    index: int
    spans: tuple[tuple[int, int], ...]
    label: str
    note: str = ""
    details: tuple[Detail, ...] = field(default=())

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.index}"


def number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", " ") if isinstance(value, int) else str(value).replace(".", ",")


def figure(target: Target) -> str:
    """"≥ 1 500 ha", "42/85 xã", "9–10 %": the target's figure as a reader writes it."""
    if target.value is None:
        return ""
    value = number(target.value)
    if target.value_max is not None:
        value += "–" + number(target.value_max)
    if target.denominator is not None:
        value += "/" + number(target.denominator)
    unit = target.unit or ""
    return (COMPARATOR_SIGNS.get(target.comparator or "=", "") + value + ("" if unit == "%" else " ") + unit).strip()


def period(start: str | None, end: str | None) -> str:
    if start and end:
        return start if start == end else f"{start} → {end}"
    return f"→ {end}" if end else (f"{start} →" if start else "")


def items_of(record: Record) -> list[Item]:
    return (_tasks(record) + _targets(record) + _deadlines(record) + _bodies(record) + _references(record))


def _tasks(record: Record) -> list[Item]:
    items = []
    for i, task in enumerate(record.tasks):
        due = task.deadline
        targets = tuple((f"target-{t}", _target_label(record.targets[t])) for t in task.targets
                        if 0 <= t < len(record.targets))
        details = (
            Detail("Action", (task.action,)),
            Detail("Responsible", tuple(task.responsible) or ("—",)),
            Detail("Coordinating", tuple(task.coordinating) or ("—",)),
            Detail("Deadline", tuple(v for v in (due.text, period(due.start, due.end),
                                                 due.recurrence and f"repeats: {due.recurrence}") if v)
                   if due else ("—",)),
            Detail("Targets", () if targets else ("—",), targets),
        )
        items.append(Item("task", i, (task.span,), task.action, "; ".join(task.responsible), details))
    return items


def _target_label(target: Target) -> str:
    return " ".join(v for v in (target.indicator or "(no indicator)", figure(target)) if v)


def _targets(record: Record) -> list[Item]:
    items = []
    for i, t in enumerate(record.targets):
        when = period(t.period.start, t.period.end) if t.period else ""
        details = (
            Detail("Indicator", (t.indicator or "—",)),
            Detail("Figure", (figure(t) or "none",)),
            Detail("Kind", (", ".join(v for v in (t.status, t.mode, t.comparator) if v),)),
            Detail("Period", (when or "—",)),
            Detail("Scope", (t.scope or "—",)),
        )
        items.append(Item("target", i, (t.span,), _target_label(t), f"{t.status} {when}".strip(), details))
    return items


def _deadlines(record: Record) -> list[Item]:
    items = []
    for i, d in enumerate(record.deadlines):
        details = (Detail("As written", (d.text,)), Detail("Dates", (period(d.start, d.end) or "—",)),
                   Detail("Repeats", (d.recurrence or "—",)))
        items.append(Item("deadline", i, (d.span,), d.text, period(d.start, d.end) or d.recurrence or "", details))
    return items


def _bodies(record: Record) -> list[Item]:
    items = []
    for i, b in enumerate(record.bodies):
        details = (Detail("Name", (b.name,)), Detail("Kind", (b.kind,)), Detail("Mentions", (str(len(b.spans)),)))
        if b.code:
            details += (Detail("Code", (b.code,)),)
        items.append(Item("body", i, tuple(b.spans), b.name, f"{b.kind} · {len(b.spans)}×", details))
    return items


def _references(record: Record) -> list[Item]:
    items = []
    for i, r in enumerate(record.references):
        label = " ".join(v for v in (r.doc_type, r.number) if v) or "(unnamed document)"
        details = (Detail("Type", (r.doc_type or "—",)), Detail("Number", (r.number or "—",)),
                   Detail("Date", (r.issued_date or "—",)), Detail("Issuer", (r.issuer or "—",)))
        items.append(Item("reference", i, (r.span,), label, r.issued_date or "", details))
    return items
