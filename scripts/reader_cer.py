"""How close the PDF and DOCX readers come to hand-checked transcripts.

    .venv/bin/python scripts/reader_cer.py [CORPUS_DIR] [TRANSCRIPTS_DIR]

For every .pdf/.docx in CORPUS_DIR with a transcript of the same stem in
TRANSCRIPTS_DIR, prints the character error rate (1 - difflib ratio, both sides
NFC with whitespace collapsed and old-style tone marks "uỷ/hoà" moved to
"ủy/hòa"), the CPU seconds the reader took and, for PDFs, the CPU seconds
pdfplumber's own extract_text takes over the same file (best of --runs timings). Unreadable documents are listed as
such with the reader's warnings. Defaults: ../shared/corpus and
../shared/transcripts, relative to the repository root.
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.core.errors import ReadError  # noqa: E402
from pipeline.load import docx as docx_reader  # noqa: E402
from pipeline.load import pdf as pdf_reader  # noqa: E402

READERS = {".pdf": pdf_reader.read, ".docx": docx_reader.read}
# Old placement (tone on the last vowel of an open "oa/oe/uy" syllable) → the placement the
# contract asks for; "quý" keeps its mark, the "u" being part of "qu".
_OLD_TONES = re.compile(r"(?<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?!\w)")


def comparable(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _OLD_TONES.sub(_move_tone, text)
    return " ".join(text.split())


def _move_tone(match: re.Match) -> str:
    first, second = match.group(1), match.group(2)
    parts = unicodedata.normalize("NFD", second)
    base, marks = parts[0], parts[1:]
    return unicodedata.normalize("NFC", first + marks) + base


def cer(got: str, expected: str) -> float:
    a, b = comparable(got), comparable(expected)
    if a == b:  # difflib is quadratic-ish on long texts; equal ones need no alignment
        return 0.0
    return 1 - difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def pdfplumber_text(path: Path) -> str:
    """The baseline the PDF reader's speed is held to: pdfplumber's own extract_text."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def best_of(read, path: Path, runs: int):
    """The result and the fastest of `runs` timings: the first run pays for caches warming up.

    CPU time of this process, not wall time: other jobs on the machine do not count.
    """
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        result = read(path)
        best = min(best, time.process_time() - started)
    return result, best


def measure(corpus: Path, transcripts: Path, runs: int = 3) -> list[dict]:
    rows = []
    for path in sorted(corpus.iterdir()):
        transcript = transcripts / f"{path.stem}.txt"
        if path.suffix.lower() not in READERS or not transcript.exists():
            continue
        try:
            loaded, seconds = best_of(READERS[path.suffix.lower()], path, runs)
        except ReadError as exc:
            rows.append({"name": path.name, "error": str(exc)})
            continue
        row = {"name": path.name, "seconds": seconds, "unreadable": loaded.unreadable,
               "warnings": loaded.warnings, "cer": cer(loaded.text, transcript.read_text(encoding="utf-8"))}
        if path.suffix.lower() == ".pdf":
            row["baseline"] = best_of(pdfplumber_text, path, runs)[1]
        rows.append(row)
    return rows


def report(rows: list[dict]) -> str:
    out = [f"{'document':<60} {'CER':>7} {'cpu s':>8} {'pdfplumber':>10}"]
    for row in rows:
        name = row["name"][:60]
        if "error" in row:
            out.append(f"{name:<60} ReadError: {row['error']}")
            continue
        baseline = f"{row['baseline']:10.3f}" if "baseline" in row else " " * 10
        line = f"{name:<60} {row['cer']:7.2%} {row['seconds']:8.3f} {baseline}"
        if row["unreadable"]:
            line += "  unreadable: " + "; ".join(row["warnings"])
        out.append(line)
    pdfs = [r for r in rows if "baseline" in r]
    if pdfs:
        ours, theirs = sum(r["seconds"] for r in pdfs), sum(r["baseline"] for r in pdfs)
        out.append(f"PDF CPU time: {ours:.3f} s against pdfplumber extract_text {theirs:.3f} s "
                   f"({ours / theirs:.2f}x)")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("transcripts", nargs="?", type=Path, default=ROOT.parent / "shared" / "transcripts")
    parser.add_argument("--runs", type=int, default=3, help="time each reader this many times, keep the best")
    args = parser.parse_args(argv)
    for folder in (args.corpus, args.transcripts):
        if not folder.is_dir():
            parser.error(f"no such folder: {folder}")
    print(report(measure(args.corpus, args.transcripts, max(1, args.runs))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
