"""HOLDS_POSITION: a person's title at an organisation, as ``people.py`` read it.

The reading of names and titles ('박일평 LG전자 CTO 사장', '(대표 조강원)') is people-finding,
done once per sentence before the rules run; this rule only states what it found. A short
reference ('박 사장') restates a position already known and adds nothing. An organisation
no mention covers ('이정훈 해운정보기술 대표') is resolved here: to the entity the article
or the registry knows by that name, else to a new one named by the position.
"""

from __future__ import annotations

from ..context import ArticleContext, SentenceView
from ..cues import load
from ..grammar import words
from ..mentions import ORG_TYPES, Candidate
from ..name_lexicon import kind_of, lexicon
from ..people import PersonMention
from ..titles import parse_title
from .clauses import date_before, unreal

_CUES = load("positions")
# '2019년 삼성서울병원 디지털혁신센터장에 올랐다': taking up a title, and its particles.
_APPOINTED = _CUES.set("appointment_predicates")
_TO_TITLE = _CUES.set("appointment_particles")
_SUBJECT = ("은", "는", "이", "가")


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
    _appointments(ctx, view)


def _appointments(ctx: ArticleContext, view: SentenceView) -> None:
    """'정 의장은 2019년 삼성서울병원 디지털혁신센터장에 올랐다': the subject took up the title
    at the organisation; the date before it is when the position began."""
    subject = next((p for p in view.people if _subject(view, p)), None)
    if subject is None:
        return
    for org in view.orgs:
        local = view.local(org.after)
        if org.start < subject.end or org.particle or not view.text.startswith(" ", local):
            continue
        title = parse_title(view.text, local + 1, loose=True)
        if title is None:
            continue
        particle = view.text[local + 1 + len(title[0]) : title[1]]
        verb = next((w for w in view.words if w.start > title[1]), None)
        if particle not in _TO_TITLE or verb is None or verb.predicate not in _APPOINTED:
            continue
        if unreal(view, verb.end, verb.start):
            continue
        since = date_before(ctx, view, view.local(org.start))
        person = ctx.person_key(subject.name, subject.name_en)
        ctx.relate("HOLDS_POSITION", person, org.key, view, title=title[0], since=since)


def _subject(view: SentenceView, person: PersonMention) -> bool:
    """Whether the person, with the title written after the name, is the sentence's subject
    ('정 의장은', '한지호 대표는')."""
    end = view.local(person.end)
    if person.title is None and not person.short and view.text.startswith(" ", end):
        title = parse_title(view.text, end + 1)
        end = title[1] if title else end
    return view.text[:end].endswith(_SUBJECT)


def person_org(ctx: ArticleContext, person: PersonMention) -> str | None:
    """The key of the organisation a person is named with, if any."""
    if person.org is not None:
        return person.org.key
    if person.org_name is None:
        return None
    key = known_org(ctx, person.org_name)
    if key is None:
        kind = kind_of(person.org_name, lexicon())
        key = ctx.new_key(Candidate(key="", type=kind, name=person.org_name))
    ctx.see(key, person.org_at, person.org_name)
    return key


def known_org(ctx: ArticleContext, name: str) -> str | None:
    """The organisation the registry or the article already knows by ``name``, or by the
    full name it abbreviates ('과기정통부' for 과학기술정보통신부, '서울대' for 서울대학교)."""
    entry = ctx.registry.lookup(name)
    if entry is not None and entry.type in ORG_TYPES:
        return entry.id
    known: list[tuple[str, str]] = []
    for key, candidate in ctx.candidates.items():
        if candidate.type in ORG_TYPES:
            known += [(key, n) for n in (candidate.name, *candidate.aliases)]
    for key, surfaces in ctx.surfaces.items():
        if ctx.type_of(key) in ORG_TYPES:
            known += [(key, s) for s in surfaces]
    exact = next((key for key, known_name in known if known_name == name), None)
    return exact or next((key for key, full in known if abbreviates(name, full)), None)


def abbreviates(short: str, full: str) -> bool:
    """Whether a Hangul name shortens another the Korean way: a non-empty start of each
    part in turn, the type ending a part of its own ('과학/기술/정보/통신/부' -> 과기정통부,
    '서울/대학교' -> 서울대); leaving a part out makes another name ('한국은행')."""
    if not 2 <= len(short) < len(full) or not (_hangul(short) and _hangul(full)):
        return False
    analysed = words(full)
    if len(analysed) != 1:
        return False
    endings = [ending for ending, *_ in lexicon().suffix_types]
    parts: list[str] = []
    for morph in analysed[0].morphs:
        ending = next((e for e in endings if morph.form.endswith(e) and morph.form != e), None)
        parts += [morph.form[: -len(ending)], ending] if ending else [morph.form]
    return len(parts) >= 2 and _starts_of(short, parts)


def _starts_of(short: str, parts: list[str]) -> bool:
    if not parts:
        return not short
    head, rest = parts[0], parts[1:]
    return any(
        short[:n] == head[:n] and _starts_of(short[n:], rest)
        for n in range(1, min(len(head), len(short)) + 1)
    )


def _hangul(text: str) -> bool:
    return all("가" <= c <= "힣" for c in text)
