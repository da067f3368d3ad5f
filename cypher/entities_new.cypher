// Entities the extractor found that the registry does not list (`new`), to curate: how
// many articles mention each, and one sentence that names it (from the evidence of one of
// its facts), most mentioned first.
// @mode read
// @params limit
// :param {limit: 50}
MATCH (n:Entity)
WHERE n.new = true
WITH n, COUNT { (:Article)-[:MENTIONS]->(n) } AS articles
ORDER BY articles DESC, n.id
LIMIT toInteger($limit)
RETURN n.id AS id,
       [l IN labels(n) WHERE NOT l IN ['Entity', 'Organization']][0] AS type,
       n.name AS name, articles,
       head(COLLECT { MATCH (n)-[r]-(:Entity) RETURN r.sentences[0] AS s ORDER BY s }) AS example
