"""Intake: a scraped article file (or posted text) becomes a clean ``Article``.

Scraped Korean news pages carry page chrome around the story (font-size buttons, share and
language menus, comment widgets, a copyright line). Intake keeps the story only: title,
subtitles, photo captions and body paragraphs, in reading order, joined into one normalised
``Article.text`` that every evidence offset of the extractor points into.

Refusals come first and fast (size from ``stat`` before any byte is read, then emptiness,
binary content, encoding), each as an ``IntakeError`` with a one-line message.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from allygraph.errors import IntakeError
from allygraph.loaders.text import normalise
from allygraph.models import Article, Sentence
from allygraph.settings import get_settings

SEOUL = ZoneInfo("Asia/Seoul")
SIDECAR_SUFFIXES = (".json", ".yaml", ".yml")
LEGACY_ENCODINGS = ("cp949", "euc-kr")

# --- publication dates -------------------------------------------------------------------

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})"
    r"\s*(?:일)?\.?(?:\s*\([월화수목금토일]\))?"
    r"(?:\s*(?P<ampm>오전|오후|AM|PM|am|pm))?"
    r"(?:\s*[-,|]?\s*(?P<H>\d{1,2})\s*(?::|시)\s*(?P<M>\d{2})(?:\s*(?::)\s*\d{2})?\s*분?)?"
    r"(?:\s*(?P<ampm2>AM|PM|am|pm))?"
)
# English forms some Korean outlets print: "Jul. 04, 2023 10:05 AM", "4 July 2023 10:05".
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
)}  # fmt: skip
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_EN_DATE = re.compile(
    r"(?i)\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<mon1>"
    + _MONTH_NAME
    + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+(?P<mon2>" + _MONTH_NAME + r"),?\s+(?P<y2>(?:19|20)\d{2}))\b"
)
_PUBLISHED_LABEL = re.compile(
    r"(기사\s*입력|최초\s*입력|입력|등록|작성|게재|발행|송고(?:\s*시간)?|승인|Published|Posted)\s*:?\s*$",
    re.I,
)
_UPDATED_LABEL = re.compile(r"(최종\s*수정|수정|업데이트|Updated|Modified)\s*:?\s*$", re.I)
_DATE_LINE_REST = re.compile(
    r"(기사\s*입력|최초\s*입력|입력|등록|작성|게재|발행|송고|승인|최종\s*수정|수정|업데이트|"
    r"Published|Posted|Updated|Modified|KST|GMT|UTC|송고\s*시간|[가-힣]{2,4}\s*(?:기자|특파원)|"
    r"[\w.+-]+@[\w.-]+|"
    r"[|:·/,\-\s•])",
    re.I,
)

# --- page chrome -------------------------------------------------------------------------

_CHROME_LINE = re.compile(
    r"(?:•\s*)?(?:글자\s*크기(?:\s*설정)?|글씨\s*크기|가\s*[+-]|인쇄(?:하기)?|프린트|스크랩|"
    r"공유(?:하기)?|기사\s*공유|닫기|언어\s*선택|번역|좋아요|추천|구독(?:하기)?|목록|"
    r"기사\s*이미지\s*확대\s*보기|이미지\s*확대|URL\s*복사|링크\s*복사|카카오톡|페이스북|트위터|"
    r"네이버\s*블로그|밴드|중국어|영어|일본어|베트남어|한국어|English|\d+\s*/\s*\d+|"
    r"\d+\s*개의\s*댓글|댓글\s*\d*|신고사유|로그인|회원가입|"
    r"[가-힣]{2,4}\s*(?:기자|특파원|객원기자)(?:\s*[\w.+-]+@[\w.-]+)?|[\w.+-]+@[\w.-]+)",
    re.I,
)
_CHROME_SENTENCE = re.compile(
    r"(하시겠습니까\?|로그인 후|댓글작성이|신고접수가|이미 참여하셨습니다|이미 신고|"
    r"게시물을 보실 수 없습니다|관련\s*기사|바로가기)"
)
# '관련기사' / '[관련뉴스]': the linked headlines after it are no part of the story.
_RELATED_HEADER = re.compile(
    r"[\[【<(]?\s*(?:관련\s*기사|관련\s*뉴스|함께\s*(?:보면\s*좋은|볼만한)\s*(?:기사|뉴스)|"
    r"추천\s*기사|많이\s*본\s*(?:기사|뉴스)|주요\s*뉴스)\s*[\]】>)]?\s*:?"
)
# A reporter's footer: '/홍길동 기자 ZDNet Korea', '◎공감언론 뉴시스 hong@newsis.com'.
_FOOTER = re.compile(r"/?\s*[가-힣]{2,4}\s*(?:기자|특파원)(?:\s+[^=\s][^=]{0,30})?")
_FULL_STOP = re.compile(r"[.?!][\"'”’)\]]*$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_COPYRIGHT = re.compile(
    r"(©|\(c\)|copyright|저작권자|무단\s*전재|무단\s*복제|재배포\s*금지|All rights reserved)", re.I
)
_BYLINE_PREFIX = re.compile(
    r"^(?:[\[(][^\])]{1,30}=[^\])]{0,30}[\])]|\[[^\]]{1,20}\s*기자\])\s*"
    r"(?:[가-힣]{2,4}\s*(?:기자|특파원)\s*=?\s*)?"
)
_PHOTO_CREDIT = re.compile(
    r"\s*(?:\[(?:사진|그래픽|이미지|자료)\s*=[^\]]*\]|\((?:사진|그래픽|이미지|자료)\s*=[^)]*\)|"
    r"/\s*(?:사진|그래픽)\s*=\s*\S.*|(?:사진|자료)\s*제공\s*=.*)\s*$"
)
_CAPTION_CUE = re.compile(r"\((?:왼쪽|오른쪽|가운데|앞줄|뒷줄|위|아래)[^)]{0,8}\)")
_INNER_END = re.compile(r"[.?!][\"'”’)\]]*\s+\S")
_SENTENCE_END = re.compile(r"(?:[.?!]|[다요]\.?)[\"'”’)\]]*$")


class ArticleMeta(BaseModel):
    """What a sidecar (or the API) may state about an article, overriding the text."""

    model_config = ConfigDict(extra="ignore")

    url: str | None = None
    publisher: str | None = None
    published: datetime | None = None
    title: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> datetime | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=SEOUL)
        if isinstance(value, date):
            return datetime.combine(value, time(0, 0), SEOUL)
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=SEOUL)
        except ValueError:
            pass
        found = parse_datetime(text)
        if found is None:
            raise ValueError(f"unrecognised date {text!r}")
        return found


# --- public API ----------------------------------------------------------------------------


def read_article(
    path: Path, *, sidecar: Path | None = None, max_bytes: int | None = None
) -> Article:
    """Read one article file. Its sidecar (``<stem>.json|.yaml|.yml``) is used when present."""
    path = Path(path)
    limit = max_bytes if max_bytes is not None else get_settings().max_article_bytes
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IntakeError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not path.is_file():
        raise IntakeError(f"{path}: not a file")
    if size > limit:
        raise IntakeError(f"{path}: {size} bytes is larger than the limit of {limit} bytes")
    if size == 0:
        raise IntakeError(f"{path}: empty file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IntakeError(f"{path}: cannot read ({exc.strerror or exc})") from None
    meta = load_sidecar(sidecar if sidecar is not None else find_sidecar(path))
    return parse_article(raw, source_path=str(path), meta=meta, max_bytes=limit)


def parse_article(
    raw: str | bytes,
    *,
    source_path: str | None = None,
    meta: dict[str, Any] | ArticleMeta | None = None,
    max_bytes: int | None = None,
) -> Article:
    """Clean raw text or HTML into an ``Article``; ``meta`` overrides what the text says."""
    label = source_path or "article"
    limit = max_bytes if max_bytes is not None else get_settings().max_article_bytes
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise IntakeError(f"{label}: {size} bytes is larger than the limit of {limit} bytes")
    text = decode(raw, label) if isinstance(raw, bytes) else raw
    if "\x00" in text:
        raise IntakeError(f"{label}: binary content (NUL bytes), not an article")
    if not text.strip():
        raise IntakeError(f"{label}: empty article")
    stated = _coerce_meta(meta, label)
    if _looks_like_html(text):
        text, html_meta = html_to_text(text)
        stated = _merge_meta(html_meta, stated)
    return _build(text.splitlines(), stated, source_path, label)


def decode(raw: bytes, label: str = "article") -> str:
    """UTF-8 (with or without BOM), else the legacy Korean code pages; NUL bytes are binary."""
    if not raw.strip():
        raise IntakeError(f"{label}: empty file")
    if b"\x00" in raw:
        raise IntakeError(f"{label}: binary file (NUL bytes), not an article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in LEGACY_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text
    raise IntakeError(f"{label}: binary file (not UTF-8, CP949 or EUC-KR text)")


def find_sidecar(path: Path) -> Path | None:
    """``<stem>.json|.yaml|.yml`` beside the article, unless that file is something else.

    Gold annotations share the ``<stem>.yaml`` name in ``shared/gold/dev``; a file with
    ``entities:`` or ``relations:`` is an annotation, never metadata, and is left unread.
    """
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate != path and candidate.is_file() and not _is_annotation(candidate):
            return candidate
    return None


def _is_annotation(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(64_000)
    return re.search(rb'^\s*"?(?:entities|relations)"?\s*:', head, re.M) is not None


def load_sidecar(path: Path | None) -> ArticleMeta | None:
    if path is None:
        return None
    try:
        content = path.read_text(encoding="utf-8")
        data = json.loads(content) if path.suffix == ".json" else yaml.safe_load(content)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise IntakeError(f"{path}: unreadable sidecar ({_first_line(exc)})") from None
    if data is None:
        return None
    if not isinstance(data, dict) or {"entities", "relations"} & set(data):
        raise IntakeError(f"{path}: sidecar must be a mapping of url, publisher, published, title")
    return _coerce_meta(data, str(path))


def parse_datetime(text: str) -> datetime | None:
    """The first date (and time) in ``text`` as an aware Asia/Seoul datetime."""
    match = _DATE.search(numeric_dates(text))
    return _to_datetime(match) if match else None


def numeric_dates(line: str) -> str:
    """'Jul. 04, 2023 10:05 AM' -> '2023-07-04 10:05 AM', so one date pattern reads both."""
    if not _EN_DATE.search(line):
        return line

    def numeric(match: re.Match[str]) -> str:
        month = _MONTHS[(match["mon1"] or match["mon2"])[:3].lower()]
        day = int(match["d1"] or match["d2"])
        return f"{match['y1'] or match['y2']}-{month:02d}-{day:02d}"

    return _EN_DATE.sub(numeric, line)


def html_to_text(markup: str) -> tuple[str, ArticleMeta]:
    """Visible text of an HTML page, one block per line, plus what its meta tags state."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    found = parser.meta
    meta = ArticleMeta.model_construct(
        url=found.get("og:url"),
        publisher=found.get("og:site_name"),
        published=_safe_published(found.get("article:published_time")),
        title=found.get("og:title"),
    )
    return "\n".join(parser.lines()), meta


