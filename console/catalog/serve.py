"""Messages of ``daihoi serve``: the console in browsers on the LAN."""

MESSAGES: dict[str, dict[str, str]] = {}
