"""`gundem train ner` flow, on a small CRF so it runs anywhere (the neural family needs
torch; tests/test_ner_neural.py covers it where torch is installed)."""

from gundem.ner.conll import read_conll
from gundem.ner.paths import MODEL_PATH
from gundem.ner.tagger import tag_sentences
from gundem_tools.ner.train import train_ner
from gundem_tools.paths import NEWS_DATA_DIR


def test_train_writes_model_and_lexicon_only_at_the_target(tmp_path):
    small = tmp_path / "small.conll"
    sents = read_conll(NEWS_DATA_DIR / "news_ner_train.conll")[:150]
    small.write_text(
        "\n\n".join("\n".join(f"{w}\t{t}" for w, t in s) for s in sents) + "\n", encoding="utf-8"
    )
    shipped = MODEL_PATH.stat().st_mtime_ns
    out = tmp_path / "m" / "ner.crfsuite"
    res = train_ner([small], out, family="crf", max_iterations=30)
    assert out.is_file() and out.with_suffix(".json").is_file()
    assert sorted(p.name for p in out.parent.iterdir()) == ["ner.crfsuite", "ner.json"]
    assert res["model_bytes"] > 0 and any(k.startswith("dev_f1.") for k in res)
    assert MODEL_PATH.stat().st_mtime_ns == shipped
    tags = tag_sentences([["Rusya", "Devlet", "Başkanı", "Vladimir", "Putin", "konuştu", "."]], out)
    assert tags[0][3:5] == ["B-PERSON", "I-PERSON"]
