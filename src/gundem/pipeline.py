"""The per-article pipeline: RawDoc → clean Article → extracted facts. Pure, no store.

``process`` runs the per-article stages of a ``Pipeline`` (``gundem.stages``: declared,
checked, switched off by name), each only for the languages it serves; a bug in a stage
becomes an ``internal`` error that names it (``quotes: KeyError: 'x'``).

Each document runs under a processing budget (``GUNDEM_DOC_SECONDS``, default 120 s;
``GUNDEM_DOC_MEMORY_MB``, default 2048 MB): a document that exceeds it becomes an
``IngestError`` of kind ``budget`` and the batch goes on. Time is enforced by a SIGALRM
timer on a process's main thread (inline runs and worker processes) and checked between
stages elsewhere (threads); memory by an address-space limit that only worker processes
set (``limit_worker_memory``), never the main process that holds the database.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from gundem.ingest.errors import IngestError, InputError
from gundem.model import Article, RawDoc
from gundem.stages import Pipeline, Stage, build_pipeline

DOC_SECONDS = 120.0
DOC_MEMORY_MB = 2048


class BudgetExceeded(BaseException):  # noqa: N818 - not an Exception: no stage may swallow it
    """A document ran past its time budget."""


class StageFailed(Exception):  # noqa: N818 - it carries the stage's own exception
    """A stage raised: the message names the stage (``quotes: KeyError: 'x'``)."""

    def __init__(self, stage: str, exc: BaseException) -> None:
        super().__init__(f"{stage}: {type(exc).__name__}: {exc}")
        self.stage = stage


def doc_seconds() -> float:
    """Time budget per document (``GUNDEM_DOC_SECONDS``; 0 or less: none)."""
    return _env_number("GUNDEM_DOC_SECONDS", DOC_SECONDS)


def doc_memory_mb() -> float:
    """Memory budget per document in worker processes (``GUNDEM_DOC_MEMORY_MB``; 0: none)."""
    return _env_number("GUNDEM_DOC_MEMORY_MB", DOC_MEMORY_MB)


def _env_number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


@lru_cache(maxsize=8)
def pipeline_for(skip: frozenset[str] = frozenset()) -> Pipeline:
    """The default registry's pipeline less ``skip`` (built and checked once)."""
    return build_pipeline(skip)


def extract_stages() -> None:
    """Import the extraction stages' modules (warm-up before timing)."""
    pipeline_for().load()


def extract(
    article: Article, deadline: float | None = None, pipeline: Pipeline | None = None
) -> Article:
    """Run the per-article stages after ``clean`` that serve the article's language; past
    ``deadline`` (a ``time.monotonic`` value) between two stages, raise ``BudgetExceeded``."""
    stages = (pipeline or pipeline_for()).article_stages[1:]
    for stage in stages:
        _check(deadline)
        article = _apply(stage, article)
    article.not_extracted = not_served(stages, article.language)
    return article


def not_served(stages: Iterable[Stage], language: str) -> str:
    """Why these stages did not run on an article in ``language``, "" when they all serve it:
    ``entities, quotes: they serve tr, not en``."""
    missed = [s for s in stages if not s.serves(language)]
    if not missed:
        return ""
    names = ", ".join(s.name for s in missed)
    served = sorted({lang for s in missed for lang in s.languages or ()})
    what = f"language {language}" if language else "language unknown (too little text)"
    return f"{names} not run: {what}; they serve {', '.join(served)}"


def _apply(stage: Stage, article: Article) -> Article:
    if not stage.serves(article.language):
        return article
    try:
        return stage.load()(article)
    except (InputError, MemoryError, StageFailed):
        raise
    except Exception as exc:  # noqa: BLE001 - named and reported by process
        raise StageFailed(stage.name, exc) from exc


def process(
    raw: RawDoc, repeated: frozenset[str] | None = None, pipeline: Pipeline | None = None,
    *, skip: Iterable[str] = (), with_extract: bool = True,
) -> Article | IngestError:  # fmt: skip
    """Run every per-article stage of ``pipeline`` (default: all, less ``skip``;
    ``with_extract=False`` is short for skipping the ``extract`` group); any failure becomes
    an IngestError naming the input, and for a bug, the stage (``internal: quotes: …``)."""
    if pipeline is None:
        pipeline = pipeline_for(frozenset(skip) | (frozenset() if with_extract else {"extract"}))
    seconds = doc_seconds()
    first = pipeline.article_stages[0]
    try:
        with _time_budget(seconds) as deadline:
            try:
                article = first.load()(raw, repeated)
            except (InputError, MemoryError):
                raise
            except Exception as exc:  # noqa: BLE001
                raise StageFailed(first.name, exc) from exc
            _check(deadline)
            return extract(article, deadline, pipeline)
    except BudgetExceeded:
        return IngestError(raw.source, "budget", f"processing took over {seconds:g} s")
    except MemoryError:
        return IngestError(
            raw.source, "budget", f"processing needed over {doc_memory_mb():g} MB of memory"
        )
    except InputError as exc:
        return IngestError(raw.source, exc.kind, exc.message)
    except StageFailed as exc:  # a bug on one page must not stop the batch
        return IngestError(raw.source, "internal", str(exc))
    except Exception as exc:  # noqa: BLE001 - outside every stage (the budget's timer…)
        return IngestError(raw.source, "internal", f"{type(exc).__name__}: {exc}")


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise BudgetExceeded


_armed = threading.Event()  # set while a document's timer runs: a late alarm is ignored


def _on_alarm(signum: int, frame: object) -> None:
    if _armed.is_set():
        raise BudgetExceeded


@contextmanager
def _time_budget(seconds: float) -> Iterator[float | None]:
    """Yield the deadline. On a main thread a timer interrupts the document at once;
    elsewhere the stages check the deadline between them. A timer that was already
    armed (a test runner's) is put back, less the time spent."""
    if seconds <= 0:
        yield None
        return
    start = time.monotonic()
    deadline = start + seconds
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield deadline
        return
    old_handler = signal.signal(signal.SIGALRM, _on_alarm)
    _armed.set()
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        _armed.clear()
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_delay:
            left = old_delay - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3), old_interval)


def limit_worker_memory() -> bool:
    """In a worker process, cap the data segment at what it uses now plus the per-document
    budget: an allocation past it raises MemoryError, reported as ``budget``. Refused in
    the main process (it holds the database) and where the limit cannot be set."""
    mb = doc_memory_mb()
    if mb <= 0 or multiprocessing.parent_process() is None:
        return False
    try:
        limit = _data_bytes() + int(mb * 2**20)
        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (OSError, ValueError):
        return False
    return True


def _data_bytes() -> int:
    """This process's data segment now (VmData), the size RLIMIT_DATA counts."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmData in /proc/self/status")
