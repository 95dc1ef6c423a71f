"""Who said what: direct, indirect and fragment quotes with speakers.

``extract_quotes(article)`` fills ``article.quotes`` (a per-article stage).

* Direct quotes in “…”, "…", ‘…’ and «…», including quotes opened after a cue
  and a colon ("şunları söyledi:") that run over several paragraphs until the
  closing mark, and quotes where every paragraph opens with a mark and only the
  last one closes. ``Quote.start``/``end`` delimit the quoted content (marks
  excluded); ``Quote.text`` is that content with continuation marks removed.
* Indirect speech ("…olduğunu belirtti") → ``kind="indirect"``; the text is the
  reported clause between the speaker and the cue verb.
* Short quoted phrases without a speech cue (scare quotes, names, headings) →
  ``kind="fragment"`` and ``speaker=None``.
* A paragraph that is nothing but a copy of a body quote (a pull quote or
  subheading) is linked to that quote and not emitted a second time (the model
  has no field for the link yet).
* A quote split by its cue ("“Bu karar,” dedi Bakan, “yanlıştır.”") is one quote;
  its span runs from the first half to the second.
* A quote given only with a source ("Peskov’a göre “…”") takes that source as
  speaker; a source never overrides a speaker found otherwise.

Speakers: the phrase after a participle cue ("… diyen Aydın"), or after a finite
cue ("… dedi Bruce"), else the subject before the quote ("Putin, “…” dedi"),
else the speaker of the previous sentence ("Kim, X. “…” dedi."). Role phrases
("Rus lider", "Bakan", "Genel Sekreter") resolve to the person introduced with
a matching role; single names ("Kim") to the longest full name in the article.
``article.entities`` is used when present; ``gundem.extract.entities.resolve_role``
when that module exists.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from gundem.extract import attribution
from gundem.extract.cues import (
    AFTER_CUE_RE,
    COLON_CUE_RE,
    CONVERB_RE,
    FRAGMENT_CUE_RE,
    INDIRECT_RE,
    PARTICIPLE_RE,
    PASSIVE_RE,
    paragraph_spans,
    split_suffix,
)
from gundem.extract.roles import ROLE_FORMS
from gundem.model import Article, Entity, Quote
from gundem.turkish import article_sentences, join_protected
from gundem.turkish import casefold_tr as tr_lower

# ---------------------------------------------------------------------------
# Quote-mark scanning
# ---------------------------------------------------------------------------

_MARK_RE = re.compile(r"[“”«»\"‘’]")
_OPEN_FAMILY = {"“": "dq", '"': "dq", "«": "gq", "‘": "sq"}
_CLOSERS = {"dq": '”"', "gq": "»", "sq": "’"}
_MAX_PARAS = 15


@dataclass
class QuoteSpan:
    """A quoted stretch of text found by the mark scanner."""

    open_pos: int  # index of the opening mark
    close_pos: int  # index of the closing mark
    text: str  # content, continuation marks removed
    colon_led: bool = False
    whole_para: bool = False
    multi_para: bool = False

    @property
    def start(self) -> int:
        return self.open_pos + 1

    @property
    def end(self) -> int:
        return self.close_pos


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, pos: int, ch: str) -> bool:
    prev = text[pos - 1] if pos > 0 else " "
    if ch in "“«":
        return True
    # ASCII " and ‘ open only after a space, a bracket or punctuation
    return not _is_letter(prev)


def _closes(text: str, pos: int, family: str, ch: str) -> bool:
    if ch not in _CLOSERS[family]:
        return False
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    return not (ch == "’" and _is_letter(nxt))  # ’ + letter is an apostrophe


def _colon_before(text: str, pos: int) -> bool:
    """Is the last non-space character before ``pos`` a colon?"""
    j = pos
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j > 0 and text[j - 1] == ":"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All closed quotes in ``text`` (nested marks are part of the outer quote)."""
    spans: list[QuoteSpan] = []
    paras = paragraph_spans(text)
    state: dict | None = None
    for pi, (ps, pe) in enumerate(paras):
        first_mark = True
        for m in _MARK_RE.finditer(text, ps, pe):
            pos, ch = m.start(), m.group()
            at_para_start = first_mark and not text[ps:pos].strip()
            first_mark = False
            if state is None:
                if ch in _OPEN_FAMILY and _opens(text, pos, ch):
                    state = {
                        "family": _OPEN_FAMILY[ch],
                        "open": pos,
                        "skip": [],
                        "colon": _colon_before(text, pos),
                        "para_start": at_para_start,
                        "paras": 1,
                    }
                continue
            if (
                state["paras"] > 1
                and at_para_start
                and ch in _OPEN_FAMILY
                and _OPEN_FAMILY[ch] == state["family"]
            ):
                state["skip"].append(pos)  # continuation mark of a multi-paragraph quote
                continue
            if _closes(text, pos, state["family"], ch):
                spans.append(_make_span(text, state, pos, paras[pi]))
                state = None
        if state is not None:
            state = _carry_over(text, state, paras, pi)
    return spans


def _carry_over(text: str, state: dict, paras: list[tuple[int, int]], pi: int) -> dict | None:
    """Decide whether an open quote continues into the next paragraph."""
    if pi + 1 >= len(paras) or state["paras"] >= _MAX_PARAS:
        return None
    nxt = text[paras[pi + 1][0] : paras[pi + 1][1]].lstrip()
    next_opens = bool(nxt) and nxt[0] in _OPEN_FAMILY and _OPEN_FAMILY[nxt[0]] == state["family"]
    if state["colon"] or (state["para_start"] and next_opens):
        state["paras"] += 1
        return state
    return None


