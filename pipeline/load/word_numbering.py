"""The labels Word draws before auto-numbered paragraphs: "1.", "a)", "II.", "Điều 3.", "-".

Word does not store these labels in the text: a paragraph carries a list (numId) and a level
(ilvl), directly or through its style, and numbering.xml says how each level counts and is
written. A reader that skips them loses the section numbers the rest of the pipeline splits
a document on, so they are rendered here as Word shows them.

Counting follows Word: one counter per list and level; a level starts again after a
paragraph of a shallower level of the same list; "%2" in a level's text is level 2's
current value in level 2's format, or in decimal when the level is legal-numbered (isLgl).
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


VAL = _w("val")


@dataclass(frozen=True)
class Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    legal: bool = False
    restart_after: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never


class Numbering:
    """Label of each numbered paragraph, in document order (it keeps the running counters)."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.lists = _lists(numbering) if numbering is not None else {}
        self.style_numbering = _style_numbering(styles) if styles is not None else {}
        self.counters: dict[str, dict[int, int]] = {}

    def label(self, p: etree._Element) -> str:
        """The paragraph's label followed by a space, or "" when it is not numbered."""
        num_id, ilvl = self._numbering_of(p)
        levels = self.lists.get(num_id) if num_id else None
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        level = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            restart_after = levels.get(deeper, Level()).restart_after  # 1-based; 0: never restarts
            if restart_after is None or ilvl < restart_after:
                del counters[deeper]
        if level.format == "none":
            return ""
        if level.format == "bullet":
            return _bullet(level.text) + " "
        label = level.text
        for k in range(9):
            placeholder = f"%{k + 1}"
            if placeholder in label:
                shown = levels.get(k, Level())
                value = counters.get(k, shown.start)
                label = label.replace(placeholder, _format(value, "decimal" if level.legal else shown.format))
        return label.strip() + " " if label.strip() else ""

    def _numbering_of(self, p: etree._Element) -> tuple[str | None, int]:
        num_pr = p.find(f"{_w('pPr')}/{_w('numPr')}")
        style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        from_style = self.style_numbering.get(style.get(VAL)) if style is not None else None
        num_id, ilvl = from_style if from_style else (None, 0)
        if num_pr is not None:
            found_id, found_lvl = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
            if found_id is not None:
                num_id = found_id.get(VAL)
            if found_lvl is not None:
                ilvl = _int(found_lvl.get(VAL), 0)
        if num_id in (None, "0"):  # numId 0 switches inherited numbering off
            return None, 0
        return num_id, ilvl


def _lists(numbering: etree._Element) -> dict[str, dict[int, Level]]:
    abstract = {a.get(_w("abstractNumId")): _levels(a) for a in numbering.iter(_w("abstractNum"))}
    lists: dict[str, dict[int, Level]] = {}
    for num in numbering.iter(_w("num")):
        ref = num.find(_w("abstractNumId"))
        levels = dict(abstract.get(ref.get(VAL), {})) if ref is not None else {}
        for override in num.iter(_w("lvlOverride")):
            ilvl = _int(override.get(_w("ilvl")), 0)
            redefined = override.find(_w("lvl"))
            if redefined is not None:
                levels[ilvl] = _level(redefined)
            start = override.find(_w("startOverride"))
            if start is not None:
                base = levels.get(ilvl, Level())
                levels[ilvl] = Level(_int(start.get(VAL), 1), base.format, base.text, base.legal, base.restart_after)
        lists[num.get(_w("numId"))] = levels
    return lists


def _levels(abstract: etree._Element) -> dict[int, Level]:
    return {_int(lvl.get(_w("ilvl")), 0): _level(lvl) for lvl in abstract.iter(_w("lvl"))}


def _level(lvl: etree._Element) -> Level:
    def value(name: str) -> str | None:
        found = lvl.find(_w(name))
        return found.get(VAL) if found is not None else None

    legal = lvl.find(_w("isLgl"))
    restart = value("lvlRestart")
    return Level(start=_int(value("start"), 1), format=value("numFmt") or "decimal",
                 text=value("lvlText") if value("lvlText") is not None else "",
                 legal=legal is not None and legal.get(VAL, "true") not in ("0", "false"),
                 restart_after=_int(restart, 0) if restart is not None else None)


def _style_numbering(styles: etree._Element) -> dict[str, tuple[str, int]]:
    """Paragraph style id → (numId, ilvl), following basedOn to the style that sets it."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.iter(_w("style")):
        style_id = style.get(_w("styleId"))
        base = style.find(_w("basedOn"))
        if base is not None:
            based_on[style_id] = base.get(VAL)
        num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
        if num_pr is not None:
            num_id, ilvl = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
            own[style_id] = (num_id.get(VAL) if num_id is not None else None,
                             _int(ilvl.get(VAL), 0) if ilvl is not None else None)
    resolved: dict[str, tuple[str, int]] = {}
    for style_id in set(own) | set(based_on):
        num_id, ilvl, seen, current = None, None, set(), style_id
        while current and current not in seen:
            seen.add(current)
            mine = own.get(current, (None, None))
            num_id = num_id if num_id is not None else mine[0]
            ilvl = ilvl if ilvl is not None else mine[1]
            current = based_on.get(current)
        if num_id:
            resolved[style_id] = (num_id, ilvl or 0)
    return resolved


def _format(value: int, fmt: str) -> str:
    if fmt in ("decimalZero",):
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(value)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)  # decimal, and the formats a Vietnamese directive does not use


def _letters(value: int) -> str:
    # Word goes a … z, then aa … zz, then aaa …: the letter repeated, not base 26.
    value = max(value, 1)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(value: int) -> str:
    out = []
    for size, numeral in _ROMAN:
        count, value = divmod(value, size)
        out.append(numeral * count)
    return "".join(out)


def _bullet(text: str) -> str:
    # Bullets are often drawn from a symbol font at a private-use code point (Symbol's ""):
    # they read as the dash a typed list would use.
    char = text.strip()[:1]
    if not char or "\ue000" <= char <= "\uf8ff" or char in "·•▪■□◦o§Ø":
        return "-"
    return char


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
