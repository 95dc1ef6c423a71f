"""Sentence sources for generated news pages: our own texts and small templates.

Turkish prose comes from the repository's own hand-written news sentences
(``tests/data/news_ner_hand/train.txt``, entity brackets removed) and the demo corpus texts;
English, German, French and Spanish prose from the slot templates below (written by us).
Nothing here is read from ``../shared``.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from gundem_tools.paths import NEWS_DATA_DIR, REPO_ROOT

_BRACKET = re.compile(r"\[[A-Z_]+ ([^\]]+)\]")

_TEMPLATES: dict[str, dict[str, list[str]]] = {
    "en": {
        "s": [
            "The minister",
            "City officials",
            "The company",
            "Police",
            "Local residents",
            "The central bank",
            "Opposition leaders",
            "A spokesperson for the hospital",
            "Researchers at the university",
            "The union",
            "Prosecutors",
            "The regional governor",
            "Farmers in the valley",
            "The football club",
            "Two of the ministers",
            "Investors",
        ],
        "v": [
            "said on Tuesday that",
            "warned that",
            "confirmed that",
            "announced that",
            "told reporters that",
            "argued in a statement that",
            "denied reports that",
            "expect that",
            "insisted late on Friday that",
            "wrote in a letter that",
        ],
        "o": [
            "the new rules would take effect next month",
            "prices could rise again this winter",
            "the bridge would reopen after repairs",
            "talks with the lenders had stalled",
            "more than 300 jobs were at risk",
            "the budget gap had narrowed to 2.1 percent",
            "the vote would be held as planned",
            "nobody was injured in the fire",
            "the water supply was safe to drink",
            "the deal was worth about $40 million",
            "the trial would resume in March",
            "the harvest was the weakest in a decade",
            "the factory would move part of its production abroad",
            "schools in the district would stay closed until Monday",
        ],
        "t": [
            "",
            "",
            ", according to figures released on Monday",
            " despite the criticism",
            ", adding that a final decision was still weeks away",
            " after a long meeting",
            ", although details remain unclear",
            " in an interview with local radio",
        ],
    },
    "de": {
        "s": [
            "Der Minister",
            "Die Stadtverwaltung",
            "Das Unternehmen",
            "Die Polizei",
            "Anwohner",
            "Die Zentralbank",
            "Die Opposition",
            "Ein Sprecher des Klinikums",
            "Forscher der Universität",
            "Die Gewerkschaft",
            "Die Staatsanwaltschaft",
        ],
        "v": [
            "sagte am Dienstag, dass",
            "warnte, dass",
            "bestätigte, dass",
            "teilte mit, dass",
            "erklärte vor Journalisten, dass",
            "wies Berichte zurück, wonach",
        ],
        "o": [
            "die neuen Regeln im nächsten Monat in Kraft treten",
            "die Preise im Winter steigen könnten",
            "die Brücke nach der Sanierung wieder öffnet",
            "mehr als 300 Stellen gefährdet seien",
            "die Abstimmung wie geplant stattfinde",
            "bei dem Brand niemand verletzt worden sei",
            "der Prozess im März fortgesetzt werde",
            "die Ernte so schwach sei wie seit Jahren nicht",
        ],
        "t": [
            "",
            "",
            ", wie am Montag veröffentlichte Zahlen zeigen",
            " trotz der Kritik",
            ", eine Entscheidung sei aber noch nicht gefallen",
        ],
    },
    "fr": {
        "s": [
            "Le ministre",
            "La mairie",
            "L'entreprise",
            "La police",
            "Les habitants",
            "La banque centrale",
            "L'opposition",
            "Un porte-parole de l'hôpital",
            "Le syndicat",
        ],
        "v": [
            "a déclaré mardi que",
            "a averti que",
            "a confirmé que",
            "a annoncé que",
            "a indiqué à la presse que",
            "a démenti les informations selon lesquelles",
        ],
        "o": [
            "les nouvelles règles entreraient en vigueur le mois prochain",
            "les prix pourraient encore augmenter cet hiver",
            "le pont rouvrirait après les travaux",
            "plus de 300 emplois étaient menacés",
            "le vote aurait lieu comme prévu",
            "personne n'avait été blessé dans l'incendie",
        ],
        "t": [
            "",
            "",
            ", selon des chiffres publiés lundi",
            " malgré les critiques",
            ", sans donner plus de détails",
        ],
    },
    "es": {
        "s": [
            "El ministro",
            "El ayuntamiento",
            "La empresa",
            "La policía",
            "Los vecinos",
            "El banco central",
            "La oposición",
            "Un portavoz del hospital",
            "El sindicato",
        ],
        "v": [
            "dijo el martes que",
            "advirtió de que",
            "confirmó que",
            "anunció que",
            "explicó a los periodistas que",
            "negó las informaciones de que",
        ],
        "o": [
            "las nuevas normas entrarán en vigor el próximo mes",
            "los precios podrían volver a subir este invierno",
            "el puente reabrirá tras las obras",
            "más de 300 empleos están en riesgo",
            "la votación se celebrará según lo previsto",
            "nadie resultó herido en el incendio",
        ],
        "t": [
            "",
            "",
            ", según cifras publicadas el lunes",
            " pese a las críticas",
            ", aunque no dio más detalles",
        ],
    },
}

_TR_GLUE = [
    "Öte yandan",
    "Açıklamada ayrıca",
    "Yetkililer,",
    "Uzmanlara göre",
    "Bu arada",
    "Bilgiye göre",
    "Konuya ilişkin konuşan",
    "Edinilen bilgiye göre",
]


@lru_cache(maxsize=1)
def turkish_topics() -> list[list[str]]:
    """Topic groups of Turkish sentences: the hand-written set's ``#`` sections, demo texts."""
    groups: list[list[str]] = []
    for name in ("train.txt", "dev.txt"):
        path = NEWS_DATA_DIR / "news_ner_hand" / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = _BRACKET.sub(r"\1", line).strip()
            if line.startswith("#") or not groups:
                groups.append([])
            if line and not line.startswith("#") and len(line.split()) >= 5:
                groups[-1].append(line)
    demo = REPO_ROOT / "src" / "gundem" / "demo" / "text"
    for path in sorted(demo.glob("*.txt")):
        group = []
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = " ".join(block.split())
            if len(block.split()) >= 12 and block[-1:] in '.!?”"':
                group += [s for s in _SENT.split(block) if len(s) > 30]
        groups.append(group)
    groups = [g for g in groups if len(g) >= 4]
    return groups or [
        ["Bakanlık yetkilileri, yeni düzenlemenin önümüzdeki ay yürürlüğe gireceğini açıkladı."] * 4
    ]


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÇĞİÖŞÜ])")


