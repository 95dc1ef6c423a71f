"""HTML pages: trafilatura finds the main text, our block classifier drops its leftovers.

``flatten_html`` turns a whole page (navigation and footer included) into text blocks like
the seed files, one block per block-level element; the benchmark uses it to score the
text-only cleaner on real pages.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import extract_title
from trafilatura.utils import load_html

from gundem.clean.blocks import split_blocks
from gundem.clean.boilerplate import CleanResult, clean_blocks, clean_text

__all__ = ["clean_html", "flatten_html"]

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


def _tree(html: str | bytes | HtmlElement) -> HtmlElement | None:
    if isinstance(html, HtmlElement):
        return html
    return load_html(html)


def _hidden(el: HtmlElement) -> bool:
    """Not rendered: the ``hidden`` attribute (inline display:none is often revealed by a
    script, e.g. a "read more" fold, so that text stays)."""
    return "hidden" in el.attrib


def flatten_html(html: str | bytes) -> str:
    """The whole page as text: one block per block-level element, blocks split by a blank line."""
    tree = _tree(html)
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


def clean_html(html: str | bytes, *, url: str | None = None) -> CleanResult:
    """Main text of an HTML page as a ``CleanResult`` (title, kept and removed blocks)."""
    tree = _tree(html)
    if tree is None:
        return CleanResult(title="", paragraphs=[], removed=[], dateline="")
    title = _WS.sub(" ", extract_title(tree) or "").strip()
    # default settings: comment sections are cut by our "comments" section rule, and
    # include_comments=False costs trafilatura ~25% more time (more fallback comparisons)
    text = trafilatura.extract(tree, url=url, config=_CONFIG)
    if not text or len(text) < _MIN_TRAFILATURA_CHARS:
        fallback = clean_text(
            flatten_html(_tree(html) if not isinstance(html, HtmlElement) else html)
        )
        if fallback.paragraphs and len(fallback.text) > len(text or ""):
            return fallback
    return clean_blocks(split_blocks(text or ""), trusted=True, title_hint=title)


_CONFIG = trafilatura.settings.use_config()
