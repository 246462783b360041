"""All the bodies a stretch of text names: the recognizers run, overlaps settled, titles attached.

Closed names (authorities, departments, fixed names, party committees, groups) are found
first; open names ("Trung tâm …", "Quỹ …") are read after them, since an open name stops where
a closed one begins. Where two mentions overlap, the longer one is the body meant
("Văn phòng UBND tỉnh" over "UBND tỉnh"); only an open name that ends with "của" and its
owner ("Tổ công tác … của Thủ tướng Chính phủ") keeps the owner as a mention of its own.
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from pipeline import resources
from pipeline.gazetteer import authorities, catalogue, groups, open_names
from pipeline.gazetteer.authorities import find_authorities
from pipeline.gazetteer.catalogue import find_central, find_fields, find_party, find_sectors
from pipeline.gazetteer.groups import GROUP, find_groups, members_follow, members_titled
from pipeline.gazetteer.open_names import find_open
from pipeline.gazetteer.patterns import Openings, alternation, phrase
from pipeline.gazetteer.scope import Mention, Scope

# In order of precedence when two mentions cover the same text.
CLOSED = (find_authorities, find_fields, find_central, find_party, find_sectors, find_groups)


def find_mentions(text: str, start: int = 0, end: int | None = None, scope: Scope | None = None) -> list[Mention]:
    """The bodies named in text[start:end], in text order, each with its title if one precedes it."""
    scope = scope or Scope()
    # The bodies and tasks stages both ask for the whole document under its scope: read it once. Only
    # a long text is remembered, so that the short phrases read in between (a deadline's, a citation's
    # body) do not push it out.
    if len(text) < _REMEMBERED:
        return _find(text, start, end, scope)
    key = (start, end, scope)
    last = _last[0]  # read once: another thread may replace it meanwhile
    if last is not None and last[0] is text and last[1] == key:
        return list(last[2])
    found = _find(text, start, end, scope)
    if end is None:  # a window of the text (a group's owner) is not asked for twice
        _last[0] = (text, key, found)
    return list(found)


_last: list = [None]   # the last call on a whole long text: (text, (start, end, scope), mentions)


def _openings(text: str, start: int, end: int | None) -> Openings:
    """Where names may open in text[start:end]. The bodies and tasks stages read a whole document under
    two scopes, and the openings do not depend on the scope: a long text's are found once. A phrase
    asked about in between (an issuer's name, a citation's) is read without pushing them out."""
    if len(text) < _REMEMBERED:
        return Openings(text, opening_words(), start, end)
    last = _last_openings[0]  # read once: another thread may replace it meanwhile
    if last is not None and last[0] is text and last[1] == (start, end):
        return last[2]
    openings = Openings(text, opening_words(), start, end)
    _last_openings[0] = (text, (start, end), openings)
    return openings


_REMEMBERED = 1000
_last_openings: list = [None]  # (text, (start, end), openings) of the last long text read


def _find(text: str, start: int, end: int | None, scope: Scope) -> list[Mention]:
    openings = _openings(text, start, end)
    closed = settle([m for find in CLOSED for m in find(text, openings, scope) if m])
    opened = [m for m in find_open(text, openings, scope, closed) if m]
    # An open name that takes in the body it belongs to ("Câu lạc bộ … Bộ Chỉ huy Quân sự tỉnh") is
    # one body; one that names it after "của" ("Tổ công tác … của Thủ tướng") names both.
    owned = [o.span for o in opened if o.span[1] > o.span[0] and not re.search(r"\scủa\s", text[o.span[0]:o.span[1]])]
    closed = [c for c in closed if not any(s < c.span[0] and c.span[1] <= e for s, e in owned)]
    mentions = sorted(closed + opened, key=lambda m: m.span)
    mentions = _without_listed_groups(text, mentions)
    return [_with_role(text, m) for m in mentions]


@cache
def opening_words() -> frozenset[str]:
    """Every word a body's name may open with, for all the recognizers."""
    return (authorities.opening_words() | catalogue.opening_words() | groups.opening_words()
            | open_names.opening_words())


