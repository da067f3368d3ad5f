"""The state one article's extraction builds up: entities, relations, sentence views.

Rules read sentences through ``SentenceView`` (its mentions, groups, people and first date)
and write through ``ArticleContext``, which owns entity ids (registry or generated slugs)
and merges repeated relations into one, keeping the most informative properties.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice

from allygraph.facts import merge_relation
from allygraph.models import Article, Entity, Evidence, Relation, Sentence

from ..registry import Registry
from ..romanise import person_name_en, person_slug, slugify
from ..text import name_key
from .grammar import Word, words
from .mentions import Candidate, Group, Mention
from .people import PersonMention

_KIND_RANK = {"body": 0, "caption": 1, "subtitle": 2, "title": 3}


@dataclass(slots=True)
class SentenceView:
    """One sentence as the relation rules read it, built once before any rule runs.

    Offsets of mentions and groups are the article's; ``local`` turns them into offsets
    in ``text``, where the rules' patterns match.
    """

    sentence: Sentence
    mentions: list[Mention]  # organisations, products, alliances (not people)
    orgs: list[Mention]  # organisations not inside a person's "<name> <org> <title>"
    groups: list[Group]
    people: list[PersonMention]
    date: str | None
    _words: list[Word] | None = None

    @property
    def words(self) -> list[Word]:
        """The sentence's words with Kiwi's analysis (local offsets), read on first use."""
        if self._words is None:
            self._words = words(self.text)
        return self._words

    def word_at(self, pos: int) -> Word | None:
        """The word covering local offset ``pos``."""
        return next((w for w in self.words if w.start <= pos < w.end), None)

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def offset(self) -> int:
        return self.sentence.start

    @property
    def headline(self) -> bool:
        return self.sentence.kind in ("title", "subtitle")

    def local(self, pos: int) -> int:
        return pos - self.sentence.start

    def of_type(self, *types: str) -> list[Mention]:
        return [m for m in self.mentions if m.type in types]


@dataclass(slots=True)
class AgreementDraft:
    """One signing the article reports, gathered over several sentences."""

    names: list[str] = field(default_factory=list)
    parties: list[tuple[str, SentenceView]] = field(default_factory=list)
    signers: list[tuple[str, SentenceView]] = field(default_factory=list)
    date: str | None = None
    place: str | None = None
    objectives: list[str] = field(default_factory=list)
    kind: str = "agreement"
    first: int = 0  # offset of its first mention, for ordering
    quoted: set[str] = field(default_factory=set)  # names the article quotes: the best

    def party_keys(self) -> set[str]:
        return {key for key, _ in self.parties}


class ArticleContext:
    """What one article's extraction builds up, shared by every rule.

    It owns entity ids, so a name proposed twice (or by two rules) is one entity, and it
    merges a relation stated in several sentences into one, keeping the best evidence
    (a body sentence over a headline) and the most informative properties.
    """

    def __init__(self, article: Article, registry: Registry) -> None:
        self.article = article
        self.registry = registry
        self.published: date = article.published.date()
        self.event: date = self.published
        self.candidates: dict[str, Candidate] = {}
        # (type, name without legal form) -> candidate key: one lookup per new name
        self._by_base: dict[tuple[str, str], str] = {}
        self.first_seen: dict[str, int] = {}
        self.surfaces: dict[str, set[str]] = {}
        self.relations: dict[tuple[str, str, str], Relation] = {}
        self._evidence_rank: dict[tuple[str, str, str], int] = {}
        self.agreements: list[AgreementDraft] = []
        self.alliance_ids: list[str] = []
        self.named_alliances: list[str] = []  # registered or not, named (not 'AI 동맹')
        self.focal: str | None = None
        self.views: list[SentenceView] = []
        # '<X> 컨소시엄' -> X, and the day each alliance was founded (for founding members).
        self.consortium_leads: dict[str, str] = {}
        self.founded: dict[str, str] = {}

    # --- what came before a sentence ---------------------------------------------------

    def earlier(self, view: SentenceView) -> Iterator[SentenceView]:
        """The sentences read before ``view``, nearest first. Views come in text order, so
        a bisect finds the place: rules that look back stay linear in the article's length
        (a list of every earlier sentence per sentence made long articles quadratic)."""
        at = bisect_left(self.views, view.offset, key=lambda v: v.offset)
        return (self.views[i] for i in range(at - 1, -1, -1))

    def previous(self, view: SentenceView) -> SentenceView | None:
        """The sentence right before ``view``, if any."""
        return next(self.earlier(view), None)

    def previous_orgs(self, view: SentenceView) -> list[str]:
        """Organisations of the nearest earlier sentence that names two or more."""
        for earlier in self.earlier(view):
            keys = list(dict.fromkeys(m.key for m in earlier.orgs))
            if len(keys) >= 2:
                return keys
        return []

    def recent_alliances(self, view: SentenceView, window: int = 2) -> list[str]:
        """Alliances named in this sentence or the ``window`` sentences before it."""
        earlier = [*reversed([*islice(self.earlier(view), window)]), view]
        return list(dict.fromkeys(m.key for v in earlier for m in v.of_type("Alliance")))

    def last_speaker_org(self, view: SentenceView, *, inclusive: bool = False) -> str | None:
        """The organisation of the person named last before ``view`` (or in it, with
        ``inclusive``): what '그는' or a quoted answer with no subject speaks for."""
        views = self.earlier(view) if not inclusive else chain([view], self.earlier(view))
        people = (p for v in views for p in reversed(v.people))
        last = next(people, None)
        if last is None:
            return None
        if last.org is not None:
            return last.org.key
        return next((p.org.key for p in people if p.name == last.name and p.org is not None), None)

    # --- entities --------------------------------------------------------------------

    def new_key(self, candidate: Candidate) -> str:
        """The id of a candidate: the registry's when one of its names is registered."""
        for name in (candidate.name, candidate.name_en):
            entry = self.registry.lookup(name) if name else None
            if entry is not None and entry.type == candidate.type:
                return entry.id
        same = (candidate.type, _base_name(candidate.name))
        known_key = self._by_base.get(same)
        known = self.candidates.get(known_key) if known_key else None
        if known_key and known is not None and (known.type, _base_name(known.name)) == same:
            if len(candidate.name) > len(known.name):
                known.aliases.append(known.name)  # "Moreh Inc." names "Moreh" in full
                known.name = candidate.name
            elif candidate.name != known.name and candidate.name not in known.aliases:
                known.aliases.append(candidate.name)
            return known_key
        if candidate.type == "Person" and candidate.name_en and " " in candidate.name:
            base = slugify(candidate.name_en)  # a foreign name: its Latin spelling
        elif candidate.type == "Person":
            base = person_slug(candidate.name)
            candidate.name_en = candidate.name_en or person_name_en(candidate.name)
        else:
            base = slugify(candidate.name_en or candidate.name)
        key, n = base, 1
        while key in self.registry or key in self.candidates:
            n += 1
            key = f"{base}-{n}"
        candidate.key = key
        self.candidates[key] = candidate
        self._by_base[(candidate.type, _base_name(candidate.name))] = key
        return key

    def rename(self, short_key: str, long_key: str, surface: str) -> None:
        """A candidate turned out to be a short form of another entity: drop it, and keep
        its spelling as the other's alias (a registered entity gets it from ``see``)."""
        self.candidates.pop(short_key, None)
        target = self.candidates.get(long_key)
        if target is not None and surface != target.name and surface not in target.aliases:
            target.aliases.append(surface)

    def person_key(self, name: str, name_en: str | None = None) -> str:
        """The id of a person: the registry's, else a new candidate's."""
        entry = self.registry.lookup(name) or (self.registry.lookup(name_en) if name_en else None)
        if entry is not None and entry.type == "Person":
            return entry.id
        return self.new_key(Candidate(key="", type="Person", name=name, name_en=name_en))

    def see(self, key: str, position: int, surface: str | None = None) -> None:
        """Note that the article names ``key`` at ``position`` as ``surface``: entities are
        listed in order of first mention, with the spellings the article used as aliases."""
        if key not in self.first_seen or position < self.first_seen[key]:
            self.first_seen[key] = position
        if surface:
            self.surfaces.setdefault(key, set()).add(surface)

    def entity(self, key: str) -> Entity | None:
        """The entity for ``key``: the registry's (plus spellings the article used), or the
        candidate's, marked new."""
        entry = self.registry.get(key)
        if entry is not None:
            entity = entry.to_entity()
            names = {n.casefold().replace(" ", "") for n in entry.surfaces}
            for surface in sorted(self.surfaces.get(key, ())):
                if surface.casefold().replace(" ", "") not in names and "(" not in surface:
                    entity.aliases.append(surface)
            return entity
        candidate = self.candidates.get(key)
        if candidate is None:
            return None
        return Entity(
            id=key,
            type=candidate.type,  # type: ignore[arg-type]
            name=candidate.name,
            name_en=candidate.name_en,
            aliases=list(candidate.aliases),
            new=True,
        )

    def type_of(self, key: str) -> str | None:
        entry = self.registry.get(key)
        if entry is not None:
            return entry.type
        candidate = self.candidates.get(key)
        return candidate.type if candidate else None

    def sector_of(self, key: str) -> str | None:
        entry = self.registry.get(key)
        return entry.sector if entry else None

    # --- relations -------------------------------------------------------------------

    def relate(
        self,
        kind: str,
        source: str,
        target: str,
        view: SentenceView,
        *,
        since: str | None = None,
        until: str | None = None,
        role: str | None = None,
        title: str | None = None,
    ) -> None:
        """Record a relation with this sentence as evidence; a repeat of one already known
        merges into it (the highest role, the earliest start, the longest title win)."""
        if source == target:
            return
        evidence = Evidence(
            article_id=self.article.id,
            sentence=view.sentence.text,
            start=view.sentence.start,
            end=view.sentence.end,
        )
        relation = Relation.model_validate(
            {"type": kind, "from": source, "to": target, "since": since, "until": until,
             "role": role, "title": title, "evidence": evidence}
        )  # fmt: skip
        key = relation.key
        rank = _KIND_RANK[view.sentence.kind]
        known = self.relations.get(key)
        if known is None:
            self.relations[key] = relation
            self._evidence_rank[key] = rank
            return
        # One merge policy for the whole project (allygraph/facts.py); which sentence stands
        # as the evidence is the extractor's choice: a body sentence before a caption or
        # a headline.
        merged = merge_relation(known, relation)
        if rank < self._evidence_rank[key]:
            merged.evidence = evidence
            self._evidence_rank[key] = rank
        self.relations[key] = merged

    def has(self, kind: str, source: str, target: str) -> bool:
        return (kind, source, target) in self.relations


_CORPORATE_SUFFIX = re.compile(r"(?:\s*(?:Inc|Corp|Co|Ltd|LLC|Corporation)\.?,?)+$|㈜|\(주\)")


def _base_name(name: str) -> str:
    """A name without its legal form ('Moreh Inc.' -> 'Moreh', '㈜LG' -> 'LG'), compared as
    ``name_key`` compares names: '솔길모빌리티 컨소시엄' and '솔길 모빌리티 컨소시엄' are one."""
    return name_key(_CORPORATE_SUFFIX.sub("", name).strip() or name)
