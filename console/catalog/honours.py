"""Messages of the honours area."""

MESSAGES: dict[str, dict[str, str]] = {}
