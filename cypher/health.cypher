// Liveness of the database: one row when Neo4j answers queries.
// @mode read
RETURN 1 AS ok
