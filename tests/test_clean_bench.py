"""The cleaner's quality floors on the boilerplate-dev pages (bench/clean.py)."""

from __future__ import annotations

import pytest
from fixtures import REPO, floor, load_bench

DEV = REPO.parent / "shared" / "data" / "boilerplate-dev"


@pytest.mark.timeout(600)
def test_clean_bench_holds_its_floors() -> None:
    if not (DEV / "labels.json").is_file():
        pytest.skip("../shared/data/boilerplate-dev is not present")
    bench = load_bench("clean")
    result = bench.quality(bench.load_pages(DEV, None), modes=("html", "flattened"))
    assert result["html_score"] >= floor("clean", "html_score")
    assert result["flattened_score"] >= floor("clean", "flattened_score")
