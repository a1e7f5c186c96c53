"""Emits as many small events as the message asks for: "N" in a burst, "N MS" paced."""

import asyncio
from typing import AsyncGenerator

from google.adk.agents import BaseAgent
from google.adk.agents.invocation_context import InvocationContext
from google.adk.events import Event
from google.genai import types


class BurstAgent(BaseAgent):
    async def _run_async_impl(self, ctx: InvocationContext) -> AsyncGenerator[Event, None]:
        text = ctx.user_content.parts[0].text if ctx.user_content else ""
        words = [int(word) for word in text.split() if word.isdigit()]
        count = words[0] if words else 10
        pause = words[1] / 1000 if len(words) > 1 else 0
        for index in range(count):
            if pause:
                await asyncio.sleep(pause)
            yield Event(
                author=self.name,
                invocation_id=ctx.invocation_id,
                partial=True,
                content=types.Content(role="model", parts=[types.Part(text=f"chunk {index}")]),
            )


root_agent = BurstAgent(
    name="burst", description="Emits N events for the message N, one every MS for N MS."
)