def _make_span(text: str, state: dict, close: int, para: tuple[int, int]) -> QuoteSpan:
    start = state["open"] + 1
    pieces, last = [], start
    for s in state["skip"]:
        pieces.append(text[last:s])
        last = s + 1
    pieces.append(text[last:close])
    content = "".join(pieces).strip()
    # only a quote opening the paragraph can be all of it: compare the texts only then,
    # so a paragraph with many quotes is not copied once per quote
    whole = (
        state["paras"] == 1
        and state["para_start"]
        and _is_whole_para(text, para, state["open"], close)
    )
    return QuoteSpan(
        open_pos=state["open"],
        close_pos=close,
        text=content,
        colon_led=state["colon"],
        whole_para=whole,
        multi_para=state["paras"] > 1,
    )


def _is_whole_para(text: str, para: tuple[int, int], open_pos: int, close: int) -> bool:
    ps, pe = para
    para_text = text[ps:pe].strip()
    return para_text.rstrip(".!?…,") == text[open_pos : close + 1].rstrip(".!?…,")


# ---------------------------------------------------------------------------
# Name phrases (capitalised runs with role words)
# ---------------------------------------------------------------------------

_ROLE_STEMS = (
    "bakan",
    "başkan",
    "sözcü",
    "vali",
    "kaymakam",
    "muhtar",
    "müdür",
    "sekreter",
    "direktör",
    "temsilci",
    "büyükelçi",
    "elçi",
    "komutan",
    "vekil",
    "üye",
    "yönetici",
    "uzman",
    "oyuncu",
    "kaptan",
    "antrenör",
    "hoca",
    "yazar",
    "muhabir",
    "profesör",
    "tarihçi",
    "ekonomist",
    "depremzede",
    "avukat",
    "savcı",
    "hakim",
    "şef",
    "yardımcı",
    "danışman",
    "koordinatör",
    "kral",
    "prens",
    "lider",
    "mevkidaş",
    "şansölye",
    "yetkili",
    "rektör",
    "dekan",
    "müsteşar",
    "sanatçı",
    "yönetmen",
    "çalıştırıcı",
    "analist",
    "genel sekreter",
    "cumhurbaşkan",
    "başbakan",
    "sekreter",
    "komiser",
    "gazeteci",
    "akademisyen",
    "senatör",
    "sanık",
)
_ROLE_RE = re.compile(
    r"^\w*(?:" + "|".join(_ROLE_STEMS) + r")(?:ı|i|u|ü|sı|si|su|sü|leri|ları|ler|lar)?$"
)
_TITLES = frozenset("prof dr doç av yrd sayın bay bayan org gen korg orgeneral".split())
_PARTICLES = frozenset("von van der den de da del al el bin ibn di dos du la le".split())
_ISE_SUFFIXES = frozenset("se sa ise ısa".split())
_ADJ_SUFFIXES = frozenset("li lı lu lü".split())
_EXCLUDE_FOLLOW = frozenset(
    "göre tarafından ile ve için karşı adına hakkında kaynaklarına kaynaklarından "
    "açıklamasına verilerine raporuna haberine ajansı gibi kadar".split()
)
STARTERS = frozenset(
    "ayrıca ancak ama fakat öte bu bunun buna bununla diğer daha sonra yani zira hatta "
    "nitekim dolayısıyla açıklamada açıklamaya öyle şimdi ise o şu her hiçbir bir iki "
    "geçen geçtiğimiz törende toplantıda görüşmede konuşmasında bölgede ülkede türkiye’de "
    "ukrayna’da kuzey güney batı doğu resmi yeni son ilk yine üstelik oysa çünkü eğer".split()
)
_NATIONALITY = {
    "rus": "rusya",
    "fransız": "fransa",
    "alman": "almanya",
    "ingiliz": "ingiltere",
    "japon": "japonya",
    "türk": "türkiye",
    "amerikan": "abd",
    "amerikalı": "abd",
    "yunan": "yunanistan",
    "italyan": "italya",
    "ispanyol": "ispanya",
    "macar": "macaristan",
    "leh": "polonya",
    "arap": "arap",
    "fars": "iran",
    "çinli": "çin",
}
_LEADER_STEMS = ("lider", "başkan", "cumhurbaşkan", "başbakan", "kral", "şansölye")
_TRAIL = ',.;:!?"”’»)…'
_LEAD = '"“‘«('


@dataclass
class _Tok:
    start: int
    end: int
    base: str
    suffix: str
    trail: str
    newline_before: bool


@dataclass
class Phrase:
    """A run of capitalised tokens and role words: 'Rusya Devlet Başkanı Vladimir Putin'."""

    start: int
    end: int
    tokens: list[str]
    role: list[str]
    name: list[str]
    suffix: str = ""  # case suffix after an apostrophe on the last token
    marker: str = ""  # comma | ise | da | quote — how the phrase is attached
    follow: str = ""  # lowercased next word

    @property
    def excluded(self) -> bool:
        if self.suffix and self.suffix not in _ISE_SUFFIXES:
            return True
        return self.follow in _EXCLUDE_FOLLOW and not self.marker

    @property
    def role_text(self) -> str:
        return " ".join(self.role)

    @property
    def name_text(self) -> str:
        return " ".join(self.name)


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    last_end = 0
    for m in re.finditer(r"\S+", text):
        raw = m.group()
        s, e = m.start(), m.end()
        core = raw.lstrip(_LEAD)
        s += len(raw) - len(core)
        stripped = core.rstrip(_TRAIL)
        trail = core[len(stripped) :]
        base, suffix = split_suffix(stripped)
        toks.append(
            _Tok(s, s + len(stripped), base, suffix, trail, "\n" in text[last_end : m.start()])
        )
        last_end = e
    return toks


