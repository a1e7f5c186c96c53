"""Mooring's agent host: serves one ADK agent over HTTP and streams its events."""

__version__ = "0.1.0"
