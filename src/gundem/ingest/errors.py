"""Input problems are values, not crashes: one bad file never stops a batch."""

from __future__ import annotations

import gzip
import os
import re
import zlib
from dataclasses import dataclass

# A str that is not valid Unicode (a lone surrogate, e.g. half of an emoji from a JSON
# "\ud83d" escape or an undecodable file name) cannot be encoded, so neither stored nor printed.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that would break or rewrite a one-line message on a terminal.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def storable(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (DuckDB and UTF-8 refuse them)."""
    return text if text.isascii() else storable_bytes(text).decode("utf-8")


def storable_bytes(text: str) -> bytes:
    """``storable(text)`` encoded as UTF-8 (the fast path when there is nothing to replace)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def one_line(text: str) -> str:
    """``text`` safe to store and to print on one line: control characters escaped."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), storable(text))


def display_path(path: str) -> str:
    """A path as a lossless, printable str: bytes that are not UTF-8 (which Python keeps as
    surrogate escapes) become ``\\xff``, control characters ``\\n``, ``\\x1b``..."""
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a str with surrogates that did not come from the file system
        return one_line(path)
    return one_line(raw.decode("utf-8", "backslashreplace"))


def stream_error_kind(exc: BaseException) -> str:
    """The error kind of an exception raised while reading a (possibly compressed) stream."""
    if isinstance(exc, (EOFError, zlib.error, gzip.BadGzipFile)):
        return "gzip"
    return "io" if isinstance(exc, OSError) else "internal"


def describe(exc: BaseException) -> str:
    """An exception as a short message (its type when it says nothing)."""
    text = str(exc).strip()
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    return text or type(exc).__name__


@dataclass
class IngestError:
    source: str
    # empty | binary | missing | io | encoding | gzip | json | warc | too-large | no-text
    # | fetch | robots | blocked-host | budget
    # | internal (a library failed on this input: a bug to report, not a bad input)
    kind: str
    message: str

    def __post_init__(self) -> None:
        # Sources and messages echo file names and content: keep both storable and one line.
        self.source = one_line(self.source)
        self.message = one_line(self.message)

    def line(self) -> str:
        return f"{self.source}: {self.kind}: {self.message}"


class InputError(Exception):
    """Raised inside a reader; turned into an IngestError naming the input."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
