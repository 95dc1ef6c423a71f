"""Publication date of a page: candidates from every place a page states it, scored, with
abstention when the trusted ones disagree (issue 13, point 5).

Candidates, each with the weight of its kind of evidence:

* meta and Open Graph tags naming a publication date (``article:published_time``,
  ``datePublished``, ``DC.date.issued``, ``pubdate``...);
* JSON-LD ``datePublished`` of the page's own article (``dateModified`` is never a
  publication date);
* ``<time datetime>`` elements, marked as the publication time or the first in the article;
* a full date in the URL path (``/2019/10/16/``, ``-20191016``);
* visible stamps: short text nodes that are only a date (with an optional label and time)
  in the page body, most telling near the title;
* htmldate's markup search as one more voter.

The date with the most weight wins when the evidence for it is strong enough and no other
date has comparable weight; otherwise the finder abstains, since a wrong date is worse than
none. The value keeps the time and UTC offset when the winning source gives them
(``2026-03-04T09:30:00+03:00``), and is a bare ``YYYY-MM-DD`` otherwise.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:
    from lxml.html import HtmlElement

from gundem.turkish.lexicon import MONTH_NUMBERS
from gundem.turkish.normalize import casefold_tr

# Month names of the languages our pages come in (Turkish, English, German, French and a
# few more), folded; abbreviations are the first three or four letters.
_MONTH_WORDS: dict[str, int] = {}
for _names in (
    list(MONTH_NUMBERS),
    "january february march april may june july august september october november december",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
):
    for _i, _name in enumerate(_names.split() if isinstance(_names, str) else _names):
        _MONTH_WORDS.setdefault(casefold_tr(_name), _i + 1)
        for _n in (3, 4):
            if len(_name) > _n:
                _MONTH_WORDS.setdefault(casefold_tr(_name[:_n]), _i + 1)
_MONTH_WORDS["jänner"] = 1
_MONTH_WORDS["sept"] = 9

_EARLIEST, _LATEST_YEAR = date(1995, 1, 1), 2100

# Values of tags and attributes: ISO first, then the numeric and wordy forms.
_ISO_DT_RE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_SLASH_YMD_RE = re.compile(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_DMY_RE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?")
_WORD = r"[^\W\d_]{3,12}\.?"
_D_MONTH_Y_RE = re.compile(rf"\b(\d{{1,2}})\.?\s+({_WORD})\s+(\d{{4}})\b")
_MONTH_D_Y_RE = re.compile(rf"\b({_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_TIME_RE = re.compile(r"\b(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\b")

# meta name/property/itemprop values (folded) that state the publication date
_META_PUBLISHED = {
    "article:published_time": 4.0,
    "og:article:published_time": 4.0,
    "og:published_time": 4.0,
    "datepublished": 4.0,
    "article.published": 3.0,
    "publishdate": 3.0,
    "publish-date": 3.0,
    "publish_date": 3.0,
    "published-date": 3.0,
    "pubdate": 3.0,
    "pub_date": 3.0,
    "date.issued": 3.0,
    "dc.date.issued": 3.0,
    "dcterms.issued": 3.0,
    "dc.date.created": 2.5,
    "dcterms.created": 2.5,
    "datecreated": 2.5,
    "sailthru.date": 3.0,
    "parsely-pub-date": 3.0,
    "article:post_date": 3.0,
    "originalpublicationdate": 3.0,
    "dc.date": 1.0,
    "dcterms.date": 1.0,
    "date": 1.0,
    "release_date": 1.0,
    "cxenseparse:recs:publishtime": 3.0,
}
_JSONLD_ARTICLE = re.compile(r"article|posting|report|blog|news", re.I)
_PUBLISHED_WORDS = re.compile(r"publi|veröffentl|erstellt|posted|yayın|pubdate|created", re.I)
_UPDATED_WORDS = re.compile(
    r"updat|modif|aktualisiert|geändert|güncel|changed|edited|revised|mis à jour", re.I
)
# Words that label a publication date, shared by the two label patterns below.
_LABEL_WORDS = (
    r"yayın(?:lanma)?(?: tarihi)?|oluşturulma|tarih|published|posted|veröffentlicht|erstellt|"
    r"publié le|datum|date"
)
_STAMP_LABEL = re.compile(
    rf"^\s*(?:(?:{_LABEL_WORDS}|stand|am|on|le|vom)\s*(?:on|am|:)?\s*)",
    re.I,
)
_URL_DATE_RE = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)"
    r"|[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)"
)
# Labels that say the date after them is the publication date (not "am", "on": too common).
_PUB_LABEL = re.compile(
    rf"^\s*(?:oluşturulma tarihi|yayımlanma(?: tarihi)?|{_LABEL_WORDS}|publicado|pubblicato|"
    r"pressemitteilung vom|pressemeldung vom|press release|basın bülteni)\b",
    re.I,
)
# A paragraph opening with its date: "29.11.2022 – Mehrfach ...", "12 Mart 2024 - Ankara".
_DATELINE_RE = re.compile(
    r"^((?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4})|(?:\d{1,2}\.?\s+[^\W\d_]{3,12}\.?\s+\d{4}))"
    r"\s*[–—-]\s+\S"
)
# The winner needs this much evidence, and abstains when a rival date has RIVAL_RATIO of it.
MIN_WEIGHT = 0.8
RIVAL_RATIO = 0.95
_ONE_DAY = timedelta(days=1)
_NEAR_TITLE = 12  # text nodes between the headline and its date stamp
_SKIP = {"script", "style", "noscript", "template", "select", "option"}
_BOILER = re.compile(r"footer|sidebar|aside", re.I)
_BOILER_STRONG = re.compile(r"comment|related|teaser|widget|promo|recommend", re.I)
_ARTICLE_BOX = re.compile(r"\barticle\b|news-single|\bpost\b|entry", re.I)


@dataclass(frozen=True)
class Candidate:
    """One statement of a date on the page."""

    value: str  # ISO: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS][±HH:MM]
    source: str  # "meta", "jsonld", "time", "url", "stamp", "htmldate", "htmldate-text"
    weight: float

    @property
    def day(self) -> str:
        return self.value[:10]


def find_published(
    tree: HtmlElement, url: str | None = None, *, htmldate_vote: bool = True
) -> str | None:
    """The page's publication date (ISO, with time when stated), or None when unsure."""
    return decide(collect(tree, url, htmldate_vote=htmldate_vote))


