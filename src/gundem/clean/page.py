"""RawDoc → Article: decode, clean, and read the metadata. The first per-article stage."""

from __future__ import annotations

import hashlib

from lxml.html import HtmlElement

from gundem.clean.boilerplate import CleanResult, clean_text
from gundem.clean.html import clean_html, parse_html
from gundem.clean.language import detect_language
from gundem.clean.metadata import (
    date_from_stamps,
    html_date,
    html_stamps,
    leading_dateline,
    normalize_date,
    outlet_from_url,
    split_header_date,
)
from gundem.ingest.decode import decode
from gundem.ingest.errors import InputError
from gundem.model import Article, Block, RawDoc
from gundem.turkish import letter_words

#: A text under this many characters is a feed item's description, not a full report:
#: kept, and flagged ``short`` (``gundem run --min-chars N`` drops them on purpose).
SHORT_CHARS = 400
# Removed for what they say, not for their shape: never taken back as a lone sentence.
_NEVER_RESTORED = frozenset({"repeated", "cookie", "disclaimer", "comments", "credit", "lorem",
                             "title-copy", "read-more"})  # fmt: skip


def to_article(raw: RawDoc, repeated: frozenset[str] | None = None) -> Article:
    """Build a clean Article from raw bytes. Raises InputError when no article text is found.

    `repeated` holds block keys seen in several documents of the batch (boilerplate signal).
    """
    meta = raw.meta
    text = decode(raw.data, meta.get("charset"))
    url = meta.get("url", "")
    counts = {k: 2 for k in repeated} if repeated else None
    published, published_from = None, None
    if meta.get("format") == "html":
        result, found, site = _read_html(text, url or None)
        if found:
            published, published_from = found, "html"
    else:
        header, text = split_header_date(text)
        if header:
            published, published_from = header, "header"
        result = clean_text(text, corpus_counts=counts)
        if counts and not any(b.text.strip() for b in result.paragraphs):
            # blocks repeated in other documents never take a document's whole text
            result = clean_text(text)
        site = ""
    if given := normalize_date(meta.get("published")):
        published, published_from = given, "header"
    if published is None:
        stamps = [b.text for b in result.removed]
        if meta.get("format") == "html":
            stamps += html_stamps(text)
        if stamp := date_from_stamps(stamps):
            published = stamp
            published_from = "html" if meta.get("format") == "html" else "text"
    if meta.get("format") != "html" and not any(b.text.strip() for b in result.paragraphs):
        result = _keep_lone_sentences(result)
    body = "\n\n".join(b.text for b in result.paragraphs if b.text.strip())
    title = (meta.get("title") or result.title or meta.get("feed_title") or "").strip()
    flags: list[str] = []
    if not body.strip():
        given_title = (meta.get("title") or meta.get("feed_title") or "").strip()
        if not given_title:
            raise InputError("no-text", _why_no_text(result))
        body, flags = given_title, ["title_only"]
    elif len(body) < SHORT_CHARS:
        flags = ["short"]
    return Article(
        id=raw_id(raw),
        source=raw.source,
        url=url,
        title=title,
        outlet=meta.get("outlet") or site or outlet_from_url(url),
        published=published,
        published_from=published_from,
        dateline=result.dateline or _leading_dateline(result),
        language=detect_language(body),
        format=meta.get("container") or meta.get("format", "text"),
        text=body,
        removed=result.removed,
        flags=flags,
    )


def _keep_lone_sentences(result: CleanResult) -> CleanResult:
    """Cleaning a short text never takes its only sentences: when it kept nothing, the
    removed blocks that read as prose come back (not those removed for what they say)."""
    back = [b for b in result.removed if b.reason not in _NEVER_RESTORED and _is_prose(b.text)]
    if not back:
        return result
    kept = [Block(text=b.text, index=b.index, kind="p") for b in back]
    removed = [b for b in result.removed if b not in back]
    reasons: dict[str, int] = {}
    for b in removed:
        reasons[b.reason] = reasons.get(b.reason, 0) + 1
    return CleanResult(title=result.title, paragraphs=kept, removed=removed,
                       dateline=result.dateline, reasons=reasons)  # fmt: skip


def _is_prose(text: str) -> bool:
    """A sentence, not a menu or a tag list: a few words, some of them not capitalised."""
    ws = letter_words(text)
    return len(ws) >= 3 and sum(1 for w in ws if w[:1].islower()) >= 1


def _why_no_text(result: CleanResult) -> str:
    if not result.removed:
        return "the input has no text"
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(result.reasons.items()))
    return f"no article text: every block was removed as boilerplate ({reasons})"


def raw_id(raw: RawDoc) -> str:
    """Content hash of the input bytes (plus supplied metadata).

    Hashing the input, not the cleaned text, keeps ids stable when the cleaner changes,
    so re-running on the same input adds nothing.
    """
    extra = "|".join(f"{k}={raw.meta[k]}" for k in ("url", "title", "published") if raw.meta.get(k))
    h = hashlib.sha1(extra.encode("utf-8"))
    h.update(raw.data)
    return h.hexdigest()[:16]


def _leading_dateline(result: CleanResult) -> str:
    if not result.paragraphs:
        return ""
    return leading_dateline(result.paragraphs[0].text)[0]


def _read_html(html: str, url: str | None) -> tuple[CleanResult, str | None, str]:
    """Main text, markup date and site name of a page, from one parse of it."""
    tree = parse_html(html)
    if tree is None:
        return clean_html(None), None, ""
    return clean_html(tree, url=url), html_date(html, url, tree=tree), _site_name(tree)


def _site_name(tree: HtmlElement) -> str:
    from trafilatura.metadata import extract_metadata

    try:
        # extensive=False: only the site name is read, so htmldate's text search is skipped
        meta = extract_metadata(tree, extensive=False)
    except Exception:  # broken markup: the outlet falls back to the URL
        return ""
    return (meta.sitename or "").strip() if meta else ""
