"""How the pipeline scales: documents per second, speed-ups and peak memory on 2,000 short documents.

    python scripts/bench_scale.py [--sizes 2000] [--work DIR]

For each size, on a synthetic corpus varied from the team's samples
(scripts/synth_corpus.py): a serial run (`--workers 1`), `--workers 2`, and a Dask
LocalCluster with 2 worker processes; then the time of a no-op re-run. Peak memory is
the largest resident set of any one process of the run (the main one and each worker; for
the cluster, its workers, with the client (the command line) and the scheduler shown on
lines of their own). Ends with the two speed-ups on the largest size: `--workers 2` over
serial (goal: >= 1.8x) and the LocalCluster over serial (goal: >= 1.7x).
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
# This checkout's pipeline, not an installed one: the LocalCluster's scheduler and its workers
# (spawned with this sys.path) unpickle the tasks the command line sends them.
sys.path.insert(0, str(ROOT))

from synth_corpus import build  # noqa: E402


# A fresh wrapper per run: its RUSAGE_CHILDREN high-water mark covers only that run's processes
# (the pipeline and the worker processes it waited for).
_WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def cli_run(corpus: Path, out: Path, *extra: str) -> tuple[float, float]:
    """Seconds and the peak RSS (MB) of the largest process of one `python -m pipeline extract`."""
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _WRAPPER, sys.executable, "-m", "pipeline", "extract", str(corpus),
                           "--out", str(out), *extra], cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    return seconds, int(done.stdout.strip() or 0) / 1024


def dask_run(corpus: Path, out: Path) -> tuple[float, float, dict[str, float]]:
    """A LocalCluster in this process (its scheduler), and the pipeline's command line as its client,
    as a user runs `make extract DASK=…`: seconds, the workers' peak, and the client's and scheduler's."""
    from distributed import Client

    from pipeline.batch.cluster import local_cluster
    # Workers set up as `make dask-worker` starts them (pipeline.batch.cluster.WORKER_CONFIG).
    with local_cluster(2) as cluster, Client(cluster) as client:
        seconds, client_peak = cli_run(corpus, out, "--dask", cluster.scheduler_address)
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    # This process also built the synthetic corpus: its peak is an upper bound for the scheduler's.
    scheduler = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return seconds, max(peaks.values()) / 1024, {"  client (CLI)": client_peak, "  scheduler": scheduler}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000])
    ap.add_argument("--work", type=Path, default=None, help="folder for corpora and outputs (default: a temp dir)")
    ap.add_argument("--runs", nargs="+", default=["serial", "workers", "dask"], choices=["serial", "workers", "dask"])
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    print(f"{'documents':>9} {'run':<16} {'seconds':>8} {'docs/s':>8} {'peak MB':>8}")
    results = {}
    for size in args.sizes:
        corpus = work / f"corpus-{size}"
        build(corpus, size)
        for name, label, run in (("serial", "serial", lambda out: cli_run(corpus, out, "--workers", "1")),
                                 ("workers", "--workers 2", lambda out: cli_run(corpus, out, "--workers", "2")),
                                 ("dask", "LocalCluster x2", lambda out: dask_run(corpus, out))):
            if name not in args.runs:
                continue
            out = work / f"out-{size}-{label.strip('-').replace(' ', '')}"
            shutil.rmtree(out, ignore_errors=True)
            seconds, peak, *more = run(out)
            results[(size, label)] = (seconds, peak)
            print(f"{size:>9} {label:<16} {seconds:8.1f} {size / seconds:8.1f} {peak:8.0f}", flush=True)
            for part, part_peak in (more[0] if more else {}).items():
                results[(size, part)] = (seconds, part_peak)
                print(f"{'':>9} {part:<16} {'':>8} {'':>8} {part_peak:8.0f}", flush=True)
        if "serial" in args.runs:
            seconds, _ = cli_run(corpus, work / f"out-{size}-serial", "--workers", "1")
            print(f"{size:>9} {'no-op re-run':<16} {seconds:8.2f}", flush=True)
    sizes = sorted(args.sizes)
    big = sizes[-1]
    for label, goal in (("--workers 2", 1.8), ("LocalCluster x2", 1.7)):
        if (big, "serial") in results and (big, label) in results:
            serial, parallel = results[(big, "serial")][0], results[(big, label)][0]
            print(f"SPEED-UP {label}: {serial / parallel:.2f}x serial on {big:,} documents (goal: >= {goal}x)")
    if len(sizes) > 1:
        small = sizes[0]
        for label in ("serial", "--workers 2", "LocalCluster x2", "  client (CLI)", "  scheduler"):
            if (small, label) not in results:
                continue
            a, b = results[(small, label)][1], results[(big, label)][1]
            print(f"peak memory, {label.strip()}: {a:.0f} MB at {small}, {b:.0f} MB at {big} ({100 * (b - a) / a:+.0f}%)")
    print(f"work folder: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
