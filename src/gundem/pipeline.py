"""The per-article pipeline: RawDoc → clean Article → extracted facts. Pure, no store."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache

from gundem.clean.page import to_article
from gundem.ingest.errors import IngestError, InputError
from gundem.model import Article, RawDoc

Stage = Callable[[Article], Article]

# (module, function) of each extraction stage, in order. Entities come first:
# quote speakers and claim sources are resolved against them.
EXTRACT_STAGES = (
    ("gundem.extract.entities", "extract_entities"),
    ("gundem.extract.quotes", "extract_quotes"),
    ("gundem.extract.claims", "extract_claims"),
    ("gundem.extract.times", "extract_times"),
)
# The extractors are trained and written for Turkish; other languages pass through.
EXTRACT_LANGUAGES = frozenset({"tr"})


@lru_cache(maxsize=1)
def extract_stages() -> tuple[Stage, ...]:
    return tuple(getattr(importlib.import_module(m), f) for m, f in EXTRACT_STAGES)


def extract(article: Article) -> Article:
    if article.language in EXTRACT_LANGUAGES:
        for stage in extract_stages():
            article = stage(article)
    return article


def process(
    raw: RawDoc, repeated: frozenset[str] | None = None, with_extract: bool = True
) -> Article | IngestError:
    """Run every per-article stage; any failure becomes an IngestError naming the input."""
    try:
        article = to_article(raw, repeated)
        return extract(article) if with_extract else article
    except InputError as exc:
        return IngestError(raw.source, exc.kind, exc.message)
    except Exception as exc:  # a bug on one page must not stop the batch
        return IngestError(raw.source, "internal", f"{type(exc).__name__}: {exc}")
