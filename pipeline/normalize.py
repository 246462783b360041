"""Loaded text → the normalized text every span indexes into, with an offset map back.

Each step is a pure rewrite of the text that also rewrites the map from output
characters to loaded-text characters, so any span can be traced to its source.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.core import anchors, lexicon
from pipeline import resources
from pipeline.core.letters import LOWER, UPPER
from pipeline.core.doc import OffsetMap


# 0, 1, 2 … kept from one text to the next: a text's own map is a copy of its first len(text) (a
# copy of machine integers), where counting them out one by one took a tenth of normalize's time.
# Kept up to a long document's length (2 MB); a longer text counts its own, as a process held at
# its peak by a 1,500-page plan should not keep that much longer.
_COUNTED = [array("q")]
_KEEP_COUNTED = 1 << 18


def _identity(length: int) -> array:
    counted = _COUNTED[0]   # read once: another thread may replace it meanwhile
    if len(counted) >= length:
        return counted[:length]
    if length > _KEEP_COUNTED:
        return array("q", range(length))
    _COUNTED[0] = array("q", range(min(max(length, 2 * len(counted)), _KEEP_COUNTED)))
    return _COUNTED[0][:length]


@dataclass
class Tracked:
    text: str
    # origin[i]: index in the loaded text of text[i]. An array of machine integers, 8 bytes a
    # character: a list held an int object for each, 36 bytes, 150 MB on a 1,500-page plan.
    origin: array

    @classmethod
    def of(cls, text: str) -> "Tracked":
        return cls(text, _identity(len(text)))

    def sub(self, pattern: re.Pattern, repl, needs: tuple[str, ...] = ()) -> "Tracked":
        """re.sub that keeps the map: replaced characters point into what they replace. `needs`: strings
        one of which every match of `pattern` holds, when there are such: a text without any is not
        scanned (a pattern that opens with optional blanks is tried at every character, and most texts
        have no cell bar and no fraction slash)."""
        if needs and not any(n in self.text for n in needs):
            return self
        pieces: list[str] = []
        origin = array("q")
        last = 0
        # A template without backslashes is its own expansion: Match.expand would parse it again
        # on every match (half of normalize's time on a long text).
        literal = None if callable(repl) or "\\" in repl else repl
        for m in anchors.finditer(pattern, self.text):  # tried only where a match may open
            new = literal if literal is not None else repl(m) if callable(repl) else m.expand(repl)
            start, end = m.span()
            if new == m.group(0):
                continue
            pieces.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            pieces.append(new)
            width = end - start
            for k in range(len(new)):
                # A replacement maps onto the matched source, character for character while it
                # lasts; an insertion (empty match) points at the character that follows it.
                origin.append(self.origin[start + min(k, width - 1)] if width else self._at(start))
            last = end
        if not pieces:
            return self
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])
        return Tracked("".join(pieces), origin)

    def with_spaces_at(self, positions: set[int]) -> "Tracked":
        """A space inserted before each of `positions`, pointing, as an insertion does, at the character
        that follows it: one pass over the text, where a pattern matching between every two letters
        would be tried at each."""
        pieces: list[str] = []
        origin = array("q")
        last = 0
        for p in sorted(positions):
            pieces.append(self.text[last:p])
            origin.extend(self.origin[last:p])
            pieces.append(" ")
            origin.append(self._at(p))
            last = p
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])
        return Tracked("".join(pieces), origin)

    def _at(self, i: int) -> int:
        return self.origin[i] if i < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)


# Base letter followed by combining marks: composed one cluster at a time so the map stays exact.
_COMBINING = re.compile(r".[\u0300-\u036f]+", re.DOTALL)
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
# Runs of blank space become one space; a lone space, most of them, is left unmatched (not matched
# and put back: a hundred thousand matches in a long text).
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_TRAILING = re.compile(r" +(?=\n)|(?<=\n) +")
_TRAILING_NEEDS = (" \n", "\n ")   # a space before a line break or after one
_BLANK_LINES = re.compile(r"\n{3,}")
_CRLF = re.compile(r"\r\n?")
_SLASHES = re.compile(r"[ \t]*[⁄∕／][ \t]*")
_SLASHES_NEEDS = ("⁄", "∕", "／")


@cache
def _tone_fix() -> tuple[re.Pattern, dict[str, str]]:
    table = resources.load("normalization.yaml")["old_tone_marks"]
    pairs = dict(table)
    pairs.update({k.upper(): v.upper() for k, v in table.items()})
    pairs.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in table.items()})
    # "quý", "quỳnh": after q the u is part of the consonant, and the mark is already on the vowel.
    pattern = re.compile(r"(?<![qQ])(" + "|".join(sorted(pairs, key=len, reverse=True)) + r")(?!\w)")
    return pattern, pairs


@cache
def _number_rules() -> list[tuple[re.Pattern, str]]:
    data = resources.load("normalization.yaml")
    rules = []
    # "4003 / UBND-KT", "254 /TB-PCTT": one slash, no spaces, in a document number.
    rules.append((re.compile(r"(?<=\d)[ \t]*/[ \t]*(?=[A-ZĐ])"), "/"))
    # Dashes inside a symbol ("1478/CĐ–TTg") become the hyphen.
    rules.append((re.compile(r"(/[A-ZĐa-z0-9]{1,12})[‐‑‒–—−](?=[A-ZĐ])"), r"\1-"))
    # A symbol that lost its hyphen ("1961/QĐUBND", "61/2018/NĐCP"): split after a known
    # type abbreviation when an issuer code follows.
    abbrevs = "|".join(sorted(data["symbol_type_abbreviations"], key=len, reverse=True))
    rules.append((re.compile(r"(?<=[0-9a-z]/)(" + abbrevs + r")(?=[A-ZĐ]{2,}\b)"), r"\1-"))
    return rules


def _compose(m: re.Match) -> str:
    return unicodedata.normalize("NFC", m.group(0))


# A PDF wraps paragraphs at the page edge: a line that ends mid-clause and a next line that
# starts in lower case are one sentence ("… xảy ra đợt mưa vừa, mưa\nto"); a date or number
# cut after its label ("ngày\n10 tháng 10", "Số:\n3104/QĐ-UBND") is one phrase; so is a place
# name cut after its first word ("Thừa\nThiên Huế, ngày …"). A line that opens with a list label
# ("a) Chủ trì …") starts an item of its own, though it starts in lower case.
_WRAPPED = re.compile(r"(?<=[\w,])\n(?=[" + LOWER + r"])(?![" + LOWER + r"]\)\s)|(?:(?<=\bngày)|(?<=\btháng)|(?<=\bnăm)|(?<=\bSố:)|(?<=\bsố))\n(?=\d)"
                      r"|(?<=^[" + UPPER + r"][" + LOWER + r"])\n(?=[" + UPPER + r"][" + LOWER + r"]+ [" + UPPER + r"][^\n]{0,30}, ngày)"
                      r"|(?:(?<=^[" + UPPER + r"][" + LOWER + r"]{2})|(?<=^[" + UPPER + r"][" + LOWER + r"]{3})|(?<=^[" + UPPER + r"][" + LOWER + r"]{4}))"
                      r"\n(?=[" + UPPER + r"][" + LOWER + r"]+ [" + UPPER + r"][^\n]{0,30}, ngày)",
                      re.MULTILINE)
# Tables copied from web pages as text keep their cell bars ("Số: 471/QĐ-UBND | Kon Tum, ngày …"):
# each cell becomes a line of its own.
_CELL_BARS = re.compile(r"[ \t]*\|[ \t]*(?=\S)|[ \t]*\|[ \t]*$|^[ \t]*\|", re.MULTILINE)
_CELL_BARS_NEEDS = ("|",)


# A copy-paste layout breaks lines inside a word, even a capitalised one: "ỦY\nBAN NHÂN DÂN",
# "Tiền\nGiang, ngày …". The break is mended where the syllables on each side make a word of the
# dictionary or a place name, are cased alike, and neither makes a word with its other
# neighbour: "NHÂN DÂN\nCHỦ TỊCH" stays two lines though "dân chủ" is a word.
_LETTER_BREAK = re.compile(r"(?<=[^\W\d_])\n(?=[^\W\d_])")
_LAST_WORDS = re.compile(r"(?:([^\W\d_]+) )?([^\W\d_]+)$")
_FIRST_WORDS = re.compile(r"([^\W\d_]+)(?: ([^\W\d_]+))?")


def _mend_broken_word(m: re.Match) -> str:
    text = m.string
    before = _LAST_WORDS.search(text, max(0, m.start() - 40), m.start())
    after = _FIRST_WORDS.match(text, m.end())
    if not before or not after:
        return m.group(0)
    left, first, second, right = before.group(1), before.group(2), after.group(1), after.group(2)
    alike = (first.isupper() and second.isupper() and len(first) + len(second) > 2) or (
        first.istitle() and second.istitle())
    if not alike or not lexicon.is_word(first, second):
        return m.group(0)
    if (left and lexicon.is_word(left, first)) or (right and lexicon.is_word(second, right)):
        return m.group(0)
    return " "


# A số/ký hiệu wrapped at its hyphen ("Công văn số 2769/UBND-\nNCKSTTHC", "126/2024/NĐ-\nCP") is one
# token again: the line ends in a number's symbol and the next opens with an issuer code.
_SYMBOL_BREAK = re.compile(r"(?<=[A-ZĐ0-9]-)[ \t]*\n(?=[A-ZĐ][A-ZĐ0-9]+(?![^\W_]))")
_SYMBOL_BEFORE = re.compile(r"\d+[a-zđ]?/[A-Za-zĐđ0-9./-]*-$")


def _mend_broken_symbol(m: re.Match) -> str:
    return "" if _SYMBOL_BEFORE.search(m.string, max(0, m.start() - 40), m.start()) else m.group(0)


# A line that ends inside brackets ("… gửi về Bộ Công an (qua Cục …, đồng chí\nTrần Văn A, ĐT: …) trước
# ngày 15/10") goes on in the next line, whatever its case: the bracket closes there. Only a short
# aside: an open bracket with no close within a few lines is a typo, not a wrapped line.
_OPEN_BRACKET_BREAK = re.compile(r"\([^()\n]{0,300}\n(?!\s*(?:\w{1,3}|[IVX]+)[).]\s)(?=[^()\n]{0,200}\))")


def _mend_open_bracket(m: re.Match) -> str:
    return m.group(0)[:-1] + " "


# A copy that dropped the line breaks of its source without a space glues the last word of a line
# to the first of the next: "cơ quan thuộcChính phủ", "Ủy ban nhân dân tỉnhNam Định". A capital
# after two lower-case letters and before two more is such a seam (no Vietnamese word has one
# inside); a token of a web address or a code ("baoHaiDuong.vn", "eKYC") is left as written, and
# so is a broken font's stray capital inside a syllable ("quyÊn").
_GLUED = re.compile(r"(?<=[" + LOWER + r"]{2})(?=[" + UPPER + r"][" + LOWER + r"]{2})")
_TOKEN_AROUND = re.compile(r"\S*$|^\S*")


def _unglue(m: re.Match) -> str:
    text = m.string
    token = _TOKEN_AROUND.search(text[max(0, m.start() - 40):m.start()]).group(0) + \
        _TOKEN_AROUND.match(text[m.end():m.end() + 40]).group(0)
    return m.group(0) if re.search(r"[\d./@:_]", token) else " "


# The same seam after a one-syllable capitalised word ("BộCông Thương", "SởNội vụ"): too short for
# the two-letter test above, so both sides must be syllables of the dictionary ("VinaPhone",
# "YouTube" stay as written).
_GLUED_SHORT = re.compile(r"(?<![\w./@:_-])([" + UPPER + r"][" + LOWER + r"]{1,6})(?=([" + UPPER + r"][" + LOWER
                          + r"]{1,6})(?![\w./@:_-]))")


def _unglue_short(m: re.Match) -> str:
    left, right = m.group(1), m.group(2)
    return left + " " if lexicon.is_syllable(left) and lexicon.is_syllable(right) else left


# A copy that lost the space between two syllables of one case glues them into a token no Vietnamese
# syllable has the shape of ("nướcsạch", "cáctỉnh", "tổ chứcquần chúng", "VĂNPHÒNG"). Such a token is split where it falls
# into two syllables of the dictionary, when it does so at exactly one place; a token with no
# Vietnamese letter (a foreign word, an address) or with any other shape is left as written.
_LOWER_TOKEN = re.compile(r"(?<![\w./@:_-])(?:[" + UPPER + r"]?[" + LOWER + r"]{4,13}|[" + UPPER + r"]{5,14})"
                          r"(?![\w./@:_-])")
_VIETNAMESE_LETTER = re.compile(r"[^\x00-\x7f]")


# Bounded: a corpus of text that is no Vietnamese would otherwise grow it without end.
@lru_cache(maxsize=1 << 15)
def _seam_of(token: str) -> int | None:
    """Where a glued pair of syllables parts, or None when the token is a syllable or no clean pair."""
    if not _VIETNAMESE_LETTER.search(token) or lexicon.has_syllable_shape(token):
        return None
    cuts = [i for i in range(1, len(token))
            if lexicon.is_syllable(token[:i]) and lexicon.is_syllable(token[i:])]
    return cuts[0] if len(cuts) == 1 else None


def _unglue_syllables(t: Tracked) -> Tracked:
    seams = set()
    for m in _LOWER_TOKEN.finditer(t.text):
        cut = _seam_of(m.group(0))
        if cut is not None:
            seams.add(m.start() + cut)
    return t.with_spaces_at(seams) if seams else t


def _join_wrapped_lines(t: Tracked) -> Tracked:
    t = t.sub(_SYMBOL_BREAK, _mend_broken_symbol)
    t = t.sub(_OPEN_BRACKET_BREAK, _mend_open_bracket)
    return t.sub(_WRAPPED, " ").sub(_LETTER_BREAK, _mend_broken_word)


def normalize_text(text: str, drop_debris: bool = True, join_lines: bool = True) -> tuple[str, OffsetMap]:
    t = Tracked.of(text)
    t = t.sub(_CRLF, "\n")
    t = t.sub(_COMBINING, _compose)
    t = t.sub(_INVISIBLE, "")
    pattern, pairs = _tone_fix()
    t = t.sub(pattern, lambda m: pairs[m.group(0)])
    t = t.sub(_SLASHES, "/", _SLASHES_NEEDS)
    for rule, repl in _number_rules():
        t = t.sub(rule, repl)
    if drop_debris:
        t = drop_page_debris(t)
    t = t.sub(_CELL_BARS, "\n", _CELL_BARS_NEEDS)
    t = t.sub(_SPACES, " ")
    t = t.sub(_GLUED, _unglue)
    t = t.sub(_GLUED_SHORT, _unglue_short)
    t = _unglue_syllables(t)
    t = t.sub(_TRAILING, "", _TRAILING_NEEDS)
    if join_lines:  # a .docx or .html paragraph is already whole; a PDF or pasted text is wrapped
        t = _join_wrapped_lines(t)
    t = _unflattened_form(t)
    t = t.sub(_BLANK_LINES, "\n\n")
    # Leading and trailing blank space, done last so the map stays aligned.
    lead = len(t.text) - len(t.text.lstrip())
    end = len(t.text.rstrip())
    return t.text[lead:end], OffsetMap(t.origin[lead:end], len(text))


@cache
def _flattened_form() -> tuple[int, re.Pattern, re.Pattern, re.Pattern]:
    data = resources.load("normalization.yaml")["flattened_form"]
    needs = re.compile("|".join(f"(?:{p})" for p in data["needs"]))
    after = "|".join(f"(?<={re.escape(w)})" for w in data["breaks_after"])
    breaks = re.compile(r"[ \t]+(?=" + "|".join(f"(?:{p})" for p in data["breaks_before"]) + ")"
                        + r"|(?:" + after + r")[ \t]+(?=" + data["after_opens"] + ")")
    return data["min_chars"], re.compile(data["motto"], re.IGNORECASE), needs, breaks


def _unflattened_form(t: Tracked) -> Tracked:
    """A whole letter on one line ("… VIỆT NAM Số: 26 /UBND-VP … Kính gửi: … Nơi nhận: …") back
    on the lines of its form, so that the header, the body and the signature are found."""
    min_chars, motto, needs, breaks = _flattened_form()
    if not any(len(line) >= min_chars and motto.search(line) and needs.search(line)
               for line in t.text.split("\n")):
        return t
    long_lines = re.compile(r"[^\n]{%d,}" % min_chars)
    return t.sub(long_lines, lambda m: breaks.sub("\n", m.group(0))
                 if motto.search(m.group(0)) and needs.search(m.group(0)) else m.group(0))


@cache
def _debris() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = resources.load("page_debris.yaml")
    line = re.compile("|".join(f"(?:{p})" for p in data["lines"]), re.IGNORECASE)
    tail = re.compile("|".join(f"(?:{p})" for p in data["article_ends"]), re.IGNORECASE)
    inline = re.compile("|".join(f"(?:{p})" for p in data["inline"]), re.IGNORECASE)
    return line, tail, inline


def drop_page_debris(t: Tracked) -> Tracked:
    """Remove what a portal page wraps an article in: menus, counters, the page's own dates.

    Applies to any text: the seed news documents are portal pages saved as .txt.
    """
    line, tail, inline = _debris()
    t = t.sub(inline, "")
    lines = t.text.split("\n")
    keep_until = len(t.text)
    pos = 0
    spans_to_drop = []
    for text_line in lines:
        stripped = text_line.strip()
        end = pos + len(text_line)
        if stripped and tail.fullmatch(stripped):
            keep_until = pos
            break
        if stripped and line.fullmatch(stripped):
            spans_to_drop.append((pos, min(end + 1, len(t.text))))
        pos = end + 1
    if keep_until < len(t.text):
        spans_to_drop.append((keep_until, len(t.text)))
    if not spans_to_drop:
        return t
    keep_text, keep_origin, last = [], array("q"), 0
    for start, end in spans_to_drop:
        keep_text.append(t.text[last:start])
        keep_origin.extend(t.origin[last:start])
        last = end
    keep_text.append(t.text[last:])
    keep_origin.extend(t.origin[last:])
    return Tracked("".join(keep_text), keep_origin)
