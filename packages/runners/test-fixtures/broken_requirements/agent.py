from google.adk.agents import BaseAgent

root_agent = BaseAgent(name="broken_requirements", description="Cannot be installed.")
