"""What the reception desk should tell a delegate on arrival: they speak or are honoured today.

The desk's verdict panel shows these notes under "MỜI VÀO", so a speaker is sent to the
speakers' row and an honouree learns their group before the ceremony. Notes are catalog keys
with values (``programme`` renders no sentences); the console and the command line render them.
"""

from __future__ import annotations

from typing import Any

from data.store import Event

from .honours import honours_of
from .running import speeches_of

Note = tuple[str, dict[str, Any]]
"""A catalog key and the values to put in it."""


def notes_for(event: Event, delegate_id: int) -> list[Note]:
    """The delegate's speeches (not yet given) and honours (not withdrawn) today, in order."""
    notes: list[Note] = [
        ("note.speaks", {"title": title}) for title in speeches_of(event, delegate_id)
    ]
    for form, group in honours_of(event, delegate_id):
        if group:
            notes.append(("note.honour_group", {"form": form, "group": group}))
        else:
            notes.append(("note.honour", {"form": form}))
    return notes
