"""Forms the fourth blind batch of tests/regression showed (rg43–rg50), on texts written for these
tests: "V/v:" with a colon, a trích yếu that opens with an abbreviation, an older title line that
names its issuer after the type, the kinds of bodies each named with its own "các" before private
parties, "các cơ quan ban ngành" without its comma, a law named after the body it organizes.
Each table has rows that must not change."""
from __future__ import annotations

import pytest

from tests.forms import names, record


LETTER = """ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
Số: 321/UBND-KT
{subject_line}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Điện Biên, ngày 04 tháng 3 năm 2019

Kính gửi:
- Sở Xây dựng;
- Sở Giao thông vận tải.

Ủy ban nhân dân tỉnh giao Sở Xây dựng rà soát các công trình nhà ở xuống cấp.
"""


@pytest.mark.parametrize("subject_line, subject", [
    # the colon after "V/v" is no part of the trích yếu
    ("V/v: rà soát nhà ở xuống cấp trên địa bàn", "rà soát nhà ở xuống cấp trên địa bàn"),
    # an abbreviation that opens the trích yếu keeps its capitals
    ("V/v: UBND huyện Mường Nhé xin bổ sung vốn", "UBND huyện Mường Nhé xin bổ sung vốn"),
    # unchanged: without the colon; an ordinary first word is lowered as before
    ("V/v rà soát nhà ở xuống cấp trên địa bàn", "rà soát nhà ở xuống cấp trên địa bàn"),
    ("V/v Rà soát nhà ở xuống cấp trên địa bàn", "rà soát nhà ở xuống cấp trên địa bàn"),
])
def test_letter_subject_after_v_v(tmp_path, subject_line, subject):
    rec = record(tmp_path, LETTER.format(subject_line=subject_line))
    assert rec.document.doc_type == "Công văn"
    assert rec.document.subject == subject


OLD_DECISION = """ỦY BAN NHÂN DÂN TỈNH SƠN LA
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Sơn La, ngày 10 tháng 5 năm 1996

{title}

Về việc giao kế hoạch trồng rừng năm 1996

__________________________

UỶ BAN NHÂN DÂN TỈNH SƠN LA

Căn cứ Luật tổ chức HĐND và UBND ngày 21 tháng 6 năm 1994;

QUYẾT ĐỊNH :

Điều 1. Giao cho UBND các huyện, thị xã kế hoạch trồng rừng năm 1996.
"""


@pytest.mark.parametrize("title, doc_type, subject", [
    # the issuer after the type on the title line: the type, the trích yếu under it
    ("QUYẾT ĐỊNH CỦA UBND TỈNH SƠN LA", "Quyết định", "giao kế hoạch trồng rừng năm 1996"),
    ("CHỈ THỊ CỦA UBND TỈNH SƠN LA", "Chỉ thị", "giao kế hoạch trồng rừng năm 1996"),
    # unchanged: the bare type
    ("QUYẾT ĐỊNH", "Quyết định", "giao kế hoạch trồng rừng năm 1996"),
])
def test_title_line_naming_its_issuer(tmp_path, title, doc_type, subject):
    rec = record(tmp_path, OLD_DECISION.format(title=title))
    assert rec.document.doc_type == doc_type
    assert rec.document.subject == subject


@pytest.mark.parametrize("text, expected", [
    # each kind with its own "các": a group, the private parties beside it
    ("Nhờ sự vào cuộc của các cấp, các ngành, cộng đồng dân cư và nhân dân, kết quả khả quan.",
     ["các cấp, các ngành"]),
    # unchanged: one phrase for everyone, no group of bodies
    ("Đề nghị các cơ quan, người dân, tổ chức cùng tham gia.", []),
    ("Đề nghị các cấp, người dân cùng tham gia.", []),
    # "các cơ quan ban ngành" without its comma: the agencies, boards and branches
    ("Thủ trưởng các cơ quan ban ngành tổ chức thực hiện.", ["các cơ quan, ban, ngành"]),
    # unchanged: "ban" opening "ban hành" is no board
    ("Các cơ quan ban hành văn bản phải gửi bản sao.", ["các cơ quan"]),
])
def test_groups_named_apart_from_private_parties(text, expected):
    assert names(text) == expected


