"""Sentence views: what the relation rules read of one sentence.

Before any rule runs, each sentence gets its people ("<name> <org> <title>", and "박 사장"
for one named before), its mentions outside people's titles, and its organisations joined
into groups with a case, plus references ("3사", "양사") to earlier groups. Doing this once
per sentence, in article order, lets every rule read the same structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from allygraph.models import Sentence

from ..particles import case_of
from .context import ArticleContext, SentenceView
from .cues import load
from .grammar import noun_phrase_word, words
from .mentions import Group, Mention, groups_in, party_refs
from .people import PersonMention, find_people, find_short_refs


def sentence_views(ctx: ArticleContext, mentions: list[Mention]) -> list[SentenceView]:
    """One view per sentence, in order; each sees the groups and people of those before it
    (for "3사" and "박 사장")."""
    views: list[SentenceView] = []
    history: list[Group] = []
    people_so_far: list[PersonMention] = []
    speaker = interviewee(ctx)
    index = 0
    for sentence in ctx.article.sentences:
        inside: list[Mention] = []
        while index < len(mentions) and mentions[index].start < sentence.start:
            index += 1
        j = index
        while j < len(mentions) and mentions[j].start < sentence.end:
            inside.append(mentions[j])
            j += 1
        view = _view(ctx, sentence, inside, history, people_so_far, speaker)
        history.extend(g for g in view.groups if not g.ref)
        views.append(view)
    return views


def _view(
    ctx: ArticleContext,
    sentence: Sentence,
    inside: list[Mention],
    history: list[Group],
    people_so_far: list[PersonMention],
    speaker: str | None = None,
) -> SentenceView:
    """A sentence's people (who are seen first), its other mentions (those inside a
    person's title dropped), the organisations free of a person, and their groups."""
    persons = [m for m in inside if m.type == "Person"]
    others = [m for m in inside if m.type != "Person"]
    orgs = [m for m in others if m.is_org]
    people = find_people(sentence.text, sentence.start, orgs, persons)
    people += find_short_refs(sentence.text, sentence.start, people_so_far + people)
    people.sort(key=lambda p: p.start)
    people_so_far.extend(p for p in people if not p.short)
    for person in people:
        if not person.short:
            ctx.see(ctx.person_key(person.name, person.name_en), person.start, person.name)
    in_person = {id(p.org) for p in people if p.org is not None and not p.aside}
    # A name inside someone's title ("CLOVA CIC 대표") is no mention of that entity.
    others = [
        m
        for m in others
        if id(m) in in_person or not any(p.start <= m.start < p.end for p in people)
    ]
    for mention in others:
        ctx.see(mention.key, mention.start, mention.surface)
    free_orgs = [m for m in others if m.is_org and id(m) not in in_person]
    headline = sentence.kind in ("title", "subtitle")
    owners = _alliance_owners(ctx.article.text, free_orgs, others)
    listed = [m for m in free_orgs if id(m) not in owners]
    groups = groups_in(ctx.article.text, listed, headline, _describer(sentence))
    groups += [Group([m], "gen", m.start, m.end) for m in free_orgs if id(m) in owners]
    groups += party_refs(sentence.text, sentence.start, history, groups)
    groups += speaker_refs(sentence, speaker)
    groups.sort(key=lambda g: g.start)
    return SentenceView(sentence, others, free_orgs, groups, people, None)


def interviewee(ctx: ArticleContext) -> str | None:
    """In an interview, the organisation the article is about (its most named, the
    interviewee's); read once per article."""
    return ctx.focal if _INTERVIEW.search(ctx.article.text[:_INTERVIEW_REACH]) else None


def speaker_refs(sentence: Sentence, speaker: str | None) -> list[Group]:
    """'저희가 주도해 …': in an interview, the first person inside the answers is the
    interviewee's organisation (``speaker``)."""
    if speaker is None:
        return []
    refs: list[Group] = []
    for match in _FIRST_PERSON.finditer(sentence.text):
        particle = match["particle"] or ""
        start = sentence.start + match.start()
        mention = Mention(start, start + len(match["word"]), speaker, "Company", match["word"])
        mention.particle = particle
        refs.append(Group([mention], case_of(particle), start, sentence.start + match.end()))
    return refs


_SPEAKER_CUES = load("people")
_INTERVIEW = re.compile(_SPEAKER_CUES.alt("interview_marks"))
_INTERVIEW_REACH = 600  # the headline and the lead say it is an interview
_FIRST_PERSON = re.compile(
    r"(?<![가-힣])(?P<word>" + _SPEAKER_CUES.alt("first_person") + r")"
    r"(?P<particle>가|는|도|와|의|를)?(?![가-힣])"
)


def _describer(sentence: Sentence) -> Callable[[int, int], bool]:
    """Whether the words of the sentence between two article offsets are all nouns that
    can describe a name ('대전의', '금융 AI 스타트업'), read from Kiwi's analysis."""
    analysed = words(sentence.text)

    def descriptive(start: int, end: int) -> bool:
        lo, hi = start - sentence.start, end - sentence.start
        inside = [w for w in analysed if lo <= w.start and w.end <= hi]
        return bool(inside) and all(noun_phrase_word(w) for w in inside)

    return descriptive


_QUOTES = " '\"‘’“”「」『』"


def _alliance_owners(text: str, orgs: list[Mention], mentions: list[Mention]) -> set[int]:
    """Organisations written right before an alliance's name with no particle ("KT 'AI
    원팀'에 합류", "SK텔레콤 'AI 초협력'"): a noun modifying a noun, i.e. whose alliance it
    is. Such a name is no item of the list before it and does not do what the verb says."""
    starts = [m.start for m in mentions if m.type == "Alliance" and not m.generic]
    owners: set[int] = set()
    for org in orgs:
        if org.particle or org.after != org.end:
            continue
        gap_end = org.end
        while gap_end < len(text) and text[gap_end] in _QUOTES:
            gap_end += 1
        if gap_end > org.end and gap_end in starts:
            owners.add(id(org))
    # 'IBM·메타 'AI Alliance'': names bound to an owner by '·' own the alliance with it.
    for left, right in reversed(list(pairwise(orgs))):
        if id(right) in owners and not left.particle and text[left.end : right.start] == "·":
            owners.add(id(left))
    return owners
