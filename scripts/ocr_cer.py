"""How well the pipeline reads scanned and legacy-font documents: CER, time, scorer figures.

    .venv/bin/python scripts/ocr_cer.py [CORPUS_DIR] [TRANSCRIPTS_DIR] [GOLD_DIR]
                                        [--pattern 'p*.pdf'] [--dpi 300]

For every file matching --pattern in CORPUS_DIR with a transcript of the same stem,
runs the whole pipeline (`pipeline.run.process`) and prints the character error rate
of the record's `text` against the transcript (as scripts/reader_cer.py measures it:
1 - difflib ratio, both NFC, tone marks as "hòa/thủy", whitespace collapsed), whether
and how the file was OCRed or converted, the wall seconds per page, and then the
scorer's (../shared/eval/score.py) figures on those documents alone. --dpi renders
OCR pages at another resolution, to compare. Defaults: ../shared/corpus,
../shared/transcripts and ../shared/gold, relative to the repository root.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from reader_cer import cer  # noqa: E402  (one definition of the measure for both scripts)

from pipeline.load import ocr  # noqa: E402
from pipeline.run import process  # noqa: E402
from pipeline.batch.write import write_record  # noqa: E402


def measure(corpus: Path, transcripts: Path, pattern: str, out: Path) -> list[dict]:
    rows = []
    for path in sorted(corpus.glob(pattern)):
        transcript = transcripts / f"{path.stem}.txt"
        if not transcript.exists():
            continue
        started = time.perf_counter()
        record = process(path, path.stem)
        seconds = time.perf_counter() - started
        write_record(out, record)
        source = record.source.model_dump()
        rows.append({"name": path.name, "cer": cer(record.text, transcript.read_text(encoding="utf-8")),
                     "seconds": seconds, "pages": source.get("pages") or 1, "status": record.status,
                     "ocr": source.get("ocr_confidence"), "legacy": source.get("legacy_font"),
                     "document": record.document})
    return rows


def report(rows: list[dict]) -> str:
    out = [f"{'document':<58} {'CER':>7} {'s/page':>7}  how read"]
    for row in rows:
        how = []
        if row["ocr"]:
            how.append("OCR confidence " + ", ".join("-" if c is None else f"{c:.2f}" for c in row["ocr"]))
        if row["legacy"]:
            how.append(f"legacy font {row['legacy']}")
        out.append(f"{row['name'][:58]:<58} {row['cer']:7.2%} {row['seconds'] / row['pages']:7.2f}  "
                   + ("; ".join(how) or "text layer") + ("" if row["status"] != "failed" else "  FAILED"))
    for row in rows:
        document = row["document"]
        out.append(f"  {row['name'][:20]}: {document.doc_type} | {document.number} | {document.issuer} | "
                   f"{document.issued_date} | {document.place} | "
                   f"{document.signer.name if document.signer else None}")
    return "\n".join(out)


def score(gold: Path, out: Path, names: list[str]) -> str:
    """The scorer's figures on the measured documents only: a gold folder of just those."""
    with tempfile.TemporaryDirectory() as folder:
        subset = Path(folder)
        for name in names:
            found = gold / f"{Path(name).stem}.json"
            if found.exists():
                (subset / found.name).symlink_to(found)
        scorer = SHARED / "eval" / "score.py"
        done = subprocess.run([sys.executable, str(scorer), str(subset), str(out)],
                              capture_output=True, text=True, check=False)
        return done.stdout + done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=SHARED / "corpus")
    parser.add_argument("transcripts", nargs="?", type=Path, default=SHARED / "transcripts")
    parser.add_argument("gold", nargs="?", type=Path, default=SHARED / "gold")
    parser.add_argument("--pattern", default="p*.pdf", help="which corpus files (glob); default p*.pdf")
    parser.add_argument("--dpi", type=int, default=ocr.DPI, help=f"OCR resolution (default {ocr.DPI})")
    args = parser.parse_args(argv)
    for folder in (args.corpus, args.transcripts):
        if not folder.is_dir():
            parser.error(f"no such folder: {folder}")
    if ocr.unavailable():
        print(f"note: OCR is not available ({ocr.unavailable()}): scans stay unreadable", file=sys.stderr)
    ocr.DPI = args.dpi
    with tempfile.TemporaryDirectory() as folder:
        rows = measure(args.corpus, args.transcripts, args.pattern, Path(folder))
        print(report(rows))
        if args.gold.is_dir():
            print(score(args.gold, Path(folder), [row["name"] for row in rows]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