# --- building the article ------------------------------------------------------------------


def _build(
    raw_lines: Iterable[str], stated: ArticleMeta | None, source_path: str | None, label: str
) -> Article:
    lines = [normalise(line) for line in raw_lines]
    lines = [line for line in lines if line]
    publisher: str | None = None
    kept: list[str] = []
    related = False  # inside a '관련기사' block of linked headlines
    for line in lines:
        if _COPYRIGHT.search(line) and len(line) < 120:
            publisher = publisher or _publisher_from_copyright(line)
            if kept:
                break  # the copyright line ends the story; comment widgets follow it
            continue
        if _RELATED_HEADER.fullmatch(line):
            related = True
            continue
        if related and len(line) <= 80 and not _FULL_STOP.search(line):
            continue  # a linked headline (headlines end without a full stop)
        related = False
        if _is_chrome(line):
            continue
        kept.append(line)

    published, kept = _take_published(kept)
    if stated is not None and stated.published is not None:
        published = stated.published
    if published is None:
        raise IntakeError(f"{label}: no recognisable publication date")
    if not kept:
        raise IntakeError(f"{label}: no title or body text")

    title, rest = kept[0], kept[1:]
    subtitles: list[str] = []
    blocks: list[tuple[str, str]] = []  # (kind, text) in reading order
    for line in rest:
        caption = _caption_text(line)
        if caption is not None:
            if caption:
                blocks.append(("caption", caption))
            continue
        line = _BYLINE_PREFIX.sub("", line).strip()
        if not line:
            continue
        in_header = not any(kind == "body" for kind, _ in blocks)
        if in_header and len(line) <= 100 and not _SENTENCE_END.search(line):
            subtitles.append(line)
        else:
            blocks.append(("body", line))
    if not any(kind == "body" for kind, _ in blocks) and subtitles:
        # A flash ('[속보]') whose only body is one headline-like line: that line is the body.
        blocks.append(("body", subtitles.pop()))
    paragraphs = [text for kind, text in blocks if kind == "body"]
    if not paragraphs:
        raise IntakeError(f"{label}: no body text")

    parts = [("title", title)] + [("subtitle", s) for s in subtitles] + blocks
    text = "\n".join(part for _, part in parts)
    article_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Article(
        id=article_id,
        title=(stated.title if stated and stated.title else title),
        subtitle="\n".join(subtitles) or None,
        published=published,
        publisher=(stated.publisher if stated and stated.publisher else publisher),
        url=stated.url if stated else None,
        source_path=source_path,
        paragraphs=paragraphs,
        captions=[text for kind, text in blocks if kind == "caption"],
        text=text,
        sentences=_sentences(parts),
    )


