"""The pipeline over the real documents in ../shared (skipped where that folder is absent)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def shared_out(shared, tmp_path_factory):
    out = tmp_path_factory.mktemp("shared-out")
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(shared / "corpus"), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=1800)
    return out, result


def test_every_shared_document_gets_a_valid_record(shared, shared_out, validate):
    out, result = shared_out
    inputs = sorted(p.stem for p in (shared / "corpus").iterdir() if p.is_file())
    records = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}
    assert len(records) == len(inputs), result.stderr
    for record in records.values():
        validate(record)
        if record["status"] == "failed":
            # Only unreadable sources fail, and they say why.
            assert record["warnings"] and record["source"]["format"] == "pdf", record["id"]
        text = record["text"]
        for item in record["references"] + record["targets"] + record["deadlines"] + record["tasks"]:
            assert 0 <= item["span"][0] <= item["span"][1] <= len(text)


def test_scorer_figures_on_the_shared_gold(shared, shared_out):
    out, _ = shared_out
    scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(shared / "gold"), str(out),
                             "--json"], capture_output=True, text=True, timeout=300)
    figures = json.loads(scored.stdout)
    assert figures["missing_predictions"] == []
    # Floors under the measured figures: they catch a regression, not noise.
    assert figures["kinds"]["document"]["f1"] >= 0.80
    assert figures["kinds"]["references"]["f1"] >= 0.80
