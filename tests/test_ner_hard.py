"""NER on the error kinds of real news (issue 14), on sentences we wrote: titles outside
names, sentence-opening words, capitals, acronyms and one-word names the gazetteer knows."""

from fixtures import floor
from fixtures.ner_sets import check_source_and_unseen, set_f1

from gundem.ner.conll import spans
from gundem.ner.tagger import tag_tokens
from gundem_tools.paths import NEWS_DATA_DIR

HARD = NEWS_DATA_DIR / "news_ner_hard"


def _ents(sentence: str) -> set[tuple[str, str]]:
    toks = sentence.split()
    return {(" ".join(toks[a:b]), t) for a, b, t in spans(tag_tokens(toks), {"LOC": "GPE"})}


def test_titles_stay_outside_person_names():
    assert ("Yıldırım", "PERSON") in _ents("Bakan Yıldırım , köprünün açılışında konuştu .")
    assert ("Hüseyin Aksoy", "PERSON") in _ents("Vali Hüseyin Aksoy okulları tatil etti .")
    assert ("Rıza Pehlevi", "PERSON") in _ents("Şah Rıza Pehlevi döneminde reformlar başladı .")
    assert ("Serkan Er", "PERSON") in _ents("Kaleci Serkan Er maçın ardından konuştu .")


def test_sentence_opening_words_are_no_names():
    for s in (
        "Özetle , yeni düzenleme kiracıları koruyor .",
        "Hala arama çalışmaları sürüyor .",
        "Bakan , açıklamasında yatırımların süreceğini söyledi .",
        "Evet Sayın Başkan , rakamlar doğru .",
        "Maalesef yaralılardan biri hayatını kaybetti .",
    ):
        assert not {e for e in _ents(s) if e[1] == "PERSON"}, s


def test_capital_lines_of_common_words_are_no_names():
    assert not _ents("ÖZEL HABER | Kayıp köpek bulundu .")
    assert not {e for e in _ents('Pankartta " KİM KAZANDI ? " yazıyordu .') if e[1] == "PERSON"}
    assert ("KILIÇDAROĞLU", "PERSON") in _ents("Manşet : KILIÇDAROĞLU ADAYLIĞINI AÇIKLADI")


def test_the_gazetteer_votes_on_one_word_names():
    ents = _ents("Sayıştay'ın raporu Meclis'te okundu , Barzani de tepki gösterdi .")
    assert {("Sayıştay'ın", "ORG"), ("Meclis'te", "ORG"), ("Barzani", "PERSON")} <= ents
    # a role keeps its owner out: "Meclis Başkanı" is the role, not the institution
    assert not {e for e in _ents("Toplantıyı Meclis Başkanı yönetti .") if e[0] == "Meclis"}
    assert not {e for e in _ents("Cuma günü Salı pazarı kuruldu .") if e[1] != "O"}
    # a sentence-opening word that is mostly lower case is not filled in from the gazetteer
    assert not {e for e in _ents("Mali tablolar yarın açıklanacak .") if e[1] == "GPE"}


def test_hard_set_is_its_source_and_never_trained_on():
    check_source_and_unseen(HARD, 150)


def test_hard_set_quality():
    assert set_f1(HARD) >= floor("ner", "news_hard_f1")
