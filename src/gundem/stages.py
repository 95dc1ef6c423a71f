"""Declared stages: what each stage of gundem requires, what it assigns, which languages it serves.

Two kinds of stage, in one ordered registry:

* per-article stages (``scope="article"``) turn one document into a filled ``Article``:
  ``clean`` makes it from the raw bytes, the extractors add entities, quotes, times and
  claims. They run in the engine's workers, one document at a time.
* corpus stages (``scope="corpus"``) work on the stored corpus: ``resolve`` gives entities
  their corpus-wide ids and names (``per_batch``: before each batch is written, in its
  transaction), ``link`` groups articles into events and stories and ``index`` brings the
  search index up to date (after the batches).

``requires`` and ``assigns`` name ``Article`` fields (``text``, ``entities``…) or corpus
facts (``canonical_entities``, ``events``…). ``build_pipeline`` checks the order when the
pipeline is built: a stage whose requirement no earlier enabled stage assigns is an error
naming both (the one that requires and the one that would assign). A per-article stage
that serves a language must find its requirements assigned for that language too.

Stages are switched off by name or by group (``extract``: the extractors and entity
resolution; ``link``): ``build_pipeline(skip={"quotes", "claims"})``,
``gundem run --skip quotes,claims``; ``--no-extract`` and ``--no-link`` are shortcuts.
A stage's function is named ``"module:attribute"`` and looked up when it runs, so a
pipeline pickles to worker processes and models load only where a stage runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

Scope = Literal["article", "corpus"]

# What a raw document gives before any stage ran: the bytes and the metadata it came with.
GIVEN: frozenset[str] = frozenset({"raw"})


class PipelineError(ValueError):
    """A pipeline that cannot run: a requirement no earlier stage assigns, an unknown name."""


@dataclass(frozen=True)
class Stage:
    name: str
    scope: Scope
    func: str | Callable[..., Any]  # "module:attribute", or a callable (in-process use only)
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()
    languages: frozenset[str] | None = None  # None: every language
    group: str = ""  # a name that switches several stages off at once
    per_batch: bool = False  # corpus stages: before each batch is written, in its transaction

    def serves(self, language: str) -> bool:
        return self.languages is None or language in self.languages

    def load(self) -> Callable[..., Any]:
        """The stage's function, looked up now (a monkeypatched or reloaded module counts)."""
        if callable(self.func):
            return self.func
        module, _, attr = self.func.partition(":")
        return getattr(importlib.import_module(module), attr)

    def describe(self) -> str:
        langs = ",".join(sorted(self.languages)) if self.languages is not None else "*"
        return (f"{self.name} [{self.scope}, {langs}] requires {sorted(self.requires)} "
                f"assigns {sorted(self.assigns)}")  # fmt: skip


def _set(items: Iterable[str]) -> frozenset[str]:
    return frozenset([items] if isinstance(items, str) else items)


