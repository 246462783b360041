"""Language data kept apart from code: document types, abbreviations, time words, lexicons.

Files are YAML beside this module, read once per process. Cue words that several stages read
live once in lexicon.yaml; a stage file names them (`{from_lexicon: goal_verbs}`, see lexicon.py)
and `load` gives the file with those words in place.
"""
from __future__ import annotations

from functools import cache
from importlib import resources as _files

import yaml


@cache
def raw(name: str):
    """The parsed content of a data file in this folder, lexicon references left as written."""
    with _files.files(__package__).joinpath(name).open(encoding="utf-8") as handle:
        # libyaml's parser where PyYAML has it: the same data, a tenth of the time (0.2 s a process).
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def load(name: str):
    """The content of a data file, its lexicon references resolved (cached: data files never change
    at run time)."""
    from pipeline.resources import lexicon

    return lexicon.resolve(raw(name))


def names() -> list[str]:
    return sorted(p.name for p in _files.files(__package__).iterdir() if p.name.endswith((".yaml", ".yml")))
