"""The honours ceremony: who receives what, in which order, with what on the tray, and how far
the ceremony has got.

Everything the MC desk, the command line and the reception desk need about honours goes through
this package, so they cannot disagree. Callers import the package (``from programme import
honours``); each idea lives in its own module:

- :mod:`.rules`: :data:`RULES`, the one table of forms of honour: where each stands in
  precedence and what physically goes on the tray with it (certificate, frame, badge or medal
  box, flag);
- :mod:`.recognition`: what a list's text says (a collective, a posthumous award, a name reduced
  for matching, a unit that agrees);
- :mod:`.model`: the states, :class:`HonourRow` (read from a list), :class:`Honour` (stored) and
  the queries listing them in calling order; :func:`honours_of` tells reception what a delegate
  is to receive today;
- :mod:`.matching`: recipients matched to delegates by external id, else by name + unit compared
  with :func:`data.text.fold`; anything it cannot decide alone is left ``ambiguous`` or ``none``
  for the organizers (:func:`match`), never guessed;
- :mod:`.saving`: :func:`save` stores an imported list, :func:`add` one honour on the spot;
- :mod:`.ceremony`: :func:`set_state`, :func:`call_group`, :func:`present_remaining` move honours
  through planned → called → presented / absent / proxy (or withdrawn), each change committed
  with its journal row;
- :mod:`.counts`: :func:`tally` (where the ceremony stands) and :func:`tray` (what the tray team
  lays out).
"""

from __future__ import annotations

from .ceremony import call_group, present_remaining, proxy_suggestion, set_state
from .counts import FormTally, Tally, tally, tray
from .matching import Match, Matcher, match, unresolved
from .model import (
    ABSENT,
    AMBIGUOUS,
    CALLED,
    MATCHED,
    NONE,
    OPEN_STATES,
    PLANNED,
    PRESENTED,
    PROXY,
    STATES,
    WITHDRAWN,
    Honour,
    HonourRow,
    all_honours,
    calling_key,
    check_group,
    get,
    groups,
    honours_of,
)
from .recognition import is_posthumous, looks_collective, person_key, unit_fits
from .rules import (
    BADGE_BOX,
    CERTIFICATE,
    FLAG,
    FRAME,
    ITEMS,
    MEDAL_BOX,
    OTHER,
    RULES,
    Rule,
    issuer_level,
    items_for,
    precedence,
    rule_for,
)
from .saving import SaveReport, add, honour_key, save

__all__ = [
    "ABSENT",
    "AMBIGUOUS",
    "BADGE_BOX",
    "CALLED",
    "CERTIFICATE",
    "FLAG",
    "FRAME",
    "ITEMS",
    "MATCHED",
    "MEDAL_BOX",
    "NONE",
    "OPEN_STATES",
    "OTHER",
    "PLANNED",
    "PRESENTED",
    "PROXY",
    "RULES",
    "STATES",
    "WITHDRAWN",
    "FormTally",
    "Honour",
    "HonourRow",
    "Match",
    "Matcher",
    "Rule",
    "SaveReport",
    "Tally",
    "add",
    "all_honours",
    "call_group",
    "calling_key",
    "get",
    "check_group",
    "groups",
    "honour_key",
    "honours_of",
    "is_posthumous",
    "issuer_level",
    "items_for",
    "looks_collective",
    "match",
    "person_key",
    "precedence",
    "present_remaining",
    "proxy_suggestion",
    "rule_for",
    "save",
    "set_state",
    "tally",
    "tray",
    "unit_fits",
    "unresolved",
]
