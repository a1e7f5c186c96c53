"""Story Dice: a model-free custom agent, so it runs with no API key at all."""

from .storyteller import StoryDiceAgent

root_agent = StoryDiceAgent(
    name="story_dice",
    description="Rolls three dice from your message and tells a tiny story. Needs no model.",
)
