"""URL lists and RSS/Atom feeds, fetched politely and safely: public hosts only, timeouts and a
deadline, bounded retries and redirects, byte caps, robots.txt, per-host delay."""

from __future__ import annotations

import functools
import re
import ssl
import time
import urllib.robotparser
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import feedparser
import httpcore
import httpx

from gundem import __version__
from gundem.ingest.errors import IngestError
from gundem.ingest.hosts import BlockedHost, GuardedBackend
from gundem.model import RawDoc

USER_AGENT = f"gundem/{__version__} (+https://github.com/gundem; news research)"
MAX_BYTES = 20_000_000
MAX_REDIRECTS = 10
MAX_FEED_ENTRIES = 500
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks for at least 500 KiB to be parsed
_PIECE = 64 * 1024  # most bytes one inflate step may produce
_HOST = re.compile(r"[A-Za-z0-9._:-]+")  # after IDNA encoding; IPv6 without brackets
_RETRYABLE = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


class _Failure(Exception):
    """A URL that cannot be fetched. `robots` is what the failure means for a robots.txt
    (RFC 9309): "allow" (unavailable, e.g. too many redirects), "disallow" (5xx, 429 and the
    rest), "unreachable" (network error or timeout: disallow, reported as a fetch error) or
    "blocked" (the host itself is refused: so is every page on it)."""

    def __init__(self, kind: str, message: str, *, robots: str = "disallow") -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.robots = robots


@dataclass
class _Page:
    url: str
    status: int
    headers: httpx.Headers
    charset: str | None
    content: bytes
    truncated: bool = False


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    @property
    def left(self) -> float:
        return self.at - time.monotonic()

    def extend(self, pause: float) -> None:
        self.at += pause  # our own politeness pauses do not count against the server

    def check(self) -> None:
        if self.left <= 0:
            raise _Failure(
                "fetch", f"no complete answer within the {self.seconds:g} s deadline",
                robots="unreachable",
            )  # fmt: skip


