"""Messages of the reports area."""

MESSAGES: dict[str, dict[str, str]] = {}
