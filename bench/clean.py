"""Boilerplate cleaner benchmark: quality on the dev pages, speed on generated pages.

Quality: ../shared/data/boilerplate-dev (990 real pages with `with`/`without` snippets). A
snippet is judged right when a `with` snippet is in the output and a `without` snippet is not
(whitespace-normalized, case-sensitive containment). Three outputs are scored in the same run:
our clean_html, trafilatura.extract alone (default settings) and the flattened mode
(flatten_html then clean_text, no markup to lean on). The rules were tuned on this dev set; a
block model (src/gundem/models/clean_blocks.json, ``python -m gundem_tools.clean.train``) is
trained on generated pages only, never on this set. ``GUNDEM_CLEAN_MODEL=none|<file>`` picks
the model to score.

Speed: generated pages (template + varied Turkish/English prose + boilerplate), one process.

    python bench/clean.py                 # everything
    python bench/clean.py --quick         # 60 dev pages, 300 generated pages
    python bench/clean.py --limit 200 --pages 2000
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from pathlib import Path

import trafilatura

from gundem.clean.boilerplate import CleanResult, clean_text
from gundem.clean.html import clean_html, flatten_html

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "boilerplate-dev"


def _ws(s: str) -> str:
    return " ".join(s.split())


def output_of(r: CleanResult) -> str:
    """What a reader gets: the title line and the kept blocks."""
    return _ws("\n".join(([r.title] if r.title else []) + [b.text for b in r.paragraphs]))


def judge(output: str, labels: dict) -> tuple[int, int]:
    """(right, total) over a page's snippets."""
    right = sum(_ws(s) in output for s in labels["with"])
    right += sum(_ws(s) not in output for s in labels["without"])
    return right, len(labels["with"]) + len(labels["without"])


def load_pages(data: Path, limit: int | None) -> list[tuple[str, bytes, dict]]:
    labels = json.loads((data / "labels.json").read_text(encoding="utf-8"))
    pages = []
    for name in sorted(labels):
        path = data / "html" / (name + ".gz")
        if path.exists():
            pages.append((name, gzip.decompress(path.read_bytes()), labels[name]))
        if limit and len(pages) >= limit:
            break
    return pages


MODES = ("html", "trafilatura", "flattened")


def quality(
    pages: list[tuple[str, bytes, dict]], modes: tuple[str, ...] = MODES
) -> dict[str, float]:
    right = {m: [0, 0] for m in modes}  # even, odd
    total = [0, 0]
    t_ours = t_traf = 0.0
    for k, (_name, html, lab) in enumerate(pages):
        outs: dict[str, str] = {}
        if "html" in modes:
            t0 = time.perf_counter()
            outs["html"] = output_of(clean_html(html))
            t_ours += time.perf_counter() - t0
        if "trafilatura" in modes:
            t1 = time.perf_counter()
            outs["trafilatura"] = _ws(trafilatura.extract(html) or "")
            t_traf += time.perf_counter() - t1
        if "flattened" in modes:
            outs["flattened"] = output_of(clean_text(flatten_html(html)))
        for m in modes:
            r, t = judge(outs[m], lab)
            right[m][k % 2] += r
        total[k % 2] += t
    n = sum(total) or 1
    res = {f"{m}_score": sum(right[m]) / n for m in modes}
    for m in ("html", "flattened"):
        if m in modes:
            res[f"{m}_score_even"] = right[m][0] / (total[0] or 1)
            res[f"{m}_score_odd"] = right[m][1] / (total[1] or 1)
    res["snippets"] = float(n)
    if t_ours and t_traf:
        res["dev_clean_html_time_ratio_vs_trafilatura"] = t_ours / t_traf
    return res


_TR = [
    "Bakanlık yetkilileri, yeni düzenlemenin önümüzdeki ay yürürlüğe gireceğini açıkladı.",
    "Belediye meclisinde yapılan oylamada teklif oy çokluğuyla kabul edildi.",
    "Uzmanlar, kuraklığın tarım üretimini ciddi biçimde etkileyebileceği uyarısında bulundu.",
    "Toplantıya katılan heyet, iki ülke arasındaki ticaret hacminin artırılmasını ele aldı.",
    "Açıklamada, çalışmaların planlanan takvime uygun şekilde sürdüğü belirtildi.",
    "Vali, sel bölgesindeki yardım çalışmalarının aralıksız devam edeceğini söyledi.",
    "Rapor, geçen yıl ihracatın yüzde 12 oranında arttığını ortaya koydu.",
    "Öğrenciler ve veliler, yeni eğitim yılı öncesinde okul hazırlıklarını tamamladı.",
]
_EN = [
    "Officials said the new rules would take effect early next month after a review.",
    "The council approved the proposal by a narrow margin on Tuesday evening.",
    "Analysts warned that the drought could cut this year's harvest by a fifth.",
    "Delegates from both countries discussed ways to expand trade and investment.",
    "The statement said work on the bridge was continuing according to schedule.",
    "Rescue teams kept searching the flooded district through the night, the governor said.",
    "Exports rose by 12 percent last year, according to the annual report.",
    "Parents and pupils finished their preparations ahead of the new school year.",
]
_NOISE = [
    "Ana Sayfa",
    "Home",
    "Paylaş",
    "Share",
    "Reklam",
    "Advertisement",
    "Giriş Yap",
    "Log in",
    "Yorumlar (3)",
    "Comments",
    "İlgili Haberler",
    "Related Posts",
    "Beğendim",
    "0",
    "Bu siteyi kullanarak çerez politikamızı kabul etmiş olursunuz.",
    "We use cookies to improve your experience. Accept all",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
    "Tüm hakları saklıdır.",
    "All rights reserved.",
    "Bültenimize abone olun",
    "Newsletter",
]


