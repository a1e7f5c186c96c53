"""Envelopes: the JSON objects the host sends about a run, whatever the transport.

The shape is the contract in ``packages/protocol/src/envelope.ts``: every envelope has
``v``, ``runId``, ``seq`` (1, 2, 3... per run, no gaps), ``ts`` (epoch milliseconds) and
a ``kind`` of ``ready``, ``event``, ``run-finished`` or ``error``.
"""

from __future__ import annotations

import json
import logging
import time
import traceback
from typing import Any, Literal

logger = logging.getLogger(__name__)

ENVELOPE_VERSION = 1

Envelope = dict[str, Any]
ErrorSource = Literal["model", "tool", "run", "host"]


def ready_body(app_name: str, pid: int, adk_version: str, host_version: str) -> Envelope:
    return {
        "kind": "ready",
        "appName": app_name,
        "pid": pid,
        "adkVersion": adk_version,
        "hostVersion": host_version,
    }


def event_body(event: dict[str, Any], session_id: str | None) -> Envelope:
    body: Envelope = {"kind": "event", "event": event}
    if session_id:
        body["sessionId"] = session_id
    return body


def run_finished_body(invocation_id: str, session_id: str | None) -> Envelope:
    body: Envelope = {"kind": "run-finished", "invocationId": invocation_id}
    if session_id:
        body["sessionId"] = session_id
    return body


def error_body(
    source: ErrorSource,
    message: str,
    detail: str | None = None,
    invocation_id: str | None = None,
) -> Envelope:
    body: Envelope = {"kind": "error", "source": source, "message": message}
    if detail:
        body["detail"] = detail
    if invocation_id:
        body["invocationId"] = invocation_id
    return body


def format_traceback(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def seal(body: Envelope, run_id: str, seq: int, ts: float | None = None) -> Envelope:
    """Adds the fields every envelope carries to a kind-specific body."""
    head: Envelope = {
        "v": ENVELOPE_VERSION,
        "runId": run_id,
        "seq": seq,
        "ts": time.time() * 1000.0 if ts is None else ts,
    }
    return {**head, **body}


def encode(envelope: Envelope) -> str:
    """One envelope as compact JSON on a single line (JSON escapes every newline)."""
    return json.dumps(envelope, separators=(",", ":"), ensure_ascii=False, default=str)


def serialize_event(event: Any) -> dict[str, Any]:
    """An ADK Event as ADK's API server puts it on the wire: camelCase, no nulls.

    Newer ADK releases also drop ADK-internal metadata and credential secrets before
    an event leaves the server; those helpers are private, so they are used only when
    present and never allowed to lose the event.
    """
    public = _public_event(event)
    data = json.loads(public.model_dump_json(exclude_none=True, by_alias=True))
    return _redact_secrets(data)


def _public_event(event: Any) -> Any:
    try:
        from google.adk.events._internal_metadata import public_event
    except ImportError:
        return event
    try:
        return public_event(event)
    except Exception:  # a private helper must not cost us the event
        logger.debug("public_event failed; sending the event as is", exc_info=True)
        return event


def _redact_secrets(data: dict[str, Any]) -> dict[str, Any]:
    try:
        from google.adk.auth.auth_credential import _redact_credential_secrets
    except ImportError:
        return data
    try:
        redacted = _redact_credential_secrets(data)
    except Exception:  # a private helper must not cost us the event
        logger.debug("credential redaction failed; sending the event as is", exc_info=True)
        return data
    return redacted if isinstance(redacted, dict) else data
