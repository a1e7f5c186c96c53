raise RuntimeError("this agent fails on import on purpose")

root_agent = None
