// Source articles, newest first (publication time, then id), one page at a time: the
// keyset cursor is the last row of the previous page (`after_published`, `after_id`).
// Filters, each null to skip it: `publisher` (as stored), publication days `date_from`
// .. `date_to` (YYYY-MM-DD, inclusive, in the article's own time zone), and `mentions`
// (an entity id the article mentions). With each article, how many entities it mentions
// and how many facts it supports (fact relationships whose evidence lists it). The API
// asks for limit + 1 rows to learn whether a next page exists.
// @mode read
// @params after_published, after_id, limit, publisher, date_from, date_to, mentions
// :param {after_published: null, after_id: null, limit: 100, publisher: null, date_from: null, date_to: null, mentions: null}
MATCH (art:Article)
WHERE ($publisher IS NULL OR art.publisher = $publisher)
  AND ($date_from IS NULL OR date(art.published) >= date($date_from))
  AND ($date_to IS NULL OR date(art.published) <= date($date_to))
  AND ($mentions IS NULL OR EXISTS { (art)-[:MENTIONS]->(:Entity {id: $mentions}) })
  AND ($after_published IS NULL
       OR art.published < datetime($after_published)
       OR (art.published = datetime($after_published) AND art.id < $after_id))
WITH art ORDER BY art.published DESC, art.id DESC
LIMIT toInteger($limit)
RETURN
  art {.id, .title, .subtitle, published: toString(art.published), .publisher, .url}
    AS article,
  COUNT { (art)-[:MENTIONS]->() } AS mentions,
  COUNT { (art)-[:MENTIONS]->(:Entity)-[r]->(:Entity) WHERE art.id IN r.article_ids } AS facts
ORDER BY art.published DESC, art.id DESC
