"""Headlines, extractive summaries, quote groups, claim and date comparison."""

from __future__ import annotations

from test_link_helpers import auto, beijing

from gundem.link.compare import compare_story, event_facts
from gundem.link.features import day_number
from gundem.model import Claim
from gundem.summarize import group_quotes, headline, participants_and_place, summary


def test_quote_groups_join_translations_and_split_statements() -> None:
    a = beijing("Ajans A", "2025-09-03", 0)
    b = beijing("Ajans B", "2025-09-03", 1)
    groups = group_quotes([a, b])
    assert len(groups) == 2
    by_speaker = {g["speaker"]: g for g in groups}
    assert set(by_speaker) == {"Vladimir Putin", "Kim Jong-un"}
    for g in groups:
        assert len(g["variants"]) == 2
        assert g["outlets"] == ["Ajans A", "Ajans B"]


def test_same_speaker_different_statements_stay_apart() -> None:
    a = auto(
        "Putin konuştu", "Putin iki açıklama yaptı.", "2025-01-01", "A",
        quotes=[("Vladimir Putin", "Ortaklığımız her alanda güçleniyor"),
                ("Vladimir Putin", "Yaptırımlar ekonomimizi durduramayacak")],
    )  # fmt: skip
    groups = group_quotes([a])
    assert len(groups) == 2


def test_summary_cites_articles_and_avoids_repeats() -> None:
    arts = [beijing("Ajans A", "2025-09-03", 0), beijing("Ajans B", "2025-09-03", 1)]
    s = summary(arts)
    assert 2 <= len(s) <= 4
    ids = {a.id for a in arts}
    assert all(x["article_id"] in ids for x in s)
    assert len({x["sentence"] for x in s}) == len(s)
    assert headline(arts) in {a.title for a in arts}
    people, place = participants_and_place(arts)
    assert place == "Pekin"
    assert people[:2] == ["Vladimir Putin", "Kim Jong-un"] or set(people[:2]) == {
        "Vladimir Putin", "Kim Jong-un"}  # fmt: skip


def test_claims_side_by_side_and_date_conflicts() -> None:
    s1 = "NIS'e göre yaklaşık 11 bin asker bölgeye gönderildi."
    s2 = "Bölgeye 12 bin asker gönderildiği bildirildi."
    a = auto("X", s1, "2024-11-01", "A",
             claims=[Claim("yaklaşık 11 bin asker", 11000, "asker", "yaklaşık", "NIS", s1)],
             times=[("1 Kasım'da", "2024-11-01")])  # fmt: skip
    b = auto("Y", s2, "2024-11-02", "B",
             claims=[Claim("12 bin asker", 12000, "asker", "", "", s2)],
             times=[("2 Kasım'da", "2024-11-02")])  # fmt: skip
    facts = event_facts([a, b], day_number("2024-11-01"))
    conflicts = compare_story([{"id": "ev1", "date": "2024-11-01", "facts": facts}])
    kinds = {c["kind"]: c for c in conflicts}
    q = kinds["quantity"]
    assert q["values"] == [11000, 12000]
    assert {r["outlet"] for r in q["reports"]} == {"A", "B"}
    assert {r["attributed_to"] for r in q["reports"]} == {"NIS", ""}
    d = kinds["date"]
    assert [r["date"] for r in d["reports"]] == ["2024-11-01", "2024-11-02"]
