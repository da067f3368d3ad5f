// Take the write lock of an article node and read its fingerprint, first thing in a
// transaction that loads, replaces or unloads the article: a load and an unload of the
// same article then run one after the other, never interleaved (no half article). No row
// when the article is not loaded. The SET/REMOVE pair changes nothing but takes the lock.
// @mode write
// @params article_id
// :param article_id => 'replace-with-an-article-id'
MATCH (a:Article {id: $article_id})
SET a.locked = true
REMOVE a.locked
RETURN a.fingerprint AS fingerprint, a.title AS title, a.source_path AS source_path
