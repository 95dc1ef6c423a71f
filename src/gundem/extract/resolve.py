"""Entity resolution: canonical keys, stable ids and a corpus-wide resolver.

``canonical_key`` merges spelling/transliteration variants deterministically
(Kim Jong-un / Kim Jong Un / KIM JONG UN); ``EntityResolver`` adds a fuzzy step
(edit distance ≤ 1 on long names of the same type group: Pyongyang / Pyongyan, but
never between two places we know: Alanya is not Almanya), joins a partial person name
to the one full name that ends with it (Tayyip Erdoğan → Recep Tayyip Erdoğan) and an
acronym to the one name it spells (TSK → Türk Silahlı Kuvvetleri), and keeps
plain-dict state that serialises to JSON.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from gundem.model import Article, Entity, content_id
from gundem.ner.places import known_places
from gundem.turkish.morphology import strip_suffix
from gundem.turkish.normalize import casefold_tr, normalize_punct

TYPE_GROUP = {
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "FAC",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "NORP": "NORP",
    "MISC": "MISC",
}
_ASCII = str.maketrans(
    {"ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ş": "s", "ü": "u", "â": "a", "î": "i", "û": "u"}
)
_TRANSLIT = [  # deterministic transliteration folds, applied word by word
    (re.compile(r"iy$"), "i"),  # Zelenskiy → Zelenski
    (re.compile(r"y$"), "i"),  # Zelensky → Zelenski
    (re.compile(r"ck"), "k"),
    (re.compile(r"(.)\1"), r"\1"),  # double letters
    (re.compile(r"w"), "v"),  # Volodymyr/Wolodimir
    (re.compile(r"^sh"), "s"),
    (re.compile(r"dz"), "c"),
]


def type_group(typ: str) -> str:
    return TYPE_GROUP.get(typ, typ)


def normalize_name(name: str) -> str:
    """Surface → comparable form: suffix stripped, punctuation unified, case folded,
    hyphens as spaces, Turkish letters folded to ASCII, transliteration folds."""
    s = strip_suffix(normalize_punct(name.strip()))
    s = casefold_tr(s).translate(_ASCII)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[-_./]", " ", s)
    s = re.sub(r"[^\w ]", "", s)
    words = []
    for w in s.split():
        for pat, rep in _TRANSLIT:
            w = pat.sub(rep, w)
        words.append(w)
    return " ".join(words)


def canonical_key(name: str, type: str) -> str:  # noqa: A002 - the brief's signature
    """``PERSON:kim jong un`` for Kim Jong-un / Kim Jong Un / KIM JONG UN / Kim Jong-un’a."""
    return f"{type_group(type)}:{normalize_name(name)}"


def entity_id(key: str) -> str:
    """Stable id of a canonical key."""
    return content_id(key, "entity:")


def _known_place_norms() -> frozenset[str]:
    global _PLACE_NORMS
    if _PLACE_NORMS is None:
        _PLACE_NORMS = frozenset(normalize_name(p) for p in known_places())
    return _PLACE_NORMS


_PLACE_NORMS: frozenset[str] | None = None
_CLUB = " kulubu"


def initials(norm: str) -> str:
    """``turk silahli kuvvetleri`` → ``tsk`` (words of a normalised name)."""
    return "".join(w[0] for w in norm.split() if w)


def edit_distance_le1(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion/deletion/substitution."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


class EntityResolver:
    """Corpus-wide map canonical key → entity (id, canonical name, type, aliases).

    State is plain JSON-able data: ``to_state()`` / ``from_state()``; ``changes()`` gives
    only what changed since the last call (entity records and new keys), so a store can
    save the state incrementally, in the same transaction as the articles that changed it.
    """

    FUZZY_MIN_LEN = 6

    def __init__(self) -> None:
        self.entities: dict[str, dict[str, Any]] = {}  # id -> {name,type,aliases,counts}
        self.keys: dict[str, str] = {}  # canonical key -> id
        self._person_words: dict[str, set[str]] = {}  # word of a full person name -> ids
        self._initials: dict[str, set[str]] = {}  # initials of a multi-word ORG name -> ids
        self._dirty: set[str] = set()  # entity ids changed since the last changes()
        self._new_keys: dict[str, str] = {}  # keys added since the last changes()

    # -- state -------------------------------------------------------------
    def to_state(self) -> dict[str, Any]:
        return {"version": 1, "entities": self.entities, "keys": self.keys}

    @classmethod
    def from_state(cls, state: dict[str, Any] | None) -> EntityResolver:
        r = cls()
        if state:
            r.entities = {k: dict(v) for k, v in state.get("entities", {}).items()}
            r.keys = dict(state.get("keys", {}))
            for key, eid in r.keys.items():
                r._index_person(key, eid)
        return r

    def changes(self) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        """(changed entity records by id, new key → id) since the last call; then forget them."""
        entities = {eid: self.entities[eid] for eid in sorted(self._dirty)}
        keys, self._dirty, self._new_keys = self._new_keys, set(), {}
        return entities, keys

    def mark_all_changed(self) -> None:
        """Make the next ``changes()`` return the whole state (moving it to a new home)."""
        self._dirty = set(self.entities)
        self._new_keys = dict(self.keys)

    def _index_person(self, key: str, eid: str) -> None:
        group, _, norm = key.partition(":")
        if group == "PERSON" and " " in norm:
            for word in norm.split():
                self._person_words.setdefault(word, set()).add(eid)
        if group == "ORG" and norm.count(" ") >= 2:
            self._initials.setdefault(initials(norm), set()).add(eid)

    # -- lookup ------------------------------------------------------------
    def _fuzzy(self, key: str) -> str | None:
        group, _, norm = key.partition(":")
        if len(norm) < self.FUZZY_MIN_LEN:
            return None
        known = _known_place_norms()
        if norm in known:
            return None  # a place we know by name is its own entity (Alanya, Antakya)
        for k, eid in self.keys.items():
            g, _, n = k.partition(":")
            if g == group and len(n) >= self.FUZZY_MIN_LEN and n[:1] == norm[:1]:
                if edit_distance_le1(n, norm):
                    return eid
        return None

    def _partial_person(self, key: str) -> str | None:
        """``Tayyip Erdoğan`` → the one known person whose full name ends with these
        words (Recep Tayyip Erdoğan), or whose name they end with; None if several."""
        group, _, norm = key.partition(":")
        words = norm.split()
        if group != "PERSON" or len(words) < 2:
            return None
        hits = set()
        for eid in self._person_words.get(words[-1], ()):
            for alias in self.entities[eid]["aliases"]:
                other = normalize_name(alias).split()
                if len(other) >= 2 and other != words:
                    short, long_ = sorted((other, words), key=len)
                    if long_[-len(short) :] == short:
                        hits.add(eid)
        return next(iter(hits)) if len(hits) == 1 else None

    def _acronym(self, name: str, key: str) -> str | None:
        """``TSK`` → the one multi-word organisation whose initials it is."""
        group, _, norm = key.partition(":")
        if group != "ORG" or " " in norm or not name.strip().isupper() or len(norm) < 3:
            return None
        hits = self._initials.get(norm, set())
        return next(iter(hits)) if len(hits) == 1 else None

    def _expansion(self, key: str) -> str | None:
        """``Türk Silahlı Kuvvetleri`` → the entity already known by its acronym."""
        group, _, norm = key.partition(":")
        if group != "ORG" or norm.count(" ") < 2:
            return None
        eid = self.keys.get(f"ORG:{initials(norm)}")
        if eid and all(a.isupper() for a in self.entities[eid]["aliases"]):
            return eid
        return None

    def _club(self, key: str) -> str | None:
        """``Beşiktaş Kulübü`` ↔ ``Beşiktaş``: a club is known by its name alone."""
        group, _, norm = key.partition(":")
        if group != "ORG":
            return None
        other = norm[: -len(_CLUB)] if norm.endswith(_CLUB) else norm + _CLUB
        return self.keys.get(f"ORG:{other}") if other else None

    def lookup(self, name: str, type: str) -> str | None:  # noqa: A002
        key = canonical_key(name, type)
        return (
            self.keys.get(key)
            or self._club(key)
            or self._partial_person(key)
            or self._acronym(name, key)
            or self._expansion(key)
            or self._fuzzy(key)
        )

    def resolve(
        self,
        name: str,
        type: str,
        aliases: list[str] | tuple[str, ...] = (),  # noqa: A002
    ) -> tuple[str, str]:
        """Register a mention group; returns (entity id, canonical name).

        ``aliases`` are extra full forms that denote the same entity (an acronym,
        another spelling); they are looked up and registered too.
        """
        forms = [name, *[a for a in aliases if a and a != name]]
        eid = None
        for f in forms:
            eid = self.lookup(f, type)
            if eid:
                break
        if eid is None:
            eid = entity_id(canonical_key(name, type))
            self.entities.setdefault(eid, {"name": name, "type": type, "aliases": [], "counts": {}})
        ent = self.entities[eid]
        for f in forms:
            key = canonical_key(f, type)
            if key not in self.keys:
                self.keys[key] = eid
                self._new_keys[key] = eid
                self._index_person(key, eid)
            if f not in ent["aliases"]:
                ent["aliases"].append(f)
            ent["counts"][f] = ent["counts"].get(f, 0) + 1
        ent["name"] = self._best_name(ent)
        self._dirty.add(eid)
        return eid, ent["name"]

    @staticmethod
    def _best_name(ent: dict[str, Any]) -> str:
        """Most frequent among the longest (most words) mixed-case forms."""
        counts: dict[str, int] = ent["counts"]
        order = {a: i for i, a in enumerate(ent["aliases"])}
        # capitals are a dateline's or an acronym's; a mixed-case form wins when there is one
        has_mixed = any(not f.isupper() for f in counts)

        def rank(f: str) -> tuple[int, int, int, int]:
            mixed = 0 if f.isupper() and (has_mixed or len(f) > 5) else 1
            return (mixed, len(normalize_name(f).split()), counts.get(f, 0), -order.get(f, 0))

        return max(counts, key=rank) if counts else ent["name"]

    def person_by_word(self, name: str) -> str | None:
        """A one-word person ("Aliyev", "Erdoğan’a") → the id of the one person in the
        corpus whose full name has that word; None when there are none or several
        ("Kim": Kim Jong-un and Kim Yo-jong)."""
        word = normalize_name(name)
        if " " in word or len(word) < 3:
            return None
        hits = self._person_words.get(word, set())
        return next(iter(hits)) if len(hits) == 1 else None

    def known_elsewhere(self, name: str, typ: str) -> str | None:
        """A one-word name that the corpus knows better than this article does: a bare
        "Aliyev" is the one person with that surname (whatever the tagger typed it),
        a bare "Ardeşen" typed PERSON is the town the corpus already has."""
        if " " in normalize_name(name):
            return None
        if typ == "PERSON":
            return self.person_by_word(name) or self.keys.get(canonical_key(name, "GPE"))
        if typ in ("GPE", "LOC") and canonical_key(name, typ) not in self.keys:
            return self.person_by_word(name)
        return None

    def resolve_article(self, article: Article) -> Article:
        """Give every entity of ``article`` its corpus id, canonical name and type."""
        for e in article.entities:
            full = [a for a in e.aliases if _registrable(a, e.type)]
            known = self.known_elsewhere(e.name, e.type)
            if known:
                ent = self.entities[known]
                # never registered as a key: a bare surname would merge families
                e.id, e.name, e.type = known, ent["name"], ent["type"]
                continue
            if not full:
                full = [e.name]
            eid, name = self.resolve(full[0], e.type, full[1:])
            e.id, e.name = eid, name
        article.entities = _merge_same_id(article.entities)
        return article

    def get(self, eid: str) -> dict[str, Any] | None:
        return self.entities.get(eid)


def _merge_same_id(entities: list[Entity]) -> list[Entity]:
    """Two groups of one article that are one corpus entity become one."""
    out: dict[str, Entity] = {}
    for e in entities:
        first = out.setdefault(e.id, e)
        if first is not e:
            first.aliases += [a for a in e.aliases if a not in first.aliases]
            first.mentions = sorted({*first.mentions, *e.mentions})
            first.roles += [r for r in e.roles if r not in first.roles]
    return list(out.values())


def _registrable(alias: str, typ: str) -> bool:
    """Short person aliases ("Kim") are not corpus keys: they would merge families."""
    return not (typ == "PERSON" and len(alias.split()) < 2)


def resolve_entities(entities: list[Entity], resolver: EntityResolver) -> list[Entity]:
    art = Article(id="", source="", entities=entities)
    return resolver.resolve_article(art).entities
