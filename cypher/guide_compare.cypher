// Alliances side by side as a picture: each with its members and leaders, and the
// rivalries between them. Members of two camps sit between them. The table form, with
// counts and agreements, is alliance_compare.cypher (GET /alliances/compare).
// @mode read
// @params ids
// :param {ids: ['ai-one-team', 'ai-super-cooperation']}
MATCH p = (a:Alliance)<-[:MEMBER_OF|LEADS]-()
WHERE a.id IN $ids
RETURN p
UNION
MATCH p = (a:Alliance)-[:COMPETES_WITH]-(b:Alliance)
WHERE a.id IN $ids AND b.id IN $ids
RETURN p
