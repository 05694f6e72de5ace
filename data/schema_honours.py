"""Migrations of the honours tables (registered on data.schema.MIGRATIONS, in order)."""

from __future__ import annotations
