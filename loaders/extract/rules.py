"""The offline rule-based extractor: registry gazetteer + suffix rules + relation cues.

Order of work for one article:
1. mentions over the whole text (registry names, then unknown organisations, products and
   quoted alliances the registry lacks), each with the particle glued to it;
2. per sentence: people ("<name> <org> <title>"), short references ("박 사장", "3사"),
   groups of organisations with their case, and the first date;
3. relation rules per sentence (``relations.py``), then agreements are assembled;
4. entities = everything the article mentions, under registry names; candidates the
   registry lacks are kept when the article relates them to something (``new = True``).
"""

from __future__ import annotations

from collections import Counter

from allygraph.loaders.extract import relations as rules
from allygraph.loaders.extract.context import AgreementDraft, ArticleContext, SentenceView
from allygraph.loaders.extract.dates import first_date, first_day
from allygraph.loaders.extract.mentions import (
    Group,
    Mention,
    alliance_refs,
    consortium_mentions,
    genitive_products,
    groups_in,
    party_refs,
    quoted_alliance_mentions,
    registry_mentions,
    unknown_org_mentions,
    unknown_product_mentions,
)
from allygraph.loaders.extract.people import PersonMention, find_people, find_short_refs
from allygraph.loaders.registry import Registry, default_registry
from allygraph.loaders.romanise import slugify
from allygraph.models import Article, Entity, Extraction, Sentence

_SENTENCE_RULES = (
    rules.positions,
    rules.membership,
    rules.bonds,
    rules.agreements,
    rules.objectives,
    rules.competition,
    rules.develops,
)
# Candidates of these types are kept only when some relation uses them.
_KEEP_ONLY_RELATED = frozenset({"Product", "Alliance"})


