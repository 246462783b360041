"""Lookups by position over a document's sentences, sections, deadlines and targets.

The task stage asks these questions once per line or per task; sorted starts and bisection
keep a long Kế hoạch (thousands of lines) from costing lines × sentences.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from pipeline.core.doc import Doc, Section, Span
from pipeline.core.records import Deadline


class Index:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._sentences = sorted(doc.sentences)
        self._sentence_starts = [s for s, _ in self._sentences]
        self._heading_starts = [s.heading[0] for s in doc.sections]
        self._deadlines = sorted(doc.deadlines, key=lambda d: d.span)
        self._deadline_starts = [d.span[0] for d in self._deadlines]
        self._targets = sorted((t.span[0], t.span[1], k) for k, t in enumerate(doc.targets))
        self._target_starts = [t[0] for t in self._targets]

    def sentences_in(self, start: int, end: int) -> list[Span]:
        """The sentences overlapping text[start:end], clipped to it."""
        k = max(0, bisect_right(self._sentence_starts, start) - 1)
        out = []
        while k < len(self._sentences) and self._sentences[k][0] < end:
            s, e = self._sentences[k]
            if e > start:
                out.append((max(s, start), min(e, end)))
            k += 1
        return out

    def sentence_at(self, i: int) -> Span | None:
        k = bisect_right(self._sentence_starts, i) - 1
        if k >= 0 and self._sentences[k][0] <= i < self._sentences[k][1]:
            return self._sentences[k]
        return None

    def section_chain(self, i: int) -> list[int]:
        """Indices of the sections enclosing position i, innermost first."""
        k = bisect_right(self._heading_starts, i) - 1
        sections = self.doc.sections
        while k >= 0 and not sections[k].contains(i):
            k = sections[k].parent if sections[k].parent is not None else -1
        chain = []
        while k is not None and k >= 0:
            chain.append(k)
            k = sections[k].parent
        return chain

    def sections_at(self, i: int) -> list[Section]:
        return [self.doc.sections[k] for k in self.section_chain(i)]

    def deadlines_in(self, start: int, end: int) -> list[Deadline]:
        lo = bisect_left(self._deadline_starts, start)
        hi = bisect_left(self._deadline_starts, end)
        return [d for d in self._deadlines[lo:hi] if d.span[1] <= end]

    def targets_in(self, start: int, end: int) -> list[int]:
        lo = bisect_left(self._target_starts, start)
        hi = bisect_left(self._target_starts, end)
        return sorted(k for s, e, k in self._targets[lo:hi] if e <= end)
