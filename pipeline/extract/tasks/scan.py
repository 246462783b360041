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
        # By pattern: where its opening words start (`finditer`), where its held words do (`may_hold`).
        self._opening: dict[re.Pattern, list[int] | None] = {}
        self._held: dict[re.Pattern, list[int] | None] = {}
        self._chars: dict[str, list[int]] = {}
        self._present: dict[str, bool] = {}  # whether a character is in the lower-cased text

    def finditer(self, pattern: re.Pattern, pos: int, end: int) -> Iterator[re.Match]:
        """`pattern.finditer(text, pos, end)`, the pattern tried only where one of its opening words stands."""
        starts = self._opening.get(pattern, False)
        if starts is False:
            opening = anchors.opening(pattern)
            starts = self._opening[pattern] = (None if opening is None or opening.digit
                                               else self._positions(opening.words))
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
        """False only when no match of `pattern` lies in text[pos:end]: every match holds a word of each
        of the pattern's required sets ("yêu cầu" or "đề nghị" …, and ":"), and of the set with the fewest
        words (the cheapest to find through a document) none starts there."""
        found = self._held.get(pattern, False)
        if found is False:
            sets = anchors.required_sets(pattern)
            found = self._held[pattern] = self._positions(min(sets, key=len)) if sets else None
        if found is None:
            return True
        k = bisect_left(found, pos)
        return k < len(found) and found[k] < end

    def count(self, char: str, pos: int, end: int) -> int:
        """`text.count(char, pos, end)`."""
        found = self._chars.get(char)
        if found is None:
            found = self._chars[char] = [m.start() for m in re.finditer(re.escape(char), self.text)]
        return bisect_left(found, end) - bisect_left(found, pos)

    def _has(self, char: str) -> bool:
        known = self._present.get(char)
        if known is None:
            known = self._present[char] = char in self._lowered
        return known

    def _positions(self, words) -> list[int] | None:
        """Where any of `words` starts in the lower-cased text, in order; None where the text cannot be
        read so."""
        if self._lowered is None or not words:
            return None
        starts = set()
        for word in words:
            # The patterns' spellings with a dotless "ı" or a long "ſ" (anchors.opening) are in few texts:
            # a word with a character the text lacks is not looked for through all of it.
            if not all(map(self._has, word)):
                continue
            i = self._lowered.find(word)
            while i >= 0:
                starts.add(i)
                i = self._lowered.find(word, i + 1)
        return sorted(starts)
