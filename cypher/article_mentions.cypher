// The ids of the entities an article mentions (the candidates for deletion when it is
// unloaded or replaced: loaders/retract.py).
// @mode read
// @params article_id
// :param article_id => 'replace-with-an-article-id'
MATCH (:Article {id: $article_id})-[:MENTIONS]->(e:Entity)
RETURN e.id AS id
