"""Rules written in the session that wrote gold-blind13, each checked on every gold set: first
on gold-blind10's leftovers, then on gold-blind13 after its first score was recorded. Every
name here is invented."""

from __future__ import annotations

from collections.abc import Callable

from allygraph.loaders.extract.grammar import words
from allygraph.models import Extraction

from .conftest import entity_id as _id
from .conftest import relation_of as _relation

Extract = Callable[..., Extraction]


def test_a_verb_made_from_a_derived_noun_is_a_predicate() -> None:
    # 상용 + 화 (XSN) + 하 + 었 + 다: the predicate is the derived noun '상용화'.
    assert words("상용화했다.")[0].predicate == "상용화"


def test_the_object_of_a_derived_making_verb_is_the_subjects_product(extract: Extract) -> None:
    x = extract(
        "의료 IT 기업 한결정보기술은 지난해 병원용 클라우드 '한결메디클라우드'를 상용화했다."
    )
    _relation(x, "DEVELOPS", _id(x, "한결정보기술"), _id(x, "한결메디클라우드"))


def test_an_adverb_glued_to_nouns_is_part_of_a_name() -> None:
    # 한결/MAG + 정보 + 기술 + 은: Korean spaces an adverb off its noun, so this is one name.
    word = words("한결정보기술은")[0]
    assert (word.stem, word.particle, word.proper) == ("한결정보기술", "은", True)


def test_a_part_of_a_year_is_dated_to_its_year() -> None:
    from datetime import date

    from allygraph.loaders.extract.dates import find_dates

    found = find_dates("2019년 하반기 결성됐고 올 1분기 탈퇴했다", date(2021, 12, 14))
    assert [d.value for d in found] == ["2019", "2021"]


def test_a_misread_name_after_an_adnominal_verb_and_a_determiner() -> None:
    # 곱/VA + 은/ETM + 결 + 병리 + 가; 눈빛 + 에/JKB + 이/MM + 아이 + 는
    assert (words("고운결병리가")[0].stem, words("고운결병리가")[0].predicate) == (
        "고운결병리",
        None,
    )
    assert words("눈빛에이아이는")[0].stem == "눈빛에이아이"


def test_a_withdrawal_after_a_quarter_refers_to_the_alliance(extract: Extract) -> None:
    x = extract(
        "국내 의료영상 AI 기업들이 만든 '늘봄 AI 얼라이언스'가 해산했다.",
        "안저영상 AI 기업 밝은눈에이아이는 올 1분기 얼라이언스에서 먼저 탈퇴했다.",
        published="2021-12-14 05:30",
    )
    left = _relation(x, "MEMBER_OF", _id(x, "밝은눈에이아이"), _id(x, "늘봄 AI 얼라이언스"))
    assert left.until == "2021"


def test_a_join_told_as_a_noun_belongs_to_the_genitive(extract: Extract) -> None:
    x = extract(
        "'가온 양자AI 협의회'는 지난 15일 운영위원회를 열어 국책 연구기관 소라반도체연구원과 "
        "광학부품 기업 빛결포토닉스의 신규 가입을 승인했다.",
        published="2022-04-19 17:40",
    )
    council = _id(x, "가온 양자AI 협의회")
    for name in ("소라반도체연구원", "빛결포토닉스"):
        assert _relation(x, "MEMBER_OF", _id(x, name), council).since == "2022-04-15"


def test_an_adnominal_join_takes_no_date_from_the_main_clause(extract: Extract) -> None:
    x = extract(
        "'가온 양자AI 협의회'는 지난해 6월 출범했다.",
        "협의회에 참여한 새물결대학교와 다온반도체는 올해 초부터 공동 과제를 진행하고 있다.",
        published="2022-04-19 17:40",
    )
    council = _id(x, "가온 양자AI 협의회")
    assert _relation(x, "MEMBER_OF", _id(x, "다온반도체"), council).since is None


