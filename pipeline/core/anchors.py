"""Words a pattern cannot match without: a scan of a whole text is skipped when none is in it.

Most of the time of a stage that runs many patterns over a whole document goes to patterns
that find nothing there: "tết", "mùa xuân", "giai đoạn" are in few documents. Each such
pattern has words every match of it holds ("tết" itself; one of "thứ hai", "chủ nhật" …), read
here from the pattern's own syntax tree; `str.find` on the lower-cased text says in microseconds
whether one is there. The answer is the pattern's own: a pattern that may match without any
word of its own (`\\d+/\\d+`) is always run.

The same reading serves three questions: `may_match` (one word of the most selective part),
`search` (a word of each part the pattern needs, before it is searched), and `finditer` (the
words or digits every match opens with: the pattern is tried only where one stands, not at every
character). Each gives what the regex engine would, match for match.

Lower-casing stands in for the pattern's IGNORECASE only for letters that have no other case
than their upper and lower ones: a word with "i", "s" or a Greek or Cyrillic letter that
case-folds to more than one ("ı", "ſ", "K" …) is cut at that letter, and the longer side kept.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache, wraps

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

# What each pattern was read as, by (question, pattern, flags). core/pattern_cache.py keeps it with
# the compiled patterns, so a fresh worker parses none of the patterns an earlier one read (their
# syntax trees, in pure Python, were a sixtieth of a second of every worker's start).
known: dict[tuple[str, str, int], object] = {}


def _read_once(read):
    """`read(pattern)` once a process, its answer for a pattern of text taken from `known` if there."""
    question = read.__name__

    @lru_cache(maxsize=None)
    def answer(pattern: re.Pattern):
        if not isinstance(pattern.pattern, str):
            return read(pattern)
        key = (question, pattern.pattern, pattern.flags)
        if key not in known:
            known[key] = read(pattern)
        return known[key]

    return wraps(read)(answer)
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))


@_read_once
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


@_read_once
def required_sets(pattern: re.Pattern) -> tuple[frozenset[str], ...]:
    """Each part of `pattern` that every match holds, as the lower-case words one of which stands for
    it: a text without a word of each cannot match. "(?:yêu cầu|đề nghị)\\s*:\\s*$" needs one of the
    two verbs, and a colon (a mark of punctuation counts alone: no letter case, and rare)."""
    if _UNSAFE is None or not isinstance(pattern.pattern, str):
        return ()
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a syntax this reading does not know: nothing is required
        return ()
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*tree, (None, None)]:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        literal = "".join(run)
        words = _safe(literal) or _punctuation(literal)
        run = []
        if words:
            found.append(words)
        if op is not None and (words := _item(op, av)):
            found.append(words)
    return tuple(found)


def search(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """`pattern.search(text, pos, endpos)`, asked only of a stretch that holds a word of each part the
    pattern needs (`str.find` on it is cheaper than the engine trying the pattern at every character)."""
    end = len(text) if endpos is None else endpos
    needs = required_sets(pattern)
    if needs:
        lowered = text[pos:end].lower()
        if not all(any(word in lowered for word in words) for words in needs):
            return None
    return pattern.search(text, pos, end)


def _punctuation(literal: str) -> frozenset[str] | None:
    marks = [c for c in literal if not c.isalnum() and not c.isspace() and c.lower() == c == c.upper()]
    return frozenset(marks[:1]) or None


# ---- where a match may start --------------------------------------------------------------------
#
# A pattern that opens with a look-behind or a word boundary ("\bnăm\s+…", "(?<!\w)tháng …") is tried
# by the regex engine at every character of the text: it finds no literal start to jump to. When every
# match opens with one of a few words ("năm"; "buổi", "sáng", "chiều", "ngày" …), `str.find` on the
# lower-cased text jumps to each of them, and the pattern is tried there alone: the same matches, found
# in a tenth of the time on a long document.

_MAX_OPENINGS = 64  # spellings of a pattern's opening kept while reading it (a few branches' cross product)
# Words looked for at most: each costs a pass over the text, and past a couple of dozen the passes cost
# more than the regex engine's own scan.
_MAX_WORDS = 24
_SPARSE = 16  # opening words at most one in this many characters, or the plain scan is faster


@dataclass(frozen=True)
class Opening:
    """What every match of a pattern opens with: one of `words` (lower case, as they may stand in
    `text.lower()`), or a digit when `digit` ("(?:ngày\\s+)?\\d{1,2}/\\d{1,2}")."""
    words: tuple[str, ...]
    digit: bool = False
    # Behind a look-behind that no digit may stand before ("(?<![\w/])\d+"), a match opens only
    # at the first digit of a number: "2025" is tried once, not four times.
    first_digit: bool = False


@_read_once
def opening(pattern: re.Pattern) -> Opening | None:
    """What every match of `pattern` opens with (the zero-width assertions before it aside); None when
    it cannot be told, or when the regex engine's own scan is as fast."""
    if _FORMS is None or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a syntax this reading does not know: the plain scan is used
        return None
    items = list(tree)
    while items and items[0][0] is _c.SUBPATTERN:
        items = list(items[0][1][-1]) + items[1:]
    if items and items[0][0] in (_c.LITERAL, _c.IN) and not pattern.flags & re.IGNORECASE:
        return None  # "\r\n?", "(/[A-Z]…": the engine itself jumps to the character a match opens with
    digit: set[str] = set()
    words: set[str] = set()
    for head in _openings(list(tree), {""}, digit)[0]:
        forms = _forms(head)
        if not forms or head[0] in " \t":
            return None  # a match may open with anything ("\w+", ".*"), or with a space
        words |= forms
    if not (words or digit) or len(words) > _MAX_WORDS:
        return None
    # "first": every digit a match may open with stands behind \b or a look-behind no digit passes.
    first = digit == {"first"} and not pattern.flags & re.ASCII   # (ASCII: \b sees other digits)
    return Opening(tuple(sorted(words)), bool(digit), first)



