"""Writing the viewer's pages: the shared page shell, escaping, and atomic streamed files.

Every string that comes from a record passes through `text()` or `attr()`:
document text is untrusted and must show as text, never as markup.
"""
from __future__ import annotations

import hashlib
import html
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

from pipeline.batch.write import atomic_write_bytes

SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,150}")


def text(value: object) -> str:
    """Element content: &, < and > escaped."""
    return html.escape("" if value is None else str(value), quote=False)


def attr(value: object) -> str:
    """An attribute value, for use inside double quotes."""
    return html.escape("" if value is None else str(value), quote=True)


def fold(value: str | None) -> str:
    """Lower case without tone marks, as viewer.js folds a query: "Ủy ban" and "uy ban" both find it."""
    value = unicodedata.normalize("NFD", (value or "").lower().replace("đ", "d"))
    return "".join(c for c in value if not unicodedata.combining(c))


def page_name(doc_id: str) -> str:
    """The file of a document's page; ids are already safe (CONTRACT.md), anything else is made so."""
    if SAFE_ID.fullmatch(doc_id):
        return f"{doc_id}.html"
    return f"doc-{hashlib.sha256(doc_id.encode()).hexdigest()[:16]}.html"


@cache
def template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def shell(title: str, root: str, page: str, built: str) -> tuple[str, str]:
    """The page around a body: (everything before the body, everything after)."""
    filled = Template(template("page.html")).substitute(title=text(title), root=root, page=page, built=text(built),
                                                         body="\x00")
    before, after = filled.split("\x00")
    return before, after


def write_page(path: Path, title: str, root: str, page: str, built: str, body: Iterable[str]) -> None:
    """Stream a page into a temporary file beside `path`, then rename it into place."""
    before, after = shell(title, root, page, built)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(before)
            for chunk in body:
                handle.write(chunk)
            handle.write(after)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def copy_assets(site: Path) -> None:
    for name in ("style.css", "viewer.js"):
        data = resources.files(__package__).joinpath("templates", name).read_bytes()
        target = site / "assets" / name
        if not target.exists() or target.read_bytes() != data:
            atomic_write_bytes(target, data)
