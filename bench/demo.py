"""Events and stories on the bundled demo corpus, against its hand-made truth.json.

    python bench/demo.py

Runs the real pipeline (ingest, clean, extract, link) on the 27 demo pages into a
scratch DuckDB file and prints one figure per line: B-cubed precision/recall/F1 of
events and stories, and how many of each were found against how many there are.
The two pages in other languages count in the event they report.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events import bcubed  # noqa: E402

from gundem.cli import DEMO_INPUTS, demo_path  # noqa: E402
from gundem.engine.corpus import link  # noqa: E402
from gundem.engine.run import run  # noqa: E402
from gundem.store.db import Store  # noqa: E402


def gold_labels(truth: dict) -> tuple[dict[str, str], dict[str, str]]:
    """Demo file (``text/a1_x.txt``, ``feeds/articles.jsonl#1``) → gold event, story."""
    event = {f: ev for ev, files in truth["events"].items() for f in files}
    for f, info in truth["other_languages"].items():
        event[f] = info["reports_event"]
    story_of = {ev: st for st, evs in truth["stories"].items() for ev in evs}
    return event, {f: story_of[ev] for f, ev in event.items()}


def demo_file(source: str) -> str:
    return source.replace("\\", "/").rsplit("/demo/", 1)[-1]


def main() -> None:
    root = demo_path()
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    gold_event, gold_story = gold_labels(truth)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "demo.duckdb") as store:
        run([str(root / part) for part in DEMO_INPUTS], store, workers=1)
        link(store)
        rows = store.con.execute("SELECT source, event_id, story_id FROM articles").fetchall()
    pred_event = {demo_file(s): e for s, e, _ in rows if e}
    pred_story = {demo_file(s): st for s, _, st in rows if st}
    print(f"articles: {len(rows)}")
    for name, pred, gold in (("event", pred_event, gold_event), ("story", pred_story, gold_story)):
        plural = "events" if name == "event" else "stories"
        p, r, f = bcubed(pred, gold)
        print(f"{name}_bcubed_precision: {p:.3f}")
        print(f"{name}_bcubed_recall: {r:.3f}")
        print(f"{name}_bcubed_f1: {f:.3f}")
        print(f"gold_{plural}: {len(set(gold.values()))}")
        print(f"pred_{plural}: {len({pred[k] for k in gold if k in pred})}")


if __name__ == "__main__":
    main()