def _is_cap(tok: _Tok) -> bool:
    return bool(tok.base) and tok.base[0].isupper()


def _is_role(word: str) -> bool:
    w = tr_lower(word.rstrip("."))
    return bool(_ROLE_RE.match(w)) or w in _TITLES


def _joinable(toks: list[_Tok], i: int, have: bool) -> bool:
    t = toks[i]
    if _is_cap(t):
        return True
    low = tr_lower(t.base)
    nxt_cap = i + 1 < len(toks) and _is_cap(toks[i + 1]) and not toks[i + 1].newline_before
    if _is_role(t.base) and not t.suffix:
        return have or nxt_cap
    if low in _PARTICLES and not t.suffix and not t.trail:
        j = i + 1
        while j < len(toks) and tr_lower(toks[j].base) in _PARTICLES:
            j += 1
        return j < len(toks) and _is_cap(toks[j]) and (have or low not in ("da", "de"))
    return False


def find_phrases(text: str) -> list[Phrase]:
    """Name/role phrases of ``text`` (mask quotes first to skip quoted words)."""
    toks = _tokens(text)
    phrases: list[Phrase] = []
    cur: list[_Tok] = []

    def close(marker: str = "", follow: str = "") -> None:
        if cur:
            cut = _glued_cut(cur)
            if cut:  # "Vali Ayşe Kara Belediye Başkanı Ali Demir’i": two people, one phrase
                phrases.append(_make_phrase(cur[:cut], "", tr_lower(cur[cut].base)))
                del cur[:cut]
            phrases.append(_make_phrase(list(cur), marker, follow))
            cur.clear()

    glue_to = -1
    for i, t in enumerate(toks):
        if cur and t.newline_before:
            close()
        if i <= glue_to:  # inside "Çevre, Şehircilik ve İklim Değişikliği Bakanı"
            cur.append(t)
            continue
        if cur and _paren_acronym(text, t):
            continue  # "Merkez Hakem Kurulu (MHK) Başkanı …": the run goes on past "(MHK)"
        if "§" in t.base or not _joinable(toks, i, bool(cur)):
            if cur:
                follow = "§" if "§" in t.base else tr_lower(t.base)
                marker = {"ise": "ise", "da": "da", "de": "da", "§": "quote"}.get(follow, "")
                close(marker, follow)
            continue
        cur.append(t)
        low_suffix = tr_lower(t.suffix)
        nxt = tr_lower(toks[i + 1].base) if i + 1 < len(toks) else ""
        if low_suffix in _ISE_SUFFIXES:
            close("ise")
        elif t.suffix and low_suffix not in _ADJ_SUFFIXES:
            close("", "" if t.trail else nxt)
        elif "," in t.trail and (j := _listed_title_end(toks, i)) > i:
            glue_to = j
        elif "," in t.trail:
            close("comma")
        elif t.trail.startswith(":"):
            close("colon")
        elif t.trail and not (t.trail == "." and tr_lower(t.base) in _TITLES):
            close()
    close()
    return phrases


def _paren_acronym(text: str, t: _Tok) -> bool:
    """An acronym in brackets right after a name: "Türk Tabipleri Birliği (TTB)"."""
    return (
        t.trail == ")"
        and t.start > 0
        and text[t.start - 1] == "("
        and len(t.base) >= 2
        and t.base.isupper()
        and not t.suffix
    )


def _listed_title_end(toks: list[_Tok], i: int) -> int:
    """A comma inside a title that lists fields ("Çevre, Şehircilik ve İklim Değişikliği
    Bakanı Murat Kurum"): index of the role word ending the title, else -1."""
    for j in range(i + 1, min(len(toks), i + 8)):
        t = toks[j]
        if t.suffix or t.newline_before or (t.trail and t.trail != ","):
            return -1
        if _is_cap(t) and _is_role(t.base):
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            has_and = any(tr_lower(toks[k].base) == "ve" for k in range(i + 1, j))
            return j if has_and and nxt is not None and _is_cap(nxt) and not t.trail else -1
        if not _is_cap(t) and tr_lower(t.base) != "ve":
            return -1
    return -1


def _glued_cut(toks: list[_Tok]) -> int:
    """Where a run holding role, name, role, name splits into two people (0: it does not).
    A possessive role ("Bakanı") keeps the words of its title before it ("Dışişleri",
    "Devlet"); a bare one ("Bakan") starts the second person."""
    roles = [k for k, t in enumerate(toks) if _is_role(t.base) and tr_lower(t.base) not in _TITLES]
    for r, j in zip(roles, roles[1:], strict=False):
        if j - r < 2 or j + 1 >= len(toks) or _is_role(toks[j + 1].base):
            continue
        cut = j
        if re.search(r"(?:ı|i|u|ü)$", tr_lower(toks[j].base)):
            cut = j - 1
            for k in (3, 2):
                form = " ".join(tr_lower(t.base) for t in toks[j - k + 1 : j + 1])
                if j - k + 1 > r + 1 and form in ROLE_FORMS:
                    cut = j - k + 1
                    break
        if cut - r >= 2:  # the first person keeps a name
            return cut
    return 0


def _make_phrase(toks: list[_Tok], marker: str, follow: str) -> Phrase:
    words = [
        t.base + (("’" + t.suffix) if tr_lower(t.suffix) in _ADJ_SUFFIXES else "") for t in toks
    ]
    last_role = -1
    for k, t in enumerate(toks):
        if _is_role(t.base) or tr_lower(t.suffix) in _ADJ_SUFFIXES:
            last_role = k
    name = [t.base for t in toks[last_role + 1 :]]
    suffix = toks[-1].suffix
    if tr_lower(suffix) in _ISE_SUFFIXES | _ADJ_SUFFIXES:
        suffix = ""
    return Phrase(
        start=toks[0].start,
        end=toks[-1].end,
        tokens=words,
        role=words[: last_role + 1],
        name=name,
        suffix=suffix,
        marker=marker,
        follow=follow,
    )


