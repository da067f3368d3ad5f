// The articles that mention an entity (what re-extraction after a registry edit of the
// entity must read again: loaders/curation.py), and the entity node's names.
// @mode read
// @params id
// :param {id: 'kt'}
OPTIONAL MATCH (n:Entity {id: $id})
RETURN n IS NOT NULL AS found,
       [l IN labels(n) WHERE NOT l IN ['Entity', 'Organization']][0] AS type,
       n.name AS name, n.name_en AS name_en, coalesce(n.aliases, []) AS aliases,
       COLLECT { MATCH (a:Article)-[:MENTIONS]->(n) RETURN a.id ORDER BY a.id } AS articles
