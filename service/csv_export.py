"""CSV answers: ``?format=csv`` or ``Accept: text/csv`` on members, agreements and compare.

One row per fact, a header row, UTF-8 with a byte-order mark (so Excel reads Korean names
right when the file is opened with a double click) and CRLF line ends. A fact's evidence
becomes four columns: the day it was last reported, how many articles report it, their
ids, and the evidence itself, one ``day title: sentence`` line per article, oldest first.
A cell that a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``) is prefixed
with ``'``: sentences come from the web.

JSON stays the default (no ``format``, ``Accept: */*`` or ``application/json``); answers
of these routes ``Vary: Accept``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal

from fastapi import Query, Request, Response
from pydantic import BaseModel

from allygraph.service.schemas import Evidence, Evidenced

CSV_MEDIA = "text/csv; charset=utf-8"
BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Format = Annotated[
    Literal["json", "csv"] | None,
    Query(
        alias="format",
        description="`csv` for a spreadsheet (one row per fact, UTF-8 with BOM); "
        "the same as sending `Accept: text/csv`. JSON by default",
    ),
]

EVIDENCE_COLUMNS = ["latest_evidence", "evidence_count", "article_ids", "evidence"]


def csv_responses(example: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entry documenting the CSV form of a 200 answer."""
    return {
        200: {
            "description": "JSON by default; CSV with `?format=csv` or `Accept: text/csv`",
            "content": {"text/csv": {"schema": {"type": "string"}, "example": example}},
        }
    }


def wants_csv(request: Request, fmt: str | None) -> bool:
    """``format`` decides when given; else the Accept header, when it names text/csv with
    a higher preference than application/json (wildcards alone mean JSON)."""
    if fmt:
        return fmt == "csv"
    best: tuple[float, int, str] | None = None
    for order, part in enumerate(request.headers.get("accept", "").split(",")):
        media, _, params = part.strip().partition(";")
        media = media.strip().lower()
        if media not in ("text/csv", "application/json"):
            continue
        quality = _quality(params)
        if quality > 0 and (best is None or (quality, -order) > best[:2]):
            best = (quality, -order, media)
    return best is not None and best[2] == "text/csv"


def _quality(params: str) -> float:
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def json_response(model: BaseModel) -> Response:
    """The model as the API's JSON, marked as depending on Accept."""
    body = model.__pydantic_serializer__.to_json(model, by_alias=True)
    return Response(body, media_type="application/json", headers={"Vary": "Accept"})


def csv_response(
    header: Sequence[str], rows: Iterable[Sequence[Any]], filename: str, **headers: str
) -> Response:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return Response(
        buffer.getvalue().encode("utf-8"),
        media_type=CSV_MEDIA,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Vary": "Accept",
            **headers,
        },
    )


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def evidence_cells(fact: Evidenced | None) -> list[Any]:
    """The four evidence columns of a fact (empty when the fact carries no evidence)."""
    if fact is None:
        return ["", "", "", ""]
    items = sorted(fact.evidence, key=lambda e: (e.published or "9999", e.article_id))
    return [
        fact.latest_evidence,
        len(items),
        "; ".join(e.article_id for e in items),
        "\n".join(_line(e) for e in items),
    ]


def _line(item: Evidence) -> str:
    day = (item.published or "")[:10]
    title = item.title or item.article_id
    return f"{day} {title}: {item.sentence or ''}".strip()
