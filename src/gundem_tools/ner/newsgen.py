"""Generator of our news-style NER sentences (``tests/data/news_ner_*.conll``).

The sentences are written by us: hand-written Turkish news templates filled with
entity slots (names, countries, agencies, ministries, parties) and inflected with
apostrophe case suffixes. Training and evaluation use *disjoint* template sets and
partly disjoint invented names. Output is fixed files; regenerate with
``python -m gundem_tools.ner.newsgen`` (seeded, deterministic).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

import akana

from gundem.turkish.tokens import tokenize
from gundem_tools.paths import NEWS_DATA_DIR

CASES = {
    "gen": "genitive",
    "dat": "dative",
    "loc": "locative",
    "abl": "ablative",
    "acc": "accusative",
}
ACRONYM_FORMS = {  # spoken letter names decide the suffix ("NIS" → "ne-i-se")
    "NIS": {"gen": "'in", "dat": "'e", "loc": "'te", "abl": "'ten", "acc": "'i"},
    "KCNA": {"gen": "'nın", "dat": "'ya", "loc": "'da", "abl": "'dan", "acc": "'yı"},
    "TASS": {"gen": "'ın", "dat": "'a", "loc": "'ta", "abl": "'tan", "acc": "'ı"},
    "AFP": {"gen": "'nin", "dat": "'ye", "loc": "'de", "abl": "'den", "acc": "'yi"},
    "DHA": {"gen": "'nın", "dat": "'ya", "loc": "'da", "abl": "'dan", "acc": "'yı"},
    "İHA": {"gen": "'nın", "dat": "'ya", "loc": "'da", "abl": "'dan", "acc": "'yı"},
    "CHP": {"gen": "'nin", "dat": "'ye", "loc": "'de", "abl": "'den", "acc": "'yi"},
    "MHP": {"gen": "'nin", "dat": "'ye", "loc": "'de", "abl": "'den", "acc": "'yi"},
    "ABD": {"gen": "'nin", "dat": "'ye", "loc": "'de", "abl": "'den", "acc": "'yi"},
    "BM": {"gen": "'nin", "dat": "'ye", "loc": "'de", "abl": "'den", "acc": "'yi"},
    "NATO": {"gen": "'nun", "dat": "'ya", "loc": "'da", "abl": "'dan", "acc": "'yu"},
    "AB": {"gen": "'nin", "dat": "'ye", "loc": "'de", "abl": "'den", "acc": "'yi"},
    "AA": {"gen": "'nın", "dat": "'ya", "loc": "'da", "abl": "'dan", "acc": "'yı"},
    "IAEA": {"gen": "'nın", "dat": "'ya", "loc": "'da", "abl": "'dan", "acc": "'yı"},
    "KDHC": {"gen": "'nin", "dat": "'ye", "loc": "'de", "abl": "'den", "acc": "'yi"},
}


_CASE_ALIASES = {
    **dict.fromkeys(["gen", "nın", "nin", "nun", "nün", "in", "ın", "un", "ün"], "gen"),
    **dict.fromkeys(["dat", "a", "e", "ya", "ye", "na", "ne"], "dat"),
    **dict.fromkeys(["loc", "da", "de", "ta", "te"], "loc"),
    **dict.fromkeys(["lok", "daki", "deki"], "lok"),
    **dict.fromkeys(["abl", "dan", "den", "ndan", "nden"], "abl"),
    **dict.fromkeys(["acc", "ı", "i", "yı", "yi", "u", "ü", "nı", "ni"], "acc"),
}


def inflect(name: str, case: str, apos: str = "'") -> str:
    case = _CASE_ALIASES[case]
    if case == "lok":
        return inflect(name, "loc", apos) + "ki"
    last = name.split(" ")[-1]
    if last in ACRONYM_FORMS:
        sfx = ACRONYM_FORMS[last][case]
        return name + sfx.replace("'", apos)
    word = akana.harmonize_suffix(name, CASES[case])
    if " " in name and last.lower().endswith(_POSS_HEADS):  # "Bakanlığı'na", "Partisi'nden"
        base, _, sfx = word.rpartition("'")
        sfx = _BUFFER.get(sfx, sfx)
        word = base + "'" + sfx
    return word.replace("'", apos)


_POSS_HEADS = (
    "lığı",
    "liği",
    "ları",
    "leri",
    "partisi",
    "ajansı",
    "örgütü",
    "konseyi",
    "servisi",
    "birliği",
    "bankası",
    "santrali",
    "havalimanı",
    "meydanı",
    "üssü",
    "tesisi",
    "sarayı",
    "yarımadası",
    "denizi",
    "komitesi",
)
_BUFFER = {
    "ya": "na",
    "ye": "ne",
    "yu": "nu",
    "yü": "nü",
    "da": "nda",
    "de": "nde",
    "dan": "ndan",
    "den": "nden",
    "yı": "nı",
    "yi": "ni",
    "ta": "nda",
    "te": "nde",
    "tan": "ndan",
    "ten": "nden",
}


@dataclass(frozen=True)
class Person:
    names: tuple[str, ...]  # full-name spellings
    short: str  # surname / short reference
    country: str  # GPE of the role ("" if none)
    roles: tuple[str, ...]  # role phrase after the country ("Devlet Başkanı")
    nat: str = ""  # nationality adjective (NORP) for "Rus lider"


LEADERS = [
    Person(("Vladimir Putin",), "Putin", "Rusya", ("Devlet Başkanı",), "Rus"),
    Person(
        ("Kim Jong-un", "Kim Jong Un", "Kim Jong-Un"),
        "Kim",
        "Kuzey Kore",
        ("lideri", "Devlet İşleri Komisyonu Başkanı"),
        "Kuzey Koreli",
    ),
    Person(("Xi Jinping", "Şi Cinping"), "Xi", "Çin", ("Devlet Başkanı",), "Çinli"),
    Person(("Emmanuel Macron",), "Macron", "Fransa", ("Cumhurbaşkanı",), "Fransız"),
    Person(
        ("Volodimir Zelenski", "Vladimir Zelenskiy", "Volodymyr Zelensky"),
        "Zelenski",
        "Ukrayna",
        ("Devlet Başkanı",),
        "Ukraynalı",
    ),
    Person(("Recep Tayyip Erdoğan",), "Erdoğan", "Türkiye", ("Cumhurbaşkanı",), "Türk"),
    Person(("Sergey Lavrov",), "Lavrov", "Rusya", ("Dışişleri Bakanı",), "Rus"),
    Person(("Andrey Belousov", "Andrei Belousov"), "Belousov", "Rusya", ("Savunma Bakanı",), "Rus"),
    Person(
        ("Choe Son Hui", "Choe Son-hui"),
        "Choe",
        "Kuzey Kore",
        ("Dışişleri Bakanı",),
        "Kuzey Koreli",
    ),
    Person(
        ("No Kwang-chol", "No Kwang Chol"), "No", "Kuzey Kore", ("Savunma Bakanı",), "Kuzey Koreli"
    ),
    Person(("Hakan Fidan",), "Fidan", "Türkiye", ("Dışişleri Bakanı",), "Türk"),
    Person(("Donald Trump",), "Trump", "ABD", ("Başkanı",), "Amerikan"),
    Person(("Dmitri Peskov", "Dmitriy Peskov"), "Peskov", "Kremlin", ("Sözcüsü",), "Rus"),
    Person(("Lee Jae-myung",), "Lee", "Güney Kore", ("Devlet Başkanı",), "Güney Koreli"),
    Person(("Friedrich Merz",), "Merz", "Almanya", ("Başbakanı",), "Alman"),
    Person(("Keir Starmer",), "Starmer", "İngiltere", ("Başbakanı",), "İngiliz"),
    Person(
        ("Ri Hi Yong",), "Ri", "Kore İşçi Partisi", ("Merkez Komitesi Sekreteri",), "Kuzey Koreli"
    ),
    Person(("Aleksandr Lukaşenko",), "Lukaşenko", "Belarus", ("Devlet Başkanı",), "Belaruslu"),
    Person(("Mesud Pezeşkiyan",), "Pezeşkiyan", "İran", ("Cumhurbaşkanı",), "İranlı"),
    Person(("Shigeru Ishiba", "Şigeru İşiba"), "Ishiba", "Japonya", ("Başbakanı",), "Japon"),
]
# invented people, disjoint between train and evaluation
TR_TRAIN = [
    "Ayşe Demir",
    "Mehmet Kaya",
    "Elif Şahin",
    "Ahmet Yıldız",
    "Zeynep Arslan",
    "Murat Çelik",
    "Fatma Koç",
    "Emre Aydın",
    "Kemal Özdemir",
    "Derya Aksoy",
    "Serkan Yalçın",
    "Gülşen Tekin",
    "Oğuz Karaca",
    "Hülya Bozkurt",
]
TR_EVAL = [
    "Selin Öztürk",
    "Burak Polat",
    "Hatice Kurt",
    "Can Erdem",
    "Nilay Ekinci",
    "Tarık Sönmez",
    "Esra Güneş",
    "Volkan Taş",
    "Pınar Uçar",
    "Cengiz Akın",
]
FX_TRAIN = [
    "Igor Smirnov",
    "Natalya Volkova",
    "Pak Song Il",
    "Ri Chol Man",
    "Jean Dupont",
    "Li Wei",
    "Park Min-ji",
    "Anna Schmidt",
    "John Miller",
    "Olga Petrova",
]
FX_EVAL = [
    "Yuri Sokolov",
    "Kim Song Nam",
    "Choi Eun-ji",
    "Marie Laurent",
    "Zhang Hua",
    "Tatyana Orlova",
    "Sun Hye Kyong",
    "David Brown",
    "Pak Myong Ho",
    "Elena Ivanova",
]
TR_ROLES = [
    "Prof. Dr.",
    "Doç. Dr.",
    "ekonomist",
    "uluslararası ilişkiler uzmanı",
    "muhabirimiz",
    "eski büyükelçi",
    "analist",
    "gazeteci",
    "Av.",
]

AGENCIES = [
    "AA",
    "Anadolu Ajansı",
    "DHA",
    "İHA",
    "Reuters",
    "AFP",
    "KCNA",
    "TASS",
    "Yonhap",
    "Xinhua",
    "RIA Novosti",
    "AP",
    "Sputnik",
    "Kyodo",
]
MINISTRIES = [
    "Dışişleri Bakanlığı",
    "Savunma Bakanlığı",
    "Rusya Savunma Bakanlığı",
    "Rusya Dışişleri Bakanlığı",
    "Kuzey Kore Dışişleri Bakanlığı",
    "Milli Savunma Bakanlığı",
    "Çin Dışişleri Bakanlığı",
    "İçişleri Bakanlığı",
    "Güney Kore Birleşme Bakanlığı",
    "Hazine ve Maliye Bakanlığı",
    "Ticaret Bakanlığı",
    "Japonya Savunma Bakanlığı",
]
PARTIES = [
    "AK Parti",
    "CHP",
    "MHP",
    "İYİ Parti",
    "DEM Parti",
    "Kore İşçi Partisi",
    "Yeniden Refah Partisi",
    "Birleşik Rusya Partisi",
]
INTORGS = [
    "BM",
    "Birleşmiş Milletler",
    "NATO",
    "Avrupa Birliği",
    "AB",
    "BM Güvenlik Konseyi",
    "Uluslararası Atom Enerjisi Ajansı",
    "IAEA",
    "Şanghay İşbirliği Örgütü",
    "NIS",
    "Güney Kore Ulusal İstihbarat Servisi",
    "Kuzey Kore Merkezi Haber Ajansı",
    "Dünya Bankası",
    "IMF",
    "Kızılay",
    "AFAD",
    "TBMM",
]
COMPANIES = [
    "Samsung",
    "Gazprom",
    "Aselsan",
    "Baykar",
    "Türk Hava Yolları",
    "Rosatom",
    "Huawei",
    "Toyota",
    "TUSAŞ",
    "Roscosmos",
]
COUNTRIES = [
    "Rusya",
    "Kuzey Kore",
    "Güney Kore",
    "Çin",
    "Japonya",
    "ABD",
    "Ukrayna",
    "Türkiye",
    "Fransa",
    "Almanya",
    "İran",
    "Belarus",
    "İngiltere",
    "Hindistan",
    "Azerbaycan",
    "Katar",
    "Mısır",
    "Suriye",
    "Moğolistan",
    "Vietnam",
    "KDHC",
]
CITIES = [
    "Moskova",
    "Pyongyang",
    "Pekin",
    "Seul",
    "Tokyo",
    "Washington",
    "Kiev",
    "Ankara",
    "İstanbul",
    "Vladivostok",
    "Kursk",
    "Tahran",
    "Paris",
    "Berlin",
    "Londra",
    "Minsk",
    "Bakü",
    "Doha",
    "Kahire",
    "İzmir",
    "Gaziantep",
    "Trabzon",
    "Habarovsk",
    "Wonsan",
    "Donetsk",
    "Harkov",
    "Belgorod",
    "Brüksel",
    "Cenevre",
    "Astana",
]
DATELINE_CITIES = [
    "ANKARA",
    "İSTANBUL",
    "MOSKOVA",
    "PEKİN",
    "SEUL",
    "TOKYO",
    "WASHINGTON",
    "KİEV",
    "İZMİR",
    "BRÜKSEL",
    "PYONGYANG",
    "TAHRAN",
    "BERLİN",
    "LONDRA",
]
LOCS = [
    "Kore Yarımadası",
    "Karadeniz",
    "Japon Denizi",
    "Orta Doğu",
    "Avrupa",
    "Asya",
    "Doğu Asya",
    "Kafkasya",
    "Akdeniz",
    "Baltık Denizi",
    "Sarı Deniz",
    "Donbas",
    "Pasifik",
    "Sibirya",
    "Balkanlar",
]
FACS = [
    "Kremlin",
    "Beyaz Saray",
    "Vostoçni Uzay Üssü",
    "Kim Il Sung Meydanı",
    "Kızıl Meydan",
    "Dolmabahçe Sarayı",
    "Yongbyon Nükleer Tesisi",
    "İstanbul Havalimanı",
    "Akkuyu Nükleer Santrali",
    "Ankara Esenboğa Havalimanı",
    "Pentagon",
]
NORPS = [
    "Rus",
    "Kuzey Koreli",
    "Ukraynalı",
    "Çinli",
    "Türk",
    "Amerikan",
    "Avrupalı",
    "Güney Koreli",
    "Japon",
    "İranlı",
    "Batılı",
    "Alman",
    "Fransız",
]

TAG = {"P": "PERSON", "O": "ORG", "G": "GPE", "L": "LOC", "F": "FAC", "N": "NORP"}


class Ctx:
    """One 'story': who and where, so that a sentence is coherent."""

    def __init__(self, rng: random.Random, eval_split: bool):
        self.rng = rng
        self.p1, self.p2 = rng.sample(LEADERS, 2)
        self.n1 = rng.choice(self.p1.names)
        self.n2 = rng.choice(self.p2.names)
        self.tr = rng.choice(TR_EVAL if eval_split else TR_TRAIN)
        self.fx = rng.choice(FX_EVAL if eval_split else FX_TRAIN)
        self.apos = rng.choice(["'", "’", "’", "'"])


def _fill(ctx: Ctx, slot: str) -> tuple[str, str]:
    """slot → (surface text, entity type letter or '' for plain text)."""
    r = ctx.rng
    table: dict[str, tuple[str, str]] = {
        "P1": (ctx.n1, "P"),
        "P2": (ctx.n2, "P"),
        "S1": (ctx.p1.short, "P"),
        "S2": (ctx.p2.short, "P"),
        "TP": (ctx.tr, "P"),
        "FP": (ctx.fx, "P"),
        "AG": (r.choice(AGENCIES), "O"),
        "MIN": (r.choice(MINISTRIES), "O"),
        "PTY": (r.choice(PARTIES), "O"),
        "INT": (r.choice(INTORGS), "O"),
        "CO": (r.choice(COMPANIES), "O"),
        "G": (r.choice(COUNTRIES), "G"),
        "G1": (ctx.p1.country, "G"),
        "G2": (ctx.p2.country, "G"),
        "C": (r.choice(CITIES), "G"),
        "L": (r.choice(LOCS), "L"),
        "F": (r.choice(FACS), "F"),
        "N": (r.choice(NORPS), "N"),
        "N1": (ctx.p1.nat, "N"),
        "R1": (r.choice(ctx.p1.roles), ""),
        "R2": (r.choice(ctx.p2.roles), ""),
        "TR": (r.choice(TR_ROLES), ""),
        "DL": (r.choice(DATELINE_CITIES), "G"),
        "TBMM": ("TBMM", "O"),
    }
    return table[slot]


_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


def realise(template: str, ctx: Ctx) -> list[tuple[str, str]]:
    """Template → [(token, BIO tag)] with suffixes attached to the entity's last word."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _SLOT.finditer(template):
        out.extend((t.text, "O") for t in tokenize(template[pos : m.start()], False))
        text, letter = _fill(ctx, m.group(1))
        # the owner of a role ("Kremlin Sözcüsü", "Kore İşçi Partisi Sekreteri") is an ORG
        if m.group(1) in ("G1", "G2") and text in ("Kremlin", "Kore İşçi Partisi"):
            letter = "O"
        if m.group(2):
            text = inflect(text, m.group(2), ctx.apos)
        # absorb a suffix written right after the slot in the template ("{G}'ya")
        pos = m.end()
        toks = [t.text for t in tokenize(text, False)]
        if letter:
            typ = TAG[letter]
            out.extend((w, ("B-" if i == 0 else "I-") + typ) for i, w in enumerate(toks))
        else:
            out.extend((w, "O") for w in toks)
    out.extend((t.text, "O") for t in tokenize(template[pos:], False))
    return out


