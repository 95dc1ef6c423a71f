"""Entity extraction and resolution on news text we wrote ourselves."""

import json

from gundem.extract.entities import extract_entities, resolve_role, role_key
from gundem.extract.resolve import EntityResolver, canonical_key, edit_distance_le1
from gundem.model import Article
from gundem.turkish.normalize import casefold_tr

TEXT = (
    "MOSKOVA (AA) - Rusya Devlet Başkanı Vladimir Putin, Kuzey Kore lideri Kim Jong-un’a "
    "bir mesaj gönderdi.\n\n"
    "Kuzey Kore Merkezi Haber Ajansı (KCNA), mesajın Pyongyang’da okunduğunu bildirdi. "
    "Rusya Savunma Bakanı Andrey Belousov da törene katıldı.\n\n"
    "Kim, Putin’e teşekkür etti. Belousov’un ziyareti iki gün sürdü. "
    "KCNA’ya göre Rus lider yakında Pyongyang’ı ziyaret edecek."
)


def test_canonical_key_variants():
    k = canonical_key("Kim Jong-un", "PERSON")
    assert canonical_key("Kim Jong Un", "PERSON") == k
    assert canonical_key("KIM JONG UN", "PERSON") == k
    assert canonical_key("Kim Jong-un’a", "PERSON") == k
    assert canonical_key("Zelenskiy", "PERSON") == canonical_key("Zelenski", "PERSON")
    assert canonical_key("Pyongyang", "GPE") == canonical_key("Pyongyang", "LOC")
    assert canonical_key("Pyongyang", "GPE") != canonical_key("Pyongyang", "PERSON")


def test_resolver_fuzzy_and_state_roundtrip():
    r = EntityResolver()
    a, _ = r.resolve("Pyongyang", "GPE")
    b, name = r.resolve("Pyongyan", "GPE")
    assert a == b and name == "Pyongyang"
    c, _ = r.resolve("Kim Jong-un", "PERSON")
    d, _ = r.resolve("KIM JONG UN", "PERSON")
    assert c == d
    assert r.resolve("Kim Yo-jong", "PERSON")[0] != c
    assert r.resolve("Kursk", "GPE")[0] != r.resolve("Kurs", "GPE")[0]  # short names: exact
    r2 = EntityResolver.from_state(json.loads(json.dumps(r.to_state())))
    assert r2.lookup("Kim Jong Un", "PERSON") == c
    assert edit_distance_le1("abcdef", "abcxef") and not edit_distance_le1("abcdef", "abxyef")


def test_role_key():
    assert role_key("Rusya Devlet Başkanı") == ("Rusya", "head")
    assert role_key("Rus lider") == ("Rusya", "head")
    assert role_key("Kuzey Kore lideri") == ("Kuzey Kore", "head")
    assert role_key("Savunma Bakanı") == ("", "dm")
    assert role_key("hava durumu") is None


def test_extract_entities_article():
    art = extract_entities(Article(id="t", source="t", text=TEXT))
    by_name = {e.name: e for e in art.entities}
    assert "Vladimir Putin" in by_name
    assert "Kim Jong-un" in by_name
    assert "Andrey Belousov" in by_name
    putin = by_name["Vladimir Putin"]
    assert putin.type == "PERSON"
    assert "Putin" in putin.aliases
    assert any(r.startswith("Rusya Devlet Başkanı") for r in putin.roles)
    # surname-only mentions merge into the full name; suffixes are not in aliases
    assert len(by_name["Kim Jong-un"].mentions) >= 2
    assert len(by_name["Andrey Belousov"].mentions) >= 2
    assert "Belousov" in by_name["Andrey Belousov"].aliases
    assert not any("’" in a for e in art.entities for a in e.aliases)
    # spans point into the text
    for e in art.entities:
        for s, t in e.mentions:
            assert 0 <= s < t <= len(TEXT)
    assert TEXT[putin.mentions[0][0] : putin.mentions[0][1]] == "Vladimir Putin"
    # "Rus lider" alone is Putin
    assert any(TEXT[s:t] == "Rus lider" for s, t in putin.mentions)
    assert resolve_role(art, "Rus lider") is putin
    assert resolve_role(art, "Rusya Devlet Başkanı") is putin
    assert resolve_role(art, "Kuzey Kore lideri").name == "Kim Jong-un"
    # the agency and its acronym are one entity
    kcna = [e for e in art.entities if "KCNA" in e.aliases]
    assert len(kcna) == 1 and kcna[0].type == "ORG"
    assert "Kuzey Kore Merkezi Haber Ajansı" in kcna[0].aliases
    pyong = [e for e in art.entities if e.name == "Pyongyang"]
    assert len(pyong) == 1 and len(pyong[0].mentions) == 2


def test_corpus_resolution_across_articles():
    r = EntityResolver()
    a1 = extract_entities(Article(id="a", source="a", text=TEXT))
    a2 = extract_entities(
        Article(id="b", source="b", text="Kuzey Kore lideri Kim Jong Un, Pyongyan’da konuştu.")
    )
    r.resolve_article(a1)
    r.resolve_article(a2)
    ids1 = {e.name: e.id for e in a1.entities}
    kim2 = [e for e in a2.entities if e.type == "PERSON"]
    assert kim2 and kim2[0].id == ids1["Kim Jong-un"]
    assert kim2[0].name == "Kim Jong-un"


def test_dateline_agency_is_not_the_city_acronym():
    text = "RİZE (AP) - Rize’de sel sürüyor. Birleşik Arap Emirlikleri (BAE) yardım gönderdi."
    art = extract_entities(Article(id="d", source="d", text=text))
    rize = [e for e in art.entities if casefold_tr(e.name) == "rize"]
    assert rize and all("AP" not in e.aliases for e in rize)
    bae = [e for e in art.entities if "BAE" in e.aliases]
    assert bae and "Birleşik Arap Emirlikleri" in bae[0].aliases
