"""The document stage on headers and news leads the team wrote."""
from pathlib import Path

import pytest

from pipeline.run import prepare
from pipeline.extract import document

CHI_THI = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 07/CT-UBND
Gia Lai, ngày 05 tháng 3 năm 2024
CHỈ THỊ
Về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024
Căn cứ Luật Lâm nghiệp ngày 15 tháng 11 năm 2017;
Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
1. Sở Nông nghiệp và PTNT chủ trì kiểm tra các vùng trọng điểm cháy rừng, hoàn thành trước ngày 30/4/2024./.
Nơi nhận:
- Như trên;
- Lưu: VT, KT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""

CONG_VAN = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK NÔNG
Số:      /UBND-KT
V/v rà soát diện tích đất lúa chuyển đổi năm 2025
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đắk Nông, ngày      tháng 6 năm 2025
Kính gửi:
- Sở Nông nghiệp và Môi trường;
- UBND các xã, phường.
Ủy ban nhân dân tỉnh giao Sở Nông nghiệp và Môi trường chủ trì rà soát, báo cáo trước ngày 15/7/2025./.
Nơi nhận:
- Như trên;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Lê Thị Hoa
"""

NEWS = """Thứ Ba, 12/03/2024
Tăng cường quản lý đầu tư công
Ngày đăng: 12/03/2024 Lượt xem: 87
Ngày 08/3/2024, Chủ tịch UBND tỉnh Bình Định ban hành Chỉ thị số 03/CT-UBND về việc tăng cường quản lý đầu tư công năm 2024. Theo đó, Chủ tịch UBND tỉnh yêu cầu các sở, ban, ngành thực hiện nghiêm Kế hoạch số 12/KH-UBND ngày 15/01/2024 của UBND tỉnh.
Tin video
"""


def _document(tmp_path: Path, text: str):
    path = tmp_path / "van-ban.txt"
    path.write_text(text, encoding="utf-8")
    return document.find(prepare(path, "van-ban"))


@pytest.mark.parametrize("field, expected", [
    ("doc_type", "Chỉ thị"),
    ("number", "07/CT-UBND"),
    ("issuer", "Ủy ban nhân dân tỉnh Gia Lai"),
    ("issued_date", "2024-03-05"),
    ("place", "Gia Lai"),
    ("subject", "tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024"),
    ("is_report", False),
])
def test_chi_thi_header(tmp_path, field, expected):
    assert getattr(_document(tmp_path, CHI_THI), field) == expected


def test_chi_thi_signer(tmp_path):
    signer = _document(tmp_path, CHI_THI).signer
    assert (signer.name, signer.title) == ("Trần Văn Bình", "Phó Chủ tịch")


@pytest.mark.parametrize("field, expected", [
    ("doc_type", "Công văn"),        # no type word: the symbol and "V/v" make it a letter
    ("number", None),                # a draft's blank number
    ("issued_date", None),           # and blank day
    ("place", "Đắk Nông"),
    ("subject", "rà soát diện tích đất lúa chuyển đổi năm 2025"),
    ("issuer", "Ủy ban nhân dân tỉnh Đắk Nông"),
])
def test_draft_cong_van(tmp_path, field, expected):
    assert getattr(_document(tmp_path, CONG_VAN), field) == expected


def test_draft_cong_van_signer(tmp_path):
    signer = _document(tmp_path, CONG_VAN).signer
    assert (signer.name, signer.title) == ("Lê Thị Hoa", "Chánh Văn phòng")


@pytest.mark.parametrize("field, expected", [
    ("doc_type", "Chỉ thị"),
    ("number", "03/CT-UBND"),
    ("issued_date", "2024-03-08"),   # the lead's date, not the page's posting date
    ("issuer", "Ủy ban nhân dân tỉnh Bình Định"),
    ("subject", "tăng cường quản lý đầu tư công năm 2024"),
    ("is_report", True),
])
def test_news_article_reports_the_directive(tmp_path, field, expected):
    assert getattr(_document(tmp_path, NEWS), field) == expected


SCANNED_TO_TRINH = """CÔNG AN TỈNH GIA LAI
Số: 57) /TTr-CAT-PC06
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lạỉ, ngày 14 tháng 8 năm 2025
TỜ TRÌNH
'V/ xin chủ trương tổ chức tuần tra kiểm soát dịp lễ Quốc khánh
Kính gửi: Đồng chí Chủ tịch UBND tỉnh.
Công an tỉnh kính trình Chủ tịch UBND tỉnh xem xét, cho ý kiến./.
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐÓC
Đại tá Nguyễn Hữu Phước
"""


@pytest.mark.parametrize("field, expected", [
    ("doc_type", "Tờ trình"),
    ("number", "57/TTr-CAT-PC06"),           # a scan's stray ")" before the slash dropped
    ("subject", "xin chủ trương tổ chức tuần tra kiểm soát dịp lễ Quốc khánh"),  # "V/" misread
    ("issued_date", "2025-08-14"),
])
def test_scanned_header_is_read_leniently(tmp_path, field, expected):
    assert getattr(_document(tmp_path, SCANNED_TO_TRINH), field) == expected


def test_scanned_signature_with_rank_and_lost_mark(tmp_path):
    signer = _document(tmp_path, SCANNED_TO_TRINH).signer
    assert (signer.name, signer.title) == ("Nguyễn Hữu Phước", "Giám đốc")


def test_a_scanned_place_takes_the_registers_spelling(tmp_path):
    assert _document(tmp_path, SCANNED_TO_TRINH).place == "Gia Lai"   # "Gia Lạỉ" as read


QUYET_DINH_WITH_PLAN = """BỘ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1520/QĐ-BYT
Hà Nội, ngày 12 tháng 5 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch tiêm chủng mở rộng năm 2025
BỘ TRƯỞNG BỘ Y TẾ
Căn cứ Nghị định số 42/2025/NĐ-CP ngày 27 tháng 02 năm 2025 của Chính phủ;
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tiêm chủng mở rộng năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT, DP.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Đỗ Văn Hưng

