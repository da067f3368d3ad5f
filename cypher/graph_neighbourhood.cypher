// The neighbourhood of one entity for drawing: entities up to `depth` (1..3) fact
// relationships away (MENTIONS and articles left out), nearest first, at most `limit`
// nodes, and every fact relationship among the nodes returned. Variable-length bounds
// cannot be parameters, so each depth is its own branch, switched on by `depth`; each
// branch stops after `limit` distinct nodes, so a hub of 100k members stays cheap.
// @mode read
// @params center, depth, limit
// :param {center: 'ai-one-team', depth: 2, limit: 200}
MATCH (c:Entity {id: $center})
CALL (c) {
  CALL (c) {
    MATCH (c)-[:MEMBER_OF|LEADS|PARTY_TO|SIGNED|HOLDS_POSITION|COMPETES_WITH|PARTNERS_WITH|DEVELOPS]-(n:Entity)
    RETURN DISTINCT n, 1 AS d LIMIT toInteger($limit)
    UNION
    WITH c WHERE toInteger($depth) >= 2
    MATCH (c)-[:MEMBER_OF|LEADS|PARTY_TO|SIGNED|HOLDS_POSITION|COMPETES_WITH|PARTNERS_WITH|DEVELOPS*2]-(n:Entity)
    RETURN DISTINCT n, 2 AS d LIMIT toInteger($limit)
    UNION
    WITH c WHERE toInteger($depth) >= 3
    MATCH (c)-[:MEMBER_OF|LEADS|PARTY_TO|SIGNED|HOLDS_POSITION|COMPETES_WITH|PARTNERS_WITH|DEVELOPS*3]-(n:Entity)
    RETURN DISTINCT n, 3 AS d LIMIT toInteger($limit)
  }
  WITH c, n, min(d) AS d
  WHERE n <> c
  WITH n, d ORDER BY d, n.id
  LIMIT toInteger($limit) - 1
  RETURN collect(n) AS near
}
WITH c, [c] + near AS ns
CALL (ns) {
  UNWIND ns AS x
  MATCH (x)-[r:MEMBER_OF|LEADS|PARTY_TO|SIGNED|HOLDS_POSITION|COMPETES_WITH|PARTNERS_WITH|DEVELOPS]->(y)
  WHERE y IN ns
  WITH x, r, y ORDER BY x.id, type(r), y.id
  RETURN collect({type: type(r), from: x.id, to: y.id, role: r.role, since: r.since,
                  title: r.title}) AS edges
}
RETURN
  c.id AS center,
  [n IN ns |
    n {.id, type: [l IN labels(n) WHERE NOT l IN ['Entity', 'Organization']][0], .name,
       .name_en}] AS nodes,
  edges
