"""Entity extraction stage: sentences → tokens → NER → per-article resolution.

``extract_entities(article)`` fills ``article.entities`` with one ``Entity`` per
canonical entity of the article: mentions are char spans into ``article.text``,
aliases are surface forms without apostrophe suffixes, roles are the role phrases
bound to the entity ("Rusya Savunma Bakanı"). Role phrases used alone later
("Rus lider", "Rusya Devlet Başkanı") become mentions of the one person they can
denote; ``resolve_role`` does the same lookup for the quote extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from gundem.extract.resolve import canonical_key, normalize_name, type_group
from gundem.model import Article, Entity
from gundem.ner.lexicon import NATIONALITY, hand_gazetteer
from gundem.ner.tagger import load_model, tag_sentences
from gundem.turkish.morphology import analyse, split_suffix, strip_suffix
from gundem.turkish.normalize import casefold_tr, normalize_punct
from gundem.turkish.sentences import split_sentences
from gundem.turkish.tokens import Token, tokenize

# role heads (lower-cased, without possessive) → role class
ROLE_HEADS = {
    "devlet başkanı": "head", "cumhurbaşkanı": "head", "başkan": "head", "lider": "head",
    "devlet işleri komisyonu başkanı": "head", "kral": "head",
    "başbakan": "pm", "dışişleri bakanı": "fm", "savunma bakanı": "dm",
    "milli savunma bakanı": "dm", "içişleri bakanı": "im", "sözcü": "spokes",
    "genel sekreter": "sg", "genel başkan": "party", "büyükelçi": "amb",
    "bakan": "min", "başkan yardımcısı": "vp", "genelkurmay başkanı": "cgs",
}
# surface forms (possessive, case-folded) → role head
_ROLE_FORMS: dict[str, str] = {}
for _h in ROLE_HEADS:
    _ROLE_FORMS[_h] = _h
_POSS = {
    "devlet başkanı": "devlet başkanı", "cumhurbaşkanı": "cumhurbaşkanı",
    "başkanı": "başkan", "lideri": "lider", "başbakanı": "başbakan",
    "dışişleri bakanı": "dışişleri bakanı", "savunma bakanı": "savunma bakanı",
    "milli savunma bakanı": "milli savunma bakanı", "içişleri bakanı": "içişleri bakanı",
    "sözcüsü": "sözcü", "genel sekreteri": "genel sekreter", "genel başkanı": "genel başkan",
    "büyükelçisi": "büyükelçi", "bakanı": "bakan", "başkan yardımcısı": "başkan yardımcısı",
    "genelkurmay başkanı": "genelkurmay başkanı", "kralı": "kral",
    "devlet işleri komisyonu başkanı": "devlet işleri komisyonu başkanı",
}
_ROLE_FORMS.update(_POSS)
_MAX_ROLE_WORDS = max(len(f.split()) for f in _ROLE_FORMS)


def role_key(phrase: str) -> tuple[str, str] | None:
    """``Rusya Devlet Başkanı`` → (``Rusya``, ``head``); ``Rus lider`` → (``Rusya``, ``head``);
    ``lider`` → ("", ``head``). None when the phrase holds no known role."""
    low = casefold_tr(strip_suffix(normalize_punct(phrase.strip())))
    low = re.sub(r"\s+", " ", low)
    words = low.split(" ")
    for k in range(min(_MAX_ROLE_WORDS, len(words)), 0, -1):
        tail = " ".join(words[-k:])
        head = _ROLE_FORMS.get(tail) or _ROLE_FORMS.get(_strip_case(tail))
        if head:
            owner = " ".join(words[:-k]).strip()
            country = NATIONALITY.get(owner, "") if owner else ""
            if owner and not country:
                country = _title_owner(owner)
            return country, ROLE_HEADS[head]
    return None


def _strip_case(tail: str) -> str:
    # "lideriyle", "başkanının", "bakanına" → possessive form
    return re.sub(r"(n?(ın|in|un|ün|a|e|da|de|dan|den|ı|i|la|le|yla|yle))$", "", tail)


def _title_owner(owner: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in owner.split())


@dataclass
class Mention:
    start: int
    end: int
    type: str
    text: str  # surface without suffix
    role: str = ""
    group: int = -1


@dataclass
class _Group:
    type: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Countries and cities of our hand-written gazetteer (one type each)."""
    return {k: v[0] for k, v in hand_gazetteer().items() if v in (["GPE"], ["LOC"])}


