"""Who a clause names: the bodies of a subject or an object, with their canonical names.

Which bodies a stretch of text names, and the titles before them, is the gazetteer's answer
(`gazetteer.find_mentions`), the same the bodies and document stages get: "Giám đốc Sở Nội vụ"
is Sở Nội vụ; "UBND các huyện: Tu Mơ Rông (…) và Đăk Glei (…)" is two authorities. What is
the tasks stage's own is how a clause lists them ("Sở Tư pháp, Sở Nội vụ và UBND các xã …",
"…, các sở được phân công phụ trách …, Chủ tịch UBND các huyện …") and how the issuer names
itself ("Ủy ban nhân dân tỉnh yêu cầu:"), from task_cues.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline import gazetteer
from pipeline.core.doc import Doc, Span
from pipeline.core.pattern_cache import longest_first
from pipeline.extract.tasks.lexicon import cues, lists
from pipeline.extract.tasks.scan import CueScan

_PAREN = re.compile(r"\s*\(([^()]{1,200})\)")
_COMMA = re.compile(r",\s*")
_CLAUSE_END = re.compile(r"[;.\n]")
_RELATIVE_REACH = 160
_DESCRIPTOR_WORD = re.compile(r"\s+([^\s,;:.()“”\"]+)")
_MAX_DESCRIPTOR_WORDS = 6
_NAME_SUFFIX = re.compile(r"[-–]\d+(?!\w)")


@dataclass(frozen=True)
class Named:
    """One body as a clause names it."""
    span: Span
    name: str
    bare: bool = False  # the issuer's head without its unit: "Ủy ban nhân dân, Chủ tịch UBND các huyện"
    listed: bool = False  # a member of a list under its group: "UBND các huyện: Tu Mơ Rông, Đăk Glei"


@dataclass
class Subjects:
    bodies: list[Named]
    end: int  # where the list of bodies ends in the text


class Namer:
    """Finds the bodies a clause names, from the gazetteer's mentions of doc.text."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        header_end = doc.layout.header[1] if doc.layout.header else 0
        scope = gazetteer.document_scope(doc.text, doc.document.issued_date, header_end, doc.document.issuer)
        # Where each mention may be read from: its name, its title, the list it is a member of.
        self._at: dict[int, list[gazetteer.Mention]] = {}
        for m in gazetteer.find_mentions(doc.text, scope=scope):
            for start in {m.span[0], (m.role_span or m.span)[0], (m.list_span or m.span)[0]}:
                self._at.setdefault(start, []).append(m)
        # The bodies stage's names where it merged several wordings of one body into one record.
        self._names = {span: body.name for body in doc.bodies for span in body.spans}
        issuer = fold(doc.document.issuer or "")
        # The issuer and, for a joint issuer, each of its members: asked of every body a clause names.
        self._issuers = _joint_members(issuer) if issuer else []
        self._issuer_names: dict[str, bool] = {}  # is_issuer, by name
        # Clauses read so far, by where they open, end and may reach (clauses.read_clause).
        self.readings: dict[tuple[int, int, int], object] = {}
        # What opens them: whether they are never instructions, and their subject (clauses._opening).
        self.openings: dict[tuple[int, int, int], tuple] = {}
        # Where the clauses' cues may stand, found once for the document.
        self.scan = CueScan(doc.text)

    # --- lists -----------------------------------------------------------------------------

    def list_at(self, i: int, end: int) -> Subjects | None:
        """The bodies named from position i on ("Sở Tư pháp, Sở Nội vụ và UBND các xã …")."""
        bodies: list[Named] = []
        k = i
        while True:
            pieces = self.pieces_at(k, end)
            if not pieces:
                break
            bodies += pieces
            k = pieces[-1].span[1]
            k = self._suffixed(bodies, k, end)
            k = self._parenthetical(bodies, k, end)
            sep = lists()["joint"].match(self.text, k, end)
            if sep and self.pieces_at(sep.end(), end):
                k = sep.end()
                continue
            past = self._past_private_parties(k, end)
            if past is not None:
                k = past
                continue
            resumed = self._after_relative_clause(k, end)
            if resumed is None:
                described = self._after_descriptor(bodies, k, end)
                if described is None:
                    break
                resumed = described
            k = resumed
        if not bodies:
            return None
        return Subjects(_merged(bodies), k)

    def _past_private_parties(self, k: int, end: int) -> int | None:
        """"Chủ tịch UBND các huyện; các tổ chức, cá nhân có liên quan chịu trách nhiệm …": private
        parties in the list name no body but do not end it. Returns where the list goes on (the
        next body's separator, or the predicate), so the bodies before them keep the task."""
        sep = lists()["joint"].match(self.text, k, end)
        if not sep:
            return None
        stop = gazetteer.private_parties_end(self.text, sep.end())
        if stop is None or stop > end:
            return None
        following = lists()["joint"].match(self.text, stop, end)
        if following and self.pieces_at(following.end(), end):
            return following.end()
        return stop if cues()["predicate_any_case"].match(self.text, skip_space(self.text, stop)) else None

    def _suffixed(self, bodies: list[Named], k: int, end: int) -> int:
        """"Ban Chỉ đạo phòng, chống dịch Covid-19 các cấp": a number glued to the name's last word,
        and the qualifiers after it, are the name's when the list goes on after them."""
        m = _NAME_SUFFIX.match(self.text, k, end)
        if not m:
            return k
        stop = min(gazetteer.group_tails(self.text, m.end())[0], end)
        sep = lists()["joint"].match(self.text, stop, end)
        if not sep or not self.pieces_at(sep.end(), end):
            return k
        last = bodies[-1]
        bodies[-1] = Named((last.span[0], stop), f"{last.name}{' '.join(self.text[k:stop].split())}", last.bare)
        return stop

    def _parenthetical(self, bodies: list[Named], k: int, end: int) -> int:
        """"Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)" names both."""
        p = _PAREN.match(self.text, k, end)
        if not p:
            return k
        inner = self.list_at(p.start(1), p.end(1))
        if inner and not self.text[inner.end:p.end(1)].strip():
            bodies += inner.bodies
            return p.end()
        return k

    def _after_relative_clause(self, k: int, end: int) -> int | None:
        """"Thủ trưởng các sở, ban ngành được phân công phụ trách …, Chủ tịch UBND các huyện …":
        the list goes on after the relative clause when another body follows a comma."""
        if not cues()["relative"].match(self.text, k, end):
            return None
        stop = min(clause_end(self.text, k, end), k + _RELATIVE_REACH)
        for comma in _COMMA.finditer(self.text, k, stop):
            following = self.list_at(comma.end(), end)
            if following and cues()["predicate_any_case"].match(self.text, skip_space(self.text, following.end)):
                return comma.end()
        return None

    def _after_descriptor(self, bodies: list[Named], k: int, end: int) -> int | None:
        """"các bộ, cơ quan trung ương chủ dự án thành phần và các cơ quan có liên quan dự kiến …": a group
        described by a few lower-case words goes on with the next body when a predicate follows that one.
        The words are the group's name; returns where the next body starts."""
        last = bodies[-1] if bodies else None
        if last is None or not fold(last.name).startswith(("các ", "những ")):
            return None
        c = cues()
        pos = k
        for _ in range(_MAX_DESCRIPTOR_WORDS):
            tail = gazetteer.group_tails(self.text, pos)[0]  # "… đóng trên địa bàn"
            word = _DESCRIPTOR_WORD.match(self.text, pos, end) if tail == pos else None
            if tail == pos and (not word or not word.group(1)[0].islower()
                                or c["predicate"].match(self.text, word.start(1), end)
                                or c["name_stop"].match(self.text, word.start(1), end)):
                return None
            pos = min(tail, end) if tail > pos else word.end()
            sep = lists()["joint"].match(self.text, pos, end)
            if not sep:
                continue
            following = self.list_at(sep.end(), end)
            if following and c["predicate_any_case"].match(self.text, skip_space(self.text, following.end)):
                words = " ".join(self.text[k:pos].split())
                bodies[-1] = Named((last.span[0], pos), f"{last.name} {words}", last.bare)
                return sep.end()
        return None

    # --- one body --------------------------------------------------------------------------

    def pieces_at(self, i: int, end: int) -> list[Named]:
        """The body (or listed members) named at position i, a title before it skipped."""
        if i >= end:
            return []
        found = self._mentioned_at(i, end)
        if found:
            return found
        j = gazetteer.title_at(self.text, i, end)
        if j is None:
            j = _title_before_list(self.text, i, end)
        if j is not None:
            found = self._mentioned_at(j, end)
            if found:
                return found
        return self._self_named(i if j is None else j, end)

    def _mentioned_at(self, i: int, end: int) -> list[Named]:
        """The gazetteer's mention read from i: the longest, or every member of a list opened at i."""
        at = self._at.get(i)
        if at is None:
            return []  # most positions asked about open no mention
        here = [m for m in at if m.span[1] <= end]
        members = [m for m in here if m.list_span and m.list_span[0] == i]
        if members:
            listed = members[0].list_span
            return [self._named(m, listed=True) for m in here if m.list_span == listed]
        if not here:
            return []
        return [self._named(max(here, key=lambda m: m.span[1]))]

    def _named(self, mention: gazetteer.Mention, listed: bool = False) -> Named:
        return Named(mention.span, self._names.get(mention.span, mention.name), listed=listed)

    def _self_named(self, i: int, end: int) -> list[Named]:
        """"Ủy ban nhân dân tỉnh yêu cầu:": the issuer's head named without its place (no mention);
        "UBND các huyện: Tu Mơ Rông (…) và Đăk Glei (…)": the head of the members listed after it."""
        m = lists()["issuer_self"].match(self.text, i, end)
        if not m:
            return []
        for k in (m.end(), skip_space(self.text, m.end())):  # the list opens at "các" or before it
            members = self._mentioned_at(k, end)
            if members and members[0].listed:
                return members
        return [Named((i, m.end()), gazetteer.expand(clean(m.group(0))), bare=True)]

    def is_issuer(self, body: Named) -> bool:
        """The issuer names itself ("UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"): no task for it."""
        known = self._issuer_names.get(body.name)
        if known is None:  # asked of every body of every clause read: once per name
            name = fold(body.name)
            known = self._issuer_names[body.name] = bool(lists()["issuer_self"].fullmatch(name)) or any(
                name == issuer or issuer.startswith(name + " ") for issuer in self._issuers)
        return known


