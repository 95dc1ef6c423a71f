from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
DATA = Path(__file__).resolve().parent / "data"

ARTICLE_TR = """Ana Sayfa > Gündem > Ekonomi

Karadeniz’de yeni liman projesi için imzalar atıldı

Paylaş
Reklam Alanı

Ulaştırma Bakanlığı, Samsun’da yapılacak yeni konteyner limanı için dün Ankara’da bir anlaşma imzaladığını duyurdu. Projenin yaklaşık 4 milyar liraya mal olması bekleniyor.

Bakan Ayşe Yıldırım törende yaptığı konuşmada, “Bu liman Karadeniz’in ticaretini büyütecek, bölgede binlerce kişiye iş sağlayacak” dedi.

Uzmanlar, limanın 2028 yılında tamamlanmasının planlandığını belirtti. Çalışmaların önümüzdeki ay başlaması öngörülüyor.

Yorum Yap
E-posta adresiniz yayınlanmayacak.
"""


@pytest.fixture
def article_tr() -> str:
    return ARTICLE_TR


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


def load_bench(name: str):
    """Import bench/NAME.py as a module, so a test can run a benchmark's main()."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
