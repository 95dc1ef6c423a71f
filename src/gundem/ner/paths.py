"""Where the shipped model lives (inside the package, so it works from a wheel).

Training and evaluation data paths (the repository's news sets, ``../shared``) belong to
the training tools: ``gundem_tools.paths``.
"""

from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
MODEL_PATH = MODELS_DIR / "ner-tr.npz"  # the shipped (neural) model
CRF_MODEL_PATH = MODELS_DIR / "ner-tr.crfsuite"  # written only by `gundem train ner --family crf`
LEXICON_PATH = MODELS_DIR / "ner-tr.json"
