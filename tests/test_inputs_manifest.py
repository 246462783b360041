"""What a run is given, and what the output folder remembers of earlier runs."""
from __future__ import annotations

import json
import sqlite3

from pipeline.batch.inputs import discover
from pipeline.batch.manifest import MANIFEST, Manifest


def _tree(root, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Chỉ thị", encoding="utf-8")


def test_inputs_in_path_order_with_ids_unique_and_stable(tmp_path):
    _tree(tmp_path, ["b/Chỉ thị 11.txt", "a/Chỉ thị 11.txt", "a/Kế hoạch 5.docx", "a/ảnh.png",
                     "a/.git/config.txt", ".an/x.txt", "a/.~lock.txt", "c/Công văn 7.PDF"])
    inputs = discover([tmp_path, tmp_path / "a" / "Kế hoạch 5.docx"])  # a file also given in its folder
    found = [(item.display.removeprefix(str(tmp_path) + "/"), item.id) for item in inputs]
    assert found[0] == ("a/Chỉ thị 11.txt", "chi-thi-11")
    assert found[1] == ("a/Kế hoạch 5.docx", "ke-hoach-5")
    assert found[2][0] == "b/Chỉ thị 11.txt" and found[2][1].startswith("chi-thi-11-") and len(found[2][1]) == 19
    assert found[3] == ("c/Công văn 7.PDF", "cong-van-7")
    assert len(found) == len(inputs) == 4                   # hidden files and folders left out, no duplicate
    assert [p.rsplit("/", 1)[-1] for p in inputs.skipped] == ["ảnh.png"]
    assert str(tmp_path / "b" / "Chỉ thị 11.txt") in inputs and "nowhere.txt" not in inputs
    again = discover([tmp_path])
    assert [i.id for i in again] == [i for _, i in found]   # the same ids on the next run
    inputs.close()
    again.close()


def test_inputs_are_read_back_in_pages(tmp_path, monkeypatch):
    import pipeline.batch.inputs
    monkeypatch.setattr(pipeline.batch.inputs, "_PAGE", 3)
    _tree(tmp_path, [f"cv-{n:02d}.txt" for n in range(10)])
    inputs = discover([tmp_path])
    assert [i.id for i in inputs] == [f"cv-{n:02d}" for n in range(10)]


def test_manifest_lookups_and_updates(tmp_path):
    manifest = Manifest.open(tmp_path)
    manifest.remember("cv-01", "in/cv-01.txt", "aa", "1.0", "ok")
    manifest.remember("cv-02", "in/cv-02.txt", "bb", "1.0", "warned")
    (tmp_path / "cv-01.json").write_text("{}")
    manifest.close()
    manifest = Manifest.open(tmp_path)
    assert manifest.is_current("cv-01", "in/cv-01.txt", "aa", "1.0", tmp_path)
    assert not manifest.is_current("cv-01", "in/cv-01.txt", "aa", "1.1", tmp_path)   # a new pipeline
    assert not manifest.is_current("cv-01", "in/cv-01.txt", "ab", "1.0", tmp_path)   # changed bytes
    assert not manifest.is_current("cv-02", "in/cv-02.txt", "bb", "1.0", tmp_path)   # record deleted
    manifest.forget("cv-02")
    assert list(manifest.entries()) == [("cv-01", "in/cv-01.txt", "aa", "1.0", "ok")]
    manifest.close()


def test_a_json_manifest_of_an_earlier_version_is_carried_over(tmp_path):
    earlier = {"cv-01": {"source": "in/cv-01.txt", "sha256": "aa", "version": "0.1.0", "status": "ok"}}
    (tmp_path / MANIFEST).write_text(json.dumps(earlier, indent=1), encoding="utf-8")
    manifest = Manifest.open(tmp_path)
    assert list(manifest.entries()) == [("cv-01", "in/cv-01.txt", "aa", "0.1.0", "ok")]
    manifest.close()
    with sqlite3.connect(tmp_path / MANIFEST) as db:                  # now a database
        assert db.execute("SELECT count(*) FROM entries").fetchone() == (1,)


def test_a_damaged_manifest_is_started_again(tmp_path):
    (tmp_path / MANIFEST).write_bytes(b"\x00garbage" * 100)
    manifest = Manifest.open(tmp_path)
    assert list(manifest.entries()) == []
    manifest.remember("cv-01", "in/cv-01.txt", "aa", "1.0", "ok")
    manifest.close()
