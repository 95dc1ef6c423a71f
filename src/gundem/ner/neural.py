"""Neural NER inference in plain numpy: char-CNN + word embeddings + pretrained piece
vectors + lexicon features → BiLSTM → CRF (Viterbi). Weights come from
:mod:`gundem_tools.ner.train_neural` as one ``.npz`` (weights + a JSON header with the
vocabulary and sizes)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from gundem.ner.conll import KEEP_TYPES
from gundem.ner.encode import Encoder, Vocab
from gundem.ner.features import FeatureExtractor
from gundem.turkish.morphology import split_suffix


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _lstm_layers(w: dict[str, np.ndarray], n: int) -> list[list[tuple[np.ndarray, ...]]]:
    """Per layer, the (forward, backward) weights laid out for :meth:`NeuralTagger._run_lstm`.
    torch orders the gates i, f, g, o; we keep i, f, o, g so that the three sigmoid
    gates are one contiguous slice."""
    layers: list[list[tuple[np.ndarray, ...]]] = []
    for layer in range(n):
        pair: list[tuple[np.ndarray, ...]] = []
        for sfx in ("", "_reverse"):
            name = f"l{layer}{sfx}"
            hd = w[f"lstm_weight_hh_{name}"].shape[1]
            order = np.r_[0 : 2 * hd, 3 * hd : 4 * hd, 2 * hd : 3 * hd]
            pair.append(
                (
                    w[f"lstm_weight_ih_{name}"][order].T.copy(),
                    w[f"lstm_weight_hh_{name}"][order].T.copy(),
                    (w[f"lstm_bias_ih_{name}"] + w[f"lstm_bias_hh_{name}"])[order],
                )
            )
        layers.append(pair)
    return layers


class NeuralTagger:
    """The shipped NER model; ``tag_many`` is the entry point (see ``ner.tagger``)."""

    def __init__(self, path: str | Path, fx: FeatureExtractor):
        z = np.load(path)
        head = json.loads(bytes(z["header"]).decode("utf-8"))
        self.vocab = Vocab.from_json(head["vocab"])
        self.tags = self.vocab.tags
        self.fx = fx
        self.encoder = Encoder(self.vocab, fx)
        w = {k: z[k].astype(np.float32) for k in z.files if k != "header"}
        self.wemb, self.semb, self.cemb = w["wemb_weight"], w["semb_weight"], w["cemb_weight"]
        conv = w["conv_weight"]  # (out, in, 3)
        self.conv = np.concatenate([conv[:, :, k].T for k in range(3)], axis=0)  # (3*in, out)
        self.conv_b = w["conv_bias"]
        self.layers = _lstm_layers(w, int(head["dims"].get("layers", 1)))
        self.out_w, self.out_b = w["out_weight"].T.copy(), w["out_bias"]
        self.pproj_w, self.pproj_b = w["pproj_weight"].T.copy(), w["pproj_bias"]
        self.trans, self.start, self.end = w["trans"], w["start"], w["end"]
        self._cache: dict[str, np.ndarray] = {}
        self._inside = np.array([t.startswith("I-") and t[2:] in KEEP_TYPES for t in self.tags])

    def _char_features(self, tokens: list[str], chars: np.ndarray) -> np.ndarray:
        """Char-CNN vectors, computed once per distinct token string and cached."""
        todo = {t: i for i, t in enumerate(tokens) if t not in self._cache}
        if todo:
            rows = chars[list(todo.values())]
            width = int((rows > 0).sum(axis=1).max())
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache.update(zip(todo, self._chars(rows[:, : max(width, 1)]), strict=True))
        return np.stack([self._cache[t] for t in tokens])

    def _chars(self, chars: np.ndarray) -> np.ndarray:
        n, m = chars.shape
        e = self.cemb[chars]  # (n, m, c)
        pad = np.zeros((n, 1, e.shape[2]), np.float32)
        ep = np.concatenate([pad, e, pad], axis=1)
        win = np.concatenate([ep[:, :-2], ep[:, 1:-1], ep[:, 2:]], axis=2)  # (n, m, 3c)
        h = np.maximum(win @ self.conv + self.conv_b, 0.0)
        h[chars == 0] = 0.0
        return h.max(axis=1)

    @staticmethod
    def _run_lstm(x: np.ndarray, wih: np.ndarray, whh: np.ndarray, b: np.ndarray) -> np.ndarray:
        """One LSTM direction over a batch ``x`` (batch, steps, in), left-aligned."""
        hdim = whh.shape[0]
        nb, steps = x.shape[:2]
        gates_x = np.ascontiguousarray((x @ wih + b).transpose(1, 0, 2))  # (steps, batch, 4h)
        h = np.zeros((nb, hdim), np.float32)
        c = np.zeros((nb, hdim), np.float32)
        out = np.empty((steps, nb, hdim), np.float32)
        s3 = 3 * hdim
        for t in range(steps):
            g = gates_x[t]
            g += h @ whh
            ifo = _sigmoid(g[:, :s3])
            c *= ifo[:, hdim : 2 * hdim]
            c += ifo[:, :hdim] * np.tanh(g[:, s3:])
            h = ifo[:, 2 * hdim : s3] * np.tanh(c)
            out[t] = h
        return out.transpose(1, 0, 2)

    def emissions(self, sents: list[list[str]]) -> list[np.ndarray]:
        """Tag scores per sentence; the sentences run through the LSTM as one batch."""
        self.encoder.prepare([t for toks in sents for t in toks])
        rows = [self.encoder(toks) for toks in sents]
        words, sfx, chars, dense, pvec = (np.concatenate([r[i] for r in rows]) for i in range(5))
        toks = [t for s in sents for t in s]
        cf = self._char_features(toks, chars)
        piece = pvec @ self.pproj_w + self.pproj_b
        flat = np.concatenate([self.wemb[words], self.semb[sfx], cf, dense, piece], axis=1)
        lens = [len(t) for t in sents]
        h = self._bilstm(flat, lens)
        out = []
        pos = 0
        for k in lens:
            out.append(h[pos : pos + k] @ self.out_w + self.out_b)
            pos += k
        return out

    def _bilstm(self, flat: np.ndarray, lens: list[int]) -> np.ndarray:
        """Stacked BiLSTM over the concatenated sentences ``flat`` (tokens, dim)."""
        n = max(lens)
        for fw_w, bw_w in self.layers:
            x = np.zeros((len(lens), n, flat.shape[1]), np.float32)
            xr = np.zeros_like(x)
            pos = 0
            for i, k in enumerate(lens):
                x[i, :k] = flat[pos : pos + k]
                xr[i, :k] = flat[pos : pos + k][::-1]
                pos += k
            fw = self._run_lstm(x, *fw_w)
            bw = self._run_lstm(xr, *bw_w)
            flat = np.concatenate(
                [np.concatenate([fw[i, :k], bw[i, :k][::-1]], axis=1) for i, k in enumerate(lens)]
            )
        return flat

    def viterbi(self, em: np.ndarray) -> list[int]:
        score = self.start + em[0]
        back = []
        for t in range(1, len(em)):
            cand = score[:, None] + self.trans
            back.append(cand.argmax(axis=0))
            score = cand.max(axis=0) + em[t]
        best = [int((score + self.end).argmax())]
        for bp in reversed(back):
            best.append(int(bp[best[-1]]))
        return best[::-1]

    def tag_many(
        self, sents: list[list[str]], batch: int = 64, max_tokens: int = 8192
    ) -> list[list[str]]:
        """Tags for many sentences. Similar lengths are batched together, at most
        ``batch`` sentences and ``max_tokens`` padded tokens a batch (a page with no
        sentence breaks is one long sentence: it runs alone)."""
        out: list[list[str]] = [[] for _ in sents]
        order = sorted((i for i, s in enumerate(sents) if s), key=lambda i: len(sents[i]))
        a = 0
        while a < len(order):
            b = a + 1
            while (
                b < len(order)
                and b - a < batch
                and (b - a + 1) * len(sents[order[b]]) <= max_tokens
            ):
                b += 1
            idx = order[a:b]
            for i, em in zip(idx, self.emissions([sents[i] for i in idx]), strict=True):
                self._constrain(sents[i], em)
                out[i] = [self.tags[j] for j in self.viterbi(em)]
            a = b
        return out

    def _constrain(self, tokens: list[str], em: np.ndarray) -> None:
        """A name does not run on past a case suffix or a comma: after "Braun’a" or ","
        the next word may start an entity but not continue one (in the wiki training
        data that happens in 3% of cases, mostly titles of works)."""
        for i in range(1, len(tokens)):
            prev = tokens[i - 1]
            if prev == "," or split_suffix(prev)[1]:
                em[i, self._inside] = -1e4
