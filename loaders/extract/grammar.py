"""The grammar layer: Kiwi's analysis of every word, with the particle, case and predicate
the relation rules and the name finder read instead of string patterns.

A Korean word (어절, a run between spaces and punctuation) is a stem followed by particles
or endings: "리벨리온과" is the name 리벨리온 + the conjunctive particle 과, "합류하면서" is the
predicate 합류 + 하 + the connective ending 면서 (a clause boundary). Kiwi gives each
morpheme a tag (NNP proper noun, NNG common noun, SL Latin, J* particles, XSV verb-forming
suffix, E* endings) and a morpheme id; id 2 means Kiwi did not know the word at all, which
in news text is almost always a name nobody listed.

Words are analysed one at a time, not sentence by sentence: a word's analysis is then the
same wherever it occurs, so it is cached per process (news repeats its vocabulary, and the
cache is what keeps extraction above 100 articles/s on two cores). The sentence context
Kiwi would add matters little here: the rules read the particle and the predicate, which a
word carries on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..intake.sentences import shared_kiwi
from ..particles import fits
from ..text import PARTICLES, is_hangul, is_particle_run

# Kiwi's id for a morpheme outside its dictionary.
_OOV_ID = 2
_NOUN_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XSN", "XPN", "NP"})
_PREDICATE_SUFFIX = frozenset({"XSV", "XSA"})
_VERB_TAGS = frozenset({"VV", "VA", "VX", "VV-R", "VV-I", "VA-R", "VA-I"})
_ENDING_TAGS = ("EF", "EC", "ETM", "ETN")

# A word: Hangul, Latin letters, digits and the few signs names use inside ("SK C&C",
# "LG U+", "K-UAM"), but no brackets, quotes, commas or the middle dot that separate names.
WORD = re.compile(r"[가-힣A-Za-z0-9&+]+(?:[.\-][가-힣A-Za-z0-9&+]+)*")


@dataclass(frozen=True, slots=True)
class Morph:
    form: str
    tag: str
    start: int  # offset inside the word
    end: int
    oov: bool


@dataclass(slots=True)
class Word:
    """One word of the text with what its morphemes say about it."""

    start: int
    end: int
    surface: str
    stem_end: int  # offset (in the text) where the particle or ending begins
    morphs: tuple[Morph, ...]
    particle: str  # the particle glued after the stem ('' when none or not a noun)
    predicate: str | None  # '합류' for 합류하면서, '맺' for 맺었다
    ending: str | None  # EF (sentence end), EC (clause end), ETM (adnominal), ETN
    stem: str  # the surface up to the particle or ending
    proper: bool  # a stem that names something: a proper noun, a word Kiwi never saw, Latin

    @property
    def nominal(self) -> bool:
        return self.predicate is None and bool(self.stem)

    @property
    def prospective(self) -> bool:
        """A verb in the prospective adnominal form ('합류할', '체결할'): what it says is
        still to come ('합류할 예정', '체결할 것으로 보인다')."""
        return self.predicate is not None and any(
            m.tag == "ETM" and m.form in ("ᆯ", "을", "ㄹ") for m in self.morphs
        )

    @property
    def latin(self) -> bool:
        return bool(self.stem) and self.stem.isascii() and any(c.isalpha() for c in self.stem)


def noun_phrase_word(word: Word) -> bool:
    """A word that can modify a name inside a list ('대전의', '금융', 'AI', '스타트업'):
    nouns only, at most a genitive '의' after them, no predicate and no other particle."""
    if word.predicate is not None or word.particle not in ("", "의"):
        return False
    tags = [m.tag for m in word.morphs]
    if tags and tags[-1] == "JKG":
        tags.pop()
    return bool(tags) and all(t in _NOUN_TAGS for t in tags)


def words(text: str) -> list[Word]:
    """Every word of ``text`` with its analysis, in order (a fresh list: callers may keep
    it; the words themselves are shared with the cache and must not be changed)."""
    return list(_words(text))


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[Word, ...]:
    """Cached per text: the finders and the rules read the same sentences and the same
    article text several times."""
    found = []
    for match in WORD.finditer(text):
        start, surface = match.start(), match.group()
        stem_len, particle, predicate, ending, morphs = _analyse(surface)
        stem = surface[:stem_len]
        proper = _proper(surface, stem_len)
        word = Word(
            start, match.end(), surface, start + stem_len, morphs, particle, predicate,
            ending, stem, proper,
        )  # fmt: skip
        found.append(word)
    return tuple(found)


# Words Kiwi need not see: numbers ('2020년', '3일') and Latin names with at most a
# particle after them ('KT가', 'MS와'); their analysis is known from their letters.
_NUMBER = re.compile(r"\d[\d.,]*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&+\-.]*")


@lru_cache(maxsize=262_144)
def _analyse(surface: str) -> tuple[int, str, str | None, str | None, tuple[Morph, ...]]:
    morphs = _spelled(surface) or _misread_name(
        surface,
        tuple(
            Morph(
                t.form, t.tag, t.start, t.start + t.len, t.id == _OOV_ID and t.tag.startswith("NN")
            )
            for t in shared_kiwi().tokenize(surface)
        ),
    )
    predicate = _predicate(morphs)
    ending = next((m.tag for m in reversed(morphs) if m.tag in _ENDING_TAGS), None)
    if predicate is not None:
        first_verbal = next(
            (
                m.start
                for m in morphs
                if m.tag in _PREDICATE_SUFFIX or m.tag in _VERB_TAGS or m.tag == "VCP"
            ),
            len(surface),
        )
        stem_len = first_verbal if first_verbal and morphs[0].tag in _NOUN_TAGS else 0
        return stem_len, "", predicate, ending, morphs
    stem_len = _stem_length(surface, morphs)
    if surface[:stem_len].endswith(_BOUND_STEMS) and surface[stem_len : stem_len + 1] in (
        "도",
        "시",
    ):
        stem_len += 1  # '강원특별자치도,': Kiwi took the province's 도 for the particle
    rest = surface[stem_len:]
    particle = rest if is_particle_run(rest) else _particle_of(morphs, stem_len)
    return stem_len, particle, None, ending, morphs


# Stems that a local government's ending must complete ('…특별자치' + 도 or 시).
_BOUND_STEMS = ("특별자치",)


def _misread_name(surface: str, morphs: tuple[Morph, ...]) -> tuple[Morph, ...]:
    """Kiwi's misreadings of one compound name. Korean spaces an adverb off the noun it
    modifies and an adnominal verb off its noun, so either (or both: '늘푸른교통' read 늘/MAG
    + 푸르 + ㄴ + 교통) glued to nouns inside one word
    ('한결정보기술은' read 한결/MAG + 정보 + 기술 + 은, '고운결병리가' read 곱/VA + 은/ETM + 결
    + 병리 + 가) becomes, with the nouns after it, one unknown proper noun. No determiner
    follows a particle inside a word either ('눈빛에이아이' read 눈빛 + 에 + 이/MM + 아이):
    it is a syllable of the name (the particle itself is dealt with in ``_stem_length``)."""
    morphs = tuple(
        Morph(m.form, "NNG", m.start, m.end, m.oov)
        if m.tag == "MM" and 0 < i < len(morphs) - 1 and morphs[i - 1].tag.startswith("J")
        and morphs[i + 1].tag in ("NNG", "NNP")
        else m
        for i, m in enumerate(morphs)
    )  # fmt: skip
    adverb = 1 if morphs and morphs[0].tag == "MAG" else 0
    first = adverb + _adnominal_prefix(morphs[adverb:]) or adverb  # '늘푸른교통': 늘 + 푸르 + ㄴ
    if not first or len(morphs) <= first or morphs[first].tag not in ("NNG", "NNP"):
        return morphs
    last = first
    while last + 1 < len(morphs):
        if morphs[last + 1].tag in ("NNG", "NNP"):
            last += 1
        elif _inner_particle(morphs, last + 1):
            last += 2
        else:
            break
    if not all(m.tag.startswith("J") for m in morphs[last + 1 :]):
        return morphs  # more of a clause follows: a real verb form
    name = Morph(surface[: morphs[last].end], "NNP", 0, morphs[last].end, True)
    return (name, *morphs[last + 1 :])


def _inner_particle(morphs: tuple[Morph, ...], i: int) -> bool:
    """A particle with a noun right after it inside one word: a syllable of a name."""
    return (
        morphs[i].tag.startswith("J")
        and i + 1 < len(morphs)
        and morphs[i + 1].tag in ("NNG", "NNP")
    )


def _adnominal_prefix(morphs: tuple[Morph, ...]) -> int:
    """How many morphs make a leading verb in its adnominal form ('곱' + '은'), or 0."""
    if len(morphs) > 2 and morphs[0].tag.startswith(("VA", "VV")) and morphs[1].tag == "ETM":
        return 2
    return 0


def _particle_of(morphs: tuple[Morph, ...], stem_len: int) -> str:
    """The particles Kiwi found after the stem, when the rest is not one our table knows."""
    return "".join(m.form for m in morphs if m.start >= stem_len and m.tag.startswith("J"))


@lru_cache(maxsize=262_144)
def _proper(surface: str, stem_len: int) -> bool:
    morphs = _analyse(surface)[4]
    return any(m.tag in ("NNP", "SL") or m.oov for m in morphs if m.start < stem_len)


def _spelled(surface: str) -> tuple[Morph, ...] | None:
    """The analysis of a number or of a Latin word with a particle, without Kiwi."""
    number = _NUMBER.match(surface)
    if number is not None and number.end() == len(surface):
        return (Morph(surface, "SN", 0, len(surface), False),)
    latin = _LATIN.match(surface)
    if latin is None:
        return None
    rest = surface[latin.end() :]
    if rest and (not is_particle_run(rest) or not all("가" <= c <= "힣" for c in rest)):
        return None
    morphs = [Morph(latin.group(), "SL", 0, latin.end(), False)]
    if rest:
        morphs.append(Morph(rest, "JX", latin.end(), len(surface), False))
    return tuple(morphs)


def _predicate(morphs: tuple[Morph, ...]) -> str | None:
    """The predicate a word carries: the noun before 하다/되다 ('합류'), or the verb ('맺')."""
    for i, morph in enumerate(morphs):
        if morph.tag in _PREDICATE_SUFFIX and i and morphs[i - 1].tag in ("NNG", "NNP", "XR"):
            return morphs[i - 1].form
        if morph.tag in _PREDICATE_SUFFIX and i > 1 and morphs[i - 1].tag == "XSN":
            return morphs[i - 2].form + morphs[i - 1].form  # '상용화했다': 상용 + 화 + 하
        if morph.tag == "VCP" and i and morphs[i - 1].tag in ("NNG", "NNB"):
            return morphs[i - 1].form  # '예정이다', '계획이다': the noun is the predicate
        if morph.tag in _VERB_TAGS and morph.tag != "VX":
            return morph.form
    return next((m.form for m in morphs if m.tag == "VX"), None)


def _stem_length(surface: str, morphs: tuple[Morph, ...]) -> int:
    """Where the stem ends: after the leading nouns, or before a particle Kiwi left glued to
    a word it did not know ('리벨리온과' comes back as one unknown noun)."""
    end, last = 0, None
    for i, morph in enumerate(morphs):
        if morph.tag in _NOUN_TAGS:
            end, last = morph.end, morph
            continue
        # '영도도장' read 영도 + 도 + 장: a particle ends a noun phrase, so a noun after it
        # within the same word means Kiwi split a compound name at a particle's syllable
        after = morphs[i + 1] if i + 1 < len(morphs) else None
        if not (last and morph.tag.startswith("J") and after and after.tag in _NOUN_TAGS):
            break
    if end == 0:
        return _before_particles(surface, morphs)
    if last is not None and last.oov:
        glued = _glued_particle(surface[:end])
        # Kiwi may split part of the particle off ('얼라이언스에' + '는'): the glued piece
        # and the rest must make one particle run.
        if glued and is_particle_run(glued + surface[end:]):
            return end - len(glued)
    return end or len(surface)


def _before_particles(surface: str, morphs: tuple[Morph, ...]) -> int:
    """'토닥AI가' (토닥/XR + AI/SL + 가): a word that does not start with a noun still ends
    in its particles, when they close it (else the whole word is the stem)."""
    tail = len(morphs)
    while tail and morphs[tail - 1].tag.startswith("J"):
        tail -= 1
    if 0 < tail < len(morphs) and morphs[tail - 1].tag in ("SL", "SN", "XR", "XSN"):
        start = morphs[tail].start
        if is_particle_run(surface[start:]):
            return start
    return len(surface)


# Particles Kiwi leaves glued to a word it does not know: the case particles and '도' (no
# name Kiwi does not know ends in it; the provinces it knows). Copula forms ('인', '이다')
# and '만' stay: too many names end in those syllables ('팩토리브레인', '세방항만').
_GLUED = frozenset(
    {"이", "가", "은", "는", "을", "를", "의", "에", "에서", "에는", "에게", "와", "과", "도"}
    | {"와의", "과의", "와는", "과는", "으로", "로", "으로는", "로는"}
)
_BY_LENGTH = sorted((p for p in PARTICLES if p in _GLUED), key=len, reverse=True)


def _glued_particle(word: str) -> str:
    """The particle ending an unknown word, when the syllable before it takes that particle
    ('리벨리온과': 온 has a final consonant, so 과 fits; '하이' keeps its 이: no final)."""
    for particle in _BY_LENGTH:
        stem = word[: -len(particle)]
        if (
            word.endswith(particle)
            and len(stem) >= 2
            and is_hangul(stem[-1])
            and fits(stem[-1], particle)
        ):
            return particle
    return ""


@dataclass(frozen=True, slots=True)
class Clause:
    """Words up to and including the predicate that closes a clause ('…합류하면서' EC,
    '…체결했다' EF). Words after the last predicate of a sentence form a clause with none."""

    words: tuple[Word, ...]
    predicate: Word | None

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


def clauses(sentence_words: list[Word]) -> list[Clause]:
    """Split a sentence's words at connective and final endings (EC, EF). An adnominal
    ending (ETM: '참여한 기업') stays inside: the relative clause describes a noun of the
    clause it is in, and its subject is not that clause's subject."""
    found: list[Clause] = []
    current: list[Word] = []
    head: Word | None = None
    for i, word in enumerate(sentence_words):
        current.append(word)
        nxt = sentence_words[i + 1] if i + 1 < len(sentence_words) else None
        if word.predicate is None or word.ending not in ("EC", "EF"):
            continue
        head = head or word
        if word.ending == "EC" and nxt is not None and _auxiliary(nxt):
            continue  # '합류하게 됐다', '참여하고 있다': one predicate in two words
        found.append(Clause(tuple(current), head))
        current, head = [], None
    if current:
        found.append(Clause(tuple(current), head))
    return found


# Verbs that follow another verb's connective ending as its auxiliary ('-고 있다',
# '-게 됐다', '-지 않았다', '-어 왔다').
_AUXILIARIES = frozenset(
    {"있", "되", "않", "못하", "하", "오", "주", "보", "가", "나가", "두", "놓"}
)


def _auxiliary(word: Word) -> bool:
    return word.predicate in _AUXILIARIES and not word.stem
