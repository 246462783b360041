"""The team's sample corpus end to end, against golden records checked in beside the tests.

The golden files keep what a reader of the output relies on (the document fields and, per
kind, the values found), not every span, so they change only when extraction does. After a
deliberate change: UPDATE_GOLDEN=1 python -m pytest tests/test_end_to_end.py, then review the diff.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"


def summary(record: dict) -> dict:
    return {
        "document": record["document"],
        "status": record["status"],
        "references": sorted(r["number"] or f'{r["doc_type"]} {r["issued_date"]}' for r in record["references"]),
        "bodies": sorted(f'{b["name"]} ({b["kind"]})' for b in record["bodies"]),
        "targets": [f'{t["status"]} {t["value"]} {t["unit"]} | {t["indicator"]}' for t in record["targets"]],
        "deadlines": sorted({f'{d["start"]}..{d["end"]} {d["recurrence"]}' for d in record["deadlines"]}),
        "tasks": [f'{"; ".join(t["responsible"])} <- {(t["deadline"] or {}).get("end")}' for t in record["tasks"]],
    }


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
            (GOLDEN / f"{stem}.json").write_text(json.dumps(summary(record), ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(records)
    for stem, record in records.items():
        expected = json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))
        got = summary(record)
        for field in expected:  # field by field, so a failure names what changed
            assert got[field] == expected[field], f"{stem}: {field}"
