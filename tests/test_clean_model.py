"""The cleaner's block model: trained only on pages we generate, loadable, switchable off."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from gundem.clean import boilerplate as B
from gundem.clean.html import flatten_html
from gundem_tools.clean.pagegen import page
from gundem_tools.clean.train import label_of
from gundem_tools.clean.train import main as train_main

MODEL = Path(B.__file__).resolve().parents[1] / "models" / "clean_blocks.json"
EVAL_SETS = ("boilerplate-dev", "trnews-events-dev", "bitezat-dev")


def test_shipped_model_is_not_trained_on_an_evaluation_set() -> None:
    if not MODEL.exists():  # rules only: the generated-page model was not better yet
        assert B._model() is None
        return
    m = json.loads(MODEL.read_text(encoding="utf-8"))
    assert "pagegen" in m["trained_on"]
    assert not any(name in m["trained_on"] for name in EVAL_SETS)
    assert m["features"] == B.FEATURE_NAMES


def test_generated_pages_label_their_blocks() -> None:
    rng = random.Random(5)
    langs, covered, total = set(), 0, 0
    for _ in range(40):
        html, labels = page(rng)
        langs.add(html.split("lang='")[1][:2])
        for block in flatten_html(html).split("\n\n"):
            total += 1
            covered += label_of(block, labels)[1] > 0 or block in labels
        assert any(lab == (1.0, 1.0) for lab in labels.values())  # an article
        assert any(lab == (0.0, 1.0) for lab in labels.values())  # and boilerplate
    assert {"tr", "en", "de"} <= langs
    assert covered / total > 0.8
    assert page(random.Random(1)) == page(random.Random(1))


def test_model_env_switch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GUNDEM_CLEAN_MODEL", "none")
    B._model.cache_clear()
    assert B._model() is None
    out = tmp_path / "m.json"
    assert train_main(["--pages", "20", "--threshold", "0", "--out", str(out)]) == 0
    monkeypatch.setenv("GUNDEM_CLEAN_MODEL", str(out))
    B._model.cache_clear()
    model = B._model()
    assert model is not None and len(model.w1) == len(B.FEATURE_NAMES)
    text = (
        "Ana Sayfa\n\nGündem\n\n" + "Belediye meclisi yeni bütçeyi oy çokluğuyla kabul etti. " * 4
    )
    assert "bütçeyi" in B.clean_text(text).text
    monkeypatch.delenv("GUNDEM_CLEAN_MODEL")
    B._model.cache_clear()
    assert (B._model() is not None) == MODEL.exists()
