"""Cheap, testable corrections of the tagger's spans (issue 14, real-news error kinds).

* a title or role word never opens a person's name: "Bakan Yıldırım" → "Yıldırım",
  "Dr. Li" → "Li", "Şah Rıza Pehlevi" → "Rıza Pehlevi";
* a common word opening a sentence is no name ("Özetle", "Hala", "Evet Sayın",
  "Bakan,"), nor a first-person possessive noun opening a span ("Hedefim Beşiktaş
  Kulübü" → "Beşiktaş Kulübü", "Koçumuz Ahmet" → "Ahmet");
* a line in capitals made of common words is no name ("ÖZEL HABER", "KİM KAZANDI");
* weekday and month names alone are no names;
* the hand gazetteer votes: a one-word span it knows with one type takes that type
  ("Sayıştay" ORG, "Barzani" PERSON, "Soçi" GPE), and a capitalised word it knows
  that the tagger left out becomes that entity unless a role word follows
  ("Meclis Başkanı" stays a role).
"""

from __future__ import annotations

import re
from functools import lru_cache

from gundem.ner.lexicon import hand_gazetteer
from gundem.turkish.morphology import analyse, split_suffix
from gundem.turkish.normalize import casefold_tr

# written before a name; never part of it
NAME_TITLES = frozenset(
    """
    sayın bay bayan dr dr. prof prof. doç doç. av av. op. uzm. öğr. yrd. sn. mr. mrs.
    bakan başbakan cumhurbaşkanı başkan vali kaymakam muhtar milletvekili vekil general
    orgeneral korgeneral tümgeneral tuğgeneral amiral albay yarbay binbaşı yüzbaşı
    teğmen astsubay er emekli şah kral kraliçe prens prenses papa imam şeyh hoca hakim
    savcı doktor hemşire profesör kaptan kaleci teknik direktör hoca gazeteci muhabir
    muhabirimiz yazar sanatçı şarkıcı oyuncu başkanı bakanı lideri sözcüsü genel
    öğretmen avukat çiftçi şoför sürücü işçi öğrenci esnaf futbolcu yönetmen şair ressam
    müzisyen akademisyen ekonomist uzman rektör dekan müdür başsavcı hâkim komiser polis
    şehit merhum rahmetli sanık tanık şüpheli tutuklu hükümlü firari işadamı aktör
    sunucu spiker antrenör hakem
    """.split()
)
# a name follows these as a role, it is not an organisation of its own ("Meclis Başkanı")
_ROLE_NEXT = re.compile(r"^(başkan|başkanvekil|sözcü|üye|genel sekreter|komutan)", re.I)
_CALENDAR = frozenset(
    """
    pazartesi salı çarşamba perşembe cuma cumartesi pazar ocak şubat mart nisan mayıs
    haziran temmuz ağustos eylül ekim kasım aralık
    """.split()
)
_FUNCTION_POS = ("Pron", "Adv", "Conj", "Postp", "Det", "Ques", "Interj")
_OPENING = {'"', "“", "‘", "«", "'", "(", "-", "–", "—", ":", "|"}
_POSS_1 = re.compile(r"(?:[ıiuü]m|[ıiuü]m[ıiuü]z)$")


@lru_cache(maxsize=1)
def _single_type() -> dict[str, str]:
    """Hand-gazetteer phrases with exactly one of the main types."""
    return {
        k: v[0]
        for k, v in hand_gazetteer().items()
        if len(v) == 1 and v[0] in ("PERSON", "ORG", "GPE", "LOC")
    }


@lru_cache(maxsize=100_000)
def _word_info(tok: str) -> tuple[str, str, str]:
    """(case-folded base, its suffix, part of speech of the base)."""
    base, sfx = split_suffix(tok)
    low = casefold_tr(base)
    pos = analyse(low)[1] if low.isalpha() else ""
    return low, sfx, pos


