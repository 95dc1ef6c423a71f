"""Entity extraction and resolution on news text we wrote ourselves."""

import json

from gundem.extract.entities import extract_entities, resolve_role
from gundem.extract.resolve import EntityResolver, canonical_key, edit_distance_le1
from gundem.extract.roles import role_key
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


def test_surname_typed_as_place_joins_the_person():
    """The tagger may type a bare surname GPE ("Bolat," at a sentence start); when the
    full name is in the same article it is that person. A known city stays a city."""
    from gundem.extract.entities import _group
    from gundem.extract.mentions import Mention

    text = "Ticaret Bakanı Ömer Bolat Tokyo’ya gitti. Bolat, Tokyo’da konuştu."
    full = Mention(15, 25, "PERSON", "Ömer Bolat")
    bare = Mention(42, 47, "GPE", "Bolat")
    city = Mention(49, 54, "GPE", "Tokyo")
    groups = _group(text, [full, bare, city])
    person = next(g for g in groups if g.type == "PERSON")
    assert {m.text for m in person.mentions} == {"Ömer Bolat", "Bolat"}
    assert any(g.type == "GPE" and g.aliases == ["Tokyo"] for g in groups)
    # a city that is also someone's surname keeps its type
    text2 = "Vali Mehmet Ankara göreve başladı. Ankara’da toplantı yapıldı."
    groups2 = _group(
        text2, [Mention(5, 18, "PERSON", "Mehmet Ankara"), Mention(35, 41, "GPE", "Ankara")]
    )
    assert sorted(g.type for g in groups2) == ["GPE", "PERSON"]


def test_gazetteer_place_type_wins_for_places():
    from gundem.extract.mentions import known_place_type

    assert known_place_type("Avrupa", "GPE") == "LOC"  # a continent
    assert known_place_type("Karadeniz", "GPE") == "LOC"
    assert known_place_type("Pyongyan", "PERSON") == "GPE"
    assert known_place_type("Moskova", "LOC") == "GPE"
    assert known_place_type("Kuzey Kore", "FAC") == "GPE"
    assert known_place_type("Avrupa Birliği", "ORG") == "ORG"
    assert known_place_type("Kuzey Kore", "NORP") == "NORP"  # only place/person/org types


def test_head_noun_types_a_compound_name():
    from gundem.extract.mentions import mention_type

    assert mention_type("Fırtına Deresi", "PERSON") == "LOC"
    assert mention_type("Dolmabahçe Sarayı", "GPE") == "FAC"
    assert mention_type("İstanbul Büyükşehir Belediyesi", "GPE") == "ORG"
    assert mention_type("Sovyetler Birliği", "GPE") == "GPE"  # "Birliği" says nothing
    assert mention_type("Deresi", "PERSON") == "PERSON"  # one word: no head to read
    assert mention_type("Kim Jong-un", "PERSON") == "PERSON"


def test_bare_surname_joins_the_one_full_name_in_the_corpus():
    from gundem.model import Entity

    def bare() -> Article:
        return Article(
            id="b",
            source="b",
            entities=[
                Entity(name="Aliyev", type="PERSON", aliases=["Aliyev"]),
                Entity(name="Kim", type="PERSON", aliases=["Kim"]),
            ],
        )

    r = EntityResolver()
    full = r.resolve("İlham Aliyev", "PERSON")[0]
    kims = {r.resolve("Kim Jong-un", "PERSON")[0], r.resolve("Kim Yo-jong", "PERSON")[0]}
    restored = EntityResolver.from_state(json.loads(json.dumps(r.to_state())))
    for res in (r, restored):
        aliyev, kim = res.resolve_article(bare()).entities
        assert aliyev.id == full and aliyev.name == "İlham Aliyev"
        assert kim.id not in kims  # two full names share "Kim": no guess


