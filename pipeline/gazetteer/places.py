"""Administrative units: provinces, districts and communes, before and after the 2025 reform.

The units come from the maintained package `vietnamadminunits` (its SQLite data: the 63
provinces with their districts and communes, and the 34 provinces with their communes
since 1 July 2025). They are read once per process (about 0.2 s) and indexed by a folded
name, so a lookup is a dict access.

This module answers which unit a level word and a name denote ("huyện Kon Plông" → district
613 of Kon Tum) and where a text names units; provinces.py, which province a document is about.
"""
from __future__ import annotations

import importlib.util
import re
import sqlite3
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from pipeline import resources
from pipeline.core import anchors, derived
from pipeline.gazetteer.patterns import CAPITAL_WORD, alternation, bounded, fold, is_upper, tidy
from pipeline.resources import lexicon

LEGACY, REFORMED = "legacy", "2025"
PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"


@dataclass(frozen=True)
class Unit:
    """One administrative unit as the package lists it."""
    level: str          # the level word, lower case: "tỉnh", "thành phố", "huyện", "xã", "đặc khu", …
    name: str           # the name without its level word: "Kon Plông", "Xuân Hương - Đà Lạt"
    code: str           # official code: 2 digits for a province, 3 for a district, 5 for a commune
    tier: str           # province | district | commune
    era: str            # legacy (63 provinces) | 2025 (34 provinces)
    province: str       # the name of its province ("Kon Tum")
    province_code: str

    @property
    def full_name(self) -> str:
        return f"{self.level} {self.name}"


@dataclass(frozen=True)
class Place:
    """A unit named in a text: "huyện Kon Plông" at its span, with the units it may be."""
    span: tuple[int, int]
    level: str
    name: str
    units: tuple[Unit, ...]


@cache
def data() -> dict:
    return resources.load("bodies_places.yaml")


@cache
def level_words() -> dict[str, str]:
    """Level word as written → canonical level word ("TP." → "thành phố")."""
    return {k: v for k, v in resources.load("bodies.yaml")["levels"].items()}


def canonical_level(word: str) -> str | None:
    table = level_words()
    if word in table:
        return table[word]
    lowered = " ".join(word.lower().split())
    return table.get(lowered)


TIERS = {"tỉnh": (PROVINCE,), "thành phố": (PROVINCE, DISTRICT), "huyện": (DISTRICT,), "quận": (DISTRICT,),
         "thị xã": (DISTRICT,), "xã": (COMMUNE,), "phường": (COMMUNE,), "thị trấn": (COMMUNE,),
         "đặc khu": (COMMUNE,)}


def units_database() -> Path | None:
    """The package's SQLite file of units, where the package keeps it."""
    spec = importlib.util.find_spec("vietnamadminunits")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None
    database = folder / "data" / "dataset.db" if folder else None
    return database if database is not None and database.exists() else None


def _rows(fields: list[str], table: str) -> list[dict]:
    """Rows of the package's unit tables, as `vietnamadminunits.database.get_data` gives them.

    The package's own import loads shapely and geopy for its address parser (0.7 s); its data
    is one SQLite file, read here directly when it is where the package keeps it.
    """
    database = units_database()
    if database is None:
        from vietnamadminunits.database import get_data
        return get_data(fields, table)
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute(f"SELECT DISTINCT {','.join(fields)} FROM [{table}]").fetchall()
    return [dict(r) for r in rows]


@cache
def _places() -> tuple[tuple[Unit, ...], dict[str, tuple[Unit, ...]]]:
    """Every unit and their index by folded name, as an earlier process built them from the same
    package file and code when one did (0.03 s against 0.3 s to build)."""
    return derived.kept("places", _built_places, [units_database()])


def _built_places() -> tuple[tuple[Unit, ...], dict[str, tuple[Unit, ...]]]:
    every = _built_units()
    return every, _built_index(every)


def units() -> tuple[Unit, ...]:
    """Every unit of both eras, once each."""
    return _places()[0]


