"""Entities on the seed articles (skipped when ../shared/seeds is absent).

Asserts only names and counts; no seed text is copied here.
"""

import re
from pathlib import Path

import pytest

from gundem.extract.entities import extract_entities
from gundem.extract.resolve import EntityResolver
from gundem.model import Article

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

pytestmark = [
    pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds"),
]

EXPECTED = ["Vladimir Putin", "Kim Jong-un", "Andrey Belousov", "No Kwang-chol", "Ri Hi Yong"]


def _body(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", raw)
    try:
        from gundem.clean.boilerplate import clean_text
    except ImportError:
        clean_text = None
    if clean_text is not None:
        text = clean_text(raw).text
        if text.strip():
            return text
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", raw) if p.strip()]
    return "\n\n".join(paras)


def _norm(s: str) -> str:
    return re.sub(r"[\s-]+", " ", s).casefold()


@pytest.fixture(scope="module")
def articles():
    out = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = _body(p)
        out.append((text, extract_entities(Article(id=p.stem, source=str(p), text=text))))
    return out


def test_expected_persons_found(articles):
    for text, art in articles:
        persons = {
            _norm(a) for e in art.entities if e.type == "PERSON" for a in [e.name, *e.aliases]
        }
        for name in EXPECTED:
            variants = {_norm(name)}
            if name == "Kim Jong-un":
                variants.add(_norm("Kim Jong Un"))
            if _norm(name) in _norm(text) or (
                variants - {_norm(name)} and any(v in _norm(text) for v in variants)
            ):
                assert variants & persons, (name, sorted(persons))


def test_spans_in_text(articles):
    for text, art in articles:
        for e in art.entities:
            for s, t in e.mentions:
                assert 0 <= s < t <= len(text)


def test_kim_spellings_one_canonical_entity(articles):
    r = EntityResolver()
    ids = set()
    spellings = set()
    for _, art in articles:
        r.resolve_article(art)
        for e in art.entities:
            for a in e.aliases:
                if _norm(a) == _norm("Kim Jong-un"):
                    ids.add(e.id)
                    spellings.add(a)
    assert len(ids) == 1, ids
    assert len(spellings) >= 1


def test_pyongyang_spellings_one_id(articles):
    r = EntityResolver()
    ids = {}
    for _, art in articles:
        r.resolve_article(art)
        for e in art.entities:
            for a in e.aliases:
                if a in ("Pyongyang", "Pyongyan"):
                    ids.setdefault(a, set()).add(e.id)
    if len(ids) == 2:  # both spellings occur
        assert ids["Pyongyang"] == ids["Pyongyan"]