class _Decoder:
    """Content-Encoding identity, gzip or deflate, inflated in pieces of at most _PIECE bytes,
    so a small compressed body that expands enormously never sits in memory whole."""

    def __init__(self, header: str) -> None:
        codings = [c.strip().lower() for c in header.split(",")]
        codings = [c for c in codings if c not in ("", "identity")]
        self._z: zlib._Decompress | None = None
        self._first = False
        if not codings:
            self.identity = True
            return
        self.identity = False
        if codings in (["gzip"], ["x-gzip"]):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif codings == ["deflate"]:
            self._z = zlib.decompressobj()
            self._first = True  # some servers send raw deflate without the zlib header
        else:
            raise _Failure("encoding", f"unsupported Content-Encoding {header!r}")

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._z is None:
            yield data
            return
        while data and not self._z.eof:  # bytes after the end of the stream are ignored
            try:
                out = self._z.decompress(data, _PIECE)
            except zlib.error as exc:
                if not self._first:
                    raise _Failure("encoding", f"corrupt compressed body: {exc}") from exc
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                self._first = False
                continue
            self._first = False
            data = self._z.unconsumed_tail
            if out:
                yield out

    def flush(self) -> bytes:
        return self._z.flush() if self._z is not None else b""


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with a connection pool that connects through GuardedBackend. Passing
    a transport also keeps httpx from routing through proxies named in the environment, which
    would connect to the proxy instead of the checked address."""

    def __init__(self, backend: GuardedBackend) -> None:
        super().__init__(verify=_ssl_context())
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=backend,
        )


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()  # loading the CA bundle takes a while; once is enough


@dataclass
class Fetcher:
    """Fetches web pages for ingestion, within these limits:

    * hosts: every address a host resolves to (for each redirect hop too) must be public;
      loopback, private, link-local (169.254.169.254), multicast, reserved and unspecified
      addresses, IPv4-mapped IPv6 forms and numeric spellings such as 2130706433 are refused
      (IngestError kind ``blocked-host``) unless ``allow_private_hosts``. The connection is
      opened to the very address that was checked, so DNS rebinding cannot slip past.
    * time: ``timeout`` per connect/read/write, and ``deadline`` (default 2 x timeout) for the
      whole URL across retries and redirects, enforced on every socket operation (a blocking
      DNS lookup is not cut short; our own politeness pauses do not count).
    * size: ``max_bytes`` of body, counted compressed and decompressed while streaming
      (``too-large``); robots.txt is read up to ``robots_max_bytes`` and parsed up to there.
    * redirects: followed one hop at a time, at most ``max_redirects``; loops are errors.
    * retries: ``retries`` more tries only for timeouts, connection errors, 5xx and 429;
      4xx, blocked hosts, invalid URLs and redirect problems fail at once.
    * robots.txt (RFC 9309): 4xx allows everything; 5xx, 429 or unreachable disallows everything.
    * feeds: at most ``max_feed_entries`` entries are fetched per feed; the rest are reported.
    * politeness: ``delay`` seconds between two requests to one host.
    """

    timeout: float = 10.0
    retries: int = 2
    delay: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT
    allow_private_hosts: bool = False
    deadline: float | None = None  # seconds per URL; None: 2 x timeout
    max_redirects: int = MAX_REDIRECTS
    max_feed_entries: int = MAX_FEED_ENTRIES
    robots_max_bytes: int = ROBOTS_MAX_BYTES
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)
    _robots_note: dict[str, tuple[str, str]] = field(default_factory=dict)
    _last_hit: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None
    _backend: GuardedBackend | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._backend = GuardedBackend(self.allow_private_hosts)
            self._client = httpx.Client(
                transport=_GuardedTransport(self._backend),
                timeout=self.timeout,
                follow_redirects=False,  # each hop is checked and counted in _follow
                headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
                event_hooks={"response": [_check_location]},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_turn(self, host: str) -> float:
        """Sleep until `host` may be asked again; the seconds slept."""
        last = self._last_hit.get(host)
        pause = 0.0
        if last is not None:
            pause = max(self.delay - (time.monotonic() - last), 0.0)
            if pause > 0:
                time.sleep(pause)
        self._last_hit[host] = time.monotonic()
        return pause

    def _download(self, url: str, cap: int, truncate: bool = False) -> _Page:
        """GET `url` with retries for transient failures only; raises _Failure."""
        self.client  # noqa: B018 (built before the clock starts)
        deadline = _Deadline(self.deadline if self.deadline is not None else 2 * self.timeout)
        error: _Failure | None = None
        for attempt in range(self.retries + 1):
            try:
                page = self._follow(url, cap, truncate, deadline)
            except _RETRYABLE as exc:
                error = _Failure("fetch", str(exc) or type(exc).__name__, robots="unreachable")
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise _Failure("fetch", f"invalid URL: {exc}") from exc
            except httpx.HTTPError as exc:
                raise _Failure("fetch", str(exc) or type(exc).__name__) from exc
            else:
                if page.status < 500 and page.status != 429:
                    return page
                error = _Failure("fetch", f"HTTP {page.status}")
            deadline.check()
            if attempt < self.retries:
                pause = min(0.5 * 2**attempt, 4.0) * (1 if self.delay else 0.1)
                time.sleep(max(min(pause, deadline.left), 0.0))
                deadline.check()
        assert error is not None
        raise error

    def _follow(self, url: str, cap: int, truncate: bool, deadline: _Deadline) -> _Page:
        """One try: GET, following redirects hop by hop (each hop connects through the guard)."""
        client = self.client
        assert self._backend is not None
        url = str(httpx.URL(url))
        seen = {url}
        for hop in range(self.max_redirects + 1):
            deadline.extend(self._wait_turn(urlsplit(url).netloc))
            try:
                with self._backend.deadline(deadline.at), client.stream("GET", url) as resp:
                    if not resp.has_redirect_location:
                        body, cut = self._read_body(resp, cap, truncate, deadline)
                        return _Page(
                            str(resp.url), resp.status_code, resp.headers, resp.charset_encoding,
                            body, cut,
                        )  # fmt: skip
                    assert resp.next_request is not None  # httpx builds it for every redirect
                    target = str(resp.next_request.url)
            except BlockedHost as exc:
                if hop == 0:  # the URL's own host; _rules passes this on to the page
                    raise _Failure("blocked-host", str(exc), robots="blocked") from exc
                raise _Failure("blocked-host", f"redirect to {url}: {exc}") from exc
            if urlsplit(target).scheme not in ("http", "https"):
                raise _Failure("fetch", f"redirect to a non-http(s) URL {target}", robots="allow")
            if target in seen:
                raise _Failure("fetch", f"redirect loop at {target}", robots="allow")
            seen.add(target)
            url = target
        raise _Failure("fetch", f"more than {self.max_redirects} redirects", robots="allow")

    def _read_body(
        self, resp: httpx.Response, cap: int, truncate: bool, deadline: _Deadline
    ) -> tuple[bytes, bool]:
        """The decoded body, at most `cap` bytes; past it: too-large, or cut when `truncate`."""
        decoder = _Decoder(resp.headers.get("content-encoding", ""))
        length = resp.headers.get("content-length", "")
        if not truncate and decoder.identity and length.isdigit() and int(length) > cap:
            raise _Failure("too-large", f"{length} bytes (Content-Length), limit {cap}")
        body = bytearray()
        raw = 0
        for chunk in resp.iter_raw():
            raw += len(chunk)
            for piece in decoder.feed(chunk):  # lazily: a bomb stops at the first piece over
                body += piece
                if len(body) > cap:
                    return _over(body, cap, truncate, "decoded")
            if raw > cap:
                return _over(body, cap, truncate, "compressed")
            deadline.check()
        body += decoder.flush()
        if len(body) > cap:
            return _over(body, cap, truncate, "decoded")
        return bytes(body), False

    def _rules(self, root: str) -> urllib.robotparser.RobotFileParser:
        """robots.txt of `root`, fetched once (RFC 9309: 4xx allows all, unreachable or 5xx
        disallows all). Raises _Failure for a blocked host."""
        if root in self._robots:
            return self._robots[root]
        parser = urllib.robotparser.RobotFileParser()
        try:
            page = self._download(urljoin(root, "/robots.txt"), self.robots_max_bytes, True)
        except _Failure as exc:
            if exc.robots == "blocked":
                raise
            if exc.robots == "allow":
                parser.allow_all = True  # type: ignore[attr-defined]  # CPython attribute, not in typeshed
            else:
                parser.disallow_all = True  # type: ignore[attr-defined]  # as above
                kind = "fetch" if exc.robots == "unreachable" else "robots"
                self._robots_note[root] = (
                    kind, f"robots.txt unreachable ({exc.message}), so nothing here is fetched"
                )  # fmt: skip
        else:
            if page.status >= 400:
                parser.allow_all = True  # type: ignore[attr-defined]  # no robots.txt: everything allowed
            else:
                text = page.content.decode("utf-8", "replace")
                if page.truncated:  # parse what fits, up to the last whole line
                    text = text[: text.rfind("\n") + 1]
                parser.parse(text.splitlines())
        self._robots[root] = parser
        return parser

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch `url` (raises _Failure when its host is blocked)."""
        parts = urlsplit(url)
        rules = self._rules(f"{parts.scheme}://{parts.netloc}")
        return rules.can_fetch(self.user_agent, url)

    def fetch(self, url: str, meta: dict | None = None) -> RawDoc | IngestError:
        try:
            parts = urlsplit(url)
        except ValueError as exc:
            return IngestError(url, "fetch", f"invalid URL: {exc}")
        if parts.scheme not in ("http", "https"):
            return IngestError(url, "fetch", "only http(s) URLs are fetched")
        problem = _invalid(url)
        if problem:
            return IngestError(url, "fetch", f"invalid URL: {problem}")
        try:
            if not self.allowed(url):
                root = f"{parts.scheme}://{parts.netloc}"
                kind, note = self._robots_note.get(root, ("robots", "disallowed by robots.txt"))
                return IngestError(url, kind, note)
            page = self._download(url, self.max_bytes)
        except _Failure as exc:
            return IngestError(url, exc.kind, exc.message)
        if page.status >= 400:
            return IngestError(url, "fetch", f"HTTP {page.status}")
        ctype = page.headers.get("content-type", "")
        info = {"url": page.url, "container": "web", "charset": page.charset}
        info.update(meta or {})
        is_html = "html" in ctype or not ctype
        info["format"] = "feed" if _is_feed(ctype) else "html" if is_html else "text"
        return RawDoc(source=url, data=page.content, meta=info)


