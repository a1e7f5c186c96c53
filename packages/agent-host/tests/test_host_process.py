"""The host as Mooring runs it: a subprocess serving ADK's API on a real port."""

import json
import time
from collections.abc import Iterator

import pytest

from support import (
    BUNDLED_AGENTS,
    FIXTURE_AGENTS,
    FakeEventServer,
    HostProcess,
    host_env,
    wait_until,
)

STARTUP_S = 60


@pytest.fixture
def weather_host() -> Iterator[HostProcess]:
    host = HostProcess(BUNDLED_AGENTS, "weather_assistant")
    yield host
    host.cleanup()


def part_kind(envelope: dict) -> str:
    part = envelope["event"]["content"]["parts"][0]
    if "functionCall" in part:
        return "call"
    if "functionResponse" in part:
        return "response"
    return "partial-text" if envelope["event"].get("partial") else "text"


def collect_turn(host: HostProcess) -> list[dict]:
    turn = []
    while not turn or turn[-1]["kind"] != "run-finished":
        turn.append(host.next_envelope(10))
    return turn


def test_streams_a_weather_conversation_over_the_pipe(weather_host: HostProcess) -> None:
    host = weather_host
    ready = host.wait_for("ready", STARTUP_S)
    assert ready["seq"] == 1
    assert ready["appName"] == "weather_assistant"
    assert ready["pid"] == host.proc.pid
    assert json.loads(host.get("/health")) == {"status": "ok"}
    assert json.loads(host.get("/list-apps")) == ["weather_assistant"]

    session = host.create_session()
    sse = host.run_sse(session, "What is the weather in Tokyo?")
    question, *turn = collect_turn(host)
    assert question["event"]["author"] == "user"
    assert question["event"]["content"]["parts"][0]["text"] == "What is the weather in Tokyo?"

    kinds = [part_kind(e) for e in turn[:-1]]
    assert kinds[:2] == ["call", "response"]
    assert kinds[-1] == "text"
    assert set(kinds[2:-1]) == {"partial-text"} and len(kinds) > 4
    assert turn[0]["event"]["content"]["parts"][0]["functionCall"]["args"] == {"city": "Tokyo"}
    assert "Tokyo" in turn[-2]["event"]["content"]["parts"][0]["text"]
    assert turn[-1]["sessionId"] == session
    assert turn[-1]["invocationId"] == turn[0]["event"]["invocationId"]
    assert [e["id"] for e in sse] == [e["event"]["id"] for e in turn[:-1]]

    host.run_sse(session, "Convert 30C please")
    second = collect_turn(host)[1:]
    call = second[0]["event"]["content"]["parts"][0]["functionCall"]
    assert call == {**call, "name": "convert_temperature", "args": {"value": 30.0, "to_unit": "F"}}
    assert "86.0°F" in second[-2]["event"]["content"]["parts"][0]["text"]

    seqs = [e["seq"] for e in host.seen]
    assert seqs == list(range(1, len(seqs) + 1))
    assert host.terminate() == 0
    assert host.pipe_finished(5)


def test_an_agent_that_fails_on_import_exits_with_its_traceback() -> None:
    host = HostProcess(FIXTURE_AGENTS, "broken_agent")
    try:
        code = host.proc.wait(STARTUP_S)
        assert host.pipe_finished(5)
        envelopes = []
        while not host.envelopes.empty():
            envelopes.append(host.envelopes.get())
        stderr = host.stderr_text()
    finally:
        host.cleanup()

    assert code != 0
    assert "Traceback (most recent call last)" in stderr
    assert "weather station unreachable during import" in stderr
    assert [e["kind"] for e in envelopes] == ["error"]
    assert envelopes[0]["source"] == "host"
    assert "weather station unreachable" in envelopes[0]["detail"]


def test_streams_over_a_websocket_and_dies_with_its_parent() -> None:
    with FakeEventServer(secret="run-secret") as server:
        host = HostProcess(
            FIXTURE_AGENTS,
            "flat_agent",
            use_pipe=False,
            event_url=server.url,
            env=host_env(MOORING_RUN_SECRET="run-secret"),
            extra_args=("--exit-on-stdin-eof",),
        )
        try:
            wait_until(lambda: server.stored_seqs()[:1] == [1], STARTUP_S, "ready")
            session = host.create_session()
            host.run_sse(session, "hello there")
            wait_until(lambda: len(server.stored_seqs()) == 4, 10, "events and run-finished")

            started = time.monotonic()
            host.proc.stdin.close()
            code = host.proc.wait(10)
        finally:
            host.cleanup()

    assert time.monotonic() - started < 5
    assert code == 0
    kinds = [e["kind"] for e in server.stored]
    assert kinds == ["ready", "event", "event", "run-finished"]
    assert server.stored[1]["event"]["author"] == "user"
    assert server.stored[2]["event"]["content"]["parts"][0]["text"] == "echo: hello there"
    assert server.headers[0]["X-Mooring-Run"] == "run-test"


def test_sigterm_while_the_agent_loads_is_a_clean_stop() -> None:
    host = HostProcess(BUNDLED_AGENTS, "story_dice")
    try:
        # The first log line comes after the signal handlers, long before ADK has loaded.
        wait_until(lambda: "starting story_dice" in host.stderr_text(), 10, "startup log")
        code = host.terminate()
        assert host.pipe_finished(5)
        kinds = [host.envelopes.get()["kind"] for _ in range(host.envelopes.qsize())]
    finally:
        host.cleanup()

    assert code == 0
    assert "ready" not in kinds