# ---------------------------------------------------------------------------
# Person registry and resolution
# ---------------------------------------------------------------------------


@dataclass
class _Person:
    name: str
    tokens: list[str]
    roles: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)
    entity: bool = False


def _norm(s: str) -> str:
    return tr_lower(s).replace("-", " ").strip()


class Registry:
    """Persons (and organisations) named in one article, for speaker resolution.

    Lookups go through indexes built once (by last word, by normalised name), so
    resolving each quote's speaker costs the same however long the article is."""

    def __init__(self, article: Article, phrases: list[Phrase]) -> None:
        self.article = article
        self.people: list[_Person] = []
        self._by_name: dict[str, _Person] = {}  # phrase-introduced people by normalised name
        for e in article.entities or []:
            self._add_entity(e)
        for p in phrases:
            if len(p.name) >= 2 or (p.name and p.role):
                self._add(p.name, p.role_text, p.start)
        self._by_word: dict[str, list[int]] = {}  # normalised word → people holding it
        for k, person in enumerate(self.people):
            person.mentions.sort()
            for t in dict.fromkeys(_norm(t) for t in person.tokens):
                self._by_word.setdefault(t, []).append(k)
        self._entity_names: dict[str, str] = {}
        self._places = {
            _norm(a)
            for e in article.entities or []
            if e.type in ("GPE", "LOC", "FAC")
            for a in (e.name, *e.aliases)
        }
        for e in article.entities or []:
            for a in (e.name, *e.aliases):
                self._entity_names.setdefault(_norm(a), e.name)

    def _add_entity(self, e: Entity) -> None:
        for alias in {e.name, *e.aliases}:
            toks = alias.split()
            if toks:
                self.people.append(
                    _Person(e.name, toks, list(e.roles), [s for s, _ in e.mentions], entity=True)
                )

    def _add(self, name: list[str], role: str, pos: int) -> None:
        key = _norm(" ".join(name))
        p = self._by_name.get(key)
        if p is not None:
            p.mentions.append(pos)
            if role and role not in p.roles:
                p.roles.append(role)
            return
        p = _Person(" ".join(name), list(name), [role] if role else [], [pos])
        self._by_name[key] = p
        self.people.append(p)

    def _matches(self, name: list[str]) -> list[_Person]:
        want = [_norm(t) for t in name]
        if not want:
            return []
        out = []
        # every kind of match below holds the name's last word
        for k in self._by_word.get(want[-1], ()):
            p = self.people[k]
            toks = [_norm(t) for t in p.tokens]
            if toks == want:
                out.append(p)
            elif len(want) == 1 and want[0] in toks and (p.roles or p.entity or len(toks) <= 4):
                out.append(p)
            elif len(want) > 1 and toks[-len(want) :] == want:
                out.append(p)
        return out

    def canonical(self, name: list[str], pos: int) -> str:
        """Longest known name containing ``name`` (entities and role-introduced win)."""
        cands = self._matches(name)
        if not cands:
            return " ".join(name)
        best = max(
            cands,
            key=lambda p: (
                p.entity,
                bool(p.roles),
                len(p.tokens),
                -(p.mentions[0] if p.mentions else 0),
            ),
        )
        return self._entity_name(best.name)

    def _entity_name(self, name: str) -> str:
        return self._entity_names.get(_norm(name), name)

    def known(self, name: list[str]) -> bool:
        """Is ``name`` a person introduced with a role (or a known entity)?"""
        return any(p.roles or p.entity for p in self._matches(name))

    def resolve_role(self, role: list[str], pos: int) -> str | None:
        """'Rus lider' → the person introduced as 'Rusya Devlet Başkanı'."""
        if role and re.search(r"l[ae]r[ıi]?$", tr_lower(role[-1])):
            return None  # a group ("Uzmanlar", "bakanları") is not one person
        ext = _external_role(self.article, " ".join(role))
        if ext:
            return ext
        best: tuple[int, str] | None = None
        for p in self.people:
            if not p.roles or not any(_role_matches(role, r) for r in p.roles):
                continue
            k = bisect_left(p.mentions, pos)  # mentions are sorted
            rank = p.mentions[k - 1] if k else -1
            if best is None or rank > best[0]:
                best = (rank, p.name)
        return self._entity_name(best[1]) if best else None

    def speaker(self, ph: Phrase) -> str | None:
        if ph.name:
            if len(ph.name) == 1 and not ph.role and not self.known(ph.name):
                if not self._may_speak(ph.name[0]):
                    return None
            name = self.canonical(ph.name, ph.start)
            if not ph.role and _norm(name) in self._places:
                return None  # a place does not speak ("Trabzon", "Kuzey Kore")
            return name
        return self.resolve_role(ph.role, ph.start) or _role_phrase(ph)

    def _may_speak(self, word: str) -> bool:
        """A lone capitalised word nobody introduced: a group noun speaks; a starter, a
        nationality or a common word written capitalised only at sentence starts not."""
        if attribution.is_group_word(word):
            return True
        if tr_lower(word) in STARTERS or attribution.is_nationality(word):
            return False
        return not attribution.only_sentence_initial(self.article.text or "", word)


#: Epithets that open an anaphoric role ("Deneyimli teknik adam", "Golcü oyuncu"): the
#: phrase refers back to a person already named, it does not introduce a new speaker.
_EPITHETS = frozenset(
    "deneyimli tecrübeli genç golcü yıldız usta ünlü başarılı kıdemli yaşlı emektar "
    "yetenekli ödüllü sevilen duayen efsane efsanevi".split()
)


