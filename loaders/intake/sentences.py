"""Sentences of an article's blocks, with offsets into ``Article.text``."""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Sequence
from typing import Any, Literal

from allygraph.models import Sentence

BlockKind = Literal["title", "subtitle", "caption", "body"]
_INNER_END = re.compile(r"[.?!][\"'”’)\]]*\s+\S")


def sentences_of(parts: Sequence[tuple[BlockKind, str]]) -> list[Sentence]:
    """Sentences of every block, with offsets into the joined text.

    A title or subtitle is one sentence: headlines have no sentence ends, and Kiwi would cut
    them at the '…' Korean headlines use as a comma. Prose is cut where a Hangul syllable
    ends a sentence ("…했다. ", "…까? "), which is how Korean news ends nearly every
    sentence and costs microseconds; a block with any doubtful end (a period after Latin
    letters or digits, a sentence end inside quotation marks) goes to Kiwi, which costs
    milliseconds, in one call for the whole article.
    """
    spans_of: dict[int, list[tuple[int, int]]] = {}
    doubtful: list[int] = []
    for i, (kind, part) in enumerate(parts):
        if kind in ("title", "subtitle") or not _may_split(part):
            spans_of[i] = [(0, len(part))]
            continue
        spans = split_plain(part)
        if spans is None:
            doubtful.append(i)
        else:
            spans_of[i] = spans
    if doubtful:
        kiwi = shared_kiwi()
        for i in doubtful:
            spans_of[i] = [(s.start, s.end) for s in kiwi.split_into_sents(parts[i][1])]
    sentences: list[Sentence] = []
    offset = 0
    for i, (kind, part) in enumerate(parts):
        for start, end in spans_of[i]:
            if end > start:
                text = part[start:end]
                sentences.append(
                    Sentence(text=text, start=offset + start, end=offset + end, kind=kind)
                )
        offset += len(part) + 1
    return sentences


_PLAIN_END = re.compile(r"[.?!]+[\"'”’)\]]*\s+(?=\S)")


def split_plain(block: str) -> list[tuple[int, int]] | None:
    """Sentence spans of a block whose every sentence end is a Hangul syllable and a stop.

    None when an end is doubtful ("Inc. ", "3. ", a stop inside an open quotation): the
    caller asks Kiwi then.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PLAIN_END.finditer(block):
        stop = match.start()
        if stop == 0 or not "가" <= block[stop - 1] <= "힣":
            return None
        segment = block[start:stop]
        if (
            segment.count('"') % 2
            or segment.count("'") % 2
            or segment.count("“") != segment.count("”")
            or segment.count("‘") != segment.count("’")
        ):
            return None
        end = match.end()
        while end > start and block[end - 1].isspace():
            end -= 1
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(block)))
    return spans


def _may_split(block: str) -> bool:
    """Whether there is anything to split: a sentence end somewhere before the block's end."""
    return _INNER_END.search(block) is not None


def shared_kiwi() -> Any:
    """One Kiwi per process tree: building it takes a second, splitting a block milliseconds.

    Single-threaded (``num_workers=0`` since kiwipiepy 0.21): blocks are split one call at a
    time, so worker threads would only add hand-off and contention. With no threads to wait
    on, a forked child (an extraction worker, forked from a server that built Kiwi once)
    uses the instance it inherited, and the model's 500 MB stay pages shared with its
    parent. An older kiwipiepy runs a thread even with one worker: a child builds its own.
    """
    pid = os.getpid()
    if pid in _KIWIS:
        return _KIWIS[pid]
    import kiwipiepy  # type: ignore[import-untyped]

    version = tuple(int(p) for p in re.findall(r"\d+", kiwipiepy.__version__)[:2])
    threaded = version < (0, 21)
    if _KIWIS and not threaded:
        _KIWIS[pid] = next(iter(_KIWIS.values()))
    else:
        with warnings.catch_warnings():
            # 0.21 warns that 0 now means "no threads", which is what is asked for here.
            warnings.simplefilter("ignore", DeprecationWarning)
            _KIWIS[pid] = kiwipiepy.Kiwi(num_workers=1 if threaded else 0)
    return _KIWIS[pid]


# Inherited instances stay referenced: destroying one in a child would also wait on threads.
_KIWIS: dict[int, Any] = {}
