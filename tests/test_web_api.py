"""The web UI's own endpoints (serve/routers/views.py over store/read.py): importance-ranked
story and event cards with filters and paging, facets, a story's coverage, an entity's
attention over time, an event's entities."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from gundem.model import Article, Claim, Entity, Event, Quote, Story, content_id
from gundem.serve.api import create_app
from gundem.store import read
from gundem.store.db import Store


def _art(aid: str, outlet: str, day: str, ev: str, st: str, text: str, lang: str = "tr",
         names: tuple[str, ...] = (), quotes: list[Quote] = (), claims: list[Claim] = ()) -> Article:  # fmt: skip
    ents = []
    for n in names:
        i = text.find(n)
        ents.append(Entity(n, "GPE" if n in ("Van", "Erciş", "Sivas") else "PERSON",
                           mentions=[(i, i + len(n))] if i >= 0 else [],
                           id=content_id(f"ent:{n}")))  # fmt: skip
    return Article(id=aid, source=f"{aid}.txt", text=text, title=text.split(".")[0], outlet=outlet,
                   url=f"https://{outlet.lower().replace(' ', '')}.example/{aid}", published=day,
                   language=lang, entities=ents, quotes=list(quotes), claims=list(claims),
                   event_id=ev, story_id=st)  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    vali = "Vali Ozan Balcı, “Ekiplerimiz sabaha kadar çalıştı” dedi."
    arts = [
        # a big story: an earthquake in Van, four outlets over three days
        _art("v1", "Doğu Haber", "2025-11-02", "e1", "s1",
             "Van'da 5,8 büyüklüğünde deprem. Erciş'te 13 kişi hayatını kaybetti. " + vali,
             names=("Van", "Erciş", "Ozan Balcı"),
             quotes=[Quote("Ozan Balcı", "Ekiplerimiz sabaha kadar çalıştı", cue="dedi")],
             claims=[Claim("13 kişi", 13, "kişi", measure="killed")]),
        _art("v2", "Ova Gazetesi", "2025-11-02", "e1", "s1",
             "Van depreminde ölü sayısı 14'e yükseldi. Erciş'te arama sürüyor.",
             names=("Van", "Erciş"), claims=[Claim("14'e", 14, "", measure="killed")]),
        _art("v3", "Kıyı Postası", "2025-11-03", "e2", "s1",
             "Van'da çadır kent kuruldu. 2 bin aile yerleşti. Vali Ozan Balcı, depremzedeleri ziyaret etti.",
             names=("Van", "Ozan Balcı")),
        _art("v4", "Anadolu Sesi", "2025-11-04", "e2", "s1",
             "Erciş'te okullar bir hafta tatil edildi. Van Valisi Ozan Balcı açıklama yaptı.",
             names=("Erciş", "Van", "Ozan Balcı")),
        # a small, older story: a festival in Sivas, one outlet
        _art("s1a", "Doğu Haber", "2025-09-10", "e3", "s2",
             "Sivas'ta halk oyunları şenliği başladı. Şenliğe bin kişi katıldı.",
             names=("Sivas",), claims=[Claim("bin kişi", 1000, "kişi", measure="attended")]),
        _art("s1b", "Doğu Haber", "2025-09-11", "e3", "s2",
             "Sivas şenliği ikinci gününde. Ankara'dan gelen ekipler sahne aldı.", names=("Sivas",)),
        # one German report of the earthquake
        _art("d1", "Bosporus Rundschau", "2025-11-02", "e1", "s1",
             "Erdbeben in Van: mindestens 13 Tote in Erciş.", lang="de", names=("Van", "Erciş")),
    ]  # fmt: skip
    events = [
        Event("e1", "2025-11-02", headline="Van'da deprem: Erciş'te can kaybı",
              article_ids=["v1", "v2", "d1"], story_id="s1",
              quotes=[{"speaker": "Ozan Balcı", "text": "Ekiplerimiz sabaha kadar çalıştı",
                       "outlets": ["Doğu Haber"], "article_ids": ["v1"], "variants": []}]),
        Event("e2", "2025-11-03", headline="Van'da çadır kent", article_ids=["v3", "v4"], story_id="s1"),
        Event("e3", "2025-09-10", headline="Sivas'ta şenlik", article_ids=["s1a", "s1b"], story_id="s2"),
    ]  # fmt: skip
    stories = [Story("s1", "Van depremi", ["e1", "e2"]), Story("s2", "Sivas şenliği", ["e3"])]
    db = str(tmp_path_factory.mktemp("views") / "v.duckdb")
    with Store(db) as st:
        st.add_articles(arts)
        st.put_events(events)
        st.put_stories(stories)
    return TestClient(create_app(db), base_url="http://127.0.0.1")


def test_top_stories_by_importance_with_dates_counts_and_lead_entities(client) -> None:
    # one-event stories (Sivas) are event cards, listed as stories only with singles=true
    assert [c["id"] for c in client.get("/api/top/stories").json()["items"]] == ["s1"]
    page = client.get("/api/top/stories?singles=true").json()
    assert page["total"] == 2
    big, small = page["items"]
    assert (big["id"], small["id"]) == ("s1", "s2")  # more outlets, more articles, newer
    assert (big["first"], big["last"]) == ("2025-11-02", "2025-11-04")
    assert (big["articles"], big["outlets"], big["events"]) == (5, 5, 2)
    assert big["entities"][:2] == ["Van", "Erciş"]  # named in most of its articles
    assert big["score"] > small["score"]


def test_importance_weighs_outlets_then_articles_then_recency() -> None:
    # gundem.importance.importance(outlets, articles, last, newest)
    assert read.importance(3, 3, "2025-01-01", "2025-01-01") > read.importance(
        1, 6, "2025-01-01", "2025-01-01"
    )
    assert read.importance(2, 2, "2025-01-10", "2025-01-10") > read.importance(2, 2, "2025-01-01", "2025-01-10")  # fmt: skip


def test_filters_and_paging(client) -> None:
    de = client.get("/api/top/events?language=de").json()
    assert [e["id"] for e in de["items"]] == ["e1"] and de["items"][0]["articles"] == 1
    sept = client.get("/api/top/stories?date_to=2025-09&singles=true").json()
    assert [s["id"] for s in sept["items"]] == ["s2"]
    outlet = client.get("/api/top/events", params={"outlet": "Kıyı Postası"}).json()
    assert [e["id"] for e in outlet["items"]] == ["e2"]
    ent = client.get("/api/top/stories", params={"entity": "Sivas", "singles": True}).json()
    assert [s["id"] for s in ent["items"]] == ["s2"]
    p1 = client.get("/api/top/events?limit=2").json()
    p2 = client.get("/api/top/events?limit=2&offset=2").json()
    assert p1["total"] == p2["total"] == 3
    assert len(p1["items"]) == 2 and len(p2["items"]) == 1
    assert not {e["id"] for e in p1["items"]} & {e["id"] for e in p2["items"]}


def test_facets(client) -> None:
    f = client.get("/api/facets").json()
    assert f["outlets"][0] == {"value": "Doğu Haber", "articles": 3}
    assert {x["value"] for x in f["languages"]} == {"tr", "de"}
    assert (f["first"], f["last"]) == ("2025-09-10", "2025-11-04")


def test_story_coverage(client) -> None:
    cov = client.get("/api/stories/s1/coverage").json()
    assert [(e["id"], e["articles"], e["outlets"]) for e in cov["events"]] == [
        ("e1", 3, 3),
        ("e2", 2, 2),
    ]
    assert sum(o["articles"] for o in cov["outlets"]) == 5 == len(cov["articles"])
    assert cov["articles"]["v1"]["url"].startswith("https://")
    assert cov["quotes"][0]["speaker"] == "Ozan Balcı" and cov["quotes"][0]["event_id"] == "e1"
    assert client.get("/api/stories/yok/coverage").status_code == 404


def test_entity_activity_and_event_entities(client) -> None:
    vid = content_id("ent:Ozan Balcı")
    act = client.get(f"/api/entities/{vid}/activity").json()
    assert [(d["day"], d["articles"]) for d in act["days"]] == [
        ("2025-11-02", 1), ("2025-11-03", 1), ("2025-11-04", 1)]  # fmt: skip
    assert act["cooccurring"][0]["name"] == "Van"
    assert client.get("/api/entities/yok/activity").status_code == 404
    ents = client.get("/api/events/e1/entities").json()
    assert ents["event_id"] == "e1"
    assert [e["name"] for e in ents["items"]][:2] == ["Erciş", "Van"]  # 3 articles each, by name
    assert client.get("/api/events/yok/entities").status_code == 404


def test_event_claims_say_what_they_count(client) -> None:
    ev = client.get("/api/events/e1").json()
    assert {(c["text"], c["measure"]) for c in ev["claims"]} == {
        ("13 kişi", "killed"),
        ("14'e", "killed"),
    }


def test_vendored_assets_ship_in_the_wheel() -> None:
    """Every file of the web UI (vendored Chart.js and Swagger UI included) matches the
    package-data globs, so the wheel carries it; no CDN is named anywhere in the UI."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).parents[1]
    globs = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["gundem"]
    web = root / "src/gundem/serve/web"
    files = [p.relative_to(root / "src/gundem").as_posix() for p in web.rglob("*") if p.is_file()]
    assert any(f.endswith("vendor/chart.umd.min.js") for f in files)
    for f in files:
        assert any(fnmatch.fnmatch(f, g) and f.count("/") == g.count("/") for g in globs), f
    for name in ("index.html", "app.js", "style.css"):
        text = (web / name).read_text(encoding="utf-8")
        assert "cdn" not in text.lower() and "https://" not in text.replace("https?:", "")
