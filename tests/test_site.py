"""The static viewer: pages that open from disk, escape every piece of document text, highlight
each finding at its span, and (in a real headless browser) filter, select and scroll."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.export import finish
from pipeline.export.site import build_site
from pipeline.export.site.highlight import highlighted
from pipeline.export.site.items import Item, figure
from pipeline.core.records import Target
from tests.conftest import ROOT
from tests.export_records import failed_record, forest_record, hostile_record, write_records

TODAY = date(2025, 5, 20)


class Page(HTMLParser):
    """Every tag of a page, and the text of #text: whole, and per item key (data-i)."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text, self.by_key, self._stack, self._in_text = [], {}, [], 0
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("id") == "text" or self._in_text:
            self._in_text += 1
        self._stack.append(attrs.get("data-i", "").split())

    def handle_endtag(self, tag):
        if self._in_text:
            self._in_text -= 1
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if self._in_text:
            self.text.append(data)
            for key in (self._stack[-1] if self._stack else []):
                self.by_key.setdefault(key, []).append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = write_records(tmp_path_factory.mktemp("viewer") / "out",
                        [forest_record(filler_lines=60), hostile_record(), failed_record()])
    finish(out)
    return build_site(out, today=TODAY).parent


def read(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def item(kind, index, *spans) -> Item:
    return Item(kind, index, tuple(spans), f"{kind} {index}")


@pytest.mark.parametrize("text, items, expected", [
    ("abcdef", [], "abcdef"),
    ("abcdef", [item("task", 0, (1, 4))],
     'a<span class="anchor" id="ev-task-0"></span><span class="hl k-task" data-i="task-0">bcd</span>ef'),
    # a body inside a task: the task stays marked around and across it
    ("abcdef", [item("task", 0, (0, 6)), item("body", 1, (2, 3))],
     '<span class="anchor" id="ev-task-0"></span><span class="hl k-task" data-i="task-0">ab</span>'
     '<span class="anchor" id="ev-body-1"></span><span class="hl k-body k-task" data-i="task-0 body-1">c</span>'
     '<span class="hl k-task" data-i="task-0">def</span>'),
    # overlapping spans of two kinds
    ("abcdef", [item("target", 0, (0, 3)), item("deadline", 0, (2, 5))],
     '<span class="anchor" id="ev-target-0"></span><span class="hl k-target" data-i="target-0">ab</span>'
     '<span class="anchor" id="ev-deadline-0"></span>'
     '<span class="hl k-deadline k-target" data-i="target-0 deadline-0">c</span>'
     '<span class="hl k-deadline" data-i="deadline-0">de</span>f'),
    # one body, two mentions, one anchor; spans outside the text clipped, empty ones dropped
    ("ab ab", [item("body", 0, (0, 2), (3, 5)), item("task", 0, (4, 99)), item("deadline", 0, (1, 1))],
     '<span class="anchor" id="ev-body-0"></span><span class="hl k-body" data-i="body-0">ab</span> '
     '<span class="hl k-body" data-i="body-0">a</span><span class="anchor" id="ev-task-0"></span>'
     '<span class="hl k-body k-task" data-i="body-0 task-0">b</span>'),
    ("<b>&", [item("body", 0, (0, 3))],
     '<span class="anchor" id="ev-body-0"></span><span class="hl k-body" data-i="body-0">&lt;b&gt;</span>&amp;'),
])
def test_highlighted(text, items, expected):
    assert "".join(highlighted(text, items)) == expected


@pytest.mark.parametrize("target, expected", [
    (dict(value=1500, unit="ha", comparator=">="), "≥ 1 500 ha"),
    (dict(value=42, denominator=85, unit="xã", comparator="="), "42/85 xã"),
    (dict(value=9, value_max=10, unit="%"), "9–10%"),
    (dict(value=1.5, unit="%", comparator="<="), "≤ 1,5%"),
    (dict(value=None, unit="xã"), ""),
])
def test_figure(target, expected):
    assert figure(Target(status="target", span=(0, 1), **target)) == expected


def test_every_finding_is_highlighted_at_its_span(site):
    record = forest_record(filler_lines=60)
    page = Page(read(site, "docs/chi-thi-21-lam-dong.html"))
    assert "".join(page.text) == record.text
    spans = {f"task-{i}": [t.span] for i, t in enumerate(record.tasks)}
    spans |= {f"target-{i}": [t.span] for i, t in enumerate(record.targets)}
    spans |= {f"deadline-{i}": [d.span] for i, d in enumerate(record.deadlines)}
    spans |= {f"body-{i}": b.spans for i, b in enumerate(record.bodies)}
    spans |= {f"reference-{i}": [r.span] for i, r in enumerate(record.references)}
    for key, key_spans in spans.items():
        assert "".join(page.by_key[key]) == "".join(record.text[s:e] for s, e in key_spans), key


def test_document_text_and_fields_show_as_text(site):
    source = read(site, "docs/ke-hoach-3-thu-nghiem.html")
    page = Page(source)
    assert "".join(page.text) == hostile_record().text
    scripts = [attrs.get("src") for tag, attrs in page.tags if tag == "script"]
    assert scripts == ["../assets/viewer.js"]
    assert not {tag for tag, _ in page.tags} & {"img", "b", "i", "iframe", "object"}
    assert not [attrs for _, attrs in page.tags if any(name.startswith("on") for name in attrs)]
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in source
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in source or "&lt;script&gt;alert(\"x\")" in source
    index = Page(read(site, "index.html"))
    assert not {tag for tag, _ in index.tags} & {"b", "img"}


def test_pages_open_from_disk_without_network(site):
    for page_path in site.rglob("*.html"):
        page = Page(page_path.read_text(encoding="utf-8"))
        for tag, attrs in page.tags:
            for name in ("src", "href"):
                link = attrs.get(name)
                if not link or (tag == "a" and link.startswith("#")):
                    continue
                assert not re.match(r"^[a-z]+:|^//", link), f"{page_path.name}: {tag} {name}={link}"
                assert (page_path.parent / link.split("#")[0]).resolve().exists(), f"{page_path.name}: {link}"


def test_index_lists_every_document_with_its_filters(site):
    page = Page(read(site, "index.html"))
    rows = [attrs for tag, attrs in page.tags if tag == "tr" and "data-search" in attrs]
    assert len(rows) == 3
    forest = next(r for r in rows if r["data-year"] == "2025" and r["data-type"] == "Chỉ thị")
    assert forest["data-issuer"] == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert "uy ban nhan dan tinh lam dong" in forest["data-search"] and "15/nq-hdnd" in forest["data-search"]
    options = {attrs.get("value") for tag, attrs in page.tags if tag == "option"}
    assert {"Chỉ thị", "Kế hoạch", "2025", "Ủy ban nhân dân tỉnh Lâm Đồng"} <= options


def test_overview_draws_the_three_charts(site):
    source = read(site, "overview.html")
    assert source.count('<svg class="chart') == 3
    assert "today 2025-05-20" in source and "diện tích rừng trồng mới" in source
    assert "Tasks due in the next 90 days (1)" in source and "kiểm tra các điểm khai thác cát trái phép" in source


def test_an_empty_folder_gives_pages_that_say_so(tmp_path):
    out = write_records(tmp_path / "out", [failed_record()])
    finish(out)
    site = build_site(out, today=TODAY).parent
    assert "No dated deadlines yet." in read(site, "overview.html")
    assert "<svg" not in read(site, "overview.html")
    assert "no text could be read" in read(site, "docs/rong.html")


def test_a_removed_record_loses_its_page(tmp_path):
    out = write_records(tmp_path / "out", [forest_record(), failed_record()])
    finish(out)
    build_site(out, today=TODAY)
    (out / "rong.json").unlink()
    finish(out, changed=False)
    site = build_site(out, today=TODAY).parent
    assert sorted(p.name for p in (site / "docs").iterdir()) == ["chi-thi-21-lam-dong.html"]


def test_browse_command_builds_the_site(tmp_path):
    out = write_records(tmp_path / "out", [forest_record()])
    result = subprocess.run([sys.executable, "-m", "pipeline", "browse", "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (out / "site" / "docs" / "chi-thi-21-lam-dong.html").exists() and (out / "directives.db").exists()
    assert "file://" in result.stderr


# --- in a real browser -----------------------------------------------------------------------

def browser_paths() -> tuple[str, str]:
    binary = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    driver = shutil.which("chromedriver")
    if not binary or not driver:
        pytest.skip("no headless browser: install Debian's chromium and chromium-driver "
                    "(apt-get install -y chromium chromium-driver)")
    return binary, driver


@pytest.fixture(scope="module")
def browser():
    binary, driver_path = browser_paths()
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")       # never let Selenium Manager reach for the network
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,900", "--lang=vi"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def visible_rows(driver) -> int:
    return driver.execute_script("return [...document.querySelectorAll('#doc-list tbody tr')].filter(r => !r.hidden).length")


def test_in_a_browser_the_list_filters_and_searches(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get((site / "index.html").as_uri())
    assert visible_rows(browser) == 3
    browser.find_element(By.ID, "q").send_keys("lam dong")           # without tone marks
    assert visible_rows(browser) == 1
    assert browser.find_element(By.ID, "count").text == "1 of 3 documents"
    browser.find_element(By.ID, "q").clear()
    browser.execute_script("document.getElementById('q').dispatchEvent(new Event('input'))")
    Select(browser.find_element(By.ID, "f-type")).select_by_value("Kế hoạch")
    assert visible_rows(browser) == 1
    Select(browser.find_element(By.ID, "f-issuer")).select_by_value("Ủy ban nhân dân tỉnh Lâm Đồng")
    assert visible_rows(browser) == 0
    Select(browser.find_element(By.ID, "f-type")).select_by_value("")
    Select(browser.find_element(By.ID, "f-year")).select_by_value("2025")
    assert visible_rows(browser) == 1
    assert console_errors(browser) == []


def test_in_a_browser_a_task_shows_its_bodies_deadline_and_targets(site, browser, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get((site / "docs" / "chi-thi-21-lam-dong.html").as_uri())
    # Where spans nest, the later kind of this order shows: a piece whose last kind is k has k's colour.
    colours = browser.execute_script("""
        const order = ['task', 'target', 'reference', 'deadline', 'body'];
        return order.map((kind, i) => {
          const piece = [...document.querySelectorAll('#text .k-' + kind)]
            .find(e => order.slice(i + 1).every(later => !e.classList.contains('k-' + later)));
          return getComputedStyle(piece).backgroundColor;
        });""")
    assert len(set(colours)) == 5, colours                         # each kind its own colour
    assert browser.execute_script("return window.scrollY") == 0
    evidence_in_view = ("const r = document.querySelector('#text .sel').getBoundingClientRect();"
                        "return r.top >= 0 && r.bottom <= window.innerHeight;")
    browser.find_element(By.CSS_SELECTOR, 'button.item[data-item="task-2"]').click()
    panel = browser.find_element(By.CSS_SELECTOR, '[data-detail="task-2"]')
    assert panel.is_displayed()
    fields = dict(zip([e.text for e in panel.find_elements(By.TAG_NAME, "dt")],
                      [e.text for e in panel.find_elements(By.TAG_NAME, "dd")]))
    assert fields["Responsible"] == "Công an tỉnh"
    assert fields["Coordinating"] == "Sở Nông nghiệp và Môi trường"
    assert "trong quý II/2025" in fields["Deadline"] and "2025-04-01 → 2025-06-30" in fields["Deadline"]
    selected = browser.execute_script("return [...document.querySelectorAll('#text .sel')].map(e => e.textContent).join('')")
    record = forest_record(filler_lines=60)
    assert selected == record.text[slice(*record.tasks[2].span)]
    assert browser.execute_script("return window.scrollY") > 0 and browser.execute_script(evidence_in_view)
    shot = tmp_path / "document-task-selected.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    print(f"\nscreenshot: {shot}")
    # the first task serves the first target: its panel links there
    browser.find_element(By.CSS_SELECTOR, 'button.item[data-item="task-0"]').click()
    browser.find_element(By.CSS_SELECTOR, '[data-detail="task-0"] button.link[data-item="target-0"]').click()
    assert browser.find_element(By.CSS_SELECTOR, '[data-detail="target-0"]').is_displayed()
    assert "1 500 ha" in browser.find_element(By.CSS_SELECTOR, '[data-detail="target-0"]').text
    assert console_errors(browser) == []


def test_in_a_browser_markup_in_the_text_stays_text(site, browser):
    browser.get((site / "docs" / "ke-hoach-3-thu-nghiem.html").as_uri())
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('#text *:not(span), .side img, .side b').length") == 0
    text = browser.execute_script("return document.getElementById('text').textContent")
    assert "<script>window.__pwned = 1</script>" in text and "<b>chữ đậm</b>" in text
    assert "<script>alert(" in browser.execute_script("return document.querySelector('.subject').textContent")
    browser.find_element("css selector", 'button.item[data-item="task-0"]').click()
    assert "Phòng <i>Nội vụ</i>" in browser.find_element("css selector", '[data-detail="task-0"]').text
    assert browser.execute_script("return window.__pwned === undefined")


def test_in_a_browser_the_overview_draws_its_charts(site, browser, tmp_path):
    browser.get((site / "overview.html").as_uri())
    sizes = browser.execute_script(
        "return [...document.querySelectorAll('svg.chart')].map(s => s.getBoundingClientRect().height)")
    assert len(sizes) == 3 and all(h > 50 for h in sizes)
    browser.save_screenshot(str(tmp_path / "overview.png"))
    print(f"\nscreenshot: {tmp_path / 'overview.png'}")
    # a task listed there opens its document with the task selected
    browser.find_element("css selector", 'table.tasks a[href$="#item-task-2"]').click()
    assert browser.find_element("css selector", '[data-detail="task-2"]').is_displayed()
    assert browser.execute_script("return document.querySelectorAll('#text .sel').length") > 0
    assert console_errors(browser) == []