def dateline(ctx: Ctx) -> list[tuple[str, str]]:
    r = ctx.rng
    city = r.choice(DATELINE_CITIES)
    ag = r.choice(["AA", "DHA", "İHA", "AFP", "Reuters", "TASS", "KCNA", "Yonhap"])
    style = r.randrange(3)
    if style == 0:
        return [(city, "B-GPE"), ("(", "O"), (ag, "B-ORG"), (")", "O"), ("-", "O")]
    if style == 1:
        return [("-", "O"), (city, "B-GPE")] if r.random() < 0.5 else [(city, "B-GPE"), ("-", "O")]
    return [(city, "B-GPE"), ("/", "O"), (ag, "B-ORG"), ("-", "O")]


def build(templates: list[str], n: int, seed: int, eval_split: bool) -> list[list[tuple[str, str]]]:
    rng = random.Random(seed)
    sents = []
    for i in range(n):
        ctx = Ctx(rng, eval_split)
        tpl = templates[i % len(templates)] if i < len(templates) else rng.choice(templates)
        s = realise(tpl, ctx)
        if rng.random() < 0.15:
            s = dateline(ctx) + s
        if rng.random() < 0.05:  # an all-caps headline
            s = [(w.replace("i", "İ").replace("ı", "I").upper(), t) for w, t in s]
        sents.append(s)
    return sents


def write(path: Path, sents: list[list[tuple[str, str]]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join("".join(f"{w}\t{t}\n" for w, t in s) for s in sents))


def main() -> None:
    from gundem_tools.ner.newstemplates import EVAL_TEMPLATES, TRAIN_TEMPLATES

    rng = random.Random(7)
    ev = list(EVAL_TEMPLATES)
    rng.shuffle(ev)
    half = len(ev) // 2
    write(NEWS_DATA_DIR / "news_ner_train.conll", build(TRAIN_TEMPLATES, 1500, 11, False))
    write(NEWS_DATA_DIR / "news_ner_dev.conll", build(ev[:half], 250, 12, True))
    write(NEWS_DATA_DIR / "news_ner_test.conll", build(ev[half:], 300, 13, True))


if __name__ == "__main__":
    main()
