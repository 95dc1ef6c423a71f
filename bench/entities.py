"""Entity resolution on our own evaluation set (tests/data/entities_eval.json, issue 14).

Usage: python bench/entities.py [--verbose]
Each corpus is extracted and resolved article by article with one EntityResolver, then
checked: every gold entity is one corpus entity of its type group holding all its forms
(``joined``), with the gold mention count (``counts``); named pairs stay apart
(``distinct``); sentence words, slogans and titles are no entity (``spurious``); FETÖ and
ByLock are not persons. Prints one ``name: value`` per line.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from gundem.extract.entities import extract_entities
from gundem.extract.resolve import EntityResolver, normalize_name, type_group
from gundem.model import Article

EVAL = Path(__file__).resolve().parents[1] / "tests" / "data" / "entities_eval.json"
KINDS = ("joined", "counts", "distinct", "spurious")


def resolve_corpus(texts: list[str]) -> tuple[dict[str, dict], dict[str, set[str]]]:
    """(entity id → {group, mentions, aliases}, normalised form → ids) over the corpus;
    the surfaces as written are in ``aliases``."""
    r = EntityResolver()
    ents: dict[str, dict] = {}
    forms: dict[str, set[str]] = defaultdict(set)
    for i, text in enumerate(texts):
        art = r.resolve_article(extract_entities(Article(id=str(i), source="eval", text=text)))
        for e in art.entities:
            rec = ents.setdefault(
                e.id, {"group": type_group(e.type), "mentions": 0, "aliases": set()}
            )
            rec["mentions"] += len(e.mentions)
            rec["aliases"].update([*e.aliases, e.name])
            for a in [*e.aliases, e.name]:
                forms[normalize_name(a)].add(e.id)
    return ents, forms


def check_corpus(corpus: dict) -> list[tuple[str, bool, str]]:
    ents, forms = resolve_corpus(corpus["articles"])
    out: list[tuple[str, bool, str]] = []

    def ids_of(form: str, group: str | None = None) -> set[str]:
        ids = forms.get(normalize_name(form), set())
        return {i for i in ids if group is None or ents[i]["group"] == group}

    for g in corpus["entities"]:
        ids = set().union(*(ids_of(f, g["group"]) for f in g["forms"]))
        main = max(ids, key=lambda i: ents[i]["mentions"]) if ids else None
        ok = len(ids) == 1 and all(ids_of(f, g["group"]) == ids for f in g["forms"])
        out.append(("joined", ok, f"{g['forms']} → {[sorted(ents[i]['aliases']) for i in ids]}"))
        n = ents[main]["mentions"] if main else 0
        out.append(
            ("counts", ok and n == g["mentions"], f"{g['forms'][0]}: {n} vs {g['mentions']}")
        )
    for a, b in corpus.get("distinct", []):
        ok = not (ids_of(a) & ids_of(b)) and bool(ids_of(a)) and bool(ids_of(b))
        out.append(("distinct", ok, f"{a} / {b}"))

    def named(surface: str, group: str | None = None) -> bool:
        # as written: the slogan's "KİM" is not Kim Jong-un's alias "Kim"
        return any(
            surface in e["aliases"] and (group is None or e["group"] == group)
            for e in ents.values()
        )

    for w in corpus.get("not_entities", []):
        out.append(("spurious", not named(w), w))
    for w in corpus.get("not_person", []):
        out.append(("spurious", not named(w, "PERSON"), f"{w} as PERSON"))
    return out


def run(path: Path = EVAL, verbose: bool = False) -> dict[str, float]:
    data = json.loads(path.read_text(encoding="utf-8"))
    res: dict[str, list[bool]] = defaultdict(list)
    for corpus in data["corpora"]:
        for kind, ok, what in check_corpus(corpus):
            res[kind].append(ok)
            if verbose and not ok:
                print(f"  FAIL {corpus['name']} {kind}: {what}")
    scores = {k: sum(v) / len(v) for k, v in res.items()}
    scores["all"] = sum(sum(v) for v in res.values()) / sum(len(v) for v in res.values())
    scores["checks"] = float(sum(len(v) for v in res.values()))
    return scores


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    s = run(verbose=args.verbose)
    print(f"entities.checks: {int(s['checks'])}")
    for k in (*KINDS, "all"):
        print(f"entities.{k}: {s[k]:.4f}")


if __name__ == "__main__":
    main()
