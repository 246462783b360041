"""Text typed in the legacy Vietnamese fonts (TCVN3/ABC, VNI), mapped back to Unicode.

Before Unicode, Vietnamese documents were typed in fonts that draw Vietnamese letters at
the code points of Latin-1 ones: "Việt" is stored as "ViÖt" in a TCVN3 font (.VnTime)
and as "Vieät" in a VNI one (VNI-Times). Word files, web pages and PDF text layers made
from them still read that way. Whether a text is such, and in which encoding, is told by
the share of its words that are Vietnamese syllables before and after mapping: the
tables live in resources/legacy_tcvn3.tsv and legacy_vni.tsv, the syllable shapes in
legacy_syllables.yaml.

Every reader calls `repaired(loaded)`; the PDF reader, which decides page by page, uses
`detect`, `convert` and `looks_unicode`.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import replace
from functools import cache, lru_cache
from importlib import resources as _files

from pipeline import resources
from pipeline.core.doc import Loaded, Table

TCVN3, VNI = "TCVN3", "VNI"
ENCODINGS = (TCVN3, VNI)
CONVERTED_WARNING = "legacy font converted: {}"

# A text is taken for Unicode Vietnamese when this share of its words are syllables (or
# plain Latin, abbreviations); Unicode text scores above 0.95, a legacy layer read as
# Latin-1 0.3 to 0.6.
MIN_VALID_SHARE = 0.8
MIN_WORDS_TO_JUDGE = 15

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SHARP_OR_HEAVY = {"\u0301", "\u0323"}
# Abbreviations and list markers: "HĐND", "NĐ-CP", "đ)".
_ABBREVIATION = re.compile(r"[A-ZĐ]+|[a-zđ]")
_ORDINARY = re.compile(r"[\w\-–—/.,;:!?()\[\]\"'“”‘’…%&+*=<>@#§]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_VIETNAMESE_LETTERS = set("đàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
_VIETNAMESE_LETTERS |= {ch.upper() for ch in _VIETNAMESE_LETTERS}


# --- is it Vietnamese? -----------------------------------------------------------------------

@cache
def _syllable_shapes() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    data = resources.load("legacy_syllables.yaml")
    onsets = tuple(sorted(data["onsets"], key=len, reverse=True))
    return onsets, frozenset(data["rhymes"]), tuple(data["stop_finals"])


@cache
def is_syllable(run: str) -> bool:
    """Whether a run of letters is a Vietnamese syllable: onset, rhyme, at most one tone mark
    (sắc or nặng on a rhyme closed by c, ch, p, t)."""
    decomposed = unicodedata.normalize("NFD", run.lower())
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    onsets, rhymes, stops = _syllable_shapes()
    if bare.endswith(stops) and tones and tones[0] not in _SHARP_OR_HEAVY:
        return False
    if bare in rhymes or bare == "gi":  # "gì"
        return True
    for onset in onsets:
        if bare.startswith(onset):
            rest = bare[len(onset):]
            # "giếng", "quyết": the i of gi and the u of qu also open the rhyme.
            if rest in rhymes or (onset in ("gi", "qu") and onset[1] + rest in rhymes):
                return True
    return False


def valid_token(token: str) -> bool:
    """A word of Unicode Vietnamese, plain Latin or an abbreviation; not legacy-font debris."""
    token = unicodedata.normalize("NFC", token)  # text layers often carry separate tone marks
    if "(cid:" in token or not _ORDINARY.fullmatch(token):
        return False
    return all(run.isascii() or _ABBREVIATION.fullmatch(run) or is_syllable(run)
               for run in _LETTERS.findall(token))


def score(text: str) -> tuple[int, int]:
    """(words judged, words valid): words are the space-separated tokens holding a letter."""
    judged = valid = 0
    for token in text.split():
        judgement = _judged(token)
        judged += judgement > 0
        valid += judgement == 2
    return judged, valid


# A page's words are mostly the same few hundred syllables: each is judged once. The size bounds a
# run over text of no language (a garbage layer, OCR noise).
@lru_cache(maxsize=1 << 16)
def _judged(token: str) -> int:
    """0: no letter in it, not judged; 1: judged, not valid; 2: a valid word."""
    if not any(ch.isalpha() for ch in token):
        return 0
    return 2 if valid_token(token) else 1


def looks_unicode(text: str) -> bool:
    """Whether most words of `text` read as Vietnamese; too few words to judge count as yes."""
    judged, valid = score(text)
    return judged < MIN_WORDS_TO_JUDGE or valid / judged >= MIN_VALID_SHARE


# --- the tables ------------------------------------------------------------------------------

@cache
def _table(encoding: str) -> dict[str, str]:
    name = {TCVN3: "legacy_tcvn3.tsv", VNI: "legacy_vni.tsv"}[encoding]
    rows = _files.files(resources.__name__).joinpath(name).read_text(encoding="utf-8").splitlines()
    pairs = [row.split("\t") for row in rows if row and not row.startswith("#")][1:]  # header row
    if encoding == TCVN3:
        return {chr(int(byte, 16)): letter for byte, letter in pairs}
    return dict(pairs)


@cache
def _pattern(encoding: str) -> re.Pattern:
    keys = sorted(_table(encoding), key=len, reverse=True)  # "oä" before "o"-less "ä"
    return re.compile("|".join(map(re.escape, keys)))


@cache
def _foreign() -> re.Pattern:
    """Characters of the tables that Unicode Vietnamese never uses: "Ö", "µ", "ä", "ø"."""
    chars = {ch for encoding in ENCODINGS for key in _table(encoding) for ch in key}
    chars -= _VIETNAMESE_LETTERS
    chars = {ch for ch in chars if not ch.isascii()}
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def convert(text: str, encoding: str) -> str:
    return convert_tracked(text, encoding)[0]


def convert_tracked(text: str, encoding: str) -> tuple[str, list[int]]:
    """The text mapped through a table, and for each output character its index in `text`."""
    table, pieces, origin, last = _table(encoding), [], [], 0
    for m in _pattern(encoding).finditer(text):
        pieces.append(text[last:m.start()])
        origin.extend(range(last, m.start()))
        pieces.append(table[m.group(0)])
        origin.append(m.start())
        last = m.end()
    pieces.append(text[last:])
    origin.extend(range(last, len(text)))
    out = "".join(pieces)
    if encoding == TCVN3:
        out = _caps_lines(out)
    return out, origin


# Typed in a capitals font (.VnTimeH), a heading keeps its plain letters as typed, in capitals,
# and its Vietnamese ones at the lower-case bytes: "CéNG HßA" is "CỘNG HÒA". A line is taken
# for one when no plain letter is lower-case and a word mixes two capitals with a Vietnamese
# letter ("Sè: 12/CT-UBND" is not one: "Số" may be title case).
_CAPS_WORD = re.compile(r"\b(?=\w*[^\x00-\x7f])(?:[^\W\d_a-z]*[A-Z]){2}[^\W\d_a-z]*")


def _caps_lines(text: str) -> str:
    # upper() keeps lengths for Vietnamese letters, so the offsets stay true.
    return "\n".join(line.upper() if _CAPS_WORD.search(line) and not re.search("[a-z]", line) else line
                     for line in text.split("\n"))


# --- which encoding --------------------------------------------------------------------------

def detect(text: str) -> str | None:
    """The legacy encoding `text` is in, or None (Unicode, or nothing the tables map back)."""
    suspects = [line for line in text.split("\n") if _foreign().search(line)]
    if not suspects:
        return None
    sample = "\n".join(suspects)
    judged, before = score(sample)
    if not judged or before / judged >= MIN_VALID_SHARE:
        return None
    best, best_valid = None, before
    for encoding in ENCODINGS:
        _, valid = score(convert(sample, encoding))
        if valid > best_valid:
            best, best_valid = encoding, valid
    return best if best_valid / judged >= MIN_VALID_SHARE else None


def repair(text: str, encoding: str) -> tuple[str, list[int]]:
    """The lines of `text` that read better through the table, converted; an origin map back.

    A document typed wholly in a legacy font (no letter beyond Latin-1) has every line
    converted that does not read worse; a mixed one (a Unicode template with pasted legacy
    paragraphs) only the lines that hold a legacy-only character and read better.
    """
    wholly = not any(ord(ch) > 0xFF and ch.isalpha() for ch in text)
    pieces, origin, offset = [], [], 0
    for line in text.split("\n"):
        converted, line_origin = convert_tracked(line, encoding)
        if converted != line and _better(line, converted, strict=not (wholly or _foreign().search(line))):
            pieces.append(converted)
            origin.extend(offset + i for i in line_origin)
        else:
            pieces.append(line)
            origin.extend(range(offset, offset + len(line)))
        origin.append(offset + len(line))  # the newline
        offset += len(line) + 1
    return "\n".join(pieces), origin[:-1]


def _better(line: str, converted: str, strict: bool) -> bool:
    before, after = score(line)[1], score(converted)[1]
    return after > before or (not strict and after == before)


def repaired(loaded: Loaded) -> Loaded:
    """The reader's result with legacy-font text converted, table cells following it."""
    found = [(view, encoding) for view in _latin1_views(loaded) if (encoding := detect(view))]
    if not found:
        return loaded
    # Of the ways to read the bytes, the one whose conversion reads best.
    text, origin, encoding = max(((*repair(view, encoding), encoding) for view, encoding in found),
                                 key=lambda candidate: score(candidate[0])[1])
    tables = [Table(rows=[[_moved(span, origin) for span in row] for row in table.rows])
              for table in loaded.tables]
    return replace(loaded, text=text, tables=tables,
                   warnings=[*loaded.warnings, CONVERTED_WARNING.format(encoding)],
                   extra={**loaded.extra, "legacy_font": encoding})


# Code pages an encoding guesser picks for legacy-font bytes (Windows-1258 for Vietnamese first).
_CODEPAGES = ("cp1258", "cp1252", "iso8859_10", "latin_1")


def _latin1_views(loaded: Loaded):
    """The text, then the text as Latin-1 would have decoded its bytes: a .txt file in TCVN3 is
    guessed to be Windows-1258 or ISO 8859-10, whose letters the tables do not know. A single-byte
    code page keeps one character per byte, so offsets stay as they are."""
    yield loaded.text
    for codepage in dict.fromkeys(filter(None, (loaded.extra.get("encoding"), *_CODEPAGES))):
        try:
            view = loaded.text.encode(codepage).decode("latin-1")
        except (UnicodeError, LookupError):
            continue
        if view != loaded.text and len(view) == len(loaded.text):
            yield view


def _moved(span: tuple[int, int], origin: list[int]) -> tuple[int, int]:
    """A span of the old text in the new one: origin is increasing, so bisect finds it."""
    return bisect_left(origin, span[0]), bisect_left(origin, span[1])
