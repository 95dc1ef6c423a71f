"""The shipped NER model and the CoNLL evaluation interface."""

import io

from gundem.ner.conll import fix_bio, read_conll, score, spans
from gundem.ner.paths import MODEL_PATH, NEWS_DATA_DIR
from gundem.ner.tagger import tag_conll, tag_tokens


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
    sents = read_conll(NEWS_DATA_DIR / "news_ner_dev.conll")
    gold = [fix_bio([t for _, t in s]) for s in sents]
    pred = [tag_tokens([w for w, _ in s]) for s in sents]
    assert score(gold, pred)["main"]["f1"] >= 0.85


def test_news_sets_are_separate():
    def keyset(name):
        return {" ".join(w for w, _ in s) for s in read_conll(NEWS_DATA_DIR / name)}

    train = keyset("news_ner_train.conll")
    assert len(keyset("news_ner_dev.conll")) >= 200
    assert len(keyset("news_ner_test.conll")) >= 200
    assert not (keyset("news_ner_test.conll") & train)
    assert not (keyset("news_ner_dev.conll") & train)