def _built_units() -> tuple[Unit, ...]:
    seen: dict[tuple, Unit] = {}

    def add(unit: Unit) -> None:
        seen.setdefault((unit.era, unit.tier, unit.code), unit)

    legacy = _rows(["province", "provinceShort", "provinceCode", "district", "districtShort", "districtType",
                       "districtCode", "ward", "wardShort", "wardType", "wardCode"], "admin_units_legacy")
    reformed = _rows(["province", "provinceShort", "provinceCode", "ward", "wardShort", "wardType", "wardCode"],
                        "admin_units")
    for era, rows in ((LEGACY, legacy), (REFORMED, reformed)):
        for r in rows:
            pcode, pname = r["provinceCode"], r["provinceShort"]
            add(Unit(_level_of(r["province"], pname), pname, pcode, PROVINCE, era, pname, pcode))
            if r.get("districtCode"):
                add(Unit(r["districtType"].lower(), _short(r["district"], r["districtShort"], r["districtType"]),
                         r["districtCode"], DISTRICT, era, pname, pcode))
            if r.get("wardCode") and r.get("wardType"):
                add(Unit(r["wardType"].lower(), _short(r["ward"], r["wardShort"], r["wardType"]),
                         r["wardCode"], COMMUNE, era, pname, pcode))
    return tuple(seen.values())


def _level_of(full: str, short: str) -> str:
    return full[: len(full) - len(short)].strip().lower() or "tỉnh"


def _short(full: str, short: str, level: str) -> str:
    # "Quận 1" keeps its number as the name; "Phường 3 Bảo Lộc" is "3 Bảo Lộc".
    return full[len(level):].strip() if full.lower().startswith(level.lower() + " ") else short


def _index() -> dict[str, tuple[Unit, ...]]:
    return _places()[1]


def _built_index(every: tuple[Unit, ...]) -> dict[str, tuple[Unit, ...]]:
    index: dict[str, list[Unit]] = {}
    for unit in every:
        index.setdefault(fold(unit.name), []).append(unit)
    by_code = {(u.era, u.code): u for u in every if u.tier == PROVINCE}
    for alias, code in data()["province_aliases"].items():
        unit = by_code.get((LEGACY, code))
        if unit:
            index.setdefault(fold(alias), []).append(
                Unit("tỉnh", alias, code, PROVINCE, LEGACY, alias, code))
    return {k: tuple(v) for k, v in index.items()}


def lookup(name: str, level: str | None = None, era: str | None = None) -> tuple[Unit, ...]:
    """The units a name (without its level word) may denote, narrowed by level word and era.

    >>> [u.code for u in lookup("Kon Plông", "huyện")]
    ['613']
    """
    found = _index().get(fold(name), ())
    if level:
        level = canonical_level(level) or level
        tiers = TIERS.get(level, ())
        found = tuple(u for u in found if u.tier in tiers and _level_fits(u, level))
    if era:
        found = tuple(u for u in found if u.era == era)
    return found


def _level_fits(unit: Unit, level: str) -> bool:
    # "thành phố Kon Tum" is a district-level city; "tỉnh Kon Tum" the province. A province
    # keeps its own word ("thành phố Hà Nội"), but documents also say "tỉnh" loosely for it.
    if unit.tier == PROVINCE:
        return level in ("tỉnh", "thành phố")
    return unit.level == level or (level == "thành phố" and unit.level == "thành phố")


@cache
def _variants() -> frozenset[tuple[str, str]]:
    pairs = [tuple(w.lower() for w in pair) for pair in data()["spelling_variants"]]
    return frozenset(pairs + [(b, a) for a, b in pairs])


def as_written(name: str, written: str) -> str:
    """The register's name in the text's spelling, where the two differ only by syllables written
    two ways in official use ("Đắk Nông" written "ĐĂK NÔNG" → "Đăk Nông"); else the register's."""
    ours, theirs = name.split(), re.findall(r"\w+", written)
    if len(ours) != len(theirs) or len(re.findall(r"\w+", name)) != len(ours):
        return name
    out = []
    for a, b in zip(ours, theirs):
        if a.lower() == b.lower():
            out.append(a)
        elif (a.lower(), b.lower()) in _variants():
            out.append(b[:1].upper() + b[1:].lower() if a[:1].isupper() else b.lower())
        else:
            return name
    return " ".join(out)


