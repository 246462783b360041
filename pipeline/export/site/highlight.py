"""A document's text with every item highlighted at its spans, spans nesting and overlapping freely.

The text is cut at every span boundary; each piece becomes one <span> naming
all the items that cover it (data-i) and their kinds (classes k-task, k-body…),
so a task's sentence stays marked where a body or a deadline inside it is.
An empty anchor (id="ev-<key>") marks where each item's evidence begins.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pipeline.export.site.html import text as escape
from pipeline.export.site.items import Item


def highlighted(text: str, items: list[Item]) -> Iterator[str]:
    starts, ends = _events(text, items)
    active: dict[str, list] = {}            # key → [kind, how many of its spans are open here]
    anchored: set[str] = set()
    cuts = sorted({0, len(text), *starts, *ends})
    for a, b in zip(cuts, cuts[1:]):
        for key in ends.get(a, ()):
            active[key][1] -= 1
            if active[key][1] == 0:
                del active[key]
        for kind, key in starts.get(a, ()):
            active.setdefault(key, [kind, 0])[1] += 1
            if key not in anchored:
                anchored.add(key)
                yield f'<span class="anchor" id="ev-{key}"></span>'
        piece = escape(text[a:b])
        if active:
            kinds = " ".join(sorted({f"k-{kind}" for kind, _ in active.values()}))
            yield f'<span class="hl {kinds}" data-i="{" ".join(active)}">{piece}</span>'
        else:
            yield piece


def _events(text: str, items: list[Item]) -> tuple[dict[int, list], dict[int, list]]:
    """Where each item's spans start and end; spans outside the text are clipped, empty ones dropped."""
    starts: dict[int, list] = defaultdict(list)
    ends: dict[int, list] = defaultdict(list)
    n = len(text)
    for item in items:
        for start, end in item.spans:
            start, end = max(0, start), min(n, end)
            if start < end:
                starts[start].append((item.kind, item.key))
                ends[end].append(item.key)
    return starts, ends
