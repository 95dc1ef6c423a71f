"""Verb and noun synonyms for matching a question to a sentence: the figure measures of
``gundem.turkish.measures`` (öldü / öldürüldü / hayatını kaybetti / can verdi are one
group, "killed") plus event and reporting verbs (görüştü / bir araya geldi / kabul etti).

Entries are folded word starts, so one entry covers the active, passive and suffixed forms
("öldür" is öldürüldü, öldürüldüğünü); multi-word entries match word by word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gundem.turkish import fold
from gundem.turkish.measures import MEASURE_STEMS

#: group → word starts (folded). The measure groups come from turkish.measures.
EVENT_STEMS: dict[str, tuple[str, ...]] = {
    "meet": (
        "görüş",
        "buluş",
        "bir araya gel",
        "kabul et",
        "kabul ed",
        "karşıla",
        "ağırla",
        "temas",
        "ziyaret",
        "masaya otur",
        "baş başa",
    ),  # fmt: skip
    "appoint": (
        "ata",
        "atan",
        "getiril",
        "getir",
        "yerine",
        "görevlendir",
        "seçil",
        "göreve başla",
    ),
    "dismiss": (
        "görevden al",
        "görevden alın",
        "azl",
        "yollarını ayır",
        "ayrıl",
        "istifa",
        "görevine son",
        "kovul",
    ),  # fmt: skip
    "sign": ("imzala", "imza at", "imzaya", "sözleşme", "mutabakat"),
    "happen": ("meydana gel", "yaşan", "gerçekleş", "oldu", "düzenlen", "yapıl", "patla"),
    "start": ("başla", "başlat", "iş bırak", "grev", "eylem"),
    "say": (
        "dedi",
        "söyle",
        "açıkla",
        "belirt",
        "ifade et",
        "ifadesini kullan",
        "duyur",
        "bildir",
        "konuş",
        "vurgula",
        "kaydet",
    ),  # fmt: skip
    # not "kapsa"/"içer" alone: "kapsamlı anlaşma", "içerisinde" foresee nothing
    "foresee": (
        "öngör",
        "içeriyor",
        "içerir",
        "içeren",
        "içermek",
        "kapsıyor",
        "kapsar",
        "kapsayan",
        "kapsamakta",
        "hedefle",
        "ele alın",
        "ele al",
        "gündem",
    ),  # fmt: skip
    "open": ("açtı", "açıl", "açılış"),
    "treat": ("tedavi", "hastane"),
    "detain": MEASURE_STEMS["detained"],
}

GROUPS: dict[str, tuple[str, ...]] = {**MEASURE_STEMS, **EVENT_STEMS}

_ENTRIES: list[tuple[tuple[str, ...], str]] = sorted(
    ((tuple(st.split()), g) for g, sts in GROUPS.items() for st in sts),
    key=lambda x: -sum(len(p) for p in x[0]),
)
_WORD = re.compile(r"[^\W_]+")
#: groups too general to tell two sentences apart on their own
WEAK = frozenset({"happen", "say", "attended", "cost"})
#: measure groups of figures (a "kaç" question's measure)
MEASURES = frozenset(MEASURE_STEMS)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


# entries by the first letters of their first word: a word is checked only against the
# entries it can start (same order as _ENTRIES, longest first)
_HEAD = min(3, min(len(parts[0]) for parts, _g in _ENTRIES))
_BY_HEAD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _entry in _ENTRIES:
    _BY_HEAD.setdefault(_entry[0][0][:_HEAD], []).append(_entry)


def groups_at(ws: list[str], i: int) -> list[tuple[str, int]]:
    """Groups whose entry starts at word ``i``, with the entry's length in words."""
    out = []
    for parts, g in _BY_HEAD.get(ws[i][:_HEAD], ()):
        n = len(parts)
        if i + n <= len(ws) and all(ws[i + k].startswith(p) for k, p in enumerate(parts)):
            out.append((g, n))
    return out


@lru_cache(maxsize=8192)
def _groups_in(text: str) -> frozenset[str]:
    ws = words(text)
    return frozenset(g for i in range(len(ws)) for g, _n in groups_at(ws, i))


def groups_in(text: str) -> set[str]:
    return set(_groups_in(text))


def question_groups(text: str) -> tuple[set[str], set[str]]:
    """(groups, words covered by them) of a question's predicate words."""
    ws = words(text)
    gs: set[str] = set()
    covered: set[str] = set()
    for i in range(len(ws)):
        for g, n in groups_at(ws, i):
            gs.add(g)
            covered.update(ws[i : i + n])
    return gs, covered


def measure_of(text: str) -> str:
    """The figure measure a question asks about ("kaç kişi hayatını kaybetti" → killed)."""
    ws = words(text)
    found = [(i, g) for i in range(len(ws)) for g, _n in groups_at(ws, i) if g in MEASURES]
    # the predicate after "kaç" decides ("çöken binada kaç kişi öldü" → killed, not damaged)
    k = next((i for i, w in enumerate(ws) if w in ("kaç", "kaçar")), -1)
    after = [g for i, g in found if i > k]
    return (after or [g for _i, g in found] or [""])[0]
