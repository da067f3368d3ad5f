"""How recent a fact is: rivalries nobody has reported for ``RIVALRY_STALE_DAYS`` are stale.

A rivalry read in one 2020 article says nothing about today; the API keeps it (it is what
the articles say) but marks it ``stale`` so that a reader, and the web pages, do not take
it as current. The day a fact was last reported is its ``latest_evidence``
(``service/schemas.py``, from its evidence).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from allygraph.service.schemas import AllianceRivalry, Rival
from allygraph.settings import Settings


def stale_before(settings: Settings, today: date | None = None) -> str:
    """The day (YYYY-MM-DD) before which a rivalry's latest evidence makes it stale."""
    return ((today or date.today()) - timedelta(days=settings.rivalry_stale_days)).isoformat()


def mark_stale(rivalries: Iterable[Rival | AllianceRivalry], settings: Settings) -> None:
    """Set ``stale`` on every rivalry whose newest evidence is older than the setting.
    A rivalry with no dated evidence is left as it is: nothing says how old it is."""
    cutoff = stale_before(settings)
    for rivalry in rivalries:
        rivalry.stale = rivalry.latest_evidence is not None and rivalry.latest_evidence < cutoff
