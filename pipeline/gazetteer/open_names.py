"""Bodies whose name is open: an opening word, then words up to a place, a verb or punctuation.

"Trung tâm Phục vụ hành chính công tỉnh", "Trạm Khuyến nông và Dịch vụ nông lâm nghiệp
thành phố", "Quỹ Phòng, chống thiên tai tỉnh Kon Tum", "Báo Kon Tum điện tử", "Tổ công tác
chuyên trách … của Thủ tướng Chính phủ". There are too many such bodies to list; their
names follow one shape, which this module reads. A name that does not end with a place must
go on with a capital ("Trung tâm Thông tin"), so that "Ban hành" or "Phòng, chống" are not read
as bodies.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from pipeline import resources
from pipeline.gazetteer import places
from pipeline.gazetteer.groups import GROUP, plural_suffix
from pipeline.gazetteer.names import data, display
from pipeline.gazetteer.patterns import Openings, after_titles, alternation, bounded, headed, is_upper, openers
from pipeline.gazetteer.scope import Mention, Scope, place_suffix
from pipeline.core.letters import LOWER, UPPER


@cache
def _heads() -> tuple[re.Pattern, dict[str, dict]]:
    by_key = {h["head"].lower(): h for h in data()["open_heads"]}
    # "Trưởng ban Tổ chức - Cán bộ Chính phủ": a title may swallow the capital of the head after it.
    swallowed = "".join(after_titles(h["head"], h.get("after_titles", []), then=rf"(?=\s+[{UPPER}])")
                        for h in data()["open_heads"])
    regex = re.compile(bounded("(?:" + alternation([h["head"] for h in data()["open_heads"]], headed) + swallowed + ")"))
    return regex, by_key


@cache
def opening_words() -> frozenset[str]:
    return openers(tuple(h["head"] for h in data()["open_heads"]))


@cache
def _stops() -> tuple[re.Pattern, re.Pattern]:
    words = alternation(data()["name_stops"])
    numbered = alternation(data()["number_stops"]) + r"\s*\d"
    # "Cục Hàng không": a stop word that ends a word of the name is no stop there.
    inside = "".join(rf"(?<!{re.escape(form)})" for e in data()["stop_exceptions"]
                     for form in {e.split()[0], e.split()[0].capitalize(), e.split()[0].upper()})
    pattern = inside + r"\s+(?:" + words + r"(?!\w)|" + numbered + ")"
    return re.compile(pattern), re.compile(r"(?i:" + pattern + ")")


@cache
def _self_naming() -> re.Pattern:
    return re.compile(r"\s+" + alternation(data()["self_naming"]) + r"(?!\w)")


# One step of a name: a word, "," or "-", other punctuation, or a line break. A break followed
# by a lower-case word is a PDF line wrapped inside the name, and counts as a space.
_TOKEN = re.compile(r"[ \t]*(?:\n(?=[ \t]*[" + LOWER + r"])[ \t]*)?"
                    r"(?:(?P<nl>\n)|(?P<comma>,)|(?P<dash>[-–])|(?P<punct>[^\w\s])"
                    # a word; a disease's name with its number is one ("Covid-19")
                    r"|(?P<word>\w+(?:&\w+)*(?:-\d+(?!\w))?))")
# After "-" or "," that goes on with a capital, a line break is the PDF's, inside the name
# ("Ban Chỉ đạo công tác Dân số -\nKế hoạch hóa gia đình").
_WRAP = re.compile(r"[ \t]*\n[ \t]*(?=[" + UPPER + r"])")


@dataclass
class _Closed:
    """The closed mentions already found, by start: an open name stops where one begins."""
    starts: list[int]
    by_start: dict[int, Mention]

    @classmethod
    def of(cls, mentions: list[Mention]) -> "_Closed":
        by_start = {m.span[0]: m for m in mentions}
        return cls(sorted(by_start), by_start)

    def at(self, pos: int) -> Mention | None:
        """A closed mention starting at `pos`, white space skipped."""
        k = bisect.bisect_left(self.starts, pos)
        if k < len(self.starts) and self.starts[k] - pos <= 2:
            return self.by_start[self.starts[k]]
        return None

    def covers(self, pos: int) -> bool:
        """Whether a closed mention covers `pos` (they never overlap one another)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.by_start[self.starts[k]].span[1] > pos


