"""Language data kept apart from code: document types, abbreviations, time words, lexicons.

Files are YAML beside this module, read once per process, and kept parsed between processes
(`_all_parsed`). Cue words that several stages read live once in lexicon.yaml; a stage file names
them (`{from_lexicon: goal_verbs}`, see lexicon.py) and `load` gives the file with those words in
place.
"""
from __future__ import annotations

from functools import cache
from importlib import resources as _files


@cache
def raw(name: str):
    """The parsed content of a data file in this folder, lexicon references left as written."""
    parsed = _all_parsed()
    return parsed[name] if name in parsed else _parsed(name)


@cache
def _all_parsed() -> dict:
    """Every data file of this folder parsed, as an earlier process of the same version parsed them
    (core/derived.py; the version is a digest of the code and these files): one pickle read in a
    millisecond, where parsing them costs every worker a fiftieth of a second."""
    from pipeline.core import derived

    return derived.kept("language-data", lambda: {name: _parsed(name) for name in names()})


def _parsed(name: str):
    import yaml

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
