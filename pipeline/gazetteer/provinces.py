"""Which province a document is about, and the era of the units it names.

ANNOTATION.md: the issuer's province "comes from the header or the context"; a text that
never names its province (a letter to "UBND các huyện: Tu Mơ Rông … và Đăk Glei") still lies
in one, the province its places agree on.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Iterable

from pipeline.gazetteer.patterns import trie_pattern
from pipeline.gazetteer.places import (DISTRICT, LEGACY, PROVINCE, REFORMED, Place, Unit, canonical_level, data,
                                       find_places, level_words, lookup, units)


def era_of(date: str | None) -> str | None:
    """The era of units a document dated `date` (ISO) names; None when undated."""
    if not date:
        return None
    return REFORMED if date >= data()["reform_date"] else LEGACY



def province_of(names: Iterable[str], era: str | None = None) -> Unit | None:
    """The province that all the named places lie in, if they agree on one.

    Each name may carry its level word ("huyện Kon Plông") or not ("Tu Mơ Rông"). Names the
    index does not know are ignored; a name that exists in several provinces only narrows
    the choice. None when no name is known or the known ones point to different provinces.
    """
    eras = (era,) if era else (LEGACY, REFORMED)
    for current in eras:
        common: set[str] | None = None
        for raw in names:
            level, name = _split_level(raw)
            found = lookup(name, level, current)
            if not found:
                continue
            codes = {u.province_code for u in found}
            common = codes if common is None else common & codes
        if common is not None and len(common) == 1:
            return province_unit(common.pop(), current)
    return None


def _split_level(raw: str) -> tuple[str | None, str]:
    raw = " ".join(raw.split())
    for word in sorted(level_words(), key=len, reverse=True):
        if raw.lower().startswith(word.lower() + " "):
            return canonical_level(word), raw[len(word) + 1:]
    return None, raw


@cache
def province_unit(code: str, era: str = LEGACY) -> Unit | None:
    for unit in units():
        if unit.tier == PROVINCE and unit.code == code and unit.era == era:
            return unit
    return None


def infer_province(text: str, date: str | None = None, header_end: int = 0) -> Unit | None:
    """The province (or centrally-run city) a document is about.

    First the provinces the text names ("tỉnh Kon Tum", "thành phố Hà Nội"): the header's, else
    the one named most often. Then a province named bare, without its level word ("chính
    quyền Quảng Ngãi"), if one is named more often than any other. A text that names none gets
    the province its lower places agree on (districts and communes: `province_of`). `date`
    (ISO) picks the era of units.
    """
    places = find_places(text, era=era_of(date))
    era = era_of(date) or era_of_places(places)
    named = [(p, u) for p in places for u in p.units if u.tier == PROVINCE and _names_province(p)]
    header = [u for p, u in named if p.span[0] < header_end]
    if header:
        return _preferred(header, era)
    if named:
        counts = Counter(u.code for _, u in named)
        ranked = counts.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            return _preferred([u for _, u in named if u.code == ranked[0][0]], era)
    bare = _bare_province(text, era)
    if bare:
        return bare
    lower = [f"{p.level} {p.name}" for p in places if any(u.tier != PROVINCE for u in p.units)]
    return province_of(lower, era)


@cache
def _province_names() -> re.Pattern:
    names = {u.name for u in units() if u.tier == PROVINCE} | set(data()["province_aliases"])
    return re.compile(r"(?<![\w-])" + trie_pattern(names) + r"(?![\w-])")


def _bare_province(text: str, era: str | None) -> Unit | None:
    counts = Counter(m.group(0) for m in _province_names().finditer(text))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    found = [u for u in lookup(ranked[0][0], "tỉnh") if u.tier == PROVINCE]
    return _preferred(found, era) if found else None


def _names_province(place: Place) -> bool:
    # "thành phố Kon Tum" is the city, not the province, when the index has such a city.
    if place.level != "thành phố":
        return True
    return not any(u.tier == DISTRICT for u in place.units)


def _preferred(candidates: list[Unit], era: str | None) -> Unit:
    ranked = sorted(candidates, key=lambda u: (u.era != (era or LEGACY)))
    return ranked[0]


def era_of_places(places: list[Place]) -> str | None:
    """The era the places a text names belong to: districts were abolished in 2025 and đặc khu
    created; a name the index knows in one era only votes for it. None when undecided."""
    votes: Counter = Counter()
    for place in places:
        if place.level in ("huyện", "quận", "thị xã"):
            votes[LEGACY] += 1
        elif place.level == "đặc khu":
            votes[REFORMED] += 1
        eras = {u.era for u in place.units}
        if len(eras) == 1:
            votes[eras.pop()] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def complete(name: str, province: Unit | None) -> str:
    """A name that ends with a bare level word, completed by the province it refers to.

    "Ủy ban nhân dân tỉnh" + Kon Tum → "Ủy ban nhân dân tỉnh Kon Tum". A name that already has
    its place, or whose level word is not the province's, is returned as it is.
    """
    if province is None:
        return name
    m = re.search(r"(?:^|\s)(tỉnh|thành phố)\s*$", name, re.IGNORECASE)
    if not m or (m.group(1).lower() == "thành phố" and province.level != "thành phố"):
        return name
    return f"{name.rstrip()} {province.name}"