def spelled_in(unit: "Unit", text: str) -> "Unit":
    """The unit named as the text spells it, where it uses a spelling in official use ("Đăk Nông")."""
    variants = _variants()
    words = []
    for w in unit.name.split():
        forms = [w] + [b for a, b in variants if a == w.lower()]
        words.append("(?:" + "|".join(re.escape(f) for f in forms) + ")")
    m = re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text, re.IGNORECASE)
    if not m:
        return unit
    name = as_written(unit.name, m.group(0))
    return unit if name == unit.name else replace(unit, name=name, province=name if unit.tier == PROVINCE else unit.province)


# ---- places in text ----

@cache
def level_pattern() -> str:
    return alternation(level_words(), headed_or_lower)


def headed_or_lower(word: str) -> str:
    # Level words are written in lower case in running text and in capitals in headers.
    return "(?i:" + re.escape(word).replace(r"\ ", r"\s+") + ")" if word.islower() else re.escape(word)


@cache
def _name_run() -> re.Pattern:
    # Up to six capitalized words (or numbers), joined by spaces or " - ".
    return re.compile(r"[ \t]*\n?[ \t]*(" + CAPITAL_WORD + r"(?:(?:[ \t]+|[ \t]*[-–][ \t]*|[ \t]*\n[ \t]*)"
                      + CAPITAL_WORD + r"){0,5})")


@cache
def _family_names() -> frozenset[str]:
    return frozenset(resources.load("surnames.yaml")["surnames"])


def name_after(text: str, pos: int, level: str, era: str | None = None,
               province_code: str | None = None) -> tuple[int, str, Unit | None] | None:
    """The name of a unit that follows a level word ending at `pos`: (end, name, unit or None).

    The longest run of capitalized words that the index knows wins ("tỉnh Quảng Nam ban hành"
    → "Quảng Nam"). A run the index does not know is taken for a province never, for a lower
    unit only on the level word's line and when it does not open with a family name ("UBND tỉnh Trần Văn A"
    is a person named after a body). Among units of one name, the one of the level word
    written, in the document's province (`province_code`) and era, is taken.
    """
    m = _name_run().match(text, pos)
    if not m:
        return None
    words = list(re.finditer(CAPITAL_WORD, m.group(1)))
    base = m.start(1)
    caps = is_upper(m.group(1))
    for k in range(len(words), 0, -1):
        raw = m.group(1)[: words[k - 1].end()]
        found = lookup(raw, level)
        if found:
            written = canonical_level(level)
            unit = min(found, key=lambda u: (u.level != written, u.province_code != province_code,
                                             u.era != (era or LEGACY)))
            # A province is written as the index spells it (its name is fixed; "Lâm Đông" is a
            # misread "Lâm Đồng"), unless the text uses a spelling in official use ("Đăk Nông");
            # a lower unit as the text writes it ("Đăk Glei", "Đắk Glei").
            name = as_written(unit.name, raw) if is_upper(raw) or unit.tier == PROVINCE else tidy(raw)
            return base + len(raw), name, unit
    tiers = TIERS.get(canonical_level(level) or level, ())
    if tiers == (PROVINCE,) or words[0].group(0) in _family_names():
        return None
    if caps and not is_upper(level):
        return None  # "xã NTM": an abbreviation after a lower-case level word is no name
    if "\n" in text[pos:base]:
        return None  # "2. Công an xã\nBảo đảm …": a heading that ends in a level word, then a sentence
    first_line = m.group(1).split("\n")[0]
    kept = [w for w in words if w.end() <= len(first_line)][:4]
    if not kept:
        return None
    raw = m.group(1)[: kept[-1].end()]
    return base + len(raw), (raw.title() if caps else tidy(raw)), None


@cache
def _place_regex() -> re.Pattern:
    return re.compile(bounded(level_pattern()))


def find_places(text: str, start: int = 0, end: int | None = None, era: str | None = None) -> list[Place]:
    """Units named with their level word ("tỉnh Kon Tum", "huyện Kon Plông") in text[start:end]."""
    return list(_places_in(text, start, len(text) if end is None else end, era))


