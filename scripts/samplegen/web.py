"""The .html/.htm writer: a plain page (header and signature in tables) or a provincial portal page."""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from .markup import PORTAL_PARTS, Block, Line, Sample

TEMPLATES = Path(__file__).resolve().parents[1] / "samples" / "templates"


def html_inline(line: Line) -> str:
    text = html.escape(line.text, quote=False) or "&nbsp;"
    if "b" in line.flags:
        text = f"<b>{text}</b>"
    if "i" in line.flags:
        text = f"<i>{text}</i>"
    return text


def html_paragraph(line: Line, in_cell: bool = False) -> str:
    align = "center" if in_cell and line.align == "justify" else line.align
    style = f"text-align:{align}" + (";text-indent:1cm" if align == "justify" else "")
    if "s" in line.flags:
        style += ";font-size:11pt"
    return f'<p style="{style}">{html_inline(line)}</p>'


def html_table(block: Block, framed: bool) -> str:
    attrs = 'class="bang" border="1"' if framed else 'class="khung" border="0"'
    out = [f'<table {attrs} width="100%" cellspacing="0" cellpadding="4">']
    for r, row in enumerate(block.rows):
        cells = []
        for width, cell in zip(block.widths, row):
            tag = "th" if framed and r == 0 else "td"
            inner = "".join(html_paragraph(line, in_cell=True) if not framed else html_inline(line)
                            for line in cell)
            cells.append(f'<{tag} width="{round(width * 100)}%" valign="top">{inner}</{tag}>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(out + ["</table>"])


def fill(template: str, **values: str) -> str:
    """A page from scripts/samples/templates/ with its {{name}} slots filled."""
    page = (TEMPLATES / template).read_text(encoding="utf-8")
    for name, value in values.items():
        page = page.replace("{{" + name + "}}", value)
    return page


def to_html(sample: Sample) -> bytes:
    if sample.get("html") == "portal":
        return portal_page(sample).encode("utf-8")
    body = []
    for block in sample.blocks:
        if block.kind == "line":
            body.append(html_paragraph(block.lines[0]))
        elif block.kind in ("cols", "table"):
            body.append(html_table(block, framed=block.kind == "table"))
    page = fill("plain.html", title=html.escape(sample.get("title")), body="\n".join(body))
    return page.encode("utf-8")


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in ascii_text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def portal_list(lines: list[Line], link: bool) -> str:
    """Items as <li>; a bold line opens a new titled box."""
    out, open_list = [], False
    for line in lines:
        if "b" in line.flags:
            out.append(("</ul></div>\n" if open_list else "") + f'<div class="box"><h3>{html.escape(line.text)}</h3><ul>')
            open_list = True
            continue
        if not open_list:
            out.append('<div class="box"><ul>')
            open_list = True
        text = html.escape(line.text)
        m = re.fullmatch(r"(.*) (\(\d{2}/\d{2}/\d{4}\))", text)
        if link and m:
            text = f'<a href="/tin-tuc/{slug(m.group(1))}.html">{m.group(1)}</a> <span class="date">{m.group(2)}</span>'
        elif link:
            text = f'<a href="/{slug(line.text)}">{text}</a>'
        out.append(f"<li>{text}</li>")
    return "\n".join(out + (["</ul></div>"] if open_list else []))


def portal_page(sample: Sample) -> str:
    parts = {b.kind: b.lines for b in sample.blocks if b.kind in PORTAL_PARTS}
    article = []
    for block in sample.blocks:
        if block.kind == "meta":
            article.append('<div class="meta">' + " | ".join(
                f"<span>{html.escape(line.text)}</span>" for line in block.lines) + "</div>")
        elif block.kind == "line":
            line = block.lines[0]
            if "h" in line.flags:
                article.append(f'<h1 class="title">{html.escape(line.text)}</h1>')
            else:
                style = ' style="text-align:right"' if line.align == "right" else ""
                article.append(f"<p{style}>{html_inline(line)}</p>")
    title = sample.get("title")
    return fill(
        "portal.html",
        title=html.escape(title),
        site=html.escape(title.rpartition(" - ")[2]),
        menu="\n".join(f'<li><a href="/{slug(line.text)}">{html.escape(line.text)}</a></li>'
                       for line in parts.get("menu", [])),
        crumbs="\n".join(f'<li><a href="/{slug(line.text)}">{html.escape(line.text)}</a></li>'
                         for line in parts.get("crumbs", [])),
        tools=" ".join(f'<a href="javascript:void(0)">{html.escape(line.text)}</a>'
                       for line in parts.get("tools", [])),
        article="\n".join(article),
        related=portal_list(parts.get("related", []), link=True),
        sidebar=portal_list(parts.get("sidebar", []), link=False),
        footer="\n".join(f"<p>{html_inline(line)}</p>" for line in parts.get("footer", [])),
    )
