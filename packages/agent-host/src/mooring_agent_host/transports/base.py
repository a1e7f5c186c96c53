"""What the event channel needs from a transport."""

from __future__ import annotations

from typing import Protocol


class Transport(Protocol):
    def send(self, seq: int, line: str) -> None:
        """Queues one encoded envelope. Must return at once and be thread-safe."""
        ...

    def close(self, timeout: float) -> bool:
        """Delivers what it can within ``timeout`` seconds, then stops.

        Returns True when nothing was left undelivered.
        """
        ...