def _anaphoric(ph: Phrase) -> bool:
    """A role with no name that refers back: singular, and a bare role ("Bakan"), one
    with a nationality ("Alman Bakan") or one opened by an epithet ("Golcü oyuncu")."""
    role = ph.role
    if ph.name or not role or re.search(r"l[ae]r[ıi]?$", tr_lower(role[-1])):
        return False
    first = tr_lower(role[0])
    return (
        len(role) == 1
        or first in _EPITHETS
        or attribution.is_nationality(role[0])
        or bool(_country(role[0]))
    )


def _role_phrase(ph: Phrase) -> str | None:
    """A role or group nobody in the article is named for: the phrase itself. An anaphoric
    role ("Norveçli çalıştırıcı", "Bakan") refers back to someone: None, so the caller
    falls back to the subject of the statement it continues."""
    role = ph.role
    if not role or all(tr_lower(w.rstrip(".")) in _TITLES for w in role):
        return None
    if attribution.is_nationality(role[0]) or _country(role[0]):
        return None
    if tr_lower(role[0]) in _EPITHETS:
        return None
    if len(role) == 1 and not re.search(r"l[ae]r[ıi]?$", tr_lower(role[0])):
        return None
    return " ".join(role)


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _country(word: str) -> str:
    base, suffix = split_suffix(word)
    w = tr_lower(base)
    if w in _NATIONALITY:
        return _NATIONALITY[w]
    if tr_lower(suffix) in _ADJ_SUFFIXES:
        return w
    m = re.match(r"^(.{3,}?)(?:lı|li|lu|lü)$", w)
    return m.group(1) if m else ""


def _role_matches(phrase: list[str], role: str) -> bool:
    rtoks = [tr_lower(t) for t in role.replace("’", " ").split()]
    rtext = " ".join(rtoks)
    initials = "".join(t[0] for t in rtoks if t)
    for w in phrase:
        lw = tr_lower(split_suffix(w)[0])
        if len(lw) >= 2 and split_suffix(w)[0].isupper() and lw in initials:
            continue  # "MHK Başkanı" for "Merkez Hakem Kurulu Başkanı"
        country = _country(w)
        if country:
            if country not in rtext:
                return False
        elif lw.startswith("lider"):
            if not any(t.startswith(s) for t in rtoks for s in _LEADER_STEMS):
                return False
        else:
            stem = lw[: max(4, min(len(lw), 5))]
            if not any(t.startswith(stem) for t in rtoks):
                return False
    return True


def _external_role(article: Article, phrase: str) -> str | None:
    try:
        from gundem.extract.entities import resolve_role
    except Exception:  # noqa: BLE001 - the entity module may not exist yet
        return None
    try:
        res = resolve_role(article, phrase)
    except Exception:  # noqa: BLE001
        return None
    if res is None:
        return None
    return getattr(res, "name", None) or (res if isinstance(res, str) else None)


# ---------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------


_NOT_NEWLINE = re.compile(r"[^\n]")


def _mask(text: str, spans: list[QuoteSpan]) -> str:
    """``text`` with every quoted character but line breaks replaced by "§" (built from
    slices: a list of one string per character costs far more than the text)."""
    pieces, last = [], 0
    for s in spans:
        pieces.append(text[last : s.open_pos])
        pieces.append(_NOT_NEWLINE.sub("§", text[s.open_pos : s.close_pos + 1]))
        last = s.close_pos + 1
    pieces.append(text[last:])
    return "".join(pieces)


def _qtokens(s: str) -> list[str]:
    return re.findall(r"\w+", tr_lower(s))


@dataclass
class _Ctx:
    article: Article
    text: str
    spans: list[QuoteSpan]
    phrases: list[Phrase]
    registry: Registry
    masked: str = ""
    last_speaker: str | None = None
    _starts: list[int] = field(default_factory=list)
    _opens: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [p.start for p in self.phrases]
        self._opens = [s.open_pos for s in self.spans]  # the scanner finds them in order

    def phrases_in(self, a: int, b: int) -> list[Phrase]:
        out = []
        for i in range(bisect_left(self._starts, a), len(self.phrases)):
            p = self.phrases[i]
            if p.start >= b:
                break
            if p.end <= b:
                out.append(p)
        return out

    def groups_in(self, a: int, b: int) -> list[Phrase]:
        """Lower-case role/group subjects in [a, b) not inside a capitalised phrase."""
        caps = self.phrases_in(a, b)
        out = []
        for g in attribution.group_subjects(self.masked, a, b):
            if any(p.start <= g.start < p.end and g.end <= p.end for p in caps):
                continue
            words = list(g.words)
            out.append(Phrase(g.start, g.end, words, words, [], marker=g.marker))
        return out

    def spans_in(self, a: int, b: int) -> list[QuoteSpan]:
        """The quote spans opening in [a, b)."""
        return self.spans[bisect_left(self._opens, a) : bisect_left(self._opens, b)]


def _subject(ctx: _Ctx, a: int, b: int, last: bool) -> tuple[str | None, Phrase | None]:
    """Subject of the clause in [a, b): the (last|first) attached phrase."""
    cands = [p for p in ctx.phrases_in(a, b) if not p.excluded]
    marked = [p for p in cands if p.marker]
    for p in reversed(marked) if last else marked:
        sp = ctx.registry.speaker(p)
        if sp:
            return sp, p
        if not p.name and p.role:
            return None, p  # a role we cannot resolve ("Uzmanlar", "Bakan"): unknown speaker
    groups = ctx.groups_in(a, b)
    for g in reversed(groups) if last else groups:
        sp = ctx.registry.speaker(g)
        if sp:
            return sp, g
    for p in reversed(cands):
        if (p.name and ctx.registry.known(p.name)) or (not p.name and p.role):
            sp = ctx.registry.speaker(p)
            if sp:
                return sp, p
    first = cands[0] if cands else None
    if last and first and not ctx.text[a : first.start].strip(" ,") and first.follow != "göre":
        sp = ctx.registry.speaker(first)
        if sp:
            return sp, first  # sentence-initial subject
    return None, None