_MENU_TR = "Gündem Ekonomi Dünya Spor Sağlık Teknoloji Kültür Sanat Yaşam Eğitim Magazin Yazarlar"
_MENU_EN = "News World Business Sport Health Science Technology Culture Travel Opinion Video"


def generate_page(rng: random.Random, k: int) -> tuple[str, str]:
    """(flattened text, html) of one synthetic news page: menu, article, teasers, footer."""
    pool = _TR if k % 2 == 0 else _EN
    menu = (_MENU_TR if k % 2 == 0 else _MENU_EN).split()
    title = f"{'Gündem' if k % 2 == 0 else 'News'} {k}: " + rng.choice(pool).rstrip(".")
    paras = [" ".join(rng.sample(pool, rng.randint(2, 5))) for _ in range(rng.randint(5, 12))]
    head = rng.sample(_NOISE, 5)
    teasers = [rng.choice(pool).rstrip(".") for _ in range(20)]
    tail = rng.sample(_NOISE, 6) + [f"{i}\n{rng.choice(pool)[:60]}" for i in range(1, 4)]
    mid = rng.choice(_NOISE[:8])
    body = paras[: len(paras) // 2] + [mid] + paras[len(paras) // 2 :]
    text = "\n\n".join(menu + head + [title] + body + teasers + tail + menu * 3)
    links = "".join(f"<li><a href='/{m.lower()}'>{m}</a></li>" for m in menu)
    html = (
        "<html><head><meta charset='utf-8'><title>" + title + "</title>"
        "<script>var x = {a: 1};</script><style>p {margin: 0}</style></head><body>"
        "<header><nav><ul>"
        + links
        + "</ul></nav><div class='top'>"
        + "".join(f"<span><a href='#'>{h}</a></span>" for h in head)
        + "</div></header><main><article><h1>"
        + title
        + "</h1>"
        + "".join(f"<p>{p}</p>" for p in body)
        + "</article><aside><h3>Related</h3><ul>"
        + "".join(
            f"<li><a href='/t{i}'><img src='/i{i}.jpg' alt=''>{t}</a><span>{k % 60} min</span></li>"
            for i, t in enumerate(teasers)
        )
        + "</ul></aside></main><footer>"
        + "".join(f"<div>{t}</div>" for t in tail)
        + ("<ul>" + links + "</ul>") * 3
        + "<script>"
        + "window.dataLayer.push({'event': 'view'});" * 20
        + "</script>"
        + "</footer></body></html>"
    )
    return text, html


def speed(n: int) -> dict[str, float]:
    """Single process; the three calls are interleaved page by page, so a busy machine slows
    them alike and the ratio stays fair."""
    rng = random.Random(7)
    pages = [generate_page(rng, k) for k in range(n)]
    t_text = t_traf = t_html = 0.0
    for text, html in pages:
        t0 = time.perf_counter()
        clean_text(text)
        t1 = time.perf_counter()
        trafilatura.extract(html)
        t2 = time.perf_counter()
        clean_html(html)
        t3 = time.perf_counter()
        t_text += t1 - t0
        t_traf += t2 - t1
        t_html += t3 - t2
    return {
        "speed_pages": float(n),
        "speed_page_html_bytes_mean": sum(len(h.encode()) for _, h in pages) / n,
        "clean_text_articles_per_s_per_core": n / t_text,
        "clean_html_articles_per_s_per_core": n / t_html,
        "trafilatura_articles_per_s_per_core": n / t_traf,
        "clean_html_time_ratio_vs_trafilatura": t_html / t_traf,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="score only the first N dev pages")
    ap.add_argument("--pages", type=int, default=5000, help="generated pages for the speed run")
    ap.add_argument("--quick", action="store_true", help="60 dev pages, 300 generated pages")
    ap.add_argument("--no-quality", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    a = ap.parse_args(argv)
    limit, n_gen = (a.limit or 60, min(a.pages, 300)) if a.quick else (a.limit, a.pages)
    figures: dict[str, float] = {}
    if not a.no_quality:
        if not (a.data / "labels.json").exists():
            print(f"error: no dev set at {a.data}", file=sys.stderr)
            return 2
        pages = load_pages(a.data, limit)
        figures["dev_pages"] = float(len(pages))
        figures.update(quality(pages))
        figures["flattened_gap_to_html"] = figures["html_score"] - figures["flattened_score"]
    if not a.no_speed:
        figures.update(speed(n_gen))
    for k, v in figures.items():
        print(f"{k}: {int(v) if v.is_integer() else round(v, 4)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
