"""What routes share: the request's Context and the read-only Store of one request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from gundem.serve.context import Context
from gundem.store.db import Store


def context(request: Request) -> Context:
    return request.app.state.ctx


def reader(request: Request) -> Iterator[Store]:
    """A read-only Store for the request (closed when the response is ready)."""
    with context(request).read() as store:
        yield store


Ctx = Annotated[Context, Depends(context)]
ReadStore = Annotated[Store, Depends(reader)]