_AFTER_GAP_RE = re.compile(r"^[\s,]*(?P<w>(?:[a-zçğıöşü]+\s+){0,3})$")
_AFTER_GAP_STOP = frozenset("ve ama ancak fakat da de ki bu şu o ile sonra".split())


def _after_gap(gap: str) -> bool:
    """Nothing, or a few lower-case occupation words ("dedi balıkçı Yusuf Karadağ",
    "diyen mahalle sakini Nurten Akbulut")."""
    m = _AFTER_GAP_RE.match(gap)
    return m is not None and not any(w in _AFTER_GAP_STOP for w in m.group("w").split())


def _after_speaker(ctx: _Ctx, pos: int, sent_end: int) -> tuple[str | None, Phrase | None]:
    for p in ctx.phrases_in(pos, sent_end):
        if not _after_gap(ctx.text[pos : p.start]) or p.suffix:
            return None, None
        return ctx.registry.speaker(p), p
    return None, None


def _role_label(ph: Phrase | None, speaker: str | None) -> str:
    """The role phrase a speaker was named by when the phrase holds no name ("Vali",
    "MHK Başkanı" for the person the article names for it); "" otherwise."""
    if ph is None or ph.name or not ph.role or not speaker:
        return ""
    role = " ".join(ph.role)
    return "" if _norm(role) == _norm(speaker) else role


def _classify(ctx: _Ctx, span: QuoteSpan) -> tuple[str, str, int, bool]:
    """(kind, cue, end of cue, speaker-after?) of one quote span."""
    text = ctx.text
    after = text[span.close_pos + 1 : span.close_pos + 160]
    n_tok = len(_qtokens(span.text))
    m = AFTER_CUE_RE.match(after)
    if m and not (n_tok <= 2 and FRAGMENT_CUE_RE.match(after)):
        cue = m.group("cue")
        participle = bool(re.search(r"(?:an|en)$", cue)) and not cue.endswith(("arak", "erek"))
        finite_then_name = not participle and bool(
            re.match(
                r"^[^\S\n]+(?:[a-zçğıöşü]+[^\S\n]+){0,3}[A-ZÇĞİÖŞÜ]|^[^\S\n]+(?:von|van|de|al)\s",
                after[m.end() :],
            )
            and _after_gap(re.split(r"[A-ZÇĞİÖŞÜ]", after[m.end() :], maxsplit=1)[0])
        )
        return "direct", cue, span.close_pos + 1 + m.end(), participle or finite_then_name
    if FRAGMENT_CUE_RE.match(after) and n_tok <= 6:
        return "fragment", "", span.close_pos + 1, False
    if span.colon_led:
        pre = text[max(0, span.open_pos - 120) : span.open_pos]
        cm = COLON_CUE_RE.search(pre)
        cue = cm.group("cue") if cm else ""
        return "direct", cue.strip(), span.close_pos + 1, False
    if span.whole_para:
        return "pull", "", span.close_pos + 1, False
    ends_sentence = bool(re.match(r"^[\s]*(?:[.!?]|$)", after))
    if n_tok >= 8 and ends_sentence:
        return "direct", "", span.close_pos + 1, False
    return "fragment", "", span.close_pos + 1, False


def _continues(text: str, prev_close: int, span: QuoteSpan) -> bool:
    """Second half of a quote split by its cue: “A,” dedi X, “B.”"""
    between = text[prev_close + 1 : span.open_pos]
    return (
        between.rstrip().endswith(",")
        and len(between.split()) <= 6
        and bool(AFTER_CUE_RE.match(between))
    )


def _gore_source(ctx: _Ctx, a: int, b: int) -> str | None:
    """'X’e göre' before a quote: a source, used when no other speaker is found."""
    for p in reversed(ctx.phrases_in(a, b)):
        if p.follow == "göre" and p.name:
            return ctx.registry.canonical(p.name, p.start)
    return None


def _whole_sentence(text: str, a: int, b: int, span: QuoteSpan) -> bool:
    """Is the quote the whole sentence (a quote continuing the previous one)?"""
    rest = (text[a : span.open_pos] + text[span.close_pos + 1 : b]).strip(" .!?…")
    return not rest and len(_qtokens(span.text)) >= 4


class _Copies:
    """Is a quote a copy of one of ``others`` (80% of its words in it)? Candidates come
    from an inverted index: a copy must hold one of the rarest words of the quote that
    make up over a fifth of it, so each quote is compared with few others."""

    def __init__(self, others: list[QuoteSpan]) -> None:
        self.others = others
        self._sets: list[set[str]] | None = None
        self._post: dict[str, list[int]] = {}

    def _index(self) -> list[set[str]]:
        if self._sets is None:
            self._sets = [set(_qtokens(o.text)) for o in self.others]
            for k, words in enumerate(self._sets):
                for w in words:
                    self._post.setdefault(w, []).append(k)
        return self._sets

    def is_copy(self, span: QuoteSpan) -> bool:
        mine = _qtokens(span.text)
        if not mine:
            return False
        sets = self._index()
        counts: dict[str, int] = {}
        for t in mine:
            counts[t] = counts.get(t, 0) + 1
        # words not in a copy add up to at most a fifth of the quote: one with none of
        # `need` misses at least 0.2 * len + 1 words
        need, weight = [], 0
        for w in sorted(counts, key=lambda w: len(self._post.get(w, ()))):
            need.append(w)
            weight += counts[w]
            if weight >= 0.2 * len(mine) + 1:
                break
        cands = sorted({k for w in need for k in self._post.get(w, ())})
        for k in cands:
            if self.others[k] is span:
                continue
            theirs = sets[k]
            if sum(1 for t in mine if t in theirs) / len(mine) >= 0.8 and len(theirs) >= len(
                counts
            ):
                return True
        return False


