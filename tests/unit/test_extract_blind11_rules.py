"""Rules written on gold-blind11 (its first score recorded before any of them): a Latin name
in brackets, copular apposition and spokespeople as signs of a firm, university
contractions, units between an organisation and its person, compounds Kiwi splits at a
particle's syllable, '기존에는' lists, joint work over time, undated relative foundings and
a headline's segments. Each with a sentence it must read and, where it can misfire, one it
must not. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable

from allygraph.loaders.extract.grammar import words
from allygraph.models import Extraction

from .conftest import entity_id as _id
from .conftest import members_of as _members
from .conftest import relation_of as _relation
from .conftest import relations

Extract = Callable[..., Extraction]


def test_registered_name_inside_a_bracketed_latin_name_is_not_a_mention(
    extract: Extract,
) -> None:
    x = extract(
        "물류기업 하람로직은 5일 '도심 배송 AI 동맹(Urban Delivery AI Alliance)'을 결성했다."
    )
    assert "AI 얼라이언스" not in {e.name for e in x.entities}  # the registry's 'AI Alliance'
    assert "도심 배송 AI 동맹" in {e.name for e in x.entities}


def test_copular_apposition_and_a_spokesperson_mark_an_unknown_firm(extract: Extract) -> None:
    x = extract(
        "업계 2위 택배사인 새길택배는 이번 협의체에 참여하지 않기로 했다.",
        '새길택배 관계자는 "자체 시스템에 집중하겠다"고 말했다.',
    )
    assert "새길택배" in {e.name for e in x.entities}
    assert not any(r[0] == "MEMBER_OF" for r in relations(x))  # a refusal is no membership


def test_contracted_university_is_the_university_and_its_professor_holds_a_post(
    extract: Extract,
) -> None:
    x = extract(
        "'서남 농업 AI 연합'에는 들녘바이오와 새벽들대학교 스마트팜학과가 참여했다.",
        "새벽들대 스마트팜학과 모하람 교수가 연구 책임을 맡았다.",
        "같은 대학 의과대학 영상의학교실 기윤서 교수도 자문을 맡았다.",
    )
    university = _id(x, "새벽들대학교")
    assert "새벽들대" not in {e.name for e in x.entities}
    professor = _relation(x, "HOLDS_POSITION", _id(x, "모하람"), university)
    assert professor.title == "교수"


def test_units_and_an_apposed_post_between_a_university_and_a_professor(
    extract: Extract,
) -> None:
    x = extract(
        '바다빛대학교 의과대학 영상의학교실 남궁솔 교수는 "판독이 빨라진다"고 말했다.',
        '바다빛대학교 조선공학과 학과장인 여하늘 교수는 "기회"라고 했다.',
    )
    university = _id(x, "바다빛대학교")
    assert _relation(x, "HOLDS_POSITION", _id(x, "남궁솔"), university).title == "교수"
    assert _relation(x, "HOLDS_POSITION", _id(x, "여하늘"), university).title == "학과장"


def test_a_compound_split_at_a_particle_syllable_stays_one_word() -> None:
    # Kiwi reads '영도도장' as 영도 + 도 (particle) + 장; no particle ends a noun mid-word
    (word,) = words("영도도장,")
    assert (word.stem, word.particle) == ("영도도장", "")
    (word,) = words("청솔도장은")
    assert (word.stem, word.particle) == ("청솔도장", "은")
    (word,) = words("협의체도")
    assert (word.stem, word.particle) == ("협의체", "도")


def test_earlier_members_listed_after_a_time_word_are_members_without_a_date(
    extract: Extract,
) -> None:
    x = extract(
        "'남해 조선 AI 협의체'에 중형 조선사 물빛중공업이 지난 4일 새로 가입했다.",
        "협의체는 2018년 5월 출범했다.",
        "기존에는 갈매기엔진, 등대기자재, 바람돛 등 9곳이 참여해 왔다.",
        published="2021-06-08 10:00",
    )
    council = _id(x, "남해 조선 AI 협의체")
    for name in ("갈매기엔진", "등대기자재", "바람돛"):
        relation = _relation(x, "MEMBER_OF", _id(x, name), council)
        assert (relation.role, relation.since) == ("member", None)
    joiner = _relation(x, "MEMBER_OF", _id(x, "물빛중공업"), council)
    assert (joiner.role, str(joiner.since)) == ("member", "2021-06-04")


def test_an_undated_relative_founding_does_not_date_the_founding(extract: Extract) -> None:
    x = extract(
        "중소 부품사들이 꾸린 '영남 부품 AI 협의체'에 대형 조선사 한바다중공업이 지난 3일 "
        "합류했다.",
        published="2021-03-09 10:00",
    )
    council = _id(x, "영남 부품 AI 협의체")
    joiner = _relation(x, "MEMBER_OF", _id(x, "한바다중공업"), council)
    assert (joiner.role, str(joiner.since)) == ("member", "2021-03-03")  # not a founder


def test_work_done_together_over_time_is_a_partnership(extract: Extract) -> None:
    x = extract("물빛중공업은 지난해부터 등대전자와 용접 결함 데이터를 함께 모아 왔다.")
    pair = {_id(x, "물빛중공업"), _id(x, "등대전자")}
    assert any(r[0] == "PARTNERS_WITH" and set(r[1:3]) == pair for r in relations(x))


def test_a_headline_list_is_not_the_next_segments_alliance(extract: Extract) -> None:
    x = extract(
        "농업 AI 스타트업 아그로빗(Agrobit)이 이끄는 컨소시엄이 정부 사업을 따냈다.",
        "아그로빗 컨소시엄은 지난 3월 아그로빗을 주관사로, 새벽들대학교와 센서 기업 "
        "소일큐(SoilQ)를 참여기관으로 꾸려졌다.",
        "이번 사업에서 가장 강력한 대항마로 꼽힌 곳은 '팜웨이브 컨소시엄'이었다.",
        "팜웨이브 컨소시엄은 팜웨이브가 이끌었다.",
        title="아그로빗 컨소시엄, 농업 AI 사업 따냈다\n\n"
        "새벽들대·소일큐 등 참여…'대항마' 팜웨이브 컨소시엄은 고배",
        published="2022-05-24 10:00",
    )
    rival = _members(x, _id(x, "팜웨이브 컨소시엄"))
    assert _id(x, "새벽들대학교") not in rival and _id(x, "소일큐") not in rival
    assert _id(x, "새벽들대학교") in _members(x, _id(x, "아그로빗 컨소시엄"))


def test_names_kiwi_reads_as_verb_forms_are_names_before_a_title(extract: Extract) -> None:
    x = extract(
        "'동북 물류 AI 연합'은 지난 2일 출범했다. 연합에는 새벽물류와 달빛로봇이 참여했다.",
        "의장은 도해인 새벽물류 대표가 맡았다. 협의체는 늘봄은행(행장 문해준) 주도로 출범했다.",
        "신재현 대표가 이끄는 달빛로봇은 창고 로봇을 만든다.",
    )
    people = {e.name for e in x.entities if e.type == "Person"}
    assert {"도해인", "문해준"} <= people  # 도해 + 이 + ㄴ, 문 + 해 + 준 to Kiwi
    assert "이끄는" not in people  # a verb's own form stays a verb
    bank = _relation(x, "HOLDS_POSITION", _id(x, "문해준"), _id(x, "늘봄은행"))
    assert bank.title == "행장"


def test_a_firm_in_a_persons_phrase_of_a_list_of_people_is_still_a_firm(
    extract: Extract,
) -> None:
    x = extract(
        "출범식에서 도해인 그립테크 대표(앞줄 왼쪽 세 번째)와 봉수찬 단단물류 사장(네 번째) "
        "등 참석자들이 기념 촬영을 하고 있다.",
        "'창고 AI 얼라이언스'에는 ▲그립테크(GripTech) ▲단단물류 등 2곳이 창립 회원으로 참여했다.",
    )
    assert "그립테크" in {e.name for e in x.entities}
    boss = _relation(x, "HOLDS_POSITION", _id(x, "봉수찬"), _id(x, "단단물류"))
    assert boss.title == "사장"  # '(네 번째)' is where he stands in the photo


def test_an_engineering_college_contraction_is_the_university(extract: Extract) -> None:
    x = extract(
        "'창고 AI 얼라이언스'에는 단단물류와 새벽공과대학교가 참여했다.",
        "기술 자문은 금나루 새벽공대 교수가 맡았다.",
    )
    university = _id(x, "새벽공과대학교")
    assert "새벽공대" not in {e.name for e in x.entities}
    assert _relation(x, "HOLDS_POSITION", _id(x, "금나루"), university).title == "교수"


def test_particles_close_a_word_that_starts_with_a_root_and_latin() -> None:
    (word,) = words("다독AI가")  # 다독/XR + AI/SL + 가/JKS to Kiwi
    assert (word.stem, word.particle) == ("다독AI", "가")
    (word,) = words("따뜻한")
    assert word.particle == ""  # no particle: a verb form stays whole


def test_special_self_governing_province_keeps_its_do_and_agencies_are_bodies(
    extract: Extract,
) -> None:
    (word,) = words("강원특별자치도,")
    assert (word.stem, word.particle) == ("강원특별자치도", "")
    x = extract(
        "'동해 산림 AI 협의체'는 2024년 3월 강원특별자치도, 산솔드론 등 3곳이 참여해 출범했다.",
        "협의체는 이르면 다음 달 산림청과 업무협약을 체결할 예정이다.",
    )
    bodies = {e.name for e in x.entities if e.type == "GovernmentBody"}
    assert {"강원특별자치도", "산림청"} <= bodies
    assert "거래처" not in {e.name for e in x.entities}


def test_developed_devices_are_products_and_roles_cities_networks_are_no_firms(
    extract: Extract,
) -> None:
    x = extract(
        "협의체의 주력 장비는 산솔드론이 개발한 산불 감시 드론 '산솔X2'이다.",
        "비전 기업 솔빛비전이 개발한 3D 비전 센서 '솔아이(SolEye)'가 쓰인다.",
        "주관병원은 한결대학교병원이 맡았다. 합작법인은 자카르타와 반둥에 거점을 둔다.",
    )
    assert ("DEVELOPS", _id(x, "산솔드론"), _id(x, "산솔X2")) in relations(x)
    assert ("DEVELOPS", _id(x, "솔빛비전"), _id(x, "솔아이")) in relations(x)
    names = {e.name for e in x.entities}
    assert not names & {"장비", "주관병원", "합작법인", "자카르타", "반둥"}


def test_heads_at_the_ceremony_of_the_lead_agreement_sign_it(extract: Extract) -> None:
    x = extract(
        "볼트셀(VoltCell)과 라이다라이드(Lidar Ride)는 지난 23일 자카르타에서 '배터리 AI 협력을 "
        "위한 업무협약(MOU)'을 체결했다.",
        "협약식은 볼트셀 강하준 대표와 라이다라이드 아디트야 누그로호 최고경영자(CEO)가 참석한 "
        "가운데 진행됐다.",
        "협약식에는 볼트셀에 투자한 태산배터리 장기훈 대표이사 사장도 자리를 함께했다.",
        published="2022-09-27 08:10",
    )
    signers = {r[1] for r in relations(x) if r[0] == "SIGNED"}
    assert signers == {_id(x, "강하준"), _id(x, "아디트야 누그로호")}
    head = _relation(x, "HOLDS_POSITION", _id(x, "아디트야 누그로호"), _id(x, "라이다라이드"))
    assert head.title == "최고경영자(CEO)"
    assert "장기훈 대표이사" not in {e.name for e in x.entities}


def test_a_weak_reference_after_an_argument_is_the_alliance_and_diseases_no_firms(
    extract: Extract,
) -> None:
    x = extract(
        "'호남 식품 AI 연합'은 2021년 5월 출범했다.",
        "농업 스타트업 들꽃랩은 이달 초 정회원으로 연합에 합류했다.",
        "들꽃랩은 2020년부터 산솔드론과 소나무재선충병 영상 분석을 함께 해 왔다.",
        published="2022-04-19 10:00",
    )
    joiner = _relation(x, "MEMBER_OF", _id(x, "들꽃랩"), _id(x, "호남 식품 AI 연합"))
    assert str(joiner.since) == "2022-04"
    assert "소나무재선충병" not in {e.name for e in x.entities}
    pair = {_id(x, "들꽃랩"), _id(x, "산솔드론")}
    assert any(r[0] == "PARTNERS_WITH" and set(r[1:3]) == pair for r in relations(x))
