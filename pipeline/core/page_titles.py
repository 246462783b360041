"""Page titles that name no article: a CMS's default title, a section's name, the site's own name.

Shared by the HTML reader (a placeholder <h1> is not put above the article) and the document
stage (a placeholder headline gives no trích yếu). The patterns are in page_debris.yaml.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources


@cache
def _placeholders() -> re.Pattern:
    patterns = resources.load("page_debris.yaml")["placeholder_titles"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_placeholder_title(title: str, site_names: tuple[str, ...] = ()) -> bool:
    """A title that names no article: a CMS default ("Insert title here", "Untitled Document"),
    a section ("Tin tức"), the site's own name ("Cổng thông tin điện tử tỉnh …", its domain)."""
    title = " ".join(title.split()).strip(" -|:")
    folded = title.casefold()
    return (not title or bool(_placeholders().fullmatch(title))
            or any(folded == name.casefold() for name in site_names if name))
