"""All configuration in one place, from the environment or a ``.env`` file.

Defaults match what ``scripts/neo4j`` sets up, so a fresh clone works with no ``.env``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The API's read routes whose answers come from the graph alone (service/cache.py).
READ_CACHE_ROUTES = (
    "/alliances",
    "/alliances/{id}",
    "/alliances/{id}/members",
    "/alliances/compare",
    "/organizations/{id}",
    "/people/{id}",
    "/agreements",
    "/search",
    "/paths",
    "/graph",
    "/articles",
    "/articles/{id}",
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("allygraph-dev")
    neo4j_database: str = "neo4j"
    # Seconds the driver waits for a connection before the API answers 503.
    neo4j_connect_timeout: float = Field(default=3.0, gt=0)
    # Seconds any single query may run (the read-only Cypher endpoint may only lower it).
    neo4j_query_timeout: float = Field(default=10.0, gt=0)

    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    # Enables POST /articles when set; requests must send it as X-API-Key.
    api_key: SecretStr | None = None
    # One log line per request; off by default, it costs a measurable share of a fast request.
    api_access_log: bool = False
    # Public base URL of the API, used in the Neo4j Browser guide links.
    api_public_url: str = "http://localhost:8000"

    data_dir: Path = PROJECT_ROOT / "data"
    registry_path: Path = PROJECT_ROOT / "data" / "registry.yaml"
    overrides_dir: Path = PROJECT_ROOT / "data" / "overrides"
    # Articles larger than this are refused before they are read.
    max_article_bytes: int = Field(default=2_000_000, gt=0)
    # Seconds one article may take in the extractor (loaders/workers.py): past it the
    # worker is killed and the article refused (422 / a named CLI failure), nothing written.
    extract_budget_seconds: float = Field(default=20.0, gt=0, le=3600)
    # Extraction worker processes (API ingest and `allygraph load`; `--jobs` overrides).
    extract_workers: int = Field(default=2, ge=1, le=64)
    # Articles fetched from the web (loaders/fetch.py): seconds the whole fetch may take,
    # and how many redirects it follows.
    fetch_timeout: float = Field(default=10.0, gt=0, le=300)
    fetch_max_redirects: int = Field(default=5, ge=0, le=30)
    # POST /articles {"url"} fetches only public addresses unless this is set (loaders/fetch.py).
    fetch_allow_private: bool = False

    cypher_row_limit: int = Field(default=1000, gt=0)
    # POST /cypher guards (service/cypher_guard.py, service/encode.py). Neo4j's parser
    # recurses per bracket and overflows its stack on ~10k nested ones, so text deeper than
    # this is refused before Neo4j sees it; values (results and params) deeper than it are
    # refused too, because encoders recurse per level.
    cypher_max_depth: int = Field(default=64, ge=4, le=500)
    # Operators in one query text: long chains (1 + 1 + ...) build an AST as deep.
    cypher_max_operators: int = Field(default=1000, ge=10, le=10_000)
    # Ad-hoc queries running at once; more are answered 429 at once, so they never hold
    # more than this many of the driver's connections (the other routes keep the rest).
    cypher_max_concurrent: int = Field(default=4, ge=1, le=50)
    # Bytes of JSON rows in one answer; past it the rows stop and `truncated` is set.
    cypher_max_response_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)
    # Also require API_KEY (sent as X-API-Key) for POST /cypher.
    cypher_requires_key: bool = False

    # A rivalry whose newest evidence is older than this many days is marked stale in the
    # API and on the pages (service/freshness.py): nobody has reported it lately.
    rivalry_stale_days: int = Field(default=730, ge=1, le=36_500)

    # Circuit breaker (service/breaker.py): after a connection failure requests are answered
    # 503 at once for this many seconds, then one request probes Neo4j.
    neo4j_breaker_interval: float = Field(default=0.5, gt=0, le=60)

    # Read cache (service/cache.py): whole GET answers kept in the API process until the
    # graph version moves. READ_CACHE=false turns it off; READ_CACHE_ROUTES lists the routes
    # it serves (path templates, comma-separated; leave one out to switch it off);
    # READ_CACHE_MAX_BYTES bounds its memory (least recently used answers go first); the
    # graph version is re-read at most every READ_CACHE_VERSION_TTL seconds, so a load by
    # another process (the CLI) is seen at most that late, one through the API at once.
    read_cache: bool = True
    read_cache_max_bytes: int = Field(default=64 * 1024 * 1024, ge=0)
    read_cache_routes: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(READ_CACHE_ROUTES)
    )
    read_cache_version_ttl: float = Field(default=0.005, ge=0, le=1)

    @field_validator("read_cache_routes", mode="before")
    @classmethod
    def _routes_from_a_list(cls, value: object) -> object:
        """``READ_CACHE_ROUTES=/search,/alliances/{id}/members`` (or a JSON list)."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [r.strip() for r in text.split(",") if r.strip()]
        return value

    @field_validator("api_key", mode="before")
    @classmethod
    def _empty_key_is_no_key(cls, value: object) -> object:
        """``API_KEY=`` (as docker-compose passes an unset variable) disables ingest."""
        return None if isinstance(value, str) and not value.strip() else value


@lru_cache
def get_settings() -> Settings:
    return Settings()