def find_open(text: str, openings: Openings, scope: Scope, closed: list[Mention]) -> list[Mention]:
    regex, by_key = _heads()
    index = _Closed.of(closed)
    end = openings.end
    found = []
    for m in openings.matches(regex, opening_words()):
        if index.covers(m.start()) or (found and m.start() < found[-1].span[1]):
            continue
        head = by_key[" ".join(m.group(0).split()).lower()]
        if _blocked(text, m, head):
            continue
        mention = _scan(text, m, head, scope, index, end)
        if mention and mention.name[:1].islower():  # the head a title swallowed keeps its capital
            mention = dataclasses.replace(mention, name=mention.name[:1].upper() + mention.name[1:])
        if mention and not _byline(text, mention):
            found.append(_plural(text, mention))
    return found


_PLURAL_BEFORE = re.compile(r"(?<!\w)(?i:các|những)\s+$")


def _plural(text: str, mention: Mention) -> Mention:
    """ "các Chi nhánh Văn phòng đăng ký đất đai khu vực": the bodies of that name, a group."""
    before = _PLURAL_BEFORE.search(text, max(0, mention.span[0] - 8), mention.span[0])
    if not before or mention.kind == GROUP:
        return mention
    return Mention((before.start(), mention.span[1]), "các " + mention.name, GROUP)


def _byline(text: str, mention: Mention) -> bool:
    """A paper naming itself: "Báo Ninh Thuận trân trọng giới thiệu …", a source tag "(Báo Hà Giang)"."""
    if _self_naming().match(text, mention.span[1]):
        return True
    start, end = mention.span
    return text[start - 1:start] == "(" and text[end:end + 1] == ")" and mention.kind == "other"


def _blocked(text: str, m: re.Match, head: dict) -> bool:
    following = re.compile(r"[ \t]+(\w+)").match(text, m.end())
    if following and f"{head['head']} {following.group(1)}".lower() in _role_words():
        return True  # a title written with a capital ("Chi cục Trưởng Chi cục Thủy sản"): no name opens
    after, before, only = _neighbours(head["head"])
    if after and after.match(text, m.end()):
        return True
    if only and not only.match(text, m.end()):
        return True
    return bool(before and before.search(text, max(0, m.start() - 20), m.start()))


@cache
def _role_words() -> frozenset[str]:
    return frozenset(r.lower() for r in resources.load("bodies_roles.yaml")["roles"])


@cache
def _role_regex() -> re.Pattern:
    roles = resources.load("bodies_roles.yaml")["roles"]
    return re.compile(r"\s*(?i:" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in
                                           sorted(roles, key=len, reverse=True)) + r")(?!\w)")