def _known_place_type(surface: str, typ: str) -> str:
    """A mention our gazetteer knows as a place keeps the gazetteer's type: the
    tagger can take a rare spelling ("Pyongyan") for a person's name, or a
    continent ("Avrupa") for a country. Persons and organisations are only
    overruled for one-word names."""
    if typ in ("GPE", "LOC", "FAC") or (typ in ("PERSON", "ORG") and " " not in surface):
        return _places().get(casefold_tr(surface), typ)
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


def _mention_type(surface: str, typ: str) -> str:
    known = _known_place_type(surface, typ)
    return known if known != typ else _head_type(surface, typ)


# titles written before a name that are not roles we bind ("Sayın", "Prof. Dr.", "Vali")
_TITLES = {"sayın", "dr", "dr.", "prof", "prof.", "doç", "doç.", "av", "av.", "vali",
           "kaymakam", "milletvekili", "general", "orgeneral", "korgeneral", "tümgeneral",
           "amiral", "bay", "bayan"}  # fmt: skip


def _after_titles(toks: list[Token], a: int, b: int) -> int:
    """Start of a person's name past the role or title words the tagger took in
    ("Bakan Bayraktar" → "Bayraktar"; the role is bound from the words before it)."""
    while a < b - 1:
        for k in range(min(_MAX_ROLE_WORDS, b - a - 1), 0, -1):
            words = casefold_tr(" ".join(t.text for t in toks[a : a + k]))
            if words in _ROLE_FORMS or (k == 1 and words in _TITLES):
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
        if casefold_tr(rest) in _places():
            return b - 1
    return b


def _is_title(word: str) -> bool:
    w = casefold_tr(strip_suffix(word))
    return w in _ROLE_FORMS or w in _TITLES


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


def _sentence_mentions(text: str, toks: list[Token], tags: list[str]) -> list[Mention]:
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
                if b - a == 1 and _is_title(toks[a].text):
                    i = j
                    continue  # "Sayın Bakan": a role, no name
            if a == b:
                i = j
                continue
            s, e = toks[a].start, toks[b - 1].end
            surface = strip_suffix(text[s:e])
            e = s + len(surface)
            out.append(Mention(s, e, _mention_type(surface, typ), surface))
            i = j
        else:
            i += 1
    return out


def _role_before(text: str, toks: list[Token], idx: int, tags: list[str]) -> str:
    """Role phrase right before token ``idx``: optional GPE/ORG/NORP owner + role words."""
    best = ""
    for k in range(1, _MAX_ROLE_WORDS + 1):
        a = idx - k
        if a < 0:
            break
        words = casefold_tr(" ".join(t.text for t in toks[a:idx]))
        if words in _ROLE_FORMS:
            start = toks[a].start
            # owner: the entity right before the role words
            b = a - 1
            if b >= 0 and tags[b] != "O" and tags[b][2:] in ("GPE", "ORG", "NORP", "FAC"):
                while b > 0 and tags[b].startswith("I-"):
                    b -= 1
                start = toks[b].start
            best = text[start : toks[idx - 1].end]
    return best


def _plausible(m: Mention, text: str = "", sent_start: int = 0) -> bool:
    """Drop one-word mentions of words that are nearly always lower-case in running
    text ("Sizi", "Bunu" at a sentence start or after a quote mark)."""
    if " " in m.text or m.text.isupper():
        return True
    fx = load_model().fx
    low = casefold_tr(m.text)
    if _IDEOLOGY.search(low):
        return False  # "Faşizme, Nazizme": an -izm word names an idea, not an entity
    if low in fx.gaz:
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


def _tag_text(text: str) -> tuple[list[Mention], list[tuple[list[Token], list[str]]]]:
    mentions: list[Mention] = []
    sents = []
    spans = []
    for s, e in split_sentences(text):
        toks = [Token(t.text, t.start + s, t.end + s) for t in tokenize(text[s:e])]
        if toks:
            spans.append((s, toks))
    all_tags = tag_sentences([[t.text for t in toks] for _, toks in spans])
    for (s, toks), tags in zip(spans, all_tags, strict=True):
        ms = [m for m in _sentence_mentions(text, toks, tags) if _plausible(m, text, s)]
        for m in ms:
            if m.type == "PERSON":
                idx = next(i for i, t in enumerate(toks) if t.start == m.start)
                m.role = _role_before(text, toks, idx, tags)
        mentions.extend(ms)
        sents.append((toks, tags))
    return mentions, sents


