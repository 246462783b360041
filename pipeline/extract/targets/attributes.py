"""What a target says besides its figure: comparator, mode, period, scope and indicator."""
from __future__ import annotations

import re
from functools import cache

from pipeline.extract.targets import cues
from pipeline.extract.targets.claims import Claim
from pipeline.extract.targets.status import TARGET
from pipeline.extract.targets.units import COUNTED, MEASURE, PERCENT
from pipeline.core.records import Period


def comparator(claim: Claim, status: str) -> str:
    """The figure's own bound ("hơn" → ">", "khoảng" → "="); with none, a goal is ">="
    (reach at least) and a result "=" (CONTRACT.md, ANNOTATION.md)."""
    if claim.comparator:
        return claim.comparator
    return ">=" if status == TARGET else "="


def mode(text: str, claim: Claim, clause_open: int) -> str:
    """additional ("thêm", "… mới"), reduction ("giảm"), share (a percentage of
    something) or total; a percentage of growth ("tăng trưởng … 9-10%") is a total."""
    data = cues.data()["mode"]
    window = _words_back(text, clause_open, claim.start, data["window_words"])
    near = cues.nearest_before(text, window, claim.start, _mode_kinds())
    if near is not None and near.kind == "additional":
        return "additional"
    if _new_after(text, claim):
        return "additional"
    if near is not None and near.kind == "reduction":
        return "reduction"
    if near is None and _opens_with_reduction(text, clause_open, claim.start):
        return "reduction"  # "giảm trung bình tỷ lệ suy dinh dưỡng các thể … từ 0,2 đến 0,3%"
    if claim.unit.kind == PERCENT:
        growth = _mode_kinds()["growth"].search(text, clause_open, claim.start)
        return "total" if growth and (near is None or near.kind != "level") else "share"
    return "total"


def _opens_with_reduction(text: str, clause_open: int, pos: int) -> bool:
    """Whether the clause's verb, its first word after a list label, is one of reducing."""
    m = re.match(r"[\s\-–+•]*(?:(?:\d{1,2}\.)+\d{0,2}|[a-zđ]\))?\s*", text[clause_open:pos])
    start = clause_open + (m.end() if m else 0)
    found = _mode_kinds()["reduction"].match(text, start, pos)
    return bool(found) and not _mode_kinds()["level"].search(text, start, pos)


def sector_shares(values: list[float]) -> bool:
    """Growth figures of the sectors of a whole ("nông nghiệp tăng 21-22%; công nghiệp 35-36%;
    dịch vụ 42-43%"): three or more that add up to about 100% are shares (ANNOTATION.md)."""
    data = cues.data()["mode"]["sectors"]
    return len(values) >= data["at_least"] and abs(sum(values) - 100) <= data["tolerance"]


def period(text: str, pos: int, places: list[tuple[int, int]], headings: tuple[str, ...],
           subject: str | None) -> Period | None:
    """The goal's year or period: the nearest to `pos` that the clause names, else its
    sentence before the figure, else its headings, else the document's subject."""
    for start, end in places:
        found = _nearest_period(text, start, end, pos)
        if found:
            return found
    for heading in (*headings, subject or ""):
        found = _nearest_period(heading, 0, len(heading), len(heading))
        if found:
            return found
    return None


def scope(text: str, start: int, end: int, pos: int) -> str | None:
    """Where or to whom the figure applies, nearest it within text[start:end]: "mỗi huyện",
    "toàn tỉnh", "xã Măng Cành", "tỉnh Bà Rịa - Vũng Tàu"."""
    best: tuple[int, str] | None = None
    for m in _collective().finditer(text, start, end):
        best = _nearer(best, pos, m.start(), m.group(0))
    for m in _place_word().finditer(text, start, end):
        name = _proper_name(text, m.end(), end)
        if name:
            best = _nearer(best, pos, m.start(), m.group(0) + " " + name)
    return " ".join(best[1].split()) if best else None


