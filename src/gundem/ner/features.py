"""CRF features for Turkish NER: word, morphology, shape, gazetteers, context."""

from __future__ import annotations

from functools import lru_cache

from gundem.ner.clusters import Clusters
from gundem.turkish.morphology import analyse, split_suffix
from gundem.turkish.normalize import casefold_tr, title_tr

Gazetteer = dict[str, list[str]]  # lower-cased phrase -> types


def shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


_OFF = {-2: "-2", -1: "-1", 1: "+1", 2: "+2"}


class FeatureExtractor:
    """Turns a token list into crfsuite feature lists.

    ``gazetteer`` maps lower-cased phrases (suffixes removed) to entity types;
    ``caprate`` maps lower-cased words to how often they are written with a capital
    when not sentence-initial (0..1), harvested from training text.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        caprate: dict[str, float] | None = None,
        clusters: list[list[list[float]]] | None = None,
        wide: bool = False,
    ):
        self.wide = wide
        self.clusters = Clusters(clusters)
        self.gaz = gazetteer or {}
        self.caprate = caprate or {}
        self.max_len = max((p.count(" ") + 1 for p in self.gaz), default=1)
        self.max_len = min(self.max_len, 6)
        self.word = lru_cache(maxsize=300_000)(self._word)

    @classmethod
    def from_lexicon(cls, lex: dict) -> FeatureExtractor:
        """From the ``ner-tr.json`` lexicon written beside a model (missing keys: empty)."""
        return cls(
            lex.get("gazetteer"), lex.get("caprate"), lex.get("clusters"), bool(lex.get("wide"))
        )

    # per-word features (context independent), cached
    def _word(self, tok: str) -> tuple[tuple[str, ...], tuple[str, ...], str, str]:
        base, suffix = split_suffix(tok)
        upper = base.isupper() and len(base) > 1 and base.isalpha()
        low = casefold_tr(base)
        sfx = casefold_tr(suffix[1:]) if suffix else ""
        st, pos = analyse(low) if not suffix else (low, "apos")
        sh = shape(base)
        f = [
            "w=" + low,
            "st=" + st,
            "pos=" + pos,
            "sh=" + sh,
            "p3=" + low[:3],
            "s2=" + low[-2:],
            "s3=" + low[-3:],
            "s4=" + low[-4:],
        ]
        if suffix:
            f.append("sfx=" + sfx)
            f.append("apos")
        if base[:1].isupper():
            f.append("cap")
        if upper:
            f.append("upper")
            if len(base) <= 5:
                f.append("acro")
            else:
                f.append("tw=" + title_tr(base))
        if "-" in base:
            f.append("hyph")
        if len(low) <= 2:
            f.append("short")
        cr = self.caprate.get(low)
        if cr is None:
            f.append("cr=unk")
        else:
            f.append("cr=" + str(min(4, int(cr * 5))))
        g = self.gaz.get(low)
        if g:
            for t in g:
                f.append("g1=" + t)
        cl = [f"c{i}={c}" for i, c in enumerate(self.clusters.ids(low))] if low.isalpha() else []
        f.extend(cl)
        # features shared into the context window
        ctx = ("w=" + low, "sh=" + sh, "st=" + st, *(["sfx=" + sfx] if suffix else []), *cl)
        return tuple(f), ctx, low, sh

    def gazetteer_tags(self, lows: list[str]) -> list[list[str]]:
        """Longest-match multi-word gazetteer lookup → per-token ``B-T``/``I-T`` marks."""
        n = len(lows)
        marks: list[list[str]] = [[] for _ in range(n)]
        if not self.gaz:
            return marks
        i = 0
        while i < n:
            hit = 0
            for k in range(min(self.max_len, n - i), 1, -1):
                types = self.gaz.get(" ".join(lows[i : i + k]))
                if types:
                    for t in types:
                        marks[i].append("G=B-" + t)
                        for j in range(i + 1, i + k):
                            marks[j].append("G=I-" + t)
                    hit = k
                    break
            i += hit or 1
        return marks

    def sent(self, tokens: list[str]) -> list[list[str]]:
        words = [self.word(t) for t in tokens]
        lows = [w[2] for w in words]
        gmarks = self.gazetteer_tags(lows)
        n = len(tokens)
        caps_sent = sum(1 for t in tokens if t.isupper() and len(t) > 1) > 0.6 * max(
            1, sum(1 for t in tokens if t[:1].isalpha())
        )
        out = []
        for i in range(n):
            f, _ctx, low, sh = words[i]
            feats = ["b", *f, *gmarks[i]]
            if i == 0:
                feats.append("BOS")
                if tokens[i][:1].isupper():
                    feats.append("init_cap")
            else:
                pw = tokens[i - 1]
                if pw in {'"', "“", "”", ":", "-", "(", "«", "»", "'", "’"}:
                    feats.append("after_punct=" + pw)
            if caps_sent:
                feats.append("caps_sent")
            for off in (-2, -1, 1, 2):
                j = i + off
                p = _OFF[off]
                if 0 <= j < n:
                    c = words[j][1]
                    if off in (-1, 1):
                        feats.extend(p + x for x in c)
                        feats.extend(p + m for m in gmarks[j])
                    else:
                        feats.append(p + c[0])
                        feats.append(p + c[1])
                        if self.wide:
                            feats.append(p + c[2])
                else:
                    feats.append(p + "pad")
            if self.wide:
                if i > 0:
                    feats.append("bi-=" + lows[i - 1] + "|" + low)
                if i + 1 < n:
                    feats.append("bi+=" + low + "|" + lows[i + 1])
            out.append(feats)
        return out
