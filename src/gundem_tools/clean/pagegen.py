"""Generated news pages with known block labels: training data for the cleaner's block model.

Each page is HTML with a headline, byline and date line, a lead, article paragraphs of
varying length (subheadings and a quote now and then) and boilerplate of many kinds around
and inside it: nav menus, breadcrumbs, cookie banners, share bars, ad slots, "also read"
lines, related-article lists (with and without summaries), most-read boxes, newsletter
pitches, author bios, tag lists, comment sections, login prompts and footers. The layout,
order, languages (Turkish, English, German, French, Spanish) and lengths vary page by page.

``page(rng)`` returns ``(html, labels)``: labels map a block's whitespace-normalized text to
``(label, weight)``; 1 = article text, 0 = boilerplate, weight 0 = no opinion (bylines,
captions: extractors and annotators disagree about them).
"""

from __future__ import annotations

import html as H
import random
from typing import Any

from gundem_tools.clean.prose import Topic

_V: dict[str, dict[str, list[str]]] = {
    "tr": {
        "menu": [
            "Ana Sayfa",
            "Gündem",
            "Ekonomi",
            "Dünya",
            "Spor",
            "Sağlık",
            "Teknoloji",
            "Kültür",
            "Sanat",
            "Yaşam",
            "Eğitim",
            "Magazin",
            "Yazarlar",
            "Video",
            "Foto Galeri",
            "Son Dakika",
            "Politika",
            "Yerel",
            "Otomobil",
            "Emlak",
            "Hava Durumu",
        ],
        "share": [
            "Paylaş",
            "Facebook",
            "Twitter",
            "WhatsApp",
            "E-posta",
            "Kopyala",
            "Yazdır",
            "Linkedin",
            "Telegram",
            "Yorum yap",
        ],
        "ad": ["Reklam", "REKLAM", "Sponsorlu içerik", "Reklamı kapat"],
        "also": [
            "İlgili Haber",
            "Bunu da okuyun",
            "Ayrıca okuyun",
            "Haberin devamı",
            "Sıradaki haber",
        ],
        "related": [
            "İlgili Haberler",
            "Benzer Haberler",
            "Bunlar da ilginizi çekebilir",
            "Diğer Haberler",
            "Editörün Seçtikleri",
        ],
        "most": ["En Çok Okunanlar", "Çok Okunanlar", "Gündemdekiler", "Son Haberler"],
        "cookie": [
            "Bu sitede deneyiminizi iyileştirmek için çerezler kullanılmaktadır. Siteyi kullanmaya "
            "devam ederek çerez politikamızı kabul etmiş olursunuz.",
            "Size daha iyi hizmet sunabilmek için çerezleri kullanıyoruz. Detaylı bilgi için Çerez "
            "Politikası sayfamızı inceleyebilirsiniz. Kabul Et",
        ],
        "news": [
            "Günün öne çıkan haberleri her sabah e-posta kutunuzda. Bültenimize abone olun!",
            "E-bültenimize kayıt olun, gelişmelerden ilk siz haberdar olun.",
            "Abone Ol",
        ],
        "bio": [
            "{n}, 2009 yılından bu yana gazetemizde ekonomi muhabiri olarak çalışıyor.",
            "{n} İstanbul Üniversitesi İletişim Fakültesi'ni bitirdi ve uzun yıllar Ankara temsilcisi "
            "olarak görev yaptı.",
        ],
        "tags": ["Etiketler:", "Konular:", "İlgili konular"],
        "comments": ["Yorumlar", "Yorum Yap", "Okur Yorumları"],
        "cmt": [
            "Çok güzel bir haber olmuş, teşekkürler.",
            "Bu iş böyle gitmez, yetkililer bir an önce harekete geçmeli.",
            "Yazık, her yıl aynı şeyi yaşıyoruz.",
            "Kaynak belirtilmemiş, doğruluğundan emin değilim.",
            "Harika bir gelişme, umarım devamı gelir.",
        ],
        "login": ["Giriş Yap", "Üye Ol", "Yorum yapabilmek için giriş yapmalısınız."],
        "foot": [
            "Künye",
            "İletişim",
            "Gizlilik Politikası",
            "Çerez Politikası",
            "Reklam",
            "KVKK",
            "Kullanım Koşulları",
            "Hakkımızda",
            "Abonelik",
            "RSS",
        ],
        "copy": [
            "© {y} {o}. Tüm hakları saklıdır.",
            "Copyright © {y} {o} - Tüm Hakları Saklıdır. İzinsiz kullanılamaz.",
            "Bu sitede yayınlanan haberlerin her hakkı saklıdır; kaynak "
            "gösterilmeden alıntılanamaz.",
        ],
        "by": ["Haber: {n}", "{n} | Muhabir", "{n}", "Yazan: {n}"],
        "upd": ["Güncelleme:", "Yayınlanma:", "Son güncelleme:", ""],
        "read": ["Devamı için tıklayınız", "Haberin devamını okumak için tıklayın", "Devamını Oku"],
        "caption": ["Fotoğraf: AA", "Fotoğraf: {n}", "(Fotoğraf: Arşiv)"],
        "names": [
            "Ayşe Yılmaz",
            "Mehmet Kaya",
            "Zeynep Demir",
            "Can Öztürk",
            "Elif Arslan",
            "Murat Şahin",
        ],
    },
    "en": {
        "menu": [
            "Home",
            "News",
            "World",
            "Business",
            "Sport",
            "Health",
            "Science",
            "Technology",
            "Culture",
            "Travel",
            "Opinion",
            "Video",
            "Podcasts",
            "Politics",
            "Local",
            "Weather",
            "Lifestyle",
            "Climate",
            "Markets",
            "Subscribe",
        ],
        "share": [
            "Share",
            "Facebook",
            "Twitter",
            "Email",
            "Print",
            "Copy link",
            "LinkedIn",
            "Reddit",
            "Share this article",
        ],
        "ad": [
            "Advertisement",
            "ADVERTISEMENT",
            "Sponsored",
            "Story continues below advertisement",
        ],
        "also": ["Read more:", "Also read:", "RELATED:", "Read next", "See also:"],
        "related": [
            "Related Articles",
            "Related Posts",
            "More from News",
            "You may also like",
            "Recommended for you",
            "More stories",
        ],
        "most": ["Most Read", "Most Popular", "Trending", "Latest News"],
        "cookie": [
            "We use cookies to improve your experience on our website. By continuing to browse, "
            "you agree to our use of cookies. Accept all",
            "This website uses cookies and similar technologies. Manage preferences or accept to "
            "continue.",
        ],
        "news": [
            "Get the latest headlines delivered to your inbox every morning. Sign up for our "
            "newsletter.",
            "Subscribe to our daily briefing",
            "Sign up",
        ],
        "bio": [
            "{n} is a senior reporter covering politics and the economy. She joined the paper in 2015.",
            "{n} has written about energy and climate for more than a decade. Follow him on X.",
        ],
        "tags": ["Tags:", "Topics", "Filed under:"],
        "comments": ["Comments", "Leave a comment", "Join the conversation", "Reader comments"],
        "cmt": [
            "Great article, thanks for sharing.",
            "This is exactly what happens every year and nobody learns anything.",
            "Where are the sources for these numbers?",
            "Totally agree with the previous commenter.",
            "I live nearby and can confirm this.",
        ],
        "login": ["Log in", "Sign in", "Register", "You must be logged in to post a comment."],
        "foot": [
            "About us",
            "Contact",
            "Privacy Policy",
            "Cookie Policy",
            "Terms of Use",
            "Advertise",
            "Careers",
            "Help",
            "Accessibility",
            "RSS",
            "Sitemap",
        ],
        "copy": [
            "© {y} {o}. All rights reserved.",
            "Copyright {y} {o} Ltd. All rights reserved. This "
            "material may not be published, broadcast, rewritten or redistributed.",
        ],
        "by": ["By {n}", "{n}, Staff Writer", "{n}", "Written by {n}"],
        "upd": ["Updated", "Published", "Last updated:", ""],
        "read": ["Continue reading", "Read the full story", "Read more"],
        "caption": ["Photo: AP", "Photo: {n}", "(Getty Images)"],
        "names": ["Sarah Miller", "James Carter", "Emily Stone", "David Brooks", "Anna Lopez"],
    },
    "de": {
        "menu": [
            "Startseite",
            "Politik",
            "Wirtschaft",
            "Sport",
            "Kultur",
            "Wissen",
            "Panorama",
            "Reise",
            "Meinung",
            "Video",
            "Regional",
            "Digital",
            "Gesundheit",
            "Abo",
        ],
        "share": [
            "Teilen",
            "Facebook",
            "Twitter",
            "E-Mail",
            "Drucken",
            "Link kopieren",
            "WhatsApp",
        ],
        "ad": ["Anzeige", "ANZEIGE", "Werbung"],
        "also": ["Lesen Sie auch:", "Mehr zum Thema:", "Auch interessant:"],
        "related": ["Mehr zum Thema", "Das könnte Sie auch interessieren", "Weitere Artikel"],
        "most": ["Meistgelesen", "Beliebt", "Neueste Artikel"],
        "cookie": [
            "Wir verwenden Cookies, um Ihnen ein optimales Nutzungserlebnis zu bieten. Mit der "
            "Nutzung stimmen Sie der Verwendung zu. Akzeptieren",
            "Datenschutzeinstellungen: Wir und unsere Partner nutzen Cookies. Alle akzeptieren",
        ],
        "news": [
            "Jetzt den Newsletter abonnieren und täglich informiert bleiben.",
            "Newsletter bestellen",
        ],
        "bio": [
            "{n} ist Redakteurin im Ressort Wirtschaft und schreibt über Energie und Handel.",
            "{n} arbeitet seit 2012 als Korrespondent in Brüssel.",
        ],
        "tags": ["Schlagworte:", "Themen:"],
        "comments": ["Kommentare", "Kommentar schreiben", "Diskutieren Sie mit"],
        "cmt": [
            "Sehr guter Artikel, danke.",
            "Das war doch abzusehen, jedes Jahr dasselbe.",
            "Woher stammen diese Zahlen eigentlich?",
        ],
        "login": ["Anmelden", "Registrieren", "Bitte melden Sie sich an, um zu kommentieren."],
        "foot": ["Impressum", "Kontakt", "Datenschutz", "AGB", "Mediadaten", "Karriere", "Hilfe"],
        "copy": [
            "© {y} {o}. Alle Rechte vorbehalten.",
            "Copyright {y} {o} GmbH. Alle Rechte vorbehalten.",
        ],
        "by": ["Von {n}", "{n}", "Autor: {n}"],
        "upd": ["Aktualisiert am", "Veröffentlicht:", "Stand:", ""],
        "read": ["Weiterlesen", "Mehr lesen"],
        "caption": ["Foto: dpa", "Bild: {n}", "(Foto: Imago)"],
        "names": ["Julia Becker", "Thomas Wagner", "Lena Hoffmann", "Stefan Braun"],
    },
    "fr": {
        "menu": [
            "Accueil",
            "Actualité",
            "Monde",
            "Économie",
            "Sport",
            "Culture",
            "Politique",
            "Société",
            "Sciences",
            "Vidéos",
            "Opinions",
            "Régions",
            "S'abonner",
        ],
        "share": ["Partager", "Facebook", "Twitter", "E-mail", "Imprimer", "Copier le lien"],
        "ad": ["Publicité", "PUBLICITÉ"],
        "also": ["Lire aussi :", "À lire aussi :", "Voir aussi :"],
        "related": ["Sur le même sujet", "Articles liés", "À lire également"],
        "most": ["Les plus lus", "À la une", "Dernières actualités"],
        "cookie": [
            "Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre "
            "navigation, vous acceptez leur utilisation. Accepter"
        ],
        "news": [
            "Recevez chaque matin l'essentiel de l'actualité. Inscrivez-vous à notre newsletter."
        ],
        "bio": ["{n} est journaliste au service politique depuis 2014."],
        "tags": ["Mots-clés :", "Thèmes :"],
        "comments": ["Commentaires", "Réagir", "Laisser un commentaire"],
        "cmt": [
            "Très bon article, merci.",
            "Toujours la même chose chaque année.",
            "Quelles sont vos sources ?",
        ],
        "login": ["Se connecter", "Créer un compte", "Connectez-vous pour commenter."],
        "foot": [
            "Mentions légales",
            "Contact",
            "Confidentialité",
            "Cookies",
            "CGU",
            "Publicité",
            "Aide",
        ],
        "copy": ["© {y} {o}. Tous droits réservés.", "Copyright {y} {o} - Tous droits réservés."],
        "by": ["Par {n}", "{n}"],
        "upd": ["Mis à jour le", "Publié le", ""],
        "read": ["Lire la suite", "Lire plus"],
        "caption": ["Photo : AFP", "Photo : {n}"],
        "names": ["Claire Martin", "Julien Petit", "Sophie Bernard"],
    },
    "es": {
        "menu": [
            "Portada",
            "Noticias",
            "Internacional",
            "Economía",
            "Deportes",
            "Cultura",
            "Política",
            "Sociedad",
            "Ciencia",
            "Vídeos",
            "Opinión",
            "Suscríbete",
        ],
        "share": ["Compartir", "Facebook", "Twitter", "Correo", "Imprimir", "WhatsApp"],
        "ad": ["Publicidad", "PUBLICIDAD", "Anuncio"],
        "also": ["Lee también:", "Te puede interesar:", "Más información:"],
        "related": ["Noticias relacionadas", "Más noticias", "También te puede interesar"],
        "most": ["Lo más leído", "Lo último", "Tendencias"],
        "cookie": [
            "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa "
            "navegando, acepta su uso. Aceptar"
        ],
        "news": ["Recibe cada mañana las noticias más importantes. Suscríbete a nuestro boletín."],
        "bio": ["{n} es periodista de la sección de economía desde 2011."],
        "tags": ["Etiquetas:", "Temas:"],
        "comments": ["Comentarios", "Deja tu comentario"],
        "cmt": [
            "Muy buen artículo, gracias.",
            "Siempre pasa lo mismo cada año.",
            "¿De dónde salen estas cifras?",
        ],
        "login": ["Iniciar sesión", "Registrarse", "Inicia sesión para comentar."],
        "foot": ["Aviso legal", "Contacto", "Privacidad", "Cookies", "Publicidad", "Ayuda"],
        "copy": ["© {y} {o}. Todos los derechos reservados."],
        "by": ["Por {n}", "{n}"],
        "upd": ["Actualizado:", "Publicado:", ""],
        "read": ["Seguir leyendo", "Leer más"],
        "caption": ["Foto: EFE", "Foto: {n}"],
        "names": ["Lucía García", "Pablo Romero", "Marta Ruiz"],
    },
}
_LANGS = ["tr"] * 4 + ["en"] * 3 + ["de"] * 2 + ["fr", "es"]
_OUTLETS = [
    "Kent Gazetesi",
    "Anadolu Postası",
    "Daily Courier",
    "Morning Ledger",
    "Rheinblatt",
    "Le Quotidien",
    "El Diario Sur",
    "Ekonomi Hattı",
    "Harbour Times",
]


