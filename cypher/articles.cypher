// Source articles, one page at a time in id order (keyset cursor: ids after `after`),
// with how many entities each mentions. The API asks for limit + 1 rows.
// @mode read
// @params after, limit
// :param {after: null, limit: 100}
MATCH (art:Article)
WHERE art.id > coalesce($after, '')
WITH art ORDER BY art.id
LIMIT toInteger($limit)
RETURN
  art {.id, .title, .subtitle, published: toString(art.published), .publisher, .url}
    AS article,
  COUNT { (art)-[:MENTIONS]->() } AS mentions
ORDER BY article.id
