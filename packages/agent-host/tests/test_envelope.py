import json
import threading

from google.adk.events import Event
from google.genai import types

from mooring_agent_host.channel import EventChannel
from mooring_agent_host.envelope import (
    encode,
    error_body,
    event_body,
    ready_body,
    run_finished_body,
    seal,
    serialize_event,
)
from support import RecordingTransport


def test_seal_adds_the_common_fields() -> None:
    envelope = seal(ready_body("weather", 42, "2.13.0", "0.1.0"), "run-1", 7, ts=1234.5)

    assert envelope == {
        "v": 1,
        "runId": "run-1",
        "seq": 7,
        "ts": 1234.5,
        "kind": "ready",
        "appName": "weather",
        "pid": 42,
        "adkVersion": "2.13.0",
        "hostVersion": "0.1.0",
    }


def test_seal_stamps_epoch_milliseconds() -> None:
    envelope = seal(run_finished_body("inv-1", None), "run-1", 1)

    assert envelope["ts"] > 1.6e12
    assert "sessionId" not in envelope


def test_optional_fields_are_left_out_when_unknown() -> None:
    assert error_body("tool", "boom") == {"kind": "error", "source": "tool", "message": "boom"}
    assert event_body({"id": "e"}, None) == {"kind": "event", "event": {"id": "e"}}
    assert error_body("model", "m", detail="tb", invocation_id="inv") == {
        "kind": "error",
        "source": "model",
        "message": "m",
        "detail": "tb",
        "invocationId": "inv",
    }


def test_encode_keeps_one_envelope_on_one_line() -> None:
    body = error_body("run", "two\nlines", detail="Traceback\n  line\n")
    line = encode(seal(body, "run-1", 1))

    assert "\n" not in line
    assert json.loads(line)["message"] == "two\nlines"


def test_events_are_serialized_like_adks_api_server() -> None:
    call = types.FunctionCall(id="call-1", name="get_weather", args={"city": "Oslo"})
    event = Event(
        invocation_id="inv-1",
        author="weather",
        content=types.Content(role="model", parts=[types.Part(function_call=call)]),
    )

    data = serialize_event(event)

    assert data["invocationId"] == "inv-1"
    assert data["author"] == "weather"
    assert data["content"]["parts"][0]["functionCall"]["name"] == "get_weather"
    assert "partial" not in data
    assert "invocation_id" not in data
    assert json.dumps(data)


def test_channel_numbers_envelopes_without_gaps_across_threads() -> None:
    transport = RecordingTransport()
    channel = EventChannel("run-1", transport)

    def emit_many() -> None:
        for _ in range(200):
            channel.emit(run_finished_body("inv", "s"))

    threads = [threading.Thread(target=emit_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    seqs = [envelope["seq"] for envelope in transport.envelopes]
    assert seqs == list(range(1, 801))
    assert {envelope["runId"] for envelope in transport.envelopes} == {"run-1"}


def test_channel_swallows_transport_failures_and_keeps_no_gap() -> None:
    transport = RecordingTransport(fail=True)
    channel = EventChannel("run-1", transport)

    assert channel.emit(run_finished_body("inv", None)) is None
    assert channel.close(1.0) is False

    transport.fail = False
    assert channel.emit(run_finished_body("inv", None)) == 1
