"""The header of a document in the official form: issuer, số/ký hiệu, place and date, type, trích yếu."""
from __future__ import annotations

import re
from functools import cache

from pipeline import gazetteer
from pipeline.core.citations import canonical_type, issuer_of_code, normalized_separators, type_of_symbol
from pipeline.core.dates import BLANK_DAY, find_dates
from pipeline.core.doc import Doc, Line
from pipeline.extract.document.naming import is_upper, official_case
from pipeline.core.letters import UPPER
from pipeline.core.records import DocumentInfo
from pipeline.extract.document.form import MOTTO, form_patterns
from pipeline.extract.document.title import as_subject, subject_under, title_type_of, type_and_subject

# A copy may lose a word of the motto ("Độc lập - Tự - Hạnh phúc"): the dash after "Độc lập" still tells it.
_NATIONAL_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI|CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–—]?\s*Tự do|Độc lập\s*[-–—]\s*Tự\b",
                             re.IGNORECASE)
_NUMBER_SYMBOL = re.compile(r"^(?P<digits>[\dA-Za-z]*[).,:;'’\]]{0,2})\s*/\s*(?P<symbol>\S+)$")
_HEADER_SCAN = 40  # lines: the form's header never runs longer


def read_header(doc: Doc) -> DocumentInfo | None:
    """The fields of the form's header, or None when the text has no such header (a news article)."""
    lines = _unflattened(doc.lines[:_HEADER_SCAN])
    form = form_patterns()
    anchor = next((k for k, line in enumerate(lines)
                   if form["_number_line"].match(line.text) or MOTTO.search(line.text)), None)
    number_line = next((line for line in lines if form["_number_line"].match(line.text)), None)
    if number_line is None and not any(_NATIONAL_MOTTO.search(line.text) for line in lines):
        titled = _titled_form(doc, lines) or _listed_letter(doc, lines) or _captioned_form(doc, lines)
        if titled is not None or anchor is None:
            return titled
    date_k = next((k for k, line in enumerate(lines) if form["_date_line"].match(line.text)
                   and ("tháng" in line.text or re.search(r"\d", line.text))), None)
    issuer = _with_province(doc, _canonical(doc, _issuer(lines, anchor)))
    number, symbol = _number(number_line.text) if number_line else (None, None)
    by_symbol = _issuer_of_number(doc, number)
    if issuer is None:  # the issuer's block lost (a page that starts at the motto): the symbol names it
        issuer = _canonical(doc, by_symbol)
    elif by_symbol and _cut_short(issuer, by_symbol):
        issuer = _canonical(doc, by_symbol)  # "BỘ NÔNG NGHIỆP" with its second line lost, "…/CT-BNN-…"
    place, issued = _place_and_date(lines[date_k].text) if date_k is not None else (None, None)
    title_type, subject = type_and_subject(doc, lines, max(anchor, date_k or 0))
    caption = _gazette_caption(subject)
    if caption:  # the trích yếu is what the Công báo heading says after its number and date
        subject = as_subject(caption.group("subject"))
        number = number or _number("Số: " + caption.group("number"))[0]
        issued = issued or _caption_date(caption)
    doc_type = title_type or (type_of_symbol("0/" + symbol) if symbol else None)
    if title_type and symbol:
        symbol_type = type_of_symbol("0/" + symbol)
        if symbol_type and symbol_type != title_type and not (title_type == "Thông báo" and symbol_type == "Kết luận"):
            doc.warnings.append(f"the title says {title_type} but the number {number or symbol} says {symbol_type}")
    if doc_type is None and _is_letter(doc, symbol, subject):
        doc_type = "Công văn"
    return DocumentInfo(doc_type=doc_type, number=number, issuer=issuer, issued_date=issued, place=place,
                        subject=subject)


def _unflattened(lines: list[Line]) -> list[Line]:
    """The header's two columns, when a copy ran them onto shared lines, back on lines of their own.

    "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …" and "TỈNH … Độc lập - Tự do …" hold the issuer's block on
    the left and the Quốc hiệu on the right; "Số: 12/UBND-VP Hà Tiên, ngày 3 tháng 5 năm 2020" holds
    the number on the left and the place and date on the right. A copy that ran the whole header
    onto one line ("… VIỆT NAM Số: 26 /UBND-VP Hải Dương, ngày … V/v … Độc lập - Tự do … Kính gửi: …")
    is cut the same way at each part's opening, piece by piece.
    """
    out: list[Line] = []
    pending = list(reversed(lines))
    while pending:
        line = pending.pop()
        cut = _first_cut(line.text)
        if cut is None:
            out.append(line)
            continue
        pieces = []
        for a, b in ((0, cut), (cut, len(line.text))):
            piece = line.text[a:b]
            stripped = piece.strip()
            if stripped:
                offset = a + piece.index(stripped)
                pieces.append(Line(span=(line.span[0] + offset, line.span[0] + offset + len(stripped)),
                                   text=stripped))
        pending.extend(reversed(pieces))
    return out