def _acronym_links(text: str, mentions: list[Mention]) -> dict[int, int]:
    """``Kuzey Kore Merkezi Haber Ajansı (KCNA)``: index of acronym mention → long one."""
    links: dict[int, int] = {}
    for i, m in enumerate(mentions):
        # one word is never spelled out by an acronym: "RİZE (AP)" is a dateline
        if m.type not in ("ORG", "GPE", "LOC", "FAC") or " " not in m.text.strip():
            continue
        rest = text[m.end : m.end + 20]
        mm = re.match(r"\s*\(\s*([A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ0-9.\-]{1,9})\s*\)", rest)
        if not mm:
            continue
        a_start = m.end + mm.start(1)
        for j, n in enumerate(mentions):
            if n.start == a_start:
                links[j] = i
                break
        else:
            acr = Mention(a_start, m.end + mm.end(1), m.type, mm.group(1))
            mentions.append(acr)
            links[len(mentions) - 1] = i
    return links


def _surnames(mentions: list[Mention]) -> set[str]:
    """Last words of the multi-word person names in an article ("Ömer Bolat" → bolat)."""
    return {
        canonical_key(m.text, "PERSON").rpartition(" ")[2]
        for m in mentions
        if m.type == "PERSON" and len(m.text.split()) >= 2
    }


def _is_surname_mistyped(m: Mention, surnames: set[str]) -> bool:
    """A one-word place that is the surname of a person named in full in the same
    article and is no place we know: the tagger typed "Bolat" or "Aliyev’in" GPE."""
    if m.type not in ("GPE", "LOC", "FAC") or " " in m.text.strip():
        return False
    word = canonical_key(m.text, "PERSON").partition(":")[2]
    return word in surnames and casefold_tr(m.text) not in _places()


def _group(text: str, mentions: list[Mention]) -> list[_Group]:
    mentions.sort(key=lambda m: m.start)
    links = _acronym_links(text, mentions)
    groups: list[_Group] = []
    by_key: dict[str, int] = {}

    def add(m: Mention, g: int) -> None:
        m.group = g
        grp = groups[g]
        grp.mentions.append(m)
        if m.text not in grp.aliases:
            grp.aliases.append(m.text)
        if m.role and m.role not in grp.roles:
            grp.roles.append(m.role)
        by_key.setdefault(canonical_key(m.text, m.type), g)

    # pass 1: full forms (multi-word persons, everything else); an acronym in
    # parentheses joins its long form at once, so later bare uses find it
    acronyms: dict[int, list[int]] = {}
    for j, i in links.items():
        acronyms.setdefault(i, []).append(j)
    surnames = _surnames(mentions)
    for i, m in enumerate(mentions):
        if i in links:
            continue
        if _is_surname_mistyped(m, surnames):
            m.type = "PERSON"
        if m.type == "PERSON" and len(m.text.split()) < 2:
            continue
        key = canonical_key(m.text, m.type)
        g = by_key.get(key)
        if g is None:
            for j in acronyms.get(i, []):
                g = by_key.get(canonical_key(mentions[j].text, m.type))
                if g is not None:
                    break
        if g is None:
            groups.append(_Group(m.type))
            g = len(groups) - 1
        add(m, g)
        for j in acronyms.get(i, []):
            mentions[j].type = m.type
            add(mentions[j], g)
    # pass 3: single-word persons → the nearest preceding full name containing that word
    for m in mentions:
        if m.group >= 0:
            continue
        key = canonical_key(m.text, m.type)
        if key in by_key:
            add(m, by_key[key])
            continue
        word = key.partition(":")[2]
        cands = [
            g for g, grp in enumerate(groups)
            if type_group(grp.type) == type_group(m.type)
            and any(word in canonical_key(a, grp.type).partition(":")[2].split()
                    for a in grp.aliases)
        ]
        if cands:
            before = [g for g in cands if groups[g].mentions[0].start < m.start]
            g = max(before or cands, key=lambda g: groups[g].mentions[0].start
                    if groups[g].mentions[0].start < m.start else -1)
            add(m, g)
        else:
            groups.append(_Group(m.type))
            add(m, len(groups) - 1)
    return groups


