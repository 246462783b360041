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


def test_a_lone_number_and_date_line_is_split():
    # pdftotext -layout puts the số/ký hiệu and the date line on one row, blank lines around it.
    text = ("  ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "   TỈNH HÀ TĨNH                   Độc lập - Tự do - Hạnh phúc\n\n"
            "  Số: 03/CT-UBND                    Hà Tĩnh, ngày 17 tháng 02 năm 2025\n\n"
            "                       CHỈ THỊ\n")
    lines = [line for line in reading_order(text).split("\n") if line.strip()]
    assert lines[4:6] == ["Số: 03/CT-UBND", "Hà Tĩnh, ngày 17 tháng 02 năm 2025"]


def test_a_lone_line_with_long_parts_or_several_gaps_is_left_alone():
    for line in ("    Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành triển khai ngay          "
                 "các nội dung sau đây để bảo đảm hoàn thành kế hoạch năm",
                 "  1        Sở Y tế        Quý IV/2025"):
        assert reading_order(line) == line
