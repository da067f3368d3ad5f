from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allygraph.errors import IntakeError
from allygraph.loaders.intake import SEOUL, parse_article, parse_datetime, read_article

from .conftest import SEED


def test_seed_is_cleaned() -> None:
    article = read_article(SEED)
    assert article.title == "KT '기가지니'와 LG '씽큐'가 만나 국내 AI 판키운다(종합)"
    assert article.published == datetime(2020, 6, 3, 15, 51, tzinfo=SEOUL)
    assert article.publisher == "아주경제"
    assert article.subtitle is not None and "맞손" in article.subtitle
    assert "\xa0" not in article.text
    for chrome in ("글자크기", "댓글", "닫기", "무단전재", "베트남어", "[사진="):
        assert chrome not in article.text
    assert article.captions[-1] == "구현모 KT 사장(왼쪽)과 하현회 LG유플러스 부회장."
    assert article.paragraphs[0].startswith("KT와 LG전자, LG유플러스가")
    assert len(article.id) == 16


def test_sentences_point_into_text() -> None:
    article = read_article(SEED)
    kinds = {s.kind for s in article.sentences}
    assert kinds == {"title", "subtitle", "caption", "body"}
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert any(
        s.text == "협력을 먼저 꺼낸 쪽은 SK텔레콤이다."
        for s in read_article(
            SEED.parents[1] / "gold" / "dev" / "2020-01-09-ces-skt-samsung-ai-alliance.txt"
        ).sentences
    )


def test_same_content_same_id() -> None:
    raw = SEED.read_text(encoding="utf-8")
    assert parse_article(raw).id == parse_article(raw.replace("\xa0", " ")).id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-06-03 15:51", datetime(2020, 6, 3, 15, 51, tzinfo=SEOUL)),
        ("2019.10.28 오후 2:10", datetime(2019, 10, 28, 14, 10, tzinfo=SEOUL)),
        ("입력 2020-01-09 08:30", datetime(2020, 1, 9, 8, 30, tzinfo=SEOUL)),
        ("등록 2021/03/04 오전 12:05", datetime(2021, 3, 4, 0, 5, tzinfo=SEOUL)),
        ("2022년 5월 6일", datetime(2022, 5, 6, tzinfo=SEOUL)),
        ("2023.07.01.", datetime(2023, 7, 1, tzinfo=SEOUL)),
    ],
)
def test_datetime_formats(text: str, expected: datetime) -> None:
    assert parse_datetime(text) == expected


def test_input_date_wins_over_update() -> None:
    raw = "제목\n수정 2020-01-10 09:00 입력 2020-01-09 08:30\n본문 문장이다. 둘째 문장이다."
    assert parse_article(raw).published == datetime(2020, 1, 9, 8, 30, tzinfo=SEOUL)


def test_html_is_stripped() -> None:
    raw = (
        "<html><head><title>x</title><script>var a=1;</script></head><body>"
        "<h1>KT, AI 원팀 확대</h1><p>입력 2020-06-03 10:00</p><p>KT가 발표했다.</p>"
        "<p>© 예시경제 무단전재 및 재배포 금지</p></body></html>"
    )
    article = parse_article(raw)
    assert article.title == "KT, AI 원팀 확대"
    assert article.paragraphs == ["KT가 발표했다."]
    assert article.publisher == "예시경제"


def test_sidecar_fills_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("제목\n\n본문이다.", encoding="utf-8")
    (tmp_path / "a.json").write_text(
        '{"url": "https://example.com/a", "published": "2020-02-01", "publisher": "예시"}',
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.url == "https://example.com/a"
    assert article.published.date().isoformat() == "2020-02-01"
    assert article.publisher == "예시"


def test_gold_annotation_is_no_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("제목\n\n본문이다.", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("article: a.txt\npublished: 2020-01-01\nentities: []\n")
    with pytest.raises(IntakeError, match="no recognisable publication date"):
        read_article(path)


def test_legacy_korean_encoding(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("옛 기사\n2010.01.02 10:00\n본문이다.".encode("cp949"))
    assert read_article(path).title == "옛 기사"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(128, 256)) * 4, "binary"),
        ("제목\n\n날짜 없는 본문이다.".encode(), "no recognisable publication date"),
        (b"2020-06-03 15:51", "no"),
    ],
)
def test_refusals(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IntakeError, match=message) as info:
        read_article(path)
    assert "\n" not in str(info.value)


def test_large_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that were never written
    with pytest.raises(IntakeError, match="larger than the limit"):
        read_article(path)
    assert os.path.getsize(path) == 50 * 1024 * 1024


def test_missing_file() -> None:
    with pytest.raises(IntakeError, match="cannot read"):
        read_article(Path("/nonexistent/article.txt"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_arbitrary_input_raises_only_intake_error(raw: str | bytes) -> None:
    try:
        article = parse_article(raw)
    except IntakeError as exc:
        assert "\n" not in exc.message
    else:
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jul. 04, 2023 10:05 AM", datetime(2023, 7, 4, 10, 5, tzinfo=SEOUL)),
        ("Published : Mar 14, 2023 - 17:20", datetime(2023, 3, 14, 17, 20, tzinfo=SEOUL)),
        ("4 July 2023", datetime(2023, 7, 4, tzinfo=SEOUL)),
        ("송고시간 2023/12/06 11:20", datetime(2023, 12, 6, 11, 20, tzinfo=SEOUL)),
    ],
)
def test_english_and_slash_dates(text: str, expected: datetime) -> None:
    assert parse_datetime(text) == expected


def test_html_chrome_outside_article_is_dropped() -> None:
    body = "<p>" + "삼성전자와 네이버가 반도체를 함께 개발한다. " * 8 + "</p>"
    page = (
        "<html><body><header><div>한국경제</div><nav><ul><li>경제</li><li>산업</li></ul></nav>"
        "</header><article><h1>삼성전자·네이버 맞손</h1><span>입력 2022.12.06 10:30</span>"
        "<button>공유</button>" + body + "</article><aside><li>많이 본 뉴스</li></aside>"
        "</body></html>"
    )
    article = parse_article(page)
    assert article.title == "삼성전자·네이버 맞손"
    assert "경제" not in article.text.split("\n")
    assert "공유" not in article.text and "많이 본 뉴스" not in article.text


def test_plain_split_agrees_and_defers_doubtful_ends() -> None:
    from allygraph.loaders.intake import split_plain

    block = "KT가 합류했다. 삼성도 참여한다. 마지막 문장이다."
    spans = split_plain(block)
    assert [block[a:b] for a, b in spans or []] == [
        "KT가 합류했다.",
        "삼성도 참여한다.",
        "마지막 문장이다.",
    ]
    assert split_plain("Samsung Electronics Co. Ltd.가 참여했다. 끝이다.") is None
    assert split_plain('그는 "합류했다. 기쁘다"고 말했다. 끝이다.') is None
