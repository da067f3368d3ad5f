from __future__ import annotations

from pathlib import Path

import pytest

from allygraph.loaders.registry import Registry, RegistryEntry, RegistryError, default_registry
from allygraph.loaders.romanise import person_name_en, person_slug, slugify
from allygraph.models import ENTITY_TYPES


@pytest.fixture(scope="module")
def registry() -> Registry:
    return default_registry()


def test_registry_is_curated(registry: Registry) -> None:
    # hand-curated: the Korean AI landscape (firms, hospitals, agencies, universities), not a dump
    assert 100 <= len(registry) <= 350
    assert {e.type for e in registry} == set(ENTITY_TYPES) - {"Agreement"}
    for gold_id in ("kt", "lg-uplus", "lg-electronics", "sk-telecom", "samsung-electronics",
                    "kakao", "kaist", "etri", "hanyang-university", "hhi-holdings",
                    "ai-one-team", "ai-super-cooperation", "giga-genie", "thinq", "nugu",
                    "msit"):  # fmt: skip
        assert gold_id in registry


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("AI원팀", "ai-one-team"),
        ("AI 원팀", "ai-one-team"),
        ("lg u+", "lg-uplus"),
        ("LG U+", "lg-uplus"),
        ("LGU+", "lg-uplus"),
        ("엘지유플러스", "lg-uplus"),
        ("SKT", "sk-telecom"),
        ("ＳＫＴ", "sk-telecom"),  # full-width, NFKC
        ("카이스트", "kaist"),
        ("한양대학교", "hanyang-university"),
        ("과기정통부", "msit"),
        ("㈜LG", "lg-corp"),
        ("없는회사", None),
    ],
)
def test_lookup_is_tolerant(registry: Registry, surface: str, expected: str | None) -> None:
    entry = registry.lookup(surface)
    assert (entry.id if entry else None) == expected


def test_gazetteer_respects_word_boundaries(registry: Registry) -> None:
    text = "카카오뱅크와 KTX, 메타버스를 말하던 SKT와 KT가 'AI원팀'에 합류했다. 누구나 안다."
    found = [(text[h.start : h.end], h.entry.id) for h in registry.gazetteer.scan(text)]
    assert found == [("카카오뱅크", "kakao-bank"), ("SKT", "sk-telecom"), ("KT", "kt"),
                     ("AI원팀", "ai-one-team")]  # fmt: skip


def test_strict_names_need_confirmation(registry: Registry) -> None:
    text = "SK텔레콤의 AI 플랫폼 누구(NUGU)는 누구나 쓴다."
    found = [(text[h.start : h.end], h.entry.id) for h in registry.gazetteer.scan(text)]
    assert ("누구(NUGU)", "nugu") in found
    assert len([f for f in found if f[1] == "nugu"]) == 1


def test_duplicate_names_are_refused() -> None:
    a = RegistryEntry(id="a", type="Company", name="에이")
    b = RegistryEntry(id="b", type="Company", name="비", aliases=("에이",))
    with pytest.raises(RegistryError, match="belongs to both"):
        Registry([a, b])


def test_bad_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("entries:\n  - {id: Not A Slug, type: Company, name: x}\n")
    with pytest.raises(RegistryError) as info:
        Registry.load(path)
    assert "\n" not in str(info.value)


def test_slugs_for_new_entities() -> None:
    assert person_slug("박일평") == "park-il-pyeong"
    assert person_name_en("박일평") == "Park Il-pyeong"
    assert person_slug("남궁민수") == "namgoong-min-su"
    assert slugify("현대중공업지주") == "hyeondaejunggongeopjiju"
    assert slugify("Global Telco AI") == "global-telco-ai"