def decide(candidates: list[Candidate]) -> str | None:
    """The winning date: most weight, enough of it, and no close rival; else None."""
    # one source stating a day twice (two meta tags, two stamps) is one piece of evidence
    per_source: dict[tuple[str, str], float] = defaultdict(float)
    for c in candidates:
        per_source[c.day, c.source] = max(per_source[c.day, c.source], c.weight)
    by_day: dict[str, float] = defaultdict(float)
    for (day, _source), weight in per_source.items():
        by_day[day] += weight
    if not by_day:
        return None
    ranked = sorted(by_day.items(), key=lambda kv: -kv[1])
    best, weight = ranked[0]
    rival = ranked[1][1] if len(ranked) > 1 else 0.0
    if weight < MIN_WEIGHT or rival >= weight * RIVAL_RATIO:
        return None
    return _most_precise(c.value for c in candidates if c.day == best)


def _most_precise(values: Iterator[str]) -> str:
    """Of the values naming the winning day, the one that also carries a time (and offset)."""
    return max(values, key=lambda v: (len(v) > 10, "+" in v[10:] or "-" in v[10:] or "Z" in v))


def collect(tree: HtmlElement, url: str | None, *, htmldate_vote: bool = True) -> list[Candidate]:
    found = [*_from_meta(tree), *_from_jsonld(tree), *_from_time(tree), *_from_stamps(tree)]
    if url:
        found += _from_url(url)
    if htmldate_vote:
        found += _from_htmldate(tree, url)
    return [c for c in local_days(found) if _plausible(c.day)]


def local_days(candidates: list[Candidate]) -> list[Candidate]:
    """UTC stamps moved to the day the page's readers saw.

    A UTC time that another candidate states as local clock time (same minutes and
    seconds, a whole number of hours apart) is that candidate's day; a UTC time of exactly
    20:00-23:00 is a local midnight east of Greenwich (Turkey's is 21:00Z), so the next day.
    """
    local = [c for c in candidates if len(c.value) > 10 and not c.value.endswith("+00:00")]
    out = []
    for c in candidates:
        if len(c.value) > 10 and c.value.endswith("+00:00"):
            clock = c.value[14:19]  # MM:SS
            twin = next((o for o in local if o.value[14:19] == clock and o.day != c.day), None)
            day = date.fromisoformat(c.day)
            if twin is not None and abs(date.fromisoformat(twin.day) - day) == _ONE_DAY:
                c = Candidate(twin.day, c.source, c.weight)
            elif c.value[11:13] in ("20", "21", "22", "23") and c.value[13:19] == ":00:00":
                c = Candidate((day + _ONE_DAY).isoformat(), c.source, c.weight)
        out.append(c)
    return out


# -- parsing values -------------------------------------------------------------------


