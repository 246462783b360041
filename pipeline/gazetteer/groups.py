"""Groups of bodies: "các sở, ban, ngành", "các cơ quan, đơn vị có liên quan", "các địa phương".

ANNOTATION.md counts every named group of public bodies, as one body of kind `group`.
A group opens with "các" (or "những"), lists nouns of public bodies joined by "," or
"và", and may end with qualifiers ("có liên quan", "thuộc tỉnh", "trên địa bàn tỉnh").
"… và các …" opens a second group; a private party ("doanh nghiệp", "người dân") ends
the list, since those are not bodies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline import resources
from pipeline.gazetteer import places
from pipeline.gazetteer.names import expand
from pipeline.gazetteer.patterns import Openings, alternation, bounded, compiled, headed, phrase, openers, tidy
from pipeline.gazetteer.scope import Mention, Scope
from pipeline.core.letters import UPPER
from pipeline.resources import lexicon

GROUP = "group"


@cache
def opening_words() -> frozenset[str]:
    return openers(_all_openers() + tuple(e["text"] for e in data()["fixed"]) + tuple(data()["owned_nouns"]))


@cache
def data() -> dict:
    return resources.load("bodies_groups.yaml")


def _insensitive(text: str) -> str:
    return "(?i:" + phrase(text) + ")"


@cache
def _nouns() -> dict[str, str]:
    return {tidy(k).lower(): v for k, v in data()["nouns"].items()}


@cache
def _noun_regex() -> re.Pattern:
    blocked = data()["not_followed_by"]
    options = []
    for noun in sorted(data()["nouns"], key=len, reverse=True):
        after = blocked.get(noun)
        guard = r"(?!\s+" + alternation(after, _insensitive) + r"(?!\w))" if after else ""
        options.append(_insensitive(noun) + r"(?!\w)" + guard)
    return re.compile(r"(?:" + "|".join(options) + r")")


@cache
def _private_regex() -> re.Pattern:
    return re.compile(alternation(data()["private_nouns"], _insensitive) + r"(?!\w)")


def private_parties_end(text: str, pos: int) -> int | None:
    """Where a list of private parties that opens at `pos` ends ("các tổ chức, cá nhân có liên
    quan", "doanh nghiệp và người dân"): they name no body, yet stand among a sentence's subjects
    ("Chủ tịch UBND các huyện; các tổ chức, cá nhân có liên quan chịu trách nhiệm …"). None when
    the list has a public body's noun in it or none of its nouns is private."""
    m = _private_run_regex().match(text, pos)
    if not m or not _private_regex().search(m.group(0)):
        return None
    return tails(text, m.end())[0]


@cache
def _private_run_regex() -> re.Pattern:
    noun = alternation(data()["private_nouns"] + data()["weak_nouns"], _insensitive) + r"(?!\w)"
    opener = alternation(list(data()["openers"]) + data()["distributive_openers"], _insensitive)
    return re.compile(r"(?:" + opener + r"\s+)?" + noun + r"(?:(?:" + _LIST_JOINER + r")" + noun + r")*")


@cache
def _opener() -> re.Pattern:
    return re.compile(bounded(alternation(_all_openers(), _insensitive)) + r"\s+")


def _all_openers() -> tuple[str, ...]:
    return tuple(data()["openers"]) + tuple(data()["distributive_openers"])


def _listed(group: Mention) -> bool:
    return "," in group.name or " và " in group.name


# The list joiner (lexicon.yaml), and the determiners that open a group (bodies_groups.yaml).
# Between a group's nouns a spaced dash lists too, as some cities write it ("các Sở - ngành",
# "các quận - huyện"); elsewhere it joins one name ("Bà Rịa - Vũng Tàu"), so it is not the lexicon's.
_LIST_JOINER = lexicon.joiner()
_DASH = r"\s+[-–]\s+"


@cache
def _joiner() -> re.Pattern:
    """", " ", và " " và " ", các " " - " between two nouns; " và các " opens a new group."""
    after_mark, bare = lexicon.joiner_parts()
    determiners = alternation(data()["openers"], _insensitive)
    return re.compile(after_mark + r"(?:" + determiners + r"\s+)?|" + bare + r"(?!" + determiners + r"\b)|" + _DASH)


def _opener_in(joined: str) -> str | None:
    """The determiner a joiner as matched repeats (", các "), lower case, or None."""
    m = re.search(r"(?<!\w)" + alternation(data()["openers"], _insensitive) + r"(?!\w)", joined)
    return m.group(0).lower() if m else None


def _canonical_joiner(joined: str) -> str:
    """A joiner as a canonical name writes it: ", ", " và " or ", và "."""
    if lexicon.has_conjunction(joined):
        return (", " if "," in joined else " ") + lexicon.list_conjunction() + " "
    return ", "


def _determiner(text: str, start: int) -> str:
    """ "những" stays as written ("những sở, ban, ngành"): a group is named as the text names it."""
    return "những" if text[start:start + 5].lower() == "những" else "các"


@dataclass
class _Item:
    noun: str          # canonical
    joiner: str        # canonical text before it: "" for the first, ", " or " và "


def find_groups(text: str, openings: Openings, scope: Scope) -> list[Mention]:
    found: list[Mention] = []
    pos = openings.start
    distributive = {w.lower() for w in data()["distributive_openers"]}
    for m in openings.matches(_opener(), openers(_all_openers())):
        if m.start() < pos:
            continue
        each = m.group(0).split()[0].lower() in distributive
        for group in _parse(text, m.start(), m.end(), openings.end):
            if each and not _listed(group):
                break
            found.append(group)
            pos = group.span[1]
    found.extend(_fixed(text, openings))
    found.extend(_owned(text, openings))
    return found


@cache
def _owned_regex() -> re.Pattern:
    return re.compile(bounded(alternation(data()["owned_nouns"])))


def _owned(text: str, openings: Openings) -> list[Mention]:
    """ "cơ quan chuyên môn thuộc UBND các cấp": a noun without "các", made a group by its owner."""
    found = []
    for m in openings.matches(_owned_regex(), openers(tuple(data()["owned_nouns"]))):
        if re.search(r"(?i:các|những)\s+$", text[max(0, m.start() - 6):m.start()]):
            continue  # "các cơ quan chuyên môn …" is read from its "các"
        owner = _owner(text, m.end(), groups_only=True)
        if owner:
            found.append(Mention((m.start(), owner[0]), tidy(m.group(0) + " " + owner[1]), GROUP))
    return found


def _parse(text: str, start: int, pos: int, limit: int) -> list[Mention]:
    """The group(s) that a "các" at `start` opens; several when distinct kinds are listed."""
    groups, items = [], []
    group_start, joiner = start, ""
    while (noun := _noun_regex().match(text, pos)) is not None and noun.end() <= limit:
        canonical = _nouns().get(tidy(noun.group(0)).lower(), noun.group(0))
        pos, complement = _complement(text, noun.end(), canonical)
        items.append(_Item(canonical + complement, joiner if items else ""))
        if canonical in data()["distinct_nouns"] and complement:
            # "các Trung tâm Y tế khu vực, Trạm Y tế cấp xã": units of two kinds, two groups.
            pos, tail = tails(text, pos)
            groups.append(_group(group_start, pos, items, tail, _determiner(text, group_start)))
            items = []
            j = _joiner().match(text, pos)
            if not j or not _noun_regex().match(text, j.end()):
                return groups
            # the next group opens at its own "các" (", các chủ đầu tư"), else after the joiner
            article = j.group(0).lower().rfind("các")
            group_start, pos = (j.start() + article if article >= 0 else j.end()), j.end()
            continue
        titled = _titled_joiner().match(text, pos)
        if titled and _noun_regex().match(text, titled.end()):
            # "Giám đốc các sở, Trưởng các ban, ngành": one list, each part with its head's title
            joiner, pos = ", ", titled.end()
            continue
        j = _joiner().match(text, pos)
        if j and not lexicon.has_conjunction(j.group(0)) and _private_regex().match(text, j.end()):
            closing = _closing_private(text, j.end(), items)
            if closing is None and _each_with_article(items):
                break  # "các cấp, các ngành, cộng đồng doanh nghiệp": the bodies named apart, a group
            if closing is None:
                return groups  # "các cơ quan, người dân, tổ chức": everyone, not a group of bodies
            items += closing[1]
            pos = closing[0]
            break
        if j and lexicon.has_conjunction(j.group(0)) and (closing := _grassroots().match(text, j.end())):
            items.append(_Item(closing.group("noun").lower(), f" {lexicon.list_conjunction()} "))
            pos = closing.end("noun")
            break
        if not j or not _noun_regex().match(text, j.end()):
            break
        repeats = _opener_in(j.group(0))
        following = _nouns().get(tidy(_noun_regex().match(text, j.end()).group(0)).lower())
        if repeats and canonical not in data()["weak_nouns"] and following not in data()["weak_nouns"]:
            break  # "các tổ chức chính trị - xã hội, các đơn vị sự nghiệp": two groups; "các ngành, các cấp": one
        joiner = (f" {lexicon.list_conjunction()} " if lexicon.has_conjunction(j.group(0))
                  else f", {repeats} " if repeats else ", ")
        pos = j.end()
    if items and any(i.noun not in data()["weak_nouns"] for i in items):
        pos, tail = tails(text, pos, narrowed=all(i.noun in data()["narrowed_nouns"] for i in items))
        groups.append(_group(group_start, pos, items, tail, _determiner(text, group_start)))
    return groups


def _each_with_article(items: list[_Item]) -> bool:
    """Whether a list names its kinds of bodies each with its own article ("các cấp, các ngành"):
    private parties after it are listed beside the group, not inside one phrase with it."""
    return len(items) >= 2 and all(i.joiner.strip(" ,") for i in items[1:]) and \
        any(i.noun not in data()["weak_nouns"] for i in items)


@cache
def _grassroots() -> re.Pattern:
    """"… địa phương và cơ sở cần …": the grassroots closing a list, a verb or a stop after it."""
    data_ = data()["grassroots"]
    return re.compile(r"(?P<noun>" + alternation(data_["nouns"], _insensitive) + r")(?=\s*(?:[.,;:]|$|"
                      + alternation(data_["before"], _insensitive) + r"(?!\w)))")


@cache
def _closing_regex() -> re.Pattern:
    closing = alternation(data()["closing_private_nouns"] + data()["closing_private_nouns_narrowed"], _insensitive)
    # ", doanh nghiệp", ", tổ chức, cá nhân": the closing nouns, weak ones before them
    return re.compile(r"(?:(?P<weak>" + alternation(data()["weak_nouns"], _insensitive) + r")\s*,\s*)?(?P<noun>"
                      + closing + r")(?!\w)(?!\s*,\s*\w)")


def _closing_private(text: str, pos: int, items: list[_Item]) -> tuple[int, list[_Item]] | None:
    """"các cơ quan, đơn vị, doanh nghiệp": private nouns that close a list of public ones, as items."""
    if not any(i.noun not in data()["weak_nouns"] for i in items):
        return None
    m = _closing_regex().match(text, pos)
    if not m:
        return None
    if m.group("noun").lower() in data()["closing_private_nouns_narrowed"] and not _tail_regex().match(text, m.end()):
        return None
    weak = [_Item(m.group("weak").lower(), ", ")] if m.group("weak") else []
    return m.end(), weak + [_Item(m.group("noun").lower(), ", ")]


@cache
def _titled_joiner() -> re.Pattern:
    roles = resources.load("bodies_roles.yaml")["roles"]
    return re.compile(r"\s*,\s*" + alternation(roles, _insensitive) + r"\s+(?i:các)\s+")


def _group(start: int, end: int, items: list[_Item], tail: str, det: str = "các") -> Mention:
    name = det + " " + "".join(i.joiner + i.noun for i in items) + tail
    return Mention((start, end), tidy(name), GROUP)


def _complement(text: str, pos: int, noun: str) -> tuple[int, str]:
    regex = _complements().get(noun)
    m = regex.match(text, pos) if regex else None
    if m:  # written out as canonical names are ("các Ban HĐND tỉnh" → "… Hội đồng nhân dân tỉnh")
        return m.end(), " " + expand(tidy(m.group(0)))
    topic = _TOPIC.match(text, pos) if noun in data()["topic_nouns"] else None
    if topic:  # "các cơ quan quản lý nhà nước về BHYT": the field it manages
        end, written = _with_object(text, pos, topic.end())
        if end > topic.end():
            return end, " " + expand(written)
    return pos, ""


_TOPIC = re.compile(r"\s+về(?!\w)")


@cache
def _complements() -> dict[str, re.Pattern]:
    return {noun: re.compile(r"\s+" + alternation(options, _insensitive) + r"(?!\w)")
            for noun, options in data()["noun_complements"].items()}


@cache
def _tail_regex() -> re.Pattern:
    level = places.level_pattern()
    levels = level + r"(?:(?:" + _LIST_JOINER + r")(?:cấp\s+)?" + level + r")*"
    options = []
    for tail in sorted(data()["tails"], key=len, reverse=True):
        pattern = phrase(tail.replace("{level}", "LEVEL").replace("{levels}", "LEVELS"))
        pattern = pattern.replace("LEVELS", levels).replace("LEVEL", level)
        options.append("(?:" + pattern + ")")
    return re.compile(r"\s+(?:" + "|".join(options) + r")(?!\w)(?!\s+(?:hội|ủy)\b)")


def tails(text: str, pos: int, narrowed: bool = False) -> tuple[int, str]:
    """Qualifiers that end a group's name at `pos` ("có liên quan", "trên địa bàn tỉnh Kon Tum"),
    the body the group belongs to ("thuộc, trực thuộc Bộ Nội vụ") and a participle that narrows
    it ("được phân công phụ trách tiêu chí") where the group's nouns alone say nothing of which
    bodies (`narrowed`: "các đơn vị được phân công …"; "các sở, ban, ngành" are all of them)."""
    parts = []
    for _ in range(3):
        m = _tail_regex().match(text, pos)
        if not m:
            break
        pos = m.end()
        named = places.name_after(text, pos, "tỉnh") if re.search(r"(?i:tỉnh|thành phố)$", m.group(0)) else None
        if named and named[2] is not None:
            pos = named[0]
            parts.append(m.group(0) + " " + named[1])
        else:
            parts.append(m.group(0))
    for more in (_owner, _participle) if narrowed else (_owner,):
        found = more(text, pos)
        if found:
            pos = found[0]
            parts.append(found[1])
    if not parts:
        return pos, ""
    forms = data()["tail_forms"]
    written = " ".join(forms.get(w, w) for w in " ".join(parts).split(" "))
    return pos, " " + expand(written)


_OWNER = re.compile(r"\s+(?:(?i:trực)\s+)?(?i:thuộc)(?:\s*,\s*(?i:trực\s+thuộc))?\s+")


def _owner(text: str, pos: int, groups_only: bool = False) -> tuple[int, str] | None:
    """ "các phòng chuyên môn thuộc các sở", "các đơn vị thuộc, trực thuộc Bộ Nội vụ": the group
    or body the group's members belong to ends its name."""
    m = _OWNER.match(text, pos)
    if not m:
        return None
    from pipeline.gazetteer.mentions import find_mentions  # the recognizers use this module
    window_end = min(len(text), m.end() + 160)
    owner = next((o for o in find_mentions(text, m.end(), window_end) if o.span[0] == m.end()), None)
    if owner is None or owner.list_span or (groups_only and owner.kind != GROUP):
        return None
    return owner.span[1], tidy(text[pos:m.end()]) + " " + owner.name


@cache
def _participle_regex() -> tuple[re.Pattern, re.Pattern]:
    participle = re.compile(r"\s+" + alternation(data()["participles"], _insensitive) + r"(?!\w)")
    stops = resources.load("bodies.yaml")["name_stops"] + [lexicon.list_conjunction()]
    stop = re.compile(r"\s+" + alternation(stops) + r"(?!\w)")
    return participle, stop


def _participle(text: str, pos: int) -> tuple[int, str] | None:
    participle, stop = _participle_regex()
    m = participle.match(text, pos)
    if not m:
        return None
    return _with_object(text, pos, m.end())


def _with_object(text: str, start: int, pos: int) -> tuple[int, str]:
    """The phrase from `start` through the words after `pos` up to punctuation, "và" or a verb of
    the clause; a longer run than `participle_max_words` is the clause itself, and stays out."""
    _, stop = _participle_regex()
    end, words = pos, 0
    while not stop.match(text, end) and (w := re.match(r"[ \t]+[^\W\d]+(?!\w)", text[end:end + 40])):
        end += w.end()
        words += 1
    ended = stop.match(text, end) or not re.match(r"[ \t]*\w", text[end:end + 3])
    if words > data()["participle_max_words"] or not ended:
        end = pos
    return end, " ".join(text[start:end].split())


@cache
def _fixed_regex() -> list[tuple[re.Pattern, dict]]:
    out = []
    for entry in data()["fixed"]:
        body = headed(entry["text"]) if entry.get("case_sensitive") else _insensitive(entry["text"])
        out.append((re.compile(bounded(body)), entry))
    return out


def _fixed(text: str, openings: Openings) -> list[Mention]:
    found = []
    for regex, entry in _fixed_regex():
        for m in openings.matches(regex, openers((entry["text"],))):
            stop, tail = tails(text, m.end()) if entry.get("tails") else (m.end(), "")
            alternative = _ALTERNATIVE.match(text, stop) if entry.get("tails") else None
            noun = _noun_regex().match(text, alternative.end()) if alternative else None
            if noun and noun.group(0).lower() not in data()["weak_nouns"]:
                # "cấp ủy, chính quyền hoặc cơ quan chủ quản": whichever of them, one group
                canonical = _nouns().get(tidy(noun.group(0)).lower(), noun.group(0))
                stop, tail = noun.end(), f"{tail} hoặc {canonical}"
            found.append(Mention((m.start(), stop), tidy(entry["name"] + tail), GROUP))
    return found


_ALTERNATIVE = re.compile(r"\s+(?i:hoặc)\s+")


# ---- a body's name made plural: "UBND các huyện, thị xã và thành phố Huế", "… cấp tỉnh, cấp xã" ----

@cache
def _plural_levels() -> re.Pattern:
    level = r"(?:" + places.level_pattern() + r"|" + alternation(
        resources.load("bodies.yaml")["list_only_levels"], _insensitive) + r")(?!\w)(?!\s+hội\b)"
    item = r"(?:" + level + r"|" + _noun_regex().pattern + r")"
    joiner = r"(?:" + _LIST_JOINER + r"|/|" + _DASH + r")"   # "các huyện/thành phố", "các quận - huyện"
    # "Các" opening a line begins a sentence ("… Hội Lâm nghiệp\nCác Hội nêu trên"), not a plural.
    return re.compile(r"(?:\s*\n\s*(?=các|những)|[ \t]+)(?P<det>(?i:các|những))\s+(?P<items>" + item
                      + r"(?:" + joiner + item + r")*)")


@cache
def _levels_of_rank() -> re.Pattern:
    level = places.level_pattern()
    return re.compile(r"\s+(?i:cấp)\s+" + level + r"(?:\s*,\s*(?:(?i:cấp)\s+)?" + level + r")*(?!\w)(?!\s+ủy)")


def plural_suffix(text: str, pos: int, with_tails: bool = True) -> tuple[int, str] | None:
    """What makes a body's name a group at `pos`: "các huyện, thành phố", "cấp xã" (with its end).
    `with_tails` False keeps qualifiers out but "trực thuộc Trung ương", which names the set."""
    m = _plural_levels().match(text, pos)
    if m:
        end, items = m.end(), _canonical_items(m.group("items"))
        last = re.split(_LIST_JOINER + r"|/|" + _DASH, " ".join(m.group("items").split()))[-1]
        named = places.name_after(text, end, last) if places.canonical_level(last) else None
        if named and named[2] is not None:
            end, items = named[0], items + " " + named[1]
        end, tail = tails(text, end) if with_tails else _under_centre(text, end)
        return end, f"{m.group('det').lower()} {items}{tail}"
    m = _levels_of_rank().match(text, pos)
    if m:
        return m.end(), tidy(m.group(0))
    return None


@cache
def _bare_levels() -> re.Pattern:
    level = r"(?:" + places.level_pattern() + r"|" + alternation(
        resources.load("bodies.yaml")["list_only_levels"], _insensitive) + r")(?!\w)"
    joiner = r"(?:" + _LIST_JOINER + r")"
    return re.compile(r"[ \t]+(?P<items>" + level + r"(?:" + joiner + level + r")+)")


def bare_plural_levels(text: str, pos: int) -> tuple[int, str] | None:
    """Level words listed without "các" after a committee ("UBND huyện, thị xã, thành phố"): each
    level's committees, the group "… các huyện, thị xã, thành phố". The last level may go on with
    a name ("huyện, thành phố Cà Mau")."""
    m = _bare_levels().match(text, pos)
    if not m or places.canonical_level(re.split(_LIST_JOINER, m.group("items"))[0]) == "tỉnh":
        return None  # "UBND tỉnh, thành phố Kon Tum" is the province's committee and the city's
    end, items = m.end(), _canonical_items(m.group("items"))
    last = re.split(_LIST_JOINER, " ".join(m.group("items").split()))[-1]
    named = places.name_after(text, end, last) if places.canonical_level(last) else None
    if named and named[2] is not None:
        end, items = named[0], items + " " + named[1]
    elif re.match(r"[ \t]+[" + UPPER + r"]", text[end:]):
        return None  # "huyện, thành phố Kon Tum…" with a name the index does not know: not a plain list
    return end, f"các {items}"


def _under_centre(text: str, pos: int) -> tuple[int, str]:
    m = compiled(r"\s+(?i:trực\s+thuộc\s+Trung\s+ương)(?!\w)").match(text, pos)
    return (m.end(), " trực thuộc Trung ương") if m else (pos, "")


def _canonical_items(written: str) -> str:
    short = resources.load("bodies.yaml")["list_only_levels"]
    words = re.split(r"(" + _LIST_JOINER + r"|/|" + _DASH + r")", " ".join(written.split()))
    out = []
    for w in words:
        if w == "/" or w.strip() in ("-", "–"):
            out.append(", ")
        elif re.fullmatch(_LIST_JOINER, w):
            out.append(_canonical_joiner(w))
        else:
            level = places.canonical_level(w)
            out.append(level or short.get(w.lower()) or _nouns().get(w.lower(), w.lower()))
    return "".join(out)


# ---- one group, several wordings ----

@cache
def _key_rewrites() -> list[tuple[re.Pattern, str]]:
    rewrites = [(re.compile(r"\b" + re.escape(k) + r"\b"), v) for k, v in data()["same_words"].items()]
    locative = alternation(data()["locative_tails"])
    rewrites.append((re.compile(r"(?:\s+" + locative + r")+$"), ""))
    return rewrites


def group_key(name: str) -> str:
    """The wording that tells groups apart: "các sở, ban, ngành thuộc tỉnh" and "các sở, ban ngành"
    are one group, "các sở, ngành có liên quan" and "các sở, ngành liên quan" another."""
    key = " ".join(re.findall(r"\w+", name.lower()))
    for pattern, replacement in _key_rewrites():
        key = pattern.sub(replacement, key)
    return key.strip()


@cache
def members_titled() -> re.Pattern:
    """What, before a group, makes it a list's title ("Danh sách các đơn vị …")."""
    return re.compile(r"(?<!\w)" + alternation(data()["members_titled"], _insensitive) + r"\s+$")


@cache
def members_follow() -> re.Pattern:
    """What, after a group, announces its members ("Các cơ quan, đơn vị sau đây …:")."""
    return re.compile(r"\s+" + alternation(data()["members_follow"]) + r"(?!\w)")


def private_or_place(words: str) -> bool:
    """Whether lower-case words open with a private party, a group or a level word ("người dân",
    "các xã", "huyện"): then they are no part of a name before them."""
    return bool(_private_regex().match(words) or _opener().match(words + " ")
                or re.match(places.level_pattern() + r"(?!\w)", words))