def _indirect(ctx: _Ctx, a: int, b: int, seg_start: int, default: str | None) -> Quote | None:
    sent = ctx.text[a:b]
    m = INDIRECT_RE.search(sent)
    if not m:
        return None
    cue_start = a + m.start("cue")
    if cue_start <= seg_start:
        return None
    speaker, ph = _subject(ctx, seg_start, a + m.start("clause"), last=False)
    if speaker is None and ph is not None and _anaphoric(ph):
        speaker = default  # "Golcü oyuncu, … söyledi": the person of the last statement
    start = seg_start
    if ph is not None:
        gap = re.match(
            r"^(?:[’'\w]*)\s*(?:\([A-ZÇĞİÖŞÜ]{2,}\)\s*)?(?:,|\bise\b|\bda\b|\bde\b)?\s*",
            ctx.text[ph.end : cue_start],
        )
        assert gap is not None  # every part of the pattern is optional
        start = ph.end + len(gap.group())
    else:
        speaker = default
        # a connective, "ise" after a speaker named after a quote, or a one-word subject
        # that names nobody ("Kurum, …")
        lead = re.match(
            r"^[\s,]*(?:(?:Ayrıca|Ancak|Öte yandan|Bununla birlikte|Bu arada|"
            r"Diğer yandan|ise|da|de)\b\s*,?\s*)?(?:[A-ZÇĞİÖŞÜ][a-zçğıöşü]+,\s+)?",
            ctx.text[start:cue_start],
        )
        start += lead.end() if lead else 0
    conv = list(re.finditer(r"\w+(?:arak|erek),\s*", ctx.text[start:cue_start]))
    if conv:
        start += conv[-1].end()
    raw = ctx.text[start:cue_start].strip(" ,")
    clause = attribution.strip_framing(raw)
    start += ctx.text[start:cue_start].find(clause)
    if len(clause.split()) < 2:
        return None
    return Quote(
        speaker=speaker,
        text=clause,
        kind="indirect",
        cue=m.group("cue"),
        start=start,
        end=start + len(clause),
        speaker_role=_role_label(ph, speaker),
    )


_LEAD_RE = re.compile(
    r"^[\s,]*(?:(?:Ayrıca|Ancak|Öte yandan|Bununla birlikte|Bu arada|Diğer yandan)\s*,?\s*)?"
)
#: Words after a source in a passive report: "X’in açıklamasında", "X’ten yapılan açıklamada".
_SOURCE_FOLLOW = frozenset("açıklamasında yapılan açıklamasına bildirisinde raporunda".split())


def _converb(ctx: _Ctx, a: int, b: int, speaker: str | None, subj: Phrase | None) -> Quote | None:
    """ "Er, hattın yenileneceğini belirterek “…” dedi": the clause before the converb is
    an indirect quote of the direct quote's speaker."""
    m = CONVERB_RE.search(ctx.text[a:b])
    if not m:
        return None
    start = a
    if subj is not None and a <= subj.end <= a + m.start("cue"):
        start = subj.end
    start += len(re.match(r"^[\s,]*(?:(?:ise|da|de)\b[\s,]*)?", ctx.text[start:b]).group())  # type: ignore[union-attr]
    raw = ctx.text[start : a + m.start("cue")]
    clause = attribution.strip_framing(raw.strip(" ,"))
    if len(clause.split()) < 2:
        return None
    pos = start + raw.find(clause)
    return Quote(
        speaker,
        clause,
        "indirect",
        m.group("cue"),
        pos,
        pos + len(clause),
        speaker_role=_role_label(subj, speaker),
    )


def _participle(ctx: _Ctx, a: int, b: int) -> Quote | None:
    """ "… taşıdığını söyleyen sanatçıyla konuştuk": the clause is an indirect quote of the
    person or role after the participle (a role resolves to the person named for it)."""
    m = PARTICIPLE_RE.search(ctx.text[a:b])
    if not m:
        return None
    who_pos = a + m.start("who")
    speaker, role = None, ""
    for p in ctx.phrases_in(who_pos, b)[:1]:
        if p.start == who_pos:
            speaker = ctx.registry.speaker(p)
            role = _role_label(p, speaker)
    if speaker is None:
        low = tr_lower(m.group("who"))
        stem = next((s for s in _ROLE_STEMS if low.startswith(s)), "")
        if stem:
            speaker = ctx.registry.resolve_role([stem], who_pos)
            role = stem if speaker else ""
    if speaker is None:
        return None
    start = a + _LEAD_RE.match(ctx.text[a : a + m.start("cue")]).end()  # type: ignore[union-attr]
    clause = attribution.strip_framing(ctx.text[start : a + m.start("cue")].strip(" ,"))
    if len(clause.split()) < 3:
        return None
    pos = start + ctx.text[start:b].find(clause)
    return Quote(
        speaker, clause, "indirect", m.group("cue"), pos, pos + len(clause), speaker_role=role
    )


