"""Parallel runs give the same records as a serial run: worker processes and a Dask cluster."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.batch.corpus import process_corpus
from pipeline.batch.manifest import Manifest
from tests.conftest import ROOT


def _records(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


def _manifest(out: Path) -> list[tuple]:
    manifest = Manifest.open(out)
    try:
        return list(manifest.entries())
    finally:
        manifest.close()


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    summary = process_corpus([ROOT / "corpus"], out, workers=1)
    assert summary.failed == 0 and summary.written >= 6
    return out


def test_worker_processes_match_serial_byte_for_byte(serial, tmp_path):
    out = tmp_path / "parallel"
    process_corpus([ROOT / "corpus"], out, workers=2)
    assert _records(out) == _records(serial)
    assert _manifest(out) == _manifest(serial) != []


def test_local_dask_cluster_matches_serial(serial, tmp_path):
    pytest.importorskip("distributed")
    from pipeline.batch.cluster import local_cluster
    with local_cluster(2) as cluster:
        out = tmp_path / "dask"
        summary = process_corpus([ROOT / "corpus"], out, dask=cluster.scheduler_address)
    assert summary.failed == 0 and summary.notices == []
    assert _records(out) == _records(serial)
    assert _manifest(out) == _manifest(serial) != []


def test_workers_that_keep_task_profiles_are_named_in_a_notice(tmp_path):
    # A cluster started without the pipeline's worker settings still runs the batch,
    # and the summary says what to change.
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as cluster:
        summary = process_corpus([ROOT / "corpus"], tmp_path / "out", dask=cluster.scheduler_address)
    assert summary.failed == 0 and summary.written >= 6
    assert len(summary.notices) == 1
    assert "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False" in summary.notices[0]


def test_a_vanished_file_fails_alone(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "corpus", folder)
    victim = next(folder.glob("*.txt"))
    from pipeline.batch import corpus as batch
    inputs = list(batch.discover([folder]))
    victim.unlink()  # gone between discovery and reading
    out = tmp_path / "out"
    outcomes = dict(batch._run(iter(inputs), out, 1, 10 * 2**20))
    failed = [o for o in outcomes.values() if o.status == "failed"]
    assert len(failed) == 1 and "vanished" in failed[0].warnings[0]
    assert len(list(out.glob("*.json"))) == len(inputs)


@pytest.mark.parametrize("sizes, documents, limit, expected", [
    ([10] * 5, 2, 1000, [2, 2, 1]),              # up to `documents` a task
    ([10, 10, 995, 10], 16, 1000, [2, 1, 1]),    # a long one alone: it would push its batch over the bytes
    ([2000, 10, 10], 16, 1000, [1, 2]),          # a file over the limit by itself still travels
    ([], 16, 1000, []),
])
def test_short_documents_travel_to_the_cluster_in_batches(tmp_path, sizes, documents, limit, expected):
    from pipeline.batch.corpus import Input
    from pipeline.batch.cluster import batches

    items = []
    for n, size in enumerate(sizes):
        path = tmp_path / f"d{n}.txt"
        path.write_bytes(b"x" * size)
        items.append(Input(path, path.name, f"d{n}", None))
    grouped = list(batches(iter(items), documents, limit))
    assert [len(b) for b in grouped] == expected
    assert [i for b in grouped for i in b] == items


def test_a_worker_started_before_the_inputs_are_found_is_stopped_when_nothing_is_to_do(tmp_path):
    from pipeline.batch.pool import Pool

    pool = Pool(2, lambda job: job, (), timeout=5.0, on_lost=lambda job, reason: None)
    pool.start(1)
    (early,) = pool.workers
    assert early.process.is_alive()
    pool.close()
    assert not early.process.is_alive() and pool.workers == []

    pool.start(1)
    pool.size = 1                                  # the run turned out to have one input
    assert [outcome for _, outcome in pool.run(iter(["a"]))] == ["a"]
    assert pool.workers == []


def test_a_run_with_nothing_to_do_after_a_first_leaves_the_records_as_they_are(serial, tmp_path):
    out = tmp_path / "again"
    shutil.copytree(serial, out)
    summary = process_corpus([ROOT / "corpus"], out, workers=2)
    assert summary.read == 0 and summary.unchanged >= 6
    assert _records(out) == _records(serial)


def test_dask_settings_reach_workers_through_their_environment():
    # `make dask-worker`/`dask-scheduler` pass WORKER_CONFIG as environment variables: the Makefile's
    # line is the one derived here, and Dask reads each variable back as the same setting.
    dask = pytest.importorskip("dask")
    from pipeline.batch.cluster import WORKER_CONFIG, environment_of
    environment = environment_of(WORKER_CONFIG)
    line = next(line for line in (ROOT / "Makefile").read_text().splitlines() if line.startswith("DASK_ENV ="))
    assert line.split("=", 1)[1].split() == [f"{k}={v}" for k, v in environment.items()]
    assert dask.config.collect_env(environment) == dask.config.collect_env(
        {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False", "DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL": "1s",
         "DASK_DISTRIBUTED__ADMIN__SYSTEM_MONITOR__INTERVAL": "2s",
         "DASK_DISTRIBUTED__WORKER__MEMORY__MONITOR_INTERVAL": "1s"})
    read = dask.config.collect_env(environment)
    for key, value in WORKER_CONFIG.items():
        section = read
        for part in key.split("."):
            section = section[part.replace("-", "_")]
        assert section == value
    assert environment_of({"a.b-c.d": 1}) == {"DASK_A__B_C__D": "1"}
    assert environment_of({}) == {}


def test_local_cluster_workers_run_with_the_pipeline_settings():
    distributed = pytest.importorskip("distributed")
    from pipeline.batch.cluster import WORKER_CONFIG, local_cluster

    def settings():
        import dask
        return {key: dask.config.get(key) for key in WORKER_CONFIG}

    with local_cluster(1) as cluster, distributed.Client(cluster) as client:
        assert list(client.run(settings).values()) == [WORKER_CONFIG]
