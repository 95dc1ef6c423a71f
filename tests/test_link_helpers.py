"""Small article builders for the link tests (texts written for the tests)."""

from __future__ import annotations

from gundem.model import Article, Claim, Entity, Quote, TimeRef, alias_spans, content_id


def make(
    title: str,
    text: str,
    published: str | None = None,
    outlet: str = "Test Haber",
    entities: list[tuple[str, str, list[str]]] | None = None,
    quotes: list[tuple[str, str]] | None = None,
    claims: list[Claim] | None = None,
    times: list[tuple[str, str]] | None = None,
) -> Article:
    a = Article(
        id=content_id(outlet + title + text, "test:"), source=f"test://{outlet}",
        text=text, title=title, outlet=outlet, published=published,
        published_from="header" if published else None, language="tr",
    )  # fmt: skip
    for name, typ, aliases in entities or []:
        al = [name, *aliases]
        m = alias_spans(text, al)
        if m:
            a.entities.append(Entity(name, typ, al, m, content_id(f"{typ}:{name}")))
    for speaker, q in quotes or []:
        a.quotes.append(Quote(speaker, q, "direct", "dedi"))
    a.claims = list(claims or [])
    for t, v in times or []:
        a.times.append(TimeRef(t, v, "day" if len(v) == 10 else "month"))
    return a


PUTIN = ("Vladimir Putin", "PERSON", ["Putin"])
KIM = ("Kim Jong-un", "PERSON", ["Kim Jong Un", "Kim"])
XI = ("Şi Cinping", "PERSON", ["Şi"])
RUSYA = ("Rusya", "GPE", [])
KK = ("Kuzey Kore", "GPE", [])
CIN = ("Çin", "GPE", [])
PEKIN = ("Pekin", "GPE", [])
MOSKOVA = ("Moskova", "GPE", [])
PYONGYANG = ("Pyongyang", "GPE", ["Pyongyan"])
ERDOGAN = ("Recep Tayyip Erdoğan", "PERSON", ["Erdoğan"])
ALIYEV = ("İlham Aliyev", "PERSON", ["Aliyev"])
TURKIYE = ("Türkiye", "GPE", [])
AZ = ("Azerbaycan", "GPE", [])
BAKU = ("Bakü", "GPE", [])
ANKARA = ("Ankara", "GPE", [])
ENTS = [PUTIN, KIM, XI, RUSYA, KK, CIN, PEKIN, MOSKOVA, PYONGYANG, ERDOGAN, ALIYEV, TURKIYE,
        AZ, BAKU, ANKARA]  # fmt: skip


def auto(title: str, text: str, published: str | None, outlet: str, **kw) -> Article:
    """An article with every known test entity it mentions."""
    return make(title, text, published, outlet, entities=ENTS, **kw)


def beijing(outlet: str, published: str | None, variant: int) -> Article:
    texts = [
        (
            "Putin ile Kim Pekin'de bir araya geldi",
            "Rusya Devlet Başkanı Vladimir Putin ve Kuzey Kore lideri Kim Jong-un, "
            "Pekin'de, Çin'in başkentinde görüştü. Görüşmede askeri işbirliği ve savunma ortaklığı ele "
            "alındı.\n\nPutin, \"Ortaklığımız her alanda güçleniyor\" dedi. Kim de "
            "\"Rus halkının yanında durmaya devam edeceğiz\" ifadesini kullandı.",
            [("Vladimir Putin", "Ortaklığımız her alanda güçleniyor"),
             ("Kim Jong-un", "Rus halkının yanında durmaya devam edeceğiz")],
        ),
        (
            "Pekin'de Rusya-Kuzey Kore zirvesi",
            "Kuzey Kore lideri Kim Jong Un, Pekin'de Rusya Devlet Başkanı Vladimir Putin ile "
            "biraraya geldi. İki lider savunma alanındaki işbirliğini ve askeri ortaklığı "
            "değerlendirdi.\n\nKim, \"Rus halkının yanında durmayı sürdüreceğiz\" dedi. Putin "
            "ise \"Ortaklığımız her alanda daha da güçleniyor\" şeklinde konuştu.",
            [("Kim Jong-un", "Rus halkının yanında durmayı sürdüreceğiz"),
             ("Vladimir Putin", "Ortaklığımız her alanda daha da güçleniyor")],
        ),
    ]  # fmt: skip
    title, text, quotes = texts[variant]
    return auto(title, text, published, outlet, quotes=quotes)
