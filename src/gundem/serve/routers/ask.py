"""GET and POST /api/ask: an answer from stored facts, every sentence cited."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from gundem.serve.context import Context
from gundem.serve.models import AnswerOut, AskIn
from gundem.serve.routers._deps import Ctx

router = APIRouter(tags=["ask"])


def _ask(ctx: Context, question: str) -> dict[str, Any]:
    from gundem.ask import answer

    with ctx.read() as store:
        ans = answer(store, ctx.index, question)
    if ctx.llm is not None:  # slow: outside the read, other requests and writers go on
        from gundem.ask.llm import rephrase

        ans = rephrase(ans, ctx.llm)
    return ans.to_dict()


@router.get("/api/ask", response_model=AnswerOut)
def ask_get(ctx: Ctx, q: str = Query(..., min_length=2, max_length=500)) -> dict[str, Any]:
    return _ask(ctx, q)


@router.post("/api/ask", response_model=AnswerOut)
def ask_post(ctx: Ctx, body: AskIn) -> dict[str, Any]:
    return _ask(ctx, body.question)
