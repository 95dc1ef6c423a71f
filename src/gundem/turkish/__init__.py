"""Turkish language layer: normalisation, sentences, tokens, morphology."""

from gundem.turkish.morphology import lemma, split_suffix, stem, strip_suffix
from gundem.turkish.normalize import casefold_tr, normalize_punct
from gundem.turkish.sentences import sentences, split_sentences
from gundem.turkish.tokens import Token, tokenize

__all__ = [
    "Token",
    "casefold_tr",
    "lemma",
    "normalize_punct",
    "sentences",
    "split_sentences",
    "split_suffix",
    "stem",
    "strip_suffix",
    "tokenize",
]
