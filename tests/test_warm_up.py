"""A worker's warm-up (pipeline/run.py warm_up): the team's short directive run through every stage
before the first document, so that their one-time work overlaps the batch's search for inputs."""
from __future__ import annotations

from pipeline import resources, run


def test_the_warm_up_text_reaches_every_stage():
    record = run.process_text(resources.load("warm_up.yaml")["text"], "warm-up", "warm-up.txt")
    assert record.status != "failed"
    assert record.document.doc_type == "Kế hoạch" and record.document.number == "01/KH-UBND"
    assert record.references and record.bodies and record.targets and record.deadlines and record.tasks


def test_warm_up_fills_the_stages_caches_and_writes_nothing(tmp_path, monkeypatch):
    from pipeline.extract.targets import units
    from pipeline.gazetteer import places

    monkeypatch.chdir(tmp_path)
    units._lexicon.cache_clear()
    places._places.cache_clear()
    run.warm_up()
    assert units._lexicon.cache_info().currsize == 1
    assert places._places.cache_info().currsize == 1
    assert not list(tmp_path.iterdir())


_WARM_PROBE = """
import gc, sys
{before}
from pipeline.batch.warm import warm_worker
gc.collect()
collections = sum(g["collections"] for g in gc.get_stats())
warm_worker()
collected = sum(g["collections"] for g in gc.get_stats()) - collections
frozen = gc.get_freeze_count()
young = gc.get_count()[0]
import pipeline.run                        # already there: costs the collector nothing
print(gc.isenabled(), collected, frozen, young)
"""


def _probe(before: str) -> list[str]:
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-c", _WARM_PROBE.format(before=before)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_worker_warms_up_without_collecting_and_sets_what_it_made_aside():
    enabled, collected, frozen, young = _probe("")
    assert collected == "0"                  # not one collection while it warmed up
    assert enabled == "True"                 # collecting again once warm
    assert int(frozen) > 100_000             # the modules, patterns, units and words: never walked again
    assert int(young) < 100                  # nothing left for the first collection to walk


def test_a_warm_up_leaves_a_collector_switched_off_as_it_found_it():
    enabled, _, _, _ = _probe("gc.disable()")
    assert enabled == "False"
