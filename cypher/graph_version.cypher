// The graph's version, bumped by every load that changes it; the API derives ETags from it,
// and its read cache keys answers by version and stamp (the time of the last bump: a graph
// emptied and loaded again starts its versions at 1 again, with a new stamp).
// @mode read
// @params
OPTIONAL MATCH (m:GraphMeta {key: 'graph'})
RETURN coalesce(m.version, 0) AS version, toString(m.updated_at) AS stamp
