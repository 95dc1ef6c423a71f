"""Role phrases before names: "Rusya Devlet Başkanı", "Kuzey Kore lideri", "Bakan".

``role_key`` maps a phrase to (owner country, role class) so that a later "Rus lider"
can be bound to the person named with "Rusya Devlet Başkanı"; ``TITLES`` are words
written before a name that are not roles we bind ("Sayın", "Prof. Dr.").
"""

from __future__ import annotations

import re

from gundem.ner.lexicon import NATIONALITY
from gundem.turkish.morphology import strip_suffix
from gundem.turkish.normalize import casefold_tr, normalize_punct

# role heads (lower-cased, without possessive) → role class
ROLE_HEADS = {
    "devlet başkanı": "head",
    "cumhurbaşkanı": "head",
    "başkan": "head",
    "lider": "head",
    "devlet işleri komisyonu başkanı": "head",
    "kral": "head",
    "başbakan": "pm",
    "dışişleri bakanı": "fm",
    "savunma bakanı": "dm",
    "milli savunma bakanı": "dm",
    "içişleri bakanı": "im",
    "sözcü": "spokes",
    "genel sekreter": "sg",
    "genel başkan": "party",
    "büyükelçi": "amb",
    "bakan": "min",
    "başkan yardımcısı": "vp",
    "genelkurmay başkanı": "cgs",
}
# surface forms (possessive, case-folded) → role head
ROLE_FORMS: dict[str, str] = {}
for _h in ROLE_HEADS:
    ROLE_FORMS[_h] = _h
_POSS = {
    "devlet başkanı": "devlet başkanı",
    "cumhurbaşkanı": "cumhurbaşkanı",
    "başkanı": "başkan",
    "lideri": "lider",
    "başbakanı": "başbakan",
    "dışişleri bakanı": "dışişleri bakanı",
    "savunma bakanı": "savunma bakanı",
    "milli savunma bakanı": "milli savunma bakanı",
    "içişleri bakanı": "içişleri bakanı",
    "sözcüsü": "sözcü",
    "genel sekreteri": "genel sekreter",
    "genel başkanı": "genel başkan",
    "büyükelçisi": "büyükelçi",
    "bakanı": "bakan",
    "başkan yardımcısı": "başkan yardımcısı",
    "genelkurmay başkanı": "genelkurmay başkanı",
    "kralı": "kral",
    "devlet işleri komisyonu başkanı": "devlet işleri komisyonu başkanı",
}
ROLE_FORMS.update(_POSS)
MAX_ROLE_WORDS = max(len(f.split()) for f in ROLE_FORMS)


def role_key(phrase: str) -> tuple[str, str] | None:
    """``Rusya Devlet Başkanı`` → (``Rusya``, ``head``); ``Rus lider`` → (``Rusya``, ``head``);
    ``lider`` → ("", ``head``). None when the phrase holds no known role."""
    low = casefold_tr(strip_suffix(normalize_punct(phrase.strip())))
    low = re.sub(r"\s+", " ", low)
    words = low.split(" ")
    for k in range(min(MAX_ROLE_WORDS, len(words)), 0, -1):
        tail = " ".join(words[-k:])
        head = ROLE_FORMS.get(tail) or ROLE_FORMS.get(strip_case(tail))
        if head:
            owner = " ".join(words[:-k]).strip()
            country = NATIONALITY.get(owner, "") if owner else ""
            if owner and not country:
                country = _title_owner(owner)
            return country, ROLE_HEADS[head]
    return None


def strip_case(tail: str) -> str:
    # "lideriyle", "başkanının", "bakanına" → possessive form
    return re.sub(r"(n?(ın|in|un|ün|a|e|da|de|dan|den|ı|i|la|le|yla|yle))$", "", tail)


def _title_owner(owner: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in owner.split())


# titles written before a name that are not roles we bind ("Sayın", "Prof. Dr.", "Vali")
TITLES = {"sayın", "dr", "dr.", "prof", "prof.", "doç", "doç.", "av", "av.", "vali",
           "kaymakam", "milletvekili", "general", "orgeneral", "korgeneral", "tümgeneral",
           "amiral", "bay", "bayan"}  # fmt: skip


def is_title(word: str) -> bool:
    w = casefold_tr(strip_suffix(word))
    return w in ROLE_FORMS or w in TITLES
