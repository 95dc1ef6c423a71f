"""URL lists and RSS/Atom feeds, fetched politely: timeouts, retries, robots.txt, per-host delay."""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from gundem import __version__
from gundem.ingest.errors import IngestError
from gundem.model import RawDoc

USER_AGENT = f"gundem/{__version__} (+https://github.com/gundem; news research)"
MAX_BYTES = 20_000_000


@dataclass
class Fetcher:
    timeout: float = 10.0
    retries: int = 2
    delay: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last_hit: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=self.timeout,
                follow_redirects=True,
                headers={"User-Agent": self.user_agent},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_turn(self, host: str) -> None:
        last = self._last_hit.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_hit[host] = time.monotonic()

    def _get(self, url: str) -> httpx.Response:
        host = urlsplit(url).netloc
        error: Exception | None = None
        for attempt in range(self.retries + 1):
            self._wait_turn(host)
            try:
                resp = self.client.get(url)
            except httpx.HTTPError as exc:  # timeouts, refused connections
                error = exc
            else:
                if resp.status_code < 500 and resp.status_code != 429:
                    return resp
                error = httpx.HTTPStatusError(
                    f"HTTP {resp.status_code}", request=resp.request, response=resp
                )
            if attempt < self.retries:
                time.sleep(min(0.5 * 2**attempt, 4.0) * (1 if self.delay else 0.1))
        assert error is not None
        raise error

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                resp = self._get(urljoin(root, "/robots.txt"))
                if resp.status_code >= 400:
                    parser = None  # no robots.txt: everything allowed
                else:
                    assert parser is not None
                    parser.parse(resp.text.splitlines())
            except httpx.HTTPError:
                parser = None
            self._robots[root] = parser
        parser = self._robots[root]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def fetch(self, url: str, meta: dict | None = None) -> RawDoc | IngestError:
        if urlsplit(url).scheme not in ("http", "https"):
            return IngestError(url, "fetch", "only http(s) URLs are fetched")
        if not self.allowed(url):
            return IngestError(url, "robots", "disallowed by robots.txt")
        try:
            resp = self._get(url)
        except httpx.HTTPError as exc:
            return IngestError(url, "fetch", str(exc) or type(exc).__name__)
        if resp.status_code >= 400:
            return IngestError(url, "fetch", f"HTTP {resp.status_code}")
        if len(resp.content) > self.max_bytes:
            return IngestError(url, "too-large", f"{len(resp.content)} bytes")
        ctype = resp.headers.get("content-type", "")
        info = {"url": str(resp.url), "container": "web", "charset": resp.charset_encoding}
        info.update(meta or {})
        is_html = "html" in ctype or not ctype
        info["format"] = "feed" if _is_feed(ctype) else "html" if is_html else "text"
        return RawDoc(source=url, data=resp.content, meta=info)


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
            meta["published"] = time.strftime("%Y-%m-%d", stamp)
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
    for meta in feed_entries(data, base_url):
        yield fetcher.fetch(meta.pop("url"), meta)