_DIGITS = re.compile(r"\d+")


def finditer(pattern: re.Pattern, text: str, lowered: str | None = None, pos: int = 0, endpos: int | None = None):
    """`pattern.finditer(text, pos, endpos)`, match for match (`lowered`: `text.lower()`, if known): tried
    only where one of its opening words or digits stands, when it has such and they are not everywhere."""
    end = len(text) if endpos is None else min(endpos, len(text))
    opens = opening(pattern)
    if opens is not None and opens.words and lowered is None:
        lowered = text.lower()
    starts = None if opens is None else _starts(opens, text, lowered, pos, end)
    if starts is None:
        yield from pattern.finditer(text, pos, end)
        return
    resume = pos  # matches do not overlap: the search goes on where the last one ended
    for i in starts:
        if i < resume:
            continue
        m = pattern.match(text, i, end)
        if m:
            yield m
            resume = m.end()


def _starts(opens: Opening, text: str, lowered: str | None, pos: int, end: int) -> list[int] | None:
    """Where in text[pos:end] a match may open, in order; None where the plain scan is the better: where
    a letter lower-cases to two (it moves every index after it), or where openings stand every few
    characters (" ", "n"), as trying the pattern at each is slower than the engine's scan."""
    if opens.words and len(lowered) != len(text):
        return None
    budget = (end - pos) // _SPARSE
    starts = []
    for word in opens.words:
        i = lowered.find(word, pos, end)
        while i >= 0:
            starts.append(i)
            i = lowered.find(word, i + 1, end)
        if len(starts) > budget:
            return None
    if opens.digit:
        if 2 * (end - pos) > len(text):  # most of a document: its digits, found once for all its patterns
            found = _digit_positions(text)[1 if opens.first_digit else 0]
            starts.extend(found[bisect_left(found, pos):bisect_left(found, end)])
        elif opens.first_digit:
            starts.extend(m.start() for m in _DIGITS.finditer(text, pos, end))
        else:
            starts.extend(i for m in _DIGITS.finditer(text, pos, end) for i in range(m.start(), m.end()))
        if len(starts) > budget:
            return None
    return sorted(set(starts))


