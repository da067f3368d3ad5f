// One article and the facts it supports: every fact relationship whose evidence lists
// this article, with the sentence and offsets it gives, and the entities it mentions.
// @mode read
// @params id
// :param {id: 'replace-with-an-article-id'}
MATCH (art:Article {id: $id})
CALL (art) {
  OPTIONAL MATCH (art)-[:MENTIONS]->(e:Entity)
  WITH e ORDER BY e.id
  WHERE e IS NOT NULL
  RETURN collect(e {.id, type: [l IN labels(e) WHERE NOT l IN ['Entity', 'Organization']][0],
                    .name, .name_en}) AS mentions
}
CALL (art) {
  OPTIONAL MATCH (art)-[:MENTIONS]->(x:Entity)-[r]->(y:Entity)
  WHERE art.id IN r.article_ids
  WITH x, r, y ORDER BY type(r), x.id, y.id
  WHERE r IS NOT NULL
  RETURN collect({
    type: type(r),
    from: x {.id, type: [l IN labels(x) WHERE NOT l IN ['Entity', 'Organization']][0],
             .name, .name_en},
    to: y {.id, type: [l IN labels(y) WHERE NOT l IN ['Entity', 'Organization']][0],
           .name, .name_en},
    role: r.role, since: r.since, until: r.until, title: r.title,
    evidence: [i IN range(0, size(r.article_ids) - 1) WHERE r.article_ids[i] = art.id |
      {article_id: art.id, title: art.title, published: toString(art.published),
       sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]}]
  }) AS facts
}
RETURN
  art {.id, .title, .subtitle, published: toString(art.published), .publisher, .url,
       .source_path} AS article,
  mentions,
  facts
