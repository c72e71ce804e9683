"""A real Redis server for the tests: `redis-server` on 127.0.0.1 at a free
port, in a temporary folder, with no persistence (no RDB snapshot, no
append-only file), started once a session (the fixture `redis_server`) and
stopped at its end. Where `redis-server` is not installed (`make redis`
installs it) the tests that need it are skipped, saying why.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

SKIP_REASON = "redis-server is not installed (make redis, or apt-get install redis-server)"


@dataclass
class RedisServer:
    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(folder: Path, attempts: int = 5) -> RedisServer:
    """A server on a free port, answering PING. Another process may take the
    port between the probe and the server's bind: then another port."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise FileNotFoundError(SKIP_REASON)
    for _ in range(attempts):
        port = free_port()
        command = [
            binary,
            *("--port", str(port)),
            *("--bind", "127.0.0.1"),
            *("--dir", str(folder)),
            *("--save", ""),
            *("--appendonly", "no"),
            *("--daemonize", "no"),
            *("--loglevel", "warning"),
        ]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        server = RedisServer(port, process)
        if _answers(server):
            return server
        process.kill()
        process.wait()
    raise RuntimeError(f"redis-server did not start in {attempts} attempts")


def _answers(server: RedisServer, timeout: float = 10.0) -> bool:
    client = server.client()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and server.process.poll() is None:
            try:
                return bool(client.ping())
            except redis.ConnectionError:
                time.sleep(0.05)
        return False
    finally:
        client.close()


def stop(server: RedisServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    if server.process.stderr is not None:
        server.process.stderr.close()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """The session's Redis server; tests keep apart by their own keys (or flush it)."""
    if shutil.which("redis-server") is None:
        pytest.skip(SKIP_REASON)
    with tempfile.TemporaryDirectory(prefix="redis-") as folder:
        server = start(Path(folder))
        try:
            yield server
        finally:
            stop(server)
