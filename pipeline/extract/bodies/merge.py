"""One body per thing named: the mentions of a body under several wordings merged.

A document names one body in several ways: with and without its place ("Sở Nội vụ",
"Sở Nội vụ tỉnh Lâm Đồng"), bare ("Ủy ban nhân dân tỉnh") and in full, by an acronym
("Trung tâm XTĐTTM") and in full, and a group with or without a qualifier that only says
where it is ("các sở, ban, ngành" and "các sở, ban, ngành thuộc tỉnh"). ANNOTATION.md lists
each body once.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.gazetteer import GROUP, Mention, group_key, is_upper, level_words, words_key
from pipeline.core.records import Body
from pipeline.core.pattern_cache import longest_first


def merge(mentions: list[Mention], text: str = "") -> list[Body]:
    """One body per name, spans in text order. Mentions of one body under several wordings are
    merged: a group with or without a locative qualifier, a name with or without its place
    ("Sở Nội vụ" and "Sở Nội vụ tỉnh Lâm Đồng"), an acronym and its full form."""
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        by_key.setdefault(_key(m), []).append(m)
    _fold_into_localized(by_key)
    _fold_acronyms(by_key)
    _fold_wrapped(by_key, text)
    bodies = []
    for group in by_key.values():
        name = _preferred_name(group, text)
        kind = Counter(m.kind for m in group).most_common(1)[0][0]
        code = next((m.code for m in sorted(group, key=lambda m: m.name != name) if m.code), None)
        spans = sorted({m.span for m in group})
        bodies.append(Body(name=name, kind=kind, spans=spans, code=code))
    return sorted(bodies, key=lambda b: b.spans[0])


def _preferred_name(group: list[Mention], text: str) -> str:
    """The wording most mentions use, from running text rather than a header in capitals (whose
    case is lost); the fuller one for a body, the shorter one for a group (its qualifiers vary)."""
    names = Counter(m.name for m in group)
    from_text = {m.name for m in group if not is_upper(text[m.span[0]:m.span[1]])}
    longer = 1 if group[0].kind != GROUP else -1
    return max(names, key=lambda n: (n in from_text, names[n], longer * len(n)))


def _key(m: Mention) -> str:
    return _name_key(m.name, m.kind == GROUP)


@lru_cache(maxsize=4096)
def _name_key(name: str, group: bool) -> str:
    return group_key(name) if group else words_key(name)


_LEVELS = "|".join(longest_first(set(level_words().values())))
_LEVEL_END = re.compile(r"\b(?:" + _LEVELS + r")$")
_LEVEL_START = re.compile(r"^(?:" + _LEVELS + r")\b")


def _fold_into_localized(by_key: dict[str, list[Mention]]) -> None:
    """ "Ủy ban nhân dân tỉnh" or "Sở Nội vụ" joins "… tỉnh Kon Tum" when the document names one such."""
    for key in sorted(by_key, key=len):
        if key not in by_key or by_key[key][0].kind == GROUP:
            continue
        bare, kind = _LEVEL_END.search(key), by_key[key][0].kind
        targets = [k for k in by_key if k != key and k.startswith(key + " ") and by_key[k][0].kind == kind
                   and (bare or _LEVEL_START.match(k[len(key) + 1:])) and not _LEVEL_END.search(k)]
        if len(targets) == 1:
            by_key[targets[0]].extend(by_key.pop(key))


def _fold_acronyms(by_key: dict[str, list[Mention]]) -> None:
    """ "Trung tâm XTĐTTM" is the "Trung tâm Xúc tiến Đầu tư, Thương mại …" the document names in full."""
    acronyms = [k for k, ms in by_key.items() if _ACRONYM.search(ms[0].name)]
    if not acronyms:
        return
    signatures = {k: _initials(ms[0].name) for k, ms in by_key.items()}
    for key in acronyms:
        sig = signatures[key]
        targets = [k for k in by_key if k != key and k in signatures and signatures[k].startswith(sig)
                   and len(signatures[k]) >= len(sig)]
        if len(targets) == 1:
            by_key[targets[0]].extend(by_key.pop(key))
            signatures.pop(key)


_ACRONYM = re.compile(r"\b[A-ZĐ]{2,}\b")


def _fold_wrapped(by_key: dict[str, list[Mention]], text: str) -> None:
    """ "Hiệp hội Nước mắm Phan" + "\nThiết": a name cut where a PDF line wraps is the longer name the
    document writes whole elsewhere, when its missing words open the next line. So is a name whose
    parent follows after a comma ("Ban Kinh tế - Ngân sách, Hội đồng nhân dân tỉnh") where the
    document writes "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh" elsewhere."""
    if not text:
        return
    for key in sorted(by_key, key=len):
        if key not in by_key or by_key[key][0].kind == GROUP:
            continue
        longer = sorted((k for k in by_key if k.startswith(key + " ") and by_key[k][0].kind != GROUP),
                        key=len, reverse=True)
        if not longer:
            continue
        kept = []
        for m in by_key[key]:
            target = next((k for k in longer if _wrapped(k[len(key) + 1:]).match(text, m.span[1])), None)
            (by_key[target] if target else kept).append(m)
        if kept:
            by_key[key] = kept
        else:
            del by_key[key]


@lru_cache(maxsize=1024)
def _wrapped(rest: str) -> re.Pattern:
    words = rest.split()
    whole = r"\W+".join(map(re.escape, words)) + r"(?!\w)"
    # The parent after a comma may leave its place to the scope: "…, Hội đồng nhân dân tỉnh về …" is the
    # "… Hội đồng nhân dân tỉnh Đắk Lắk" named elsewhere, when no other place's name follows the level.
    levels = [k for k, w in enumerate(words) if _LEVEL_START.match(w)]
    bare = ""
    if levels and levels[-1] < len(words) - 1:
        bare = r"|,\s*" + r"\W+".join(map(re.escape, words[:levels[-1] + 1])) + r"(?!\w)(?-i:(?!\s+[A-ZĐ]))"
    return re.compile(r"[ \t]*(?:[\n,]\s*" + whole + bare + ")", re.IGNORECASE)


def _initials(name: str) -> str:
    letters = []
    for word in re.findall(r"\w+", name):
        if word.lower() == "và":
            continue
        letters.append(word if _ACRONYM.fullmatch(word) else word[0].upper())
    return "".join(letters)