# Remembered for the last few texts: the stages of one document ask for the places of its whole
# text four or five times over (its scope, its province, its issuer's name …). Places are frozen.
@lru_cache(maxsize=8)
def _places_in(text: str, start: int, end: int, era: str | None) -> tuple[Place, ...]:
    if era == LEGACY:
        # The document stage reads a text's places before it knows its date, the later stages in the
        # date's era, most often the older one. A name is read the same in both (`name_after` takes
        # no era for the older one), and the units of the older era are those of any era, narrowed:
        # the places are found once. A list's units are not narrowed so (its first member keeps a
        # unit of any era), so a text with a list is read again.
        found, listed = _found_in(text, start, end, None)
        if not listed:
            return tuple(p if all(u.era == LEGACY for u in p.units)
                         else replace(p, units=tuple(u for u in p.units if u.era == LEGACY)) for p in found)
    return _found_in(text, start, end, era)[0]


@lru_cache(maxsize=8)
def _found_in(text: str, start: int, end: int, era: str | None) -> tuple[tuple[Place, ...], bool]:
    """The places in text[start:end], and whether a list of places ("các huyện: …") is among them."""
    places, listed = [], False
    for m in anchors.finditer(_place_regex(), text, None, start, end):  # tried only at a level word
        level = canonical_level(m.group(0))
        found = name_after(text, m.end(), m.group(0), era)
        if level and found and found[0] <= end:
            stop, name, _ = found
            places.append(Place((m.start(), stop), level, name, lookup(name, level, era) or ()))
        elif level and text[max(0, m.start() - 4):m.start()].lower().strip() in ("các", "những"):
            members = [p for p in listed_places(text, m.start() - 4, era) if p.span[1] <= end]
            places.extend(members)
            listed = listed or bool(members)
    return tuple(places), listed


@cache
def _list_opening() -> re.Pattern:
    level = level_pattern()
    return re.compile(r"\s*(?i:các|những)\s+(?P<levels>" + level + r"(?:\s*,\s*" + level + r")*)(?P<colon>\s*:)?\s*")


_LIST_JOINER = re.compile(lexicon.joiner(marks=",;"))  # "Chư Prông; Đức Cơ và Ia Grai" too
_ASIDE = re.compile(r"\s*\([^()\n]{0,200}\)")


def listed_places(text: str, pos: int, era: str | None = None, province_code: str | None = None) -> list[Place]:
    """The places a list at `pos` names after its level words: " các huyện: Chư Prông, Đức Cơ và
    Ia Grai" → three districts; "các phường Vinh Phú, Trường Vinh" without the colon too. A member may carry its own level word ("…, thành phố Pleiku") and
    an aside ("Đức Cơ (xã Ia Dom)"). Each place's units start with the likeliest one."""
    m = _list_opening().match(text, pos)
    if not m:
        return []
    levels = [canonical_level(w.strip()) for w in re.split(r"\s*,\s*", m.group("levels"))]
    found, cursor = [], m.end()
    while (member := _member(text, cursor, levels, era, province_code)) is not None:
        found.append(member)
        aside = _ASIDE.match(text, member.span[1])
        joiner = _LIST_JOINER.match(text, aside.end() if aside else member.span[1])
        if not joiner:
            break
        cursor = joiner.end()
    if not m.group("colon") and (len(found) < 2 or any(not p.units for p in found)):
        return []  # without a colon, only a list of two or more places the register knows
    return found


def _member(text: str, pos: int, levels: list[str], era: str | None, province_code: str | None) -> Place | None:
    own = re.match(r"(" + level_pattern() + r")(?=\s)", text[pos:pos + 12])
    candidates = [canonical_level(own.group(1))] if own else levels
    start = pos + own.end() if own else pos
    for level in candidates:
        named = name_after(text, start, level, era, province_code)
        if named:
            end, name, unit = named
            others = tuple(u for u in lookup(name, level, era) if u != unit)
            return Place((pos, end), level, name, ((unit,) if unit else ()) + others)
    return None