class Registry:
    """Stages in their declared order. ``add`` appends; ``stage`` is its decorator form."""

    def __init__(self, stages: Iterable[Stage] = ()) -> None:
        self._stages: dict[str, Stage] = {}
        for s in stages:
            self.add(s)

    def add(self, stage: Stage) -> Stage:
        if stage.name in self._stages or stage.name in self.groups():
            raise PipelineError(f"stage {stage.name!r} is already registered")
        self._stages[stage.name] = stage
        return stage

    def stage(
        self, name: str, scope: Scope = "article", *, requires: Iterable[str] = (),
        assigns: Iterable[str] = (), languages: Iterable[str] | None = None, group: str = "",
        per_batch: bool = False,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:  # fmt: skip
        """Register the decorated function as a stage; the function is returned unchanged."""

        def register(func: Callable[..., Any]) -> Callable[..., Any]:
            self.add(Stage(name, scope, func, _set(requires), _set(assigns),
                           None if languages is None else _set(languages), group, per_batch))  # fmt: skip
            return func

        return register

    def copy(self) -> Registry:
        return Registry(self._stages.values())

    def __iter__(self) -> Iterator[Stage]:
        return iter(self._stages.values())

    def __contains__(self, name: object) -> bool:
        return name in self._stages

    def __getitem__(self, name: str) -> Stage:
        return self._stages[name]

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for s in self._stages.values():
            if s.group:
                out.setdefault(s.group, []).append(s.name)
        return out


_TR = frozenset({"tr"})  # the extractors are trained and written for Turkish
_ARTICLE = frozenset({"text", "title", "published", "language", "outlet", "url", "removed"})

STAGES = Registry([
    Stage("clean", "article", "gundem.clean.page:to_article", GIVEN, _ARTICLE),
    # entities first: quote speakers are resolved against them
    Stage("entities", "article", "gundem.extract.entities:extract_entities",
          frozenset({"text"}), frozenset({"entities"}), _TR, "extract"),
    Stage("quotes", "article", "gundem.extract.quotes:extract_quotes",
          frozenset({"text", "entities"}), frozenset({"quotes"}), _TR, "extract"),
    # times before claims: a date is not a claim, and claims read the spans times found
    Stage("times", "article", "gundem.extract.times:extract_times",
          frozenset({"text", "published"}), frozenset({"times"}), _TR, "extract"),
    Stage("claims", "article", "gundem.extract.claims:extract_claims",
          frozenset({"text", "quotes", "times"}), frozenset({"claims"}), _TR, "extract"),
    Stage("resolve", "corpus", "gundem.engine.corpus:resolve",
          frozenset({"entities"}), frozenset({"canonical_entities"}), None, "extract",
          per_batch=True),
    Stage("link", "corpus", "gundem.engine.corpus:link_stage",
          frozenset({"text", "published"}), frozenset({"events", "stories"}), None, "link"),
    Stage("index", "corpus", "gundem.engine.corpus:index_stage",
          frozenset({"text"}), frozenset({"search_index"})),
])  # fmt: skip


@dataclass(frozen=True)
class Pipeline:
    """The enabled stages of a registry, in order, checked by ``build_pipeline``."""

    stages: tuple[Stage, ...]
    skipped: frozenset[str] = field(default_factory=frozenset)

    @property
    def article_stages(self) -> tuple[Stage, ...]:
        return tuple(s for s in self.stages if s.scope == "article")

    def corpus_stages(self, per_batch: bool) -> tuple[Stage, ...]:
        return tuple(s for s in self.stages if s.scope == "corpus" and s.per_batch == per_batch)

    def __contains__(self, name: object) -> bool:
        return any(s.name == name for s in self.stages)

    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def load(self) -> None:
        """Import every per-article stage's module (a worker does it once, before its first
        document)."""
        for s in self.article_stages:
            s.load()


def parse_skip(value: str | Iterable[str] | None) -> frozenset[str]:
    """``"quotes, claims"`` (or an iterable of such strings) → ``{"quotes", "claims"}``."""
    if not value:
        return frozenset()
    parts = [value] if isinstance(value, str) else list(value)
    return frozenset(n.strip() for p in parts for n in p.split(",") if n.strip())


def build_pipeline(
    skip: Iterable[str] = (), registry: Registry | None = None,
    given: frozenset[str] = GIVEN,
) -> Pipeline:  # fmt: skip
    """The registry's stages less those named in ``skip`` (stage or group names), checked:
    each requirement must be assigned by an earlier enabled stage."""
    reg = STAGES if registry is None else registry
    skipped = _expand(parse_skip(skip), reg)
    enabled = tuple(s for s in reg if s.name not in skipped)
    _check(enabled, reg, skipped, given)
    return Pipeline(enabled, skipped)


def _expand(names: frozenset[str], reg: Registry) -> frozenset[str]:
    groups = reg.groups()
    unknown = sorted(n for n in names if n not in reg and n not in groups)
    if unknown:
        known = ", ".join([s.name for s in reg] + sorted(groups))
        raise PipelineError(f"unknown stage {', '.join(map(repr, unknown))} (stages: {known})")
    return frozenset(m for n in names for m in groups.get(n, [n]))


def _check(
    enabled: tuple[Stage, ...], reg: Registry, skipped: frozenset[str], given: frozenset[str]
) -> None:
    if not enabled or enabled[0].scope != "article":
        raise PipelineError("the first stage must make the article (is 'clean' skipped?)")
    # what is assigned so far, and by which stage (None: given with the raw document)
    provided: dict[str, Stage | None] = dict.fromkeys(given)
    for stage in enabled:
        for need in sorted(stage.requires):
            if need not in provided:
                raise PipelineError(_missing(stage, need, reg, skipped))
            by = provided[need]
            if stage.scope == "article" and by is not None and not _covers(by, stage):
                raise PipelineError(
                    f"stage {stage.name!r} serves {_langs(stage)} but requires {need!r}, which "
                    f"stage {by.name!r} assigns only for {_langs(by)}"
                )
        for out in stage.assigns:
            provided.setdefault(out, stage)


def _covers(provider: Stage, consumer: Stage) -> bool:
    if provider.languages is None:
        return True
    return consumer.languages is not None and consumer.languages <= provider.languages


def _langs(stage: Stage) -> str:
    return "every language" if stage.languages is None else ", ".join(sorted(stage.languages))


def _missing(stage: Stage, need: str, reg: Registry, skipped: frozenset[str]) -> str:
    head = f"stage {stage.name!r} requires {need!r}"
    names = [s.name for s in reg]
    for other in reg:
        if need in other.assigns:
            if other.name in skipped:
                why = "but it is skipped"
            elif names.index(other.name) > names.index(stage.name):
                why = "but it runs later"
            else:
                continue
            return f"{head}, which stage {other.name!r} assigns, {why}"
    return f"{head}, which no stage assigns"
