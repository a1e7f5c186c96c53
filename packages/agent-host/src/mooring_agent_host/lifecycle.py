"""Tying the host's life to its parent's, and shutting down on signals."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uvicorn

logger = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_stop_requested = threading.Event()


def stop_requested() -> bool:
    """True once SIGTERM or SIGINT arrived while the host was starting."""
    return _stop_requested.is_set()


def exit_when_stdin_closes() -> None:
    """Ends the process as soon as stdin reaches EOF, which happens when the parent dies.

    The parent keeps the write end of our stdin open for as long as it lives; the kernel
    closes it however the parent goes, even on SIGKILL.
    """
    thread = threading.Thread(target=_wait_for_eof, name="mooring-stdin", daemon=True)
    thread.start()


def _wait_for_eof() -> None:
    # The descriptor, not sys.stdin: a thread blocked inside a buffered stream makes the
    # interpreter abort with a fatal error when the process exits normally.
    try:
        fd = sys.stdin.fileno() if sys.stdin is not None else 0
        while os.read(fd, 65536):
            pass
    except (OSError, ValueError) as error:
        logger.info("stdin unreadable (%s); treating it as closed", error)
    logger.info("stdin closed: the parent is gone, exiting")
    logging.shutdown()
    os._exit(0)


def term_on_parent_death() -> bool:
    """Asks Linux to send SIGTERM when the parent exits. False where that is unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c") or "libc.so.6"
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        result = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError) as error:
        logger.warning("could not set the parent-death signal: %s", error)
        return False
    if result != 0:
        logger.warning("prctl(PR_SET_PDEATHSIG) failed: errno %d", ctypes.get_errno())
        return False
    return True


def stop_on_signals() -> None:
    """Until the server runs, SIGTERM or SIGINT ends the host at once, still with exit 0.

    Loading an agent can take seconds; a run stopped while it starts should not wait for
    that, nor look like a crash.
    """
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _exit_now)


def _exit_now(sig: int, frame: FrameType | None) -> None:
    # Some import code turns any exception into an ImportError; the flag survives that.
    _stop_requested.set()
    logger.info("%s while starting: stopping", signal.Signals(sig).name)
    raise SystemExit(0)


def stop_server_on_signals(server: uvicorn.Server) -> None:
    """From here on SIGTERM and SIGINT ask the HTTP server to stop gracefully.

    While it serves, uvicorn installs its own handlers, then restores these and raises
    the signal it caught again, which would otherwise kill the process with the default
    action. Here that second delivery is harmless, so the host flushes and exits 0.
    """

    def request_stop(sig: int, frame: FrameType | None) -> None:
        logger.debug("%s: stopping the server", signal.Signals(sig).name)
        server.should_exit = True

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, request_stop)
