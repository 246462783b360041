"""The signature block: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (chữ ký) / Nguyễn Văn A" → name and title."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from pipeline import resources
from pipeline.core.letters import LOWER, UPPER
from pipeline.core.doc import Doc
from pipeline.core.records import Signer

_TAIL_LINES = 30  # the block sits in the last lines of the text, beside or under "Nơi nhận"


@cache
def _vocabulary() -> tuple[re.Pattern, dict[str, str], re.Pattern]:
    data = resources.load("document_form.yaml")
    # Titles are matched without their marks: a scan reads "GIÁM ĐÓC" for "GIÁM ĐỐC".
    titles = {_bare(t): t for t in _titles()}
    title = re.compile(r"^\s*(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?(?P<title>" + "|".join(
        sorted((re.escape(t) for t in titles), key=len, reverse=True)) + r")\b")
    surnames = "|".join(re.escape(s) for s in sorted(resources.load("surnames.yaml")["surnames"], key=len, reverse=True))
    ranks = "|".join(re.escape(r) for r in sorted(data["ranks"], key=len, reverse=True))
    # A name: a family name, then one to four more capitalized syllables, and nothing else;
    # a police or army rank may stand before it.
    name = re.compile(r"^\s*(?:(?:" + ranks + r")\s+)?(?P<name>(?:" + surnames + r")(?:\s+[" + UPPER + r"]["
                      + LOWER + r"']*){1,4})\s*\.?$")
    return title, titles, name


@cache
def _written_titles() -> re.Pattern:
    # Titles with their marks: "THỨ TRƯỞNG" and "THỦ TRƯỞNG" are one title without them.
    titles = sorted(_titles(), key=len, reverse=True)
    return re.compile(r"^\s*(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?(?P<title>" + "|".join(re.escape(t.upper()) for t in titles)
                      + r")(?!\w)")


@cache
def _glued_title() -> re.Pattern:
    # A title in capitals, then the name in title case on the same line ("CHÁNH VĂN PHÒNGLê Văn A").
    titles = sorted(_titles(), key=len, reverse=True)
    return re.compile(r"^\s*(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?(?P<title>" + "|".join(re.escape(t.upper()) for t in titles)
                      + r")\s*(?=[" + UPPER + r"][" + LOWER + r"])")


def _titles() -> list[str]:
    return resources.load("bodies_roles.yaml")["signer_titles"]  # the one file of titles


def _as_written(text: str) -> str | None:
    """The title as the line writes it, marks and all, when it is one of the known titles."""
    m = _written_titles().match(text.upper())
    if not m:
        return None
    upper = " ".join(m.group("title").split())
    return next(t for t in _titles() if t.upper() == upper)


def _bare(text: str) -> str:
    """Upper case without diacritics (Đ kept apart from D): the key titles are compared by."""
    text = unicodedata.normalize("NFD", text.upper().replace("Đ", "\0"))
    return "".join(c for c in text if not unicodedata.combining(c)).replace("\0", "Đ")


def read_signature(doc: Doc) -> Signer | None:
    title_re, titles, name_re = _vocabulary()
    # The closing block; without one, the last line. An annex after the signature is not read.
    start, end = doc.layout.closing or (len(doc.text), len(doc.text))
    closing = [line for line in doc.lines if line.span[0] < end]
    tail = [line for line in closing[-_TAIL_LINES:] if line.span[0] >= min(start, closing[-1].span[0])] \
        if closing else []
    if not tail:
        return None
    title = None
    for line in tail:
        text = line.text.strip()
        if text.startswith(("-", "+", "•")) or text.lower().startswith("nơi nhận"):
            continue
        m = title_re.match(_bare(text))
        glued = _glued_title().match(text)
        rest = text[glued.end():].strip() if glued else ""
        if glued and name_re.match(rest):
            # The title and the name run together on one line ("CHÁNH VĂN PHÒNGLê Văn A").
            return Signer(name=name_re.match(rest).group("name"), title=_as_written(glued.group("title")))
        if m and len(text) < 40:
            # "KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH": the last title before the name is the signer's.
            title = _as_written(text) or titles.get(" ".join(m.group("title").split()), m.group("title"))
            continue
        n = name_re.match(_title_case(text))
        if n and title is not None:
            return Signer(name=n.group("name"), title=title)
    return None


def _title_case(text: str) -> str:
    # Names are often typed in capitals under the signature ("NGUYỄN VĂN A").
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return " ".join(w.capitalize() for w in text.split())
    return text
