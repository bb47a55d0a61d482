"""``parley serve --workers N`` answers with N processes, so concurrent clients are not served
one after another by a single process."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from parley.store import open_store
from reliability_kit import PARLEY, free_port, subprocess_env

#: Ports this suite may use for local servers (api3's range, YOURPORT+100 .. YOURPORT+199).
PORTS = range(56930, 56960)


def _children(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.add(int(entry.name))
    return found


def _listening_workers(pid: int) -> set[int]:
    """Children of ``pid`` started by multiprocessing's spawn (uvicorn's worker processes; not
    its resource tracker)."""
    out = set()
    for child in _children(pid):
        with contextlib.suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                out.add(child)
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_two_workers_answer_side_by_side(tmp_path: Path) -> None:
    db = tmp_path / "parley.db"
    open_store(str(db)).close()
    port = free_port(PORTS)
    args = ["serve", "--db", str(db), "--port", str(port), "--workers", "2"]
    proc = subprocess.Popen([PARLEY, *args], env=subprocess_env(), stderr=subprocess.PIPE)
    try:
        end = time.monotonic() + 600  # two processes importing on a loaded machine
        base = f"http://127.0.0.1:{port}"
        while True:  # wait until it answers (a guard, not a timing)
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/api/v1", timeout=5).status_code == 200:
                    break
            assert proc.poll() is None and time.monotonic() < end, "server did not start"
            time.sleep(0.3)
        while len(_listening_workers(proc.pid)) < 2 and time.monotonic() < end:
            time.sleep(0.3)  # the second worker may still be importing
        assert len(_listening_workers(proc.pid)) == 2

        def get(_: int) -> int:
            return httpx.get(f"{base}/api/v1/events?limit=5", timeout=30).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            assert set(pool.map(get, range(32))) == {200}
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def test_workers_is_a_documented_option() -> None:
    done = subprocess.run([PARLEY, "serve", "--help"], capture_output=True, text=True)
    assert "--workers" in done.stdout


class _Transport:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def get_extra_info(self, name: str) -> socket.socket | None:
        return self.sock if name == "socket" else None


def test_each_connection_sends_its_responses_without_waiting_for_acknowledgements() -> None:
    # A connection accepted on a listening socket inherited by a worker process has no
    # TCP_NODELAY from asyncio; without it every kept-alive request waited ~40 ms for the
    # client's delayed acknowledgement. The protocol sets it on every connection it is given.
    from parley.serve.server import _no_delay

    with contextlib.closing(socket.create_server(("127.0.0.1", 0))) as listener:
        client = socket.create_connection(listener.getsockname())
        conn, _ = listener.accept()
        with contextlib.closing(client), contextlib.closing(conn):
            assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
            _no_delay(_Transport(conn))  # type: ignore[arg-type]
            assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
