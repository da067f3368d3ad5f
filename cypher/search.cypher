// Entities by name, English name or alias. An exact match of the normalised spelling
// (NFKC, case-folded, spaces removed: `key`) ranks first; then the full-text index
// `entity_names` (cjk analyzer: Hangul bigrams, so spacing does not matter) ranks the rest.
// `lucene` is the user's text with Lucene's special characters escaped, made by the API;
// pass null to skip the full-text part.
// @mode read
// @params key, lucene, limit
// :param {key: '카이스트', lucene: '카이스트', limit: 10}
CALL () {
  MATCH (n:Entity)
  WHERE $key IN n.name_keys
  RETURN n, 1 AS exact, 0.0 AS score
  UNION ALL
  WITH 1 AS go WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: toInteger($limit)})
    YIELD node, score
  RETURN node AS n, 0 AS exact, score
}
WITH n, max(exact) AS exact, max(score) AS score
RETURN
  n {.id, type: [l IN labels(n) WHERE NOT l IN ['Entity', 'Organization']][0], .name,
     .name_en} AS entity,
  coalesce(n.aliases, []) AS aliases,
  exact = 1 AS exact,
  score
ORDER BY exact DESC, score DESC, entity.id
LIMIT toInteger($limit)
