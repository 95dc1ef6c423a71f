from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import ARTICLE_TR, SEEDS


@pytest.fixture
def article_tr() -> str:
    return ARTICLE_TR


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS
