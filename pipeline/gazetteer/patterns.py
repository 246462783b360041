"""How the gazetteer's written names become regular expressions, and how names are folded.

A name in the data files is written once, with single spaces; in a document it may
break across lines (PDF text), carry extra spaces around "," "-" "&", or be set in
capitals in a header. These builders absorb that, so the data stays plain.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipeline.core.letters import LOWER, UPPER

# A word of a proper name: a capital, or a number ("phường 3 Bảo Lộc", "Quận 1").
CAPITAL_WORD = r"(?:[" + UPPER + r"][\w]*|\d+[\w]*)"
WS = r"\s+"
# Between two words of one name: spaces, a line break, or " - " in names like "Xuân Hương - Đà Lạt".
_SEPARATORS = {",": r"\s*,\s*", "-": r"\s*[-–]\s*", "&": r"\s*&\s*", "/": r"\s*/\s*"}


def phrase(text: str) -> str:
    """The regex of a written phrase: spaces match any white space, punctuation its usual spacing."""
    out, word = [], []
    for ch in text.strip():
        if ch == " ":
            if word:
                out.append(re.escape("".join(word)))
                word = []
            if out and out[-1] not in _SEPARATORS.values() and out[-1] != WS:
                out.append(WS)
        elif ch in _SEPARATORS:
            if word:
                out.append(re.escape("".join(word)))
                word = []
            if out and out[-1] == WS:
                out.pop()
            out.append(_SEPARATORS[ch])
        else:
            word.append(ch)
    if word:
        out.append(re.escape("".join(word)))
    return "".join(out)


def after_titles(words: str, titles, then: str = "") -> str:
    """"Trưởng phòng Nội vụ", "Trưởng ban Tổ chức - Cán bộ …": `words` in lower case after a title that
    swallowed their capital, as alternatives to add to their own pattern ("|(?<=Trưởng ban )(?i:ban)")."""
    return "".join(f"|(?<={title} )(?i:{phrase(words)}){then}" for title in titles)


def headed(text: str) -> str:
    """A phrase whose first letter must be written as given (a capital), the rest in any case.

    "Sở" matches "Sở" and "SỞ" but not "sở"; "Ban Chỉ huy" matches "Ban chỉ huy" and "BAN CHỈ HUY".
    """
    first, rest = text[0], text[1:]
    head = re.escape(first) if not first.isalpha() else (
        "[" + first + first.upper() + "]" if first.islower() else re.escape(first))
    return head + ("(?i:" + phrase(rest) + ")" if rest else "")


def alternation(phrases, build=phrase) -> str:
    """One group matching any of the phrases, longest first so the regex prefers the fullest name."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(build(p) for p in unique) + ")"


def bounded(pattern: str) -> str:
    """A pattern that starts and ends at word edges and not inside a document number ("QĐ-UBND")."""
    return r"(?<![\w/\-])" + pattern + r"(?!\w)"


def initials(part: str) -> str:
    """ "Phát triển nông thôn" → "PTNT", "Đào tạo" → "ĐT": how documents abbreviate a field."""
    return "".join(w[0].upper() for w in part.split())


def fold(text: str) -> str:
    """A key for comparing names: lower case, no diacritics, no spaces or punctuation ("Đăk Glei" = "Đắk Glei")."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", text.lower())


def words_key(text: str) -> str:
    """A key that keeps word edges and diacritics: case and punctuation ignored."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


def is_upper(text: str) -> bool:
    letters = list(filter(str.isalpha, text))  # filter and map run in C: asked of every name found
    return bool(letters) and all(map(str.isupper, letters))


def tidy(text: str) -> str:
    """One space between words, none before "," and around "-" kept single."""
    text = " ".join(text.split())
    text = re.sub(r"\s+,", ",", text)
    return re.sub(r"\s*[-–]\s*", " - ", text) if re.search(r"\s[-–]|[-–]\s", text) else text


@cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


LOWER_START = re.compile("[" + LOWER + "]")


class Openings:
    """Where the words that may open a body's name stand in a text, by word (lower case).

    A body's name can only start where one of its opening words does ("Sở", "UBND", "các");
    trying each recognizer there, rather than at every character, keeps the gazetteer fast.
    `words` is every opening word any recognizer uses (see mentions.opening_words).
    """

    def __init__(self, text: str, words: frozenset[str], start: int = 0, end: int | None = None):
        self.text, self.start, self.end = text, start, len(text) if end is None else end
        self._by_word: dict[str, list[int]] = {}
        for m in _opening_regex(words).finditer(text, self.start, self.end):
            s = m.start()
            if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
                continue  # inside a word
            self._by_word.setdefault(m.group(0).lower(), []).append(s)

    def at(self, words: frozenset[str]) -> list[int]:
        found = [p for w in words for p in self._by_word.get(w, ())]
        return sorted(found)

    def matches(self, regex: re.Pattern, words: frozenset[str]):
        """regex.match at each opening, left to right, without overlaps (as finditer would)."""
        last = -1
        for pos in self.at(words):
            if pos < last:
                continue
            m = regex.match(self.text, pos, self.end)
            if m:
                last = m.end()
                yield m


@cache
def _opening_regex(words: frozenset[str]) -> re.Pattern:
    # Each word in lower case, capitalized and in capitals, as a trie: the engine then decides
    # letter by letter instead of trying a hundred alternatives at every word (3x faster).
    # and with two capitals, as an abbreviation writes it ("TTg CP")
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:], w[:2].upper() + w[2:], w.upper())}
    return re.compile(trie_pattern(forms) + r"(?!\w)")


def trie_pattern(words) -> str:
    """A regex matching exactly the given words, written as a trie ("ub", "ubnd" → "ub(?:nd)?")."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(root)


def _branches(node: dict) -> str:
    branches = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


@cache
def openers(phrases: tuple[str, ...]) -> frozenset[str]:
    """The first word of each phrase, in lower case: where such a name may open."""
    return frozenset(m.group(0).lower() for p in phrases if (m := re.match(r"\w+", p.strip())))
