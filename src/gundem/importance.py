"""How important an event or a story is: the one ordering every listing uses (read model,
CLI, API, report).

Outlets count most (independent newsrooms choosing to report it), then articles (how
much was written), then recency: each week older than the newest item in the corpus
costs as much as a third fewer outlets. Recency is measured against the corpus, not the
clock, so a listing reads the same tomorrow.
"""

from __future__ import annotations

import math
from datetime import date

W_OUTLETS, W_ARTICLES, W_WEEK = 2.0, 1.0, 0.6


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def importance(outlets: int, articles: int, last: str | None, newest: str | None) -> float:
    """Importance of an event or story with ``outlets`` distinct outlets and ``articles``
    articles whose latest date is ``last`` (ISO), ``newest`` being the corpus's latest date.
    An undated item gets no recency penalty."""
    score = W_OUTLETS * math.log1p(outlets) + W_ARTICLES * math.log1p(articles)
    d, n = _day(last), _day(newest)
    if d is not None and n is not None:
        score -= W_WEEK * max(0, n - d) / 7
    return score


def sort_key(
    item_id: str, outlets: int, articles: int, last: str | None, newest: str | None
) -> tuple[float, str]:
    """Sort key: most important first, then by id (stable across runs)."""
    return (-importance(outlets, articles, last, newest), item_id)
