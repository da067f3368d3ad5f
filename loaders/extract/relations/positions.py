"""HOLDS_POSITION: a person's title at an organisation, as ``people.py`` read it.

The reading of names and titles ('박일평 LG전자 CTO 사장', '(대표 조강원)') is people-finding,
done once per sentence before the rules run; this rule only states what it found. A short
reference ('박 사장') restates a position already known and adds nothing.
"""

from __future__ import annotations

from ..context import ArticleContext, SentenceView


def positions(ctx: ArticleContext, view: SentenceView) -> None:
    """Each person named with an organisation and a title holds that position."""
    for person in view.people:
        if person.org is not None and person.title and not person.short:
            ctx.relate(
                "HOLDS_POSITION", ctx.person_key(person.name, person.name_en), person.org.key, view,
                title=person.title,
            )  # fmt: skip
