"""A custom ADK agent with no model: it rolls dice and tells a tiny story."""

from __future__ import annotations

import asyncio
import random
import zlib
from collections.abc import AsyncGenerator

from google.adk.agents import BaseAgent
from google.adk.agents.invocation_context import InvocationContext
from google.adk.events import Event, EventActions
from google.genai import types

HEROES = (
    "a retired lighthouse keeper",
    "a nervous dragon",
    "two rival bakers",
    "a clockwork fox",
    "a stubborn goat",
    "the youngest cartographer",
)
PLACES = (
    "a floating market",
    "the bottom of a well",
    "a library that hums",
    "an island made of kelp",
    "a train that never stops",
    "the moon's back porch",
)
TWISTS = (
    "the map was upside down",
    "the treasure was a recipe",
    "everyone had the same dream",
    "the door was painted on",
    "the storm was listening",
    "the villain only wanted a nap",
)
ENDINGS = (
    "and they laughed all the way home.",
    "and nobody ever found out.",
    "and the kettle finally whistled.",
    "and it happened again next Tuesday.",
    "and the stars rearranged themselves to applaud.",
    "and that was enough.",
)

PAUSE_S = 0.05


def roll_dice(message: str, count: int = 3) -> list[int]:
    """The same message always rolls the same dice."""
    rng = random.Random(zlib.crc32(message.strip().lower().encode("utf-8")))
    return [rng.randint(1, 6) for _ in range(count)]


def tell(rolls: list[int]) -> tuple[str, str]:
    """The story's opening and its ending for a set of rolls."""
    hero, place, twist = (HEROES[rolls[0] - 1], PLACES[rolls[1] - 1], TWISTS[rolls[2] - 1])
    ending = ENDINGS[sum(rolls) % len(ENDINGS)]
    opening = f"Once, {hero} set out for {place}."
    return opening, f"It turned out {twist}, {ending}"


class StoryDiceAgent(BaseAgent):
    """Rolls three dice seeded by the user's message and tells a story in three events."""

    async def _run_async_impl(self, ctx: InvocationContext) -> AsyncGenerator[Event, None]:
        message = _text_of(ctx.user_content) or "once upon a time"
        rolls = roll_dice(message)
        opening, ending = tell(rolls)
        told = int(ctx.session.state.get("stories_told", 0)) + 1

        yield self._say(ctx, f"🎲 You rolled {rolls[0]}, {rolls[1]} and {rolls[2]}.")
        await asyncio.sleep(PAUSE_S)
        yield self._say(ctx, opening)
        await asyncio.sleep(PAUSE_S)
        yield self._say(
            ctx,
            ending,
            EventActions(state_delta={"stories_told": told, "last_rolls": rolls}),
        )

    def _say(self, ctx: InvocationContext, text: str, actions: EventActions | None = None) -> Event:
        return Event(
            author=self.name,
            invocation_id=ctx.invocation_id,
            branch=ctx.branch,
            content=types.Content(role="model", parts=[types.Part(text=text)]),
            actions=actions or EventActions(),
        )


def _text_of(content: types.Content | None) -> str:
    if content is None or not content.parts:
        return ""
    return " ".join(part.text for part in content.parts if part.text)
