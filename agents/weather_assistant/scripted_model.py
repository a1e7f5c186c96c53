"""An offline stand-in for Gemini that drives the weather tools from the conversation.

It reads the request the way a real model would see it: the whole session history, with
the newest message last. After a new user message it asks for a tool (or answers in words
when no tool fits), after a tool's response it answers in words built from that response.
Follow-ups lean on the history: "And in Fahrenheit?" converts the last temperature it
reported, and "What about tomorrow?" asks about the last city that came up.
With ``stream=True`` an answer arrives as several partial chunks and then once whole,
which is how ADK expects a streaming model to behave.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from typing import Any

from google.adk.models.base_llm import BaseLlm
from google.adk.models.llm_request import LlmRequest
from google.adk.models.llm_response import LlmResponse
from google.genai import types

from .tools import KNOWN_CITIES

DEFAULT_CITY = "Lisbon"
WORDS_PER_CHUNK = 3
CHUNK_DELAY_S = 0.02

ONLY_C_AND_F = "Sorry, I can only convert temperatures between Celsius and Fahrenheit."
NOTHING_TO_CONVERT = (
    "Which temperature should I convert? Ask me about the weather in a city first, "
    "or give me a value such as 20°C."
)
NO_FORECAST = "I only know the weather right now, not a forecast."

_UNIT_WORDS = "celsius|centigrade|fahrenheit|kelvin"
_TEMPERATURE = re.compile(
    rf"(-?\d+(?:\.\d+)?)\s*(?:°|degrees?)?\s*(c|f|k|{_UNIT_WORDS})\b", re.IGNORECASE
)
# A unit the user wants an answer in. Bare letters count only as "°F" or "to F", so the
# "c" of "in c" is never read out of an ordinary word.
_TARGET_UNIT = re.compile(
    rf"\b({_UNIT_WORDS})\b|°\s*([cfk])\b|\b(?:to|in|into)\s+([cfk])\b", re.IGNORECASE
)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# The preposition ignores case ("In Oslo?"); the place itself must be capitalised, which
# keeps "in the morning" from becoming a city.
_PLACE = re.compile(r"\b(?i:in|for|at|about)\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")
# Capitalised words that follow "in" or "about" without being places.
_NOT_PLACES = frozenset(
    {*_UNIT_WORDS.split("|"), "c", "f", "k", "now", "today", "tonight", "tomorrow"}
    | {"yesterday", "weekend", "morning", "afternoon", "evening", "night"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_ABOUT_WEATHER = re.compile(r"\b(weather|temperature)\b", re.IGNORECASE)
_LATER = re.compile(r"\b(tomorrow|tonight|later|next|weekend|forecast)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Temperature:
    value: float
    unit: str  # "C", "F" or "K"

    def __str__(self) -> str:
        return f"{self.value:g} K" if self.unit == "K" else f"{self.value:g}°{self.unit}"


class ScriptedWeatherModel(BaseLlm):
    """Answers weather questions without a network or an API key."""

    model: str = "scripted-weather"

    async def generate_content_async(
        self, llm_request: LlmRequest, stream: bool = False
    ) -> AsyncGenerator[LlmResponse, None]:
        contents = llm_request.contents
        last = contents[-1] if contents else None
        results = _function_responses(last)
        if results:
            text = " ".join(describe(name, result) for name, result in results)
            asked_later = _LATER.search(_last_user_text(contents))
            if asked_later and any(name == "get_weather" for name, _ in results):
                text = f"{NO_FORECAST} {text}"
            async for response in _say(text, stream):
                yield response
            return
        plan = plan_turn(_text_of(last), contents[:-1])
        if isinstance(plan, types.FunctionCall):
            yield _reply([types.Part(function_call=plan)])
            return
        async for response in _say(plan, stream):
            yield response


def plan_turn(message: str, history: Sequence[types.Content]) -> types.FunctionCall | str:
    """Chooses a tool call for one user message, or the words to answer it with.

    ``history`` is the conversation before the message, oldest first.
    """
    stated = _TEMPERATURE.search(message)
    if stated:
        rest = message[: stated.start()] + message[stated.end() :]
        source = Temperature(float(stated.group(1)), _unit_letter(stated.group(2)))
        return _conversion(source, _target_unit(rest))

    city = find_city(message)
    target = _target_unit(message)
    if city is None and target is not None:
        source = _bare_number(message, target) or last_temperature(history)
        if source is not None:
            return _conversion(source, target)
        if not _ABOUT_WEATHER.search(message):
            return NOTHING_TO_CONVERT
    city = city or last_city(history) or DEFAULT_CITY
    return types.FunctionCall(name="get_weather", args={"city": city})


def find_city(message: str) -> str | None:
    """The city a message names, if it names one."""
    lowered = message.lower()
    known = [city for city in KNOWN_CITIES if re.search(rf"\b{city}\b", lowered)]
    if known:
        return max(known, key=len).title()
    return _named_place(message)


def last_temperature(history: Sequence[types.Content]) -> Temperature | None:
    """The temperature of the newest weather report or conversion in the history."""
    for name, result in reversed(_all_function_responses(history)):
        if result.get("status") != "success":
            continue
        if name == "get_weather":
            return Temperature(float(result["temperature_c"]), "C")
        if name == "convert_temperature":
            return Temperature(float(result["value"]), str(result["unit"]))
    return None


def last_city(history: Sequence[types.Content]) -> str | None:
    """The city the conversation came to last: asked about, looked up or reported."""
    for content in reversed(history):
        for part in reversed(content.parts or []):
            city = _city_in(part, content.role)
            if city:
                return city
    return None


def describe(tool_name: str, result: dict[str, Any]) -> str:
    """One or two sentences about a tool's result."""
    if result.get("status") != "success":
        return f"Sorry, that did not work: {result.get('error_message', 'unknown error')}"
    if tool_name == "convert_temperature":
        return f"That is {result['value']}°{result['unit']}."
    celsius = float(result["temperature_c"])
    fahrenheit = round(celsius * 9 / 5 + 32, 1)
    return (
        f"Right now in {result['city']} it is {celsius:g}°C ({fahrenheit:g}°F) and "
        f"{result['conditions']}, with {result['humidity_percent']}% humidity."
    )


