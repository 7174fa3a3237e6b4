"""Start and stop a real local Chroma server (`chroma run`) for tests and benchmarks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from bot.errors import StoreUnavailableError

HEARTBEAT_PATH = "/api/v2/heartbeat"


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on host that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def chroma_executable() -> str:
    """Path of the `chroma` CLI installed next to this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "chroma"
    if beside.exists():
        return str(beside)
    found = shutil.which("chroma")
    if found is None:
        raise StoreUnavailableError(
            "The `chroma` command is not installed: run `pip install chromadb` in this environment."
        )
    return found


def is_alive(url: str, timeout: float = 1.0) -> bool:
    """True when the Chroma server at url answers its heartbeat."""
    try:
        with urllib.request.urlopen(url + HEARTBEAT_PATH, timeout=timeout) as reply:
            return bool(reply.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class ChromaServer:
    """A `chroma run` child process on loopback; use as a context manager."""

    path: Path
    host: str = "127.0.0.1"
    port: int = 0
    startup_timeout: float = 60.0
    log_path: Path | None = None
    _proc: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        """Base URL of the server, e.g. http://127.0.0.1:8123."""
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        """Process id of the running server, None when stopped."""
        return self._proc.pid if self._proc is not None else None

    def start(self) -> ChromaServer:
        """Launch the server and wait (bounded) until its heartbeat answers."""
        if self.port == 0:
            self.port = free_port(self.host)
        self.path.mkdir(parents=True, exist_ok=True)
        log_path = self.log_path or self.path.parent / f"chroma-{self.port}.log"
        self.log_path = log_path
        cmd = [
            chroma_executable(),
            "run",
            "--path",
            str(self.path),
            "--host",
            self.host,
            "--port",
            str(self.port),
        ]
        env = dict(os.environ, ANONYMIZED_TELEMETRY="False", NO_COLOR="1")
        with log_path.open("ab") as log:
            self._proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                break
            if is_alive(self.url, timeout=0.5):
                return self
            time.sleep(0.1)
        self.stop()
        tail = log_path.read_text(errors="replace")[-2000:]
        raise StoreUnavailableError(
            f"Chroma server at {self.url} did not start within {self.startup_timeout:.0f} s; "
            f"see {log_path}:\n{tail}"
        )

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after timeout seconds)."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)

    def __enter__(self) -> ChromaServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
