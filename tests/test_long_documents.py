"""Long documents: nothing does a pass over the whole document per item, and PDF pages are let go.

A 1,500-page plan has thousands of sections, figures, deadlines and tasks; a lookup that walks
all of them for each one is quadratic. These tests count the work a lookup does rather than
time it, so they hold on a loaded machine; the time itself is in `make bench`.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.core.doc import Doc, Section
from pipeline.core.records import Source
from tests.conftest import ROOT

# A process's own peak resident memory in MB. Not ru_maxrss: Linux carries that across exec from
# the process that spawned it (here pytest, hundreds of MB), where /proc's VmHWM starts afresh.
PEAK_MB_SOURCE = """
import resource
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
"""


def _plan(items: int) -> Doc:
    """I., II., … each with numbered items, each with a) b) points: sections as segment nests them."""
    doc = Doc(path=Path("k.txt"), id="k", source=Source(path="k.txt", sha256="", format="txt"))
    pos, top = 0, None
    for k in range(items):
        if k % 50 == 0:
            end = pos + 50 * 300
            doc.sections.append(Section(f"{k // 50 + 1}", 1, (pos, pos + 10), (pos, end), None))
            top = len(doc.sections) - 1
        doc.sections.append(Section(str(k), 2, (pos, pos + 10), (pos, pos + 300), top))
        item = len(doc.sections) - 1
        doc.sections.append(Section("a", 4, (pos + 100, pos + 110), (pos + 100, pos + 200), item))
        pos += 300
    doc.text = "x" * pos
    return doc


def test_sections_at_looks_at_a_few_sections_not_all(monkeypatch):
    doc = _plan(2_000)
    expected = {i: [s for s in doc.sections if s.contains(i)] for i in range(0, len(doc.text), 997)}
    calls = 0
    contains = Section.contains

    def counted(self, i):
        nonlocal calls
        calls += 1
        return contains(self, i)

    monkeypatch.setattr(Section, "contains", counted)
    for i, sections in expected.items():
        assert doc.sections_at(i) == sections
    assert calls <= 4 * len(expected), f"{calls} sections looked at for {len(expected)} lookups"


class _CountingList(list):
    reads = 0

    def __getitem__(self, k):
        _CountingList.reads += 1
        return super().__getitem__(k)

    def __iter__(self):
        for k in range(len(self)):
            yield self[k]


@pytest.mark.parametrize("span, overlaps", [
    ((5, 8), False), ((95, 103), True), ((100, 110), True), ((109, 121), True),
    ((110, 120), False), ((0, 1), False), ((99_990, 99_999), False), ((99_985, 99_995), True), ((100_000, 100_005), False),
])
def test_deadline_overlap_test_bisects(span, overlaps):
    from pipeline.extract.deadlines.grammar import _overlaps

    taken = _CountingList((s, s + 10) for s in range(100, 100_000, 20))
    _CountingList.reads = 0
    assert _overlaps(span, taken) is overlaps
    assert _CountingList.reads < 40


def test_calendar_reads_a_records_tasks_once_not_per_deadline():
    from pipeline.export import calendar

    reads = 0

    class Plan:
        id = "k"

        @property
        def tasks(self):
            nonlocal reads
            reads += 1
            return [SimpleNamespace(deadline=SimpleNamespace(start=None, end=f"2025-{m:02d}-28", recurrence=None),
                                    responsible=[f"Sở {m}", "Sở Tài chính"]) for m in range(1, 13)]

    plan = Plan()
    for m in range(1, 13):
        deadline = SimpleNamespace(start=None, end=f"2025-{m:02d}-28", recurrence=None)
        assert calendar._responsible(plan, deadline) == [f"Sở {m}", "Sở Tài chính"]
    assert reads == 1


def test_pdf_pages_are_let_go_once_read(tmp_path):
    """Reading a 60-page text PDF holds one page's characters at a time, not all of them
    (about 4 MB a page when kept)."""
    pytest.importorskip("reportlab", reason="reportlab (a dev dependency) draws the PDF")
    sys.path.insert(0, str(ROOT / "scripts"))
    import long_pdf

    try:
        font = long_pdf.find_font()
    except FileNotFoundError:
        pytest.skip("no DejaVu Sans to draw Vietnamese with")
    path = long_pdf.make(tmp_path / "plan.pdf", pages=60, font=font)
    probe = (PEAK_MB_SOURCE + "import sys\n"
             "from pathlib import Path\n"
             "from pipeline.load import pdf\n"
             "loaded = pdf.read(Path(sys.argv[1]))\n"
             "print(loaded.pages, len(loaded.text), peak_mb())\n")
    done = subprocess.run([sys.executable, "-c", probe, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    pages, chars, peak_mb = map(int, done.stdout.split())
    assert pages == 60 and chars > 60 * 2000
    print(f"{peak_mb} MB to read 60 pages")
    assert peak_mb < 150, f"{peak_mb} MB to read 60 pages"
