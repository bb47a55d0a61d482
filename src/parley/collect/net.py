"""An HTTP client that cannot be turned against the machine it runs on (SSRF-safe).

Every hop — the first request and each redirect — goes through the same steps:

1. the URL must be ``http`` or ``https`` with a host and no credentials;
2. the host is resolved here, and *every* address it resolves to is checked: loopback, private,
   link-local (which holds cloud metadata at 169.254.169.254), multicast, reserved, shared and
   unspecified addresses are refused unless ``allow_hosts`` names them;
3. the connection goes to the checked address itself (the URL is rewritten to the IP, the
   ``Host`` header and TLS SNI keep the name), so a second DNS answer cannot swap it.

Bodies are streamed with a byte cap and a total deadline, so a 2 GB body or a server that drips
a byte a second ends as a :class:`~parley.errors.FetchError` within its timeout.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from parley.errors import BlockedAddress, FetchError
from parley.settings import CollectSettings

__all__ = ["Response", "SafeClient", "check_url", "precheck_url", "user_agent"]

log = logging.getLogger(__name__)

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
REDIRECTS = {301, 302, 303, 307, 308}
# Statuses worth asking again after a pause; the others are an answer.
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class Response:
    """A fetched response: final URL, status, headers (lower-case names) and the body."""

    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body decoded with the declared charset (UTF-8 when none, errors replaced)."""
        charset = "utf-8"
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def user_agent(cfg: CollectSettings) -> str:
    """The User-Agent sent with every request: who we are, and how to reach the operator."""
    return f"{cfg.user_agent} contact: {cfg.contact}" if cfg.contact else cfg.user_agent


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise FetchError(f"cannot resolve host {host!r}: {e}") from e
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _forbidden(ip: IP) -> str | None:
    """Why ``ip`` must not be reached, or None when it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return _forbidden(ip.ipv4_mapped)
    for reason, test in (
        ("loopback", ip.is_loopback),
        ("link-local (cloud metadata lives there)", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("unspecified", ip.is_unspecified),
    ):
        if test:
            return reason
    return None if ip.is_global else "not a public"


def _allowed(host: str, ip: IP, allow: Sequence[str]) -> bool:
    for entry in allow:
        if entry.lower() == host.lower():
            return True
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


@dataclass(frozen=True)
class Target:
    """A URL checked for fetching: where to connect (``ip``) and what to ask for."""

    url: str
    scheme: str
    host: str
    port: int
    ip: str

    def pinned_url(self) -> str:
        """The URL with its host replaced by the checked address."""
        parts = urlsplit(self.url)
        ip = f"[{self.ip}]" if ":" in self.ip else self.ip
        return urlunsplit((self.scheme, f"{ip}:{self.port}", parts.path or "/", parts.query, ""))

    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        return self.host if self.port == default else f"{self.host}:{self.port}"


def _parse(url: str) -> tuple[str, str, int]:
    """Scheme, host and port of an http(s) URL without credentials."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}")
    if parts.username or parts.password:
        raise FetchError(f"URLs with credentials are not fetched: {url!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as e:
        raise FetchError(f"bad port in {url!r}") from e
    return parts.scheme, parts.hostname, port


def _judge(url: str, host: str, addresses: Sequence[IP], allow: Sequence[str]) -> None:
    for ip in addresses:
        reason = _forbidden(ip)
        if reason and not _allowed(host, ip, allow):
            raise BlockedAddress(
                f"refused {url}: {host} resolves to {ip}, a {reason} address "
                "(add it to collect.allow_hosts only if you trust it)"
            )


def check_url(url: str, allow: Sequence[str] = (), resolve: Resolver = _resolve) -> Target:
    """Check that ``url`` may be fetched and pick the address to connect to.

    Raises:
        FetchError: not an http(s) URL, or the host cannot be resolved.
        BlockedAddress: the host is, or resolves to, an address that must not be reached.
    """
    scheme, host, port = _parse(url)
    addresses = [ipaddress.ip_address(a.split("%")[0]) for a in resolve(host, port)]
    if not addresses:
        raise FetchError(f"host {host!r} has no address")
    _judge(url, host, addresses, allow)
    return Target(url=url.strip(), scheme=scheme, host=host, port=port, ip=str(addresses[0]))


def precheck_url(url: str, allow: Sequence[str] = ()) -> None:
    """Refuse, without any DNS lookup, a URL that is plainly not fetchable: not http(s), or
    naming a forbidden address literally (``http://10.0.0.1/``, ``http://localhost/``).

    For URLs stored now and fetched later (webhooks, feeds); :func:`check_url` runs again at
    every fetch, when the name is resolved.

    Raises:
        FetchError, BlockedAddress: as :func:`check_url`.
    """
    _, host, _ = _parse(url)
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        _judge(url, host, [ipaddress.ip_address("127.0.0.1")], allow)
        return
    try:
        literal = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return
    _judge(url, host, [literal], allow)


class SafeClient:
    """GET with SSRF checks on every hop, a byte cap, a total deadline and retries.

    Build one per run (it keeps one connection pool); close it or use it as a context manager.
    """

    def __init__(self, cfg: CollectSettings, resolve: Resolver = _resolve) -> None:
        self.cfg = cfg
        self.resolve = resolve
        timeout = httpx.Timeout(
            connect=cfg.connect_timeout, read=cfg.read_timeout, write=cfg.read_timeout, pool=5.0
        )
        # verify stays on: the SNI extension below makes certificates match the host name.
        # No keep-alive: every request opens its own connection, which the watchdog can cut.
        limits = httpx.Limits(max_keepalive_connections=0)
        self.http = httpx.Client(
            timeout=timeout, limits=limits, follow_redirects=False, trust_env=False
        )

    def __enter__(self) -> SafeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def get(
        self,
        url: str,
        headers: dict[str, str] | None = None,
        accept: Sequence[str] = (),
        max_bytes: int | None = None,
    ) -> Response:
        """Fetch ``url``, following redirects, retrying transient failures with backoff.

        Args:
            headers: extra request headers (e.g. ``If-None-Match``).
            accept: content types (prefixes) the caller can use; others raise. Empty: any.
            max_bytes: the body cap (default ``cfg.max_bytes``).

        Raises:
            BlockedAddress: a hop leads to a forbidden address.
            FetchError: HTTP error status, timeout, too large, wrong type, redirect loop.
        """
        attempt = 0
        while True:
            try:
                return self._follow(url, headers or {}, accept, max_bytes or self.cfg.max_bytes)
            except _Transient as e:
                if attempt >= self.cfg.retries:
                    err = FetchError(str(e))
                    err.transient = True
                    raise err from None
                pause = self.cfg.backoff * 2**attempt
                log.info("retrying %s in %.1fs: %s", url, pause, e)
                time.sleep(pause)
                attempt += 1

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> int:
        """POST ``body`` to ``url`` (checked like a GET; redirects are not followed) and
        return the status.

        Raises:
            BlockedAddress: the URL leads to a forbidden address.
            FetchError: the request failed (connection, timeout).
        """
        target = check_url(url, self.cfg.allow_hosts, self.resolve)
        sent = {"user-agent": user_agent(self.cfg), **headers, "host": target.host_header()}
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        try:
            reply = self.http.post(
                target.pinned_url(), content=body, headers=sent, extensions=extensions
            )
        except httpx.HTTPError as e:
            raise FetchError(f"cannot POST to {url}: {type(e).__name__} {e}".strip()) from e
        return reply.status_code

    def _follow(
        self, url: str, headers: dict[str, str], accept: Sequence[str], cap: int
    ) -> Response:
        seen: set[str] = set()
        deadline = time.monotonic() + self.cfg.total_timeout
        while True:
            if url in seen:
                raise FetchError(f"redirect loop at {url}")
            if len(seen) > self.cfg.max_redirects:
                raise FetchError(f"more than {self.cfg.max_redirects} redirects from {url}")
            seen.add(url)
            target = check_url(url, self.cfg.allow_hosts, self.resolve)
            response = self._once(target, headers, accept, cap, deadline)
            if response.status not in REDIRECTS:
                return response
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {response.status} redirect without a Location from {url}")
            url = urljoin(url, location)

    def _once(
        self,
        target: Target,
        headers: dict[str, str],
        accept: Sequence[str],
        cap: int,
        deadline: float,
    ) -> Response:
        sent = {"user-agent": user_agent(self.cfg), **headers, "host": target.host_header()}
        extensions: dict[str, Any] = (
            {"sni_hostname": target.host} if target.scheme == "https" else {}
        )
        with _Watchdog(deadline - time.monotonic(), self.cfg.total_timeout) as dog:
            extensions["trace"] = dog.trace
            try:
                request = self.http.build_request(
                    "GET", target.pinned_url(), headers=sent, extensions=extensions
                )
                reply = self.http.send(request, stream=True)
            except httpx.HTTPError as e:
                raise dog.explain(target.url, e) from e
            try:
                response = self._read(target, reply, accept, cap, deadline)
            except FetchError as e:
                raise (dog.explain(target.url, e) if dog.fired else e) from None
            finally:
                reply.close()
            if dog.fired:  # a cut connection can look like a body that ended early
                raise dog.explain(target.url, TimeoutError())
            return response

    def _read(
        self,
        target: Target,
        reply: httpx.Response,
        accept: Sequence[str],
        cap: int,
        deadline: float,
    ) -> Response:
        head = {k.lower(): v for k, v in reply.headers.items()}
        response = Response(url=target.url, status=reply.status_code, headers=head)
        if reply.status_code in REDIRECTS or reply.status_code == 304:
            return response
        if reply.status_code in RETRY_STATUSES:
            raise _Transient(f"HTTP {reply.status_code} from {target.url}")
        if reply.status_code >= 400:
            raise FetchError(f"HTTP {reply.status_code} from {target.url}")
        _check_type(response, accept)
        declared = head.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(f"{target.url} is {int(declared)} bytes, over the {cap}-byte cap")
        response.body = _body(target.url, reply, cap, deadline, self.cfg.total_timeout)
        return response


def _check_type(response: Response, accept: Sequence[str]) -> None:
    kind = response.content_type
    if accept and not any(kind.startswith(a) for a in accept):
        wanted = ", ".join(accept)
        raise FetchError(f"{response.url} is {kind or 'of no stated type'}, not {wanted}")


def _body(url: str, reply: httpx.Response, cap: int, deadline: float, total: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(f"{url} is larger than the {cap}-byte cap; stopped reading")
            if time.monotonic() > deadline:
                raise FetchError(f"{url} took longer than {total:g}s to send; stopped reading")
            chunks.append(chunk)
    except httpx.TimeoutException as e:
        raise FetchError(f"timed out reading {url} ({e or 'no data'})") from e
    except httpx.HTTPError as e:
        raise FetchError(f"connection broke while reading {url}: {e}") from e
    return b"".join(chunks)


class _Watchdog:
    """Cuts a connection that outlives the total deadline, wherever it is stuck — even in a
    status line or headers sent a byte at a time, which no read timeout catches."""

    def __init__(self, seconds: float, budget: float) -> None:
        self.seconds = max(seconds, 0.0)
        self.budget = budget  # the whole fetch's deadline, which the error names
        self.sock: socket.socket | None = None
        self.fired = False
        self.timer = threading.Timer(self.seconds, self._fire)
        self.timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: remember the socket of the connection just opened."""
        if event == "connection.connect_tcp.complete":
            stream = info.get("return_value")
            self.sock = stream.get_extra_info("socket") if stream is not None else None

    def _fire(self) -> None:
        self.fired = True
        if self.sock is not None:
            try:
                self.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def explain(self, url: str, err: Exception) -> Exception:
        """The error to raise for ``err``: over the deadline, a timeout, or a failed connection."""
        if self.fired:
            return FetchError(f"{url} took longer than {self.budget:.3g}s in all; gave up")
        if isinstance(err, httpx.TimeoutException):
            return _Transient(f"timed out connecting to or waiting for {url} ({err})")
        if isinstance(err, httpx.HTTPError):
            return _Transient(f"cannot connect to {url}: {err}")
        return err


class _Transient(Exception):
    """A failure worth retrying (connection, timeout before the answer, 429 and 5xx)."""
