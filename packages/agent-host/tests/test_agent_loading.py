import os

import pytest

from mooring_agent_host.agent_loading import AgentLoadError, load_agent, load_env_file
from support import BUNDLED_AGENTS, FIXTURE_AGENTS


@pytest.mark.parametrize(
    ("agents_dir", "app", "agent_type"),
    [
        (BUNDLED_AGENTS, "weather_assistant", "LlmAgent"),
        (BUNDLED_AGENTS, "story_dice", "StoryDiceAgent"),
        (FIXTURE_AGENTS, "flat_agent", "EchoAgent"),
        (FIXTURE_AGENTS, "yaml_agent", "LlmAgent"),
    ],
)
def test_loads_every_supported_layout(agents_dir, app: str, agent_type: str) -> None:
    loader = load_agent(str(agents_dir), app)

    assert type(loader.load_agent(app)).__name__ == agent_type


def test_an_agent_that_raises_on_import_is_a_load_error() -> None:
    with pytest.raises(AgentLoadError) as caught:
        load_agent(str(FIXTURE_AGENTS), "broken_agent")

    assert "weather station unreachable" in str(caught.value.__cause__)


def test_a_missing_agent_is_a_load_error() -> None:
    with pytest.raises(AgentLoadError):
        load_agent(str(FIXTURE_AGENTS), "no_such_agent")


def test_env_file_fills_gaps_but_never_overrides(tmp_path, monkeypatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("MOORING_TEST_NEW=from-file\nMOORING_TEST_SET=from-file\n")
    monkeypatch.setenv("MOORING_TEST_SET", "from-parent")
    monkeypatch.delenv("MOORING_TEST_NEW", raising=False)

    load_env_file(str(env_file))

    assert os.environ["MOORING_TEST_NEW"] == "from-file"
    assert os.environ["MOORING_TEST_SET"] == "from-parent"
    monkeypatch.delenv("MOORING_TEST_NEW")


def test_a_missing_env_file_is_not_fatal(tmp_path) -> None:
    load_env_file(str(tmp_path / "absent.env"))


def test_the_loader_serves_only_the_chosen_agent() -> None:
    loader = load_agent(str(BUNDLED_AGENTS), "story_dice")

    assert loader.list_agents() == ["story_dice"]
    with pytest.raises(ValueError, match="Agent not found"):
        loader.load_agent("weather_assistant")
