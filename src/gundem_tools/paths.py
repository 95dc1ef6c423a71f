"""Where the training and evaluation data live: a source checkout, never the runtime package.

The news NER sets are the repository's ``tests/data``; the Turkish Wiki NER set and the seed
pages are in ``$GUNDEM_SHARED`` or ``<repo root>/../shared``.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
NEWS_DATA_DIR = REPO_ROOT / "tests" / "data"


def shared_dir() -> Path:
    """``$GUNDEM_SHARED`` or ``<repo root>/../shared``."""
    env = os.environ.get("GUNDEM_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def wiki_ner_dir() -> Path:
    return shared_dir() / "data" / "turkish-wiki-ner"


def seeds_dir() -> Path:
    return shared_dir() / "seeds"
