"""Data built once and kept on disk between processes (pipeline/core/derived.py)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pipeline.core import derived
from tests.conftest import ROOT


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_read_back(folder):
    build, calls = counting({"xã": frozenset({("hòa", "bình")})})
    assert derived.kept("sets", build) == {"xã": frozenset({("hòa", "bình")})}
    assert derived.kept("sets", build) == {"xã": frozenset({("hòa", "bình")})}
    assert len(calls) == 1
    assert len(list(folder.glob("sets-*.pickle"))) == 1


def test_a_changed_source_builds_anew(folder, tmp_path):
    source = tmp_path / "units.db"
    source.write_bytes(b"63 provinces")
    build, calls = counting([1, 2, 3])
    derived.kept("units", build, [source])
    source.write_bytes(b"34 provinces, reformed")
    derived.kept("units", build, [source])
    derived.kept("units", build, [source])
    assert len(calls) == 2
    assert len(list(folder.glob("units-*.pickle"))) == 1  # the one built from the old source is gone


def test_a_damaged_file_is_built_anew_and_replaced(folder):
    build, calls = counting("syllables")
    derived.kept("words", build)
    (kept_file,) = folder.glob("words-*.pickle")
    kept_file.write_bytes(b"\x80\x05 not a pickle")
    assert derived.kept("words", build) == "syllables"
    assert derived.kept("words", build) == "syllables"
    assert len(calls) == 2


def test_an_unwritable_folder_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(blocker / "cache"))
    build, calls = counting(42)
    assert derived.kept("answer", build) == 42
    assert derived.kept("answer", build) == 42
    assert len(calls) == 2


def test_an_empty_setting_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    build, calls = counting("x")
    derived.kept("none", build)
    derived.kept("none", build)
    assert len(calls) == 2 and not list(tmp_path.iterdir())


_PLACES = ("from pipeline.gazetteer import places\n"
           "print(len(places.units()), places.lookup('Kon Plông')[0].code, places.lookup('Tiền Giang')[0].province, sep='|')\n")


def test_the_places_read_back_are_the_places_built(folder):
    """A second process reads the gazetteer's units from the cache and finds the same answers."""
    env = {**os.environ, "PIPELINE_CACHE_DIR": str(folder)}
    first = subprocess.run([sys.executable, "-c", _PLACES], cwd=ROOT, env=env, capture_output=True, text=True,
                           check=True).stdout
    assert list(folder.glob("places-*.pickle"))
    second = subprocess.run([sys.executable, "-c", _PLACES], cwd=ROOT, env=env, capture_output=True, text=True,
                            check=True).stdout
    assert first == second and first.strip().split("|")[1:] == ["613", "Tiền Giang"]


def test_language_data_is_parsed_once_then_read_back_the_same(folder, monkeypatch):
    import yaml

    from pipeline import resources

    def fresh():   # a new process: nothing parsed in memory yet
        resources.raw.cache_clear()
        resources._all_parsed.cache_clear()

    def parsed(name):
        with open(ROOT / "pipeline" / "resources" / name, encoding="utf-8") as handle:
            return yaml.safe_load(handle)

    fresh()
    try:
        assert resources.raw("time_words.yaml") == parsed("time_words.yaml")
        assert [p.name.split("-")[0] for p in folder.glob("language-*.pickle")] == ["language"]
        fresh()

        def no_parsing(name):
            raise AssertionError(f"{name} parsed again")

        monkeypatch.setattr(resources, "_parsed", no_parsing)
        for name in resources.names():   # every file, from what the first process kept
            assert resources.raw(name) == parsed(name), name
        with pytest.raises(AssertionError, match="parsed again"):   # not a data file of the folder
            resources.raw("nowhere.yaml")
        monkeypatch.undo()
        monkeypatch.setenv("PIPELINE_CACHE_DIR", "")   # keeping nothing: parsed as before
        fresh()
        assert resources.raw("bodies.yaml") == parsed("bodies.yaml")
    finally:
        fresh()



_KEPT = """
import sys
from pipeline.core import lexicon
from pipeline.export import datasette
kept_yaml, pairs = datasette.metadata_yaml(), lexicon._place_pairs()
yaml_needed = "yaml" in sys.modules
print(yaml_needed, (lexicon.canonical("Tiền"), lexicon.canonical("Giang")) in pairs, kept_yaml == datasette._written_yaml(),
      pairs == lexicon._built_place_pairs(), sep="|")
"""


def test_place_pairs_and_the_datasette_metadata_read_back_are_those_built(folder):
    """Built by a first process; a second reads both back, the same as a fresh build, without
    importing yaml to have the metadata (it imports it afterwards only to compare)."""
    env = {**os.environ, "PIPELINE_CACHE_DIR": str(folder)}
    runs = [subprocess.run([sys.executable, "-c", _KEPT], cwd=ROOT, env=env, capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    assert runs == ["True|True|True|True", "False|True|True|True"]
    assert {"datasette", "place"} <= {p.name.split("-")[0] for p in folder.glob("*.pickle")}
