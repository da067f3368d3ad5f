"""Rules added after blind set 3 (tests/data/gold-blind2): page chrome of real outlets,
foreign names, titles glued to names, own and co-developed products, investments, rivals,
applications approved and secretariats named after the cue. Each rule with a sentence it
must read and one it must not."""

from __future__ import annotations

from collections.abc import Callable

from allygraph.loaders.intake import parse_article
from allygraph.models import Extraction

from .conftest import relations

Extract = Callable[..., Extraction]


def _id(x: Extraction, name: str) -> str:
    return next(e.id for e in x.entities if e.name == name or name in e.aliases)


def _names(x: Extraction) -> set[str]:
    return {e.name for e in x.entities}


def _titles(x: Extraction) -> dict[tuple[str, str], str | None]:
    return {(r.from_, r.to): r.title for r in x.relations if r.type == "HOLDS_POSITION"}


# --- intake --------------------------------------------------------------------------------


def test_related_article_links_are_dropped() -> None:
    raw = (
        "제목\n입력 2024.03.21 17:44\n삼성전자는 엔비디아와 손잡았다고 밝혔다.\n관련기사\n"
        'SK하이닉스, 엔비디아에 HBM3E 공급…"격차 벌린다"\n인텔, 파운드리 고객 확보\n'
        "ⓒ 매일경제 무단전재 및 재배포 금지"
    )
    article = parse_article(raw)
    assert "SK하이닉스" not in article.text and "인텔" not in article.text
    # a sentence after the block is the story again
    raw2 = raw.replace(
        "인텔, 파운드리 고객 확보\n", "인텔, 파운드리 고객 확보\n한편 KT도 참여했다.\n"
    )
    assert "한편 KT도 참여했다." in parse_article(raw2).text


def test_footers_with_reporter_or_address_are_chrome() -> None:
    raw = (
        "제목\n2024-04-09 14:20:33\n서울아산병원은 컨소시엄을 꾸렸다고 밝혔다.\n"
        "/김윤희 기자 ZDNet Korea\n◎공감언론 뉴시스 hjbyun@newsis.com\nⓒ 뉴시스"
    )
    text = parse_article(raw).text
    assert "김윤희" not in text and "hjbyun" not in text
    # a byline that opens the story keeps the story
    lead = parse_article("제목\n2024-04-09\n홍길동 기자 = KT가 협의체를 출범했다.").text
    assert "KT가 협의체를 출범했다." in lead


def test_a_flash_with_a_headline_like_body_is_read() -> None:
    raw = (
        "[속보] 카카오, 오픈AI와 제휴\n입력 2025.02.04 10:31\n"
        "카카오·오픈AI 전략적 제휴…카나나에 모델 적용"
    )
    article = parse_article(raw)
    assert len(article.paragraphs) == 1 and article.paragraphs[0].startswith("카카오·오픈AI")


# --- people --------------------------------------------------------------------------------


def test_registered_foreign_names_before_org_and_title(extract: Extract) -> None:
    x = extract("젠슨 황 엔비디아 CEO와 사티아 나델라 MS CEO가 참석했다.")
    assert _titles(x)[("jensen-huang", "nvidia")] == "CEO"
    assert _titles(x)[("satya-nadella", "microsoft")] == "CEO"
    assert "나델라" not in _names(x)


def test_unknown_foreign_names_with_or_without_latin(extract: Extract) -> None:
    x = extract(
        "다리오 길(Dario Gil) IBM 수석부사장은 이날 말했다. Jim Keller 인텔 고문도 참석했다."
    )
    gil = _id(x, "다리오 길")
    assert _titles(x)[(gil, "ibm")] == "수석부사장"
    assert next(e for e in x.entities if e.id == gil).name_en == "Dario Gil"
    assert ("Jim Keller" in _names(x)) and _titles(x)[(_id(x, "Jim Keller"), "intel")] == "고문"
    # a Korean name keeps the Korean rule; common words are no name
    y = extract("앞서 김영섭 KT 대표는 말했다. 미국 스타트업 인텔 대표도 왔다.")
    assert {e.name for e in y.entities if e.type == "Person"} == {"김영섭"}


def test_title_glued_to_the_organisation(extract: Extract) -> None:
    x = extract("박승일 서울아산병원장은 말했다. 방승찬 한국전자통신연구원장도 참석했다.")
    assert _titles(x)[(_id(x, "박승일"), "asan-medical-center")] == "병원장"
    assert _titles(x)[(_id(x, "방승찬"), "etri")] == "원장"
    y = extract("서울아산병원장례식장 이용객이 늘었다.")
    assert not any(e.type == "Person" for e in y.entities)


def test_hospital_suffix_but_not_common_nouns(extract: Extract) -> None:
    x = extract("한빛미래병원은 의료 AI 협의체에 합류했다. 대학병원과 요양병원도 관심을 보였다.")
    assert "한빛미래병원" in _names(x)
    assert not {"대학병원", "요양병원"} & _names(x)


