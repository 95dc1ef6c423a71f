"""The text layer: Turkish language data and the one implementation of each text
operation. Everything else in gundem imports these; nothing re-implements them (a test,
tests/test_text_layer.py, fails if a module outside this package does).

* ``lexicon`` — apostrophes, abbreviations, months, stop words, title words
* ``normalize`` — ``casefold_tr`` (alias ``fold``), punctuation normalisation
* ``sentences`` — ``split_sentences`` (spans), ``article_sentences`` (stored spans),
  ``join_protected`` (no sentence end inside a quote), ``sentence_index``
* ``tokens`` — ``tokenize`` (spans), ``words``/``letter_words`` (bag-of-words views)
* ``morphology`` — ``stem``, ``word_term``, ``analyse``: one akana analyser
"""

from gundem.turkish.morphology import (
    analyse,
    lemma,
    split_suffix,
    stem,
    strip_suffix,
    word_term,
)
from gundem.turkish.normalize import casefold_tr, fold, normalize_punct
from gundem.turkish.sentences import (
    article_sentences,
    join_protected,
    sentence_index,
    sentences,
    split_sentences,
)
from gundem.turkish.tokens import Token, letter_words, tokenize, words

__all__ = [
    "Token",
    "analyse",
    "article_sentences",
    "casefold_tr",
    "fold",
    "join_protected",
    "lemma",
    "letter_words",
    "normalize_punct",
    "sentence_index",
    "sentences",
    "split_sentences",
    "split_suffix",
    "stem",
    "strip_suffix",
    "tokenize",
    "word_term",
    "words",
]
