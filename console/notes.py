"""The reception desk's notes (speaker, honouree) in the user's language.

Shared by the reception screen and ``daihoi checkin`` so both say the same words.
"""

from __future__ import annotations

from data.checkin import NotesFor
from data.store import Event
from programme.notes import notes_for

from .i18n import t


def desk_notes(event: Event) -> NotesFor:
    """A function giving the rendered notes of a delegate, for :class:`data.checkin.Desk`."""
    return lambda delegate_id: [t(key, **values) for key, values in notes_for(event, delegate_id)]
