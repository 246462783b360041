#!/usr/bin/env python3
"""Build the project's sample corpus (corpus/) from the source texts in scripts/samples/.

    .venv/bin/python scripts/make_samples.py [OUT_DIR]

Each source names its output file; the extension picks the writer: .txt, .html/.htm,
.pdf (reportlab, DejaVu TrueType fonts) or .docx (python-docx). The markup is described
in scripts/samples/README.md. Runs are reproducible: reportlab draws in invariant mode,
and the .docx gets fixed core-property dates and fixed zip timestamps. The markup parser and
the writers are in scripts/samplegen/.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE / "samples"
CORPUS = HERE.parent / "corpus"
sys.path.insert(0, str(HERE))

from samplegen.markup import MarkupError, Sample, parse  # noqa: E402
from samplegen.pdf import to_pdf  # noqa: E402
from samplegen.plain import to_txt  # noqa: E402
from samplegen.web import to_html  # noqa: E402
from samplegen.word import to_docx  # noqa: E402


# --- fonts for the PDFs -----------------------------------------------------------------
# Looked up here rather than in samplegen.pdf: which fonts this machine has is the command's
# business, and it is the command that stops with advice when there are none.

FONT_FAMILIES = [  # regular, bold, italic, bold italic; italics fall back to upright
    ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
]


def font_dirs():
    if os.environ.get("SAMPLES_FONT_DIR"):
        yield Path(os.environ["SAMPLES_FONT_DIR"])
    yield from (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                Path.home() / ".local/share/fonts", Path.home() / ".fonts")
    for package, sub in (("matplotlib", "mpl-data/fonts/ttf"), ("reportlab", "fonts")):
        spec = importlib.util.find_spec(package)
        if spec and spec.origin:
            yield Path(spec.origin).parent / sub


def find_fonts() -> list[Path]:
    found: dict[str, Path] = {}
    for folder in font_dirs():
        if folder.is_dir():
            for path in sorted(folder.rglob("*.ttf")):
                found.setdefault(path.name, path)
    for regular, bold, italic, bold_italic in FONT_FAMILIES:
        if regular in found and bold in found:
            return [found[regular], found[bold], found.get(italic, found[regular]),
                    found.get(bold_italic, found[bold])]
    sys.exit("make_samples: no TrueType font with Vietnamese glyphs found for the PDFs "
             "(DejaVu Serif or DejaVu Sans, regular and bold) in $SAMPLES_FONT_DIR, "
             "/usr/share/fonts, ~/.fonts or matplotlib's fonts.\n"
             "Install them with `apt-get install -y fonts-dejavu-core fonts-dejavu-extra`, "
             "or set SAMPLES_FONT_DIR to a folder holding DejaVuSerif*.ttf.")


# --- main -----------------------------------------------------------------------------

def build(sample: Sample, fonts: list[Path] | None) -> bytes:
    suffix = Path(sample.output).suffix.lower()
    if suffix == ".txt":
        return to_txt(sample)
    if suffix in (".html", ".htm"):
        return to_html(sample)
    if suffix == ".pdf":
        return to_pdf(sample, fonts or find_fonts())
    if suffix == ".docx":
        return to_docx(sample)
    raise MarkupError(f"{sample.source.name}: no writer for '{suffix}'")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=CORPUS, help="output folder (default: corpus/)")
    args = parser.parse_args(argv)
    samples = [parse(path) for path in sorted(SAMPLES.glob("s*.txt"))]
    fonts = find_fonts() if any(s.output.lower().endswith(".pdf") for s in samples) else None
    args.out.mkdir(parents=True, exist_ok=True)
    for sample in samples:
        data = build(sample, fonts)
        (args.out / sample.output).write_bytes(data)
        print(f"{sample.output}  {len(data):>7} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
