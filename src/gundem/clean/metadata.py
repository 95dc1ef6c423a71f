"""Article metadata: publication date (and where it came from), outlet, dateline."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from lxml.html import HtmlElement

from gundem.turkish.lexicon import MONTH_NUMBERS
from gundem.turkish.normalize import casefold_tr

MONTHS_TR = MONTH_NUMBERS
MONTHS_EN = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_MONTHS = {**MONTHS_TR, **MONTHS_EN}

HEADER_DATE_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC_RE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_WORDY_RE = re.compile(r"\b(\d{1,2})\s+([A-Za-zÇĞİÖŞÜçğıöşü]+)\s+(\d{4})\b")
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
    """Any date string we are given (ISO, 12.03.2026, 12 Mart 2026) → YYYY-MM-DD or None."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_RE.search(value)
    if m and valid_iso(m.group(0)):
        return m.group(0)
    m = _NUMERIC_RE.search(value)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        return _iso(y, mo, d)
    m = _WORDY_RE.search(value)
    if m:
        month = _MONTHS.get(casefold_tr(m.group(2)))
        if month:
            return _iso(int(m.group(3)), month, int(m.group(1)))
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


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


_TEXT_NODE_RE = re.compile(r">\s*([^<>]{6,80}?)\s*<")


def html_stamps(html: str, limit: int = 60_000) -> list[str]:
    """Short text nodes of a page: where a visible "4 Mart 2026" stamp would be."""
    return [
        m.group(1)
        for m in _TEXT_NODE_RE.finditer(html[:limit])
        if any(c.isdigit() for c in m.group(1))
    ]


def html_date(html: str, url: str | None = None, tree: HtmlElement | None = None) -> str | None:
    """Publication date from the page's markup only (meta tags, JSON-LD, <time>, URL).

    ``tree`` is the page already parsed (``clean.html.parse_html``): htmldate reads it
    instead of parsing ``html`` again. htmldate's extensive search guesses from body text
    and can return a default date for pages that have none, so it stays off: a wrong date
    is worse than none.
    """
    from htmldate import find_date

    try:
        found = find_date(
            html if tree is None else tree, url=url, extensive_search=False, original_date=True
        )
    except Exception:  # htmldate raises assorted errors on broken markup
        return None
    found = normalize_date(found)
    if found and found.endswith("-01-01") and not _mentions_new_year(html, found[:4]):
        return None  # htmldate's default for a bare year ("© 2026"), not a real date
    return found


def _mentions_new_year(html: str, year: str) -> bool:
    return any(
        f in html for f in (f"{year}-01-01", f"01.01.{year}", f"1 Ocak {year}", f"01/01/{year}")
    )


def outlet_from_url(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def leading_dateline(first_paragraph: str) -> tuple[str, str]:
    """'ANKARA (AA) - Text' → ('ANKARA', 'Text'); unchanged when there is none."""
    m = LEADING_DATELINE_RE.match(first_paragraph)
    if not m:
        return "", first_paragraph
    return m.group(1).strip(), first_paragraph[m.end() :]
