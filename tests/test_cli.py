"""The command line as a user runs it: a folder in, records out, bad files reported, re-runs incremental."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

GOOD = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 11/CT-UBND
Phú Yên, ngày 02 tháng 4 năm 2024
CHỈ THỊ
Về tăng cường quản lý an toàn thực phẩm năm 2024
Căn cứ Nghị định số 15/2018/NĐ-CP ngày 02/02/2018 của Chính phủ;
1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm, báo cáo trước ngày 30/6/2024./.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Phạm Đại Dương
"""


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "chi-thi-11.txt").write_text(GOOD, encoding="utf-8")
    (folder / "rong.txt").write_bytes(b"")
    (folder / "nhi-phan.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "cut.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
    (folder / "not-a-zip.docx").write_text("this is not a word file", encoding="utf-8")
    (folder / "lon.txt").write_text("Chỉ thị số 1/CT-UBND. " * 60_000, encoding="utf-8")  # ~1.3 MB
    (folder / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_extract_a_mixed_folder(mixed_folder, tmp_path, validate):
    out = tmp_path / "out"
    result = run_cli("extract", str(mixed_folder), "--out", str(out), "--workers", "2", "--max-mb", "1")
    assert result.returncode == 1, result.stderr           # some documents failed
    records = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}
    assert set(records) == {"chi-thi-11", "rong", "nhi-phan", "cut", "not-a-zip", "lon"}
    for record in records.values():
        validate(record)
    good = records["chi-thi-11"]
    assert good["status"] == "ok" and good["document"]["number"] == "11/CT-UBND"
    assert [r["number"] for r in good["references"]] == ["15/2018/NĐ-CP"]
    for name, words in [("rong", "empty"), ("nhi-phan", "binary"), ("lon", "size limit"),
                        ("not-a-zip", "zip"), ("cut", "")]:
        record = records[name]
        assert record["status"] == "failed", name
        assert record["document"]["doc_type"] is None and record["bodies"] == []
        assert words.lower() in " ".join(record["warnings"]).lower(), (name, record["warnings"])
    assert "anh.png" in result.stderr and "unknown extension" in result.stderr
    assert not list(out.glob(".*.tmp"))                    # no half-written file left behind


def test_second_run_redoes_nothing_and_force_redoes_all(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "chi-thi-11.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    first = run_cli("extract", str(folder), "--out", str(out), "--workers", "1")
    assert first.returncode == 0, first.stderr
    written = (out / "chi-thi-11.json").stat().st_mtime_ns
    second = run_cli("extract", str(folder), "--out", str(out))
    assert second.returncode == 0 and "Nothing to do" in second.stderr
    assert (out / "chi-thi-11.json").stat().st_mtime_ns == written
    forced = run_cli("extract", str(folder), "--out", str(out), "--force")
    assert "1 document(s) read" in forced.stderr


def test_changed_and_removed_inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(GOOD.replace("11/CT-UBND", "12/CT-UBND"), encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("extract", str(folder), "--out", str(out)).returncode == 0
    (folder / "b.txt").unlink()
    (folder / "a.txt").write_text(GOOD.replace("11/CT-UBND", "13/CT-UBND"), encoding="utf-8")
    result = run_cli("extract", str(folder), "--out", str(out))
    assert "1 removed" in result.stderr and "1 document(s) read" in result.stderr
    assert not (out / "b.json").exists()
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["document"]["number"] == "13/CT-UBND"


def test_a_single_file_and_same_names(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "Chỉ thị 11.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "y" / "Chỉ thị 11.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("extract", str(tmp_path / "x" / "Chỉ thị 11.txt"), str(tmp_path / "y"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.json"))
    assert len(names) == 2 and "chi-thi-11.json" in names
    assert any(n.startswith("chi-thi-11-") for n in names)  # the second gets a hash of its path


def test_help_and_schema():
    help_text = run_cli("extract", "--help").stdout
    for option in ("--out", "--force", "--workers"):
        assert option in help_text
    schema = json.loads(run_cli("schema").stdout)
    committed = json.loads((ROOT / "docs" / "record.schema.json").read_text(encoding="utf-8"))
    assert schema == committed, "docs/record.schema.json is stale: run `make schema`"
