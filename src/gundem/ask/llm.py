"""Optional LLM phrasing over cited facts (OpenAI-compatible /chat/completions via httpx).

Never the default. The model sees only the numbered cited sentences and must end every
sentence with [n] markers; sentences without a valid marker are dropped, and when
nothing valid comes back the fact-built answer is kept.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from gundem.ask.answer import Answer

_MARK = re.compile(r"\[(\d+)\]")
_MARK_GAP = re.compile(r"\s*\[\d+\]")  # a marker and the space before it


@dataclass
class LLMConfig:
    base_url: str  # e.g. http://127.0.0.1:8080/v1
    model: str = "default"
    api_key: str | None = None
    timeout: float = 30.0

    @classmethod
    def from_env(cls, url: str | None = None) -> LLMConfig | None:
        """``url`` or GUNDEM_LLM_URL, with GUNDEM_LLM_MODEL and GUNDEM_LLM_KEY; None
        when no endpoint is given (the default: answers are built from facts only)."""
        url = url or os.environ.get("GUNDEM_LLM_URL")
        if not url:
            return None
        return cls(
            url, os.environ.get("GUNDEM_LLM_MODEL", "default"), os.environ.get("GUNDEM_LLM_KEY")
        )


def _prompt(ans: Answer, sources: list[dict[str, Any]]) -> list[dict[str, str]]:
    lines = [f"[{i + 1}] {c['sentence']}" for i, c in enumerate(sources)]
    facts = "\n".join(f"- {s['text']}" for s in ans.text_sentences)
    return [
        {"role": "system", "content": (
            "Türkçe haber derleminden soru yanıtlıyorsun. Yalnızca verilen kaynak cümleleri "
            "kullan, yeni bilgi ekleme. Her cümlenin sonuna dayandığı kaynakları [n] olarak yaz.")},
        {"role": "user", "content": f"Soru: {ans.question}\n\nBulgular:\n{facts}\n\nKaynaklar:\n"
                                    + "\n".join(lines)},
    ]  # fmt: skip


def rephrase(ans: Answer, cfg: LLMConfig) -> Answer:
    import httpx

    if not ans.found:
        return ans
    sources: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for c in ans.citations():
        k = (c["article_id"], c["sentence"])
        if k not in seen:
            seen.add(k)
            sources.append(c)
    headers = {"Authorization": f"Bearer {cfg.api_key}"} if cfg.api_key else {}
    try:
        r = httpx.post(
            cfg.base_url.rstrip("/") + "/chat/completions",
            json={"model": cfg.model, "messages": _prompt(ans, sources), "temperature": 0},
            headers=headers, timeout=cfg.timeout,
        )  # fmt: skip
        r.raise_for_status()
        content = r.json()["choices"][0]["message"]["content"]
    except Exception:
        return ans
    out = []
    for sent in re.split(r"(?<=[.!?])\s+|\n+", content.strip()):
        marks = [int(m) for m in _MARK.findall(sent)]
        cites = [sources[m - 1] for m in dict.fromkeys(marks) if 1 <= m <= len(sources)]
        text = _MARK_GAP.sub("", sent).strip()
        if text and cites:
            out.append({"text": text, "citations": cites})
    if not out:
        return ans
    return Answer(out, ans.kind, True, ans.question)
