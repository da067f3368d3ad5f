"""One root exception for the project, and the few kinds callers tell apart.

The CLI turns any of these into a one-line message and exit code 1; the API turns them into
``application/problem+json`` with the status given here. Nothing else reaches a user.
"""

from __future__ import annotations


class AllygraphError(Exception):
    """Root of every error the project raises on purpose."""

    status: int = 400
    title: str = "Bad request"

    def __init__(self, message: str, **extra: object) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra


class IntakeError(AllygraphError):
    """An article file that cannot become an Article (empty, binary, too big, no date)."""

    status = 422
    title = "Unreadable article"


class NotFoundError(AllygraphError):
    status = 404
    title = "Not found"


class QueryRefused(AllygraphError):
    """A Cypher query that the read-only endpoint will not run."""

    status = 403
    title = "Query refused"


class DatabaseUnavailable(AllygraphError):
    status = 503
    title = "Neo4j unavailable"


class LoadError(AllygraphError):
    """An article whose facts could not be written; nothing of it was kept."""

    status = 500
    title = "Load failed"


class CommitInDoubt(DatabaseUnavailable):
    """Neo4j went away while an article's transaction was committing: all of it or none of
    it is in the graph. Loads are idempotent, so running the same load again is safe."""

    title = "Commit in doubt"
