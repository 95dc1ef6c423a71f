"""The generated corpus and the linking benchmarks run (small sizes)."""

from __future__ import annotations

import subprocess
import sys

from fixtures import BENCH, floor, load_bench


def _figures(out: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in out.strip().splitlines() if ": " in line)


def test_generator_is_deterministic_and_varied() -> None:
    from gundem_tools.gen.corpus import generate

    a = generate(420, seed=3)
    b = generate(420, seed=3)
    assert [x.id for x, _ in a] == [x.id for x, _ in b]
    assert len(a) >= 400
    events = {g.event for _, g in a}
    assert len(events) >= 50
    assert any(x.published is None for x, _ in a)
    assert any(g.duplicate_of for _, g in a)
    per_event = {}
    for x, g in a:
        per_event.setdefault(g.event, set()).add(x.outlet)
    assert min(len(v) for v in per_event.values()) >= 3
    # text-only mode keeps the texts and drops the upstream fields
    t = generate(60, seed=3, text_only=True)
    assert all(not x.entities and not x.quotes for x, _ in t)


def test_bcubed() -> None:
    bcubed = load_bench("events").bcubed

    assert bcubed({"a": "1", "b": "1"}, {"a": "x", "b": "x"})[2] == 1.0
    p, r, f = bcubed({"a": "1", "b": "2"}, {"a": "x", "b": "x"})
    assert p == 1.0 and r == 0.5


def test_events_bench_quality() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "events.py"), "--n", "200"],
        capture_output=True, text=True, check=True, timeout=240,
    ).stdout  # fmt: skip
    fig = _figures(out)
    assert float(fig["event_bcubed_f1"]) >= floor("events", "event_bcubed_f1")
    assert float(fig["story_bcubed_f1"]) >= floor("events", "story_bcubed_f1")


def test_link_scale_runs_small() -> None:
    out = subprocess.run(
        [sys.executable, str(BENCH / "link_scale.py"), "--n", "2000"],
        capture_output=True, text=True, check=True, timeout=240,
    ).stdout  # fmt: skip
    fig = _figures(out)
    assert int(fig["articles"]) >= 1900
    assert float(fig["peak_rss_mb"]) > 0
    assert "ms_per_article_at_2k" in fig