def _passive(ctx: _Ctx, a: int, b: int) -> Quote | None:
    """ "… olduğu belirtildi": reported content with no speaker, or the source its framing
    names ("BUSKİ’den yapılan açıklamada …", "Enstitüsü’nün açıklamasında …")."""
    m = PASSIVE_RE.search(ctx.text[a:b])
    if not m:
        return None
    cue_start = a + m.start("cue")
    start = a + _LEAD_RE.match(ctx.text[a:cue_start]).end()  # type: ignore[union-attr]
    raw = ctx.text[start:cue_start].strip(" ,")
    clause = attribution.strip_framing(raw, owned=True)
    speaker = None
    if clause != raw:
        speaker = _passive_source(ctx, start, start + raw.find(clause))
    start += ctx.text[start:cue_start].find(clause)
    if len(clause.split()) < 3:
        return None
    return Quote(speaker, clause, "indirect", m.group("cue"), start, start + len(clause))


def _passive_source(ctx: _Ctx, a: int, b: int) -> str | None:
    """The organisation or person whose statement the framing in [a, b) names; two
    names joined by "ve" are one body ("Kandilli Rasathanesi ve Deprem … Enstitüsü")."""
    phrases = ctx.phrases_in(a, b)
    for k, p in enumerate(phrases):
        if p.suffix and p.follow in _SOURCE_FOLLOW and p.name:
            prev = phrases[k - 1] if k else None
            if prev is not None and not prev.suffix and ctx.text[prev.end : p.start] == " ve ":
                return " ".join([*prev.tokens, "ve", *p.tokens])
            return ctx.registry.speaker(p)
    return None


def extract_quotes(article: Article) -> Article:
    """Fill ``article.quotes`` with direct, indirect and fragment quotes."""
    text = article.text or ""
    spans = find_quote_spans(text)
    masked = _mask(text, spans)
    phrases = find_phrases(masked)
    ctx = _Ctx(article, text, spans, phrases, Registry(article, phrases), masked)
    prot = [(s.open_pos, s.close_pos + 1) for s in spans]
    info = {id(s): _classify(ctx, s) for s in spans}
    body = _Copies([s for s in spans if info[id(s)][0] == "direct"])
    quotes: list[Quote] = []
    for a, b in join_protected(text, article_sentences(article), prot):
        quotes.extend(_sentence_quotes(ctx, a, b, info, body))
    article.quotes = sorted(quotes, key=lambda q: q.start)
    return article


def _sentence_quotes(ctx: _Ctx, a: int, b: int, info: dict, body: _Copies) -> list[Quote]:
    out: list[Quote] = []
    seg_start = a
    prev_close = a
    sent_speaker: str | None = None
    in_sentence = ctx.spans_in(a, b)
    for span in in_sentence:
        kind, cue, cue_end, after = info[id(span)]
        pull = kind == "pull"
        if pull:
            if body.is_copy(span):
                seg_start = span.close_pos + 1
                continue
            kind = "direct" if len(_qtokens(span.text)) >= 5 else "fragment"
        prev = out[-1] if out and out[-1].kind == "direct" else None
        if kind == "fragment" and prev and _continues(ctx.text, prev_close, span):
            prev.text = f"{prev.text} {span.text}"  # “Bu karar,” dedi Bakan, “yanlıştır.”
            prev.end = span.end
            continue
        source = _gore_source(ctx, seg_start, span.open_pos)
        ends = not ctx.text[span.close_pos + 1 : b].strip(" .!?…")
        if (
            kind == "fragment"
            and not pull
            and (
                _whole_sentence(ctx.text, a, b, span)
                or (source and ends and len(_qtokens(span.text)) >= 3)
            )
        ):
            kind = "direct"
        if kind == "fragment":
            out.append(Quote(None, span.text, "fragment", "", span.start, span.end))
            continue
        speaker, subj = _after_speaker(ctx, cue_end, b) if after else (None, None)
        if speaker is None:
            speaker, subj = _subject(ctx, seg_start, span.open_pos, last=True)
        if speaker is None and (subj is None or _anaphoric(subj)):
            speaker = source or sent_speaker or ctx.last_speaker
        prev_close = span.close_pos
        conv = _converb(ctx, seg_start, span.open_pos, speaker, subj)
        if conv is not None:
            out.append(conv)
        q = Quote(speaker, span.text, "direct", cue, span.start, span.end)
        q.speaker_role = _role_label(subj, speaker)
        out.append(q)
        sent_speaker = speaker
        seg_start = cue_end
        if after:
            nxt = [p for p in ctx.phrases_in(cue_end, b)]
            if nxt:
                seg_start = nxt[0].end
    colon = [s for s in in_sentence if s.colon_led]
    cpos = ctx.text.rfind(":", a, colon[0].open_pos) if colon else -1
    ind: Quote | None = None
    if cpos >= 0:  # "… gerektiğini vurguladı: “…”" — reported clause before the colon
        ind = _indirect(ctx, a, cpos + 1, a, ctx.last_speaker)
        if ind and not ind.speaker:
            ind.speaker = sent_speaker
    elif not colon:
        ind = _indirect(ctx, a, b, seg_start, sent_speaker or ctx.last_speaker)
        if ind is None and not in_sentence:
            ind = _participle(ctx, a, b)
        if ind is None and not in_sentence:
            ind = _passive(ctx, a, b)
            if ind is not None and ind.speaker:
                ctx.last_speaker = ind.speaker
            if ind is not None:
                return [ind]  # a passive names no subject: the last speaker stays
    if ind:
        out.append(ind)
        sent_speaker = sent_speaker or ind.speaker
    if sent_speaker is None and not in_sentence:
        sent_speaker = _gore_source(ctx, a, b)  # "Karaca’ya göre tablo alarm veriyor."
    if sent_speaker is None:
        sent_speaker, _ = _subject(ctx, a, b, last=False)
    if sent_speaker:
        ctx.last_speaker = sent_speaker
    return out
