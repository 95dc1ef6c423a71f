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

from gundem.extract.mentions import Mention, places, tag_text
from gundem.extract.resolve import canonical_key, normalize_name, type_group
from gundem.extract.roles import MAX_ROLE_WORDS, ROLE_FORMS, role_key, strip_case
from gundem.model import Article, Entity
from gundem.turkish import article_sentences
from gundem.turkish.morphology import split_suffix
from gundem.turkish.normalize import casefold_tr
from gundem.turkish.tokens import Token


@dataclass
class _Group:
    type: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


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
    return word in surnames and casefold_tr(m.text) not in places()


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
            g
            for g, grp in enumerate(groups)
            if type_group(grp.type) == type_group(m.type)
            and any(
                word in canonical_key(a, grp.type).partition(":")[2].split() for a in grp.aliases
            )
        ]
        if cands:
            before = [g for g in cands if groups[g].mentions[0].start < m.start]
            g = max(
                before or cands,
                key=lambda g: (
                    groups[g].mentions[0].start if groups[g].mentions[0].start < m.start else -1
                ),
            )
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
            for k in range(MAX_ROLE_WORDS, 0, -1):
                j = i + k
                if j > n:
                    continue
                words = " ".join(
                    split_suffix(t.text)[0] if t is toks[j - 1] else t.text for t in toks[i:j]
                )
                low = casefold_tr(words)
                if low not in ROLE_FORMS and strip_case(low) not in ROLE_FORMS:
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
    mentions, sents = tag_text(text, article_sentences(article))
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