# --- products ------------------------------------------------------------------------------


def test_own_products_and_npu_nouns(extract: Extract) -> None:
    x = extract("리벨리온은 자사 NPU '아톰'용 개발 도구 '리벨 SDK'를 공개했다.")
    assert ("DEVELOPS", "rebellions", _id(x, "아톰")) in relations(x)
    assert ("DEVELOPS", "rebellions", _id(x, "리벨 SDK")) in relations(x)
    # another organisation between: not the subject's own
    y = extract("리벨리온은 자사 서버에 엔비디아의 가속기 'H100'을 넣었다.")
    assert ("DEVELOPS", "rebellions", _id(y, "H100")) not in relations(y)


def test_co_developed_product(extract: Extract) -> None:
    x = extract("리벨리온은 KT와 공동 개발한 차세대 칩 '리벨'도 연내 양산에 들어간다.")
    rebel = _id(x, "리벨")
    assert {("DEVELOPS", "rebellions", rebel), ("DEVELOPS", "kt", rebel)} <= relations(x)


def test_maker_after_product_and_latin_product_names(extract: Extract) -> None:
    x = extract("챗GPT 개발사 오픈AI는 이날 발표했다. 엔비디아의 소프트웨어 플랫폼 CUDA에 맞선다.")
    assert ("DEVELOPS", "openai", "chatgpt") in relations(x)
    assert ("DEVELOPS", "nvidia", _id(x, "CUDA")) in relations(x)
    y = extract("퓨리오사AI는 2세대 NPU '레니게이드(RNGD)'를 하반기 양산한다.")
    rngd = next(e for e in y.entities if e.name == "레니게이드")
    assert rngd.name_en == "RNGD" and ("DEVELOPS", "furiosa-ai", rngd.id) in relations(y)
    # a generic acronym names no product
    z = extract(
        "코난테크놀로지는 공공 특화 거대언어모델(LLM)을 공급한다. 업체들은 플랫폼 AI를 쓴다."
    )
    assert not any(e.type == "Product" for e in z.entities)


# --- relations -----------------------------------------------------------------------------


def test_investment_is_a_partnership(extract: Extract) -> None:
    x = extract("MS는 오픈AI에 130억달러를 투자하며 동맹을 다졌다.")
    assert ("PARTNERS_WITH", "microsoft", "openai") in relations(x)
    y = extract("MS는 오픈AI에 130억달러를 투자할 계획이다.")
    assert not any(r.type == "PARTNERS_WITH" for r in y.relations)


def test_challenger_and_mutual_checks(extract: Extract) -> None:
    x = extract("앤트로픽은 오픈AI의 대항마로 꼽힌다. KT와 SK텔레콤은 서로를 견제하고 있다.")
    assert ("COMPETES_WITH", "anthropic", "openai") in relations(x)
    assert ("COMPETES_WITH", "kt", "sk-telecom") in relations(x)
    y = extract("정부는 빅테크를 견제하고 있다. 오픈AI의 대항마는 아직 없다.")
    assert not any(r.type == "COMPETES_WITH" for r in y.relations)


def test_application_approved_and_phase_joins(extract: Extract) -> None:
    x = extract(
        "KT는 'AI 네트워크 얼라이언스'를 결성했다. 2기에는 LG유플러스와 인텔, 시스코가 새로 "
        "합류했다. 퓨리오사AI의 가입 신청도 이달 초 승인됐다."
    )
    alliance = _id(x, "AI 네트워크 얼라이언스")
    members = {r.from_ for r in x.relations if r.type == "MEMBER_OF" and r.to == alliance}
    assert {"lg-uplus", "intel", "cisco", "furiosa-ai"} <= members
    y = extract(
        "KT는 'AI 네트워크 얼라이언스'를 결성했다.", "퓨리오사AI의 가입 신청은 검토 중이다."
    )
    assert ("MEMBER_OF", "furiosa-ai", _id(y, "AI 네트워크 얼라이언스")) not in relations(y)


def test_join_after_according_to_the_industry(extract: Extract) -> None:
    x = extract("15일 업계에 따르면 삼성전자와 SK텔레콤은 최근 'AI 얼라이언스' 참여를 선언했다.")
    assert {("MEMBER_OF", "samsung-electronics", "ai-alliance"),
            ("MEMBER_OF", "sk-telecom", "ai-alliance")} <= relations(x)  # fmt: skip


def test_secretariat_named_after_the_cue(extract: Extract) -> None:
    x = extract("'공공 AI 전환 협의체'가 발족했다. 사무국은 한국지능정보사회진흥원(NIA)이 맡는다.")
    assert ("MEMBER_OF", "nia", _id(x, "공공 AI 전환 협의체")) in relations(x)
    y = extract("'공공 AI 전환 협의체'가 발족했다. 사무국은 NIA가 있는 건물에 둔다.")
    assert not any(r.type == "MEMBER_OF" and r.from_ == "nia" for r in y.relations)
