"""What a file may grow into once opened: checked before a reader builds anything from it.

The size limit (`--max-mb`) is on the bytes a reader works on, not only on the file: a .docx
is a ZIP archive whose parts inflate (a 3 MB bomb held a 1 GB document.xml), and a page of
HTML becomes a tree of objects about a kilobyte each (10 MB of `<i></i>` is 1.3 million of
them). Decoding text never inflates: no encoding gives more characters than bytes, so the
file's own size bounds a .txt.
"""
from __future__ import annotations

import codecs
import zipfile

from pipeline.core.errors import ReadError, TooLarge

# Word writes its XML parts with no document type declaration; one carrying a DTD (and its
# <!ENTITY> definitions, the way to a "billion laughs" expansion) did not come from Word.
_XML_SUFFIXES = (".xml", ".rels")
# The DTD, if any, comes before the root element: it is looked for in the part's first bytes,
# and a part whose root element does not start in them is refused as well.
_PROLOG_BYTES = 64 * 1024

# Real portal pages average well over 100 bytes of markup per element; one element per 64
# bytes of the size limit (10 MB: 160,000 elements, about 160 MB of parse tree) leaves room
# for any real page and keeps a page of bare tags from building a tree of gigabytes.
BYTES_PER_ELEMENT = 64


def check_package(archive: zipfile.ZipFile, max_bytes: int) -> None:
    """Refuse a .docx whose parts inflate past the size limit, or that declares XML entities."""
    parts = archive.infolist()
    inflated = sum(info.file_size for info in parts)  # zipfile never inflates past a part's stated size
    if inflated > max_bytes:
        largest = max(parts, key=lambda info: info.file_size)
        raise TooLarge(f"the Word file inflates to {inflated:,} bytes ({largest.filename}: "
                       f"{largest.file_size:,}), over the size limit of {max_bytes:,} bytes (--max-mb): "
                       f"a decompression bomb or an oversized document, not read")
    for info in parts:
        if info.filename.lower().endswith(_XML_SUFFIXES):
            with archive.open(info) as handle:
                _check_prolog(info.filename, handle.read(_PROLOG_BYTES))


def _check_prolog(name: str, head: bytes) -> None:
    """Walk the prolog (declaration, comments, processing instructions) to the root element:
    anything else starting with "<!" there is a document type declaration."""
    text, i = _decoded(head), 0
    while (i := text.find("<", i)) >= 0:
        if text.startswith("<!--", i):
            i = text.find("-->", i + 4)
        elif text.startswith("<?", i):
            i = text.find("?>", i + 2)
        elif text.startswith("<!", i):
            raise ReadError(f"the Word file's part {name} declares a DTD (where XML entities are defined), "
                            f"which Word never writes: an entity-expansion attack? Refused, not read")
        else:
            return  # the root element
        if i < 0:
            break
    # No root element in the first bytes: a malformed part (python-docx says what is wrong with
    # it), or a prolog padded past them to hide a DTD.
    if len(head) == _PROLOG_BYTES:
        raise ReadError(f"the Word file's part {name} has no XML element in its first "
                        f"{_PROLOG_BYTES:,} bytes: refused, not read")


def _decoded(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\0" in head[:2]:
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace")


def check_markup(markup: str, max_bytes: int) -> None:
    """Refuse a page with more elements than the size limit allows trees for."""
    elements = markup.count("<") - markup.count("</")  # start tags (and comments): an upper bound
    allowed = max_bytes // BYTES_PER_ELEMENT
    if elements > allowed:
        raise TooLarge(f"the page has about {elements:,} HTML elements, over the limit of {allowed:,} "
                       f"for the size limit of {max_bytes:,} bytes (--max-mb; one element per "
                       f"{BYTES_PER_ELEMENT} bytes): its parse tree would not fit, not read")
