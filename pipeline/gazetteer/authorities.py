"""Local authorities: the people's committees and councils of a place (kind locality).

"UBND huyện Kon Plông", "Ủy ban nhân dân tỉnh" (the document's province), "Thường trực HĐND
tỉnh"; their offices ("Văn phòng UBND tỉnh", "PCVP UBND tỉnh", kind agency); their groups
("UBND các huyện, thành phố", "UBND cấp xã", "UBND tỉnh, thành phố trực thuộc Trung ương");
and their lists, which name the members and not the group ("UBND các huyện: Tu Mơ Rông,
Kon Plông và Đăk Glei" is two … three authorities).
"""
from __future__ import annotations

import dataclasses
import re
from functools import cache

from pipeline.gazetteer import places
from pipeline.gazetteer.groups import GROUP, bare_plural_levels, plural_suffix
from pipeline.gazetteer.names import data
from pipeline.gazetteer.patterns import Openings, alternation, bounded, compiled, headed, phrase, openers
from pipeline.gazetteer.scope import Mention, Scope, place_suffix
from pipeline.resources import lexicon

LOCALITY = "locality"


def _written(text: str) -> str:
    # Full names in any case (running text writes "uỷ ban nhân dân" too); abbreviations exactly.
    return re.escape(text) if text.isupper() or "-" in text else "(?i:" + phrase(text) + ")"


@cache
def _forms() -> tuple[re.Pattern, dict[str, str], dict[str, dict]]:
    authorities = {" ".join(w.split()).lower(): canonical
                   for canonical, written in data()["authorities"].items() for w in written}
    prefixes = {" ".join(w.split()).lower(): entry
                for entry in data()["authority_prefixes"] for w in entry["text"]}
    auth = alternation([w for ws in data()["authorities"].values() for w in ws], _written)
    prefix = alternation([w for e in data()["authority_prefixes"] for w in e["text"]], headed)
    regex = re.compile(bounded(r"(?:(?P<prefix>" + prefix + r")\s*)?(?P<auth>" + auth + r")"))
    return regex, authorities, prefixes


@cache
def opening_words() -> frozenset[str]:
    forms = [w for ws in data()["authorities"].values() for w in ws]
    prefixes = [w for e in data()["authority_prefixes"] for w in e["text"]]
    glued = [p + a for p in prefixes for a in forms if p.isupper() and a.isupper()]  # "VPUBND"
    return openers(tuple(forms + prefixes + glued))


def find_authorities(text: str, openings: Openings, scope: Scope) -> list[Mention]:
    regex, authorities, prefixes = _forms()
    found = []
    for m in openings.matches(regex, opening_words()):
        auth = authorities[_key(m.group("auth"))]
        prefix = prefixes.get(_key(m.group("prefix"))) if m.group("prefix") else None
        if prefix and prefix.get("only") and auth not in prefix["only"]:
            m, prefix = regex.match(text, m.start("auth")), None  # the prefix belongs to a title
        head = f"{prefix['name']} {auth}" if prefix else auth
        kind = prefix["kind"] if prefix else LOCALITY
        members = None if prefix else data().get("joint_authorities", {}).get(auth)
        found.extend(_each_member(text, m, members, kind, scope) if members else _after(text, m, head, kind, scope))
    return found


_JOINT_SEAM = re.compile(r"\s*(?:và|-)\s*", re.IGNORECASE)


def _each_member(text: str, m: re.Match, members: list[str], kind: str, scope: Scope) -> list[Mention]:
    """ "HĐND và UBND các huyện": the council and the committee of what follows the pair, each
    spanning its own words (the first up to the joiner, the second from after it to the place)."""
    seam = _JOINT_SEAM.search(m.group("auth"))
    if seam is None or len(members) != 2:
        return _after(text, m, members[-1], kind, scope)
    first_end, second_start = m.start("auth") + seam.start(), m.start("auth") + seam.end()
    found = []
    for member, own in zip(members, (lambda s: (s[0], first_end), lambda s: (second_start, s[1]))):
        found.extend(x if x.list_span else dataclasses.replace(x, span=own(x.span))
                     for x in _after(text, m, member, kind, scope))
    return found


def _key(written: str | None) -> str:
    return " ".join((written or "").split()).lower()


def _after(text: str, m: re.Match, head: str, kind: str, scope: Scope) -> list[Mention]:
    """What follows the authority's name decides which body it is."""
    pos = m.end()
    listed = _listed_members(text, pos, head, kind, scope)
    if listed:
        return listed
    # Qualifiers stay out of a committee group's name: "UBND các xã, phường liên quan" is the group
    # "Ủy ban nhân dân các xã, phường" named in a clause that narrows it.
    plural = (plural_suffix(text, pos, with_tails=False) or _levels_under_centre(text, pos)
              or bare_plural_levels(text, pos))
    if plural:
        end, suffix = plural
        return [Mention((m.start(), end), f"{head} {suffix}", GROUP)]
    place = place_suffix(text, pos, scope) or _shared_place(text, pos, scope)
    if not place:
        return []
    found = [Mention((m.start(), place.end), f"{head} {place.text}", kind, place.unit.code if place.unit else None)]
    for span, more in _elided(text, place, scope):
        found.append(Mention(span, f"{head} {more.text}", kind, more.unit.code if more.unit else None))
    return found


def _shared_place(text: str, pos: int, scope: Scope):
    """ "HĐND, UBND tỉnh": the council and the committee written with one place, after the last;
    each authority of the list is of that place."""
    regex, _, _ = _forms()
    joiner = _ELISION.match(text, pos)
    nxt = regex.match(text, joiner.end()) if joiner else None
    if nxt is None or nxt.group("prefix"):
        return None
    place = place_suffix(text, nxt.end(), scope) or _shared_place(text, nxt.end(), scope)
    return dataclasses.replace(place, end=pos) if place is not None else None


_ELISION = re.compile(lexicon.joiner())


def _elided(text: str, first, scope: Scope):
    """ "UBND huyện Vị Xuyên, huyện Bắc Quang và thành phố Hà Giang": the head is written once for
    several places of one tier; each place the index knows is another authority. A place of
    another tier is the first one's address ("UBND xã Ia Dom, huyện Đức Cơ"), not a body."""
    if first.unit is None:
        return
    pos = first.end
    while (joiner := _ELISION.match(text, pos)) is not None:
        place = place_suffix(text, joiner.end() - 1 if text[joiner.end() - 1].isspace() else joiner.end(),
                             scope, bare=False)
        if place is None or place.unit is None or place.unit.tier != first.unit.tier:
            return
        yield (joiner.end(), place.end), place
        pos = place.end


def _levels_under_centre(text: str, pos: int) -> tuple[int, str] | None:
    # "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương": every province's committee.
    m = compiled(r"\s+(?i:tỉnh\s*,\s*thành\s+phố\s+trực\s+thuộc\s+Trung\s+ương)(?!\w)").match(text, pos)
    return (m.end(), "tỉnh, thành phố trực thuộc Trung ương") if m else None


def _listed_members(text: str, pos: int, head: str, kind: str, scope: Scope) -> list[Mention]:
    """ "UBND các huyện: Tu Mơ Rông, Kon Plông và Đăk Glei": one authority per name listed."""
    listed = places.listed_places(text, pos, scope.era, scope.province_code)
    if not listed:
        return []
    whole = (pos, listed[-1].span[1])
    kind = kind if kind != GROUP else LOCALITY
    return [Mention(p.span, f"{head} {p.level} {p.name}", kind, p.units[0].code if p.units else None, list_span=whole)
            for p in listed]
