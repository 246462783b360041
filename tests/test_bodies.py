"""The bodies stage: one record per body named, with every mention's span (ANNOTATION.md, "bodies").

Documents here are the team's own short texts; the last test scores the stage on the
shared corpus when it is there.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from pipeline.extract import bodies
from pipeline.core.records import DocumentInfo
from pipeline.run import prepare

LETTER = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 15/UBND-KT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 04 tháng 5 năm 2020
V/v tăng cường phòng, chống dịch tả lợn châu Phi
Kính gửi:
- Các sở, ban, ngành thuộc tỉnh;
- UBND các huyện, thị xã, thành phố.
Thực hiện chỉ đạo của Thủ tướng Chính phủ, UBND tỉnh yêu cầu:
1. Sở Nông nghiệp và PTNT chủ trì, phối hợp với Sở Tài chính, các sở, ban ngành liên quan hướng dẫn các địa phương.
2. Giám đốc Sở NN&PTNT báo cáo UBND tỉnh trước ngày 15/5/2020.
3. UBND các huyện: Chư Prông, Đức Cơ và Ia Grai khẩn trương tiêu hủy lợn bệnh.
Nơi nhận:
- Như trên;
- Chủ tịch, các PCT UBND tỉnh;
- Lưu: VT, KT.
"""

OFFICE_HEADER = """ỦY BAN NHÂN DÂN TỈNH GIA LAI
VĂN PHÒNG
Số: 21/VP-TH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Gia Lai, ngày 10 tháng 6 năm 2021
Kính gửi: Sở Y tế.
Văn phòng UBND tỉnh đề nghị Sở Y tế báo cáo.
"""

BARE_HEADER = """ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 3/CT-UBND
Pleiku, ngày 2 tháng 3 năm 2021
CHỈ THỊ
Các sở, ngành tăng cường kỷ luật hành chính.
"""

ACRONYM = """Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh phối hợp với Sở Công Thương.
Giao Trung tâm XTĐTTM tổ chức hội chợ."""


def run(tmp_path: Path, text: str, issuer: str | None = None, date: str | None = None):
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    doc = prepare(path, "letter")
    doc.document = DocumentInfo(issuer=issuer, issued_date=date)
    return doc, bodies.find(doc)


def test_one_record_per_body_with_every_span(tmp_path):
    doc, found = run(tmp_path, LETTER, "Ủy ban nhân dân tỉnh Gia Lai", "2020-05-04")
    by_name = {b.name: b for b in found}
    assert set(by_name) == {
        "Ủy ban nhân dân tỉnh Gia Lai", "các sở, ban, ngành thuộc tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố",
        "Thủ tướng Chính phủ", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài chính",
        "các sở, ban, ngành liên quan", "các địa phương", "Ủy ban nhân dân huyện Chư Prông",
        "Ủy ban nhân dân huyện Đức Cơ", "Ủy ban nhân dân huyện Ia Grai"}
    committee = by_name["Ủy ban nhân dân tỉnh Gia Lai"]
    assert committee.kind == "locality" and committee.code == "64"
    # the header, "UBND tỉnh" twice in the body and once in the distribution list: one record
    assert len(committee.spans) == 4
    assert all(doc.text[s:e].upper().startswith(("ỦY BAN", "UBND")) for s, e in committee.spans)
    assert len(by_name["Sở Nông nghiệp và Phát triển nông thôn"].spans) == 2
    assert by_name["Ủy ban nhân dân huyện Đức Cơ"].code == "631"


@pytest.mark.parametrize("absent", [
    "Lưu",                         # "Lưu: VT, KT." files a copy
    "các huyện: Chư Prông",        # the listed group is its members
])
def test_what_is_left_out(tmp_path, absent):
    _, found = run(tmp_path, LETTER, "Ủy ban nhân dân tỉnh Gia Lai", "2020-05-04")
    assert not [b for b in found if absent in b.name]
    assert not [b for b in found if b.name.startswith("Ủy ban nhân dân các huyện:")]


