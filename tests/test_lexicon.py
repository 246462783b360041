"""The shared lexicon (resources/lexicon.yaml): every entry's rows, and its references from stage files."""
from __future__ import annotations

import re

import pytest

from pipeline import resources
from pipeline.resources import lexicon


@pytest.mark.parametrize("name, text, expected", lexicon.rows())
def test_every_lexicon_row(name, text, expected):
    """An `examples:` row finds what it says first (a joiner: splits the text into those members);
    a `not:` row finds nothing."""
    pattern = lexicon.matcher(name)
    if isinstance(expected, list):
        assert [part for part in pattern.split(text) if part] == expected
    else:
        m = pattern.search(text)
        assert (m.group(0) if m else None) == expected


@pytest.mark.parametrize("name", [n for n, e in lexicon.data().items() if "words" in e])
def test_every_word_has_an_example(name):
    found = {" ".join(str(f).lower().split()) for n, _, f in lexicon.rows() if n == name and f}
    assert set(lexicon.words(name)) <= found


@pytest.mark.parametrize("name", [n for n, e in lexicon.data().items() if "words" in e])
def test_words_are_plain_phrases(name):
    """Letters and single spaces only: a word reads the same where a stage file's entries are
    regular expressions and where they are literal phrases."""
    for word in lexicon.words(name):
        assert re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", word) and word == word.lower(), word


def _references(node):
    if isinstance(node, dict):
        if set(node) == {lexicon.REFERENCE}:
            yield node[lexicon.REFERENCE]
        else:
            for value in node.values():
                yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)
    elif isinstance(node, str):
        yield from re.findall(r"\{lexicon:(\w+)\}", node)


REFERENCES = [(f, ref) for f in resources.names() for ref in _references(resources.raw(f))]


@pytest.mark.parametrize("file, name", REFERENCES)
def test_every_reference_names_an_entry(file, name):
    assert name in lexicon.data(), f"{file} names {name!r}, which lexicon.yaml lacks"


def test_every_entry_is_read_somewhere():
    used = {name for _, name in REFERENCES} | {"list_joiner"}  # the joiner is read by code
    assert set(lexicon.data()) <= used


def test_a_reference_takes_the_words_in_place():
    node = {"a": {"from_lexicon": "goal_verbs"}, "b": ["mục đích", {"from_lexicon": "goal_verbs"}, "yêu cầu"]}
    assert lexicon.resolve(node) == {"a": ["phấn đấu", "quyết tâm"],
                                     "b": ["mục đích", "phấn đấu", "quyết tâm", "yêu cầu"]}


def test_a_reference_inside_a_pattern_is_the_sets_words_as_a_group():
    pattern = lexicon.resolve(r"(?:thường xuyên|{lexicon:periodic})\s+báo cáo")
    assert pattern == r"(?:thường xuyên|(?:định\s+kỳ|định\s+kì))\s+báo cáo"
    assert re.search(pattern, "Các xã định   kì báo cáo về huyện.")
    assert not re.search(pattern, "Các xã xác định kỹ báo cáo về huyện.")
    # a regex's own braces are not references
    assert lexicon.resolve(r"\d{1,3}(?:\.\d{3})+") == r"\d{1,3}(?:\.\d{3})+"


def test_loaded_stage_files_hold_no_reference():
    for name in resources.names():
        assert not list(_references(resources.load(name))), name


def test_the_list_joiner_is_what_the_gazetteer_wrote():
    assert lexicon.joiner() == r"\s*,\s*(?:và\s+)?|\s+và\s+"
    assert lexicon.joiner(marks=",;") == r"\s*(?:,|;)\s*(?:và\s+)?|\s+và\s+"
    assert lexicon.has_conjunction(", và ") and not lexicon.has_conjunction(", ")
