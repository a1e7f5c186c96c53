"""An agent that writes a broken line into Mooring's event pipe while it loads."""

import os
from typing import AsyncGenerator

from google.adk.agents import BaseAgent
from google.adk.agents.invocation_context import InvocationContext
from google.adk.events import Event
from google.genai import types

# The runner must log and skip this line, then keep reading the envelopes that follow.
os.write(3, b"this is not json\n")


class EchoAgent(BaseAgent):
    async def _run_async_impl(self, ctx: InvocationContext) -> AsyncGenerator[Event, None]:
        text = ctx.user_content.parts[0].text if ctx.user_content else ""
        yield Event(
            author=self.name,
            invocation_id=ctx.invocation_id,
            content=types.Content(role="model", parts=[types.Part(text=f"echo: {text}")]),
        )


root_agent = EchoAgent(name="noisy_pipe", description="Echoes, after a bad line on the pipe.")