def _digit_positions(text: str) -> tuple[array, array]:
    """Where each digit of `text` stands, and where each number opens (its first digit). The deadline
    stage's patterns that open with a number scan one document in turn (its dates, spans of days,
    recurrences): its digits are found once."""
    last = _last_digits[0]  # read once: another thread may replace it meanwhile
    if last is not None and last[0] is text:
        return last[1]
    runs = [m.span() for m in _DIGITS.finditer(text)]
    kind = _positions_kind(text)
    positions = (array(kind, [i for start, end in runs for i in range(start, end)]),
                 array(kind, [start for start, _ in runs]))
    _last_digits[0] = (text, positions)
    return positions


def _positions_kind(text: str) -> str:
    """Positions in a text kept as an array of machine integers, 4 bytes each where they fit, rather
    than a list of int objects (36 bytes each): a document's positions are kept while its stages read
    it, and those of a 1,500-page plan held its process past 400 MB."""
    return "i" if len(text) < 2**31 else "q"


_last_digits: list = [None]  # (text, positions) of the last text asked about  # "năm" and "năm học" may open at one place


def finditer_stretch(pattern: re.Pattern, text: str, pos: int, endpos: int):
    """`pattern.finditer(text, pos, endpos)`, match for match, for a caller that scans one text stretch by
    stretch (the targets stage reads a document sentence by sentence, each for its numbers, dates and
    cues): where the pattern may open is found once in the whole text, and each stretch tries it only
    there. `finditer` would look for the openings anew in each short stretch."""
    starts = _text_starts(pattern, text)
    if starts is None:
        return pattern.finditer(text, pos, endpos)
    return _tried_at(pattern, text, starts, pos, min(endpos, len(text)))


def search_stretch(pattern: re.Pattern, text: str, pos: int, endpos: int) -> re.Match | None:
    """`pattern.search(text, pos, endpos)`: the first match `finditer_stretch` gives."""
    return next(finditer_stretch(pattern, text, pos, endpos), None)


def _tried_at(pattern: re.Pattern, text: str, starts: array, pos: int, end: int):
    resume = pos  # matches do not overlap: the search goes on where the last one ended
    for k in range(bisect_left(starts, pos), len(starts)):
        i = starts[k]
        if i >= end:
            return
        if i < resume:
            continue
        m = pattern.match(text, i, end)
        if m:
            yield m
            resume = m.end()


def _text_starts(pattern: re.Pattern, text: str) -> array | None:
    """Where in `text` a match of `pattern` may open, in order; None where the plain scan is the better
    (as in `_starts`, over the whole text)."""
    if len(text) < _SHORT:
        return None
    recent = _recent[0]  # read once: another thread may replace it meanwhile
    for known_text, lowered, known in recent:
        if known_text is text:
            break
    else:
        lowered, known = text.lower(), {}
        # A few texts kept: a stage reads its document, and between two of its sentences a heading.
        _recent[0] = ((text, lowered, known),) + recent[:_RECENT - 1]
    # Keyed by the pattern's id, kept with the pattern itself: hashing a compiled pattern hashes all
    # its code, a microsecond for each short stretch.
    found = known.get(id(pattern))
    if found is None or found[0] is not pattern:
        opens = opening(pattern)
        starts = None if opens is None else _starts(opens, text, lowered, 0, len(text))
        found = known[id(pattern)] = (pattern, None if starts is None else array(_positions_kind(text), starts))
    return found[1]


_SHORT = 1000  # a heading, a phrase: the engine's scan of all of it costs less than an index
_RECENT = 4
_recent: list = [()]  # (text, its lower case, each pattern's openings by id) of the last texts scanned by stretches


