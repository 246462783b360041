"""Citations of documents: "Nghị quyết số 81/NQ-HĐND ngày 09 tháng 12 năm 2022 của HĐND tỉnh".

Shared by the document stage (a news article's reported directive is a citation
too) and the references stage. A citation needs a type and a number, or a type
and a date, or a law's name and date (ANNOTATION.md, references).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import gazetteer, resources
from pipeline.gazetteer.patterns import trie_pattern
from pipeline.core.dates import find_dates
from pipeline.core.doc import Span

# "06-NQ/ĐH", "81/ND-HĐND", "116/2021/NĐ-CP", "1413/CAT-PC04(Đ1)", "30c/NQ-CP", "237".
# A year mistyped ("45/25010/NĐ-CP") is kept where a symbol follows it (ANNOTATION.md: numbers as
# written); a symbol's parts may be joined by a dot ("16/CGC.BT"), and a hyphen a typist followed
# with a space still joins them ("60/2003/NĐ- CP"), as does a spaced dash before an upper-case code
# that ends the number ("56/TTr – SCT ngày …"). A copy that lost the space before "ngày"
# ("57/TTr-UBNDngày 10 …") still ends the number there. An older symbol's dotted code keeps a
# copy's stray space before its dot ("191/UB .TH ngày …"): the code is upper-case letters alone.
_NUMBER = (r"(?P<number>\d{1,6}[a-zđ]?(?:(?:[/-]|-[ \t](?=(?-i:[A-ZĐ]))"
           r"|[ \t][-–][ \t](?=(?-i:[A-ZĐ]{2,}[0-9]*)(?:[ \t]+ngày\b|[ \t]*[,;.)]|[ \t]*$)))(?:(?:19|20)\d\d(?![\d])|\d{2,5}(?=[/-][A-ZĐ])"
           r"|[A-ZĐ](?:(?!ngày)[A-Za-zĐđ0-9&])*(?:\.[A-ZĐ][A-Za-zĐđ0-9&]*|[ \t]\.(?-i:[A-ZĐ]{2,4}[0-9]*)(?!\w))*"
           r"(?:\([A-ZĐ0-9]+\))?))*)")
_ISSUER_STOP = re.compile(
    r"\s+(?:về việc|về|v/v|nhằm|để|theo|tại|trong|thì|đã|đang|sẽ|được|yêu cầu|quy định|hướng dẫn|"
    r"ban hành|phê duyệt|giao|đề nghị|triển khai|và các|với|khi|trên|cho|lần thứ|nhiệm kỳ|khóa)\b|[,;.:()\"“”]|\n|$",
    re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    span: Span
    doc_type: str
    number: str | None
    issued_date: str | None
    issuer: str | None      # as written after "của", role words dropped; abbreviations kept
    issuer_code: str | None  # the code of the symbol ("UBND", "TTg") when no "của"
    type_span: Span


def _without_title(name: str) -> str:
    """"của Giám đốc Sở Nội vụ": the body is the issuer, not its head's title (the gazetteer's titles)."""
    first = next(iter(gazetteer.find_mentions(name)), None)
    if first is not None and first.role_span and first.role_span[0] == 0:
        return name[first.span[0]:]
    title = gazetteer.title_at(name, 0)  # a body the gazetteer does not know, or cut short ("Bộ trưởng Bộ")
    return name[title:] if title else name


@cache
def _grammar() -> tuple[re.Pattern, dict[str, str], dict[str, str], set[str]]:
    data = resources.load("doc_types.yaml")
    canonical = {t["name"].lower(): t["name"] for t in data["types"]}
    canonical.update({alias.lower(): name for alias, name in data["aliases"].items()})
    by_abbreviation = {a: t["name"] for t in data["types"] for a in t["abbreviations"]}
    words = sorted(canonical, key=len, reverse=True)
    # The type word as written ("Quyết định", "QUYẾT ĐỊNH" in a title), then "số", then the number.
    type_alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    pattern = re.compile(r"(?<!\w)(?P<type>" + type_alt + r")(?!\w)(?P<gap>\s*(?:số\s*:?\s*|số\s+hiệu\s+|"
                         # a word or two naming the kind between the type and "số" ("Báo cáo thẩm tra số 12/BC-HĐND")
                         r"(?:[^\W\d_]+\s+){1,2}số\s*:?\s*(?=\d))?)"
                         + _NUMBER + r"?", re.IGNORECASE)
    return pattern, canonical, by_abbreviation, set(data["named_types"])


def type_of_symbol(number: str) -> str | None:
    """The type a symbol's abbreviation names: "04/CT-UBND" → Chỉ thị, "06-NQ/ĐH" → Nghị quyết."""
    _, _, by_abbreviation, _ = _grammar()
    for part in re.split(r"[/-]", number)[1:]:
        if part in by_abbreviation:
            return by_abbreviation[part]
    return None


def canonical_type(word: str) -> str | None:
    _, canonical, _, _ = _grammar()
    return canonical.get(" ".join(word.lower().split()))


