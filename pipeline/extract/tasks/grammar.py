"""The grammar of a body's name where a clause names it (task_bodies.yaml): "Sở Khoa học và
Công nghệ", "UBND các huyện, thị xã", "các cơ quan, đơn vị có liên quan", "Giám đốc các Sở: …".

A mixin of the Namer (subjects.py), which supplies the text, the bodies stage's mentions and
the canonical names; the methods here only bound one body at a position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.doc import Span
from pipeline.extract.tasks.lexicon import UPPER, body_grammar, cues

_CAPITAL_WORD = re.compile(rf"[{UPPER}0-9][\w&.\-]*")
_WORD = re.compile(r"[^\s,;:.()“”\"!?]+")
_PAREN = re.compile(r"\s*\(([^()]{1,200})\)")
_NAME_JOINT = re.compile(r"\s*,\s*|\s+và\s+|\s*-\s*|\s+")
_LIST_JOINT = re.compile(r"\s*,\s*|\s+và\s+|\s+")
_MEMBER_GAP = re.compile(r"(?:\s*\([^()]{0,200}\))?\s*(?:,\s*(?:và\s+)?|và\s+)")
_MEMBER = re.compile(r"[^,;.]+")
_COLON = re.compile(r"\s*:\s*")
_SPACES = re.compile(r"\s+")
_CLAUSE_END = re.compile(r"[;.\n]")
_PUNCTUATION = ",;:.()“”\"\n"
_MAX_NAME_WORDS = 14
_MAX_DESCRIPTORS = 6


@dataclass(frozen=True)
class Named:
    """One body as a clause names it."""
    span: Span
    name: str
    bare: bool = False  # an authority's head without its unit: "Ủy ban nhân dân, Chủ tịch UBND các huyện"


class BodyGrammar:
    """The readers of one body at a position. The Namer that mixes them in supplies `text` and:"""
    text: str

    def pieces_at(self, i: int, end: int) -> list[Named]:
        raise NotImplementedError  # the body (or listed members) named at i, mentions included

    def mention_from(self, i: int, end: int) -> tuple[int, str] | None:
        raise NotImplementedError  # the bodies stage's mention starting at i: (end, name)

    def named(self, span: Span, bare: bool = False) -> Named:
        raise NotImplementedError  # the body over span, canonically named

    def canonical(self, span: Span) -> str:
        raise NotImplementedError

    def whole_name_at(self, j: int, end: int) -> list[Named]:
        m = body_grammar()["whole"].match(self.text, j, end)
        if not m:
            return []
        return [self.named((j, self._qualified(m.end(), end)))]

    def authority_at(self, j: int, end: int) -> list[Named]:
        g = body_grammar()
        t = self.text
        m = g["local"].match(t, j, end)
        if not m:
            return []
        members = g["member_list"].match(t, m.end(), end)
        if members:
            listed = self._members(members.end(), end, f"{self.canonical((j, m.end()))} {members.group('unit')}")
            if listed:
                return listed
        unit = g["unit_phrase"].match(t, m.end(), end)
        bare = not unit and bool(g["bare_authority"].fullmatch(t[j:m.end()]))
        if not unit and not bare and t[j].islower():
            return []  # "thanh tra", "công an" as common words
        k = self._qualified(unit.end() if unit else m.end(), end)
        return [self.named((j, k), bare)]

    def _members(self, k: int, end: int, prefix: str) -> list[Named]:
        place = body_grammar()["place"]
        found = []
        while True:
            m = place.match(self.text, k, end)
            if not m:
                break
            found.append(Named(m.span(), f"{prefix} {clean(m.group(0))}"))
            gap = _MEMBER_GAP.match(self.text, m.end(), end)
            if not gap or not place.match(self.text, gap.end(), end):
                k = m.end()
                paren = _PAREN.match(self.text, k, end)
                if paren:
                    found[-1] = Named((found[-1].span[0], paren.end()), found[-1].name)
                break
            k = gap.end()
        return found

    def group_at(self, j: int, end: int) -> list[Named]:
        g = body_grammar()
        t = self.text
        m = g["group"].match(t, j, end)
        if not m:
            return []
        k = m.end()
        listed = self._group_members(j, k, end)
        if listed:
            return listed
        while True:
            more = g["group_more"].match(t, k, end)
            if not more or self._starts_name(_skip_joint(t, k), end):
                break
            k = more.end()
        k = self._qualified(self._descriptors(k, end), end)
        return [self.named((j, k))]

    def _starts_name(self, i: int, end: int) -> bool:
        """A capitalized name starts at i ("Ban Quản lý …"), not one more word of a group ("Ban, ngành")."""
        return bool(_CAPITAL_WORD.match(self.text, i) and (self.named_at(i, end) or self.authority_at(i, end)))

    def _group_members(self, j: int, k: int, end: int) -> list[Named]:
        """"Giám đốc các Sở: Nông nghiệp và PTNT, Tài chính, …": one body per listed name."""
        colon = _COLON.match(self.text, k, end)
        if not colon or not _CAPITAL_WORD.match(self.text, colon.end()):
            return []
        noun = self.text[j:k].split()[-1]
        head = noun[0].upper() + noun[1:]
        found = []
        pos = colon.end()
        for piece in _MEMBER.finditer(self.text[pos:clause_end(self.text, pos, end)]):
            s, e = skip_space(self.text, pos + piece.start()), pos + piece.end()
            words = piece.group(0).strip()
            member = self.mention_from(s, end)
            if member:  # the bodies stage read the member already: "Tài chính" is Sở Tài chính
                found.append(Named((s, member[0]), member[1]))
                continue
            if not words or not words[0].isupper() or self.pieces_at(s, end):
                break
            found.append(Named((s, e), expanded(f"{head} {clean(words)}")))
        return found

    def _descriptors(self, k: int, end: int) -> int:
        """Words that describe a group ("các cơ quan báo chí truyền thông đại chúng phải …"), kept only
        when the group's name visibly ends after them: at a verb, a qualifier or punctuation."""
        c = cues()
        best = k
        for _ in range(_MAX_DESCRIPTORS + 1):
            if self._name_ends(k, end):
                best = k
            w = _SPACES.match(self.text, k, end)
            word = _WORD.match(self.text, w.end(), end) if w else None
            if not word or not word.group(0)[0].islower() or self._name_ends(k, end) and k != best:
                break
            if c["predicate"].match(self.text, w.end(), end) or c["name_stop"].match(self.text, w.end(), end):
                break
            k = word.end()
        return best

    def _name_ends(self, k: int, end: int) -> bool:
        t = self.text
        if k >= end or t[k] in ",;:.()“”\"\n":
            return True
        n = skip_space(t, k)
        c = cues()
        return bool(n >= end or t[n] in ",;:.()“”\"\n" or c["predicate"].match(t, n, end)
                    or c["name_stop"].match(t, n, end) or body_grammar()["qualifier"].match(t, k, end))

    def named_at(self, j: int, end: int) -> list[Named]:
        t = self.text
        m = body_grammar()["named"].match(t, j, end)
        if not m:
            return []
        head = m.group(0)
        first = _SPACES.match(t, m.end(), end)
        if not first:
            return []
        if not _CAPITAL_WORD.match(t, first.end()) and not head.startswith(body_grammar()["lowercase_heads"]):
            return []
        k = self._name_words(m.end(), end)
        if k == m.end():
            return []
        return [self.named((j, self._qualified(k, end)))]

    def _name_words(self, k: int, end: int) -> int:
        t = self.text
        c = cues()
        units = body_grammar()["unit_phrase"]
        for _ in range(_MAX_NAME_WORDS):
            joint = _NAME_JOINT.match(t, k, end)
            if not joint:
                break
            n = joint.end()
            between = joint.group(0).strip()
            if between and not _CAPITAL_WORD.match(t, n):
                break  # ", " and " và " go on only into a capitalized part of the same name
            if between and _is_head(t, n, end):
                break  # … into the next body's name
            unit = units.match(t, k, end) if not between else None
            if unit and t[n].islower():
                return unit.end()  # a name ends with its place: "… tỉnh Lâm Đồng"
            if c["predicate"].match(t, n, end) or c["name_stop"].match(t, n, end):
                break
            word = _WORD.match(t, n, end)
            if not word:
                break
            k = word.end()
        return k

    def _qualified(self, k: int, end: int) -> int:
        q = body_grammar()["qualifier"]
        while True:
            m = q.match(self.text, k, end)
            if not m:
                return k
            k = m.end()


def _is_head(text: str, i: int, end: int) -> bool:
    g = body_grammar()
    return bool(g["role"].match(text, i, end) or g["named"].match(text, i, end) or g["local"].match(text, i, end)
                or g["whole"].match(text, i, end) or g["group"].match(text, i, end))


def clause_end(text: str, i: int, end: int) -> int:
    m = _CLAUSE_END.search(text, i, end)
    return m.start() if m else end


def skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _skip_joint(text: str, i: int) -> int:
    m = _LIST_JOINT.match(text, i)
    return m.end() if m else i


def clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:.-–")


def expanded(name: str) -> str:
    for pattern, full in body_grammar()["abbreviations"]:
        name = pattern.sub(full, name)
    return name


def group_name(name: str) -> str:
    """Groups are named in lower case from their article ("các cơ quan, đơn vị, địa phương");
    "mỗi cơ quan" is the same group as "các cơ quan"."""
    first, _, rest = name.partition(" ")
    if body_grammar()["group_article"].fullmatch(first):
        return "các " + rest
    return name


def fold(text: str) -> str:
    return " ".join(text.lower().split())
