"""Request and response models of the API. Responses wrap the read model's typed results
(``gundem.store.read``); FastAPI validates and documents them (``/docs``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gundem.serve.limits import MAX_DOCS
from gundem.store.read import (
    ArticleSummary,
    ClaimItem,
    EntityRow,
    EventRow,
    QuoteItem,
    StoryRow,
)
from gundem.store.search import Hit

# a year, month or day, optionally with a time and UTC offset (ISO 8601)
_PUBLISHED = r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$"

# -- requests ------------------------------------------------------------------------------------


class DocIn(BaseModel):
    text: str | None = Field(None, description="plain article text (or give html)")
    html: str | None = Field(None, description="raw HTML of the page")
    url: str = ""
    title: str = ""
    published: str | None = Field(None, pattern=_PUBLISHED)
    outlet: str = ""

    @model_validator(mode="after")
    def _one_body(self) -> DocIn:
        if not (self.text or self.html):
            raise ValueError("each document needs 'text' or 'html'")
        return self


class IngestIn(BaseModel):
    documents: list[DocIn] = Field(default_factory=list, max_length=MAX_DOCS)
    urls: list[str] = Field(default_factory=list, max_length=MAX_DOCS)

    @model_validator(mode="after")
    def _something(self) -> IngestIn:
        if not self.documents and not self.urls:
            raise ValueError("give 'documents' or 'urls'")
        for u in self.urls:
            if not u.startswith(("http://", "https://")):
                raise ValueError(f"not an http(s) URL: {u[:100]}")
        return self


class AskIn(BaseModel):
    question: str = Field(min_length=2, max_length=500)


# -- responses -----------------------------------------------------------------------------------


@dataclass
class Health:
    ok: bool
    articles: int
    indexed: int


@dataclass
class ArticlePage:
    total: int | None  # None for a search (q): the index does not count
    limit: int
    offset: int
    items: list[ArticleSummary]


@dataclass
class EntityPage:
    limit: int
    offset: int
    items: list[EntityRow]


@dataclass
class QuotePage:
    limit: int
    offset: int
    items: list[QuoteItem]


@dataclass
class ClaimPage:
    limit: int
    offset: int
    items: list[ClaimItem]


@dataclass
class EventPage:
    limit: int
    offset: int
    items: list[EventRow]


@dataclass
class StoryPage:
    limit: int
    offset: int
    items: list[StoryRow]


@dataclass
class SearchResult:
    q: str
    level: str
    limit: int
    offset: int
    hits: list[Hit]


class AnswerSentence(BaseModel):
    model_config = ConfigDict(extra="allow")
    text: str
    citations: list[dict[str, Any]] = Field(default_factory=list)


class AnswerOut(BaseModel):
    """``Answer.to_dict()``: sentences with their citations, the question kind, found or not."""

    model_config = ConfigDict(extra="allow")
    text_sentences: list[AnswerSentence]
    kind: str
    found: bool
    question: str = ""
    text: str = ""


class IngestError(BaseModel):
    source: str
    kind: str
    message: str


class IngestOut(BaseModel):
    """Ids of the articles added and of the duplicates skipped, and the inputs not read."""

    model_config = ConfigDict(extra="allow")
    added: list[str]
    duplicates: list[str]
    errors: list[IngestError]
