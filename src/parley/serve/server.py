"""Running the app under uvicorn with a deadline for reading each request.

uvicorn closes idle keep-alive connections, but a client that sends half a request line, half
the headers or half a body and then stalls holds its connection (and, for a body, a worker
waiting in ``receive``) for ever; a few hundred such clients starve the server. Here every
request must arrive whole within ``request_timeout`` seconds of the connection opening, or of
the previous response on a kept-alive connection; otherwise the connection is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["DEFAULT_REQUEST_TIMEOUT", "TimedH11Protocol", "run", "run_workers", "worker_app"]

log = logging.getLogger(__name__)

#: Seconds a client has to send one whole request (line, headers and body).
DEFAULT_REQUEST_TIMEOUT = 30.0


class TimedH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for receiving each request."""

    request_timeout = DEFAULT_REQUEST_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        _no_delay(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()  # the next request on this connection gets its own deadline

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout, self._expire)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        if self.conn.their_state is h11.DONE:
            return  # the request arrived whole; the app is answering it
        log.info("closing a connection that did not send its request in time")
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        self.transport.close()


def _no_delay(transport: asyncio.Transport) -> None:
    """Send each response at once (TCP_NODELAY). asyncio sets it on the sockets it accepts,
    but not on those of a listening socket a ``--workers`` child inherits (its protocol number
    reads 0 there): a response written in two parts then waits for the client's delayed
    acknowledgement, about 40 ms on every request of a kept-alive connection."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        # a socket the peer has already closed leaves nothing to speed up
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def run(app: Any, host: str, port: int, request_timeout: float = DEFAULT_REQUEST_TIMEOUT) -> None:
    """Serve ``app`` until interrupted, with the request deadline above."""
    import uvicorn

    protocol = type("ParleyH11", (TimedH11Protocol,), {"request_timeout": request_timeout})
    uvicorn.run(app, host=host, port=port, http=protocol, timeout_keep_alive=5)


# What ``parley serve --workers N`` hands each worker process: uvicorn starts workers by
# importing the app, so the options travel in the environment (the database in ``PARLEY_DB``,
# which the settings read anyway).
_TIMEOUT_ENV = "PARLEY_SERVE_REQUEST_TIMEOUT"
_TOKEN_ENV = "PARLEY_SERVE_TOKEN_ENV"


def worker_app() -> Any:
    """The app of one worker process (a uvicorn factory), built from what :func:`run_workers`
    put in the environment."""
    from parley.serve import create_app
    from parley.settings import load_settings

    TimedH11Protocol.request_timeout = float(os.environ.get(_TIMEOUT_ENV, DEFAULT_REQUEST_TIMEOUT))
    token = os.environ.get(os.environ.get(_TOKEN_ENV, "PARLEY_API_TOKEN")) or None
    return create_app(load_settings(), token=token)


def run_workers(
    db: str, host: str, port: int, workers: int, token_env: str, request_timeout: float
) -> None:
    """Serve with ``workers`` processes sharing the port, so concurrent requests are answered
    on several cores at once (one process answers one request at a time per core); the caller
    has migrated the store already, so the workers do not race to."""
    import uvicorn

    os.environ["PARLEY_DB"] = db
    os.environ[_TIMEOUT_ENV] = str(request_timeout)
    os.environ[_TOKEN_ENV] = token_env
    uvicorn.run(
        "parley.serve.server:worker_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http=TimedH11Protocol,
        timeout_keep_alive=5,
    )
