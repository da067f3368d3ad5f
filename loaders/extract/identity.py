"""One node per real thing: short forms of names the article itself spells out.

News names a firm in full in the body and shortens it elsewhere: the headline writes
"삼성·SK 손잡고" for 삼성전자 and SK텔레콤, a wire writes "SKT" for SK텔레콤. When the
registry knows both spellings it resolves them; when it does not, the article does:
- a name followed by another in parentheses ("GC(녹십자홀딩스)") is one thing;
- an acronym in Latin capitals is the name it followed in parentheses ("가람텔레콤(GT)"),
  or the name whose parts start with its letters
  ("SKT" = SK + 텔레콤, "MS" = Microsoft's Latin name; a Hangul part counts by the first
  letter of its romanisation);
- a contraction ('한빛대병원' for '한빛대학교병원') or a syllable abbreviation ('한투증권' for
  '한국투자증권') is the full name;
- a headline word that begins a longer organisation name of the body is that name
  ("삼성" in the headline, 삼성전자 in the body) — only in headlines, because in a body
  "현대중공업" and "현대중공업지주" are two companies (group, holding and operating company
  stay apart unless the article equates them; the registry is where that is curated).
Only names the registry lacks (``Mention.new``) are merged: a registered name is already
canonical.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from itertools import pairwise

from ..romanise import romanise
from ..text import is_particle_run
from .mentions import Mention, Spans, attach_particle
from .mentions.model import standalone

# 'GC(녹십자홀딩스)', 'iM뱅크(옛 DGB대구은행)': another name of the same, in parentheses.
_FORMERLY = re.compile(r"\((?:옛|구|前|전)?\s?")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&+]{1,5}")
_PART = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[가-힣]+")


def merge_short_forms(
    text: str,
    mentions: list[Mention],
    headline_end: int,
    rename: Callable[[str, str, str], None],
    latin_names: Mapping[str, str | None],
) -> None:
    """Re-key mentions of short forms to the full name's key. ``rename(short_key, long_key,
    surface)`` lets the caller move the short spelling into the long entity's aliases;
    ``latin_names`` maps candidate keys to the Latin name given in parentheses."""
    _merge_appositions(text, mentions, rename)
    orgs = [m for m in mentions if m.is_org]
    full: dict[str, Mention] = {}
    for mention in orgs:  # each entity by its first spelling, a contraction by its full one
        first = full.setdefault(mention.key, mention)
        if _contracts(first.surface) and not _contracts(mention.surface):
            full[mention.key] = mention
    names = _Names(list(full.values()))
    for short_key, short in list(full.items()):
        if not short.new:
            continue
        target = (
            _acronym_of(short.surface, names, latin_names)
            or _contraction_of(short, names)
            or _abbreviation_of(short, names)
            or _headline_prefix_of(short, orgs, headline_end)
        )
        if target is None or target == short_key:
            continue
        rename(short_key, target, short.surface)
        for mention in mentions:
            if mention.key == short_key:
                mention.key = target


def _acronym_of(surface: str, names: _Names, latin_names: Mapping[str, str | None]) -> str | None:
    if not _ACRONYM.fullmatch(surface):
        return None
    hits = [m.key for m in names.spelled(surface, latin_names) if m.surface != surface]
    return hits[0] if len(set(hits)) == 1 else None


def _initials(name: str) -> str:
    """'SK텔레콤' -> 'SKT', 'Microsoft' -> 'M', '마이크로소프트' -> 'M'."""
    letters = []
    for part in _PART.findall(name):
        if part.isascii():
            letters.append(part if part.isupper() else part[0])
        else:
            roman = romanise(part)
            letters.append(roman[:1].upper())
    return "".join(letters)


def _headline_prefix_of(short: Mention, orgs: list[Mention], headline_end: int) -> str | None:
    """The body's organisation whose name the headline's word begins, when exactly one."""
    if short.start >= headline_end:  # its first mention is in the body (and a scan per name
        return None  # of a long article's names would be quadratic)
    mentions_of_short = [m for m in orgs if m.key == short.key]
    if any(m.start >= headline_end for m in mentions_of_short):
        return None
    longer = {
        m.key
        for m in orgs
        if m.start >= headline_end
        and m.key != short.key
        and m.surface.startswith(short.surface)
        and len(m.surface) > len(short.surface)
    }
    return longer.pop() if len(longer) == 1 else None


def _merge_appositions(
    text: str, mentions: list[Mention], rename: Callable[[str, str, str], None]
) -> None:
    """'GC(녹십자홀딩스)', '딥노이드(Deepnoid)': a name and, in parentheses right after it,
    another name of the same thing. The registered one keeps its key; of two new ones, the
    name outside the parentheses."""
    orgs = sorted((m for m in mentions if m.is_org), key=lambda m: m.start)
    for outer, inner in pairwise(orgs):
        if not _FORMERLY.fullmatch(text[outer.end : inner.start]) or outer.key == inner.key:
            continue
        if not inner.new and outer.new:
            keep, drop = inner, outer
        elif inner.new:
            keep, drop = outer, inner
        else:
            continue
        old = drop.key
        rename(old, keep.key, drop.surface)
        for mention in mentions:
            if mention.key == old:
                mention.key = keep.key
        _absorb(text, outer, inner, mentions)


def _absorb(text: str, outer: Mention, inner: Mention, mentions: list[Mention]) -> None:
    """The parenthesised name is part of the outer mention: its particle is the one after
    ')' ('한국과학기술원(KAIST), 한양대' stays one list; 'GC(녹십자홀딩스)와' is a partner)."""
    close = text.find(")", inner.end)
    if close < 0:
        return
    run = re.match(r"[가-힣]*", text[close + 1 :])
    particle = run.group() if run else ""
    outer.particle = particle if is_particle_run(particle) else ""
    outer.after = close + 1 + len(outer.particle)
    mentions.remove(inner)


# Contractions of Korean institution names: '한빛대병원' for '한빛대학교병원', '연세대' for
# '연세대학교', '여명공대' for '여명공과대학교' (the longer form is tried first).
_CONTRACTIONS = (("공과대학교", "공대"), ("대학교", "대"), ("대학", "대"))


def contraction_mentions(text: str, found: list[Mention], taken: Spans) -> list[Mention]:
    """Where a name found in full ('물결대학교') stands contracted as a word of its own
    ('물결대 물류시스템공학과 원태석 교수'): a mention of the same entity. The contraction
    alone is not a name ('-대' ends 세대, 시대, 1980년대), only beside its full form."""
    out: list[Mention] = []
    done: set[str] = set()
    for m in found:
        if not m.is_org or m.key in done:
            continue
        for full, short in _CONTRACTIONS:
            form = m.surface.replace(full, short, 1) if m.surface.endswith(full) else ""
            if len(form) < 3 or form in done:
                continue
            done.add(form)
            for start, end in list(standalone(text, form, taken)):
                mention = Mention(start, end, m.key, m.type, form)
                mention.new = m.new
                out.append(attach_particle(text, mention))
                taken.append((start, end))
    return out


def _contracts(surface: str) -> bool:
    """Whether a spelling may be a contraction ('물결대'), not the full name ('물결대학교')."""
    return not any(full in surface for full, _ in _CONTRACTIONS)


class _Names:
    """The article's organisations indexed for the short-form questions: by contracted
    spelling, and by first and last syllable. Asking every name about every other made
    an article naming thousands of firms quadratic. Keys are read at question time, since
    earlier merges re-key the mentions."""

    def __init__(self, names: list[Mention]) -> None:
        self.names = names
        self._spellings: dict[str, list[Mention]] | None = None
        self.contracted: dict[str, list[Mention]] = {}
        self.by_ends: dict[tuple[str, str], list[Mention]] = {}
        for m in names:
            if not m.is_org or not m.surface:
                continue
            for full, contracted in _CONTRACTIONS:
                if full in m.surface:
                    form = m.surface.replace(full, contracted, 1)
                    self.contracted.setdefault(form, []).append(m)
            self.by_ends.setdefault((m.surface[0], m.surface[-1]), []).append(m)

    def spelled(self, acronym: str, latin_names: Mapping[str, str | None]) -> list[Mention]:
        """The names whose Latin name or initials are ``acronym``, in article order
        (built on the first acronym asked about: initials romanise every name)."""
        if self._spellings is None:
            self._spellings = {}
            for m in self.names:
                if not m.is_org:
                    continue
                spellings = {m.name_en or latin_names.get(m.key)}
                if m.type == "Company":
                    spellings.add(_initials(m.surface))
                for spelling in spellings - {None}:
                    self._spellings.setdefault(str(spelling), []).append(m)
        return self._spellings.get(acronym, [])


def _contraction_of(short: Mention, names: _Names) -> str | None:
    """The organisation the name contracts ('한빛대병원' -> '한빛대학교병원'), when one."""
    hits = {m.key for m in names.contracted.get(short.surface, ()) if m.key != short.key}
    return hits.pop() if len(hits) == 1 else None


def _abbreviation_of(short: Mention, names: _Names) -> str | None:
    """The organisation a Korean abbreviation stands for: its syllables picked in order
    from the full name, same first and last syllable ('한투증권' for '한국투자증권',
    '과기정통부' for '과학기술정보통신부', '현대차' for '현대자동차')."""
    if not short.surface:
        return None
    same_ends = names.by_ends.get((short.surface[0], short.surface[-1]), ())
    hits = {m.key for m in same_ends if m.key != short.key and _abbreviates(short, m)}
    return hits.pop() if len(hits) == 1 else None


def _abbreviates(short: Mention, full: Mention) -> bool:
    a, b = short.surface, full.surface
    if len(a) < 3 or len(b) < len(a) + 2 or a[0] != b[0] or a[-1] != b[-1]:
        return False
    if not all("가" <= c <= "힣" for c in a + b):
        return False
    rest = iter(b)
    return all(char in rest for char in a)  # an ordered subsequence
