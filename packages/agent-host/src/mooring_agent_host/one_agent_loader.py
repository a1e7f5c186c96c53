"""ADK's agent loader, narrowed to the one agent a host serves."""

from __future__ import annotations

from typing import Any

from google.adk.cli.utils.agent_loader import AgentLoader


class OneAgentLoader(AgentLoader):
    """Loads only ``app_name``, although its folder may hold other agents.

    Mooring points a host at the folder that holds the agent, which can hold others too;
    without this, ADK would list those and load any of them on request.
    """

    def __init__(self, agents_dir: str, app_name: str) -> None:
        super().__init__(agents_dir)
        self.app_name = app_name

    def load_agent(self, agent_name: str) -> Any:
        if agent_name != self.app_name:
            raise ValueError(f"Agent not found: {agent_name!r}; this host serves {self.app_name!r}")
        return super().load_agent(agent_name)

    def list_agents(self) -> list[str]:
        return [self.app_name]
