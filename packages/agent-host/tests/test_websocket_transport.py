import time

from mooring_agent_host.channel import EventChannel
from mooring_agent_host.envelope import run_finished_body
from mooring_agent_host.transports import WebSocketTransport
from support import FakeEventServer, wait_until

SECRET = "s3cret"


def emit(channel: EventChannel, count: int) -> None:
    for i in range(count):
        channel.emit(run_finished_body(f"inv-{i}", "session"))


def test_sends_auth_headers_and_flushes_on_close() -> None:
    with FakeEventServer(secret=SECRET) as server:
        transport = WebSocketTransport(server.url, SECRET, "run-ws")
        channel = EventChannel("run-ws", transport)
        emit(channel, 10)

        assert channel.close(5.0) is True
        assert server.stored_seqs() == list(range(1, 11))
        assert server.headers[0]["X-Mooring-Run"] == "run-ws"
        assert transport.unacknowledged == 0


def test_resends_after_a_dropped_connection_exactly_from_last_seq() -> None:
    with FakeEventServer(secret=SECRET, forget_after=5, drop_at=8) as server:
        transport = WebSocketTransport(server.url, SECRET, "run-ws")
        channel = EventChannel("run-ws", transport)
        emit(channel, 30)

        wait_until(lambda: len(server.stored_seqs()) == 30, 10, "all 30 stored")
        emit(channel, 5)
        assert channel.close(5.0) is True

    assert server.stored_seqs() == list(range(1, 36))
    first, second = server.received[0], server.received[1]
    assert first[:8] == list(range(1, 9))
    assert second[0] == 6, "resend must start right after the welcome's lastSeq"
    assert second == sorted(second)


def test_keeps_trying_while_the_server_refuses() -> None:
    with FakeEventServer(secret=SECRET, refuse_first=3) as server:
        channel = EventChannel("run-ws", WebSocketTransport(server.url, SECRET, "run-ws"))
        emit(channel, 3)

        wait_until(lambda: server.stored_seqs() == [1, 2, 3], 10, "delivery after refusals")
        assert server.refused == 3
        channel.close(2.0)


def test_a_wrong_secret_is_refused_and_nothing_is_lost_or_raised() -> None:
    with FakeEventServer(secret=SECRET) as server:
        transport = WebSocketTransport(server.url, "wrong", "run-ws")
        channel = EventChannel("run-ws", transport)
        emit(channel, 4)
        time.sleep(0.5)

        assert server.stored_seqs() == []
        assert transport.unacknowledged == 4
        assert channel.close(0.2) is False


def test_emit_never_blocks_without_a_server() -> None:
    url = "ws://127.0.0.1:9/ws/agent-events/nowhere"
    channel = EventChannel("run-ws", WebSocketTransport(url, SECRET, "run-ws"))

    started = time.monotonic()
    emit(channel, 2000)
    elapsed = time.monotonic() - started

    assert elapsed < 1.0
    assert channel.last_seq == 2000
    assert channel.close(0.2) is False
