"""GET /api/stories: one-event stories are left out unless ``singles=true``; either way
stories come most important first (outlets, then articles, then recency)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from gundem.model import Article, Event, Story
from gundem.serve.api import create_app
from gundem_tools.gen.questions import write_store

# (story id, event id, outlet, day, headline): the Akkuyu story has two events from three
# outlets; a ferry strike and a late-night earthquake are one event each.
ROWS = [
    ("st01akkuyu0000", "ev01kubbe00000", "Ege Postası", "2024-05-08",
     "Akkuyu'da ikinci reaktörün kubbesi yerleştirildi"),
    ("st01akkuyu0000", "ev01kubbe00000", "Mersin Haber", "2024-05-08",
     "Akkuyu Nükleer Santrali'nde kubbe tamam"),
    ("st01akkuyu0000", "ev02yakit00000", "Anka Gündem", "2024-05-10",
     "Akkuyu'ya ilk yakıt yüklemesi için tarih verildi"),
    ("st02vapur00000", "ev03vapur00000", "Kent Gazetesi", "2024-05-09",
     "İzmir'de vapur seferleri grev nedeniyle durdu"),
    ("st02vapur00000", "ev03vapur00000", "Ege Postası", "2024-05-09",
     "Körfez'de vapurlar çalışmıyor: sendika greve gitti"),
    ("st03deprem0000", "ev04deprem0000", "Doğu Ekspres", "2024-05-10",
     "Malatya'da 4,1 büyüklüğünde deprem"),
]  # fmt: skip


def _records() -> tuple[list[Article], list[Event], list[Story]]:
    arts = [
        Article(id=f"a{i:011d}", source=f"feed{i}.xml", title=head, text=f"{head}. Ayrıntılar geliyor.",
                outlet=outlet, published=day, language="tr", event_id=ev, story_id=st)
        for i, (st, ev, outlet, day, head) in enumerate(ROWS)
    ]  # fmt: skip
    events: dict[str, Event] = {}
    stories: dict[str, Story] = {}
    for a, (st, ev, _o, day, head) in zip(arts, ROWS, strict=True):
        e = events.setdefault(ev, Event(id=ev, date=day, headline=head, story_id=st))
        e.article_ids.append(a.id)
        s = stories.setdefault(st, Story(id=st, title=head))
        if ev not in s.event_ids:
            s.event_ids.append(ev)
    return arts, list(events.values()), list(stories.values())


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("stories_api") / "g.duckdb")
    write_store(db, *_records())
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as c:
        yield c


def test_stories_leave_out_one_event_stories_by_default(client: TestClient) -> None:
    r = client.get("/api/stories")
    assert r.status_code == 200
    items = r.json()["items"]
    assert [i["id"] for i in items] == ["st01akkuyu0000"]
    assert items[0]["n_events"] == 2 and items[0]["n_outlets"] == 3


def test_stories_with_singles_list_all_most_important_first(client: TestClient) -> None:
    items = client.get("/api/stories", params={"singles": "true"}).json()["items"]
    # three outlets, then two outlets, then one outlet
    assert [i["id"] for i in items] == ["st01akkuyu0000", "st02vapur00000", "st03deprem0000"]
    assert [i["n_events"] for i in items] == [2, 1, 1]
    assert [i["n_articles"] for i in items] == [3, 2, 1]
    assert all(i["title"] for i in items)
    page = client.get("/api/stories", params={"singles": "true", "limit": 1, "offset": 1})
    assert [i["id"] for i in page.json()["items"]] == ["st02vapur00000"]
    assert client.get("/api/stories", params={"singles": "maybe"}).status_code == 422
