"""A line read as a heading by its subject alone (clauses.read_heading) gives what the full reading
of the clause gives when that is HEADED, and nothing otherwise: one row per kind of line, headings
and the lines that are not (instructions, a subject with its verb, the issuer speaking, narrative,
a never-task, a quote)."""
from __future__ import annotations

import pytest

from pipeline.extract.tasks import clauses as cl
from pipeline.extract.tasks.subjects import Namer
from tests.test_tasks import make_doc

LINES = [
    ("1. Sở Tư pháp", True),
    ("Sở Y tế:", True),
    ("8. Các sở, ban, ngành; UBND các xã, phường, thị trấn", True),
    ("2. Các cơ quan, đơn vị được kiểm tra:", True),
    ("1. Sở Nông nghiệp và Phát triển nông thôn (cơ quan thường trực Chương trình)", True),
    ("Sở Y tế: chủ trì, phối hợp với Sở Tài chính rà soát.", True),
    ("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát các văn bản.", False),
    ("Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan.", False),
    ("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện tốt các nhiệm vụ sau:", False),
    ("Rà soát, thống kê các thủ tục hành chính; báo cáo kết quả về Sở Nội vụ.", False),
    ("Sở Tư pháp đã hoàn thành việc rà soát. Sở Nội vụ đang triển khai.", False),
    ("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.", False),
    ("“Sở Tư pháp", False),
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, Sở Tài chính:", True),
]


@pytest.mark.parametrize("line, heading", LINES)
@pytest.mark.parametrize("heading_first", [True, False])
def test_read_heading_is_the_clause_read_when_it_is_headed(line, heading, heading_first):
    namer = Namer(make_doc(line + "\n"))
    start = cl.label_end(namer.text, 0, len(line))
    if heading_first:
        fast = cl.read_heading(namer, start, len(line))
        full = cl.read_clause(namer, start, len(line), len(line))
    else:
        full = cl.read_clause(namer, start, len(line), len(line))
        fast = cl.read_heading(namer, start, len(line))
    fresh = cl.read_clause(Namer(make_doc(line + "\n")), start, len(line), len(line))
    assert full == fresh
    assert fast == (full if full.kind == cl.HEADED else None)
    assert (full.kind == cl.HEADED) is heading
