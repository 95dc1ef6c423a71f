"""One text layer (issue 12): every consumer splits, folds and stems through gundem.turkish.

On main before this, the NER and extractor splitters found 3 sentences in ``EXAMPLE``
while the search and summary splitters found 5, and ``ajansı`` stemmed to ``ajans`` in
search but ``ajan`` in linking.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import duckdb
import pytest

from gundem.ask.answer import ArticleView
from gundem.ask.kinds import parse
from gundem.extract.quotes import extract_quotes
from gundem.extract.times import extract_times
from gundem.link import features
from gundem.model import Article
from gundem.store.db import Store, add_sentence_spans
from gundem.store.search import SearchIndex, analyze, sentence_at, sentences, tokens
from gundem.summarize import _sentences as summary_sentences
from gundem.turkish import (
    article_sentences,
    casefold_tr,
    fold,
    join_protected,
    split_sentences,
    stem,
    word_term,
)
from gundem.turkish.normalize import casefold_tr as ner_fold

EXAMPLE = "Bakan, “Hazırız.” dedi. 2. Dünya Savaşı'nı andı. T.C. Dışişleri açıklama yaptı."
THREE = ["Bakan, “Hazırız.” dedi.", "2. Dünya Savaşı'nı andı.", "T.C. Dışişleri açıklama yaptı."]
WORDS = ["ajansı", "İlham", "ILHAM", "ılık", "Putin’in", "Kim’e"]
SRC = Path(__file__).resolve().parents[1] / "src" / "gundem"


def _article(text: str = EXAMPLE, **kw) -> Article:
    return Article(id="t1", source="t/1", title="Açıklama", text=text, language="tr", **kw)


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


# -- sentences ------------------------------------------------------------------------------


def test_example_splits_into_three_sentences_in_every_consumer() -> None:
    a = _article()
    assert _texts(EXAMPLE, split_sentences(EXAMPLE)) == THREE
    assert sentences(EXAMPLE) == THREE  # search's sentence documents
    assert sentence_at(EXAMPLE, EXAMPLE.index("Dünya")) == (1, THREE[1])
    assert summary_sentences(a) == THREE  # event summaries
    view = ArticleView(a)  # answers' citations
    assert [view.sentence(i) for i in range(len(view.spans))] == THREE
    quote = (EXAMPLE.index("“"), EXAMPLE.index("”") + 1)  # extractors: a quote inside one sentence
    assert _texts(EXAMPLE, join_protected(EXAMPLE, article_sentences(a), [quote])) == THREE


def test_entities_stage_stores_the_spans_every_later_stage_reads() -> None:
    from gundem.extract.entities import extract_entities

    a = extract_entities(_article())
    assert _texts(EXAMPLE, a.sentences) == THREE
    spans = a.sentences
    extract_times(extract_quotes(a))
    assert a.sentences is spans  # read, not re-split
    assert ArticleView(a).spans is spans


def test_consumers_read_stored_spans_instead_of_resplitting() -> None:
    # a stored segmentation (here: one sentence for the whole text) is what they all use
    a = _article(sentences=[(0, len(EXAMPLE))])
    assert summary_sentences(a) == [EXAMPLE]
    assert ArticleView(a).spans == [(0, len(EXAMPLE))]
    assert article_sentences(a) == [(0, len(EXAMPLE))]


def test_a_direct_quote_spanning_sentences_is_not_cut_but_a_paragraph_break_outside_is() -> None:
    text = "Vali şöyle dedi: “Hazırız. Yarın başlıyoruz.” Ardından ayrıldı.\n\nYeni paragraf."
    quote = (text.index("“"), text.index("”") + 1)
    got = _texts(text, join_protected(text, split_sentences(text), [quote]))
    assert got == [
        "Vali şöyle dedi: “Hazırız. Yarın başlıyoruz.” Ardından ayrıldı.",
        "Yeni paragraf.",
    ]


def test_search_index_cites_the_article_sentence_numbering(tmp_path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as st:
        st.add_article(_article())
        idx = SearchIndex(db)
        idx.update(st)
        hits = idx.search("Dışişleri açıklama")
    assert hits and (hits[0].sentence_idx, hits[0].text) == (2, THREE[2])


# -- storage of the spans -------------------------------------------------------------------


def test_sentence_spans_round_trip_through_store_and_dicts(tmp_path) -> None:
    a = _article()
    article_sentences(a)
    assert Article.from_dict(a.to_dict()).sentences == a.sentences
    assert a.export()["sentences"] == [list(s) for s in a.sentences]
    with Store(tmp_path / "r.duckdb") as st:
        st.add_article(a)
        got = st.get_article("t1")
    assert got is not None and got.sentences == a.sentences


def test_add_sentence_spans_migrates_an_old_table_and_old_rows_split_on_read(tmp_path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db) as st:
        st.add_article(_article())
        st.con.execute("ALTER TABLE articles DROP COLUMN sentences")  # the schema before the field
        add_sentence_spans(st.con)
        add_sentence_spans(st.con)  # idempotent
        got = st.get_article("t1")
    assert got is not None and got.sentences == []  # NULL: compute on read
    assert _texts(EXAMPLE, article_sentences(got)) == THREE
    con = duckdb.connect(str(db))
    assert "sentences" in {r[0] for r in con.execute("DESCRIBE articles").fetchall()}
    con.close()


# -- folding and stemming -------------------------------------------------------------------


def test_ajansi_stems_to_ajans_in_search_linking_and_questions() -> None:
    assert stem("ajansı") == "ajans"
    assert analyze("ajansı") == ["ajans"]
    assert features.stem("ajansı") == "ajans"  # linking stemmed it to "ajan"
    assert features.content_stems("Ajans ajansı") == ["ajans", "ajans"]
    assert "ajans" in parse("Hangi ajansı kaç kişi izledi?").terms


@pytest.mark.parametrize("word", WORDS)
def test_words_fold_identically_through_every_consumer(word: str) -> None:
    want = casefold_tr(word)
    assert fold(word) == want
    assert tokens(word) == [want]  # search and questions
    assert features.tr_lower(word) == want  # linking and summaries
    assert ner_fold(word) == want  # entity recogniser
    from gundem.extract.quotes import tr_lower as extract_fold

    assert extract_fold(word) == want


@pytest.mark.parametrize("word", WORDS)
def test_words_stem_identically_through_every_consumer(word: str) -> None:
    term = word_term(word)  # a word as written
    assert analyze(word, keep_stopwords=True, expand=False) == [term]  # search index and queries
    assert features.stem(word) == term  # linking
    low = fold(word)  # a folded word (answers' units and places)
    assert stem(low) == analyze(low, keep_stopwords=True, expand=False)[0] == features.stem(low)


def test_expected_folds_and_stems_of_the_issue_words() -> None:
    assert [fold(w) for w in WORDS] == ["ajansı", "ilham", "ılham", "ılık", "putin’in", "kim’e"]
    assert fold("İ\u0307lham") == fold("I\u0307lham") == fold("i\u0307lham") == "ilham"
    assert [word_term(w) for w in ["Putin’in", "Kim’e", "İlham"]] == ["putin", "kim", "ilham"]


# -- the guard: nothing outside gundem/turkish re-implements the layer ----------------------

_FORBIDDEN_DEFS = {
    "split_sentences", "sentence_spans", "stem", "fold", "tr_lower", "casefold_tr", "casefold",
    "lower_tr",
}  # fmt: skip
_FORBIDDEN_TEXT = [
    (re.compile(r"""\.replace\(\s*["']İ["']"""), "Turkish case folding (.replace('İ', …))"),
    (re.compile(r"""\.replace\(\s*["']I["']\s*,\s*["']ı["']"""), "Turkish case folding"),
    (re.compile(r"\.casefold\("), "str.casefold (wrong for Turkish)"),
    (re.compile(r"Morphology\("), "a second akana analyser"),
    (re.compile(r"akana\.(?:stem|analyze|lemma)\("), "stemming outside the layer"),
]


def _outside_layer() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if "turkish" not in p.relative_to(SRC).parts]


def test_no_module_outside_the_text_layer_splits_folds_or_stems() -> None:
    problems = []
    for path in _outside_layer():
        src = path.read_text(encoding="utf-8")
        rel = path.relative_to(SRC)
        for node in ast.walk(ast.parse(src)):
            if (
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                and node.name in _FORBIDDEN_DEFS
            ):
                problems.append(f"{rel}:{node.lineno}: def {node.name}")
        for pat, what in _FORBIDDEN_TEXT:
            for m in pat.finditer(src):
                problems.append(f"{rel}:{src.count(chr(10), 0, m.start()) + 1}: {what}")
    assert not problems, "text operations belong in gundem/turkish:\n" + "\n".join(problems)


def test_guard_catches_a_reimplementation(tmp_path) -> None:
    bad = 'def tr_lower(s):\n    return s.replace("İ", "i").replace("I", "ı").lower()\n'
    tree = ast.parse(bad)
    assert any(isinstance(n, ast.FunctionDef) and n.name in _FORBIDDEN_DEFS for n in ast.walk(tree))
    assert sum(1 for pat, _ in _FORBIDDEN_TEXT if pat.search(bad)) == 2
