"""Envelopes over a WebSocket back to the Mooring server (container mode).

The server greets each connection with ``{"type":"welcome","lastSeq":N}`` and confirms
what it has stored with cumulative ``{"type":"ack","seq":N}``. Everything not yet
acknowledged stays here, so a dropped connection or a restarted server loses nothing:
after a reconnect the host skips what the welcome says is stored and resends the rest
in order.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import threading
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

logger = logging.getLogger(__name__)

OPEN_TIMEOUT_S = 5.0


class WebSocketTransport:
    """Streams envelopes from a background thread that owns its own event loop."""

    def __init__(
        self,
        url: str,
        secret: str,
        run_id: str,
        *,
        initial_backoff: float = 0.1,
        max_backoff: float = 2.0,
    ) -> None:
        self._url = url
        self._headers = {"Authorization": f"Bearer {secret}", "X-Mooring-Run": run_id}
        self._initial_backoff = initial_backoff
        self._max_backoff = max_backoff
        self._welcomed = False
        self._pending: collections.deque[tuple[int, str]] = collections.deque()
        self._state = threading.Condition()
        self._loop = asyncio.new_event_loop()
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._thread = threading.Thread(target=self._run, name="mooring-ws", daemon=True)
        self._thread.start()

    @property
    def unacknowledged(self) -> int:
        with self._state:
            return len(self._pending)

    def send(self, seq: int, line: str) -> None:
        with self._state:
            self._pending.append((seq, line))
        self._notify(self._wake)

    def close(self, timeout: float) -> bool:
        with self._state:
            delivered = self._state.wait_for(lambda: not self._pending, timeout)
            left = len(self._pending)
        if not delivered:
            logger.warning("closing the event socket with %d envelopes unacknowledged", left)
        self._notify(self._stop)
        self._thread.join(1.0)
        return delivered

    def _notify(self, event: asyncio.Event) -> None:
        if self._loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(event.set)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._connect_forever())
        finally:
            self._loop.close()

    async def _connect_forever(self) -> None:
        backoff = self._initial_backoff
        failures = 0
        while not self._stop.is_set():
            self._welcomed = False
            try:
                await self._session()
            except Exception as error:  # noqa: BLE001 - any failure means: reconnect
                if self._welcomed:
                    # The link worked and then dropped: start over quickly, not where the
                    # backoff of earlier failed attempts had got to.
                    failures = 0
                    backoff = self._initial_backoff
                failures += 1
                level = logging.WARNING if failures == 1 else logging.DEBUG
                logger.log(level, "event socket to %s failed: %r", self._url, error)
            else:
                failures = 0
                backoff = self._initial_backoff
            if self._stop.is_set():
                return
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stop.wait(), backoff)
            backoff = min(backoff * 2, self._max_backoff)

    async def _session(self) -> None:
        async with connect(
            self._url, additional_headers=self._headers, open_timeout=OPEN_TIMEOUT_S
        ) as ws:
            welcome = _parse(await asyncio.wait_for(ws.recv(), OPEN_TIMEOUT_S))
            if welcome.get("type") != "welcome":
                raise ValueError(f"expected a welcome, got {welcome!r}")
            last_seq = int(welcome.get("lastSeq", 0))
            self._welcomed = True
            self._acknowledge(last_seq)
            logger.info("event socket connected; server has up to seq %d", last_seq)
            await self._pump(ws, last_seq)

    async def _pump(self, ws: ClientConnection, last_seq: int) -> None:
        tasks = {
            asyncio.create_task(self._send_loop(ws, last_seq)),
            asyncio.create_task(self._receive_loop(ws)),
            asyncio.create_task(self._stop.wait()),
        }
        done, running = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        for task in done:
            task.result()

    async def _send_loop(self, ws: ClientConnection, sent_up_to: int) -> None:
        while True:
            self._wake.clear()
            batch = self._unsent(sent_up_to)
            for seq, line in batch:
                await ws.send(line)
                sent_up_to = seq
            if not batch:
                await self._wake.wait()

    async def _receive_loop(self, ws: ClientConnection) -> None:
        async for raw in ws:
            reply = _parse(raw)
            if reply.get("type") == "ack":
                self._acknowledge(int(reply.get("seq", 0)))

    def _unsent(self, after: int) -> list[tuple[int, str]]:
        with self._state:
            return [item for item in self._pending if item[0] > after]

    def _acknowledge(self, seq: int) -> None:
        with self._state:
            while self._pending and self._pending[0][0] <= seq:
                self._pending.popleft()
            self._state.notify_all()


def _parse(raw: str | bytes) -> dict[str, Any]:
    reply = json.loads(raw)
    if not isinstance(reply, dict):
        raise ValueError(f"unexpected reply {reply!r}")
    return reply
