"""The shipped NER model and the CoNLL evaluation interface."""

import io

from fixtures import floor

from gundem.ner.conll import fix_bio, read_conll, score, spans
from gundem.ner.paths import MODEL_PATH
from gundem.ner.tagger import tag_conll, tag_sentences, tag_tokens
from gundem_tools.ner.brackets import read_bracketed
from gundem_tools.paths import NEWS_DATA_DIR

HAND = NEWS_DATA_DIR / "news_ner_hand"


def test_model_is_small():
    assert MODEL_PATH.stat().st_size <= 50 * 1024 * 1024


def _ents(tokens, tags):
    return {(" ".join(tokens[a:b]), t) for a, b, t in spans(tags, {})}


def test_suffixed_foreign_names():
    toks = "Rusya Devlet Başkanı Vladimir Putin’den Kuzey Kore lideri Kim Jong-un’a mesaj geldi .".split()
    ents = _ents(toks, tag_tokens(toks))
    assert ("Vladimir Putin’den", "PERSON") in ents
    assert ("Kim Jong-un’a", "PERSON") in ents
    assert ("Rusya", "GPE") in ents


def test_split_suffix_tokens_are_outside():
    toks = ["Türkiye", "'nin", "Ankara", "Büyükelçisi", "Pyongyang", "’da", "konuştu", "."]
    tags = tag_tokens(toks)
    assert tags[1] == "O" and tags[5] == "O"
    assert tags[0] == "B-GPE" and tags[4].endswith("GPE")


def test_all_caps_dateline():
    toks = [
        "MOSKOVA",
        "(",
        "AA",
        ")",
        "-",
        "Rusya",
        "Dışişleri",
        "Bakanlığı",
        "açıklama",
        "yaptı",
        ".",
    ]
    ents = _ents(toks, tag_tokens(toks))
    assert ("MOSKOVA", "GPE") in ents
    assert ("AA", "ORG") in ents
    assert ("Rusya Dışişleri Bakanlığı", "ORG") in ents


def test_tag_conll_keeps_lines_and_breaks():
    src = "Putin\tB-PERSON\n’den\tO\nmesaj\tO\n\nAFP\tX\tB-ORG\nbildirdi\tO\n"
    out = io.StringIO()
    n = tag_conll(io.StringIO(src).readlines(), out)
    lines = out.getvalue().split("\n")
    assert n == 5
    assert lines[0] == "Putin\tB-PERSON"
    assert lines[1] == "’den\tO"
    assert lines[3] == ""
    assert lines[4].startswith("AFP\t")


def test_tag_conll_single_column(tmp_path):
    p = tmp_path / "in.conll"
    p.write_text("Macron\nParis'te\nkonuştu\n.\n", encoding="utf-8")
    out = tmp_path / "out.conll"
    tag_conll(p, out)
    rows = [r.split("\t") for r in out.read_text(encoding="utf-8").splitlines()]
    assert [r[0] for r in rows] == ["Macron", "Paris'te", "konuştu", "."]
    assert rows[0][1] == "B-PERSON" and rows[1][1] == "B-GPE"


def test_news_dev_quality():
    sents = read_conll(HAND / "dev.conll")
    gold = [fix_bio([t for _, t in s]) for s in sents]
    pred = tag_sentences([[w for w, _ in s] for s in sents])
    assert score(gold, pred)["main"]["f1"] >= floor("ner", "news_dev_f1")


def test_batched_tagging_equals_one_at_a_time():
    sents = [[w for w, _ in s] for s in read_conll(HAND / "test.conll")[:40]]
    assert tag_sentences(sents, together=False) == [tag_tokens(s) for s in sents]


def test_hand_written_sets_are_the_converted_sources():
    for split in ("dev", "test"):
        assert read_bracketed(HAND / f"{split}.txt") == read_conll(HAND / f"{split}.conll")


def test_hand_written_sets_size_and_separation():
    def keyset(sents):
        return {" ".join(w for w, _ in s) for s in sents}

    dev = keyset(read_bracketed(HAND / "dev.txt"))
    test = keyset(read_bracketed(HAND / "test.txt"))
    hand_train = read_bracketed(HAND / "train.txt")
    train = keyset(hand_train) | keyset(read_conll(NEWS_DATA_DIR / "news_ner_train.conll"))
    assert len(dev) + len(test) >= 400
    assert not (test & train) and not (dev & train) and not (dev & test)
    # no near-copies either: a training sentence shares under half its words with any
    # evaluation sentence
    evals = [set(s.split()) for s in dev | test]
    for s in hand_train:
        words = {w for w, _ in s}
        assert all(len(words & e) / len(words | e) < 0.5 for e in evals), " ".join(words)


def test_a_page_without_sentence_breaks_is_tagged():
    long = ["Ankara’da", "Ayşe", "Demir", "konuştu", "ve"] * 1500
    tags = tag_sentences([long, [], ["Putin", "’den", "mesaj"]])
    assert len(tags[0]) == len(long) and tags[1] == []
    assert tags[2] == ["B-PERSON", "O", "O"]
    assert tags[0][:1] == ["B-GPE"]
