"""Block cleaner on the real seed pages (../shared/seeds); skipped where they are absent.

The seed texts are not ours: assertions use counts, single words and text read from the
seed file at run time, never sentences copied here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gundem.clean.boilerplate import CleanResult, clean_text


def _seed_dir() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        cand = parent / "shared" / "seeds"
        if cand.is_dir():
            return cand
    return None


SEEDS = _seed_dir()
pytestmark = pytest.mark.skipif(SEEDS is None, reason="../shared/seeds not present")


def _load(prefix: str) -> tuple[list[str], CleanResult]:
    assert SEEDS is not None
    path = next(SEEDS.glob(prefix + "_*.txt"))
    text = path.read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines, clean_text(text)


def _kinds(r: CleanResult) -> dict[str, int]:
    out: dict[str, int] = {}
    for b in r.paragraphs:
        out[b.kind] = out.get(b.kind, 0) + 1
    return out


def _out(r: CleanResult) -> str:
    return "\n".join([r.title] + [b.text for b in r.paragraphs])


def _common(lines: list[str], r: CleanResult) -> None:
    # kept blocks are whole lines of the page, the title is not repeated in the body
    for b in r.paragraphs:
        assert b.text in lines or any(ln.endswith(b.text) for ln in lines)
        assert b.text != r.title
    assert all(b.reason for b in r.removed)
    assert "date 20" not in _out(r)


def test_seed_000() -> None:
    lines, r = _load("000")
    _common(lines, r)
    assert r.title == lines[1]
    assert _kinds(r) == {"p": 7}
    assert "Ana Sayfa" not in _out(r)
    assert {b.reason for b in r.removed} == {"breadcrumb"}


def test_seed_001() -> None:
    lines, r = _load("001")
    _common(lines, r)
    assert r.title == ""
    assert _kinds(r) == {"p": 5, "heading": 2}
    assert r.paragraphs[0].text == lines[0]
    out = _out(r)
    for word in ("Leicestershire", "Dronlar", "Nakit", "Hayvan"):
        assert word not in out
    assert sum(b.reason == "list" for b in r.removed) == 10


def test_seed_002() -> None:
    lines, r = _load("002")
    _common(lines, r)
    assert r.title and r.title in lines and not re.match(r"\d+\.", r.title)
    kinds = _kinds(r)
    assert kinds.get("heading", 0) + kinds.get("quote", 0) == 3
    assert kinds["p"] == 15
    out = _out(r)
    for marker in (
        "Reklam",
        "Paylaş",
        "kopyala",
        "featured",
        "Beğendim",
        "be_endim",
        "Sevdim",
        "Pellentesque",
        "Sorumluluk",
        "E-posta",
        "Giriş Yap",
        "giriş yapın",
        "Sohbet",
        "Haberler",
    ):
        assert marker not in out, marker
    reasons = {b.reason for b in r.removed}
    assert {"breadcrumb", "share", "ad", "reactions", "disclaimer", "lorem", "login"} <= reasons
    assert reasons & {"comments", "chat"}
    # the quote interrupted by the ad slot stays one run of kept paragraphs
    kept_idx = [b.index for b in r.paragraphs]
    ads = [b.index for b in r.removed if b.reason == "ad" and kept_idx[0] < b.index < kept_idx[-1]]
    assert len(ads) == 1
    k = kept_idx.index(ads[0] - 1)
    assert kept_idx[k + 1] == ads[0] + 1
    assert r.paragraphs[k + 1].text.endswith("”") and r.paragraphs[k + 1].kind == "p"


def test_seed_003() -> None:
    lines, r = _load("003")
    _common(lines, r)
    assert r.title == re.sub(r"^date \d{4}-\d{2}-\d{2}\s*", "", lines[0])
    kinds = _kinds(r)
    assert kinds["p"] == 6
    assert kinds.get("heading", 0) + kinds.get("quote", 0) == 2
    assert r.dateline == "PEKİN"
    assert r.paragraphs[-1].text == lines[-1]


def test_seed_004() -> None:
    lines, r = _load("004")
    _common(lines, r)
    assert r.title == lines[0]
    assert r.paragraphs[0].kind == "heading" and r.paragraphs[0].text == lines[1]
    assert _kinds(r) == {"p": 6, "heading": 2}
    out = _out(r)
    for word in ("Related Posts", "Liberya", "TİHEK", "Hintli", "Öcalan", "yanardağ"):
        assert word not in out
    cut = lines.index("Related Posts")
    assert len(r.removed) == len(lines) - cut
