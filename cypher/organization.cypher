// Everything the graph knows about one organisation: names and kind, alliance
// memberships with dates and roles, alliances it leads, agreements it is party to,
// executives with their titles, rivals, partners, products, and the (latest 100)
// articles that mention it. Every fact carries its evidence (article, title, date, sentence).
// @mode read
// @params id
// :param {id: 'kt'}
MATCH (o:Organization {id: $id})
CALL (o) {
  OPTIONAL MATCH (o)-[r:MEMBER_OF]->(a:Alliance)
  WITH a, r ORDER BY r.since_start, a.id
  WHERE a IS NOT NULL
  RETURN collect({
    alliance: a {.id, type: 'Alliance', .name, .name_en},
    role: r.role, since: r.since, until: r.until,
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS memberships
}
CALL (o) {
  OPTIONAL MATCH (o)-[r:LEADS]->(a:Alliance)
  WITH a, r ORDER BY a.id
  WHERE a IS NOT NULL
  RETURN collect({
    alliance: a {.id, type: 'Alliance', .name, .name_en},
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS leads
}
CALL (o) {
  OPTIONAL MATCH (o)-[r:PARTY_TO]->(g:Agreement)
  WITH g, r ORDER BY g.date, g.id
  WHERE g IS NOT NULL
  RETURN collect({
    agreement: g {.id, type: 'Agreement', .name, .name_en},
    date: g.date, place: g.place,
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS agreements
}
CALL (o) {
  OPTIONAL MATCH (p:Person)-[r:HOLDS_POSITION]->(o)
  WITH p, r ORDER BY p.id
  WHERE p IS NOT NULL
  RETURN collect({
    person: p {.id, type: 'Person', .name, .name_en},
    title: r.title, since: r.since,
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS executives
}
CALL (o) {
  OPTIONAL MATCH (o)-[r:COMPETES_WITH|PARTNERS_WITH]-(x:Entity)
  WITH x, r ORDER BY type(r), x.id
  WHERE x IS NOT NULL
  WITH type(r) AS kind, {
    entity: x {.id, type: [l IN labels(x) WHERE NOT l IN ['Entity', 'Organization']][0],
               .name, .name_en},
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  } AS tie
  RETURN [t IN collect({kind: kind, tie: tie}) WHERE t.kind = 'COMPETES_WITH' | t.tie] AS rivals,
         [t IN collect({kind: kind, tie: tie}) WHERE t.kind = 'PARTNERS_WITH' | t.tie] AS partners
}
CALL (o) {
  OPTIONAL MATCH (o)-[r:DEVELOPS]->(p:Product)
  WITH p, r ORDER BY p.id
  WHERE p IS NOT NULL
  RETURN collect({
    product: p {.id, type: 'Product', .name, .name_en},
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS products
}
CALL (o) {
  OPTIONAL MATCH (art:Article)-[:MENTIONS]->(o)
  WITH art ORDER BY art.published DESC, art.id
  WHERE art IS NOT NULL
  LIMIT 100
  RETURN collect(art {.id, .title, published: toString(art.published), .publisher, .url})
    AS articles
}
RETURN
  o {.id, type: [l IN labels(o) WHERE NOT l IN ['Entity', 'Organization']][0], .name,
     .name_en} AS organization,
  coalesce(o.aliases, []) AS aliases,
  o.country AS country,
  o.sector AS sector,
  memberships, leads, agreements, executives, rivals, partners, products, articles
