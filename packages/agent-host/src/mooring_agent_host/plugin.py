"""The ADK plugin that turns what happens in a run into envelopes.

ADK builds extra plugins from a qualified name (``extra_plugins=[...]``) with no way to
pass arguments, so the plugin finds its channel through
:func:`mooring_agent_host.channel.install_channel`, which the host calls before it builds
the ADK app.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from google.adk.plugins.base_plugin import BasePlugin

from mooring_agent_host.channel import EventChannel, installed_channel
from mooring_agent_host.envelope import (
    Envelope,
    ErrorSource,
    error_body,
    event_body,
    format_traceback,
    run_finished_body,
    serialize_event,
)

logger = logging.getLogger(__name__)

PLUGIN_NAME = "mooring_event_streaming"


class EventStreamingPlugin(BasePlugin):
    """Reports every event, finished run and error; changes nothing and never raises."""

    def __init__(self, name: str = PLUGIN_NAME, channel: EventChannel | None = None) -> None:
        super().__init__(name=name)
        self._channel = channel

    async def on_event_callback(self, *, invocation_context: Any, event: Any) -> None:
        session_id = _session_id(invocation_context)
        self._emit(lambda: event_body(serialize_event(event), session_id))

    async def on_user_message_callback(
        self, *, invocation_context: Any, user_message: Any
    ) -> None:
        # The user's turn is an event of the session too, but the runner never yields it; a
        # watcher needs it to pair each reply with its question, whoever sent the turn.
        session_id = _session_id(invocation_context)
        invocation_id = str(getattr(invocation_context, "invocation_id", ""))

        def body() -> Envelope:
            from google.adk.events import Event

            event = Event(author="user", invocation_id=invocation_id, content=user_message)
            return event_body(serialize_event(event), session_id)

        self._emit(body)

    async def after_run_callback(self, *, invocation_context: Any) -> None:
        invocation_id = str(getattr(invocation_context, "invocation_id", ""))
        session_id = _session_id(invocation_context)
        self._emit(lambda: run_finished_body(invocation_id, session_id))

    async def on_model_error_callback(
        self, *, callback_context: Any, llm_request: Any, error: Exception
    ) -> None:
        self._report("model", error, callback_context)

    async def on_tool_error_callback(
        self, *, tool: Any, tool_args: dict[str, Any], tool_context: Any, error: Exception
    ) -> None:
        # ADK also calls this when a tool call is cancelled; that is not a failure.
        if isinstance(error, asyncio.CancelledError):
            return
        self._report("tool", error, tool_context, prefix=f"tool {getattr(tool, 'name', '?')}: ")

    async def on_run_error_callback(self, *, invocation_context: Any, error: Exception) -> None:
        self._report("run", error, invocation_context)

    def _report(
        self, source: ErrorSource, error: BaseException, context: Any, prefix: str = ""
    ) -> None:
        invocation_id = getattr(context, "invocation_id", None)
        self._emit(
            lambda: error_body(
                source,
                f"{prefix}{type(error).__name__}: {error}",
                detail=format_traceback(error),
                invocation_id=str(invocation_id) if invocation_id else None,
            )
        )

    def _emit(self, build: Callable[[], Envelope]) -> None:
        channel = self._channel or installed_channel()
        if channel is None:
            return
        try:
            channel.emit(build())
        except Exception:  # reporting must never break the agent
            logger.exception("could not report an ADK callback")


def _session_id(invocation_context: Any) -> str | None:
    session = getattr(invocation_context, "session", None)
    session_id = getattr(session, "id", None)
    return str(session_id) if session_id else None