def test_a_described_item_after_a_comma_and_geurigo_is_listed(extract: Extract) -> None:
    x = extract(
        "지난달 구성된 '새길 모빌리티 컨소시엄'은 자율주행 기업 새길모빌리티가 주관하고, 차량 "
        "제조사 한빛모터스와 관제 플랫폼 기업 다색관제, 그리고 독일 라이다 기업 Kelbrach "
        "Optik이 참여했다.",
        published="2023-06-20 15:41",
    )
    consortium = _id(x, "새길 모빌리티 컨소시엄")
    for name in ("한빛모터스", "다색관제", "Kelbrach Optik"):
        _relation(x, "MEMBER_OF", _id(x, name), consortium)


def test_spacing_variants_of_an_alliance_are_one(extract: Extract) -> None:
    x = extract(
        "공모에 '새길 모빌리티 컨소시엄'이 제안서를 냈다.",
        "새길모빌리티 컨소시엄에는 한빛모터스가 참여했다.",
        title="새길모빌리티 컨소시엄 제안서 제출",
    )
    alliances = [e for e in x.entities if e.type == "Alliance"]
    assert [e.name for e in alliances] == ["새길 모빌리티 컨소시엄"]


def test_a_bracketed_lead_role_names_the_leader(extract: Extract) -> None:
    x = extract(
        "공모에 '동녘 스마트셔틀 컨소시엄'이 제안서를 냈다.",
        "동녘 스마트셔틀 컨소시엄(대표사 늘푸른교통)에는 버스 운수사 새말운수가 이름을 올렸다.",
        '대표사인 늘푸른교통의 편주안 전무는 "경험이 중요하다"고 말했다.',
    )
    lead, consortium = _id(x, "늘푸른교통"), _id(x, "동녘 스마트셔틀 컨소시엄")
    _relation(x, "LEADS", lead, consortium)
    _relation(x, "MEMBER_OF", _id(x, "새말운수"), consortium)
    assert _relation(x, "HOLDS_POSITION", _id(x, "편주안"), lead).title == "전무"


def test_a_latin_spelling_in_brackets_is_no_second_firm(extract: Extract) -> None:
    x = extract(
        "컨소시엄은 주관사 아그로바와 토양 센서 기업 흙센스(SoilSense), 재단법인 "
        "전북농업AI연구원을 참여기관으로 꾸려졌다."
    )
    names = {e.name for e in x.entities}
    assert "흙센스" in names and "SoilSense" not in names


def test_a_latin_name_of_two_words_takes_its_descriptor(extract: Extract) -> None:
    x = extract(
        "출범 당시에는 해온라인해운과 물새조선 및 싱가포르 선박 데이터 기업 Corvane Maritime 등 "
        "3곳이 참여했다."
    )
    assert "Corvane Maritime" in {e.name for e in x.entities}


def test_a_long_word_ending_in_do_is_no_province(extract: Extract) -> None:
    x = extract(
        "해온라인해운이 개발한 탄소집약도(CII) 예측 AI 'CII Pilot'으로 선박별 연료 소모를 관리한다."
    )
    names = {e.name for e in x.entities}
    assert "탄소집약도" not in names
    _relation(x, "DEVELOPS", _id(x, "해온라인해운"), _id(x, "CII Pilot"))


def test_a_list_through_a_bracketed_latin_name_and_a_compound_descriptor(
    extract: Extract,
) -> None:
    x = extract(
        "'서해 스마트양식 AI 연합'이 지난 14일 출범했다.",
        "연합에는 바다결수협과 보름전복영어조합법인, 수온 예측 스타트업 물결랩, 노르웨이 양식 AI "
        "기업 노르스크(Norsk Aqua) 및 해조류 가공업체 갯바람식품 등 9개 기관이 창립 회원으로 "
        "참여했다.",
        published="2025-03-18 17:20",
    )
    alliance = _id(x, "서해 스마트양식 AI 연합")
    names = {e.name for e in x.entities}
    assert not {"노르웨이", "노르웨"} & names
    for name in ("물결랩", "노르스크", "갯바람식품"):
        assert _relation(x, "MEMBER_OF", _id(x, name), alliance).role == "founder"


def test_a_quoted_name_a_making_clause_introduces_is_a_product(extract: Extract) -> None:
    x = extract(
        "비전검사 장비 기업 새빛비전이 개발한 전극 결함 검사장비 '홑눈 V2'의 매출이 두 배로 늘었다."
    )
    _relation(x, "DEVELOPS", _id(x, "새빛비전"), _id(x, "홑눈 V2"))
