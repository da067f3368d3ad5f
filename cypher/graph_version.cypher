// The graph's version, bumped by every load that changes it; the API derives ETags from it.
// @mode read
// @params
OPTIONAL MATCH (m:GraphMeta {key: 'graph'})
RETURN coalesce(m.version, 0) AS version
