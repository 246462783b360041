"""The gazetteer of Vietnamese public bodies and administrative units.

One place for what the stages need to know about who is named:

- `find_mentions(text, start, end, scope)` → the bodies named in a stretch of text, each a
  `Mention(span, name, kind, code, role, role_span, list_span)` with its canonical name
  ("UBND huyện Kon Plông" → "Ủy ban nhân dân huyện Kon Plông", kind locality, code "613").
- `canonical(name)` → (canonical name, kind) of a phrase that names one body, else None.
- `expand(text)` → abbreviations written out ("Sở NN&PTNT" → "Sở Nông nghiệp và Phát triển nông thôn").
- Places: `lookup(name, level)`, `find_places(text)`, `province_of(place names)`,
  `infer_province(text, date, header_end)` and `complete(name, province)` ("Ủy ban nhân dân
  tỉnh" + Kon Tum → "Ủy ban nhân dân tỉnh Kon Tum"), from the package vietnamadminunits.
- `document_scope(text, date, header_end, issuer)` → the `Scope` a document's bare level
  words refer to ("UBND tỉnh" in a Lâm Đồng letter).
- `issuer_name(raw, text, date, header_end)` → the issuer as a canonical body, completed with
  the document's province (for the document stage's `document.issuer`).
- Titles (bodies_roles.yaml): `title_at(text, start)` → where a title that opens the text ends
  ("Giám đốc Sở Nội vụ" → at "Sở"); `titles_pattern()` → one title as a regular expression.
- `private_parties_end(text, pos)` → where a list of private parties that names no body ends
  ("các tổ chức, cá nhân có liên quan"), for a stage that reads a list of subjects past it.
- `group_tails(text, pos)` → (end, words) of the qualifiers that may end a group's name there
  ("có liên quan", "trên địa bàn tỉnh"), for a stage that reads a group's name on.
- For the stages that merge mentions: `group_key`, `is_upper`, `words_key`, `level_words`,
  `display`, `GROUP` (the kind of a plural group).

The stages import from here only, never from the modules behind it.

The names live in pipeline/resources/bodies*.yaml; this package only reads them.
"""
from __future__ import annotations

from pipeline.gazetteer.groups import GROUP, group_key, private_parties_end
from pipeline.gazetteer.groups import tails as group_tails
from pipeline.gazetteer.mentions import find_mentions, title_at, titles_pattern
from pipeline.gazetteer.names import display, expand
from pipeline.gazetteer.patterns import is_upper, words_key
from pipeline.gazetteer.places import Place, Unit, find_places, level_words, lookup
from pipeline.gazetteer.provinces import complete, era_of, infer_province, province_of
from pipeline.gazetteer.scope import Mention, Scope, document_scope, scope_for

__all__ = ["GROUP", "Mention", "Place", "Scope", "Unit", "canonical", "complete", "display", "document_scope",
           "era_of", "expand", "find_mentions", "find_places", "group_key", "group_tails", "infer_province", "is_upper",
           "issuer_name", "level_words", "lookup", "private_parties_end", "province_of", "scope_for", "title_at", "titles_pattern",
           "words_key"]


def issuer_name(raw: str, text: str, date: str | None = None, header_end: int = 0) -> str | None:
    """The canonical name of a document's issuer, as written in its header or lead.

    The title is dropped, abbreviations expanded and a bare level word completed with the
    document's province, named or inferred from its places: "Chủ tịch UBND tỉnh" in a text
    about Kon Plông and Tu Mơ Rông → "Ủy ban nhân dân tỉnh Kon Tum"; "Phó Chủ tịch UBND tỉnh
    Trần Văn A" → "Ủy ban nhân dân tỉnh <province>" (the person's name is no place).
    """
    scope = document_scope(text, date, header_end)
    phrase = " ".join(raw.split())
    first = next(iter(find_mentions(phrase, scope=scope)), None)
    if first is None:
        return complete(expand(phrase), scope.province) or None
    start = (first.role_span or first.span)[0]
    if start == 0:
        return first.name
    if first.span[1] >= len(phrase.rstrip(" .")) and len(phrase[:start].split()) <= 4:
        # A unit written before the body it belongs to, as header lines are joined
        # ("Văn phòng thường trực" + "Ban Chỉ huy … tỉnh Thừa Thiên Huế").
        return f"{display(phrase[:start].strip())} {first.name}"
    return complete(expand(phrase), scope.province) or None


def canonical(name: str, scope: Scope | None = None) -> tuple[str, str] | None:
    """The canonical name and kind of a phrase that names one body ("Giám đốc Sở NN&PTNT" →
    ("Sở Nông nghiệp và Phát triển nông thôn", "agency")); None if it names none or several."""
    text = " ".join(name.split())
    mentions = [m for m in find_mentions(text, scope=scope) if not m.list_span]
    if len(mentions) != 1:
        return None
    m = mentions[0]
    before = text[: (m.role_span or m.span)[0]].strip()
    after = text[m.span[1]:].strip(" .;,")
    return (m.name, m.kind) if not before and not after else None