@cache
def _titled_list() -> re.Pattern:
    # "Giao Giám đốc: Sở Văn hóa, …, Sở Thông tin và Truyền thông …": one title, then a colon, for every
    # body listed after it (each of them is given the instruction, as "Giám đốc Sở Nội vụ" is).
    return re.compile(r"(?:" + gazetteer.titles_pattern() + r")\s*:\s*")


def _title_before_list(text: str, i: int, end: int) -> int | None:
    m = _titled_list().match(text, i, end)
    return m.end() if m else None


def _joint_members(issuer: str) -> list[str]:
    """A joint issuer and each of its members: "thường trực hội đồng nhân dân và ủy ban nhân dân tỉnh
    hòa bình" is also "thường trực hội đồng nhân dân tỉnh hòa bình" and "ủy ban nhân dân tỉnh hòa bình"."""
    first, joint, second = issuer.partition(" và ")
    levels = "|".join(longest_first({w.lower() for w in gazetteer.level_words().values()}))
    place = re.search(r"\b(?:" + levels + r")\b.*$", second)
    if not joint or not place or place.start() == 0 or not re.fullmatch(cues()["joint_issuer_first"], first):
        return [issuer]
    return [issuer, f"{first} {place.group(0)}", second]


def _merged(bodies: list[Named]) -> list[Named]:
    """"Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân các huyện" is one body; a name said twice is one."""
    out: list[Named] = []
    for b in bodies:
        if b.bare and any(o is not b and fold(o.name).startswith(fold(b.name)) for o in bodies):
            continue
        if any(fold(o.name) == fold(b.name) for o in out):
            continue
        out.append(b)
    return out


def clause_end(text: str, i: int, end: int) -> int:
    m = _CLAUSE_END.search(text, i, end)
    return m.start() if m else end


def skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:.-–")


@lru_cache(maxsize=4096)  # bodies' names, folded again each time a list of them is merged (`_merged`)
def fold(text: str) -> str:
    return " ".join(text.lower().split())
