"""``GET /guide``: a Neo4j Browser guide (``:play http://localhost:8000/guide``).

Every runnable query on its slides is the text of a ``cypher/*.cypher`` file, and every
``:param`` line is made from the file's declared parameters, so the guide cannot drift from
the queries the API runs. Browser fetches it cross-origin, hence the CORS headers for
Browser's origins (set on the app in ``service/app.py``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from allygraph.queries import get_query
from allygraph.service.deps import SettingsDep
from allygraph.service.routing import ModelRoute

router = APIRouter(tags=["guide"], route_class=ModelRoute)

# Neo4j Browser on this machine, whatever its port (7474 for `make up`, another for the
# test server): the guide is public, read-only content.
BROWSER_ORIGIN_REGEX = r"https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?"


@dataclass(frozen=True)
class Slide:
    title: str
    text: str
    query: str
    params: dict[str, Any] = field(default_factory=dict)
    api: str = ""


SLIDES: tuple[Slide, ...] = (
    Slide(
        "Who is in AI One Team?",
        "Members with their kind, role, the date they joined and the sentence that says so. "
        "Set the parameters first (click the <code>:param</code> line, then run it), then "
        "run the query.",
        "alliance_members",
        {"id": "ai-one-team", "as_of": None, "kind": None, "after": None, "limit": 100},
        "/alliances/ai-one-team/members",
    ),
    Slide(
        "Who was in it on 1 March 2020?",
        "The same query with <code>as_of</code>: members who had joined by that day and not "
        "yet left. The LG pair joined on 3 June 2020, so only the five founders remain.",
        "alliance_members",
        {"id": "ai-one-team", "as_of": "2020-03-01", "kind": None, "after": None, "limit": 100},
        "/alliances/ai-one-team/members?as_of=2020-03-01",
    ),
    Slide(
        "The rival alliances side by side",
        "KT's AI One Team against SK Telecom's AI Super Cooperation: members, leaders, shared "
        "members, rivalries between the alliances and between their members, and agreements.",
        "alliance_compare",
        {"ids": ["ai-one-team", "ai-super-cooperation"], "as_of": None},
        "/alliances/compare?ids=ai-one-team&ids=ai-super-cooperation",
    ),
    Slide(
        "Agreements and who signed them",
        "Every agreement KT is party to: the other parties, the signatories with their titles, "
        "date, place and objectives.",
        "agreements",
        {"party": "kt"},
        "/agreements?party=kt",
    ),
    Slide(
        "Where does a fact come from?",
        "Every fact about LG Uplus with its evidence: the article, its date, and the sentence "
        "with offsets into the article's text.",
        "organization",
        {"id": "lg-uplus"},
        "/organizations/lg-uplus",
    ),
    Slide(
        "Find an entity by any spelling",
        "An exact match of the normalised spelling first, then the full-text index. Try "
        "<code>KAIST</code>, <code>엘지유플러스</code> or <code>skt</code> as <code>key</code> "
        "and <code>key_term</code>.",
        "search",
        {"key": "카이스트", "key_term": "카이스트", "lucene": "카이스트", "limit": 10},
        "/search?q=카이스트",
    ),
    Slide(
        "How are two companies connected?",
        "Shortest paths over the fact relationships (articles left out).",
        "paths",
        {"from": "lg-uplus", "to": "sk-telecom", "max_hops": 4},
        "/paths?from=lg-uplus&to=sk-telecom",
    ),
)


def cypher_literal(value: Any) -> str:
    """A Python value as a Cypher literal for a ``:param`` line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def param_line(name: str, values: dict[str, Any]) -> str:
    """``:param {...}`` with exactly the parameters the query file declares."""
    declared = get_query(name).params
    missing = [p for p in declared if p not in values]
    unknown = [p for p in values if p not in declared]
    if missing or unknown:
        raise ValueError(f"guide slide for {name}: missing {missing}, unknown {unknown}")
    return ":param " + cypher_literal({p: values[p] for p in declared})


def _slide(slide: Slide, public_url: str) -> str:
    query = get_query(slide.query)
    parts = [f"<h3>{html.escape(slide.title)}</h3>", f"<p>{slide.text}</p>"]
    if query.params:
        parts.append(
            f'<pre class="runnable">{html.escape(param_line(slide.query, slide.params))}</pre>'
        )
    parts.append(f'<pre class="runnable">{html.escape(query.text)}</pre>')
    parts.append(
        f"<p><small>File <code>cypher/{html.escape(slide.query)}.cypher</code>: "
        f"{html.escape(query.doc)}"
        + (
            f' The API answers the same from <a href="{html.escape(public_url + slide.api)}" '
            f'target="_blank">{html.escape(slide.api)}</a>.'
            if slide.api
            else ""
        )
        + "</small></p>"
    )
    body = "\n".join(parts)
    return f'<slide class="row-fluid">\n<div class="col-sm-12">\n{body}\n</div>\n</slide>'


@lru_cache
def render_guide(public_url: str) -> str:
    """The guide's HTML; built once per process (the query files do not change at run time)."""
    intro = (
        '<slide class="row-fluid">\n<div class="col-sm-12">\n'
        "<h3>allygraph: corporate AI alliances in Korean news</h3>\n"
        "<p>Who belongs to which AI alliance, since when, who leads it, which agreements "
        "were signed and by whom, and the article sentence behind every fact.</p>\n"
        "<p>Each slide sets its parameters with a <code>:param</code> line and runs a query "
        "file from the project's <code>cypher/</code> folder, the same text the HTTP API "
        "runs. Click a box to copy it into the editor, or its ▶ to run it.</p>\n"
        '<pre class="runnable">CALL db.schema.visualization()</pre>\n'
        "</div>\n</slide>"
    )
    slides = "\n".join(_slide(s, public_url.rstrip("/")) for s in SLIDES)
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        "<title>allygraph: AI alliances</title>\n</head>\n<body>\n"
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        f"{intro}\n{slides}\n"
        "</carousel>\n</article>\n</body>\n</html>\n"
    )


@router.get(
    "/guide",
    response_class=HTMLResponse,
    summary="Neo4j Browser guide: play it with `:play http://localhost:8000/guide`",
    responses={200: {"content": {"text/html": {}}, "description": "the guide's HTML"}},
)
async def guide(settings: SettingsDep) -> HTMLResponse:
    return HTMLResponse(render_guide(settings.api_public_url))
