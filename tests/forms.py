"""What the tests of document forms share: a text run through the whole pipeline as a file, and the
bodies the gazetteer names in a text."""
from __future__ import annotations

from pathlib import Path

from pipeline.gazetteer import find_mentions
from pipeline.run import process


def record(tmp_path: Path, text: str):
    """The record of `text`, written as a .txt file: every stage, as `extract` runs them."""
    path = tmp_path / "van-ban.txt"
    path.write_text(text, encoding="utf-8")
    return process(path, "van-ban")


def names(text: str) -> list[str]:
    return [m.name for m in find_mentions(text)]


def assert_names(text: str, present: list[str], absent: list[str]) -> None:
    """Every name of `present` is among the bodies the gazetteer names in `text`, none of `absent`."""
    found = names(text)
    for name in present:
        assert name in found
    for name in absent:
        assert name not in found
