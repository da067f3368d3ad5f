// Shortest connections between two entities, up to `max_hops` relationships (1..6),
// over the fact relationships only: MENTIONS (and so Article nodes) never count.
// Returns each path's nodes and its relationships with their types and direction.
// Variable-length bounds cannot be parameters, so the pattern allows 6 and the WHERE
// keeps paths no longer than `max_hops`.
// @mode read
// @params from, to, max_hops
// :param {from: 'lg-uplus', to: 'sk-telecom', max_hops: 4}
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE a <> b
MATCH p = allShortestPaths(
  (a)-[:MEMBER_OF|LEADS|PARTY_TO|SIGNED|HOLDS_POSITION|COMPETES_WITH|PARTNERS_WITH|DEVELOPS*..6]-(b))
WHERE length(p) <= toInteger($max_hops)
WITH p LIMIT 25
RETURN
  length(p) AS hops,
  [n IN nodes(p) |
    n {.id, type: [l IN labels(n) WHERE NOT l IN ['Entity', 'Organization']][0], .name,
       .name_en}] AS nodes,
  [r IN relationships(p) |
    {type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role, since: r.since,
     title: r.title}] AS relationships
