"""A real browser: headless Chromium (Debian's chromium and chromium-driver, driven by
selenium) opens a story page served by `rasad serve` on localhost, and checks that the
timeline and the map render and that nothing was fetched from another host.

Skipped when /usr/bin/chromium, /usr/bin/chromedriver or selenium is missing. The
screenshot goes to the test's tmp dir; set RASAD_SCREENSHOT_DIR=docs/img to refresh the
one in the docs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    if not CHROMIUM.exists() or not DRIVER.exists():
        pytest.skip("headless Chromium is not installed (apt-get install chromium "
                    "chromium-driver)")
    pytest.importorskip("selenium")
    from rasad.ingest import ingest
    from rasad.read import iter_inputs
    from rasad.store import Store

    db = tmp_path_factory.mktemp("browser") / "demo.db"
    with Store(db) as st:
        ingest(iter_inputs([str(DEMO / "text"), str(DEMO / "html"),
                            str(DEMO / "feed.jsonl")]), st)
        # the story told by most pages (then with most merged events)
        story = st.db.execute(
            "SELECT s.id FROM stories s JOIN story_events e ON e.story_id = s.id "
            "GROUP BY s.id ORDER BY s.n_docs DESC, COUNT(*) DESC, s.id LIMIT 1").fetchone()[0]
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rasad", "--db", str(db), "serve",
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"rasad serve did not start: {err[-2000:]}")
                time.sleep(0.2)
        yield base, story
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rasad-chromium-")
    opts = Options()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-quic", "--no-first-run",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1400,1000", "--lang=ar"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=opts)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_story_page_renders_timeline_and_map(server: tuple[str, str], browser: Any,
                                             tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    base, story = server
    browser.get(f"{base}/story/{story}")
    assert browser.execute_script("return document.dir") == "rtl"
    # the timeline: dated groups of event cards, laid out right to left
    cards = browser.find_elements(By.CSS_SELECTOR, "#timeline li.ev")
    assert len(cards) >= 5 and all(c.is_displayed() for c in cards[:5])
    assert cards[0].value_of_css_property("direction") == "rtl"
    strip = browser.find_element(By.CSS_SELECTOR, "figure.strip svg")
    assert strip.size["width"] > 300
    # the map: an inline SVG with country borders and place circles, actually painted
    svg = browser.find_element(By.CSS_SELECTOR, "#map svg.map-svg")
    assert svg.size["width"] > 300 and svg.size["height"] > 200
    borders = svg.find_elements(By.CSS_SELECTOR, "path.country")
    circles = svg.find_elements(By.CSS_SELECTOR, "circle.place")
    assert len(borders) >= 3 and len(circles) >= 2
    box = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];",
        circles[0])
    assert box[0] > 4 and box[1] > 4
    assert browser.execute_script(
        "return getComputedStyle(arguments[0]).fill", borders[0]) not in ("", "none")
    # the timeline sits right of the map (right-to-left page)
    tl = browser.find_element(By.ID, "timeline").rect
    assert tl["x"] > svg.rect["x"]
    # nothing was fetched from anywhere but this server
    urls = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat([location.href])")
    assert urls and all(u.startswith(base) for u in urls), urls
    # a screenshot of the whole page
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1400, min(max(height, 1000), 1800))
    out = Path(os.environ.get("RASAD_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    shot = out / "story.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000


def test_document_page_links_highlights_to_events(server: tuple[str, str],
                                                  browser: Any) -> None:
    from selenium.webdriver.common.by import By

    base, story = server
    browser.get(f"{base}/story/{story}")
    link = browser.find_element(By.CSS_SELECTOR, "#timeline .src a")
    browser.get(link.get_attribute("href"))
    marks = browser.find_elements(By.CSS_SELECTOR, "article.text a.m.trig")
    assert marks
    target = marks[0].get_attribute("href").split("#", 1)[1]
    marks[0].click()
    assert browser.execute_script("return location.hash") == f"#{target}"
    assert browser.find_element(By.ID, target).is_displayed()