def parse_value(text: str, *, wordy: bool = True) -> str | None:
    """A date string in any common form → ISO (with time and offset when present) or None."""
    text = text.strip()
    if not text:
        return None
    m = _ISO_DT_RE.search(text)
    if m:
        return _iso(
            m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)
        )
    m = _COMPACT_RE.match(text)
    if m:
        y, mo, d = m.group(1, 2, 3)
        return _iso(y, mo, d, m.group(4), m.group(5), m.group(6), None)
    m = _SLASH_YMD_RE.search(text)
    if m:
        y, mo, d = m.group(1, 2, 3)
        return _iso(y, mo, d, *_clock(text[m.end() :]))
    m = _DMY_RE.search(text)
    if m:
        d, mo, y = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
        if not m.group(1) and int(mo) > 12:  # 10/16/2019: American order
            d, mo = mo, d
        return _iso(y, mo, d, *_clock(text[m.end() :]))
    if not wordy:
        return None
    for pattern, order in ((_D_MONTH_Y_RE, (0, 1, 2)), (_MONTH_D_Y_RE, (1, 0, 2))):
        m = pattern.search(text)
        if not m:
            continue
        d, word, y = (m.group(i + 1) for i in order)
        month = _MONTH_WORDS.get(casefold_tr(word.rstrip(".")))
        if month:
            return _iso(y, str(month), d, *_clock(text[m.end() :]))
    return None


def _clock(rest: str) -> tuple[str | None, str | None, str | None]:
    m = _TIME_RE.search(rest[:16])
    if not m or int(m.group(1)) > 23:
        return None, None, None
    return m.group(1), m.group(2), m.group(3)


def _iso(
    y: str, mo: str, d: str, hh: str | None, mm: str | None, ss: str | None, tz: str | None = None
) -> str | None:
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if hh is None or mm is None:
        return day.isoformat()
    try:
        moment = datetime(day.year, day.month, day.day, int(hh), int(mm), int(ss or 0))
    except ValueError:
        return day.isoformat()
    value = moment.isoformat()
    if tz:
        value += "+00:00" if tz == "Z" else f"{tz[:3]}:{tz[-2:]}"
    return value


def _plausible(day: str) -> bool:
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return False
    return _EARLIEST <= d and d.year < _LATEST_YEAR


# -- the sources ----------------------------------------------------------------------


def _from_meta(tree: HtmlElement) -> Iterator[Candidate]:
    for el in tree.iter("meta"):
        content = el.get("content") or el.get("datetime") or ""
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (el.get(attr) or "").strip().lower()
            weight = _META_PUBLISHED.get(key)
            if weight and (value := parse_value(content, wordy=False)):
                yield Candidate(value, "meta", weight)
                break


def _from_jsonld(tree: HtmlElement) -> Iterator[Candidate]:
    """datePublished of the page's own article: the first article-typed object, or the
    first object with a datePublished when none is typed as an article."""
    objects = [o for s in tree.iter("script") for o in jsonld_objects(s)]
    dated = [o for o in objects if isinstance(o.get("datePublished"), str)]
    articles = [o for o in dated if _JSONLD_ARTICLE.search(str(o.get("@type", "")))]
    for obj in (articles or dated)[:1]:
        if value := parse_value(obj["datePublished"], wordy=False):
            yield Candidate(value, "jsonld", 4.0)


def jsonld_objects(script: HtmlElement) -> list[dict[str, Any]]:
    """The objects of one <script type="application/ld+json">, nested graphs flattened."""
    if "ld+json" not in (script.get("type") or ""):
        return []
    try:
        data = json.loads(script.text or "")
    except ValueError:
        return []
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            out.append(item)
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if isinstance(item.get(key), list | dict):
                    stack.append(item[key])
    return out


def _from_time(tree: HtmlElement) -> Iterator[Candidate]:
    """<time datetime>: marked as the publication time (itemprop, pubdate, class), else
    the first one outside comments and sidebars."""
    marked = unmarked = False  # only the first of each kind: forums and lists have dozens
    for el in tree.iter("time"):
        if marked and unmarked:
            break
        value = parse_value(el.get("datetime") or el.text_content(), wordy=True)
        if not value or _in_boilerplate(el, own_boxes=True):
            continue
        parent = el.getparent()
        marks = " ".join(el.get(a) or "" for a in ("itemprop", "class", "id", "data-type"))
        marks += " pubdate" if el.get("pubdate") is not None else ""
        if parent is not None:
            marks += " " + " ".join(parent.get(a) or "" for a in ("class", "id", "itemprop"))
        if _UPDATED_WORDS.search(marks) or _UPDATED_WORDS.search(el.text_content()):
            continue
        if _PUBLISHED_WORDS.search(marks):
            if not marked:
                yield Candidate(value, "time", 4.5)
            marked = True
        elif not unmarked:
            yield Candidate(value, "time", 3.0)
            unmarked = True


