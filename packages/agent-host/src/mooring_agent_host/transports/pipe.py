"""Newline-delimited JSON on a file descriptor inherited from the parent (venv mode)."""

from __future__ import annotations

import logging
import os
import queue
import threading

logger = logging.getLogger(__name__)

_STOP = None


class PipeTransport:
    """Writes one envelope per line to ``fd`` from a single writer thread.

    One writer means lines never interleave, and the agent never waits on a full pipe.
    A pipe has no way back, so once a write fails (the reader went away) the rest is
    counted and dropped rather than kept.
    """

    def __init__(self, fd: int) -> None:
        self._fd = fd
        os.set_inheritable(fd, False)
        self._queue: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._broken = False
        self._dropped = 0
        self._thread = threading.Thread(target=self._run, name="mooring-pipe", daemon=True)
        self._thread.start()

    def send(self, seq: int, line: str) -> None:
        self._queue.put(line)

    def close(self, timeout: float) -> bool:
        self._queue.put(_STOP)
        self._thread.join(timeout)
        delivered = not self._thread.is_alive() and not self._broken
        if self._dropped:
            logger.warning("event pipe dropped %d envelopes", self._dropped)
        if not self._thread.is_alive():
            self._close_fd()
        return delivered

    def _run(self) -> None:
        while True:
            line = self._queue.get()
            if line is _STOP:
                return
            if self._broken:
                self._dropped += 1
                continue
            self._write(line)

    def _write(self, line: str) -> None:
        data = (line + "\n").encode("utf-8")
        try:
            while data:
                written = os.write(self._fd, data)
                data = data[written:]
        except OSError as error:
            self._broken = True
            self._dropped += 1
            logger.warning("event pipe write failed, dropping further events: %s", error)

    def _close_fd(self) -> None:
        try:
            os.close(self._fd)
        except OSError:
            logger.debug("event pipe was already closed")