class _Page:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.labels: dict[str, tuple[float, float]] = {}

    def add(self, tag: str, text: str, label: float, weight: float = 1.0, cls: str = "") -> None:
        attr = f' class="{cls}"' if cls else ""
        self.parts.append(f"<{tag}{attr}>{H.escape(text, quote=False)}</{tag}>")
        key = " ".join(text.split())
        old = self.labels.get(key)
        # the same text as article and as boilerplate (a repeated headline): no opinion
        self.labels[key] = (label, weight) if old is None or old[0] == label else (label, 0.0)

    def raw(self, s: str) -> None:
        self.parts.append(s)


def _date(rng: random.Random, lang: str) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2026)
    hm = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    forms = [
        f"{d:02d}.{m:02d}.{y} {hm}",
        f"{y}-{m:02d}-{d:02d}",
        f"{d:02d}/{m:02d}/{y} - {hm}",
        f"{d}.{m}.{y}",
    ]
    return rng.choice(forms)


def _links(page: _Page, rng: random.Random, items: list[str], wrap: str = "ul") -> None:
    page.raw(f"<{wrap}>")
    for it in items:
        page.add("li", it, 0.0)
    page.raw(f"</{wrap}>")


def _inline_menu(page: _Page, rng: random.Random, items: list[str]) -> None:
    """A menu written as links in one element: one block of short words."""
    text = rng.choice([" ", " | ", " · ", " / "]).join(items)
    page.add("div", text, 0.0)


