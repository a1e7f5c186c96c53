import asyncio
import importlib
from collections.abc import AsyncGenerator
from types import SimpleNamespace
from typing import Any

import pytest
from google.adk.agents import BaseAgent, LlmAgent
from google.adk.agents.invocation_context import InvocationContext
from google.adk.agents.run_config import RunConfig, StreamingMode
from google.adk.apps import App
from google.adk.events import Event
from google.adk.models.base_llm import BaseLlm
from google.adk.models.llm_request import LlmRequest
from google.adk.models.llm_response import LlmResponse
from google.adk.plugins.base_plugin import BasePlugin
from google.adk.runners import InMemoryRunner
from google.genai import types

from mooring_agent_host.agent_loading import load_agent
from mooring_agent_host.channel import EventChannel, install_channel
from mooring_agent_host.cli import PLUGIN
from mooring_agent_host.plugin import EventStreamingPlugin
from support import BUNDLED_AGENTS, RecordingTransport


class ExplodingAgent(BaseAgent):
    async def _run_async_impl(self, ctx: InvocationContext) -> AsyncGenerator[Event, None]:
        yield Event(
            author=self.name,
            invocation_id=ctx.invocation_id,
            content=types.Content(role="model", parts=[types.Part(text="about to fail")]),
        )
        raise ValueError("the dice fell off the table")


class ToolCallingModel(BaseLlm):
    """Calls ``read_sensor`` once, then reports that it is done."""

    model: str = "tool-calling"

    async def generate_content_async(
        self, llm_request: LlmRequest, stream: bool = False
    ) -> AsyncGenerator[LlmResponse, None]:
        last = llm_request.contents[-1].parts[0]
        if last.function_response is None:
            part = types.Part(function_call=types.FunctionCall(name="read_sensor", args={}))
        else:
            part = types.Part(text="done")
        yield LlmResponse(content=types.Content(role="model", parts=[part]))


class UnreachableModel(BaseLlm):
    model: str = "unreachable"

    async def generate_content_async(
        self, llm_request: LlmRequest, stream: bool = False
    ) -> AsyncGenerator[LlmResponse, None]:
        raise ConnectionError("model endpoint unreachable")
        yield  # makes this an async generator


def read_sensor() -> dict:
    """Reads the sensor."""
    raise OSError("sensor offline")


# ADK reports errors that end a run to plugins only in releases with this callback.
REPORTS_RUN_ERRORS = hasattr(BasePlugin, "on_run_error_callback")


def recording_plugin(fail: bool = False) -> tuple[EventStreamingPlugin, RecordingTransport]:
    transport = RecordingTransport(fail=fail)
    return EventStreamingPlugin(channel=EventChannel("run-p", transport)), transport


async def run_turn(agent: Any, plugin: EventStreamingPlugin, text: str, **run: Any) -> list:
    runner = InMemoryRunner(app=App(name="test_app", root_agent=agent, plugins=[plugin]))
    session = await runner.session_service.create_session(app_name="test_app", user_id="u")
    message = types.Content(role="user", parts=[types.Part(text=text)])
    events = []
    async for event in runner.run_async(
        user_id="u", session_id=session.id, new_message=message, **run
    ):
        events.append(event)
    await runner.close()
    return events


def agent_named(app: str) -> Any:
    return load_agent(str(BUNDLED_AGENTS), app).load_agent(app)


def test_reports_every_event_and_the_end_of_the_run() -> None:
    plugin, transport = recording_plugin()

    events = asyncio.run(run_turn(agent_named("story_dice"), plugin, "a tale"))

    kinds = [envelope["kind"] for envelope in transport.envelopes]
    assert kinds == ["event"] * (len(events) + 1) + ["run-finished"]
    question = transport.envelopes[0]["event"]
    assert question["author"] == "user"
    assert question["content"]["parts"][0]["text"] == "a tale"
    assert question["invocationId"] == events[0].invocation_id
    reported = [envelope["event"]["id"] for envelope in transport.envelopes[1:-1]]
    assert reported == [event.id for event in events]
    finished = transport.envelopes[-1]
    assert finished["invocationId"] == events[0].invocation_id
    assert finished["sessionId"] == transport.envelopes[0]["sessionId"]


