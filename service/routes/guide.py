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
        "AI One Team at a glance",
        "Who is in KT's <b>AI One Team</b> (AI 원팀)? Click the ▶ of the query below: Browser "
        "draws the alliance, its members and its leader. Click a circle to see who it is; "
        "drag it to make room.",
        "guide_alliance_picture",
        api="/alliances/ai-one-team/members",
    ),
    Slide(
        "Who was in it on 1 March 2020?",
        "Two steps: run the <code>:param</code> line (it sets the day), then the query. Only "
        "the five founders remain: the LG pair joined on 3 June 2020. Change "
        "<code>as_of</code> in the line and run both again to see another day.",
        "guide_members_on",
        {"id": "ai-one-team", "as_of": "2020-03-01"},
        "/alliances/ai-one-team/members?as_of=2020-03-01",
    ),
    Slide(
        "The rival camps side by side",
        "KT's AI One Team and SK Telecom's AI Super Cooperation (AI 초협력) in one picture: "
        "each camp around its alliance, and the rivalry between them. Set the ids, then run "
        "the query.",
        "guide_compare",
        {"ids": ["ai-one-team", "ai-super-cooperation"]},
        "/alliances/compare?ids=ai-one-team&ids=ai-super-cooperation",
    ),
    Slide(
        "Where does a fact come from?",
        "Every fact keeps the articles and sentences behind it. Here: why LG Uplus counts as a "
        "member of AI One Team, with the article's date, publisher, title and the sentence.",
        "guide_evidence",
        {"member": "lg-uplus", "alliance": "ai-one-team"},
        "/alliances/ai-one-team/members",
    ),
)

# After the questions: where the rest is, then the graph's shape (the schema comes last).
MORE = (
    "<h3>More questions</h3>\n"
    "<p>Every query the API runs is a file in the project's <code>cypher/</code> folder, "
    "runnable here as it is: agreements and who signed them "
    "(<code>agreements.cypher</code>), everything about one organisation "
    "(<code>organization.cypher</code>), how two firms are connected "
    "(<code>paths.cypher</code>), search by any spelling (<code>search.cypher</code>). "
    "Each file's first lines say what it answers and give its <code>:param</code> line.</p>"
    "\n<p>The same answers for people who do not write queries: the web app at "
    '<a href="{url}/" target="_blank">{url}/</a>.</p>'
)
SCHEMA = (
    "<h3>The shape of the graph</h3>\n"
    "<p>Entities (companies, universities, institutes, government bodies, people, alliances, "
    "agreements, products) and the ties between them: <code>MEMBER_OF</code> (role, since, "
    "until), <code>LEADS</code>, <code>PARTY_TO</code>, <code>SIGNED</code>, "
    "<code>HOLDS_POSITION</code>, <code>COMPETES_WITH</code>, <code>PARTNERS_WITH</code>, "
    "<code>DEVELOPS</code>; articles <code>MENTIONS</code> what they name.</p>\n"
    '<pre class="runnable">CALL db.schema.visualization()</pre>'
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
    link = (
        f' The API gives the same at <a href="{html.escape(public_url + slide.api)}" '
        f'target="_blank">{html.escape(slide.api)}</a>.'
        if slide.api
        else ""
    )
    parts.append(
        f"<p><small>File <code>cypher/{html.escape(slide.query)}.cypher</code>.{link}</small></p>"
    )
    return _wrap("\n".join(parts))


def _wrap(body: str) -> str:
    return f'<slide class="row-fluid">\n<div class="col-sm-12">\n{body}\n</div>\n</slide>'


@lru_cache
def render_guide(public_url: str) -> str:
    """The guide's HTML; built once per process (the query files do not change at run time).
    The first slide is one short query that draws AI One Team; then membership on a day,
    the two camps, evidence; the schema last."""
    url = public_url.rstrip("/")
    slides = [_slide(s, url) for s in SLIDES]
    slides += [_wrap(MORE.format(url=html.escape(url))), _wrap(SCHEMA)]
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        "<title>allygraph: corporate AI alliances</title>\n</head>\n<body>\n"
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n</carousel>\n</article>\n</body>\n</html>\n"
    )


@router.get(
    "/guide",
    response_class=HTMLResponse,
    summary="Neo4j Browser guide: play it with `:play http://localhost:8000/guide`",
    responses={200: {"content": {"text/html": {}}, "description": "the guide's HTML"}},
)
async def guide(settings: SettingsDep) -> HTMLResponse:
    return HTMLResponse(render_guide(settings.api_public_url))
