// Agreements, optionally only those `party` (an organisation id) is party to, newest
// first: parties, signatories (with the titles they hold at a party), date, place,
// objectives, each tie with its evidence. At most 500.
// @mode read
// @params party
// :param {party: 'kt'}
MATCH (g:Agreement)
WHERE $party IS NULL OR EXISTS { (:Entity {id: $party})-[:PARTY_TO]->(g) }
CALL (g) {
  OPTIONAL MATCH (o)-[r:PARTY_TO]->(g)
  WITH o, r ORDER BY o.id
  WHERE o IS NOT NULL
  RETURN collect({
    entity: o {.id, type: [l IN labels(o) WHERE NOT l IN ['Entity', 'Organization']][0],
               .name, .name_en},
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS parties
}
CALL (g) {
  OPTIONAL MATCH (p:Person)-[r:SIGNED]->(g)
  WITH p, r ORDER BY p.id
  WHERE p IS NOT NULL
  RETURN collect({
    person: p {.id, type: 'Person', .name, .name_en},
    positions: [(p)-[h:HOLDS_POSITION]->(o)-[:PARTY_TO]->(g) |
      {organization: o {.id, type: [l IN labels(o) WHERE NOT l IN ['Entity', 'Organization']][0],
                        .name, .name_en},
       title: h.title}],
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS signatories
}
RETURN
  g {.id, type: 'Agreement', .name, .name_en} AS agreement,
  g.date AS date,
  g.place AS place,
  coalesce(g.objectives, []) AS objectives,
  parties,
  signatories
ORDER BY g.date_start DESC, agreement.id
LIMIT 500
