"""The numpy tagger computes exactly what the torch model it was exported from does."""

import numpy as np
import pytest

from gundem.ner.conll import read_conll
from gundem.ner.encode import Encoder
from gundem.ner.features import FeatureExtractor
from gundem.ner.neural import NeuralTagger
from gundem.ner.paths import MODEL_PATH
from gundem_tools.paths import NEWS_DATA_DIR


def test_shipped_model_is_the_neural_one():
    tagger = NeuralTagger(MODEL_PATH, FeatureExtractor())
    assert "B-PERSON" in tagger.tags and "B-WORK_OF_ART" in tagger.tags


def test_numpy_inference_matches_torch(tmp_path):
    torch = pytest.importorskip("torch")
    from gundem_tools.ner.train_neural import _batch, train_neural

    sents = read_conll(NEWS_DATA_DIR / "news_ner_train.conll")[:120]
    fx = FeatureExtractor({"ankara": ["GPE"]}, {"putin": 1.0})
    out = tmp_path / "tiny.npz"
    dims = {"word": 16, "sfx": 4, "char": 8, "cnn": 12, "piece": 6, "hidden": 10, "dropout": 0}
    train_neural(sents, fx, out, epochs=2, dims=dims, log=lambda _m: None)
    np_tagger = NeuralTagger(out, fx)
    # rebuild the torch model from the exported weights and compare emissions
    from gundem_tools.ner.train_neural import make_model

    model = make_model(np_tagger.vocab, dims)
    z = np.load(out)
    state = {
        k: torch.from_numpy(z[k.replace(".", "_")].astype(np.float32)) for k in model.state_dict()
    }
    model.load_state_dict(state)
    model.eval()
    toks = [[w for w, _ in s] for s in sents[:8]]
    enc = Encoder(np_tagger.vocab, fx)
    items = [(*enc(t), np.zeros(len(t), np.int64)) for t in toks]
    w, s, c, d, p, _t, _m = _batch(items, torch)
    with torch.no_grad():
        ref = model.emissions(w, s, c, d, p).numpy()
    for i, em in enumerate(np_tagger.emissions(toks)):
        assert np.allclose(em, ref[i, : len(toks[i])], atol=1e-3)
