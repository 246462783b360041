"""Vietnamese numbers as directives write them, shared by the stages that need them.

Digits: leading zeros ("07" → 7), thousands with dots ("17.904", "1.200"),
decimals with commas ("97,5", "95,00" → 95); fractions ("42/85"); percentages
("50%", "50 phần trăm"); ranges ("9-10%", "từ 1 đến 1,5%": value the low end,
value_max the high end); words ("bảy", "hai mươi lăm", "một trăm linh năm",
read with the vietnam-number package); and the bound or approximation word just
before a figure ("gần", "hơn", "trên", "khoảng", "ít nhất", "tối đa") as a
comparator. What the figure counts (its unit) is the caller's business: this
module only reads numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from vietnam_number import w2n

from pipeline import resources
from pipeline.core import anchors
from pipeline.core.doc import Span
from pipeline.core.pattern_cache import longest_first

Number = int | float

_DIGITS = r"\d+(?:[.,]\d+)*"
# Not inside a longer token: "19/01/2023", "04/CT-UBND", "116/2021/NĐ-CP" hold no figure of their own,
# nor does a name's number after a capital and a hyphen ("COVID-19") or a clock time ("12h00", "8h").
_OPEN = r"(?<![\w/])(?<!\d[.,\-–])(?<![A-ZĐ][\-–])"
_CLOSE = r"(?![\d/]|[.,]\d|-[A-ZĐ]|[hH](?:\d\d|\b))"  # "06-NQ/ĐH" is a symbol


@dataclass(frozen=True)
class Figure:
    """A number as written, with what the text says around it about its size."""
    span: Span                  # bound word (if any) through the last numeral or percent sign
    value: Number
    value_max: Number | None = None    # the high end of a range
    denominator: Number | None = None  # "42/85" → 42 of 85
    percent: bool = False
    comparator: str | None = None      # from a bound word before it: "hơn" → ">", "khoảng" → "="
    in_words: bool = False             # "bảy", "hai mươi": callers may ask more of these
    ambiguous: bool = False            # "một" or "năm" alone: a number only before a counted noun

    @property
    def start(self) -> int:
        return self.span[0]

    @property
    def end(self) -> int:
        return self.span[1]


def parse_number(text: str) -> Number | None:
    """The value of one number written in digits or words: "07" → 7, "1.200" → 1200,
    "97,5" → 97.5, "bảy" → 7, "hai mươi lăm" → 25; None when it is not one."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        return _parse_digits(text)
    return _parse_words(text.lower().split())


def scale(word: str) -> int | None:
    """The multiplier a scale word gives a figure written before it: "triệu" → 1 000 000."""
    return _data()["scales"].get(word.lower())


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every number in text[start:end], in text order, with its span in `text`."""
    stop = len(text) if end is None else end
    # A stage asks this of each sentence of a document in turn: each pattern is tried only where a
    # digit, "từ" or a number word stands, found once in the whole text (core/anchors.py), not by
    # the regex engine at every character of each sentence.
    patterns = _patterns()
    figures = [f for f in (_digit_figure(text, start, m)
                           for m in anchors.finditer_stretch(patterns["digits"], text, start, stop)) if f]
    taken = [f.span for f in figures]
    for m in anchors.finditer_stretch(patterns["words"], text, start, stop):
        figure = _word_figure(text, start, m)
        if figure and not any(a < figure.end and figure.start < b for a, b in taken):
            figures.append(figure)
    return sorted(figures, key=lambda f: f.start)


def bound_after(text: str, pos: int, limit: int) -> tuple[str, Span] | None:
    """A bound written after the counted noun ("05 xã trở lên" → ">="): its comparator and
    span, when it opens text[pos:limit] (after spaces)."""
    m = _patterns()["bound_after"].match(text, pos, limit)
    if not m:
        return None
    return _data()["bounds_after"][" ".join(m.group("b").lower().split())], (m.start("b"), m.end("b"))


def normalized(value: float) -> Number:
    """7.0 → 7: a count stays an integer in the record."""
    return int(value) if float(value).is_integer() else value


# The ways a number is written in digits, tried in order (CONTRACT.md: "1.200" → 1200, "1,5" → 1.5).
_DIGIT_FORMS = (
    (re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"), lambda t: t.replace(".", "").replace(",", ".")),  # 1.200,5
    (re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"), lambda t: t.replace(",", "")),  # 1,200,000 (English)
    (re.compile(r"\d+,\d+"), lambda t: t.replace(",", ".")),                          # 97,5 / 95,00
    (re.compile(r"\d+\.\d+"), lambda t: t),                                            # 2.5: not thousands
)


def _parse_digits(text: str) -> Number | None:
    text = text.replace(" ", "")
    if text.isdigit():
        return int(text)                                      # 07
    for form, to_float in _DIGIT_FORMS:
        if form.fullmatch(text):
            return normalized(float(to_float(text)))
    return None


def _parse_words(words: list[str]) -> Number | None:
    data = _data()
    if not words or words[0] not in data["openers"] or any(w not in data["words"] for w in words):
        return None
    return _words_value(tuple(words))


@lru_cache(maxsize=1024)
def _words_value(words: tuple[str, ...]) -> int | None:
    """vietnam-number's reading, cached: it is slow, and the same few runs recur."""
    try:
        return int(w2n(" ".join(words)))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _bound_before(text: str, floor: int, pos: int) -> tuple[str | None, int]:
    """The comparator of a bound word ending right before `pos` ("hơn 1.500"), and where it starts."""
    m = _patterns()["bound_before"].search(text, max(floor, pos - 24), pos)
    if not m:
        return None, pos
    return _data()["bounds_before"].get(" ".join(m.group("bound").lower().split())), m.start()


