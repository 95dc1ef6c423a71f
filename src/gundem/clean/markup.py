"""Markup and entities left in text inputs (JSONL exports, feed descriptions).

A feed's description often carries HTML (``<img …/>`` thumbnails, ``<p>``, ``<br>``) or
escaped entities (``&quot;``, ``&#8217;``, ``&amp;quot;``). Only the tags HTML defines are
taken as markup, so a sentence with "a < b" or "<3" keeps its text; block tags become line
breaks, so a description of several ``<p>`` keeps its paragraphs.
"""

from __future__ import annotations

import html
import re

_BLOCK = (
    "address article aside blockquote br center dd div dl dt figcaption figure footer h1 h2 "
    "h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
).split()
_INLINE = (
    "a abbr b big cite code del em font i img ins kbd label mark picture q s small source "
    "span strike strong sub sup time u video audio embed object input button wbr"
).split()
_NAMES = "|".join(sorted(_BLOCK + _INLINE, key=len, reverse=True))
_TAG = re.compile(rf"</?({_NAMES})(?=[\s/>])(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
# elements whose content is never text, and comments
_DROP = re.compile(
    r"<(script|style|iframe|noscript|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[|\]\]>",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
_BLOCK_SET = frozenset(_BLOCK)
_SPACES = re.compile(r"[ \t\u00a0]{2,}")


def has_markup(text: str) -> bool:
    """Does ``text`` hold HTML tags or entities?"""
    return bool(_TAG.search(text) or _ENTITY.search(text) or _DROP.search(text))


def strip_markup(text: str) -> str:
    """``text`` without HTML tags, comments, scripts and entities (text unchanged otherwise)."""
    if not has_markup(text):
        return text
    for _ in range(2):  # "&amp;lt;p&amp;gt;" is markup escaped twice
        text = _DROP.sub(" ", text)
        text = _TAG.sub(_replace_tag, text)
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    text = _TAG.sub(_replace_tag, _DROP.sub(" ", text))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _replace_tag(m: re.Match[str]) -> str:
    return "\n\n" if m.group(1).lower() in _BLOCK_SET else " "
