"""Stories: a frequent pair of names (two countries) links nothing on its own; two rarer
shared names or a clear continuation do; titles are headlines; importance orders lists."""

from __future__ import annotations

from gundem.importance import importance
from gundem.link.events import EventIndex, EventState
from gundem.link.stories import StoryIndex, story_title

DAY = 20_000  # a day number; all events of the fixture happen around it


def _event(eid: str, names: list[str], words: dict[str, float], day: int = DAY) -> EventState:
    ev = EventState(id=eid, n=1, terms=dict(words), days={day: 1})
    ev.names = {k: 1 for k in names}
    return ev


# One day of unrelated news that all name Türkiye and Rusya (and little else in common).
UNRELATED = [
    ("e1", ["PERSON|aleksandr novak", "ORG|botaş"], {"doğalgaz": 2, "fiyat": 1, "anlaşma": 1}),
    ("e2", ["ORG|galatasaray", "ORG|cska moskova"], {"maç": 2, "gol": 1, "deplasman": 1}),
    ("e3", ["PERSON|sergey lavrov", "GPE|suriye"], {"idlib": 2, "ateşkes": 1, "görüşme": 1}),
    ("e4", ["ORG|akkuyu", "GPE|mersin"], {"nükleer": 2, "santral": 1, "reaktör": 1}),
    ("e5", ["ORG|aeroflot", "GPE|antalya"], {"turist": 2, "uçuş": 1, "sezon": 1}),
    ("e6", ["PERSON|dmitriy peskov", "ORG|kremlin"], {"yaptırım": 2, "açıklama": 1}),
    ("e7", ["ORG|tüik", "GPE|rostov"], {"buğday": 2, "ihracat": 1, "ton": 1}),
    ("e8", ["ORG|s-400", "ORG|msb"], {"füze": 2, "teslimat": 1, "savunma": 1}),
]
PAIR = ["GPE|türkiye", "GPE|rusya"]


def _index(events: list[EventState]) -> StoryIndex:
    ev_idx = EventIndex()
    for ev in events:
        ev_idx.events[ev.id] = ev
    st = StoryIndex(ev_idx)
    st.assign_all(events)
    return st


def test_a_frequent_country_pair_does_not_merge_unrelated_events() -> None:
    events = [_event(eid, PAIR + names, words) for eid, names, words in UNRELATED]
    _index(events)
    assert len({ev.story_id for ev in events}) == len(events)


def test_two_rarer_shared_names_link_events_over_weeks() -> None:
    events = [_event(eid, PAIR + names, words) for eid, names, words in UNRELATED]
    # the S-400 delivery, three weeks later: the same system and ministry again
    later = _event("e9", ["ORG|s-400", "ORG|msb", "GPE|ankara"], {"batarya": 2, "kurulum": 1},
                   DAY + 21)  # fmt: skip
    _index([*events, later])
    assert later.story_id == events[7].story_id
    assert len({ev.story_id for ev in events}) == len(events)


def test_a_clear_continuation_links_on_a_frequent_pair() -> None:
    events = [_event(eid, PAIR + names, words) for eid, names, words in UNRELATED]
    words = {"doğalgaz": 2.0, "fiyat": 1.0, "anlaşma": 1.0, "indirim": 0.5}
    follow = _event("e10", [*PAIR, "ORG|gazprom"], words, DAY + 1)
    _index([*events, follow])
    assert follow.story_id == events[0].story_id


def test_one_shared_name_is_not_a_story() -> None:
    a = _event("a", ["PERSON|ekrem imamoğlu", "GPE|istanbul"], {"metro": 2, "ihale": 1})
    b = _event("b", ["GPE|istanbul", "ORG|iett"], {"otobüs": 2, "zam": 1})
    _index([a, b])
    assert a.story_id != b.story_id


def test_story_title_is_the_most_representative_headline() -> None:
    title = story_title([
        ("Akkuyu'da ikinci reaktörün kubbesi yerleştirildi", 3),
        ("Akkuyu Nükleer Santrali'nde reaktör kubbesi için son hazırlık", 2),
        ("Mersin'de hava sıcaklığı mevsim normallerinin üzerinde", 1),
        ("Akkuyu santralinde ikinci reaktör kubbesi tamam | Haber Merkezi", 1),
    ])  # fmt: skip
    assert title.startswith("Akkuyu") and "kubbe" in title  # the story's headline, not Mersin
    assert "|" not in title and "–" not in title  # no outlet tail, no name pair
    assert story_title([("Tek olayın başlığı burada duruyor - Yerel Gazete", 1)]) == (
        "Tek olayın başlığı burada duruyor"
    )
    long = story_title([("Kelime " * 40, 1)])
    assert len(long) <= 111 and long.endswith("…")


def test_importance_puts_outlets_before_articles_and_recent_before_old() -> None:
    new = "2024-05-10"
    assert importance(5, 6, new, new) > importance(2, 12, new, new)
    assert importance(3, 4, new, new) > importance(3, 4, "2024-03-01", new)
    assert importance(3, 5, None, new) > importance(3, 4, None, new)


def test_events_between_other_countries_do_not_link_on_a_minister_and_a_capital() -> None:
    # Ankara and the foreign minister are in half the news: Türkiye–İran talks and a
    # visit from Macaristan share them, and are still two stories.
    iran = _event("i1", ["GPE|türkiye", "GPE|iran", "PERSON|hakan fidan", "GPE|ankara",
                         "PERSON|abbas arakçi"], {"nükleer": 2, "müzakere": 1})  # fmt: skip
    hungary = _event("h1", ["GPE|macaristan", "PERSON|hakan fidan", "GPE|ankara",
                            "PERSON|peter szijjarto"], {"doğalgaz": 2, "boru": 1}, DAY + 3)  # fmt: skip
    # a week on, Arakçi in Ankara again, the report naming only Türkiye as a side: the
    # same story (its countries are among the first one's)
    again = _event("i2", ["GPE|türkiye", "PERSON|hakan fidan", "PERSON|abbas arakçi",
                          "GPE|tahran"], {"nükleer": 1, "ziyaret": 2}, DAY + 7)  # fmt: skip
    _index([iran, hungary, again])
    assert hungary.story_id != iran.story_id
    assert again.story_id == iran.story_id
