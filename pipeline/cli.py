"""`python -m pipeline …`: a thin command line over batch/corpus.py and core/records.py."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline import VERSION
from pipeline.batch.corpus import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Summary, process_corpus
from pipeline.export import finish
from pipeline.load import DEFAULT_MAX_BYTES

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn Vietnamese official directives into structured, source-grounded records.")
console = Console(stderr=True)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read (.txt, .html, .pdf, .docx).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON records.")] = Path("extracted"),
    force: Annotated[bool, typer.Option("--force", help="Redo every document, even unchanged ones.")] = False,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", "-w", help="Documents processed in parallel (default: the machine's cores).")] = None,
    dask: Annotated[Optional[str], typer.Option(
        "--dask", help="Address of a Dask distributed scheduler (tcp://host:8786) to run the documents on.")] = None,
    max_mb: Annotated[float, typer.Option(
        "--max-mb", help="Files larger than this many megabytes, or that inflate (.docx) or decode to more, "
                         "are refused, not read.")] = DEFAULT_MAX_BYTES / 2**20,
    timeout_s: Annotated[float, typer.Option(
        "--timeout-s", help="Seconds one document may take; over it the document gets a failed record and "
                            "its worker is replaced (0: no limit).")] = DEFAULT_TIMEOUT,
    max_memory_mb: Annotated[float, typer.Option(
        "--max-memory-mb", help="Megabytes of memory a worker may hold on one document; over it the document "
                                "gets a failed record and the worker is replaced (0: no limit).")
    ] = DEFAULT_MAX_MEMORY / 2**20,
) -> None:
    """Write one <id>.json record per document into OUT (see CONTRACT.md)."""
    workers = workers or os.cpu_count() or 1
    # The bar is drawn only on a terminal: into a pipe or a log it draws nothing anyway, and its
    # refreshing thread would only take time from the documents.
    progress = Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=console, transient=True,
                        disable=not console.is_terminal)
    with progress:
        task = progress.add_task("", total=None)

        def started(count: int) -> None:
            progress.update(task, total=count)

        def done(item, outcome) -> None:  # an unchanged input (outcome None) counts as done too
            progress.update(task, advance=1, description=item.path.name[:40] if outcome else "")

        summary = process_corpus(paths, out, force=force, workers=workers, max_bytes=int(max_mb * 2**20),
                                 timeout=timeout_s or None, max_memory=int(max_memory_mb * 2**20) or None,
                                 dask=dask, on_record=done, on_start=started)
    _print_summary(summary, out)
    _print_export(finish(out, changed=bool(summary.written or summary.removed)), out)
    if summary.failed:
        raise typer.Exit(code=1)


def _print_summary(s: Summary, out: Path) -> None:
    for name in s.skipped:
        console.print(f"[yellow]skipped[/] {name}: unknown extension (readable: .txt .html .htm .pdf .docx)")
    for name, reason in s.failures:
        console.print(f"[red]failed[/] {name}: {reason}")
    for notice in s.notices:
        console.print(f"[yellow]note[/] {notice}")
    if s.read == 0 and s.unchanged:
        console.print(f"Nothing to do: {s.unchanged} record(s) in {out} are up to date "
                      f"(same input bytes, pipeline {VERSION}).")
    console.print(
        f"{s.read} document(s) read, {s.written} record(s) written to {out}, {s.unchanged} unchanged, "
        f"{s.warned} with warnings, {s.failed} failed, {s.removed} removed, {len(s.skipped)} skipped "
        f"in {s.seconds:.1f} s")


def _print_export(exported, out: Path) -> None:
    for problem in exported.problems:
        console.print(f"[yellow]not in the tables[/] {problem}")
    if exported.rebuilt:
        console.print(f"Tables of {exported.records} record(s) written to {out}/tables, {out}/directives.db "
                      f"and {out}/records.jsonl in {exported.seconds:.1f} s")


@app.command()
def browse(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the JSON records.")] = Path("extracted"),
    site: Annotated[Optional[Path], typer.Option(
        "--site", help="Where to build the viewer (default: OUT/site).")] = None,
) -> None:
    """Build the static viewer (documents, highlights, overview charts) that opens from disk."""
    from pipeline.export.site import build_site

    _print_export(finish(out, changed=False), out)
    index = build_site(out, site)
    console.print(f"Viewer written: open {index.resolve().as_uri()}")


@app.command()
def serve(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the JSON records.")] = Path("extracted"),
    port: Annotated[int, typer.Option("--port", "-p", help="Local port to serve on.")] = 8001,
) -> None:
    """Serve the tables with Datasette on 127.0.0.1 (JSON API and faceted browsing)."""
    from pipeline.export.datasette import command

    _print_export(finish(out, changed=False), out)
    console.print(f"Datasette on http://127.0.0.1:{port}/ (Ctrl-C stops it)")
    os.execv(sys.executable, command(out, port))


@app.command()
def schema() -> None:
    """Print the JSON Schema of a record."""
    from pipeline.core.records import json_schema  # pydantic is slow to import: only this command needs it

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command()
def version() -> None:
    """Print the pipeline version (package version + digest of code and language data)."""
    typer.echo(VERSION)