KẾ HOẠCH
Tiêm chủng mở rộng năm 2025
(Ban hành kèm theo Quyết định số 1520/QĐ-BYT ngày 12 tháng 5 năm 2025 của Bộ trưởng Bộ Y tế)
I. MỤC TIÊU
Phấn đấu đến hết năm 2025 tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt trên 95%.
II. TỔ CHỨC THỰC HIỆN
1. Cục Phòng bệnh chủ trì hướng dẫn các địa phương triển khai, hoàn thành trước ngày 30/6/2025.
2. Vụ Kế hoạch - Tài chính bố trí kinh phí thực hiện Kế hoạch.
"""


def test_the_plan_a_decision_issues_is_read_after_its_signature(tmp_path):
    path = tmp_path / "quyet-dinh.txt"
    path.write_text(QUYET_DINH_WITH_PLAN, encoding="utf-8")
    from pipeline.run import extract
    doc = extract(prepare(path, "quyet-dinh"))
    assert (doc.document.number, doc.document.doc_type) == ("1520/QĐ-BYT", "Quyết định")
    assert (doc.document.signer.name, doc.document.signer.title) == ("Đỗ Văn Hưng", "Thứ trưởng")
    assert len(doc.layout.annexes) == 1 and doc.text[doc.layout.annexes[0][0]:].startswith("I. MỤC TIÊU")
    assert [t.responsible for t in doc.tasks] == [["Cục Phòng bệnh"], ["Vụ Kế hoạch - Tài chính"]]
    assert doc.tasks[0].deadline is not None and doc.tasks[0].deadline.end == "2025-06-30"
    assert [t.value for t in doc.targets] == [95.0] and doc.targets[0].status == "target"
    assert doc.references == [] or all(r.number != "1520/QĐ-BYT" for r in doc.references)


_LETTER_HEAD = """ỦY BAN NHÂN DÂN
TỈNH TRÀ VINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 88/UBND-KT
Trà Vinh, ngày 3 tháng 3 năm 2015
V/v treo cờ mừng lễ hội đua ghe ngo
Kính gửi: Ủy ban nhân dân các huyện, thị xã.
Các địa phương vận động nhân dân treo cờ trong những ngày diễn ra lễ hội.
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