def _conversion(source: Temperature, target: str | None) -> types.FunctionCall | str:
    to_unit = target or ("C" if source.unit == "F" else "F")
    # convert_temperature knows only C and F, so Kelvin gets words instead of a bad call.
    if "K" in (source.unit, to_unit):
        return ONLY_C_AND_F
    if to_unit == source.unit:
        return f"That is already {source}."
    return types.FunctionCall(
        name="convert_temperature", args={"value": source.value, "to_unit": to_unit}
    )


def _target_unit(message: str) -> str | None:
    match = _TARGET_UNIT.search(message)
    if match is None:
        return None
    return _unit_letter(next(group for group in match.groups() if group))


def _unit_letter(unit: str) -> str:
    # Every spelling starts with its symbol's letter: c/celsius/centigrade, f, k.
    return unit[0].upper()


def _bare_number(message: str, target: str) -> Temperature | None:
    # "What is 20 in Fahrenheit?" means 20 in the other unit, as the tool converts both ways.
    number = _NUMBER.search(message)
    if number is None:
        return None
    return Temperature(float(number.group()), "F" if target == "C" else "C")


def _named_place(message: str) -> str | None:
    for match in _PLACE.finditer(message):
        words: list[str] = []
        for word in match.group(1).split():
            if word.lower() in _NOT_PLACES:
                break
            words.append(word)
        if words:
            return " ".join(words)
    return None


def _city_in(part: types.Part, role: str | None) -> str | None:
    call, response = part.function_call, part.function_response
    if call is not None and call.name == "get_weather":
        return str((call.args or {}).get("city") or "") or None
    if response is not None and response.name == "get_weather":
        return str((response.response or {}).get("city") or "") or None
    # Only the user's words: the model's own sentences repeat what the tools said.
    if role == "user" and part.text:
        return find_city(part.text)
    return None


async def _say(text: str, stream: bool) -> AsyncGenerator[LlmResponse, None]:
    if stream:
        for chunk in _chunks(text):
            await asyncio.sleep(CHUNK_DELAY_S)
            yield _reply([types.Part(text=chunk)], partial=True)
    yield _reply([types.Part(text=text)])


def _reply(parts: list[types.Part], partial: bool = False) -> LlmResponse:
    content = types.Content(role="model", parts=parts)
    if partial:
        return LlmResponse(content=content, partial=True)
    # Made-up but plausible token counts keep ADK's usage metrics quiet and non-empty.
    words = sum(len((part.text or "x").split()) for part in parts)
    usage = types.GenerateContentResponseUsageMetadata(
        prompt_token_count=0, candidates_token_count=words, total_token_count=words
    )
    return LlmResponse(content=content, usage_metadata=usage)


def _chunks(text: str) -> list[str]:
    words = re.findall(r"\S+\s*", text)
    return ["".join(words[i : i + WORDS_PER_CHUNK]) for i in range(0, len(words), WORDS_PER_CHUNK)]


def _text_of(content: types.Content | None) -> str:
    if content is None or not content.parts:
        return ""
    return " ".join(part.text for part in content.parts if part.text)


def _last_user_text(contents: Sequence[types.Content]) -> str:
    for content in reversed(contents):
        text = _text_of(content) if content.role == "user" else ""
        if text:
            return text
    return ""


def _all_function_responses(contents: Sequence[types.Content]) -> list[tuple[str, dict[str, Any]]]:
    return [pair for content in contents for pair in _function_responses(content)]


def _function_responses(content: types.Content | None) -> list[tuple[str, dict[str, Any]]]:
    if content is None or not content.parts:
        return []
    return [
        (part.function_response.name or "", dict(part.function_response.response or {}))
        for part in content.parts
        if part.function_response is not None
    ]
