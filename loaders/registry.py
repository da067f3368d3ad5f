"""The entity registry, the gazetteer the extractor resolves names against.

``data/registry.yaml`` is curated by hand; this module validates it (pydantic, unique ids,
no name claimed by two entities), looks names up the way the gold scorer compares them
(NFKC, case and spacing ignored) and finds every registered name in an article's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from allygraph.errors import AllygraphError
from allygraph.loaders.text import HANGUL_RUN, is_particle_run, is_word_char, name_key
from allygraph.models import SLUG, Entity, EntityType
from allygraph.settings import get_settings

_QUOTES = "'\"‘’“”「」『』<>〈〉《》"


class RegistryError(AllygraphError):
    """The registry file is missing or malformed."""

    status = 500
    title = "Registry unreadable"


class RegistryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    type: EntityType
    name: str
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    # A name that is also an ordinary word: counts only quoted or with its English name.
    strict: bool = False

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"{value!r} is not a slug")
        return value

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every spelling of the entity: name, English name, aliases."""
        return (self.name, *((self.name_en,) if self.name_en else ()), *self.aliases)

    def to_entity(self) -> Entity:
        return Entity(
            id=self.id,
            type=self.type,
            name=self.name,
            name_en=self.name_en,
            aliases=list(self.aliases),
            country=self.country,
            sector=self.sector,
        )


class _RegistryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entries: list[RegistryEntry] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Hit:
    """One registered name found in a text: ``text[start:end]`` (particles excluded)."""

    start: int
    end: int
    entry: RegistryEntry


class Registry:
    def __init__(self, entries: Iterable[RegistryEntry]) -> None:
        self._entries: dict[str, RegistryEntry] = {}
        self._by_key: dict[str, RegistryEntry] = {}
        for entry in entries:
            if entry.id in self._entries:
                raise RegistryError(f"registry: duplicate id {entry.id!r}")
            self._entries[entry.id] = entry
            for surface in entry.surfaces:
                key = name_key(surface)
                other = self._by_key.get(key)
                if other is not None and other.id != entry.id:
                    raise RegistryError(
                        f"registry: name {surface!r} belongs to both {other.id!r} and {entry.id!r}"
                    )
                self._by_key[key] = entry

    @classmethod
    def load(cls, path: Path | None = None) -> Registry:
        path = path or get_settings().registry_path
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
            return cls(_RegistryFile.model_validate(data).entries)
        except OSError as exc:
            raise RegistryError(f"{path}: cannot read registry ({exc.strerror})") from None
        except yaml.YAMLError as exc:
            raise RegistryError(f"{path}: registry is not YAML ({exc})") from None
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"])
            raise RegistryError(f"{path}: {where}: {error['msg']}") from None

    def lookup(self, surface: str) -> RegistryEntry | None:
        """The entry one of whose names equals ``surface`` ignoring case, spacing and width."""
        return self._by_key.get(name_key(surface))

    def get(self, entity_id: str) -> RegistryEntry | None:
        return self._entries.get(entity_id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entries

    def __iter__(self) -> Iterator[RegistryEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self._by_key)


class Gazetteer:
    """Finds registered names in text in one left-to-right pass over a character trie.

    Matching runs on the text with spaces removed and case folded, so "AI원팀" finds
    "AI 원팀"; a hit must start at a word boundary and may be followed only by particles,
    so "카카오" is not found inside "카카오뱅크".
    """

    _END = ""

    def __init__(self, by_key: dict[str, RegistryEntry]) -> None:
        self._trie: dict[str, dict] = {}
        for key, entry in by_key.items():
            if len(key) < 2:
                continue
            node = self._trie
            for char in key:
                node = node.setdefault(char, {})
            node[self._END] = entry  # type: ignore[assignment]

    def scan(self, text: str) -> list[Hit]:
        positions = [i for i, ch in enumerate(text) if not ch.isspace()]
        squeezed = "".join(_fold(text[i]) for i in positions)
        hits: list[Hit] = []
        k = 0
        while k < len(squeezed):
            start = positions[k]
            if start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start]):
                k += 1
                continue
            hit = self._longest(text, squeezed, positions, k)
            if hit is None:
                k += 1
                continue
            hits.append(hit)
            while k < len(squeezed) and positions[k] < hit.end:
                k += 1
        return hits

    def _longest(self, text: str, squeezed: str, positions: list[int], k: int) -> Hit | None:
        node = self._trie
        candidates: list[tuple[int, RegistryEntry]] = []
        j = k
        while j < len(squeezed) and squeezed[j] in node:
            node = node[squeezed[j]]
            j += 1
            found = node.get(self._END)
            if isinstance(found, RegistryEntry):
                candidates.append((positions[j - 1] + 1, found))
        start = positions[k]
        for end, entry in reversed(candidates):
            end = _extend_parenthesis(text, end, entry)
            if not _right_boundary(text, end):
                continue
            if entry.strict and not _confirmed(text, start, end, entry):
                continue
            return Hit(start, end, entry)
        return None


def _fold(char: str) -> str:
    folded = char.casefold()
    return folded if len(folded) == 1 else char


def _extend_parenthesis(text: str, end: int, entry: RegistryEntry) -> int:
    """'씽큐(ThinQ)' is one mention when the parenthesis holds another name of the entity."""
    if end < len(text) and text[end] == "(":
        close = text.find(")", end, end + 80)
        if close > 0:
            inner = name_key(text[end + 1 : close])
            if any(name_key(s) == inner for s in entry.surfaces):
                return close + 1
    return end


def _right_boundary(text: str, end: int) -> bool:
    if end < len(text) and text[end].isascii() and text[end].isalnum():
        return is_word_char(text[end - 1]) is False or not text[end - 1].isascii()
    run = HANGUL_RUN.match(text, end)
    return run is None or is_particle_run(run.group())


def _confirmed(text: str, start: int, end: int, entry: RegistryEntry) -> bool:
    """A strict name counts when quoted or written with its English name in parentheses."""
    if text[end - 1] == ")" and "(" in text[start:end]:
        return True
    return start > 0 and text[start - 1] in _QUOTES and end < len(text) and text[end] in _QUOTES


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The project's registry, loaded once per process."""
    return Registry.load()
