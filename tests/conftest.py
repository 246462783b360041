"""Shared fixtures: the repo's paths, the JSON Schema, and ../shared when it is there."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# Where Debian and other distributions put DejaVu Sans: tests that draw Vietnamese PDFs need it.
FONT_CANDIDATES = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/TTF/DejaVuSans.ttf"]


@pytest.fixture(scope="session")
def record_schema() -> dict:
    return json.loads((ROOT / "docs" / "record.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate(record_schema):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(record_schema)

    def check(record: dict) -> None:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return check


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"{SHARED} is absent: the shared corpus and gold records sit beside the project in CI")
    return SHARED


def reader_cer():
    """scripts/reader_cer.py as a module: the measure the reader tests share with the script."""
    spec = importlib.util.spec_from_file_location("reader_cer", ROOT / "scripts" / "reader_cer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
