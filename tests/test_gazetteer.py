"""The gazetteer: names of bodies, their abbreviations, titles and groups, and administrative units.

One row per phrase with the expected reading; negative rows must not name a body. The
sentences are the team's own.
"""
from __future__ import annotations

import pytest

from pipeline import gazetteer, resources
from pipeline.gazetteer import Scope, canonical, complete, expand, find_mentions, lookup, province_of, scope_for
from pipeline.gazetteer.places import LEGACY, REFORMED
from pipeline.gazetteer.provinces import infer_province, province_unit


@pytest.fixture(scope="module")
def gia_lai() -> Scope:
    """A Gia Lai document before the 2025 reform: "UBND tỉnh" is Gia Lai's committee."""
    return scope_for(province_unit("64", LEGACY), era=LEGACY)


def names(text: str, scope: Scope | None = None) -> list[tuple[str, str]]:
    return [(m.name, m.kind) for m in find_mentions(text, scope=scope)]


# ---- abbreviations ----

@pytest.mark.parametrize("written, expanded", [
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở NN và PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("Sở GTVT", "Sở Giao thông vận tải"),
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
    ("HĐND huyện", "Hội đồng nhân dân huyện"),
    ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("Ban Chỉ huy PCTT và TKCN", "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn"),
    ("Chi cục CNTY", "Chi cục Chăn nuôi và Thú y"),
    ("Công ty TNHH MTV", "Công ty Trách nhiệm hữu hạn một thành viên"),
    ("UBND TP. Huế", "Ủy ban nhân dân thành phố Huế"),   # the period goes with the abbreviation
    ("Công an TP.HCM", "Công an thành phố Hồ Chí Minh"),
    ("UBND TX. Sơn Tây", "Ủy ban nhân dân thị xã Sơn Tây"),
    ("Sở Nội vụ", "Sở Nội vụ"),             # nothing to expand
    ("UBNDX", "UBNDX"),                     # not an abbreviation the list knows
])
def test_expand(written, expanded):
    assert expand(written) == expanded


# ---- one phrase, one body ----

