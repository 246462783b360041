"""Two-syllable Vietnamese words: underthesea's Viet74K word list and the register's place names.

Shared by the readers that must tell whether two neighbouring syllables are one word: the OCR
step that puts lost tone marks back, and the line mender that joins a word a copy-paste layout
broke over two lines ("ỦY\\nBAN NHÂN DÂN", "Tiền\\nGiang, ngày …").
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def viet74k() -> list[str]:
    """The word list's lines, read from underthesea's package data without importing underthesea:
    its import pulls in its models and costs over 100 MB for a 1 MB list."""
    path = _word_list()
    return path.read_text(encoding="utf-8").strip().split("\n") if path else []


def _word_list() -> Path | None:
    from importlib.util import find_spec

    spec = find_spec("underthesea")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "corpus" / "data" / "Viet74K.txt"
        if path.exists():
            return path
    return None


def marks_stripped(syllable: str, marks: set[str]) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return unicodedata.normalize("NFC", decomposed.translate(dict.fromkeys(map(ord, marks))))


_NO_TONES = dict.fromkeys(map(ord, TONES))   # str.translate's table that drops them


# Remembered: the word list's 150,000 syllables are some 7,000 distinct ones, and a document's
# text repeats its own; the size bounds a run over text that is no Vietnamese.
@lru_cache(maxsize=1 << 16)
def canonical(syllable: str) -> str:
    """The syllable in lower case with its tone as a suffix: "hoà", "hòa" and "HÒA" are the same word."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tones = "".join(ch for ch in decomposed if ch in TONES)
    return unicodedata.normalize("NFC", decomposed.translate(_NO_TONES)) + tones


@cache
def _place_pairs() -> frozenset[tuple[str, str]]:
    """Neighbouring syllables of province and district names ("Tiền Giang", "Thừa Thiên", "Thiên Huế"),
    as an earlier process built them from the same units (core/derived.py): going through the 14,000
    units cost every worker 0.02 s."""
    from pipeline.core import derived
    from pipeline.gazetteer.places import units_database

    return derived.kept("place-pairs", _built_place_pairs, [units_database()])


def _built_place_pairs() -> frozenset[tuple[str, str]]:
    from pipeline.gazetteer.places import COMMUNE, units

    pairs = set()
    for unit in units():
        if unit.tier == COMMUNE:
            continue
        syllables = [s for s in unit.name.replace("-", " ").split() if s.isalpha()]
        pairs.update((canonical(a), canonical(b)) for a, b in zip(syllables, syllables[1:]))
    return frozenset(pairs)


def two_syllable_words() -> frozenset[tuple[str, str]]:
    """The dictionary's two-syllable words, canonical; empty without the dictionary."""
    return _word_sets()[0]


@cache
def _word_sets() -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """The two-syllable words and the syllables, as an earlier process built them from the same
    word list and code when one did (0.02 s against 0.2 s to build)."""
    from pipeline.core import derived

    return derived.kept("word-list", _built_word_sets, [_word_list()])


def _built_word_sets() -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    entries = viet74k()
    words = set()
    for entry in entries:
        parts = entry.split(" ")
        if len(parts) == 2 and all(part.isalpha() for part in parts):
            words.add((canonical(parts[0]), canonical(parts[1])))
    every = frozenset(canonical(part) for entry in entries for part in entry.split(" ") if part.isalpha())
    return frozenset(words), every


def is_word(first: str, second: str, places: bool = True) -> bool:
    """Whether two syllables make one word of the dictionary or, with `places`, of a place name."""
    pair = (canonical(first), canonical(second))
    return pair in two_syllable_words() or (places and pair in _place_pairs())


def syllables() -> frozenset[str]:
    """Every syllable of the dictionary's words, canonical: "NSTW" or "GIS" is none, "NAM" is one."""
    return _word_sets()[1]


# The shape of a Vietnamese syllable (onset, vowels, coda), tone marks aside: the word list also
# holds abbreviations ("UBND"), which have none.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}"
                       r"(?:ch|ng|nh|[cmnpt])?")


def has_syllable_shape(token: str) -> bool:
    """Onset, vowels and coda as a syllable has them, whether or not the dictionary holds it ("khuyếch")."""
    return bool(_SYLLABLE.fullmatch(marks_stripped(token, TONES)))


def is_syllable(token: str) -> bool:
    return has_syllable_shape(token) and canonical(token) in syllables()
