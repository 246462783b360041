"""Turning an upper-case header line into a canonical name: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" →
"Ủy ban nhân dân tỉnh Lâm Đồng"; abbreviations expanded."""
from __future__ import annotations

import re
from functools import cache

from pipeline import gazetteer, resources
from pipeline.core import lexicon
from pipeline.core.letters import LOWER, UPPER


@cache
def _data() -> dict:
    return resources.load("document_form.yaml")


def expand(name: str) -> str:
    return " ".join(gazetteer.expand(name).split())


def is_upper(line: str) -> bool:
    # filter and map, not a comprehension: a news article's paragraph is one line, asked of often
    letters = list(filter(str.isalpha, line))
    return bool(letters) and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def official_case(text: str) -> str:
    """Sentence case for an upper-case name, with the place after its level word in title case."""
    text = " ".join(expand(text).split())
    if not is_upper(text):
        return text
    words = text.split(" ")
    out, in_place = [], False
    levels = [lv.split() for lv in _data()["place_levels"]]
    i = 0
    while i < len(words):
        level = next((lv for lv in levels if [w.upper() for w in words[i:i + len(lv)]] == lv), None)
        if level:
            out.extend(w.lower() for w in words[i:i + len(level)])
            i += len(level)
            in_place = True
            continue
        w = words[i]
        if in_place or (w.isupper() and len(w) <= 5 and not _is_word(w)):
            out.append(w.capitalize() if in_place else w)
        else:
            out.append(w.lower())
        i += 1
    result = " ".join(out)
    return result[:1].upper() + result[1:]


# A capital with a Vietnamese mark ("SỞ", "VÀ", "Đ…"): the letters.py capitals without A-Z.
_MARKED_CAPITAL = re.compile("[" + UPPER.replace("A-Z", "") + "]")


def _is_word(w: str) -> bool:
    """A short upper-case token that is an ordinary word ("VÀ", "SỞ", "BAN"), not an acronym to keep:
    any with a marked letter, and the plain-letter words of document_form.yaml."""
    return bool(_MARKED_CAPITAL.search(w)) or w in _data()["plain_capital_words"]


def place_of(name: str) -> str | None:
    """The place a name ends with: "Ủy ban nhân dân tỉnh Lâm Đồng" → "tỉnh Lâm Đồng"."""
    levels = "|".join(lv.lower() for lv in _data()["place_levels"])
    m = re.search(r"\b(" + levels + r")\s+([" + UPPER + r"][\w'-]*(?:\s+[" + UPPER + r"][\w'-]*)*)\s*$", name)
    return f"{m.group(1)} {m.group(2)}" if m else None


def sentence_case(text: str) -> str:
    """An upper-case trích yếu in running case, proper names kept: "TRÊN ĐỊA BÀN HUYỆN SA THẦY,
    TỈNH KON TUM" → "trên địa bàn huyện Sa Thầy, tỉnh Kon Tum". Bodies and places are the
    gazetteer's (it reads upper case), with their canonical capitals; an acronym ("NSTW", "GIS"),
    ASCII capitals that make no Vietnamese syllable, stays as written."""
    out = list(text.lower())

    def put(start: int, cased: str) -> None:
        out[start:start + len(cased)] = cased

    for m in re.finditer(r"[^\W\d_]+", text):
        if re.fullmatch(r"[A-ZĐ]{2,8}", m.group(0)) and not lexicon.is_syllable(m.group(0)):
            put(m.start(), m.group(0))
    for mention in gazetteer.find_mentions(text):
        written = text[mention.span[0]:mention.span[1]]
        before = re.search(r"([^\W\d_]+)\s+$", text[:mention.span[0]])
        if before and lexicon.is_word(before.group(1), written.split()[0], places=False):
            continue  # "PHỤC VỤ MỤC TIÊU …": "vụ" ends the word "phục vụ", it opens no department's name
        if gazetteer.words_key(written) == gazetteer.words_key(mention.name) and len(written) == len(mention.name):
            put(mention.span[0], mention.name)
    for place in gazetteer.find_places(text):
        written = text[place.span[0]:place.span[1]]
        level = written[:len(written) - len(place.name)].split()
        if not place.units and level and lexicon.is_word(level[-1], place.name.split()[0], places=False):
            continue  # "CÔNG TÁC XÃ HỘI GIAI ĐOẠN …": "xã hội" is a word, no commune the register knows
        if written.lower().endswith(place.name.lower()):
            put(place.span[1] - len(place.name), place.name)
    return "".join(out)
