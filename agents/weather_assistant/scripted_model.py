"""An offline stand-in for Gemini that drives the weather tools from the conversation.

It reads the request the way a real model would see it: after a new user message it
asks for a tool, after a tool's response it answers in words built from that response.
With ``stream=True`` the answer arrives as several partial chunks and then once whole,
which is how ADK expects a streaming model to behave.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncGenerator
from typing import Any

from google.adk.models.base_llm import BaseLlm
from google.adk.models.llm_request import LlmRequest
from google.adk.models.llm_response import LlmResponse
from google.genai import types

from .tools import KNOWN_CITIES

DEFAULT_CITY = "Lisbon"
WORDS_PER_CHUNK = 3
CHUNK_DELAY_S = 0.02

_TEMPERATURE = re.compile(
    r"(-?\d+(?:\.\d+)?)\s*(?:°|degrees?)?\s*(c|f|celsius|fahrenheit)\b", re.IGNORECASE
)
_PLACE = re.compile(r"\b(?:in|for|at)\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")


class ScriptedWeatherModel(BaseLlm):
    """Answers weather questions without a network or an API key."""

    model: str = "scripted-weather"

    async def generate_content_async(
        self, llm_request: LlmRequest, stream: bool = False
    ) -> AsyncGenerator[LlmResponse, None]:
        last = llm_request.contents[-1] if llm_request.contents else None
        results = _function_responses(last)
        if not results:
            yield _reply([types.Part(function_call=plan_tool_call(_text_of(last)))])
            return
        text = " ".join(describe(name, result) for name, result in results)
        if stream:
            for chunk in _chunks(text):
                await asyncio.sleep(CHUNK_DELAY_S)
                yield _reply([types.Part(text=chunk)], partial=True)
        yield _reply([types.Part(text=text)])


def plan_tool_call(message: str) -> types.FunctionCall:
    """Chooses the tool and its arguments for one user message."""
    temperature = _TEMPERATURE.search(message)
    if temperature:
        value = float(temperature.group(1))
        to_unit = "C" if temperature.group(2)[0].lower() == "f" else "F"
        return types.FunctionCall(
            name="convert_temperature", args={"value": value, "to_unit": to_unit}
        )
    return types.FunctionCall(name="get_weather", args={"city": find_city(message)})


def find_city(message: str) -> str:
    lowered = message.lower()
    known = [city for city in KNOWN_CITIES if city in lowered]
    if known:
        return max(known, key=len).title()
    place = _PLACE.search(message)
    return place.group(1) if place else DEFAULT_CITY


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


def _function_responses(content: types.Content | None) -> list[tuple[str, dict[str, Any]]]:
    if content is None or not content.parts:
        return []
    return [
        (part.function_response.name or "", dict(part.function_response.response or {}))
        for part in content.parts
        if part.function_response is not None
    ]