def _first_cut(text: str) -> int | None:
    """Where a header line that holds two of the form's parts splits, or None."""
    form = form_patterns()
    motto = _NATIONAL_MOTTO.search(text)
    left = text[:motto.start()].strip().upper() if motto else ""
    if motto and left and is_upper(left) and left.startswith(_issuer_line_starts()):
        # only an issuer's line ("ỦY BAN …", "TỈNH …"), not a misread half of the motto itself
        return motto.start()
    opens = form["_number_line"].match(text) or form["_date_line"].match(text) \
        or form["_subject_prefix"].match(text) or (motto and motto.start() == 0)
    if not opens:
        return None
    cuts = []
    if motto and motto.start() == 0:  # the Quốc hiệu, then the number run on after it
        number = re.search(r"\s(?=S[ốô]\s*:)", text)
        if number and form["_number_line"].match(text[number.end():]):
            cuts.append(number.end())
    elif form["_number_line"].match(text):
        for m in re.finditer(r"\s(?=[" + UPPER + r"])", text):
            if form["_date_line"].match(text[m.end():]):
                cuts.append(m.end())
                break
    else:  # a date line or a trích yếu, then the subject, the motto's second line or "Kính gửi"
        for m in re.finditer(r"\s(?=V/v\s|Độc lập\s*[-–]|K[íi]nh gửi\s*:)", text):
            if m.end() > 0:
                cuts.append(m.end())
                break
        if motto and motto.start() > 0:
            cuts.append(motto.start())
    cuts = [c for c in cuts if 0 < c < len(text)]
    return min(cuts) if cuts else None


@cache
def _issuer_line_starts() -> tuple[str, ...]:
    form = form_patterns()
    return tuple(h.upper() for h in form["organization_heads"]) + tuple(p + " " for p in form["place_levels"])


def _with_province(doc: Doc, issuer: str | None) -> str | None:
    """A council named only by its kind ("ỦY BAN NHÂN DÂN", the place's line lost from a table row)
    takes the province the text names (ANNOTATION.md: the province is added when the text names it)."""
    if issuer is None or issuer.lower() not in form_patterns()["bare_councils"]:
        return issuer
    header_end = (doc.layout.header or (0, 0))[1]
    province = gazetteer.document_scope(doc.text, None, header_end).province
    return f"{issuer} {province.level} {province.name}" if province else issuer


def _titled_form(doc: Doc, lines: list[Line]) -> DocumentInfo | None:
    """A Quyết định or Nghị quyết printed without its header block, as legal databases print it: the
    type's title line near the top, the trích yếu, then the line of authority ("ỦY BAN NHÂN DÂN
    TỈNH …", "CHỦ TỊCH …") or the first "Căn cứ". The issuer is the body of that authority."""
    form = form_patterns()
    for k, line in enumerate(lines[:_TITLE_SCAN]):
        text = line.text.strip()
        doc_type = canonical_type(text) if is_upper(text) else None
        if not doc_type:
            continue
        following = lines[k + 1:k + 7]
        closing = next((j for j, later in enumerate(following)
                        if form["_authority"].match(later.text.strip()) or later.text.startswith("Căn cứ")), None)
        if not closing:
            return None
        authority = following[closing].text.strip()
        # "GIÁM ĐỐC SỞ NỘI VỤ …": the body the title heads issues (the gazetteer's titles)
        body = authority[gazetteer.title_at(authority, 0) or 0:]
        issuer = _canonical(doc, official_case(body)) if form["_authority"].match(authority) else None
        return DocumentInfo(doc_type=doc_type, issuer=issuer, subject=subject_under(following[:closing], form))
    return None


_TITLE_SCAN = 6  # lines: what a database page puts above the title (a sign-in link, a date)

