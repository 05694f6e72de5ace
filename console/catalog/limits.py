"""Messages of the bounds every importer puts on what it reads (hostile and broken files)."""

MESSAGES: dict[str, dict[str, str]] = {}
