"""Turkish named-entity recognition: a CRF (python-crfsuite) with morphology, shape,
gazetteer and word-cluster features, trained on Turkish Wiki NER (CC BY-SA 4.0,
Duygu Altinok) plus our own news-style sentences.

Public API: ``train_ner`` (gundem.ner.train), ``tag_tokens``, ``tag_conll``,
``evaluate`` (gundem.ner.tagger).
"""

from gundem.ner.tagger import evaluate, tag_conll, tag_tokens

__all__ = ["evaluate", "tag_conll", "tag_tokens", "train_ner"]


def train_ner(*args, **kwargs):  # lazy: training imports are not needed for tagging
    from gundem.ner.train import train_ner as _train

    return _train(*args, **kwargs)
