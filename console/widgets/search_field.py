"""The scan and search fields: an Input that lets ``?`` open the help while it is empty."""

from __future__ import annotations

from textual.widgets import Input


class SearchField(Input):
    """An Input that does not take ``?`` while empty: then ``?`` is the help key (no name or
    code starts with one), and the footer shows it."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if character == "?" and not self.value:
            return False
        return super().check_consume_key(key, character)
