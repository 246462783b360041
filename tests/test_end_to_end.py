"""The team's sample corpus end to end, against golden records checked in beside the tests.

The golden files keep every field of the contract (docs/CONTRACT.md, docs/record.schema.json),
so a change to any of them fails here. Three are kept in a form a reviewer can read: the text
and the offset map as their length and digest (the records in `extracted/` carry them whole),
and each span as [start, end, the text it covers], so a diff shows the evidence that moved. Only
`pipeline_version` is left out: it changes with every change to the code.

After a deliberate change: UPDATE_GOLDEN=1 python -m pytest tests/test_end_to_end.py, then review
the diff (one line per item).
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
LEFT_OUT = {"pipeline_version"}


def _digest(value) -> dict | None:
    if value is None:
        return None
    data = json.dumps(value, ensure_ascii=False).encode("utf-8")
    return {"length": len(value), "sha256": hashlib.sha256(data).hexdigest()[:16]}


def _spans_shown(value, text: str):
    """The value with every span as [start, end, evidence], at any depth (fields added later too)."""
    if isinstance(value, dict):
        shown = {}
        for key, item in value.items():
            if key == "span" and item is not None:
                shown[key] = [item[0], item[1], text[item[0]:item[1]]]
            elif key == "spans":
                shown[key] = [[s, e, text[s:e]] for s, e in item]
            else:
                shown[key] = _spans_shown(item, text)
        return shown
    if isinstance(value, list):
        return [_spans_shown(item, text) for item in value]
    return value


def summary(record: dict) -> dict:
    """Every field of the record but `pipeline_version`, in a form a diff can be read in."""
    text = record["text"]
    shown = _spans_shown({k: v for k, v in record.items() if k not in LEFT_OUT | {"text", "source"}}, text)
    source = {k: v for k, v in record["source"].items() if k != "offsets"}
    source["offsets"] = _digest(record["source"].get("offsets"))
    return {"schema_version": shown.pop("schema_version"), "id": shown.pop("id"), "status": shown.pop("status"),
            "source": source, "text": _digest(text), **shown}


def dumps(value: dict) -> str:
    """JSON with each top-level field on its own lines and each item of a list on one line."""
    lines = []
    for key, item in value.items():
        if isinstance(item, list) and item:
            rows = [f"  {json.dumps(row, ensure_ascii=False)}" for row in item]
            lines.append(f" {json.dumps(key)}: [\n" + ",\n".join(rows) + "\n ]")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(item, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def first_difference(got, expected, where: str = "") -> str:
    """Where two summaries first differ: "tasks[3].deadline.end"."""
    if isinstance(got, dict) and isinstance(expected, dict):
        for key in [*expected, *(k for k in got if k not in expected)]:
            here = f"{where}.{key}" if where else key
            if (key in got) != (key in expected):
                return f"{here}: {'only in the record' if key in got else 'only in the golden file'}"
            if got.get(key) != expected.get(key):
                return first_difference(got[key], expected[key], here)
    if isinstance(got, list) and isinstance(expected, list):
        for i, (a, b) in enumerate(zip(got, expected)):
            if a != b:
                return first_difference(a, b, f"{where}[{i}]")
        if len(got) != len(expected):
            return f"{where}: {len(got)} items, golden has {len(expected)}"
    return f"{where}: {got!r}, golden has {expected!r}"


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("corpus-out")
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", "corpus", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))}


def test_every_sample_has_a_valid_record(records, validate):
    samples = sorted(p for p in (ROOT / "corpus").iterdir() if p.is_file())
    assert len(records) == len(samples)
    for record in records.values():
        validate(record)
        assert record["status"] == "ok", (record["id"], record["warnings"])
        assert record["document"]["doc_type"] and record["document"]["issuer"]
        for kind in ("bodies", "deadlines", "tasks"):
            assert record[kind], (record["id"], kind)


def test_records_match_the_golden_files(records):
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        for stem, record in records.items():
            (GOLDEN / f"{stem}.json").write_text(dumps(summary(record)), encoding="utf-8")
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(records)
    for stem, record in records.items():
        expected = json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))
        got = summary(record)
        assert got == expected, f"{stem}: {first_difference(got, expected)}"


def _leaves(value, path=()):
    """Every scalar of a record, as the path to it."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, (*path, i))
    else:
        yield path


def _changed(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    return "x" if value is None else value + "x"


@pytest.mark.parametrize("stem", ["s06-quyet-dinh-312-qd-ubnd-dien-bien-chi-tieu-giam-ngheo-2024",
                                  "s07-ke-hoach-58-kh-ubnd-quang-ngai-chuyen-doi-so-2024"])
def test_a_change_to_any_field_changes_the_summary(records, stem):
    # Every scalar of two full records (fields that are null in them too): changed one at a time,
    # each must show in the summary the golden files are compared on.
    record = copy.deepcopy(records[stem])
    before = summary(record)
    unseen = []
    for path in _leaves(record):
        if path[0] in LEFT_OUT:
            continue
        *parents, last = path
        holder = record
        for step in parents:
            holder = holder[step]
        original = holder[last]
        holder[last] = _changed(original)
        if summary(record) == before:
            unseen.append(".".join(map(str, path)))
        holder[last] = original
    assert not unseen, f"changes the golden summary does not see: {unseen[:10]}"
    for kind in ("tasks", "targets", "deadlines", "bodies", "references"):  # and items dropped
        assert summary({**record, kind: record[kind][:-1]}) != before, kind
