"""What a figure counts: the unit, read from the words right after it.

The lexicon (resources/target_units.yaml) decides first; then rules that need no
tagger (a function word after the figure, a figure that opens a quoted slogan); a
word neither knows is asked of underthesea's tagger, once per sentence and only
then: a noun after the figure is taken as its unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.core import nlp
from pipeline import resources
from pipeline.core.doc import Span
from pipeline.core.numbers import Figure, scale

COUNTED, MEASURE, CURRENCY, PERCENT = "counted", "measure", "currency", "percent"
NOT_A_UNIT = "not_a_unit"

_NOUN_TAGS = {"N", "Nc", "Nu"}
_MAX_TAGGED = 400  # characters of a sentence given to the tagger


@dataclass(frozen=True)
class Unit:
    text: str              # as the record gives it: lowercase, "%" for a percentage
    kind: str              # COUNTED, MEASURE, CURRENCY or PERCENT
    span: Span             # the words of the unit (empty at the figure's end for "%")
    factor: int = 1        # a scale word folded into the value: "16 nghìn con" → × 1000


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern          # every entry, longest first
    kind: dict[str, str]         # entry (lowercase) → kind or NOT_A_UNIT
    canonical: dict[str, str]    # coordinated entries → the unit the record gives
    scale_pattern: re.Pattern
    per_pattern: re.Pattern
    capitalised: frozenset[str]  # counted nouns that may be written with a capital
    title_after: re.Pattern      # what makes such a noun the title of one document
    kinds_of_one_level: dict[str, frozenset[int]]  # "xã", "phường" → their levels: listed, one unit
    next_kind: re.Pattern        # ", thị trấn" / " và thị trấn" after a counted noun
    function_word: re.Pattern    # a word that opens no noun phrase, after the figure's spaces


def read_unit(text: str, figure: Figure, limit: int) -> Unit | str | None:
    """The unit after `figure` (within text[:limit]); NOT_A_UNIT when the words after it say
    the figure is a time span, a level or a part of the document; None when the lexicon
    does not know the word (the caller may then ask `noun_after`)."""
    if figure.percent:
        return Unit("%", PERCENT, (figure.end, figure.end))
    lex = _lexicon()
    pos = _skip_spaces(text, figure.end, limit)
    factor, unit_start = 1, pos
    scales = lex.scale_pattern.match(text, pos, limit)
    if scales:
        words = scales.group(0).lower().split()
        after = _skip_spaces(text, scales.end(), limit)
        found = lex.pattern.match(text, after, limit)
        if found and lex.kind.get(_key(found.group(0))) == CURRENCY:
            return _with_per(text, Unit(" ".join(words + [_key(found.group(0))]), CURRENCY,
                                        (unit_start, found.end())), limit)
        pos = after
    found = lex.pattern.match(text, pos, limit)
    if not found:
        return None
    key = _key(found.group(0))
    kind = lex.kind[key]
    if kind == NOT_A_UNIT:
        return NOT_A_UNIT
    if found.group(0)[0].isupper() and key[0].islower() and \
            (key not in lex.capitalised or lex.title_after.match(text, found.end(), limit)):
        return None  # "- 5 Quyết định 2457/QĐ-BGDĐT": a capital opens a name or a title, not a unit
    name, end = lex.canonical.get(key, key), found.end()
    if kind == COUNTED and name in lex.kinds_of_one_level:
        name, end = _listed_kinds(text, name, end, limit)
    if scales:
        # "8 triệu lượt": the unit as written, scale word and all, like "tỷ đồng" (the r042 gold record).
        name = " ".join(scales.group(0).lower().split() + [name])
    unit = Unit(name, kind, (unit_start, end))
    return _with_per(text, unit, limit) if kind in (CURRENCY, MEASURE, COUNTED) else unit


def _listed_kinds(text: str, name: str, pos: int, limit: int) -> tuple[str, int]:
    """"164 xã, phường, thị trấn", "15 tỉnh, thành phố": kinds of one level listed after one
    figure are one unit, kept as written."""
    lex = _lexicon()
    words, levels = [name], lex.kinds_of_one_level[name]
    while True:
        m = lex.next_kind.match(text, pos, limit)
        shared = levels & lex.kinds_of_one_level.get(_key(m.group(1)), frozenset()) if m else None
        if not shared or _names_one(text, m.end(), limit):
            break
        words.append(_key(m.group(1)))
        levels, pos = shared, m.end()
    return ", ".join(words), pos


def _names_one(text: str, pos: int, limit: int) -> bool:
    """"07 xã, thị trấn Đăk Hà": a capital after the noun names one place, no kind of a list."""
    rest = text[pos:limit]
    return rest[:1] == " " and rest[1:2].isupper()


def noun_after(text: str, sentence: Span, figure: Figure) -> Unit | None:
    """The noun right after `figure` as underthesea tags its sentence, when the lexicon
    knows no unit there: a common noun in lower case, not one of the non-units. A sentence
    that runs on (a page with no full stops) is tagged around the figure only. Loading the
    tagger costs a process half a second, so what rules can decide is decided first."""
    if _lexicon().function_word.match(text, figure.end, sentence[1]) or _opens_slogan(text, figure):
        return None
    start, end = sentence
    if end - start > _MAX_TAGGED:
        start, end = _around(text, start, end, figure)
    piece = text[start:end]
    pairs = nlp.tagged(piece)
    spans = nlp.word_spans(piece, [w for w, _ in pairs])
    for (word, tag), (a, b) in zip(pairs, spans):
        if start + a < figure.end:
            continue
        if tag not in _NOUN_TAGS or not word[:1].islower() or len(word) < 2 or _key(word) in _lexicon().kind:
            return None
        if text[start + b:start + b + 1] == ")":
            return None  # "3 c)": a list label
        return Unit(_key(word), COUNTED, (start + a, start + b))
    return None


# "phương châm “4 tại chỗ”", "nhà “3 cứng”": a figure right after an opening quote, the quote
# closed a few words on, names a slogan; it counts nothing.
_SLOGAN = re.compile(r"[\"“‘'][ \t]*$")
_SLOGAN_END = re.compile(r"[ \t]*(?:[^\W\d_]+[ \t]*){1,4}[\"”’']")


def _opens_slogan(text: str, figure: Figure) -> bool:
    return bool(_SLOGAN.search(text, max(0, figure.start - 2), figure.start)
                and _SLOGAN_END.match(text, figure.end))


def _around(text: str, start: int, end: int, figure: Figure) -> Span:
    """A stretch of about _MAX_TAGGED characters around the figure, cut between words."""
    lo, hi = max(start, figure.start - _MAX_TAGGED // 2), min(end, figure.end + _MAX_TAGGED // 2)
    if lo > start:
        lo = text.find(" ", lo, figure.start) + 1 or figure.start
    if hi < end:
        hi = max(figure.end, text.rfind(" ", figure.end, hi))
    return lo, hi


def _with_per(text: str, unit: Unit, limit: int) -> Unit:
    """"triệu đồng/người/năm", "bác sĩ/vạn dân": the rate's words stay in the unit's span, but
    the unit is the counted noun alone, "triệu đồng", "bác sĩ" (the r042 gold records)."""
    per = _lexicon().per_pattern.match(text, unit.span[1], limit)
    if not per:
        return unit
    return Unit(unit.text, unit.kind, (unit.span[0], per.end()), unit.factor)


def _skip_spaces(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] in " \t":
        pos += 1
    return pos


def _key(words: str) -> str:
    return " ".join(words.lower().split())


def _levels(groups) -> dict[str, frozenset[int]]:
    levels: dict[str, set[int]] = {}
    for k, group in enumerate(groups):
        for entry in group:
            levels.setdefault(_key(entry), set()).add(k)
    return {entry: frozenset(ks) for entry, ks in levels.items()}


def _alternation(entries) -> str:
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in sorted(entries, key=len, reverse=True))


@cache
def _lexicon() -> _Lexicon:
    data = resources.load("target_units.yaml")
    kind: dict[str, str] = {}
    for group in data["counted"].values():
        kind.update({_key(e): COUNTED for e in group})
    kind.update({_key(e): MEASURE for e in data["measures"]})
    kind.update({_key(e): CURRENCY for e in data["currencies"]})
    kind.update({_key(e): COUNTED for e in data["coordinated"]})
    kind.update({_key(e): NOT_A_UNIT for e in data["not_units"]})
    canonical = {_key(k): v for k, v in data["coordinated"].items()}
    scales = resources.load("target_numbers.yaml")["scales"]
    return _Lexicon(
        pattern=re.compile(r"(?:" + _alternation(kind) + r")(?!\w)", re.IGNORECASE),
        kind=kind,
        canonical=canonical,
        scale_pattern=re.compile(r"(?:" + _alternation(scales) + r")(?:\s+(?:" + _alternation(scales)
                                 + r"))*(?!\w)", re.IGNORECASE),
        per_pattern=re.compile(r"(?:\s*/\s*(?:" + _alternation(data["per_units"]) + r")(?!\w))+", re.IGNORECASE),
        capitalised=frozenset(_key(e) for e in data["capitalised"]),
        title_after=re.compile(r"\s+(?:\d|số(?!\w))", re.IGNORECASE),
        kinds_of_one_level=_levels(data["one_level"]),
        next_kind=re.compile(r"\s*(?:,|\s(?:và|hoặc))\s*(" + _alternation(
            e for group in data["one_level"] for e in group) + r")(?!\w)", re.IGNORECASE),
        function_word=re.compile(r"[ \t]*(?:" + _alternation(data["function_words"]) + r")(?!\w)", re.IGNORECASE),
    )