@pytest.mark.parametrize("text, names", [
    # an office named by a code alone in the distribution list is an internal unit, no body …
    ("Nơi nhận:\n- Sở Y tế;\n- Phòng KT;\n- Vụ KGVX;\n- Lưu: VT.", ["Sở Y tế"]),
    # … an office named in words is one.
    ("Nơi nhận:\n- Sở Y tế;\n- Phòng Kinh tế thành phố Pleiku;\n- Lưu: VT.",
     ["Phòng Kinh tế thành phố Pleiku", "Sở Y tế"]),
])
def test_an_office_named_by_a_code_alone_is_no_body(tmp_path, text, names):
    _, found = run(tmp_path, text, "Ủy ban nhân dân tỉnh Gia Lai", "2020-05-04")
    assert sorted(b.name for b in found) == names


def test_group_wordings_that_only_place_it_are_one_group(tmp_path):
    text = "Các sở, ban, ngành thuộc tỉnh; các sở, ban ngành; các sở, ban, ngành có liên quan; các sở, ban, ngành liên quan."
    _, found = run(tmp_path, text)
    groups = sorted((b.name, len(b.spans)) for b in found)
    assert groups == [("các sở, ban, ngành", 2), ("các sở, ban, ngành liên quan", 2)]


def test_bare_and_named_are_one_body(tmp_path):
    _, found = run(tmp_path, "UBND tỉnh Gia Lai giao Sở Nội vụ tỉnh Gia Lai. UBND tỉnh và Sở Nội vụ theo dõi.")
    assert sorted((b.name, len(b.spans)) for b in found) == [
        ("Sở Nội vụ tỉnh Gia Lai", 2), ("Ủy ban nhân dân tỉnh Gia Lai", 2)]


def test_a_name_cut_by_a_wrapped_line_joins_the_whole_name(tmp_path):
    text = ("Năm nay Hiệp hội Cà phê Buôn Ma Thuột tổ chức đại hội. Ngoài ra Hội Nghề cá, Hiệp hội Cà phê Buôn\n"
            "Ma Thuột và Hội Tin học đã báo cáo; Hiệp hội Cà phê\nBuôn Ma Thuột đã gửi hồ sơ.")
    _, found = run(tmp_path, text)
    coffee = [b for b in found if b.name.startswith("Hiệp hội Cà phê")]
    assert [(b.name, len(b.spans)) for b in coffee] == [("Hiệp hội Cà phê Buôn Ma Thuột", 3)]


@pytest.mark.parametrize("second, committees", [
    # the committee with its council after a comma is the one named whole before …
    ("ý kiến thẩm tra của Ban Pháp chế, Hội đồng nhân dân tỉnh về dự thảo.", [("Ban Pháp chế Hội đồng nhân dân tỉnh Gia Lai", 2)]),
    # … not when another place follows the council, nor a body of another name.
    ("ý kiến của Ban Pháp chế, Hội đồng nhân dân huyện Chư Sê về dự thảo.",
     [("Ban Pháp chế", 1), ("Ban Pháp chế Hội đồng nhân dân tỉnh Gia Lai", 1)]),
])
def test_a_committee_and_its_council_after_a_comma_join_the_whole_name(tmp_path, second, committees):
    text = "Xét Báo cáo thẩm tra của Ban Pháp chế Hội đồng nhân dân tỉnh Gia Lai; " + second
    _, found = run(tmp_path, text)
    assert sorted((b.name, len(b.spans)) for b in found if b.name.startswith("Ban Pháp chế")) == committees


def test_nothing_inside_a_quoted_provision_is_a_body(tmp_path):
    text = ("a) Khoản 2 Điều 9 Nghị định số 10/2023/NĐ-CP quy định: “Giám đốc Sở Tư pháp\n"
            "cấp giấy phép cho tổ chức hành nghề”.\nb) Điều 12 Thông tư này quy định:\n“Sở Xây dựng thẩm định”.\n"
            "Sở Nội vụ đề nghị, cụ thể: “Sở Y tế chủ trì”.")
    _, found = run(tmp_path, text)
    assert sorted(b.name for b in found) == ["Sở Nội vụ", "Sở Y tế"]


