"""Parallel runs give the same records as a serial run: worker processes and a Dask cluster."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.batch import process_corpus
from tests.conftest import ROOT


def _records(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


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
    assert (out / ".manifest").read_bytes() == (serial / ".manifest").read_bytes()


def test_local_dask_cluster_matches_serial(serial, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                                  host="127.0.0.1") as cluster:
        out = tmp_path / "dask"
        summary = process_corpus([ROOT / "corpus"], out, dask=cluster.scheduler_address)
    assert summary.failed == 0
    assert _records(out) == _records(serial)


def test_a_vanished_file_fails_alone(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "corpus", folder)
    victim = next(folder.glob("*.txt"))
    from pipeline import batch
    inputs, _ = batch.discover([folder])
    victim.unlink()  # gone between discovery and reading
    out = tmp_path / "out"
    outcomes = dict(batch._run(inputs, out, 1, 10 * 2**20))
    failed = [o for o in outcomes.values() if o.status == "failed"]
    assert len(failed) == 1 and "vanished" in failed[0].warnings[0]
    assert len(list(out.glob("*.json"))) == len(inputs)
