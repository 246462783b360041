from pipeline.load.columns import reading_order

SIDE_BY_SIDE = """      ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
       TỈNH KON TUM                      Độc lập - Tự do - Hạnh phúc
      Số: 15/CT-UBND                 Kon Tum, ngày 02 tháng 5 năm 2024

                                 CHỈ THỊ
    Thực hiện Nghị quyết số 08/NQ-HĐND, Ủy ban nhân dân tỉnh yêu cầu các sở, ngành
triển khai các nội dung sau.

Nơi nhận:                                       KT. CHỦ TỊCH
- Như trên;                                     PHÓ CHỦ TỊCH
- Lưu: VT, KT.
                                                 Y Ngọc"""


def test_two_column_blocks_read_left_then_right():
    lines = reading_order(SIDE_BY_SIDE).split("\n")
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH KON TUM", "Số: 15/CT-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Kon Tum, ngày 02 tháng 5 năm 2024"]
    assert lines[-6:] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, KT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Y Ngọc"]


def test_running_text_is_left_alone():
    body = "    Thực hiện Nghị quyết số 08/NQ-HĐND, Ủy ban nhân dân tỉnh yêu cầu các sở, ngành\ntriển khai."
    assert reading_order(body) == body
