"""A long text-layer PDF for the benchmark: a Kế hoạch of N pages, as a text layer, drawn with reportlab.

    python scripts/long_pdf.py OUT.pdf [--pages 1500]

The text is made up from a few invented task lines, varied (bodies, figures, dates) so that
no two pages are alike; it has the official header and closing, so the whole pipeline runs
over it as over a real plan: sections, bodies, deadlines, targets and tasks on every page.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HEADER = ["ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Số: 215/KH-UBND", "Bình An, ngày 14 tháng 3 năm 2025",
          "KẾ HOẠCH", "Triển khai các nhiệm vụ trọng tâm năm 2025"]
CLOSING = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Hòa"]
BODIES = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Công an tỉnh",
          "Ủy ban nhân dân các huyện, thị xã", "Sở Nông nghiệp và Môi trường", "Sở Công Thương"]
TASKS = ["{b} chủ trì, phối hợp với {c} rà soát hồ sơ, báo cáo Ủy ban nhân dân tỉnh trước ngày {d}/{m}/2025.",
         "{b} phấn đấu đến cuối năm 2025 tỷ lệ hồ sơ giải quyết đúng hạn đạt {p}%.",
         "{b} hướng dẫn, kiểm tra việc thực hiện; định kỳ hằng quý tổng hợp kết quả gửi {c}.",
         "{b} bố trí kinh phí thực hiện theo quy định; hoàn thành trong quý {q} năm 2025.",
         "{b} tăng cường tuyên truyền, giảm {p}% số vụ vi phạm so với năm 2024."]


def lines(pages: int, per_page: int = 40, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    out: list[list[str]] = []
    number = 0
    for page in range(pages):
        page_lines = list(HEADER) if page == 0 else []
        while len(page_lines) < per_page - (len(CLOSING) if page == pages - 1 else 0):
            number += 1
            b, c = rng.sample(BODIES, 2)
            task = rng.choice(TASKS).format(b=b, c=c, d=rng.randint(1, 28), m=rng.randint(1, 12),
                                            p=rng.randint(10, 95), q=rng.choice(["I", "II", "III", "IV"]))
            page_lines.extend(_wrap(f"{number}. {task}", 95))
        out.append(page_lines[:per_page] + (CLOSING if page == pages - 1 else []))
    return out


def _wrap(text: str, width: int) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return out + [line]


def make(path: Path, pages: int = 1500, font: Path | None = None, seed: int = 7) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("LongPdfFont", str(font or find_font())))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page_lines in lines(pages, seed=seed):
        c.setFont("LongPdfFont", 10)
        for i, line in enumerate(page_lines):
            c.drawString(50, 800 - 19 * i, line)
        c.showPage()
    c.save()
    return path


def find_font() -> Path:
    """A TrueType font with Vietnamese letters: DejaVu Sans from the system or matplotlib."""
    import importlib.util

    folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    spec = importlib.util.find_spec("matplotlib")
    if spec and spec.origin:
        folders.append(Path(spec.origin).parent / "mpl-data/fonts/ttf")
    for folder in folders:
        for found in sorted(folder.rglob("DejaVuSans.ttf")) if folder.is_dir() else []:
            return found
    raise FileNotFoundError("DejaVuSans.ttf not found: install fonts-dejavu-core")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=1500)
    args = ap.parse_args()
    make(args.out, args.pages)
    sys.exit(0)
