"""Setting an event up: a new event file with its programme and PINs, and the demo event.

The command line (``daihoi init``, ``daihoi demo``) and the console's start screen call these,
so an event made either way is the same event.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from data import pins
from data.store import Event

from . import template

if TYPE_CHECKING:
    from data.importing import ImportReport


def create_event(
    path: str | os.PathLike[str] | None,
    *,
    title: str,
    kind: str = "dai-hoi",
    date: str | None = None,
    start: str = "07:30",
    operator: str = "",
) -> Event:
    """Create the event file (never over an existing one) and seed its programme from the
    template of its kind."""
    event = Event.create(path, title=title, kind=kind, date=date, start=start, operator=operator)
    template.seed(event)
    return event


def issue_pins(event: Event) -> tuple[str, str]:
    """New desk and organizer PINs, stored hashed; returned once, to be shown once."""
    desk_pin, organizer_pin = pins.new_pin(), pins.new_pin()
    pins.set_pin(event, "desk", desk_pin)
    pins.set_pin(event, "organizer", organizer_pin)
    return desk_pin, organizer_pin


def build_demo(
    path: str | os.PathLike[str],
    *,
    date: str,
    start: str,
    title: str,
    speech_title: Callable[[str], str],
    operator: str = "",
) -> tuple[Event, ImportReport]:
    """The demo event: the shipped delegate list, a speech per speaker (``speech_title(unit)``
    in the UI's language), the shipped honours list. Returns the event and the list's import."""
    from data.importing import import_delegates
    from data.synthetic import (
        DEMO_HONOURS,
        DEMO_LIST,
        DEMO_SEED,
        DEMO_SIZE,
        demo_speakers,
        generate,
    )

    from . import running
    from .honours_import import import_honours

    event = create_event(
        path, title=title, kind="dai-hoi", date=date, start=start, operator=operator
    )
    report = import_delegates(event, DEMO_LIST)
    by_list_id = dict(event.conn.execute("select external_id, id from delegates"))
    speeches = next(i for i in running.load(event).items if i.role == template.SPEECHES)
    for record in demo_speakers(generate(DEMO_SIZE, seed=DEMO_SEED)):
        running.insert(
            event,
            speech_title(record["unit"]),
            8,
            parent=speeches.id,
            delegate_id=by_list_id[record["external_id"]],
        )
    import_honours(event, DEMO_HONOURS)
    return event, report
