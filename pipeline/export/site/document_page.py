"""One document's page: its text with the findings highlighted, beside the lists of findings,
and a panel that shows the selected item (a task: its bodies, deadline and targets)."""
from __future__ import annotations

from collections.abc import Iterator

from pipeline.export.site.highlight import highlighted
from pipeline.export.site.html import attr, text
from pipeline.export.site.items import KIND_TITLES, KINDS, Detail, Item, items_of
from pipeline.core.records import Record

LABEL_CHARS = 180


def title_of(record: Record) -> str:
    info = record.document
    return " ".join(v for v in (info.doc_type, info.number) if v) or record.id


def document_body(record: Record) -> Iterator[str]:
    items = items_of(record)
    yield '<div class="doc">'
    yield '<article class="text-pane">'
    yield from _heading(record)
    yield from _legend(items)
    yield '<pre id="text" class="text">'
    yield from highlighted(record.text, items)
    yield "</pre></article>"
    yield '<aside class="side">'
    yield from _panel(items)
    yield from _metadata(record)
    for kind in KINDS:
        yield from _list(kind, [i for i in items if i.kind == kind])
    yield "</aside></div>"


def _heading(record: Record) -> Iterator[str]:
    info = record.document
    yield f'<header class="doc-head"><h1>{text(title_of(record))}</h1>'
    if info.subject:
        yield f'<p class="subject">{text(info.subject)}</p>'
    for warning in record.warnings:
        yield f'<p class="warning">{text(warning)}</p>'
    yield "</header>"


def _legend(items: list[Item]) -> Iterator[str]:
    yield '<p class="legend">'
    for kind in KINDS:
        count = sum(1 for i in items if i.kind == kind)
        yield f'<span class="swatch k-{kind}">{text(KIND_TITLES[kind])} {count}</span> '
    yield "</p>"


def _metadata(record: Record) -> Iterator[str]:
    info, signer = record.document, record.document.signer
    rows = (("Type", info.doc_type), ("Number", info.number), ("Issuer", info.issuer), ("Date", info.issued_date),
            ("Place", info.place), ("Signed", signer and ", ".join(v for v in (signer.title, signer.name) if v)),
            ("Report", "yes: the text reports on the document" if info.is_report else None),
            ("Source", f"{record.source.path} ({record.source.format})"), ("Status", record.status), ("Id", record.id))
    yield '<section class="meta"><h2>Document</h2><dl>'
    for label, value in rows:
        if value:
            yield f"<dt>{text(label)}</dt><dd>{text(value)}</dd>"
    yield "</dl></section>"


def _list(kind: str, items: list[Item]) -> Iterator[str]:
    state = " open" if items and kind in ("task", "target", "deadline") else ""
    yield f'<details class="list list-{kind}"{state}><summary>{text(KIND_TITLES[kind])} ({len(items)})</summary>'
    yield '<ol class="items">'
    for item in items:
        label = item.label if len(item.label) <= LABEL_CHARS else item.label[:LABEL_CHARS - 1] + "…"
        note = f'<span class="note">{text(item.note)}</span>' if item.note else ""
        yield (f'<li><button type="button" class="item k-{kind}" data-item="{attr(item.key)}">'
               f'<span class="label">{text(label)}</span>{note}</button></li>')
    yield "</ol></details>"


def _panel(items: list[Item]) -> Iterator[str]:
    yield '<section id="panel" class="panel" hidden><h2>Selected <button type="button" class="close" ' \
          'aria-label="Close">×</button></h2>'
    for item in items:
        yield f'<div class="detail detail-{item.kind}" data-detail="{attr(item.key)}" hidden>'
        yield f'<p class="kind k-{item.kind}">{text(item.kind)} {item.index + 1}</p><dl>'
        for detail in item.details:
            yield from _detail(detail)
        yield (f'</dl><p><button type="button" class="goto" data-item="{attr(item.key)}">'
               f'Show in the text</button></p></div>')
    yield "</section>"


def _detail(detail: Detail) -> Iterator[str]:
    yield f"<dt>{text(detail.label)}</dt>"
    if len(detail.values) + len(detail.links) <= 1 and not detail.links:
        yield f"<dd>{text(detail.values[0] if detail.values else '')}</dd>"
        return
    yield f'<dd><ul class="{attr(detail.label.lower())}">'
    for value in detail.values:
        yield f"<li>{text(value)}</li>"
    for key, label in detail.links:
        yield f'<li><button type="button" class="link" data-item="{attr(key)}">{text(label)}</button></li>'
    yield "</ul></dd>"
