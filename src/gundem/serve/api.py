"""The API's public names, kept where they were: the app lives in ``serve/app.py``, the
routes in ``serve/routers/``, the request guards in ``serve/limits.py``."""

from __future__ import annotations

from gundem.serve.app import WEB_DIR, create_app, serve
from gundem.serve.limits import (
    LOOPBACK_HOSTS,
    MAX_BODY,
    MAX_DOCS,
    MAX_LIMIT,
    MAX_OFFSET,
    MAX_SEARCH_OFFSET,
    BodyLimit,
    HostCheck,
    allowed_host_names,
    host_name,
)
from gundem.serve.models import AskIn, DocIn, IngestIn

__all__ = [
    "LOOPBACK_HOSTS", "MAX_BODY", "MAX_DOCS", "MAX_LIMIT", "MAX_OFFSET", "MAX_SEARCH_OFFSET",
    "WEB_DIR", "AskIn", "BodyLimit", "DocIn", "HostCheck", "IngestIn", "allowed_host_names",
    "create_app", "host_name", "serve",
]  # fmt: skip
