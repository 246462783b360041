"""The date a document's relative and year-less deadlines count from (ANNOTATION.md, deadlines).

In order: the document's own date (set by the document stage); the date line of the
form ("Gia Lai, ngày 12 tháng 3 năm 2024", or only its month and year when the day
is left blank in a draft); in a news article, the date of the directive it reports
("Ngày 02/5/2024, Ủy ban nhân dân huyện ký Công văn số 77 …"); last, the article's
own date. A span of days ("trong 30 ngày làm việc") needs a whole date; a year-less date
needs a year. Only a date of the document itself makes earlier periods past: an article
may be written after the deadlines it reports.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from pipeline.core.dates import FoundDate, find_dates
from pipeline.core.doc import Doc
from pipeline.extract.deadlines.vocabulary import FLAGS, MONTH, YEAR

# The form's date line sits near the top; a news article names its directive in the lead.
_HEAD_CHARS = 3000


@dataclass(frozen=True)
class Anchor:
    year: int
    month: int | None = None
    day: int | None = None
    source: str = "issued"   # issued, date_line, reported, article

    @property
    def date(self) -> dt.date | None:
        """The whole date, when the day is known."""
        if self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    @property
    def floor(self) -> dt.date:
        """The earliest day the anchor can be: a draft dated "ngày   tháng 3 năm 2024" is no earlier than 1/3/2024."""
        return self.date or dt.date(self.year, self.month or 1, 1)

    @property
    def dates_the_document(self) -> bool:
        """Whether it is the date of the document that sets the deadlines (so earlier periods are past),
        rather than a news article's date."""
        return self.source != "article"


@dataclass(frozen=True)
class Anchors:
    """The document's anchor, and the dates of the directives the text reports, by position."""
    document: Anchor | None
    issuing: tuple[tuple[int, Anchor], ...] = ()

    def at(self, text: str, position: int) -> Anchor | None:
        """The date of a directive reported earlier in the same paragraph, else the document's anchor.

        An article may report an old instruction before a new one: "Ngày 02/5/2024, … ký Công văn số 77 …
        trả lời trong 10 ngày làm việc" counts from 02/5/2024, whatever the article's date.
        """
        paragraph_start = text.rfind("\n", 0, position) + 1
        k = bisect_left(self.issuing, position, key=lambda item: item[0]) - 1
        if k >= 0 and self.issuing[k][0] >= paragraph_start:
            return self.issuing[k][1]
        return self.document


def anchors_of(doc: Doc, dates: list[FoundDate] | None = None) -> Anchors:
    """`dates`: find_dates(doc.text), when the caller has it already."""
    text = doc.text
    article = article_date(text)
    issued = _from_iso(doc.document.issued_date if doc.document else None)
    # "Ngày 14/5, Chủ tịch … ban hành Kế hoạch": a reported date without a year takes the article's.
    issuing = issuing_dates(text, dates, year=issued.year if issued else article.year if article else None)
    reported = [a for position, a in issuing if position < _HEAD_CHARS]
    document = issued or date_line(text) or (reported[-1] if reported else None) or article
    return Anchors(document, tuple(issuing))


def _from_iso(value: str | None) -> Anchor | None:
    if not value:
        return None
    try:
        d = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return Anchor(d.year, d.month, d.day, "issued")


@cache
def _date_line() -> re.Pattern:
    # "Gia Lai, ngày 12 tháng 3 năm 2024", "Đà Nẵng, ngày 05 tháng 6 năm 2024", "…, ngày    tháng 3 năm 2024".
    return re.compile(r"[\w.)]\s*,\s*ngày\s*(?P<d>[0-3]?\d)?[\s.…_]*tháng\s*(?P<m>" + MONTH
                      + r")\s*năm\s*(?P<y>" + YEAR + ")", FLAGS)


def date_line(text: str) -> Anchor | None:
    m = _date_line().search(text, 0, min(len(text), _HEAD_CHARS))
    if not m or not 1 <= int(m.group("m")) <= 12:
        return None
    day = int(m.group("d")) if m.group("d") and 1 <= int(m.group("d")) <= 31 else None
    return Anchor(int(m.group("y")), int(m.group("m")), day, "date_line")


@cache
def _reporting() -> tuple[re.Pattern, re.Pattern]:
    # "Ngày 10/01/2024, Chủ tịch … ban hành Chỉ thị …";
    # "… vừa ban hành Công điện số 05/CĐ-UBND ngày 02/8/2024".
    issuing = r"(?:ký\s+)?ban\s+hành|ký|có\s+(?:văn\s+bản|công\s+văn|quyết\s+định)"
    leading = re.compile(r"^[\s(\-–•]*(?:vào\s+)?ngày\s*$|^\s*$", FLAGS)
    following = re.compile(r"[^.\n;]{0,160}?(?<!\w)(?:" + issuing + r")(?!\w)", FLAGS)  # used with match()
    return leading, following


@cache
def _issued_with_number() -> re.Pattern:
    # "(Theo Công văn số 1520/UBND-VX, ngày 04/6/2024)" closing a news item; "theo" alone cites another document.
    return re.compile(r"(?:ban\s+hành|\(\s*theo)\s+[^.\n;]{0,40}?số\s*:?\s*\S+\s*,?\s*$", FLAGS)


def issuing_dates(text: str, dates: list[FoundDate] | None = None,
                  year: int | None = None) -> list[tuple[int, Anchor]]:
    """Each date that dates a directive being issued, with where it stands."""
    leading, following = _reporting()
    found_dates = []
    for found in find_dates(text) if dates is None else dates:
        sentence_start = max(text.rfind("\n", 0, found.span[0]), text.rfind(". ", 0, found.span[0]) + 1, 0)
        before = text[sentence_start:found.span[0]]
        opens_sentence = leading.match(before) and following.match(text, found.span[1])
        after_number = _issued_with_number().search(text, max(0, found.span[0] - 80), found.span[0])
        anchor = _anchor_of(found, year, "reported") if opens_sentence or after_number else None
        if anchor:
            found_dates.append((found.span[0], anchor))
    return found_dates


def _anchor_of(found: FoundDate, year: int | None, source: str) -> Anchor | None:
    if not (found.year or year):
        return None
    return Anchor(found.year or year, found.month, found.day, source)


@cache
def _article_line() -> re.Pattern:
    # A news page's own date: a line that is only a date (and a time), or "(15/05/2024)" after a title.
    return re.compile(r"(?m)(?:^[\s|]*|\()(?P<date>[0-3]?\d/[01]?\d/" + YEAR + r")(?:\s+\d{1,2}:\d\d)?[\s|]*(?:\)|$)")


def article_date(text: str) -> Anchor | None:
    m = _article_line().search(text, 0, min(len(text), _HEAD_CHARS))
    if not m:
        return None
    found = find_dates(text, m.start("date"), m.end("date"))
    return _anchor_of(found[0], None, "article") if found else None