def _sentences(parts: list[tuple[str, str]]) -> list[Sentence]:
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
        kiwi = _kiwi()
        for i in doubtful:
            spans_of[i] = [(s.start, s.end) for s in kiwi.split_into_sents(parts[i][1])]
    sentences: list[Sentence] = []
    offset = 0
    for i, (kind, part) in enumerate(parts):
        for start, end in spans_of[i]:
            if end > start:
                text = part[start:end]
                sentences.append(
                    Sentence(text=text, start=offset + start, end=offset + end, kind=kind)  # type: ignore[arg-type]
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


def _kiwi() -> Any:
    """One Kiwi per process: building it takes a second, splitting a block milliseconds.

    Single-threaded (``num_workers=0`` since kiwipiepy 0.21): blocks are split one call at a
    time, so worker threads would only add hand-off and contention, and a process that
    forks keeps no threads its child would wait on. Still keyed by process id, so that a
    forked child builds its own.
    """
    pid = os.getpid()
    if pid not in _KIWIS:
        import kiwipiepy
        from kiwipiepy import Kiwi

        version = tuple(int(p) for p in re.findall(r"\d+", kiwipiepy.__version__)[:2])
        _KIWIS[pid] = Kiwi(num_workers=0 if version >= (0, 21) else 1)
    return _KIWIS[pid]


# Inherited instances stay referenced: destroying one in a child would also wait on threads.
_KIWIS: dict[int, Any] = {}


def _take_published(lines: list[str]) -> tuple[datetime | None, list[str]]:
    """Find the publication date line(s); return the date and the lines without them."""
    published: datetime | None = None
    updated: datetime | None = None
    rest: list[str] = []
    for line in lines:
        line = numeric_dates(line) if len(line) <= 80 else line
        matches = list(_DATE.finditer(line))
        if not matches or not _is_date_line(line, matches):
            rest.append(line)
            continue
        for match in matches:
            before = line[: match.start()]
            if _UPDATED_LABEL.search(before):
                updated = updated or _to_datetime(match)
            elif published is None:
                published = _to_datetime(match)
    return published or updated, rest


def _is_date_line(line: str, matches: list[re.Match[str]]) -> bool:
    rest = line
    for match in reversed(matches):
        rest = rest[: match.start()] + rest[match.end() :]
    return len(_DATE_LINE_REST.sub("", rest)) <= 6


def _to_datetime(match: re.Match[str]) -> datetime | None:
    try:
        hour = int(match["H"]) if match["H"] else 0
        minute = int(match["M"]) if match["M"] else 0
        ampm = (match["ampm"] or match["ampm2"] or "").lower()
        if ampm in ("오후", "pm") and hour < 12:
            hour += 12
        if ampm in ("오전", "am") and hour == 12:
            hour = 0
        return datetime(
            int(match["y"]), int(match["m"]), int(match["d"]), hour, minute, tzinfo=SEOUL
        )
    except ValueError:
        return None


def _is_chrome(line: str) -> bool:
    if _CHROME_LINE.fullmatch(line) or _CHROME_SENTENCE.search(line):
        return True
    if len(line) <= 45 and _FOOTER.fullmatch(line):
        return True
    if len(line) <= 60 and _EMAIL.search(line) and not _SENTENCE_END.search(line):
        return True  # a footer with the reporter's address
    if line.startswith("•") and len(line) <= 20:
        return True  # menu items
    return not any(ch.isalnum() for ch in line)


def _caption_text(line: str) -> str | None:
    """The caption without its photo credit, or None when the line is no caption."""
    credit = _PHOTO_CREDIT.search(line)
    if credit:
        return line[: credit.start()].strip().lstrip("▲△ ").strip()
    if line.startswith("▲"):
        return line.lstrip("▲ ").strip()
    if _CAPTION_CUE.search(line) and len(line) <= 200 and not line.endswith("다."):
        return line
    return None


def _publisher_from_copyright(line: str) -> str | None:
    """'©'5개국어 글로벌 경제신문' 아주경제. 무단전재·재배포 금지' -> '아주경제'."""
    text = re.sub(r"['\"‘’“”][^'\"‘’“”]*['\"‘’“”]", " ", line)
    text = re.sub(r"(?i)©|\(c\)|copyright|저작권자|all rights reserved|[<>\[\]()]", " ", text)
    text = re.split(r"무단|재배포|전재|복제|금지", text)[0]
    words = [w.strip(" .,:-&") for w in re.split(r"[\s,]+", text)]
    words = [w for w in words if w and not re.fullmatch(r"\d{4}|[\w.-]+\.(?:com|co\.kr|kr|net)", w)]
    return words[-1] if words else None


def _mostly_text(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls / len(text) < 0.01


def _looks_like_html(text: str) -> bool:
    head = text[:5000].lower()
    return (
        "<html" in head or "<body" in head or len(re.findall(r"</?(?:p|div|br|span)\b", head)) >= 3
    )


def _coerce_meta(meta: dict[str, Any] | ArticleMeta | None, label: str) -> ArticleMeta | None:
    if meta is None or isinstance(meta, ArticleMeta):
        return meta
    try:
        return ArticleMeta.model_validate(meta)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise IntakeError(f"{label}: bad metadata {where}: {error['msg']}") from None


def _merge_meta(base: ArticleMeta, override: ArticleMeta | None) -> ArticleMeta:
    if override is None:
        return base
    merged = base.model_dump()
    merged.update({k: v for k, v in override.model_dump().items() if v is not None})
    return ArticleMeta.model_construct(**merged)


def _safe_published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return ArticleMeta.model_validate({"published": value}).published
    except ValidationError:
        return None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class _TextParser(HTMLParser):
    """Collects visible text, one line per block element, and the page's meta tags.

    Navigation, menus, buttons, forms and side bars are page chrome and never read. When the
    page marks its story with ``<article>`` (most news sites do), only the text inside it is
    kept, so that the site's logo and menus cannot become the title.
    """

    _SKIP = frozenset(
        {"script", "style", "noscript", "svg", "iframe", "template", "head", "nav", "aside",
         "button", "form", "select", "option", "menu", "dialog"}
    )  # fmt: skip
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
         "article", "header", "footer", "figcaption", "figure", "blockquote", "dd", "dt",
         "ul", "ol", "table", "main"}
    )  # fmt: skip
    _VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._chunks: list[str] = []
        self._story: list[str] = []
        self._skipping = 0
        self._in_article = 0
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = dict(attrs)
            key = values.get("property") or values.get("name")
            if key and values.get("content"):
                self.meta.setdefault(key.lower(), html.unescape(values["content"] or ""))
        if tag in self._VOID and tag != "br":
            return
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "article":
            self._in_article += 1
            self._emit("\n")
        elif tag in self._BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "article":
            self._emit("\n")
            self._in_article = max(0, self._in_article - 1)
        elif tag in self._BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._emit(data)

    def _emit(self, text: str) -> None:
        self._chunks.append(text)
        if self._in_article:
            self._story.append(text)

    def lines(self) -> list[str]:
        story = "".join(self._story)
        if len(story.strip()) >= 200:
            return story.splitlines()
        return "".join(self._chunks).splitlines()
