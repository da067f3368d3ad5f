"""HOLDS_POSITION: a person's title at an organisation, as ``people.py`` read it.

The reading of names and titles ('박일평 LG전자 CTO 사장', '(대표 조강원)') is people-finding,
done once per sentence before the rules run; this rule only states what it found. A short
reference ('박 사장') restates a position already known and adds nothing. An organisation
no mention covers ('이정훈 해운정보기술 대표') is resolved here: to the entity the article
or the registry knows by that name, else to a new one named by the position.
"""

from __future__ import annotations

from ..context import ArticleContext, SentenceView
from ..discovery import lexicon
from ..mentions import ORG_TYPES, Candidate
from ..people import PersonMention


def positions(ctx: ArticleContext, view: SentenceView) -> None:
    """Each person named with an organisation and a title holds that position."""
    for person in view.people:
        if person.short or not person.title:
            continue
        org = person_org(ctx, person)
        if org is not None:
            ctx.relate(
                "HOLDS_POSITION", ctx.person_key(person.name, person.name_en), org, view,
                title=person.title,
            )  # fmt: skip


def person_org(ctx: ArticleContext, person: PersonMention) -> str | None:
    """The key of the organisation a person is named with, if any."""
    if person.org is not None:
        return person.org.key
    if person.org_name is None:
        return None
    key = known_org(ctx, person.org_name)
    if key is None:
        kind = _kind(person.org_name)
        key = ctx.new_key(Candidate(key="", type=kind, name=person.org_name))
    ctx.see(key, person.org_at, person.org_name)
    return key


def known_org(ctx: ArticleContext, name: str) -> str | None:
    """The organisation the registry or the article already knows by ``name``."""
    entry = ctx.registry.lookup(name)
    if entry is not None and entry.type in ORG_TYPES:
        return entry.id
    # '서울대' after '서울대학교': a university's short name.
    full = name + "학교" if name.endswith("대") else name
    for key, candidate in ctx.candidates.items():
        names = (candidate.name, *candidate.aliases)
        if candidate.type in ORG_TYPES and (name in names or full in names):
            return key
    for key, surfaces in ctx.surfaces.items():
        if name in surfaces and ctx.type_of(key) in ORG_TYPES:
            return key
    return None


def _kind(name: str) -> str:
    """The type a name's ending gives it ('천안시': a government body), else a company."""
    lex = lexicon()
    for ending, kind, minimum in lex.suffix_types:
        if name.endswith(ending) and len(name) - len(ending) >= minimum:
            return kind
    if name.endswith("대") and 3 <= len(name) <= 5 and name not in lex.not_university_short:
        return "University"
    return "Company"
