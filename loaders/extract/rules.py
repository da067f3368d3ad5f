"""The offline rule-based extractor: registry gazetteer + suffix rules + relation cues.

Order of work for one article (a newcomer can read the package in this order):
1. mentions over the whole text (``mentions/``: registry names, then alliances, unknown
   organisations and products the registry lacks, organisations revealed by lists), each
   with the particle glued to it; a generic 'AI 동맹' resolved to the alliance it means;
2. per sentence (``sentences.py``): people ("<name> <org> <title>", ``people.py``), short
   references ("박 사장", "3사"), groups of organisations with their case, the first date
   (``dates.py``);
3. relation rules per sentence (``relations/``, one module per kind of fact, cue words in
   ``cues/<kind>.yaml``), then agreements are assembled;
4. entities = everything the article mentions, under registry names; candidates the
   registry lacks are kept when the article relates them to something (``new = True``).
The state of one article's extraction lives in ``context.py``.
"""

from __future__ import annotations

import re
from collections import Counter

from allygraph.models import Article, Entity, Extraction

from ..registry import Registry, default_registry
from ..romanise import slugify
from .context import AgreementDraft, ArticleContext, SentenceView
from .cues import load
from .dates import first_date, first_day
from .discovery import discover
from .identity import contraction_mentions, merge_short_forms
from .interviews import first_person_mentions
from .mentions import (
    Mention,
    Spans,
    alliance_refs,
    bracketed_latin_spans,
    consortium_mentions,
    drop_inside_names,
    genitive_products,
    hereafter_mentions,
    list_org_mentions,
    quoted_alliance_mentions,
    quoted_alliance_spans,
    registry_mentions,
    unknown_org_mentions,
    unknown_product_mentions,
    unquoted_alliance_mentions,
)
from .mentions.products import quoted_product_spans
from .name_lexicon import retype
from .relations import FOUND_VERB, RULES
from .relations.partners import standing_tie
from .renames import merge_renamed
from .sentences import sentence_views

# Candidates of these types are kept only when some relation uses them.
_KEEP_ONLY_RELATED = frozenset({"Product", "Alliance"})


class RuleExtractor:
    """Extracts entities and relations from one article by rule; safe to reuse."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry if registry is not None else default_registry()

    def extract(self, article: Article) -> Extraction:
        """Mentions, then sentence views, then the rules sentence by sentence, then the
        entities the article names or relates (see the module docstring)."""
        ctx = ArticleContext(article, self.registry)
        mentions = self._mentions(ctx)
        self._resolve_generic_alliances(ctx, mentions)
        mentions += alliance_refs(article.text, mentions)
        mentions.sort(key=lambda m: m.start)
        ctx.alliance_ids = list(
            dict.fromkeys(m.key for m in mentions if m.type == "Alliance" and not m.new)
        )
        ctx.named_alliances = list(
            dict.fromkeys(m.key for m in mentions if m.type == "Alliance" and not m.generic)
        )
        views = sentence_views(ctx, mentions)
        ctx.event = next(
            (d for v in views if not v.headline and (d := first_day(v.text, ctx.published))),
            ctx.published,
        )
        for view in views:
            view.date = first_date(view.text, ctx.published, ctx.event)
        for view in views:
            ctx.views.append(view)
            for rule in RULES:
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
        """Every mention in the text. Order matters: registered names first, and each later
        finder skips spans an earlier one took, so a known name is never re-proposed as a
        new organisation; lists and '(이하 X)' are read once the names around them are known.
        """
        text = ctx.article.text
        found = registry_mentions(text, self.registry)
        quoted = quoted_alliance_spans(text) + quoted_product_spans(text)
        quoted += bracketed_latin_spans(text)
        found = drop_inside_names(found, quoted)
        registered = list(found)
        taken = Spans((m.start, m.end) for m in found)
        found += quoted_alliance_mentions(text, self.registry, taken, ctx.new_key)
        found += unquoted_alliance_mentions(text, self.registry, taken, ctx.new_key)
        found += unknown_org_mentions(text, self.registry, taken, ctx.new_key, registered)
        found += unknown_product_mentions(text, taken, ctx.new_key)
        found += discover(text, self.registry, taken, found, ctx.new_key)
        found += contraction_mentions(text, found, taken)
        found.sort(key=lambda m: m.start)
        found += list_org_mentions(text, found, self.registry, ctx.new_key)
        found.sort(key=lambda m: m.start)
        found += hereafter_mentions(text, found, ctx.candidates)
        found.sort(key=lambda m: m.start)
        retype(found, ctx.candidates)
        latin = {key: c.name_en for key, c in ctx.candidates.items()}
        merge_short_forms(text, found, _headline_end(ctx.article), ctx.rename, latin)
        self._merge_alliance_names(ctx, found)
        merge_renamed(text, found, ctx.candidates)
        consortia, ctx.consortium_leads = consortium_mentions(text, found, ctx.new_key)
        if consortia:
            inside = {(m.start, m.end) for m in consortia}
            found = [m for m in found if not any(a <= m.start < b for a, b in inside)]
            found += consortia
        found += genitive_products(text, found, ctx.new_key)
        # the article's organisation: first-person mentions in an interview only add to it
        ctx.focal = self._focal(ctx.article, found)
        found += first_person_mentions(ctx.article, found, ctx.focal)
        found.sort(key=lambda m: m.start)
        return found

    @staticmethod
    def _resolve_generic_alliances(ctx: ArticleContext, mentions: list[Mention]) -> None:
        """'AI 동맹' describes the alliance the article names, when it names exactly one; a
        headline's 'AI 동맹' 결성 is the alliance the body founds (with the same verb, if it
        can), even when the article names older alliances too."""
        named = [m for m in mentions if m.type == "Alliance" and not m.generic]
        keys = list(dict.fromkeys(m.key for m in named))
        for mention in [m for m in mentions if m.generic]:
            target = keys[0] if len(keys) == 1 else None
            if target is None:
                target = _founded_in_body(ctx.article, mention, named)
            if target is not None:
                if mention.key != target:  # the generic name may already be the target's
                    ctx.candidates.pop(mention.key, None)
                mention.key = target
                mention.new = any(m.new for m in named if m.key == target)

    @staticmethod
    def _merge_alliance_names(ctx: ArticleContext, mentions: list[Mention]) -> None:
        """A headline's 'AI반도체 인재양성 컨소시엄' is the body's '차세대 AI반도체 인재양성
        컨소시엄': a new alliance name ending the same words as a longer one is that one."""
        names = {m.key: m.surface for m in mentions if m.type == "Alliance" and m.new}
        # every ending of two words or more -> the names that end so, in article order
        endings: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for key, name in names.items():
            words = name.split()
            for n in range(2, len(words) + 1):
                endings.setdefault(tuple(words[-n:]), []).append((key, name))
        renamed: dict[str, str] = {}
        for short_key, short in names.items():
            words = short.split()
            longer = endings.get(tuple(words), []) if len(words) >= 2 else []
            long_key = next((k for k, n in longer if k != short_key and len(n) > len(short)), "")
            if not long_key:
                continue
            ctx.candidates.pop(short_key, None)
            candidate = ctx.candidates.get(long_key)
            if candidate is not None and short not in candidate.aliases:
                candidate.aliases.append(short)
            renamed[short_key] = long_key
        renamed |= _synonym_names(mentions, renamed)
        for m in mentions:
            while m.key in renamed:  # a short name of a name that is itself short
                m.key = renamed[m.key]
        named = {m.key for m in mentions}
        for key in renamed.keys() - named:
            ctx.candidates.pop(key, None)

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

    @staticmethod
    def _drop_partners_in_alliance(ctx: ArticleContext) -> None:
        """PARTNERS_WITH is a tie outside an alliance: none between members of one, unless
        the sentence says the tie stands on its own ('지난해부터 … 공동 개발해 왔다')."""
        alliances: dict[str, set[str]] = {}
        for kind, source, target in ctx.relations:
            if kind == "MEMBER_OF":
                alliances.setdefault(source, set()).add(target)
        for key in [k for k in ctx.relations if k[0] == "PARTNERS_WITH"]:
            if standing_tie(ctx.relations[key].evidence.sentence):
                continue
            if alliances.get(key[1], set()) & alliances.get(key[2], set()):
                del ctx.relations[key]

    # --- output -------------------------------------------------------------------------

    def _entities(
        self, ctx: ArticleContext, mentions: list[Mention], views: list[SentenceView]
    ) -> list[Entity]:
        """Entities in order of first mention; new products and alliances only if related
        (a product named in passing is noise, an organisation named is news)."""
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
        """The Agreement entity of a draft, with its PARTY_TO and SIGNED relations; its id is
        kind, date and first parties, so the same signing in two articles is one node."""
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


