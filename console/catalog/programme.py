"""Messages of the programme area."""

MESSAGES: dict[str, dict[str, str]] = {}
