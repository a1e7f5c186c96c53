"""Command line: load one agent, serve it with ADK's API server, stream its events.

Exit codes: 0 after a clean shutdown (SIGTERM/SIGINT), 1 when the agent fails to load
or the server cannot start, 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys

# Only light modules here: signal handlers go in before ADK and uvicorn are imported.
from mooring_agent_host import __version__, lifecycle
from mooring_agent_host.agent_loading import AgentLoadError, load_agent, load_env_file
from mooring_agent_host.channel import EventChannel, install_channel
from mooring_agent_host.envelope import error_body, format_traceback, ready_body
from mooring_agent_host.transports import PipeTransport, Transport, WebSocketTransport

logger = logging.getLogger("mooring_agent_host")

SECRET_ENV = "MOORING_RUN_SECRET"
PLUGIN = "mooring_agent_host.plugin.EventStreamingPlugin"
FLUSH_TIMEOUT_S = 2.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m mooring_agent_host",
        description="Serve one ADK agent over HTTP and stream its events to Mooring.",
    )
    parser.add_argument("--agents-dir", required=True, help="folder that holds the agent")
    parser.add_argument("--app", required=True, help="the agent's folder name in --agents-dir")
    parser.add_argument("--port", required=True, type=int, help="HTTP port (0: any free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--run-id", required=True, help="Mooring's id for this run")
    sink = parser.add_mutually_exclusive_group(required=True)
    sink.add_argument("--event-fd", type=int, help="inherited fd for newline-delimited JSON")
    sink.add_argument("--event-url", help=f"ws:// URL for events; secret in ${SECRET_ENV}")
    parser.add_argument("--env-file", help="the agent's .env, loaded before the agent")
    parser.add_argument(
        "--exit-on-stdin-eof",
        action="store_true",
        help="exit when stdin closes, i.e. when the parent process dies",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        type=str.lower,
        choices=["debug", "info", "warning", "error"],
        help="how much the host and ADK log to stderr",
    )
    parser.add_argument("--version", action="version", version=__version__)
    return parser.parse_args(argv)


def open_transport(args: argparse.Namespace) -> Transport:
    # Taken out of the environment so the agent's own code never sees it.
    secret = os.environ.pop(SECRET_ENV, "")
    if args.event_fd is not None:
        return PipeTransport(args.event_fd)
    if not secret:
        logger.warning("%s is not set; the server will refuse the event socket", SECRET_ENV)
    return WebSocketTransport(args.event_url, secret, args.run_id)


EVENT_SWITCH_INTERVAL_S = 0.0005


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    lifecycle.stop_on_signals()
    # Envelopes leave through a writer thread. With the default 5 ms switch interval a busy
    # agent keeps the GIL long enough to delay every event by milliseconds; a shorter one lets
    # the writer run between events at a negligible cost in throughput.
    sys.setswitchinterval(EVENT_SWITCH_INTERVAL_S)
    logger.info("host %s starting %s from %s", __version__, args.app, args.agents_dir)
    if args.exit_on_stdin_eof:
        lifecycle.term_on_parent_death()
        lifecycle.exit_when_stdin_closes()

    channel = EventChannel(args.run_id, open_transport(args))
    install_channel(channel)
    try:
        return serve(args, channel)
    finally:
        channel.close(FLUSH_TIMEOUT_S)


def serve(args: argparse.Namespace, channel: EventChannel) -> int:
    from mooring_agent_host.server import bind, build_app, make_server

    agents_dir = os.path.abspath(args.agents_dir)
    if args.env_file:
        load_env_file(args.env_file)
    try:
        loader = load_agent(agents_dir, args.app)
        sock = bind(args.host, args.port)
    except (AgentLoadError, OSError) as error:
        if lifecycle.stop_requested():
            return 0
        report_startup_failure(channel, error)
        return 1

    app = build_app(
        agents_dir=agents_dir,
        agent_loader=loader,
        plugin=PLUGIN,
        host=args.host,
        port=sock.getsockname()[1],
    )
    server = make_server(app, args.log_level, lambda: announce_ready(channel, args.app, sock))
    lifecycle.stop_server_on_signals(server)
    server.run(sockets=[sock])
    logger.info("server stopped; flushing events")
    return 0


def announce_ready(channel: EventChannel, app_name: str, sock: socket.socket) -> None:
    from google.adk import __version__ as adk_version

    logger.info("agent %s ready on %s", app_name, sock.getsockname())
    channel.emit(ready_body(app_name, os.getpid(), adk_version, __version__))


def report_startup_failure(channel: EventChannel, error: Exception) -> None:
    cause = error.__cause__ or error
    detail = format_traceback(cause)
    logger.error("startup failed: %s\n%s", error, detail)
    channel.emit(error_body("host", str(error), detail=detail))
