"""Bodies with a closed name: ministries and departments by their field ("Bộ Nội vụ", "Sở NN&PTNT",
"Phòng Kinh tế thành phố"), fixed names ("Văn phòng Chính phủ", "Công an tỉnh", "Ban Bí thư"),
party committees ("Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Ninh Thuận", "Đảng bộ tỉnh Kon Tum") and
sectors ("ngành Giáo dục và Đào tạo").
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources
from pipeline.gazetteer import places
from pipeline.gazetteer.names import data, expand, field_parts
from pipeline.gazetteer.patterns import (WS, Openings, after_titles, alternation, bounded, compiled, headed, initials, phrase,
                                         openers)
from pipeline.gazetteer.groups import GROUP, plural_suffix
from pipeline.gazetteer.scope import Mention, Scope, place_suffix
from pipeline.core.letters import UPPER


_LISTED, _SECTOR = frozenset({"các"}), frozenset({"ngành"})


@cache
def opening_words() -> frozenset[str]:
    central = [w for e in data()["central"] for w in [e["name"], *e.get("aliases", [])]]
    short = [f for h in data()["field_heads"] for f in h.get("short_forms", {})]
    return openers(tuple([h["head"] for h in data()["field_heads"]] + central + short + data()["party_organs"]
                         + data()["party_committees"] + data()["party_units"])) | _LISTED | _SECTOR


# ---- fields: "Bộ Nội vụ", "Sở NN&PTNT", "Phòng Kinh tế" ----

# Between two parts of a field: "và", "&", "," or "-" (with "và" after them), or nothing
# between two abbreviations ("NNPTNT").
_PART_JOINER = r"(?:\s*(?:,|&|-|–)\s*(?:(?i:và)\s+)?|\s+(?i:và)\s+|\s+|)"


def _field_pattern(name: str, aliases: list[str]) -> str:
    parts = field_parts(name)
    options = []
    if len(parts) > 1:
        each = ["(?:" + "(?i:" + phrase(p) + ")" + "|" + re.escape(initials(p)) + ")" for p in parts]
        options.append(_PART_JOINER.join(each))
    else:
        options.append("(?i:" + phrase(name) + ")")
    options.extend(phrase(a) for a in aliases)
    return "(?:" + "|".join(options) + ")"


@cache
def _field_alternatives(kind: str) -> tuple[list[str], dict[str, str]]:
    """The regex alternatives of a head's fields, as named groups, and group name → field name."""
    entries = {e["name"]: e for e in data()["fields"]}
    names = sorted(set(data()[kind]), key=lambda n: (-len(n), n))
    groups, patterns = {}, []
    for k, name in enumerate(names):
        group = f"f{k}"
        groups[group] = name
        patterns.append(f"(?P<{group}>" + _field_pattern(name, entries[name].get("aliases", [])) + ")")
    return patterns, groups


@cache
def _field_regexes() -> list[tuple[re.Pattern, re.Pattern, dict, dict[str, str]]]:
    out = []
    for head in data()["field_heads"]:
        patterns, groups = _field_alternatives(head["fields"])
        field = "(?:" + "|".join(patterns) + r")(?!\w)"
        # "Trưởng phòng Nội vụ": the title swallows the capital of "Phòng".
        opening = headed(head["head"]) + after_titles(head["head"], head.get("after_titles", []))
        single = re.compile(bounded("(?:" + opening + ")") + WS + field)
        # "các Sở: Tài chính, Nội vụ"; a title may stand between ("các Giám đốc sở Y tế": those
        # departments); "các Bộ, ngành: Tài chính, …" lists ministries the same way (list_companions).
        listed = re.compile(bounded(r"(?i:các)") + WS + r"(?:" + _role_titles() + WS + r")?"
                            + r"(?i:" + phrase(head["head"]) + r")(?:(?:\s*,\s*(?i:" + _companions() + r"))+(?=\s*:))?"
                            + r"\s*:?\s*" + field)
        out.append((single, listed, head, groups))
    return out


@cache
def _companions() -> str:
    return alternation(data()["list_companions"], phrase)


