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
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert overflow <= 0, f"{overflow}px wider than the phone"
    assert all(u.startswith("file:") for u in requests), requests  # nothing from the network
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


# -- bounded at any corpus size ------------------------------------------------------------------

REPORT_BOUND = 1_500_000  # bytes: the default report (top 20 stories) of 5,000 articles stays under


def _generated_store(n: int = 5150) -> tuple[Store, str]:
    """~5,000 generated articles (gundem_tools.gen.corpus) with their gold events and stories,
    written straight into a store (no pipeline); each event also has a 12,000-word speech."""
    from collections import defaultdict

    from gundem.model import Event, Story
    from gundem_tools.gen.corpus import generate

    rows = [(a, g) for a, g in generate(n, seed=3)][:5000]
    by_event: dict[str, list] = defaultdict(list)
    for a, g in rows:
        a.event_id, a.story_id, a.duplicate_of = g.event, g.story, g.duplicate_of
        by_event[g.event].append(a)
    speech = " ".join(["Değerli milletvekilleri, bütçe görüşmelerinde söz aldık."] * 1500)
    events, by_story = [], defaultdict(list)
    for eid, arts in sorted(by_event.items()):
        groups: dict[tuple, dict] = {}
        for a in arts:
            for q in a.quotes:
                g = groups.setdefault((q.speaker, q.text), {"speaker": q.speaker, "text": q.text,
                                      "outlets": [], "article_ids": [], "variants": []})  # fmt: skip
                g["outlets"].append(a.outlet)
                g["article_ids"].append(a.id)
        ev = Event(id=eid, date=min(a.published or "9" for a in arts)[:10],
                   headline=arts[0].title, article_ids=[a.id for a in arts],
                   summary=[{"sentence": arts[0].text.split(".")[0], "article_id": arts[0].id}],
                   quotes=list(groups.values()), story_id=arts[0].story_id)  # fmt: skip
        events.append(ev)
        by_story[ev.story_id].append(ev)
    for ev in events:  # the worst case: a speech in every event
        ev.quotes.insert(0, {"speaker": "Uzun Konuşan", "text": speech, "outlets": ["Meclis"],
                             "article_ids": ev.article_ids[:1], "variants": []})  # fmt: skip
    stories = [
        Story(id=sid, title=f"Hikâye {sid}", event_ids=[e.id for e in evs],
              timeline=[{"event_id": e.id, "date": e.date, "headline": e.headline} for e in evs])
        for sid, evs in by_story.items()
    ]  # fmt: skip
    s = Store(":memory:")
    s.add_articles([a for a, _ in rows])
    s.put_events(events)
    s.put_stories(stories)
    return s, speech


def test_report_is_bounded_on_5000_articles() -> None:
    from gundem.serve.report import QUOTE_MAX, TOP, render_report

    s, speech = _generated_store()
    assert s.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5000
    n_stories = len(s.stories())
    assert n_stories > TOP * 3
    doc = render_report(s)
    size = len(doc.encode("utf-8"))
    assert size < REPORT_BOUND, size
    assert doc.count('<section class="story" id="S') == TOP  # the top stories in full
    assert f"Diğer hikâyeler ({n_stories - TOP})" in doc  # the rest one line each
    assert "--top" in doc
    # the speech is folded and cut, not printed whole
    assert '<details class="long">' in doc and speech not in doc
    assert speech[: QUOTE_MAX - 100] in doc
    # more stories on request: bigger, still one file, still bounded per story
    more = render_report(s, top=TOP * 2)
    assert more.count('<section class="story" id="S') == TOP * 2
    assert size < len(more.encode("utf-8")) < 2.2 * size + 200_000


def test_measure_labels_shared_with_the_web_ui() -> None:
    from pathlib import Path

    from gundem.serve.report import MEASURE_LABELS, _measure
    from gundem.turkish.measures import MEASURE_OF_UNIT, MEASURE_STEMS

    assert set(MEASURE_LABELS) == set(MEASURE_STEMS) | set(MEASURE_OF_UNIT.values())
    js = (Path(__file__).parents[1] / "src/gundem/serve/web/app.js").read_text(encoding="utf-8")
    for key, label in MEASURE_LABELS.items():
        assert f'{key}: "{label}"' in js, key
    assert _measure({"measure": "killed", "unit": "kişi"}) == "Ölü (kişi)"
    assert _measure({"measure": "", "unit": "dolar"}) == "dolar"


def test_cli_report_top(tmp_path) -> None:
    from typer.testing import CliRunner

    from gundem.cli import app

    db = str(tmp_path / "r.duckdb")
    with Store(db) as s:
        for a in (beijing("Ajans A", "2025-09-03", 0), beijing("Ajans B", "2025-09-03", 1)):
            s.add_article(a)
        link_new(s)
    out = tmp_path / "r.html"
    res = CliRunner().invoke(app, ["report", "--db", db, "--out", str(out), "--top", "1"])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").count('<section class="story"') >= 1
    assert CliRunner().invoke(app, ["report", "--db", db, "--top", "0"]).exit_code != 0
