"""The per-run event channel: numbers envelopes and hands them to a transport."""

from __future__ import annotations

import logging
import threading

from mooring_agent_host.envelope import Envelope, encode, seal
from mooring_agent_host.transports.base import Transport

logger = logging.getLogger(__name__)


class EventChannel:
    """Stamps each envelope with the next sequence number and queues it for sending.

    ``emit`` is safe from any thread, never blocks on I/O and never raises: ADK calls it
    from inside agent runs, which must not notice a slow or broken transport. Sequence
    numbers are assigned and queued under one lock, so the transport sees them in order
    and without gaps.
    """

    def __init__(self, run_id: str, transport: Transport) -> None:
        self.run_id = run_id
        self._transport = transport
        self._lock = threading.Lock()
        self._last_seq = 0

    @property
    def last_seq(self) -> int:
        return self._last_seq

    def emit(self, body: Envelope) -> int | None:
        """Sends one envelope; returns its sequence number, or None if it was dropped."""
        try:
            with self._lock:
                seq = self._last_seq + 1
                line = encode(seal(body, self.run_id, seq))
                self._transport.send(seq, line)
                self._last_seq = seq
                return seq
        except Exception:  # a transport fault must never reach the agent
            logger.exception("could not queue a %s envelope", body.get("kind"))
            return None

    def close(self, timeout: float) -> bool:
        """Gives the transport up to ``timeout`` seconds to deliver; True if all went out."""
        try:
            return self._transport.close(timeout)
        except Exception:  # shutting down must go on regardless
            logger.exception("closing the event transport failed")
            return False


_installed: EventChannel | None = None


def install_channel(channel: EventChannel | None) -> None:
    """Sets the channel that plugin instances built by ADK (from a name alone) report to."""
    global _installed
    _installed = channel


def installed_channel() -> EventChannel | None:
    return _installed