@cache
def _role_titles() -> str:
    return "(?:" + alternation(resources.load("bodies_roles.yaml")["roles"], headed) + ")"


def _field_name(m: re.Match, groups: dict[str, str]) -> str:
    return next(groups[g] for g, v in m.groupdict().items() if v is not None and g in groups)


def find_fields(text: str, openings: Openings, scope: Scope) -> list[Mention]:
    found = []
    for single, listed, head, groups in _field_regexes():
        for m in openings.matches(listed, _LISTED):
            found.extend(_members(text, m, head, groups, scope))
        for m in openings.matches(single, openers((head["head"],))):
            found.append(_with_place(text, m.start(), m.end(), f"{head['head']} {_field_name(m, groups)}",
                                     head["kind"], scope, head.get("local", False), plural=head.get("plural", False)))
        short = head.get("short_forms")
        if short:
            regex = compiled(bounded(alternation(short, re.escape)))
            for m in openings.matches(regex, openers(tuple(short))):
                found.append(_with_place(text, m.start(), m.end(), f"{head['head']} {short[m.group(0)]}",
                                         head["kind"], scope, head.get("local", False),
                                         plural=head.get("plural", False)))
    return found


def _members(text: str, m: re.Match, head: dict, groups: dict[str, str], scope: Scope) -> list[Mention]:
    """ "các Sở: Tài chính, Nội vụ và Y tế" → one department each ("Sở Tài chính", …)."""
    patterns, _ = _field_alternatives(head["fields"])
    field = compiled(r"\s*(?:,|;|và|,\s*và)\s*(?:" + "|".join(patterns) + r")(?!\w)")
    first_field = next(g for g, v in m.groupdict().items() if v is not None and g in groups)
    spans = [(m.start(first_field), m.end(first_field), groups[first_field])]
    pos = m.end()
    while (n := field.match(text, pos)) is not None:
        g = next(g for g, v in n.groupdict().items() if v is not None and g in groups)
        spans.append((n.start(g), n.end(g), groups[g]))
        pos = n.end()
    whole = (m.start(), pos)
    if len(spans) == 1 and ":" not in text[m.start():spans[0][0]]:
        # "các Sở Giáo dục và Đào tạo" names no members: every such department, one group
        return [Mention(whole, f"{m.group(0)[:3].lower()} {head['head']} {spans[0][2]}", GROUP)]
    return [Mention((s, e), f"{head['head']} {name}", head["kind"], list_span=whole) for s, e, name in spans]


def _with_place(text: str, start: int, end: int, name: str, kind: str, scope: Scope, local: bool,
                needs_place: bool = False, plural: bool = False) -> Mention | None:
    plural = plural_suffix(text, end, with_tails=False) if local or plural else None
    if plural:  # "Ban Chỉ huy PCTT và TKCN các huyện, thị xã": the group of such bodies
        return Mention((start, plural[0]), f"{name} {plural[1]}", GROUP)
    suffix = place_suffix(text, end, scope, bare=local)
    if suffix is None and needs_place:
        # "UBMTTQVN và các đoàn thể tỉnh": the place after the pair is the place of both
        shared = _shared_place().match(text, end)
        suffix = place_suffix(text, shared.end(), scope, bare=local) if shared else None
        if suffix is not None:
            return Mention((start, end), f"{name} {suffix.text}", kind, suffix.unit.code if suffix.unit else None)
    if suffix is None:
        return None if needs_place else Mention((start, end), name, kind)
    return Mention((start, suffix.end), f"{name} {suffix.text}", kind, suffix.unit.code if suffix.unit else None)


@cache
def _shared_place() -> re.Pattern:
    """" và các đoàn thể" up to the level word that places both ("… tỉnh")."""
    return re.compile(r"[ \t]+(?i:và)[ \t]+(?:(?i:các)[ \t]+)?[^\W\d]+(?:[ \t]+(?:[-–][ \t]+)?[^\W\d]+){0,6}?(?=[ \t]+(?:"
                      + places.level_pattern() + r")(?!\w))")


