"""Train the neural NER tagger (char-CNN + word embeddings + BiLSTM + CRF) with
torch, and export its weights to a small ``.npz`` that numpy alone can run
(:mod:`gundem.ner.neural`). torch is needed only here: ``pip install gundem[train]``.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gundem.ner.conll import Sentence
from gundem.ner.encode import MAX_CHARS, N_DENSE, Encoder, Vocab, build_vocab
from gundem.ner.pieces import DIM as PIECE_DIM

DEFAULT_DIMS = {
    "word": 100,
    "sfx": 16,
    "char": 32,
    "cnn": 64,
    "piece": 64,
    "hidden": 128,
    "dropout": 50,
}


def require_torch():
    try:
        import torch
    except ImportError as e:  # pragma: no cover
        raise RuntimeError(
            "training the neural tagger needs torch: pip install 'gundem[train]'"
        ) from e
    return torch


def make_model(vocab: Vocab, dims: dict[str, int]):
    torch = require_torch()
    nn = torch.nn

    class Tagger(nn.Module):  # type: ignore[name-defined]  # torch is imported lazily, untyped here
        def __init__(self) -> None:
            super().__init__()
            self.wemb = nn.Embedding(len(vocab.words) + 2, dims["word"], padding_idx=0)
            self.semb = nn.Embedding(len(vocab.suffixes) + 2, dims["sfx"], padding_idx=0)
            self.cemb = nn.Embedding(len(vocab.chars) + 2, dims["char"], padding_idx=0)
            self.conv = nn.Conv1d(dims["char"], dims["cnn"], kernel_size=3, padding=1)
            self.pproj = nn.Linear(PIECE_DIM, dims["piece"])
            width = dims["word"] + dims["sfx"] + dims["cnn"] + N_DENSE + dims["piece"]
            layers = dims.get("layers", 1)
            self.lstm = nn.LSTM(
                width,
                dims["hidden"],
                num_layers=layers,
                batch_first=True,
                bidirectional=True,
                dropout=dims["dropout"] / 100 if layers > 1 else 0.0,
            )
            self.drop = nn.Dropout(dims["dropout"] / 100)
            self.out = nn.Linear(2 * dims["hidden"], len(vocab.tags))
            self.trans = nn.Parameter(torch.zeros(len(vocab.tags), len(vocab.tags)))
            self.start = nn.Parameter(torch.zeros(len(vocab.tags)))
            self.end = nn.Parameter(torch.zeros(len(vocab.tags)))

        def emissions(self, w, s, c, d, p):
            b, n, m = c.shape
            ce = self.cemb(c.view(b * n, m)).transpose(1, 2)  # (bn, char, m)
            cf = torch.relu(self.conv(ce))
            cf = cf.masked_fill((c.view(b * n, 1, m) == 0), 0.0).max(dim=2).values.view(b, n, -1)
            x = torch.cat([self.wemb(w), self.semb(s), cf, d, self.pproj(p)], dim=-1)
            # packed, so the backward direction starts at each sentence's last token
            # (not at the padding), exactly as the numpy tagger runs it
            lengths = (w > 0).sum(dim=1).clamp(min=1).cpu()
            packed = nn.utils.rnn.pack_padded_sequence(
                self.drop(x), lengths, batch_first=True, enforce_sorted=False
            )
            h, _ = nn.utils.rnn.pad_packed_sequence(
                self.lstm(packed)[0], batch_first=True, total_length=n
            )
            return self.out(self.drop(h))

        def nll(self, em, tags, mask):
            """CRF negative log-likelihood, summed over the batch."""
            b, n, k = em.shape
            score = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
            alpha = self.start + em[:, 0]
            for i in range(1, n):
                m = mask[:, i]
                step = self.trans[tags[:, i - 1], tags[:, i]] + em[:, i].gather(
                    1, tags[:, i : i + 1]
                ).squeeze(1)
                score = score + step * m
                nxt = torch.logsumexp(
                    alpha.unsqueeze(2) + self.trans + em[:, i].unsqueeze(1), dim=1
                )
                alpha = torch.where(m.unsqueeze(1) > 0, nxt, alpha)
            last = tags.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
            score = score + self.end[last]
            logz = torch.logsumexp(alpha + self.end, dim=1)
            return (logz - score).sum()

    return Tagger()


def _batch(items: list[tuple], torch):
    n = max(len(x[0]) for x in items)
    b = len(items)
    w = np.zeros((b, n), np.int64)
    s = np.zeros((b, n), np.int64)
    c = np.zeros((b, n, MAX_CHARS), np.int64)
    d = np.zeros((b, n, N_DENSE), np.float32)
    p = np.zeros((b, n, PIECE_DIM), np.float32)
    t = np.zeros((b, n), np.int64)
    m = np.zeros((b, n), np.float32)
    for i, (wi, si, ci, di, pi, ti) in enumerate(items):
        k = len(wi)
        w[i, :k], s[i, :k], c[i, :k], d[i, :k], p[i, :k], t[i, :k], m[i, :k] = (
            wi,
            si,
            ci,
            di,
            pi,
            ti,
            1,
        )
    return [torch.from_numpy(a) for a in (w, s, c, d, p, t, m)]


def export_npz(model, vocab: Vocab, dims: dict[str, int], path: Path, meta: dict) -> None:
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    arrays = {
        k.replace(".", "_"): v.astype(np.float16 if k.endswith("emb.weight") else np.float32)
        for k, v in sd.items()
    }
    header = json.dumps({"vocab": vocab.to_json(), "dims": dims, "meta": meta}, ensure_ascii=False)
    np.savez_compressed(
        path, header=np.frombuffer(header.encode("utf-8"), dtype=np.uint8), **arrays
    )


def train_neural(
    train: list[Sentence],
    encoder_fx,
    out_path: Path,
    *,
    epoch_path: Path | None = None,
    dev_eval: Callable[[Path], float] | None = None,
    epochs: int = 12,
    seed: int = 13,
    dims: dict[str, int] | None = None,
    batch_size: int = 32,
    lr: float = 2e-3,
    word_dropout: float = 0.05,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    """Train, keep the epoch with the best ``dev_eval`` score, write ``out_path`` (.npz)."""
    torch = require_torch()
    torch.set_num_threads(1)  # one thread: the same seed gives the same model on any machine
    torch.manual_seed(seed)
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    dims = dims or dict(DEFAULT_DIMS)
    tags = sorted({t for s in train for _, t in s} | {"O"})
    vocab = build_vocab([[w for w, _ in s] for s in train], tags)
    enc = Encoder(vocab, encoder_fx)
    tix = {t: i for i, t in enumerate(vocab.tags)}
    data = [
        (*enc([w for w, _ in s]), np.array([tix[t] for _, t in s], np.int64)) for s in train if s
    ]
    model = make_model(vocab, dims)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    # linear decay to a tenth of ``lr`` over the run: later epochs settle instead of jumping
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0 - 0.9 * e / max(1, epochs - 1))
    best, best_epoch, t0 = -1.0, -1, time.time()
    tmp = epoch_path or out_path.with_suffix(".tmp.npz")
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    for epoch in range(epochs):
        model.train()
        rng.shuffle(batches)
        total = 0.0
        for idx in batches:
            items = []
            for i in idx:
                w, s, c, d, p, t = data[i]
                if word_dropout:
                    w = np.where(np_rng.random(len(w)) < word_dropout, 1, w)
                items.append((w, s, c, d, p, t))
            w, s, c, d, p, t, m = _batch(items, torch)
            loss = model.nll(model.emissions(w, s, c, d, p), t, m) / len(idx)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += float(loss.detach()) * len(idx)
        sched.step()
        model.eval()
        meta = {"epoch": epoch + 1, "seed": seed}
        export_npz(model, vocab, dims, tmp, meta)
        score = dev_eval(tmp) if dev_eval else float(epoch)
        log(
            f"epoch {epoch + 1}: loss {total / len(data):.3f} dev {score:.4f} ({time.time() - t0:.0f} s)"
        )
        if score > best:
            best, best_epoch = score, epoch + 1
            tmp.replace(out_path)
    tmp.unlink(missing_ok=True)
    return {
        "seconds": round(time.time() - t0, 1),
        "dev_f1": best,
        "best_epoch": best_epoch,
        "model_bytes": float(out_path.stat().st_size),
    }
