"""Who a clause names: the bodies of a subject or an object, with their canonical names.

"Giám đốc Sở Nội vụ" is Sở Nội vụ; "UBND các huyện, thành phố và các đơn vị có liên quan"
is two bodies; "UBND các huyện: Tu Mơ Rông (…) và Đăk Glei (…)" is two authorities.
Where the bodies stage found a mention, its canonical name is used; the grammar of
task_bodies.yaml bounds the mention and stands in where it found none (a local shim
until the shared gazetteer answers "which bodies are named here").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from pipeline.doc import Doc, Span
from pipeline.gazetteer import places
from pipeline.extract.tasks.grammar import BodyGrammar, Named, clause_end, clean, expanded, fold, group_name, skip_space
from pipeline.extract.tasks.lexicon import body_grammar, cues

_PAREN = re.compile(r"\s*\(([^()]{1,200})\)")
_COMMA = re.compile(r",\s*")
_RELATIVE_REACH = 160
_DESCRIPTOR_WORD = re.compile(r"\s+([^\s,;:.()“”\"]+)")
_MAX_DESCRIPTOR_WORDS = 6
_INNER_WORD = re.compile(r"(?<=\s)\S")
_NAME_SUFFIX = re.compile(r"[-–]\d+(?!\w)")


@dataclass
class Subjects:
    bodies: list[Named]
    end: int  # where the list of bodies ends in the text


class Namer(BodyGrammar):
    """Finds the bodies a clause names, from doc.text and the bodies stage's mentions."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        mentions = sorted((span[0], span[1], body.name) for body in doc.bodies for span in body.spans)
        self._mentions = mentions
        self._starts = [m[0] for m in mentions]
        self._issuer = fold(doc.document.issuer or "")

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
            sep = body_grammar()["list_joint"].match(self.text, k, end)
            if sep and self.pieces_at(sep.end(), end):
                k = sep.end()
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

    def _suffixed(self, bodies: list[Named], k: int, end: int) -> int:
        """"Ban Chỉ đạo phòng, chống dịch Covid-19 các cấp": a number glued to the name's last word,
        and the qualifiers after it, are the name's when the list goes on after them."""
        m = _NAME_SUFFIX.match(self.text, k, end)
        if not m:
            return k
        stop = self._qualified(m.end(), end)
        sep = body_grammar()["list_joint"].match(self.text, stop, end)
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
            qualifier = body_grammar()["qualifier"].match(self.text, pos, end)  # "… đóng trên địa bàn"
            word = qualifier or _DESCRIPTOR_WORD.match(self.text, pos, end)
            if not qualifier and (not word or not word.group(1)[0].islower()
                                  or c["predicate"].match(self.text, word.start(1), end)
                                  or c["name_stop"].match(self.text, word.start(1), end)):
                return None
            pos = word.end()
            sep = body_grammar()["list_joint"].match(self.text, pos, end)
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
        g = body_grammar()
        t = self.text
        if i >= end or g["not_body"].match(t, i, end):
            return []
        role = g["role"].match(t, i, end)
        j = role.end() if role else i
        parsed = self._parsed_at(j, end)
        if role and not parsed:
            # "Trưởng Ban Quản lý các khu công nghiệp": the title is "Trưởng", "Ban …" the body.
            for word in _INNER_WORD.finditer(t, i + 1, role.end()):
                parsed = self._parsed_at(word.start(), end)
                if parsed:
                    j = word.start()
                    break
        for start in (i, j):
            hit = self.mention_from(start, end)
            # The bodies stage names what it found; the grammar wins only where it read further
            # ("Ban Chỉ huy PCTT và TKCN các huyện, thị xã và thành phố Huế").
            if hit and (not parsed or hit[0] >= parsed[-1].span[1]):
                return [Named((j, hit[0]), hit[1])]
        return parsed

    def _parsed_at(self, j: int, end: int) -> list[Named]:
        for parse in (self.whole_name_at, self.authority_at, self.group_at, self.named_at):
            parsed = parse(j, end)
            if parsed:
                return parsed
        return []

    def mention_from(self, i: int, end: int) -> tuple[int, str] | None:
        k = bisect_left(self._starts, i)
        best = None
        while k < len(self._mentions) and self._mentions[k][0] == i:
            s, e, name = self._mentions[k]
            if e <= end and (best is None or e > best[0]):
                best = (e, name)
            k += 1
        return best

    # --- names -----------------------------------------------------------------------------

    def named(self, span: Span, bare: bool = False) -> Named:
        return Named(span, self.canonical(span), bare)

    def canonical(self, span: Span) -> str:
        """The bodies stage's name for the mention over this span, else the span's text expanded."""
        s, e = span
        best = None
        k = bisect_right(self._starts, e) - 1
        while k >= 0 and self._mentions[k][0] >= s - 40:
            ms, me, name = self._mentions[k]
            overlap = min(e, me) - max(s, ms)
            if overlap > 0 and overlap >= 0.6 * min(e - s, me - ms) and (best is None or me - ms > best[0]):
                best = (me - ms, name)
            k -= 1
        if best:
            return best[1]
        return group_name(expanded(clean(self.text[s:e])))

    def is_issuer(self, body: Named) -> bool:
        """The issuer names itself ("UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"): no task for it."""
        name = fold(body.name)
        if body_grammar()["bare_authority"].fullmatch(name):
            return True
        return bool(self._issuer) and any(name == issuer or issuer.startswith(name + " ")
                                          for issuer in _joint_members(self._issuer))


def _joint_members(issuer: str) -> list[str]:
    """A joint issuer and each of its members: "thường trực hội đồng nhân dân và ủy ban nhân dân tỉnh
    hòa bình" is also "thường trực hội đồng nhân dân tỉnh hòa bình" and "ủy ban nhân dân tỉnh hòa bình"."""
    first, joint, second = issuer.partition(" và ")
    levels = "|".join(sorted({w.lower() for w in places.level_words().values()}, key=len, reverse=True))
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
