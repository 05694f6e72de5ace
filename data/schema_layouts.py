"""Migration of remembered column layouts (listed in :data:`data.schema.ORDER`).

When the organizer maps a list's columns to fields by hand (a header the importer does not
recognize, or a column it guessed wrong), the mapping is kept under the header's own texts, so
the next list of the same layout (the same unit's corrected list, the next year's) imports
without asking again (:mod:`data.layouts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from .schema_core import run_statements


def m_layouts_001_column_maps(db: sqlite_utils.Database) -> None:
    """One row per header layout the organizer mapped: its key (the header texts folded), the
    texts as written, how many header rows, the column → field mapping (JSON), and when."""
    run_statements(
        db,
        [
            """create table column_layouts (
                key text primary key,
                header text not null,
                header_rows integer not null default 1,
                fields text not null,
                saved_at text not null)""",
        ],
    )
