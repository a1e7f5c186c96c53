"""Weather tools backed by fixed, made-up data so the agent runs offline."""

from __future__ import annotations

import zlib

_CONDITIONS = ["sunny", "partly cloudy", "overcast", "light rain", "windy", "foggy"]

_KNOWN: dict[str, tuple[float, str, int]] = {
    "amsterdam": (14.0, "light rain", 81),
    "berlin": (17.0, "partly cloudy", 64),
    "buenos aires": (22.0, "sunny", 58),
    "cairo": (31.0, "sunny", 22),
    "lisbon": (21.0, "sunny", 55),
    "london": (15.0, "overcast", 77),
    "new york": (19.0, "windy", 60),
    "paris": (18.0, "partly cloudy", 66),
    "reykjavik": (6.0, "windy", 83),
    "san francisco": (16.0, "foggy", 79),
    "sydney": (23.0, "sunny", 50),
    "tokyo": (20.0, "light rain", 72),
}

KNOWN_CITIES = tuple(_KNOWN)


def get_weather(city: str) -> dict:
    """Returns the current weather for a city.

    Args:
        city: The city's name, for example "Lisbon" or "New York".

    Returns:
        A report with the temperature in Celsius, the sky and the humidity.
    """
    key = city.strip().lower()
    if key in _KNOWN:
        celsius, sky, humidity = _KNOWN[key]
    else:
        seed = zlib.crc32(key.encode("utf-8"))
        celsius = float(seed % 35 - 5)
        sky = _CONDITIONS[seed % len(_CONDITIONS)]
        humidity = 30 + seed % 60
    return {
        "status": "success",
        "city": city.strip().title(),
        "temperature_c": celsius,
        "conditions": sky,
        "humidity_percent": humidity,
    }


def convert_temperature(value: float, to_unit: str) -> dict:
    """Converts a temperature between Celsius and Fahrenheit.

    Args:
        value: The temperature to convert.
        to_unit: "F" to convert Celsius to Fahrenheit, "C" for the other way.

    Returns:
        The converted value and its unit, or an error for an unknown unit.
    """
    unit = to_unit.strip().upper()[:1]
    if unit == "F":
        return {"status": "success", "value": round(value * 9 / 5 + 32, 1), "unit": "F"}
    if unit == "C":
        return {"status": "success", "value": round((value - 32) * 5 / 9, 1), "unit": "C"}
    return {"status": "error", "error_message": f"Unknown unit {to_unit!r}; use C or F."}