def find_citations(text: str, start: int = 0, end: int | None = None) -> list[Citation]:
    pattern, canonical, _, named = _grammar()
    end = len(text) if end is None else end
    found = []
    for m in _typed(pattern, text, start, end):
        if found and m.start() < found[-1].span[1]:
            continue  # a type word inside a cited law's name ("Luật Quy hoạch ngày …") is part of that name
        word = m.group("type")
        if word.isupper() and len(word) > 3 and not m.group("number"):
            continue  # a title line ("QUYẾT ĐỊNH") is the document's own type, not a citation
        doc_type = canonical[" ".join(word.lower().split())]
        number = m.group("number")
        if number and not re.search(r"[/-]", number) and "số" not in m.group("gap").lower():
            number = None  # "Nghị quyết 2 lần" is no citation; a bare number needs "số"
        after = m.end("number") if number else m.end("type")
        date, date_end = _date_after(text, after, end)
        if doc_type in named and not number:
            date, date_end = _named_law_date(text, after, end)
        if not number and not date:
            continue
        if not date:
            date = _date_before(text, m.start(), start)
        issuer, issuer_end = _issuer_after(text, max(after, date_end), end)
        last = max(after, date_end)
        code = None if issuer else _symbol_code(number)
        found.append(Citation((m.start(), last), doc_type, _clean_number(number), date, issuer, code,
                              m.span("type")))
    found += _bare_numbers(text, start, end, found)
    return sorted(found + _glued_abbreviations(text, start, end, found), key=lambda c: c.span)


def _typed(pattern: re.Pattern, text: str, start: int, end: int):
    """`pattern.finditer(text, start, end)`, match for match, tried only where a type's first word
    opens a word: the engine's scan of one trie of those words is several times faster than of the
    pattern's alternatives at every character."""
    resume = start  # matches do not overlap: the search goes on where the last one ended
    for head in _type_heads().finditer(text, start, end):
        if head.start() < resume:
            continue
        m = pattern.match(text, head.start(), end)
        if m:
            yield m
            resume = m.end()


@cache
def _type_heads() -> re.Pattern:
    # Each type's first word, as the pattern reads it (case ignored). A word found never hides the
    # start of another: the pattern opens only where no letter stands before.
    _, canonical, _, _ = _grammar()
    heads = {re.match(r"\w*", w).group(0) for w in canonical}
    return re.compile(r"(?<!\w)" + trie_pattern(heads), re.IGNORECASE)


@cache
def _glued_regex() -> re.Pattern:
    _, _, by_abbreviation, _ = _grammar()
    abbreviations = sorted((a for a in by_abbreviation if len(a) >= 2), key=len, reverse=True)
    return re.compile(r"(?<![\w/.-])(?P<type>" + "|".join(map(re.escape, abbreviations)) + r")(?P<number>(?!(?:19|20)\d\d(?!\d))\d{2,5})(?![\w/-])")


_GLUED_CUE = re.compile(r"(?:theo|tại|căn cứ|thực hiện|triển khai)\s+$", re.IGNORECASE)


def _glued_abbreviations(text: str, start: int, end: int, found: list[Citation]) -> list[Citation]:
    """A note's shorthand: the type's abbreviation glued to the number ("theo QĐ932", "tại NQ15")."""
    _, _, by_abbreviation, _ = _grammar()
    out = []
    for m in _glued_regex().finditer(text, start, end):
        if any(c.span[0] <= m.start() < c.span[1] for c in found) or not _GLUED_CUE.search(text, max(0, m.start() - 20), m.start()):
            continue  # a unit's code ("Lưu: VT, PC04") is no citation: only one the text cites by a cue
        date, date_end = _date_after(text, m.end(), end)
        out.append(Citation((m.start(), max(m.end(), date_end)), by_abbreviation[m.group("type")], m.group("number"),
                            date, None, None, m.span("type")))
    return out


# A number written without its type word, the word lost in a damaged copy ("…ố 09/2019/NĐ-CP ngày
# 24 tháng 01 năm 2019"): a number with its year and a symbol that names its type is a citation.
_BARE_NUMBER = re.compile(r"(?<![\w/.-])(?P<number>\d{1,5}/(?:19|20)\d\d/[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)+)"
                          r"(?![\w/])")


def _bare_numbers(text: str, start: int, end: int, typed: list[Citation]) -> list[Citation]:
    found = []
    for m in _BARE_NUMBER.finditer(text, start, end):
        doc_type = type_of_symbol(m.group("number"))
        if doc_type is None or any(c.span[0] <= m.start() < c.span[1] for c in typed):
            continue
        date, date_end = _date_after(text, m.end(), end)
        issuer, issuer_end = _issuer_after(text, max(m.end(), date_end), end)
        found.append(Citation((m.start(), max(m.end(), date_end)), doc_type, m.group("number"), date, issuer,
                              None if issuer else _symbol_code(m.group("number")), (m.start(), m.start())))
    return found


def _clean_number(number: str | None) -> str | None:
    if not number:
        return None
    number = re.sub(r"[ \t]+\.(?=[A-ZĐ])", ".", number)  # a copy's stray space before a code's dot ("191/UB .TH")
    return normalized_separators(re.sub(r"[ \t]*[-–][ \t]+", "-", number.rstrip(".-/")))


