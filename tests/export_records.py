"""Records written by hand for the export, viewer, Datasette and notebook tests.

The extraction stages may still return empty lists; these records carry every
kind of finding, at spans computed from sentences written for the tests.
"""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.core.records import (Body, Deadline, DeadlineValue, DocumentInfo, Period, Record, Reference, Signer,
                              Source, Target, Task)
from pipeline.batch.write import write_record

FOREST = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
Số: 21/CT-UBND
Lâm Đồng, ngày 10 tháng 3 năm 2025
CHỈ THỊ
Về đẩy mạnh trồng rừng và bảo vệ nguồn nước năm 2025
Căn cứ Nghị quyết số 15/NQ-HĐND ngày 12/12/2024 của Hội đồng nhân dân tỉnh;
1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các huyện trồng mới ít nhất 1.500 ha rừng trong năm 2025, hoàn thành trước ngày 30/11/2025.
2. Sở Tài chính bố trí kinh phí cho các địa phương, báo cáo kết quả trước ngày 15 hằng tháng.
3. Công an tỉnh phối hợp với Sở Nông nghiệp và Môi trường kiểm tra các điểm khai thác cát trái phép trong quý II/2025.
Đến nay toàn tỉnh đã có 42/85 xã đạt tiêu chí về môi trường.
CHỦ TỊCH
Nguyễn Văn An
"""

HOSTILE = """ỦY BAN NHÂN DÂN HUYỆN THỬ NGHIỆM
Số: 3/KH-UBND
Kế hoạch kiểm tra hiển thị <script>window.__pwned = 1</script> và <b>chữ đậm</b>
1. Phòng <i>Nội vụ</i> chủ trì rà soát hồ sơ <img src=x onerror="window.__pwned = 2"> trước ngày 31/12/2025.
Ghi chú: "ngoặc kép" & 'nháy đơn' </pre></div> vẫn là chữ.
"""


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def source(doc_id: str) -> Source:
    return Source(path=f"corpus/{doc_id}.txt", sha256="0" * 64, format="txt", pages=None)


FILLER = "Các cơ quan, đơn vị quán triệt nội dung Chỉ thị này đến từng cán bộ, công chức.\n"


def forest_record(doc_id: str = "chi-thi-21-lam-dong", filler_lines: int = 0) -> Record:
    """A Chỉ thị with every kind of finding; `filler_lines` pushes task 3 down the page."""
    t = FOREST.replace("3. Công an", FILLER * filler_lines + "3. Công an")
    nn = "Sở Nông nghiệp và Môi trường"
    line1 = at(t, "Sở Nông nghiệp và Môi trường chủ trì")[0], at(t, "30/11/2025.")[1] - 1
    line2 = at(t, "Sở Tài chính bố trí")[0], at(t, "hằng tháng.")[1] - 1
    line3 = at(t, "Công an tỉnh phối hợp")[0], at(t, "quý II/2025.")[1] - 1
    targets = [
        Target(indicator="diện tích rừng trồng mới", value=1500, unit="ha", comparator=">=", mode="additional",
               status="target", period=Period(start="2025-01-01", end="2025-12-31"), scope="tỉnh Lâm Đồng",
               span=at(t, "trồng mới ít nhất 1.500 ha rừng trong năm 2025")),
        Target(indicator="xã đạt tiêu chí môi trường", value=42, denominator=85, unit="xã", comparator="=",
               mode="total", status="achieved", span=at(t, "42/85 xã đạt tiêu chí về môi trường")),
    ]
    deadlines = [
        Deadline(text="trong năm 2025", start="2025-01-01", end="2025-12-31", span=at(t, "trong năm 2025")),
        Deadline(text="trước ngày 30/11/2025", start=None, end="2025-11-30", span=at(t, "trước ngày 30/11/2025")),
        Deadline(text="trước ngày 15 hằng tháng", recurrence="FREQ=MONTHLY;BYMONTHDAY=15",
                 span=at(t, "trước ngày 15 hằng tháng")),
        Deadline(text="trong quý II/2025", start="2025-04-01", end="2025-06-30", span=at(t, "trong quý II/2025")),
    ]
    tasks = [
        Task(action="trồng mới ít nhất 1.500 ha rừng trong năm 2025", responsible=[nn],
             coordinating=["Ủy ban nhân dân các huyện"], targets=[0],
             deadline=DeadlineValue(text="trước ngày 30/11/2025", end="2025-11-30"), span=line1),
        Task(action="bố trí kinh phí cho các địa phương, báo cáo kết quả", responsible=["Sở Tài chính"],
             deadline=DeadlineValue(text="trước ngày 15 hằng tháng", recurrence="FREQ=MONTHLY;BYMONTHDAY=15"),
             span=line2),
        Task(action="kiểm tra các điểm khai thác cát trái phép", responsible=["Công an tỉnh"], coordinating=[nn],
             deadline=DeadlineValue(text="trong quý II/2025", start="2025-04-01", end="2025-06-30"), span=line3),
    ]
    bodies = [
        Body(name=nn, kind="agency", spans=[at(t, nn), at(t, nn, 1)]),
        Body(name="Ủy ban nhân dân các huyện", kind="group", spans=[at(t, "Ủy ban nhân dân các huyện")]),
        Body(name="Sở Tài chính", kind="agency", spans=[at(t, "Sở Tài chính")]),
        Body(name="Công an tỉnh", kind="agency", spans=[at(t, "Công an tỉnh")]),
        Body(name="Hội đồng nhân dân tỉnh Lâm Đồng", kind="agency", spans=[at(t, "Hội đồng nhân dân tỉnh")]),
    ]
    references = [Reference(doc_type="Nghị quyết", number="15/NQ-HĐND", issued_date="2024-12-12",
                            issuer="Hội đồng nhân dân tỉnh Lâm Đồng",
                            span=at(t, "Nghị quyết số 15/NQ-HĐND ngày 12/12/2024"))]
    document = DocumentInfo(doc_type="Chỉ thị", number="21/CT-UBND", issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
                            issued_date="2025-03-10", place="Lâm Đồng",
                            subject="đẩy mạnh trồng rừng và bảo vệ nguồn nước năm 2025",
                            signer=Signer(name="Nguyễn Văn An", title="Chủ tịch"), is_report=False)
    return Record(id=doc_id, pipeline_version="test", source=source(doc_id), text=t, document=document,
                  references=references, bodies=bodies, targets=targets, deadlines=deadlines, tasks=tasks)


def hostile_record(doc_id: str = "ke-hoach-3-thu-nghiem") -> Record:
    t = HOSTILE
    body = "Phòng <i>Nội vụ</i>"
    span = at(t, body)[0], at(t, "31/12/2025.")[1] - 1
    return Record(
        id=doc_id, pipeline_version="test", source=source(doc_id), text=t,
        document=DocumentInfo(doc_type="Kế hoạch", number="3/KH-UBND", issuer="Ủy ban nhân dân huyện <b>Thử</b>",
                              issued_date="2025-06-01", subject='kiểm tra <script>alert("x")</script> hiển thị'),
        bodies=[Body(name=body, kind="agency", spans=[at(t, body)])],
        deadlines=[Deadline(text="trước ngày 31/12/2025", end="2025-12-31", span=at(t, "trước ngày 31/12/2025"))],
        tasks=[Task(action='rà soát hồ sơ <img src=x onerror="window.__pwned = 2">', responsible=[body],
                    deadline=DeadlineValue(text="trước ngày 31/12/2025", end="2025-12-31"), span=span)],
        warnings=["<b>warning</b> with markup"], status="warned")


def failed_record(doc_id: str = "rong") -> Record:
    return Record(id=doc_id, pipeline_version="test", source=source(doc_id), text="", document=DocumentInfo(),
                  warnings=["no text could be read from the file"], status="failed")


def synthetic_record(i: int, text_chars: int = 400) -> Record:
    """The i-th of a large generated corpus: issuers, types and years vary, every kind is present."""
    base = forest_record(f"van-ban-{i:05d}")
    info = base.document.model_copy(update={
        "number": f"{i}/CT-UBND", "doc_type": ("Chỉ thị", "Kế hoạch", "Công văn")[i % 3],
        "issuer": f"Ủy ban nhân dân tỉnh Số {i % 7}", "issued_date": f"{2021 + i % 5}-0{1 + i % 9}-1{i % 10}"})
    text = base.text + "Phụ lục. " * max(0, (text_chars - len(base.text)) // 9)
    return base.model_copy(update={"document": info, "text": text})


def write_records(out: Path, records: list[Record]) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for record in records:
        write_record(out, record)
    return out


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
