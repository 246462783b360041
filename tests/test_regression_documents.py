"""The pipeline on tests/regression: real directives from provinces and issuers the shared
corpus does not have, with gold written by hand before the pipeline ever saw them.

They stand for documents nobody tuned the rules on, so the floor below catches a change
that helps the shared sets by overfitting them. The scorer lives in ../shared/eval; where
that folder is absent the test is skipped.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

REGRESSION = ROOT / "tests" / "regression"
SCORER = SHARED / "eval" / "score.py"

# A little under the figure measured when the documents were added (score 0.655 on 16, before
# any rule was fitted to them); the lead raises it as fixes land. 0.846 measured on 30 documents
# (rg17–rg30 added blind); 0.933 on the lead's main later, 0.983 with the h-misses rules (deadlines
# ending with the period "trước" names, can-chi Tết, titled lists, closing orders …); 0.822 on 42 when
# rg31–rg42 were added blind (those twelve alone 0.54), 0.892 after the fixes they called for (both
# branches apart); 0.924 on 50 when rg43–rg50 were added blind (those eight alone 0.910), 0.934
# after their fixes, 0.935 on 51 with rg51. The margin leaves room for rules that trade a little
# here for more elsewhere.
# 0.980 on 64 documents once batches 5 and 6 (rg52–rg66) and their fixes had landed.
FLOOR = 0.95


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> dict:
    if not SCORER.is_file():
        pytest.skip(f"{SCORER} is absent: the scorer sits beside the project in ../shared")
    out = tmp_path_factory.mktemp("regression-out")
    run = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(REGRESSION / "docs"), "--out", str(out),
                          "--workers", "1"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    result = subprocess.run([sys.executable, str(SCORER), str(REGRESSION / "gold"), str(out), "--json", "--per-doc"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_every_regression_document_has_gold_and_a_source():
    docs = sorted(p.stem for p in (REGRESSION / "docs").glob("*.txt"))
    gold = sorted(p.stem for p in (REGRESSION / "gold").glob("*.json"))
    sources = sorted(line.split("\t")[0] for line in (REGRESSION / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))
    assert docs and docs == gold == sources


def test_every_regression_document_gets_a_record(scored):
    assert scored["documents"] == len(list((REGRESSION / "docs").glob("*.txt")))
    assert scored["missing_predictions"] == []


def test_regression_score_stays_above_its_floor(scored):
    kinds = {k: round(v["f1"], 3) for k, v in scored["kinds"].items()}
    assert scored["score"] >= FLOOR, f"score {scored['score']:.3f} under {FLOOR}: {kinds}"
