"""The deadline grammar's words (resources time_words.yaml, time_context.yaml) as compiled patterns.

Code elsewhere in the package names these patterns; the words themselves live in
the YAML files, so adding a cue or a naming noun is a data change.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources

FLAGS = re.IGNORECASE

# Numbers the grammar reads: a day, a month, a four-digit year.
DAY, MONTH, YEAR = r"[0-3]?\d", r"[01]?\d", r"(?:19|20)\d\d"


def phrase(words: str) -> str:
    """A literal phrase as a pattern: any run of spaces for each space."""
    return r"\s+".join(re.escape(w) for w in words.split())


def alternation(words) -> str:
    """Longest first, so "chậm nhất là" wins over "chậm nhất"."""
    return "(?:" + "|".join(phrase(w) for w in sorted(words, key=len, reverse=True)) + ")"


def filled(pattern: str, values: dict[str, str]) -> str:
    """A pattern of the data files with its placeholders ("{y}", "{month}") replaced; a count ("I{1,3}",
    "\\d{2}") and an unknown name stay as written."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), pattern)


def words_pattern(words) -> re.Pattern:
    """The phrases standing alone: "cây" matches "cây hằng năm", not "câyhằng" glued by a PDF reader,
    nor the end of another word."""
    return re.compile(r"(?<!\w)" + alternation(words) + r"(?!\w)", FLAGS)


@cache
def time_words() -> dict:
    return resources.load("time_words.yaml")


@cache
def context_words() -> dict:
    return resources.load("time_context.yaml")


@cache
def unit_rules() -> dict[str, str]:
    return {unit.lower(): rule for unit, rule in time_words()["units"].items()}


@cache
def weekday_codes() -> dict[str, str]:
    return {" ".join(name.split()): code for name, code in time_words()["weekdays"].items()}


@cache
def week_ordinals() -> dict[str, int]:
    return {str(k): v for k, v in time_words()["week_ordinals"].items()}


def roman(numeral: str) -> int | None:
    return time_words()["roman"].get(numeral.lower())


def quarter_number(token: str) -> int | None:
    return int(token) if token.isdigit() else roman(token)


@cache
def time_of_day() -> str:
    """"16 giờ", "chiều", "lúc 14 giờ 00,", "8 giờ 30 phút - 11 giờ", "07 giờ và 17 giờ": what
    may stand before a date and is dropped."""
    words = time_words()
    clock = words["time_of_day"]
    part = alternation(words["part_of_day"])
    clock_range = r"(?:lúc\s+)?" + clock + r"(?:\s*(?:[-–]|đến|tới|và)\s*" + clock + ")?"
    return (r"(?:(?:" + part + r"\s+)?" + clock_range + r"\s*,?\s+)?(?:" + part + r"\s+)?"
            r"(?:" + alternation(words["approximately"]) + r"\s+)?")


@cache
def cue_before_pattern() -> re.Pattern:
    """A cue that ends where a period begins: "trước ngày ", "chậm nhất là ", "Từ 8 giờ - 11 giờ ngày ".

    Matched against the text that precedes a period (anchored at its end); the group
    named after the cue's kind says which one it was.
    """
    cues = time_words()["cues"]
    kinds = []
    for kind, entry in cues.items():
        body = entry["pattern"] if isinstance(entry, dict) else r"(?<!\w)" + alternation(entry)
        kinds.append(f"(?P<{kind}>{body})")
    return re.compile(r"(?:" + "|".join(kinds) + r")\s*:?\s*" + time_of_day() + weekday_before_date()
                      + r"(?:ngày\s+)?$", FLAGS)


@cache
def start_cue_pattern() -> re.Pattern:
    """"bắt đầu từ (ngày)": a cue that gives the work its start (time_words.yaml, start_cues)."""
    return re.compile(r"(?<!\w)" + alternation(time_words()["start_cues"]) + r"(?!\w)", FLAGS)


@cache
def weekday_before_date() -> str:
    """"thứ Sáu, ngày 14/3/2025", "chủ nhật ngày 9 tháng 4": a weekday naming the date after it."""
    return r"(?:" + alternation(time_words()["weekdays"]) + r"\s*,?\s+)?"


@cache
def range_joiner_pattern() -> re.Pattern:
    """What joins the two ends of a range: "15/5 đến ngày 22/5", "từ tháng 3 - tháng 5"."""
    joiners = alternation(time_words()["range_joiners"])
    return re.compile(r"\s*" + joiners + r"\s*(?:" + alternation(time_words()["approximately"]) + r"\s+)?"
                      + time_of_day() + weekday_before_date() + r"(?:ngày\s+)?$", FLAGS)


@cache
def context_pattern(name: str) -> re.Pattern:
    """One word list of time_context.yaml as a whole-word pattern."""
    return words_pattern(context_words()[name])


@cache
def head_pattern() -> tuple[re.Pattern, frozenset[str]]:
    """Naming and goal nouns in one pattern (longest first, so "chương trình mục tiêu quốc gia"
    is one naming head, not a programme followed by a goal), with the set of goal heads."""
    heads = context_words()["heads"]
    pattern = words_pattern([*heads["naming"], *heads["goal"]])
    return pattern, frozenset(" ".join(g.split()) for g in heads["goal"])
