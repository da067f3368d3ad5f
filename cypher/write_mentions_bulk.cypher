// Link many articles to the entities they name (the bulk path of write_mentions).
// @mode write
// @params rows
// :param rows => [{article_id: 'demo', entity_ids: ['kt', 'ai-one-team']}]
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Article {id: row.article_id})
  UNWIND row.entity_ids AS entity_id
  MATCH (n:Entity {id: entity_id})
  MERGE (a)-[:MENTIONS]->(n)
}
