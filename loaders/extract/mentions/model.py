"""What a mention is: a span of the article resolved to an entity key, with its particle.

A mention is a span of ``Article.text`` resolved to an entity key: a registry id, or a
candidate the registry lacks (``Candidate``, proposed by one of the finders). Korean marks
a name's role with the particle glued to it ("KT와 LG전자, LG유플러스가" is one subject
list), so every mention records its particle and its case comes from the particle table
(``loaders/particles.yaml``); consecutive mentions are then joined into ``Group``s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from allygraph.models import ORGANIZATION_TYPES

from ...particles import PLURAL_MARKERS, case_of, fits
from ...text import HANGUL_RUN, is_particle_run
from ..cues import load

ORG_TYPES = ORGANIZATION_TYPES
# Closing quotes and brackets a particle may follow ("'AI 원팀'에").
CLOSERS = "'\"’”」』>〉》"
# "Moreh Inc.(대표 조강원, 이하 모레)는": an aside between a name and its particle.
# An aside between a name and its particle: "(대표 조강원, 이하 모레)", or the name's Latin
# spelling ("크레딧온(CreditOn)과").
_ASIDE = re.compile(
    r"\((?:"
    + load("organisations").group("aside_words")
    + r"[^()\n]{0,40}|[A-Za-z][A-Za-z0-9 .&\-]{0,40})\)"
)


@dataclass(slots=True)
class Candidate:
    """An entity the registry lacks, proposed by a rule; kept only if the article uses it."""

    key: str
    type: str
    name: str
    name_en: str | None = None
    aliases: list[str] = field(default_factory=list)


# Gives a candidate its entity id (the rule extractor owns slugs and collisions).
NewKey = Callable[[Candidate], str]


@dataclass(slots=True)
class Mention:
    """A name in the text: ``start``/``end`` cover the name, ``particle`` what follows it."""

    start: int
    end: int
    key: str
    type: str
    surface: str
    particle: str = ""
    after: int = 0  # offset just past the particle
    new: bool = False
    name_en: str | None = None
    generic: bool = False  # a description ('AI 동맹') rather than a name
    ref: bool = False  # a bare reference ('얼라이언스는') to an alliance named before

    @property
    def is_org(self) -> bool:
        return self.type in ORG_TYPES

    @property
    def case(self) -> str:
        return case_of(self.particle)


@dataclass(slots=True)
class Group:
    """Mentions joined by '와/과', ',', '·' or '-' into one list with one case."""

    members: list[Mention]
    case: str
    start: int
    end: int
    ref: bool = False  # a "3사"-style reference to an earlier group

    @property
    def keys(self) -> list[str]:
        """The members' entity keys, each once, in order."""
        seen: list[str] = []
        for m in self.members:
            if m.key not in seen:
                seen.append(m.key)
        return seen


def attach_particle(text: str, mention: Mention) -> Mention:
    """Record the particle glued after the mention (past a closing quote)."""
    pos = mention.end
    while pos < len(text) and text[pos] in CLOSERS:
        pos += 1
    aside = _ASIDE.match(text, pos)
    if aside:  # "Moreh Inc.(대표 조강원, 이하 모레)는": the particle after the aside
        pos = aside.end()
    run = HANGUL_RUN.match(text, pos)
    particle = run.group() if run else ""
    if particle and is_particle_run(particle):
        mention.particle = strip_plural(particle)
        mention.after = pos + len(particle)
    else:
        mention.particle = ""
        mention.after = pos
    return mention


def strip_particles(word: str, keep: int = 4) -> str:
    """'한화시스템은' -> '한화시스템', '카카오페이' stays: a particle must fit the syllable
    before it ('은/이/을/과' after a final consonant, '는/가/를/와/로' after a vowel)."""
    for cut in range(keep, len(word)):
        rest = word[cut:]
        if not is_particle_run(rest):
            continue
        if fits(word[cut - 1], rest):
            return word[:cut]
    return word


def strip_plural(particle: str) -> str:
    """'들이' -> '이', '측은' -> '은': the particle proper, which carries the case."""
    for prefix in PLURAL_MARKERS:
        if particle.startswith(prefix):
            particle = particle[len(prefix) :]
    return particle


class Spans:
    """The spans finders took, indexed by position.

    Every finder asks, for each candidate, whether an earlier finder took an overlapping
    span. Scanning a list for that made extraction quadratic in mention-dense text (a
    1.6 MB article ran for ten minutes); buckets of ``_BUCKET`` characters make the
    question cost the candidate's length, so the whole pass stays linear in the text.
    """

    _BUCKET = 32

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._buckets: dict[int, list[tuple[int, int]]] = {}
        self._all: set[tuple[int, int]] = set()
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        if span in self._all:
            return
        self._all.add(span)
        start, end = span
        for bucket in range(start // self._BUCKET, max(start, end - 1) // self._BUCKET + 1):
            self._buckets.setdefault(bucket, []).append(span)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The taken spans that overlap ``start``-``end`` (each once, in no set order)."""
        seen: set[tuple[int, int]] = set()
        for bucket in range(start // self._BUCKET, max(start, end - 1) // self._BUCKET + 1):
            for a, b in self._buckets.get(bucket, ()):
                if start < b and a < end and (a, b) not in seen:
                    seen.add((a, b))
                    yield a, b

    def near(self, start: int, end: int, gap: int) -> bool:
        """Whether a taken span ends or starts within ``gap`` characters of this one."""
        return any(
            abs(a - end) <= gap or abs(start - b) <= gap
            for a, b in self.overlapping(max(0, start - gap - 1), end + gap + 1)
        )

    def __contains__(self, span: object) -> bool:
        return span in self._all

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)


def overlaps(start: int, end: int, taken: Spans) -> bool:
    """Whether ``start``-``end`` overlaps a span some finder already took."""
    return next(taken.overlapping(start, end), None) is not None


def standalone(text: str, name: str, taken: Spans) -> Iterator[tuple[int, int]]:
    """Spans where ``name`` stands as a word of its own: not inside a longer word (nothing
    but particles glued after it, no letter or digit before) and not taken yet."""
    start = text.find(name)
    while start >= 0:  # str.find: a pattern per name would be compiled for nothing
        end = start + len(name)
        next_start = text.find(name, start + 1)
        if _stands_alone(text, start, end) and not overlaps(start, end, taken):
            yield start, end
        start = next_start


def _stands_alone(text: str, start: int, end: int) -> bool:
    if start > 0 and text[start - 1].isalnum():
        return False
    run = HANGUL_RUN.match(text, end)
    if run and run.group() and not is_particle_run(run.group()):
        return False
    return not (end < len(text) and text[end].isascii() and text[end].isalnum())