def _is_function_word(tok: str) -> bool:
    """A title, or a closed-class word (pronoun, adverb, conjunction, ...) that no
    gazetteer knows: "Özetle", "Hala", "Evet", "Sayın", "KİM"."""
    low, _, pos = _word_info(tok)
    if low in NAME_TITLES:
        return True
    return pos.startswith(_FUNCTION_POS) and not pos.endswith("+Prop") and low not in _single_type()


def _rare_capital(tok: str, caprate: dict[str, float]) -> bool:
    """A word seldom capitalised inside a sentence ("Özetle", "Fındık"), or an inflected
    common noun without an apostrophe ("Pankartta"): at a sentence start no name."""
    low, sfx, pos = _word_info(tok)
    if low in _single_type():
        return False
    rate = caprate.get(low)
    if rate is not None:
        return rate < 0.2
    return (
        not sfx and pos.startswith("Noun") and not pos.endswith("+Prop") and analyse(low)[0] != low
    )


def _possessive_noun(low: str, pos: str, caprate: dict[str, float]) -> bool:
    """A noun we have seen in running text with a first-person possessive suffix
    ("hedefim", "koçumuz": the analyser found the shorter stem); "Belçim" is none."""
    if not _POSS_1.search(low) or not pos.startswith("Noun") or pos.endswith("+Prop"):
        return False
    stem = analyse(low)[0]
    return stem != low and low.startswith(stem) and stem in caprate and low not in caprate


def _is_common(tok: str, caprate: dict[str, float]) -> bool:
    """A word usually written in lower case: a function word, or a known word seldom
    capitalised in running text, that the gazetteer does not know."""
    low, _, pos = _word_info(tok)
    if low in _single_type():
        return False
    if _is_function_word(tok) or low in _CALENDAR:
        return True
    rate = caprate.get(low)
    if rate is not None:
        return rate < 0.5
    return bool(pos) and not pos.endswith("+Prop")


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    out, i, n = [], 0, len(tags)
    while i < n:
        if tags[i] == "O":
            i += 1
            continue
        typ = tags[i][2:]
        j = i + 1
        while j < n and tags[j] == "I-" + typ:
            j += 1
        out.append((i, j, typ))
        i = j
    return out


def _sentence_start(tokens: list[str], i: int) -> bool:
    k = i - 1
    while k >= 0 and tokens[k] in _OPENING:
        k -= 1
    if k >= 0 and tokens[k] == ")" and all(t in "()" or _is_caps(t) for t in tokens[: k + 1]):
        return True  # after a dateline: "VAN ( İHA ) - Kar yağışı ..."
    return k < 0 or tokens[k] in {".", "!", "?", "…"}


def _is_caps(tok: str) -> bool:
    base = split_suffix(tok)[0]
    return base.isupper() and any(c.isalpha() for c in base)


def _fix_span(
    tokens: list[str], a: int, b: int, typ: str, caprate: dict[str, float], gaz: dict
) -> tuple[int, int, str]:
    """The corrected span (a == b: no entity)."""
    # titles and sentence-opening common words at the front
    opening = _sentence_start(tokens, a)
    while a < b:
        tok = tokens[a]
        low, sfx, pos = _word_info(tok)
        if (
            b - a >= 2
            and not sfx
            and ((typ == "PERSON" and low in NAME_TITLES) or _possessive_noun(low, pos, caprate))
        ):
            a += 1
        elif (
            opening
            and (typ == "PERSON" or b - a == 1)
            and not _is_caps(tok)
            and (_is_function_word(tok) or (b - a == 1 and _rare_capital(tok, caprate)))
            and (low in NAME_TITLES or low not in gaz)
        ):
            a += 1  # "Evet Sayın": the word after a dropped opener opens the sentence too
        else:
            break
    if typ == "PERSON" and a < b and all(_word_info(t)[0] in NAME_TITLES for t in tokens[a:b]):
        return a, a, typ  # "Sayın Bakan": a role, no name
    if a < b and all(_is_caps(t) for t in tokens[a:b]):
        if b - a == 1:
            if _is_function_word(tokens[a]) and _word_info(tokens[a])[0] not in _single_type():
                return a, a, typ  # a slogan's "KİM", "NEDEN"
        elif all(_is_common(t, caprate) for t in tokens[a:b]):
            return a, a, typ  # "ÖZEL HABER", "KİM KAZANDI"
    if b - a == 1:
        low = _word_info(tokens[a])[0]
        if low in _CALENDAR:
            return a, a, typ
        known = _single_type().get(low)
        main = ("PERSON", "ORG", "GPE", "LOC")  # "ABD'li" stays NORP
        if known and typ in main and known != typ and not {typ, known} <= {"GPE", "LOC"}:
            typ = known
    return a, b, typ


