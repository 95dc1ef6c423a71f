"""Which addresses a fetch may connect to, and a network backend that connects only to those.

The check runs where the connection is made: the host is resolved once, every address it
resolves to is checked, and the socket is opened to one of those same addresses. A name that
resolves to a public address for a check and to 127.0.0.1 for the connection (DNS rebinding)
therefore never reaches 127.0.0.1. Each redirect hop to a new host opens a new, checked
connection. The same backend caps every socket operation at the current URL's deadline.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore

_KINDS = ("loopback", "link_local", "multicast", "unspecified", "reserved", "private")


class BlockedHost(Exception):
    """A host that resolves to an address the fetcher must not connect to."""


def blocked_reason(address: str) -> str | None:
    """Why `address` (an IP literal) is not a public unicast address, or None when it is."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 reaches 127.0.0.1
    for kind in _KINDS:
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:  # e.g. 100.64.0.0/10, shared address space
        return "non-global"
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in resolver order (getaddrinfo also reads 2130706433)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    addresses = resolve(host, port)
    if not allow_private:
        for address in addresses:
            reason = blocked_reason(address)
            if reason:
                raise BlockedHost(
                    f"{host} resolves to {address}, a {reason} address; "
                    "refused (allow with --allow-private-hosts)"
                )
    return addresses


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's sync backend, connecting only to checked addresses and within a deadline."""

    def __init__(self, allow_private: bool = False) -> None:
        self.allow_private = allow_private
        self._local = threading.local()

    @contextmanager
    def deadline(self, at: float) -> Iterator[None]:
        """Cap connects, reads and writes made in this block at time.monotonic() `at`."""
        self._local.at = at
        try:
            yield
        finally:
            self._local.at = None

    def clamp(self, timeout: float | None) -> float | None:
        at = getattr(self._local, "at", None)
        if at is None:
            return timeout
        left = max(at - time.monotonic(), 0.001)  # 0 would make the socket non-blocking
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception | None = None
        for address in checked_addresses(host, port, self.allow_private):
            try:
                stream = super().connect_tcp(
                    address, port, self.clamp(timeout), local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
            else:
                return _DeadlineStream(stream, self)
        assert error is not None
        raise error


class _DeadlineStream(httpcore.NetworkStream):
    """A stream whose every read and write waits no longer than the current deadline."""

    def __init__(self, inner: httpcore.NetworkStream, backend: GuardedBackend) -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._backend.clamp(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._backend.clamp(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        # SNI and certificate checks use the URL's host name, not the address connected to
        tls = self._inner.start_tls(ssl_context, server_hostname, self._backend.clamp(timeout))
        return _DeadlineStream(tls, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)
