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


SAMPLE = ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ\nSố: 12/CV-UBND\nAn Phú, ngày 3 tháng 4 năm 2025\n"
          "Giao Sở Nội vụ báo cáo Ủy ban nhân dân tỉnh trước ngày 30/4/2025.\n")


def _aged(path, seconds: int = 60) -> None:
    """The file as if written a minute ago: a stamp younger than the clock's tick is not trusted."""
    st = path.stat()
    import os
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 10**9))


def test_a_rerun_trusts_an_unchanged_stamp_and_hashes_only_touched_inputs(tmp_path, monkeypatch):
    from pipeline.batch import corpus

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for n in range(3):
        (folder / f"cv-{n}.txt").write_text(SAMPLE.replace("12/", f"1{n}/"), encoding="utf-8")
        _aged(folder / f"cv-{n}.txt")
    assert corpus.process_corpus([folder], out).written == 3
    hashed = []
    real = corpus.file_sha256
    monkeypatch.setattr(corpus, "file_sha256", lambda path, limit: hashed.append(path.name) or real(path, limit))

    again = corpus.process_corpus([folder], out)
    assert (again.written, again.unchanged, hashed) == (0, 3, [])            # no input read at all

    (folder / "cv-1.txt").touch()                                             # touched, same bytes
    _aged(folder / "cv-1.txt", 30)
    again = corpus.process_corpus([folder], out)
    assert (again.written, again.unchanged, hashed) == (0, 3, ["cv-1.txt"])
    hashed.clear()
    again = corpus.process_corpus([folder], out)                              # stamped anew: not hashed
    assert (again.written, hashed) == (0, [])

    same_size = SAMPLE.replace("30/4", "29/4")                                # new bytes, the same size
    (folder / "cv-2.txt").write_text(same_size, encoding="utf-8")
    again = corpus.process_corpus([folder], out)
    assert again.written == 1 and hashed == ["cv-2.txt"]
    assert "29/4" in (out / "cv-2.json").read_text(encoding="utf-8")


def test_a_stamp_younger_than_the_clock_tick_is_not_trusted(tmp_path):
    from pipeline.batch.manifest import stamp_of

    path = tmp_path / "cv-01.txt"
    path.write_text("Chỉ thị", encoding="utf-8")                             # written just now
    (tmp_path / "cv-01.json").write_text("{}")
    manifest = Manifest.open(tmp_path)
    manifest.remember("cv-01", "in/cv-01.txt", "aa", "1.0", "ok", stamp_of(path))
    assert not manifest.is_stamped_current("cv-01", "in/cv-01.txt", stamp_of(path), "1.0", tmp_path)
    _aged(path)
    manifest.restamp("cv-01", stamp_of(path))
    assert manifest.is_stamped_current("cv-01", "in/cv-01.txt", stamp_of(path), "1.0", tmp_path)
    assert not manifest.is_stamped_current("cv-01", "in/cv-01.txt", stamp_of(path), "1.1", tmp_path)
    assert not manifest.is_stamped_current("cv-01", "in/cv-01.txt", (-1, -1), "1.0", tmp_path)
    manifest.close()


def test_a_manifest_written_before_stamps_gains_them(tmp_path):
    with sqlite3.connect(tmp_path / MANIFEST) as db:
        db.execute("CREATE TABLE entries (id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, "
                   "version TEXT NOT NULL, status TEXT NOT NULL)")
        db.execute("INSERT INTO entries VALUES ('cv-01', 'in/cv-01.txt', 'aa', '1.0', 'ok')")
    (tmp_path / "cv-01.json").write_text("{}")
    manifest = Manifest.open(tmp_path)
    assert manifest.is_current("cv-01", "in/cv-01.txt", "aa", "1.0", tmp_path)
    assert not manifest.is_stamped_current("cv-01", "in/cv-01.txt", (7, 1), "1.0", tmp_path)
    manifest.close()


def test_ids_stay_unique_across_pages(tmp_path, monkeypatch):
    import pipeline.batch.inputs
    monkeypatch.setattr(pipeline.batch.inputs, "_PAGE", 2)
    _tree(tmp_path, [f"{folder}/Công văn 7.txt" for folder in "abcde"] + ["f/cong-van-7.docx", "g/x.txt"])
    ids = [item.id for item in discover([tmp_path])]
    assert ids[0] == "cong-van-7" and len(set(ids)) == len(ids) == 7
    assert all(i.startswith("cong-van-7-") for i in ids[1:6]) and ids[6] == "x"