def _in_boilerplate(el: HtmlElement, *, own_boxes: bool = False) -> bool:
    """Inside comments, sidebars, related lists or a page footer. With ``own_boxes``, a
    footer or aside inside the article itself (its byline box, the <time> of its date line)
    is the article's own, not boilerplate; loose stamps there stay suspect (lists of other
    articles sit in such boxes too)."""
    node: HtmlElement | None = el
    depth = 0
    own_part = False  # passed a footer/aside that may belong to an enclosing article
    while node is not None and depth < 12:
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _BOILER_STRONG.search(marks):
            return True
        if node.tag in ("footer", "aside") or _BOILER.search(marks):
            own_part = True
        elif own_part and own_boxes and (node.tag == "article" or _ARTICLE_BOX.search(marks)):
            return False
        node = node.getparent()
        depth += 1
    return own_part


def _from_url(url: str) -> Iterator[Candidate]:
    m = _URL_DATE_RE.search(url.split("?", 1)[0])
    if not m:
        return
    y, mo, d = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
    if value := _iso(y, mo, d, None, None, None, None):
        yield Candidate(value, "url", 3.0)


def _from_stamps(tree: HtmlElement, limit: int = 2000) -> Iterator[Candidate]:
    """Short text nodes of the body that are nothing but a date stamp (never prose).

    A stamp close to the page's headline (the first <h1>) is the date a reader sees and
    weighs most; others, in lists of other articles, weigh little. Update stamps are skipped.
    """
    body = tree.find("body")
    if body is None:
        return
    nodes = list(_text_nodes(body))[:limit]
    heads = [i for i, (_t, el) in enumerate(nodes) if el.tag == "h1"]
    for i, (text, el) in enumerate(nodes):
        if len(text) > 70 or not any(ch.isdigit() for ch in text) or _UPDATED_WORDS.search(text):
            continue
        if el.tag == "time":  # already a <time> candidate: one element, one vote
            continue
        value = _stamp_value(text)
        if not value:
            continue
        near = bool(heads) and min(abs(i - h) for h in heads[:1]) <= _NEAR_TITLE
        labelled = bool(_PUB_LABEL.match(text)) or (i > 0 and _is_label(nodes[i - 1][0]))
        # a labelled stamp by the headline is the article's own even in a "teaser" box
        if _in_boilerplate(el) and not (near and labelled):
            continue
        yield Candidate(value, "stamp", 3.0 if near or labelled else 0.3)
    if (dateline := _first_dateline(nodes)) is not None:
        yield dateline


def _is_label(text: str) -> bool:
    """A text node that only names the date that follows it ("Datum:", "Yayınlanma:")."""
    return len(text) <= 30 and bool(_PUB_LABEL.match(text)) and not any(c.isdigit() for c in text)


def _first_dateline(nodes: list[tuple[str, HtmlElement]]) -> Candidate | None:
    """The date that opens the article's first dated paragraph ("29.11.2022 – Die ...")."""
    for text, el in nodes:
        m = _DATELINE_RE.match(text)
        if m and len(text) > 60 and not _in_boilerplate(el):
            value = parse_value(m.group(1))
            return Candidate(value, "stamp", 2.0) if value else None
    return None


def _stamp_value(text: str) -> str | None:
    rest = _STAMP_LABEL.sub("", _PUB_LABEL.sub("", text, count=1), count=1)
    value = parse_value(rest)
    if value is None:
        return None
    # nothing but the date (and a weekday, a time, "Uhr"/"saat"): no prose around it
    leftover = re.sub(r"[\W\d_]+", " ", rest)
    words = [w for w in leftover.split() if casefold_tr(w.rstrip(".")) not in _MONTH_WORDS]
    return value if len(words) <= 2 else None


def _text_nodes(root: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    """Text nodes in reading order (a tail after its element's own text), each with the
    element it sits in."""
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            if not isinstance(el.tag, str) or el.tag in _SKIP:
                walker.skip_subtree()  # its end event still comes, with its tail
            elif el.text and el.text.strip():
                yield el.text.strip(), el
        elif el is not root and el.tail and el.tail.strip():
            parent = el.getparent()
            yield el.tail.strip(), parent if parent is not None else el


def _from_htmldate(tree: HtmlElement, url: str | None) -> Iterator[Candidate]:
    """htmldate's markup search (one voter) and its extensive text search (half a voter:
    it guesses from body text, so alone it never decides)."""
    from htmldate import find_date

    for extensive, weight, source in ((False, 1.0, "htmldate"), (True, 0.5, "htmldate-text")):
        try:
            found = find_date(tree, url=url, extensive_search=extensive, original_date=True)
        except Exception:  # htmldate raises assorted errors on broken markup
            continue
        if found and (value := parse_value(found, wordy=False)):
            yield Candidate(value, source, weight)