def _gazetteer_fill(tokens: list[str], tags: list[str], caprate: dict[str, float]) -> None:
    """Capitalised words the hand gazetteer knows, left out by the tagger (at a sentence
    start only words that are mostly capitalised anyway: "Mali tablolar" is no Mali)."""
    single = _single_type()
    for i, tok in enumerate(tokens):
        if tags[i] != "O" or not tok[:1].isupper():
            continue
        low = _word_info(tok)[0]
        typ = single.get(low)
        if not typ or len(low) < 2:
            continue
        if _sentence_start(tokens, i) and caprate.get(low, 1.0) < 0.5:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if _ROLE_NEXT.match(casefold_tr(nxt)) or (nxt[:1].isupper() and not _is_caps(tok)):
            continue  # a role ("Meclis Başkanı") or part of a longer name ("Avrupa Kupası")
        if i > 0 and tags[i - 1] != "O" and not _word_info(tokens[i - 1])[1]:
            continue  # would glue onto the span before
        tags[i] = "B-" + typ


# acronyms in capitals that name no organisation: units, taxes, exams, things
_NOT_ORG_ACRONYMS = frozenset(
    """
    tl ytl km cm mm kg gb mb tb kw mw kwh tv pc sms usd eur dj ms mö ös am pm ok vs no
    kdv ötv öiv gsyh gsmh iban pdf lgs yks kpss ales dgs tus dna hiv gps siha lpg cng
    suv ceo cfo mr mrs ii iii iv vi vii viii ix xi xii xx xxi
    """.split()
)
# the last word of an institution's name ("... Bakanlığı", "... Derneği'nin")
_ORG_HEAD = re.compile(
    r"^(bakanlığ|başkanlığ|müdürlüğ|derneğ|vakf|üniversites|partis|kulübü|kulubu|"
    r"gazetes|holding|odası|odasın|birliğ|kurumu|kurumun|mahkemes|belediyes|valiliğ|"
    r"kaymakamlığ|başsavcılığ|savcılığ|federasyonu|federasyonun|konfederasyon|sendikas|"
    r"enstitüs|ajansı|ajansın|bankas|şirketi|şirketin|fakültes|orkestras|"
    r"konseyi|konseyin|komisyonu|komisyonun|örgütü|örgütün|a\.ş)"
)


_LI = re.compile(r"['’]l[iıuü]$")


def _has_lower_words(tokens: list[str]) -> bool:
    """Running text, not a line in capitals."""
    return sum(t[:1].islower() for t in tokens) >= 2


def _acronym(tok: str) -> bool:
    """ "KTÜ", "AKP'li", "TÜİK'in": 2–5 capitals, any suffix after an apostrophe."""
    base = split_suffix(tok)[0]
    if "'" not in tok and "’" not in tok and base != tok:
        return False
    return 2 <= len(base) <= 5 and base.isalpha() and base.isupper()


