"""A page's objects as pdfplumber parses them, its characters made straight into their dicts.

pdfplumber reads a page through pdfminer: pdfminer's device makes an `LTChar` for each character
(its box through a matrix, a handful of objects), and pdfplumber then turns each into a dict
(`Page.process_object`), every attribute through a generic resolver of PDF references, the class
name through a regular expression, the colour space through a decoder. Over a page of text that
was most of the time of reading it, more than pdfminer's parsing of the content stream.

Here pdfplumber's own device is used with one hook changed: a character is made into the dict
pdfplumber would make of its `LTChar` (same keys, same order, same arithmetic, so the same
floats) as the interpreter draws it, and no `LTChar` is made at all. Lines, rules, images and
curves still go through pdfplumber. A character holds no PDF reference but perhaps in what comes
from the document as it is (the font name, the marked-content id and tag): only those are resolved.

Where pdfplumber would build characters another way (layout analysis on, a Unicode normalisation,
a pdfminer whose device draws characters with other arguments) the page is parsed by pdfplumber
itself. `tests/test_pdf_objects.py` holds the two readings equal, character by character, on drawn
pages (vertical fonts, marked content, undefined glyphs, a font named in bytes) and on the
project's PDFs, so a pdfplumber or pdfminer that builds its characters otherwise fails there.
"""
from __future__ import annotations

import inspect

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTContainer
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfplumber.page import PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode
from pdfplumber.utils.exceptions import PdfminerException

# Values that pdfplumber's resolver gives back unchanged.
_PLAIN = frozenset({int, float, str, bool, type(None)})
# The device hook this module replaces, as pdfminer calls it.
_DRAWS_CHARS_AS_EXPECTED = list(inspect.signature(PDFLayoutAnalyzer.render_char).parameters) == [
    "self", "matrix", "font", "fontsize", "scaling", "rise", "cid", "ncs", "graphicstate"]


def parse_objects(page) -> dict[str, list[dict]]:
    """What `page.parse_objects()` gives (the same dicts, in the same order), characters made here."""
    pdf = page.pdf
    if pdf.unicode_norm is not None or pdf.laparams is not None or not _DRAWS_CHARS_AS_EXPECTED:
        return page.parse_objects()
    device = _CharDevice(page)
    try:
        PDFPageInterpreter(pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as exc:   # as Page.layout wraps it
        raise PdfminerException(exc) from exc
    objects: dict[str, list[dict]] = {}
    chars: list[dict] | None = None
    for obj in _leaves(device.get_result()._objs):
        if type(obj) is dict:
            if chars is None:   # the kinds in the order they first appear, as pdfplumber has them
                chars = objects.setdefault("char", [])
            chars.append(obj)
            continue
        item = page.process_object(obj)
        kind = item["object_type"]
        if kind == "anno":
            continue
        objects.setdefault(kind, []).append(item)
    return objects


def _leaves(layout_objects):
    """pdfplumber's walk (Page.iter_layout_objects) with layout analysis off: a container's children."""
    for obj in layout_objects:
        if isinstance(obj, LTContainer):
            yield from _leaves(obj._objs)
        else:
            yield obj


def _resolved(value):
    return value if type(value) in _PLAIN else resolve_all(value)


class _CharDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device, each character drawn as pdfplumber's dict of it, the page's constants
    read once."""

    def __init__(self, page) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
        self.page_number = page.page_number
        self.page_height = page.height
        self.initial_doctop = page.initial_doctop
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.color_spaces: dict = {}

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        # pdfminer's PDFLayoutAnalyzer.render_char and LTChar.__init__, then pdfplumber's
        # tag_cur_item and process_object, step for step.
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        adv = font.char_width(cid) * fontsize * scaling
        vertical = font.is_vertical()
        if vertical:
            vx, vy = font.char_disp(cid)
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bx0, by0, bx1, by1 = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            bx0, by0, bx1, by1 = (0, descent + rise, adv, descent + rise + fontsize)
        a, b, c, d, e, f = matrix
        # pdfminer's apply_matrix_rect: the four corners, then their extremes.
        left1, bottom1 = a * bx0 + c * by0 + e, b * bx0 + d * by0 + f
        right1, bottom2 = a * bx1 + c * by0 + e, b * bx1 + d * by0 + f
        right2, top1 = a * bx1 + c * by1 + e, b * bx1 + d * by1 + f
        left2, top2 = a * bx0 + c * by1 + e, b * bx0 + d * by1 + f
        # (LTChar then swaps an inverted box: the extremes never are one.)
        x0, y0 = min(left1, left2, right1, right2), min(bottom1, bottom2, top1, top2)
        x1, y1 = max(left1, left2, right1, right2), max(bottom1, bottom2, top1, top2)
        fontname = _resolved(font.fontname)
        if isinstance(fontname, bytes):
            fontname = fix_fontname_bytes(fontname)
        width, height = x1 - x0, y1 - y0
        top = (self.page_height - y1) + self.mb_top
        if self.mb_x0 != 0:   # pdfplumber's shift to the media box, after the size is taken
            x0, x1 = x0 + self.mb_x0, x1 + self.mb_x0
        scolor, ncolor = graphicstate.scolor, graphicstate.ncolor
        self.cur_item._objs.append({
            "matrix": matrix, "fontname": fontname, "adv": adv,
            "upright": a * d * scaling > 0 and b * c <= 0,
            "x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": width, "height": height,
            "size": width if vertical else height,
            "mcid": _resolved(self.cur_mcid), "tag": _resolved(self.cur_tag),
            "object_type": "char", "page_number": self.page_number,
            "ncs": self._color_space(ncs.name), "text": text,
            "stroking_color": scolor if isinstance(scolor, tuple) else (scolor,),
            "non_stroking_color": ncolor if isinstance(ncolor, tuple) else (ncolor,),
            "top": top, "bottom": (self.page_height - y0) + self.mb_top,
            "doctop": self.initial_doctop + top,
        })
        return adv

    def tag_cur_item(self) -> None:
        """pdfplumber tags whatever was drawn last, a character too when a path or an image drew
        nothing: that character's dict is tagged then, as its LTChar would have been."""
        objs = self.cur_item._objs
        if objs and type(objs[-1]) is dict:
            objs[-1]["mcid"], objs[-1]["tag"] = _resolved(self.cur_mcid), _resolved(self.cur_tag)
        else:
            super().tag_cur_item()

    def _color_space(self, name):
        """The colour space's decoded name; a page names a few, each thousands of times."""
        if type(name) not in (str, bytes):
            return resolve_and_decode(name)
        if name not in self.color_spaces:
            self.color_spaces[name] = resolve_and_decode(name)
        return self.color_spaces[name]