class RuleExtractor:
    """Extracts entities and relations from one article by rule; safe to reuse."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or default_registry()

    def extract(self, article: Article) -> Extraction:
        ctx = ArticleContext(article, self.registry)
        mentions = self._mentions(ctx)
        self._resolve_generic_alliances(ctx, mentions)
        mentions += alliance_refs(article.text, mentions)
        mentions.sort(key=lambda m: m.start)
        ctx.alliance_ids = list(
            dict.fromkeys(m.key for m in mentions if m.type == "Alliance" and not m.new)
        )
        ctx.focal = self._focal(article, mentions)
        views = self._views(ctx, mentions)
        ctx.event = next(
            (d for v in views if not v.headline and (d := first_day(v.text, ctx.published))),
            ctx.published,
        )
        for view in views:
            view.date = first_date(view.text, ctx.published, ctx.event)
        for view in views:
            ctx.views.append(view)
            for rule in _SENTENCE_RULES:
                rule(ctx, view)
        agreement_entities = [self._agreement(ctx, draft) for draft in ctx.agreements]
        self._drop_partners_in_alliance(ctx)
        return Extraction(
            article=article,
            entities=self._entities(ctx, mentions, views) + agreement_entities,
            relations=list(ctx.relations.values()),
        )

    # --- mentions -----------------------------------------------------------------------

    def _mentions(self, ctx: ArticleContext) -> list[Mention]:
        text = ctx.article.text
        found = registry_mentions(text, self.registry)
        taken = [(m.start, m.end) for m in found]
        found += quoted_alliance_mentions(text, self.registry, taken, ctx.new_key)
        found += unknown_org_mentions(text, self.registry, taken, ctx.new_key)
        found += unknown_product_mentions(text, taken, ctx.new_key)
        found.sort(key=lambda m: m.start)
        consortia, ctx.consortium_leads = consortium_mentions(text, found, ctx.new_key)
        if consortia:
            inside = {(m.start, m.end) for m in consortia}
            found = [m for m in found if not any(a <= m.start < b for a, b in inside)]
            found += consortia
        found += genitive_products(text, found, ctx.new_key)
        found.sort(key=lambda m: m.start)
        return found

    @staticmethod
    def _resolve_generic_alliances(ctx: ArticleContext, mentions: list[Mention]) -> None:
        """'AI 동맹' describes the alliance the article names, when it names exactly one."""
        named = {m.key for m in mentions if m.type == "Alliance" and not m.generic and not m.new}
        if len(named) != 1:
            return
        (target,) = named
        for mention in mentions:
            if mention.generic:
                ctx.candidates.pop(mention.key, None)
                mention.key, mention.new = target, False

    @staticmethod
    def _focal(article: Article, mentions: list[Mention]) -> str | None:
        """The organisation the article is about: most mentioned, the headline's first on ties."""
        counts = Counter(m.key for m in mentions if m.is_org)
        if not counts:
            return None
        title_end = article.sentences[0].end if article.sentences else len(article.title)
        in_title = [m.key for m in mentions if m.is_org and m.start < title_end]
        # The headline names first whom the story is about ("KT, 마이크로소프트와 …").
        if in_title and counts[in_title[0]] >= 2:
            return in_title[0]
        return max(counts, key=lambda k: (counts[k], k in in_title[:1]))

    # --- sentences ----------------------------------------------------------------------

    def _views(self, ctx: ArticleContext, mentions: list[Mention]) -> list[SentenceView]:
        views: list[SentenceView] = []
        history: list[Group] = []
        people_so_far: list[PersonMention] = []
        index = 0
        for sentence in ctx.article.sentences:
            inside: list[Mention] = []
            while index < len(mentions) and mentions[index].start < sentence.start:
                index += 1
            j = index
            while j < len(mentions) and mentions[j].start < sentence.end:
                inside.append(mentions[j])
                j += 1
            view = self._view(ctx, sentence, inside, history, people_so_far)
            history.extend(g for g in view.groups if not g.ref)
            views.append(view)
        return views

    def _view(
        self,
        ctx: ArticleContext,
        sentence: Sentence,
        inside: list[Mention],
        history: list[Group],
        people_so_far: list[PersonMention],
    ) -> SentenceView:
        persons = [m for m in inside if m.type == "Person"]
        others = [m for m in inside if m.type != "Person"]
        orgs = [m for m in others if m.is_org]
        people = find_people(sentence.text, sentence.start, orgs, persons)
        people += find_short_refs(sentence.text, sentence.start, people_so_far + people)
        people.sort(key=lambda p: p.start)
        people_so_far.extend(p for p in people if not p.short)
        for person in people:
            if not person.short:
                ctx.see(ctx.person_key(person.name), person.start, person.name)
        in_person = {id(p.org) for p in people if p.org is not None}
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
        groups = groups_in(ctx.article.text, free_orgs, headline)
        groups += party_refs(sentence.text, sentence.start, history, groups)
        groups.sort(key=lambda g: g.start)
        return SentenceView(sentence, others, free_orgs, groups, people, None)

    @staticmethod
    def _drop_partners_in_alliance(ctx: ArticleContext) -> None:
        """PARTNERS_WITH is a tie outside an alliance: none between members of one."""
        alliances: dict[str, set[str]] = {}
        for kind, source, target in ctx.relations:
            if kind == "MEMBER_OF":
                alliances.setdefault(source, set()).add(target)
        for key in [k for k in ctx.relations if k[0] == "PARTNERS_WITH"]:
            if alliances.get(key[1], set()) & alliances.get(key[2], set()):
                del ctx.relations[key]

    # --- output -------------------------------------------------------------------------

    def _entities(
        self, ctx: ArticleContext, mentions: list[Mention], views: list[SentenceView]
    ) -> list[Entity]:
        related = {r.from_ for r in ctx.relations.values()} | {r.to for r in ctx.relations.values()}
        keys = sorted(ctx.first_seen, key=lambda k: ctx.first_seen[k])
        entities: list[Entity] = []
        for key in keys:
            entity = ctx.entity(key)
            if entity is None:
                continue
            if entity.new and entity.type in _KEEP_ONLY_RELATED and key not in related:
                continue
            entities.append(entity)
        return entities

    def _agreement(self, ctx: ArticleContext, draft: AgreementDraft) -> Entity:
        parties = list(dict.fromkeys(key for key, _ in draft.parties))
        date = draft.date or ctx.event.isoformat()
        slug_parts = [draft.kind, date, *parties[:3]]
        key = slugify("-".join(slug_parts))
        names = list(dict.fromkeys(draft.names)) or ["협약"]
        # The name the article quotes is the agreement's own; generic nouns are aliases.
        order = {name: i for i, name in enumerate(names)}
        names.sort(key=lambda n: (n not in draft.quoted, order[n]))
        entity = Entity(
            id=key,
            type="Agreement",
            name=names[0],
            aliases=names[1:],
            date=date,
            place=draft.place,
            objectives=draft.objectives,
            new=True,
        )
        for party, view in draft.parties:
            ctx.relate("PARTY_TO", party, key, view)
        for name, view in draft.signers:
            ctx.relate("SIGNED", ctx.person_key(name), key, view)
        return entity