# ---- fixed names: "Văn phòng Chính phủ", "Công an tỉnh", "Ban Chỉ huy PCTT và TKCN tỉnh" ----

@cache
def _central_regex() -> tuple[re.Pattern, dict[str, dict]]:
    by_text: dict[str, dict] = {}
    for entry in data()["central"]:
        for written in [entry["name"], *entry.get("aliases", [])]:
            by_text.setdefault(" ".join(written.split()).lower(), entry)
    pattern = alternation(sorted(by_text, key=len, reverse=True), build=lambda t: _written(t, by_text[t]))
    return re.compile(bounded(pattern)), by_text


def _written(text: str, entry: dict) -> str:
    name = next(w for w in [entry["name"], *entry.get("aliases", [])] if " ".join(w.split()).lower() == text)
    if entry.get("any_case"):
        return headed(name[0].lower() + name[1:])  # older texts write it in lower case too
    if not name[0].isupper():
        return phrase(name)
    # "Trưởng ban Tổ chức - Cán bộ Chính phủ": a title swallows the capital of the head, as the open
    # head's `after_titles` say ("Ban").
    titles = next((h.get("after_titles", []) for h in data()["open_heads"] if h["head"] == name.split()[0]), [])
    return "(?:" + headed(name) + after_titles(name, titles) + ")"


# "Phó Thủ tướng" is a person; "Chính phủ điện tử" a programme, not the Government.
_NOT_BODY = re.compile(r"(?:Phó|PHÓ)\s+$")
_NOT_AFTER = re.compile(r"\s+(?:điện tử|số|số,|thông minh)(?!\w)")


def find_central(text: str, openings: Openings, scope: Scope) -> list[Mention]:
    regex, by_text = _central_regex()
    found = []
    for m in openings.matches(regex, openers(tuple(by_text))):
        entry = by_text[" ".join(m.group(0).split()).lower()]
        if _NOT_BODY.search(text, max(0, m.start() - 5), m.start()) or _NOT_AFTER.match(text, m.end()):
            continue
        if entry.get("place_without_level"):
            mention = _province_after(text, m, entry, scope)
        elif entry.get("local"):
            mention = _with_place(text, m.start(), m.end(), entry["name"], entry["kind"], scope, True,
                                  entry.get("needs_place", False))
        else:
            mention = Mention((m.start(), m.end()), entry["name"], entry["kind"])
        if mention:
            found.append(mention)
    return found


def _province_after(text: str, m: re.Match, entry: dict, scope: Scope) -> Mention | None:
    """ "Thuế Lâm Đồng", "Tỉnh đoàn Kon Tum": a body named by its province without the level word;
    "Tỉnh đoàn" alone is the document's province's. A `local` one may also write the level word
    ("Đài Phát thanh và Truyền hình tỉnh Kon Tum"); a `bare_name` one alone stays bare."""
    if entry.get("local"):
        placed = _with_place(text, m.start(), m.end(), entry["name"], entry["kind"], scope, True, needs_place=True)
        if placed:
            return placed
    named = places.name_after(text, m.end(), "tỉnh", scope.era, scope.province_code)
    if named and named[2] is not None:
        return Mention((m.start(), named[0]), f"{entry['name']} {named[1]}", entry["kind"], named[2].code)
    if entry.get("needs_place"):
        return None
    if entry.get("bare_name"):
        return Mention((m.start(), m.end()), entry["name"], entry["kind"])
    province = scope.province
    name = f"{entry['name']} {province.name}" if province else entry["name"]
    return Mention((m.start(), m.end()), name, entry["kind"], province.code if province else None)


# ---- party: "Tỉnh ủy", "Thường trực Tỉnh ủy", "Đại hội đại biểu Đảng bộ tỉnh Kon Tum" ----

_COMMITTEE_LEVEL = {"tỉnh ủy": "tỉnh", "thành ủy": "thành phố", "huyện ủy": "huyện", "quận ủy": "quận",
                    "thị ủy": "thị xã"}


