"""Article metadata: publication date (and where it came from), outlet, dateline."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from lxml.html import HtmlElement

from gundem.clean.dates import jsonld_objects, parse_value
from gundem.turkish.normalize import casefold_tr

HEADER_DATE_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
# A block that is only a publication stamp: optional label, a date, an optional time.
_STAMP_LABEL = r"(?:yayın(?:lanma)?(?: tarihi)?|oluşturulma|tarih|published|posted|veröffentlicht)"
_STAMP_RE = re.compile(
    rf"^\s*(?:{_STAMP_LABEL}\s*:?\s*)?(?:[A-Za-zÇĞİÖŞÜçğıöşü]+,?\s+)?"
    r"(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}\s+[A-Za-zÇĞİÖŞÜçğıöşü]+\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:[,\s-]+(?:saat\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?)?"
    r"(?:,?\s+[A-Za-zÇĞİÖŞÜçğıöşü]+)?\s*$",  # a trailing weekday: "4 Mart 2026, Çarşamba"
    re.I,
)
_UPDATED_RE = re.compile(r"güncel|updated|aktualisiert", re.I)
LEADING_DATELINE_RE = re.compile(
    r"^([A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ'’ ]{2,30}?)\s*(\([^)\n]{1,25}\))?\s*[-–—]\s+(?=\S)"
)


def split_header_date(text: str) -> tuple[str | None, str]:
    """Strip a leading `date YYYY-MM-DD` marker (as our scrapers write it)."""
    m = HEADER_DATE_RE.match(text)
    if not m or not valid_iso(m.group(1)):
        return None, text
    return m.group(1), text[m.end() :]


def valid_iso(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def normalize_date(value: str | None) -> str | None:
    """Any date string we are given (ISO, 12.03.2026, 12 Mart 2026) → ISO 8601 or None.

    The time and UTC offset are kept when the value has them (``2017-01-17 12:14:08`` →
    ``2017-01-17T12:14:08``); a bare date stays ``YYYY-MM-DD``.
    """
    if not value:
        return None
    return parse_value(value)


def date_from_stamps(blocks: list[str]) -> str | None:
    """A publication date from a block that is nothing but a date stamp, never from prose."""
    found: list[tuple[bool, str]] = []
    for text in blocks:
        if len(text) > 80:
            continue
        m = _STAMP_RE.match(text)
        if m and (iso := normalize_date(m.group(1))):
            found.append((bool(_UPDATED_RE.search(text)), iso))
    found.sort(key=lambda item: item[0])  # "published" stamps before "updated" ones
    return found[0][1] if found else None


def outlet_from_url(url: str) -> str:
    host = urlsplit(url.strip()).hostname or ""
    return host.removeprefix("www.")


# Site names that name no outlet: what templates and extractors leave in og:site_name.
_GENERIC_OUTLETS = frozenset(
    """hosted home homepage index default untitled news haber haberler gündem blog site
    website web anasayfa startseite accueil inicio nachrichten""".split()
)
_NOT_A_NAME_RE = re.compile(
    r"©|\(c\)|copyright|all rights|rights reserved|tüm hakları|alle rechte|://|^www\.|/", re.I
)
_TEXT_URL_RE = re.compile(
    r"^\s*(?:(?:kaynak|source|url|link|haber linki|quelle)\s*:?\s*)?(https?://\S+)\s*$", re.I
)


def clean_outlet(name: str | None) -> str:
    """A site name as given, or "" when it is no outlet's name: a copyright line, a URL,
    a year, a generic word ("Hosted", "Home") or too short to be one ("Nj")."""
    name = " ".join((name or "").split()).strip(" |-–—·:")
    if not name or len(name) > 60 or _NOT_A_NAME_RE.search(name):
        return ""
    if sum(ch.isalpha() for ch in name) < 3 or casefold_tr(name) in _GENERIC_OUTLETS:
        return ""
    return name


def site_name(tree: HtmlElement) -> str:
    """The outlet a page names: og:site_name, else its JSON-LD publisher's name."""
    for el in tree.iter("meta"):
        if (el.get("property") or el.get("name") or "").strip().lower() == "og:site_name":
            if name := clean_outlet(el.get("content")):
                return name
    for script in tree.iter("script"):
        for obj in jsonld_objects(script):
            publisher = obj.get("publisher")
            for pub in publisher if isinstance(publisher, list) else [publisher]:
                if isinstance(pub, dict) and (name := clean_outlet(str(pub.get("name") or ""))):
                    return name
    return ""


def url_in_text(text: str, lines: int = 3) -> str:
    """A source URL that a text input carries on a line of its own near its start or end."""
    rows = [row for row in text.splitlines() if row.strip()]
    for row in rows[:lines] + rows[-lines:]:
        if m := _TEXT_URL_RE.match(row):
            return m.group(1)
    return ""


def leading_dateline(first_paragraph: str) -> tuple[str, str]:
    """'ANKARA (AA) - Text' → ('ANKARA', 'Text'); unchanged when there is none."""
    m = LEADING_DATELINE_RE.match(first_paragraph)
    if not m:
        return "", first_paragraph
    return m.group(1).strip(), first_paragraph[m.end() :]
