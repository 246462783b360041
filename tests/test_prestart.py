"""`extract`'s first worker, forked before the command line is read (pipeline/batch/prestart.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pipeline.batch import prestart
from pipeline.batch.pool import Pool
from tests.conftest import ROOT


@pytest.mark.parametrize("argv, wanted", [
    (["extract", "corpus"], True),
    (["extract", "corpus", "--out", "x", "--workers", "1"], True),
    (["extract", "--force", "a.pdf", "b.docx"], True),
    (["extract", "corpus", "--dask", "tcp://10.0.0.5:8786"], False),   # the documents go to the cluster
    (["extract", "corpus", "--dask=tcp://10.0.0.5:8786"], False),
    (["extract", "--help"], False),
    (["schema"], False),
    (["browse", "--out", "extracted"], False),
    (["serve"], False),
    ([], False),
    (["corpus", "extract"], False),                                   # extract must be the command
])
def test_which_command_lines_start_a_worker_first(argv, wanted):
    assert prestart.wanted(argv) is wanted


def _pid(job: str) -> tuple[str, int]:
    return job.upper(), os.getpid()


def test_a_pool_takes_the_worker_started_first_and_runs_its_documents_there():
    prestart.start(["extract", "corpus"])
    first = prestart.take()
    assert first is not None and first[0].is_alive()
    assert prestart.take() is None                        # taken once
    pool = Pool(1, _pid, (), timeout=30, on_lost=lambda job, reason: reason, first=first)
    outcomes = [outcome for _, outcome in pool.run(iter(["a", "b"]))]
    assert outcomes == [("A", first[0].pid), ("B", first[0].pid)]
    assert not first[0].is_alive()


def test_a_worker_started_first_that_died_is_replaced_by_one_of_the_pool():
    prestart.start(["extract", "corpus"])
    first = prestart.take()
    first[0].kill()
    first[0].join()
    pool = Pool(1, _pid, (), timeout=30, on_lost=lambda job, reason: reason, first=first)
    ((_, (upper, pid)),) = list(pool.run(iter(["a"])))
    assert upper == "A" and pid not in (first[0].pid, os.getpid())


def test_a_worker_started_first_is_not_given_what_cannot_cross_a_pipe():
    prestart.start(["extract", "corpus"])
    first = prestart.take()
    pool = Pool(1, lambda job: job * 2, (), timeout=30, on_lost=lambda job, reason: reason, first=first)
    assert [outcome for _, outcome in pool.run(iter(["a"]))] == ["aa"]   # a forked worker ran it
    first[0].join(5)
    assert not first[0].is_alive()


def test_a_worker_not_taken_is_stopped():
    prestart.start(["extract", "corpus"])
    process, _ = prestart._started
    prestart.discard()
    assert not process.is_alive() and prestart.take() is None
    prestart.start(["schema"])                            # no worker for other commands
    assert prestart.take() is None


@pytest.mark.parametrize("extra", [["--workers", "1", "--timeout-s", "0", "--max-memory-mb", "0"],   # in process
                                   ["--workers", "1"]])
def test_extract_with_and_without_workers_writes_the_same_records(tmp_path, extra):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "chi-thi.txt").write_text(next((ROOT / "corpus").glob("s01_*.txt"))
                                        .read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(tmp_path / "out"),
                           *extra], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "out" / "chi-thi.json").read_text(encoding="utf-8"))
    assert record["status"] == "ok" and record["tasks"]


def test_a_command_line_that_stops_early_leaves_no_worker_behind():
    # --workers takes a number: typer refuses the line after the first worker was forked. The probe
    # adopts whatever its child leaves behind (a subreaper), so a worker left running, or exited and
    # never waited for, is still its child when it counts them.
    if not sys.platform.startswith("linux"):
        pytest.skip("a subreaper and /proc's list of children are Linux's")
    probe = ("import ctypes, os, subprocess, sys, time\n"
             "ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER\n"
             "done = subprocess.run([sys.executable, '-m', 'pipeline', 'extract', 'corpus', '--workers', 'many'],"
             " capture_output=True, text=True)\n"
             "time.sleep(1.0)\n"
             "me = os.getpid()\n"
             "print(done.returncode, len(open(f'/proc/{me}/task/{me}/children').read().split()))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    code, left = done.stdout.split()
    assert code == "2"      # typer's usage error
    assert left == "0"


def test_the_directives_command_extracts_through_the_same_front_door(tmp_path):
    from importlib.metadata import entry_points

    from pipeline.__main__ import main

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "directives"]
    assert script.load() is main                  # importing it runs nothing
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "chi-thi.txt").write_text(next((ROOT / "corpus").glob("s01_*.txt")).read_text(encoding="utf-8"),
                                        encoding="utf-8")
    run = ("import sys\nfrom pipeline.__main__ import main\n"
           "sys.argv = ['directives', 'extract', sys.argv[1], '--out', sys.argv[2], '--workers', '1']\nmain()\n")
    done = subprocess.run([sys.executable, "-c", run, str(folder), str(tmp_path / "out")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "out" / "chi-thi.json").read_text(encoding="utf-8"))["status"] == "ok"
