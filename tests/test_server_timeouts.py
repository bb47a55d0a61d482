"""``parley serve`` disconnects a client that sends half a request and stalls (slowloris), while
whole requests on the same server are answered."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest

from parley.store import open_store
from reliability_kit import PARLEY, free_port, subprocess_env

#: Ports this suite may use for local servers (YOURPORT+100 .. YOURPORT+199 of this engineer).
PORTS = range(55543, 55643)


def connect(port: int) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    return s


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    db = tmp_path_factory.mktemp("serve") / "parley.db"
    open_store(str(db)).close()
    port = free_port(PORTS)
    args = ["serve", "--db", str(db), "--port", str(port), "--request-timeout", "1"]
    proc = subprocess.Popen([PARLEY, *args], env=subprocess_env(), stderr=subprocess.PIPE)
    try:
        end = time.monotonic() + 120
        while True:  # wait until it listens (a guard, not a timing)
            with contextlib.suppress(OSError):
                connect(port).close()
                break
            assert proc.poll() is None and time.monotonic() < end, "server did not start"
            time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def closed_by_server(s: socket.socket) -> bool:
    """Whether the server ends the connection (reading returns end-of-file or a reset)."""
    try:
        while data := s.recv(4096):
            if b"HTTP/1.1" in data and b" 200 " in data:
                return False
    except ConnectionResetError:
        return True
    return True


@pytest.mark.parametrize(
    "partial",
    [
        b"GET /api/v1 HT",
        b"GET /api/v1 HTTP/1.1\r\nHost: x\r\n",
        b"POST /api/v1/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nTalks",
    ],
)
def test_a_half_sent_request_is_disconnected(server: int, partial: bytes) -> None:
    with contextlib.closing(connect(server)) as s:
        s.sendall(partial)
        assert closed_by_server(s)


def test_whole_requests_are_still_answered(server: int) -> None:
    with contextlib.closing(connect(server)) as s:
        s.sendall(b"GET /api/v1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        reply = b""
        while data := s.recv(4096):
            reply += data
    assert reply.startswith(b"HTTP/1.1 200")


def test_the_request_timeout_is_a_documented_option() -> None:
    done = subprocess.run([PARLEY, "serve", "--help"], capture_output=True, text=True)
    assert "--request-timeout" in done.stdout
