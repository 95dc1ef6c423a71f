"""The one vocabulary of gundem: every stage reads and writes these dataclasses.

Per-article stages are plain callables ``Article -> Article``; the store and the
exports serialise exactly these fields (see DESIGN.md, "Export contract").
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_id(text: str, prefix: str = "") -> str:
    """Stable 16-hex id from content, so re-runs on the same input add nothing."""
    return hashlib.sha1((prefix + text).encode("utf-8")).hexdigest()[:16]


def alias_spans(text: str, aliases: list[str] | set[str]) -> list[tuple[int, int]]:
    """Where the aliases occur in ``text``, longest first, without overlaps: the
    ``mentions`` of an entity whose names are known (generated and test articles)."""
    spans: list[tuple[int, int]] = []
    for alias in sorted(set(aliases), key=len, reverse=True):
        i = text.find(alias)
        while i >= 0:
            if not any(s <= i < e for s, e in spans):
                spans.append((i, i + len(alias)))
            i = text.find(alias, i + 1)
    return sorted(spans)


@dataclass
class RawDoc:
    """Bytes as they came in, before we know what they are."""

    source: str  # path, URL or "stdin"; "path#N" for the N-th record of a container
    data: bytes
    meta: dict[str, Any] = field(default_factory=dict)  # url, title, published, outlet, format


@dataclass
class Block:
    """A block of a page, kept or removed by the cleaner, with the reason."""

    text: str
    index: int  # position of the block on the page
    reason: str = ""  # why it was removed ("" for kept blocks)
    kind: str = "p"  # p | heading | dateline | quote | list


@dataclass
class Entity:
    name: str  # canonical name
    type: str  # PERSON, ORG, GPE, LOC, FAC, NORP, MISC
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char spans in text
    id: str = ""  # canonical entity id, stable across the corpus
    roles: list[str] = field(default_factory=list)  # "Rusya Devlet Başkanı", ...


@dataclass
class Quote:
    speaker: str | None  # canonical entity name, or None when unknown
    text: str
    kind: str = "direct"  # direct | indirect | fragment
    cue: str = ""  # dedi, ifadesini kullandı, şeklinde konuştu, ...
    start: int = 0
    end: int = 0
    speaker_id: str = ""
    speaker_role: str = ""  # the role phrase a role-only speaker was named by ("MHK Başkanı")


@dataclass
class Claim:
    text: str  # the numeric expression as written ("yaklaşık 2 bin")
    value: float | None
    unit: str = ""  # what is counted (asker, işçi, %)
    qualifier: str = ""  # yaklaşık, en az, binlerce, ...
    attributed_to: str = ""  # "NIS", "KCNA", ...
    sentence: str = ""
    start: int = 0
    end: int = 0
    measure: str = ""  # what is counted happened: killed, injured, sent, … (turkish.measures)
    when: str = ""  # the date its sentence names (TimeRef.value), "" when none


@dataclass
class TimeRef:
    text: str
    value: str | None  # ISO date, month (YYYY-MM) or year (YYYY); None when unanchored
    precision: str = ""  # day | month | year | week | duration | time | set | ref | season
    anchor: str = ""  # what a relative expression was resolved against
    start: int = 0
    end: int = 0
    type: str = ""  # TIMEX type: DATE | TIME | DURATION | SET ("" in rows stored before it)


@dataclass
class Article:
    id: str
    source: str
    text: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str | None = None  # ISO date or None; never invented
    published_from: str | None = None  # header | html | text | event | None
    dateline: str = ""
    language: str = ""
    format: str = ""  # text | html | jsonl | warc | web
    removed: list[Block] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    event_id: str | None = None
    story_id: str | None = None
    #: Sentence spans (start, end) into ``text``, computed once by the text layer
    #: (``gundem.turkish.article_sentences``); empty means "not computed yet".
    sentences: list[tuple[int, int]] = field(default_factory=list)
    #: What the reader should know about the text: ``short`` (under ``SHORT_CHARS``, a feed
    #: item's description), ``title_only`` (no body: the title is the text).
    flags: list[str] = field(default_factory=list)
    #: Why extractors did not run on it, "" when they all did (a language they do not serve).
    not_extracted: str = ""
    duplicate_of: str | None = None  # the first stored article with the same text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        d = dict(d)
        d["removed"] = [Block(**b) for b in d.get("removed") or []]
        d["entities"] = [
            Entity(**{**e, "mentions": [tuple(m) for m in e.get("mentions") or []]})
            for e in d.get("entities") or []
        ]
        d["quotes"] = [Quote(**q) for q in d.get("quotes") or []]
        d["claims"] = [Claim(**c) for c in d.get("claims") or []]
        d["times"] = [TimeRef(**t) for t in d.get("times") or []]
        d["sentences"] = [(int(s), int(e)) for s, e in d.get("sentences") or []]
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in known})

    def export(self, fragments: bool = False) -> dict[str, Any]:
        """The stable export contract of DESIGN.md (fragment quotes only when asked)."""
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "published_from": self.published_from,
            "dateline": self.dateline,
            "language": self.language,
            "text": self.text,
            "flags": list(self.flags),
            "not_extracted": self.not_extracted,
            "duplicate_of": self.duplicate_of,
            "entities": [
                {"name": e.name, "type": e.type, "aliases": e.aliases} for e in self.entities
            ],
            "quotes": [
                {
                    "speaker": q.speaker,
                    "text": q.text,
                    "kind": q.kind,
                    "cue": q.cue,
                    "speaker_role": q.speaker_role,
                }
                for q in self.quotes
                if fragments or q.kind != "fragment"
            ],
            "claims": [
                {
                    "text": c.text,
                    "value": c.value,
                    "unit": c.unit,
                    "qualifier": c.qualifier,
                    "attributed_to": c.attributed_to,
                }
                for c in self.claims
            ],
            "times": [{"text": t.text, "value": t.value} for t in self.times],
            "event_id": self.event_id,
            "story_id": self.story_id,
            "sentences": [[s, e] for s, e in _sentences(self)],
        }


def _sentences(article: Article) -> list[tuple[int, int]]:
    from gundem.turkish.sentences import article_sentences  # the text layer imports model

    return article_sentences(article)


@dataclass
class Event:
    id: str
    date: str | None = None
    date_from: str = ""  # articles | times | propagated
    place: str = ""
    participants: list[str] = field(default_factory=list)
    headline: str = ""
    summary: list[dict[str, Any]] = field(default_factory=list)  # [{sentence, article_id}]
    article_ids: list[str] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)  # grouped by statement
    story_id: str | None = None


@dataclass
class Story:
    id: str
    title: str = ""
    event_ids: list[str] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