def test_a_short_name_given_to_a_group_is_no_other_body(tmp_path):
    text = "Quy định áp dụng với các sở, ban, ngành thuộc tỉnh (sau đây gọi tắt là các cơ quan, đơn vị)."
    _, found = run(tmp_path, text)
    assert [b.name for b in found] == ["các sở, ban, ngành thuộc tỉnh"]


def test_a_news_articles_source_line_is_no_body(tmp_path):
    text = "Ngày 5/3, UBND tỉnh giao Sở Y tế kiểm tra.\nXem toàn văn tại đây.\n\nVăn phòng HĐND-UBND"
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    doc = prepare(path, "news")
    doc.document = DocumentInfo(is_report=True)
    assert [b.name for b in bodies.find(doc)] == ["Ủy ban nhân dân tỉnh", "Sở Y tế"]
    doc.document = DocumentInfo(is_report=False)   # in a letter, the same line names a body
    assert len(bodies.find(doc)) == 3


def test_acronym_joins_its_full_name(tmp_path):
    _, found = run(tmp_path, ACRONYM, "Ủy ban nhân dân tỉnh Gia Lai", "2019-01-01")
    centre = [b for b in found if b.name.startswith("Trung tâm")]
    assert len(centre) == 1 and len(centre[0].spans) == 2
    assert centre[0].name == "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Gia Lai"


def test_office_under_its_committee(tmp_path):
    doc, found = run(tmp_path, OFFICE_HEADER, "Văn phòng Ủy ban nhân dân tỉnh Gia Lai", "2021-06-10")
    office = [b for b in found if b.name == "Văn phòng Ủy ban nhân dân tỉnh Gia Lai"]
    assert office and office[0].kind == "agency" and len(office[0].spans) == 2
    assert doc.text[office[0].spans[0][0]:office[0].spans[0][1]] == "VĂN PHÒNG"


def test_bare_committee_in_the_header_is_the_issuer(tmp_path):
    _, found = run(tmp_path, BARE_HEADER, "Ủy ban nhân dân thành phố Pleiku", "2021-03-02")
    assert ("Ủy ban nhân dân thành phố Pleiku", "locality") in [(b.name, b.kind) for b in found]


def test_province_inferred_from_districts(tmp_path):
    text = ("Ngày 12/4/2019, UBND tỉnh ban hành Công văn chỉ đạo UBND các huyện: Chư Prông, Đức Cơ "
            "tăng cường phòng, chống cháy rừng.")
    _, found = run(tmp_path, text)
    assert "Ủy ban nhân dân tỉnh Gia Lai" in [b.name for b in found]


# ---- on the shared corpus ----

def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bodies_f1_on_the_shared_corpus(shared):
    """The stage alone (after the document stage it reads), on the corpus's text and Word files:
    the PDFs need OCR, which the whole-pipeline test of test_shared_corpus.py pays for once."""
    from pipeline.extract import document

    score = _scorer(shared)
    tp = fp = fn = 0
    for gold_path in sorted((shared / "gold").glob("*.json")):
        source = next((shared / "corpus").glob(gold_path.stem + ".*"))
        if source.suffix == ".pdf":
            continue
        doc = prepare(source, gold_path.stem)
        if not doc.failed:
            doc.document = document.find(doc)
        predicted = [] if doc.failed else [{"name": b.name} for b in bodies.find(doc)]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["bodies"]
        pairs, extra, missed = score.match(gold, predicted, lambda g, p: score.same_body(g["name"], p["name"]))
        tp, fp, fn = tp + len(pairs), fp + extra, fn + missed
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.80, f"bodies F1 {f1:.3f} ({tp}/{fp}/{fn})"
