"""Emits as many small events as the message asks for, as fast as ADK lets it."""

from typing import AsyncGenerator

from google.adk.agents import BaseAgent
from google.adk.agents.invocation_context import InvocationContext
from google.adk.events import Event
from google.genai import types


class BurstAgent(BaseAgent):
    async def _run_async_impl(self, ctx: InvocationContext) -> AsyncGenerator[Event, None]:
        text = ctx.user_content.parts[0].text if ctx.user_content else ""
        count = int(text) if text.strip().isdigit() else 10
        for index in range(count):
            yield Event(
                author=self.name,
                invocation_id=ctx.invocation_id,
                partial=True,
                content=types.Content(role="model", parts=[types.Part(text=f"chunk {index}")]),
            )


root_agent = BurstAgent(name="burst", description="Emits N events for the message N.")