def test_canonical_name_prefers_mixed_case_over_a_dateline():
    r = EntityResolver()
    eid, name = r.resolve("TOKYO", "GPE")
    assert name == "TOKYO"  # nothing better seen yet
    assert r.resolve("Tokyo", "GPE") == (eid, "Tokyo")
    assert r.resolve("TOKYO", "GPE") == (eid, "Tokyo")
    assert r.resolve("NATO", "ORG")[1] == "NATO"


def test_a_name_never_straddles_a_bracket():
    from gundem.extract.mentions import _balanced, _trim
    from gundem.turkish.tokens import tokenize

    def cut(text: str) -> str:
        toks = tokenize(text)
        a, b = _trim(toks, *_balanced(toks, *_trim(toks, 0, len(toks))))
        return " ".join(t.text for t in toks[a:b])

    assert cut("TDT ) Devlet Başkanları Konseyi") == "Devlet Başkanları Konseyi"
    assert cut("Türk Devletleri Teşkilatı ( TDT") == "Türk Devletleri Teşkilatı"
    assert cut("Kuzey Kore Merkezi Haber Ajansı ( KCNA )") == "Kuzey Kore Merkezi Haber Ajansı"
    assert cut("“ Kim Jong-un ’ un") == "Kim Jong-un ’ un"


def test_titles_the_tagger_took_in_are_not_part_of_the_name():
    from gundem.extract.mentions import sentence_mentions
    from gundem.turkish.tokens import tokenize

    text = "Bakan Bayraktar ile Prof. Dr. Ayşe Yılmaz görüştü, Sayın Bakan da katıldı."
    toks = tokenize(text)
    tags = ["O"] * len(toks)
    for start, n in ((0, 2), (3, 4), (9, 2)):  # as a tagger might: titles inside the span
        tags[start] = "B-PERSON"
        for k in range(start + 1, start + n):
            tags[k] = "I-PERSON"
    assert [t.text for t in toks[9:11]] == ["Sayın", "Bakan"]
    assert [m.text for m in sentence_mentions(text, toks, tags)] == ["Bayraktar", "Ayşe Yılmaz"]


def test_one_word_name_takes_the_type_the_corpus_knows():
    from gundem.model import Entity

    r = EntityResolver()
    town = r.resolve("Ardeşen", "GPE")[0]
    person = r.resolve("İlham Aliyev", "PERSON")[0]
    art = Article(
        id="x",
        source="x",
        entities=[
            Entity(name="Ardeşen", type="PERSON", aliases=["Ardeşen"], mentions=[(0, 7)]),
            Entity(name="Aliyev", type="GPE", aliases=["Aliyev"], mentions=[(20, 26)]),
            Entity(name="Aliyev", type="PERSON", aliases=["Aliyev’in"], mentions=[(40, 46)]),
            Entity(name="Rize", type="GPE", aliases=["Rize"], mentions=[(50, 54)]),
        ],
    )
    ents = r.resolve_article(art).entities
    by_id = {e.id: e for e in ents}
    assert by_id[town].type == "GPE" and by_id[town].name == "Ardeşen"
    assert by_id[person].type == "PERSON" and by_id[person].mentions == [(20, 26), (40, 46)]
    assert len(ents) == 3  # the two Aliyev groups are one entity now


def test_ideas_and_people_of_a_place_are_not_names():
    from gundem.extract.mentions import Mention, _before_people_word, plausible
    from gundem.turkish.tokens import tokenize

    assert not plausible(Mention(0, 7, "PERSON", "Nazizme"))
    assert not plausible(Mention(0, 10, "NORP", "Komünizmin"))
    assert plausible(Mention(0, 5, "GPE", "İzmir"))
    toks = tokenize("Kuzey Kore Yetkilisi")
    assert _before_people_word(toks, 0, 3) == 2  # → "Kuzey Kore"
    toks = tokenize("Hazar Anadolu Heyeti")
    assert _before_people_word(toks, 0, 3) == 3  # not a place we know: left alone
