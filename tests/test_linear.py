"""No per-article stage is quadratic in the number of paragraphs or quotes (issue 11).

CPU time of this process (not wall time: the CI box is shared) on generated pages of
500 and 2,500 ordinary news paragraphs with quotes, figures and dates. Linear work grows
5×, quadratic 25× (before the fix: about ×14, most of it from the quadratic steps, which only
dominate past a thousand paragraphs); the bound of 8 leaves room for noise. NER is left out here (it is linear and
the slowest part; its input is bounded per sentence, see test_budget.py).
"""

from __future__ import annotations

import random
import time

from fixtures import load_bench

from gundem.clean.boilerplate import clean_text
from gundem.extract.claims import extract_claims
from gundem.extract.cues import Intervals
from gundem.extract.quotes import extract_quotes
from gundem.extract.times import extract_times
from gundem.model import Article
from gundem.turkish.sentences import split_sentences

page = load_bench("paragraphs").page

SMALL, LARGE = 500, 2500


def _cpu(n: int) -> float:
    text = page(n)
    t0 = time.process_time()
    art = Article(id="x", source="x", text=clean_text(text).text, language="tr")
    split_sentences(art.text)
    extract_claims(extract_times(extract_quotes(art)))
    assert len(art.quotes) >= n and len(art.claims) >= n
    return time.process_time() - t0


def test_cleaning_and_extraction_grow_linearly_with_paragraphs():
    _cpu(20)  # imports and regex compilation out of the measure
    small = min(_cpu(SMALL) for _ in range(2))
    large = _cpu(LARGE)
    ratio = large / small
    assert ratio < 8, f"{SMALL} → {LARGE} paragraphs: {small:.2f} s → {large:.2f} s (×{ratio:.1f})"


def test_intervals_answer_like_a_scan_over_the_spans():
    rng = random.Random(11)
    for _ in range(200):
        spans = [(a, a + rng.randrange(0, 8)) for a in (rng.randrange(0, 60) for _ in range(6))]
        iv = Intervals(spans)
        for pos in range(-1, 70):
            assert iv.inside(pos) == any(s < pos < e for s, e in spans)
            assert iv.covers(pos) == any(s <= pos < e for s, e in spans)
            assert iv.covers_end(pos) == any(s < pos <= e for s, e in spans)
