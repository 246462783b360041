"""A page's objects as pdfplumber parses them, its characters built in a quarter of the time.

pdfplumber turns each of pdfminer's layout objects into a dict (`Page.process_object`): for a
character, every attribute goes through a generic resolver of PDF references, the class name
through a regular expression, the colour space through a decoder. Over a page of text that is
most of the time of reading it, more than pdfminer's own parsing. Characters hold no PDF
references (numbers, a font name, a matrix of numbers), so here their dicts are built directly,
with the same keys and values; every other object (images, rules, curves) still goes through
pdfplumber. `tests/test_pdf_objects.py` holds the two readings equal on the project's PDFs, so a
pdfplumber that builds its characters otherwise fails there, not in the records.
"""
from __future__ import annotations

from pdfminer.layout import LTChar, LTContainer
from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode

# Values that pdfplumber's resolver gives back unchanged.
_PLAIN = frozenset({int, float, str, bool, type(None)})


def parse_objects(page) -> dict[str, list[dict]]:
    """What `page.parse_objects()` gives (the same dicts, in the same order), characters built here."""
    if page.pdf.unicode_norm is not None:   # a text normalisation pdfplumber applies: its own way
        return page.parse_objects()
    chars = _CharMaker(page)
    containers = page.pdf.laparams is not None
    objects: dict[str, list[dict]] = {}
    for obj in _leaves(page.layout._objs, containers):
        item = chars.make(obj) if type(obj) is LTChar else page.process_object(obj)
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
        attr = {k: (v if type(v) in _PLAIN or (type(v) is tuple and all(type(x) in _PLAIN for x in v))
                    else resolve_all(v))
                for k, v in obj.__dict__.items() if k in ALL_ATTRS}
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                attr[cs] = self._color_space(getattr(obj, cs).name)
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
