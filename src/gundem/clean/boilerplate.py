"""Boilerplate removal on flattened page text: split into blocks, keep the article.

The page is cut into blocks (``blocks.split_blocks``); each block gets cheap features
(length, sentence punctuation, stopword density, widget vocabulary, lorem ipsum, counters).
Hard rules remove obvious widgets; the article body is the contiguous run of blocks with the
most prose (a maximum-sum segment where prose counts for its length and everything else
costs a little, so an ad slot inside a quote does not split it). Around it: the title just
before the body, subheadings and pull quotes between body paragraphs, a "Related"/"Comments"
header ends the article, and prose outside the body is kept only if it shares the lead's
topic. Nothing keys on an outlet or a language; every removed block carries its reason.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from gundem.clean.blocks import (
    Feat,
    block_key,
    content_words,
    features,
    norm,
    related_head,
    split_blocks,
)
from gundem.clean.markup import strip_markup
from gundem.clean.metadata import LEADING_DATELINE_RE
from gundem.clean.widget_words import ALSO_READ_HEADS
from gundem.model import Block
from gundem.turkish import split_sentences

__all__ = ["CleanResult", "block_key", "clean_text", "clean_blocks"]

_UPPER = "A-ZÇĞİÖŞÜÂÎÛÄÖÜÉÈÀÑ"
_DATELINE_END = re.compile(rf"\s[-–—]\s*([{_UPPER}][{_UPPER}'’ ./]{{1,30}}?)\s*$")
_DATELINE_START = re.compile(
    rf"^([{_UPPER}][{_UPPER}'’ ./]{{1,30}}?)(?:\s*\([^)]{{1,30}}\))?\s*[-–—]\s+\S"
)
_DATELINE_LINE = re.compile(rf"^[-–—]\s*([{_UPPER}][{_UPPER}'’ ./]{{1,30}}?)\s*[-–—]?$")
# A cookie/consent banner: names cookies and asks to accept or agree (folded text).
_CONSENT = re.compile(r"\b(?:cookies?|cerez\w*|tracking)\b")
_CONSENT_ASK = re.compile(
    r"\b(?:accept\w*|agree\w*|consent\w*|akzeptier\w*|zustimm\w*|einverstanden|"
    r"einwilligung\w*|kabul\w*|onay\w*|accepter|acepta\w*|privacy|datenschutz\w*)\b"
)
_BREADCRUMB = re.compile(r"^\d{1,2}\.\s+\S")
# A picture credit or source line: "Foto: dpa", "Erdölpumpen im Abendrot. Bild: X/Y".
_CREDIT = re.compile(
    r"(?:^|[\s,.(|/])(?:fotos?|photos?|bild(?:er|quelle)?|images?|credits?|quelle|source|"
    r"picture|fotograf\w*|photograph\w*|bildnachweis|foto credit|photo credit|image credit|"
    r"(?:titel|beitrags|vorschau|header|aufmacher)bild|abbildung|figure|fig\.?|grafik|"
    r"illustration|zdj[eę]cie|fot\.?)(?:\s*\d{1,2})?"
    r"\s*:\s*\S",
    re.IGNORECASE,
)
# A caption ends with its picture credit: "… pasado. EFE", "(REUTERS/Name)", "(Symbolbild)".
_AGENCY = (
    r"(?:reuters|afp|ap|dpa|epa|efe|anadolu|getty\s?images|shutterstock|picture[- ]alliance|"
    r"istock\w*|imago\w*|unsplash|pixabay|keystone|ansa|xinhua|symbolbild|archivbild|foto|"
    r"photo|bild)"
)
_CAPTION_END = re.compile(
    rf"(?:/\s*{_AGENCY}|\(\s*{_AGENCY}[^)]{{0,40}}\)|\.\s+{_AGENCY}|©.{{0,40}})\s*\.?\s*$",
    re.IGNORECASE,
)
# A publication stamp: "Pubblicato il 19 Febbraio 2020", "Veröffentlicht am 6. Juli 2015 von …".
_STAMP = re.compile(
    r"^(?:published|posted|updated|last updated|ver[öo]ffentlicht am|aktualisiert am|stand:|"
    r"zuletzt aktualisiert|pubblicato il|publi[ée] le|mis [àa] jour le|publicado el|"
    r"actualizado el|publicado em|atualizado em|yay[ıi]n(?:lanma)? tarihi|g[üu]ncelleme)\b",
    re.IGNORECASE,
)


def _stamp(f: Feat) -> bool:
    """A stamp opens with its word and holds a date in its first words (a digit in the first
    six tokens); it is no longer sentence ("Published in 1998, the study …." is text)."""
    if f.ends_sentence and f.n_words >= 8 and f.stop >= 0.25:
        return False
    return bool(_STAMP.match(f.text)) and any(
        any(c.isdigit() for c in t) for t in f.text.split()[:6]
    )


# A keyword line: "Tags: Wahl, Berlin, SPD", "Etiketler: ekonomi, enflasyon".
_TAG_LINE = re.compile(
    r"^(?:tags?|etiketler|etiket|anahtar kelimeler|schlagw[öo]rter|schlagworte|stichw[öo]rter|"
    r"keywords|themen|etiquetas|mots-cl[ée]s|parole chiave)\s*:\s*\S",
    re.IGNORECASE,
)
# A credit without a colon: "Photo by Jane Doe on Unsplash", "Foto von Max Muster".
_CREDIT_BY = re.compile(
    r"^(?:photo(?:graph)?s?|image|picture|foto|bild|illustration)\s+(?:by|von|de|di|par)\s+\S",
    re.IGNORECASE,
)
# A post's meta line, not its text: the reading time ("5 min read", "Lesezeit: 4 Minuten") or a
# blog engine's filing line ("This entry was posted in …", "Dieser Beitrag wurde … veröffentlicht").
_READ_TIME = re.compile(
    r"\b\d+\s*(?:min(?:ute)?s?|minuten|dakika|dk)\.?\s*(?:read|reading|lesezeit|lesedauer|"
    r"de lecture|de lectura|di lettura|okuma)\b|\b(?:lesezeit|lesedauer|reading time|"
    r"temps de lecture|tiempo de lectura|okuma s[üu]resi)\s*:?\s*\d+|"
    r"^\d+\s*(?:min(?:ute)?s?|minuten)\s*[-–—|·]\s*\d+\s*(?:words|w[öo]rter)\b",
    re.IGNORECASE,
)
_POST_META = re.compile(
    r"^(?:this (?:entry|post) was posted|(?:dieser|der) (?:eintrag|beitrag|artikel|text) wurde\b.{0,60}"
    r"ver[öo]ffentlicht|ce (?:contenu|billet|article) a [ée]t[ée] publi[ée]|esta entrada fue publicada|"
    r"questo (?:articolo|post) [èe] stato pubblicato|posted in|filed under|ver[öo]ffentlicht in)\b|"
    r"\b(?:bookmark the permalink|lesezeichen f[üu]r den permalink|verschlagwortet mit)\b",
    re.IGNORECASE,
)
# Legal small print on normalized text: licence, liability and rights notices, advertising
# disclosures ("Alle Angaben ohne Gewähr", "All rights reserved", "Tüm hakları saklıdır").
_LEGAL = re.compile(
    r"\b(?:all rights reserved|alle rechte vorbehalten|tous droits reserves|"
    r"todos (?:los|os) derechos reservados|todos os direitos reservados|tutti i diritti riservati|"
    r"alle rechten voorbehouden|wszelkie prawa zastrzezone|prawem autorskim|"
    r"tum haklari saklidir|izinsiz kullanilamaz|yatirim danismanligi kapsaminda degildir|"
    r"creative[- ]commons|ohne gewahr|keine haftung|haftungs(?:ausschluss|hinweis|beschrankung)\w*|"
    r"ubernehmen? (?:wir|ich) keine|verlinkten seiten|externer links|"
    r"urheberrechtlich geschutzt|advertis(?:er|ing) disclosure|affiliate links?|"
    r"may (?:receive|earn) (?:a )?(?:compensation|commission)|n'engagent que|"
    r"suggested citation|zitiervorschlag|reproduction interdite|riproduzione riservata|sorumluluk reddi|sorumluluk kabul edilmez)\b"
)
# A picture counter of a photo strip: "2/7", "3 / 12", "Bild 4 von 9".
_GALLERY = re.compile(r"\b\d{1,3}\s*/\s*\d{1,3}\b|\b\d{1,3} (?:of|von|de|di|van) \d{1,3}\b")
_BREADCRUMB_SEP = re.compile(r"\s(?:[>»/|›]|->)\s")

_LEGAL_WORDS = 60

# Region scores: prose counts for its length, other blocks cost a little.
_COST_REMOVED = 30.0
_COST_HEADING = 60.0
_COST_OTHER = 100.0
# A prose block outside the body is kept when this share of its topic words is in the lead.
_ON_TOPIC = 0.5
# A "related" box inside the body region does not end the article when running prose with
# this share of the article's topic words follows within _BOX_BLOCKS blocks.
_RESUME_TOPIC = 0.3
_BOX_BLOCKS = 10
# After the body the teasers of related stories share its topic: they must share more.
_ON_TOPIC_AFTER = 0.7
# Prose this close before the body region is its lead (a dek or first paragraph that the
# region's costs left out), whatever its topic.
_LEAD_GAP = 3
# A headline before the body is the title when this share of its topic words is in the body.
_TITLE_TOPIC = 0.25
# Prose before the body region stays, whatever its topic, with this many words and this
# share of stopwords or two sentences (and a sentence end, and no widget vocabulary).
_ARTICLE_WORDS = 20
_ARTICLE_STOP = 0.25
# The model overturns a rule decision only with this much extra confidence (logit units).
_MARGIN_DROP = 0.5
_MARGIN_ADD = 0.0


@dataclass
class CleanResult:
    title: str  # best title line found ("" when the page has none)
    paragraphs: list[Block]  # kept blocks in order (kind = p | heading | quote | dateline)
    removed: list[Block]  # removed blocks, each with .reason
    dateline: str  # e.g. "PEKİN" (without the dash) or ""
    reasons: dict[str, int] = field(default_factory=dict)  # removed-block count per reason

    @property
    def text(self) -> str:
        """Clean article text: kept blocks joined by a blank line."""
        return "\n\n".join(b.text for b in self.paragraphs)


def clean_text(text: str, *, corpus_counts: Mapping[str, int] | None = None) -> CleanResult:
    """Split flattened page text into blocks and keep the article (see module doc).

    ``corpus_counts``: ``block_key`` -> number of other documents holding that block; a short
    block held by two or more others is template (reason ``repeated``).
    """
    return clean_blocks(split_blocks(strip_markup(text)), corpus_counts=corpus_counts)


def clean_blocks(
    blocks: list[str],
    *,
    corpus_counts: Mapping[str, int] | None = None,
    trusted: bool = False,
    title_hint: str = "",
) -> CleanResult:
    """Classify already split blocks.

    ``trusted``: the blocks come from a main-text extractor (HTML mode), so the body region
    search and the topic filter are skipped: only widgets, filler, section tails and repeats
    are removed. ``title_hint``: a title known from elsewhere (HTML metadata).
    """
    blocks, tails = trim_tails(blocks, corpus_counts)
    st = _rules(blocks, corpus_counts, trusted, title_hint)
    if not trusted:
        _apply_model(st)
        _keep_quantities(st.feats, st.reasons, st.kinds)
    result = _result(st.feats, st.reasons, st.kinds, st.title)
    if tails:
        result.removed = sorted(result.removed + tails, key=lambda b: b.index)
        for b in tails:
            result.reasons[b.reason] = result.reasons.get(b.reason, 0) + 1
    return result


# Widget kinds a paragraph may end with: "Devamı için tıklayınız", "Paylaş", "See map: …".
_TAIL_REASONS = frozenset({"related", "share", "map", "comments", "newsletter", "login"})
_TAIL_WORDS = 12
_TAIL_WINDOW = 200


def trim_tails(
    blocks: list[str], corpus_counts: Mapping[str, int] | None = None
) -> tuple[list[str], list[Block]]:
    """Cut widget sentences off the end of blocks ("… dedi. Devamı için tıklayınız").

    A block's last sentence goes when it is a short widget line by vocabulary, or a short
    line without sentence end that two other documents of the corpus end with as well (an
    outlet's footer). A block's first sentence always stays: a lone sentence is never cut.
    """
    out: list[str] = []
    cut: list[Block] = []
    for i, text in enumerate(blocks):
        while (tail := last_sentence(text)) and (why := tail_reason(tail, corpus_counts)):
            cut.append(Block(text=tail, index=i, reason=why))
            text = text[: len(text) - len(tail)].rstrip()
        out.append(text)
    return out, cut


def last_sentence(text: str) -> str:
    """The last sentence of ``text`` when it has more than one ("" otherwise)."""
    window = text[-_TAIL_WINDOW:]
    spans = split_sentences(window)
    if len(spans) < 2:
        return ""
    s, e = spans[-1]
    if window[e:].strip():
        return ""
    return window[s:]


def tail_reason(tail: str, corpus_counts: Mapping[str, int] | None) -> str:
    """Why a block's last sentence is a widget ("" when it is text)."""
    f = features(tail)
    if not 0 < f.n_words <= _TAIL_WORDS:
        return ""
    if f.widget in _TAIL_REASONS and f.widget_cover >= 0.5:
        return f.widget
    if corpus_counts and not f.ends_sentence and corpus_counts.get(block_key(tail), 0) >= 2:
        return "repeated"
    return ""


@dataclass
class _State:
    feats: list[Feat]
    reasons: list[str]
    kinds: list[str]
    body: list[bool]
    start: int
    end: int
    title_i: int | None
    title: str


def _rules(
    blocks: list[str],
    corpus_counts: Mapping[str, int] | None,
    trusted: bool,
    title_hint: str,
) -> _State:
    feats = [features(b) for b in blocks]
    reasons = _hard_reasons(feats, corpus_counts, trusted)
    body = [not reasons[i] and _is_prose(f) for i, f in enumerate(feats)]
    if trusted:
        start, end = 0, len(feats) - 1
    else:
        start, end = _body_region(feats, reasons, body)
        end = _widget_cut(feats, reasons, body, start, end)
    end = _section_end(feats, reasons, body, start, end, trusted)
    if not trusted:
        _topic_filter(feats, reasons, body, start, end)
    first = next((i for i, k in enumerate(body) if k and not reasons[i]), start)
    title_i = _find_title(feats, reasons, body, first, title_hint)
    title = feats[title_i].text if title_i is not None else title_hint
    _mark_title_copies(feats, reasons, title, title_i)
    start = min(first, start)
    kinds = _assign(feats, reasons, body, start, end, title_i, trusted)
    if not trusted:
        _keep_lists(feats, reasons, kinds, start, end)
    return _State(feats, reasons, kinds, body, start, end, title_i, title)


def block_table(text: str) -> tuple[list[str], list[list[float]], list[bool]]:
    """Blocks, feature vectors and "the model may decide" flags: for training the model."""
    st = _rules(split_blocks(text), None, False, "")
    vectors = block_vectors(st.feats, st.reasons, st.kinds, st.body, st.start, st.end)
    return [f.text for f in st.feats], vectors, _free(st)


def _free(st: _State) -> list[bool]:
    """Blocks the model may decide: not the title, its subtitle, or a hard-rule removal."""
    t = st.title_i
    return [
        i != t
        and (not r or r in _SOFT_REASONS)
        and not (t is not None and t < i < st.start and st.kinds[i])
        and not _between_prose(st, i)
        for i, r in enumerate(st.reasons)
    ]


def _between_prose(st: _State, i: int) -> bool:
    """A subheading kept by the rules right between two body paragraphs of the region."""
    if st.kinds[i] != "heading" or not st.start < i < st.end:
        return False
    kept = [j for j in (i - 1, i + 1) if st.kinds[j] == "p" and st.body[j]]
    return len(kept) == 2


def _hard_reasons(
    feats: list[Feat], corpus_counts: Mapping[str, int] | None, trusted: bool = False
) -> list[str]:
    """Reasons that need no context: widgets, filler, counters, breadcrumbs, repeats."""
    reasons = [
        "breadcrumb" if not trusted and _is_breadcrumb_trail(f) else _widget_reason(f)
        for f in feats
    ]
    seen: set[str] = set()
    for i, f in enumerate(feats):
        if reasons[i]:
            continue
        if f.lorem >= 3 and f.lorem >= 0.3 * f.n_words:
            reasons[i] = "lorem"
        elif f.n_words <= 120 and _CONSENT.search(f.norm) and _CONSENT_ASK.search(f.norm):
            reasons[i] = "cookie"
        elif f.slug:
            reasons[i] = "reactions"
        elif not trusted and f.n_words <= 20 and _CREDIT.search(f.text):
            reasons[i] = "credit"
        elif not trusted and f.n_words <= 15 and _CREDIT_BY.match(f.text):
            reasons[i] = "credit"
        elif not trusted and f.n_words <= 40 and _CAPTION_END.search(f.text):
            reasons[i] = "caption"
        elif not trusted and f.n_words <= 40 and _POST_META.search(f.text):
            reasons[i] = "postmeta"
        elif not trusted and f.n_words <= 20 and _stamp(f):
            reasons[i] = "stamp"
        elif not trusted and f.n_words <= 30 and not f.ends_sentence and _TAG_LINE.match(f.text):
            reasons[i] = "tags"
        elif not trusted and f.n_words <= 20 and _READ_TIME.search(f.text):
            reasons[i] = "readtime"
        elif not trusted and f.n_words <= _LEGAL_WORDS and _LEGAL.search(f.norm):
            reasons[i] = "disclaimer"
        elif f.n_words <= 30 and _also_read(f.text):
            reasons[i] = "related"
        elif f.n_words == 0:
            reasons[i] = "short"
        elif corpus_counts and _repeated_in_corpus(f, corpus_counts):
            reasons[i] = "repeated"
        if reasons[i]:
            continue
        key = f.norm
        if key in seen and f.n_words > 3:
            reasons[i] = "repeated"
        seen.add(key)
    _counters(feats, reasons)
    _breadcrumbs(feats, reasons)
    _disclaimer_tail(feats, reasons)
    return reasons


def _also_read(text: str) -> bool:
    """A link to another story inside the body: "Lea también: <headline>", "İlgili haber: …"."""
    head, colon, rest = text.partition(":")
    if not colon or not rest.strip() or len(head) > 40:
        return False
    f = features(head)
    if " ".join(f.words) in ALSO_READ_HEADS and not rest.rstrip().endswith("."):
        return True  # a headline has no full stop; "Mira: Das stimmt." is an interview turn
    return 0 < f.n_words <= 4 and f.widget == "related" and f.widget_cover >= 0.6


def _is_breadcrumb_trail(f: Feat) -> bool:
    """ "Home > World > Europe": short, separator-joined, no sentence."""
    return f.n_words <= 25 and not f.ends_sentence and bool(_BREADCRUMB_SEP.search(f.text))


def _widget_reason(f: Feat) -> str:
    if not f.widget:
        return ""
    if f.n_words <= 4 and f.widget_cover >= 0.4:
        return f.widget
    if f.n_words <= 8 and f.widget_cover >= 0.55:
        return f.widget
    if f.n_words <= 15 and f.widget_cover >= 0.45:
        return f.widget
    if f.n_words <= 30 and f.widget_cover >= 0.25 and not (f.n_sent >= 2 and f.stop > 0.2):
        return f.widget
    return ""


def _repeated_in_corpus(f: Feat, counts: Mapping[str, int]) -> bool:
    # counts: how many OTHER documents hold the block. Wire stories repeat whole paragraphs
    # across outlets, so only short blocks count as template unless the repeat is massive.
    c = counts.get(block_key(f.text), 0)
    return c >= 2 and f.n_words <= 30 or c >= 20


def _counters(feats: list[Feat], reasons: list[str]) -> None:
    """Bare numbers: a counter in a run of short labels (reactions) or a list item number."""
    n = len(feats)
    for i, f in enumerate(feats):
        if not f.number:
            continue
        nxt = feats[i + 1] if i + 1 < n else None
        # a numbered teaser headline goes with its number; a numbered step (a sentence) stays
        if (
            nxt is not None
            and not reasons[i + 1]
            and 4 <= nxt.n_words <= 30
            and nxt.n_sent <= 1
            and not nxt.ends_sentence
        ):
            reasons[i] = reasons[i + 1] = "list"
            continue
        reasons[i] = reasons[i] or "reactions"
        # the labels of a reaction widget: short lines right after the counter
        j = i + 1
        while j < n and j <= i + 3 and feats[j].n_words <= 3 and not feats[j].number:
            if not feats[j].ends_sentence:
                reasons[j] = reasons[j] or "reactions"
            j += 1


def _breadcrumbs(feats: list[Feat], reasons: list[str]) -> None:
    """Numbered short lines at the top of the page ("1. Home", "2. World", "3. <title>")."""
    i = 0
    while i < len(feats) and i < 12:
        f = feats[i]
        if reasons[i] in ("", "nav", "short") and _BREADCRUMB.match(f.text) and f.n_words <= 25:
            reasons[i] = "breadcrumb"
        elif not reasons[i]:
            break
        i += 1


def _disclaimer_tail(feats: list[Feat], reasons: list[str]) -> None:
    """A disclaimer header ("Disclaimer:") takes the paragraph after it along."""
    for i, f in enumerate(feats[:-1]):
        if reasons[i] == "disclaimer" and f.n_words <= 4 and f.text.rstrip().endswith(":"):
            if not reasons[i + 1]:
                reasons[i + 1] = "disclaimer"


def _is_prose(f: Feat) -> bool:
    if f.n_words >= 30 and (f.n_sent >= 1 or f.stop >= 0.1):
        return True
    if f.n_words >= 6 and f.ends_sentence and f.upper < 0.7:
        return True
    return f.n_words >= 12 and f.n_sent >= 1


def _is_heading(f: Feat) -> bool:
    return 1 <= f.n_words <= 20 and f.n_chars <= 200 and not (f.ends_sentence and f.n_sent > 1)


def _body_region(feats: list[Feat], reasons: list[str], body: list[bool]) -> tuple[int, int]:
    """Maximum-sum contiguous segment: prose +length, removed/short blocks a small cost."""
    best, best_se = 0.0, (0, -1)
    cur, cur_start = 0.0, 0
    for i, f in enumerate(feats):
        if body[i]:
            s = float(min(f.n_chars, 2000))
        elif reasons[i]:
            s = -_COST_REMOVED
        elif _is_heading(f):
            s = -_COST_HEADING
        else:
            s = -_COST_OTHER - 0.3 * f.n_chars
        if cur <= 0:
            cur, cur_start = s, i
        else:
            cur += s
        if cur > best:
            best, best_se = cur, (cur_start, i)
    return best_se


# Widgets that end an article: a block removed for one of these reasons inside the body
# region, or prose holding the vocabulary of a pitch ("Subscribe to our newsletter…", "We
# welcome reader comments…"), ends the region when at most this share of its prose follows.
_CUT_REASONS = frozenset(
    {"share", "related", "newsletter", "comments", "disclaimer", "reactions", "postmeta"}
)
_PITCH = frozenset({"newsletter", "login", "comments", "disclaimer"})
_CUT_RATIO = 0.4
_CUT_RATIO_CREDIT = 0.1


def _widget_cut(
    feats: list[Feat], reasons: list[str], body: list[bool], start: int, end: int
) -> int:
    """End the body region at an end-of-article widget or pitch inside it (without markup
    the max-sum region runs on over an author box or a newsletter pitch after the article)."""
    prose = [feats[i].n_chars if body[i] and not reasons[i] else 0 for i in range(len(feats))]
    before = 0
    after = sum(prose[start : end + 1])
    for i in range(start, end + 1):
        before += prose[i]
        after -= prose[i]
        pitch = not reasons[i] and feats[i].widget in _PITCH
        # a picture credit ends the article only when next to no prose follows it
        credit = reasons[i] in ("credit", "caption") and after <= _CUT_RATIO_CREDIT * before
        if before and (
            credit or (reasons[i] in _CUT_REASONS or pitch) and after <= _CUT_RATIO * before
        ):
            if not _also_read(feats[i].text):  # an inline link to another story
                return i - 1
    return end


def _find_title(
    feats: list[Feat], reasons: list[str], body: list[bool], first: int, hint: str
) -> int | None:
    """The title: a headline on the body's topic just before it, or a one-sentence lead."""
    if hint:
        h = norm(hint)
        return next((i for i, f in enumerate(feats) if f.norm == h), None)
    vocab = _vocab(feats, reasons, body)
    window = [i for i in range(max(0, first - 12), first) if not reasons[i]][-6:]
    best, best_ov = None, 0.0
    for i in window:
        f = feats[i]
        if f.n_words < 3 or f.n_chars > 250 or f.n_sent > 1 or _mostly_figures(f):
            continue
        cw = content_words(f.words)
        ov = len(cw & vocab) / len(cw) if cw else 0.0
        if ov >= 0.5:  # the earliest strong match: a subtitle may follow the title
            return i
        if ov > best_ov:
            best, best_ov = i, ov
    if best is not None and best_ov >= _TITLE_TOPIC:
        return best
    # no headline before the body: a lone first sentence followed by a longer paragraph
    if first < len(feats) and body[first] and not reasons[first]:
        f = feats[first]
        nxt = next((j for j in range(first + 1, len(feats)) if not reasons[j]), None)
        if (
            f.n_sent <= 1
            and not LEADING_DATELINE_RE.match(f.text)  # "ANKARA - …" opens a body, not a title
            and f.n_words <= 30
            and f.n_chars <= 250
            and nxt is not None
            and body[nxt]
            and feats[nxt].n_chars > f.n_chars
        ):
            return first
    return None


def _mostly_figures(f: Feat) -> bool:
    """A date or time stamp ("7. Oktober 2020", "Yayın: 12.03.2024 14:05"), not a headline."""
    tokens = f.text.split()
    return 2 * sum(any(c.isdigit() for c in t) for t in tokens) >= len(tokens)


def _vocab(feats: list[Feat], reasons: list[str], body: list[bool]) -> set[str]:
    """Topic words of the kept prose."""
    out: set[str] = set()
    for i, f in enumerate(feats):
        if body[i] and not reasons[i]:
            out |= content_words(f.words)
    return out


def _mark_title_copies(
    feats: list[Feat], reasons: list[str], title: str, title_i: int | None
) -> None:
    if not title:
        return
    t = norm(title)
    for i, f in enumerate(feats):
        if i == title_i or reasons[i] == "breadcrumb":
            continue
        if f.norm == t or (len(t) > 20 and t in f.norm and f.n_chars < len(title) + 40):
            reasons[i] = "title-copy"


def _section_end(
    feats: list[Feat], reasons: list[str], body: list[bool], start: int, end: int, trusted: bool
) -> int:
    """A "Related posts" / "Comments" header after body text ends the article there (unless
    the article resumes after a "related" box, ``_article_resumes``).

    Without markup a longer "related" header counts too ("Die meistgelesenen Artikel"); an
    extractor's main text (``trusted``) may hold such a line in the article's own link box.
    """
    seen_body = False
    i = start
    while i < len(feats):
        if body[i] and not reasons[i]:
            seen_body = True
        sec = feats[i].section_end
        if not sec and not trusted and seen_body and related_head(feats[i]):
            sec = "related"
        if sec and seen_body:
            back = None
            if sec == "related" and not trusted:
                back = _article_resumes(feats, reasons, body, i, start, end)
            if back is not None:
                for j in range(i, back):
                    reasons[j] = reasons[j] or sec
                reasons[i] = sec
                i = back
                continue
            for j in range(i, len(feats)):
                if not reasons[j] or j == i:
                    reasons[j] = sec
            return min(end, i - 1)
        i += 1
    return end


def _article_resumes(
    feats: list[Feat], reasons: list[str], body: list[bool], i: int, start: int, end: int
) -> int | None:
    """Where the article goes on after a "related" box inside the body region, if it does.

    News pages put a box of links to other stories between two paragraphs; without markup its
    header reads like the start of the page's link section. The article goes on when the next
    running text, still inside the body region, is on the topic of the text before the box.
    """
    vocab: set[str] = set()
    for k in range(start, i):
        if body[k] and not reasons[k]:
            vocab |= content_words(feats[k].words)
    for j in range(i + 1, min(end, i + _BOX_BLOCKS) + 1):
        if body[j] and not reasons[j] and _reads_as_article(feats[j]):
            cw = content_words(feats[j].words)
            if cw and len(cw & vocab) / len(cw) >= _RESUME_TOPIC:
                return j
            return None
    return None


def _assign(
    feats: list[Feat],
    reasons: list[str],
    body: list[bool],
    start: int,
    end: int,
    title_i: int | None,
    trusted: bool,
) -> list[str]:
    """Kind of each kept block (p, heading, quote, dateline); reasons for the others."""
    kinds = [""] * len(feats)
    for i, f in enumerate(feats):
        if reasons[i] or i == title_i:
            continue
        if body[i]:
            kinds[i] = "p"
            continue
        if _DATELINE_LINE.match(f.text):
            kinds[i] = "dateline"
            continue
        between = title_i is not None and title_i < i < start
        inside = start <= i <= end or (between and f.n_words > 3)
        if (
            inside
            and _is_heading(f)
            and _heading_shape(f)
            and (trusted or (_leads_to_prose(reasons, body, i) and not _mostly_figures(f)))
        ):
            kinds[i] = "quote" if f.quoted else "heading"
        elif trusted and f.n_words >= 2:
            kinds[i] = "p"
        else:
            reasons[i] = f.widget or ("short" if f.n_words <= 12 else "off-topic")
    return kinds


def _keep_lists(
    feats: list[Feat], reasons: list[str], kinds: list[str], start: int, end: int
) -> None:
    """Keep the short lines that the body region holds between two kept blocks.

    Without markup a list (ingredients, steps, specifications), a pull quote or a one-line
    paragraph is such a line or run of lines; HTML mode keeps it as part of the extracted
    article. A run may hold removals that vocabulary misreads on list lines (``_LIST_PASS``),
    not others. Not kept: a photo strip (a "2/7" picture counter in the run), a lone word, a
    widget line, a link box's header ending in a colon, a byline.
    """
    i = start + 1
    while i < end:
        if kinds[i]:
            i += 1
            continue
        j = i
        while j + 1 < end and not kinds[j + 1]:
            j += 1
        run = range(i, j + 1)
        soft = [k for k in run if reasons[k] in _SOFT_REASONS]
        if (
            soft
            and kinds[i - 1]
            and kinds[j + 1]
            and all(reasons[k] in _SOFT_REASONS or reasons[k] in _LIST_PASS for k in run)
            and not any(_GALLERY.search(feats[k].text) for k in run)
        ):
            for k in soft:
                if _list_item(feats[k]):
                    kinds[k], reasons[k] = "p", ""
        i = j + 1


# A list line opening with an amount and a unit: "200 g Mehl", "2 EL Zucker", "1 su bardağı
# un", "1½ cups water", "3 yemek kaşığı zeytinyağı".
_AMOUNT = r"(?:\d+(?:[.,/]\d+)?\s*[½¼¾⅓]?|[½¼¾⅓])(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?"
_UNIT = (
    r"(?:g|gr|kg|mg|ml|l|cl|dl|el|tl|msp|pck|pkg|päckchen|prisen?|stück|stk|becher|dosen?|"
    r"bund|zehen?|scheiben?|tassen?|cups?|tbsp|tsp|tablespoons?|teaspoons?|oz|lbs?|pinch|"
    r"cloves?|su bardağı|çay bardağı|yemek kaşığı|tatlı kaşığı|çay kaşığı|adet|tutam|paket|"
    r"diş|demet|kase|avuç)\.?"
)
_QUANTITY = re.compile(rf"^{_AMOUNT}\s*{_UNIT}(?:\s|$)", re.IGNORECASE)
_QUANTITY_RUN = 3  # quantity lines within this many blocks of each other make a list
_QUANTITY_WORDS = 12


def _keep_quantities(feats: list[Feat], reasons: list[str], kinds: list[str]) -> None:
    """Keep a run of amount lines (an ingredient or parts list) wherever it stands.

    Without markup such a list often sits before the prose (the steps), out of the body
    region; page furniture rarely holds three "200 g …" lines close together.
    """
    qty = [f.n_words <= _QUANTITY_WORDS and bool(_QUANTITY.match(f.text)) for f in feats]
    for i in range(len(feats)):
        if not qty[i] or kinds[i] or reasons[i] not in _SOFT_REASONS:
            continue
        near = qty[max(0, i - _QUANTITY_RUN) : i + _QUANTITY_RUN + 1]
        if sum(near) >= _QUANTITY_RUN:
            kinds[i], reasons[i] = "p", ""


def _list_item(f: Feat) -> bool:
    """A line of a list, not a widget label, a box header ("Auch lesen:") or a byline."""
    return (
        f.n_words >= 2
        and not f.widget
        and not f.text.rstrip().endswith(":")
        and not (f.n_words <= 10 and _BYLINE.match(f.text))
    )


def _leads_to_prose(reasons: list[str], body: list[bool], i: int) -> bool:
    """A subheading is followed by prose (at most one more heading line in between)."""
    seen = 0
    for j in range(i + 1, len(body)):
        if reasons[j]:
            continue
        if body[j]:
            return True
        seen += 1
        if seen > 1:
            return False
    return False


def _heading_shape(f: Feat) -> bool:
    """Subheadings start with a capital, a digit or a quote and are not a lone lowercase word."""
    t = f.text.lstrip()
    first = t[:1]
    if f.n_words == 1:
        return first.isupper() and f.n_chars >= 4
    return first.isupper() or first.isdigit() or first in "\"“‘'«"


def _topic_filter(
    feats: list[Feat], reasons: list[str], body: list[bool], start: int, end: int
) -> None:
    """Prose outside the body region stays only if it shares the body's topic."""
    vocab: set[str] = set()
    for i in range(start, end + 1):
        if body[i] and not reasons[i]:
            vocab |= content_words(feats[i].words)
    for i, f in enumerate(feats):
        if not body[i] or reasons[i] or start <= i <= end:
            continue
        if i < start and (_reads_as_article(f) or start - i <= _LEAD_GAP):
            continue
        cw = content_words(f.words)
        need = _ON_TOPIC if i < start else _ON_TOPIC_AFTER
        if not vocab or not cw or len(cw & vocab) / len(cw) < need:
            reasons[i] = "off-topic"


def _reads_as_article(f: Feat) -> bool:
    """Full sentences dense in function words: an earlier part of the article, not a teaser.

    Without markup a picture, a table or an ingredient list can cut the article in two; the
    body region is the larger part, and the part before it is kept by its prose alone (page
    furniture before the article is short lines and teasers, rarely running text).
    """
    return (
        f.ends_sentence
        and f.n_words >= _ARTICLE_WORDS
        and (f.stop >= _ARTICLE_STOP or f.n_sent >= 2)  # Turkish has few stopwords
        and not f.widget
    )


# Removals a list may hold without ending it: vocabulary misread on a short line ("Tel."
# read as share, "Preis: 300 x 36" as a counter), a row repeated in a table, a caption.
_LIST_PASS = frozenset({"share", "nav", "repeated", "list", "reactions", "credit"})
# A byline or author line: "von Anja Muster am 3. Mai", "By Jane Doe", "Muhabir: Ali Can".
_BYLINE = re.compile(r"^(?:by|von|par|por|door|yazan|muhabir|autor|author)\b", re.IGNORECASE)
# Reasons the rules are sure about; the learned model only arbitrates the others.
_SOFT_REASONS = frozenset({"short", "off-topic"})


@dataclass(frozen=True)
class _Model:
    w1: list[float]  # stage 1: block features
    b1: float
    w2: list[float]  # stage 2: block features + stage-1 probabilities around the block
    b2: float
    threshold: float


@lru_cache(maxsize=1)
def _model() -> _Model | None:
    """Logistic weights trained by ``python -m gundem_tools.clean.train`` (None: rules only).

    ``$GUNDEM_CLEAN_MODEL``: another model file to load, or ``none`` for the rules alone
    (for benchmarking model variants against each other).
    """
    env = os.environ.get("GUNDEM_CLEAN_MODEL", "")
    if env.lower() == "none":
        return None
    path = (
        Path(env) if env else Path(__file__).resolve().parents[1] / "models" / "clean_blocks.json"
    )
    if not path.exists():
        return None
    m = json.loads(path.read_text(encoding="utf-8"))
    if m.get("features") != FEATURE_NAMES:
        return None
    return _Model(m["w1"], m["b1"], m["w2"], m["b2"], m["threshold"])


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def context_vectors(vectors: list[list[float]], p1: list[float]) -> list[list[float]]:
    """Stage-2 inputs: each block's features plus stage-1 probabilities of its neighbours."""
    n = len(p1)
    out = []
    for i, x in enumerate(vectors):
        prev1 = p1[i - 1] if i > 0 else 0.0
        next1 = p1[i + 1] if i + 1 < n else 0.0
        near = [p1[j] for j in range(max(0, i - 3), min(n, i + 4)) if j != i]
        wide = [p1[j] for j in range(max(0, i - 8), min(n, i + 9)) if j != i]
        out.append(
            x
            + [
                p1[i],
                prev1,
                next1,
                sum(near) / len(near) if near else 0.0,
                max(near) if near else 0.0,
                sum(wide) / len(wide) if wide else 0.0,
            ]
        )
    return out


def stage1(vectors: list[list[float]], hard: list[bool], w: list[float], b: float) -> list[float]:
    return [
        0.0 if h else _sigmoid(b + sum(wi * v for wi, v in zip(w, x, strict=True)))
        for x, h in zip(vectors, hard, strict=True)
    ]


FEATURE_NAMES = [
    "rule_keep",
    "prose",
    "in_region",
    "log_chars",
    "words",
    "ends_sentence",
    "sentences",
    "stopwords",
    "upper",
    "widget_cover",
    "quoted",
    "heading",
    "leads_to_prose",
    "topic",
    "prev_prose",
    "next_prose",
    "prev_removed",
    "next_removed",
    "position",
    "region_dist",
    "digits",
    "punct",
    "commas",
    "lower_start",
    "word_len",
    "near_chars",
    "near_prose",
    "short",
    "colon_end",
    "separators",
    "reason_short",
    "reason_off_topic",
    "before_region",
    "after_region",
    "prev_log_chars",
    "next_log_chars",
    "prev2_prose",
    "next2_prose",
    "all_caps",
    "date_or_time",
    "url_or_mail",
    "ellipsis_end",
    "prose_x_region",
    "prose_x_topic",
    "short_x_region",
    "heading_x_leads",
    "rule_x_near_prose",
    "topic_x_out",
    "run_len",
    "near_hard",
    "key_value",
    "prose_dist",
    "digit_start",
    "short_x_prose_near",
]
_DATE_OR_TIME = re.compile(
    r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b"
)
_URL_OR_MAIL = re.compile(r"https?://|www\.|@\w")
_PUNCT = re.compile(r"[^\w\s]")
_SEPARATORS = re.compile(r"[|•·»›/]")
_KEY_VALUE = re.compile(r"^[^:.!?]{1,40}:\s+\S")


def block_vectors(
    feats: list[Feat],
    reasons: list[str],
    kinds: list[str],
    body: list[bool],
    start: int,
    end: int,
) -> list[list[float]]:
    """One feature vector per block (FEATURE_NAMES), for the model and its training."""
    n = len(feats)
    vocab: set[str] = set()
    for i in range(start, end + 1):
        if kinds[i] == "p":
            vocab |= content_words(feats[i].words)
    hard = [bool(r) and r not in _SOFT_REASONS for r in reasons]
    prose = [body[i] and not hard[i] for i in range(n)]
    # length of the run of non-prose blocks each block sits in (a menu is a long run)
    run = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and not prose[j]:
            j += 1
        for k in range(i, j):
            run[k] = j - i
        i = max(j, i + 1)
    # blocks to the nearest prose block
    pdist = [n] * n
    last = None
    for i in range(n):
        if prose[i]:
            last = i
        if last is not None:
            pdist[i] = i - last
    last = None
    for i in range(n - 1, -1, -1):
        if prose[i]:
            last = i
        if last is not None:
            pdist[i] = min(pdist[i], last - i)
    out = []
    for i, f in enumerate(feats):
        prev = next((j for j in range(i - 1, -1, -1) if not hard[j]), None)
        nxt = next((j for j in range(i + 1, n) if not hard[j]), None)
        near = range(max(0, i - 3), min(n, i + 4))
        cw = content_words(f.words)
        chars = max(1, f.n_chars)
        dist = 0 if start <= i <= end else (start - i if i < start else i - end)
        out.append(
            [
                1.0 if kinds[i] else 0.0,
                1.0 if prose[i] else 0.0,
                1.0 if dist == 0 else 0.0,
                math.log1p(f.n_chars) / 8,
                min(f.n_words, 60) / 60,
                1.0 if f.ends_sentence else 0.0,
                min(f.n_sent, 10) / 10,
                f.stop,
                f.upper,
                f.widget_cover,
                1.0 if f.quoted else 0.0,
                1.0 if _is_heading(f) and _heading_shape(f) else 0.0,
                1.0 if _leads_to_prose(reasons, body, i) else 0.0,
                len(cw & vocab) / len(cw) if cw and vocab else 0.0,
                1.0 if prev is not None and prose[prev] else 0.0,
                1.0 if nxt is not None and prose[nxt] else 0.0,
                1.0 if i > 0 and hard[i - 1] else 0.0,
                1.0 if i + 1 < n and hard[i + 1] else 0.0,
                i / n,
                math.log1p(dist) / 5,
                sum(c.isdigit() for c in f.text) / chars,
                len(_PUNCT.findall(f.text)) / chars,
                f.text.count(",") / max(1, f.n_words),
                1.0 if f.text[:1].islower() else 0.0,
                min(sum(len(w) for w in f.words) / max(1, f.n_words), 15) / 15,
                math.log1p(sum(feats[j].n_chars for j in near) / len(near)) / 8,
                sum(prose[j] for j in near) / len(near),
                1.0 if f.n_chars < 30 else 0.0,
                1.0 if f.text.rstrip().endswith(":") else 0.0,
                min(len(_SEPARATORS.findall(f.text)), 5) / 5,
                1.0 if reasons[i] == "short" else 0.0,
                1.0 if reasons[i] == "off-topic" else 0.0,
                1.0 if i < start else 0.0,
                1.0 if i > end else 0.0,
                math.log1p(feats[prev].n_chars) / 8 if prev is not None else 0.0,
                math.log1p(feats[nxt].n_chars) / 8 if nxt is not None else 0.0,
                1.0 if i > 1 and prose[i - 2] else 0.0,
                1.0 if i + 2 < n and prose[i + 2] else 0.0,
                1.0 if f.text.isupper() else 0.0,
                1.0 if _DATE_OR_TIME.search(f.text) else 0.0,
                1.0 if _URL_OR_MAIL.search(f.text) else 0.0,
                1.0 if f.text.rstrip().endswith(("...", "…", "[…]", "[...]")) else 0.0,
            ]
        )
        x = out[-1]
        # a few interactions the linear model cannot form by itself
        x += [
            x[1] * x[2],
            x[1] * x[13],
            x[27] * x[2],
            x[11] * x[12],
            x[0] * x[26],
            x[13] * (1 - x[2]),
        ]
        pd = 1.0 / (1 + pdist[i])
        x += [
            math.log1p(run[i]) / 5,
            sum(hard[j] for j in near) / len(near),
            1.0 if _KEY_VALUE.match(f.text) else 0.0,
            pd,
            1.0 if f.text[:1].isdigit() else 0.0,
            x[27] * pd,
        ]
    return out


def _apply_model(st: _State) -> None:
    model = _model()
    if model is None:
        return
    feats, reasons, kinds, body = st.feats, st.reasons, st.kinds, st.body
    vectors = block_vectors(feats, reasons, kinds, body, st.start, st.end)
    free = _free(st)
    rule_kinds, rule_reasons = kinds[:], reasons[:]
    p1 = stage1(vectors, [not f for f in free], model.w1, model.b1)
    for i, x in enumerate(context_vectors(vectors, p1)):
        if not free[i]:
            continue
        z = model.b2 + sum(w * v for w, v in zip(model.w2, x, strict=True))
        # the rules' own decision counts: the model must be this sure to overturn it
        keep = z >= model.threshold + (-_MARGIN_DROP if kinds[i] else _MARGIN_ADD)
        if keep and not kinds[i]:
            f = feats[i]
            kinds[i] = "p" if body[i] or not _is_heading(f) else "quote" if f.quoted else "heading"
            reasons[i] = ""
        elif not keep and kinds[i] in ("p", "heading", "quote"):
            kinds[i] = ""
            reasons[i] = "off-topic" if body[i] else "short"
    if "p" in rule_kinds and "p" not in kinds:  # the model may trim the article, not empty it
        kinds[:], reasons[:] = rule_kinds, rule_reasons


def _dateline(paragraphs: list[Block]) -> str:
    for b in reversed(paragraphs):
        if b.kind == "dateline":
            m = _DATELINE_LINE.match(b.text)
            return m.group(1).strip() if m else b.text.strip(" -–—")
    if not paragraphs:
        return ""
    m = _DATELINE_END.search(paragraphs[-1].text)
    if m and not m.group(1).strip().isdigit():
        return m.group(1).strip(" .")
    first = next((b for b in paragraphs if b.kind == "p"), None)
    if first is not None:
        m = _DATELINE_START.match(first.text)
        if m and len(m.group(1).split()) <= 3:
            return m.group(1).strip(" .")
    return ""


def _result(feats: list[Feat], reasons: list[str], kinds: list[str], title: str) -> CleanResult:
    kept: list[Block] = []
    removed: list[Block] = []
    counts: dict[str, int] = {}
    for i, f in enumerate(feats):
        if kinds[i]:
            kept.append(Block(text=f.text, index=i, kind=kinds[i]))
        elif reasons[i]:
            removed.append(Block(text=f.text, index=i, reason=reasons[i]))
            counts[reasons[i]] = counts.get(reasons[i], 0) + 1
    return CleanResult(
        title=title, paragraphs=kept, removed=removed, dateline=_dateline(kept), reasons=counts
    )
