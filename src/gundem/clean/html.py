"""HTML pages: trafilatura finds the main text, our block classifier drops its leftovers.

A page is parsed once (``parse_html``); the tree goes to trafilatura's extraction, to the
metadata readers (``trafilatura.metadata.extract_metadata``, ``htmldate.find_date``) and to the
flattening fallback. None of them changes it: trafilatura and htmldate copy a tree they are
given before pruning it.

``flatten_html`` turns a whole page (navigation and footer included) into text blocks like
the seed files, one block per block-level element; the benchmark uses it to score the
text-only cleaner on real pages.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser as _StreamParser

import trafilatura
import trafilatura.utils
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, fromstring
from trafilatura.metadata import extract_title
from trafilatura.utils import decode_file, load_html

from gundem.clean.blocks import split_blocks
from gundem.clean.boilerplate import CleanResult, clean_blocks, clean_text

__all__ = ["clean_html", "flatten_html", "parse_html"]

_BLOCK_TAGS = frozenset(
    """address article aside blockquote body br center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li
    main menu nav ol option p pre section summary table tbody td tfoot th thead tr ul
    caption legend select textarea button""".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head iframe object embed canvas".split())
_WS = re.compile(r"\s+")
# Below this much text trafilatura probably missed the article: fall back to the text cleaner.
_MIN_TRAFILATURA_CHARS = 250


# trafilatura's parser options plus huge_tree: libxml2 stops at 256 levels of nesting
# without it (everything after that point is lost), at 2048 with it.
_HUGE_PARSER = HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_pis=True, huge_tree=True
)


def parse_html(html: str | bytes | HtmlElement | None) -> HtmlElement | None:
    """The page's one lxml tree (trafilatura's parser); None when it is not HTML at all.

    A page nested deeper than libxml2's limit is re-parsed with huge_tree, and one deeper
    still is rebuilt flat (``_shallow_html``), so its text is never cut off.
    """
    if html is None or isinstance(html, HtmlElement):
        return html
    tree = load_html(html)
    if not _depth_limited(trafilatura.utils.HTML_PARSER):
        return tree
    text = decode_file(html)
    tree = fromstring(text, parser=_HUGE_PARSER)
    if _depth_limited(_HUGE_PARSER):
        tree = fromstring(_shallow_html(text), parser=_HUGE_PARSER)
    return tree


def _depth_limited(parser: HTMLParser) -> bool:
    """Did the last parse stop at libxml2's nesting limit (the rest of the page dropped)?"""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


class _Flattener(_StreamParser):
    """Stream a page of any depth into its title and text blocks (the stdlib parser keeps no
    tree, so nesting costs nothing)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.blocks: list[str] = []
        self._buf: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self._buf.append(data)

    def _flush(self) -> None:
        text = _WS.sub(" ", "".join(self._buf)).strip()
        if text:
            self.blocks.append(text)
        self._buf.clear()


def _shallow_html(text: str) -> str:
    """A page too deep for libxml2 rebuilt as one level of paragraphs: its text is kept,
    its layout is not."""
    flat = _Flattener()
    flat.feed(text)
    flat.close()
    flat._flush()
    title = escape(_WS.sub(" ", "".join(flat.title)).strip())
    body = "".join(f"<p>{escape(b)}</p>" for b in flat.blocks)
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def _hidden(el: HtmlElement) -> bool:
    """Not rendered: the ``hidden`` attribute (inline display:none is often revealed by a
    script, e.g. a "read more" fold, so that text stays)."""
    return "hidden" in el.attrib


def flatten_html(html: str | bytes | HtmlElement | None) -> str:
    """The whole page as text: one block per block-level element, blocks split by a blank line."""
    tree = parse_html(html)
    if tree is None:
        return ""
    blocks: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            text = _WS.sub(" ", "".join(buf)).strip()
            if text:
                blocks.append(text)
            buf.clear()

    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # comment or processing instruction: only its tail counts
            if event == "end" and el.tail:
                buf.append(el.tail)
            continue
        tag = tag.lower()
        if event == "start":
            if tag in _SKIP_TAGS or _hidden(el):
                walker.skip_subtree()  # its end event still comes
                continue
            if tag in _BLOCK_TAGS:
                flush()
            if el.text:
                buf.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                flush()
            elif tag in ("img", "input") or tag in _SKIP_TAGS:
                buf.append(" ")
            if el.tail:
                buf.append(el.tail)
    flush()
    return "\n\n".join(blocks)


def clean_html(html: str | bytes | HtmlElement | None, *, url: str | None = None) -> CleanResult:
    """Main text of an HTML page (markup or its ``parse_html`` tree) as a ``CleanResult``
    (title, kept and removed blocks)."""
    tree = parse_html(html)
    if tree is None:
        return CleanResult(title="", paragraphs=[], removed=[], dateline="")
    title = _WS.sub(" ", extract_title(tree) or "").strip()
    # default settings: comment sections are cut by our "comments" section rule, and
    # include_comments=False costs trafilatura ~25% more time (more fallback comparisons)
    text = trafilatura.extract(tree, url=url, config=_CONFIG)
    if not text or len(text) < _MIN_TRAFILATURA_CHARS:
        fallback = clean_text(flatten_html(tree))  # extract() worked on a copy of the tree
        if fallback.paragraphs and len(fallback.text) > len(text or ""):
            return fallback
    return clean_blocks(split_blocks(text or ""), trusted=True, title_hint=title)


_CONFIG = trafilatura.settings.use_config()
