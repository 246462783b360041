"""Canonical names: abbreviations expanded, header capitals put in sentence case.

CONTRACT.md: "Names of bodies are canonical: abbreviations expanded (UBND → Ủy ban nhân
dân, NN&PTNT → Nông nghiệp và Phát triển nông thôn) … the locality kept".
"""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources
from pipeline.gazetteer.patterns import initials, is_upper, tidy
from pipeline.core.letters import UPPER


@cache
def data() -> dict:
    return resources.load("bodies.yaml")


def field_parts(name: str) -> list[str]:
    """ "Lao động - Thương binh và Xã hội" → ["Lao động", "Thương binh", "Xã hội"]."""
    return [p for p in re.split(r"\s*(?:,|\s-\s|\bvà\b|&)\s*", name) if p]


@cache
def _table() -> dict[str, str]:
    """Abbreviation → expansion: the listed ones, and each field's initials ("NN&PTNT", "LĐ-TB&XH")."""
    table = dict(data()["abbreviations"])
    for entry in data()["fields"]:
        for alias in entry.get("aliases", []):
            if alias.isupper():
                table.setdefault(alias, entry["name"])
        parts = field_parts(entry["name"])
        if len(parts) < 2:
            continue
        abbreviated = [initials(p) for p in parts]
        table.setdefault("&".join(abbreviated), entry["name"])
        table.setdefault("".join(abbreviated), entry["name"])
        table.setdefault(" và ".join(abbreviated), entry["name"])
        if len(parts) == 3:
            table.setdefault(f"{abbreviated[0]}-{abbreviated[1]}&{abbreviated[2]}", entry["name"])
            table.setdefault(f"{abbreviated[0]},{abbreviated[1]}&{abbreviated[2]}", entry["name"])
        if len(abbreviated[-1]) >= 3:  # "Nông nghiệp và PTNT": the last part alone abbreviated
            table.setdefault(abbreviated[-1], parts[-1])
    return table


@cache
def _abbreviation_regex() -> re.Pattern:
    keys = sorted(_table(), key=len, reverse=True)
    # An abbreviation is a run of capitals: it may touch lower-case letters ("ƯPSCTTvàTKCN")
    # but not another capital or digit; one that ends in a period may ("TP.HCM").
    def alternation(ks: list[str]) -> str:
        return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in ks)
    dotted = alternation([k for k in keys if k.endswith(".")])
    plain = alternation([k for k in keys if not k.endswith(".")])
    return re.compile(r"(?<![" + UPPER + r"\d])(?:" + (f"(?:{dotted})|" if dotted else "")
                      + r"(?:" + plain + r")(?![" + UPPER + r"\d]))")


def expand(text: str) -> str:
    """Every abbreviation in a name written out: "Sở NN&PTNT" → "Sở Nông nghiệp và Phát triển nông thôn"."""
    table = _table()
    expanded = _abbreviation_regex().sub(lambda m: " " + table[" ".join(m.group(0).split())] + " ", text)
    return tidy(re.sub(r"\s*&\s*", " và ", expanded))


def display(raw: str) -> str:
    """The canonical form of a name as the text wrote it: abbreviations expanded, header capitals
    put in sentence case ("TRUNG TÂM THÔNG TIN" → "Trung tâm thông tin")."""
    raw = " ".join(raw.split())
    if is_upper(raw):
        table = _table()
        words = raw.split(" ")
        # an abbreviation written in two tokens ("VKS ND") stays upper case to be expanded
        paired = {k for i in range(len(words) - 1) if f"{words[i]} {words[i + 1]}" in table for k in (i, i + 1)}
        raw = " ".join(w if w in table or k in paired else w.lower() for k, w in enumerate(words))
        raw = raw[:1].upper() + raw[1:]
    return expand(raw)