def test_partial_streaming_chunks_reach_the_plugin() -> None:
    plugin, transport = recording_plugin()
    config = RunConfig(streaming_mode=StreamingMode.SSE)

    asyncio.run(run_turn(agent_named("weather_assistant"), plugin, "Paris?", run_config=config))

    events = [
        e["event"]
        for e in transport.envelopes
        if e["kind"] == "event" and e["event"]["author"] != "user"
    ]
    parts = [event["content"]["parts"][0] for event in events]
    assert "functionCall" in parts[0]
    assert "functionResponse" in parts[1]
    assert all(event.get("partial") is True for event in events[2:-1])
    assert len(events) > 4
    assert "partial" not in events[-1]
    assert "Paris" in parts[-1]["text"]


@pytest.mark.skipif(not REPORTS_RUN_ERRORS, reason="this ADK has no on_run_error_callback")
def test_a_run_error_is_reported_and_still_raised() -> None:
    plugin, transport = recording_plugin()

    with pytest.raises(ValueError, match="dice fell"):
        asyncio.run(run_turn(ExplodingAgent(name="exploding"), plugin, "go"))

    errors = [e for e in transport.envelopes if e["kind"] == "error"]
    assert [e["source"] for e in errors] == ["run"]
    assert "ValueError: the dice fell off the table" in errors[0]["message"]
    assert "Traceback" in errors[0]["detail"]
    assert errors[0]["invocationId"]


def test_model_and_tool_errors_from_a_real_run_are_reported() -> None:
    plugin, transport = recording_plugin()
    failing_tool = LlmAgent(name="tooly", model=ToolCallingModel(), tools=[read_sensor])
    failing_model = LlmAgent(name="modelly", model=UnreachableModel())

    with pytest.raises(OSError, match="sensor offline"):
        asyncio.run(run_turn(failing_tool, plugin, "read it"))
    with pytest.raises(ConnectionError):
        asyncio.run(run_turn(failing_model, plugin, "hello"))

    errors = [(e["source"], e["message"]) for e in transport.envelopes if e["kind"] == "error"]
    expected = [
        ("tool", "tool read_sensor: OSError: sensor offline"),
        ("run", "OSError: sensor offline"),
        ("model", "ConnectionError: model endpoint unreachable"),
        ("run", "ConnectionError: model endpoint unreachable"),
    ]
    assert errors == [e for e in expected if REPORTS_RUN_ERRORS or e[0] != "run"]


def test_a_broken_transport_never_breaks_the_run() -> None:
    plugin, _ = recording_plugin(fail=True)

    events = asyncio.run(run_turn(agent_named("story_dice"), plugin, "a tale"))

    assert len(events) == 3


def test_error_callbacks_report_and_leave_adk_behaviour_alone() -> None:
    plugin, transport = recording_plugin()
    context = SimpleNamespace(invocation_id="inv-9")
    tool = SimpleNamespace(name="get_weather")

    async def fire() -> list:
        return [
            await plugin.on_model_error_callback(
                callback_context=context, llm_request=None, error=TimeoutError("slow")
            ),
            await plugin.on_tool_error_callback(
                tool=tool, tool_args={}, tool_context=context, error=KeyError("city")
            ),
            await plugin.on_tool_error_callback(
                tool=tool, tool_args={}, tool_context=context, error=asyncio.CancelledError()
            ),
        ]

    assert asyncio.run(fire()) == [None, None, None]
    errors = transport.envelopes
    assert [(e["source"], e["invocationId"]) for e in errors] == [
        ("model", "inv-9"),
        ("tool", "inv-9"),
    ]
    assert errors[1]["message"] == "tool get_weather: KeyError: 'city'"


def test_the_installed_channel_is_used_when_none_is_given() -> None:
    transport = RecordingTransport()
    install_channel(EventChannel("run-global", transport))
    try:
        plugin = EventStreamingPlugin(name="by_qualified_name")
        asyncio.run(plugin.after_run_callback(invocation_context=SimpleNamespace()))
    finally:
        install_channel(None)

    assert transport.envelopes[0]["runId"] == "run-global"
    plugin_without_channel = EventStreamingPlugin()
    asyncio.run(plugin_without_channel.after_run_callback(invocation_context=SimpleNamespace()))


def test_the_host_names_this_plugin_class() -> None:
    module_name, class_name = PLUGIN.rsplit(".", 1)

    assert getattr(importlib.import_module(module_name), class_name) is EventStreamingPlugin
