"""Provincial portal pages: keep the article, drop the page around it.

The article is the content block with the most running text once navigation,
sidebars, related-news boxes and footers are removed; the page's own debris
lines that survive (counters, "Mặc định Cỡ chữ") are dropped by normalize.
"""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

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
    soup = BeautifulSoup(markup, "lxml")
    # The page's elements walked once each, in a plain loop: find_all with a list of names or a test
    # goes through bs4's matching machinery for every element (a third of a page's reading time).
    for tag in [t for t in soup.descendants if isinstance(t, Tag) and t.name in _DROP]:
        tag.decompose()
    for tag in [t for t in soup.descendants if isinstance(t, Tag) and _is_furniture(t)]:
        tag.decompose()
    root = _article(soup)
    writer = _Writer()
    title = soup.find("h1")
    if (title is not None and root is not None and title not in root.descendants
            and not is_placeholder_title(title.get_text(" ", strip=True), _site_names(soup))):
        writer.block(title)
    if root is not None:
        writer.block(root)
    text = writer.text()
    if not text.strip():
        return Loaded(text="", format="html", warnings=["no article text in the page"], unreadable=True)
    return legacy_fonts.repaired(Loaded(text=text, format="html", tables=writer.tables))


def _site_names(soup: BeautifulSoup) -> tuple[str, ...]:
    """The site's name as the page states it: og:site_name, and the parts of <title> around its
    separators ("Tin bài - Sở Nội vụ tỉnh …"), each of which may be the site's."""
    names = []
    meta = soup.find("meta", attrs={"property": "og:site_name"})
    if meta is not None and meta.get("content"):
        names.append(meta["content"].strip())
    if soup.title is not None and soup.title.string:
        parts = [p.strip() for p in re.split(r"\s[|\-–—]\s", soup.title.string) if p.strip()]
        if len(parts) > 1:
            names.extend(parts[1:])
    return tuple(names)


def _is_furniture(tag: Tag) -> bool:
    if not isinstance(tag, Tag) or tag.name in ("html", "body") or tag.attrs is None:
        return False
    names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
    return bool(names.strip()) and bool(_FURNITURE.search(names)) and not _CANDIDATES.search(names)


def _article(soup: BeautifulSoup) -> Tag | None:
    for found in soup.find_all("article"):
        if len(found.get_text(" ", strip=True)) > 200:
            return found
    best, best_score = soup.body or soup, 0.0
    for tag in soup.find_all(["div", "section", "main", "td"]):
        names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if not _CANDIDATES.search(names):
            continue
        text_length = len(tag.get_text(" ", strip=True))
        links = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
        score = text_length - 2 * links  # link-heavy blocks are menus and news lists
        if score > best_score:
            best, best_score = tag, score
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

    def block(self, node) -> None:
        if isinstance(node, NavigableString):
            piece = re.sub(r"\s+", " ", str(node))
            if piece.strip():
                if not self.parts or self.parts[-1].endswith("\n"):
                    piece = piece.lstrip()
                self.emit(piece)
            return
        if not isinstance(node, Tag):
            return
        if node.name == "table":
            self.table(node)
            return
        if node.name in _BLOCKS:
            self.newline()
        for child in node.children:
            self.block(child)
        if node.name in _BLOCKS:
            self.newline()

    def table(self, node: Tag) -> None:
        self.newline()
        rows = []
        for tr in node.find_all("tr"):
            if tr.find_parent("table") is not node:
                continue
            row = []
            for cell in tr.find_all(["td", "th"], recursive=False):
                start = self.length
                self.block(cell)
                self.newline()
                row.append((start, self.length - 1 if self.length > start else start))
            rows.append(row)
        self.tables.append(Table(rows=rows))

    def text(self) -> str:
        return "".join(self.parts)
