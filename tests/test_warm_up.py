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
