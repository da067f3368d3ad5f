// Bump the graph version after a load that changed the graph; API ETags derive from it.
// @mode write
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1, m.updated_at = datetime()
RETURN m.version AS version
