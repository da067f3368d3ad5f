// One person: names, positions held (organisation, title as written, since), agreements
// signed, and the articles that mention them, each fact with its evidence.
// @mode read
// @params id
// :param {id: 'koo-hyun-mo'}
MATCH (p:Person {id: $id})
CALL (p) {
  OPTIONAL MATCH (p)-[r:HOLDS_POSITION]->(o:Entity)
  WITH o, r ORDER BY o.id
  WHERE o IS NOT NULL
  RETURN collect({
    organization: o {.id, type: [l IN labels(o) WHERE NOT l IN ['Entity', 'Organization']][0],
                     .name, .name_en},
    title: r.title, since: r.since,
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS positions
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:SIGNED]->(g:Agreement)
  WITH g, r ORDER BY g.date, g.id
  WHERE g IS NOT NULL
  RETURN collect({
    agreement: g {.id, type: 'Agreement', .name, .name_en},
    date: g.date, place: g.place,
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS signed
}
CALL (p) {
  OPTIONAL MATCH (art:Article)-[:MENTIONS]->(p)
  WITH art ORDER BY art.published DESC, art.id
  WHERE art IS NOT NULL
  LIMIT 100
  RETURN collect(art {.id, .title, published: toString(art.published), .publisher, .url})
    AS articles
}
RETURN
  p {.id, type: 'Person', .name, .name_en} AS person,
  coalesce(p.aliases, []) AS aliases,
  positions, signed, articles
