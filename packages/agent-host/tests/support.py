"""Helpers shared by the tests: a recording transport, a fake Mooring event server and a
host launched as a real subprocess."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any

from websockets.asyncio.server import ServerConnection, serve
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

REPO_ROOT = Path(__file__).resolve().parents[3]
BUNDLED_AGENTS = REPO_ROOT / "agents"
FIXTURE_AGENTS = Path(__file__).resolve().parent / "fixtures"


def wait_until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class RecordingTransport:
    """Keeps every line it is given; optionally fails every send."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.lines: list[str] = []

    def send(self, seq: int, line: str) -> None:
        if self.fail:
            raise OSError("transport is broken")
        self.lines.append(line)

    def close(self, timeout: float) -> bool:
        if self.fail:
            raise OSError("transport is broken")
        return True

    @property
    def envelopes(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.lines]


@dataclass
class FakeEventServer:
    """Mooring's agent-event endpoint in miniature.

    Stores envelopes in sequence order (dropping repeats, as the real server does), acks
    cumulatively, and can misbehave: refuse the first connection attempts, and on the
    first connection forget everything after ``forget_after`` and cut the TCP connection
    when ``drop_at`` arrives.
    """

    secret: str
    refuse_first: int = 0
    forget_after: int | None = None
    drop_at: int | None = None
    stored: list[dict[str, Any]] = field(default_factory=list)
    received: list[list[int]] = field(default_factory=list)
    headers: list[Headers] = field(default_factory=list)
    refused: int = 0
    port: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/agent-events/test-agent"

    def stored_seqs(self) -> list[int]:
        with self._lock:
            return [envelope["seq"] for envelope in self.stored]

    def __enter__(self) -> FakeEventServer:
        self._thread.start()
        self._ready.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._serve())

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        async with serve(
            self._handle, "127.0.0.1", 0, process_request=self._check_request
        ) as server:
            self.port = next(iter(server.sockets)).getsockname()[1]
            self._ready.set()
            await self._stop.wait()

    def _check_request(self, connection: ServerConnection, request: Request) -> Response | None:
        if self.refused < self.refuse_first:
            self.refused += 1
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "not yet\n")
        if request.headers.get("Authorization") != f"Bearer {self.secret}":
            return connection.respond(HTTPStatus.UNAUTHORIZED, "bad secret\n")
        self.headers.append(request.headers)
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        with self._lock:
            connection_index = len(self.received)
            self.received.append([])
            last = self.stored[-1]["seq"] if self.stored else 0
        await ws.send(json.dumps({"type": "welcome", "lastSeq": last}))
        async for raw in ws:
            envelope = json.loads(raw)
            seq = envelope["seq"]
            first = connection_index == 0
            with self._lock:
                self.received[connection_index].append(seq)
                forget = first and self.forget_after is not None and seq > self.forget_after
                if not forget and seq == last + 1:
                    self.stored.append(envelope)
                    last = seq
            if first and self.drop_at is not None and seq >= self.drop_at:
                ws.transport.abort()
                return
            if not forget:
                await ws.send(json.dumps({"type": "ack", "seq": last}))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def host_env(**extra: str) -> dict[str, str]:
    """The environment for a host under test: offline models, no stray .env files."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("GOOGLE_API_KEY", "GOOGLE_GENAI_USE_VERTEXAI", "MOORING_RUN_SECRET")
    }
    env["ADK_DISABLE_LOAD_DOTENV"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


class HostProcess:
    """``python -m mooring_agent_host`` as a subprocess, with its envelopes collected."""

    def __init__(
        self,
        agents_dir: Path,
        app: str,
        *,
        use_pipe: bool = True,
        event_url: str | None = None,
        env: dict[str, str] | None = None,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.port = free_port()
        self.app = app
        self.envelopes: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        args = [
            sys.executable, "-m", "mooring_agent_host",
            "--agents-dir", str(agents_dir), "--app", app,
            "--port", str(self.port), "--run-id", "run-test", *extra_args,
        ]  # fmt: skip
        pass_fds: tuple[int, ...] = ()
        # A file, not a pipe: nobody drains stderr while the host runs, and a full pipe
        # would stall it. Append mode, so reading it here never moves where the host writes.
        handle, self._stderr_path = tempfile.mkstemp(prefix="mooring-host-", suffix=".log")
        os.close(handle)
        stderr = open(self._stderr_path, "ab")  # noqa: SIM115 - closed right after spawning
        read_fd = write_fd = -1
        if use_pipe:
            read_fd, write_fd = os.pipe()
            args += ["--event-fd", str(write_fd)]
            pass_fds = (write_fd,)
        else:
            args += ["--event-url", str(event_url)]
        self.proc = subprocess.Popen(
            args,
            pass_fds=pass_fds,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=env or host_env(),
        )
        stderr.close()
        self._reader: threading.Thread | None = None
        if use_pipe:
            os.close(write_fd)
            self._reader = threading.Thread(target=self._read, args=(read_fd,), daemon=True)
            self._reader.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _read(self, fd: int) -> None:
        with os.fdopen(fd, "rb") as stream:
            for line in stream:
                self.envelopes.put(json.loads(line))

    def next_envelope(self, timeout: float) -> dict[str, Any]:
        envelope = self.envelopes.get(timeout=timeout)
        self.seen.append(envelope)
        return envelope

    def wait_for(self, kind: str, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {kind} envelope within {timeout}s")
            envelope = self.next_envelope(remaining)
            if envelope["kind"] == kind:
                return envelope

    def pipe_finished(self, timeout: float) -> bool:
        if self._reader is None:
            return True
        self._reader.join(timeout)
        return not self._reader.is_alive()

    def post(self, path: str, body: dict[str, Any]) -> str:
        request = urllib.request.Request(
            self.base_url + path,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode()

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base_url + path, timeout=10) as response:
            return response.read().decode()

    def create_session(self, user: str = "tester") -> str:
        return json.loads(self.post(f"/apps/{self.app}/users/{user}/sessions", {}))["id"]

    def run_sse(self, session_id: str, text: str, user: str = "tester") -> list[dict[str, Any]]:
        body = {
            "appName": self.app,
            "userId": user,
            "sessionId": session_id,
            "newMessage": {"role": "user", "parts": [{"text": text}]},
            "streaming": True,
        }
        raw = self.post("/run_sse", body)
        return [
            json.loads(line[len("data: ") :])
            for line in raw.splitlines()
            if line.startswith("data: ")
        ]

    def terminate(self, timeout: float = 15) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise

    def stderr_text(self) -> str:
        return Path(self._stderr_path).read_text(errors="replace")

    def cleanup(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        Path(self._stderr_path).unlink(missing_ok=True)