class Topic:
    """What one article is about: a coherent pool of sentences (so its words repeat)."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng, self.lang = rng, lang
        if lang == "tr":
            self.pool = rng.choice(turkish_topics())
        else:
            t = _TEMPLATES[lang]
            self.s = rng.sample(t["s"], 3)
            self.o = rng.sample(t["o"], 4)

    def sentence(self) -> str:
        rng = self.rng
        if self.lang == "tr":
            s = rng.choice(self.pool)
            if rng.random() < 0.1:
                s = rng.choice(_TR_GLUE) + " " + s[0].lower() + s[1:]
            return s
        t = _TEMPLATES[self.lang]
        subj, obj = rng.choice(self.s), rng.choice(self.o)
        if rng.random() < 0.15:
            return f"“{obj[0].upper() + obj[1:]}”, {subj[0].lower() + subj[1:]} {rng.choice(t['v']).split()[0]}."
        return f"{subj} {rng.choice(t['v'])} {obj}{rng.choice(t['t'])}."

    def paragraph(self, n: int) -> str:
        return " ".join(self.sentence() for _ in range(n))

    def headline(self) -> str:
        """A sentence cut to headline shape: no final period, at most a dozen words."""
        words = self.sentence().rstrip(".").replace("“", "").replace("”", "").split()
        h = " ".join(words[: self.rng.randint(5, 12)]).rstrip(",;:")
        if self.rng.random() < 0.2:
            h += self.rng.choice([":", "?", "!"]) + " " + " ".join(self.sentence().split()[:4])
        return h
