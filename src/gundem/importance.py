"""How important an event or a story is: the one ordering every listing uses (read model,
CLI, API, report).

Outlets count most (independent newsrooms choosing to report it), then articles (how
much was written), times recency: a factor that halves its distance to one half every
week before the newest item in the corpus. Recency is measured against the corpus, not
the clock, so a listing reads the same tomorrow.
"""

from __future__ import annotations

import math

from gundem.periods import day_number

W_OUTLETS, W_ARTICLES = 2.0, 1.0
HALF_LIFE_DAYS = 7  # the recency factor's distance to its floor halves every week
OLDEST_FACTOR = 0.5  # an old (or undated) item keeps half its size: a big story stays above
# a small new one, and among equals the newer leads


def importance(outlets: int, articles: int, last: str | None, newest: str | None) -> float:
    """Importance of an event or story with ``outlets`` distinct outlets and ``articles``
    articles whose latest date is ``last`` (ISO), ``newest`` being the corpus's latest date:
    its size (outlets count twice, both on a log scale) times a recency factor from 1 (as
    new as ``newest``) down to ``OLDEST_FACTOR`` (old, or undated)."""
    size = W_OUTLETS * math.log1p(outlets) + W_ARTICLES * math.log1p(articles)
    n = day_number(newest)
    if n is None:
        return size  # nothing in the corpus is dated: size alone
    d = day_number(last)
    fresh = 0.0 if d is None else 0.5 ** (max(0, n - d) / HALF_LIFE_DAYS)
    return size * (OLDEST_FACTOR + (1 - OLDEST_FACTOR) * fresh)


def sort_key(
    item_id: str, outlets: int, articles: int, last: str | None, newest: str | None
) -> tuple[float, str]:
    """Sort key: most important first, then by id (stable across runs)."""
    return (-importance(outlets, articles, last, newest), item_id)
