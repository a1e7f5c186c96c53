"""Ways to carry envelopes from the host to Mooring."""

from mooring_agent_host.transports.base import Transport
from mooring_agent_host.transports.pipe import PipeTransport
from mooring_agent_host.transports.websocket import WebSocketTransport

__all__ = ["PipeTransport", "Transport", "WebSocketTransport"]
