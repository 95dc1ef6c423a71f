"""Turkish named-entity recognition.

The shipped model is a neural tagger (char-CNN + word embeddings + pretrained piece
vectors → BiLSTM → CRF) run in numpy; a CRF (python-crfsuite) with morphology, shape
and gazetteer features can be trained for comparison. Both are trained on Turkish Wiki
NER (CC BY-SA 4.0, Duygu Altinok) plus our own news-style sentences, by the training
tools outside the runtime package (``gundem_tools.ner.train.train_ner``, behind
``gundem train ner``).

Public API: ``tag_sentences``, ``tag_tokens``, ``tag_conll``, ``evaluate`` (gundem.ner.tagger).
"""

from gundem.ner.tagger import evaluate, tag_conll, tag_sentences, tag_tokens

__all__ = ["evaluate", "tag_conll", "tag_sentences", "tag_tokens"]