def _teasers(
    page: _Page, rng: random.Random, lang: str, v: dict, head: str, summaries: bool
) -> None:
    """A teaser list: each teaser about another story."""
    page.add(rng.choice(["h2", "h3", "h4", "div"]), head, 0.0)
    for _ in range(rng.randint(3, 10)):
        other = Topic(rng, lang)
        page.add(rng.choice(["h3", "a", "div", "li"]), other.headline(), 0.0)
        if summaries:
            page.add("p", other.paragraph(rng.randint(1, 2)), 0.0)
        if rng.random() < 0.3:
            page.add("span", _date(rng, lang), 0.0)


def _boiler(
    kind: str, page: _Page, rng: random.Random, lang: str, v: dict, ctx: dict[str, Any]
) -> None:
    name = rng.choice(v["names"])
    if kind == "menu":
        items = rng.sample(v["menu"], rng.randint(5, len(v["menu"])))
        (_links if rng.random() < 0.6 else _inline_menu)(page, rng, items)
    elif kind == "crumbs":
        trail = [v["menu"][0], rng.choice(v["menu"][1:]), ctx["topic"].headline()]
        page.add("div", rng.choice([" > ", " » ", " / ", " › "]).join(trail), 0.0)
    elif kind == "cookie":
        page.add("div", rng.choice(v["cookie"]), 0.0)
    elif kind == "share":
        items = rng.sample(v["share"], rng.randint(2, len(v["share"])))
        (_links if rng.random() < 0.5 else _inline_menu)(page, rng, items)
    elif kind == "ad":
        page.add("div", rng.choice(v["ad"]), 0.0)
    elif kind == "related":
        _teasers(page, rng, lang, v, rng.choice(v["related"]), rng.random() < 0.4)
    elif kind == "most":
        _teasers(page, rng, lang, v, rng.choice(v["most"]), rng.random() < 0.2)
    elif kind == "news":
        for s in rng.sample(v["news"], rng.randint(1, len(v["news"]))):
            page.add(rng.choice(["p", "div", "h3"]), s, 0.0)
    elif kind == "bio":
        page.add("h4", name, 0.0)
        page.add("p", rng.choice(v["bio"]).format(n=name), 0.0)
    elif kind == "tags":
        tags = [w for w in ctx["topic"].headline().split() if len(w) > 3][:6]
        if rng.random() < 0.5:
            page.add("div", rng.choice(v["tags"]) + " " + ", ".join(tags), 0.0)
        else:
            page.add("span", rng.choice(v["tags"]), 0.0)
            _links(page, rng, tags)
    elif kind == "comments":
        page.add(
            "h3",
            rng.choice(v["comments"]) + (f" ({rng.randint(1, 40)})" if rng.random() < 0.5 else ""),
            0.0,
        )
        for _ in range(rng.randint(1, 5)):
            page.add(
                "div",
                rng.choice(["Okur", "Guest", "anon", ""]) + rng.choice(v["names"]).split()[0],
                0.0,
            )
            page.add("span", _date(rng, lang), 0.0)
            page.add(
                "p",
                rng.choice(v["cmt"])
                + ("" if rng.random() < 0.5 else " " + Topic(rng, lang).sentence()),
                0.0,
            )
    elif kind == "login":
        for s in rng.sample(v["login"], rng.randint(1, len(v["login"]))):
            page.add("div", s, 0.0)
    elif kind == "footer":
        items = rng.sample(v["foot"], rng.randint(4, len(v["foot"])))
        (_links if rng.random() < 0.6 else _inline_menu)(page, rng, items)
        page.add("p", rng.choice(v["copy"]).format(y=rng.randint(2010, 2026), o=ctx["outlet"]), 0.0)
    elif kind == "also":
        page.add(
            rng.choice(["p", "div", "strong"]),
            rng.choice(v["also"]) + " " + Topic(rng, lang).headline(),
            0.0,
        )
    elif kind == "read":
        page.add("a", rng.choice(v["read"]), 0.0)