LAW_CITED = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 77/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Giang, ngày 02 tháng 4 năm 2020

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác cải cách hành chính
ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
{extra}
QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ công tác cải cách hành chính tỉnh.
"""


@pytest.mark.parametrize("extra, has_government", [
    # the law's title names no body
    ("", False),
    # unchanged: the Government named as the issuer of a decree
    ("Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;", True),
])
def test_law_named_after_a_body_is_no_body(tmp_path, extra, has_government):
    rec = record(tmp_path, LAW_CITED.format(extra=extra))
    assert ("Chính phủ" in [b.name for b in rec.bodies]) is has_government


@pytest.mark.parametrize("text, number, date", [
    # an older dotted code with a copy's stray space before the dot: one symbol
    ("Căn cứ Quyết định số 27/UB .KT ngày 15.8.1993 của Ủy ban nhân dân tỉnh;", "27/UB.KT", "1993-08-15"),
    ("theo Quyết định số 03/UB .VX ngày 2.2.1995", "03/UB.VX", "1995-02-02"),
    # unchanged: the dot without a space; a sentence that starts after a stray space is no code
    ("Quyết định số 27/UB.KT ngày 15/8/1993", "27/UB.KT", "1993-08-15"),
    ("thực hiện Công văn số 12/UBND .Trong đó nêu rõ", "12/UBND", None),
    ("thực hiện Công văn số 12/UBND .TRONG ĐÓ NÊU RÕ", "12/UBND", None),
])
def test_old_dotted_symbol_with_a_stray_space(text, number, date):
    from pipeline.core.citations import find_citations
    found = find_citations(text)
    assert [(c.number, c.issued_date) for c in found] == [(number, date)]


@pytest.mark.parametrize("text, expected", [
    # a distribution line's "TTg CP": the Prime Minister
    ("- TTg CP, các PTTg;", ["Thủ tướng Chính phủ"]),
    # unchanged: the symbol of a Prime Minister's decision names no body
    ("Căn cứ Quyết định số 830/TTg ngày 30.12.1994;", []),
    ("- TTg, các PTTg;", []),
])
def test_prime_minister_abbreviated_in_distribution(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the state committees of the 1990s, written in lower case by older texts
    ("theo hướng dẫn của ủy ban kế hoạch Nhà nước", ["Ủy ban Kế hoạch Nhà nước"]),
    ("Quyết định của Bộ trưởng Chủ nhiệm ủy ban quốc gia dân số - kế hoạch hóa gia đình",
     ["Ủy ban Quốc gia Dân số - Kế hoạch hóa gia đình"]),
    ("đề nghị của ủy ban kế hoạch tỉnh Lào Cai", ["Ủy ban Kế hoạch tỉnh Lào Cai"]),
    # unchanged: a plan is no committee, and a committee without its place names none
    ("ban hành kế hoạch thực hiện", []),
    ("ủy ban kế hoạch đã giao chỉ tiêu", []),
])
def test_state_committees_of_the_nineties(text, expected):
    assert names(text) == expected


ASSIGNING = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 90/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Giang, ngày 02 tháng 4 năm 2020

QUYẾT ĐỊNH
Về việc giao kế hoạch trồng rừng năm 2020
ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
QUYẾT ĐỊNH:
{line}
"""


@pytest.mark.parametrize("line, responsible", [
    # "Giao cho X …" opening an article or an item: X is who must do it
    ("Điều 1. Giao cho UBND các huyện, thành phố chỉ tiêu trồng rừng năm 2020 (có biểu kèm theo).",
     [["Ủy ban nhân dân các huyện, thành phố"]]),
    ("Điều 1. Nội dung như sau:\n- Giao cho Sở Tài chính hướng dẫn các huyện lập dự toán.", [["Sở Tài chính"]]),
    # unchanged: inside a sentence it reports what was allotted
    ("Điều 1. Năm 2019, vốn đã phân bổ giao cho các huyện, thành phố là 120 tỷ đồng.", []),
    ("Điều 1. Tổng số vốn giao cho Sở Tài chính quản lý là 12 tỷ đồng.", []),
])
def test_giao_cho_opening_an_item(tmp_path, line, responsible):
    rec = record(tmp_path, ASSIGNING.format(line=line))
    assert [t.responsible for t in rec.tasks] == responsible
