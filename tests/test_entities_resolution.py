"""Entity resolution you can trust (issue 14): precision on our own fixtures, partial
names, acronyms, sentence words and mention counts. Texts written by us."""

from fixtures import floor

from gundem.extract.entities import extract_entities
from gundem.extract.resolve import EntityResolver
from gundem.model import Article, Entity
from gundem.ner.places import is_known_place
from gundem.ner.tagger import tag_tokens
from gundem.store import read
from gundem.store.db import Store


def _resolve(*texts: str) -> tuple[EntityResolver, list[Article]]:
    r = EntityResolver()
    arts = [
        r.resolve_article(extract_entities(Article(id=f"a{i}", source="t", text=t)))
        for i, t in enumerate(texts)
    ]
    return r, arts


def _ids(arts: list[Article], alias: str) -> set[str]:
    return {e.id for a in arts for e in a.entities if alias in e.aliases}


def test_known_places_never_merge_by_spelling():
    r = EntityResolver()
    almanya, _ = r.resolve("Almanya", "GPE")
    antalya, _ = r.resolve("Antalya", "GPE")
    assert r.resolve("Alanya", "GPE")[0] != almanya
    assert r.resolve("Antakya", "GPE")[0] != antalya
    assert r.lookup("Almanya’da", "GPE") == almanya
    # an unknown misspelling still finds its place
    assert r.resolve("Pyongyang", "GPE")[0] == r.resolve("Pyongyan", "GPE")[0]
    assert is_known_place("Alanya") and is_known_place("Almanya") and is_known_place("Kolombiya")


def test_alanya_and_antakya_in_articles():
    _, arts = _resolve(
        "Alanya'da sezon açıldı. Almanya'dan gelen turistler sahilleri doldurdu.",
        "Antakya'da enkaz kaldırılıyor. Antalya'dan giden ekipler Antakya'ya ulaştı.",
    )
    assert _ids(arts, "Alanya") and not _ids(arts, "Alanya") & _ids(arts, "Almanya")
    assert _ids(arts, "Antakya") and not _ids(arts, "Antakya") & _ids(arts, "Antalya")


def test_all_caps_slogan_word_is_no_person():
    _, arts = _resolve(
        "Kuzey Kore lideri Kim Jong-un yeni bir tatbikat emri verdi. Kim, askerleri övdü.",
        'Meydandaki pankartta "BU ZAMLARIN HESABINI KİM VERECEK?" yazıyordu. Polis kalabalığı izledi.',
    )
    assert not any("KİM" in e.aliases for e in arts[1].entities)
    assert all(e.type != "PERSON" for e in arts[1].entities)
    toks = 'Öğrenciler "NEDEN , KİM İÇİN ?" diye bağırdı .'.split()
    assert set(tag_tokens(toks)) == {"O"}


def test_partial_names_and_acronyms_join_across_the_corpus():
    _, arts = _resolve(
        "Cumhurbaşkanı Recep Tayyip Erdoğan Ankara'da konuştu. Erdoğan yatırımları anlattı.",
        "Kongrede konuşan Tayyip Erdoğan, teşkilata teşekkür etti.",
        "Türk Silahlı Kuvvetleri tatbikata katıldı.",
        "TSK'ya ait uçaklar sınırda uçtu. TSK açıklama yaptı.",
    )
    assert len(_ids(arts, "Tayyip Erdoğan") | _ids(arts, "Recep Tayyip Erdoğan")) == 1
    assert _ids(arts, "TSK") == _ids(arts, "Türk Silahlı Kuvvetleri") != set()


def test_an_ambiguous_partial_name_stays_apart():
    r = EntityResolver()
    a, _ = r.resolve("Ali Rıza Kaya", "PERSON")
    b, _ = r.resolve("Veli Rıza Kaya", "PERSON")
    assert a != b and r.resolve("Rıza Kaya", "PERSON")[0] not in (a, b)


def test_sentence_words_and_titles_are_cut_from_names():
    text = (
        'Genç oyuncu "Hedefim Beşiktaş Kulübü\'nde oynamak" dedi. Kaptan "Koçumuz Ahmet '
        'bize güvendi" diye ekledi. Takım Salı günü toplanacak. Bakan Yıldırım ise Pazartesi '
        "gelecek. FETÖ soruşturmasında sanıkların ByLock kullandığı belirlendi."
    )
    names = {
        (e.name, e.type) for e in extract_entities(Article(id="x", source="t", text=text)).entities
    }
    flat = {n for n, _ in names}
    assert "Hedefim Beşiktaş Kulübü" not in flat and "Koçumuz Ahmet" not in flat
    assert not flat & {"Salı", "Pazartesi", "Bakan Yıldırım"}
    assert ("Yıldırım", "PERSON") in names
    assert not {("FETÖ", "PERSON"), ("ByLock", "PERSON")} & names


def test_surname_mentions_are_counted():
    text = (
        "Sendika başkanı Murat Gök eylemde konuştu. Gök, taleplerini sıraladı. "
        "Gök'e göre grev sürecek."
    )
    (gok,) = [
        e
        for e in extract_entities(Article(id="x", source="t", text=text)).entities
        if e.name == "Murat Gök"
    ]
    assert len(gok.mentions) == 3


def test_entity_counts_are_not_multiplied_by_aliases(tmp_path):
    def art(n: int) -> Article:
        a = Article(id=f"p{n}", source=f"p{n}", text="Vladimir Putin konuştu. Putin ayrıldı.")
        a.entities = [
            Entity(
                name="Vladimir Putin",
                type="PERSON",
                aliases=["Vladimir Putin", "Putin"],
                mentions=[(0, 14), (24, 29)],
                id="putin",
            )  # fmt: skip
        ]
        return a

    with Store(tmp_path / "s.duckdb") as s:
        s.add_articles([art(1), art(2)])
        (top,) = read.entity_counts(s)
        (typed,) = read.entity_counts(s, "PERSON")
    assert (top.articles, top.mentions) == (2, 4) == (typed.articles, typed.mentions)
    assert sorted(top.aliases) == ["Putin", "Vladimir Putin"]


def test_resolution_eval_set():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "entities.py"
    spec = importlib.util.spec_from_file_location("bench_entities", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.run()["all"] >= floor("entities", "resolution_checks")
