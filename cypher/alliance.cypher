// One alliance: its names, leaders (with the sentence that says so), the date it was
// formed (earliest member `since`), member counts by kind today, and rival alliances.
// @mode read
// @params id
// :param {id: 'ai-one-team'}
MATCH (a:Alliance {id: $id})
CALL (a) {
  OPTIONAL MATCH (l)-[r:LEADS]->(a)
  WITH l, r ORDER BY l.id
  WHERE l IS NOT NULL
  RETURN collect({
    entity: l {.id, type: [x IN labels(l) WHERE NOT x IN ['Entity', 'Organization']][0],
               .name, .name_en},
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS leaders
}
CALL (a) {
  OPTIONAL MATCH (m)-[r:MEMBER_OF]->(a)
  WHERE r.until_start IS NULL OR r.until_start > date()
  WITH [l IN labels(m) WHERE NOT l IN ['Entity', 'Organization']][0] AS kind, count(m) AS n
  WHERE kind IS NOT NULL
  WITH kind, n ORDER BY kind
  RETURN collect({kind: kind, count: n}) AS members_by_kind, sum(n) AS member_count
}
CALL (a) {
  OPTIONAL MATCH ()-[r:MEMBER_OF]->(a)
  WITH r ORDER BY r.since_start
  RETURN head(collect(r.since)) AS formed
}
CALL (a) {
  OPTIONAL MATCH (a)-[r:COMPETES_WITH]-(o:Alliance)
  WITH o, r ORDER BY o.id
  WHERE o IS NOT NULL
  RETURN collect({
    entity: o {.id, type: 'Alliance', .name, .name_en},
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS rivals
}
RETURN
  a {.id, type: 'Alliance', .name, .name_en} AS alliance,
  coalesce(a.aliases, []) AS aliases,
  leaders,
  formed,
  member_count,
  members_by_kind,
  rivals
