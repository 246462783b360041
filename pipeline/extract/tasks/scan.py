"""Where the task stage's cues may stand in a document, found once for all of its clauses.

The walker reads every clause of a document with the same cues: "giao", "yêu cầu", "phối hợp"
looked for all through each clause, "… thông báo để … biết" tried at each clause's start. The regex
engine tries such a pattern at every character of every clause, though most clauses hold none of
its words. The words every match opens with, or holds (core/anchors.py reads them from the
pattern itself), are found once in the lower-cased document; a clause without them is not
scanned. The answers are the regex engine's own, match for match (tests/test_task_scan.py).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from pipeline.core import anchors


class CueScan:
    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        # A letter whose lower case is longer ("İ") moves every index after it: then no shortcut.
        self._lowered = lowered if len(lowered) == len(text) else None
        self._found: dict[tuple, list[int] | None] = {}

    def finditer(self, pattern: re.Pattern, pos: int, end: int) -> Iterator[re.Match]:
        """`pattern.finditer(text, pos, end)`, the pattern tried only where one of its opening words stands."""
        opening = anchors.opening(pattern)
        starts = None if opening is None or opening.digit else self._positions(opening.words)
        if starts is None:
            yield from pattern.finditer(self.text, pos, end)
            return
        resume = pos  # matches do not overlap: the scan goes on where the last one ended
        for k in range(bisect_left(starts, pos), len(starts)):
            i = starts[k]
            if i >= end:
                return
            if i < resume:
                continue
            m = pattern.match(self.text, i, end)
            if m:
                yield m
                resume = m.end()

    def may_hold(self, pattern: re.Pattern, pos: int, end: int) -> bool:
        """False only when no match of `pattern` lies in text[pos:end]: none of the words one of which
        every match holds starts there."""
        words = anchors.required_words(pattern)
        found = None if words is None else self._positions(tuple(sorted(words)))
        if found is None:
            return True
        k = bisect_left(found, pos)
        return k < len(found) and found[k] < end

    def count(self, char: str, pos: int, end: int) -> int:
        """`text.count(char, pos, end)`."""
        found = self._found.get(("count", char))
        if found is None:
            found = self._found[("count", char)] = [m.start() for m in re.finditer(re.escape(char), self.text)]
        return bisect_left(found, end) - bisect_left(found, pos)

    def _positions(self, words: tuple[str, ...]) -> list[int] | None:
        """Where any of `words` starts in the lower-cased text, in order; None where the text cannot be
        read so."""
        if self._lowered is None or not words:
            return None
        found = self._found.get(words)
        if found is None:
            starts = set()
            for word in words:
                i = self._lowered.find(word)
                while i >= 0:
                    starts.add(i)
                    i = self._lowered.find(word, i + 1)
            found = self._found[words] = sorted(starts)
        return found
