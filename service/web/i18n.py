"""The web pages' labels in Korean and English, and how a request picks its language.

The readers are Korean analysts and journalists as much as foreign ones, so every label
exists in both languages; names of firms and alliances are never translated (they are
data: each entity carries ``name`` and ``name_en`` already). The language comes from
``?lang=`` (remembered in a cookie), else the cookie, else the browser's Accept-Language.
"""

from __future__ import annotations

from typing import Literal

from starlette.requests import Request

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")
COOKIE = "allygraph_lang"

LABELS: dict[str, tuple[str, str]] = {
    # key: (Korean, English)
    "title": ("기업 AI 동맹 지도", "Corporate AI alliances"),
    "tagline": (
        "누가 어느 AI 동맹에 언제부터 속해 있는지, 그 근거가 된 기사 문장과 함께",
        "Who belongs to which AI alliance, since when, with the article sentence behind it",
    ),
    "search": ("검색", "Search"),
    "search_placeholder": (
        "기업·동맹 이름 (예: AI 원팀, KT, 카이스트)",
        "A name (AI One Team, KT, KAIST)",
    ),
    "try": ("예를 들어", "Try"),
    "search_results": ("검색 결과", "Search results"),
    "no_results": ("찾은 것이 없습니다", "Nothing found"),
    "alliances": ("AI 동맹", "Alliances"),
    "alliance": ("동맹", "Alliance"),
    "members": ("구성원", "Members"),
    "member": ("구성원", "Member"),
    "member_count": ("구성원 수", "Members"),
    "kind": ("종류", "Kind"),
    "role": ("역할", "Role"),
    "since": ("참여", "Since"),
    "until": ("탈퇴", "Until"),
    "first_seen": ("첫 보도", "First reported"),
    "leaders": ("주도", "Leaders"),
    "leader": ("주도", "Leader"),
    "formed": ("결성", "Formed"),
    "rivals": ("경쟁 동맹", "Rivals"),
    "agreements": ("협약", "Agreements"),
    "agreement": ("협약", "Agreement"),
    "date": ("날짜", "Date"),
    "place": ("장소", "Place"),
    "parties": ("당사자", "Parties"),
    "as_of": ("기준일", "As of"),
    "today": ("오늘", "today"),
    "show": ("보기", "Show"),
    "all_time": ("전체 기간", "All time"),
    "evidence": ("근거", "Evidence"),
    "source": ("출처", "Source"),
    "open_article": ("기사 열기", "Open article"),
    "timeline": ("구성원 타임라인", "Membership timeline"),
    "founders": ("창립 구성원", "Founders"),
    "joined_later": ("이후 합류", "Joined later"),
    "download_svg": ("SVG로 내려받기", "Download SVG"),
    "compare": ("비교", "Compare"),
    "compare_with": ("다른 동맹과 비교", "Compare with"),
    "compare_title": ("동맹 비교", "Alliances compared"),
    "shared_members": ("공통 구성원", "Shared members"),
    "rivalries": ("경쟁 관계", "Rivalries"),
    "member_rivalries": ("구성원 간 경쟁", "Rivalries between members"),
    "none": ("없음", "none"),
    "organization": ("기관", "Organisation"),
    "person": ("인물", "Person"),
    "memberships": ("참여 동맹", "Memberships"),
    "leads": ("주도하는 동맹", "Leads"),
    "executives": ("임원", "Executives"),
    "partners": ("협력사", "Partners"),
    "competitors": ("경쟁 관계", "Competes with"),
    "products": ("제품", "Products"),
    "articles": ("기사", "Articles"),
    "positions": ("직책", "Positions"),
    "signed": ("서명한 협약", "Signed"),
    "aliases": ("다른 이름", "Also written"),
    "not_found": ("찾을 수 없습니다", "Not found"),
    "did_you_mean": ("혹시 이것을 찾으셨나요?", "Did you mean"),
    "unavailable": ("데이터베이스에 연결할 수 없습니다", "The database cannot be reached"),
    "retry": ("잠시 후 다시 시도해 주세요.", "Please try again shortly."),
    "back_home": ("처음으로", "Home"),
    "language": ("English", "한국어"),
    "Company": ("기업", "Company"),
    "University": ("대학", "University"),
    "ResearchInstitute": ("연구기관", "Research institute"),
    "GovernmentBody": ("정부기관", "Government body"),
    "Person": ("인물", "Person"),
    "Alliance": ("동맹", "Alliance"),
    "Agreement": ("협약", "Agreement"),
    "Product": ("제품", "Product"),
    "role_founder": ("창립", "founder"),
    "role_leader": ("주도", "leader"),
    "role_member": ("구성원", "member"),
    "api": ("API 문서", "API docs"),
    "graph": ("관계도", "Connections"),
    "depth": ("단계", "Steps away"),
    "download_png": ("PNG로 내려받기", "Download PNG"),
    "truncated": ("일부만 표시합니다", "Only part of it is shown"),
    "entities": ("개체", "Entities"),
    "ties": ("관계", "Ties"),
    "tie_MEMBER_OF": ("구성원", "member of"),
    "tie_LEADS": ("주도", "leads"),
    "tie_COMPETES_WITH": ("경쟁", "competes with"),
    "tie_PARTNERS_WITH": ("협력", "partners with"),
    "tie_PARTY_TO": ("협약 당사자", "party to"),
    "tie_SIGNED": ("서명", "signed"),
    "tie_HOLDS_POSITION": ("직책", "holds a position at"),
    "tie_DEVELOPS": ("개발", "develops"),
    "ingest": ("기사 추가", "Add an article"),
    "ingest_off": (
        "기사 추가가 꺼져 있습니다: 서버에 API 키가 없습니다 "
        "(.env에 API_KEY를 설정하고 다시 시작하세요).",
        "Adding articles is off: the server has no API key (set API_KEY in .env and restart).",
    ),
    "text": ("기사 본문", "Article text"),
    "file": ("파일에서 읽기", "Read from a file"),
    "headline": ("제목", "Title"),
    "publisher": ("언론사", "Publisher"),
    "published": ("발행일", "Published"),
    "link": (
        "기사 주소 (URL, 본문이 비어 있으면 이 주소에서 가져옵니다)",
        "Link (URL; with no text above, the article is fetched from it)",
    ),
    "api_key": ("API 키", "API key"),
    "preview": ("미리 보기", "Preview"),
    "load": ("그래프에 넣기", "Load into the graph"),
    "preview_title": ("추출될 내용", "What would be extracted"),
    "new_entity": ("새 개체", "new"),
    "known_entity": ("등록됨", "known"),
    "relations": ("관계", "Relations"),
    "sentence": ("문장", "Sentence"),
    "loaded": ("불러왔습니다", "Loaded"),
    "status": ("상태", "Status"),
    "facts_created": ("새 사실", "New facts"),
    "facts_updated": ("갱신된 사실", "Updated facts"),
    "too_long": (
        "본문이 너무 깁니다. 줄이거나 주소(URL)만 입력해 주세요.",
        "The text is too long for this form: shorten it, or give only its address (URL).",
    ),
    "bad_date": (
        "날짜를 읽을 수 없어 전체 기간의 구성원을 보여 줍니다.",
        "That is not a date: members of all time are shown.",
    ),
    "more_members": (
        "구성원이 500을 넘어 처음 500만 보여 줍니다 (전체 목록은 API에서).",
        "Only the first 500 members are shown (the API pages through all of them).",
    ),
    "size_note": ("본문은 약 7,000자까지", "Up to about 7,000 Korean characters"),
    "objectives": ("목적", "Aims"),
    "signatories": ("서명자", "Signatories"),
    "latest_report": ("최근 보도", "last reported"),
    "stale": ("최근 보도 없음", "not reported lately"),
    "stale_hint": (
        "{days}일 넘게 이 관계를 전한 기사가 없습니다. 지금도 그런지는 알 수 없습니다.",
        "No article has reported this for over {days} days; it may no longer hold.",
    ),
    "graph_hint": ("점을 누르면 그 페이지로 갑니다", "Click an entity to open its page"),
}


def pick_lang(request: Request) -> tuple[Lang, bool]:
    """The request's language, and whether it was chosen just now (so the page sets the
    cookie that keeps it)."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked, True  # type: ignore[return-value]
    kept = request.cookies.get(COOKIE)
    if kept in LANGS:
        return kept, False  # type: ignore[return-value]
    header = request.headers.get("accept-language", "")
    first = header.split(",")[0].strip().lower()
    return ("ko" if first.startswith("ko") else "en"), False


class Labels:
    """``t("members")`` in templates: the label in the page's language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self._index = 0 if lang == "ko" else 1

    def __call__(self, key: str) -> str:
        pair = LABELS.get(key)
        return pair[self._index] if pair else key

    @property
    def other(self) -> Lang:
        return "en" if self.lang == "ko" else "ko"