def normalized_separators(number: str) -> str:
    """An old-style dot between the type's abbreviation and the issuer's code is the hyphen the
    symbol's form puts there ("245/TTr.SYT" → "245/TTr-SYT", "12/2001/QĐ.UB" → "12/2001/QĐ-UB";
    ANNOTATION.md: separators normalized). A dot inside a code that names no type stays ("16/CGC.BT")."""
    _, _, by_abbreviation, _ = _grammar()

    def hyphen(m: re.Match) -> str:
        return m.group(1) + "-" if m.group(1) in by_abbreviation else m.group(0)
    return re.sub(r"(?<=/)([A-ZĐ][A-Za-zĐđ]*)\.(?=[A-ZĐ])", hyphen, number)


def _date_after(text: str, pos: int, end: int) -> tuple[str | None, int]:
    for found in find_dates(text, pos, min(end, pos + 45)):
        gap = text[pos:found.span[0]]
        if re.fullmatch(r"[\s,]*(?:(?:tỉnh|TW|thành phố)\s*)?(?:ban hành\s*)?(?:ngày\s*)?", gap, re.IGNORECASE) \
                and found.year:
            return found.iso(), found.span[1]
        break
    return None, pos


def _named_law_date(text: str, pos: int, end: int) -> tuple[str | None, int]:
    # "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015": the name, then its date.
    # The name may wrap onto the next line ("Luật Hoạt động giám sát của\nQuốc hội … ngày …"), not
    # into the next recital.
    m = re.compile(r"(?:[^\n;.()]|\n(?!\s*(?:Căn cứ|Xét|Theo|Điều|Thực hiện)\b)){3,90}?\s+(?=ngày\s)").match(text, pos, end)
    if not m:
        return None, pos
    pattern, _, _, _ = _grammar()
    listed = re.search(r",\s*(?=\w)", m.group(0))
    if listed and pattern.match(text, pos + listed.end()):
        return None, pos  # "Luật Đầu tư công, Nghị định số 40/2020/NĐ-CP ngày …": the date is the next one's
    return _date_after(text, m.end(), end)


def _date_before(text: str, type_start: int, floor: int) -> str | None:
    # "ngày 06/10/2025 Bộ Nội vụ ban hành Công văn số …": the date leads the clause.
    window_start = max(floor, type_start - 90)
    window = text[window_start:type_start]
    m = re.search(r"ban hành\s*$|ký\s*$|có\s*$", window, re.IGNORECASE)
    if not m:
        return None
    dates = [d for d in find_dates(text, window_start, type_start) if d.year]
    if dates and not re.search(r"[.;]", text[dates[-1].span[1]:type_start]):
        return dates[-1].iso()
    return None


def _issuer_after(text: str, pos: int, end: int) -> tuple[str | None, int]:
    m = re.compile(r"\s*,?\s*của\s+").match(text, pos, end)
    if not m:
        return None, pos
    stop = _ISSUER_STOP.search(text, m.end(), end)
    stop_at = stop.start() if stop else end
    name = text[m.end():stop_at].strip()
    name = _without_title(name)
    if not name or len(name) > 120:
        return None, pos
    return name, stop_at


@cache
def _issuer_codes() -> dict[str, str]:
    return resources.load("issuer_codes.yaml")["codes"]


def _symbol_code(number: str | None) -> str | None:
    if not number:
        return None
    codes = _issuer_codes()
    for part in re.split(r"[/-]", number)[1:]:
        part = re.sub(r"\(.*\)$", "", part)
        if part in codes:
            return part
    return None


def issuer_of_code(code: str | None, level: str = "tỉnh") -> str | None:
    if not code:
        return None
    name = _issuer_codes().get(code)
    return name.replace("{level}", level).strip() if name else None


def misread_of(number: str, other: str) -> bool:
    """Whether `number` is `other` with one character slipped in or out, and the odder of the two
    ("45/25010/NĐ-CP" beside "45/2010/NĐ-CP", a scan's "163/2024/QHI15" beside "163/2024/QH15"): one
    document cited twice, once mistyped. Two well-formed numbers one character apart
    ("15/2022/NĐ-CP", "15/2023/NĐ-CP") are two documents."""
    longer, shorter = (number, other) if len(number) > len(other) else (other, number)
    if len(longer) != len(shorter) + 1 or not any(longer[:k] + longer[k + 1:] == shorter for k in range(len(longer))):
        return False
    return _odd_parts(longer) > _odd_parts(shorter)


def _odd_parts(number: str) -> int:
    _, _, by_abbreviation, _ = _grammar()
    known = set(_issuer_codes()) | set(by_abbreviation)
    parts = re.split(r"[/-]", number)[1:]
    odd = 0
    for part in parts:
        if part.isdigit():
            odd += not re.fullmatch(r"(?:19|20)\d\d", part)
        else:
            odd += re.sub(r"\d+$", "", re.sub(r"\(.*\)$", "", part)) not in known
    return odd