def indicator(text: str, claim: Claim, clause: tuple[int, int], condition_end: int) -> str | None:
    """The noun phrase counted, with its condition: for a counted noun the noun and what
    follows it up to `condition_end` ("xã đạt chuẩn nông thôn mới"); for a measure, an
    amount or a share, what the clause says is measured ("diện tích lúa gieo sạ", "số
    thôn đạt chuẩn …", "ha đất có rừng")."""
    opening, closing = clause
    if claim.bracketed:
        return _bracketed_indicator(text, claim)
    after_start = claim.unit.span[0] if claim.unit.kind == COUNTED else claim.end
    after = _clean_after(text[after_start:max(condition_end, claim.end)])
    subject = _clean_subject(text[opening:claim.start])
    if claim.unit.kind == COUNTED:
        # "số tiêu chí đạt chuẩn bình quân … là 16 tiêu chí": the subject names the noun and its condition.
        if after.lower() == claim.unit.text and claim.unit.text in subject.lower():
            return subject
        return after or None
    if claim.unit.kind == PERCENT and after and (not subject or after.lower().startswith("số ")):
        return after
    measured = _clean_after(text[claim.end:max(closing, claim.end)])
    if claim.unit.kind == MEASURE and measured:
        return measured  # "492.350 ha đất có rừng": what is measured follows the measure
    return subject or after or None


_PLACE_PHRASE = re.compile(r"(?<!\w)(?:tại|ở)\s+[^,;()]*", re.IGNORECASE)


def _bracketed_indicator(text: str, claim: Claim) -> str | None:
    """"số ca mắc sởi tại A (12.345), tại B (678)": the noun "số" named, up to its first place,
    and the place the figure stands after ("ca mắc sởi tại B")."""
    noun_end = _PLACE_PHRASE.search(text, claim.unit.span[0], claim.start)
    noun = " ".join(text[claim.unit.span[0]:noun_end.start() if noun_end else claim.start].split()).rstrip(" (")
    places = list(_PLACE_PHRASE.finditer(text, claim.unit.span[0], claim.start))
    place = " ".join(places[-1].group(0).split()) if places else ""
    return " ".join(p for p in (noun, place) if p) or None


def bracketed_evidence_start(text: str, claim: Claim) -> int:
    """Where a bracketed figure's quote opens: at the noun it counts for the first of a list ("ca
    mắc sởi tại A (12.345)"), at the place it stands after for the next ones ("tại B (678)")."""
    places = list(_PLACE_PHRASE.finditer(text, claim.unit.span[0], claim.start))
    if not places or ")" not in text[claim.unit.span[1]:claim.start]:
        return claim.unit.span[0]
    return places[-1].start()


def _nearest_period(text: str, start: int, end: int, pos: int) -> Period | None:
    best: tuple[int, Period] | None = None
    for name, compiled in _period_patterns().items():
        for m in compiled.finditer(text, start, end):
            if _in_comparison_base(text, start, m.start()):
                continue  # "giảm 1,5% so với cuối năm 2023": the base, not the period
            if name == "until":
                found = Period(start=None, end=f"{m.group(1)}-12-31")
            elif name == "span":
                found = Period(start=f"{m.group(1)}-01-01", end=f"{m.group(2)}-12-31")
            else:
                found = Period(start=f"{m.group(1)}-01-01", end=f"{m.group(1)}-12-31")
            distance = pos - m.end() if m.end() <= pos else m.start() - pos
            # A longer form ending at the same place ("đến năm 2025" over "năm 2025") wins the tie.
            if best is None or distance < best[0] or (distance == best[0] and name != "year"):
                best = (distance, found)
    return best[1] if best else None


# How far after "so với" a year may still be its baseline ("so với kết quả thực hiện của
# cùng kỳ năm 2023"), and what ends the comparison before: a clause's mark or "và".
_BASE_REACH = 80
_BASE_END = re.compile(r"[,;:()\n!?…]|(?<!\w)và(?!\w)", re.IGNORECASE)


