"""From tagger output to mentions: where a name starts and ends, and what it names.

The tagger's spans are reshaped by rules that are cheap to test one by one
(trafilatura-style): quote marks, brackets, titles and people words never belong to a
name; a gazetteer place or a compound's head noun ("… Deresi", "… Belediyesi") sets
the type; lower-case words at a sentence start and -izm words are no names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gundem.extract.roles import MAX_ROLE_WORDS, ROLE_FORMS, TITLES, is_title
from gundem.ner.lexicon import hand_gazetteer
from gundem.ner.tagger import load_model, tag_sentences
from gundem.turkish.morphology import analyse, strip_suffix
from gundem.turkish.normalize import casefold_tr
from gundem.turkish.sentences import split_sentences
from gundem.turkish.tokens import Token, tokenize


@dataclass
class Mention:
    start: int
    end: int
    type: str
    text: str  # surface without suffix
    role: str = ""
    group: int = -1


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Countries and cities of our hand-written gazetteer (one type each)."""
    return {k: v[0] for k, v in hand_gazetteer().items() if v in (["GPE"], ["LOC"])}


def known_place_type(surface: str, typ: str) -> str:
    """A mention our gazetteer knows as a place keeps the gazetteer's type: the
    tagger can take a rare spelling ("Pyongyan") for a person's name, or a
    continent ("Avrupa") for a country. Persons and organisations are only
    overruled for one-word names."""
    if typ in ("GPE", "LOC", "FAC") or (typ in ("PERSON", "ORG") and " " not in surface):
        return places().get(casefold_tr(surface), typ)
    return typ


# The last word of a Turkish name says what it names: "Fırtına Deresi" is a stream
# whatever the tagger thought. Possessive forms, as they close a compound name.
_HEAD_TYPES = {
    **dict.fromkeys(
        "denizi deresi dağı dağları gölü nehri ırmağı çayı ovası vadisi boğazı adası "
        "adaları yarımadası körfezi okyanusu havzası platosu çölü burnu yaylası".split(),
        "LOC",
    ),
    **dict.fromkeys(
        "havalimanı havaalanı köprüsü sarayı camii stadyumu limanı santrali barajı "
        "tüneli meydanı köşkü üssü kulesi otoyolu kalesi".split(),
        "FAC",
    ),
    **dict.fromkeys(
        "bakanlığı üniversitesi partisi ajansı bankası derneği vakfı şirketi kurumu "
        "konseyi başkanlığı müdürlüğü komisyonu meclisi kulübü sendikası odası "
        "konsorsiyumu enstitüsü akademisi mahkemesi valiliği belediyesi".split(),
        "ORG",
    ),
}


def _head_type(surface: str, typ: str) -> str:
    """Type given by the head noun of a multi-word name, else ``typ``."""
    words = surface.split()
    if len(words) < 2 or typ not in ("PERSON", "GPE", "LOC", "ORG", "FAC"):
        return typ
    return _HEAD_TYPES.get(casefold_tr(words[-1]), typ)


def mention_type(surface: str, typ: str) -> str:
    known = known_place_type(surface, typ)
    return known if known != typ else _head_type(surface, typ)


def _after_titles(toks: list[Token], a: int, b: int) -> int:
    """Start of a person's name past the role or title words the tagger took in
    ("Bakan Bayraktar" → "Bayraktar"; the role is bound from the words before it)."""
    while a < b - 1:
        for k in range(min(MAX_ROLE_WORDS, b - a - 1), 0, -1):
            words = casefold_tr(" ".join(t.text for t in toks[a : a + k]))
            if words in ROLE_FORMS or (k == 1 and words in TITLES):
                a += k
                break
        else:
            return a
    return a


# "Kuzey Kore yetkilisi", "Rusya sözcüsü": people of a place, not a name
_PEOPLE_WORDS = {"yetkilisi", "yetkilileri", "sözcüsü", "temsilcisi", "temsilcileri",
                 "vatandaşı", "vatandaşları", "askeri", "askerleri", "heyeti"}  # fmt: skip


def _before_people_word(toks: list[Token], a: int, b: int) -> int:
    """End of a span before a closing word for people ("Kuzey Kore Yetkilisi" → "Kuzey
    Kore") when what is left is a place we know."""
    if b - a >= 2 and casefold_tr(strip_suffix(toks[b - 1].text)) in _PEOPLE_WORDS:
        rest = " ".join(t.text for t in toks[a : b - 1])
        if casefold_tr(rest) in places():
            return b - 1
    return b


def _trim(toks: list[Token], a: int, b: int) -> tuple[int, int]:
    """A quote mark, bracket or dash is never the edge of a name."""
    while a < b and not any(c.isalnum() for c in toks[a].text):
        a += 1
    while b > a and not any(c.isalnum() for c in toks[b - 1].text):
        b -= 1
    return a, b


def _balanced(toks: list[Token], a: int, b: int) -> tuple[int, int]:
    """Cut a span at a bracket it does not close or open: "TDT) Devlet Başkanları
    Konseyi" starts after the ")", "Konsey (TDT" ends before the "("."""
    depth = 0
    for k in range(a, b):
        t = toks[k].text
        if t == "(":
            depth += 1
        elif t == ")":
            if depth == 0:
                a = k + 1
            else:
                depth -= 1
    if depth:
        for k in range(a, b):
            if toks[k].text == "(":
                return a, k
    return a, b


