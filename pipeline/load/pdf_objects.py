"""A page's objects as pdfplumber parses them, its characters built in a quarter of the time.

pdfplumber turns each of pdfminer's layout objects into a dict (`Page.process_object`): for a
character, every attribute goes through a generic resolver of PDF references, the class name
through a regular expression, the colour space through a decoder. Over a page of text that is
most of the time of reading it, more than pdfminer's own parsing. Characters hold no PDF
references (numbers, a font name, a matrix of numbers), so here their dicts are built directly,
with the same keys and values; every other object (images, rules, curves) still goes through
pdfplumber.

A character's dict is its attributes copied whole, those pdfplumber leaves out then dropped (a
C-level copy: half the time of picking the wanted ones one by one). Only attributes that come
from the document as they are (the font name, the marked-content id and tag) are checked for
PDF references: pdfminer computes the others (the matrix, the box, the advance, the size) by
arithmetic on numbers, and a content stream, where its operands come from, cannot hold a
reference (pdfminer's content parser makes none). `tests/test_pdf_objects.py` holds the two readings equal on the project's PDFs, so a
pdfplumber that builds its characters otherwise fails there, not in the records.
"""
from __future__ import annotations

from pdfminer.layout import LTChar, LTContainer
from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode

# Values that pdfplumber's resolver gives back unchanged.
_PLAIN = frozenset({int, float, str, bool, type(None)})
# A character's attributes that pdfminer computes from numbers (LTChar.__init__, the text matrix
# times the current transformation): numbers, or a tuple of them, never a PDF object.
_COMPUTED = frozenset({"matrix", "adv", "upright", "x0", "y0", "x1", "y1", "width", "height", "size"})
# A character's attribute names, in their order → (those pdfplumber leaves out, those to check).
_shapes: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def parse_objects(page) -> dict[str, list[dict]]:
    """What `page.parse_objects()` gives (the same dicts, in the same order), characters built here."""
    if page.pdf.unicode_norm is not None:   # a text normalisation pdfplumber applies: its own way
        return page.parse_objects()
    make = _CharMaker(page).make
    containers = page.pdf.laparams is not None
    objects: dict[str, list[dict]] = {}
    chars: list[dict] | None = None
    for obj in _leaves(page.layout._objs, containers):
        if type(obj) is LTChar:
            if chars is None:   # the kinds in the order they first appear, as pdfplumber has them
                chars = objects.setdefault("char", [])
            chars.append(make(obj))
            continue
        item = page.process_object(obj)
        kind = item["object_type"]
        if kind == "anno":
            continue
        objects.setdefault(kind, []).append(item)
    return objects


def _leaves(layout_objects, containers: bool):
    """pdfplumber's walk (Page.iter_layout_objects): a container itself only with layout analysis on,
    then its children."""
    for obj in layout_objects:
        if isinstance(obj, LTContainer):
            if containers:
                yield obj
            yield from _leaves(obj._objs, containers)
        else:
            yield obj


class _CharMaker:
    """Page.process_object for an LTChar, the page's constants read once."""

    def __init__(self, page) -> None:
        self.page_number = page.page_number
        self.height = page.height
        self.initial_doctop = page.initial_doctop
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.color_spaces: dict = {}

    def make(self, obj: LTChar) -> dict:
        own = obj.__dict__
        names = tuple(own)
        shape = _shapes.get(names)
        if shape is None:
            shape = _shapes[names] = _shape(names)
        left_out, checked = shape
        attr = own.copy()
        for name in left_out:
            del attr[name]
        for name in checked:
            if type(attr[name]) not in _PLAIN:
                attr[name] = resolve_all(attr[name])
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        if "ncs" in own:
            attr["ncs"] = self._color_space(own["ncs"].name)
        if "scs" in own:
            attr["scs"] = self._color_space(own["scs"].name)
        attr["text"] = obj.get_text()
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + self.mb_top
            attr["bottom"] = (self.height - attr["y0"]) + self.mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and self.mb_x0 != 0:
            attr["x0"] = attr["x0"] + self.mb_x0
            attr["x1"] = attr["x1"] + self.mb_x0
        return attr

    def _color_space(self, name):
        """The colour space's decoded name; a page names a few, each thousands of times."""
        if type(name) not in (str, bytes):
            return resolve_and_decode(name)
        if name not in self.color_spaces:
            self.color_spaces[name] = resolve_and_decode(name)
        return self.color_spaces[name]


def _shape(names: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Of a character's attribute names: those pdfplumber leaves out, and those kept whose values
    come from the document as they are (any but _COMPUTED), which may hold a PDF reference."""
    return (tuple(n for n in names if n not in ALL_ATTRS),
            tuple(n for n in names if n in ALL_ATTRS and n not in _COMPUTED))
