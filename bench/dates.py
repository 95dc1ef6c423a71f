"""Publication dates from pages: right / wrong / none on the boilerplate-dev date half.

Data: ../shared/data/boilerplate-dev/dates-dev.json (364 pages keyed by file name, with the
page URL and the gold date; the pages are in html/). A page is right when the predicted
date's first 10 characters equal the gold date, wrong when another date is given, none when
no date is given. Three finders are scored in the same run: gundem (clean.dates.find_published
on the page's one parse, the date clean.page.to_article stores for a page without a supplied
date), htmldate.find_date (original_date=True, its default extensive search) and
trafilatura's metadata date (extract_metadata).

    python bench/dates.py              # all 364 pages
    python bench/dates.py --limit 60   # the first 60 (sorted by file name)
    python bench/dates.py --only gundem
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "boilerplate-dev"
FINDERS = ("gundem", "htmldate", "trafilatura")


def load(data: Path, limit: int | None) -> list[tuple[str, str, str, str]]:
    """(name, html, url, gold date) for each page with a gold date, sorted by name."""
    gold = json.loads((data / "dates-dev.json").read_text(encoding="utf-8"))
    pages = []
    for name in sorted(gold):
        path = data / "html" / name
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        pages.append((name, html, gold[name]["url"], gold[name]["date"]))
        if limit and len(pages) >= limit:
            break
    return pages


def gundem_date(html: str, url: str) -> str | None:
    """The date to_article stores for a page: one parse, then the date finder on its tree."""
    from gundem.clean.dates import find_published
    from gundem.clean.html import parse_html

    tree = parse_html(html)
    return find_published(tree, url) if tree is not None else None


def htmldate_date(html: str, url: str) -> str | None:
    from htmldate import find_date

    try:
        return find_date(html, url=url, original_date=True)
    except Exception:
        return None


def trafilatura_date(html: str, url: str) -> str | None:
    from trafilatura.metadata import extract_metadata

    try:
        meta = extract_metadata(html, default_url=url)
    except Exception:
        return None
    return meta.date if meta else None


def score(finder: Callable[[str, str], str | None], pages: list) -> dict[str, float]:
    right = wrong = 0
    misses: list[str] = []
    for name, html, url, gold in pages:
        got = finder(html, url)
        if not got:
            continue
        if got[:10] == gold:
            right += 1
        else:
            wrong += 1
            misses.append(f"{name} gold={gold} got={got}")
    n = len(pages) or 1
    return {
        "right": right / n,
        "wrong": wrong / n,
        "none": (len(pages) - right - wrong) / n,
        "misses": misses,  # type: ignore[dict-item]
    }


def measure(data: Path, limit: int | None = None, only: tuple[str, ...] = FINDERS) -> dict:
    pages = load(data, limit)
    finders = {"gundem": gundem_date, "htmldate": htmldate_date, "trafilatura": trafilatura_date}
    return {"pages": len(pages), **{k: score(finders[k], pages) for k in only}}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--only", choices=FINDERS, action="append")
    ap.add_argument("--misses", action="store_true", help="list the pages gundem got wrong")
    args = ap.parse_args(argv)
    if not (args.data / "dates-dev.json").is_file():
        sys.exit(f"no dates-dev.json under {args.data}")
    result = measure(args.data, args.limit, tuple(args.only or FINDERS))
    print(f"date_pages: {result['pages']}")
    for finder in FINDERS:
        if finder not in result:
            continue
        for key in ("right", "wrong", "none"):
            print(f"{finder}_date_{key}: {result[finder][key]:.3f}")
    if args.misses and "gundem" in result:
        for line in result["gundem"]["misses"]:
            print("miss", line)
    return result


if __name__ == "__main__":
    main()