@cache
def _committee_regex() -> re.Pattern:
    organs = alternation(list(data()["party_organs"]) + list(data()["party_organ_short"]), headed)
    committees = alternation(data()["party_committees"], lambda t: "(?i:" + phrase(t) + ")")
    return re.compile(bounded(r"(?:(?P<organ>" + organs + r")\s+)?(?P<committee>" + committees + r")")
                      + r"(?!\s+(?:viên|quyền|thác|nhiệm)\b)")


@cache
def _party_unit_regex() -> re.Pattern:
    return re.compile(bounded(alternation(data()["party_units"], headed)))


@cache
def _numbered_congress() -> re.Pattern:
    congress = data()["numbered_congress"]
    return re.compile(bounded(headed(congress["written"]) + r"\s+(?:(?i:lần\s+thứ)\s+)?[IVXL]+")
                      + r"\s+(?=" + headed(congress["unit"]) + r")")


def find_party(text: str, openings: Openings, scope: Scope) -> list[Mention]:
    found = []
    congress = data()["numbered_congress"]
    for m in openings.matches(_numbered_congress(), openers((congress["written"],))):
        unit = _party_unit_regex().match(text, m.end())
        mention = _with_place(text, m.start(), unit.end(), congress["name"], "party", scope, True,
                              needs_place=True) if unit else None
        if mention:
            found.append(mention)
    organs = tuple(data()["party_organs"]) + tuple(data()["party_organ_short"])
    for m in openings.matches(_committee_regex(), openers(organs + tuple(data()["party_committees"]))):
        found.append(_committee(text, m, scope))
    for m in openings.matches(_party_unit_regex(), openers(tuple(data()["party_units"]))):
        unit_name = " ".join(m.group(0).split())
        canonical = next(u for u in data()["party_units"] if u.lower() == unit_name.lower())
        mention = _with_place(text, m.start(), m.end(), canonical, "party", scope, True, needs_place=True)
        if mention:
            found.append(mention)
    return found


def _committee(text: str, m: re.Match, scope: Scope) -> Mention:
    committee = " ".join(m.group("committee").split()).capitalize()
    organ = " ".join(m.group("organ").split()) if m.group("organ") else None
    short = {k.lower(): v for k, v in data()["party_organ_short"].items()}
    organ = short.get(organ.lower(), organ) if organ else None
    organ = next((o for o in data()["party_organs"] if organ and o.lower() == organ.lower()), organ)
    organ = expand(organ) if organ else None  # "BTV Tỉnh ủy"
    level = _COMMITTEE_LEVEL.get(committee.lower())
    end, place, code = m.end(), None, None
    named = places.name_after(text, m.end(), level, scope.era, scope.province_code) if level else None
    if named and named[2] is not None:
        end, place, code = named[0], named[1], named[2].code
    elif level and scope.unit_for(level):
        unit = scope.unit_for(level)
        place, code = unit.name, unit.code
    elif level is None and (suffix := place_suffix(text, m.end(), scope, bare=False)):
        end, place, code = suffix.end, suffix.text, suffix.unit.code if suffix.unit else None  # "Đảng ủy xã Ia Dom"
    name = " ".join(x for x in (organ, committee, place) if x)
    return Mention((m.start(), end), name, "party", code)


# ---- sectors: "ngành Giáo dục và Đào tạo" ----

@cache
def _sector_regex() -> re.Pattern:
    patterns, groups = _field_alternatives("departments")
    return re.compile(bounded(r"(?i:ngành)") + WS + r"(?=[" + UPPER + r"])(?:" + "|".join(patterns) + r")(?!\w)")


@cache
def _economy_before() -> re.Pattern:
    from pipeline.gazetteer.groups import data as group_data
    return re.compile(r"(?<!\w)(?i:" + alternation(group_data()["sector_not_after"]) + r")\s+$")


def find_sectors(text: str, openings: Openings, scope: Scope) -> list[Mention]:
    _, groups = _field_alternatives("departments")
    return [Mention((m.start(), m.end()), f"ngành {_field_name(m, groups)}", "group")
            for m in openings.matches(_sector_regex(), _SECTOR)
            if not _economy_before().search(text, max(0, m.start() - 25), m.start())]