@pytest.mark.parametrize("phrase, name, kind", [
    # ministries and departments by their field, abbreviated or not
    ("Sở Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường", "agency"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn", "agency"),
    ("Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn", "agency"),
    ("Sở Kế hoạch - Đầu tư", "Sở Kế hoạch và Đầu tư", "agency"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo", "agency"),
    ("Bộ Nông nghiệp & PTNT", "Bộ Nông nghiệp và Phát triển nông thôn", "agency"),
    ("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội", "agency"),
    ("Bộ Công an", "Bộ Công an", "agency"),
    # titles name their body
    ("Giám đốc Sở Tư pháp", "Sở Tư pháp", "agency"),
    ("Chủ tịch UBND huyện Chư Sê", "Ủy ban nhân dân huyện Chư Sê", "locality"),
    ("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "agency"),
    ("Bộ trưởng Bộ Y tế", "Bộ Y tế", "agency"),
    ("Thủ trưởng các sở, ban ngành", "các sở, ban, ngành", "group"),
    # local authorities and their offices
    ("UBND thị xã Ayun Pa", "Ủy ban nhân dân thị xã Ayun Pa", "locality"),
    ("HĐND tỉnh Gia Lai", "Hội đồng nhân dân tỉnh Gia Lai", "locality"),
    ("Thường trực HĐND huyện Đức Cơ", "Thường trực Hội đồng nhân dân huyện Đức Cơ", "locality"),
    ("Văn phòng HĐND và UBND huyện Ia Grai", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Ia Grai", "agency"),
    ("VPUBND tỉnh Gia Lai", "Văn phòng Ủy ban nhân dân tỉnh Gia Lai", "agency"),
    # fixed names
    ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "other"),
    ("Văn phòng Chính phủ", "Văn phòng Chính phủ", "agency"),
    ("Ngân hàng Nhà nước", "Ngân hàng Nhà nước Việt Nam", "agency"),
    ("Bộ Chỉ huy Quân sự tỉnh Gia Lai", "Bộ Chỉ huy Quân sự tỉnh Gia Lai", "agency"),
    ("Công an huyện Chư Prông", "Công an huyện Chư Prông", "agency"),
    ("Ban Chỉ huy PCTT và TKCN tỉnh Gia Lai",
     "Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh Gia Lai", "agency"),
    ("Chi cục CNTY", "Chi cục Chăn nuôi và Thú y", "agency"),
    # party and mass organizations
    ("Ban Thường vụ Tỉnh ủy Gia Lai", "Ban Thường vụ Tỉnh ủy Gia Lai", "party"),
    ("Huyện ủy Chư Sê", "Huyện ủy Chư Sê", "party"),
    ("Ủy ban MTTQ Việt Nam tỉnh Gia Lai", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai", "party"),
    ("Hội Liên hiệp Phụ nữ tỉnh Gia Lai", "Hội Liên hiệp Phụ nữ tỉnh Gia Lai", "party"),
    ("Đoàn TNCS Hồ Chí Minh tỉnh Gia Lai", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Gia Lai", "party"),
    ("Bộ Chính trị", "Bộ Chính trị", "party"),
    ("Đảng bộ tỉnh Gia Lai", "Đảng bộ tỉnh Gia Lai", "party"),
    # open names: an opening word, then words up to the place
    ("Trung tâm Khuyến nông tỉnh Gia Lai", "Trung tâm Khuyến nông tỉnh Gia Lai", "agency"),
    ("Quỹ Phòng, chống thiên tai tỉnh Gia Lai", "Quỹ Phòng, chống thiên tai tỉnh Gia Lai", "agency"),
    ("Báo Gia Lai", "Báo Gia Lai", "other"),
    ("Trạm Trồng trọt và Bảo vệ thực vật huyện Đức Cơ", "Trạm Trồng trọt và Bảo vệ thực vật huyện Đức Cơ", "agency"),
    # groups
    ("các sở, ban ngành", "các sở, ban, ngành", "group"),
    ("những sở, ban, ngành", "những sở, ban, ngành", "group"),          # named as written (CONTRACT.md)
    ("các cơ quan, đơn vị có liên quan", "các cơ quan, đơn vị có liên quan", "group"),
    ("các cấp, các ngành", "các cấp, các ngành", "group"),
    ("các tổ chức chính trị - xã hội", "các tổ chức chính trị - xã hội", "group"),
    ("UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố", "group"),
    ("UBND các huyện, thị, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố", "group"),
    ("UBND cấp xã", "Ủy ban nhân dân cấp xã", "group"),
    ("UBND các tỉnh, thành phố trực thuộc Trung ương",
     "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "group"),
    ("Ban Chỉ huy PCTT và TKCN các huyện",
     "Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn các huyện", "group"),
    ("ngành Giáo dục và Đào tạo", "ngành Giáo dục và Đào tạo", "group"),
    ("cấp ủy, chính quyền cấp huyện, thành phố", "cấp ủy, chính quyền cấp huyện, thành phố", "group"),
])
def test_canonical(phrase, name, kind):
    assert canonical(phrase) == (name, kind)


@pytest.mark.parametrize("phrase", [
    "Ban hành Kế hoạch thực hiện Chương trình",        # "Ban" the verb
    "công tác phòng, chống thiên tai",                 # "phòng" the verb
    "Phòng, chống dịch bệnh",
    "cán bộ y tế xã",                                  # "bộ" inside a word
    "Tỉnh ủy viên",                                    # a bare title
    "CHÁNH VĂN PHÒNG",
    "Chủ tịch",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Luật Tổ chức chính quyền địa phương",
    "xã Ia Dom",                                       # a place, not its authority
    "các xã, phường, thị trấn",
    "các doanh nghiệp, hợp tác xã",                    # private parties
    "các tổ chức, cá nhân",
    "các bộ phận chuyên môn",
    "các cấp",
    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "chính phủ điện tử",
    "lực lượng Công an",                               # Công an with no place is no body
    "Hội nghị trực tuyến",
    "Phó Thủ tướng",
    "Trung tâm thành phố",                             # the city centre
])
def test_not_a_body(phrase):
    assert canonical(phrase) is None
    assert not [m for m in find_mentions(phrase) if m.kind != "group" or phrase.startswith("các")]


# ---- mentions in a sentence ----

@pytest.mark.parametrize("sentence, expected", [
    # a list of members counts as the members, not the group
    ("Giao UBND các huyện: Chư Prông, Đức Cơ và Ia Grai rà soát.",
     [("Ủy ban nhân dân huyện Chư Prông", "locality"), ("Ủy ban nhân dân huyện Đức Cơ", "locality"),
      ("Ủy ban nhân dân huyện Ia Grai", "locality")]),
    ("Giao UBND các huyện Chư Prông, Đức Cơ và Ia Grai rà soát.",            # the same list without a colon
     [("Ủy ban nhân dân huyện Chư Prông", "locality"), ("Ủy ban nhân dân huyện Đức Cơ", "locality"),
      ("Ủy ban nhân dân huyện Ia Grai", "locality")]),
    ("Trường Chính trị tỉnh mở lớp; xã Trường Sơn, trường hợp khác.", [("Trường Chính trị tỉnh Gia Lai", "agency")]),
    ("Giám đốc các Sở: Tài chính, Xây dựng và Y tế chịu trách nhiệm.",
     [("Sở Tài chính", "agency"), ("Sở Xây dựng", "agency"), ("Sở Y tế", "agency")]),
    ("lãnh đạo các Bộ, ngành (Bộ Tư pháp, Bộ Tài chính) tham gia.",
     [("Bộ Tư pháp", "agency"), ("Bộ Tài chính", "agency")]),
    ("Các cơ quan, đơn vị sau đây chịu trách nhiệm thi hành:", []),
    # "và các" opens a second group; a private party ends the list
    ("chỉ đạo các cơ quan liên quan và các địa phương triển khai",
     [("các cơ quan liên quan", "group"), ("các địa phương", "group")]),
    ("các sở, ngành và người dân cùng tham gia", [("các sở, ngành", "group")]),
    # the body with its title, the person's name after it left out
    ("Phó Chủ tịch UBND tỉnh Nguyễn Văn Bình yêu cầu Giám đốc Sở Y tế báo cáo.",
     [("Ủy ban nhân dân tỉnh Gia Lai", "locality"), ("Sở Y tế", "agency")]),
    # a bare level word takes the document's province
    ("Công an tỉnh phối hợp với Ban Chỉ huy PCTT và TKCN tỉnh.",
     [("Công an tỉnh Gia Lai", "agency"),
      ("Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh Gia Lai", "agency")]),
    ("Thường trực Tỉnh ủy chỉ đạo.", [("Thường trực Tỉnh ủy Gia Lai", "party")]),
    # a ministry's own units; the 2025 merged Cục; a branch named after its parent
    ("Cục Chăn nuôi và Thú y chủ trì, phối hợp với Vụ Pháp chế, Thanh tra Bộ rà soát.",
     [("Cục Chăn nuôi và Thú y", "agency"), ("Vụ Pháp chế", "agency"), ("Thanh tra Bộ", "agency")]),
    ("Chi nhánh Văn phòng Đăng ký đất đai huyện Ia Grai phối hợp.",
     [("Chi nhánh Văn phòng Đăng ký đất đai huyện Ia Grai", "agency")]),
    ("Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm thi hành.", [("các đơn vị thuộc Bộ", "group")]),
    ("Vụ cháy rừng xảy ra trong đêm.", []),
    ("PHƯƠNG ÁN SẢN XUẤT VỤ MÙA NĂM 2024; NHIỆM VỤ TRỌNG TÂM NĂM HỌC", []),
    # an ad-hoc group named with its owner: both count
    ("Tổ công tác liên ngành của UBND tỉnh kiểm tra.",
     [("Tổ công tác liên ngành của Ủy ban nhân dân tỉnh Gia Lai", "other"),
      ("Ủy ban nhân dân tỉnh Gia Lai", "locality")]),
    # a paper naming itself is a byline
    ("Báo Gia Lai trân trọng giới thiệu toàn văn Chỉ thị.", []),
    # a document number is not a body
    ("Quyết định số 12/QĐ-UBND ngày 5/3/2024", []),
    # a head written once for several places of one tier; a place of another tier is an address
    ("UBND huyện Chư Sê, huyện Đức Cơ và thị xã Ayun Pa chủ động phân luồng.",
     [("Ủy ban nhân dân huyện Chư Sê", "locality"), ("Ủy ban nhân dân huyện Đức Cơ", "locality"),
      ("Ủy ban nhân dân thị xã Ayun Pa", "locality")]),
    ("UBND xã Ia Dom, huyện Đức Cơ báo cáo.", [("Ủy ban nhân dân xã Ia Dom", "locality")]),
    # "Thường trực" before the committee belongs to the title; before the council, to the body
    ("Phó Chủ tịch Thường trực UBND tỉnh chỉ đạo.", [("Ủy ban nhân dân tỉnh Gia Lai", "locality")]),
    ("Thường trực HĐND tỉnh giám sát.", [("Thường trực Hội đồng nhân dân tỉnh Gia Lai", "locality")]),
    # open names that go on in lower case after a specific opening
    ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh chủ trì.",
     [("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh Gia Lai", "agency")]),
    ("Tổng cục Đường bộ Việt Nam, Cục Cảnh sát giao thông phối hợp.",
     [("Tổng cục Đường bộ Việt Nam", "agency"), ("Cục Cảnh sát giao thông", "agency")]),
    ("Báo Gia Lai đẩy mạnh tuyên truyền.", [("Báo Gia Lai", "other")]),
    ("(Báo Gia Lai) - Sáng nay, Sở Y tế họp.", [("Sở Y tế", "agency")]),  # a source tag
    ("Tỉnh đoàn, Hội Nông dân tỉnh phối hợp.",
     [("Tỉnh đoàn Gia Lai", "party"), ("Hội Nông dân tỉnh Gia Lai", "party")]),
    ("Trưởng các phòng: Nội vụ, Tư pháp báo cáo.", [("Phòng Nội vụ", "agency"), ("Phòng Tư pháp", "agency")]),
    # a steering committee named with what it is about, up to the next phrase of the clause
    ("Văn bản của Ban Chỉ đạo Trung ương về sơ kết Nghị quyết số 27-NQ/TW về cải cách tiền lương.",
     [("Ban Chỉ đạo Trung ương về sơ kết Nghị quyết số 27-NQ/TW", "agency")]),
    ("Ban Chỉ đạo tỉnh về phòng, chống tham nhũng họp.",
     [("Ban Chỉ đạo tỉnh về phòng, chống tham nhũng", "agency")]),
    # a title that swallows the capital of "Ban": the board is still named, with its capital
    ("Trưởng ban Dân tộc tỉnh Gia Lai chủ trì.", [("Ban Dân tộc tỉnh Gia Lai", "agency")]),
    ("Trưởng ban Thi đua - Khen thưởng Trung ương hướng dẫn.", [("Ban Thi đua - Khen thưởng Trung ương", "agency")]),
    # … but a lower-case word after it names no board
    ("Trưởng ban chỉ đạo các tổ trực.", []),
    # the procuracy's short form written in two tokens
    ("Xem xét báo cáo của VKS ND tỉnh Gia Lai.", [("Viện kiểm sát nhân dân tỉnh Gia Lai", "other")]),
    # a council and a committee written as one pair with no office before it: each authority
    ("Gửi HĐND và UBND các xã để biết.",
     [("Hội đồng nhân dân các xã", "group"), ("Ủy ban nhân dân các xã", "group")]),
    ("Hội đồng nhân dân và Ủy ban nhân dân huyện Ia Grai chỉ đạo.",
     [("Hội đồng nhân dân huyện Ia Grai", "locality"), ("Ủy ban nhân dân huyện Ia Grai", "locality")]),
    # … but its office and standing committee are one body
    ("Thường trực HĐND và UBND huyện Ia Grai họp.",
     [("Thường trực Hội đồng nhân dân và Ủy ban nhân dân huyện Ia Grai", "locality")]),
])
def test_mentions(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


@pytest.mark.parametrize("sentence, role", [
    ("Giám đốc Sở Nội vụ chủ trì", "Giám đốc"),
    ("Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Chủ tịch"),
    ("Chánh, các PCVP UBND tỉnh", "Chánh"),
    ("Thủ trưởng các sở, ban, ngành", "Thủ trưởng"),
    ("Sở Nội vụ chủ trì", None),
    # the titles the tasks stage used to keep apart, now in bodies_roles.yaml with the others
    ("Các thành viên Ban Chỉ đạo tỉnh họp", "Các thành viên"),
])
def test_roles(sentence, role, gia_lai):
    first = find_mentions(sentence, scope=gia_lai)[0]
    assert first.role == role
    if role:
        assert sentence[first.role_span[0]:first.role_span[1]].startswith(role)


def test_member_spans_and_codes(gia_lai):
    text = "UBND các huyện: Chư Prông và Đức Cơ"
    members = find_mentions(text, scope=gia_lai)
    assert [text[s:e] for s, e in (m.span for m in members)] == ["Chư Prông", "Đức Cơ"]
    assert [m.code for m in members] == ["632", "631"]
    assert all(m.list_span == members[0].list_span for m in members)


def test_mention_spans_are_the_body_only(gia_lai):
    text = "Giám đốc Sở Nông nghiệp và\nPhát triển nông thôn chủ trì."
    (m,) = find_mentions(text, scope=gia_lai)
    assert text[m.span[0]:m.span[1]] == "Sở Nông nghiệp và\nPhát triển nông thôn"


# ---- administrative units ----

@pytest.mark.parametrize("name, level, code, province", [
    ("Chư Sê", "huyện", "633", "Gia Lai"),
    ("Pleiku", "thành phố", "622", "Gia Lai"),
    ("Đăk Glei", "huyện", "610", "Kon Tum"),     # "Đăk" and "Đắk" are one name
    ("Hà Nội", "thành phố", "01", "Hà Nội"),
    ("Côn Đảo", "đặc khu", "26732", "Hồ Chí Minh"),
])
def test_lookup(name, level, code, province):
    units = lookup(name, level)
    assert units and units[0].code == code and units[0].province == province


@pytest.mark.parametrize("places, province", [
    (["huyện Chư Prông", "Đức Cơ", "Ia Grai"], "Gia Lai"),
    (["huyện Chư Prông", "xã Ia Dom"], "Gia Lai"),       # Ia Dom is in two provinces: Gia Lai is common
    (["huyện Chư Prông", "huyện Krông Búk"], None),     # Gia Lai and Đắk Lắk: no agreement
    (["Bến Nghé Xyz"], None),                            # unknown
])
def test_province_of(places, province):
    found = province_of(places)
    assert (found.name if found else None) == province


@pytest.mark.parametrize("text, province", [
    ("Ngày 3/4, UBND huyện Chư Sê và UBND huyện Đức Cơ ra quân dọn vệ sinh.", "Gia Lai"),
    ("UBND tỉnh Đắk Lắk giao Sở Y tế; tỉnh Gia Lai hỗ trợ; tỉnh Đắk Lắk báo cáo.", "Đắk Lắk"),
    ("Chính quyền Gia Lai đặt mốc hoàn thành giải phóng mặt bằng tại Gia Lai.", "Gia Lai"),
    ("Các sở, ngành báo cáo kết quả.", None),
])
def test_infer_province(text, province):
    found = infer_province(text)
    assert (found.name if found else None) == province


@pytest.mark.parametrize("name, code, era, completed", [
    ("Ủy ban nhân dân tỉnh", "64", LEGACY, "Ủy ban nhân dân tỉnh Gia Lai"),
    ("Ủy ban nhân dân tỉnh Gia Lai", "64", LEGACY, "Ủy ban nhân dân tỉnh Gia Lai"),
    ("Ủy ban nhân dân thành phố", "64", LEGACY, "Ủy ban nhân dân thành phố"),   # a city of the province
    ("Ủy ban nhân dân thành phố", "01", REFORMED, "Ủy ban nhân dân thành phố Hà Nội"),
])
def test_complete(name, code, era, completed):
    assert complete(name, province_unit(code, era)) == completed


def test_document_scope_from_issuer_and_date():
    scope = gazetteer.document_scope("Phòng Kinh tế thành phố báo cáo.", date="2020-05-04",
                                     issuer="Ủy ban nhân dân thành phố Pleiku")
    assert scope.unit_for("thành phố").code == "622" and scope.province.name == "Gia Lai"
    mentions = find_mentions("Phòng Kinh tế thành phố báo cáo.", scope=scope)
    assert [(m.name, m.code) for m in mentions] == [("Phòng Kinh tế thành phố Pleiku", "622")]


def test_era_decides_the_code():
    old = scope_for(province_unit("64", LEGACY), era=LEGACY)
    new = scope_for(province_unit("52", REFORMED), era=REFORMED)
    assert find_mentions("UBND tỉnh Gia Lai", scope=old)[0].code == "64"
    assert find_mentions("UBND tỉnh Gia Lai", scope=new)[0].code == "52"


def test_every_data_file_entry_parses():
    data = resources.load("bodies.yaml")
    for entry in data["central"]:
        assert entry["kind"] in ("agency", "locality", "party", "group", "other"), entry
        assert canonical(entry["name"]) is not None or entry.get("needs_place"), entry["name"]
    fields = {e["name"] for e in data["fields"]}
    for key in ("ministries", "departments", "district_offices"):
        assert set(data[key]) <= fields, key
    for head in ("ministries", "departments"):
        prefix = "Bộ" if head == "ministries" else "Sở"
        for field in data[head]:
            assert canonical(f"{prefix} {field}") == (f"{prefix} {field}", "agency")


@pytest.mark.parametrize("raw, text, issuer", [
    # the province named nowhere but inferred from the districts the text names
    ("Chủ tịch UBND tỉnh", "UBND tỉnh giao UBND huyện Chư Sê và huyện Đức Cơ rà soát.", "Ủy ban nhân dân tỉnh Gia Lai"),
    ("Phó Chủ tịch UBND tỉnh Nguyễn Văn Bình", "Chính quyền Gia Lai yêu cầu các địa phương tại Gia Lai.",
     "Ủy ban nhân dân tỉnh Gia Lai"),
    ("SỞ NÔNG NGHIỆP VÀ PTNT", "", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Văn phòng thường trực BAN CHỈ HUY PCTT VÀ TKCN TỈNH GIA LAI", "",
     "Văn phòng thường trực Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh Gia Lai"),
    ("Ủy ban nhân dân tỉnh", "Các sở, ngành báo cáo.", "Ủy ban nhân dân tỉnh"),   # nothing to complete with
])
def test_issuer_name(raw, text, issuer):
    assert gazetteer.issuer_name(raw, text) == issuer


def test_a_name_after_a_level_word_crosses_a_line_only_when_the_register_knows_it():
    from pipeline.gazetteer.places import name_after
    # "2. Công an xã" is a heading; "Bảo đảm …" on the next line is its first sentence.
    assert name_after("Công an xã\nBảo đảm an ninh trật tự", len("Công an xã"), "xã") is None
    assert name_after("Văn phòng UBND xã\nTổng hợp, báo cáo", len("Văn phòng UBND xã"), "xã") is None
    # A PDF line that breaks inside "huyện Kon Plông" still names the district.
    end, name, unit = name_after("UBND huyện\nKon Plông", len("UBND huyện"), "huyện")
    assert name == "Kon Plông" and unit is not None


# ---- groups: how a group's name ends, and nouns of central letters ----

@pytest.mark.parametrize("sentence, expected", [
    # a participle narrows a group of plain nouns, with its object up to a verb or punctuation
    ("Yêu cầu các đơn vị được giao quản lý công trình khẩn trương hoàn thiện hồ sơ.",
     [("các đơn vị được giao quản lý công trình", "group")]),
    ("Các cơ quan được thanh tra báo cáo kết quả khắc phục.", [("các cơ quan được thanh tra", "group")]),
    ("- Các sở được phân công phụ trách địa bàn;", [("các sở được phân công phụ trách địa bàn", "group")]),
    # ... but not the full set of departments, nor a long run of words that is the clause
    ("Thủ trưởng các sở, ban, ngành được phân công nhiệm vụ chịu trách nhiệm.", [("các sở, ban, ngành", "group")]),
    ("các đơn vị được giao rà soát lại toàn bộ danh mục các dự án đầu tư năm nay.",
     [("các đơn vị được giao", "group")]),
    # the body the members belong to ends the name
    ("Thủ trưởng các đơn vị thuộc, trực thuộc Bộ Tài chính chịu trách nhiệm.",
     [("các đơn vị thuộc, trực thuộc Bộ Tài chính", "group")]),
    ("các phòng chuyên môn thuộc các sở, ngành tham gia", [("các phòng chuyên môn thuộc các sở, ngành", "group")]),
    # nouns of a ministry's letters; a centre-run body "đóng trên địa bàn"
    ("Kính gửi: Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
     [("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "group")]),
    ("Các cơ quan, tổ chức TW đóng trên địa bàn tỉnh phối hợp.",
     [("các cơ quan, tổ chức Trung ương đóng trên địa bàn tỉnh", "group")]),
    ("các cơ quan quản lý nhà nước về BHYT chưa phối hợp", [("các cơ quan quản lý nhà nước về bảo hiểm y tế", "group")]),
    ("sự vào cuộc của chính quyền các cấp", [("chính quyền các cấp", "group")]),
    # the grassroots closing a list of public bodies, a verb after it, is one of them …
    ("Yêu cầu các sở, ban, ngành và cơ sở nghiêm túc thực hiện.", [("các sở, ban, ngành và cơ sở", "group")]),
    # … not an establishment its own noun follows
    ("Yêu cầu các cơ quan, đơn vị và cơ sở sản xuất kinh doanh thực hiện.", [("các cơ quan, đơn vị", "group")]),
    ("phối hợp giữa các cấp chính quyền", [("các cấp chính quyền", "group")]),
    ("lãnh đạo các phòng chuyên môn, đơn vị trực thuộc dự họp", [("các phòng chuyên môn, đơn vị trực thuộc", "group")]),
    # "18-NQ/TW" keeps its symbol: "TW" is written out only in a group's tail
    ("Quyết định số 18-NQ/TW của Bộ Chính trị", [("Bộ Chính trị", "party")]),
])
def test_group_forms(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


@pytest.mark.parametrize("sentence, expected", [
    # negation and plans end an open name; "Hàng không" keeps its "không"
    ("Hiệp hội Doanh nghiệp nhỏ không gửi báo cáo.", [("Hiệp hội Doanh nghiệp nhỏ", "other")]),
    ("Hội Khuyến học chưa tổ chức đại hội.", [("Hội Khuyến học", "other")]),
    ("Hội Làm vườn dự kiến họp vào tháng tới.", [("Hội Làm vườn", "other")]),
    ("Cục Hàng không Việt Nam phối hợp.", [("Cục Hàng không Việt Nam", "agency")]),
    # a paper named for its province ends with the province; other papers' names run on
    ("Báo Gia Lai tăng số trang về phòng cháy.", [("Báo Gia Lai", "other")]),
    ("Đề nghị Báo Bình Định dành thời lượng đưa tin.", [("Báo Bình Định", "other")]),
    ("Báo Gia Lai điện tử có bài phản ánh.", [("Báo Gia Lai điện tử", "other")]),
    ("Báo Nông thôn ngày nay tăng cường thông tin.", [("Báo Nông thôn ngày nay", "other")]),
    ("Báo Lao động và Xã hội phản ánh kịp thời.", [("Báo Lao động và Xã hội", "other")]),
])
def test_open_names_end(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


@pytest.mark.parametrize("sentence, name", [
    ("ỦY BAN NHÂN DÂN TỈNH ĐĂK NÔNG", "Ủy ban nhân dân tỉnh Đăk Nông"),      # a spelling in official use
    ("UBND tỉnh Đắk Nông", "Ủy ban nhân dân tỉnh Đắk Nông"),
    ("HĐND tỉnh Đăk Lăk", "Hội đồng nhân dân tỉnh Đăk Lăk"),
    ("UBND tỉnh Lâm Đông", "Ủy ban nhân dân tỉnh Lâm Đồng"),                 # a misreading is mended
])
def test_province_spelled_as_written(sentence, name):
    assert [m.name for m in find_mentions(sentence)] == [name]


def test_bare_level_word_takes_the_documents_spelling():
    text = "ỦY BAN NHÂN DÂN TỈNH ĐĂK NÔNG\nGiao Chánh Văn phòng UBND tỉnh theo dõi."
    scope = gazetteer.document_scope(text, "2008-05-01")
    assert scope.province.name == "Đăk Nông"
    assert "Văn phòng Ủy ban nhân dân tỉnh Đăk Nông" in [m.name for m in find_mentions(text, scope=scope)]


@pytest.mark.parametrize("sentence, expected", [
    # the provincial press, named with its province with or without the level word
    ("Báo và Đài Phát thanh, Truyền hình Gia Lai đưa tin.", [("Báo và Phát thanh, Truyền hình Gia Lai", "other")]),
    ("Đài Phát thanh và Truyền hình Gia Lai phối hợp.", [("Đài Phát thanh và Truyền hình Gia Lai", "other")]),
    ("Đài Phát thanh và Truyền hình tỉnh phối hợp.", [("Đài Phát thanh và Truyền hình tỉnh Gia Lai", "other")]),
    # distribution lines: a ministry or department written as one abbreviation; a department made plural
    ("- Ban TĐKT Trung ương - BNV;", [("Ban Thi đua - Khen thưởng Trung ương", "agency"), ("Bộ Nội vụ", "agency")]),
    ("- SYT các tỉnh, thành phố;", [("Sở Y tế các tỉnh, thành phố", "group")]),
    ("Số: 45/SNV-VP", []),                                             # a number's symbol
    # named as the text names it
    ("vai trò giám sát của Mặt trận Tổ quốc trong năm", [("Mặt trận Tổ quốc", "party")]),
    ("Ủy ban MTTQ Việt Nam tỉnh Gia Lai", [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai", "party")]),
    ("6. Tổng Liên đoàn lao động Việt Nam", [("Tổng Liên đoàn Lao động Việt Nam", "party")]),
    ("7. Văn phòng Tòa án nhân dân tối cao", [("Văn phòng Tòa án nhân dân tối cao", "agency")]),
    ("kết luận của Thường trực Chính phủ về", [("Thường trực Chính phủ", "other")]),
    # a footnote's number against the last word is no part of the name
    ("gửi về Vụ Pháp chế2 trước ngày 10", [("Vụ Pháp chế", "agency")]),
    # not bodies: a congress, a verb, an association's organ, a sentence opening the next line
    ("CHÀO MỪNG ĐẠI HỘI ĐẢNG CÁC CẤP", []),
    ("CHẾ ĐỘ BÁO CÁO PHỤC VỤ MỤC TIÊU ĐIỀU HÀNH", []),
    ("làm việc với Ban Chấp hành Hội về nhân sự", []),
    ("và Hội Khuyến học\nCác Hội này chưa báo cáo", [("Hội Khuyến học", "other")]),
])
def test_named_as_written(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a disease's name with its number stays in a committee's name, made plural by "các cấp"
    ("thành viên Ban Chỉ đạo phòng, chống dịch Covid-19 các cấp; Thủ trưởng",
     [("Ban Chỉ đạo phòng, chống dịch Covid-19 các cấp", "group")]),
    # a name broken after "-" at a PDF line's end goes on on the next line
    ("kiện toàn Ban Chỉ đạo công tác Dân tộc -\nTôn giáo tỉnh Gia Lai năm nay",
     [("Ban Chỉ đạo công tác Dân tộc - Tôn giáo tỉnh Gia Lai", "agency")]),
    # a name in sentence case goes on after "và" in lower case when those words close it ...
    ("đề nghị giải thể Hội Bảo tồn di sản và văn hóa và Hội Sinh vật cảnh.",
     [("Hội Bảo tồn di sản và văn hóa", "other"), ("Hội Sinh vật cảnh", "other")]),
    # ... not when they are people, a group or a place, or run on into the clause
    ("Hội Bảo tồn di sản và người dân địa phương.", [("Hội Bảo tồn di sản", "other")]),
    ("Trung tâm Y tế và trạm y tế xã tổ chức tiêm.", [("Trung tâm Y tế", "agency")]),
    # "/" between level words
    ("Chủ tịch UBND các huyện/thị xã chịu trách nhiệm.", [("Ủy ban nhân dân các huyện, thị xã", "group")]),
])
def test_names_that_run_on(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


@pytest.mark.parametrize("sentence, expected", [
    # an open name after "các" is the group of bodies of that name
    ("Văn phòng Công chứng số 1 và các Chi nhánh Trung tâm trợ giúp pháp lý khu vực phối hợp.",
     [("Văn phòng Công chứng", "agency"), ("các Chi nhánh Trung tâm trợ giúp pháp lý khu vực", "group")]),
    # project owners narrow a group
    ("Các bộ, cơ quan Trung ương chủ dự án thành phần gửi báo cáo.",
     [("các bộ, cơ quan Trung ương chủ dự án thành phần", "group")]),
    # a sector of the economy is no group of bodies
    ("góp phần tăng trưởng ngành Công Thương của tỉnh", []),
    ("giá trị sản xuất ngành Nông nghiệp và Phát triển nông thôn tăng", []),
    ("phối hợp với ngành Giáo dục và Đào tạo", [("ngành Giáo dục và Đào tạo", "group")]),
    # a name in sentence case closed by "nhưng"
    ("đại hội của Hội Bảo tồn di sản và văn hóa nhưng chưa tổ chức", [("Hội Bảo tồn di sản và văn hóa", "other")]),
])
def test_more_group_and_name_forms(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a numbered congress is the congress of delegates; one written so stays as written
    ("quán triệt Nghị quyết Đại hội XV Đảng bộ tỉnh Gia Lai.", [("Đại hội đại biểu Đảng bộ tỉnh Gia Lai", "party")]),
    ("Nghị quyết Đại hội Đảng bộ tỉnh Gia Lai lần thứ XV", [("Đại hội Đảng bộ tỉnh Gia Lai", "party")]),
    # a distribution line's "T.Cục" and a field's abbreviation
    ("- T.Cục DS-KHHGĐ;", [("Tổng cục Dân số - Kế hoạch hóa gia đình", "agency")]),
    # a club named with the body it belongs to is one body; an association in lower case
    ("Câu lạc bộ bóng bàn Công an tỉnh, Liên đoàn quần vợt và Hội Khuyến học đã họp.",
     [("Câu lạc bộ bóng bàn Công an tỉnh Gia Lai", "other"), ("Liên đoàn quần vợt", "other"),
      ("Hội Khuyến học", "other")]),
    ("Liên đoàn Lao động tỉnh tham gia.", [("Liên đoàn Lao động tỉnh Gia Lai", "party")]),
])
def test_associations_and_congresses(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a list's title names no group: its members, one a line, count
    ("Danh sách các đơn vị nhận kế hoạch\n1. Sở Tư pháp\n2. Sở Y tế",
     [("Sở Tư pháp", "agency"), ("Sở Y tế", "agency")]),
    ("Gửi các đơn vị nhận kế hoạch.", [("các đơn vị", "group")]),
    # a noun without "các" is a group when its owner is one
    ("nâng cao năng lực của cơ quan chuyên môn thuộc UBND các cấp trong năm",
     [("cơ quan chuyên môn thuộc Ủy ban nhân dân các cấp", "group")]),
    ("cơ quan chuyên môn thuộc UBND tỉnh tham mưu", [("Ủy ban nhân dân tỉnh Gia Lai", "locality")]),
    # "hoặc" joins another public noun to a fixed group, not a private party
    ("hồ sơ có xác nhận của cấp ủy, chính quyền hoặc cơ quan chủ quản.",
     [("cấp ủy, chính quyền hoặc cơ quan chủ quản", "group")]),
    ("có ý kiến của cấp ủy, chính quyền hoặc người dân nơi cư trú", [("cấp ủy, chính quyền", "group")]),
])
def test_groups_by_their_neighbours(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "những" is kept as written, in a group and in a committee made plural
    ("đề nghị những sở, ngành và UBND những huyện, thị xã phối hợp",
     [("những sở, ngành", "group"), ("Ủy ban nhân dân những huyện, thị xã", "group")]),
    ("đề nghị các sở, ngành phối hợp", [("các sở, ngành", "group")]),
    # a list whose parts each carry their head's title is one group; another body ends it
    ("Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh chịu trách nhiệm.",
     [("các sở, ban, ngành cấp tỉnh", "group")]),
    ("Giám đốc các sở, Chủ tịch UBND các huyện thực hiện.",
     [("các sở", "group"), ("Ủy ban nhân dân các huyện", "group")]),
])
def test_determiner_as_written(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


# Distribution lines as letters write them: short forms of a committee's organs, the council's
# standing committee, the press's dashed name, the council and committee sharing one place.
@pytest.mark.parametrize("sentence, expected", [
    ("- VP. Tỉnh ủy;", [("Văn phòng Tỉnh ủy", "party")]),
    ("- Ban TG Huyện ủy;", [("Ban Tuyên giáo Huyện ủy", "party")]),
    ("- Ban DV Tỉnh ủy;", [("Ban Dân vận Tỉnh ủy", "party")]),
    ("- TT. HĐND tỉnh;", [("Thường trực Hội đồng nhân dân tỉnh", "locality")]),
    ("- Đài PT-TH Long An;", [("Đài Phát thanh - Truyền hình Long An", "other")]),
    ("Giám đốc Đài Phát thanh - Truyền hình Long An;", [("Đài Phát thanh - Truyền hình Long An", "other")]),
    ("Đài Phát thanh và Truyền hình Long An đưa tin.", [("Đài Phát thanh và Truyền hình Long An", "other")]),
    ("báo cáo Tỉnh ủy, HĐND, UBND tỉnh kết quả", [("Tỉnh ủy", "party"), ("Hội đồng nhân dân tỉnh", "locality"),
                                                   ("Ủy ban nhân dân tỉnh", "locality")]),
    ("gửi UBND, Sở Tài chính tỉnh", [("Sở Tài chính", "agency")]),     # no authority after the comma
])
def test_distribution_line_short_forms(sentence, expected):
    assert [(m.name, m.kind) for m in find_mentions(sentence)] == expected


# Level words listed without "các" after a committee: each level's committees, a group.
@pytest.mark.parametrize("sentence, expected", [
    ("Chủ tịch UBND huyện, thị xã, thành phố triển khai.", [("Ủy ban nhân dân các huyện, thị xã, thành phố", "group")]),
    ("Kính gửi: UBND xã, phường, thị trấn.", [("Ủy ban nhân dân các xã, phường, thị trấn", "group")]),
    ("Chủ tịch UBND huyện, thành phố Tân An chịu trách nhiệm",
     [("Ủy ban nhân dân các huyện, thành phố Tân An", "group")]),
    ("UBND huyện Đức Hòa, huyện Bến Lức phối hợp",
     [("Ủy ban nhân dân huyện Đức Hòa", "locality"), ("Ủy ban nhân dân huyện Bến Lức", "locality")]),
    ("UBND tỉnh, thành phố Tân An cùng tham dự", []),                  # the province's and the city's
])
def test_levels_listed_without_cac_are_a_group(sentence, expected):
    assert [(m.name, m.kind) for m in find_mentions(sentence)] == expected


# A list of ministries or departments that names one merged away since keeps going: the unit keeps
# its old name (CONTRACT.md).
@pytest.mark.parametrize("sentence, expected", [
    ("- Các Bộ: Tư pháp, Công nghiệp, Thương mại, Nội vụ;",
     ["Bộ Tư pháp", "Bộ Công nghiệp", "Bộ Thương mại", "Bộ Nội vụ"]),
    ("gửi các Bộ: Thủy sản, Bưu chính Viễn thông, Y tế.", ["Bộ Thủy sản", "Bộ Bưu chính Viễn thông", "Bộ Y tế"]),
    ("Sở Thương mại tỉnh chủ trì", ["Sở Thương mại"]),
    ("tăng trưởng công nghiệp, thương mại và dịch vụ", []),             # fields of the economy, lower case
])
def test_merged_ministries_keep_their_old_names(sentence, expected):
    assert [m.name for m in find_mentions(sentence)] == expected


# Groups written without "các" on a distribution line, and a group whose noun carries its field.
@pytest.mark.parametrize("sentence, expected", [
    ("- Sở, ban, ngành tỉnh;", [("các sở, ban, ngành tỉnh", "group")]),
    ("- Sở Nội vụ, ban, ngành;", [("Sở Nội vụ", "agency")]),           # one department named: no group
    ("tư vấn tại các cơ quan tư pháp, trường học", [("các cơ quan tư pháp", "group")]),
])
def test_groups_on_distribution_lines(sentence, expected):
    assert [(m.name, m.kind) for m in find_mentions(sentence)] == expected


# An event's organizing board is an ad-hoc body (kind other); the party's organ keeps its kind.
# The central emulation council is its own body, not the local one cut short.
@pytest.mark.parametrize("sentence, expected", [
    ("- Ban tổ chức Hội thi Tiếng hát Học sinh;", [("Ban tổ chức Hội thi Tiếng hát Học sinh", "other")]),
    ("Ban Tổ chức Tỉnh ủy hướng dẫn", [("Ban Tổ chức Tỉnh ủy", "party")]),
    ("Ban tổ chức sẽ thông báo sau", []),
    ("theo hướng dẫn của Hội đồng Thi đua - Khen thưởng Trung ương",
     [("Hội đồng Thi đua - Khen thưởng Trung ương", "agency")]),
])
def test_ad_hoc_boards_and_central_councils(sentence, expected):
    assert [(m.name, m.kind) for m in find_mentions(sentence)] == expected


# The verb after a paper's name is no part of it; a paper presenting a text is naming itself.
@pytest.mark.parametrize("sentence, expected", [
    ("Giao Báo Long An đưa tin về kết quả", [("Báo Long An", "other")]),
    ("Đài Phát thanh - Truyền hình Long An phát sóng phóng sự", [("Đài Phát thanh - Truyền hình Long An", "other")]),
    ("Báo Long An trân trọng giới thiệu toàn văn Chỉ thị", []),
])
def test_a_papers_name_stops_before_its_verb(sentence, expected):
    assert [(m.name, m.kind) for m in find_mentions(sentence)] == expected


# A title written with a capital ("Chi cục Trưởng", "Cục Trưởng") opens no name of its own; an
# open name stops where "và" brings the next addressee's title.
@pytest.mark.parametrize("sentence, expected", [
    ("Chi cục Trưởng Chi cục Kiểm lâm và Thủ trưởng các đơn vị liên quan",
     [("Chi cục Kiểm lâm", "agency"), ("các đơn vị liên quan", "group")]),
    ("Cục Trưởng Cục Thuế tỉnh chịu trách nhiệm", [("Cục Thuế tỉnh", "agency")]),
    ("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
     [("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", "agency")]),   # "và" inside the name
])
def test_a_capitalized_title_is_no_name(sentence, expected):
    assert [(m.name, m.kind) for m in find_mentions(sentence)] == expected


@pytest.mark.parametrize("text, rest", [
    ("Giám đốc Sở Nội vụ chủ trì", "Sở Nội vụ chủ trì"),
    ("Chủ tịch, các PCT UBND huyện", "UBND huyện"),
    ("Lãnh đạo Sở Y tế", "Sở Y tế"),
    ("Sở Nội vụ chủ trì", None),
    ("giám đốc, ", None),
    ("Giám đốc", None),
])
def test_title_at(text, rest):
    """The one list of titles (bodies_roles.yaml), read forward for the stages that skip a title."""
    end = gazetteer.title_at(text, 0)
    assert (text[end:] if end is not None else None) == rest


@pytest.mark.parametrize("sentence, expected", [
    # "mỗi" before a list of kinds addresses the group; before one noun it counts
    ("Mỗi cơ quan, đơn vị, địa phương phải rà soát hồ sơ.", [("các cơ quan, đơn vị, địa phương", "group")]),
    ("mỗi sở và ngành cử một cán bộ đầu mối", [("các sở và ngành", "group")]),
    ("phấn đấu mỗi huyện có ít nhất 02 xã đạt chuẩn", []),
    ("Mỗi cơ quan phải công khai thủ tục.", []),
    # a second group opened by its own "các" starts at it
    ("các Ban Quản lý dự án chuyên ngành, khu vực, các chủ đầu tư báo cáo",
     [("các Ban Quản lý dự án chuyên ngành, khu vực", "group"), ("các chủ đầu tư", "group")]),
    # private parties closing a list of public bodies: one group; "tổ chức, cá nhân" only narrowed
    ("yêu cầu các cơ quan, đơn vị, doanh nghiệp và người dân chấp hành", [("các cơ quan, đơn vị, doanh nghiệp", "group")]),
    ("Các sở, ngành, tổ chức, cá nhân có liên quan thi hành Quyết định này.",
     [("các sở, ngành, tổ chức, cá nhân có liên quan", "group")]),
    ("để các cơ quan, đơn vị, tổ chức, cá nhân được biết", []),
    ("các cơ quan, người dân, tổ chức cùng tham gia", []),
    ("các doanh nghiệp, cá nhân có liên quan", []),
    # the media named with their kind
    ("các cơ quan báo chí truyền thông đưa tin kịp thời", [("các cơ quan báo chí truyền thông", "group")]),
])
def test_groups_read_for_every_stage(sentence, expected, gia_lai):
    assert names(sentence, gia_lai) == expected


def test_a_second_group_spans_its_own_article(gia_lai):
    text = "các Ban Quản lý dự án chuyên ngành, khu vực, các chủ đầu tư báo cáo"
    last = find_mentions(text, scope=gia_lai)[-1]
    assert text[last.span[0]:last.span[1]] == "các chủ đầu tư"
