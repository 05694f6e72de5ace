"""Messages of the badges area."""

MESSAGES: dict[str, dict[str, str]] = {}
