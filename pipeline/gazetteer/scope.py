"""What a mention is, and the places a document's bare level words stand for.

"UBND tỉnh" in a Lâm Đồng document is "Ủy ban nhân dân tỉnh Lâm Đồng", "Phòng Kinh tế
thành phố" in a letter of the city of Kon Tum is that city's: a `Scope` holds, for each
level word, the unit the document means by it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from pipeline.gazetteer import places, provinces
from pipeline.gazetteer.places import Unit
from pipeline.gazetteer.patterns import bounded, compiled

Span = tuple[int, int]


@dataclass(frozen=True)
class Mention:
    """A body named in the text.

    `span` covers the body's name only ("Sở Nội vụ" in "Giám đốc Sở Nội vụ"); the title before
    it is the `role`, at `role_span`. A member of a listed group ("UBND các huyện: Tu Mơ Rông và
    Đăk Glei") spans its own name ("Tu Mơ Rông") and keeps the whole list as `list_span`.
    """
    span: Span
    name: str
    kind: str                     # agency | locality | party | group | other
    code: str | None = None       # official code of the administrative unit the body belongs to
    role: str | None = None
    role_span: Span | None = None
    list_span: Span | None = None

    def with_role(self, role: str, role_span: Span) -> "Mention":
        return replace(self, role=role, role_span=role_span)


@dataclass(frozen=True)
class Scope:
    """The units a document means by a bare level word ("tỉnh", "thành phố", "huyện")."""
    units: dict[str, Unit] = field(default_factory=dict)
    era: str | None = None

    def unit_for(self, level: str) -> Unit | None:
        return self.units.get(level)

    @property
    def province(self) -> Unit | None:
        return next((u for u in self.units.values() if u.tier == places.PROVINCE), None)

    @property
    def province_code(self) -> str | None:
        return self.province.code if self.province else None


def scope_for(province: Unit | None, local: list[Unit] = (), era: str | None = None) -> Scope:
    """A province fills "tỉnh" (or "thành phố" for a centrally-run city); lower units their own word."""
    units: dict[str, Unit] = {}
    if province is not None:
        units[province.level if province.level in ("tỉnh", "thành phố") else "tỉnh"] = province
        units.setdefault("tỉnh", province)
    for unit in local:
        units.setdefault(unit.level, unit)
    return Scope(units, era or (province.era if province else None))


# ---- a place after a body's name: "… tỉnh Kon Tum", "… huyện", "… thành phố Huế" ----

@dataclass(frozen=True)
class PlaceSuffix:
    end: int
    text: str            # as it goes into the canonical name: "tỉnh Kon Tum", "thành phố"
    unit: Unit | None


@cache
def _level_at() -> re.Pattern:
    # A level word right after a name; not "xã hội", "tỉnh ủy", "thành phố trực thuộc …" lists.
    return compiled(r"\s+(" + bounded(places.level_pattern()) + r")(?!\s+(?:hội|ủy|ủy viên)\b)")


def place_suffix(text: str, pos: int, scope: Scope, bare: bool = True) -> PlaceSuffix | None:
    """The place that completes a body's name at `pos`, if one follows.

    A named place is kept as written ("huyện Kon Plông"); a bare level word takes the unit the
    scope gives it ("tỉnh" → "tỉnh Lâm Đồng"), or stays bare when the scope has none. `bare`
    False accepts named places only.
    """
    m = _level_at().match(text, pos)
    if not m:
        return None
    level = places.canonical_level(m.group(1))
    if level is None:
        return None
    named = places.name_after(text, m.end(), m.group(1), scope.era, scope.province_code)
    if named:
        end, name, unit = named
        return PlaceSuffix(end, f"{level} {name}", unit)
    if not bare or _continues_list(text, m.end()):
        return None
    unit = scope.unit_for(level)
    return PlaceSuffix(m.end(), f"{level} {unit.name}" if unit else level, unit)


def _continues_list(text: str, pos: int) -> bool:
    # "UBND tỉnh, thành phố trực thuộc Trung ương": a list of levels is a group, not a place.
    # (Lists write level words in lower case: "…, Tỉnh đoàn" goes on with another body.)
    return bool(compiled(r"\s*,\s*(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\b"
                         r"(?!\s+(?:ủy|đoàn)\b)").match(text, pos))


# Remembered for the last few documents: their stages ask for it four times each (header, issuer,
# references, bodies, tasks); a Scope is frozen, and no caller changes its units.
@lru_cache(maxsize=8)
def document_scope(text: str, date: str | None = None, header_end: int = 0, issuer: str | None = None) -> Scope:
    """The scope of a whole document: its province (named, or inferred from its places), and the
    lower unit its issuer belongs to ("Ủy ban nhân dân thành phố Kon Tum" makes "thành phố" Kon Tum)."""
    era = provinces.era_of(date) or provinces.era_of_places(places.find_places(text))
    province, local = None, []
    for place in places.find_places(issuer or "", era=era):
        unit = _best_unit(place)
        if unit is None:
            continue
        if unit.tier == places.PROVINCE:
            province = unit
        else:
            local.append(unit)
            province = province or provinces.province_unit(unit.province_code, unit.era)
    province = province or provinces.infer_province(text, date, header_end)
    if province is not None:
        province = places.spelled_in(province, text)
    return scope_for(province, local, era)


def _best_unit(place: places.Place) -> Unit | None:
    # "thành phố Kon Tum" is the city (level "thành phố"), not the province of the same name.
    exact = [u for u in place.units if u.level == place.level]
    return (exact or list(place.units) or [None])[0]