# A portal's page for one letter: its trích yếu with the number and date in parentheses on top
# ("Về việc rà soát … (215/UBND-KT, ngày 03/4/2019)."), then the letter's text.
_LISTED = re.compile(r"^\W{0,2}(?:Về việc|V/v)\s+(?P<subject>.{5,300}?)\s*\((?:số\s*:?\s*)?"
                     r"(?P<number>\d+[a-zđ]?/[A-ZĐ][\w./&()-]*)\s*[,;]\s*(?:ngày\s*)?(?P<date>[^()]{6,30})\)\.?$")


def _listed_letter(doc: Doc, lines: list[Line]) -> DocumentInfo | None:
    for line in lines[:_TITLE_SCAN]:
        m = _LISTED.match(line.text.strip())
        if not m:
            continue
        number = m.group("number").rstrip(".,")
        dates = [d for d in find_dates(m.group("date")) if d.year]
        return DocumentInfo(doc_type=type_of_symbol(number) or "Công văn", number=number,
                            issuer=_canonical(doc, _issuer_of_number(doc, number)), issued_date=dates[0].iso() if dates else None,
                            subject=m.group("subject").strip())
    return None


def _captioned_form(doc: Doc, lines: list[Line]) -> DocumentInfo | None:
    """A document printed under a Công báo heading alone, without the header block: the type's
    title, then "CỦA <issuer> SỐ <number> NGÀY <date> VỀ VIỆC <trích yếu>" on the heading's
    upper-case lines (or run on after the type on its line)."""
    for k, line in enumerate(lines[:_TITLE_SCAN]):
        words = line.text.split()
        if not is_upper(line.text) or not words:
            continue
        n = next((n for n in range(min(3, len(words)), 0, -1) if canonical_type(" ".join(words[:n]))), 0)
        if not n:
            continue
        heading = [" ".join(words[n:])] if words[n:] else []
        for later in lines[k + 1:k + 1 + _CAPTION_LINES]:
            if not is_upper(later.text):
                break
            heading.append(later.text.strip())
        caption = _gazette_caption(" ".join(heading))
        if not caption:
            return None
        return DocumentInfo(doc_type=canonical_type(" ".join(words[:n])),
                            number=_number("Số: " + caption.group("number"))[0],
                            issuer=_canonical(doc, official_case(caption.group("issuer"))),
                            issued_date=_caption_date(caption), subject=as_subject(caption.group("subject")))
    return None


_CAPTION_LINES = 8  # a Công báo heading wraps over a few lines


def _gazette_caption(text: str | None) -> re.Match | None:
    return form_patterns()["_gazette_caption"].match(" ".join(text.split())) if text else None


def _caption_date(caption: re.Match) -> str | None:
    dates = [d for d in find_dates(caption.group("date").lower()) if d.year]
    return dates[0].iso() if dates else None


def _issuer_of_number(doc: Doc, number: str | None) -> str | None:
    """The issuer a number's symbol names ("43-TTg": the Thủ tướng Chính phủ; "215/UBND-KT": the
    province's committee), for a copy that prints no issuer's block."""
    code = next((part for part in re.split(r"[/-]", number or "")[1:] if issuer_of_code(part)), None)
    if code is None:
        return None
    province = gazetteer.document_scope(doc.text).province
    return issuer_of_code(code, province.level if province else "tỉnh")


def _cut_short(issuer: str, by_symbol: str) -> bool:
    """Whether the header's issuer is the start of the one the symbol names: a block whose second
    line a copy lost. A committee named by its kind alone is no such start (its place comes from the text)."""
    if issuer.lower() in form_patterns()["bare_councils"]:
        return False
    if by_symbol.lower().endswith(tuple(" " + level.lower() for level in form_patterns()["place_levels"])):
        return False  # a local body's code names its level, not its place ("Văn phòng … tỉnh")
    return by_symbol.lower().startswith(issuer.lower() + " ")


