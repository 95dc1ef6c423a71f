"""Per-article pipeline time against article length: is any stage quadratic?

Run: ``python bench/paragraphs.py [--sizes 1000,4000,16000]``. Prints one figure per line:
the time of ``clean_text`` + ``extract`` (entities, quotes, claims, times) on one generated
page of N ordinary Turkish news paragraphs (quotes, figures, dates, names), then the ratio
of the largest size to the smallest (linear: about 16 for 16k/1k; the target is ≤ 20).

``--memory``: peak memory (RSS, models included) and time of ``pipeline.process`` in a
fresh process on a 5.4 MB one-line text and on a 4 MB HTML page of 24k paragraphs, with
the time budget off. ``page(n)`` and ``html_page(n)`` are the generators; the tests use
them too.
"""

from __future__ import annotations

import argparse
import html
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # per core, as the engine's workers run

_PEOPLE = [
    ("Ahmet", "Yıldırım", "Ulaştırma Bakanı"),
    ("Elif", "Kaya", "Belediye Başkanı"),
    ("Mehmet", "Demirtaş", "Vali"),
    ("Zeynep", "Arslan", "Genel Müdür"),
    ("Mustafa", "Çelik", "Sağlık Bakanı"),
    ("Ayşe", "Korkmaz", "Dernek Başkanı"),
    ("Hasan", "Öztürk", "Kaymakam"),
    ("Fatma", "Şahin", "Rektör"),
]
_CITIES = ["Konya", "Samsun", "Erzurum", "Trabzon", "Eskişehir", "Malatya", "Aydın", "Sivas"]
_MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos"]
# Three syllables name a neighbourhood per paragraph group, so that no two paragraphs are
# the same text (the cleaner drops a block repeated within a page, digits aside).
_SYL = [
    [
        "Kara",
        "Ak",
        "Yeşil",
        "Çam",
        "Gül",
        "Bağ",
        "Dere",
        "Tepe",
        "Gök",
        "Su",
        "Taş",
        "Kum",
        "Er",
        "Ay",
        "Sarı",
        "Kızıl",
        "Ala",
        "Bey",
        "Orta",
        "Yaz",
    ],
    [
        "ça",
        "pı",
        "o",
        "de",
        "yur",
        "ken",
        "kö",
        "te",
        "ya",
        "ba",
        "a",
        "sö",
        "ka",
        "ö",
        "bü",
        "ob",
        "çı",
        "gö",
        "yü",
        "ha",
    ],
    [
        "lı",
        "nar",
        "va",
        "re",
        "t",
        "t",
        "y",
        "pe",
        "ka",
        "ğ",
        "lan",
        "ğüt",
        "ya",
        "ren",
        "k",
        "a",
        "nar",
        "l",
        "zı",
        "n",
    ],
]
_TEMPLATES = [
    "{place} Mahallesi’nde {first} {last} ile görüşen vatandaşlar taleplerini iletti.",
    "{role} {first} {last}, {city} ilinde yapılan törende konuştu. “Bu yıl {n} bin kişiye "
    "yeni iş imkânı sağlayacağız, yatırımlar sürecek,” dedi.",
    "{city} ilinde {day} {month} tarihinde başlayan çalışmalarda yaklaşık {n} araç ve {m} "
    "personel görev aldı. Yetkililer, çalışmaların iki hafta süreceğini açıkladı.",
    "{last}, bütçenin yüzde {p} oranında artırıldığını belirtti. Kurumun verilerine göre "
    "geçen yıl {n} milyon lira harcandı.",
    "Açıklamada {city} için {m} yeni okul yapılacağı ve {n} öğretmenin atanacağı "
    "bildirildi. “Hiçbir çocuğumuz eğitimden geri kalmayacak” ifadelerini kullanan "
    "{first} {last}, desteğin artacağını söyledi.",
    "{city} Ticaret Odası’nın raporuna göre ihracat {n} milyon dolara ulaştı. Oda "
    "Başkanı {first} {last}, “Rakamlar sevindirici ama yeterli değil” diye konuştu.",
    "Toplantıya {m} ilçeden {n} temsilci katıldı. Katılımcılar, {day} {month} günü "
    "yeniden bir araya gelme kararı aldı.",
]


