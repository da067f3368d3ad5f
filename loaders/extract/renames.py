"""An alliance with two names is one node: renamed ('명칭을 '대구 제조AX 얼라이언스'로
바꿨다') or given a short name ('국문 약칭은 '임상AI 동맹'이다').

Korean states a renaming with the name noun as object and the new name as the '(으)로'
complement of a verb of changing ('명칭을 X로 바꾸다/변경하다'), and another name with a
name noun as topic and the name as predicate ('약칭은 X이다'). Either name then refers to
the alliance the passage is about, the latest other alliance named before it. A renamed
entity takes its new name and keeps the old one as an alias (as a firm keeps '옛
DGB대구은행'); a short name becomes an alias. The words are data (``cues/alliances.yaml``:
``rename_objects``, ``rename_verbs``, ``alias_nouns``, ``alias_copulas``).
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping

from .cues import load
from .mentions import Candidate, Mention

_CUES = load("alliances")
_OBJECT = re.compile(_CUES.group("rename_objects") + r"(?:을|를)\s*$")
# "'X(Latin X)'으로 바꿨다": the name may carry its other spelling in brackets.
_VERB = re.compile(r"(?:\([^()]{1,60}\))?['’\"”]?(?:으로|로)\s*" + _CUES.group("rename_verbs"))
_ALIAS_TOPIC = re.compile(_CUES.group("alias_nouns") + r"(?:은|는)\s*$")
_ALIAS_COPULA = re.compile(r"['’\"”]?" + _CUES.group("alias_copulas") + r"(?![가-힣])")
_REACH = 200  # how far back (characters) the renamed alliance may be named


def merge_renamed(
    text: str, mentions: list[Mention], candidates: MutableMapping[str, Candidate]
) -> None:
    """Re-key mentions of an alliance's new name to the alliance renamed."""
    alliances = [m for m in mentions if m.type == "Alliance"]
    for new in alliances:
        renamed = new.new and _renaming(text, new)
        if not (renamed or (new.new and _aliasing(text, new))):
            continue
        old = next(
            (
                m
                for m in reversed(alliances)
                if m.end <= new.start and m.key != new.key and new.start - m.end <= _REACH
            ),
            None,
        )
        if old is None:
            continue
        _merge(old.key, new, mentions, candidates, renamed=renamed)


def _renaming(text: str, mention: Mention) -> bool:
    """'명칭을 'X'로 바꿨다': the name noun before, the verb of changing after."""
    return _framed(text, mention, _OBJECT, _VERB)


def _aliasing(text: str, mention: Mention) -> bool:
    """'국문 약칭은 'X'이다': a name noun as topic, the name as predicate."""
    return _framed(text, mention, _ALIAS_TOPIC, _ALIAS_COPULA)


def _framed(text: str, mention: Mention, before: re.Pattern[str], after: re.Pattern[str]) -> bool:
    """Whether the words just before the (quoted) name end as ``before`` says and the text
    right after it starts as ``after`` says."""
    head = text[max(0, mention.start - 12) : mention.start].rstrip("'‘\"“ ")
    return bool(before.search(head)) and bool(after.match(text, mention.end))


def _merge(
    old_key: str,
    new: Mention,
    mentions: list[Mention],
    candidates: MutableMapping[str, Candidate],
    *,
    renamed: bool,
) -> None:
    """Re-key ``new``'s mentions to ``old_key``; its name becomes the entity's name when
    ``renamed``, else an alias."""
    new_key = new.key
    for mention in mentions:
        if mention.key == new_key:
            mention.key = old_key
    gone = candidates.pop(new_key, None)
    entity = candidates.get(old_key)
    if entity is None:  # a registered alliance: the registry owns its names
        return
    other = gone.name if gone else new.surface
    names = [entity.name, other, *entity.aliases] + ([*gone.aliases] if gone else [])
    if renamed:
        entity.name = other
        entity.name_en = gone.name_en if gone else None
    entity.aliases = [n for n in dict.fromkeys(names) if n != entity.name]