def sentence_mentions(text: str, toks: list[Token], tags: list[str]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    n = len(toks)
    while i < n:
        t = tags[i]
        if t.startswith("B-") or t.startswith("I-"):
            typ = t[2:]
            j = i + 1
            while j < n and tags[j] == "I-" + typ:
                j += 1
            a, b = _trim(toks, *_balanced(toks, *_trim(toks, i, j)))
            b = _before_people_word(toks, a, b)
            if typ == "PERSON":
                a = _after_titles(toks, a, b)
                if b - a == 1 and is_title(toks[a].text):
                    i = j
                    continue  # "Sayın Bakan": a role, no name
            if a == b:
                i = j
                continue
            s, e = toks[a].start, toks[b - 1].end
            surface = strip_suffix(text[s:e])
            e = s + len(surface)
            out.append(Mention(s, e, mention_type(surface, typ), surface))
            i = j
        else:
            i += 1
    return out


def _role_before(text: str, toks: list[Token], idx: int, tags: list[str]) -> str:
    """Role phrase right before token ``idx``: optional GPE/ORG/NORP owner + role words."""
    best = ""
    for k in range(1, MAX_ROLE_WORDS + 1):
        a = idx - k
        if a < 0:
            break
        words = casefold_tr(" ".join(t.text for t in toks[a:idx]))
        if words in ROLE_FORMS:
            start = toks[a].start
            # owner: the entity right before the role words
            b = a - 1
            if b >= 0 and tags[b] != "O" and tags[b][2:] in ("GPE", "ORG", "NORP", "FAC"):
                while b > 0 and tags[b].startswith("I-"):
                    b -= 1
                start = toks[b].start
            best = text[start : toks[idx - 1].end]
    return best


def plausible(m: Mention, text: str = "", sent_start: int = 0) -> bool:
    """Drop one-word mentions of words that are nearly always lower-case in running
    text ("Sizi", "Bunu" at a sentence start or after a quote mark)."""
    if " " in m.text or m.text.isupper():
        return True
    fx = load_model().fx
    low = casefold_tr(m.text)
    if _IDEOLOGY.search(low):
        return False  # "Faşizme, Nazizme": an -izm word names an idea, not an entity
    if low in fx.gaz or low in places():
        return True
    rate = fx.caprate.get(low)
    if rate is not None:
        return rate >= 0.15
    pos = analyse(low)[1]
    if pos.startswith(_FUNCTION_POS) and not pos.endswith("+Prop"):
        return False
    # a known common noun opening a sentence or a quotation ("‘Kardeşlik ...")
    before = text[sent_start : m.start].strip()
    if pos and not pos.endswith("+Prop") and (not before or before[-1] in _OPENING):
        return False
    return True


_OPENING = "\"'“‘«„(-:–—"
_IDEOLOGY = re.compile(r"^\w{3,}[iıuü]zm(?:[iıuüeaı]|[iıuü]n|d[ae]n?|l[ae])?$")


_FUNCTION_POS = ("Pron", "Verb", "Adv", "Conj", "Postp", "Det", "Ques", "Interj", "Num")


def tag_text(
    text: str, sentences: list[tuple[int, int]] | None = None
) -> tuple[list[Mention], list[tuple[list[Token], list[str]]]]:
    """Mentions of ``text`` and its tagged sentences; ``sentences`` are the article's
    stored spans (split here when not given)."""
    mentions: list[Mention] = []
    sents = []
    spans = []
    for s, e in split_sentences(text) if sentences is None else sentences:
        toks = [Token(t.text, t.start + s, t.end + s) for t in tokenize(text[s:e])]
        if toks:
            spans.append((s, toks))
    all_tags = tag_sentences([[t.text for t in toks] for _, toks in spans])
    found = [
        sentence_mentions(text, toks, tags) for (_, toks), tags in zip(spans, all_tags, strict=True)
    ]
    # a lone surname of a person the article names in full stays ("Gök, taleplerini ...")
    full = {
        casefold_tr(m.text.split()[-1])
        for ms in found
        for m in ms
        if m.type == "PERSON" and " " in m.text
    }
    for (s, toks), tags, raw in zip(spans, all_tags, found, strict=True):
        ms = [
            m
            for m in raw
            if plausible(m, text, s) or (m.type == "PERSON" and casefold_tr(m.text) in full)
        ]
        for m in ms:
            if m.type == "PERSON":
                idx = next(i for i, t in enumerate(toks) if t.start == m.start)
                m.role = _role_before(text, toks, idx, tags)
        mentions.extend(ms)
        sents.append((toks, tags))
    mentions.extend(_surname_mentions(text, sents, mentions))
    return mentions, sents


def _surname_mentions(
    text: str, sents: list[tuple[list[Token], list[str]]], mentions: list[Mention]
) -> list[Mention]:
    """A capitalised word the tagger left out that is the surname of a person the
    article names in full ("Murat Gök ... Gök, eylemlerin ...") is a mention of that
    surname; grouping joins it to the full name."""
    surnames = {
        casefold_tr(m.text.split()[-1]): m.text.split()[-1]
        for m in mentions
        if m.type == "PERSON" and len(m.text.split()) >= 2
    }
    if not surnames:
        return []
    covered = {(m.start, m.end) for m in mentions}
    starts = [m.start for m in mentions]
    out = []
    for toks, tags in sents:
        for t, tag in zip(toks, tags, strict=True):
            if tag != "O" or not t.text[:1].isupper():
                continue
            base = strip_suffix(t.text)
            if casefold_tr(base) in surnames and t.start not in starts:
                span = (t.start, t.start + len(base))
                if span not in covered:
                    out.append(Mention(span[0], span[1], "PERSON", base))
    return out