def _role_only_mentions(
    text: str, sents: list[tuple[list[Token], list[str]]], groups: list[_Group]
) -> None:
    """Role phrases not followed by a name ("Rus lider", "Rusya Devlet Başkanı") → the one
    person bound to a matching role in this article."""
    index = _role_index(groups)
    if not index:
        return
    for toks, tags in sents:
        n = len(toks)
        for i in range(n):
            for k in range(_MAX_ROLE_WORDS, 0, -1):
                j = i + k
                if j > n:
                    continue
                words = " ".join(split_suffix(t.text)[0] if t is toks[j - 1] else t.text
                                 for t in toks[i:j])
                low = casefold_tr(words)
                if low not in _ROLE_FORMS and _strip_case(low) not in _ROLE_FORMS:
                    continue
                if j < n and tags[j].endswith("PERSON"):
                    break  # a name follows: already bound
                # owner right before
                start = toks[i].start
                b = i - 1
                owner = ""
                if b >= 0 and tags[b] != "O" and tags[b][2:] in ("GPE", "NORP", "ORG"):
                    while b > 0 and tags[b].startswith("I-"):
                        b -= 1
                    start = toks[b].start
                    owner = text[start : toks[i].start]
                if not owner:
                    break  # a bare "lider" is too vague inside running text
                phrase = text[start : toks[j - 1].end]
                key = role_key(phrase)
                g = index.get(key) if key else None
                if g is not None:
                    end = toks[j - 1].start + len(split_suffix(toks[j - 1].text)[0])
                    groups[g].mentions.append(Mention(start, end, "PERSON", phrase))
                break


def _role_index(groups: list[_Group]) -> dict[tuple[str, str], int]:
    seen: dict[tuple[str, str], set[int]] = {}
    for g, grp in enumerate(groups):
        if grp.type != "PERSON":
            continue
        for r in grp.roles:
            k = role_key(r)
            if k and k[0]:
                seen.setdefault(k, set()).add(g)
                if k[1] in ("head", "pm"):
                    seen.setdefault((k[0], "head"), set()).add(g)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _majority_type(grp: _Group) -> str:
    counts: dict[str, int] = {}
    for m in grp.mentions:
        counts[m.type] = counts.get(m.type, 0) + 1
    return max(counts, key=lambda t: (counts[t], t == grp.type))


def _canonical_name(grp: _Group) -> str:
    full = [a for a in grp.aliases if not (a.isupper() and len(a) > 5)] or grp.aliases
    counts = {a: sum(1 for m in grp.mentions if m.text == a) for a in full}
    return max(full, key=lambda a: (len(normalize_name(a).split()), counts[a], -full.index(a)))


def extract_entities(article: Article) -> Article:
    """Fill ``article.entities`` from ``article.text`` (see module doc)."""
    text = article.text or ""
    mentions, sents = _tag_text(text)
    groups = _group(text, mentions)
    _role_only_mentions(text, sents, groups)
    ents: list[Entity] = []
    for grp in groups:
        if not grp.mentions:
            continue
        typ = _majority_type(grp)
        name = _canonical_name(grp)
        spans = sorted({(m.start, m.end) for m in grp.mentions})
        ents.append(
            Entity(
                name=name,
                type=typ,
                aliases=[a for a in grp.aliases],
                mentions=spans,
                id=_article_entity_id(name, typ),
                roles=list(grp.roles),
            )
        )
    ents.sort(key=lambda e: e.mentions[0][0])
    article.entities = ents
    return article


def _article_entity_id(name: str, typ: str) -> str:
    from gundem.extract.resolve import entity_id

    return entity_id(canonical_key(name, typ))


def resolve_role(article: Article, phrase: str) -> Entity | None:
    """The entity of ``article`` that a role phrase denotes ("Rus lider" → Putin), when
    exactly one person in the article holds a matching role; else None."""
    key = role_key(phrase)
    if key is None:
        return None
    country, cls = key
    hits = []
    for e in article.entities:
        if e.type != "PERSON":
            continue
        for r in e.roles:
            rk = role_key(r)
            if not rk:
                continue
            same_class = rk[1] == cls or (cls == "head" and rk[1] in ("head", "pm"))
            if same_class and (not country or rk[0] == country):
                hits.append(e)
                break
    return hits[0] if len(hits) == 1 else None
