"""The bundled weather agent's scripted model, chatted with over several turns of one
ADK session, so every follow-up is read against the history ADK hands the model."""

import asyncio
from typing import Any

import pytest
from google.adk.agents.run_config import RunConfig, StreamingMode
from google.adk.events import Event
from google.adk.runners import InMemoryRunner
from google.genai import types

from mooring_agent_host.agent_loading import load_agent
from support import BUNDLED_AGENTS

APP = "weather_assistant"
UNIT_WORDS = ("fahrenheit", "celsius", "kelvin")

Turn = list[Event]


@pytest.fixture(scope="module")
def weather_agent() -> Any:
    return load_agent(str(BUNDLED_AGENTS), APP).load_agent(APP)


async def _converse(agent: Any, messages: tuple[str, ...], streaming: bool) -> list[Turn]:
    runner = InMemoryRunner(agent=agent, app_name=APP)
    session = await runner.session_service.create_session(app_name=APP, user_id="u")
    mode = StreamingMode.SSE if streaming else StreamingMode.NONE
    turns: list[Turn] = []
    for text in messages:
        message = types.Content(role="user", parts=[types.Part(text=text)])
        events = runner.run_async(
            user_id="u",
            session_id=session.id,
            new_message=message,
            run_config=RunConfig(streaming_mode=mode),
        )
        turns.append([event async for event in events])
    await runner.close()
    return turns


def converse(agent: Any, *messages: str, streaming: bool = False) -> list[Turn]:
    return asyncio.run(_converse(agent, messages, streaming))


def calls(turn: Turn) -> list[tuple[str, dict[str, Any]]]:
    found = [call for event in turn for call in event.get_function_calls()]
    return [(call.name or "", dict(call.args or {})) for call in found]


def answer(turn: Turn) -> str:
    final = turn[-1]
    assert not final.partial
    assert final.content is not None and final.content.parts
    return "".join(part.text or "" for part in final.content.parts)


def weather_cities(turns: list[Turn]) -> list[str]:
    return [args["city"] for turn in turns for name, args in calls(turn) if name == "get_weather"]


@pytest.mark.parametrize(
    "follow_up",
    [
        "And what is that in Fahrenheit?",
        "Convert that to Fahrenheit",
        "What is it in fahrenheit?",
        "and in °F?",
    ],
)
def test_a_unit_follow_up_converts_the_last_reported_temperature(
    weather_agent: Any, follow_up: str
) -> None:
    first, second = converse(weather_agent, "What is the weather in Paris?", follow_up)

    assert calls(first) == [("get_weather", {"city": "Paris"})]
    assert calls(second) == [("convert_temperature", {"value": 18.0, "to_unit": "F"})]
    assert "64.4°F" in answer(second)


def test_conversions_chain_from_the_newest_result(weather_agent: Any) -> None:
    turns = converse(
        weather_agent, "Weather in Cairo?", "And in Fahrenheit?", "Now back to Celsius, please"
    )

    assert calls(turns[1]) == [("convert_temperature", {"value": 31.0, "to_unit": "F"})]
    assert calls(turns[2]) == [("convert_temperature", {"value": 87.8, "to_unit": "C"})]
    assert "31.0°C" in answer(turns[2])


def test_kelvin_gets_an_answer_in_words_and_no_tool_call(weather_agent: Any) -> None:
    turns = converse(weather_agent, "What is the weather in Paris?", "and in Kelvin?")

    assert calls(turns[1]) == []
    assert "only convert temperatures between Celsius and Fahrenheit" in answer(turns[1])


def test_a_unit_already_shown_is_not_converted_again(weather_agent: Any) -> None:
    turns = converse(weather_agent, "What is the weather in Paris?", "And that in Celsius?")

    assert calls(turns[1]) == []
    assert "already 18°C" in answer(turns[1])


@pytest.mark.parametrize(
    "history",
    [(), ("What is the weather in Tokyo?",), ("Convert 30C please",)],
)
@pytest.mark.parametrize(
    "follow_up",
    ["And in Fahrenheit?", "and in Kelvin?", "Convert that to Celsius", "What about Kelvin?"],
)
def test_unit_words_are_never_taken_for_cities(
    weather_agent: Any, history: tuple[str, ...], follow_up: str
) -> None:
    turns = converse(weather_agent, *history, follow_up)

    cities = [city.lower() for city in weather_cities(turns)]
    assert not set(cities) & set(UNIT_WORDS)
    assert not any(f"now in {unit}" in answer(turns[-1]).lower() for unit in UNIT_WORDS)


def test_with_nothing_to_convert_it_asks_for_a_temperature(weather_agent: Any) -> None:
    (turn,) = converse(weather_agent, "Convert that to Fahrenheit")

    assert calls(turn) == []
    assert "Which temperature should I convert?" in answer(turn)


def test_the_weather_in_a_unit_without_a_city_looks_up_the_default_city(weather_agent: Any) -> None:
    (turn,) = converse(weather_agent, "What is the weather in Fahrenheit?")

    assert calls(turn) == [("get_weather", {"city": "Lisbon"})]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Convert 68°F to Celsius", ("convert_temperature", {"value": 68.0, "to_unit": "C"})),
        ("What is 20 in Fahrenheit?", ("convert_temperature", {"value": 20.0, "to_unit": "F"})),
        ("What is the weather in Paris in Fahrenheit?", ("get_weather", {"city": "Paris"})),
    ],
)
def test_a_message_that_states_its_own_values_ignores_the_history(
    weather_agent: Any, message: str, expected: tuple[str, dict[str, Any]]
) -> None:
    turns = converse(weather_agent, "What is the weather in Cairo?", message)

    assert calls(turns[1]) == [expected]


def test_a_stated_kelvin_value_is_not_sent_to_the_tool(weather_agent: Any) -> None:
    (turn,) = converse(weather_agent, "Convert 20°C to Kelvin")

    assert calls(turn) == []
    assert "Celsius and Fahrenheit" in answer(turn)


@pytest.mark.parametrize(("follow_up", "city"), [("And in Tokyo?", "Tokyo"), ("In Oslo?", "Oslo")])
def test_a_follow_up_naming_a_new_city_asks_about_that_city(
    weather_agent: Any, follow_up: str, city: str
) -> None:
    turns = converse(weather_agent, "What is the weather in Paris?", follow_up)

    assert weather_cities(turns) == ["Paris", city]
    assert city in answer(turns[1])


def test_a_follow_up_without_a_city_reuses_the_last_city(weather_agent: Any) -> None:
    turns = converse(
        weather_agent,
        "What is the weather in Paris?",
        "And in Oslo?",
        "And in Fahrenheit?",
        "What about tomorrow?",
    )

    assert weather_cities(turns) == ["Paris", "Oslo", "Oslo"]
    assert "Oslo" in answer(turns[3])
    assert "not a forecast" in answer(turns[3])


def test_a_reply_in_words_streams_like_a_tool_answer(weather_agent: Any) -> None:
    turns = converse(weather_agent, "Weather in Paris?", "and in Kelvin?", streaming=True)

    reply = turns[1]
    assert calls(reply) == []
    assert len(reply) > 2
    assert all(event.partial for event in reply[:-1])
    streamed = "".join(part.text or "" for e in reply[:-1] for part in e.content.parts)
    assert streamed == answer(reply)


def test_the_same_conversation_gets_the_same_replies(weather_agent: Any) -> None:
    messages = ("Weather in Sydney?", "And in Fahrenheit?", "What about tomorrow?")

    first, second = (converse(weather_agent, *messages) for _ in range(2))

    assert [answer(turn) for turn in first] == [answer(turn) for turn in second]