@cache
def _neighbours(head: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    """The words that, right after or right before a head, make it an ordinary word; and the
    words it must be followed by to open a name at all, if the head has such a list."""
    entry = next(h for h in data()["open_heads"] if h["head"] == head)
    after, before, only = entry.get("not_before"), entry.get("not_after"), entry.get("only_before")
    return (re.compile(r"\s*,?\s*(?i:" + alternation(after) + r")(?!\w)") if after else None,
            re.compile(r"(?<!\w)(?i:" + alternation(before) + r")\s+$") if before else None,
            re.compile(r"\s+(?i:" + alternation(only) + r")(?!\w)") if only else None)


def _scan(text: str, m: re.Match, head: dict, scope: Scope, closed: _Closed, limit: int) -> Mention | None:
    caps = is_upper(m.group(0))
    plain, insensitive = _stops()
    stops = insensitive if caps else plain
    pos, words, first_capital = m.end(), 0, None
    if head.get("place_named") and (end := _province_name_end(text, pos)):
        # "Báo Quảng Trị tăng thời lượng …": a paper named for its province ends with the name
        return Mention((m.start(), end), display(text[m.start():end]), head["kind"])
    while words < data()["name_max_words"] and pos < limit:
        inner = closed.at(pos)
        if inner is not None and head.get("owned") and (words or head.get("unit")) and inner.kind != GROUP:
            # "Câu lạc bộ võ thuật Bộ Chỉ huy Quân sự tỉnh": the club of that body, one name
            raw = text[m.start():inner.span[0]].rstrip()
            return Mention((m.start(), inner.span[1]), f"{display(raw)} {inner.name}", head["kind"])
        if inner is not None:
            return _of_body(text, m, head, pos, inner, words) if head.get("of_body") else _finish(
                text, m, pos, head, words, first_capital)
        suffix = place_suffix(text, pos, scope) if words or head.get("bare") else None
        if suffix:  # ("Trung tâm thành phố" is the city centre: a name needs a word before its place)
            return _named(m.start(), text[m.start():pos], suffix.text, suffix.end, head["kind"],
                          suffix.unit.code if suffix.unit else None)
        plural = plural_suffix(text, pos)
        if plural:
            return _named(m.start(), text[m.start():pos], plural[1], plural[0], GROUP, None)
        if head.get("of_body") and (of := _through_of(text, pos, closed)):
            return _of_body(text, m, head, of[0], of[1], words)
        if stops.match(text, pos):
            topic = _topic(text, pos) if head.get("topic") and words else None
            if topic:  # "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng"
                return Mention((m.start(), topic), display(text[m.start():topic]), head["kind"])
            break
        token = _TOKEN.match(text, pos)
        if not token or token.group("nl") or token.group("punct"):
            break
        if token.group("comma") and not _enumerates(text, token.end()):
            break
        if token.group("comma") or token.group("dash"):
            wrap = _WRAP.match(text, token.end())
            if not _continues(text, wrap.end() if wrap else token.end(), caps):
                break
            if wrap:
                pos = wrap.end()
                continue
        elif token.group("word"):
            word = token.group("word")
            if word == "và" and not _continues(text, token.end(), caps) and not (
                    first_capital and not caps and _closes_lower(text, token.end())):
                break
            if first_capital is None:
                first_capital = word[0].isupper()
            words += 1
        pos = token.end()
    return _finish(text, m, pos, head, words, first_capital)


_CAPITALIZED_RUN = re.compile(r"((?:[ \t]+[" + UPPER + r"]\w*){1,3})(?=[ \t]+[" + LOWER + r"])")


def _province_name_end(text: str, pos: int) -> int | None:
    """The end of a province's name written right after `pos` when a lower-case word follows it,
    the next verb of the clause; a longer capitalized name ("Báo Nhân Dân") is no place."""
    run = _CAPITALIZED_RUN.match(text, pos)
    if not run or not any(u.tier == "province" for u in places.lookup(run.group(1).strip())):
        return None
    edition = _edition().match(text, run.end())  # "Báo Kon Tum điện tử" is one paper
    return edition.end() if edition else run.end()


@cache
def _edition() -> re.Pattern:
    return re.compile(r"[ \t]+" + alternation(data()["paper_editions"]) + r"(?!\w)")


# "về" and what a steering committee is about, up to punctuation; a resolution it follows up
# may be named by its number ("… về tổng kết Nghị quyết số 18-NQ/TW").
_TOPIC = re.compile(r"\s+về\s+(?:phòng,\s*chống|[^\W\d][\w]*)(?:\s+(?:phòng,\s*chống|số\s+[\w/\-]+|[^\W\d][\w]*)){0,12}")


def _topic(text: str, pos: int) -> int | None:
    """Where "về <topic>" after a committee's name ends, cut before a verb of the clause."""
    m = _TOPIC.match(text, pos)
    if not m:
        return None
    plain, _ = _stops()
    end = m.end()
    topic_start = m.start() + len(m.group(0)) - len(m.group(0).lstrip()) + 2  # after the first "về"
    opening = plain.match(text, topic_start)
    if opening:  # the topic's first words are its own, a verb among them ("về cung cấp nước sạch …")
        topic_start = opening.end()
    for k in range(topic_start, m.end()):
        if text[k - 1].isspace() and plain.match(text, k - 1) and not re.match(r"\s+số\s", text[k - 1:k + 4]):
            end = k - 1
            break
    return end


def _enumerates(text: str, pos: int) -> bool:
    """A comma inside a name opens an enumeration that "và" closes ("Xúc tiến Đầu tư, Thương mại
    và Du lịch"), or is the comma of "phòng, chống"; otherwise it ends the name ("Hội Lim, Lễ hội …")."""
    return bool(re.match(r"\s*(?:(?i:chống)\b|(?:\w+\s+){1,3}(?i:và)\s)", text[pos:pos + 40]))


# After "và", one to three lower-case words that end the name: punctuation, a line break, a verb
# of the clause, or "và" before the next body ("Hội Bảo vệ thiên nhiên và môi trường và Hội …").
@cache
def _lower_tail() -> re.Pattern:
    stops = alternation(data()["name_stops"])
    return re.compile(r"(?:[ \t]+[" + LOWER + r"]\w*?){1,3}(?=\s*(?:[.,;:)\n]|$)|\s+và\s+[" + UPPER + r"]|\s+"
                      + stops + r"(?!\w))")


def _closes_lower(text: str, pos: int) -> bool:
    """A name in sentence case goes on after "và" in lower case when those words close it."""
    m = _lower_tail().match(text, pos)
    if not m:
        return False
    words = m.group(0).split()
    from pipeline.gazetteer.groups import private_or_place
    return not private_or_place(" ".join(words))


def _continues(text: str, pos: int, caps: bool) -> bool:
    """After "," "-" or "và", a name goes on only with a capitalized word ("Đầu tư, Thương mại
    và Du lịch") or the "chống" of "phòng, chống"."""
    nxt = re.match(r"\s*(\w+)", text[pos:pos + 40])
    if not nxt:
        return False
    word = nxt.group(1)
    if word.lower() in opening_words():
        return False  # "Tổng cục Đường bộ, Cục Cảnh sát giao thông": the next body begins
    if _role_regex().match(text, pos):
        return False  # "… Chi cục Thủy sản và Thủ trưởng các đơn vị": a title opens the next addressee
    return word.lower() == "chống" or (word[0].isupper() and not caps) or (caps and word.isupper() and word != "VÀ")


# A footnote's number printed against the last word ("Vụ Cải cách hành chính1").
_FOOTNOTE = re.compile(r"(?<=[" + LOWER + r"])\d{1,2}$")


def _finish(text: str, m: re.Match, pos: int, head: dict, words: int, first_capital: bool | None) -> Mention | None:
    raw = text[m.start():pos].rstrip(" ,-–")
    raw = _FOOTNOTE.sub("", re.sub(r"\s+và$", "", raw))
    if head.get("bare"):
        return Mention((m.start(), m.start() + len(raw)), display(raw), head["kind"])
    if not words or not (first_capital or head.get("lower_ok")) or not re.search(r"\w\w", raw[len(m.group(0)):]):
        return None  # "Đội Ì": a name needs a word of two letters at least
    if head.get("codes_unexpanded") and _INTERNAL_CODE.fullmatch(raw[len(m.group(0)):]):
        return None  # "- Phòng VX;" in a distribution list: an internal unit's code the text never expands
    return Mention((m.start(), m.start() + len(raw)), display(raw), head["kind"])


# An office named by a code alone ("Phòng VX", "Vụ KGVX"): letters only, in capitals, no more than four.
_INTERNAL_CODE = re.compile(r"\s+[" + UPPER + r"]{2,4}")


def _named(start: int, raw: str, suffix: str, end: int, kind: str, code: str | None) -> Mention | None:
    raw = raw.rstrip(" ,")
    return Mention((start, end), f"{display(raw)} {suffix}", kind, code)


def _through_of(text: str, pos: int, closed: _Closed) -> tuple[int, Mention] | None:
    """ "… của Thủ tướng Chính phủ": the body an ad-hoc group belongs to, a few words on."""
    window = re.match(r"[^.;:\n]{0,120}?\s(của)\s+", text[pos:pos + 140])
    if not window:
        return None
    inner = closed.at(pos + window.end())
    return (pos + window.start(1), inner) if inner else None


def _of_body(text: str, m: re.Match, head: dict, pos: int, inner: Mention, words: int) -> Mention | None:
    between = text[m.end():inner.span[0]]
    if not re.search(r"\bcủa\s*$", between):
        return _finish(text, m, pos, head, words, True)
    raw = text[m.start():inner.span[0]]
    return Mention((m.start(), inner.span[1]), f"{display(raw.rstrip())} {inner.name}", head["kind"])
