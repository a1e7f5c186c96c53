"""A weather assistant that works offline.

With GOOGLE_API_KEY (or GOOGLE_GENAI_USE_VERTEXAI) set it talks to Gemini; otherwise a
scripted model stands in, so the agent runs with no key and no network.
"""

from __future__ import annotations

import os

from google.adk.agents import LlmAgent
from google.adk.models.base_llm import BaseLlm

from .scripted_model import ScriptedWeatherModel
from .tools import convert_temperature, get_weather

GEMINI_MODEL = "gemini-2.5-flash"


def choose_model() -> str | BaseLlm:
    vertex = os.environ.get("GOOGLE_GENAI_USE_VERTEXAI", "").strip().lower()
    if os.environ.get("GOOGLE_API_KEY") or vertex in ("1", "true", "yes"):
        return GEMINI_MODEL
    return ScriptedWeatherModel()


root_agent = LlmAgent(
    name="weather_assistant",
    description="Answers questions about the weather in a city and converts temperatures.",
    instruction=(
        "You are a friendly weather assistant. Use get_weather for questions about the "
        "weather in a city and convert_temperature to switch between Celsius and "
        "Fahrenheit. Answer in one or two short sentences based on the tool results."
    ),
    model=choose_model(),
    tools=[get_weather, convert_temperature],
)