def _acronym_orgs(tokens: list[str], tags: list[str], caprate: dict[str, float]) -> None:
    """An acronym in running text that the tagger left out or called a person is an
    organisation, unless it is a known place or a unit, tax or exam ("KDV", "TL")."""
    if not _has_lower_words(tokens):
        return
    single = _single_type()
    for i, tok in enumerate(tokens):
        if tags[i] not in ("O", "B-PERSON", "B-NORP") or not _acronym(tok):
            continue
        if tags[i] == "B-NORP" and not _LI.search(casefold_tr(tok)):
            continue  # "MYP'li" is the party's member: the party is named
        if tags[i] != "O" and i + 1 < len(tokens) and tags[i + 1].startswith("I-"):
            continue
        low, _, pos = _word_info(tok)
        if low in _NOT_ORG_ACRONYMS or single.get(low, "ORG") != "ORG":
            continue
        if pos not in ("", "Noun", "Noun+Prop") or caprate.get(low, 1.0) < 0.5:
            continue  # a common word in capitals: "SON", "HAYIR", "KİM"
        if (i > 0 and tags[i - 1] != "O") or (i + 1 < len(tokens) and tags[i + 1][:2] == "I-"):
            continue
        tags[i] = "B-ORG"


def _headed_orgs(tokens: list[str], tags: list[str], caprate: dict[str, float]) -> None:
    """A run of capitalised words ending in an institution word is one organisation
    ("Cumhurbaşkanlığı İletişim Başkanlığı", "[GPE Ankara] Ticaret Odası'nın"); the
    run stops after a word with a suffix, and a sentence-opening common word is left out."""
    if not _has_lower_words(tokens):
        return
    for j, tok in enumerate(tokens):
        if not tok[:1].isupper() or _is_caps(tok) or not _ORG_HEAD.match(casefold_tr(tok)):
            continue
        if tags[j] != "O" and tags[j] != "B-ORG" and not tags[j].startswith("I-"):
            continue
        a = j
        while a > 0 and tokens[a - 1][:1].isupper() and not _word_info(tokens[a - 1])[1]:
            a -= 1
        while a < j and (
            (_sentence_start(tokens, a) and _is_function_word(tokens[a]))
            or _word_info(tokens[a])[0] in NAME_TITLES
            or _possessive_noun(*_word_info(tokens[a])[::2], caprate)
        ):
            a += 1
        if a == j:
            continue
        # only O tokens, or whole spans inside the run (no span crossing its edges)
        if tags[a].startswith("I-") or (j + 1 < len(tokens) and tags[j + 1].startswith("I-")):
            continue
        if any(t != "O" and not t.endswith(("ORG", "GPE", "LOC")) for t in tags[a : j + 1]):
            continue
        for k in range(a, j + 1):
            tags[k] = ("B-" if k == a else "I-") + "ORG"


def _lower_edges(tokens: list[str], tags: list[str]) -> None:
    """A name neither opens nor closes with a lower-case word ("bahar" is no person)."""
    for a, b, _typ in _spans(tags):
        for k in (a, b - 1):
            if tokens[k][:1].islower() and (b - a == 1 or k == a):
                for m in range(a, b):
                    tags[m] = "O"
                break


def _capital_common_word(tok: str, caprate: dict[str, float]) -> bool:
    """A single long word in capitals that is a common word ("EKONOMİ |")."""
    base = split_suffix(tok)[0]
    if len(base) < 6 or not _is_caps(tok):
        return False
    low = casefold_tr(base)
    return low not in _single_type() and caprate.get(low, 1.0) < 0.5


def correct(tokens: list[str], tags: list[str], caprate: dict[str, float], gaz: dict) -> list[str]:
    """Corrected BIO tags for one sentence (tokens with their suffixes attached);
    ``caprate`` and ``gaz`` are the model's lexicon."""
    out = ["O"] * len(tags)
    for a, b, typ in _spans(tags):
        a2, b2, t2 = _fix_span(tokens, a, b, typ, caprate, gaz)
        for k in range(a2, b2):
            out[k] = ("B-" if k == a2 else "I-") + t2
    for a, b, _typ in _spans(out):
        if b - a == 1 and _capital_common_word(tokens[a], caprate):
            out[a] = "O"
    _lower_edges(tokens, out)
    _gazetteer_fill(tokens, out, caprate)
    _acronym_orgs(tokens, out, caprate)
    _headed_orgs(tokens, out, caprate)
    return out