def _invalid(url: str) -> str | None:
    """Why httpx cannot fetch `url` as given, or None."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        return str(exc)
    if not parsed.host:
        return "no host"
    if not _HOST.fullmatch(parsed.raw_host.decode("ascii", "replace")):
        return f"bad host {parsed.host!r}"
    return None


def _check_location(resp: httpx.Response) -> None:
    """A redirect to an unparsable Location is permanent (httpx would call it a protocol error)."""
    if resp.has_redirect_location:
        try:
            httpx.URL(resp.headers["location"])
        except httpx.InvalidURL as exc:
            raise _Failure("fetch", f"redirect to an invalid URL: {exc}", robots="allow") from exc


def _over(body: bytearray, cap: int, truncate: bool, what: str) -> tuple[bytes, bool]:
    if truncate:
        return bytes(body[:cap]), True
    raise _Failure("too-large", f"more than {cap} bytes ({what})")


def _is_feed(ctype: str) -> bool:
    return any(k in ctype for k in ("rss", "atom", "/xml"))


def feed_entries(data: bytes, base_url: str = "") -> list[dict]:
    """Links of an RSS/Atom feed with the title and date the feed gives them."""
    parsed = feedparser.parse(data)
    entries = []
    for e in parsed.entries:
        link = e.get("link")
        if not link:
            continue
        meta = {"url": urljoin(base_url, link)}
        if e.get("title"):
            meta["feed_title"] = e["title"]  # the page's own title wins; this is the fallback
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        if stamp:
            meta["published"] = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", stamp)  # feedparser: UTC
        entries.append(meta)
    return entries


def fetch_all(urls: Iterable[str], fetcher: Fetcher) -> Iterator[RawDoc | IngestError]:
    """Fetch pages; a fetched feed expands into its entries' pages."""
    for url in urls:
        got = fetcher.fetch(url)
        if isinstance(got, RawDoc) and got.meta.get("format") == "feed":
            yield from fetch_feed(got.data, got.meta["url"], fetcher)
        else:
            yield got


def fetch_feed(data: bytes, base_url: str, fetcher: Fetcher) -> Iterator[RawDoc | IngestError]:
    """The pages a feed links to, at most fetcher.max_feed_entries; one error names the rest."""
    entries = feed_entries(data, base_url)
    cap = fetcher.max_feed_entries
    if len(entries) > cap:
        yield IngestError(
            base_url or "feed", "too-large",
            f"{len(entries)} entries; only the first {cap} are fetched",
        )  # fmt: skip
    for meta in entries[:cap]:
        yield fetcher.fetch(meta.pop("url"), meta)
