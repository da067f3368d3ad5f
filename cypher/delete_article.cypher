// Delete an article node with its MENTIONS (the last step of an unload, after its
// evidence has left every fact: loaders/retract.py).
// @mode write
// @params article_id
// :param article_id => 'replace-with-an-article-id'
MATCH (a:Article {id: $article_id})
DETACH DELETE a
RETURN count(*) AS deleted
