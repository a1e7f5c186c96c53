"""ADK's own API server app, served by uvicorn, reporting when it is listening."""

from __future__ import annotations

import inspect
import logging
import socket
import warnings
from collections.abc import Callable
from typing import Any

import uvicorn

logger = logging.getLogger(__name__)

# In memory, so a run leaves nothing behind in the agent's folder. Releases that predate
# ``use_local_storage`` already keep everything in memory by default and do not all know
# these URIs, so they are only passed to releases that have that option.
_IN_MEMORY_SERVICES = {
    "session_service_uri": "memory://",
    "artifact_service_uri": "memory://",
    "memory_service_uri": "memory://",
    "use_local_storage": False,
}


def build_app(*, agents_dir: str, agent_loader: Any, plugin: str, host: str, port: int) -> Any:
    """The FastAPI app ``adk api_server`` would serve, plus the event plugin.

    Options are offered only where the installed ADK knows them, so older releases
    (down to 1.18) still start.
    """
    from google.adk.cli.fast_api import get_fast_api_app

    accepted = inspect.signature(get_fast_api_app).parameters
    wanted: dict[str, Any] = {
        "agents_dir": agents_dir,
        "agent_loader": agent_loader,
        "web": False,
        "host": host,
        "port": port,
        "extra_plugins": [plugin],
    }
    if "use_local_storage" in accepted:
        wanted.update(_IN_MEMORY_SERVICES)
    skipped = sorted(name for name in wanted if name not in accepted)
    if skipped:
        logger.info("this ADK release has no %s option; leaving it out", ", ".join(skipped))
    with warnings.catch_warnings():
        # ADK flags services it builds for every server as experimental; say it once, here.
        warnings.filterwarnings("ignore", message=r"\[EXPERIMENTAL\]", category=UserWarning)
        app = get_fast_api_app(**{k: v for k, v in wanted.items() if k in accepted})
    _ensure_health_route(app)
    return app


def _ensure_health_route(app: Any) -> None:
    if any(getattr(route, "path", None) == "/health" for route in app.routes):
        return

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, so the port is taken before uvicorn runs (and 0 works)."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    sock = socket.create_server((host, port), family=family, backlog=128)
    sock.set_inheritable(False)
    return sock


class HostServer(uvicorn.Server):
    """A uvicorn server that calls ``on_started`` once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.should_exit:
            return
        self._on_started()


def make_server(app: Any, log_level: str, on_started: Callable[[], None]) -> HostServer:
    config = uvicorn.Config(
        app,
        log_config=None,
        log_level=log_level,
        timeout_graceful_shutdown=5,
    )
    return HostServer(config, on_started)
