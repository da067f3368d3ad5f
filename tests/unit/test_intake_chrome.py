"""Saved news pages keep their story and lose their chrome (issue 15, item 5).

``tests/data/pages`` holds six pages written for these tests in the layout of six Korean
outlets (menus, ticker, reporter card, share buttons, a photo with its caption and credit
under the headline, related-headline boxes, ads, copyright footer, comment widget,
scripts), each as saved HTML and as the text a browser copies from it (with the image
placeholders and links such saves carry). The stories and the firms in them are made up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from allygraph.loaders.intake import SEOUL, parse_article, read_article
from allygraph.loaders.intake import chrome as ch
from allygraph.models import Article

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"

# Words of menus, widgets, link boxes, credits and footers: none may reach a sentence.
CHROME_WORDS = (
    "모아보기", "구독", "공유", "글자크기", "인쇄", "좋아요", "댓글", "광고", "관련기사",
    "관련 뉴스", "많이 본", "주요뉴스", "함께 보면", "data:", "http", "www.", "©", "무단",
    "All rights", "로그인", "제보", "기자 페이지", "사진=", "사진제공", "@", "고위급",
    "손잡은", "한편", "속보", "전체메뉴", "송고", "입력",
)  # fmt: skip


@dataclass(frozen=True)
class Page:
    stem: str
    title: str
    published: datetime
    publisher: tuple[str, str]  # from the HTML's meta tags, from the text's copyright line
    first: str  # the first body sentence
    last: str  # the last body sentence: the body is complete
    caption: str


def _at(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SEOUL)


EXPECTED = [
    Page(
        "yonhap-garam-nuri-genai",
        "가람AI·누리텔레콤, 생성형 AI 동맹...공동 연구소 세운다",
        _at(2023, 11, 22, 10, 31),
        ("연합뉴스", "연합뉴스"),
        "인공지능(AI) 스타트업 가람AI와 통신사 누리텔레콤이 생성형 AI 분야에서 동맹을 맺었다.",
        "양사는 연말까지 누리텔레콤 고객센터에 가람-1 기반 상담 서비스를 시범 적용할 계획이다.",
        "김하늘 가람AI 대표(왼쪽)와 박바다 누리텔레콤 사장이 22일 서울 중구 누리텔레콤 본사에서"
        " 협약서를 들고 기념촬영을 하고 있다.",
    ),
    Page(
        "ajunews-hanbit-saebom-chip",
        "한빛전자·새봄대, AI 반도체 인재 키운다...5년간 300억 투입",
        _at(2021, 5, 12, 14, 5),
        ("아주경제", "아주경제"),
        "한빛전자가 새봄대학교와 손잡고 인공지능(AI) 반도체 전문 인력을 기른다.",
        '이소라 새봄대학교 총장은 "기업 현장의 문제를 학생들이 직접 풀어보는 교육과정을'
        ' 만들겠다"고 화답했다.',
        "새봄대학교 AI반도체학과 실습실 조감도.",
    ),
    Page(
        "hankyung-daon-garam-finance-ai",
        "다온금융·가람AI '금융 AI 협의체' 꾸린다",
        _at(2022, 3, 15, 9, 12),
        ("한국경제", "한국경제"),
        "다온금융그룹이 AI 스타트업 가람AI와 함께 금융권 인공지능(AI) 협의체를 꾸린다.",
        "협의체는 오는 9월 첫 공동 모델을 다온은행 비대면 대출 창구에 시범 도입한다.",
        "최유진 다온금융그룹 회장.",
    ),
    Page(
        "zdnet-onnuri-kcloud-alliance",
        "온누리클라우드, 'K-클라우드 AI 연합' 출범...12개사 참여",
        _at(2024, 1, 15, 11, 20),
        ("지디넷코리아", "ZDNet Korea"),
        "온누리클라우드가 국내 AI 기업 11곳과 함께 'K-클라우드 AI 연합'을 출범했다고 15일 밝혔다.",
        "연합은 상반기 중 참여사를 20곳으로 늘릴 예정이다.",
        "서준호 온누리클라우드 대표가 15일 서울 강남구 본사에서 'K-클라우드 AI 연합' 출범 취지를"
        " 설명하고 있다.",
    ),
    Page(
        "news1-mir-nuri-autonomous",
        '미르모빌리티·누리텔레콤, 자율주행 AI 맞손..."2025년 로보택시"',
        _at(2023, 6, 20, 15, 42),
        ("뉴스1", "뉴스1코리아"),
        "자율주행 기업 미르모빌리티와 누리텔레콤이 자율주행 인공지능(AI) 개발에 손을 잡았다.",
        "양사는 2025년까지 서울 마포구 일대에서 로보택시 시범 운행을 시작하는 것이 목표다.",
        "정태윤 미르모빌리티 대표가 자율주행 시험차량 앞에서 기념촬영을 하고 있다.",
    ),
    Page(
        "mt-baro-hanbit-medical-ai",
        "바로헬스케어·한빛전자, 의료 AI 컨소시엄 꾸려...병원 10곳 합류",
        _at(2024, 4, 3, 6, 0),
        ("머니투데이", "머니투데이"),
        "의료 인공지능(AI) 기업 바로헬스케어가 한빛전자와 함께 의료 AI 컨소시엄을 꾸렸다.",
        "컨소시엄은 내년 초 첫 제품의 식품의약품안전처 인허가를 신청할 계획이다.",
        "권나래 바로헬스케어 대표(왼쪽)와 정민호 한빛전자 사장이 지난 2일 서울 서초구에서"
        " 컨소시엄 협약을 맺고 있다.",
    ),
]
SAVES = [
    pytest.param(page, suffix, id=f"{page.stem}{suffix}")
    for page in EXPECTED
    for suffix in (".html", ".txt")
]


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    saves = [p for p in sorted(PAGES.iterdir()) if p.suffix in (".html", ".txt")]
    return {path.name: read_article(path) for path in saves}


def _body(article: Article) -> list[str]:
    return [s.text for s in article.sentences if s.kind == "body"]


def test_every_saved_page_is_expected() -> None:
    stems = {p.stem for p in PAGES.iterdir() if p.suffix in (".html", ".txt")}
    assert stems == {page.stem for page in EXPECTED}


@pytest.mark.parametrize(("page", "suffix"), SAVES)
def test_title_date_and_publisher(articles: dict[str, Article], page: Page, suffix: str) -> None:
    article = articles[page.stem + suffix]
    assert article.title == page.title
    assert article.sentences[0].kind == "title" and article.sentences[0].text == page.title
    assert article.published.replace(second=0) == page.published
    assert article.publisher == page.publisher[0 if suffix == ".html" else 1]


@pytest.mark.parametrize(("page", "suffix"), SAVES)
def test_body_is_complete(articles: dict[str, Article], page: Page, suffix: str) -> None:
    article = articles[page.stem + suffix]
    body = _body(article)
    assert body[0] == page.first
    assert body[-1] == page.last
    assert page.caption in article.captions
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(("page", "suffix"), SAVES)
def test_no_chrome_in_any_sentence(articles: dict[str, Article], page: Page, suffix: str) -> None:
    article = articles[page.stem + suffix]
    for sentence in article.sentences:
        found = [word for word in CHROME_WORDS if word in sentence.text]
        assert not found, (found, sentence.text)
        assert not re.search(r"\bAD\b", sentence.text), sentence.text
        assert not sentence.text.startswith("("), sentence.text  # '(서울=연합뉴스) … =' byline


def test_html_and_text_saves_agree(articles: dict[str, Article]) -> None:
    for page in EXPECTED:
        html, text = articles[page.stem + ".html"], articles[page.stem + ".txt"]
        assert _body(html) == _body(text), page.stem
        assert html.captions == text.captions, page.stem


# --- photo credits are no footer ---------------------------------------------------------------


@pytest.mark.parametrize(
    "credit", ["ⓒ연합뉴스DB", "ⓒ News1 DB", "(사진=KT 제공)", "[사진=KT 제공]"]
)
def test_a_photo_credit_under_the_headline_is_no_footer(credit: str) -> None:
    raw = (
        "KT·LG, AI 원팀 확대\n입력 2020-06-03 15:51\n구현모 KT 사장이 발표하고 있다.\n"
        f"{credit}\nKT가 AI 원팀을 넓혔다고 밝혔다.\n마지막 문장도 본문이다.\n"
        "ⓒ 아주경제 무단전재 및 재배포 금지\n0개의 댓글\n좋은 기사네요."
    )
    article = parse_article(raw)
    assert article.title == "KT·LG, AI 원팀 확대"
    assert _body(article)[-2:] == ["KT가 AI 원팀을 넓혔다고 밝혔다.", "마지막 문장도 본문이다."]
    assert article.publisher == "아주경제"
    assert "좋은 기사네요." not in article.text  # a comment after the footer


def test_a_caption_credit_at_the_end_of_the_caption_is_stripped() -> None:
    raw = (
        "KT·LG, AI 원팀 확대\n2020-06-03\n구현모 KT 사장(왼쪽)과 하현회 부회장. /사진제공=KT\n"
        "KT가 AI 원팀을 넓혔다고 밝혔다.\nCopyright ⓒ 예시일보. All rights reserved."
    )
    article = parse_article(raw)
    assert article.captions == ["구현모 KT 사장(왼쪽)과 하현회 부회장."]
    assert article.publisher == "예시일보"


# --- titles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
        "![](data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==)",
        "https://www.example.co.kr/news/article.html?no=12345",
        "기사 모아보기",
        "AD",
        "좋아요 12",
        "공유하기",
        "홈 > 경제 > IT",
        "예시일보 뉴스 경제 산업 로그인",
    ],
)
def test_chrome_never_becomes_the_title(chrome: str) -> None:
    raw = f"{chrome}\n삼성전자·네이버, AI 반도체 맞손\n입력 2022.12.06 10:30\n협약을 맺었다."
    assert parse_article(raw).title == "삼성전자·네이버, AI 반도체 맞손"


def test_a_ticker_headline_before_the_menu_ends_is_no_title() -> None:
    raw = (
        "예시일보\n속보\n다른 회사, 고위급 인사 단행\n정치\n경제\n"
        "삼성전자·네이버, AI 반도체 맞손\n입력 2022.12.06 10:30\n두 회사가 협약을 맺었다."
    )
    assert parse_article(raw).title == "삼성전자·네이버, AI 반도체 맞손"


def test_a_related_box_before_the_headline_keeps_the_headline() -> None:
    raw = (
        "많이 본 뉴스\n반도체 수출 석달째 감소\n네이버, 웹툰 상장 추진\n"
        "삼성전자·네이버, AI 반도체 맞손\n입력 2022.12.06 10:30\n두 회사가 협약을 맺었다."
    )
    article = parse_article(raw)
    assert article.title == "삼성전자·네이버, AI 반도체 맞손"
    assert "웹툰" not in article.text


# --- the vocabulary ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "기사 모아보기", "이서연 기자 기사 모아보기 구독", "홍길동 기자기자 페이지구독",
        "공유글자크기인쇄좋아요", "좋아요 12슬퍼요 0화나요 1", "0개의 댓글", "0 / 300",
        "AD", "광고", "AD광고", "URL 복사", "로그인 후 댓글작성이 가능합니다.", "구독",
        "제보는 카카오톡 okjebo", "gildong@yna.co.kr", "/김윤희 기자 ZDNet Korea",
        "증권 산업 바이오 테크 글로벌", "홈 > 산업 > IT", "로그인검색전체메뉴",
    ],
)  # fmt: skip
def test_chrome_lines(line: str) -> None:
    assert ch.is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "KT·LG유플러스·LG전자, AI 기술협력 '맞손'",
        "산·학·연 연합체 'AI 원팀'에서 사회이슈 해결 기여",
        "3사는 기술과 인프라 공유를 통한 AI 역량 강화에 나선다.",
        "네이버는 댓글 서비스에 AI를 적용했다고 밝혔다.",
        "금융 IT 분야 AI 협력 강화",
        "한편 SK하이닉스는 AI용 고대역폭메모리(HBM) 시장에서 삼성전자와 경쟁하고 있다.",
    ],
)
def test_story_lines_are_no_chrome(line: str) -> None:
    assert not ch.is_chrome(line)


@pytest.mark.parametrize(
    ("line", "footer"),
    [
        ("ⓒ 아주경제 무단전재 및 재배포 금지", True),
        ("Copyright ⓒ ZDNet Korea. All rights reserved.", True),
        ("<저작권자 © 뉴스1코리아, 무단전재 및 재배포 금지>", True),
        ("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>", True),
        ("ⓒ연합뉴스DB", False),
        ("ⓒ News1 DB", False),
        ("[사진=KT, LG유플러스 제공]", False),
        ("구현모 KT 사장. (사진=KT 제공)", False),
        ("KT가 AI 원팀을 넓혔다고 밝혔다.", False),
    ],
)
def test_copyright_footers(line: str, footer: bool) -> None:
    from allygraph.loaders.text import normalise

    assert ch.is_copyright_footer(normalise(line)) is footer


def test_the_vocabulary_is_data() -> None:
    vocabulary = ch.chrome()
    assert vocabulary is ch.chrome()  # read once
    assert vocabulary.related_header.fullmatch("이 시각 주요뉴스")
    assert vocabulary.related_header.fullmatch("[관련기사]")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "must be a mapping"),
        ({"widgets": []}, "widgets must be a non-empty list"),
        ({key: ["x"] for key in ch._LISTS} | {"navigation": ["x", ""]}, "navigation has an empty"),
        ({key: ["x"] for key in ch._LISTS}, "date_labels must be"),
        ({key: ["x"] for key in ch._LISTS} | {"date_labels": {"published": ["입력"]}}, "updated"),
    ],
)
def test_a_broken_vocabulary_is_refused_at_load(data: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ch._checked(data)


# --- the libraries and where the hand-written path stays ---------------------------------------


def test_trafilatura_failure_falls_back_to_the_hand_written_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("broken page")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    article = read_article(PAGES / "hankyung-daon-garam-finance-ai.html")
    assert article.title == "다온금융·가람AI '금융 AI 협의체' 꾸린다"
    assert (
        _body(article)[-1]
        == "협의체는 오는 9월 첫 공동 모델을 다온은행 비대면 대출 창구에 시범 도입한다."
    )


def test_text_after_a_photo_box_is_read() -> None:
    """trafilatura drops the tail of an element it removes; <br> text becomes paragraphs."""
    from lxml import html

    from allygraph.loaders.intake.webpage import paragraphise

    tree = html.fromstring(
        "<div><div class='img'><img src='a.jpg'></div>첫 문단이다.<br><br>"
        "<b>둘째</b> 문단이다.<br><p>셋째 문단이다.</p></div>"
    )
    assert [p.text_content() for p in paragraphise(tree)] == [
        "",
        "첫 문단이다.",
        "둘째 문단이다.",
        "셋째 문단이다.",
    ]


def test_htmldate_reads_the_markup_and_the_dateline_gives_the_time() -> None:
    body = "<p>" + "삼성전자와 네이버가 반도체를 함께 개발한다. " * 8 + "</p>"
    page = (
        "<html><head><link rel='canonical' href='https://news.example.co.kr/2022/12/06/a1'>"
        "</head><body><article><h1>삼성전자·네이버 맞손</h1><p>입력 2022.12.06 10:30</p>"
        + body
        + "<ul><li>관련 2019.01.01 다른 기사</li></ul><p>© 2019 예시</p></article></body></html>"
    )
    assert parse_article(page).published == _at(2022, 12, 6, 10, 30)


def test_a_page_wrapped_in_a_form_is_read() -> None:
    body = "".join(
        f"<p>삼성전자와 네이버가 {n}번째 반도체를 함께 개발한다.</p>" for n in range(1, 9)
    )
    page = (
        "<html><head><meta property='og:title' content='삼성전자·네이버 맞손'></head><body>"
        "<form id='form1'><div class='menu'><a>로그인</a><a>경제</a></div>"
        "<h1>삼성전자·네이버 맞손</h1>"
        f"<p>입력 2022.12.06 10:30</p><div class='news'>{body}</div>"
        "<div class='copy'>ⓒ 예시경제 무단전재 및 재배포 금지</div></form></body></html>"
    )
    article = parse_article(page)
    assert article.title == "삼성전자·네이버 맞손"
    assert article.published == _at(2022, 12, 6, 10, 30)
    assert _body(article)[-1] == "삼성전자와 네이버가 8번째 반도체를 함께 개발한다."
    assert "로그인" not in article.text
