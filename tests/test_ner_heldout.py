"""NER rules of issue 14 (round 2), on sentences written for these tests, and the
held-out news set (tests/data/news_ner_heldout), written before these rules."""

from fixtures import floor
from fixtures.ner_sets import check_source_and_unseen, set_f1

from gundem.ner.conll import spans
from gundem.ner.tagger import tag_sentences, tag_tokens
from gundem_tools.paths import NEWS_DATA_DIR

HELD = NEWS_DATA_DIR / "news_ner_heldout"


def _ents(sentence: str) -> set[tuple[str, str]]:
    toks = sentence.split()
    return {(" ".join(toks[a:b]), t) for a, b, t in spans(tag_tokens(toks), {"LOC": "GPE"})}


def test_acronyms_in_running_text_are_organisations():
    assert ("ÇYDD'nin", "ORG") in _ents("Sivas'ta ÇYDD'nin burs töreninde konuşmalar yapıldı .")
    assert ("MYP'li", "ORG") in _ents("Dün akşam MYP'li iki vekil istifasını verdi .")
    # units, taxes and common words in capitals stay out
    ents = _ents("Benzinin litresine 2 TL zam geldi , KDV oranı değişmedi .")
    assert not {e for e in ents if e[1] == "ORG"}
    assert not {e for e in _ents('Duvara " HAYIR " yazıp kaçtılar .') if e[1] == "ORG"}


def test_a_run_ending_in_an_institution_word_is_one_organisation():
    ents = _ents("Cumhurbaşkanlığı Strateji Başkanlığı , raporu dün yayımladı .")
    assert ("Cumhurbaşkanlığı Strateji Başkanlığı", "ORG") in ents


def test_datelines_and_occupations():
    ents = _ents("MUŞ ( İHA ) - Kar kalınlığı 2 metreyi buldu .")
    assert not {e for e in ents if e[0] == "Kar"}
    ents = _ents("Bugün emekli öğretmen Nazlı Ekinci köyüne kütüphane bağışladı .")
    assert ("Nazlı Ekinci", "PERSON") in ents


def test_a_lone_surname_of_a_full_name_is_that_person():
    sents = [
        "Sendika başkanı Cemil Karaoğlu eylemde konuştu .".split(),
        "Karaoğlu , taleplerini tek tek sıraladı .".split(),
    ]
    together = tag_sentences(sents)
    assert together[1][0] == "B-PERSON"
    # one sentence at a time, nothing to carry over
    assert tag_sentences(sents, together=False) == [tag_tokens(s) for s in sents]


def test_heldout_set_is_its_source_and_never_trained_on():
    check_source_and_unseen(HELD, 200)


def test_heldout_set_quality():
    assert set_f1(HELD) >= floor("ner", "news_heldout_f1")
