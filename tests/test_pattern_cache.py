"""Compiled patterns kept on disk between worker processes (pipeline/core/pattern_cache.py).

Each check runs in fresh interpreters, as workers do: `re`'s cache of the test process is
never what a worker starts with.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.core.pattern_cache import longest_first

ROOT = Path(__file__).resolve().parents[1]

# Patterns of the kinds the stages compile: named groups, case-folding, look-behind, Vietnamese
# letters, an alternation of names; each with texts it is matched against.
PATTERNS = [
    (r"(?<!\w)(?P<so>Sở)\s+(?P<ten>Nội\s+vụ|Tài\s+chính|Y\s+tế)(?!\w)", 0,
     ["giao Sở Nội vụ chủ trì", "Sở  Tài chính", "sở y tế", "Sở Giáo dục"]),
    (r"trước\s+ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?", 2,   # re.IGNORECASE
     ["TRƯỚC NGÀY 15/11/2020", "trước ngày 5/3", "sau ngày 15/11"]),
    (r"(?:phấn\s+đấu|đạt)\s+(?:có\s+thêm\s+)?(\d+)\s+xã", 2,
     ["phấn đấu có thêm 07 xã đạt chuẩn", "Đạt 12 xã", "không có xã nào"]),
]

_RUN = """
import json, re, sys
from re import _compiler
from pipeline.core import pattern_cache
patterns = json.loads(sys.argv[1])
restored = pattern_cache.restore()
found = []
for pattern, flags, texts in patterns:
    compiled = re.compile(pattern, flags)
    held = re._cache.get((str, pattern, flags)) is compiled
    fresh = _compiler.compile(pattern, flags)
    matches = [[(m.span(), m.groups(), m.groupdict()) for m in compiled.finditer(t)] for t in texts]
    expected = [[(m.span(), m.groups(), m.groupdict()) for m in fresh.finditer(t)] for t in texts]
    found.append([held, compiled == fresh, compiled.groupindex == fresh.groupindex, matches == expected])
print(json.dumps({"restored": restored, "kept": pattern_cache.keep(), "found": found}))
"""


def _worker(cache: Path | str) -> dict:
    env = {**os.environ, "PIPELINE_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _RUN, json.dumps(PATTERNS)], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _kept_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("patterns-*.pickle"))


def test_a_second_worker_finds_the_first_ones_patterns_compiled_and_equal(tmp_path):
    first = _worker(tmp_path)
    assert first["restored"] == 0 and first["kept"] >= len(PATTERNS)
    assert len(_kept_files(tmp_path)) == 1
    second = _worker(tmp_path)
    assert second["restored"] >= len(PATTERNS)
    assert second["kept"] == 0                       # nothing new: the file is left as it is
    for held, equal, groups, matches in second["found"]:
        assert held and equal and groups and matches


def test_nothing_is_written_again_when_nothing_is_new(tmp_path):
    _worker(tmp_path)
    (kept,) = _kept_files(tmp_path)
    before = kept.stat().st_mtime_ns
    _worker(tmp_path)
    assert kept.stat().st_mtime_ns == before


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_damaged_file_is_compiled_around_and_replaced(tmp_path, damage):
    _worker(tmp_path)
    (kept,) = _kept_files(tmp_path)
    kept.write_bytes(damage)
    after = _worker(tmp_path)
    assert after["restored"] == 0 and after["kept"] >= len(PATTERNS)
    for held, equal, groups, matches in after["found"]:
        assert equal and groups and matches
    assert _worker(tmp_path)["restored"] >= len(PATTERNS)


def test_a_file_changed_since_it_was_written_is_not_used(tmp_path):
    """One byte of the code changed is another program for the engine: the file's digest refuses it."""
    _worker(tmp_path)
    (kept,) = _kept_files(tmp_path)
    data = bytearray(kept.read_bytes())
    data[len(data) // 2] ^= 0x01
    kept.write_bytes(bytes(data))
    after = _worker(tmp_path)
    assert after["restored"] == 0
    for held, equal, groups, matches in after["found"]:
        assert equal and groups and matches


def test_an_empty_cache_setting_keeps_nothing(tmp_path):
    result = _worker("")
    assert result["restored"] == 0 and result["kept"] == 0
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("words, expected", [
    (["xã", "thị trấn", "phường", "huyện"], ["thị trấn", "phường", "huyện", "xã"]),
    ({"quận", "huyện", "tỉnh", "xã"}, ["huyện", "quận", "tỉnh", "xã"]),     # one length: a fixed order
    (["Sở", "Sở Y tế", "Sở Y"], ["Sở Y tế", "Sở Y", "Sở"]),                 # a prefix after what it starts
    ([], []),
])
def test_longest_first(words, expected):
    assert longest_first(words) == expected


def test_longest_first_is_the_same_whatever_order_the_words_come_in():
    words = ["tỉnh", "quận", "huyện", "xã", "phường", "thị xã"]
    assert longest_first(words) == longest_first(reversed(words)) == longest_first(set(words))


_READ = """
import json, re, sys
from pipeline.core import anchors, pattern_cache
patterns = json.loads(sys.argv[1])
restored = pattern_cache.restore()
parse = anchors._p.parse
parsed = []
def counting(*args, **kwargs):
    parsed.append(args[0])
    return parse(*args, **kwargs)
anchors._p.parse = counting
def plain(value):   # sets in a fixed order: another process iterates them in another
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return repr(value)
answers = []
for pattern, flags, texts in patterns:
    compiled = re.compile(pattern, flags)
    answers.append([plain(anchors.opening(compiled)), plain(anchors.required_words(compiled)),
                    plain(anchors.required_sets(compiled))])
    answers.append([[m.span() for m in anchors.finditer(compiled, t)] == [m.span() for m in compiled.finditer(t)]
                    for t in texts])
anchors._p.parse = parse
print(json.dumps({"parsed": len(parsed), "answers": answers, "kept": pattern_cache.keep()}))
"""


def _reader(cache: Path) -> dict:
    env = {**os.environ, "PIPELINE_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _READ, json.dumps(PATTERNS)], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_a_second_worker_reads_no_pattern_the_first_one_read_and_gets_the_same_answers(tmp_path):
    first = _reader(tmp_path)
    assert first["parsed"] >= len(PATTERNS) and first["kept"] >= len(PATTERNS)
    second = _reader(tmp_path)
    assert second["parsed"] == 0                      # every answer from what the first one kept
    assert second["answers"] == first["answers"]
    assert all(all(same) for same in second["answers"][1::2])
    assert second["kept"] == 0                        # nothing new: the file is left as it is
    third = _reader(tmp_path / "elsewhere")           # nothing kept there: read afresh, alike
    assert third["parsed"] == first["parsed"] and third["answers"] == first["answers"]
