"""The cue words of resources/target_cues.yaml, compiled once, and the one question asked
of them: which cue stands nearest a point of the text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import resources
from pipeline.core import anchors


@dataclass(frozen=True)
class Cue:
    kind: str     # the list it comes from: "target", "achieved", "not_target", …
    start: int
    end: int


def compile_words(entries, flags=re.IGNORECASE) -> re.Pattern:
    """One pattern for a list of cue entries, each standing as whole words, longest first."""
    parts = sorted(entries, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(_flexible_spaces(e) for e in parts) + r")(?!\w)", flags)


def compile_suffix(entries, flags=re.IGNORECASE) -> re.Pattern:
    """One pattern for cue entries that must end a piece of text (spaces after them allowed)."""
    parts = sorted(entries, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(_flexible_spaces(e) for e in parts) + r")\s*$", flags)


def _flexible_spaces(entry: str) -> str:
    """A space of an entry matches any run of spaces, except inside a look-behind
    ("(?<!đã )ban hành"), which must keep a fixed width."""
    out, depth, behind = [], 0, -1
    for i, c in enumerate(entry):
        if c == "(":
            depth += 1
            if entry.startswith("(?<", i) and behind < 0:
                behind = depth
        elif c == ")":
            if depth == behind:
                behind = -1
            depth -= 1
        out.append(r"\s+" if c == " " and behind < 0 else c)
    return "".join(out)


@cache
def data() -> dict:
    return resources.load("target_cues.yaml")


@cache
def pattern(*path: str) -> re.Pattern:
    """The compiled cue list at `path` in the data file: pattern("status", "target")."""
    node = data()
    for key in path:
        node = node[key]
    return compile_words(node if isinstance(node, list) else [node])


def nearest_before(text: str, start: int, end: int, kinds: dict[str, re.Pattern],
                   skip: tuple[tuple[int, int], ...] = ()) -> Cue | None:
    """The cue of any of `kinds` that ends last within text[start:end] (the nearest one
    before `end`), none inside the `skip` spans; on a tie the longer cue wins. Read back in
    widening windows: the nearest cue is most often a few words away."""
    for width in _WINDOWS:
        window = max(start, end - width)
        best = _last_cue(text, window, end, kinds, skip)
        if best is not None or window == start:
            return best
    return _last_cue(text, start, end, kinds, skip)


_WINDOWS = (160, 640)


def _last_cue(text: str, start: int, end: int, kinds: dict[str, re.Pattern],
              skip: tuple[tuple[int, int], ...]) -> Cue | None:
    best: Cue | None = None
    for kind, compiled in kinds.items():
        for m in finditer(compiled, text, start, end):
            if skip and any(a <= m.start() < b for a, b in skip):
                continue
            if best is None or (m.end(), m.end() - m.start()) > (best.end, best.end - best.start):
                best = Cue(kind, m.start(), m.end())
    return best


def first_after(text: str, start: int, end: int, kinds: dict[str, re.Pattern]) -> Cue | None:
    """The cue of any of `kinds` that starts first within text[start:end]."""
    best: Cue | None = None
    for kind, compiled in kinds.items():
        m = anchors.search_stretch(compiled, text, start, end)
        if m and (best is None or m.start() < best.start):
            best = Cue(kind, m.start(), m.end())
    return best


def finditer(compiled: re.Pattern, text: str, start: int, end: int):
    """`compiled.finditer(text, start, end)`, tried only where a word every match opens with stands
    (core/anchors.py): the stage scans each sentence for the same few cues, and most sentences hold
    none of them. Their places are found once per document."""
    return anchors.finditer_stretch(compiled, text, start, end)