def _openings(items: list, heads: set[str], digit: set[str] | None,
              guarded: bool = False) -> tuple[set[str], bool]:
    """`heads` each extended by what the sequence `items` opens with; True when the items were spelled
    out whole (so that what follows them extends the heads further). Where a match may open with a
    digit (`heads` still empty there), "digit" goes into `digit`, if given, or "first" when that place
    is `guarded`: behind "\\b" or a look-behind no digit passes, so only a number's first digit."""
    for k, (op, av) in enumerate(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            guarded = guarded or _no_digit_before(op, av)
            continue  # a boundary or a look-around consumes nothing
        inner_digit = digit if heads == {""} else None
        inner_guarded = guarded and heads == {""}
        if op is _c.LITERAL:
            alternatives, whole = {chr(av)}, True
        elif op is _c.IN and all(kind is _c.LITERAL for kind, _ in av):
            alternatives, whole = {chr(code) for _, code in av}, True
        elif op is _c.IN and inner_digit is not None and all(map(_is_digits, av)):
            # "\d", "[0-3]": the digits are looked for apart from the words
            inner_digit.add("first" if inner_guarded else "digit")
            return set(), False
        elif op is _c.SUBPATTERN or op is getattr(_c, "ATOMIC_GROUP", None):
            alternatives, whole = _openings(list(av[-1] if op is _c.SUBPATTERN else av), {""}, inner_digit,
                                            inner_guarded)
        elif op is _c.BRANCH:
            spelled = [_openings(list(branch), {""}, inner_digit, inner_guarded) for branch in av[1]]
            alternatives = set().union(*(words for words, _ in spelled))
            whole = all(done for _, done in spelled)
        elif op in _REPEATS:
            low, high, inner = av
            alternatives, whole = _openings(list(inner), {""}, inner_digit, inner_guarded)
            whole = whole and high == 1
            if low == 0:
                # "(?:buổi\s+)?sáng": the match opens with the optional part, or with what follows it.
                taken = _extended(heads, alternatives)
                if taken is None:
                    return heads, False
                taken, taken_whole = _openings(items[k + 1:], taken, digit) if whole else (taken, False)
                skipped, skipped_whole = _openings(items[k + 1:], heads, digit, guarded)
                together = taken | skipped
                if len(together) > _MAX_OPENINGS:
                    return heads, False
                return together, taken_whole and skipped_whole
        else:
            return heads, False  # a class, a dot, a back-reference: the opening ends here
        extended = _extended(heads, alternatives)
        if extended is None:
            return heads, False
        heads = extended
        if not whole:
            return heads, False
    return heads, True


def _no_digit_before(op, av) -> bool:
    """"\\b" (before a digit: no letter or digit before it), or a one-character look-behind that no
    digit passes ("(?<!\\w)", "(?<![\\w/])", "(?<!\\d)")."""
    if op is _c.AT:
        return av is _c.AT_BOUNDARY
    if op is _c.ASSERT_NOT and av[0] == -1 and len(av[1]) == 1:
        kind, members = list(av[1])[0]
        return kind is _c.IN and any(member in ((_c.CATEGORY, _c.CATEGORY_WORD), (_c.CATEGORY, _c.CATEGORY_DIGIT))
                                     for member in members)
    return False


def _is_digits(member) -> bool:
    """A member of a character class that holds digits only: "\\d", "0-3", "7"."""
    kind, value = member
    return ((kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT)
            or (kind is _c.RANGE and ord("0") <= value[0] <= value[1] <= ord("9"))
            or (kind is _c.LITERAL and chr(value).isdecimal()))


def _extended(heads: set[str], alternatives: set[str]) -> set[str] | None:
    extended = {head + alternative for head in heads for alternative in alternatives}
    return extended if len(extended) <= _MAX_OPENINGS else None


# The regex engine matches "s" with "ſ", "i" with "ı" (and some Greek and Cyrillic letters with their
# variants) when it ignores case, though lower() keeps them apart: each such letter, with its forms.
_FORMS = None if _UNSAFE is None else {chr(c): chr(c) + "".join(map(chr, more)) for c, more in _EXTRA_CASES.items()}


def _forms(head: str) -> set[str]:
    """Every way `head` may stand in a lower-cased text where the pattern matches it ignoring case;
    empty when it cannot be told (no letter to look for, or one that lower-cases to two)."""
    lowered = head.lower()
    if not head or len(lowered) != len(head):
        return set()
    forms = {""}
    for c in lowered:
        forms = {form + variant for form in forms for variant in _FORMS.get(c, c)}
    return forms


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