def _place(k: int) -> str:
    a, b, c = _SYL
    return a[k % 20] + b[(k // 20) % 20] + c[(k // 400) % 20]


def paragraph(i: int) -> str:
    """The i-th generated paragraph (deterministic): a lead-in naming a neighbourhood,
    then one of the templates."""
    first, last, role = _PEOPLE[i % len(_PEOPLE)]
    lead, *rest = _TEMPLATES
    k = i // len(rest)
    return (
        lead.format(place=_place(k), first=_PEOPLE[k % 8][0], last=_PEOPLE[k % 8][1])
        + " "
        + rest[i % len(rest)].format(
            first=first,
            last=last,
            role=role,
            city=_CITIES[(i // 3) % len(_CITIES)],
            n=12 + (i * 7) % 880,
            m=3 + (i * 13) % 90,
            p=2 + i % 40,
            day=1 + i % 28,
            month=_MONTHS[(i // 5) % len(_MONTHS)],
        )
    )


def page(n: int) -> str:
    """Flattened page text: a headline, then ``n`` paragraphs separated by blank lines."""
    head = "Bölgede yatırımlar hız kazandı"
    return "\n\n".join([head, *(paragraph(i) for i in range(n))]) + "\n"


def html_page(n: int) -> str:
    """The same article as an HTML page (``n`` paragraphs inside one <article>)."""
    body = "\n".join(f"<p>{html.escape(paragraph(i))}</p>" for i in range(n))
    return (
        "<!doctype html><html lang=tr><head><meta charset=utf-8><title>Bölgede yatırımlar "
        f"hız kazandı</title></head><body><article><h1>Bölgede yatırımlar hız kazandı</h1>"
        f"{body}</article></body></html>"
    )


def pipeline_seconds(n: int) -> float:
    """Wall time of clean_text + extract on ``page(n)`` (models loaded beforehand)."""
    from gundem.clean.boilerplate import clean_text
    from gundem.model import Article
    from gundem.pipeline import extract, extract_stages

    extract_stages()
    text = page(n)
    t0 = time.perf_counter()
    result = clean_text(text)
    art = Article(id="bench", source="bench", text=result.text, language="tr")
    extract(art)
    return time.perf_counter() - t0


def one_line_text(n_chars: int) -> str:
    """Ordinary words and figures on one line without a sentence end."""
    words = (
        "kuraklık nedeniyle barajlardaki su seviyesi yüzde 31 düştü ve Konya ovasında "
        "çiftçiler 12 bin yeni kuyu açılmasını istedi"
    ).split()
    out, size, i = [], 0, 0
    while size < n_chars:
        out.append(words[i % len(words)])
        size += len(out[-1]) + 1
        i += 1
    return " ".join(out)


def _measure(kind: str) -> tuple[float, float, float, str]:
    """(baseline MB after loading the models, peak MB, seconds, result) in this process."""
    import resource

    from gundem.model import RawDoc
    from gundem.pipeline import extract_stages, process

    extract_stages()
    process(RawDoc("warm.txt", "Ankara’da bugün toplantı yapıldı.\n".encode(), {"format": "text"}))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if kind == "text":
        raw = RawDoc("tek-satir.txt", one_line_text(5_400_000).encode(), {"format": "text"})
    else:
        raw = RawDoc("uzun.html", html_page(24_000).encode(), {"format": "html"})
    t0 = time.perf_counter()
    out = process(raw)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    what = f"{len(out.text):,} chars kept" if hasattr(out, "text") else out.line()
    return base, peak, seconds, f"{len(raw.data) / 1e6:.1f} MB in, {what}"


def memory() -> None:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    os.environ["GUNDEM_DOC_SECONDS"] = "0"  # measure the whole document
    for kind in ("text", "html"):
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
            base, peak, seconds, what = pool.submit(_measure, kind).result()
        print(f"{kind}_peak_rss_mb {peak:.0f}")
        print(f"{kind}_peak_over_loaded_models_mb {peak - base:.0f}")
        print(f"{kind}_seconds {seconds:.1f}  # {what}")


def main(sizes: list[int]) -> dict[str, float]:
    pipeline_seconds(50)  # warm the models and caches
    out: dict[str, float] = {}
    for n in sizes:
        out[f"seconds_{n}"] = pipeline_seconds(n)
        print(f"pipeline_seconds_{n // 1000}k_paragraphs {out[f'seconds_{n}']:.2f}")
    out["ratio"] = out[f"seconds_{sizes[-1]}"] / out[f"seconds_{sizes[0]}"]
    print(f"ratio_{sizes[-1] // 1000}k_to_{sizes[0] // 1000}k {out['ratio']:.1f}")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,4000,16000")
    ap.add_argument("--memory", action="store_true", help="peak memory of two large documents")
    args = ap.parse_args()
    if args.memory:
        memory()
    else:
        main([int(s) for s in args.sizes.split(",")])
