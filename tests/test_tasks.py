"""The task stage on sentences written for these tests: one row per pattern of ANNOTATION.md's
"tasks", with who must act, the evidence, the coordinating bodies and the governing deadline;
and rows that must give no task at all."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import resources
from pipeline.core.doc import Doc, Table
from pipeline.extract import tasks
from pipeline.extract.tasks import lexicon
from pipeline.extract.tasks.subjects import Namer
from pipeline.core.records import Body, Deadline, DocumentInfo, Source, Target
from pipeline.segment import segment


def make_doc(text: str, deadlines: tuple = (), bodies: tuple = (), targets: tuple = (),
             issuer: str | None = "Ủy ban nhân dân tỉnh Quảng Ngãi") -> Doc:
    """A segmented Doc whose earlier stages found what the test says: deadlines as
    (phrase, end, recurrence), bodies as (phrase, canonical name), targets as phrases."""
    doc = Doc(path=Path("t.txt"), id="t", source=Source(path="t.txt", sha256="", format="txt"), text=text)
    segment(doc)
    doc.document = DocumentInfo(issuer=issuer)
    doc.deadlines = [Deadline(text=p, end=end, recurrence=rule, span=_span(text, p)) for p, end, rule in deadlines]
    doc.bodies = [Body(name=name, kind="agency", spans=[_span(text, p)]) for p, name in bodies]
    doc.targets = [Target(status="target", span=_span(text, p)) for p in targets]
    return doc


def table_doc(lead: str, cells: list[list[str]], deadlines: tuple = ()) -> Doc:
    """A Doc whose text is a lead-in line then the table's cells, one per line, as a .docx reader gives them."""
    text = lead + "".join(c + "\n" for row in cells for c in row)
    doc = make_doc(text, deadlines)
    rows, k = [], len(lead)
    for row in cells:
        rows.append([])
        for c in row:
            rows[-1].append((k, k + len(c)))
            k += len(c) + 1
    doc.tables = [Table(rows=rows)]
    return doc


def _span(text: str, phrase: str) -> tuple[int, int]:
    i = text.index(phrase)
    return i, i + len(phrase)


def found(doc: Doc) -> list[tuple[list[str], str, list[str], str | None]]:
    return [(t.responsible, doc.text[t.span[0]:t.span[1]], t.coordinating, t.deadline and t.deadline.text)
            for t in tasks.find(doc)]


def assert_tasks(doc: Doc, expected: list[tuple]) -> None:
    """Each expected row: (responsible, a phrase of the evidence, coordinating, deadline phrase)."""
    got = found(doc)
    assert len(got) == len(expected), got
    for (responsible, evidence, coordinating, deadline), (r, e, c, d) in zip(expected, got):
        assert r == responsible, (r, e)
        assert evidence in e, (evidence, e)
        assert c == coordinating, (c, e)
        assert d == deadline, (d, e)


# --- who a clause names: the grammar that bounds a list of bodies -------------------------

