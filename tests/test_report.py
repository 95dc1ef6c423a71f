"""The HTML report and the CLI/export records."""

from __future__ import annotations

import re

from test_link_helpers import auto, beijing

from gundem.link.linker import link_new
from gundem.serve.report import write_report
from gundem.store.db import Store
from gundem.store.read import (
    events_table,
    export_events,
    export_stories,
    stories_table,
    story_timeline,
)


def _linked_store() -> Store:
    s = Store(":memory:")
    evil = auto(
        "Putin ile Kim <script>alert(1)</script> görüştü",
        "Vladimir Putin, Kuzey Kore lideri Kim Jong-un ile Pyongyang'da görüştü. "
        "Görüşmede <b>savunma</b> ve ticaret konuları ele alındı & anlaşmalar imzalandı.",
        "2024-06-19", "Ajans <X>",
        quotes=[("Vladimir Putin", "Dostluğumuz <güçlü>")],
    )  # fmt: skip
    evil.url = "javascript:alert(1)"
    for a in (beijing("Ajans A", "2025-09-03", 0), beijing("Ajans B", None, 1), evil):
        s.add_article(a)
    link_new(s)
    return s


def test_report_structure_and_escaping(tmp_path) -> None:
    s = _linked_store()
    out = write_report(s, tmp_path / "r" / "report.html")
    doc = out.read_text(encoding="utf-8")
    assert doc.startswith("<!doctype html>")
    assert '<meta name="viewport"' in doc
    assert 'id="stories"' in doc and 'class="timeline"' in doc and 'class="event"' in doc
    assert "<script" not in doc.lower()
    assert "&lt;script&gt;" in doc and "&lt;b&gt;savunma" in doc and "&lt;güçlü&gt;" in doc
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", doc, re.I)
    assert "javascript:" not in doc
    assert "tarih yayılımı" in doc  # the undated Beijing article got its date from its twin


def test_tables_and_exports() -> None:
    s = _linked_store()
    rows = events_table(s)
    assert len(rows) == 2 and {r.articles for r in rows} == {1, 2}
    ev = export_events(s)
    for rec in ev:
        assert {"id", "date", "headline", "summary", "article_ids", "quotes"} <= set(rec)
    st = export_stories(s)
    for rec in st:
        assert {"id", "title", "event_ids", "timeline", "conflicts"} <= set(rec)
    story = stories_table(s)[0]
    tl = story_timeline(s, story.id[:6])
    assert tl is not None and tl.title
    dates = [t["date"] for t in tl.timeline if t["date"]]
    assert dates == sorted(dates)
    assert story_timeline(s, "zzzz") is None


def test_report_renders_offline_in_headless_chromium(tmp_path) -> None:
    """A screenshot in Debian's Chromium with networking off shows the report renders."""
    import os

    import pytest

    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    out = write_report(_linked_store(), tmp_path / "report.html")
    shot = tmp_path / "report.png"
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(out.as_uri())
        assert page.locator("section.story").count() >= 1
        assert page.locator("ol.timeline li").count() >= 2
        assert page.locator("article.event").first.is_visible()
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert all(u.startswith("file:") for u in requests), requests  # nothing from the network
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
