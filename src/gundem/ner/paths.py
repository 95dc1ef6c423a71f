"""Where data and the shipped model live."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
MODEL_PATH = MODELS_DIR / "ner-tr.npz"  # the shipped (neural) model
CRF_MODEL_PATH = MODELS_DIR / "ner-tr.crfsuite"  # written only by `gundem train ner --family crf`
LEXICON_PATH = MODELS_DIR / "ner-tr.json"
NEWS_DATA_DIR = REPO_ROOT / "tests" / "data"


def shared_dir() -> Path:
    """``$GUNDEM_SHARED`` or ``<repo root>/../shared``."""
    env = os.environ.get("GUNDEM_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def wiki_ner_dir() -> Path:
    return shared_dir() / "data" / "turkish-wiki-ner"


def seeds_dir() -> Path:
    return shared_dir() / "seeds"
