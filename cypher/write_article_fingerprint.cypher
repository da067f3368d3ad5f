// The fingerprint of what was last loaded from an article, or no row if it was never loaded.
// The writer skips an article whose extraction is unchanged, so loading twice writes nothing.
// @mode read
// @params article_id
// :param article_id => 'demo'
MATCH (a:Article {id: $article_id})
RETURN a.fingerprint AS fingerprint
