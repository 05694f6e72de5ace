"""The one message catalog, kept in one module per area so that areas can grow independently.

Each module defines ``MESSAGES = {key: {"vi": …, "en": …}}``; keys are prefixed by area
(``import.``, ``badge.``, ``programme.`` …) and must not collide (a test checks).
"""

from __future__ import annotations

from . import (
    badges,
    cli,
    console,
    core,
    honours,
    limits,
    printing,
    programme,
    protocol,
    replicas,
    reports,
    serve,
    sessions,
    workbench,
)

AREAS = [
    core,
    cli,
    console,
    replicas,
    badges,
    programme,
    honours,
    reports,
    limits,
    serve,
    protocol,
    sessions,
    workbench,
    printing,
]
CATALOG: dict[str, dict[str, str]] = {}
for _area in AREAS:
    CATALOG.update(_area.MESSAGES)
