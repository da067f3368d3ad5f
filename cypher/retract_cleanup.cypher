// The end of an unload or replace: delete the article's mentions of entities it no longer
// names (`keep`: the entity ids of its new version; [] on unload), the facts left with no
// evidence, then the entities left with no fact and no mention (registry entities too: the
// registry file keeps them, and the next article that names one makes its node again).
// Only facts and entities the article touched are looked at (loaders/retract.py).
// @mode write
// @params article_id, keep, fact_ids, entity_ids
// :param {article_id: 'replace-with-an-article-id', keep: [], fact_ids: [], entity_ids: ['kt']}
CALL () {
  OPTIONAL MATCH (:Article {id: $article_id})-[m:MENTIONS]->(e:Entity)
  WHERE NOT e.id IN $keep
  DELETE m
  RETURN count(m) AS mentions
}
CALL () {
  UNWIND $fact_ids AS fact_id
  MATCH ()-[r]->()
  WHERE elementId(r) = fact_id AND size(r.article_ids) = 0
  DELETE r
  RETURN count(r) AS facts
}
CALL () {
  UNWIND $entity_ids AS entity_id
  MATCH (n:Entity {id: entity_id})
  WHERE NOT EXISTS { (n)--() }
  DELETE n
  RETURN count(n) AS entities
}
RETURN mentions, facts, entities