def _digit_figure(text: str, floor: int, m: re.Match) -> Figure | None:
    low = _parse_digits(m.group("a"))
    if low is None:
        return None
    high = _parse_digits(m.group("b")) if m.group("b") else None
    denominator = _parse_digits(m.group("den")) if m.group("den") else None
    if high is not None and high < low:   # "2018-19" or a misread: not a range
        high = None
    percent = bool(m.group("pa") or m.group("pb"))
    comparator, start = _bound_before(text, floor, m.start())
    return Figure(span=(start, m.end()), value=low, value_max=high, denominator=denominator,
                  percent=percent, comparator=comparator)


def _word_figure(text: str, floor: int, m: re.Match) -> Figure | None:
    words = m.group("n").lower().split()
    # "mười năm", "hai năm": the last "năm" is the noun year, not five (but "một trăm linh năm" is 105).
    if len(words) > 1 and words[-1] == "năm" and words[-2] not in ("linh", "lẻ", "mươi", "trăm"):
        words = words[:-1]
    value = _parse_words(words)
    if value is None:
        return None
    n_end = m.start("n") + len(" ".join(m.group("n").split()[:len(words)]))
    end = n_end
    if m.group("pa") and len(words) == len(m.group("n").split()):
        end = m.end()
    comparator, start = _bound_before(text, floor, m.start())
    return Figure(span=(start, end), value=value, percent=end != n_end, comparator=comparator, in_words=True,
                  ambiguous=len(words) == 1 and words[0] in _data()["ambiguous_alone"])


@cache
def _data() -> dict:
    data = dict(resources.load("target_numbers.yaml"))
    data["words"] = frozenset(data["words"])
    data["openers"] = frozenset(data["openers"])
    return data


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first(words))


@cache
def _patterns() -> dict[str, re.Pattern]:
    data = _data()
    bound = r"(?<!\w)(?P<bound>" + _alternation(data["bounds_before"]) + r")\s+$"
    percent = r"(?:\s*%|\s+phần\s+trăm(?!\w))"
    joiner = r"(?:\s*[-–—]\s*|\s+(?:đến|tới)\s+)"
    digits = (r"(?:(?<!\w)từ\s+)?" + _OPEN + r"(?P<a>" + _DIGITS + r")"
              + r"(?:/(?P<den>" + _DIGITS + r")" + _CLOSE + r")?" + _CLOSE
              + r"(?P<pa>" + percent + r")?"
              + r"(?:" + joiner + r"(?P<b>" + _DIGITS + r")" + _CLOSE + r"(?P<pb>" + percent + r")?)?")
    word = _alternation(data["words"])
    opener = _alternation(data["openers"])
    words = (r"(?<!\w)(?P<n>(?:" + opener + r")(?:\s+(?:" + word + r"))*)(?!\w)"
             + r"(?P<pa>" + percent + r")?")
    after = r"\s*(?P<b>" + _alternation(data["bounds_after"]) + r")(?!\w)"
    return {"digits": re.compile(digits, re.IGNORECASE), "words": re.compile(words, re.IGNORECASE),
            "bound_before": re.compile(bound, re.IGNORECASE), "bound_after": re.compile(after, re.IGNORECASE)}
