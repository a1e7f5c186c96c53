import json
import os
import threading

from mooring_agent_host.channel import EventChannel
from mooring_agent_host.envelope import error_body, run_finished_body
from mooring_agent_host.transports import PipeTransport


def read_lines(fd: int) -> list[str]:
    with os.fdopen(fd, "rb") as stream:
        return [line.decode() for line in stream]


def test_envelopes_arrive_one_per_line_in_order() -> None:
    read_fd, write_fd = os.pipe()
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(read_lines(read_fd)))
    reader.start()
    channel = EventChannel("run-pipe", PipeTransport(write_fd))
    big = "x" * 200_000  # larger than a pipe buffer, so writes are partial

    def emit_many() -> None:
        for i in range(50):
            channel.emit(error_body("tool", f"failure {i}", detail=big if i == 3 else None))

    threads = [threading.Thread(target=emit_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert channel.close(5.0) is True
    reader.join(5)

    envelopes = [json.loads(line) for line in lines]
    assert [envelope["seq"] for envelope in envelopes] == list(range(1, 201))
    assert all(line.endswith("\n") for line in lines)
    assert sum(1 for envelope in envelopes if envelope.get("detail") == big) == 4


def test_a_closed_reader_never_raises_into_the_caller() -> None:
    read_fd, write_fd = os.pipe()
    os.close(read_fd)
    channel = EventChannel("run-pipe", PipeTransport(write_fd))

    for _ in range(20):
        channel.emit(run_finished_body("inv", None))

    assert channel.close(2.0) is False
    assert channel.last_seq == 20


def test_the_fd_is_not_inherited_by_children() -> None:
    read_fd, write_fd = os.pipe()
    transport = PipeTransport(write_fd)

    assert os.get_inheritable(write_fd) is False
    transport.close(1.0)
    os.close(read_fd)