# The signature block as copies leave it: a family name less common than Nguyễn or Trần; the title
# and the name run together on one line; a name under a title that is no person ("Văn Thư" stays out).
@pytest.mark.parametrize("closing, signer", [
    ("CHỦ TỊCH\nLữ Thanh Tùng\n", ("Lữ Thanh Tùng", "Chủ tịch")),
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nThạch Sô Phol\n", ("Thạch Sô Phol", "Phó Chủ tịch")),
    ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNGKim Văn Lợi\n", ("Kim Văn Lợi", "Chánh Văn phòng")),
    ("CHỦ TỊCH\nBộ phận văn thư\n", None),
])
def test_the_signer_as_copies_leave_the_signature(tmp_path, closing, signer):
    found = _document(tmp_path, _LETTER_HEAD + closing).signer
    assert (found and (found.name, found.title)) == signer


# A legal database's fact box with two facts on a line: the signer is the second one.
def test_a_signer_second_on_a_fact_box_line(tmp_path):
    card = ("Số hiệu: 15/KH-UBND Loại văn bản: Kế hoạch\n"
            "Nơi ban hành: Tỉnh Trà Vinh Người ký: Lữ Thanh Tùng\n"
            "Ngày ban hành: 05/02/2016 Ngày hiệu lực: Đã biết\n\n")
    info = _document(tmp_path, card + _LETTER_HEAD)
    assert info.signer.name == "Lữ Thanh Tùng" and info.issued_date == "2015-03-03"


# --- a copy that lost its trích yếu: the subject from the document's own opening ----------
_HEAD = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: {number} | Phú Yên, ngày 12 tháng 4 năm 2024 |
"""
OPENINGS = [
    ("215/QĐ-UBND", "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
     "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển nghề muối trên địa bàn tỉnh Phú Yên.\n"
     "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n",
     "ban hành Kế hoạch phát triển nghề muối trên địa bàn tỉnh Phú Yên"),
    ("216/QĐ-UBND", "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Đề án trồng rừng ven biển giai đoạn 2024-2028 với các nội dung chủ yếu sau:\n"
     "1. Mục tiêu.\n",
     "phê duyệt Đề án trồng rừng ven biển giai đoạn 2024-2028"),
    ("58/KH-UBND", "Thực hiện Chỉ thị số 03/CT-UBND ngày 02/02/2024 của Ủy ban nhân dân tỉnh;\n"
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch kiểm tra an toàn đập, hồ chứa nước năm 2024, cụ thể như sau:\n"
     "I. MỤC ĐÍCH, YÊU CẦU\n",
     "kiểm tra an toàn đập, hồ chứa nước năm 2024"),
    ("61/KH-UBND", "Ủy ban nhân dân huyện xây dựng Kế hoạch phòng, chống dịch bệnh gia súc, gia cầm năm 2024 "
     "với các nội dung sau đây:\nI. MỤC ĐÍCH\n",
     "phòng, chống dịch bệnh gia súc, gia cầm năm 2024"),
    # no opening that names what is issued: no subject guessed
    ("59/KH-UBND", "Thực hiện Chỉ thị số 03/CT-UBND ngày 02/02/2024 của Ủy ban nhân dân tỉnh;\nI. MỤC ĐÍCH, YÊU CẦU\n"
     "Các sở triển khai kế hoạch của ngành.\n", None),
    ("217/QĐ-UBND", "QUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác liên ngành kiểm tra hồ chứa.\n", None),
    ("60/KH-UBND", "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:\nI. MỤC ĐÍCH\n", None),
]


@pytest.mark.parametrize("number, body, subject", OPENINGS)
def test_subject_from_the_opening_when_the_title_is_lost(tmp_path, number, body, subject):
    path = tmp_path / "vb.txt"
    path.write_text(_HEAD.format(number=number) + body, encoding="utf-8")
    info = document.find(prepare(path, "vb"))
    assert info.subject == subject