def _synonym_names(mentions: list[Mention], renamed: dict[str, str]) -> dict[str, str]:
    """'글로벌 텔코 AI 동맹' (a headline) and '글로벌 텔코 AI 얼라이언스' (the body): names that
    differ only in their final alliance noun, one of a class of synonyms, are one alliance.
    A new name goes to the registered one, else to the one named more often (the body's)."""
    alliances = [m for m in mentions if m.type == "Alliance" and not m.generic]
    by_stem: dict[str, list[str]] = {}
    for m in alliances:
        words = _ASIDE.sub("", m.surface).split()  # '… 얼라이언스(GTAA)'
        if len(words) >= 2 and words[-1] in _SYNONYM_NOUNS and m.key not in renamed:
            keys = by_stem.setdefault(" ".join(words[:-1]), [])
            if m.key not in keys:
                keys.append(m.key)
    counts = Counter(m.key for m in alliances)
    new = {m.key for m in alliances if m.new}
    merged: dict[str, str] = {}
    for keys in by_stem.values():
        if len(keys) < 2:
            continue
        # registered first, then the most named, then the later first mention (the body's)
        order = sorted(keys, key=lambda k: (k in new, -counts[k], -keys.index(k)))
        for key in order[1:]:
            if key in new:
                merged[key] = order[0]
    return merged


_ASIDE = re.compile(r"\s*\([^()]*\)$")
_SYNONYM_NOUNS = frozenset(load("alliances").words("synonym_nouns"))


def _headline_end(article: Article) -> int:
    """Where the headline and subheadlines end: short forms there are the body's names."""
    return max((s.end for s in article.sentences if s.kind in ("title", "subtitle")), default=0)


def _founded_in_body(article: Article, generic: Mention, named: list[Mention]) -> str | None:
    """The alliance a headline's description ('AI 동맹' 결성) stands for: the one a body
    sentence founds, preferring the headline's own verb; None outside headlines."""
    sentences = article.sentences
    own = next((s for s in sentences if s.start <= generic.start < s.end), None)
    if own is None or own.kind not in ("title", "subtitle"):
        return None
    verb = FOUND_VERB.search(own.text, generic.end - own.start)
    if verb is None:
        return None
    stem = verb.group()[:2]
    founded: list[tuple[bool, str]] = []
    for sentence in sentences:
        if sentence.kind != "body":
            continue
        cue = FOUND_VERB.search(sentence.text)
        if cue is None:
            continue
        inside = [m for m in named if sentence.start <= m.start < sentence.end]
        if inside:
            founded.append((cue.group().startswith(stem), inside[0].key))
    same = [key for match, key in founded if match]
    chosen = same or [key for _, key in founded]
    return chosen[0] if chosen else None