def _issuer(lines: list[Line], anchor: int) -> str | None:
    """The upper-case lines above "Số:" / the Quốc hiệu, read as nested organizations."""
    block: list[str] = []
    for line in reversed(lines[:anchor]):
        text = line.text.strip()
        if MOTTO.search(text):
            continue
        if title_type_of(text):
            continue  # a title the reader put above "Số:" is no unit of the issuer
        if not is_upper(text) or len(text) > 80:
            break
        block.insert(0, text)
    if not block:
        # The issuer may sit after the Quốc hiệu when the reader put the right column first.
        for line in lines[anchor:anchor + 6]:
            text = line.text.strip()
            if MOTTO.search(text) or not is_upper(text) or form_patterns()["_number_line"].match(text):
                continue
            block.append(text)
            break
    if not block:
        return None
    whole = gazetteer.canonical(" ".join(block))
    if whole and block[0].strip().upper() in form_patterns()["prefix_units"]:
        return whole[0]  # "THƯỜNG TRỰC" over "HĐND - UBND TỈNH …": one body, named by the register
    return _combine_units(_units(block))


def _canonical(doc: Doc, issuer: str | None) -> str | None:
    if issuer is None:
        return None
    header_end = (doc.layout.header or (0, 0))[1]
    return gazetteer.issuer_name(issuer, doc.text, None, header_end) or issuer


def _units(block: list[str]) -> list[str]:
    form = form_patterns()
    heads = tuple(h.upper() for h in form["organization_heads"])
    units: list[str] = []
    for text in block:
        starts_unit = text.upper().startswith(heads) and not text.upper().startswith(
            tuple(p + " " for p in form["place_levels"]))
        if units and (not starts_unit or units[-1].strip().upper() in form["prefix_units"]):
            units[-1] += " " + text
        else:
            units.append(text)
    return [official_case(u) for u in units]


def _combine_units(units: list[str]) -> str:
    # The issuing unit is the last line; an office or board of a body takes that body's full name
    # ("Văn phòng thường trực Ban Chỉ huy … tỉnh Thừa Thiên Huế"); a department takes its place.
    issuer = units[-1]
    if len(units) == 1:
        return issuer
    parent = units[-2]
    attached = tuple(u.strip().lower() for u in form_patterns()["attached_units"])
    if issuer.lower().startswith(attached):
        return f"{issuer} {parent}"
    from pipeline.extract.document.naming import place_of
    place = place_of(parent)
    return f"{issuer} {place}" if place and not place_of(issuer) else issuer


def _number(text: str) -> tuple[str | None, str | None]:
    """"Số: 254/TB-PCTT" → ("254/TB-PCTT", "TB-PCTT"); a blank number ("Số:   /UBND-NC") → (None, symbol).

    Stray marks a scan leaves between the digits and the slash ("Số: 409) /BCA-C04") are dropped.
    """
    m = form_patterns()["_number_line"].match(text)
    raw = re.sub(r"\s+", "", m.group("number")) if m else ""
    parts = _NUMBER_SYMBOL.match(raw)
    if not parts:
        head, slash, symbol = raw.partition("/")
        if slash and re.search(r"\d", head) and re.fullmatch(r"[A-ZĐ][\w.()-]*", symbol):
            return None, symbol  # digits a scan garbled ("56ŸS"): unreadable, unlike the symbol after them
        return (raw or None), None
    symbol = parts.group("symbol").rstrip(".,;")
    digits = re.match(r"\d+[a-zđ]?", parts.group("digits"))
    if not digits:
        return None, symbol
    symbol = normalized_separators("/" + symbol)[1:]
    return f"{digits.group(0)}/{symbol}", symbol


def _place_and_date(text: str) -> tuple[str | None, str | None]:
    m = form_patterns()["_date_line"].match(text)
    place = _known_spelling(m.group("place").strip()) if m else None
    if BLANK_DAY.search(text):
        return place, None  # a draft: "ngày   tháng 12 năm 2025" has no date yet
    dates = [d for d in find_dates(text) if d.year]
    return place, dates[0].iso() if dates else None


def _known_spelling(place: str) -> str:
    """A place as the register spells it, when a scan lost a mark ("Lâm Đông" → "Lâm Đồng")."""
    units = gazetteer.lookup(place)
    provinces = [u for u in units if u.tier == "province"] or list(units)
    if not provinces or re.sub(r"\w", "", provinces[0].name) != re.sub(r"\w", "", place):
        return place  # kept as written where the register only spaces it otherwise ("Phan Rang-Tháp Chàm")
    return provinces[0].name


def _is_letter(doc: Doc, symbol: str | None, subject: str | None) -> bool:
    # A Công văn names no type: its symbol has no type abbreviation, it has "V/v …" and "Kính gửi".
    has_addressees = doc.layout.addressees is not None
    return bool(symbol and not type_of_symbol("0/" + symbol)) or (bool(subject) and has_addressees)
