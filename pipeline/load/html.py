"""Provincial portal pages: keep the article, drop the page around it.

The article is the content block with the most running text once navigation,
sidebars, related-news boxes and footers are removed; the page's own debris
lines that survive (counters, "Mặc định Cỡ chữ") are dropped by normalize.

The page is parsed by lxml (libxml2's HTML parser, in C) and walked as lxml's tree: an
element's own text, then each child and the text after it (its tail). A comment is no text.
"""
from __future__ import annotations

import re
from pathlib import Path

import lxml.etree
import lxml.html

from pipeline.load import legacy_fonts
from pipeline.core.doc import Loaded, Table
from pipeline.core.errors import ReadError
from pipeline.load import DEFAULT_MAX_BYTES, limits
from pipeline.load.text import decode
from pipeline.core.page_titles import is_placeholder_title

_DROP = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
                   "svg", "button", "select", "input", "template", "menu"})
# Class or id words of page furniture on Vietnamese portals (Liferay, DNN, WordPress themes).
_FURNITURE = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|sidebar|side-bar|footer|breadcrumbs?|related|relate|tinlienquan|other-news|"
    r"othernews|comment|share|social|banner|advert|ads|counter|thongke|visitor|video|weather|search|"
    r"login|toolbar|font-?size|print|tags?|rating)([-_ ]|$)", re.IGNORECASE)
_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
           "h6", "br", "tr", "table", "blockquote", "pre", "dd", "dt", "dl", "center", "hr"}
_CANDIDATES = re.compile(r"(article|content|detail|news|post|entry|body|chitiet|noidung|main)", re.I)


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    raw = path.read_bytes()
    if not raw.strip():
        return Loaded(text="", format="html", warnings=["empty file: no text to read"], unreadable=True)
    markup, _ = decode(raw)
    return read_string(markup, max_bytes)


def read_string(markup: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """A page already decoded: a file's, or one a caller holds in memory (`pipeline.extract_text`)."""
    limits.check_markup(markup, max_bytes)
    try:
        return _read(markup)
    except RecursionError:  # the tree is walked recursively: no real page nests a thousand levels
        raise ReadError("the page's elements nest too deeply to walk (about a thousand levels or more): "
                        "a broken or hostile page, not read") from None


def _read(markup: str) -> Loaded:
    page = _parsed(markup)
    if page is None:
        return Loaded(text="", format="html", warnings=["no article text in the page"], unreadable=True)
    # Dropped with what they hold; the text after each stays where it was (drop_tree keeps the tail).
    for element in [e for e in page.iter(*_DROP)]:
        element.drop_tree()
    for element in [e for e in page.iter() if _is_furniture(e)]:
        element.drop_tree()
    root = _article(page)
    writer = _Writer()
    title = next(page.iter("h1"), None)
    if (title is not None and root is not None and not _inside(title, root)
            and not is_placeholder_title(_text(title), _site_names(page))):
        writer.block(title)
    if root is not None:
        writer.block(root)
    text = writer.text()
    if not text.strip():
        return Loaded(text="", format="html", warnings=["no article text in the page"], unreadable=True)
    return legacy_fonts.repaired(Loaded(text=text, format="html", tables=writer.tables))


def _parsed(markup: str):
    """The page's <html> element; None for a page with no element at all. Given as UTF-8 bytes with
    the encoding said: the text is decoded already, and an encoding a page declares is not its own
    any more (lxml refuses a Unicode string that declares one)."""
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        page = lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.ParserError, ValueError):   # "Document is empty": nothing but blanks or comments
        return None
    if any("excessive depth" in error.message.lower() for error in parser.error_log):
        raise RecursionError   # libxml2 stops at 256 levels: no real page nests that deep
    return page


def _is_element(node) -> bool:
    return isinstance(node.tag, str)   # a comment's or a processing instruction's tag is a function


def _text(node) -> str:
    """The element's strings, each stripped, the empty ones left out, joined by a space."""
    return " ".join(piece for piece in (s.strip() for s in node.itertext()) if piece)


def _inside(node, root) -> bool:
    return node is root or any(ancestor is root for ancestor in node.iterancestors())


def _site_names(page) -> tuple[str, ...]:
    """The site's name as the page states it: og:site_name, and the parts of <title> around its
    separators ("Tin bài - Sở Nội vụ tỉnh …"), each of which may be the site's."""
    names = []
    meta = next((m for m in page.iter("meta") if m.get("property") == "og:site_name"), None)
    if meta is not None and meta.get("content"):
        names.append(meta.get("content").strip())
    title = next(page.iter("title"), None)
    if title is not None and len(title) == 0 and title.text:   # one string and nothing else in it
        parts = [p.strip() for p in re.split(r"\s[|\-–—]\s", title.text) if p.strip()]
        if len(parts) > 1:
            names.extend(parts[1:])
    return tuple(names)


def _is_furniture(element) -> bool:
    if not _is_element(element) or element.tag in ("html", "body"):
        return False
    names = " ".join((element.get("class") or "").split()) + " " + (element.get("id") or "")
    return bool(names.strip()) and bool(_FURNITURE.search(names)) and not _CANDIDATES.search(names)


def _article(page):
    for found in page.iter("article"):
        if len(_text(found)) > 200:
            return found
    body = next(page.iter("body"), None)
    best, best_score = (body if body is not None else page), 0.0
    for element in page.iter("div", "section", "main", "td"):
        names = " ".join((element.get("class") or "").split()) + " " + (element.get("id") or "")
        if not _CANDIDATES.search(names):
            continue
        text_length = len(_text(element))
        links = sum(len(_text(a)) for a in element.iter("a"))
        score = text_length - 2 * links  # link-heavy blocks are menus and news lists
        if score > best_score:
            best, best_score = element, score
    return best


class _Writer:
    """Flattens the article's tree into lines, remembering table cells as spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.tables: list[Table] = []

    def emit(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.emit("\n")

    def string(self, s: str | None) -> None:
        if not s:
            return
        piece = re.sub(r"\s+", " ", s)
        if piece.strip():
            if not self.parts or self.parts[-1].endswith("\n"):
                piece = piece.lstrip()
            self.emit(piece)

    def block(self, node) -> None:
        if not _is_element(node):   # a comment: no text of the page's
            return
        if node.tag == "table":
            self.table(node)
            return
        if node.tag in _BLOCKS:
            self.newline()
        self.string(node.text)
        for child in node:
            self.block(child)
            self.string(child.tail)
        if node.tag in _BLOCKS:
            self.newline()

    def table(self, node) -> None:
        self.newline()
        rows = []
        for tr in node.iter("tr"):
            if next(tr.iterancestors("table"), None) is not node:
                continue
            row = []
            for cell in tr:
                if cell.tag not in ("td", "th"):
                    continue
                start = self.length
                self.block(cell)
                self.newline()
                row.append((start, self.length - 1 if self.length > start else start))
            rows.append(row)
        self.tables.append(Table(rows=rows))

    def text(self) -> str:
        return "".join(self.parts)
