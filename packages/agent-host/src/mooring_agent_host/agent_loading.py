"""Loading the agent the way ADK's own server does, but at startup."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


class AgentLoadError(Exception):
    """The agent could not be loaded; ``__cause__`` holds what the agent raised."""


def load_env_file(path: str) -> None:
    """Adds the agent's ``.env`` to the environment; variables already set win.

    That is the precedence ADK itself uses, so Mooring's own settings (such as the run
    secret) cannot be replaced by an agent's file.
    """
    from dotenv import load_dotenv

    env_path = Path(path)
    if not env_path.is_file():
        logger.info("no env file at %s; continuing without one", env_path)
        return
    load_dotenv(env_path, override=False)
    logger.info("loaded environment from %s", env_path)


def load_agent(agents_dir: str, app_name: str) -> Any:
    """Imports the agent now and returns a loader with the agent in its cache.

    ADK loads agents on their first request; loading here instead turns a broken agent
    into a failed start with a traceback rather than a 500 later on. The loader accepts
    an ``adk create`` folder, a folder with ``agent.py`` and no ``__init__.py`` (imported
    as a namespace package) and a ``root_agent.yaml`` config agent.
    """
    from mooring_agent_host.one_agent_loader import OneAgentLoader

    folder = Path(agents_dir) / app_name
    if not folder.is_dir() and not folder.with_suffix(".py").is_file():
        raise AgentLoadError(f"no agent folder at {folder}")
    loader = OneAgentLoader(agents_dir, app_name)
    try:
        agent = loader.load_agent(app_name)
    except Exception as error:
        raise AgentLoadError(f"agent {app_name!r} failed to load: {error}") from error
    logger.info("loaded agent %s (%s)", app_name, type(agent).__name__)
    return loader
