"""Word's own list numbering for the .docx writer (`% numbering: word`).

Provincial documents are often numbered by Word itself: "I.", "1.", "a)" and "- " are not in
the text but drawn from numbering.xml, for paragraphs that name a list (numId) and a level
(ilvl). A sample written that way makes the reader render the labels, as it must for real
documents. Body paragraphs that start with a typed label get a level from the label's kind
(roman, decimal, letter, dash), lose the label from their text and point at one multi-level
list. Word counts as the reader should: one counter per level, and a level starts again after
a paragraph of a shallower level. A typed label Word would not draw the same way (numbering
that runs on, or starts at 2) stays typed: the text read back must be the source's text.
"""
from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .markup import Line

LEVELS = [  # ilvl: the typed label it takes, numFmt, lvlText
    (re.compile(r"[IVXLCDM]+\."), "upperRoman", "%1."),
    (re.compile(r"[0-9]+\."), "decimal", "%2."),
    (re.compile(r"[a-z]+\)"), "lowerLetter", "%3)"),
    (re.compile(r"-"), "bullet", "-"),
]
TYPED_LABEL = re.compile(r"(\S+) (?=\S)")  # one space after the label: Word's suffix below is one space
NSID = "5A3B0C08"  # a fixed list id: runs stay reproducible
FIRST_LINE = "567"  # twips: the 1 cm first-line indent of a body paragraph


class WordLists:
    """The document's list, and the counters Word keeps while it draws the labels."""

    def __init__(self, document) -> None:
        numbering = document.part.numbering_part.element
        ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.iterchildren(qn("w:abstractNum"))]
        abstract = list_definition(max(ids, default=-1) + 1)
        nums = list(numbering.iterchildren(qn("w:num")))
        # the schema puts every w:abstractNum before the first w:num
        nums[0].addprevious(abstract) if nums else numbering.insert(0, abstract)
        self.num_id = numbering.add_num(int(abstract.get(qn("w:abstractNumId")))).numId
        self.counters: dict[int, int] = {}

    def number(self, paragraph, line: Line) -> Line:
        """Number the paragraph from its typed label, if Word draws that label there; the line
        left to write (without the label when Word draws it)."""
        found = TYPED_LABEL.match(line.text)
        ilvl = level_of(found.group(1)) if found else None
        if ilvl is None or self.label(ilvl) != found.group(1):
            return line
        self.counters[ilvl] = self.counters.get(ilvl, 0) + 1
        for deeper in [k for k in self.counters if k > ilvl]:
            del self.counters[deeper]
        properties = paragraph._p.get_or_add_pPr()
        num_pr = properties.get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = self.num_id
        # Word draws the label in the paragraph mark's font: a bold heading keeps a bold number.
        mark = OxmlElement("w:rPr")
        for flag, name in (("b", "w:b"), ("i", "w:i")):
            if flag in line.flags:
                mark.append(OxmlElement(name))
        if len(mark):
            properties.append(mark)  # python-docx inserts later properties (w:jc, w:ind) before it
        return Line(line.text[found.end():], line.flags)

    def label(self, ilvl: int) -> str:
        """The label Word would draw for the next paragraph at this level."""
        value = self.counters.get(ilvl, 0) + 1
        fmt, text = LEVELS[ilvl][1:]
        shown = {"upperRoman": roman, "decimal": str, "lowerLetter": letters}.get(fmt)
        return text.replace(f"%{ilvl + 1}", shown(value)) if shown else text


def level_of(label: str) -> int | None:
    for ilvl, (typed, _, _) in enumerate(LEVELS):
        if typed.fullmatch(label):
            return ilvl
    return None


def list_definition(abstract_id: int):
    """A w:abstractNum: I. / 1. / a) / - by level, the label followed by a space."""
    abstract = element("w:abstractNum", abstractNumId=str(abstract_id))
    abstract.append(element("w:nsid", val=NSID))
    abstract.append(element("w:multiLevelType", val="multilevel"))
    for ilvl, (_, fmt, text) in enumerate(LEVELS):
        lvl = element("w:lvl", ilvl=str(ilvl))
        for name, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:suff", "space"),
                            ("w:lvlText", text), ("w:lvlJc", "left")):
            lvl.append(element(name, val=value))
        properties = OxmlElement("w:pPr")
        properties.append(element("w:ind", left="0", firstLine=FIRST_LINE))
        lvl.append(properties)
        abstract.append(lvl)
    return abstract


def element(tag: str, **attributes: str):
    made = OxmlElement(tag)
    for name, value in attributes.items():
        made.set(qn(f"w:{name}"), value)
    return made


def roman(value: int) -> str:
    out = []
    for size, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, size)
        out.append(numeral * count)
    return "".join(out)


def letters(value: int) -> str:
    # Word goes a … z, then aa … zz: the letter repeated, not base 26.
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
