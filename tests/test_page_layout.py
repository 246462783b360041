"""Reading order of word boxes on a page: columns under the header, centred lines across them."""
from __future__ import annotations

from pipeline.load.page_layout import rows_in_order

LINE = 14.0  # points from one line's top to the next


def _row(top: float, *pieces: tuple[float, str]) -> list[dict]:
    """Words at `top`, each piece starting at its x (about 6 points a character)."""
    words = []
    for x, text in pieces:
        for word in text.split():
            words.append({"text": word, "top": top, "bottom": top + 11, "x0": x, "x1": x + 6 * len(word)})
            x += 6 * len(word) + 3
    return words


def _page(*rows: list[dict]) -> list[str]:
    return rows_in_order([row for row in rows if row])


HEADER = [
    _row(60, (100, "ỦY BAN NHÂN DÂN"), (300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
    _row(60 + LINE, (110, "TỈNH HÒA BÌNH"), (330, "Độc lập - Tự do - Hạnh phúc")),
    _row(60 + 3 * LINE, (105, "Số: 17/UBND-VX"), (320, "Hòa Bình, ngày 02 tháng 4 năm 2024")),
    _row(60 + 4 * LINE, (100, "V/v rà soát hộ nghèo")),
]
BODY = _row(60 + 9 * LINE, (90, "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về rà soát hộ nghèo cuối năm"))


def test_header_is_read_column_by_column():
    assert _page(*HEADER, BODY) == [
        "ỦY BAN NHÂN DÂN", "TỈNH HÒA BÌNH", "Số: 17/UBND-VX", "V/v rà soát hộ nghèo",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hòa Bình, ngày 02 tháng 4 năm 2024",
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về rà soát hộ nghèo cuối năm",
    ]


def test_centred_kinh_gui_ends_the_header_columns():
    # "Kính gửi:" sits in the middle of the page under the header, and the first recipient is
    # short enough to fit the header's left column: neither joins the columns.
    kinh_gui = _row(60 + 6 * LINE, (300, "Kính gửi:"))
    first = _row(60 + 7 * LINE, (90, "- Các sở, ban, ngành;"))
    second = _row(60 + 8 * LINE, (90, "- Ủy ban nhân dân các huyện, thành phố trong tỉnh."))
    lines = _page(*HEADER, kinh_gui, first, second, BODY)
    assert lines[lines.index("Hòa Bình, ngày 02 tháng 4 năm 2024") + 1:] == [
        "Kính gửi:", "- Các sở, ban, ngành;", "- Ủy ban nhân dân các huyện, thành phố trong tỉnh.",
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về rà soát hộ nghèo cuối năm",
    ]


def test_a_right_column_line_is_not_taken_for_a_centred_one():
    # The date line under the Quốc hiệu is centred on its column, not on the page.
    lines = _page(*HEADER[:2], _row(60 + 2 * LINE, (340, "Hòa Bình, ngày 02/4/2024")), BODY)
    assert lines[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH HÒA BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc"]
    assert lines[4] == "Hòa Bình, ngày 02/4/2024"