_HEAD_KINDS = ["menu", "crumbs", "cookie", "ad", "login", "most", "share", "menu"]
_TAIL_KINDS = [
    "share",
    "tags",
    "bio",
    "related",
    "news",
    "comments",
    "most",
    "footer",
    "ad",
    "read",
]
_MID_KINDS = ["ad", "also", "news", "share", "related"]


def _article_list(page: _Page, rng: random.Random, topic: Topic) -> None:
    """A list inside the article: a lead-in line ending in a colon, then short items."""
    words = topic.paragraph(3).split()
    page.add("p", " ".join(topic.sentence().rstrip(".").split()[: rng.randint(4, 12)]) + ":", 1.0)
    page.raw("<ul>")
    for _ in range(rng.randint(2, 7)):
        if rng.random() < 0.5:
            k = rng.randrange(max(1, len(words) - 4))
            item = " ".join(words[k : k + rng.randint(2, 5)]).strip(",.;")
        else:
            item = topic.sentence()
        page.add("li", item, 1.0)
    page.raw("</ul>")


def page(rng: random.Random) -> tuple[str, dict[str, tuple[float, float]]]:
    lang = rng.choice(_LANGS)
    v = _V[lang]
    topic = Topic(rng, lang)
    ctx = {"outlet": rng.choice(_OUTLETS), "topic": topic}
    p = _Page()
    title = topic.headline()
    p.raw(
        f"<html lang='{lang}'><head><meta charset='utf-8'><title>{H.escape(title)}</title></head><body>"
    )
    p.raw("<header>")
    p.add("div", ctx["outlet"], 0.0, 0.0)
    for kind in rng.sample(_HEAD_KINDS, rng.randint(0, 5)):
        _boiler(kind, p, rng, lang, v, ctx)
    p.raw("</header><main><article>")
    if rng.random() < 0.3:
        p.add("div", rng.choice(v["menu"][1:]), 0.0, 0.0)  # section kicker
    p.add("h1", title, 1.0)
    if rng.random() < 0.6:
        p.add("p", topic.paragraph(rng.randint(1, 2)), 1.0, cls="lead")
    name = rng.choice(v["names"])
    if rng.random() < 0.8:
        p.add("div", rng.choice(v["by"]).format(n=name), 0.0, 0.0)
    if rng.random() < 0.8:
        p.add("time", (rng.choice(v["upd"]) + " " + _date(rng, lang)).strip(), 0.0, 0.0)
    if rng.random() < 0.3:
        _boiler("share", p, rng, lang, v, ctx)
    if rng.random() < 0.3:
        p.add("figcaption", rng.choice(v["caption"]).format(n=name), 0.0, 0.0)
    n_par = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 14, 20])
    for k in range(n_par):
        r = rng.random()
        if k and r < 0.08:
            p.add(rng.choice(["h2", "h3", "strong"]), topic.headline(), 1.0)
        elif k and r < 0.12:
            p.add("blockquote", "“" + topic.sentence().rstrip(".") + "”", 1.0)
        elif k and k < n_par - 1 and r < 0.2:
            _boiler(rng.choice(_MID_KINDS), p, rng, lang, v, ctx)
        elif k and r < 0.3:
            _article_list(p, rng, topic)
        elif k and r < 0.34:
            p.add(
                rng.choice(["h2", "h3"]),
                " ".join(topic.headline().split()[: rng.randint(2, 4)]),
                1.0,
            )
        length = rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 7])
        text = topic.paragraph(length)
        if rng.random() < 0.05:  # a short one-line paragraph
            text = topic.sentence()
        p.add("p", text, 1.0)
    p.raw("</article>")
    for kind in rng.sample(_TAIL_KINDS, rng.randint(1, 7)):
        _boiler(kind, p, rng, lang, v, ctx)
    p.raw("</main><footer>")
    _boiler("footer", p, rng, lang, v, ctx)
    p.raw("</footer></body></html>")
    return "\n".join(p.parts), p.labels
