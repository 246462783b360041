"""Words a pattern cannot match without: a scan of a whole text is skipped when none is in it.

Most of the time of a stage that runs many patterns over a whole document goes to patterns
that find nothing there: "tết", "mùa xuân", "giai đoạn" are in few documents. Each such
pattern has words every match of it holds ("tết" itself; one of "thứ hai", "chủ nhật" …), read
here from the pattern's own syntax tree; `str.find` on the lower-cased text says in microseconds
whether one is there. The answer is the pattern's own: a pattern that may match without any
word of its own (`\\d+/\\d+`) is always run.

Lower-casing stands in for the pattern's IGNORECASE only for letters that have no other case
than their upper and lower ones: a word with "i", "s" or a Greek or Cyrillic letter that
case-folds to more than one ("ı", "ſ", "K" …) is cut at that letter, and the longer side kept.
"""
from __future__ import annotations

import re
from functools import lru_cache

try:  # the standard library's own parser of patterns (sre_parse before Python 3.11)
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

try:
    from re._casefix import _EXTRA_CASES
    _UNSAFE = frozenset(chr(c) for c in _EXTRA_CASES) | {"i", "s", "İ"}
except ImportError:  # pragma: no cover - without the table, no letter is taken as safe
    _UNSAFE = None

_MIN_LENGTH = 2   # a word of one letter is in every text: not worth looking for
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))


@lru_cache(maxsize=None)
def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case words, one of which is in every text `pattern` matches in; None when there are none."""
    if _UNSAFE is None or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a syntax this reading does not know: the pattern always runs
        return None
    return _sequence(list(tree))


def may_match(pattern: re.Pattern, lowered: str) -> bool:
    """False only when `pattern` cannot match in the text whose `text.lower()` is `lowered`."""
    words = required_words(pattern)
    return words is None or any(word in lowered for word in words)


def _sequence(items: list) -> frozenset[str] | None:
    """The most selective of the alternatives a sequence of items requires (longest shortest word)."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(words: frozenset[str] | None) -> None:
        nonlocal best
        if words and (best is None or min(map(len, words)) > min(map(len, best))):
            best = words

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        consider(_safe("".join(run)))
        run = []
        consider(_item(op, av))
    consider(_safe("".join(run)))
    return best


def _item(op, av) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.BRANCH:
        branches = [_sequence(list(branch)) for branch in av[1]]
        if any(words is None for words in branches):
            return None
        return frozenset().union(*branches)
    if op in _REPEATS and av[0] >= 1:
        return _sequence(list(av[2]))
    return None  # classes, optional parts, lookarounds, anchors, back-references: nothing required


def _safe(literal: str) -> frozenset[str] | None:
    """The literal's longest stretch of letters whose lower case is exact, as a one-word alternative."""
    pieces = re.split("[" + re.escape("".join(sorted(_UNSAFE))) + "]", literal.lower()) if literal else []
    longest = max(pieces, key=len, default="")
    return frozenset([longest]) if len(longest) >= _MIN_LENGTH else None
