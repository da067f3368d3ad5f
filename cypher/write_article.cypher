// Create or update one article node. Part of the one-transaction load of an article.
// @mode write
// @params article
// :param article => ({id: 'demo', title: '제목', subtitle: null, published: datetime('2020-06-03T15:51:00+09:00'), publisher: '아주경제', url: null, source_path: null, text: '…', fingerprint: 'x'})
MERGE (a:Article {id: $article.id})
SET a += $article
RETURN a.id AS id
