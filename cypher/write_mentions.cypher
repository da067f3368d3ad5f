// Link an article to every entity it names.
// @mode write
// @params article_id, entity_ids
// :param {article_id: 'demo', entity_ids: ['kt']}
MATCH (a:Article {id: $article_id})
UNWIND $entity_ids AS entity_id
MATCH (n:Entity {id: entity_id})
MERGE (a)-[:MENTIONS]->(n)
