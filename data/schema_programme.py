"""Migrations of the programme tables (registered on data.schema.MIGRATIONS, in order)."""

from __future__ import annotations
