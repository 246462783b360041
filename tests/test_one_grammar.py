"""One grammar of bodies: a body the gazetteer learns is found by every stage that names bodies.

The gazetteer's data (resources/bodies*.yaml) is the only place a body's name is written; the
bodies stage, the document stage (the issuer), the references (a cited document's issuer) and
the tasks stage (who must act, who coordinates) all ask it. Each test here adds a body no
recognizer knows to the loaded data and reads the team's own invented documents.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline import resources, run

NEW_BODY = "Nhà Lưu trữ Hồ sơ Đồi Thông"   # invented: no head word of the gazetteer opens it

ISSUED_BY_IT = """NHÀ LƯU TRỮ HỒ SƠ ĐỒI THÔNG
Số: 15/KH-NLT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
Số hóa tài liệu lưu trữ năm 2025

1. Sở Nội vụ hướng dẫn nghiệp vụ số hóa cho các đơn vị.
2. Sở Tài chính bố trí kinh phí thực hiện.
"""

ASSIGNING_IT = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 21/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Bảo quản tài liệu lưu trữ năm 2025

Căn cứ Công văn số 07/NLT-VP ngày 02/01/2025 của Nhà Lưu trữ Hồ sơ Đồi Thông về việc chuẩn bị số hóa;
1. Nhà Lưu trữ Hồ sơ Đồi Thông chủ trì rà soát danh mục hồ sơ trước ngày 30/6/2025.
2. Sở Tài chính phối hợp với Nhà Lưu trữ Hồ sơ Đồi Thông bố trí kinh phí thực hiện.
"""


def _clear_caches() -> None:
    """Every compiled pattern and table built from the data files, rebuilt on next use."""
    for name, module in list(sys.modules.items()):
        if name.startswith("pipeline") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and value is not resources.load:
                    value.cache_clear()


@pytest.fixture
def learned_body():
    """bodies.yaml with one more fixed name, as a user adds one; the data is restored afterwards."""
    central = resources.load("bodies.yaml")["central"]
    central.append({"name": NEW_BODY, "kind": "agency"})
    _clear_caches()
    yield NEW_BODY
    central.remove({"name": NEW_BODY, "kind": "agency"})
    _clear_caches()


def _read(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    doc = run.prepare(path, "doc")
    return run.extract(doc)


def test_the_bodies_stage_finds_a_learned_body(tmp_path, learned_body):
    doc = _read(tmp_path, ASSIGNING_IT)
    assert learned_body in [b.name for b in doc.bodies]


def test_the_document_stage_names_a_learned_body_as_issuer(tmp_path, learned_body):
    doc = _read(tmp_path, ISSUED_BY_IT)
    assert doc.document.issuer == learned_body


def test_references_name_a_learned_body_as_issuer(tmp_path, learned_body):
    doc = _read(tmp_path, ASSIGNING_IT)
    assert [r.issuer for r in doc.references if r.number == "07/NLT-VP"] == [learned_body]


def test_the_tasks_stage_finds_a_learned_body(tmp_path, learned_body):
    doc = _read(tmp_path, ASSIGNING_IT)
    tasks = [(t.responsible, t.coordinating) for t in doc.tasks]
    assert ([learned_body], []) in tasks
    assert (["Sở Tài chính"], [learned_body]) in tasks


def test_the_tasks_stage_asks_the_gazetteer_not_the_bodies_stage(tmp_path, learned_body):
    """The tasks stage reads the body where the bodies stage said nothing (a record read by the
    tasks stage alone, as a caller may): the grammar is the gazetteer's, not a copy of it."""
    from pipeline.extract import tasks
    doc = _read(tmp_path, ASSIGNING_IT)
    doc.bodies = []
    assert [learned_body] in [t.responsible for t in tasks.find(doc)]


def test_without_the_entry_no_stage_knows_it(tmp_path):
    doc = _read(tmp_path, ASSIGNING_IT)
    assert NEW_BODY not in [b.name for b in doc.bodies]
    assert [NEW_BODY] not in [t.responsible for t in doc.tasks]
