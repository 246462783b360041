"""The README and docs/ point at files that exist: a module moved or a page renamed breaks no link."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# A path into the repository as the pages write it: "pipeline/extract/tasks/", "tests/golden",
# "pipeline/run.py", "scripts/bench.py".
REPO_PATH = re.compile(r"(?<![\w/.-])((?:pipeline|tests|scripts|notebooks)/[\w./-]*[\w/])")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def repo_paths(text: str) -> set[str]:
    return {m.group(1).rstrip(".") for m in REPO_PATH.finditer(text)}


def links(text: str) -> set[str]:
    return {m.group(1) for m in LINK.finditer(text) if not re.match(r"[a-z]+:", m.group(1))}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_paths_named_in_the_page_exist(page: Path):
    text = page.read_text(encoding="utf-8")
    missing = sorted(p for p in repo_paths(text) if not (ROOT / p).exists())
    missing += sorted(link for link in links(text) if not (page.parent / link).exists())
    assert not missing, f"{page.name} names what is not there: {missing}"


@pytest.mark.parametrize("text, expected", [
    ("see `pipeline/run.py` and pipeline/extract/tasks/.", {"pipeline/run.py", "pipeline/extract/tasks/"}),
    ("`make bench` runs scripts/long_pdf.py, tests/golden", {"scripts/long_pdf.py", "tests/golden"}),
    ("documents run   seconds   docs/s  peak MB", set()),        # a unit, not a path
    ("python -m pipeline extract corpus --out out/", set()),
])
def test_repo_paths(text, expected):
    assert repo_paths(text) == expected


def test_links():
    assert links("[the contract](CONTRACT.md), [a page](docs/x.md#part), [Dask](https://dask.org)") == \
        {"CONTRACT.md", "docs/x.md"}
