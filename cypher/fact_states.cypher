// The stored state of facts, before and after an article is written, so the load summary
// can say which facts were created, updated or retracted: the facts the article supports
// now (through the entities it mentions) and the facts of the given keys
// ([type, from, to], symmetric ones with ends sorted as the writer stores them).
// @mode read
// @params article_id, keys
// :param {article_id: 'replace-with-an-article-id', keys: [['MEMBER_OF', 'kt', 'ai-one-team']]}
CALL () {
  MATCH (:Article {id: $article_id})-[:MENTIONS]->(:Entity)-[r]->(:Entity)
  WHERE $article_id IN r.article_ids
  RETURN r
  UNION
  UNWIND $keys AS key
  MATCH (:Entity {id: key[1]})-[r]->(:Entity {id: key[2]})
  WHERE type(r) = key[0]
  RETURN r
}
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
