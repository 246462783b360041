"""notebooks/explore.ipynb runs top to bottom against sample output and answers its questions."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.batch.inputs import discover
from pipeline.export import finish
from pipeline.run import process
from tests.conftest import ROOT
from tests.export_records import failed_record, forest_record, hostile_record, write_records

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def run_notebook(out: Path, monkeypatch, **settings: str):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install nbformat)")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install nbclient ipykernel)")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed")
    pytest.importorskip("matplotlib", reason="matplotlib is not installed")
    monkeypatch.setenv("DIRECTIVES_OUT", str(out))     # the kernel inherits the environment
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    for name, value in settings.items():
        monkeypatch.setenv(f"DIRECTIVES_{name.upper()}", value)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=60, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return notebook


def outputs(notebook) -> tuple[str, int]:
    """All text the notebook printed or displayed, and how many figures it drew."""
    texts, figures = [], 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            data = output.get("data", {})
            texts.append(data.get("text/plain", ""))
            figures += "image/png" in data
    return "\n".join(texts), figures


def test_the_notebook_answers_on_records_with_every_kind_of_finding(tmp_path, monkeypatch):
    out = write_records(tmp_path / "out", [forest_record(), hostile_record(), failed_record()])
    finish(out)
    notebook = run_notebook(out, monkeypatch, today="2025-12-05", year="2025", nghi_quyet="15/NQ-HĐND")
    text, figures = outputs(notebook)
    assert "2025Q4 (01/10/2025–31/12/2025): 2 dated task(s) due, 1 recurring" in text
    assert "1 target(s) set for 2025" in text and "diện tích rừng trồng mới" in text
    assert "Nghị quyết 15/NQ-HĐND is cited by 1 document(s)" in text and "21/CT-UBND" in text
    assert "as of 2025-12-05: 2 task(s) past their deadline" in text and "Công an tỉnh" in text
    assert figures == 5


def test_the_notebook_runs_on_the_sample_corpus(tmp_path, monkeypatch):
    inputs = list(discover([ROOT / "corpus"]))
    out = write_records(tmp_path / "out", [process(item.path, item.id, item.display) for item in inputs])
    finish(out)
    text, _ = outputs(run_notebook(out, monkeypatch, today="2024-10-01"))
    assert "today is 2024-10-01" in text
    assert re.search(rf"^documents\s+{len(inputs)}$", text, re.MULTILINE)
