"""The deadline grammar, one row per expression, on sentences the team wrote.

Unless a row says otherwise the document is dated Friday 15/3/2024, so "trước ngày 30/8"
is 30/8/2024 and "trong 30 ngày làm việc" counts from Monday 18/3/2024.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr

from pipeline import resources
from pipeline.core.dates import add_months, add_working_days, find_dates, month_end, parse_date
from pipeline.core.doc import Doc
from pipeline.extract import deadlines
from pipeline.extract.deadlines import vocabulary
from pipeline.normalize import normalize_text
from pipeline.core.records import DocumentInfo, Source
from pipeline.segment import segment

ISSUED = "2024-03-15"


def found(text: str, issued: str | None = ISSUED, doc_type: str | None = None) -> list[tuple]:
    doc = _doc(text, issued, doc_type)
    return [(d.start, d.end, d.recurrence) for d in deadlines.find(doc)]


def _doc(text: str, issued: str | None, doc_type: str | None = None) -> Doc:
    doc = Doc(path=Path("cau-mau.txt"), id="cau-mau", source=Source(path="cau-mau.txt", sha256="", format="txt"))
    doc.text, doc.offsets = normalize_text(text, join_lines=False)
    segment(doc)
    doc.document = DocumentInfo(issued_date=issued, doc_type=doc_type)
    return doc


M, Q, W, Y = "FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=3", "FREQ=WEEKLY", "FREQ=YEARLY"
HALF = "FREQ=MONTHLY;INTERVAL=6"
QUARTER_END = "FREQ=YEARLY;BYMONTH=3,6,9,12"

EXPRESSIONS = [
    # whole days, every way they are written
    ("Báo cáo kết quả về Sở Nội vụ trước ngày 19/04/2024.", [(None, "2024-04-19", None)]),
    ("Các đơn vị hoàn thành trước ngày 09 tháng 5 năm 2024.", [(None, "2024-05-09", None)]),
    ("Gửi hồ sơ về Sở Xây dựng chậm nhất ngày 20.7.2024.", [(None, "2024-07-20", None)]),
    ("Nộp báo cáo chậm nhất là ngày 5-6-2024.", [(None, "2024-06-05", None)]),
    ("Chủ đầu tư bàn giao công trình trước 30/4/2024.", [(None, "2024-04-30", None)]),
    ("Hạn chót là ngày 31/5/2024.", [(None, "2024-05-31", None)]),
    ("Sở Y tế gửi ý kiến không muộn hơn ngày 02/4/2024.", [(None, "2024-04-02", None)]),
    ("Trước 17 giờ ngày 20/3/2024, các xã báo cáo số liệu.", [(None, "2024-03-20", None)]),
    ("Thời hạn hoàn thành: 30/6/2024.", [(None, "2024-06-30", None)]),
    ("Tổ chức hội nghị sơ kết vào ngày 25/4/2024 tại hội trường tỉnh.", [("2024-04-25", "2024-04-25", None)]),
    ("Tổ chức lễ ra quân nhân ngày Môi trường thế giới 5/6.", [("2024-06-05", "2024-06-05", None)]),
    ("Từ 8 giờ 00 - 11 giờ 30 ngày 12 tháng 4, các sở tiếp công dân.", [("2024-04-12", "2024-04-12", None)]),
    # a year the text leaves out: the anchor's, or the next one when that is already past
    ("Sở Tài chính trình Ủy ban nhân dân tỉnh trước ngày 30/8.", [(None, "2024-08-30", None)]),
    ("Các huyện báo cáo trước ngày 10/01.", [(None, "2025-01-10", None)]),
    ("Hoàn thành việc rà soát trong quý II.", [("2024-04-01", "2024-06-30", None)]),
    # months, quarters, halves, years
    ("Hoàn thành lắp đặt thiết bị trong tháng 11/2024.", [("2024-11-01", "2024-11-30", None)]),
    ("Phấn đấu hoàn thành trong tháng 5 năm 2024.", [("2024-05-01", "2024-05-31", None)]),
    ("Các đơn vị triển khai trong quý IV/2024.", [("2024-10-01", "2024-12-31", None)]),
    ("Tổ chức tổng kết trong quý 3 năm 2024.", [("2024-07-01", "2024-09-30", None)]),
    ("Hoàn thành trong 6 tháng đầu năm 2024.", [("2024-01-01", "2024-06-30", None)]),
    ("Giải ngân hết vốn trong 6 tháng cuối năm.", [("2024-07-01", "2024-12-31", None)]),
    ("Tập trung chỉ đạo trong những tháng cuối năm 2024.", [("2024-10-01", "2024-12-31", None)]),
    ("Đẩy nhanh tiến độ giải ngân vốn đầu tư công trong năm 2024.", [("2024-01-01", "2024-12-31", None)]),
    ("Sở Nội vụ tổ chức sơ kết vào năm 2026.", [("2026-01-01", "2026-12-31", None)]),
    ("Về mục tiêu năm 2025, phấn đấu xây mới 3 trường mầm non.", [("2025-01-01", "2025-12-31", None)]),
    ("Tỷ lệ trẻ em được tiêm chủng đầy đủ năm 2025 là 98%.", [("2025-01-01", "2025-12-31", None)]),
    ("Phấn đấu trong giai đoạn 2024-2026 làm mới 100 km đường giao thông nông thôn.",
     [("2024-01-01", "2026-12-31", None)]),
    # open starts
    ("Phấn đấu đến cuối năm 2024 xóa xong nhà tạm.", [(None, "2024-12-31", None)]),
    ("Phấn đấu đến năm 2025 có 80% số xã đạt chuẩn.", [(None, "2025-12-31", None)]),
    ("Duy trì chế độ trực ban đến hết tháng 6/2024.", [(None, "2024-06-30", None)]),
    ("Thành lập Tổ công tác liên ngành, thời gian hoạt động đến ngày 31/12/2024.", [(None, "2024-12-31", None)]),
    ("Hoàn thành cấp giấy chứng nhận trước quý IV/2024.", [(None, "2024-12-31", None)]),
    # "trước năm 2027", a goal's horizon: reached by the end of that year, as "trước ngày 15/3" by the 15th
    ("Phấn đấu đưa tỷ lệ hộ nghèo xuống dưới 2% trước năm 2027.", [(None, "2027-12-31", None)]),
    ("Chậm nhất trong tháng 6/2024 phải đưa công trình vào sử dụng.", [(None, "2024-06-30", None)]),
    # ranges
    ("Đợt kiểm tra tiến hành từ ngày 15/4 đến ngày 20/5/2024.", [("2024-04-15", "2024-05-20", None)]),
    # a range of work, not of an event; an instruction before an event keeps its limit
    ("Từ ngày 18/3 đến hết ngày 29/3/2024, các xã ra quân dọn vệ sinh kênh mương.", [("2024-03-18", "2024-03-29", None)]),
    ("Các sở gửi báo cáo trước ngày 25/3/2024 để chuẩn bị cho hội nghị diễn ra vào cuối tháng 4.",
     [(None, "2024-03-25", None)]),
    ("Đại hội các chi hội phải được tổ chức trước ngày 30/6/2024.", [(None, "2024-06-30", None)]),
    # a period set off by a colon before its goal
    ("Giai đoạn 2025 - 2027: phấn đấu mỗi huyện có thêm 02 xã đạt chuẩn.", [("2025-01-01", "2027-12-31", None)]),
    ("Năm 2025: phấn đấu 100% trường học có nhà vệ sinh đạt chuẩn.", [("2025-01-01", "2025-12-31", None)]),
    # an event's dates and the work around it, in one sentence
    ("Hội chợ diễn ra từ ngày 5 đến ngày 7/4/2024; các xã treo băng rôn từ ngày 1/4/2024 đến hết ngày 8/4/2024.",
     [("2024-04-01", "2024-04-08", None)]),
    # a sub-heading "2.1. Giai đoạn …" under "Mục tiêu cụ thể", blank lines between, as a web page copies it
    ("2. Mục tiêu cụ thể\n\n2.1. Giai đoạn 2024 - 2026\n\n- Đạt 70% số thôn có nhà văn hóa đạt chuẩn.",
     [("2024-01-01", "2026-12-31", None)]),
    # the document's own clause after a cited title; a meeting the document convenes
    ("Căn cứ Quyết định số 15/QĐ-UBND ngày 2/1/2024 của Ủy ban nhân dân tỉnh ban hành kế hoạch kiểm tra năm 2024, "
     "Sở Nội vụ thông báo lịch kiểm tra trong tháng 4/2024 như sau:", [("2024-04-01", "2024-04-30", None)]),
    ("Thực hiện Công văn số 100/SNV-CCVC ngày 2/3/2024 của Sở Nội vụ hướng dẫn báo cáo hằng quý, "
     "các phòng báo cáo kết quả hằng tháng.", [(None, None, "FREQ=MONTHLY")]),
    ("Hội nghị được tổ chức vào ngày 25/3/2024 tại Hội trường tỉnh.", [("2024-03-25", "2024-03-25", None)]),
    # a recurrence of the document's own, after a cited document without a title verb
    ("Thực hiện Quyết định số 12/QĐ-UBND ngày 02/01/2024 của Ủy ban nhân dân tỉnh, các xã rà soát hộ nghèo hằng năm.",
     [(None, None, "FREQ=YEARLY")]),
    ("Tổ chức tuần lễ hưởng ứng từ ngày 15-22/5/2024.", [("2024-05-15", "2024-05-22", None)]),
    ("Thực hiện thí điểm từ tháng 4 đến tháng 6/2024.", [("2024-04-01", "2024-06-30", None)]),
    ("Thời gian thực hiện: tháng 5/2024.", [("2024-05-01", "2024-05-31", None)]),
    ("Thời gian: 14 giờ 00, ngày 20/3/2024.", [("2024-03-20", "2024-03-20", None)]),
    ("Tiêm vắc xin trong tháng 4 và tháng 10/2024.", [("2024-04-01", "2024-04-30", None),
                                                     ("2024-10-01", "2024-10-31", None)]),
    ("Hạn cuối nộp hồ sơ dự thi là ngày 20/4/2024.", [(None, "2024-04-20", None)]),
    ("Tổ chức hội nghị tổng kết vào cuối tháng 11/2024.", [("2024-11-21", "2024-11-30", None)]),
    ("Phấn đấu khánh thành công trình vào đầu năm 2025.", [("2025-01-01", "2025-03-31", None)]),
    ("Các ngành hoàn thành cao nhất các mục tiêu, kế hoạch năm 2024.", [("2024-01-01", "2024-12-31", None)]),
    # periods named from the document's own date
    ("Các xã hoàn thành trong tháng này.", [("2024-03-01", "2024-03-31", None)]),
    ("Văn phòng báo cáo Chủ tịch trong tuần này.", [("2024-03-11", "2024-03-17", None)]),
    ("Hoàn thành dứt điểm trong năm nay.", [("2024-01-01", "2024-12-31", None)]),
    ("Sở Tư pháp xây dựng dự thảo trong quý tới.", [("2024-04-01", "2024-06-30", None)]),
    # spans of days from the document's date
    ("Trong thời hạn 10 ngày kể từ ngày ký, các sở gửi báo cáo.", [(None, "2024-03-25", None)]),
    # Giỗ Tổ (18/4), the day off in lieu (29/4), 30/4 and 1/5 are no working days
    ("Sở Xây dựng trả lời công dân trong 30 ngày làm việc.", [(None, "2024-05-02", None)]),
    ("Gửi ý kiến trong vòng 15 ngày kể từ ngày ban hành văn bản này.", [(None, "2024-03-30", None)]),
    ("Trong thời hạn 10 ngày tính từ ngày ký, các sở gửi báo cáo.", [(None, "2024-03-25", None)]),
    ("Trả lời bằng văn bản chậm nhất 05 ngày làm việc kể từ ngày ký.", [(None, "2024-03-22", None)]),
    ("Hoàn thiện hồ sơ trong thời hạn 02 tháng kể từ ngày ký.", [(None, "2024-05-15", None)]),
    ("Báo cáo kết quả trong 2 tuần kể từ ngày ký.", [(None, "2024-03-29", None)]),
    ("Kiểm tra xong trong 7 ngày kể từ ngày 01/4/2024.", [(None, "2024-04-08", None)]),
    # ... or from the document named by its type: made ("được ban hành", "được ký") or put in force ("này có hiệu lực")
    ("Trong thời hạn 10 ngày kể từ ngày Chỉ thị được ban hành, các sở gửi báo cáo.", [(None, "2024-03-25", None)]),
    ("Gửi danh sách trong vòng 07 ngày kể từ ngày Quyết định này được ký.", [(None, "2024-03-22", None)]),
    ("Các huyện rà soát trong thời hạn 15 ngày kể từ ngày Kế hoạch này có hiệu lực.", [(None, "2024-03-30", None)]),
    # recurrences
    ("Định kỳ hằng tháng báo cáo kết quả về Sở Nội vụ.", [(None, None, M)]),
    ("Hàng tháng tổng hợp số liệu gửi Sở Tài chính.", [(None, None, M)]),
    ("Mỗi tháng tổ chức một buổi tập huấn cho cán bộ xã.", [(None, None, M)]),
    ("Các xã báo cáo trước ngày 15 hằng tháng.", [(None, None, M + ";BYMONTHDAY=15")]),
    ("Các xã niêm yết danh sách chậm nhất vào ngày 10 hằng tháng.", [(None, None, M + ";BYMONTHDAY=10")]),
    ("Định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh.", [(None, None, Q)]),
    ("Mỗi trường hằng quý tổ chức một buổi sinh hoạt chuyên đề.", [(None, None, Q)]),
    ("Báo cáo vào tháng cuối quý.", [(None, None, QUARTER_END)]),
    ("Gửi báo cáo trước ngày 20 của tháng cuối quý.", [(None, None, QUARTER_END + ";BYMONTHDAY=20")]),
    ("Sở Y tế báo cáo trước ngày 05 của tháng đầu quý sau.", [(None, None, "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=5")]),
    ("Gửi số liệu trước ngày 10 hằng tháng và tháng cuối quý.",
     [(None, None, M + ";BYMONTHDAY=10"), (None, None, QUARTER_END + ";BYMONTHDAY=10")]),
    ("Hằng tuần báo cáo tiến độ giải phóng mặt bằng.", [(None, None, W)]),
    ("Trước 10 giờ sáng thứ Hai hằng tuần, các phòng gửi lịch công tác.", [(None, None, W + ";BYDAY=MO")]),
    ("Tổ trưởng họp tổ vào chiều thứ Năm hằng tuần.", [(None, None, W + ";BYDAY=TH")]),
    ("Phát sóng vào tối thứ Bảy tuần thứ 1 và tối thứ Bảy tuần thứ 3 hàng tháng.",
     [(None, None, M + ";BYDAY=1SA,3SA")]),
    ("Ban chỉ đạo họp đánh giá hằng năm.", [(None, None, Y)]),
    # the year the key tasks are set for is their period; a bare "nhiệm vụ năm …" stays bare
    ("Các sở triển khai các nhiệm vụ trọng tâm năm 2025 theo kế hoạch.", [("2025-01-01", "2025-12-31", None)]),
    ("Các sở báo cáo kết quả thực hiện nhiệm vụ năm 2025 theo kế hoạch.", []),
    # a frequency followed at once by an estimated figure says how much recurs: a fact, no schedule
    ("Hằng năm, khoảng 3.500 ha ngô bị sâu keo gây hại nặng.", []),
    ("Hàng năm có gần 1.200 vụ cháy rừng xảy ra trong mùa khô.", []),
    ("Hằng năm, Sở Công Thương kiểm tra 20 chợ đầu mối.", [(None, None, Y)]),
    ("Hằng năm, trên cơ sở kết quả rà soát, các xã báo cáo huyện.", [(None, None, Y)]),
    ("Báo cáo trước ngày 15/12 hằng năm.", [(None, None, Y + ";BYMONTH=12;BYMONTHDAY=15")]),
    ("Thực hiện chế độ báo cáo định kỳ 6 tháng và năm.", [(None, None, "FREQ=MONTHLY;INTERVAL=6"), (None, None, Y)]),
    # "6 tháng" as the period of a report or review is a six-monthly cadence; as a span of time it stays one
    ("Các phòng báo cáo kết quả thực hiện 6 tháng, hằng năm về Văn phòng.", [(None, None, HALF), (None, None, Y)]),
    ("Các huyện tổ chức sơ kết 6 tháng, tổng kết hằng năm việc thực hiện Chỉ thị.", [(None, None, HALF), (None, None, Y)]),
    ("Xây dựng báo cáo 6 tháng và năm gửi Sở Tài chính.", [(None, None, HALF), (None, None, Y)]),
    ("Hoàn thành trong 6 tháng, hằng năm rà soát lại danh mục.", [(None, "2024-09-15", None), (None, None, Y)]),
    ("Báo cáo sơ kết 6 tháng đầu năm 2025 gửi về Sở trước ngày 20/6/2025.", [(None, "2025-06-20", None)]),
    # the day of the month after the one reported on: a monthly day (after a quarter: the quarter's next month)
    ("Các xã gửi báo cáo tháng trước ngày 05 của tháng tiếp theo.", [(None, None, M + ";BYMONTHDAY=5")]),
    ("Báo cáo hằng tháng, chậm nhất ngày 08 tháng sau.", [(None, None, M + ";BYMONTHDAY=8")]),
    ("Định kỳ hằng quý, trước ngày 10 của tháng tiếp theo, các sở gửi báo cáo.",
     [(None, None, "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10")]),
    ("Trong tháng sau, hằng tuần báo cáo tiến độ.", [("2024-04-01", "2024-04-30", None), (None, None, W)]),
    # a recurrence and the day it falls due, side by side, are one schedule: the more precise rule
    ("Định kỳ hằng quý, trước ngày 25 tháng cuối quý, các sở gửi báo cáo.", [(None, None, QUARTER_END + ";BYMONTHDAY=25")]),
    ("Các xã báo cáo hằng tháng trước ngày 15 hằng tháng.", [(None, None, M + ";BYMONTHDAY=15")]),
    ("Gửi báo cáo trước ngày 20 tháng cuối quý, hằng quý.", [(None, None, QUARTER_END + ";BYMONTHDAY=20")]),
    ("Báo cáo định kỳ hằng tháng, quý và năm.", [(None, None, M), (None, None, Q), (None, None, Y)]),
    ("Định kỳ 3 tháng một lần kiểm tra kho vật tư.", [(None, None, Q)]),
    ("Các trạm cập nhật số liệu mưa hằng ngày.", [(None, None, "FREQ=DAILY")]),
    ("Báo cáo tình hình trước 07 giờ và 16 giờ hằng ngày.", [(None, None, "FREQ=DAILY")]),
    ("Sở Tư pháp chấm điểm chỉ số tiếp cận pháp luật hằng tháng của các xã.", [(None, None, M)]),
    ("Định kỳ hằng tháng báo cáo, bắt đầu từ tháng 5/2024.", [("2024-05-01", None, M)]),
    ("Thực hiện nghiêm chế độ báo cáo định kỳ tháng, quý, năm.", [(None, None, M), (None, None, Q), (None, None, Y)]),
    ("Năm 2025, phấn đấu 100% số xã có trạm y tế đạt chuẩn.", [("2025-01-01", "2025-12-31", None)]),
    # a year followed by its figure, a goal verb before the figure's verb: the goal's period
    ("Kế hoạch năm 2026 phấn đấu tăng 5% số hộ dùng nước sạch.", [("2026-01-01", "2026-12-31", None)]),
    ("Toàn huyện quyết tâm năm 2027 hoàn thành xây dựng nông thôn mới.", [("2027-01-01", "2027-12-31", None)]),
    # two deadlines in one sentence
    ("Hoàn thành dự thảo trước ngày 15/4/2024 và trình phê duyệt trước ngày 30/6/2024.",
     [(None, "2024-04-15", None), (None, "2024-06-30", None)]),
    ("Các sở báo cáo về Sở Nội vụ trong tháng 12/2024.", [("2024-12-01", "2024-12-31", None)]),
    ("Ủy ban nhân dân tỉnh sẽ xem xét trách nhiệm nếu không hoàn thành trước ngày 30/6/2024.",
     [(None, "2024-06-30", None)]),
    ("Giao Sở Lao động xây dựng kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo năm 2024, "
     "hoàn thành trong quý II/2024.", [("2024-04-01", "2024-06-30", None)]),
    # a period opening its sentence frames the work the sentence sets
    ("b) Quý I/2025, các phòng, ban đánh giá kết quả thực hiện phong trào.", [("2025-01-01", "2025-03-31", None)]),
    ("Năm 2025, huyện đặt ra mục tiêu có thêm 5 xã đạt chuẩn nông thôn mới.", [("2025-01-01", "2025-12-31", None)]),
    # a goal of a programme: the year after the programme's name is the goal's
    ("Các sở đề xuất nhu cầu vốn và mục tiêu thực hiện Chương trình năm 2025.", [("2025-01-01", "2025-12-31", None)]),
    # a quotation that restates the document's own instruction is still its deadline
    ("Ủy ban nhân dân tỉnh yêu cầu các xã, cụ thể: “hoàn thành hồ sơ trước ngày 30/6/2024”.",
     [(None, "2024-06-30", None)]),
    # a stage heading under a goals heading
    ("2. Mục tiêu cụ thể:\n2.1. Giai đoạn 2024-2026:\n- Duy trì phổ cập giáo dục tiểu học ở các xã.",
     [("2024-01-01", "2026-12-31", None)]),
    # "trước" a month, quarter or year: by the end of it, as "trước ngày 15/3" is by the 15th
    ("Các phòng hoàn thành số hóa hồ sơ trước tháng 6/2024.", [(None, "2024-06-30", None)]),
    ("Sở Xây dựng trình phương án trước quý III năm 2024.", [(None, "2024-09-30", None)]),
    ("Các xã xóa xong nhà tạm trước năm 2026.", [(None, "2026-12-31", None)]),
    ("Hoàn thành lắp đặt camera trước cuối tháng 6/2024.", [(None, "2024-06-30", None)]),
    # Tết named by its can-chi: that lunar year's Tết, not the next one after the document's date
    ("Các huyện cấp phát gạo cứu đói trước Tết Nguyên đán Bính Ngọ.", [(None, "2026-02-17", None)]),
    ("Hoàn thành chi trả trợ cấp trước Tết Ất Tỵ.", [(None, "2025-01-29", None)]),
    ("Các chợ bảo đảm nguồn hàng trong dịp Tết (Ất Tỵ).", [("2025-01-27", "2025-02-01", None)]),
    # "bắt đầu từ": the work's start, its end left open
    ("Các phường vận động hộ dân treo cờ trong những ngày diễn ra Hội chợ, bắt đầu từ ngày 10/4/2024.",
     [("2024-04-10", None, None)]),
    ("Các xã thu gom rác thải theo lịch mới, bắt đầu từ tháng 7/2024.", [("2024-07-01", None, None)]),
    ("Bắt đầu từ ngày 1/4/2024 đến ngày 30/4/2024, các xã ra quân làm thủy lợi.", [("2024-04-01", "2024-04-30", None)]),
    # a goal that heads a long list of what the year is for
    ("Hội đồng nhân dân tỉnh thông qua mục tiêu, nhiệm vụ phát triển văn hóa, xã hội, bảo đảm trật tự, an toàn "
     "giao thông năm 2024 như sau:", [("2024-01-01", "2024-12-31", None)]),
    # a period opening its sentence, then an instruction before the "đã": the work's period
    ("Trong năm 2024, các sở phải khắc phục những hạn chế đã được chỉ ra.", [("2024-01-01", "2024-12-31", None)]),
]


@pytest.mark.parametrize("sentence, expected", EXPRESSIONS)
def test_expressions(sentence, expected):
    assert found(sentence) == expected


NOT_DEADLINES = [
    # dates that identify documents
    "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 10 tháng 12 năm 2023 của Hội đồng nhân dân tỉnh;",
    "Thực hiện Chỉ thị số 05/CT-TTg ngày 23/02/2024 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh yêu cầu:",
    "Ngày 15/3/2024, Ủy ban nhân dân tỉnh ban hành Công văn số 812/UBND-KT.",
    "Ủy ban nhân dân tỉnh nhận được Công văn số 45/BNV-TCCB ngày 12/3/2024 của Bộ Nội vụ "
    "về việc rà soát biên chế trong các tháng cuối năm 2024.",
    # past events
    "Trong năm 2023, toàn tỉnh đã hoàn thành 12 công trình thủy lợi.",
    "Năm 2023 đã có 20 xã đạt chuẩn nông thôn mới.",
    "Vào ngày 20/3/2024, đoàn công tác đã làm việc tại huyện.",
    "Tỷ lệ hộ nghèo giảm 1,5% trong 3 tháng qua.",
    "Lễ hội của làng được tổ chức vào ngày 10 tháng 3 âm lịch.",
    "Hỗ trợ trong 1/2 số hộ còn khó khăn về nhà ở.",
    "Hoàn thành trước ngày 31/4/2024.",                     # no such day
    # periods that only name a plan, programme, school year or season
    "Các trường chuẩn bị khai giảng năm học 2023-2024.",
    "Phê duyệt Đề án phát triển du lịch cộng đồng giai đoạn 2021-2025.",
    "Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050 được công bố rộng rãi.",
    "Triển khai Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số năm 2024.",
    "Kế hoạch phát triển kinh tế - xã hội năm 2024 của tỉnh được thông qua.",
    "Hội nghị sơ kết phong trào thi đua năm 2023 của ngành Y tế.",
    "Phê duyệt phương án sản xuất vụ mùa năm 2024.",
    "Các phòng xây dựng kế hoạch kiểm tra nội bộ hằng năm.",
    "Huyện chuyển đổi 300 ha cây hàng năm sang cây ăn quả.",
    # effective dates, status dates, forecasts and others' plans
    "Quyết định này có hiệu lực kể từ ngày 01/4/2024.",
    "Tính đến ngày 10/3/2024, huyện đã cấp 1.200 giấy chứng nhận.",
    "Theo bản tin dự báo, từ ngày 20/3/2024 đến ngày 25/3/2024 có mưa lớn trên diện rộng.",
    "Theo bản tin lúc 10 giờ ngày 19/3/2024, áp thấp đang mạnh lên. Từ đêm 20/3 đến hết ngày 22/3/2024, "
    "trên địa bàn tỉnh có mưa to.",
    "Sở Tài chính sẽ thẩm định, trình Ủy ban nhân dân tỉnh trước 15/10.",
    # a day next month that is an event, not a monthly day; a count of months that is a span
    "Cửa hàng mới dự kiến khai trương vào ngày 20 tháng sau.",
    "Sau 6 tháng thực hiện thí điểm, Sở Y tế tổ chức đánh giá.",
    "Xây dựng báo cáo 6 tháng năm 2024 của ngành.",
    # a law's or another body's words, quoted
    "Điều 8 Nghị định số 10/2023/NĐ-CP quy định: “Thời gian gia hạn không quá 6 tháng”.",
    "Sở Tài chính có văn bản trả lời: “việc kéo dài thời hạn đến quý III/2024 là không phù hợp”.",
    # an account of a past year, a status, a forecast's paragraph
    "Ngoài ra, năm 2023, Hội Luật gia không gửi báo cáo định kỳ hằng quý về Sở Nội vụ.",
    "Năm 2024, Hội Cựu chiến binh chưa báo cáo kết quả hoạt động về Sở Nội vụ.",
    "Theo nhận định của Đài Khí tượng, mùa mưa đến sớm. Nước hồ chứa dâng dần và đạt đỉnh vào khoảng cuối tháng 9, đầu tháng 10.",
    "2. Kết quả đạt được:\n2.1. Giai đoạn 2021-2023:\n- Duy trì phổ cập giáo dục tiểu học ở các xã.",
    # the dates of an event or of someone's absence, not a limit set for work
    "Từ ngày 18/3 đến hết ngày 22/3/2024, Giám đốc Sở đi công tác tại thành phố Hồ Chí Minh.",
    "Nhân dịp Hội chợ nông sản diễn ra tại thành phố từ ngày 5 đến ngày 9 tháng 4 năm 2024, Ủy ban nhân dân tỉnh đề nghị:",
    # a period set off by a colon before a result, or before nothing
    "Giai đoạn 2021 - 2023: toàn tỉnh đã có 30 xã đạt chuẩn nông thôn mới.",
    "Năm 2025:\nCác xã tiếp tục rà soát hồ sơ.",
    # a recurrence in a cited document's title, opened by its verb
    "Căn cứ Thông tư số 03/2023/TT-BNV ngày 10/02/2023 của Bộ Nội vụ hướng dẫn việc đánh giá cán bộ hằng năm;",
    "Thực hiện Quyết định số 40/QĐ-UBND ngày 5/01/2024 của Ủy ban nhân dân tỉnh phê duyệt danh mục kiểm tra định kỳ hằng quý.",
    # a heading over past results, blank lines between
    "2. Kết quả đạt được\n\n2.1. Giai đoạn 2021 - 2023\n\n- Duy trì phổ cập giáo dục tiểu học ở các xã.",
    # a purpose says why, not by when
    "Để nâng cao chất lượng dịch vụ công trong năm 2024, Giám đốc Sở yêu cầu các phòng:",
    # a period opening a sentence that tells what was done, its "đã" however far
    "Trong năm 2024, thực hiện kế hoạch vốn đầu tư công của tỉnh, Ủy ban nhân dân tỉnh đã chỉ đạo quyết liệt.",
    "Trong tháng 4/2024, cùng với việc phòng chống dịch, các địa phương trong tỉnh đã tổ chức ra quân.",
    # an end that work heads toward is a purpose (ANNOTATION.md), however a programme's period follows it
    "Các huyện đẩy mạnh tuyên truyền, hướng tới mục tiêu thực hiện Đề án bảo hiểm y tế toàn dân giai đoạn 2024 - 2025.",
    # a Tết its can-chi puts before the document's date
    "Các xã hoàn thành việc trao quà trước Tết Quý Mão.",
    # a bare "từ" opens a stretch but sets no start for work
    "Từ ngày 1/4/2024, các xã ra quân làm thủy lợi.",
]


@pytest.mark.parametrize("sentence", NOT_DEADLINES)
def test_not_deadlines(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Các trường gửi danh sách học sinh trước 25/7.",       # no year anywhere to take
    "Phòng Kinh tế trả lời trong 15 ngày làm việc.",       # no date to count from
])
def test_unanchored_expressions_are_left_out(sentence):
    assert found(sentence, issued=None) == []


def test_anchor_from_the_date_line_of_a_draft():
    # A draft leaves the day blank: its month and year date the year-less days, not spans of days.
    text = ("ỦY BAN NHÂN DÂN TỈNH\nSố:      /KH-UBND\nGia Lai, ngày      tháng 01 năm 2026\n"
            "KẾ HOẠCH\nTổ chức chương trình đối thoại năm 2026\n"
            "Căn cứ tình hình thực tế, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:\n"
            "Các sở chủ trì chương trình vào ngày 23 tháng 2.\n"
            "Báo cáo kết quả trong 10 ngày làm việc.")
    assert found(text, issued=None) == [("2026-02-23", "2026-02-23", None)]


def test_anchor_from_the_reported_directive():
    # In an article, a span of days counts from the directive it reports, not from the article.
    text = ("Ngày 02/5/2024, Ủy ban nhân dân huyện ký Công văn số 77/UBND-TNMT, "
            "yêu cầu Phòng Tài nguyên trả lời bằng văn bản trong 10 ngày làm việc.")
    assert found(text, issued=None) == [(None, "2024-05-16", None)]


@pytest.mark.parametrize("sentence, doc_type, expected", [
    # "Chỉ thị được ban hành" is this document's date in a directive (or when the type is unknown) ...
    ("Trong 10 ngày kể từ ngày Chỉ thị được ban hành, các sở báo cáo.", "Chỉ thị", [(None, "2024-03-25", None)]),
    # ... but in a plan that carries out a directive it is the directive's, which the plan does not give
    ("Trong 10 ngày kể từ ngày Chỉ thị được ban hành, các sở báo cáo.", "Kế hoạch", []),
    ("Trong 10 ngày kể từ ngày Kế hoạch này được ban hành, các sở báo cáo.", "Kế hoạch", [(None, "2024-03-25", None)]),
    # another text coming into force: its date is not this document's
    ("Trong 30 ngày kể từ ngày Luật có hiệu lực, các sở rà soát văn bản.", "Kế hoạch", []),
    ("Trong 10 ngày kể từ ngày hồ sơ được ký, bộ phận một cửa trả kết quả.", None, []),
])
def test_spans_from_the_document_named_by_its_type(sentence, doc_type, expected):
    assert found(sentence, doc_type=doc_type) == expected


def test_year_rolled_forward_is_warned():
    doc = _doc("Các huyện báo cáo trước ngày 10/01.", ISSUED)
    deadlines.find(doc)
    assert any("next year" in w for w in doc.warnings)


def test_spans_quote_the_expression():
    doc = _doc("Giao Sở Nội vụ hoàn thành trước ngày 20/5/2024; định kỳ hằng quý báo cáo kết quả.", ISSUED)
    quotes = [doc.text[d.span[0]:d.span[1]] for d in deadlines.find(doc)]
    assert quotes == ["trước ngày 20/5/2024", "định kỳ hằng quý"]


@pytest.mark.parametrize("sentence, quotes", [
    # one schedule written as a recurrence and its day: one record quoting both
    ("Định kỳ hằng quý, trước ngày 25 tháng cuối quý, các sở gửi báo cáo.",
     ["Định kỳ hằng quý, trước ngày 25 tháng cuối quý"]),
    ("Các xã báo cáo hằng tháng trước ngày 05 của tháng tiếp theo.", ["hằng tháng trước ngày 05 của tháng tiếp theo"]),
    ("Các huyện tổ chức sơ kết 6 tháng, tổng kết hằng năm.", ["sơ kết 6 tháng, tổng kết hằng năm"] * 2),
])
def test_one_schedule_one_quote(sentence, quotes):
    doc = _doc(sentence, ISSUED)
    assert [doc.text[d.span[0]:d.span[1]] for d in deadlines.find(doc)] == quotes


# ---- calendar helpers added to pipeline.core.dates --------------------------------------------------

@pytest.mark.parametrize("year, month, last", [(2024, 2, 29), (2023, 2, 28), (2024, 12, 31), (2024, 4, 30)])
def test_month_end(year, month, last):
    assert month_end(year, month) == dt.date(year, month, last)


@pytest.mark.parametrize("start, count, end", [
    ("2024-03-15", 1, "2024-03-18"),   # Friday → Monday
    ("2024-03-15", 5, "2024-03-22"),
    ("2024-03-16", 1, "2024-03-18"),   # from a Saturday
    ("2021-04-08", 30, "2021-05-25"),   # across 30/4, 1/5 and the day off in lieu on 3/5/2021
])
def test_add_working_days(start, count, end):
    assert add_working_days(dt.date.fromisoformat(start), count) == dt.date.fromisoformat(end)


def test_add_months_stays_in_the_month():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 11, 15), 3) == dt.date(2025, 2, 15)


def test_whole_dates_api_unchanged():
    assert parse_date("ban hành ngày 09 tháng 12 năm 2022") == "2022-12-09"
    assert [(f.day, f.month, f.year) for f in find_dates("trước ngày 30/4")] == [(30, 4, None)]


# ---- the vocabulary ------------------------------------------------------------------------------

def test_every_unit_and_quarter_rule_is_an_rrule():
    words = resources.load("time_words.yaml")
    rules = [*words["units"].values(), *(q["rule"] for q in words["quarter_months"])]
    for rule in rules:
        rrulestr(rule, dtstart=dt.datetime(2024, 1, 1))


def test_every_produced_rule_is_an_rrule():
    for _, expected in EXPRESSIONS:
        for _, _, rule in expected:
            if rule:
                rrulestr(rule, dtstart=dt.datetime(2024, 1, 1))


# Each word list of time_context.yaml: a text it finds its word in, and a near miss it must not take.
CONTEXT_ROWS = [
    ("purpose", "Để bảo đảm an toàn giao thông dịp lễ, các xã …", "Để"),
    ("purpose", "Đề nghị các xã tổng hợp số liệu.", None),
    ("instruction_verbs", "Giám đốc Sở yêu cầu các phòng rà soát hồ sơ.", "yêu cầu"),
    ("instruction_verbs", "Hội nghị diễn ra tại hội trường tỉnh.", None),
    ("past_markers", "Năm 2024, huyện đã hoàn thành 3 công trình.", "đã"),
    ("past_markers", "Giữ đà tăng trưởng của ngành nông nghiệp.", None),
    ("report_markers", "Theo bản tin lúc 10 giờ, bão đổ bộ vào đất liền.", "bản tin"),
    ("report_markers", "Bản đồ hành chính của huyện.", None),
    ("plan_markers", "Sở Tài chính sẽ thẩm định trong tháng 5.", "sẽ"),
    ("plan_markers", "Sẻ chia khó khăn với người dân vùng lũ.", None),
    ("effective_markers", "Quyết định này có hiệu lực kể từ ngày ký.", "có hiệu lực"),
    ("effective_markers", "Nâng cao hiệu quả công tác cải cách hành chính.", None),
    ("status_markers", "Tính đến ngày 10/3, toàn tỉnh có 20 xã.", "Tính đến"),
    ("status_markers", "Tính toán chi phí đầu tư cho dự án.", None),
    ("lexicalized_recurrence", "Diện tích cây hằng năm tăng 5%.", "cây hằng năm"),
    ("lexicalized_recurrence", "Các xã báo cáo hằng năm về huyện.", None),
    ("forecast_openers", "Theo dự báo, mưa lớn kéo dài 3 ngày.", "Theo dự báo"),
    ("forecast_openers", "Theo kế hoạch, các xã hoàn thành trong quý II.", None),
    ("goal_openers", "Năm 2026, toàn huyện phấn đấu có thêm 2 xã đạt chuẩn.", "phấn đấu"),
    ("goal_openers", "Năm 2026, Sở Nội vụ tổ chức thi tuyển công chức.", None),
]


@pytest.mark.parametrize("name, text, found", CONTEXT_ROWS)
def test_context_words_find_their_own(name, text, found):
    m = vocabulary.context_pattern(name).search(text)
    assert (m.group(0) if m else None) == found


@pytest.mark.parametrize("text, found", [
    ("các mục tiêu năm 2023", ("mục tiêu", True)),
    ("Chương trình mục tiêu quốc gia năm 2024", ("Chương trình mục tiêu quốc gia", False)),
    ("Kế hoạch năm 2025", ("Kế hoạch", False)),
    ("quyết tâm đến năm 2027", ("quyết tâm", True)),
    ("Trong năm 2025, các xã", None),
])
def test_head_nouns_say_naming_or_goal(text, found):
    """The longest head wins ("chương trình mục tiêu quốc gia" names a programme; "mục tiêu" is a goal)."""
    pattern, goals = vocabulary.head_pattern()
    m = pattern.search(text)
    assert ((m.group(0), " ".join(m.group(0).lower().split()) in goals) if m else None) == found


@pytest.mark.parametrize("before, cue", [
    ("Các đơn vị báo cáo trước ngày ", "before"),
    ("hoàn thành chậm nhất là ngày ", "latest"),
    ("thực hiện đến hết ", "until"),
    ("Thời hạn hoàn thành: ", "latest"),
    ("Từ 8 giờ - 11 giờ ngày ", "from"),
    ("Hội nghị tổng kết ", None),
])
def test_cue_before_a_period(before, cue):
    m = vocabulary.cue_before_pattern().search(before)
    assert (next(k for k, v in m.groupdict().items() if v is not None and k in vocabulary.time_words()["cues"])
            if m else None) == cue


@pytest.mark.parametrize("between, joins", [(" đến ngày ", True), (" - ", True), (" đến hết ", True),
                                            (", ", False), (" và ", False)])
def test_range_joiner(between, joins):
    assert bool(vocabulary.range_joiner_pattern().fullmatch(between)) == joins


def test_weekdays_map_to_rrule_days():
    assert set(vocabulary.weekday_codes().values()) == {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}


# ---- the shared corpus ---------------------------------------------------------------------------

def test_deadlines_on_the_shared_corpus(shared):
    """The scorer's deadline F1 on ../shared stays at the level the issue asks for (0.85).

    Only the stages deadlines reads from run (document, references, bodies), to keep the test quick.
    """
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    from pipeline.run import STAGES, prepare
    earlier = STAGES[:[name for name, _ in STAGES].index("deadlines")]
    tallies = {k: score.Tally() for k in score.KINDS}
    fields = {f: score.Tally() for f in score.DOC_FIELDS}
    attrs = defaultdict(list)
    for gold_path in sorted((shared / "gold").glob("*.json")):
        doc = prepare(next((shared / "corpus").glob(gold_path.stem + ".*")), gold_path.stem)
        if not doc.failed:
            for name, stage in earlier:
                setattr(doc, name, stage(doc))
            doc.deadlines = deadlines.find(doc)
        record = {"text": doc.text, "document": doc.document.model_dump(),
                  "deadlines": [d.model_dump() for d in doc.deadlines]}
        score.score_pair(json.loads(gold_path.read_text(encoding="utf-8")), record, tallies, fields, attrs)
    assert tallies["deadlines"].prf()[2] >= 0.85


_HEADER = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH KON TUM\nSố: 12/NQ-HĐND\nKon Tum, ngày 09 tháng 12 năm 2024\nNGHỊ QUYẾT\n"
           "VỀ {title}\n\nHỘI ĐỒNG NHÂN DÂN TỈNH KON TUM\nĐiều 1. Thông qua báo cáo của Ủy ban nhân dân tỉnh.")


@pytest.mark.parametrize("title, ends", [
    # in the document's own title, the year its key tasks or goals are for is their period …
    ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024 VÀ NHIỆM VỤ TRỌNG TÂM NĂM 2025 CỦA TỈNH", ["2025-12-31"]),
    ("MỤC TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025", ["2025-12-31"]),
    # … a year that only names a plan, or an account's year, is not
    ("KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2025", []),
    ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024", []),
])
def test_the_period_a_titles_goal_is_for(title, ends):
    import pipeline
    record = pipeline.extract_text(_HEADER.format(title=title))
    assert sorted({d.end for d in record.deadlines}) == ends