def settle(mentions: list[Mention]) -> list[Mention]:
    """Overlapping mentions: the longest wins, then the earliest recognizer; members of a list stay."""
    ranked = sorted(enumerate(mentions), key=lambda km: (-(km[1].span[1] - km[1].span[0]), km[0]))
    kept: list[Mention] = []
    starts: list[int] = []   # the kept spans, which never overlap, sorted by start
    ends: list[int] = []
    for _, m in ranked:
        s, e = m.span
        k = bisect.bisect_left(starts, s)
        if (k > 0 and ends[k - 1] > s) or (k < len(starts) and starts[k] < e):
            continue
        starts.insert(k, s)
        ends.insert(k, e)
        kept.append(m)
    return sorted(kept, key=lambda m: m.span)


def _without_listed_groups(text: str, mentions: list[Mention]) -> list[Mention]:
    """A group followed by its members ("các Bộ, ngành (Bộ Nội vụ, Bộ Tài chính)") counts as the
    members (ANNOTATION.md); the group is dropped."""
    out = []
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if m.kind == GROUP and (_announces_members(text, m) or (
                nxt and re.fullmatch(r"\s*[:(]\s*(?:[-–+]\s*)?", text[m.span[1]:nxt.span[0]]))):
            continue
        out.append(m)
    return out


def _announces_members(text: str, group: Mention) -> bool:
    # "Các cơ quan, đơn vị sau đây chịu trách nhiệm …", "Danh sách các đơn vị nhận …": the members
    # are named next, one by one.
    return bool(members_follow().match(text, group.span[1])
                or members_titled().search(text, max(0, group.span[0] - 20), group.span[0]))


# ---- titles: "Giám đốc Sở Nội vụ", "Chủ tịch, các PCT UBND tỉnh" ----

@cache
def _role_endings() -> frozenset[str]:
    """The last word of each title, to try the title pattern only where one may end."""
    data = resources.load("bodies_roles.yaml")
    return frozenset(w.split()[-1].lower() for w in list(data["roles"]) + list(data["role_abbreviations"]) + ["các"])


@cache
def titles_pattern() -> str:
    """One title of bodies_roles.yaml, as a regular expression: "Giám đốc", "Phó Chủ tịch", "PCT"
    (the spelled-out titles in any case, the abbreviations as written). Every stage that reads a
    title before a body's name ("Chủ tịch UBND tỉnh ban hành …") builds on this one list."""
    data = resources.load("bodies_roles.yaml")
    written = list(data["roles"]) + list(data["role_abbreviations"])
    return alternation(written, lambda t: phrase(t) if t.isupper() else "(?i:" + phrase(t) + ")")


def _chain() -> str:
    # "Chủ tịch, các Phó Chủ tịch UBND tỉnh"; "Chánh, các PCVP UBND tỉnh" (the office's deputies
    # are named with the office: the chain ends with "các").
    one = titles_pattern()
    return r"(?P<role>" + one + r")(?:\s*,\s*(?:(?i:các)\s+)?" + one + r")*(?:\s*,\s*(?i:các))?\s+"


@cache
def _roles() -> tuple[re.Pattern, dict[str, str]]:
    abbreviations = resources.load("bodies_roles.yaml")["role_abbreviations"]
    return re.compile(r"(?<!\w)" + _chain() + "$"), abbreviations


@cache
def _title_ahead() -> re.Pattern:
    return re.compile(_chain() + r"(?=\S)")


def title_at(text: str, start: int, end: int | None = None) -> int | None:
    """Where the title (or chain of titles) that opens text[start:end] ends, the space after it
    included: "Giám đốc Sở Nội vụ" → the position of "Sở"; None where no title opens it."""
    m = _title_ahead().match(text, start, len(text) if end is None else end)
    return m.end() if m else None


def _with_role(text: str, mention: Mention) -> Mention:
    start = mention.span[0]
    before = text[max(0, start - 30):start].split()
    if not before or before[-1].strip(",;:()").lower() not in _role_endings():
        return mention
    regex, abbreviations = _roles()
    window_start = max(0, start - 60)
    m = regex.search(text, window_start, start)
    if not m:
        return mention
    role = " ".join(m.group("role").split())
    role = abbreviations.get(role, role)
    return mention.with_role(role[:1].upper() + role[1:], (m.start(), m.end()))
