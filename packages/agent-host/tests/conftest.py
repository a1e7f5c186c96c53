"""Every test runs offline: no Gemini key, and no .env file picked up by ADK."""

import os

for name in ("GOOGLE_API_KEY", "GOOGLE_GENAI_USE_VERTEXAI"):
    os.environ.pop(name, None)
os.environ["ADK_DISABLE_LOAD_DOTENV"] = "1"
