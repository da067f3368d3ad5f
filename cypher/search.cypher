// Entities by name, English name or alias. An exact match of the normalised spelling
// (NFKC, case-folded, spaces removed: `key`) ranks first; then the full-text index
// `entity_names` (cjk analyzer: Hangul bigrams, so spacing does not matter) ranks the rest.
// The exact match looks `key` up in the whitespace full-text index `entity_keys`
// (`key_term` is `key` with Lucene's special characters escaped). `lucene` is the user's
// text escaped the same way, made by the API; pass null to skip either part.
// @mode read
// @params key, key_term, lucene, limit
// :param {key: '카이스트', key_term: '카이스트', lucene: '카이스트', limit: 10}
CALL () {
  WITH 1 AS go WHERE $key_term IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_keys', $key_term, {limit: toInteger($limit)})
    YIELD node
  WITH node AS n WHERE $key IN n.name_keys
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
