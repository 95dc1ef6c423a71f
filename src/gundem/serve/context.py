"""The API's access to the database: reads on read-only connections, writes through one writer.

DuckDB lets many processes read a file, or one process write it. So the API holds no
connection while it is idle: a burst of reads shares one read-only connection (a cursor per
request) that is closed ``IDLE_SECONDS`` after the last one, so other gundem commands can open
the file between requests; a write (``POST /api/ingest``) waits for the reads in flight, then
opens the file read-write for the write alone, under one lock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gundem.ask.llm import LLMConfig
from gundem.store.db import Store
from gundem.store.locks import (
    Connection,
    DatabaseBusy,
    DatabaseError,
    busy_message,
    connect,
    is_lock_error,
)
from gundem.store.search import SearchIndex

IDLE_SECONDS = 1.0
log = logging.getLogger("gundem.serve")


class Database:
    """Read-only connections for reads, one read-write connection at a time for writes."""

    def __init__(self, path: str, idle_seconds: float = IDLE_SECONDS) -> None:
        self.path = path
        self.idle_seconds = idle_seconds
        self._cond = threading.Condition()
        self._write_lock = threading.Lock()
        self._readers = 0
        self._writing = False
        self._base: Connection | None = None
        self._idle_since = 0.0  # monotonic time the last reader left
        self._closer: threading.Thread | None = None  # closes the idle connection

    def _connect(self, read_only: bool) -> Any:
        try:
            return connect(self.path, read_only=read_only)
        except DatabaseError as exc:
            if is_lock_error(exc):
                raise DatabaseBusy(busy_message(self.path, read_only)) from exc
            raise

    def ensure_schema(self) -> None:
        """Create (or bring up to date) the file once at start; a file another process holds
        is left as it is and read."""
        if self.path == ":memory:":
            return
        try:
            Store(self.path).close()
        except DatabaseError as exc:
            if not (is_lock_error(exc) and Path(self.path).exists()):
                raise

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only Store for one request."""
        with self._cond:
            while self._writing:
                self._cond.wait()
            if self._base is None:
                self._base = self._connect(read_only=True)
            self._readers += 1
            cur = self._base.cursor()
        try:
            yield Store.over(cur, self.path)
        finally:
            cur.close()
            self._release()

    def _release(self) -> None:
        with self._cond:
            self._readers -= 1
            if self._readers:
                return
            self._idle_since = time.monotonic()
            self._cond.notify_all()
            if self._closer is None and self._base is not None:
                # one thread per open connection, not one timer per request
                self._closer = threading.Thread(target=self._close_when_idle, daemon=True)
                self._closer.start()

    def _close_when_idle(self) -> None:
        """Close the read connection ``idle_seconds`` after the last reader left."""
        with self._cond:
            while self._base is not None:
                if self._readers:
                    self._cond.wait()
                    continue
                left = self._idle_since + self.idle_seconds - time.monotonic()
                if left <= 0:
                    self._close_base()
                    break
                self._cond.wait(left)
            self._closer = None

    def _close_base(self) -> None:
        if self._base is not None:
            self._base.close()
            self._base = None

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The one read-write Store, for one write; reads wait until it is closed."""
        with self._write_lock:
            with self._cond:
                self._writing = True
                while self._readers:
                    self._cond.wait()
                self._close_base()
            try:
                try:
                    store = Store(self.path)
                except DatabaseError as exc:
                    if is_lock_error(exc):
                        raise DatabaseBusy(
                            f"{Path(self.path).name} is open in another gundem "
                            "process; try the write again when it has finished"
                        ) from exc
                    raise
                try:
                    yield store
                finally:
                    store.close()
            finally:
                with self._cond:
                    self._writing = False
                    self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._close_base()
            self._cond.notify_all()  # the closer thread sees no connection and ends


class _WriteLock:
    """``with ctx.lock:`` makes ``ctx.store`` the one read-write Store for the block."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._cms: list[Any] = []

    def __enter__(self) -> _WriteLock:
        cm = self.ctx.db.writer()
        self.ctx._store = cm.__enter__()
        self._cms.append(cm)
        return self

    def __exit__(self, *exc: Any) -> None:
        cm = self._cms.pop()
        self.ctx._store = None
        cm.__exit__(*exc)


class Context:
    """What every route needs: the database, the search index, the API key, the LLM.

    Reads: ``with ctx.read() as store``. Writes: ``with ctx.lock:`` then ``ctx.store``."""

    def __init__(self, db_path: str, api_key: str | None, llm: LLMConfig | None = None) -> None:
        self.db_path = db_path
        self.api_key = api_key
        self.llm = llm
        self.db = Database(db_path)
        self.db.ensure_schema()
        self._store: Store | None = None  # set inside ``with self.lock``
        self.lock = _WriteLock(self)
        self.index = SearchIndex(db_path)
        with self.read() as store:
            self.index.update(store)

    @property
    def store(self) -> Store:
        """The read-write Store, inside ``with ctx.lock:`` only."""
        if self._store is None:
            raise RuntimeError("ctx.store is open only inside `with ctx.lock:`")
        return self._store

    def read(self) -> Any:
        return self.db.reader()

    def close(self) -> None:
        self.db.close()
