"""The web UI in a real browser: Playwright driving Debian's Chromium against uvicorn on loopback."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("no /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from gundem.model import Block  # noqa: E402
from gundem.serve.api import create_app  # noqa: E402
from gundem_tools.gen.questions import build, write_store  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    arts, _qs, events, story = build(n_facts=3, n_topics=2)
    arts[0].removed = [
        Block(text="Reklam Alanı <script>alert(1)</script>", index=2, reason="ad slot")
    ]
    arts[0].title = arts[0].title + " <b>kalın</b>"
    db = str(tmp_path_factory.mktemp("web") / "g.duckdb")
    write_store(db, arts, events, [story])
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", arts, events, story
    srv.should_exit = True
    th.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as e:  # pragma: no cover - broken browser install
            pytest.skip(f"chromium does not start: {e}")
        pg = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
        yield pg
        browser.close()


def _wait(pg, selector: str) -> None:
    pg.wait_for_selector(selector, timeout=15_000)


def test_navigation_story_event_article(server, page, tmp_path: Path) -> None:
    base, arts, events, story = server
    page.goto(base + "/")
    _wait(page, "#story-list a.story-link")
    page.click("#story-list a.story-link")
    _wait(page, "#timeline a.event-link")
    assert page.locator("#timeline li").count() == len(events)
    page.click("#timeline a.event-link >> nth=0")
    _wait(page, "#sources a.article-link")
    assert page.locator("#quotes .quote-group").count() >= 1
    page.click("#sources a.article-link >> nth=0")
    _wait(page, "#article-text")
    assert page.locator("#article-text .ent").count() >= 2
    assert page.locator("#article-text .quote").count() >= 1
    shot = tmp_path / "article.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1000


def test_boilerplate_toggle_and_escaping(server, page) -> None:
    base, arts, _e, _s = server
    page.goto(f"{base}/#/article/{arts[0].id}")
    _wait(page, "#toggle-removed")
    assert "<b>" in page.inner_text("#article-title")  # shown as text, not markup
    assert page.locator("#article-title b").count() == 0
    assert not page.is_visible("#removed .removed")
    page.click("#toggle-removed")
    assert page.is_visible("#removed .removed")
    assert "ad slot" in page.inner_text("#removed")
    assert page.locator("#removed script").count() == 0
    page.click("#toggle-removed")
    assert not page.is_visible("#removed .removed")


def test_search_box(server, page) -> None:
    base, *_ = server
    page.goto(base + "/")
    _wait(page, "#search-input")
    page.fill("#search-input", "askerlerini")
    page.press("#search-input", "Enter")
    _wait(page, "#search-results li.hit")
    assert "asker" in page.inner_text("#search-results")


def test_ask_box(server, page) -> None:
    base, *_ = server
    page.goto(base + "/")
    _wait(page, "#ask-input")
    page.fill("#ask-input", "Kuzey Kore Rusya’ya kaç asker gönderdi?")
    page.click("#ask-form button")
    _wait(page, "#answer .cites a.cite")
    assert "asker" in page.inner_text("#answer")
    assert page.inner_text("main h1").endswith("?")
    assert "soru türü" not in page.inner_text("main")  # no debug line
    cite = page.inner_text("#answer .cites li >> nth=0")
    assert any(a.outlet in cite for a in server[1]) and "20" in cite  # outlet, title, date
    page.click("#answer .cites a.cite >> nth=0")
    _wait(page, "#article-text")