NAMED = [
    ("Giám đốc Sở Nội vụ phối hợp", ["Sở Nội vụ"]),
    ("Chánh Văn phòng UBND tỉnh theo dõi", ["Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi"]),
    ("Sở NN&PTNT chủ trì", ["Sở Nông nghiệp và Phát triển nông thôn"]),
    ("Sở Văn hóa, Thể thao và Du lịch, Sở Xây dựng kiểm tra", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Xây dựng"]),
    ("UBND huyện Sơn Hà chỉ đạo", ["Ủy ban nhân dân huyện Sơn Hà"]),
    ("UBND các huyện, thị xã, thành phố triển khai", ["Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    ("Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân các xã chủ động", ["Ủy ban nhân dân các xã"]),
    ("các sở, ban, ngành; UBND các xã, phường và các đơn vị có liên quan thực hiện",
     ["các sở, ban, ngành", "Ủy ban nhân dân các xã, phường", "các đơn vị có liên quan"]),
    ("Mỗi cơ quan, đơn vị phải", ["các cơ quan, đơn vị"]),
    ("Giám đốc các Sở: Tài chính, Y tế, Chủ tịch UBND các huyện chịu trách nhiệm",
     ["Sở Tài chính", "Sở Y tế", "Ủy ban nhân dân các huyện"]),
    ("Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh):",
     ["Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi", "Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi"]),
    ("Ban Chỉ huy PCTT và TKCN tỉnh tổ chức", ["Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh Quảng Ngãi"]),
    ("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh tổ chức",
     ["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Quảng Ngãi"]),
    ("các cơ quan báo chí truyền thông phải", ["các cơ quan báo chí truyền thông"]),
    ("Thủ trưởng các sở, ngành được giao phụ trách lĩnh vực, Chủ tịch UBND các huyện phải",
     ["các sở, ngành", "Ủy ban nhân dân các huyện"]),
]
NAMED += [
    ("Báo và Đài Phát thanh, Truyền hình tỉnh tăng cường", ["Báo và Phát thanh, Truyền hình tỉnh Quảng Ngãi"]),
    ("Trưởng Ban Quản lý khu kinh tế, Chủ tịch UBND các xã thực hiện",
     ["Ban Quản lý Khu kinh tế", "Ủy ban nhân dân các xã"]),
    ("Các thành viên Ban Chỉ đạo tỉnh, Chủ tịch UBND các huyện/thị xã căn cứ",
     ["Ban Chỉ đạo tỉnh", "Ủy ban nhân dân các huyện, thị xã"]),
    ("các sở, ngành, đơn vị, cá nhân có liên quan chịu trách nhiệm", ["các sở, ngành, đơn vị, cá nhân có liên quan"]),
    ("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, UBND các tỉnh nghiên cứu",
     ["các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh"]),
]
NOT_NAMED = ["Bộ chỉ số cải cách hành chính", "Ban hành kế hoạch", "các doanh nghiệp trên địa bàn",
             "thanh tra, kiểm tra công vụ", "Hội nghị tổng kết", "Chủ tịch"]


@pytest.mark.parametrize("phrase,names", NAMED)
def test_bodies_a_clause_names(phrase, names):
    named = Namer(make_doc(phrase)).list_at(0, len(phrase))
    assert named is not None and [b.name for b in named.bodies] == names


def test_a_number_glued_to_a_name_is_the_names():
    phrase = "Ban Chỉ đạo phòng, chống dịch Covid-19 các cấp; UBND các xã thực hiện"
    doc = make_doc(phrase, bodies=(("Ban Chỉ đạo phòng, chống dịch Covid", "Ban Chỉ đạo phòng, chống dịch Covid"),))
    named = Namer(doc).list_at(0, len(phrase))
    assert [b.name for b in named.bodies] == ["Ban Chỉ đạo phòng, chống dịch Covid-19 các cấp", "Ủy ban nhân dân các xã"]


def test_a_group_described_then_qualified_goes_on_with_the_next_body():
    phrase = "Sở Tư pháp, các cơ quan Trung ương đóng trên địa bàn, UBND các xã xây dựng kế hoạch"
    doc = make_doc(phrase, bodies=(("các cơ quan Trung ương", "các cơ quan Trung ương"),))
    named = Namer(doc).list_at(0, len(phrase))
    assert [b.name for b in named.bodies][-2:] == ["các cơ quan Trung ương đóng trên địa bàn", "Ủy ban nhân dân các xã"]


@pytest.mark.parametrize("phrase", NOT_NAMED)
def test_words_that_name_no_body(phrase):
    assert Namer(make_doc(phrase)).list_at(0, len(phrase)) is None


# --- a clause governed by an assigning verb, or opened by a body ----------------------------

CLAUSES = [
    ("giao, chủ trì, phối hợp",
     "Chủ tịch Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát định mức chi "
     "hành chính của các đơn vị.",
     [(["Sở Tài chính"], "giao Sở Tài chính chủ trì", ["Sở Nội vụ"], None)]),
    ("yêu cầu a list of bodies sharing one instruction",
     "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và UBND các huyện, thị xã khẩn trương kiểm tra hệ thống "
     "đê bao trước mùa mưa.",
     [(["các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã"], "khẩn trương kiểm tra", [], None)]),
    ("đề nghị, with the issuer named as someone else's subject",
     "Văn phòng Ủy ban nhân dân tỉnh đề nghị Sở Xây dựng khẩn trương trình dự thảo quy chế trước ngày 30/6/2024.",
     [(["Sở Xây dựng"], "đề nghị Sở Xây dựng khẩn trương", [], "trước ngày 30/6/2024")]),
    ("a title names its body",
     "Giao Giám đốc Sở Nội vụ tham mưu khen thưởng các tập thể có thành tích xuất sắc.",
     [(["Sở Nội vụ"], "Giám đốc Sở Nội vụ tham mưu", [], None)]),
    ("a paragraph opening with an authority and its place",
     "UBND huyện Ba Tơ chỉ đạo các xã hoàn thành việc cắm mốc ranh giới trong tháng 6/2024.",
     [(["Ủy ban nhân dân huyện Ba Tơ"], "chỉ đạo các xã", [], "trong tháng 6/2024")]),
    ("listed members of a plural authority",
     "UBND các huyện: Sơn Tây (đối với xã Sơn Dung) và Tây Trà tập trung rà soát hộ nghèo.",
     [(["Ủy ban nhân dân huyện Sơn Tây", "Ủy ban nhân dân huyện Tây Trà"], "tập trung rà soát", [], None)]),
    ("a body and a colon",
     "Sở Y tế: Chủ trì tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tuổi.",
     [(["Sở Y tế"], "Chủ trì tổ chức tiêm chủng", [], None)]),
    ("a group described by a few words, then another body",
     "Các sở, ngành chủ quản dự án thành phần và các cơ quan có liên quan dự kiến nhu cầu vốn năm 2026.",
     [(["các sở, ngành chủ quản dự án thành phần", "các cơ quan có liên quan"], "dự kiến nhu cầu vốn", [], None)]),
    ("dự kiến before a noun is an instruction",
     "Sở Tài chính dự kiến phương án phân bổ vốn cho các huyện.",
     [(["Sở Tài chính"], "dự kiến phương án", [], None)]),
    ("a request naming no one finishes the instruction before it",
     "Giao Sở Tư pháp chủ trì góp ý dự thảo nghị định. Yêu cầu hoàn thiện, gửi ý kiến về Bộ Tư pháp "
     "trước ngày 20/10/2024.",
     [(["Sở Tư pháp"], "chủ trì góp ý", [], "trước ngày 20/10/2024")]),
    ("leading again after a semicolon is a duty of its own",
     "Sở Công Thương chủ trì, phối hợp với Sở Tài chính rà soát kinh phí khuyến công năm 2025; chủ trì, phối hợp "
     "với UBND các huyện đề xuất danh mục cụm công nghiệp giai đoạn 2026-2030.",
     [(["Sở Công Thương"], "rà soát kinh phí", ["Sở Tài chính"], None),
      (["Sở Công Thương"], "chủ trì, phối hợp với UBND các huyện", ["Ủy ban nhân dân các huyện"], None)]),
    ("a subject after a time that opens the sentence",
     "Quý IV/2025, các sở, ngành tổ chức tổng kết phong trào thi đua.",
     [(["các sở, ngành"], "các sở, ngành tổ chức tổng kết", [], None)]),
    ("a subject after 'Căn cứ …,'",
     "Căn cứ Kế hoạch này, các sở, ngành xây dựng kế hoạch của đơn vị mình.",
     [(["các sở, ngành"], "các sở, ngành xây dựng", [], None)]),
    ("giao nhiệm vụ cho",
     "Chủ tịch UBND tỉnh cũng giao nhiệm vụ cụ thể cho các sở, ngành có liên quan.",
     [(["các sở, ngành có liên quan"], "giao nhiệm vụ cụ thể", [], None)]),
    ("a subject after an adverbial opener",
     "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị kịp thời báo cáo Sở Kế hoạch và Đầu tư.",
     [(["các cơ quan, đơn vị"], "các cơ quan, đơn vị kịp thời báo cáo", [], None)]),
    ("a subject after 'Ngoài việc …,' and a time",
     "Ngoài việc duy trì kiểm tra định kỳ các chợ, trong tháng này, Sở Y tế phối hợp với Sở Công Thương lấy "
     "mẫu thực phẩm.",
     [(["Sở Y tế"], "lấy mẫu thực phẩm", ["Sở Công Thương"], None)]),
    ("'Tất cả' before a group: the group is the subject",
     "Tất cả các sở, ngành phải rà soát thủ tục hành chính thuộc thẩm quyền.",
     [(["các sở, ngành"], "phải rà soát", [], None)]),
    ("two bodies, two instructions in one paragraph",
     "Giao Sở Công Thương kiểm tra thị trường xăng dầu. Giao Công an tỉnh xử lý nghiêm các vi phạm.",
     [(["Sở Công Thương"], "kiểm tra thị trường", [], None), (["Công an tỉnh Quảng Ngãi"], "xử lý nghiêm", [], None)]),
    ("a report of its own, kept apart",
     "Chủ tịch UBND tỉnh yêu cầu các sở, ngành rà soát các nhiệm vụ còn tồn đọng và báo cáo kết quả về "
     "Văn phòng UBND tỉnh trước ngày 20/7/2024.",
     [(["các sở, ngành"], "rà soát các nhiệm vụ", [], None),
      (["các sở, ngành"], "báo cáo kết quả", [], "trước ngày 20/7/2024")]),
    ("a subject after 'Cụ thể,'",
     "Cụ thể, Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công an tỉnh chỉ đạo Chi cục Kiểm lâm "
     "tuần tra các khu rừng trọng điểm.",
     [(["Sở Nông nghiệp và Môi trường"], "chủ trì, phối hợp", ["Công an tỉnh Quảng Ngãi"], None)]),
    ("a less common verb after a list of subjects",
     "Báo Quảng Ngãi, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục về chuyển đổi số.",
     [(["Báo Quảng Ngãi", "Đài Phát thanh và Truyền hình tỉnh Quảng Ngãi"], "mở chuyên mục", [], None)]),
    ("private parties at the end of a list of subjects keep the bodies' task",
     "Thủ trưởng các sở, ngành; Chủ tịch UBND các huyện; các tổ chức, cá nhân có liên quan chịu trách nhiệm thi "
     "hành Quyết định này.",
     [(["các sở, ngành", "Ủy ban nhân dân các huyện"], "chịu trách nhiệm thi hành", [], None)]),
    ("private parties in the middle of a list of subjects",
     "Sở Công Thương, các doanh nghiệp và Công an tỉnh tăng cường kiểm tra hàng giả dịp cuối năm.",
     [(["Sở Công Thương", "Công an tỉnh Quảng Ngãi"], "tăng cường kiểm tra", [], None)]),
    ("a title, a colon, then the bodies it heads",
     "Giao Giám đốc: Sở Y tế, Sở Giáo dục và Đào tạo, Đài Phát thanh và Truyền hình tỉnh phối hợp với các sở, "
     "ngành tuyên truyền phòng chống sốt xuất huyết.",
     [(["Sở Y tế", "Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh Quảng Ngãi"], "Giám đốc: Sở Y tế",
       ["các sở, ngành"], None)]),
    ("a closing order to carry out, in the paragraph of the body's instruction, closes that item",
     "Giao Sở Tư pháp chủ trì góp ý dự thảo nghị định. Trên cơ sở đó, Chủ tịch UBND tỉnh yêu cầu Giám đốc "
     "Sở Tư pháp triển khai thực hiện.",
     [(["Sở Tư pháp"], "chủ trì góp ý", [], None)]),
    ("a closing order in a paragraph of its own orders the whole document carried out",
     "Giao Sở Tư pháp chủ trì góp ý dự thảo nghị định.\nỦy ban nhân dân tỉnh yêu cầu Sở Tư pháp khẩn trương "
     "tổ chức thực hiện.",
     [(["Sở Tư pháp"], "chủ trì góp ý", [], None), (["Sở Tư pháp"], "khẩn trương tổ chức thực hiện", [], None)]),
    ("a closing order to another body than the item's",
     "Giao Sở Tư pháp chủ trì góp ý dự thảo nghị định. Chủ tịch UBND tỉnh yêu cầu Giám đốc Sở Nội vụ triển "
     "khai thực hiện.",
     [(["Sở Tư pháp"], "chủ trì góp ý", [], None), (["Sở Nội vụ"], "triển khai thực hiện", [], None)]),
    ("an order to carry out a named plan is an instruction of its own",
     "Giao Sở Tư pháp chủ trì góp ý dự thảo nghị định. Yêu cầu Sở Tư pháp triển khai thực hiện Kế hoạch số "
     "12/KH-UBND.",
     [(["Sở Tư pháp"], "chủ trì góp ý", [], None), (["Sở Tư pháp"], "thực hiện Kế hoạch", [], None)]),
    ("'Trong đó,' spells out what the instruction before it bears on",
     "Ủy ban nhân dân tỉnh yêu cầu UBND các huyện chủ động triển khai các giải pháp giảm nghèo. Trong đó, tập trung "
     "khắc phục tình trạng trông chờ vào ngân sách cấp trên.",
     [(["Ủy ban nhân dân các huyện"], "chủ động triển khai", [], None)]),
    ("a second imperative sentence is an instruction of its own",
     "Ủy ban nhân dân tỉnh yêu cầu UBND các huyện chủ động triển khai các giải pháp giảm nghèo. Tập trung "
     "khắc phục tình trạng trông chờ vào ngân sách cấp trên.",
     [(["Ủy ban nhân dân các huyện"], "chủ động triển khai", [], None),
      (["Ủy ban nhân dân các huyện"], "Tập trung khắc phục", [], None)]),
    ("a sentence that finishes the instruction before it",
     "Giao Sở Tư pháp rà soát các quyết định quy phạm pháp luật đã ban hành. Hoàn thành trước ngày 15/11/2024.",
     [(["Sở Tư pháp"], "rà soát các quyết định", [], "trước ngày 15/11/2024")]),
]


@pytest.mark.parametrize("name,text,expected", CLAUSES, ids=[row[0] for row in CLAUSES])
def test_clauses(name, text, expected):
    deadlines = [(p, None, None) for p in re.findall(r"(?:trước ngày|trong tháng) [\d/]+\d", text)]
    assert_tasks(make_doc(text, deadlines), expected)


# --- what is not a task --------------------------------------------------------------------

NOT_TASKS = [
    "Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, phê duyệt.",
    "Sở Nội vụ sẽ tổng hợp, báo cáo Bộ Nội vụ theo quy định.",
    "Theo đề nghị của Sở Tài chính tại Tờ trình số 12/TTr-STC ngày 02/3/2024.",
    "Sở Tư pháp đã hoàn thành việc rà soát văn bản trong năm 2023.",
    "Hội Nông dân tỉnh dự kiến tổ chức đại hội nhiệm kỳ vào tháng 12/2025.",
    "Ủy ban nhân dân tỉnh nhận được Công văn số 15/BYT-KHTC của Bộ Y tế về việc đề nghị báo cáo số liệu.",
    "Từ đầu năm, UBND tỉnh giao 120 nhiệm vụ cho các sở, ngành, trong đó 15 nhiệm vụ quá hạn.",
    "Theo đó, “các huyện phải có ít nhất 02 xã đạt chuẩn nông thôn mới trong năm 2024”.",
    "Sở Nông nghiệp và Phát triển nông thôn đề xuất Chủ tịch UBND tỉnh xem xét, thống nhất chủ trương.",
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành; Chủ tịch UBND các huyện; các cơ sở gi",
    "Năm 2023, công tác cải cách hành chính tiếp tục được các cấp, các ngành quan tâm chỉ đạo.",
    "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
    "Văn phòng UBND tỉnh trân trọng thông báo đến các cơ quan, đơn vị liên quan biết, thực hiện.",
    "Văn phòng UBND tỉnh thông báo để Sở Xây dựng, các cơ quan liên quan thực hiện./.",
    "Các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
    "Ngoài việc kiểm tra các chợ, Sở Y tế đã được giao nhiều việc khác trong năm.",
    "Tất cả hồ sơ phải được số hóa trước khi lưu trữ.",
]


@pytest.mark.parametrize("text", NOT_TASKS)
def test_not_tasks(text):
    assert found(make_doc(text)) == []


@pytest.mark.parametrize("doc_type,count", [("Tờ trình", 0), ("Công văn", 1), (None, 1)])
def test_a_submission_to_the_superior_gives_no_task(doc_type, count):
    text = ("Sở Nội vụ đề xuất các nội dung sau:\n"
            "a) Giao Sở Tài chính bố trí kinh phí cho các hội hoàn thành đại hội trước ngày 31/12/2025.\n")
    doc = make_doc(text, issuer="Sở Nội vụ tỉnh Quảng Ngãi")
    doc.document = doc.document.model_copy(update={"doc_type": doc_type})
    assert len(found(doc)) == count


def test_purpose_section_gives_no_task():
    text = ("I. MỤC ĐÍCH, YÊU CẦU\n"
            "1. Mục đích\n"
            "Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số.\n"
            "2. Yêu cầu\n"
            "Các cơ quan, đơn vị phải phối hợp chặt chẽ trong quá trình triển khai.\n"
            "II. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Thông tin và Truyền thông\n"
            "a) Hướng dẫn các đơn vị triển khai nền tảng số.\n")
    assert_tasks(make_doc(text), [(["Sở Thông tin và Truyền thông"], "Hướng dẫn các đơn vị", [], None)])


def test_who_a_plan_is_about_and_what_they_must_meet_are_no_tasks():
    text = ("II. PHẠM VI, ĐỐI TƯỢNG VÀ NỘI DUNG\n"
            "1. Đối tượng áp dụng\n"
            "- Các phòng chuyên môn và đơn vị sự nghiệp thuộc Sở Y tế.\n"
            "2. Tiêu chuẩn xét tặng Giấy khen\n"
            "- Đối với UBND cấp xã: Có kết quả chấm điểm đạt loại Tốt.\n"
            "III. TỔ CHỨC THỰC HIỆN\n"
            "Sở Y tế tổ chức khám sàng lọc cho người cao tuổi.\n")
    assert_tasks(make_doc(text), [(["Sở Y tế"], "tổ chức khám sàng lọc", [], None)])


def test_a_heading_body_with_a_note_in_parentheses_governs_its_items():
    text = ("1. Sở Nông nghiệp và Môi trường (cơ quan thường trực Chương trình)\n"
            "a) Chủ trì tham mưu phân bổ kế hoạch vốn năm 2025.\n"
            "b) Hướng dẫn các địa phương rà soát tiêu chí.\n")
    assert_tasks(make_doc(text), [(["Sở Nông nghiệp và Môi trường"], "Chủ trì tham mưu", [], None),
                                  (["Sở Nông nghiệp và Môi trường"], "Hướng dẫn các địa phương", [], None)])


def test_a_deadline_of_the_next_sentence_of_an_item_is_not_the_first_ones():
    text = ("9. Giám đốc các sở, Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm triển khai nghiêm túc "
            "Chỉ thị này. Giao Sở Y tế theo dõi, tổng hợp báo cáo trước ngày 15/12/2025./.\n")
    assert_tasks(make_doc(text, deadlines=(("trước ngày 15/12/2025", "2025-12-15", None),)),
                 [(["các sở", "Ủy ban nhân dân các huyện"], "chịu trách nhiệm triển khai", [], None),
                  (["Sở Y tế"], "theo dõi, tổng hợp", [], "trước ngày 15/12/2025")])


def test_an_item_that_opens_with_a_heading_word_can_still_assign():
    # "Yêu cầu" heads the aims part of a plan, but "Yêu cầu <bodies> …" is an instruction.
    text = ("2. Các nhiệm vụ cụ thể\n"
            "2.1. Yêu cầu Ủy ban nhân dân các phường rà soát quỹ đất, hoàn thành trước ngày 15/11/2025.\n"
            "2.2. Yêu cầu\n"
            "Các cơ quan, đơn vị phải phối hợp chặt chẽ.\n")
    assert_tasks(make_doc(text, deadlines=(("trước ngày 15/11/2025", "2025-11-15", None),)),
                 [(["Ủy ban nhân dân các phường"], "rà soát quỹ đất", [], "trước ngày 15/11/2025")])


def test_an_items_sentences_are_one_quote():
    text = ("1. Sở Tư pháp\n"
            "a) Rà soát các văn bản quy phạm pháp luật của tỉnh. Phối hợp với Sở Nội vụ để thống nhất "
            "danh mục cần sửa đổi.\n")
    (task,) = tasks.find(make_doc(text))
    assert task.responsible == ["Sở Tư pháp"] and task.coordinating == ["Sở Nội vụ"]
    assert text[task.span[0]:task.span[1]].endswith("danh mục cần sửa đổi.")


def test_a_subject_after_an_adverbial_and_a_colon():
    text = ("2. Tổ chức thực hiện\n"
            "Sau khi kết thúc đợt giám sát: Sở Tài chính có văn bản đề nghị các xã được giám sát "
            "bổ sung hồ sơ thanh toán.\n")
    assert_tasks(make_doc(text), [(["Sở Tài chính"], "Sở Tài chính có văn bản đề nghị", [], None)])


def test_a_heading_group_named_by_a_participle():
    text = ("1. Sở Y tế\n"
            "a) Hướng dẫn nội dung tự đánh giá.\n"
            "2. Các cơ quan, đơn vị được giám sát\n"
            "a) Chuẩn bị hồ sơ theo hướng dẫn của Sở Y tế.\n"
            "b) Các đơn vị được khen thưởng.\n")
    assert_tasks(make_doc(text), [
        (["Sở Y tế"], "Hướng dẫn nội dung", [], None),
        (["các cơ quan, đơn vị được giám sát"], "Chuẩn bị hồ sơ", [], None),
    ])


def test_an_item_opening_with_a_heading_word_can_have_a_subject():
    text = ("2. Tiến độ thực hiện\n"
            "a) Căn cứ tình hình thực tế, các sở, ngành xây dựng kế hoạch của đơn vị mình.\n")
    assert_tasks(make_doc(text), [(["các sở, ngành"], "các sở, ngành xây dựng", [], None)])


def test_voi_names_a_group_by_its_participle():
    text = "Với các đơn vị được giao phụ trách lĩnh vực, cần thường xuyên hướng dẫn các xã hoàn thiện hồ sơ.\n"
    assert_tasks(make_doc(text), [(["các đơn vị được giao phụ trách lĩnh vực"], "cần thường xuyên hướng dẫn", [], None)])


def test_the_issuer_ends_the_adverbial_before_the_subject():
    text = "Căn cứ Kế hoạch của UBND tỉnh, các sở, ngành xây dựng kế hoạch của đơn vị mình.\n"
    assert_tasks(make_doc(text), [(["các sở, ngành"], "các sở, ngành xây dựng", [], None)])


# --- instructions governed by a heading, a lead-in or the addressees -------------------------

def test_directing_is_the_governing_bodys_own_task():
    text = ("1. UBND các huyện, thị xã\n"
            "a) Chỉ đạo UBND các xã rà soát, thống kê tổng đàn gia súc.\n")
    assert_tasks(make_doc(text), [(["Ủy ban nhân dân các huyện, thị xã"], "Chỉ đạo UBND các xã", [], None)])


def test_doi_voi_names_who_the_rest_of_the_item_is_for():
    text = ("1. Các sở, ngành\n"
            "a) Cập nhật tin bài lên trang thông tin điện tử. Riêng đối với các đơn vị sự nghiệp, "
            "hằng quý có ít nhất 01 tin bài gửi Sở Nội vụ.\n")
    assert_tasks(make_doc(text), [
        (["các sở, ngành"], "Cập nhật tin bài", [], None),
        (["các đơn vị sự nghiệp"], "hằng quý có ít nhất", [], None),
    ])


def test_list_of_instructions_under_one_body():
    text = ("Giao Sở Giao thông vận tải chủ trì, phối hợp với Công an tỉnh:\n"
            "a) Rà soát các điểm đen tai nạn giao thông trên quốc lộ.\n"
            "b) Lắp đặt biển báo tại các đoạn đường nguy hiểm.\n")
    assert_tasks(make_doc(text), [
        (["Sở Giao thông vận tải"], "Rà soát các điểm đen", ["Công an tỉnh Quảng Ngãi"], None),
        (["Sở Giao thông vận tải"], "Lắp đặt biển báo", ["Công an tỉnh Quảng Ngãi"], None),
    ])


def test_section_heading_names_the_body():
    text = ("1. Sở Xây dựng\n"
            "a) Kiểm tra chất lượng các công trình nhà ở xã hội.\n"
            "b) Hướng dẫn thủ tục cấp phép xây dựng.\n"
            "2. Các sở, ban, ngành; UBND các huyện\n"
            "a) Phối hợp với Sở Xây dựng thực hiện kiểm tra.\n")
    assert_tasks(make_doc(text), [
        (["Sở Xây dựng"], "Kiểm tra chất lượng", [], None),
        (["Sở Xây dựng"], "Hướng dẫn thủ tục", [], None),
        (["các sở, ban, ngành", "Ủy ban nhân dân các huyện"], "Phối hợp với Sở Xây dựng", ["Sở Xây dựng"], None),
    ])


def test_heading_time_governs_the_tasks_under_it():
    text = ("I. NHIỆM VỤ TRIỂN KHAI NGAY TRONG THÁNG 12/2025\n"
            "1. Sở Nội vụ\n"
            "a) Rà soát biên chế các đơn vị sự nghiệp.\n"
            "b) Trình phương án sắp xếp trước ngày 20/12/2025.\n"
            "II. NHIỆM VỤ NĂM 2026\n"
            "1. Sở Nội vụ\n"
            "a) Theo dõi việc thực hiện.\n")
    doc = make_doc(text, [("TRONG THÁNG 12/2025", "2025-12-31", None), ("trước ngày 20/12/2025", "2025-12-20", None),
                          ("NĂM 2026", "2026-12-31", None)])
    assert_tasks(doc, [
        (["Sở Nội vụ"], "Rà soát biên chế", [], "TRONG THÁNG 12/2025"),
        (["Sở Nội vụ"], "Trình phương án", [], "trước ngày 20/12/2025"),
        (["Sở Nội vụ"], "Theo dõi việc thực hiện", [], None),  # "NĂM 2026" names the period, sets no time
    ])


def test_addressees_of_kinh_gui_receive_subjectless_items():
    text = ("Kính gửi:\n"
            "- Sở Công Thương;\n"
            "- UBND các huyện, thị xã.\n"
            "Chủ tịch UBND tỉnh yêu cầu:\n"
            "1. Kiểm tra giá bán lẻ xăng dầu trên địa bàn.\n"
            "2. Báo cáo kết quả trước ngày 15/7/2024.\n")
    doc = make_doc(text, [("trước ngày 15/7/2024", "2024-07-15", None)])
    everyone = ["Sở Công Thương", "Ủy ban nhân dân các huyện, thị xã"]
    assert_tasks(doc, [(everyone, "Kiểm tra giá", [], None), (everyone, "Báo cáo kết quả", [], "trước ngày 15/7/2024")])


def test_a_lead_in_after_the_addressees_governs_the_items():
    text = ("Kính gửi:\n"
            "- Sở Nông nghiệp và Môi trường;\n"
            "- Các chủ hồ chứa thủy lợi trong tỉnh.\n"
            "Để chủ động ứng phó với mưa lớn, Văn phòng Ban Chỉ huy đề nghị Ủy ban nhân dân các huyện "
            "triển khai các nội dung sau:\n"
            "1. Theo dõi chặt chẽ diễn biến mưa lũ trên địa bàn.\n"
            "2. Sở Nông nghiệp và Môi trường kiểm tra an toàn các hồ chứa.\n")
    assert_tasks(make_doc(text), [
        (["Ủy ban nhân dân các huyện"], "đề nghị Ủy ban nhân dân các huyện", [], None),
        (["Ủy ban nhân dân các huyện"], "Theo dõi chặt chẽ", [], None),
        (["Sở Nông nghiệp và Môi trường"], "kiểm tra an toàn", [], None),
    ])


def test_a_part_title_ending_in_a_colon_is_no_task():
    text = ("Bộ Tài chính đề nghị các bộ, ngành thực hiện:\n"
            "I. Rà soát nhu cầu kinh phí thực hiện dự án năm 2026 của từng bộ, ngành:\n"
            "1. Các bộ, ngành tổng hợp số liệu giải ngân theo từng dự án.\n")
    assert_tasks(make_doc(text, issuer="Bộ Tài chính"),
                 [(["các bộ, ngành"], "đề nghị các bộ, ngành thực hiện", [], None),
                  (["các bộ, ngành"], "tổng hợp số liệu", [], None)])


def test_impersonal_request_is_for_the_addressees():
    text = ("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.\n"
            "Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố rà soát danh mục thuốc thiết yếu.\n"
            "Ý kiến góp ý đề nghị gửi về Bộ Y tế trước ngày 10/9/2024.\n")
    doc = make_doc(text, [("trước ngày 10/9/2024", "2024-09-10", None)], issuer="Bộ Y tế")
    everyone = ["Ủy ban nhân dân các tỉnh, thành phố"]
    assert_tasks(doc, [(everyone, "rà soát danh mục", [], None),
                       (everyone, "Ý kiến góp ý đề nghị gửi về", [], "trước ngày 10/9/2024")])


def test_addressees_listed_after_the_headers_right_column():
    # A PDF read column by column: the motto and the date line come between "Kính gửi:" and its list.
    text = ("BỘ TÀI CHÍNH\n"
            "Số: 512/BTC-NSNN\n"
            "Kính gửi:\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n"
            "Hà Nội, ngày 12 tháng 5 năm 2025\n"
            "- Các bộ, cơ quan ngang bộ;\n"
            "- Ủy ban nhân dân các tỉnh, thành phố.\n"
            "Để tổng hợp dự toán năm 2026, Bộ Tài chính đề nghị rà soát nhu cầu kinh phí.\n"
            "Báo cáo đề nghị gửi về Bộ Tài chính trước ngày 30/6/2025.\n")
    doc = make_doc(text, [("trước ngày 30/6/2025", "2025-06-30", None)], issuer="Bộ Tài chính")
    everyone = ["các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố"]
    assert_tasks(doc, [(everyone, "đề nghị rà soát", [], None),
                       (everyone, "Báo cáo đề nghị gửi về", [], "trước ngày 30/6/2025")])


def test_report_without_subject_goes_to_those_first_instructed():
    text = ("Chủ tịch UBND tỉnh yêu cầu các sở, ngành triển khai kế hoạch phòng, chống dịch bệnh.\n\n"
            "Về chế độ thông tin, định kỳ hằng tháng báo cáo kết quả về Sở Y tế.\n")
    doc = make_doc(text, [("hằng tháng", None, "FREQ=MONTHLY")])
    assert_tasks(doc, [(["các sở, ngành"], "triển khai kế hoạch", [], None),
                       (["các sở, ngành"], "định kỳ hằng tháng báo cáo", [], "hằng tháng")])


def test_umbrella_lead_in_and_its_items():
    text = ("Văn phòng Ban Chỉ huy tỉnh đề nghị Ban Chỉ huy PCTT và TKCN các huyện; các sở, ban, ngành "
            "triển khai các nội dung sau:\n"
            "1. Theo dõi chặt chẽ diễn biến mưa lũ.\n"
            "2. Các địa phương chỉ đạo người dân thu hoạch lúa chạy lũ.\n")
    both = ["Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn các huyện", "các sở, ban, ngành"]
    assert_tasks(make_doc(text), [
        (both, "triển khai các nội dung sau", [], None),
        (both, "Theo dõi chặt chẽ", [], None),
        (["các địa phương"], "chỉ đạo người dân", [], None),
    ])


def test_running_text_goes_on_with_its_subject():
    text = ("3. Tuyên truyền trên báo chí\n"
            "Sở Thông tin và Truyền thông chủ trì, phối hợp với Đài Phát thanh và Truyền hình tỉnh đăng tải tin bài.\n"
            "Tăng cường cập nhật chuyên mục trên cổng thông tin điện tử.\n")
    assert_tasks(make_doc(text), [
        (["Sở Thông tin và Truyền thông"], "chủ trì, phối hợp", ["Đài Phát thanh và Truyền hình tỉnh Quảng Ngãi"], None),
        (["Sở Thông tin và Truyền thông"], "Tăng cường cập nhật", [], None),
    ])


# --- names from the bodies stage, targets, tables -------------------------------------------

def test_bodies_stage_names_are_used():
    text = "Giao Sở NN&PTNT chủ trì triển khai kế hoạch sản xuất vụ đông."
    doc = make_doc(text, bodies=(("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),))
    assert_tasks(doc, [(["Sở Nông nghiệp và Phát triển nông thôn"], "chủ trì triển khai", [], None)])


def test_targets_in_the_clause_are_the_tasks():
    text = ("Giao UBND huyện Minh Long phấn đấu có thêm 02 xã đạt chuẩn nông thôn mới. "
            "Sở Tài chính đạt 95% kế hoạch giải ngân.")
    doc = make_doc(text, targets=("thêm 02 xã đạt chuẩn nông thôn mới", "95% kế hoạch giải ngân"))
    (task,) = tasks.find(doc)
    assert task.targets == [0]


def test_assignment_table_rows_are_tasks():
    cells = [["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
             ["1", "Xây dựng kế hoạch truyền thông", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Quý I/2025"],
             ["2", "Tổ chức hội nghị tập huấn", "Lãnh đạo Sở Nội vụ", "", "Tháng 5/2025"]]
    doc = table_doc("Phân công thực hiện như sau:\n", cells,
                    [("Quý I/2025", "2025-03-31", None), ("Tháng 5/2025", "2025-05-31", None)])
    assert_tasks(doc, [
        (["Sở Văn hóa, Thể thao và Du lịch"], "Xây dựng kế hoạch truyền thông", ["Sở Nội vụ"], "Quý I/2025"),
        (["Sở Nội vụ"], "Tổ chức hội nghị tập huấn", [], "Tháng 5/2025"),
    ])


def test_table_with_a_two_row_header():
    cells = [["TT", "Nhiệm vụ", "Cơ quan thực hiện", ""],
             ["", "", "Chủ trì", "Phối hợp"],
             ["1", "Số hóa hồ sơ đất đai", "Sở Tài nguyên và Môi trường", "UBND các huyện"]]
    assert_tasks(table_doc("", cells),
                 [(["Sở Tài nguyên và Môi trường"], "Số hóa hồ sơ", ["Ủy ban nhân dân các huyện"], None)])


def test_schedule_of_units_and_months():
    cells = [["Đơn vị", "Tháng 3", "Tháng 6", "Tháng 9"],
             ["Sở Y tế", "x", "", ""],
             ["UBND huyện Nghĩa Hành", "", "x", ""]]
    lead = "Lịch kiểm tra công tác cải cách hành chính tại các đơn vị như sau:\n"
    doc = table_doc(lead, cells, [("Tháng 3", "2024-03-31", None), ("Tháng 6", "2024-06-30", None),
                                  ("Tháng 9", "2024-09-30", None)])
    action = "lịch kiểm tra công tác cải cách hành chính tại các đơn vị như sau"
    assert [(t.responsible, t.deadline.text, t.action) for t in tasks.find(doc)] == [
        (["Sở Y tế"], "Tháng 3", action), (["Ủy ban nhân dân huyện Nghĩa Hành"], "Tháng 6", action)]


def test_schedule_names_authorities_by_their_place():
    cells = [["STT", "Đơn vị được giám sát", "Thời gian giám sát"],
             ["I", "Các sở, ngành", ""],
             ["1", "Sở Tư pháp", "Tháng 4/2025"],
             ["II", "Ủy ban nhân dân cấp xã", ""],
             ["1", "Xã Phước Sơn", "Tháng 5/2025"],
             ["2", "Phường 3 - Tân An", "Tháng 6/2025"]]
    doc = table_doc("", cells, [("Tháng 4/2025", "2025-04-30", None), ("Tháng 5/2025", "2025-05-31", None),
                                ("Tháng 6/2025", "2025-06-30", None)])
    assert_tasks(doc, [
        (["Sở Tư pháp"], "Sở Tư pháp", [], "Tháng 4/2025"),
        (["Ủy ban nhân dân xã Phước Sơn"], "Xã Phước Sơn", [], "Tháng 5/2025"),
        (["Ủy ban nhân dân phường 3 - Tân An"], "Phường 3 - Tân An", [], "Tháng 6/2025"),
    ])
    doc.tasks = tasks.find(doc)
    added = [(b.name, b.kind, doc.text[b.spans[0][0]:b.spans[0][1]]) for b in tasks.with_table_authorities(doc)]
    assert added == [("Ủy ban nhân dân xã Phước Sơn", "locality", "Xã Phước Sơn"),
                     ("Ủy ban nhân dân phường 3 - Tân An", "locality", "Phường 3 - Tân An")]


def test_a_place_in_a_cell_that_says_more_is_no_authority():
    cells = [["STT", "Nội dung", "Đơn vị thực hiện"],
             ["1", "Khảo sát hiện trạng", "Xã Phước Sơn và các thôn lân cận"],
             ["2", "Lắp đặt biển báo", "Phường 3 - Tân An"]]
    doc = table_doc("", cells)
    assert [t.responsible for t in tasks.find(doc)] == [["Ủy ban nhân dân phường 3 - Tân An"]]


# --- the language data ---------------------------------------------------------------------

@pytest.mark.parametrize("name", [n for n in resources.names() if n.startswith("task_")])
def test_resource_files_parse(name):
    assert resources.load(name)


def test_resource_patterns_compile():
    assert lexicon.cues()["assigning"].match("giao")
    assert lexicon.lists()["joint"].match(" cùng ")
    assert lexicon.lists()["issuer_self"].fullmatch("ủy ban nhân dân tỉnh")
    kinds = lexicon.table_columns()
    assert any(kind == "responsible" and p.search("Cơ quan chủ trì") for kind, p in kinds)


@pytest.mark.parametrize("text, action, coordinating", [
    # a connective after the coordinating bodies opens the action, it is not part of it
    ("Giao Sở Tư pháp chủ trì, phối hợp với các đơn vị đồng thời rà soát các văn bản hết hiệu lực.",
     "rà soát các văn bản", ["các đơn vị"]),
    # "chủ trì" typed without its space still only says who leads
    ("Giao Sở Tư pháp chủtrì, phối hợp với Sở Nội vụ rà soát các văn bản hết hiệu lực.",
     "rà soát các văn bản", ["Sở Nội vụ"]),
    ("Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát các văn bản hết hiệu lực.",
     "rà soát các văn bản", ["Sở Nội vụ"]),
])
def test_the_action_opens_after_who_leads_and_coordinates(text, action, coordinating):
    (task,) = tasks.find(make_doc(text))
    assert task.action.startswith(action), task.action
    assert task.coordinating == coordinating


@pytest.mark.parametrize("text, expected", [
    # a verb the cues do not list, then a listed one a few words on: the predicate opens at the first
    ("3. Sở Công Thương rút ngắn thời gian thẩm định hồ sơ dự án.\n",
     [(["Sở Công Thương"], "rút ngắn thời gian thẩm định", [], None)]),
    ("4. Báo Quảng Ngãi, Đài Phát thanh và Truyền hình tỉnh tăng thời lượng đưa tin về mùa mưa bão.\n",
     [(["Báo Quảng Ngãi", "Đài Phát thanh và Truyền hình tỉnh Quảng Ngãi"], "tăng thời lượng đưa tin", [], None)]),
    # a verb made a noun ("ngoài việc trả lời") is no predicate; told facts are no instruction
    ("Lãnh đạo các địa phương ngoài việc trả lời câu hỏi còn giới thiệu mô hình hay.\n", []),
    ("Sở Nội vụ đã tổ chức hội nghị tập huấn cho các xã.\n", []),
    # a relative clause's verb is no predicate of the subject before it: the assigning verb reads it
    ("2. Giao Ủy ban nhân dân các xã nơi doanh nghiệp cung cấp nước sạch đóng trụ sở kiểm tra hồ sơ.\n",
     [(["Ủy ban nhân dân các xã"], "Giao Ủy ban nhân dân các xã", [], None)]),
])
def test_an_unlisted_verb_opens_the_predicate(text, expected):
    assert_tasks(make_doc(text), expected)


def test_the_standing_office_of_a_committee_is_the_body_that_acts():
    text = "5. Văn phòng thường trực Ban Chỉ huy PCTT và TKCN tỉnh tổ chức trực ban 24/24 giờ.\n"
    assert_tasks(make_doc(text), [(["Văn phòng thường trực Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn "
                                    "tỉnh Quảng Ngãi"], "tổ chức trực ban", [], None)])