def _in_comparison_base(text: str, floor: int, pos: int) -> bool:
    """Whether `pos` sits in the comparison that a "so với" opens before it in its clause:
    "so với mùa khô năm 2024" is the baseline, whatever words stand between."""
    start = max(floor, pos - _BASE_REACH)
    bases = list(_comparison_base().finditer(text, start, pos))
    return bool(bases) and not _BASE_END.search(text, bases[-1].end(), pos)


def _new_after(text: str, claim: Claim) -> bool:
    if claim.unit.kind != COUNTED:
        return False
    return bool(_new_pattern().match(text, claim.unit.span[1]))


def _clean_subject(piece: str) -> str:
    piece = _lead().sub("", piece.strip(" ,;:-–\n"))
    previous = None
    while previous != piece:
        previous = piece
        piece = _tail().sub("", piece).strip(" ,;:-–")
        piece = _lead().sub("", piece)
    return " ".join(piece.split())


def _clean_after(piece: str) -> str:
    m = _indicator_stop().search(piece)
    if m:
        piece = piece[:m.start()]
    return " ".join(piece.strip(" ,;:-–.").split())


def _words_back(text: str, floor: int, pos: int, n: int) -> int:
    starts = [m.start() for m in re.finditer(r"\S+", text[floor:pos])]
    return floor + starts[-n] if len(starts) >= n else floor


def _proper_name(text: str, pos: int, end: int) -> str | None:
    """Capitalized words right after a place word: "Kon Tum", "Bà Rịa - Vũng Tàu"."""
    words = []
    for m in re.finditer(r"\s+(-\s+)?(\S+)", text[pos:end]):
        word = m.group(2).strip(",;:.()")
        if not word or not word[0].isupper() or m.start() != (words[-1][1] if words else 0):
            break
        if len(word) > 1 and word.isupper():
            break  # "xã NTM": an abbreviation, not a place's name
        words.append((("- " if m.group(1) else "") + word, m.end()))
        if word != m.group(2):
            break
    return " ".join(w for w, _ in words) or None


def _nearer(best, pos: int, start: int, found: str):
    distance = abs(pos - start)
    return (distance, found) if best is None or distance < best[0] else best


@cache
def _mode_kinds() -> dict[str, re.Pattern]:
    data = cues.data()["mode"]
    return {kind: cues.compile_words(data[kind]) for kind in ("additional", "level", "reduction", "growth")}


@cache
def _new_pattern() -> re.Pattern:
    return re.compile(r"\s+" + cues.data()["mode"]["new_after"] + r"(?!\w)", re.IGNORECASE)


@cache
def _period_patterns() -> dict[str, re.Pattern]:
    return {name: cues.compile_words([p]) for name, p in cues.data()["period"].items()}


@cache
def _collective() -> re.Pattern:
    return cues.compile_words(cues.data()["scope"]["collective"])


@cache
def _place_word() -> re.Pattern:
    # Case matters: "Tỉnh ta" opens a sentence, "tỉnh Kon Tum" names a place.
    return cues.compile_words(cues.data()["scope"]["place_words"] + ["Thành phố"], flags=0)


@cache
def _comparison_base() -> re.Pattern:
    return cues.compile_words(cues.data()["comparison_base"])


@cache
def _lead() -> re.Pattern:
    # A list label ("2.", "d)", "+") opens a clause and names nothing, like the lead words.
    leads = sorted(cues.data()["indicator"]["lead"], key=len, reverse=True) + [cues.data()["list_label"]]
    return re.compile(r"^(?:(?:" + "|".join(leads) + r")(?!\w)[\s,:]*)+", re.IGNORECASE)


@cache
def _tail() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(cues.data()["indicator"]["tail"], key=len, reverse=True)) + r")\s*$", re.IGNORECASE)


@cache
def _indicator_stop() -> re.Pattern:
    return cues.compile_words(cues.data()["indicator"]["stop"])
