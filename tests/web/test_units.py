"""The web pages' pure parts, without Neo4j: name highlighting in evidence sentences, the
timeline layout, and the language a request gets."""

from __future__ import annotations

from datetime import date

from starlette.requests import Request

from allygraph.service.schemas import EntityRef, Member
from allygraph.service.web.evidence import highlight
from allygraph.service.web.i18n import LABELS, Labels, pick_lang
from allygraph.service.web.timeline import layout


def test_highlight_marks_names_whatever_their_spacing_and_escapes_the_rest() -> None:
    text = "KT는 LG유플러스와 함께 'AI원팀'에 <합류>했다."
    out = str(highlight(text, ["AI 원팀", "LG 유플러스", None, "  "]))
    assert "<mark>AI원팀</mark>" in out
    assert "<mark>LG유플러스</mark>" in out
    assert "&lt;합류&gt;" in out and "&#39;" in out


def test_highlight_prefers_the_longer_name() -> None:
    out = str(highlight("LG유플러스와 LG전자", ["LG", "LG유플러스"]))
    assert out == "<mark>LG유플러스</mark>와 <mark>LG</mark>전자"


def test_highlight_without_names_or_sentence() -> None:
    assert str(highlight("a < b", [])) == "a &lt; b"
    assert str(highlight(None, ["x"])) == ""


def member(id_: str, since: str | None, role: str | None = None, **extra: str) -> Member:
    return Member(
        member=EntityRef(id=id_, type="Company", name=id_.upper()),
        role=role,
        since=since,
        evidence=[],
        **extra,
    )


def test_timeline_sets_founders_apart_and_bars_run_to_today_or_until() -> None:
    chart = layout(
        [
            member("kt", "2020-02-20", "leader"),
            member("kaist", "2020-02-20", "founder"),
            member("lg", "2020-06"),
            member("late", None, first_seen="2021-04-20"),
            member("left", "2020-08-27", until="2021-01-01"),
            member("undated", None),
        ],
        today=date(2024, 1, 1),
    )
    founders, later = chart.groups
    assert founders.key == "founders" and [b.member.id for b in founders.bars] == ["kaist", "kt"]
    assert [b.member.id for b in later.bars] == ["lg", "left", "late"]
    assert [m.id for m in chart.undated] == ["undated"]
    lg, left, late = later.bars
    assert lg.start == date(2020, 6, 1) and lg.ongoing and lg.end == date(2024, 1, 1)
    assert left.end == date(2021, 1, 1) and not left.ongoing
    assert late.dated_by == "first_seen"
    assert founders.bars[0].x < lg.x < left.x < late.x <= chart.today_x <= chart.right
    assert [t.label for t in chart.ticks] == ["2020", "2021", "2022", "2023", "2024"]
    ys = [b.y for g in chart.groups for b in g.bars]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    assert chart.height > ys[-1]


def test_timeline_as_of_a_day_dims_who_was_not_a_member_then() -> None:
    members = [
        member("kt", "2020-02-20", "leader"),
        member("lg", "2020-06-03"),
        member("left", "2020-03-01", until="2020-05-01"),
    ]
    chart = layout(members, today=date(2024, 1, 1), as_of=date(2020, 4, 1))
    active = {b.member.id: b.active for g in chart.groups for b in g.bars}
    assert active == {"kt": True, "lg": False, "left": True}
    assert chart.as_of_x is not None and chart.groups[0].bars[0].x < chart.as_of_x
    plain = layout(members, today=date(2024, 1, 1))
    assert plain.as_of_x is None and all(b.active for g in plain.groups for b in g.bars)


def test_timeline_of_no_member() -> None:
    chart = layout([], today=date(2024, 1, 1))
    assert chart.groups == [] and chart.undated == []


def request(path: str = "/", query: str = "", **headers: str) -> Request:
    raw = [(k.replace("_", "-").lower().encode(), v.encode()) for k, v in headers.items()]
    return Request(
        {"type": "http", "method": "GET", "path": path, "query_string": query.encode(),
         "headers": raw}
    )  # fmt: skip


def test_language_choice() -> None:
    assert pick_lang(request(accept_language="ko-KR,ko;q=0.9,en;q=0.8")) == ("ko", False)
    assert pick_lang(request(accept_language="en-US,en")) == ("en", False)
    assert pick_lang(request(query="lang=en", accept_language="ko")) == ("en", True)
    assert pick_lang(request(cookie="allygraph_lang=ko", accept_language="en")) == ("ko", False)
    assert pick_lang(request(query="lang=fr")) == ("en", False)


def test_every_label_has_both_languages() -> None:
    assert all(ko and en for ko, en in LABELS.values())
    assert Labels("ko")("members") == "구성원" and Labels("en")("members") == "Members"
    assert Labels("en")("no-such-label") == "no-such-label"


def test_pages_say_in_html_when_neo4j_cannot_be_reached() -> None:
    """No JSON problem and no stack trace on a page: an HTML 503 in the reader's language."""
    from fastapi.testclient import TestClient

    from allygraph.service.app import create_app
    from allygraph.settings import Settings
    from tests.conftest import free_port

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        neo4j_connect_timeout=0.5,
        neo4j_query_timeout=1,
    )
    with TestClient(create_app(settings)) as client:
        page = client.get("/alliance/ai-one-team", headers={"Accept-Language": "ko"})
        asset = client.get("/static/app.css")
    assert page.status_code == 503
    assert page.headers["content-type"].startswith("text/html")
    assert "데이터베이스에 연결할 수 없습니다" in page.text and "Traceback" not in page.text
    assert asset.status_code == 200 and len(asset.headers.get_list("etag")) <= 1
